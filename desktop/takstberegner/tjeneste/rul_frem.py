"""The rul frem use case: next takstår's .takst file from this year's (domain/rul_frem.py holds
the rules; storage/ only creates the file). Nothing the one validation refuses is carried into a
new file: this year's values are checked before, and next year's after, the rules run."""
from __future__ import annotations

from pathlib import Path

from takstberegner.domain.resultat import Beregning
from takstberegner.domain.rul_frem import Fremskrivning, naeste_aar
from takstberegner.formats.regelsaet import regelsaet_for
from takstberegner.storage import TakstFil
from takstberegner.tjeneste.beregning import beregn, kraev_gyldigt_grundlag, laes_grundlag


def rul_frem(kilde: Path, maal: Path, takster: Beregning | None = None,
             fremskrivning: Fremskrivning | None = None) -> TakstFil:
    """Create `maal` for the year after `kilde` (which is only read, and may be open elsewhere),
    with the budget fremskrevet by the user's løn and pris rates when given."""
    grundlag = laes_grundlag(Path(kilde))
    return TakstFil.opret(Path(maal), naeste_grundlag(grundlag, takster or beregn(grundlag), fremskrivning))


def naeste_grundlag(grundlag, takster: Beregning, fremskrivning: Fremskrivning | None = None):
    """Next year's takstgrundlag (domain.rul_frem), the note in the words of next year's regelsæt.

    UgyldigtGrundlag (Danish, every value named) when this year's takstgrundlag holds a value the
    validation refuses (its takster are missing, so next year's forrige takst would be wrong), or
    when next year's would (a takstår past the last one the program knows)."""
    kraev_gyldigt_grundlag(grundlag, f"Næste takstår kan ikke laves, før takstår {grundlag.takstaar} er rettet")
    ny = naeste_aar(grundlag, takster, fremskrivning, regelsaet_for(grundlag.takstaar + 1))
    return kraev_gyldigt_grundlag(ny, f"Takstår {ny.takstaar} kan ikke laves")
