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
from takstberegner.domain import navne
from takstberegner.domain.model import Takstgrundlag
from takstberegner.domain.resultat import Beregning
from takstberegner.fejl import Fejl
from takstberegner.tjeneste import Beregningstjeneste


class Afvist(str):
    """The Danish reason an edit was not saved; false, so `if dok.anvend(...)` reads as before."""

    def __bool__(self) -> bool:
        return False


def _under(felt: str, sti: str) -> bool:
    """felt is sti or a field inside it ("tilbud[0].enheder.antal" is under "tilbud[0].enheder")."""
    return felt == sti or felt.startswith(sti + ".") or felt.startswith(sti + "[")


def _redigerede_felter(g: Takstgrundlag, a: ae.Aendring) -> list[str]:
    """The field paths a value edit sets (additions and deletions are saved with their findings)."""
    if isinstance(a, ae.SaetDriftsherre):
        return ["driftsherre"]
    if isinstance(a, ae.SaetSatser):
        return ["satser"]
    if isinstance(a, ae.OpdaterPulje):
        return [f"overheadpuljer[{a.position}]"]
    if isinstance(a, (ae.OpdaterTilbud, ae.OpdaterElement)):
        i = next((i for i, t in enumerate(g.tilbud) if t.id == a.tilbud_id), None)
        if i is None:
            return []
        if isinstance(a, ae.OpdaterElement):
            return [f"tilbud[{i}].{a.samling}[{a.position}]"]
        return [f"tilbud[{i}].{navn}" for navn, _ in a.felter]
    return []


class Dokument(QObject):
    aendret = Signal()  # the grundlag and the beregning are new
    gemt = Signal(str)  # Danish status text after each save
    fejl = Signal(str)  # an edit that could not be applied, in Danish
    lagerfejl = Signal(str)  # the file could not be written: the edit is not made

    def __init__(self, fil, parent=None):
        super().__init__(parent)
        self.fil = fil
        self.stak = QUndoStack(self)
        self._tjeneste = Beregningstjeneste()  # the engine and the fingerprint, cached per tilbud
        self._input_felter: list[str] = []
        self.grundlag: Takstgrundlag = fil.hent()
        self.beregning: Beregning = self._beregn()

    @property
    def sti(self) -> Path:
        return Path(getattr(self.fil, "sti", "") or "")

    def _beregn(self) -> Beregning:
        # The live preview needs no fingerprint; exports ask for it (beregning_med_fingeraftryk).
        beregning = self._tjeneste.beregn(self.grundlag, med_fingeraftryk=False)
        self._input_felter = [f.felt for f in beregning.alle_fund() if f.kode == "INPUT"]
        return beregning

    def beregning_med_fingeraftryk(self) -> Beregning:
        """The current beregning stamped with the canonical takstgrundlag's SHA-256 (for exports)."""
        from dataclasses import replace

        return replace(self.beregning, grundlag_sha256=self._tjeneste.sha256(self.grundlag))

    def anvend(self, aendring: ae.Aendring, tekst: str | None = None) -> bool:
        """Push one edit on the undo stack; False (and `fejl`) when it does not fit or the
        validation refuses the value (then the returned `Afvist` says why, in Danish)."""
        return self._ny([aendring], tekst)

    def anvend_mange(self, aendringer: list[ae.Aendring], tekst: str) -> bool:
        """Several edits (an import, a pasted block) saved in one transaction and undone as one."""
        if not aendringer:
            return True
        return self._ny(list(aendringer), tekst)

    def _ny(self, aendringer: list[ae.Aendring], tekst: str | None) -> bool:
        """Apply once in memory, validate, write the steps, push the inverse on the undo stack."""
        try:
            efter, trin = ae.anvend_alle(self.grundlag, aendringer)
        except ae.AendringsFejl as e:
            return self._afvis(str(e))
        afvist = self._afvisning(aendringer, efter)
        if afvist:
            return self._afvis(afvist)
        try:
            self.fil.gem(trin)
        except ae.AendringsFejl as e:
            return self._afvis(str(e))
        except Fejl as e:  # the storage's LagerFejl (locked, read-only, disk full, ...)
            self.lagerfejl.emit(e.besked)
            return False
        modsat = ae.modsatte_af(trin)
        self._efter_gem(efter)
        enkelt = len(aendringer) == 1
        self.stak.push(AendringKommando(self, aendringer[0] if enkelt else aendringer,
                                        modsat[0] if enkelt and len(modsat) == 1 else modsat,
                                        tekst or ae.beskriv(aendringer)))
        return True

    def _afvis(self, besked: str) -> "Afvist":
        self.fejl.emit(besked)
        return Afvist(besked)

    def _afvisning(self, aendringer: list[ae.Aendring], efter: Takstgrundlag) -> str:
        """Danish text when an edit would put a value in the file that the validation refuses.

        Only the edited value counts, and only a new finding: a value that was already refused
        may be changed on the way to a good one (mending a bad file), and what a new choice asks
        for (the enheder of an enhedstakst) is saved with its finding, which leads to the field.
        """
        felter = [f for a in aendringer for f in _redigerede_felter(self.grundlag, a)]
        if not felter:
            return ""
        foer = self._input_felter
        for f in self._tjeneste.valider(efter):
            if f.kode != "INPUT" or not any(_under(f.felt, x) for x in felter):
                continue
            if any(_under(f.felt, o) or _under(o, f.felt) for o in foer):
                continue
            return f"Ikke gemt: {navne.felt_tekst(f.felt, efter)}: {f.tekst}"
        return ""

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

    def _efter_gem(self, grundlag: Takstgrundlag) -> None:
        self.grundlag = grundlag
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
