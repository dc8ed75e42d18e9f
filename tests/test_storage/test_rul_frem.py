"""New takstår from last year (issue 3 point 4)."""
from __future__ import annotations

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
