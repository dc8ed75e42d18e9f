"""The operating system's and SQLite's English error texts never reach a user (issue 9, README
"Danish text for every SQLite message"): every message the app builds from an OSError says it with
`takstberegner.fejltekst`. Real errors from real file system calls, driven through the real window
offscreen; the messages are scanned for every text the OS has (os.strerror) and SQLite's words."""
from __future__ import annotations

import ast
import os
import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QPushButton

PAKKE = Path(__file__).parents[2] / "desktop" / "takstberegner"
# Every text the OS gives for an errno here ("No such file or directory", "Is a directory", ...).
OS_TEKSTER = {os.strerror(n) for n in range(1, 135)} - {""}
ENGELSK = re.compile(r"Errno|errno|Permission denied|No such file|Is a directory|Not a directory|File exists|"
                     r"database is locked|disk image is malformed|readonly database|unable to open|"
                     r"Unknown error|Operation not permitted|Read-only file system")


def engelsk(tekst: str) -> list[str]:
    return sorted({t for t in OS_TEKSTER if t in tekst} | set(ENGELSK.findall(tekst)))


@pytest.fixture
def filvalg(monkeypatch):
    svar: list = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(svar.pop(0)), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(svar.pop(0)), ""))
    return svar


@pytest.fixture
def mappe(tmp_path) -> Path:
    """An existing folder under a file's name: writing there fails with EISDIR."""
    d = tmp_path / "optaget"
    d.mkdir()
    (d / "indhold.txt").write_text("x")
    return d


def _kritisk(beskeder, titel: str) -> str:
    art, t, tekst = beskeder[-1]
    assert (art, t) == ("critical", titel), beskeder[-1]
    assert not engelsk(tekst), (engelsk(tekst), tekst)
    return tekst


@pytest.mark.parametrize("handling, endelse", [("udskriv_pdf", ".pdf"), ("eksporter_xlsx", ".xlsx"),
                                                ("eksporter_grundlag", ".json"), ("eksporter_takster", ".json")])
def test_eksport_til_en_mappe(demo_vindue, filvalg, beskeder, tmp_path, handling, endelse):
    d = tmp_path / f"optaget{endelse}"
    d.mkdir()
    filvalg.append(d)
    getattr(demo_vindue.handlinger, handling)()
    tekst = _kritisk(beskeder, "Filen kan ikke gemmes")
    assert tekst == f"{d} kan ikke skrives: det er en mappe, ikke en fil."


def test_eksport_under_en_fil(demo_vindue, filvalg, beskeder, tmp_path):
    (tmp_path / "fil").write_text("x")
    filvalg.append(tmp_path / "fil" / "grundlag.json")
    demo_vindue.handlinger.eksporter_grundlag()
    tekst = _kritisk(beskeder, "Filen kan ikke gemmes")
    assert tekst.endswith("kan ikke skrives: filen findes allerede.") or "ikke en mappe" in tekst


def test_ny_fil_over_en_mappe(vindue, beskeder, mappe):
    from takstberegner.formats.takstgrundlag import laes_fil

    g = laes_fil(sorted((Path(__file__).parents[1] / "data" / "eksempler").glob("*.takstgrundlag.json"))[0])
    assert not vindue.handlinger.ny_fil(mappe, g)
    tekst = _kritisk(beskeder, "Filen kan ikke oprettes")
    assert tekst.startswith(f"Filen {mappe.name} kan ikke overskrives: ")


def test_indmelding_til_en_mappe(demo_vindue, filvalg, beskeder, monkeypatch, tmp_path):
    from takstberegner.app import signering_dialog
    from takstberegner.export import signering

    d = demo_vindue.dok.grundlag.driftsherre
    u = signering.lav_noegle(d.navn, d.cvr)
    monkeypatch.setattr(signering_dialog, "vaelg_underskriver", lambda *a, **k: u)
    maal = tmp_path / "optaget.indmelding"
    maal.mkdir()
    filvalg.append(maal)
    assert demo_vindue.handlinger.indmeld() is None
    assert _kritisk(beskeder, "Filen kan ikke gemmes") == f"{maal} kan ikke skrives: det er en mappe, ikke en fil."


def test_noegle_faar_endelsen_p12(qtbot, tmp_path):
    """A key path typed without its ending, or as 'noegle.pem', wrote a PKCS#12 key under that name;
    now it is named .p12 (a .pfx is kept), and an existing .p12 of that name is still never replaced."""
    from takstberegner.app import signering_dialog

    for skrevet, gemt in (("noegle", "noegle.p12"), ("noegle.pem", "noegle.pem.p12"), ("n.PFX", "n.PFX")):
        d = signering_dialog.NyNoegleDialog(None, "Demokommune", "12345678")
        qtbot.addWidget(d)
        d.sti.setText(str(tmp_path / skrevet))
        d.kode1.setText("hemmelig æøå 1")
        d.kode2.setText("hemmelig æøå 1")
        d._lav()
        assert d.gemt_i == tmp_path / gemt and (tmp_path / gemt).read_bytes()[:1] == b"\x30", d.fejl.text()
        assert not (tmp_path / skrevet).exists() or skrevet == gemt
    d = signering_dialog.NyNoegleDialog(None, "Demokommune", "12345678")
    qtbot.addWidget(d)
    d.sti.setText(str(tmp_path / "noegle"))
    d.kode1.setText("hemmelig æøå 1")
    d.kode2.setText("hemmelig æøå 1")
    d._lav()
    assert d.underskriver is None and d.fejl.text().startswith("noegle.p12 findes allerede.")


def test_noegle_og_certifikat_kan_ikke_gemmes(qtbot, tmp_path, filvalg):
    from takstberegner.app import signering_dialog

    (tmp_path / "fil").write_text("x")
    d = signering_dialog.NyNoegleDialog(None, "Demokommune", "12345678")
    qtbot.addWidget(d)
    d.sti.setText(str(tmp_path / "fil" / "nøgle.p12"))
    d.kode1.setText("hemmelig æøå 1")
    d.kode2.setText("hemmelig æøå 1")
    d._lav()
    assert d.underskriver is None and d.fejl.text().startswith("Nøglen kan ikke gemmes i ")
    assert not engelsk(d.fejl.text()), d.fejl.text()
    from takstberegner.export import signering

    fp = signering_dialog.FingeraftrykDialog(None, signering.lav_noegle("Demokommune", "12345678"))
    qtbot.addWidget(fp)
    (tmp_path / "optaget.pem").mkdir()
    filvalg.append(tmp_path / "optaget.pem")
    fp._gem_pem()
    assert fp.fingeraftryk.toolTip() == "Kunne ikke gemme: det er en mappe, ikke en fil"


def test_tillidsfil_der_er_en_mappe(qtbot, tmp_path, filvalg, monkeypatch):
    from cryptography.hazmat.primitives.serialization import Encoding

    from takstberegner.app import sekretariat

    from .test_signering_sekretariat import _ca_certifikat

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "konfiguration"))
    tillid = tmp_path / "tillid.pem"
    tillid.mkdir()
    sekretariat.husk_tillidsfil(str(tillid))
    (tmp_path / "rod.cer").write_bytes(_ca_certifikat().public_bytes(Encoding.DER))
    d = sekretariat.TillidsfilDialog(None)
    qtbot.addWidget(d)
    assert not engelsk(d.indhold.text()), d.indhold.text()
    filvalg.append(tmp_path / "rod.cer")
    d.findChild(QPushButton, "rod").click()
    assert d.fejl.text() == f"Tillidsfilen {tillid} kan ikke læses: det er en mappe, ikke en fil"
    assert d.result() != QDialog.DialogCode.Accepted


def test_en_eksport_der_ikke_kan_skrives(vindue, beskeder, mappe):
    """The one writer of the app's exports and the secretariat's takstbilag (efter_eksport.gem)."""
    from takstberegner.app import efter_eksport

    assert not efter_eksport.gem(vindue, mappe, b"x")
    assert _kritisk(beskeder, "Filen kan ikke gemmes") == f"{mappe} kan ikke skrives: det er en mappe, ikke en fil."


# ---- and no message is built from the English text anywhere in app/, export/ or importers/
_OS_FEJL = {"OSError", "IOError", "FileNotFoundError", "PermissionError", "IsADirectoryError", "NotADirectoryError",
            "FileExistsError", "BlockingIOError", "InterruptedError", "TimeoutError"}  # and sqlite3.<anything>
_DANSK = {"os_fejl", "sqlite_fejl", "fejl_tekst"}


def _fanger_os_fejl(h: ast.ExceptHandler) -> bool:
    typer = h.type.elts if isinstance(h.type, ast.Tuple) else [h.type] if h.type else []
    return any(getattr(t, "id", "") in _OS_FEJL or (isinstance(t, ast.Attribute) and getattr(t.value, "id", "")
                                                      == "sqlite3") for t in typer)


def _engelsk_brug(h: ast.ExceptHandler) -> list[int]:
    """Lines in the handler that put the exception itself (its English text) into a string."""
    navn = h.name
    ud = []
    for knude in ast.walk(ast.Module(body=h.body, type_ignores=[])):
        if isinstance(knude, ast.Call) and isinstance(knude.func, ast.Name) and knude.func.id in _DANSK:
            continue
        if isinstance(knude, ast.FormattedValue):
            if any(isinstance(x, ast.Name) and x.id == navn for x in ast.walk(knude.value)) and not (
                    isinstance(knude.value, ast.Call) and getattr(knude.value.func, "id", "") in _DANSK):
                ud.append(knude.lineno)
        if isinstance(knude, ast.Call) and getattr(knude.func, "id", "") in ("str", "repr") and any(
                isinstance(a, ast.Name) and a.id == navn for a in knude.args):
            ud.append(knude.lineno)
        if isinstance(knude, ast.Attribute) and knude.attr in ("strerror", "args") and isinstance(
                knude.value, ast.Name) and knude.value.id == navn:
            ud.append(knude.lineno)
    return ud


def test_ingen_besked_bygges_af_os_fejlens_engelske_tekst():
    fund = []
    for del_ in ("app", "export", "importers"):
        for p in sorted((PAKKE / del_).rglob("*.py")):
            for h in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
                if isinstance(h, ast.ExceptHandler) and h.name and _fanger_os_fejl(h):
                    fund.extend(f"{p.relative_to(PAKKE)}:{n}" for n in _engelsk_brug(h))
    assert fund == []
