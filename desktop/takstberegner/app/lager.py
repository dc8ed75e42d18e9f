"""Opening and creating .takst files for the app: the storage layer's TakstFil when it is there,
else an in-memory stand-in with the same methods (hent, anvend, sidst_gemt, luk)."""
from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from takstberegner.domain import aendringer
from takstberegner.domain import aendringer as aendringer_mod
from takstberegner.domain.model import Takstgrundlag


class LagerFejl(Exception):
    """A file the app cannot open; `.besked` is the Danish text for the user."""

    def __init__(self, besked: str):
        super().__init__(besked)
        self.besked = besked


def _repository():
    try:
        from takstberegner.storage import repository
    except ImportError:
        return None
    return repository if hasattr(repository, "TakstFil") else None


class HukommelsesFil:
    """The storage contract kept in memory and written as takstgrundlag JSON on each change."""

    def __init__(self, sti: Path, grundlag: Takstgrundlag):
        self.sti = Path(sti)
        self._grundlag = grundlag
        self.sidst_gemt: datetime | None = datetime.now()

    @classmethod
    def opret(cls, sti, grundlag: Takstgrundlag) -> "HukommelsesFil":
        f = cls(Path(sti), grundlag)
        f._skriv()
        return f

    @classmethod
    def aabn(cls, sti) -> "HukommelsesFil":
        from takstberegner.formats import takstgrundlag as tg
        from takstberegner.formats.fejl import InputError

        p = Path(sti)
        try:
            tekst = p.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise LagerFejl(f"Filen '{p.name}' findes ikke.") from None
        except (OSError, UnicodeDecodeError):
            raise LagerFejl(f"Filen '{p.name}' kan ikke læses. Den er ikke en takstfil.") from None
        try:
            return cls(p, tg.laes_tekst(tekst))
        except (InputError, ValueError, json.JSONDecodeError) as e:
            raise LagerFejl(f"Filen '{p.name}' er ikke en gyldig takstfil: {e}") from None

    def hent(self) -> Takstgrundlag:
        return self._grundlag

    def anvend(self, aendring) -> Takstgrundlag:
        self._grundlag = aendringer.anvend(self._grundlag, aendring)
        self._skriv()
        return self._grundlag

    def anvend_alle(self, aendringer) -> Takstgrundlag:
        for a in aendringer:
            self._grundlag = aendringer_mod.anvend(self._grundlag, a)
        self._skriv()
        return self._grundlag

    def _skriv(self) -> None:
        from takstberegner.formats import takstgrundlag as tg

        self.sti.write_text(tg.skriv_tekst(self._grundlag), encoding="utf-8")
        self.sidst_gemt = datetime.now()

    def luk(self) -> None:
        pass


def aabn(sti):
    """Open a .takst file; raises an exception with `.besked` (Danish) when it cannot."""
    repo = _repository()
    if repo is None:
        return HukommelsesFil.aabn(sti)
    try:
        return repo.TakstFil.aabn(Path(sti))
    except Exception as e:  # LagerFejl from storage: pass on its Danish text
        if getattr(e, "besked", None):
            raise LagerFejl(e.besked) from e
        raise LagerFejl(f"Filen '{Path(sti).name}' kan ikke åbnes: {e}") from e


def opret(sti, grundlag: Takstgrundlag):
    repo = _repository()
    if repo is None:
        return HukommelsesFil.opret(sti, grundlag)
    try:
        return repo.TakstFil.opret(Path(sti), grundlag)
    except Exception as e:
        if getattr(e, "besked", None):
            raise LagerFejl(e.besked) from e
        raise


def importer_json(sti) -> Takstgrundlag:
    """A takstgrundlag from a takstgrundlag/1 JSON file (raises LagerFejl with the reason)."""
    from takstberegner.formats import takstgrundlag as tg
    from takstberegner.formats.fejl import InputError

    try:
        return tg.laes_fil(sti)
    except InputError as e:
        raise LagerFejl(f"Filen kan ikke importeres: {e}") from None
    except (OSError, ValueError) as e:
        raise LagerFejl(f"Filen kan ikke læses: {e}") from None
