"""Keyboard only (no mouse): every step is reached by a shortcut or from the navigator with the arrow
keys, focus lands in the step's first field, Tab follows the order the step is laid out in and
leaves a table with Ctrl+Tab, no two things in one window or menu share an Alt letter, and Escape
closes every dialog. Key events go to the widget that has the focus, as a keyboard sends them."""
from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton, QApplication, QBoxLayout, QDialog, QFormLayout, QGridLayout, QGroupBox,
    QLabel, QMainWindow, QMenu, QPlainTextEdit, QScrollArea, QSplitter, QStackedWidget, QTableView, QTabBar, QTabWidget, QToolButton,
    QWidget,
)

from takstberegner.app.tastatur import kan_faa_fokus

from .hjaelp import aabn_dialogerne, kolonne


def fokus() -> QWidget:
    w = QApplication.focusWidget()
    assert w is not None, "nothing has the focus"
    return w


def tast(qtbot, key, mod=Qt.KeyboardModifier.NoModifier) -> None:
    """One key press on the widget with the focus (where the keyboard sends it)."""
    qtbot.keyClick(fokus(), key, mod)
    QApplication.processEvents()


# -- reading order and the Tab chain ---------------------------------------------------------------
def layout_orden(rod: QWidget) -> list[QWidget]:
    """The widgets under `rod` in the order their layouts place them: rows of a form and a grid top
    to bottom and left to right, boxes in their direction, splitters and scroll areas in order."""
    ud: list[QWidget] = []

    def widget(x: QWidget) -> None:
        if not x.isVisible():
            return
        ud.append(x)
        if isinstance(x, QScrollArea):
            if x.widget() is not None:
                widget(x.widget())
        elif isinstance(x, QSplitter):
            for i in range(x.count()):
                widget(x.widget(i))
        elif isinstance(x, QTabWidget):
            widget(x.tabBar())
            if x.currentWidget() is not None:
                widget(x.currentWidget())
        elif isinstance(x, QStackedWidget):
            if x.currentWidget() is not None:
                widget(x.currentWidget())
        elif x.layout() is not None:
            layout(x.layout())

    def layout(lag) -> None:
        elementer = [(i, lag.itemAt(i)) for i in range(lag.count())]
        if isinstance(lag, (QGridLayout, QFormLayout)):
            def plads(e):
                p = lag.getItemPosition(e[0])
                return (p[0], p[1]) if isinstance(lag, QGridLayout) else (p[0], int(p[1].value))
            elementer.sort(key=plads)
        elif isinstance(lag, QBoxLayout) and lag.direction() in (QBoxLayout.Direction.RightToLeft,
                                                                 QBoxLayout.Direction.BottomToTop):
            elementer.reverse()
        for _, e in elementer:
            if e.widget() is not None:
                widget(e.widget())
            elif e.layout() is not None:
                layout(e.layout())

    widget(rod)
    return ud


def tab_raekke(rod: QWidget) -> list[QWidget]:
    """The widgets under `rod` in the order Tab visits them (the window's focus chain)."""
    ud, w = [], rod
    for _ in range(5000):
        w = w.nextInFocusChain()
        if w is rod:
            break
        if rod.isAncestorOf(w) and kan_faa_fokus(w) and w not in ud:
            ud.append(w)
    return ud


def _navn(w: QWidget) -> str:
    tekst = getattr(w, "text", None)
    return f"{type(w).__name__}({w.objectName() or (tekst() if callable(tekst) else '')!r})"


def tab_afvigelse(rod: QWidget, sted: str) -> list[str]:
    tab = tab_raekke(rod)
    i_orden = [w for w in layout_orden(rod) if w in set(tab)]
    if tab == i_orden:
        return []
    return [f"{sted}: Tab goes {[_navn(w) for w in tab]}\n   laid out {[_navn(w) for w in i_orden]}"]


# -- Alt letters -----------------------------------------------------------------------------------
def bogstav(tekst: str) -> str | None:
    m = re.search(r"&([^&\s])", tekst.replace("&&", ""))
    return m.group(1).lower() if m else None


def alt_sammenstoed(vindue: QWidget, sted: str) -> list[str]:
    """Alt letters used twice among what is visible in one window: the menu bar's menus, buttons,
    labels that lead to a field, checkable group boxes and tabs."""
    brugt: dict[str, list[str]] = defaultdict(list)
    if isinstance(vindue, QMainWindow):
        for a in vindue.menuBar().actions():
            if a.isVisible() and (b := bogstav(a.text())):
                brugt[b].append(f"menu {a.text()}")
    for w in vindue.findChildren(QWidget):
        if not w.isVisible() or w.window() is not vindue:
            continue
        tekster = []
        if isinstance(w, QAbstractButton) and not (isinstance(w, QToolButton) and w.defaultAction()):
            tekster = [w.text()]
        elif isinstance(w, QLabel) and w.buddy() is not None:
            tekster = [w.text()]
        elif isinstance(w, QGroupBox) and w.isCheckable():
            tekster = [w.title()]
        elif isinstance(w, QTabBar):
            tekster = [w.tabText(i) for i in range(w.count())]
        for t in tekster:
            if b := bogstav(t):
                brugt[b].append(f"{type(w).__name__} {t}")
    return [f"{sted}: Alt+{b.upper()} is {hvem}" for b, hvem in brugt.items() if len(hvem) > 1]


def menu_sammenstoed(vindue: QMainWindow) -> list[str]:
    """Alt letters used twice in one menu (or submenu)."""
    fejl = []

    def menu(m: QMenu, sti: str) -> None:
        brugt: dict[str, list[str]] = defaultdict(list)
        for a in m.actions():
            if a.isSeparator() or not a.isVisible():
                continue
            if b := bogstav(a.text()):
                brugt[b].append(a.text())
            if a.menu() is not None:
                menu(a.menu(), f"{sti} › {a.text()}")
        fejl.extend(f"{sti}: Alt+{b.upper()} is {hvem}" for b, hvem in brugt.items() if len(hvem) > 1)

    for a in vindue.menuBar().actions():
        menu(a.menu(), a.text())
    return fejl


def _alle_sider(v):
    """(name, page) for the overview and every step of the first tilbud, each shown in turn."""
    v.vis_overblik()
    QApplication.processEvents()
    yield "Overblik", v.stak.currentWidget()
    for nr, side in enumerate(v.trin):
        v.vis_trin(nr)
        QApplication.processEvents()
        yield side.titel, side


def _faner(side):
    """The page with each tab of its tab widgets in front."""
    yield ""
    for faner in side.findChildren(QTabWidget):
        for i in range(faner.count()):
            faner.setCurrentIndex(i)
            QApplication.processEvents()
            yield f" › {faner.tabText(i)}"
        faner.setCurrentIndex(0)


def test_tab_foelger_trinets_opstilling(demo_vindue):
    fejl = []
    for titel, side in _alle_sider(demo_vindue):
        for fane in _faner(side):
            fejl += tab_afvigelse(side, titel + fane)
    assert not fejl, "\n".join(fejl)


def test_ingen_alt_bogstaver_deles(demo_vindue):
    fejl = menu_sammenstoed(demo_vindue)
    for titel, side in _alle_sider(demo_vindue):
        for fane in _faner(side):
            fejl += alt_sammenstoed(demo_vindue, titel + fane)
    assert not fejl, "\n".join(fejl)


def test_ingen_genvej_bruges_to_gange(demo_vindue):
    brugt: dict[str, set[str]] = defaultdict(set)
    for a in demo_vindue.findChildren(QAction):
        for genvej in a.shortcuts():
            brugt[genvej.toString()].add(a.text() or a.objectName())
    assert "Ctrl+5" in brugt and "F6" in brugt
    assert not {k: v for k, v in brugt.items() if len(v) > 1}


def test_f6_skifter_rude(demo_vindue, qtbot):
    v = demo_vindue
    v.vis_trin(1)
    v.navigator.setFocus(Qt.FocusReason.OtherFocusReason)
    tast(qtbot, Qt.Key.Key_F6)
    assert fokus() is tab_raekke(v.trin[1])[0]
    tast(qtbot, Qt.Key.Key_F6)
    assert v.arbejde.sidepanel.isAncestorOf(fokus())
    tast(qtbot, Qt.Key.Key_F6)
    assert fokus() is v.navigator
    tast(qtbot, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert v.arbejde.sidepanel.isAncestorOf(fokus())


def test_startsiden_deler_ingen_alt_bogstaver(vindue):
    assert not alt_sammenstoed(vindue, "startsiden") + tab_afvigelse(vindue.startside, "startsiden")


def test_hvert_trin_naas_med_genvej_og_fokus_lander_i_foerste_felt(demo_vindue, qtbot):
    v = demo_vindue
    v.navigator.setFocus(Qt.FocusReason.OtherFocusReason)
    for nr, side in enumerate(v.trin):
        tast(qtbot, Qt.Key.Key_0 + nr, Qt.KeyboardModifier.ControlModifier)
        assert v.stak.currentWidget() is side, side.titel
        forventet = tab_raekke(side)[0]
        assert fokus() is forventet, f"{side.titel}: focus is in {_navn(fokus())}, not {_navn(forventet)}"
    # from a text field, where Ctrl+Home goes to the start of the text, Alt+Home shows the overview
    assert isinstance(fokus(), QPlainTextEdit)
    tast(qtbot, Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)
    assert v.stak.currentWidget() is v.overblik and v.overblik.isAncestorOf(fokus())


def test_naeste_trin_med_tastaturet_gaar_gennem_alle_sider(demo_vindue, qtbot):
    v = demo_vindue
    g = v.dok.grundlag
    sete = set()
    v.navigator.setFocus(Qt.FocusReason.OtherFocusReason)
    for _ in range(1 + 1 + len(g.tilbud) * (len(v.trin) - 1)):
        tast(qtbot, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
        side = v.stak.currentWidget()
        sete.add((v.tilbud_id if side is not v.overblik and v.trin.index(side) > 0 else None,
                  "overblik" if side is v.overblik else v.trin.index(side)))
        assert side.isAncestorOf(fokus()), f"focus stayed in {_navn(fokus())}"
    assert len(sete) == 1 + 1 + len(g.tilbud) * (len(v.trin) - 1)


def test_navigatoren_med_piletasterne_og_enter(demo_vindue, qtbot):
    v = demo_vindue
    t = v.dok.grundlag.tilbud[0]
    v.navigator.setFocus(Qt.FocusReason.OtherFocusReason)
    tast(qtbot, Qt.Key.Key_Down)  # Driftsherre og satser
    assert v.side == 0 and fokus() is v.navigator  # browsing: the focus stays in the tree
    tast(qtbot, Qt.Key.Key_Down)  # the first tilbud: its first step is shown, the tilbud stays selected
    assert v.stak.currentWidget() is v.trin[1] and v.navigator.valgt() == (t.id, None)
    tast(qtbot, Qt.Key.Key_Down)  # 1. Stamdata og pladser
    tast(qtbot, Qt.Key.Key_Down)  # 2. Budget
    assert v.stak.currentWidget() is v.trin[2] and fokus() is v.navigator
    # back up past the tilbud (its item used to select its first step again: Up was caught there)
    for _ in range(3):
        tast(qtbot, Qt.Key.Key_Up)
    assert v.side == 0 and v.navigator.valgt() == (None, 0)
    tast(qtbot, Qt.Key.Key_Up)
    assert v.stak.currentWidget() is v.overblik
    for _ in range(4):
        tast(qtbot, Qt.Key.Key_Down)
    tast(qtbot, Qt.Key.Key_Return)  # into the step
    assert v.stak.currentWidget() is v.trin[2] and fokus() is v.trin[2].tabeller["omkostninger"]


def test_enter_aabner_et_tilbud_fra_overblikket(demo_vindue, qtbot):
    v = demo_vindue
    qtbot.keyClick(v.navigator, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)  # Vis › Overblik
    QApplication.processEvents()
    assert fokus() is v.overblik.tabel
    tast(qtbot, Qt.Key.Key_Down)
    raekke = v.overblik.tabel.currentIndex().row()
    assert raekke >= 0
    tast(qtbot, Qt.Key.Key_Return)
    assert v.tilbud_id == v.overblik.model.raekker[raekke].tilbud_id and v.stak.currentWidget() is v.trin[1]


def test_budgetbeloeb_skrives_kun_med_tastaturet(demo_vindue, qtbot):
    v = demo_vindue
    v.navigator.setFocus(Qt.FocusReason.OtherFocusReason)
    tast(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # Budget
    tabel = v.trin[2].tabeller["omkostninger"]
    assert fokus() is tabel and tabel.currentIndex().row() == 0
    for _ in range(kolonne(tabel.model(), "beloeb") - tabel.currentIndex().column()):
        tast(qtbot, Qt.Key.Key_Right)
    assert tabel.currentIndex().column() == kolonne(tabel.model(), "beloeb")
    for tegn in "1234567,89":
        tast(qtbot, getattr(Qt.Key, "Key_Comma") if tegn == "," else Qt.Key.Key_0 + int(tegn))
    tast(qtbot, Qt.Key.Key_Return)
    t = v.dok.grundlag.tilbud[0]
    assert t.omkostninger[0].beloeb == Decimal("1234567.89")
    # Ctrl+Tab leaves the table (Tab moves from cell to cell), Ctrl+Shift+Tab comes back
    tabel.setFocus(Qt.FocusReason.OtherFocusReason)
    tast(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert fokus() is not tabel and fokus() is tab_raekke(v.trin[2])[1]
    tast(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)  # back into the table
    assert fokus() is tabel
    tast(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert fokus() is not tabel
    tast(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Fortryd
    assert v.dok.grundlag.tilbud[0].omkostninger[0].beloeb != Decimal("1234567.89")


@pytest.fixture
def escape_lukker(monkeypatch, qtbot):
    """Every modal dialog opened through QDialog.exec gets Escape on its focused widget; records
    (class, whether it was closed by it, tab order faults, Alt letter faults)."""
    sete: list[tuple[str, bool, list]] = []

    def exec_(self):
        self.show()
        QApplication.processEvents()
        self.activateWindow()
        felter = tab_raekke(self)
        if felter:
            felter[0].setFocus(Qt.FocusReason.TabFocusReason)
        QApplication.processEvents()
        fejl = tab_afvigelse(self, type(self).__name__) + alt_sammenstoed(self, type(self).__name__)
        qtbot.keyClick(QApplication.focusWidget() or self, Qt.Key.Key_Escape)
        QApplication.processEvents()
        sete.append((type(self).__name__, not self.isVisible() and self.result() == QDialog.DialogCode.Rejected,
                     fejl))
        self.reject()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QDialog, "exec", exec_)
    return sete


def test_escape_lukker_dialogerne(demo_vindue, escape_lukker, tmp_path, monkeypatch, qtbot):
    from takstberegner.app import efter_eksport, hjaelpvindue, sammenligning

    v = demo_vindue
    aabn_dialogerne(v, tmp_path, monkeypatch)
    assert len(escape_lukker) == 11, escape_lukker
    assert all(lukket for _, lukket, _ in escape_lukker), escape_lukker
    fejl = [f for *_, fejl in escape_lukker for f in fejl]
    assert not fejl, "\n".join(fejl)
    for aaben in (hjaelpvindue.vis(v), sammenligning.vis(v), efter_eksport.vis(v, tmp_path / "rapport.pdf")):
        titel = aaben.windowTitle()
        aaben.activateWindow()
        qtbot.waitUntil(aaben.isActiveWindow)
        assert not tab_afvigelse(aaben, titel) + alt_sammenstoed(aaben, titel)
        tab_raekke(aaben)[0].setFocus(Qt.FocusReason.TabFocusReason)
        QApplication.processEvents()
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
        QApplication.processEvents()
        assert not shiboken6.isValid(aaben) or not aaben.isVisible(), titel  # closed (and deleted)


def test_en_tabel_naaet_med_genvej_har_en_celle_at_skrive_i(demo_vindue, qtbot):
    """Ctrl+4 (Overhead) and Ctrl+5 (Anlæg) put the focus in the table, but with no current cell
    once its rows had been shown anew: no cell was marked, and what was typed went nowhere. The
    first cell is current now, and typing a name there saves it."""
    from takstberegner.app.steps.anlaeg import AnlaegTrin
    from takstberegner.app.steps.overhead import OverheadTrin

    v = demo_vindue
    v.vaelg_tilbud("T1")
    v.navigator.setFocus(Qt.FocusReason.OtherFocusReason)
    tast(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # the budget first, then on
    for klasse in (OverheadTrin, AnlaegTrin):
        nr = next(i for i, s in enumerate(v.trin) if isinstance(s, klasse))
        tast(qtbot, Qt.Key.Key_0 + nr, Qt.KeyboardModifier.ControlModifier)
        tabel = fokus()
        assert isinstance(tabel, QTableView) and v.trin[nr].isAncestorOf(tabel), klasse.__name__
        assert (tabel.currentIndex().row(), tabel.currentIndex().column()) == (0, 0), klasse.__name__
    qtbot.keyClick(tabel, "K")  # a key on the cell opens it with the key typed, as in Excel
    assert tabel.isAncestorOf(fokus())
    qtbot.keyClicks(fokus(), "ontorinventar")
    tast(qtbot, Qt.Key.Key_Return)
    assert v.dok.grundlag.tilbud[0].anlaeg[0].navn == "Kontorinventar"


def test_hver_sides_knapper_har_et_alt_bogstav(demo_vindue):
    """Tilføj linje, Slet linje, Indmeld takster … had no Alt letter: a keyboard user had to Tab
    through the page (and Ctrl+Tab out of its table) to reach them. Every button of every page has
    one now (Forrige/Næste trin have Ctrl+PgUp/PgDown; a point's Gå til is reached with Enter)."""
    from PySide6.QtWidgets import QPushButton

    mangler = []
    for titel, side in _alle_sider(demo_vindue):
        for fane in _faner(side):
            for k in side.findChildren(QPushButton):
                if (k.isVisible() and k.text() and k.objectName() not in ("forrige_trin", "naeste_trin")
                        and not k.objectName().startswith("gaa_til_") and not bogstav(k.text())):
                    mangler.append(f"{titel}{fane}: {k.text()}")
    assert not mangler, "\n".join(mangler)


def test_alt_l_tilfoejer_en_budgetlinje_og_alt_e_sletter_den(demo_vindue, qtbot):
    """Budget from the keyboard: Alt+L (Tilføj &linje) adds a line with the focus in its first cell,
    Alt+E (Sl&et linje) deletes the current one, wherever the focus is on the page."""
    from takstberegner.app.steps.budget import BudgetTrin

    v = demo_vindue
    v.activateWindow()
    qtbot.waitUntil(v.isActiveWindow)
    v.vaelg_tilbud("T1")
    tast(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # Budget, the focus in its table
    side = v.stak.currentWidget()
    assert isinstance(side, BudgetTrin)
    tabel = side.tabeller["omkostninger"]
    foer = len(v.dok.grundlag.tilbud[0].omkostninger)
    tast(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # (the button is pressed as a click shows it)
    qtbot.waitUntil(lambda: len(v.dok.grundlag.tilbud[0].omkostninger) == foer + 1, timeout=2000)
    assert fokus() is tabel and (tabel.currentIndex().row(), tabel.currentIndex().column()) == (foer, 0)
    tast(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(v.dok.grundlag.tilbud[0].omkostninger) == foer, timeout=2000)
    assert fokus() is tabel  # on the row that took its place, to go on from there
