"""Helpers that drive the real widgets the way a user does: type into fields and table cells."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemDelegate, QApplication


def skriv_felt(qtbot, felt, tekst: str) -> None:
    """Click into a line edit, replace its text by typing, and press Enter."""
    felt.setFocus(Qt.OtherFocusReason)
    felt.selectAll()
    qtbot.keyClicks(felt, tekst)
    qtbot.keyClick(felt, Qt.Key_Return)


def aaben_editor(visning, raekke: int, kolonne: int):
    """Select a cell and open its editor with its text selected, as a user's double click does."""
    from PySide6.QtWidgets import QLineEdit

    idx = visning.model().index(raekke, kolonne)
    visning.setFocus(Qt.OtherFocusReason)
    visning.setCurrentIndex(idx)
    visning.edit(idx)
    editorer = [w for w in visning.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert editorer, "no editor opened"
    editorer[-1].selectAll()
    return editorer[-1]


def skriv_celle(qtbot, visning, raekke: int, kolonne: int, tekst: str) -> None:
    """Select a cell, open its editor, type and press Enter (the table's own delegate commits)."""
    editor = aaben_editor(visning, raekke, kolonne)
    qtbot.keyClicks(editor, tekst)
    qtbot.keyClick(editor, Qt.Key_Return)
    QApplication.processEvents()


def vaelg(combo, vaerdi) -> None:
    """Choose a value in a ValgFelt the way a user's click does (activated)."""
    i = combo.findData(vaerdi)
    assert i >= 0, vaerdi
    combo.setCurrentIndex(i)
    combo.activated.emit(i)


def vaelg_celle(visning, raekke: int, kolonne: int, vaerdi) -> None:
    """Open a choice cell's combo box and pick the item with this value, as a user does."""
    from PySide6.QtWidgets import QComboBox

    idx = visning.model().index(raekke, kolonne)
    visning.setFocus(Qt.OtherFocusReason)
    visning.setCurrentIndex(idx)
    visning.edit(idx)
    combo = [w for w in visning.viewport().findChildren(QComboBox) if w.isVisible()]
    assert combo, "no choice list opened"
    i = combo[-1].findData(vaerdi)
    assert i >= 0, f"{vaerdi!r} is not a choice: {[combo[-1].itemText(j) for j in range(combo[-1].count())]}"
    combo[-1].setCurrentIndex(i)
    visning.commitData(combo[-1])
    visning.closeEditor(combo[-1], QAbstractItemDelegate.NoHint)
    QApplication.processEvents()


def kolonne(model, felt: str) -> int:
    for i, k in enumerate(model.kolonner):
        if k.felt == felt:
            return i
    raise KeyError(felt)


def trin(vindue, klasse):
    for nr, side in enumerate(vindue.trin):
        if isinstance(side, klasse):
            vindue.vis_trin(nr)
            return side
    raise KeyError(klasse)


def aabn_dialogerne(v, mappe, monkeypatch) -> None:
    """Open the modal dialogs of the open file the way its menus and buttons do, each through its
    (patched) exec: new file, rul frem, the budget import of a small CSV, new key, trust file,
    registration, the negotiation calculator, choose key, last year's file, fingerprint and the
    choice of tilbud."""
    from PySide6.QtWidgets import QDialog, QFileDialog

    from takstberegner.app import signering_dialog
    from takstberegner.app.forhandling import ForhandlingDialog
    from takstberegner.app.sidste_aar_dialog import SidsteAarDialog
    from takstberegner.app.tilbudsvalg import TilbudsValg
    from takstberegner.export import signering
    from takstberegner.formats.regelsaet import regelsaet_for

    g = v.dok.grundlag
    csv = mappe / "budget.csv"
    csv.write_bytes("Konto;Art;Tekst;Beløb\r\n5.38.50.001;1.1;Løn fast personale;6.500.000,00\r\n"
                    "5.38.50.001;7.6;Takstindtægter;-8.000.000,00\r\n".encode("cp1252"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(csv), ""))
    v.handlinger.ny_dialog()
    v.handlinger.rul_frem()
    v.handlinger.importer_excel()
    signering_dialog.lav_noegle(v)
    v.handlinger.tillidsfil()
    v.handlinger.registrer_fingeraftryk()
    ForhandlingDialog(v.dok.beregning.tilbud_resultat(g.tilbud[0].id), regelsaet_for(g.takstaar), v).exec()
    d = g.driftsherre
    signering_dialog.VaelgNoegleDialog(v, d.navn, d.cvr, g.takstaar).exec()
    QDialog.exec(SidsteAarDialog(v, g, None))
    signering_dialog.FingeraftrykDialog(v, signering.lav_noegle(d.navn, d.cvr), ny=True).exec()
    QDialog.exec(TilbudsValg(g.tilbud, None, "Modtagende tilbud", v))
