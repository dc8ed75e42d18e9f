"""New takstår from last year (issue 3 point 4)."""
from __future__ import annotations

import pytest

from takstberegner import tjeneste
from takstberegner.storage import LagerFejl, TakstFil, laes_grundlag, rul_frem


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
