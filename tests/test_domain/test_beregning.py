"""Hand-checked figures for each step of SPEC §4. The base tilbud: 10 pladser at 100 % belægning =
3.650 pladsdøgn, and 3.650.000 kr. of vagtlag personale, so its takst is 1.000,00 kr. pr. døgn."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from .hjaelp import beregn, dokument, koder, tilbud


def linje(kategori, beloeb, **kw):
    return {"kategori": kategori, "post": kw.pop("post", "post"), "beloeb": str(beloeb), **kw}


def test_grundtilfaeldet():
    r = beregn(dokument()).tilbud[0]
    assert r.pladsdoegn == D("3650.00") and r.takster[0].takst == D("1000.00")


def test_tap_administrativt_taeller_som_administration_og_i_loensum():
    t = tilbud(omkostninger=[linje("personale", 3_000_000, vagtlag=True),
                             linje("personale", 650_000, post="tap_administrativt")])
    r = beregn(dokument(t)).tilbud[0]
    assert r.omkostninger["personale"] == D("3000000.00")
    assert r.omkostninger["administration"] == D("650000.00")


def test_tjenestemandspension_efter_sats_og_faktisk():
    # 25 % of 400.000 = 100.000; plus an actual 30.000 on another line.
    t = tilbud(omkostninger=[linje("personale", 3_000_000, vagtlag=True, tjenestemand_loen="400000"),
                             linje("personale", 520_000, tjenestemandspension="30000")])
    r = beregn(dokument(t)).tilbud[0]
    assert r.tjenestemandspension == D("130000.00")
    assert r.omkostninger["personale"] == D("3650000.00")
    # A different rate in the satser: 20 % of 400.000 = 80.000.
    r = beregn(dokument(t, satser={"rente_anlaeg_pct": "0", "rente_kort_pct": "0",
                                   "tjenestemandspension_pct": "20"})).tilbud[0]
    assert r.tjenestemandspension == D("110000.00")


def anlaeg(**kw):
    a = {"id": "A", "navn": "Bil", "type": "transportmiddel", "anskaffelsesvaerdi": "240000",
         "ibrugtagning": "2020-01-10", "levetid_aar": 6, "finansiering": "ejet"}
    a.update(kw)
    return a


@pytest.mark.parametrize("a, afskrivning, primo, ultimo", [
    # 240.000 / 6 = 40.000 a year; from 1 Feb 2020: Jan 2026 is month 72 = the last one.
    (anlaeg(), "3333.33", "3333.33", "0.00"),
    # Taken into use 15 Mar 2026: depreciates Apr-Dec = 9 months = 30.000; not on the books 1 Jan.
    (anlaeg(ibrugtagning="2026-03-15"), "30000.00", "0.00", "210000.00"),
    # Fully depreciated before 2026 (from Feb 2015, 72 months to Jan 2021).
    (anlaeg(ibrugtagning="2015-01-05"), "0.00", "0.00", "0.00"),
    # Restværdi 60.000: (240.000 - 60.000) / 6 = 30.000 a year, from Jan 2025: 12 months in 2026.
    (anlaeg(ibrugtagning="2024-12-01", restvaerdi="60000"), "30000.00", "210000.00", "180000.00"),
    # Half of it used by the tilbud: 40.000 × 50 % = 20.000 (book values are for the whole asset).
    (anlaeg(ibrugtagning="2024-12-01", andel_pct="50"), "20000.00", "200000.00", "160000.00"),
    # Taken into use in 2027: nothing in 2026.
    (anlaeg(ibrugtagning="2027-01-02"), "0.00", "0.00", "0.00"),
])
def test_afskrivning_maaned_for_maaned(a, afskrivning, primo, ultimo):
    r = beregn(dokument(tilbud(anlaeg=[a]))).tilbud[0]
    (x,) = r.anlaeg
    assert (x.afskrivning, x.bogfoert_primo, x.bogfoert_ultimo) == (D(afskrivning), D(primo), D(ultimo))
    assert r.afskrivninger == D(afskrivning)
    assert r.omkostninger["kapital"] == D(afskrivning)


def test_forrentning_af_gennemsnitlig_bogfoert_vaerdi_og_grund():
    # Building 1.000.000 over 50 years from Jan 2021: 20.000 a year; 1 Jan 2026 = 900.000,
    # 31 Dec 2026 = 880.000; average 890.000 × 4 % = 35.600. Grund 500.000 × 4 % = 20.000.
    a = [anlaeg(id="B", type="bygning", anskaffelsesvaerdi="1000000", ibrugtagning="2020-12-01", levetid_aar=50),
         {"id": "G", "navn": "Grund", "type": "grund", "anskaffelsesvaerdi": "500000", "ibrugtagning": "2020-12-01"}]
    satser = {"rente_anlaeg_pct": "4", "rente_kort_pct": "0"}
    r = beregn(dokument(tilbud(anlaeg=a), satser=satser)).tilbud[0]
    assert r.forrentning_anlaeg == D("55600.00") and r.afskrivninger == D("20000.00")
    assert r.omkostninger["finansieringsudgifter"] == D("55600.00")
    assert [x.afskrivning for x in r.anlaeg] == [D("20000.00"), D("0.00")]


def pulje(noegle, **kw):
    p = {"id": "P", "navn": "Central administration", "beloeb": "1000000", "driftsandel_pct": "60",
         "noegle": noegle, "omfang": "alle", "oevrige_modtagere": [{"id": "O", "navn": "Øvrige", "noegletal": "0"}]}
    p.update(kw)
    return p


def to_tilbud(**b_kw):
    a = tilbud(id="A", pladser=10, ydelser=[{"id": "A-1", "pladser": 10, "stoettetimer_uge": "5"}],
               noegletal={"aarsvaerk": "6", "m2": "100"})
    b = tilbud(id="B", pladser=30, ydelser=[{"id": "B-1", "pladser": 30, "stoettetimer_uge": "5"}],
               noegletal={"aarsvaerk": "2", "m2": "300"},
               omkostninger=[linje("personale", 1_000_000, vagtlag=True), linje("ejendom", 200_000)], **b_kw)
    return a, b


@pytest.mark.parametrize("noegle, a_andel", [
    ("pladser", "150000.00"),  # 600.000 × 10 / 40
    ("pladsdoegn", "150000.00"),  # the same at equal belægning
    ("loensum", "470967.74"),  # 600.000 × 3.650.000 / (3.650.000 + 1.000.000) = 470.967,741...
    ("aarsvaerk", "450000.00"),  # 600.000 × 6 / 8
    ("m2", "150000.00"),  # 600.000 × 100 / 400
    ("direkte_omkostninger", "451546.39"),  # 600.000 × 3.650.000 / (3.650.000 + 1.200.000)
])
def test_overhead_efter_hver_noegle(noegle, a_andel):
    a, b = to_tilbud()
    r = beregn(dokument(a, b, puljer=[pulje(noegle)]))
    oa, ob = r.tilbud[0].overhead, r.tilbud[1].overhead
    assert oa + ob == D("600000.00")  # beløb × driftsandel, all of it to the two tilbud
    assert oa == D(a_andel)
    assert r.tilbud[0].omkostninger["administration"] == oa


def test_overhead_fast_andele_oevrige_modtagere_og_omfang():
    a, b = to_tilbud()
    p = pulje("fast", andele={"A": "25", "B": "25", "O": "50"})
    r = beregn(dokument(a, b, puljer=[p]))
    assert (r.tilbud[0].overhead, r.tilbud[1].overhead) == (D("150000.00"), D("150000.00"))
    assert r.overhead[0].andele[-1].beloeb == D("300000.00") and r.overhead[0].fordelt == D("600000.00")
    # Only B in scope, other recipient with 3 pladser against B's 30: B gets 600.000 × 30/33.
    p = pulje("pladser", omfang=["B"], oevrige_modtagere=[{"id": "O", "navn": "Øvrige", "noegletal": "3"}])
    r = beregn(dokument(a, b, puljer=[p]))
    assert r.tilbud[0].overhead == D("0.00") and r.tilbud[1].overhead == D("545454.55")


def test_overhead_med_nul_noegle_giver_input_fund():
    a, b = to_tilbud()
    p = pulje("pladser", omfang=["A"])
    a["pladser"] = 0
    a["ydelser"][0]["pladser"] = 0
    r = beregn(dokument(a, b, puljer=[p]))
    (f,) = [x for x in r.fund if x.kode == "INPUT"]
    assert f.felt == "overheadpuljer[0]" and "Central administration" in f.tekst and f.niveau == "fejl"


def test_driftskapital_to_maaneder_som_standard():
    # 3.650.000 × 2/12 × 3 % = 18.250.
    t = tilbud(driftskapital={})
    r = beregn(dokument(t, satser={"rente_anlaeg_pct": "0", "rente_kort_pct": "3"})).tilbud[0]
    assert r.forrentning_driftskapital == D("18250.00")
    assert r.omkostningsgrundlag == D("3668250.00")


def resultat(**kw):
    r = {"aar": 2024, "resultat": "300000", "grundlag": "4000000", "valg": "hensaet"}
    r.update(kw)
    return r


@pytest.mark.parametrize("res, regulering, hensat, fund", [
    # Overskud 300.000 ≤ 5 % of 4 mio. (200.000)? No: 300.000 > 200.000: 200.000 hensat, 100.000 out.
    (resultat(), "-100000.00", "200000.00", []),
    # Overskud 150.000 under the limit: all hensat.
    (resultat(resultat="150000"), "0.00", "150000.00", []),
    # Indregn: all of it lowers the takst.
    (resultat(valg="indregn"), "-300000.00", "0.00", []),
    # Underskud 150.000 ≤ 200.000: own risk, nothing added; REG-EGENRISIKO.
    (resultat(resultat="-150000", valg="indregn"), "0.00", "0.00", ["REG-EGENRISIKO"]),
    # Underskud 500.000: 300.000 above the limit must be added.
    (resultat(resultat="-500000", valg="indregn"), "300000.00", "0.00", []),
    # Udskyd in 2026 of a 2025 result: allowed (2026 < 2027), nothing this year.
    (resultat(aar=2025, resultat="-500000", valg="udskyd"), "0.00", "0.00", []),
    # Udskyd in 2026 of a 2024 result: too late (2026 = 2024 + 2), REG-FRIST.
    (resultat(resultat="-500000", valg="udskyd"), "0.00", "0.00", ["REG-FRIST"]),
    # Already indregnet 120.000 of the 300.000: 180.000 left.
    (resultat(resultat="-500000", valg="indregn", indregnet_tidligere="120000"), "180000.00", "0.00", []),
])
def test_regulering(res, regulering, hensat, fund):
    r = beregn(dokument(tilbud(resultater=[res]))).tilbud[0]
    assert r.regulering == D(regulering) and r.hensat == D(hensat)
    assert [f.kode for f in r.fund if f.kode.startswith("REG")] == fund


def test_regulering_forrentes_for_hele_aar_mellem_y_og_t():
    # 2023 result in 2026: 2 full years (2024, 2025) at 2 %: 300.000 × 0,02 × 2 = 12.000.
    t = tilbud(resultater=[resultat(aar=2023, resultat="-500000", valg="indregn")])
    r = beregn(dokument(t, satser={"rente_anlaeg_pct": "0", "rente_kort_pct": "2"})).tilbud[0]
    assert r.regulering == D("312000.00")
    assert r.reguleringer[0].renter == D("12000.00")


def test_nyt_tilbuds_underskud_en_tredjedel():
    # Underskud 1.100.000 on 10 mio.: 500.000 own risk, 600.000 over three years: 200.000 now.
    t = tilbud(nyt_tilbud=True,
               resultater=[resultat(resultat="-1100000", grundlag="10000000", valg="indregn",
                                    nyt_tilbud_foerste_aar=True)])
    r = beregn(dokument(t)).tilbud[0]
    assert r.regulering == D("200000.00") and r.reguleringer[0].udskudt == D("400000.00")


def test_hensaettelse_udloeber():
    t = tilbud(hensaettelser=[{"aar": 2021, "beloeb": "100000", "brugt": "40000"},
                              {"aar": 2022, "beloeb": "100000"}])
    r = beregn(dokument(t)).tilbud[0]
    assert [f.felt for f in r.fund if f.kode == "HENS-UDLOEB"] == ["tilbud[0].hensaettelser[0]"]
    assert [(h.aar, h.beloeb, h.sidste_anvendelsesaar) for h in r.tidligere_hensaettelser] == [
        (2021, D("60000.00"), 2026), (2022, D("100000.00"), 2027)]


@pytest.mark.parametrize("bel, pct, fund", [
    ({"metode": "beregnet", "faktisk_pct": {"2023": "96", "2024": "98", "2020": "50"}}, "97.00", []),
    ({"metode": "forventet", "pct": "95", "begrundelse": "x"}, "95.00", []),
    ({"metode": "forventet", "pct": "94.99", "begrundelse": "x"}, "94.99", ["BEL-UNDER-95"]),
    ({"metode": "forventet", "pct": "99", "begrundelse": "x"}, "99.00", ["BEL-OVER-98"]),
    ({"metode": "forventet", "pct": "96"}, "96.00", ["BEL-BEGRUNDELSE"]),
    ({"metode": "forventet", "pct": "101", "begrundelse": "x"}, None, ["BEL-UGYLDIG"]),
    ({"metode": "beregnet", "faktisk_pct": {"2024": "98"}}, None, ["BEL-UGYLDIG"]),
])
def test_belaegning(bel, pct, fund):
    r = beregn(dokument(tilbud(belaegning=bel))).tilbud[0]
    assert r.belaegning_pct == (D(pct) if pct else None)
    assert [f.kode for f in r.fund if f.kode.startswith("BEL")] == fund


def test_belaegning_korte_forloeb_og_nyt_tilbud():
    bel = {"metode": "forventet", "pct": "91", "begrundelse": "x"}
    assert koder(beregn(dokument(tilbud(belaegning=bel, korte_forloeb=True))).tilbud[0]) == []
    bel["pct"] = "89"
    assert koder(beregn(dokument(tilbud(belaegning=bel, korte_forloeb=True))).tilbud[0]) == ["BEL-UNDER-90"]
    bel = {"metode": "nyt_tilbud", "pct": "75", "begrundelse": "8-9 borgere første år"}
    assert koder(beregn(dokument(tilbud(belaegning=bel, nyt_tilbud=True, foerste_driftsaar=2026))).tilbud[0]) == []
    # Without its first driftsår it is read as the takstår, with a warning (SPEC v2 §2).
    assert koder(beregn(dokument(tilbud(belaegning=bel, nyt_tilbud=True))).tilbud[0]) == ["NYT-TILBUD-AAR"]


def test_gennemsnit_med_linje_til_en_ydelse():
    # Two ydelser of 5 pladser (1.825 pladsdøgn each); 730.000 tagged to Y2 alone.
    # Y1: 3.650.000/2 / 1.825 = 1.000,00; Y2: (1.825.000 + 730.000) / 1.825 = 1.400,00.
    t = tilbud(ydelser=[{"id": "Y1", "pladser": 5, "stoettetimer_uge": "5"},
                        {"id": "Y2", "pladser": 5, "stoettetimer_uge": "5"}],
               omkostninger=[linje("personale", 3_650_000, vagtlag=True), linje("aktivitet", 730_000, ydelse="Y2")])
    r = beregn(dokument(t)).tilbud[0]
    assert [x.takst for x in r.takster] == [D("1000.00"), D("1400.00")]
    assert r.takster[1].pr_kategori["aktivitet"] == D("400.00")


def test_differentieret_basis_og_ydelsestakst():
    # Basis 730.000 / 3.650 pladsdøgn = 200,00 for all. Borgerrettet 2.920.000 by støttetimer:
    # Σ pladser × h = 5×4 + 5×12 = 80; Y1: 2.920.000 × 4/80 / 365 = 400,00; Y2: × 12 = 1.200,00.
    t = tilbud(takststruktur="differentieret",
               ydelser=[{"id": "Y1", "pladser": 5, "stoettetimer_uge": "4"},
                        {"id": "Y2", "pladser": 5, "stoettetimer_uge": "12"}],
               omkostninger=[linje("personale", 2_920_000, vagtlag=True), linje("ejendom", 730_000)])
    r = beregn(dokument(t)).tilbud[0]
    assert [(x.basistakst, x.ydelsestakst, x.takst) for x in r.takster] == [
        (D("200.00"), D("400.00"), D("600.00")), (D("200.00"), D("1200.00"), D("1400.00"))]
    # Pris pr. direkte støttetime: 2.920.000 / (80 × 365/7) = 700,00.
    assert r.pris_pr_stoettetime == D("700.00")


def test_pladser_sum_ved_differentieret():
    t = tilbud(takststruktur="differentieret", ydelser=[{"id": "Y1", "pladser": 4, "stoettetimer_uge": "4"}])
    assert "PLADSER-SUM" in koder(beregn(dokument(t)).tilbud[0])


def test_enhedstakst():
    t = tilbud(tilbudstype="ambulant", takststruktur="enhed", belaegning=None,
               enheder={"enhed": "time", "antal": "5000"}, ydelser=[{"id": "R", "navn": "Rådgivning"}],
               omkostninger=[linje("personale", 3_000_000, vagtlag=True)])
    r = beregn(dokument(t)).tilbud[0]
    (x,) = r.takster
    assert (x.enhed, x.takst, x.ydelse) == ("time", D("600.00"), "R")


def test_traekningsret_i_hele_kroner_der_summer():
    # 1.000.000,00 by 1:1:1 is 333.333,33 each: whole kroner 333.334 + 333.333 + 333.333.
    t = tilbud(takststruktur="traekningsret", belaegning=None, ydelser=[],
               fordeling={"Aalborg": "1", "Hjørring": "1", "Frederikshavn": "1"},
               omkostninger=[linje("personale", 1_000_000)])
    r = beregn(dokument(t)).tilbud[0]
    assert r.takster == ()
    assert r.fordeling == {"Aalborg": D("333334"), "Hjørring": D("333333"), "Frederikshavn": D("333333")}


def test_ata_timetakst_som_i_bilag_2():
    t = tilbud(tillaegsydelser=[{"personalekategori": "Socialpædagog", "timeomkostning": "206",
                                 "fravaer_pct": "33", "tidsrum": {"hverdag": "25"}}])
    (a,) = beregn(dokument(t)).tilbud[0].tillaegsydelser
    assert a.ata_timetakst == D("335.78") and a.vfo_pct == D("5")
    assert D(5) * a.ata_timetakst / 2 == D("839.45")  # 0,5 hour on 5 weekdays


@pytest.mark.parametrize("aendring, kode", [
    ({"pladser": 12, "ydelser": [{"id": "T-1", "pladser": 12, "stoettetimer_uge": "10"}]}, "PLADSER-AENDRET"),
    ({"ydelser": [{"id": "T-1", "pladser": 10, "stoettetimer_uge": "10", "forrige_takst": "900"}]},
     "TAKST-AENDRET"),  # 1.000 against 900: +11,11 %
    ({"ydelser": [{"id": "T-1", "pladser": 10}]}, "STOETTETIMER-MANGLER"),
    ({"kategori": 1}, "KATEGORI-1"),
    ({"omkostninger": [linje("personale", 3_650_000, vagtlag=True),
                       linje("personale", 10_000, post="tillaegsydelse")]}, "IKKE-TAKST-OMKOSTNING"),
    ({"anlaeg": [anlaeg(levetid_aar=12)]}, "ANLAEG-LEVETID"),
    ({"anlaeg": [anlaeg(finansiering="finansiel_leasing")],
      "omkostninger": [linje("personale", 3_650_000, vagtlag=True),
                       linje("kapital", 40_000, post="leasingydelse", anlaeg="A")]}, "LEAS-DOBBELT"),
])
def test_fund_og_naermeste_gyldige(aendring, kode):
    r = beregn(dokument(tilbud(**aendring))).tilbud[0]
    assert kode in koder(r)
    f = next(x for x in r.fund if x.kode == kode)
    assert f.tekst and f.reference.startswith("SA ") and f.felt.startswith("tilbud[0]")
    if kode in ("PLADSER-AENDRET", "TAKST-AENDRET"):  # a bemærkning answers them
        assert kode not in koder(beregn(dokument(tilbud(bemaerkninger="Ny afdeling", **aendring))).tilbud[0])


def test_pladser_aendret_siger_at_das_godkender_aendringen():
    """SA 2.2.3: a permanent change of pladser is given with its reason at the indmelding, 'Ændringen
    skal godkendes af DAS'. The finding asked only for a bemærkning, so a user could think the
    bemærkning settled it."""
    r = beregn(dokument(tilbud(pladser=12, ydelser=[{"id": "T-1", "pladser": 12, "stoettetimer_uge": "10"}]))).tilbud[0]
    (f,) = [x for x in r.fund if x.kode == "PLADSER-AENDRET"]
    assert f.tekst.startswith("Antallet af pladser er ændret fra 10 til 12. Beskriv årsagen til ændringen under "
                              "Bemærkninger")
    assert "skal godkendes af Den Administrative Styregruppe" in f.tekst and f.reference == "SA 2.2.3, 5.5.2"


def test_takst_aendret_under_graensen_er_ingen_fund():
    y = [{"id": "T-1", "pladser": 10, "stoettetimer_uge": "10", "forrige_takst": "960"}]  # +4,17 %
    assert "TAKST-AENDRET" not in koder(beregn(dokument(tilbud(ydelser=y))).tilbud[0])
