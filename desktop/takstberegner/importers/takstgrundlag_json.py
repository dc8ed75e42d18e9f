"""Import of a takstgrundlag/1 JSON file into a new .takst document file: read (formats/, syntax
only), then the one validation (a document with any INPUT finding is refused, naming each value
in Danish), then the new file. Nothing refused is saved."""
from __future__ import annotations

from pathlib import Path

from takstberegner.domain.model import Takstgrundlag
from takstberegner.formats import takstgrundlag as tg_format
from takstberegner.storage import TakstFil
from takstberegner.tjeneste.beregning import kraev_gyldigt_grundlag


def laes(kilde: Path) -> Takstgrundlag:
    """The takstgrundlag of `kilde`; InputError for syntax, and for any value the validation refuses."""
    kilde = Path(kilde)
    return kraev_gyldigt_grundlag(tg_format.laes_fil(kilde), f"{kilde.name} kan ikke importeres")


def importer_json(kilde: Path, maal: Path) -> TakstFil:
    """Read and validate `kilde`, then create `maal` (LagerFejl if it exists); nothing is created
    when `kilde` is refused."""
    return TakstFil.opret(Path(maal), laes(Path(kilde)))
