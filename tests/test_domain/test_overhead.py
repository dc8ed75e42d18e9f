"""Step 5 of SPEC §4 by hand: overhead from midlertidige omkostningssteder (SA 5.5.7, 9.1).

Two tilbud: A with 10 pladser at 100 % (3.650 pladsdøgn), 3.650.000 personale, 6 årsværk, 100 m²;
B with 30 pladser at 96 % (30 × 365 × 0,96 = 10.512 pladsdøgn), 1.000.000 personale + 200.000
ejendom, 2 årsværk, 300 m². The pulje: 1.000.000 × driftsandel 60 % = 600.000 to allocate.
"""
from __future__ import annotations

from decimal import Decimal as D

import pytest


@pytest.fixture
def to_tilbud(lav_tilbud):
    a = lav_tilbud(id="A", navn="Alfa", noegletal={"aarsvaerk": "6", "m2": "100"},
                   ydelser=[{"id": "A-1", "pladser": 10, "stoettetimer_uge": "5"}])
    b = lav_tilbud(id="B", navn="Beta", pladser=30, pladser_forrige_aar=30,
                   noegletal={"aarsvaerk": "2", "m2": "300"},
                   belaegning={"metode": "forventet", "pct": "96", "begrundelse": "x"},
                   ydelser=[{"id": "B-1", "pladser": 30, "stoettetimer_uge": "5"}],
                   omkostninger=[{"kategori": "personale", "post": "p", "beloeb": "1000000", "vagtlag": True},
                                 {"kategori": "ejendom", "post": "husleje", "beloeb": "200000"}])
    return a, b


def pulje(noegle, **kw):
    p = {"id": "P", "navn": "Central administration", "beloeb": "1000000", "driftsandel_pct": "60",
         "noegle": noegle, "omfang": "alle"}
    p.update(kw)
    return p


@pytest.mark.parametrize("noegle, a, b", [
    # 600.000 × 10/40 = 150.000; B 450.000.
    ("pladser", "150000.00", "450000.00"),
    # 600.000 × 3.650/14.162 = 154.639,175.. -> 154.639,18; B 445.360,824.. -> 445.360,82.
    ("pladsdoegn", "154639.18", "445360.82"),
    # Lønsum (personale lines): 600.000 × 3.650.000/4.650.000 = 470.967,741.. ; B 129.032,258..
    ("loensum", "470967.74", "129032.26"),
    # 600.000 × 6/8 = 450.000; B 150.000.
    ("aarsvaerk", "450000.00", "150000.00"),
    # 600.000 × 100/400 = 150.000; B 450.000.
    ("m2", "150000.00", "450000.00"),
    # D of step 1: 600.000 × 3.650.000/4.850.000 = 451.546,391.. ; B 148.453,608.. -> 148.453,61.
    ("direkte_omkostninger", "451546.39", "148453.61"),
])
def test_hver_noegle(beregn_dok, lav_dok, to_tilbud, noegle, a, b):
    r = beregn_dok(lav_dok(*to_tilbud, puljer=[pulje(noegle)]))
    ra, rb = r.tilbud
    assert (ra.overhead, rb.overhead) == (D(a), D(b))
    # The myndigheds 40 % (400.000) reaches no takst: A and B carry exactly 600.000.
    assert ra.overhead + rb.overhead == D("600000.00") == r.overhead[0].fordelt
    # Overhead is administration, basis.
    assert ra.omkostninger["administration"] == D(a)
    assert ra.omkostningsgrundlag == D(3650000) + D(a)


def test_fast_andele_med_oevrige_modtagere(beregn_dok, lav_dok, to_tilbud):
    # Fixed 25/25/50 of 600.000: 150.000, 150.000 and 300.000 to the other driftsområde.
    p = pulje("fast", andele={"A": "25", "B": "25", "O": "50"},
              oevrige_modtagere=[{"id": "O", "navn": "Øvrig drift"}])
    r = beregn_dok(lav_dok(*to_tilbud, puljer=[p]))
    assert [(x.modtager_id, x.beloeb, x.er_tilbud) for x in r.overhead[0].andele] == [
        ("A", D("150000.00"), True), ("B", D("150000.00"), True), ("O", D("300000.00"), False)]


def test_oevrige_modtagere_baerer_deres_del(beregn_dok, lav_dok, to_tilbud):
    # Pladser: A 10, B 30, other recipients 60: 600.000 × 10/100 = 60.000; B 180.000; others 360.000.
    p = pulje("pladser", oevrige_modtagere=[{"id": "K1", "navn": "Kategori 1-tilbud", "noegletal": "60"}])
    r = beregn_dok(lav_dok(*to_tilbud, puljer=[p]))
    assert (r.tilbud[0].overhead, r.tilbud[1].overhead) == (D("60000.00"), D("180000.00"))
    assert r.overhead[0].andele[2].beloeb == D("360000.00")


def test_omfang_som_liste(beregn_dok, lav_dok, to_tilbud):
    # Only B in scope, with another recipient of 3 pladser: B = 600.000 × 30/33 = 545.454,5454..
    # -> 545.454,55; the other 54.545,4545.. -> 54.545,45; A gets nothing.
    p = pulje("pladser", omfang=["B"], oevrige_modtagere=[{"id": "O", "navn": "Øvrige", "noegletal": "3"}])
    r = beregn_dok(lav_dok(*to_tilbud, puljer=[p]))
    assert (r.tilbud[0].overhead, r.tilbud[1].overhead) == (D("0.00"), D("545454.55"))
    assert [x.modtager_id for x in r.overhead[0].andele] == ["B", "O"]
    assert r.overhead[0].andele[1].beloeb == D("54545.45")


def test_driftsandel_standard_100(beregn_dok, lav_dok, to_tilbud):
    # Without driftsandel_pct all of 1.000.000 is allocated: A 1.000.000 × 10/40 = 250.000.
    p = pulje("pladser")
    del p["driftsandel_pct"]
    r = beregn_dok(lav_dok(*to_tilbud, puljer=[p]))
    assert r.tilbud[0].overhead == D("250000.00") and r.overhead[0].fordelt == D("1000000.00")


def test_puljer_fordeles_hver_for_sig(beregn_dok, lav_dok, to_tilbud):
    # Pulje 1 by pladser: A 150.000; pulje 2 (a kitchen, 200.000, 100 %) by m²: A 200.000 × 100/400 = 50.000.
    p2 = {"id": "K", "navn": "Køkken", "beloeb": "200000", "noegle": "m2"}
    r = beregn_dok(lav_dok(*to_tilbud, puljer=[pulje("pladser"), p2]))
    assert r.tilbud[0].overhead == D("200000.00") and r.tilbud[1].overhead == D("600000.00")
    assert [o.fordelt for o in r.overhead] == [D("600000.00"), D("200000.00")]


def test_lige_rester_gaar_til_den_foerste(beregn_dok, lav_dok, lav_tilbud):
    # 100.000,00 over three equal recipients: 33.333,333.. each; floors 99.999,99; the last øre goes
    # to the earliest recipient: 33.333,34, 33.333,33, 33.333,33.
    a, b = lav_tilbud(id="A", ydelser=[{"id": "A-1", "pladser": 10}]), lav_tilbud(id="B", ydelser=[{"id": "B-1", "pladser": 10}])
    p = {"id": "P", "navn": "Adm", "beloeb": "100000", "noegle": "pladser",
         "oevrige_modtagere": [{"id": "O", "navn": "Øvrige", "noegletal": "10"}]}
    r = beregn_dok(lav_dok(a, b, puljer=[p]))
    assert [x.beloeb for x in r.overhead[0].andele] == [D("33333.34"), D("33333.33"), D("33333.33")]


def test_kategori_1_baerer_sin_andel(beregn_dok, lav_dok, to_tilbud):
    a, b = to_tilbud
    a["kategori"] = 1
    r = beregn_dok(lav_dok(a, b, puljer=[pulje("pladser")]))
    assert r.tilbud[0].overhead == D("150000.00")
    assert "KATEGORI-1" in [f.kode for f in r.tilbud[0].fund]


def test_nul_noegle_giver_input_fund_med_puljens_navn(beregn_dok, lav_dok, to_tilbud):
    a, b = to_tilbud
    a["noegletal"]["aarsvaerk"] = "0"
    b["noegletal"]["aarsvaerk"] = "0"
    p = pulje("aarsvaerk", oevrige_modtagere=[{"id": "O", "navn": "Øvrige", "noegletal": "0"}])
    r = beregn_dok(lav_dok(a, b, puljer=[p]))
    (f,) = r.fund
    assert (f.kode, f.niveau, f.felt) == ("INPUT", "fejl", "overheadpuljer[0]")
    assert "Central administration" in f.tekst and "Årsværk" in f.tekst and "aarsvaerk" not in f.tekst
    assert r.har_fejl and r.tilbud[0].overhead == D("0.00")
    # Nearest valid: one årsværk elsewhere, and the whole 600.000 goes to that recipient.
    p["oevrige_modtagere"][0]["noegletal"] = "1"
    r = beregn_dok(lav_dok(a, b, puljer=[p]))
    assert r.fund == () and r.overhead[0].andele[2].beloeb == D("600000.00")


def test_mange_puljer_med_hele_omfanget_som_liste_regnes_paa_sekunder():
    """1.000 tilbud and 60 puljer, each naming all 1.000 in its omfang (inside the limits of
    domain/graenser.py): whether a tilbud is in a pulje's omfang was a scan of the list, in the
    validation and again in the allocation, 2·60·1.000·500 comparisons; now a look-up."""
    import json
    import time
    from pathlib import Path

    from takstberegner import tjeneste
    from takstberegner.formats import takstgrundlag as tg

    sti = next((Path(__file__).resolve().parents[1] / "data" / "eksempler").glob("eksempel-1-*.takstgrundlag.json"))
    d = json.loads(sti.read_text(encoding="utf-8"))
    foerste = d["tilbud"][0]
    d["tilbud"] = [dict(foerste, id=f"T{i}", navn=f"Tilbud {i}", tilbudsportal_id=str(100000 + i),
                        ydelser=[dict(y, id=f"T{i}-{y['id']}") for y in foerste["ydelser"]]) for i in range(1000)]
    ids = [t["id"] for t in d["tilbud"]]
    d["overheadpuljer"] = [dict(d["overheadpuljer"][0], id=f"P{k}", omfang=ids) for k in range(60)]
    g = tg.laes_tekst(json.dumps(d, ensure_ascii=False))
    start = time.process_time()
    b = tjeneste.beregn(g)
    brugt = time.process_time() - start
    assert brugt < 10, brugt
    assert not [f for f in b.alle_fund() if f.er_fejl]
    assert len(b.overhead) == 60 and all(len(t.andele) == 1000 + len(g.overheadpuljer[0].oevrige_modtagere) for t in b.overhead)
