"""Sammenligning (SA 1.2): each takst beside the other driftsherrer' with the same paragraf,
tilbudstype and enhed."""
from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from takstberegner.domain.sammenligning import Sammenligningstakst, normaliser_paragraf, sammenlign


def s(cvr, takst, pris=None, paragraf="SEL § 108", type_="doegn", enhed="doegn", navn="T"):
    return Sammenligningstakst(f"Kommune {cvr}", cvr, navn, paragraf, type_, "Ydelse", enhed,
                               None if takst is None else Decimal(takst), None if pris is None else Decimal(pris))


def test_andre_driftsherrer_med_samme_paragraf_type_og_enhed():
    egen = s("1", "2000", "700")
    alle = [egen, s("1", "9999", navn="egen anden"), s("2", "1500", "600"), s("3", "2500", "900"),
            s("4", "1800", "650", paragraf="sel §108"), s("5", "100", paragraf="SEL § 107"),
            s("6", "100", type_="dag"), s("7", "100", enhed="time"), s("8", None)]
    (r,) = sammenlign([egen], alle)
    assert sorted(a.cvr for a in r.andre) == ["2", "3", "4"]
    assert (r.takst.antal, r.takst.laveste, r.takst.median, r.takst.hoejeste) == (
        3, Decimal("1500"), Decimal("1800.00"), Decimal("2500"))
    assert r.takst_ift_median_pct == Decimal("11.11")  # 2000 / 1800 − 1
    assert (r.pris.antal, r.pris.median) == (3, Decimal("650.00"))
    assert r.pris_ift_median_pct == Decimal("7.69")


def test_lige_antal_giver_midten_af_de_to_midterste_og_ingen_andre_giver_intet():
    (r,) = sammenlign([s("1", "10")], [s("2", "1"), s("3", "2.5")])
    assert r.takst.median == Decimal("1.75")
    (r,) = sammenlign([s("1", "10")], [s("1", "10")])
    assert r.takst.antal == 0 and r.takst.median is None and r.takst_ift_median_pct is None


def test_paragraf_normaliseres():
    assert normaliser_paragraf("SEL  §108") == normaliser_paragraf("sel § 108") == "sel § 108"


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 4), st.decimals("1", "5000", places=2)), min_size=1, max_size=12))
def test_median_ligger_mellem_laveste_og_hoejeste_og_egen_er_aldrig_med(data):
    alle = [s(str(c), str(v)) for c, v in data]
    for r in sammenlign(alle, alle):
        assert all(a.cvr != r.egen.cvr for a in r.andre)
        if r.takst.antal:
            assert r.takst.laveste <= r.takst.median <= r.takst.hoejeste


def test_en_pris_pr_stoettetime_paa_0_kr_sammenlignes_ikke():
    """A tilbud with støttetimer but no borgerrettet part has 0 kr. pr. støttetime: no price to compare.
    Before, such tilbud pulled the others' median to 0 (and a real price's 'ift. median' with it) and
    their own pris showed −100 % against the others."""
    egen = s("1", "2000", "700")
    alle = [egen, s("2", "1500", "0"), s("3", "2500", "0"), s("4", "1800", "650")]
    (r,) = sammenlign([egen], alle)
    assert (r.pris.antal, r.pris.median) == (1, Decimal("650.00"))
    assert r.pris_ift_median_pct == Decimal("7.69") and r.takst.antal == 3
    nul = next(x for x in sammenlign(alle, alle) if x.egen.cvr == "2")
    assert nul.pris_ift_median_pct is None and nul.takst_ift_median_pct is not None
