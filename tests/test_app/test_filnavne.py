"""The file names the app proposes come from the driftsherre's name. A name with a character a
file name cannot hold ('Aalborg/Nord') made the PDF, takstskema, indmelding and rul frem crash
before the save dialog opened (pathlib: 'Invalid name'); a name with ':' or '?' gave Windows a
name it refuses. Now the proposal is always one valid name in the open file's folder."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path, PureWindowsPath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QDialog, QFileDialog

from takstberegner.app import eksport
from takstberegner.app.filnavne import MAKS_LAENGDE, filnavn
from takstberegner.domain import aendringer as ae
from takstberegner.paths import windows_navnefejl

ULOVLIGE = set('<>:"/\\|?*')


def _gyldigt_paa_windows(navn: str) -> bool:
    return (0 < len(navn) <= MAKS_LAENGDE and not ULOVLIGE & set(navn) and all(ord(c) >= 32 for c in navn)
            and not navn.endswith((".", " ")) and not PureWindowsPath(navn).is_reserved()
            and PureWindowsPath(navn).name == navn and Path(navn).name == navn)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_ethvert_navn_bliver_et_gyldigt_filnavn(tekst):
    navn = filnavn(tekst)
    assert _gyldigt_paa_windows(navn), repr(navn)
    assert windows_navnefejl(f"{navn}.pdf") == "", repr(navn)  # the save dialog never refuses its own proposal
    assert _gyldigt_paa_windows(filnavn(f"{tekst} 2027"))
    assert _gyldigt_paa_windows(filnavn(tekst + "0" * MAKS_LAENGDE))


@pytest.mark.parametrize("tekst, forventet", [
    ("Aalborg Kommune 2027", "Aalborg Kommune 2027"),
    ("Aalborg/Nord 2027", "Aalborg-Nord 2027"),
    ("Region: Nord?  2027", "Region- Nord- 2027"),
    ("Ærø ‮gnp.exe", "Ærø gnp.exe"),  # the direction override goes
    ("CON", "CON_"), ("nul.txt", "nul_.txt"), ("...", "takstberegning"), ("Nord. ", "Nord"),
    # Windows takes these for devices too: the part before the first dot, without its trailing spaces,
    # and COM/LPT with a superscript digit ('nul.txt_' and 'CON .x' were proposed as they were)
    ("CON .x", "CON_ .x"), ("COM¹", "COM¹_"), ("lpt2 . pdf", "lpt2_ . pdf"), ("CONIN$", "CONIN$_"),
])
def test_eksempler(tekst, forventet):
    assert filnavn(tekst) == forventet


@pytest.fixture
def forslag(monkeypatch):
    """The names the save dialogs proposed; every dialog is cancelled."""
    set_: list[str] = []

    def gem(parent, titel, sti="", *a, **k):
        set_.append(sti)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", gem)
    return set_


def test_eksport_og_nyt_takstaar_foreslaar_et_gyldigt_navn(demo_vindue, forslag, monkeypatch):
    v = demo_vindue
    d = v.dok.grundlag.driftsherre
    assert v.dok.anvend(ae.SaetDriftsherre(replace(d, navn="Aalborg/Nord: Syd")))
    assert eksport.udskriv_pdf(v) is None and eksport.eksporter_xlsx(v) is None
    from takstberegner.app import rulfrem_dialog

    monkeypatch.setattr(rulfrem_dialog.RulFremDialog, "exec", lambda self: QDialog.Accepted)
    assert v.handlinger.rul_frem() is False  # cancelled in the save dialog, not crashed
    from takstberegner.app.mapper import dokumentmappe

    mappe = dokumentmappe()  # the demo lives in the app's hidden data folder: its exports go to Dokumenter
    aar = v.dok.grundlag.takstaar
    assert [Path(f) for f in forslag] == [mappe / f"Aalborg-Nord- Syd {aar} takstberegning.pdf",
                                          mappe / f"Aalborg-Nord- Syd {aar} takstskema.xlsx",
                                          mappe / f"Aalborg-Nord- Syd {aar + 1}.takst"]
