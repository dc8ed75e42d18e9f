"""Fixtures for the GUI tests: offscreen Qt, settings and data folders in tmp, the real window."""
from __future__ import annotations

import os
import subprocess
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QSettings, QStandardPaths  # noqa: E402


@pytest.fixture(autouse=True)
def _isoleret(tmp_path, monkeypatch, qapp):
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setPath(QSettings.NativeFormat, QSettings.UserScope, str(tmp_path / "indstillinger"))
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "indstillinger"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("TAKSTBEREGNER_DATA", str(tmp_path / "data"))
    from takstberegner.app import settings

    settings.indstillinger().clear()
    yield


@pytest.fixture(autouse=True)
def _sidste_aar_uden(monkeypatch):
    """The PDF til revision asks for last year's takstfil first (app/sidste_aar_dialog.py); unless
    a test answers it itself, the answer is the dialog's own 'Uden sidste år' button."""
    from PySide6.QtWidgets import QPushButton

    from takstberegner.app.sidste_aar_dialog import SidsteAarDialog

    def exec_(self):
        self.findChild(QPushButton, "uden").click()
        return self.result()

    monkeypatch.setattr(SidsteAarDialog, "exec", exec_)


@pytest.fixture
def beskeder(monkeypatch):
    """Capture modal message boxes instead of showing them: list of (kind, title, text)."""
    from PySide6.QtWidgets import QMessageBox

    fanget: list[tuple[str, str, str]] = []

    def fang(kind, svar=QMessageBox.Ok):
        def f(parent, titel, tekst, *a, **k):
            fanget.append((kind, titel, tekst))
            return svar
        return f

    monkeypatch.setattr(QMessageBox, "critical", fang("critical"))
    monkeypatch.setattr(QMessageBox, "information", fang("information"))
    monkeypatch.setattr(QMessageBox, "warning", fang("warning"))
    monkeypatch.setattr(QMessageBox, "question", fang("question", QMessageBox.Yes))
    return fanget


@pytest.fixture
def vindue(qtbot, beskeder):
    from takstberegner.app.main_window import HovedVindue

    v = HovedVindue()
    v.resize(1600, 1000)
    qtbot.addWidget(v)
    v.show()
    qtbot.waitExposed(v)
    yield v
    if v.dok is not None:
        v.saet_dokument(None)


@pytest.fixture
def demo_vindue(vindue, tmp_path, monkeypatch):
    from takstberegner.app import demo

    monkeypatch.setattr(demo, "datamappe", lambda: tmp_path)
    assert vindue.aabn_demo()
    return vindue


@pytest.fixture
def demo_fil(tmp_path):
    """The demo as a .takst file made by the command, for a test that starts the app in its own process."""
    from takstberegner.paths import resource

    sti = tmp_path / "demo.takst"
    p = subprocess.run([sys.executable, "-m", "takstberegner", "importer",
                        str(resource("demo", "demokommune.takstgrundlag.json")), "--til", str(sti)],
                       capture_output=True, text=True, timeout=120,
                       env=dict(os.environ, TAKSTBEREGNER_DATA=str(tmp_path / "data")))
    assert p.returncode == 0, p.stderr
    return sti
