"""The budget lines and anlæg of a tilbud are read column by column for speed (issue 9 item 7):
for any list of JSON objects, the batch reader gives exactly the records of the field readers, or
leaves the list to them (which then name the wrong field); it takes the common shapes itself."""
from __future__ import annotations

import json
from decimal import Decimal as D

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from takstberegner.domain import model as m
from takstberegner.formats import takstgrundlag as tg
from takstberegner.formats.fejl import InputError

_VAERDIER = st.sampled_from([
    None, "", " ", "abc", "personale", "post_1", "12.50", " 12 ", "1,5", "1_000", "NaN", "-Infinity", "1E+3", "-0",
    "0.10", 0, 7, -3, 10**30, True, False, D("1.10"), D("NaN"), 1.5, [], {}, [1], "2024-01-31", "2024-13-01",
    "20240131", "ejet", "grund", "T1", "\x00x", "basis", "1e-200", "1E+150", "0E-150", 10**200, D("1E-150"),
    "0." + "1" * 120, "9" * 60,
])


def _objekter(noegler: tuple[str, ...]) -> st.SearchStrategy[list]:
    objekt = st.dictionaries(st.sampled_from(noegler + ("ukendt",)), _VAERDIER, max_size=len(noegler))
    return st.lists(objekt | st.sampled_from([None, "x", 3]), max_size=4)


def _almindelig_linje() -> st.SearchStrategy[dict]:
    return st.fixed_dictionaries(
        {"kategori": st.sampled_from(m.KATEGORIER), "post": st.sampled_from(["løn", "post_1", " x "]),
         "beloeb": st.sampled_from(["12.50", "-3", "1E+3", 40, D("0.10"), "0"])},
        optional={k: st.sampled_from(v) for k, v in {
            "vagtlag": [True, False, None], "del": [None, "", "basis", "borgerrettet"], "ydelse": [None, "", "Y1"],
            "tjenestemand_loen": [None, "300000", 5], "tjenestemandspension": [None, "12.5"],
            "anlaeg": [None, "", "A1"], "tekst": [None, "", "husleje"]}.items()})


def _almindeligt_anlaeg() -> st.SearchStrategy[dict]:
    return st.fixed_dictionaries(
        {"id": st.sampled_from(["A1", "A2"]), "type": st.sampled_from(m.ANLAEG_TYPER),
         "anskaffelsesvaerdi": st.sampled_from(["100000", 5000, D("12.5")]),
         "ibrugtagning": st.sampled_from(["2020-03-15", "2024-12-31"])},
        optional={k: st.sampled_from(v) for k, v in {
            "navn": [None, "", "Bus"], "levetid_aar": [None, 10], "restvaerdi": [None, "0", "100"],
            "finansiering": [None, "", "ejet", "finansiel_leasing"], "andel_pct": [None, "50", 100]}.items()})


def _som_felterne(raa: list, laes, skema: tuple):
    """(the field readers' records, or the InputError they raise; the batch reader's result)."""
    try:
        forventet = tuple(laes(x, f"x[{i}]") for i, x in enumerate(raa))
    except InputError as e:
        forventet = e
    return forventet, tg._mange(raa, skema)


def _samme(a: tuple, b: tuple) -> bool:
    # repr shows each value's type and a Decimal's exponent (1.10 is not 1.1)
    return a == b and [repr(x) for x in a] == [repr(x) for x in b]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_objekter(tg._LINJE_FELTER), st.lists(_almindelig_linje(), max_size=6)))
def test_budgetlinjer_i_et_hug_er_de_samme_som_linje_for_linje(raa):
    forventet, hurtigt = _som_felterne(raa, tg._linje, tg._LINJE_SKEMA)
    if isinstance(forventet, InputError):
        assert hurtigt is None
    elif hurtigt is not None:
        assert _samme(hurtigt, forventet)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_objekter(tuple(f[0] for f in tg._ANLAEG_SKEMA[1])), st.lists(_almindeligt_anlaeg(), max_size=6)))
def test_anlaeg_i_et_hug_er_de_samme_som_et_for_et(raa):
    forventet, hurtigt = _som_felterne(raa, tg._anlaeg, tg._ANLAEG_SKEMA)
    if isinstance(forventet, InputError):
        assert hurtigt is None
    elif hurtigt is not None:
        assert _samme(hurtigt, forventet)


@given(st.lists(_almindelig_linje(), min_size=1, max_size=6), st.lists(_almindeligt_anlaeg(), min_size=1, max_size=6))
@settings(max_examples=100, deadline=None)
def test_de_almindelige_former_tages_i_et_hug(linjer, anlaeg):
    """Amounts as text or numbers, optional keys present, absent or null: all read column-wise,
    unless a value needs a field reader's word (a blank post, an empty ydelse is no ydelse)."""
    for raa, laes, skema in ((linjer, tg._linje, tg._LINJE_SKEMA), (anlaeg, tg._anlaeg, tg._ANLAEG_SKEMA)):
        forventet, hurtigt = _som_felterne(raa, laes, skema)
        assert not isinstance(forventet, InputError)
        assert hurtigt is not None and _samme(hurtigt, forventet)
        felter = {f.name for f in m.Omkostningslinje.__dataclass_fields__.values()} if skema is tg._LINJE_SKEMA \
            else set(m.Anlaeg.__dataclass_fields__)
        for post in hurtigt:  # each record is whole: what its __dict__ lacks, the class holds
            assert all(hasattr(post, f) for f in felter) and set(vars(post)) <= felter


@pytest.mark.parametrize("form", ["genereret", "skrevet"])
def test_den_store_driftsherre_laeses_i_et_hug(form):
    from bench.generer import generer_stor_driftsherre

    d = generer_stor_driftsherre(seed=1, tilbud=3, linjer=300, anlaeg=30)
    if form == "skrevet":  # every key, null where unset, as skriv_tekst and eksporter write it
        d = json.loads(tg.skriv_tekst(tg.laes_dict(d)))
    for t in d["tilbud"]:
        assert tg._mange(t["omkostninger"], tg._LINJE_SKEMA) is not None
        assert tg._mange(t["anlaeg"], tg._ANLAEG_SKEMA) is not None
    kopi = json.loads(json.dumps(d))
    tg.laes_dict(d)
    assert d == kopi  # the caller's document is not changed
