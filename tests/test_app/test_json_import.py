"""The app's Filer → Importér takstgrundlag (JSON) goes through the command line's door
(tjeneste.dokumenter): a document the one validation refuses is not saved, and the message names
each refused value in Danish (issue 9 items 1 and 6)."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

MAPPE = Path(__file__).parents[1] / "data" / "malformed"
EKSEMPEL = sorted((Path(__file__).parents[1] / "data" / "eksempler").glob("*.takstgrundlag.json"))[0]


@pytest.fixture
def dialoger(monkeypatch):
    svar: list = []
    spurgt: list[str] = []

    def svar_paa(hvad):
        def f(*a, **k):
            spurgt.append(hvad)
            return str(svar.pop(0)), ""
        return f

    monkeypatch.setattr(QFileDialog, "getSaveFileName", svar_paa("gem"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", svar_paa("åbn"))
    return svar, spurgt


def test_afvist_dokument_gemmes_ikke(vindue, dialoger, beskeder, tmp_path):
    svar, spurgt = dialoger
    svar.extend([MAPPE / "restvaerdi-for-stor.json", tmp_path / "ny.takst"])
    vindue.handlinger.importer_json()
    assert spurgt == ["åbn"]  # refused before it asks where to save
    assert not (tmp_path / "ny.takst").exists() and vindue.dok is None
    art, titel, tekst = beskeder[-1]
    assert art == "critical" and titel == "Importen mislykkedes"
    assert tekst.startswith("restvaerdi-for-stor.json kan ikke importeres, fordi en værdi ikke kan bruges:")
    assert "Anlæg" in tekst and "Restværdi" in tekst and "anlaeg[" not in tekst and "restvaerdi " not in tekst


def test_syntaksfejl_naevner_stedet_paa_dansk(vindue, dialoger, beskeder):
    svar, _ = dialoger
    svar.append(MAPPE / "ukendt-felt-linje.json")
    vindue.handlinger.importer_json()
    tekst = beskeder[-1][2]
    assert tekst.startswith("ukendt-felt-linje.json kan ikke importeres: ") and "omkostninger[" not in tekst


def test_gyldigt_dokument_importeres_og_aabnes(vindue, dialoger, beskeder, tmp_path):
    svar, spurgt = dialoger
    svar.extend([EKSEMPEL, tmp_path / "ny.takst"])
    vindue.handlinger.importer_json()
    assert spurgt == ["åbn", "gem"] and vindue.dok is not None and vindue.dok.sti == tmp_path / "ny.takst"
