"""A .takst file that may not be written where it lies (an attachment Outlook opens from its
read-only folder, a read-only share) was refused with only "Fjern skrivebeskyttelsen ... eller gem
en kopi et andet sted", which the user could not do from the program. Now the app offers to save a
copy where the user can write (the documents folder proposed), opens the copy, and leaves the
original as it was."""
from __future__ import annotations

import os
import stat
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from takstberegner.domain import aendringer as ae
from takstberegner.formats import takstgrundlag as tg
from takstberegner.storage import TakstFil
from takstberegner.storage.repository import laes_grundlag

EKSEMPEL = Path(__file__).parents[1] / "data" / "eksempler" / "eksempel-1-bostedet-nord.takstgrundlag.json"


@pytest.fixture
def fra_mail(tmp_path) -> Path:
    mappe = tmp_path / "OLK1234"
    mappe.mkdir()
    sti = mappe / "Nordkommune 2027.takst"
    TakstFil.opret(sti, tg.laes_fil(EKSEMPEL)).luk()
    os.chmod(sti, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    yield sti
    os.chmod(sti, 0o644)


@pytest.fixture
def gem_som(monkeypatch):
    """The save dialog: records the proposed path and answers with the path the test puts first."""
    svar: list = []
    foreslaaet: list[str] = []

    def gem(parent, titel, forslag="", *a, **k):
        foreslaaet.append(forslag)
        return (str(svar.pop(0)), "") if svar else ("", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", gem)
    return svar, foreslaaet


def test_en_skrivebeskyttet_fil_aabnes_som_en_kopi(vindue, beskeder, gem_som, fra_mail, tmp_path):
    svar, foreslaaet = gem_som
    foer = fra_mail.read_bytes()
    kopi = tmp_path / "min kopi.takst"
    svar.append(kopi)
    assert vindue.aabn_fil(fra_mail)
    (art, titel, tekst), = beskeder
    assert art == "question" and titel == "Filen er skrivebeskyttet"
    assert tekst.startswith("Filen Nordkommune 2027.takst er skrivebeskyttet")
    assert tekst.endswith("Vil du gemme en kopi af Nordkommune 2027.takst, som du kan rette i, og åbne den?")
    assert Path(foreslaaet[0]).name == "Nordkommune 2027.takst" and Path(foreslaaet[0]).parent != fra_mail.parent
    assert vindue.dok.sti == kopi and vindue.dok.grundlag == laes_grundlag(fra_mail)
    t = vindue.dok.grundlag.tilbud[0]
    ny = replace(t.omkostninger[0], beloeb=t.omkostninger[0].beloeb + 1)
    assert vindue.dok.anvend(ae.OpdaterElement(t.id, "omkostninger", 0, ny))
    assert laes_grundlag(kopi).tilbud[0].omkostninger[0] == ny
    assert fra_mail.read_bytes() == foer


def test_nej_tak_aabner_intet(vindue, beskeder, gem_som, fra_mail, monkeypatch, tmp_path):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.No)
    assert not vindue.aabn_fil(fra_mail) and vindue.dok is None
    assert gem_som[1] == [] and sorted(p.name for p in fra_mail.parent.iterdir()) == [fra_mail.name]


def test_kopien_kan_ikke_gemmes_oven_i_originalen(vindue, beskeder, gem_som, fra_mail):
    gem_som[0].append(fra_mail)
    assert not vindue.aabn_fil(fra_mail) and vindue.dok is None
    assert beskeder[-1][:2] == ("critical", "Vælg et andet sted")
