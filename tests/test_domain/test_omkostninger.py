"""Steps 1, 2, 6, 7 and 9 of SPEC §4 by hand: direct costs, the TAP rule, tjenestemandspension,
lines that never enter a takst, forrentning af driftskapital and øvrige indtægter.

The base tilbud (tests/conftest.py): 10 pladser × 365 × 100 % = 3.650 pladsdøgn and 3.650.000 kr.
of vagtlag personale, so 1.000,00 kr. pr. døgn.
"""
from __future__ import annotations

from decimal import Decimal as D


def linje(kategori, beloeb, post="post", **kw):
    return {"kategori": kategori, "post": post, "beloeb": str(beloeb), **kw}


def test_grundtilfaeldet(beregn_tilbud):
    r = beregn_tilbud()
    # 3.650.000 / 3.650 = 1.000,00; all of it personale, all of it borgerrettet (vagtlag).
    assert (r.direkte_omkostninger, r.omkostningsgrundlag, r.takstgrundlag) == (D("3650000.00"),) * 3
    assert r.pladsdoegn == D("3650.00") and r.belaegning_pct == D("100.00")
    (tk,) = r.takster
    assert (tk.takst, tk.takst_kr, tk.enhed) == (D("1000.00"), D(1000), "doegn")
    assert r.borgerrettet_andel == D("3650000.00") and r.basis_andel == D("0.00")
    assert [f.kode for f in r.fund] == ["BEL-OVER-98"]  # 100 % is allowed, with an info


def test_tap_personale_taeller_som_administration(beregn_tilbud):
    # 3.000.000 borgerrelateret + 650.000 administrativt TAP entered under personale:
    # personale 3.000.000, administration 650.000 (SPEC §3); O unchanged 3.650.000.
    r = beregn_tilbud(omkostninger=[linje("personale", 3_000_000, vagtlag=True),
                                    linje("personale", 650_000, post="tap_administrativt")])
    assert r.omkostninger["personale"] == D("3000000.00")
    assert r.omkostninger["administration"] == D("650000.00")
    assert r.omkostningsgrundlag == D("3650000.00")
    # Per døgn: 3.000.000/3.650 = 821,917.. and 650.000/3.650 = 178,082..; rounded so they add up.
    pk = r.takster[0].pr_kategori
    assert (pk["personale"], pk["administration"]) == (D("821.92"), D("178.08"))


def test_tap_taeller_med_i_loensum_noeglen(beregn_dok, lav_dok, lav_tilbud):
    # A: 3.000.000 + TAP 650.000 = lønsum 3.650.000; B: 1.000.000 personale (+ 200.000 ejendom, not
    # lønsum). Pulje 600.000 by lønsum: A = 600.000 × 3,65/4,65 = 470.967,7419.. -> 470.967,74.
    a = lav_tilbud(id="A", omkostninger=[linje("personale", 3_000_000, vagtlag=True),
                                         linje("personale", 650_000, post="tap_administrativt")])
    b = lav_tilbud(id="B", ydelser=[{"id": "B-1", "pladser": 10, "stoettetimer_uge": "3"}],
                   omkostninger=[linje("personale", 1_000_000), linje("ejendom", 200_000)])
    p = {"id": "P", "navn": "Adm", "beloeb": "600000", "noegle": "loensum"}
    r = beregn_dok(lav_dok(a, b, puljer=[p]))
    assert (r.tilbud[0].overhead, r.tilbud[1].overhead) == (D("470967.74"), D("129032.26"))


def test_tjenestemandspension_efter_sats_og_faktisk_beloeb(beregn_tilbud):
    # Line 1 (vagtlag, borgerrettet): 3.000.000 with pensionable salary 400.000 -> 25 % = 100.000.
    # Line 2 (basis): 550.000 with an actual pension of 30.000.
    # personale = 3.000.000 + 100.000 + 550.000 + 30.000 = 3.680.000; pension 130.000.
    omk = [linje("personale", 3_000_000, vagtlag=True, tjenestemand_loen="400000"),
           linje("personale", 550_000, tjenestemandspension="30000")]
    r = beregn_tilbud(omkostninger=omk, takststruktur="differentieret")
    assert r.tjenestemandspension == D("130000.00")
    assert r.omkostninger["personale"] == D("3680000.00") and r.omkostningsgrundlag == D("3680000.00")
    # Same part as its line: borgerrettet 3.100.000, basis 580.000.
    assert (r.borgerrettet_andel, r.basis_andel) == (D("3100000.00"), D("580000.00"))
    # The direct costs (step 1, the key direkte_omkostninger) do not include the pension.
    assert r.direkte_omkostninger == D("3550000.00")
    # The rate is a sats: 20 % of 400.000 = 80.000, + 30.000 actual = 110.000.
    r = beregn_tilbud(omkostninger=omk, satser={"rente_anlaeg_pct": "0", "tjenestemandspension_pct": "20"})
    assert r.tjenestemandspension == D("110000.00")


def test_tjenestemandspension_foelger_linjens_ydelse(beregn_tilbud):
    # Two ydelser of 5 pladser (1.825 pladsdøgn each). Untagged 1.825.000 is shared by pladsdøgn:
    # 912.500 each. Y2 has its own line 1.000.000 with pension 25 % × 400.000 = 100.000.
    # Y1 = 912.500/1.825 = 500,00; Y2 = (912.500 + 1.000.000 + 100.000)/1.825 = 1.102,739.. -> 1.102,74.
    r = beregn_tilbud(
        ydelser=[{"id": "Y1", "pladser": 5, "stoettetimer_uge": "5"}, {"id": "Y2", "pladser": 5, "stoettetimer_uge": "5"}],
        omkostninger=[linje("personale", 1_825_000, vagtlag=True),
                      linje("personale", 1_000_000, ydelse="Y2", tjenestemand_loen="400000")])
    assert [t.takst for t in r.takster] == [D("500.00"), D("1102.74")]


def test_tillaegsydelser_og_valgfrie_ydelser_holdes_ude(beregn_tilbud):
    # 100.000 for tillægsydelser and 50.000 for individuelle valgfrie ydelser are left out:
    # O stays 3.650.000 and the takst 1.000,00; one finding per line, pointing at the line.
    r = beregn_tilbud(omkostninger=[linje("personale", 3_650_000, vagtlag=True),
                                    linje("personale", 100_000, post="tillaegsydelse"),
                                    linje("aktivitet", 50_000, post="individuel_valgfri_ydelse")])
    assert r.omkostningsgrundlag == D("3650000.00") and r.takster[0].takst == D("1000.00")
    assert [(f.kode, f.felt, f.niveau) for f in r.fund if f.kode != "BEL-OVER-98"] == [
        ("IKKE-TAKST-OMKOSTNING", "tilbud[0].omkostninger[1]", "advarsel"),  # SPEC v2 §5: left out, a warning
        ("IKKE-TAKST-OMKOSTNING", "tilbud[0].omkostninger[2]", "advarsel")]


def test_tekst_for_linjer_uden_for_taksten_peger_ikke_paa_et_budget_der_ikke_findes(beregn_tilbud):
    """SA 5.4.7, 5.5.2 and 9.2: tillægsydelser and individuelle valgfrie ydelser are not budgeted in the
    takst at all (their income and costs balance). The finding told the user to 'flytte den til
    budgettet for tillægsydelserne', a budget the program does not have (the Tillægsydelser step
    holds ATA-timetakster, not budget lines)."""
    r = beregn_tilbud(omkostninger=[linje("personale", 3_650_000, vagtlag=True),
                                    linje("personale", 100_000, post="tillaegsydelse")])
    (f,) = [f for f in r.fund if f.kode == "IKKE-TAKST-OMKOSTNING"]
    assert f.tekst == ("Budgetlinjen 'Tillægsydelser (indgår ikke i taksten)' (100.000 kr.) er holdt ude af "
                       "beregningen: der budgetteres ikke med tillægsydelser og individuelle valgfrie ydelser i "
                       "taksten, fordi deres indtægter og udgifter forudsættes at balancere. Slet linjen, eller "
                       "vælg en anden post, hvis udgiften hører til hovedydelsen.")
    assert "budgettet for tillægsydelserne" not in f.tekst


def test_renteindtaegter_er_negative_og_traekker_fra(beregn_tilbud):
    # 3.650.000 personale + (-36.500) renteindtægter = 3.613.500; / 3.650 = 990,00.
    r = beregn_tilbud(omkostninger=[linje("personale", 3_650_000, vagtlag=True),
                                    linje("finansieringsindtaegter", -36_500, post="renteindtaegter")])
    assert r.omkostninger["finansieringsindtaegter"] == D("-36500.00")
    assert r.takster[0].takst == D("990.00")
    assert r.takster[0].pr_kategori["finansieringsindtaegter"] == D("-10.00")


def test_renteudgifter_i_budgettet_giver_advarsel_men_taksten_er_uaendret(beregn_tilbud):
    """SA 5.5.5: 'Renteomkostninger på lånefinansiering af aktiver indregnes ikke i taksten'; the
    kontoplan puts art 6 (Finansudgifter) under finansieringsudgifter, and such a line went into the
    takst without a word. The calculation is unchanged (3.650.000 + 36.500 = 3.686.500 / 3.650 =
    1.010,00); each line with an amount is pointed out, a kategori-1 tilbud's only for information."""
    linjer = [linje("personale", 3_650_000, vagtlag=True),
              linje("finansieringsudgifter", 36_500, post="renteudgifter"),
              linje("finansieringsudgifter", 0, post="renteudgifter")]
    r = beregn_tilbud(omkostninger=linjer)
    assert r.omkostninger["finansieringsudgifter"] == D("36500.00") and r.takster[0].takst == D("1010.00")
    (f,) = [f for f in r.fund if f.kode == "RENTE-LAAN"]
    assert (f.felt, f.niveau, f.reference) == ("tilbud[0].omkostninger[1]", "advarsel", "SA 5.5.5")
    assert f.tekst.startswith("Budgetlinjen 'Renteudgifter' (36.500 kr.) står under finansieringsudgifter")
    assert "Renteudgifter på lån må ikke indgå i taksten" in f.tekst and "under Anlæg" in f.tekst
    r1 = beregn_tilbud(omkostninger=linjer, kategori=1)
    assert [f.niveau for f in r1.fund if f.kode == "RENTE-LAAN"] == ["info"]


def test_driftskapital_standard_to_maaneder(beregn_tilbud):
    # 3.650.000 × 2/12 × 3 % = 18.250; O = 3.668.250; takst 3.668.250/3.650 = 1.005,00.
    satser = {"rente_anlaeg_pct": "0", "rente_kort_pct": "3"}
    r = beregn_tilbud(driftskapital={}, satser=satser)
    assert r.forrentning_driftskapital == D("18250.00")
    assert r.omkostninger["finansieringsudgifter"] == D("18250.00")
    assert r.omkostningsgrundlag == D("3668250.00") and r.takster[0].takst == D("1005.00")
    # Three months: 3.650.000 × 3/12 × 3 % = 27.375.
    assert beregn_tilbud(driftskapital={"maaneder": "3"}, satser=satser).forrentning_driftskapital == D("27375.00")
    # No driftskapital: nothing.
    assert beregn_tilbud(satser=satser).forrentning_driftskapital == D("0.00")


def test_driftskapital_af_trin_1_til_5_og_ikke_af_indtaegter(beregn_tilbud):
    # Steps 1-5: 3.650.000 direct + 350.000 overhead (the only recipient) = 4.000.000;
    # × 2/12 × 3 % = 20.000. Øvrige indtægter 365.000 are not costs and do not lower it.
    # O = 4.020.000; TG = 4.020.000 - 365.000 = 3.655.000; takst 3.655.000/3.650 = 1.001,369.. -> 1.001,37.
    r = beregn_tilbud(driftskapital={}, satser={"rente_anlaeg_pct": "0", "rente_kort_pct": "3"},
                      puljer=[{"id": "P", "navn": "Adm", "beloeb": "350000", "noegle": "pladser"}],
                      oevrige_indtaegter=[{"post": "tilskud", "beloeb": "365000"}])
    assert r.overhead == D("350000.00") and r.forrentning_driftskapital == D("20000.00")
    assert r.omkostningsgrundlag == D("4020000.00") and r.oevrige_indtaegter == D("365000.00")
    assert r.takstgrundlag == D("3655000.00") and r.takster[0].takst == D("1001.37")
    # The indtægt goes to the line regulering_og_indtaegter: -365.000/3.650 = -100,00.
    assert r.takster[0].pr_kategori["regulering_og_indtaegter"] == D("-100.00")


def test_omkostninger_pr_kategori_summerer_til_o(beregn_tilbud):
    # Thirds of an øre: 100.000/3 in three categories; published parts add up to O exactly.
    omk = [linje(k, "33333.333") for k in ("personale", "aktivitet", "ejendom")]
    r = beregn_tilbud(omkostninger=omk)
    assert r.omkostningsgrundlag == D("100000.00")
    assert sum(r.omkostninger.values()) == D("100000.00")
    assert [r.omkostninger[k] for k in ("personale", "aktivitet", "ejendom")] == [
        D("33333.34"), D("33333.33"), D("33333.33")]
