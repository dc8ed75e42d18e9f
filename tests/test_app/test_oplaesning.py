"""What the status bar says is also said to a screen reader (app/statuslinje.py): a refused entry
("Ikke gemt: …") interrupts the reader, an ordinary message waits its turn. Offscreen no screen
reader receives Qt's announcement event, so the tests listen where the app announces, with Qt's
accessibility switched on so that the real event is built and dispatched too."""
from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from takstberegner.app import statuslinje
from takstberegner.app.steps.budget import BudgetTrin
from takstberegner.app.steps.driftsherre import DriftsherreTrin

from .hjaelp import aaben_editor, kolonne, skriv_felt, trin


@pytest.fixture
def hoert():
    """The announcements made while the test runs, as (text, vigtig)."""
    ud: list[tuple[str, bool]] = []
    lyt = lambda tekst, vigtig: ud.append((tekst, vigtig))  # noqa: E731
    statuslinje.lyttere.append(lyt)
    foer = QAccessible.isActive()
    QAccessible.setActive(True)  # as with a screen reader running: the event is dispatched
    yield ud
    QAccessible.setActive(foer)
    statuslinje.lyttere.remove(lyt)


def test_afvist_celle_siges_med_det_samme(qtbot, demo_vindue, hoert):
    b = trin(demo_vindue, BudgetTrin)
    editor = aaben_editor(b.tabeller["omkostninger"], 0, kolonne(b.model, "beloeb"))
    qtbot.keyClicks(editor, "1e30")
    qtbot.keyClick(editor, Qt.Key_Return)
    QApplication.processEvents()
    tekst, vigtig = hoert[-1]
    assert tekst == demo_vindue.statusBar().currentMessage()
    assert tekst.startswith("Ikke gemt: ") and "'1e30' er ikke et tal" in tekst and vigtig


def test_afvist_felt_siges(qtbot, demo_vindue, hoert):
    d = trin(demo_vindue, DriftsherreTrin)
    skriv_felt(qtbot, d.satser["rente_anlaeg_pct"], "12a")
    assert any(t.startswith("Ikke gemt: ") and "'12a'" in t and vigtig for t, vigtig in hoert)


def test_almindelig_besked_venter_sin_tur(vindue, tmp_path, monkeypatch, hoert):
    from takstberegner.app import demo

    monkeypatch.setattr(demo, "datamappe", lambda: tmp_path)
    assert vindue.aabn_demo()
    assert any(t.startswith("Demoen er din egen kopi") and not vigtig for t, vigtig in hoert)


def test_ikke_klar_til_indmelding_siges(demo_vindue, hoert):
    """A file with a fejl: Indmeld says what blocks it, aloud too."""
    from takstberegner.app.steps.belaegning import BelaegningTrin

    v = demo_vindue
    v.vaelg_tilbud("X")
    bel = trin(v, BelaegningTrin)
    bel.begrundelse.setFocus()  # Tilbud X's 95 % loses its begrundelse: a fejl (BEL-BEGRUNDELSE)
    bel.begrundelse.setPlainText("")
    bel.metode.setFocus()
    hoert.clear()
    v.handlinger.indmeld()
    assert hoert == [(v.statusBar().currentMessage(), True)]
    assert hoert[0][0].startswith("Ikke klar til indmelding: 1 ting skal rettes først.")


def test_ny_fejl_og_rettet_fejl_siges(demo_vindue, hoert):
    """An edit that is saved but brings a fejl says which and where; mending it says so too."""
    from takstberegner.app.steps.belaegning import BelaegningTrin

    v = demo_vindue
    v.vaelg_tilbud("X")
    bel = trin(v, BelaegningTrin)
    tekst = bel.begrundelse.toPlainText()
    hoert.clear()
    bel.begrundelse.setFocus()
    bel.begrundelse.setPlainText("")  # Tilbud X's 95 % without a begrundelse: BEL-BEGRUNDELSE, a fejl
    bel.metode.setFocus()
    besked, vigtig = hoert[-1]
    assert besked == v.statusBar().currentMessage() and not vigtig
    assert besked.startswith("Gemt. Ny fejl: Tilbud X (Styringsaftalen 5.3) › Belægning: ")
    assert "95" in besked
    bel.begrundelse.setFocus()
    bel.begrundelse.setPlainText(tekst)
    bel.metode.setFocus()
    assert hoert[-1] == ("Gemt. 1 fejl er rettet; der er ingen fejl tilbage.", False)


def test_aendring_uden_nye_fund_siger_intet(qtbot, demo_vindue, hoert):
    from takstberegner.app.steps.stamdata import StamdataTrin

    s = trin(demo_vindue, StamdataTrin)
    hoert.clear()
    skriv_felt(qtbot, s.aarsvaerk, "12,5")
    assert demo_vindue.dok.grundlag.tilbud[0].noegletal_for("aarsvaerk") == Decimal("12.5")
    assert hoert == []
