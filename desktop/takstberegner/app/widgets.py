"""Small reusable widgets for Danish entry: amounts typed and shown as 1.234.567,89, read by
dansk.laes_tal when the edit is finished (what cannot be read stays as typed, marked red with the
reason), and a form line edit that reports only finished edits."""
from __future__ import annotations

from decimal import Decimal

from PySide6 import QtGui
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel, QLineEdit, QToolTip, QWidget

from takstberegner import dansk
from takstberegner.app import statuslinje


def tal_fejl(tekst: str, tom_ok: bool = True, heltal: bool = False) -> str:
    """Why `tekst` is not a number this field takes, in Danish; "" when it is. Entry fields keep
    every character the user types (a validator that drops the "e" of "1e30" shows "130", a
    different number than typed); what cannot be read is refused when the edit is finished."""
    if not tekst.strip():
        return "" if tom_ok else "Feltet skal udfyldes."
    try:
        d = dansk.laes_tal(tekst)
    except ValueError as e:
        return str(e)
    if heltal and d != d.to_integral_value():
        return f"'{tekst.strip()}' er ikke et helt tal; skriv et helt tal."
    return ""

def vaerktoejstip(tekst: str | None) -> str | None:
    """`tekst` as a tooltip that shows it as it is. Qt shows a tooltip that looks like HTML as HTML:
    a tilbud named '<img src="//server/del/x.png">' (in a file or a samlet takstbilag from another
    driftsherre) would make Windows fetch that picture from the server when the cell is hovered, so
    such a text is given as an escaped paragraph of rich text."""
    if tekst and QtGui.Qt.mightBeRichText(tekst):
        return QtGui.Qt.convertFromPlainText(tekst, QtGui.Qt.WhiteSpaceMode.WhiteSpaceNormal)
    return tekst


_AFVIST_STIL = "background: #fde8e8; border: 1px solid #a01818;"


def vis_afvisning(felt: QWidget, besked: str) -> None:
    """Mark an entry whose text was refused (red, the reason in its tooltip and shown at once,
    and in the window's status bar), or clear the mark when `besked` is empty."""
    felt.setProperty("afvist", besked)
    felt.setStyleSheet(_AFVIST_STIL if besked else "")
    # as rich text: Qt wraps it (a plain tooltip is one line, cut at a 150 % screen's edge), and
    # a tilbud's name in it is shown as written, never as HTML
    tip = QtGui.Qt.convertFromPlainText(besked, QtGui.Qt.WhiteSpaceMode.WhiteSpaceNormal) if besked else ""
    felt.setToolTip(tip)
    if not besked:
        return
    QToolTip.showText(felt.mapToGlobal(felt.rect().bottomLeft()), tip, felt, felt.rect(), 10000)
    statuslinje.vis(felt.window(), f"Ikke gemt: {besked}", 10000, vigtig=True)


def vis_tal(vaerdi: Decimal | None, decimaler: int | None) -> str:
    if vaerdi is None:
        return ""
    return dansk.kort_tal(vaerdi) if decimaler is None else dansk.tal(vaerdi, decimaler)


def laes(tekst: str) -> Decimal | None:
    """The number in an entry field, None when empty (raises ValueError with Danish text)."""
    if not tekst.strip():
        return None
    return dansk.laes_tal(tekst)


def _fortryd_tast(e) -> str:
    """'fortryd' for Ctrl+Z, 'gentag' for Annullér fortryd's keys (Ctrl+Y as the menu says), else ''."""
    if e.matches(QtGui.QKeySequence.StandardKey.Undo):
        return "fortryd"
    if e.matches(QtGui.QKeySequence.StandardKey.Redo) or (
            e.key() == Qt.Key.Key_Y and e.modifiers() == Qt.KeyboardModifier.ControlModifier):
        return "gentag"
    return ""


class Felt(QLineEdit):
    """A form field in which Ctrl+Z and Ctrl+Y undo and redo the file's saved edits (Redigér →
    Fortryd) when the field has no typing of its own to undo. A QLineEdit takes these keys for its
    own typing even when it has none (just after a save with Tab or Enter), and Ctrl+Z then did
    nothing on every form; while the user types, they still undo the typing, as in any field."""

    def event(self, e) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride:
            tast = _fortryd_tast(e)
            egen = self.isModified() and (self.isUndoAvailable() if tast == "fortryd" else self.isRedoAvailable())
            if tast and not egen:
                e.ignore()  # not the field's: the window's Fortryd / Annullér fortryd gets the key
                return True
        return super().event(e)


class TalFelt(Felt):
    """A number entry shown the Danish way; emits `vaerdi_aendret(Decimal|None)` on a finished
    edit that changed the value. A text that is no number stays as typed, marked red with the
    reason, until the user mends it (or presses Escape for the saved value)."""

    vaerdi_aendret = Signal(object)

    def __init__(self, decimaler: int | None = 2, heltal: bool = False, tom_ok: bool = True,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.decimaler = 0 if heltal else decimaler  # None: only the decimals the value has
        self.heltal = heltal
        self.tom_ok = tom_ok
        self._vaerdi: Decimal | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.editingFinished.connect(self._faerdig)
        self.textEdited.connect(self._rettet)

    def vis(self, vaerdi) -> None:
        self._vaerdi = None if vaerdi is None else Decimal(vaerdi)
        if self.isModified() and (self.hasFocus() or self.property("afvist")):
            return  # do not overwrite what the user is typing, nor a refused entry
        self.setText(vis_tal(self._vaerdi, self.decimaler))
        self.setModified(False)

    def vaerdi(self) -> Decimal | None:
        return laes(self.text())

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.isModified():  # back to the saved value
            vis_afvisning(self, "")
            self.setModified(False)
            self.vis(self._vaerdi)
            return
        super().keyPressEvent(event)

    def _rettet(self, tekst: str) -> None:
        if self.property("afvist") and not tal_fejl(tekst, self.tom_ok, self.heltal):
            vis_afvisning(self, "")

    def _faerdig(self) -> None:
        besked = tal_fejl(self.text(), self.tom_ok, self.heltal)
        if besked:
            if besked != self.property("afvist") or self.hasFocus():
                vis_afvisning(self, besked)
            return
        ny = self.vaerdi()
        vis_afvisning(self, "")
        self.setModified(False)
        if ny != self._vaerdi:
            self._vaerdi = ny
            self.vaerdi_aendret.emit(ny)


class AarFelt(TalFelt):
    """A year: a whole number shown without a thousands separator ("2026", not "2.026")."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(heltal=True, parent=parent)

    def vis(self, vaerdi) -> None:
        self._vaerdi = None if vaerdi is None else Decimal(vaerdi)
        if self.isModified() and (self.hasFocus() or self.property("afvist")):
            return
        self.setText("" if vaerdi is None else str(int(vaerdi)))
        self.setModified(False)


class TekstFelt(Felt):
    """A text entry that emits `tekst_aendret(str)` once an edit is finished and changed."""

    tekst_aendret = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._tekst = ""
        self.editingFinished.connect(self._faerdig)

    def vis(self, tekst: str) -> None:
        self._tekst = tekst or ""
        if self.hasFocus() and self.isModified():
            return
        self.setText(self._tekst)
        self.setModified(False)

    def _faerdig(self) -> None:
        self.setModified(False)
        if self.text() != self._tekst:
            self._tekst = self.text()
            self.tekst_aendret.emit(self._tekst)


class ValgFelt(QComboBox):
    """A combo box over (value, Danish label) pairs; emits `valgt(value)` on a user choice."""

    valgt = Signal(object)

    def __init__(self, valg, parent: QWidget | None = None):
        super().__init__(parent)
        for vaerdi, tekst in valg:
            self.addItem(tekst, vaerdi)
        self.activated.connect(lambda i: self.valgt.emit(self.itemData(i)))

    def vis(self, vaerdi) -> None:
        i = self.findData(vaerdi)
        self.blockSignals(True)
        self.setCurrentIndex(i)
        self.blockSignals(False)


def med_alt(tekst: str, bogstav: str, fra: int = 0) -> str:
    """tekst with its Alt letter: '&' before the first `bogstav` (either case) from index `fra`
    ('Tilføj linje', 'l', 7 → 'Tilføj &linje'); unchanged when the letter is not there."""
    i = tekst.casefold().find(bogstav.casefold(), fra)
    return tekst if not bogstav or i < 0 else f"{tekst[:i]}&{tekst[i:]}"


def hjaelp(tekst: str) -> QLabel:
    """The help text at the top of a step: what the agreement says, in a soft box."""
    lbl = QLabel(tekst)
    lbl.setWordWrap(True)
    lbl.setTextFormat(Qt.TextFormat.RichText)
    lbl.setObjectName("hjaelp")
    lbl.setStyleSheet("QLabel#hjaelp { background: #eef3f8; border: 1px solid #c9d6e3; "
                      "border-radius: 4px; padding: 8px; color: #1d3449; }")
    return lbl


def etiket(tekst: str, felt: QWidget, fed: bool = False) -> QLabel:
    """The label of a field that is not the field of a form row (a field beside a button, a text
    under a heading): the label is its buddy, so a screen reader names the field by it and
    Alt+the underlined letter (&) puts the focus in it. Plain text: the name read is the text."""
    lbl = QLabel(tekst)
    lbl.setTextFormat(Qt.TextFormat.PlainText)
    lbl.setBuddy(felt)
    if fed:
        f = lbl.font()
        f.setBold(True)
        lbl.setFont(f)
    return lbl


def vaerdi_label(tekst: str = "") -> QLabel:
    lbl = QLabel(tekst)
    lbl.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    lbl.setStyleSheet("font-weight: 600;")
    return lbl


def overskrift(tekst: str) -> QLabel:
    """A section heading inside a step; wraps instead of widening the window."""
    lbl = QLabel(tekst)
    lbl.setWordWrap(True)
    return lbl


def fejl_linje(navn: str = "fejl") -> QLabel:
    """A dialog's line for what is wrong with the answers, in red, wrapped; empty until then."""
    lbl = QLabel("")
    lbl.setObjectName(navn)
    lbl.setStyleSheet("color: #a01818;")
    lbl.setWordWrap(True)
    return lbl


def ok_annuller(ok_tekst: str, ok, annuller, ok_navn: str = "") -> QDialogButtonBox:
    """A dialog's buttons: the action named by what it does, and Annullér."""
    bb = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    knap = bb.button(QDialogButtonBox.StandardButton.Ok)
    knap.setText(ok_tekst)
    if ok_navn:
        knap.setObjectName(ok_navn)
    bb.button(QDialogButtonBox.StandardButton.Cancel).setText("Annullér")
    bb.accepted.connect(ok)
    bb.rejected.connect(annuller)
    return bb
