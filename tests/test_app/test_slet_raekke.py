"""Slet linje (and Slet ydelse, anlæg, …) from the keyboard: after a delete the row that took its
place is the table's current row, so Slet again goes on, and Slet with no row chosen says what to
do instead of doing nothing."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from takstberegner.app.steps.budget import BudgetTrin
from takstberegner.app.steps.takststruktur import TakststrukturTrin

from .hjaelp import trin


def test_slet_linje_to_gange_og_uden_valgt_raekke(demo_vindue, qtbot):
    v = demo_vindue
    v.vaelg_tilbud("T1")
    b = trin(v, BudgetTrin)
    tabel = b.tabeller["omkostninger"]
    slet = b.findChild(QPushButton, "slet_omkostninger")
    linjer = list(v.dok.grundlag.tilbud[0].omkostninger)
    tabel.setCurrentIndex(tabel.model().index(-1, -1))
    qtbot.mouseClick(slet, Qt.LeftButton)
    assert len(v.dok.grundlag.tilbud[0].omkostninger) == len(linjer)
    assert v.statusBar().currentMessage() == ("Vælg først rækken, der skal slettes, i tabellen (klik på den, eller "
                                              "brug piletasterne), og tryk så Slet linje.")
    tabel.setCurrentIndex(tabel.model().index(2, 1))
    slet.setFocus()
    qtbot.keyClick(slet, Qt.Key_Space)
    qtbot.keyClick(slet, Qt.Key_Space)  # the line that moved up is the one deleted next
    assert list(v.dok.grundlag.tilbud[0].omkostninger) == linjer[:2] + linjer[4:]
    cur = tabel.currentIndex()
    assert (cur.row(), cur.column()) == (2, 1)
    # the last row deleted: the row above it is current
    tabel.setCurrentIndex(tabel.model().index(tabel.model().rowCount() - 1, 0))
    qtbot.keyClick(slet, Qt.Key_Space)
    assert tabel.currentIndex().row() == tabel.model().rowCount() - 1 == len(linjer) - 4


def test_slet_ydelse_uden_valgt_raekke_siger_hvad_man_skal_goere(demo_vindue, qtbot):
    v = demo_vindue
    v.vaelg_tilbud("T1")
    side = trin(v, TakststrukturTrin)
    side.tabeller["ydelser"].setCurrentIndex(side.tabeller["ydelser"].model().index(-1, -1))
    qtbot.mouseClick(side.findChild(QPushButton, "slet_ydelser"), Qt.LeftButton)
    assert len(v.dok.grundlag.tilbud[0].ydelser) == 2
    assert v.statusBar().currentMessage().endswith("og tryk så Slet ydelse.")
