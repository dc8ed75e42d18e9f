"""Helpers that drive the real widgets the way a user does: type into fields and table cells."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def skriv_felt(qtbot, felt, tekst: str) -> None:
    """Click into a line edit, replace its text by typing, and press Enter."""
    felt.setFocus(Qt.OtherFocusReason)
    felt.selectAll()
    qtbot.keyClicks(felt, tekst)
    qtbot.keyClick(felt, Qt.Key_Return)


def skriv_celle(qtbot, visning, raekke: int, kolonne: int, tekst: str) -> None:
    """Select a cell, open its editor, type and press Enter (the table's own delegate commits)."""
    from PySide6.QtWidgets import QLineEdit

    idx = visning.model().index(raekke, kolonne)
    visning.setFocus(Qt.OtherFocusReason)
    visning.setCurrentIndex(idx)
    visning.edit(idx)
    editorer = [w for w in visning.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert editorer, "no editor opened"
    editor = editorer[-1]
    editor.selectAll()
    qtbot.keyClicks(editor, tekst)
    qtbot.keyClick(editor, Qt.Key_Return)
    QApplication.processEvents()


def vaelg(combo, vaerdi) -> None:
    """Choose a value in a ValgFelt the way a user's click does (activated)."""
    i = combo.findData(vaerdi)
    assert i >= 0, vaerdi
    combo.setCurrentIndex(i)
    combo.activated.emit(i)


def kolonne(model, felt: str) -> int:
    for i, k in enumerate(model.kolonner):
        if k.felt == felt:
            return i
    raise KeyError(felt)


def trin(vindue, klasse):
    for nr, side in enumerate(vindue.trin):
        if isinstance(side, klasse):
            vindue.trin_liste.setCurrentRow(nr)
            return side
    raise KeyError(klasse)
