"""New takstår from last year ("rul frem"): next year's file made from this year's.

Same tilbud, ydelser, anlæg, overheadpuljer and budget lines (kept for editing); last year's
computed takst of each ydelse becomes its `forrige_takst`, the pladser become
`pladser_forrige_aar`, and bemærkninger are cleared.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from takstberegner.domain.model import Takstgrundlag
from takstberegner.domain.resultat import Beregning
from takstberegner.storage.repository import TakstFil, laes_grundlag


def naeste_aar(grundlag: Takstgrundlag, takster: Beregning) -> Takstgrundlag:
    """The takstgrundlag for takstaar + 1 (pure; see the module docstring)."""
    takst_for = {(r.id, k.ydelse): k.takst for r in takster.tilbud for k in r.takster}
    tilbud = tuple(
        replace(
            t,
            pladser_forrige_aar=t.pladser,
            bemaerkninger="",
            ydelser=tuple(replace(y, forrige_takst=takst_for.get((t.id, y.id))) for y in t.ydelser),
        )
        for t in grundlag.tilbud
    )
    return replace(grundlag, takstaar=grundlag.takstaar + 1, tilbud=tilbud)


def rul_frem(kilde: Path, maal: Path, takster: Beregning | None = None) -> TakstFil:
    """Create `maal` for the year after `kilde` (which is only read, and may be open elsewhere)."""
    grundlag = laes_grundlag(Path(kilde))
    if takster is None:
        from takstberegner import tjeneste

        takster = tjeneste.beregn(grundlag)
    return TakstFil.opret(Path(maal), naeste_aar(grundlag, takster))
