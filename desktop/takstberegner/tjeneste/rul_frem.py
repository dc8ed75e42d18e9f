"""The rul frem use case: next takstår's .takst file from this year's (domain/rul_frem.py holds
the rules; storage/ only creates the file)."""
from __future__ import annotations

from pathlib import Path

from takstberegner.domain.resultat import Beregning
from takstberegner.domain.rul_frem import naeste_aar
from takstberegner.storage import TakstFil
from takstberegner.tjeneste.beregning import beregn, laes_grundlag


def rul_frem(kilde: Path, maal: Path, takster: Beregning | None = None) -> TakstFil:
    """Create `maal` for the year after `kilde` (which is only read, and may be open elsewhere)."""
    grundlag = laes_grundlag(Path(kilde))
    return TakstFil.opret(Path(maal), naeste_aar(grundlag, takster or beregn(grundlag)))
