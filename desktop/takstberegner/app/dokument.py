"""The open .takst document: the file, its undo stack, the engine and the latest beregning.

Every edit goes through `anvend` (a command on the undo stack); the file persists it at once and
the engine recomputes with per-tilbud caching, then `aendret` tells the widgets to redraw.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from takstberegner.app.commands import AendringKommando
from takstberegner.domain import aendringer as ae
from takstberegner.domain.beregning import Beregner
from takstberegner.domain.model import Takstgrundlag
from takstberegner.domain.resultat import Beregning


class Dokument(QObject):
    aendret = Signal()  # the grundlag and the beregning are new
    gemt = Signal(str)  # Danish status text after each save
    fejl = Signal(str)  # an edit that could not be applied, in Danish
    lagerfejl = Signal(str)  # the file could not be written: the edit is not made

    def __init__(self, fil, parent=None):
        super().__init__(parent)
        self.fil = fil
        self.stak = QUndoStack(self)
        self._beregner: Beregner | None = None
        self.grundlag: Takstgrundlag = fil.hent()
        self.beregning: Beregning = self._beregn()

    @property
    def sti(self) -> Path:
        return Path(getattr(self.fil, "sti", "") or "")

    def _beregn(self) -> Beregning:
        from takstberegner.formats.regelsaet import regelsaet_for

        rs = regelsaet_for(self.grundlag.takstaar)
        if self._beregner is None or self._beregner.regelsaet is not rs:
            self._beregner = Beregner(rs)
        return self._beregner.beregn(self.grundlag)

    def anvend(self, aendring: ae.Aendring, tekst: str | None = None) -> bool:
        """Push one edit on the undo stack; False (and `fejl`) when it does not fit."""
        try:
            modsat = ae.modsat(self.grundlag, aendring)
            ae.anvend(self.grundlag, aendring)
        except ae.AendringsFejl as e:
            self.fejl.emit(str(e))
            return False
        if not self.udfoer_sikkert(aendring):
            return False
        self.stak.push(AendringKommando(self, aendring, modsat, tekst))
        return True

    def anvend_mange(self, aendringer: list[ae.Aendring], tekst: str) -> bool:
        """Several edits (an import, a pasted block) saved in one transaction and undone as one."""
        if not aendringer:
            return True
        try:
            modsatte = ae.modsatte(self.grundlag, aendringer)
        except ae.AendringsFejl as e:
            self.fejl.emit(str(e))
            return False
        if not self.udfoer_sikkert(aendringer):
            return False
        self.stak.push(AendringKommando(self, aendringer, modsatte, tekst))
        return True

    def udfoer_sikkert(self, aendring: ae.Aendring | list[ae.Aendring]) -> bool:
        """udfoer, but a file that cannot be written becomes a Danish message (`lagerfejl`)."""
        try:
            self.udfoer(aendring)
        except ae.AendringsFejl as e:
            self.fejl.emit(str(e))
            return False
        except Exception as e:  # the storage's LagerFejl (locked, read-only, disk full, ...)
            besked = getattr(e, "besked", None)
            if not besked:
                raise
            self.lagerfejl.emit(besked)
            return False
        return True

    def udfoer(self, aendring: ae.Aendring | list[ae.Aendring]) -> None:
        """Apply and persist one change, or a list in one transaction; then recompute."""
        if isinstance(aendring, list):
            self.grundlag = self.fil.anvend_alle(aendring)
        else:
            self.grundlag = self.fil.anvend(aendring)
        self.beregning = self._beregn()
        sidst = getattr(self.fil, "sidst_gemt", None)
        self.gemt.emit(f"Gemt {sidst:%H:%M:%S}" if sidst else "Gemt")
        self.aendret.emit()

    def tilbud_index(self, tilbud_id: str) -> int | None:
        for i, t in enumerate(self.grundlag.tilbud):
            if t.id == tilbud_id:
                return i
        return None

    def luk(self) -> None:
        self.fil.luk()
