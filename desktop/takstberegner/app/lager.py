"""Opening and creating .takst files for the app through the storage layer's TakstFil, with
its errors turned into one LagerFejl whose `.besked` the app shows."""
from __future__ import annotations

from pathlib import Path

from takstberegner.domain.model import Takstgrundlag
from takstberegner.fejl import Fejl


class LagerFejl(Fejl):
    """A file the app cannot open; `.besked` is the Danish text for the user."""


class Skrivebeskyttet(LagerFejl):
    """A file that may be read but not written where it lies: a copy can be saved and opened."""


def aabn(sti):
    """Open a .takst file; raises an exception with `.besked` (Danish) when it cannot."""
    from takstberegner.storage import repository
    from takstberegner.storage.repository import TakstFil

    try:
        return TakstFil.aabn(Path(sti))
    except repository.Skrivebeskyttet as e:
        raise Skrivebeskyttet(e.besked) from e
    except Fejl as e:  # LagerFejl from storage: pass on its Danish text
        raise LagerFejl(e.besked) from e
    except Exception as e:  # anything else the file did to the reader: a Danish phrase, no traceback
        from takstberegner.fejltekst import fejl_tekst

        raise LagerFejl(f"Filen '{Path(sti).name}' kan ikke åbnes: {fejl_tekst(e)}.") from e


class Aabnet:
    """An opened file with its first beregning, made off the GUI thread (no Qt here): what the
    app's Dokument starts from, so a large file is read, checked and computed while the window
    shows that it is working (app/filhandlinger.aabn_fil)."""

    def __init__(self, fil, tjeneste, beregning, forarbejde=None) -> None:
        self.fil, self.tjeneste, self.beregning = fil, tjeneste, beregning
        self.forarbejde = forarbejde  # tjeneste.forarbejde: its findings list and what blocks the indmelding


def aabn_og_beregn(sti, steder=None) -> Aabnet:
    """aabn, then the one validation and the engine on what the file holds, and what the window
    shows of its findings (tjeneste.forarbejde; steder: where the navigator marks what blocks the
    indmelding, a function of grundlag and mangler). If the computing fails, the file is closed again
    (its lock released): nothing is left half open."""
    from takstberegner.tjeneste import Beregningstjeneste
    from takstberegner.tjeneste.forarbejde import forarbejde

    fil = aabn(sti)
    try:
        tjeneste = Beregningstjeneste()
        grundlag = fil.hent()
        beregning = tjeneste.beregn(grundlag, med_fingeraftryk=False)
        return Aabnet(fil, tjeneste, beregning, forarbejde(grundlag, beregning, steder))
    except BaseException:
        fil.luk()
        raise


def laes(sti) -> Takstgrundlag:
    """What a .takst file holds, read without locking or changing it (it may lie where nothing can
    be written) and checked as an opening checks it."""
    from takstberegner.storage.repository import laes_grundlag

    try:
        return laes_grundlag(Path(sti))
    except Fejl as e:
        raise LagerFejl(e.besked) from e


def opret(sti, grundlag: Takstgrundlag):
    from takstberegner.storage.repository import TakstFil

    try:
        return TakstFil.opret(Path(sti), grundlag)
    except Fejl as e:
        raise LagerFejl(e.besked) from e


def importer_json(sti) -> Takstgrundlag:
    """A takstgrundlag from a takstgrundlag/1 JSON file, through the command line's door
    (tjeneste.dokumenter): LagerFejl with the Danish reason for a syntax error and for any value
    the one validation refuses, so nothing refused becomes a file."""
    from takstberegner.fejltekst import fejl_tekst
    from takstberegner.formats.fejl import InputError
    from takstberegner.tjeneste import dokumenter
    from takstberegner.tjeneste.beregning import UgyldigtGrundlag

    navn = Path(sti).name
    try:
        return dokumenter.laes_import(Path(sti))
    except UgyldigtGrundlag as e:  # names every refused value already
        raise LagerFejl(e.besked) from None
    except InputError as e:
        # str(e) is the place in words (with the file's names, formats/fejl.py) and the reason;
        # a message about the whole file names it already ("filen x.pdf er en PDF-fil, …")
        tekst = str(e)
        if tekst.startswith(("filen ", "Takstgrundlaget ", navn)) and navn in tekst.split(" ", 2)[:2]:
            tekst = "F" + tekst[1:] if tekst.startswith("filen ") else tekst
            raise LagerFejl(tekst if tekst.endswith(".") else tekst + ".") from None
        raise LagerFejl(f"{navn} kan ikke importeres: {tekst}") from None
    except (OSError, ValueError) as e:
        raise LagerFejl(f"{navn} kan ikke læses: {fejl_tekst(e)}.") from None
