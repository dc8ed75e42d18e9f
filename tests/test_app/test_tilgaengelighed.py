"""Accessibility for screen readers (NVDA reads Qt's accessible names): every widget a user can
reach with Tab, on every page of the real window and in the real dialogs, has a Danish name
(from its text, the label it is the buddy of, or an explicit accessible name), never empty and
never an English word or an internal key."""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractItemDelegate, QApplication, QComboBox, QDialog, QGroupBox, QLabel, QTableView, QTabWidget,
    QWidget,
)

from takstberegner.app.importdialog import ImportDialog
from takstberegner.domain import aendringer as ae

from .hjaelp import aabn_dialogerne

# Words Qt or a programmer may leave in a name where the user should read Danish.
ENGELSK = {"cancel", "yes", "no", "open", "save", "close", "apply", "browse", "select", "add", "delete",
           "remove", "edit", "file", "new", "help", "next", "back", "previous", "finish", "table", "tree",
           "list", "button", "name", "value", "search", "clear", "reset", "discard", "ignore", "retry", "abort"}
_NOEGLE = re.compile(r"[A-Za-z0-9]_[A-Za-z0-9]|\b[a-z]+[A-Z][A-Za-z]*\b|\bQ[A-Z][a-z]"
                     r"|<[A-Za-z/]"  # an HTML tag
                     r"|^[<>‹›]|[<>‹›]$")  # an arrow drawn with a sign, read aloud as "mindre end"


def _buddy(w: QWidget) -> str:
    """The text of the label whose buddy `w` is, or the title of its group box: what Qt on Windows
    names a widget by when it has no accessible name of its own."""
    far = w.parentWidget()
    if far is None:
        return ""
    for lbl in far.findChildren(QLabel, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if lbl.buddy() is w:
            return lbl.text()
    return far.title() if isinstance(far, QGroupBox) else ""


def navn(w: QWidget) -> str:
    """The accessible name a screen reader gets. A combo box is named by its current item on
    Linux but by its label on Windows (NVDA), so it must have a label or a name of its own."""
    if isinstance(w, QComboBox) and not w.isEditable():
        return w.accessibleName() or _buddy(w).replace("&", "")
    iface = QAccessible.queryAccessibleInterface(w)
    return "" if iface is None else iface.text(QAccessible.Text.Name)


def _beskriv(w: QWidget) -> str:
    kaede, x = [], w
    while x is not None and len(kaede) < 4:
        kaede.append(f"{type(x).__name__}({x.objectName()!r})")
        x = x.parentWidget()
    return " < ".join(kaede)


def mangler_navn(rod: QWidget, sted: str) -> list[str]:
    """Every visible widget under `rod` that Tab can reach and whose accessible name is empty or
    not Danish: 'sted: widget chain: name'."""
    fejl = []
    for w in [rod, *rod.findChildren(QWidget)]:
        if not w.isVisible() or not (w.focusPolicy() & Qt.FocusPolicy.TabFocus) or w.focusProxy() is not None:
            continue
        n = navn(w).strip()
        ord_ = {o.lower() for o in re.findall(r"[A-Za-z]+", n)}
        if not n or ord_ & ENGELSK or _NOEGLE.search(n):
            fejl.append(f"{sted}: {_beskriv(w)}: {n!r}")
    return fejl


def celler_mangler_navn(rod: QWidget, sted: str) -> list[str]:
    """The editor of every editable cell in the first row of every visible table under `rod`: a
    screen reader says which column it is typing in."""
    fejl = []
    for tabel in rod.findChildren(QTableView):
        model = tabel.model()
        if not tabel.isVisible() or model is None or model.rowCount() == 0:
            continue
        for k in range(model.columnCount()):
            idx = model.index(0, k)
            if tabel.isColumnHidden(k) or not idx.flags() & Qt.ItemFlag.ItemIsEditable:
                continue
            tabel.setCurrentIndex(idx)
            tabel.edit(idx)
            QApplication.processEvents()
            editor = tabel.indexWidget(idx) or QApplication.focusWidget()
            n = navn(editor).strip() if editor is not None and tabel.isAncestorOf(editor) else ""
            if not n or _NOEGLE.search(n):
                fejl.append(f"{sted}: {tabel.accessibleName()!r} column {k}: editor named {n!r}")
            if editor is not None and tabel.isAncestorOf(editor):
                tabel.closeEditor(editor, QAbstractItemDelegate.EndEditHint.RevertModelCache)
            QApplication.processEvents()
    return fejl


def _alle_faner(rod: QWidget, sted: str) -> list[str]:
    """The page as shown, and once more with each tab of each tab widget in front."""
    fejl = mangler_navn(rod, sted) + celler_mangler_navn(rod, sted)
    for faner in rod.findChildren(QTabWidget):
        if not faner.isVisible():
            continue
        foer = faner.currentIndex()
        for i in range(faner.count()):
            faner.setCurrentIndex(i)
            QApplication.processEvents()
            fejl += mangler_navn(faner.widget(i), f"{sted} › {faner.tabText(i)}")
            fejl += celler_mangler_navn(faner.widget(i), f"{sted} › {faner.tabText(i)}")
        faner.setCurrentIndex(foer)
    return fejl


@pytest.fixture
def dialoger_tjekkes(monkeypatch):
    """Every modal dialog opened through QDialog.exec is shown, checked and cancelled."""
    fundet: list[str] = []
    sete: list[str] = []

    def exec_(self):
        self.show()
        QApplication.processEvents()
        sete.append(type(self).__name__)
        fundet.extend(_alle_faner(self, f"dialog {type(self).__name__} ({self.windowTitle()})"))
        if isinstance(self, ImportDialog):  # its second page: the lines to import
            self.naeste()
            QApplication.processEvents()
            fundet.extend(_alle_faner(self, f"dialog {type(self).__name__}, linjerne"))
        self.reject()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QDialog, "exec", exec_)
    return fundet, sete


def test_navigatorens_fejlmaerke_siges_med_ord(demo_vindue):
    """The ⚠ before a page with something to fix is said as words ('Budget, har fejl')."""
    from PySide6.QtWidgets import QTreeWidgetItemIterator

    v = demo_vindue
    v.handlinger.nyt_tilbud()  # no pladser yet and an empty budget: Stamdata, then Budget is marked
    assert v.dok.anvend(ae.OpdaterTilbud.af(v.dok.grundlag.tilbud[-1].id, pladser=10))
    QApplication.processEvents()
    maerket = []
    it = QTreeWidgetItemIterator(v.navigator)
    while it.value():
        item = it.value()
        tekst = item.data(0, Qt.ItemDataRole.AccessibleTextRole)
        assert tekst and "⚠" not in tekst, item.text(0)
        if item.text(0).startswith("⚠"):
            maerket.append(tekst)
        it += 1
    assert "2. Budget, har fejl" in maerket, maerket


def test_alt_der_kan_faa_fokus_har_et_dansk_navn(vindue, dialoger_tjekkes, tmp_path, monkeypatch, qtbot):
    from takstberegner.app import demo, sekretariat
    from takstberegner.app.steps.belaegning import BelaegningTrin
    from takstberegner.app.steps.takststruktur import TakststrukturTrin

    fundet, sete = dialoger_tjekkes
    fundet += mangler_navn(vindue, "startsiden")
    monkeypatch.setattr(demo, "datamappe", lambda: tmp_path)
    assert vindue.aabn_demo()
    v = vindue
    v.vis_overblik()
    QApplication.processEvents()
    fundet += _alle_faner(v, "overblikket")
    g = v.dok.grundlag
    for t in g.tilbud[:2]:
        v.vaelg_tilbud(t.id)
        for nr, side in enumerate(v.trin):
            v.vis_trin(nr)
            QApplication.processEvents()
            fundet += _alle_faner(v, f"{t.navn} › {side.titel}")
            if isinstance(side, BelaegningTrin) and side.hvem.count() > 1:
                side.hvem.setCurrentIndex(1)
                side.hvem.activated.emit(1)
                QApplication.processEvents()
                fundet += _alle_faner(v, f"{t.navn} › {side.titel} for én ydelse")
                side.hvem.setCurrentIndex(0)
                side.hvem.activated.emit(0)
            if isinstance(side, TakststrukturTrin) and not side.objektiv.isChecked():
                side.objektiv.click()
                QApplication.processEvents()
                fundet += _alle_faner(v, f"{t.navn} › {side.titel} med objektiv finansiering")

    # the dialogs, opened the way the menus open them (exec is checked and cancelled above)
    v.vaelg_tilbud(g.tilbud[0].id)
    aabn_dialogerne(v, tmp_path, monkeypatch)
    skrald = tmp_path / "skrald.indmelding"
    skrald.write_bytes(b"ikke en zip")
    from takstberegner.export import verifikation

    sekretariat.VerifikationsDialog(v, [verifikation.verificer(skrald, sekretariat._tillid_til_verifikation())]).exec()
    # the windows that stay open beside the main window (not modal)
    from takstberegner.app import efter_eksport, hjaelpvindue, sammenligning

    for aaben in (hjaelpvindue.vis(v), sammenligning.vis(v), efter_eksport.vis(v, tmp_path / "rapport.pdf")):
        QApplication.processEvents()
        fundet.extend(_alle_faner(aaben, f"vinduet {aaben.windowTitle()}"))
        aaben.close()
    for navn_ in ("TilbudsValg", "NyFilDialog", "RulFremDialog", "ImportDialog", "NyNoegleDialog", "TillidsfilDialog",
                  "RegistrerDialog", "ForhandlingDialog", "VaelgNoegleDialog", "SidsteAarDialog",
                  "FingeraftrykDialog", "VerifikationsDialog"):
        assert navn_ in sete, f"{navn_} was not opened: {sete}"
    assert not fundet, f"{len(fundet)} widgets without a Danish accessible name:\n" + "\n".join(fundet)
