"""Import of a takstgrundlag/1 JSON file into a new .takst document file."""
from __future__ import annotations

from pathlib import Path

from takstberegner.formats import takstgrundlag as tg_format
from takstberegner.storage import TakstFil


def importer_json(kilde: Path, maal: Path) -> TakstFil:
    """Read and validate `kilde` (InputError with field path), then create `maal` (LagerFejl if it exists)."""
    return TakstFil.opret(Path(maal), tg_format.laes_fil(Path(kilde)))
