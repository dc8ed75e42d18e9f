"""The rul frem use case: next takstår's .takst file from this year's (domain/rul_frem.py holds
the rules; storage/ only creates the file)."""
from __future__ import annotations

from pathlib import Path

from takstberegner.domain.resultat import Beregning
from takstberegner.domain.rul_frem import Fremskrivning, naeste_aar
from takstberegner.formats.regelsaet import regelsaet_for
from takstberegner.storage import TakstFil
from takstberegner.tjeneste.beregning import beregn, laes_grundlag


def rul_frem(kilde: Path, maal: Path, takster: Beregning | None = None,
             fremskrivning: Fremskrivning | None = None) -> TakstFil:
    """Create `maal` for the year after `kilde` (which is only read, and may be open elsewhere),
    with the budget fremskrevet by the user's løn and pris rates when given."""
    grundlag = laes_grundlag(Path(kilde))
    return TakstFil.opret(Path(maal), naeste_grundlag(grundlag, takster or beregn(grundlag), fremskrivning))


def naeste_grundlag(grundlag, takster: Beregning, fremskrivning: Fremskrivning | None = None):
    """Next year's takstgrundlag (domain.rul_frem), the note in the words of next year's regelsæt."""
    return naeste_aar(grundlag, takster, fremskrivning, regelsaet_for(grundlag.takstaar + 1))
