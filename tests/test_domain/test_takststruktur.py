"""Steps 12-14 of SPEC §4 by hand: takster by takststruktur (SA 4.1, 4.2.2, 5.4), publication
rounding, pris pr. direkte støttetime, and ATA-timetakster for tillægsydelser (SA 9.2)."""
from __future__ import annotations

from decimal import Decimal as D

import pytest


def linje(kategori, beloeb, post="post", **kw):
    return {"kategori": kategori, "post": post, "beloeb": str(beloeb), **kw}


def ydelse(id_, pladser, timer=None, **kw):
    y = {"id": id_, "navn": f"Niveau {id_}", "pladser": pladser, **kw}
    if timer is not None:
        y["stoettetimer_uge"] = str(timer)
    return y


# ---------------------------------------------------------------- gennemsnit
def test_gennemsnit_med_linje_til_en_ydelse(beregn_tilbud):
    # Y1 4 pladser (1.460 pladsdøgn), Y2 6 pladser (2.190). Untagged 3.650.000 shared by pladsdøgn:
    # Y1 1.460.000, Y2 2.190.000. Y2 alone has 730.000 aktivitet.
    # Y1 = 1.460.000/1.460 = 1.000,00; Y2 = (2.190.000 + 730.000)/2.190 = 1.333,333.. -> 1.333,33.
    r = beregn_tilbud(ydelser=[ydelse("Y1", 4, 5), ydelse("Y2", 6, 5)],
                      omkostninger=[linje("personale", 3_650_000, vagtlag=True), linje("aktivitet", 730_000, ydelse="Y2")])
    assert [(t.ydelse, t.takst) for t in r.takster] == [("Y1", D("1000.00")), ("Y2", D("1333.33"))]
    # Y2's aktivitet per døgn: 730.000/2.190 = 333,33; Y1 has none.
    assert r.takster[0].pr_kategori["aktivitet"] == D("0.00")
    assert r.takster[1].pr_kategori["aktivitet"] == D("333.33")
    assert r.takster[1].pr_kategori["personale"] == D("1000.00")


def test_gennemsnit_indtaegter_foelger_ydelsens_andel_af_o(beregn_tilbud):
    # Y1 and Y2 of 5 pladser (1.825 pladsdøgn each); untagged 3.650.000, Y2's own 730.000: O = 4.380.000,
    # O_1 = 1.825.000, O_2 = 2.555.000. A tilskud of 438.000 (10 % of O) is shared by share of O:
    # Y1 (1.825.000 - 182.500)/1.825 = 900,00; Y2 (2.555.000 - 255.500)/1.825 = 1.260,00.
    r = beregn_tilbud(ydelser=[ydelse("Y1", 5, 5), ydelse("Y2", 5, 5)],
                      omkostninger=[linje("personale", 3_650_000, vagtlag=True), linje("aktivitet", 730_000, ydelse="Y2")],
                      oevrige_indtaegter=[{"post": "tilskud", "beloeb": "438000"}])
    assert [t.takst for t in r.takster] == [D("900.00"), D("1260.00")]
    assert [t.pr_kategori["regulering_og_indtaegter"] for t in r.takster] == [D("-100.00"), D("-140.00")]


def test_gennemsnit_uden_ydelser_bruger_tilbuddet(beregn_tilbud):
    r = beregn_tilbud(ydelser=[])
    (tk,) = r.takster
    assert (tk.ydelse, tk.takst) == ("T", D("1000.00"))


# ---------------------------------------------------------------- differentieret
def test_differentieret_basis_og_ydelsestakst(beregn_tilbud):
    # b = 96 %: a plads gives 365 × 0,96 = 350,4 pladsdøgn; 10 pladser = 3.504.
    # Basis (ejendom, not vagtlag) 730.000: basistakst = 730.000/3.504 = 208,333.. -> 208,33 for all.
    # Borgerrettet (vagtlag) 2.920.000 by støttetimer: Σ pladser × h = 5 × 4 + 5 × 12 = 80.
    # Y1: 2.920.000 × 4/80 / 350,4 = 416,666..; takst 208,333.. + 416,666.. = 625,00.
    # Y2: 2.920.000 × 12/80 / 350,4 = 1.250,00; takst 1.458,333.. -> 1.458,33.
    # Published ydelsestakst = takst - basistakst: 625,00 - 208,33 = 416,67; 1.458,33 - 208,33 = 1.250,00.
    r = beregn_tilbud(takststruktur="differentieret", belaegning={"metode": "forventet", "pct": "96", "begrundelse": "x"},
                      ydelser=[ydelse("Y1", 5, 4), ydelse("Y2", 5, 12)],
                      omkostninger=[linje("personale", 2_920_000, vagtlag=True), linje("ejendom", 730_000)])
    assert [(t.basistakst, t.ydelsestakst, t.takst) for t in r.takster] == [
        (D("208.33"), D("416.67"), D("625.00")), (D("208.33"), D("1250.00"), D("1458.33"))]
    # Pris pr. direkte støttetime: 2.920.000 / (80 × 365/7 × 0,96) = 2.920.000 × 7 / 28.032 = 729,166.. -> 729,17.
    assert r.pris_pr_stoettetime == D("729.17")
    assert (r.basis_andel, r.borgerrettet_andel) == (D("730000.00"), D("2920000.00"))
    # Takst × pladsdøgn gives back TG: 625 × 1.752 + 1.458,333.. × 1.752 = 3.650.000 (within rounding).
    assert abs(sum(t.takst * D(1752) for t in r.takster) - D(3650000)) <= D(3504) * D("0.005")


def test_differentieret_del_kan_flyttes(beregn_tilbud):
    # At 100 %: the vagtlag line moved to basis and the ejendom line moved to borgerrettet.
    # Basis 2.920.000/3.650 = 800,00; borgerrettet 730.000 by h (4 and 12; Σ 80):
    # Y1 730.000 × 4/80/365 = 100,00; Y2 × 12 = 300,00.
    r = beregn_tilbud(takststruktur="differentieret", ydelser=[ydelse("Y1", 5, 4), ydelse("Y2", 5, 12)],
                      omkostninger=[linje("personale", 2_920_000, vagtlag=True, **{"del": "basis"}),
                                    linje("ejendom", 730_000, **{"del": "borgerrettet"})])
    assert [(t.basistakst, t.ydelsestakst) for t in r.takster] == [
        (D("800.00"), D("100.00")), (D("800.00"), D("300.00"))]


def test_differentieret_med_regulering_foelger_delenes_andel(beregn_tilbud):
    # O = 730.000 basis + 2.920.000 borgerrettet = 3.650.000; RG = +365.000 (underskud 2025 of 565.000
    # on 4.000.000: 565.000 - 200.000). RG is shared by the parts' share of O: basis 73.000,
    # borgerrettet 292.000. Basistakst (730.000 + 73.000)/3.650 = 220,00; Y1 ydelsestakst
    # (2.920.000 + 292.000) × 4/80/365 = 440,00; Y2 × 12 = 1.320,00.
    r = beregn_tilbud(takststruktur="differentieret", ydelser=[ydelse("Y1", 5, 4), ydelse("Y2", 5, 12)],
                      omkostninger=[linje("personale", 2_920_000, vagtlag=True), linje("ejendom", 730_000)],
                      resultater=[{"aar": 2025, "resultat": "-565000", "grundlag": "4000000"}])
    assert r.regulering == D("365000.00")
    assert [(t.basistakst, t.ydelsestakst, t.takst) for t in r.takster] == [
        (D("220.00"), D("440.00"), D("660.00")), (D("220.00"), D("1320.00"), D("1540.00"))]
    # Y1's regulering line: 73.000/3.650 + 292.000 × 4/80/365 = 20 + 40 = 60,00.
    assert r.takster[0].pr_kategori["regulering_og_indtaegter"] == D("60.00")
    assert all(sum(t.pr_kategori.values()) == t.takst for t in r.takster)


# ---------------------------------------------------------------- enhed, trækningsret
def test_enhedstakst(beregn_tilbud):
    # Rådgivning: 3.000.000 / 5.000 timer = 600,00 kr. pr. time.
    r = beregn_tilbud(tilbudstype="ambulant", takststruktur="enhed", belaegning=None,
                      enheder={"enhed": "time", "antal": "5000"}, ydelser=[ydelse("R", 0)],
                      omkostninger=[linje("personale", 3_000_000)])
    (tk,) = r.takster
    assert (tk.ydelse, tk.enhed, tk.takst, tk.takst_kr) == ("R", "time", D("600.00"), D(600))
    assert r.fund == ()


def test_traekningsret_i_hele_kroner_der_summer(beregn_tilbud):
    # 1.000.000 by 1:1:1 = 333.333,33.. each: floors 999.999, the last krone to the first.
    r = beregn_tilbud(takststruktur="traekningsret", belaegning=None, ydelser=[],
                      fordeling={"Aalborg": "1", "Hjørring": "1", "Frederikshavn": "1"},
                      omkostninger=[linje("personale", 1_000_000)])
    assert r.takster == ()
    assert r.fordeling == {"Aalborg": D(333334), "Hjørring": D(333333), "Frederikshavn": D(333333)}
    # By population 2:1: 666.666,67 and 333.333,33; the krone goes to the larger remainder (0,67).
    r = beregn_tilbud(takststruktur="traekningsret", belaegning=None, ydelser=[],
                      fordeling={"Aalborg": "120000", "Hjørring": "60000"}, omkostninger=[linje("personale", 1_000_000)])
    assert r.fordeling == {"Aalborg": D(666667), "Hjørring": D(333333)}
    assert sum(r.fordeling.values()) == D(1000000)


def test_traekningsret_fordeler_takstgrundlaget(beregn_tilbud):
    # TG = 1.000.000 - øvrige indtægter 100.001 = 899.999; by 1:2: 299.999,67 and 599.999,33 -> 300.000 + 599.999.
    r = beregn_tilbud(takststruktur="traekningsret", belaegning=None, ydelser=[],
                      fordeling={"A": "1", "B": "2"}, omkostninger=[linje("personale", 1_000_000)],
                      oevrige_indtaegter=[{"post": "tilskud", "beloeb": "100001"}])
    assert r.takstgrundlag == D("899999.00")
    assert r.fordeling == {"A": D(300000), "B": D(599999)}


# ---------------------------------------------------------------- publication rounding
@pytest.mark.parametrize("beloeb, takst, takst_kr", [
    # 3.650.018,25 / 3.650 = 1.000,005 exactly: half up -> 1.000,01 (half-even would give 1.000,00).
    ("3650018.25", "1000.01", "1000"),
    # 3.651.825 / 3.650 = 1.000,50 exactly: whole kroner half up -> 1.001 (half-even: 1.000).
    ("3651825", "1000.50", "1001"),
    # 3.651.788,50 / 3.650 = 1.000,49: whole kroner 1.000.
    ("3651788.50", "1000.49", "1000"),
    # 3.651.806,75 / 3.650 = 1.000,495: the takst 1.000,50, but whole kroner are rounded once from the
    # exact figure (SPEC §1), not from the published takst: 1.000 (rounding 1.000,50 again would give 1.001).
    ("3651806.75", "1000.50", "1000"),
])
def test_takst_afrundes_halvt_op(beregn_tilbud, beloeb, takst, takst_kr):
    r = beregn_tilbud(omkostninger=[linje("personale", beloeb, vagtlag=True)])
    assert (r.takster[0].takst, r.takster[0].takst_kr) == (D(takst), D(takst_kr))


def test_aendring_fra_sidste_aar(beregn_tilbud):
    # 1.000,00 against last year's 960,00: (1.000 - 960)/960 = 4,1666.. % -> 4,17 %.
    r = beregn_tilbud(ydelser=[ydelse("T-1", 10, 10, forrige_takst="960")])
    assert r.takster[0].aendring_pct == D("4.17") and r.takster[0].forrige_takst == D(960)


# ---------------------------------------------------------------- tillægsydelser
def test_ata_timetakst_som_i_sa_9_2(beregn_tilbud):
    # 206 × (1 + 0,25 + 0,05 + 0,33) = 206 × 1,63 = 335,78 (vfo default 5 %).
    # Aften/nat 45 %: 206 × 1,83 = 376,98. Weekend 55 %: 206 × 1,93 = 397,58.
    r = beregn_tilbud(tillaegsydelser=[{"personalekategori": "Socialpædagog", "timeomkostning": "206",
                                        "fravaer_pct": "33",
                                        "tidsrum": {"hverdag": "25", "aften_nat": "45", "weekend": "55"}}])
    assert [(a.tidsrum, a.ata_timetakst) for a in r.tillaegsydelser] == [
        ("hverdag", D("335.78")), ("aften_nat", D("376.98")), ("weekend", D("397.58"))]
    hverdag = r.tillaegsydelser[0]
    assert hverdag.vfo_pct == D(5)
    # Half an hour on 5 weekdays: ugepris 5 × 335,78 / 2 = 839,45.
    assert 5 * hverdag.ata_timetakst / 2 == D("839.45")
    # Tillægsydelser never change the takst.
    assert r.takster[0].takst == D("1000.00")


def test_ata_timetakst_standarder(beregn_tilbud):
    # fravær default 0, vfo given as 0: 206 × (1 + 0,25) = 257,50; vfo default 5: 206 × 1,30 = 267,80.
    r = beregn_tilbud(tillaegsydelser=[
        {"personalekategori": "A", "timeomkostning": "206", "vfo_pct": "0", "tidsrum": {"hverdag": "25"}},
        {"personalekategori": "B", "timeomkostning": "206", "tidsrum": {"hverdag": "25"}},
        # 199,99 × 1,63 = 325,9837 -> 325,98.
        {"personalekategori": "C", "timeomkostning": "199.99", "fravaer_pct": "33", "tidsrum": {"hverdag": "25"}}])
    assert [a.ata_timetakst for a in r.tillaegsydelser] == [D("257.50"), D("267.80"), D("325.98")]


@pytest.mark.parametrize("belaegning", [
    {"metode": "forventet", "pct": "97", "begrundelse": "Test"},
    {"metode": "forventet", "begrundelse": "Test"},  # not typed yet: the pladser are still said
])
def test_manglende_pladser_siges_ved_feltet_der_skal_udfyldes(belaegning):
    """Pladser of 0 are an INPUT finding whether or not the belægning is there (it was only found
    once a belægning existed), at the field to fill in: the tilbud's own pladser, or each ydelse's
    when the tilbud has ydelser (it was the tilbud's, which a new ydelse's finding is not under)."""
    from .hjaelp import beregn, dokument, tilbud

    uden = beregn(dokument(tilbud(pladser=0, ydelser=[], belaegning=belaegning)))
    assert [(f.felt, f.tekst) for f in uden.alle_fund() if f.kode == "INPUT"] == [
        ("tilbud[0].pladser", "Tilbuddet har ingen pladser, så der kan ikke beregnes en takst. Angiv de normerede "
                              "pladser under Stamdata og pladser.")]  # (it said 'Tilbuddets ydelser' and 'pr. døgn')
    ydelser = [{"id": "A", "navn": "Ydelse A", "pladser": 0}, {"id": "B", "navn": "Ydelse B", "pladser": 0}]
    med = beregn(dokument(tilbud(pladser=10, ydelser=ydelser, belaegning=belaegning)))
    assert [(f.felt, f.tekst) for f in med.alle_fund() if f.kode == "INPUT"] == [
        ("tilbud[0].ydelser[0].pladser", "Ydelsen 'Ydelse A' har 0 pladser, så der kan ikke beregnes en takst for den."),
        ("tilbud[0].ydelser[1].pladser", "Ydelsen 'Ydelse B' har 0 pladser, så der kan ikke beregnes en takst for den.")]
    assert not med.tilbud[0].takster


def test_pris_pr_stoettetime_afrundes_som_en_takst_efter_regelsaettet(lav_dok, lav_tilbud):
    """SPEC §0, §1: a takst - day, hour or unit price - is rounded by the regelsæt's unit. The pris pr.
    direkte støttetime (an hourly price, SPEC §4.13) was always rounded to øre in code, whatever the
    regelsæt said; with a regelsæt of whole kroner it now follows, like the takster beside it.
    Same figures as above: 729,166.. kr. -> 729 kr.; with the shipped regelsæt 729,17 kr."""
    from dataclasses import replace

    from takstberegner.domain.beregning import beregn
    from takstberegner.formats.regelsaet import regelsaet_for
    from takstberegner.formats.takstgrundlag import laes_dict

    g = laes_dict(lav_dok(lav_tilbud(
        takststruktur="differentieret", belaegning={"metode": "forventet", "pct": "96", "begrundelse": "x"},
        ydelser=[ydelse("Y1", 5, 4), ydelse("Y2", 5, 12)],
        omkostninger=[linje("personale", 2_920_000, vagtlag=True), linje("ejendom", 730_000)])))
    rs = regelsaet_for(2026)
    assert beregn(g, rs).tilbud[0].pris_pr_stoettetime == D("729.17")
    kr = beregn(g, replace(rs, afrunding_takst=D(1))).tilbud[0]
    assert kr.pris_pr_stoettetime == D("729") and kr.takster[0].takst == D("625")
    # per-ydelse belægning takes the other branch of the same formula
    y = [dict(ydelse("Y1", 5, 4), belaegning={"metode": "forventet", "pct": "96", "begrundelse": "x"}),
         ydelse("Y2", 5, 12)]
    g2 = replace(g, tilbud=(laes_dict(lav_dok(lav_tilbud(
        takststruktur="differentieret", belaegning={"metode": "forventet", "pct": "96", "begrundelse": "x"},
        ydelser=y, omkostninger=[linje("personale", 2_920_000, vagtlag=True), linje("ejendom", 730_000)]))).tilbud[0],))
    assert beregn(g2, replace(rs, afrunding_takst=D(1))).tilbud[0].pris_pr_stoettetime == D("729")



def test_vfo_over_aftalens_tillaeg_giver_advarsel(beregn_tilbud):
    """SA 5.4.7: a tillægsydelse is priced at marginal cost 'hvor der kan indarbejdes et tillæg på 5 %
    af marginalomkostningerne, der vedrører variable følgeomkostninger' (bilag 2, SA 9.2: vfo 5 %).
    A VFO of 8 % went into the ATA-timetakst without a word. The timetakst is computed as typed:
    206 × (1 + 0,25 + 0,08 + 0,33) = 341,96; a VFO of 5 % or less, or none (the regelsæt's 5 %), is quiet."""
    def ata(vfo=None):
        x = {"personalekategori": "Socialpædagog", "timeomkostning": "206", "fravaer_pct": "33",
             "tidsrum": {"hverdag": "25"}}
        return x if vfo is None else {**x, "vfo_pct": vfo}

    r = beregn_tilbud(tillaegsydelser=[ata("8"), ata("5"), ata(), ata("0")])
    assert [a.ata_timetakst for a in r.tillaegsydelser] == [D("341.96"), D("335.78"), D("335.78"), D("325.48")]
    (f,) = [f for f in r.fund if f.kode == "ATA-VFO"]
    assert (f.niveau, f.felt, f.reference) == ("advarsel", "tilbud[0].tillaegsydelser[0].vfo_pct", "SA 5.4.7, 9.2")
    assert f.tekst.startswith("VFO (variable følgeomkostninger) for personalekategorien 'Socialpædagog' er 8 %, "
                              "men Styringsaftalen giver et tillæg på 5 % af marginalomkostningerne")
    r1 = beregn_tilbud(tillaegsydelser=[ata("8")], kategori=1)
    assert [f.niveau for f in r1.fund if f.kode == "ATA-VFO"] == ["info"]
