"""The one entry point that front ends use to compute: picks the regelsæt by takstår and stamps
the fingerprint of the canonical takstgrundlag on the result."""
from __future__ import annotations

from takstberegner.domain.beregning import beregn as _beregn
from takstberegner.domain.model import Takstgrundlag
from takstberegner.domain.resultat import Beregning
from takstberegner.formats import takstgrundlag as tg_format
from takstberegner.formats.regelsaet import regelsaet_for


def beregn(grundlag: Takstgrundlag) -> Beregning:
    return _beregn(grundlag, regelsaet_for(grundlag.takstaar), grundlag_sha256=tg_format.sha256(grundlag))


def laes_grundlag(sti) -> Takstgrundlag:
    """A takstgrundlag from a .json file or a .takst document file."""
    from pathlib import Path

    p = Path(sti)
    if p.suffix.lower() == ".takst":
        from takstberegner.storage import laes_grundlag as fra_takst  # lazy: storage is optional here

        return fra_takst(p)
    return tg_format.laes_fil(p)
