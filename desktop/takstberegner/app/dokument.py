"""The open .takst document: the file, its undo stack, the engine and the latest beregning.

Every edit goes through `anvend` (a command on the undo stack): applied once in memory, computed
(the one validation and the engine, with per-tilbud caching, so only the edited tilbud is
recomputed), refused with a Danish reason when it brings an INPUT finding (domain/nye_fund.py;
every kind of edit: values, added and deleted lines, tilbud and puljer, pasted blocks, imports),
else persisted at once by the file; then `aendret` tells the widgets to redraw.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from takstberegner.app.commands import AendringKommando
from takstberegner.dansk import dansk_tid
from takstberegner.domain import aendringer as ae
from takstberegner.domain import navne, nye_fund
from takstberegner.domain.model import Takstgrundlag
from takstberegner.domain.resultat import Beregning
from takstberegner.fejl import Fejl
from takstberegner.tjeneste import Beregningstjeneste


class Afvist(str):
    """The Danish reason an edit was not saved; false, so `if dok.anvend(...)` reads as before."""

    def __bool__(self) -> bool:
        return False


class Dokument(QObject):
    aendret = Signal()  # the grundlag and the beregning are new
    gemt = Signal(str)  # Danish status text after each save
    fejl = Signal(str)  # an edit that could not be applied, in Danish
    lagerfejl = Signal(str)  # the file could not be written: the edit is not made
    fund_aendret = Signal(str)  # what a saved edit did to the findings, in Danish (nye_fund.efter_aendring)
    fortryd_besked = Signal(str)  # what Fortryd or Annullér fortryd did, in Danish ('Fortrudt: Ret budgetlinje. …')

    def __init__(self, fil, parent=None, tjeneste: Beregningstjeneste | None = None,
                 beregning: Beregning | None = None):
        """`tjeneste` and `beregning`: the file's first beregning, made already (app/lager.Aabnet,
        computed off the GUI thread while the file was opened)."""
        super().__init__(parent)
        self.fil = fil
        self.stak = QUndoStack(self)
        # the engine and the fingerprint, cached per tilbud
        self._tjeneste = tjeneste if tjeneste is not None else Beregningstjeneste()
        self._input_fund: list = []  # the INPUT findings of the saved state, to compare an edit with
        self.grundlag: Takstgrundlag = fil.hent()
        self.beregning: Beregning = beregning if beregning is not None else self._beregn()
        self._input_fund = self._input(self.beregning)

    @property
    def sti(self) -> Path:
        return Path(getattr(self.fil, "sti", "") or "")

    def _beregn(self, grundlag: Takstgrundlag | None = None) -> Beregning:
        # The live preview needs no fingerprint; exports ask for it (beregning_med_fingeraftryk).
        return self._tjeneste.beregn(self.grundlag if grundlag is None else grundlag, med_fingeraftryk=False)

    @staticmethod
    def _input(beregning: Beregning) -> list:
        return [f for f in beregning.alle_fund() if f.kode == "INPUT"]

    def beregning_med_fingeraftryk(self) -> Beregning:
        """The current beregning stamped with the canonical takstgrundlag's SHA-256 (for exports)."""
        from dataclasses import replace

        return replace(self.beregning, grundlag_sha256=self._tjeneste.sha256(self.grundlag))

    def anvend(self, aendring: ae.Aendring, tekst: str | None = None, krav: bool = False) -> bool:
        """Push one edit on the undo stack; False (and `fejl`) when it does not fit or brings an
        INPUT finding (then the returned `Afvist` says why, in Danish). `krav`: a choice that asks
        for something (a takststruktur, a new tilbud) is saved with findings at what is missing."""
        return self._ny([aendring], tekst, krav)

    def anvend_mange(self, aendringer: list[ae.Aendring], tekst: str) -> bool:
        """Several edits (an import, a pasted block) saved in one transaction and undone as one."""
        if not aendringer:
            return True
        return self._ny(list(aendringer), tekst)

    def _ny(self, aendringer: list[ae.Aendring], tekst: str | None, krav: bool = False) -> bool:
        """Apply once in memory, compute (the one validation and the engine), refuse an edit that
        brings an INPUT finding, write the steps, push the inverse on the undo stack."""
        try:
            efter, trin = ae.anvend_alle(self.grundlag, aendringer)
        except ae.AendringsFejl as e:
            return self._afvis(str(e))
        beregning = self._beregn(efter)
        nye = nye_fund.nye(self._input_fund, trin, self._input(beregning), krav)
        if nye:
            return self._afvis(f"Ikke gemt: {navne.felt_tekst(nye[0].felt, efter)}: {nye[0].tekst}")
        try:
            self.fil.gem(trin)
        except ae.AendringsFejl as e:
            return self._afvis(str(e))
        except Fejl as e:  # the storage's LagerFejl (locked, read-only, disk full, ...)
            self.lagerfejl.emit(e.besked)
            return False
        modsat = ae.modsatte_af(trin)
        foer = self.beregning.alle_fund()
        self._efter_gem(efter, beregning)
        besked = nye_fund.efter_aendring(foer, trin, beregning.alle_fund(), efter)
        if besked:
            self.fund_aendret.emit(besked)
        enkelt = len(aendringer) == 1
        self.stak.push(AendringKommando(self, aendringer[0] if enkelt else aendringer,
                                        modsat[0] if enkelt and len(modsat) == 1 else modsat,
                                        tekst or ae.beskriv(aendringer)))
        return True

    def _afvis(self, besked: str) -> "Afvist":
        self.fejl.emit(besked)
        return Afvist(besked)

    def udfoer_sikkert(self, aendring: ae.Aendring | list[ae.Aendring]) -> bool:
        """udfoer (undo and redo), but a file that cannot be written becomes a Danish message."""
        try:
            self.udfoer(aendring)
        except ae.AendringsFejl as e:
            self.fejl.emit(str(e))
            return False
        except Fejl as e:  # the storage's LagerFejl (locked, read-only, disk full, ...)
            self.lagerfejl.emit(e.besked)
            return False
        return True

    def udfoer(self, aendring: ae.Aendring | list[ae.Aendring]) -> None:
        """Apply (once) and persist one change, or a list in one transaction; then recompute."""
        self._efter_gem(self.fil.anvend_alle(aendring if isinstance(aendring, list) else [aendring]))

    def _efter_gem(self, grundlag: Takstgrundlag, beregning: Beregning | None = None) -> None:
        self.grundlag = grundlag
        self.beregning = self._beregn() if beregning is None else beregning
        self._input_fund = self._input(self.beregning)
        sidst = getattr(self.fil, "sidst_gemt", None)
        self.gemt.emit(f"Gemt kl. {dansk_tid(sidst):%H:%M:%S}" if sidst else "Gemt")  # Danish time, whatever the PC's zone
        self.aendret.emit()

    def tilbud_index(self, tilbud_id: str) -> int | None:
        for i, t in enumerate(self.grundlag.tilbud):
            if t.id == tilbud_id:
                return i
        return None

    def luk(self) -> None:
        self.fil.luk()
