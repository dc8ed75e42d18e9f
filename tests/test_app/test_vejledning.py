"""The Hjælp guide (issue 11.7): Danish documents in resources/hjaelp, one chapter for every page
of the window, opened from the Hjælp menu (F1) at the page the user is on, and from each step's
help box; the rules are there with their SA references."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from takstberegner.app.hjaelpvindue import KAPITEL_FOR_SIDE, HjaelpVindue, kapitler
from takstberegner.app.steps.alle import TRIN
from takstberegner.app.steps.belaegning import BelaegningTrin
from takstberegner.app.steps.budget import BudgetTrin

from .hjaelp import trin


def test_hvert_trin_har_et_kapitel_med_reglerne():
    navne = {n for n, _, _ in kapitler()}
    assert {k.__name__ for k in TRIN} | {"overblik"} == set(KAPITEL_FOR_SIDE)
    assert set(KAPITEL_FOR_SIDE.values()) <= navne
    for navn, titel, fil in kapitler():
        tekst = fil.read_text(encoding="utf-8")
        assert titel and not re.search(r"\b[a-z]+_[a-z_]+\b", tekst), navn  # no internal keys
    for side, navn in KAPITEL_FOR_SIDE.items():
        if side not in ("overblik", "BemaerkningerTrin"):
            tekst = next(f for n, _, f in kapitler() if n == navn).read_text(encoding="utf-8")
            assert re.search(r"SA \d", tekst), navn  # the rules with their references


def test_f1_viser_kapitlet_for_trinnet(demo_vindue, qtbot):
    v = demo_vindue
    v.vaelg_tilbud("T1")
    trin(v, BelaegningTrin)
    qtbot.keyClick(v, Qt.Key_F1)
    h = v.findChild(HjaelpVindue)
    assert h is not None and h.isVisible()
    assert h.liste.currentItem().text() == "Trin 3: Belægning"
    assert "mindst 95 %" in h.tekst.toPlainText() and "SA 5.2" in h.tekst.toPlainText()
    # the step's help box leads to its chapter too
    b = trin(v, BudgetTrin)
    boks = next(lbl for lbl in b.findChildren(QLabel) if lbl.objectName() == "hjaelp")
    assert "Læs mere i vejledningen" in boks.text()
    boks.linkActivated.emit("vejledning")
    QApplication.processEvents()
    assert h.liste.currentItem().text() == "Trin 2: Budget" and "TAP" in h.tekst.toPlainText()
    v.vis_overblik()
    v.vis_hjaelp()
    assert h.liste.currentItem().text() == "Overblik og tjekliste"
