"""Step 8 of SPEC §4 by hand: regulering for tidligere års resultater (SA 5.3, 5.5.5, 6.1.2).

Takstår T = 2026. A result of year Y with grundlag G = 4.000.000 has the limit L = 5 % × G =
200.000. Results of 2025 carry no interest (T - Y - 1 = 0), so most cases use Y = 2025.
"""
from __future__ import annotations

from decimal import Decimal as D

import pytest

RENTE_2 = {"rente_anlaeg_pct": "0", "rente_kort_pct": "2"}


def res(resultat, aar=2025, valg="indregn", **kw):
    return {"aar": aar, "resultat": str(resultat), "grundlag": "4000000", "valg": valg, **kw}


def reg_koder(r):
    return [f.kode for f in r.fund if f.kode.startswith("REG")]


@pytest.mark.parametrize("resultat, regulering, hensat, udskudt, koder", [
    # Overskud 300.000, hensæt: min(300.000, 200.000) = 200.000 hensat; 100.000 lowers the takst.
    (res(300_000, valg="hensaet"), "-100000.00", "200000.00", "0.00", []),
    # Overskud exactly L: all hensat, nothing in the takst.
    (res(200_000, valg="hensaet"), "0.00", "200000.00", "0.00", []),
    # Overskud under L: all hensat.
    (res(150_000, valg="hensaet"), "0.00", "150000.00", "0.00", []),
    # Overskud, indregn: all of it lowers the takst.
    (res(300_000), "-300000.00", "0.00", "0.00", []),
    # Underskud 150.000 ≤ L: the driftsherre's own risk, nothing added, info REG-EGENRISIKO.
    (res(-150_000), "0.00", "0.00", "0.00", ["REG-EGENRISIKO"]),
    # Underskud exactly L: still own risk.
    (res(-200_000), "0.00", "0.00", "0.00", ["REG-EGENRISIKO"]),
    # Underskud 200.000,01: one øre above L must be added; no info.
    (res("-200000.01"), "0.01", "0.00", "0.00", []),
    # Underskud 500.000: 300.000 above L must be added.
    (res(-500_000), "300000.00", "0.00", "0.00", []),
    # Udskyd a 2025 underskud in 2026: allowed (2026 < 2025 + 2); 300.000 left for later.
    (res(-500_000, valg="udskyd"), "0.00", "0.00", "300000.00", []),
    # Udskyd a 2024 underskud in 2026 = 2024 + 2: too late, REG-FRIST.
    (res(-500_000, aar=2024, valg="udskyd"), "0.00", "0.00", "300000.00", ["REG-FRIST"]),
    # Udskyd an underskud ≤ L: nothing is mandatory, so nothing can be late (only own risk).
    (res(-150_000, aar=2024, valg="udskyd"), "0.00", "0.00", "0.00", ["REG-EGENRISIKO"]),
    # Udskyd an overskud of 2025: 200.000 hensat, the mandatory 100.000 postponed (signed: lowers later).
    (res(300_000, valg="udskyd"), "0.00", "200000.00", "-100000.00", []),
    # Udskyd a 2024 overskud in 2026: too late.
    (res(300_000, aar=2024, valg="udskyd"), "0.00", "200000.00", "-100000.00", ["REG-FRIST"]),
    # Indregnet tidligere: 120.000 of the mandatory 300.000 already in earlier takster: 180.000 left.
    (res(-500_000, indregnet_tidligere="120000"), "180000.00", "0.00", "0.00", []),
    # ... and the same for an overskud indregnet: 300.000 - 100.000 = 200.000 lowers the takst.
    (res(300_000, indregnet_tidligere="100000"), "-200000.00", "0.00", "0.00", []),
])
def test_en_regulering(beregn_tilbud, resultat, regulering, hensat, udskudt, koder):
    r = beregn_tilbud(resultater=[resultat], satser=RENTE_2)
    (linje,) = r.reguleringer
    assert (r.regulering, r.hensat, linje.udskudt) == (D(regulering), D(hensat), D(udskudt))
    assert linje.graense == D("200000.00") and linje.renter == D("0.00")
    assert reg_koder(r) == koder
    niveauer = {f.kode: f.niveau for f in r.fund}
    assert all(niveauer[k] == {"REG-FRIST": "fejl", "REG-EGENRISIKO": "info"}[k] for k in koder)
    # TG = O + RG: the takst moves by RG / 3.650 pladsdøgn.
    assert r.takstgrundlag == D("3650000.00") + D(regulering)


def test_frist_felt_peger_paa_resultatet(beregn_tilbud):
    r = beregn_tilbud(resultater=[res(100, valg="hensaet"), res(-500_000, aar=2024, valg="udskyd")], satser=RENTE_2)
    (f,) = [f for f in r.fund if f.kode == "REG-FRIST"]
    assert f.felt == "tilbud[0].resultater[1]" and "2024" in f.tekst and "2026" in f.tekst


@pytest.mark.parametrize("aar, i_aar, renter", [
    # 2025 in 2026: no full year between the end of Y and the start of T.
    (2025, "300000.00", "0.00"),
    # 2024: one year (2025): 300.000 × 2 % × 1 = 6.000.
    (2024, "300000.00", "6000.00"),
    # 2023: two years (2024, 2025): 300.000 × 2 % × 2 = 12.000.
    (2023, "300000.00", "12000.00"),
])
def test_renter_for_hele_aar_mellem_y_og_t(beregn_tilbud, aar, i_aar, renter):
    r = beregn_tilbud(resultater=[res(-500_000, aar=aar)], satser=RENTE_2)
    (linje,) = r.reguleringer
    assert (linje.i_aar, linje.renter) == (D(i_aar), D(renter))
    assert r.regulering == D(i_aar) + D(renter)


def test_renter_paa_overskud_saenker_yderligere(beregn_tilbud):
    # Overskud 300.000 of 2024 indregnet: -300.000 - 300.000 × 2 % × 1 = -306.000.
    r = beregn_tilbud(resultater=[res(300_000, aar=2024)], satser=RENTE_2)
    assert r.regulering == D("-306000.00")


def test_flere_resultater_summeres_og_spredes_paa_kategorilinjen(beregn_tilbud):
    # 2025 overskud 100.000 indregnet: -100.000; 2025 underskud 500.000: +300.000. RG = 200.000.
    # TG = 3.650.000 + 200.000 = 3.850.000; takst 3.850.000/3.650 = 1.054,794.. -> 1.054,79.
    # The regulering line of the takst: 200.000/3.650 = 54,794.. ; personale 1.000,00; they add up.
    r = beregn_tilbud(resultater=[res(100_000), res(-500_000)], satser=RENTE_2)
    assert r.regulering == D("200000.00")
    (tk,) = r.takster
    assert tk.takst == D("1054.79")
    assert tk.pr_kategori["personale"] == D("1000.00")
    assert tk.pr_kategori["regulering_og_indtaegter"] == D("54.79")
    assert sum(tk.pr_kategori.values()) == tk.takst


@pytest.mark.parametrize("aar, indregnet, i_aar, udskudt", [
    # Underskud 1.100.000 on G = 10.000.000: L = 500.000 own risk; mandatory 600.000 spread over
    # three takstår: one third, 200.000, now; 400.000 left.
    (2025, "0", "200000.00", "400000.00"),
    # The second year: 200.000 indregnet already; another 200.000, 200.000 left.
    (2024, "200000", "200000.00", "200000.00"),
    # The third year: 400.000 indregnet; the last 200.000; nothing left.
    (2023, "400000", "200000.00", "0.00"),
    # No more than what remains: 500.000 already indregnet, 100.000 left (< a third).
    (2024, "500000", "100000.00", "0.00"),
])
def test_nyt_tilbud_foerste_aar_i_tredjedele(beregn_tilbud, aar, indregnet, i_aar, udskudt):
    resultat = {"aar": aar, "resultat": "-1100000", "grundlag": "10000000", "valg": "indregn",
                "nyt_tilbud_foerste_aar": True, "indregnet_tidligere": indregnet}
    r = beregn_tilbud(nyt_tilbud=True, resultater=[resultat])  # rente_kort 0: no interest
    (linje,) = r.reguleringer
    assert (linje.egenrisiko, linje.i_aar, linje.udskudt) == (D("500000.00"), D(i_aar), D(udskudt))
    assert r.regulering == D(i_aar)
    assert "REG-FRIST" not in reg_koder(r)


def test_hensaettelser_med_sidste_anvendelsesaar(beregn_tilbud):
    # Earlier hensættelser: 2021 has 60.000 left, last year of use 2021 + 5 = 2026 = T: HENS-UDLOEB.
    # 2022 (last year 2027): no warning. 2020 fully used: not listed, no warning.
    r = beregn_tilbud(hensaettelser=[{"aar": 2021, "beloeb": "100000", "brugt": "40000"},
                                     {"aar": 2022, "beloeb": "100000"},
                                     {"aar": 2020, "beloeb": "50000", "brugt": "50000"}],
                      resultater=[res(300_000, valg="hensaet")], satser=RENTE_2)
    assert [(h.aar, h.beloeb, h.sidste_anvendelsesaar) for h in r.tidligere_hensaettelser] == [
        (2021, D("60000.00"), 2026), (2022, D("100000.00"), 2027)]
    (f,) = [f for f in r.fund if f.kode == "HENS-UDLOEB"]
    assert (f.felt, f.niveau) == ("tilbud[0].hensaettelser[0]", "advarsel")
    # The new hensættelse from the 2025 overskud: 200.000, to be used by 2030.
    assert [(h.aar, h.beloeb, h.sidste_anvendelsesaar) for h in r.hensaettelser] == [(2025, D("200000.00"), 2030)]


def test_hensaettelse_efter_fristen_siger_at_fristen_er_overskredet(beregn_tilbud):
    """SA 5.3.1: a hensættelse is used within 5 years after its year. One from 2020 with money left
    in takstår 2026 (a file rolled forward a year too many) was told it 'skal anvendes senest i
    2025', as if the deadline were still ahead; the last year itself keeps that text."""
    r = beregn_tilbud(hensaettelser=[{"aar": 2020, "beloeb": "80000", "brugt": "30000"},
                                     {"aar": 2021, "beloeb": "100000"}], satser=RENTE_2)
    forbi, sidste = [f for f in r.fund if f.kode == "HENS-UDLOEB"]
    assert (forbi.felt, forbi.niveau) == ("tilbud[0].hensaettelser[0]", "advarsel")
    assert forbi.tekst == ("Hensættelsen fra 2020 (50.000 kr. tilbage) skulle have været anvendt senest i 2025, og "
                           "fristen er overskredet. Anvend den i år, eller indregn den i taksten.")
    assert sidste.tekst.startswith("Hensættelsen fra 2021 (100.000 kr. tilbage) skal anvendes senest i 2026.")


def test_hensaettelse_af_et_gammelt_overskud_advares_som_de_tidligere(beregn_tilbud):
    """SPEC §4.8 (SA 5.3.1): the engine lists every hensættelse with its last year of use and warns
    when that year is T or earlier. A hensættelse made now, from a 2020 or 2021 overskud with
    'Hensæt', was listed with last year 2025 or 2026 and no warning, while the same amount typed as
    an earlier hensættelse got HENS-UDLOEB. It is warned of now, at the resultat's Valg; a 2022
    overskud (last year 2027) is not."""
    r = beregn_tilbud(resultater=[res(300_000, aar=2020, valg="hensaet"), res(150_000, aar=2021, valg="udskyd"),
                                  res(300_000, aar=2022, valg="hensaet")], satser=RENTE_2)
    assert [(h.aar, h.sidste_anvendelsesaar) for h in r.hensaettelser] == [(2020, 2025), (2021, 2026), (2022, 2027)]
    forbi, sidste = [f for f in r.fund if f.kode == "HENS-UDLOEB"]
    assert (forbi.felt, forbi.niveau) == ("tilbud[0].resultater[0].valg", "advarsel")
    assert forbi.tekst == ("Hensættelsen fra 2020 (200.000 kr. tilbage) skulle have været anvendt senest i 2025, og "
                           "fristen er overskredet. Anvend den i år, eller indregn den i taksten.")
    assert sidste.felt == "tilbud[0].resultater[1].valg"
    assert sidste.tekst.startswith("Hensættelsen fra 2021 (150.000 kr. tilbage) skal anvendes senest i 2026.")


@pytest.mark.parametrize("resultat, reference, ord_", [
    (res(-500_000, aar=2024, valg="udskyd"), "SA 5.3.2", ("Underskuddet for 2024 (500.000 kr.)", "takststigning",
                                                          "300.000 kr. er endnu ikke indregnet", "'Indregn'")),
    (res(300_000, aar=2024, valg="udskyd"), "SA 5.3.1", ("Overskuddet for 2024 (300.000 kr.)", "reduktion af taksten",
                                                         "100.000 kr. er endnu ikke indregnet",
                                                         "'Hensæt (overskud)'")),
])
def test_frist_siger_over_eller_underskud_og_sit_afsnit(beregn_tilbud, resultat, reference, ord_):
    """SA 5.3.1 (overskud) and 5.3.2 (underskud) each set the 2-year deadline. REG-FRIST cited 'SA 5.3'
    and said 'Resultatet for 2024 (-500.000 kr.)' with a sign, 'den del der skal indregnes' without
    saying which part, and advised 'indregn' also for an overskud, which would give up the hensættelse."""
    r = beregn_tilbud(resultater=[resultat], satser=RENTE_2)
    (f,) = [f for f in r.fund if f.kode == "REG-FRIST"]
    assert f.reference == reference and f.niveau == "fejl"
    assert all(o in f.tekst for o in ord_), f.tekst
    assert "-" not in f.tekst and "over 5 % af takstberegningsgrundlaget" not in f.tekst
    assert "overstiger 5 % af takstberegningsgrundlaget" in f.tekst and "senest i 2026" in f.tekst


def test_egenrisiko_viser_underskuddet_uden_fortegn(beregn_tilbud):
    """'Underskuddet for 2025 (-150.000 kr.)' read as a negative underskud, i.e. an overskud."""
    r = beregn_tilbud(resultater=[res(-150_000)], satser=RENTE_2)
    (f,) = [f for f in r.fund if f.kode == "REG-EGENRISIKO"]
    assert "Underskuddet for 2025 (150.000 kr.)" in f.tekst and "-" not in f.tekst
    assert f.reference == "SA 5.3.2"


@pytest.mark.parametrize("foerste, aar, resultat, fund_", [
    (2023, 2024, "-1100000", True),  # the tilbud started in 2023: a 2024 loss is no first-year loss
    (2024, 2024, "-1100000", False),  # its first driftsår: the spread is allowed
    (2026, 2024, "-1100000", False),  # before it (the demo's data, from worked example 3): left alone
    (None, 2024, "-1100000", False),  # no first driftsår given (a v1 file): nothing to compare with
    (2023, 2024, "1100000", False),  # an overskud is never spread, so the mark changes nothing
])
def test_spredning_kun_for_foerste_driftsaars_underskud(beregn_tilbud, foerste, aar, resultat, fund_):
    """SA 6.1.2: 'driftsherren [kan] afskrive eventuelle driftstab fra første driftsår over en årrække
    på tre år'. Any underskud marked 'Nyt tilbud, 1. år' was spread, also one from a later year, whose
    part above 5 % SA 5.3.2 wants in the takst by Y + 2; nothing said so. The spread itself is computed
    as before (a third now), and the fejl keeps it from being indmeldt."""
    kw = {"foerste_driftsaar": foerste} if foerste else {}
    r = beregn_tilbud(nyt_tilbud=True, resultater=[{"aar": aar, "resultat": resultat, "grundlag": "10000000",
                                                    "valg": "indregn", "nyt_tilbud_foerste_aar": True}], **kw)
    fund = [f for f in r.fund if f.kode == "REG-NYT-TILBUD"]
    if resultat.startswith("-"):
        assert r.reguleringer[0].i_aar == D("200000.00")  # unchanged: a third of 600.000
    if not fund_:
        assert fund == []
        return
    (f,) = fund
    assert (f.niveau, f.reference, f.felt) == ("fejl", "SA 6.1.2, 5.3.2", "tilbud[0].resultater[0].nyt_tilbud_foerste_aar")
    assert f.tekst.startswith("Underskuddet for 2024 er markeret som et driftstab fra et nyt tilbuds første "
                              "driftsår og fordeles over 3 takstår, men tilbuddets første driftsår er 2023.")
    assert "skal indregnes senest i 2026" in f.tekst and "'Nyt tilbud, 1. år'" in f.tekst
