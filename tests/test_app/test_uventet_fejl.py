"""An unexpected error in the app (one that leaves a slot) is written to the error log and told in
Danish, and the program goes on with the file as saved (app/uventet_fejl.py); without the hook an
installed app, which has no terminal, would show nothing at all."""
from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QTimer

# pytest-qt would otherwise take the exception itself and fail the test
pytestmark = pytest.mark.qt_no_exception_capture


def _fejl_i_et_slot() -> None:
    raise RuntimeError("injiceret programfejl")


def test_en_fejl_i_et_slot_logges_og_vises_paa_dansk(demo_vindue, beskeder, qtbot, tmp_path, monkeypatch):
    from takstberegner.app import uventet_fejl

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    uventet_fejl.installer(demo_vindue)
    QTimer.singleShot(0, _fejl_i_et_slot)  # Qt calls the slot; the exception leaves it
    qtbot.waitUntil(lambda: bool(beskeder), timeout=5000)
    art, titel, tekst = beskeder[-1]
    assert (art, titel) == ("critical", "Uventet programfejl")
    assert tekst.startswith("Der opstod en uventet fejl i programmet, så den seneste handling er måske ikke udført.")
    assert "Det, der allerede er gemt i takstfilen, er i behold" in tekst  # a file is open
    assert "Traceback" not in tekst and "RuntimeError" not in tekst
    logge = sorted((tmp_path / "data" / "fejllog").glob("fejl-*.txt"))
    assert len(logge) == 1 and f"Detaljerne er skrevet i {logge[0]}." in tekst
    log = logge[0].read_text(encoding="utf-8")
    assert "I programmets vindue" in log and "Traceback" in log and "RuntimeError: injiceret programfejl" in log
    assert "_fejl_i_et_slot" in log  # the traceback reaches the function that raised
    # the program goes on with its file: an edit after the error is saved
    assert demo_vindue.dok is not None
    antal = len(demo_vindue.dok.grundlag.tilbud)
    demo_vindue.handlinger.nyt_tilbud()
    assert len(demo_vindue.dok.grundlag.tilbud) == antal + 1


def test_appen_saetter_krogen_naar_den_starter(qapp, monkeypatch):
    from takstberegner.app import uventet_fejl
    from takstberegner.kommandoer.app import start_app

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setenv("TAKSTBEREGNER_AFSLUT_EFTER_START", "1")
    assert start_app() == 0
    assert isinstance(sys.excepthook, uventet_fejl._Hook)
    sys.excepthook.vindue.close()
