"""The service layer: the use cases the app and the command line both call (beregn, kontroller,
...). Picks the regelsæt by takstår, validates (domain/validering.py) and stamps the fingerprint
of the canonical takstgrundlag on the result."""
from __future__ import annotations

from takstberegner.domain.beregning import beregn as _beregn
from takstberegner.domain.model import Takstgrundlag
from takstberegner.domain.resultat import Beregning, Fund
from takstberegner.formats import takstgrundlag as tg_format
from takstberegner.formats.fejl import InputError
from takstberegner.formats.regelsaet import regelsaet_for


def beregn(grundlag: Takstgrundlag) -> Beregning:
    return _beregn(grundlag, regelsaet_for(grundlag.takstaar), grundlag_sha256=tg_format.sha256(grundlag))


def input_fund(beregning: Beregning) -> list[Fund]:
    """The INPUT findings: values the validation refuses (the tilbud they are on has no takster)."""
    return [f for f in beregning.alle_fund() if f.kode == "INPUT"]


def kraev_gyldigt(beregning: Beregning) -> Beregning:
    """The beregning, or InputError naming the first refused field when any value is refused
    (takster computed without those values must not be published)."""
    fund = input_fund(beregning)
    if fund:
        mere = f" (og {len(fund) - 1} fejl mere; se dem alle med takstberegner kontroller)" if len(fund) > 1 else ""
        raise InputError(fund[0].felt, fund[0].tekst + mere)
    return beregning


def laes_grundlag(sti) -> Takstgrundlag:
    """A takstgrundlag from a .json file or a .takst document file."""
    from pathlib import Path

    p = Path(sti)
    if p.suffix.lower() == ".takst":
        from takstberegner.storage import laes_grundlag as fra_takst  # lazy: storage is optional here

        return fra_takst(p)
    return tg_format.laes_fil(p)
