"""New takstår from last year (issue 3 point 4)."""
from __future__ import annotations

from dataclasses import replace

import pytest

from takstberegner import tjeneste
from takstberegner.storage import LagerFejl, TakstFil, laes_grundlag
from takstberegner.tjeneste.rul_frem import rul_frem


def test_rul_frem(tmp_path, grundlag):
    kilde = tmp_path / "2026.takst"
    from dataclasses import replace

    g = replace(grundlag, tilbud=tuple(replace(t, bemaerkninger="noget") for t in grundlag.tilbud))
    TakstFil.opret(kilde, g).luk()
    beregning = tjeneste.beregn(g)
    with TakstFil.aabn(kilde):  # the source may be open in the app meanwhile
        with rul_frem(kilde, tmp_path / "2027.takst") as ny_fil:
            ny = ny_fil.hent()
    assert ny.takstaar == g.takstaar + 1
    assert ny.driftsherre == g.driftsherre and ny.overheadpuljer == g.overheadpuljer
    takster = {(r.id, k.ydelse): k.takst for r in beregning.tilbud for k in r.takster}
    n = 0
    for gl, nt in zip(g.tilbud, ny.tilbud, strict=True):
        assert nt.id == gl.id
        assert nt.pladser_forrige_aar == gl.pladser
        assert nt.bemaerkninger == ""
        assert nt.omkostninger == gl.omkostninger and nt.anlaeg == gl.anlaeg
        for y_gl, y_ny in zip(gl.ydelser, nt.ydelser, strict=True):
            assert y_ny.forrige_takst == takster[(gl.id, y_gl.id)]
            assert y_ny.forrige_takst != y_gl.forrige_takst
            n += 1
    assert n >= 2
    assert laes_grundlag(tmp_path / "2027.takst") == ny
    assert laes_grundlag(kilde) == g  # last year's file is unchanged


def test_rul_frem_overskriver_ikke(tmp_path, grundlag):
    TakstFil.opret(tmp_path / "a.takst", grundlag).luk()
    TakstFil.opret(tmp_path / "b.takst", grundlag).luk()
    with pytest.raises(LagerFejl, match="findes allerede"):
        rul_frem(tmp_path / "a.takst", tmp_path / "b.takst")


def _eksempel(navn: str):
    from pathlib import Path

    from takstberegner.formats.takstgrundlag import laes_fil

    return laes_fil(Path(__file__).parents[1] / "data" / "eksempler" / f"{navn}.takstgrundlag.json")


def test_overskud_reguleres_ikke_igen_aaret_efter():
    from decimal import Decimal

    from takstberegner.domain.rul_frem import naeste_aar

    # Eksempel 1: the 2024 overskud of 770.000 on a grundlag of 8 mio. is handled in full in 2026:
    # 400.000 hensat (5 %), 370.000 in the takst. In 2027 nothing of it is left to regulate, and
    # the 400.000 stand as a hensættelse from 2024 beside the one from 2021.
    g = _eksempel("eksempel-1-bostedet-nord")
    ny = naeste_aar(g, tjeneste.beregn(g))
    t = ny.tilbud[0]
    assert t.resultater == ()
    assert [(h.aar, h.beloeb, h.brugt) for h in t.hensaettelser] == [
        (2021, Decimal("150000"), Decimal("0")), (2024, Decimal("400000.00"), Decimal("0"))]
    b = tjeneste.beregn(ny)
    assert b.tilbud[0].regulering == Decimal("0.00")
    assert b.tilbud[0].hensat == Decimal("0.00")


def test_nyt_tilbuds_underskud_fortsaetter_med_naeste_tredjedel():
    from decimal import Decimal

    from takstberegner.domain.rul_frem import naeste_aar

    # Eksempel 3: underskud 1.500.000 on 10 mio.: 500.000 own risk, 1.000.000 to be added over
    # three takstår. 2026 added 333.333,33; 2027 keeps the result with that amount indregnet and
    # adds the next third, 333.333,33 (rente_kort 0, so no interest).
    g = _eksempel("eksempel-3-nyt-tilbud")
    ny = naeste_aar(g, tjeneste.beregn(g))
    (r,) = ny.tilbud[0].resultater
    assert r.indregnet_tidligere == Decimal("333333.33")
    assert r.nyt_tilbud_foerste_aar and r.valg == "indregn"
    assert tjeneste.beregn(ny).tilbud[0].regulering == Decimal("333333.33")
    # ... and the year after, the last third: 1.000.000 - 2 × 333.333,33 = 333.333,34.
    ny2 = naeste_aar(ny, tjeneste.beregn(ny))
    assert tjeneste.beregn(ny2).tilbud[0].regulering == Decimal("333333.34")
    ny3 = naeste_aar(ny2, tjeneste.beregn(ny2))
    assert ny3.tilbud[0].resultater == ()


# ---------------------------------------------------------------- SPEC v2 (issue 10 item 5)
def test_nyt_tilbud_beholder_foerste_driftsaar_og_er_almindeligt_aaret_efter():
    from takstberegner.domain.rul_frem import naeste_aar

    # Eksempel 3 names no first driftsår: in 2026 it is read as 2026 (NYT-TILBUD-AAR). Rolled to
    # 2027 the file says 2026, so 2027 is an ordinary year: its belægning method nyt_tilbud (75 %)
    # has expired, and 75 % is under 95 % (a warning: it has a begrundelse).
    g = _eksempel("eksempel-3-nyt-tilbud")
    ny = naeste_aar(g, tjeneste.beregn(g))
    assert ny.tilbud[0].nyt_tilbud and ny.tilbud[0].foerste_driftsaar == 2026
    assert sorted(f.kode for f in tjeneste.beregn(ny).tilbud[0].fund) == ["BEL-UNDER-95", "NYT-TILBUD-UDLOEBET"]
    # A first driftsår already given is kept as it is.
    ny2 = naeste_aar(ny, tjeneste.beregn(ny))
    assert ny2.tilbud[0].foerste_driftsaar == 2026


def test_fremskrivning_af_budgettet_med_loen_og_pris(tmp_path):
    from decimal import Decimal as D

    from takstberegner.domain.rul_frem import Fremskrivning

    # Eksempel 1 fremskrevet with løn 3,2 % and priser 2,1 %, each amount to øre:
    # personale 6.500.000 × 1,032 = 6.708.000 (its tjenestemandsløn 300.000 -> 309.600),
    # ledelse 700.000 -> 722.400, TAP 250.000 -> 258.000; aktivitet 400.000 × 1,021 = 408.400,
    # tilsynstakst 49.269 × 1,021 = 50.303,649 -> 50.303,65, kompetenceudvikling 90.000 -> 91.890,
    # ejendom 410.000 -> 418.610, småanskaffelser 60.000 -> 61.260; renteindtægter -5.000 unchanged.
    g = _eksempel("eksempel-1-bostedet-nord")
    kilde = tmp_path / "2026.takst"
    TakstFil.opret(kilde, replace(g, satser=replace(g.satser, pl_fremskrivning_pct=D("3.5")))).luk()
    with rul_frem(kilde, tmp_path / "2027.takst", fremskrivning=Fremskrivning(D("3.2"), D("2.1"))) as f:
        ny = f.hent()
    t = ny.tilbud[0]
    assert [x.beloeb for x in t.omkostninger] == [D(x) for x in (
        "6708000.00", "722400.00", "258000.00", "408400.00", "50303.65", "91890.00", "418610.00", "61260.00", "-5000")]
    assert t.omkostninger[0].tjenestemand_loen == D("309600.00")
    assert t.bemaerkninger == ("Budgettet er fremskrevet fra 2026 til 2027 ved rul frem: personalelinjer med 3,20 % "
                               "(løn), øvrige budgetlinjer undtagen finansiering med 2,10 % (priser).")
    assert ny.satser.pl_fremskrivning_pct is None  # the year's P/L is set anew
    assert laes_grundlag(tmp_path / "2027.takst") == ny
    # The note explains nothing: a changed pladstal still needs the user's own bemærkning.
    t2 = replace(t, pladser=t.pladser - 2, pladser_forrige_aar=t.pladser)
    koder = [f.kode for f in tjeneste.beregn(replace(ny, tilbud=(t2,))).tilbud[0].fund]
    assert "PLADSER-AENDRET" in koder
    t3 = replace(t2, bemaerkninger=t2.bemaerkninger + "\nTo pladser er nedlagt efter aftale med KKR.")
    assert "PLADSER-AENDRET" not in [f.kode for f in tjeneste.beregn(replace(ny, tilbud=(t3,))).tilbud[0].fund]


def test_rul_frem_fra_kommandolinjen_med_fremskrivning(tmp_path):
    import subprocess
    import sys

    g = _eksempel("eksempel-2-overskud")
    kilde = tmp_path / "2026.takst"
    TakstFil.opret(kilde, g).luk()
    cmd = [sys.executable, "-m", "takstberegner", "rul-frem", str(kilde), "--til", str(tmp_path / "2027.takst")]
    r = subprocess.run(cmd + ["--loen-pct", "3,2"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "både --loen-pct og --pris-pct" in r.stderr
    assert not (tmp_path / "2027.takst").exists()
    r = subprocess.run(cmd + ["--loen-pct", "3,2", "--pris-pct", "2.1"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and "fremskrevet" in r.stdout
    ny = laes_grundlag(tmp_path / "2027.takst")
    # Eksempel 2's personale 6.500.000 -> 6.708.000.
    (linje,) = [x for x in ny.tilbud[0].omkostninger if x.kategori == "personale"]
    assert str(linje.beloeb) == "6708000.00" and "3,20 %" in ny.tilbud[0].bemaerkninger


def test_rul_frem_fra_kommandolinjen_siger_hvad_der_ikke_er_gjort(tmp_path):
    """Without rates the budget is carried over as it is, and next year's P/L is always unset: the
    command says both, as the app's rul frem dialog does (before, it only said the file was made)."""
    import subprocess
    import sys

    g = _eksempel("eksempel-2-overskud")
    kilde = tmp_path / "2026.takst"
    TakstFil.opret(kilde, g).luk()
    cmd = [sys.executable, "-m", "takstberegner", "rul-frem", str(kilde), "--til"]
    r = subprocess.run(cmd + [str(tmp_path / "a.takst")], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    linjer = r.stdout.splitlines()
    assert linjer[1] == "Budgettet er ikke fremskrevet (angiv --loen-pct og --pris-pct for at fremskrive det)."
    assert linjer[2].startswith("P/L-fremskrivningen for 2027 er ikke sat: indtil den sættes under Satser, måles "
                                "ændringen fra sidste års takster med regelsættets standard på ")
    r = subprocess.run(cmd + [str(tmp_path / "b.takst"), "--loen-pct", "3,2", "--pris-pct", "2,1"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert "ikke fremskrevet" not in r.stdout and "P/L-fremskrivningen for 2027 er ikke sat" in r.stdout


def test_rul_frem_procentsatser_laeses_som_i_appen(tmp_path):
    """The command read a rate with Decimal itself: '1e1' as 10 %, '2_5' as 25 %, Arabic-Indic '٣' as 3 %
    and '1.000' (a thousand, the Danish way) as 1 %, so the budget was fremskrevet by a rate the app's
    field refuses. Now it reads them as the app does (dansk.laes_tal): refused, and no file is made."""
    import subprocess
    import sys

    g = _eksempel("eksempel-2-overskud")
    kilde = tmp_path / "2026.takst"
    TakstFil.opret(kilde, g).luk()
    cmd = [sys.executable, "-m", "takstberegner", "rul-frem", str(kilde), "--til", str(tmp_path / "2027.takst")]
    for sats in ("1e1", "2_5", "٣", "1.000", "0x1", "3,2,1"):
        r = subprocess.run(cmd + ["--loen-pct", sats, "--pris-pct", "2"], capture_output=True, text=True, timeout=60)
        assert r.returncode == 2 and f"'{sats}' er ikke en procentsats mellem -50 og 100 (fx 3,2)" in r.stderr, r
        assert not (tmp_path / "2027.takst").exists()
    r = subprocess.run(cmd + ["--loen-pct", "3,2 %", "--pris-pct", "−1"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and "personalelinjer 3,20 %, øvrige linjer -1,00 %" in r.stdout, r
