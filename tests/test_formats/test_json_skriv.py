"""The indented JSON writer (formats/json_skriv.py) and the documents written with it: the same
characters as json.dumps(ensure_ascii=False, indent=N) for any value, and the takster document
and the takstgrundlag exactly as json.dumps wrote them before."""
from __future__ import annotations

import json
from decimal import Decimal as D
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from takstberegner.formats import json_skriv, takster
from takstberegner.formats import takstgrundlag as tg
from takstberegner.tjeneste import beregn

EKSEMPLER = sorted((Path(__file__).parents[1] / "data" / "eksempler").glob("*.takstgrundlag.json"))

tekst = st.text(max_size=8) | st.sampled_from(["\ud800", "\x00\x1f\x7f", '"\\', "\u2028", "😀", "æøå"])
blad = (st.none() | st.booleans() | st.integers(-10**20, 10**20) | tekst
        | st.floats(allow_nan=True, allow_infinity=True))
vaerdi = st.recursive(
    blad, lambda indre: st.lists(indre, max_size=4) | st.lists(indre, max_size=3).map(tuple)
    | st.dictionaries(tekst, indre, max_size=4)
    | st.dictionaries(st.integers(-5, 5) | st.booleans() | st.none(), indre, max_size=2),
    max_leaves=25)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(vaerdi, st.sampled_from([0, 1, 2, 4]))
def test_som_json_dumps_med_indrykning(o, indryk):
    assert json_skriv.indrykket(o, indryk) == json.dumps(o, ensure_ascii=False, indent=indryk)


def test_json_dumps_fejl_bevares():
    with pytest.raises(TypeError):
        json_skriv.indrykket({"a": [D(1)]}, 1)
    kreds: list = []
    kreds.append(kreds)
    with pytest.raises(ValueError):
        json_skriv.indrykket({"a": kreds}, 1)


@given(st.decimals(allow_nan=True, allow_infinity=False, places=None)
       | st.sampled_from([D("1E+3"), D("-0"), D("0E-7"), D("1E-9"), D("-0.005"), D("123456789012.345")]))
@settings(max_examples=200, deadline=None)
def test_beloeb_med_to_decimaler_som_format_f(x):
    for enhed, skriv in ((D("0.01"), takster._b), (D(1), takster._kr)):
        try:
            forventet = format(x.quantize(enhed), "f")
        except ArithmeticError:
            with pytest.raises(ArithmeticError):
                skriv(x)
            continue
        assert skriv(x) == forventet


@pytest.mark.parametrize("sti", EKSEMPLER, ids=lambda p: p.name)
def test_dokumenterne_er_som_foer(sti):
    g = tg.laes_fil(sti)
    assert tg.skriv_tekst(g) == json.dumps(tg.skriv_dict(g), ensure_ascii=False, indent=2) + "\n"
    b = beregn(g)
    d = takster.skriv_dict(b)
    assert takster.skriv_tekst(b) == json.dumps(d, ensure_ascii=False, indent=1) + "\n"
    assert json.loads(takster.skriv_tekst(b)) == d
