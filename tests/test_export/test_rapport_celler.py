"""The report's cells (Tal, Ref) are filled by a fast __init__ of their own; it must make exactly
what the frozen dataclass's generated __init__ makes, and leave them frozen."""
from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from takstberegner.export import rapport
from takstberegner.export.rapport import Ref, Tal


def _felter(cls):
    return [(f.name, f.default) for f in dataclasses.fields(cls)]


def test_felterne_er_dem_den_hurtige_init_kender():
    assert _felter(Tal) == [("v", dataclasses.MISSING), ("fmt", rapport.KR), ("formel", ""), ("refs", ())]
    assert _felter(Ref) == [("sektion", dataclasses.MISSING), ("raekke", dataclasses.MISSING),
                            ("kolonne", dataclasses.MISSING), ("til", None), ("tilbud", None), ("til_kolonne", None)]


_REF = st.builds(Ref, st.text(max_size=5), st.one_of(st.none(), st.integers(-3, 9), st.text(max_size=3)),
                 st.integers(0, 12), st.one_of(st.none(), st.integers(0, 9)), st.one_of(st.none(), st.text(max_size=3)),
                 st.one_of(st.none(), st.integers(0, 12)))


@settings(max_examples=100, deadline=None)
@given(st.one_of(st.none(), st.integers(), st.decimals(allow_nan=False)),
       st.sampled_from([rapport.KR, rapport.PCT, rapport.TAL, rapport.HELTAL, rapport.AAR]),
       st.text(max_size=6), st.lists(_REF, max_size=2).map(tuple), st.integers(0, 4))
def test_hurtig_init_giver_det_samme_som_dataklassens(v, fmt, formel, refs, antal):
    args = (v, fmt, formel, refs)[:max(antal, 1)]
    hurtig = Tal(*args)
    egen = object.__new__(Tal)
    rapport._TAL_INIT(egen, *args)
    assert hurtig == egen and hurtig.__dict__ == egen.__dict__ and hash(hurtig) == hash(egen)
    assert Tal(v=v, refs=refs) == Tal(v, rapport.KR, "", refs)
    for r in refs:
        kopi = object.__new__(Ref)
        rapport._REF_INIT(kopi, r.sektion, r.raekke, r.kolonne, r.til, r.tilbud, r.til_kolonne)
        assert kopi == r and kopi.__dict__ == r.__dict__
    with pytest.raises(dataclasses.FrozenInstanceError):
        hurtig.v = Decimal(1)
    assert dataclasses.replace(hurtig, fmt=rapport.PCT).fmt == rapport.PCT
