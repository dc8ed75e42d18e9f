"""Output names a Windows user can type and Windows will not write as typed: 'rapport:2027.pdf'
(a colon writes a hidden part of a file 'rapport'), 'CON.xlsx' and 'LPT1.pdf' (a device: the bytes
go to the printer port or nowhere), 'takstskema.xlsx.' (the dot is dropped and another file is
written), a name past Windows' length. Every command refuses them in Danish before it reads or
writes anything, and leaves no file behind; the app's save dialogs the same (paths.windows_navnefejl)."""
from __future__ import annotations

from pathlib import PureWindowsPath

import pytest

from takstberegner.paths import MAKS_FILNAVN, windows_navnefejl
from tests.test_cli.test_ind_og_ud import INDMELD, NOEGLE, _afvist, mappe  # noqa: F401

NAVNE = {
    "rapport:2027.pdf": "Windows tillader ikke ‘:’ i et filnavn",
    "rapport?.pdf": "Windows tillader ikke ‘?’ i et filnavn",
    "a<b>.pdf": "Windows tillader ikke ‘<’ og ‘>’ i et filnavn",
    "rapport\x07.pdf": "Windows tillader ikke et styretegn (U+0007) i et filnavn",
    "CON.pdf": "CON er et navn, Windows har reserveret til en enhed",
    "lpt1.pdf": "lpt1 er et navn, Windows har reserveret til en enhed",
    "NUL .pdf": "NUL er et navn, Windows har reserveret til en enhed",
    "COM¹.pdf": "COM¹ er et navn, Windows har reserveret til en enhed",
    "rapport.pdf.": "Filnavnet ender med et punktum, som Windows fjerner",
    "rapport.pdf ": "Filnavnet ender med et mellemrum, som Windows fjerner",
    "r" * 200 + ".pdf": "Filnavnet er 204 tegn langt, men må højst være 200 tegn",
}


@pytest.mark.parametrize("navn", NAVNE, ids=lambda n: repr(n[:20]))
def test_rapport_afviser_navnet(mappe, navn):  # noqa: F811
    fejl = _afvist(mappe, "rapport", "a.takst", "-o", navn)
    assert NAVNE[navn] in fejl, fejl
    assert "\x07" not in fejl  # the control character is shown by its code, not sent to the terminal


@pytest.mark.parametrize("args", [
    ("takstskema", "a.takst", "-o", "CON.xlsx"),
    ("eksporter", "a.takst", "-o", "aux.json"),
    ("beregn", "g.json", "-o", "takster:1.json"),
    (*INDMELD, "PRN.indmelding"),
    (*NOEGLE, "-o", "COM1.p12", "--cert-ud", "ny.pem"),
    (*NOEGLE, "-o", "ny.p12", "--cert-ud", "ny.pem."),
    ("rul-frem", "a.takst", "--til", "LPT1.takst"),
    ("importer", "g.json", "--til", "ny|2027.takst"),
    ("takstbilag", "i.indmelding", "--tillid", "k.pem", "-o", "bilag.xlsx "),
], ids=lambda a: a[0])
def test_hver_uddata_afviser_navnet(mappe, args):  # noqa: F811
    fejl = _afvist(mappe, *args)
    assert ("Windows" in fejl and "vælg et andet navn" in fejl) or "fjern det" in fejl, fejl


def test_som_pathlib_ser_windows_navne():
    """The device names are those Python's own PureWindowsPath calls reserved."""
    for navn in ("CON", "con.txt", "Aux.pdf", "NUL .x", "COM1", "LPT9.tar.gz", "COM²", "CONIN$", "conout$.pdf",
                 "CONSOLE.pdf", "COM10.pdf", "LPT.pdf", "NULL", "rapport", "COM", ".con"):
        assert bool(windows_navnefejl(navn)) == PureWindowsPath(navn).is_reserved(), navn
    assert not windows_navnefejl("r" * MAKS_FILNAVN) and windows_navnefejl("r" * (MAKS_FILNAVN + 1))
    assert not windows_navnefejl("Takstberegning 2027 (ver. 2) – Ærø.pdf")
