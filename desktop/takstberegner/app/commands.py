"""Undoable edits: each QUndoCommand applies one `domain.aendringer` change through the document
(which persists it at once) and undoes it with the inverse change computed before it was applied."""
from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from takstberegner.domain import aendringer as ae

def beskriv(a: ae.Aendring) -> str:
    """A Danish name for the change, shown in Redigér → Fortryd/Gentag (the record describes itself)."""
    return ae.beskriv(a)


class AendringKommando(QUndoCommand):
    """One edit. redo = apply the change; undo = apply its inverse (computed before the change).

    The document applies and saves the change before pushing the command, so that a file that
    cannot be written never leaves a command on the stack; the first redo (from push) is a no-op.
    """

    def __init__(self, dokument, aendring, modsat, tekst: str | None = None):
        """`aendring` and `modsat` are single changes, or lists saved in one transaction each."""
        super().__init__(tekst or beskriv(aendring))
        self._dok = dokument
        self._aendring = aendring
        self._modsat = modsat
        self._udfoert = True

    def redo(self) -> None:
        if self._udfoert:
            self._udfoert = False
            return
        if self._dok.udfoer_sikkert(self._aendring):
            self._dok.fortryd_besked.emit(f"Gjort igen: {self.text()}.")

    def undo(self) -> None:
        if self._dok.udfoer_sikkert(self._modsat):
            self._dok.fortryd_besked.emit(f"Fortrudt: {self.text()}. Annullér fortryd (Ctrl+Y) gør det igen.")
