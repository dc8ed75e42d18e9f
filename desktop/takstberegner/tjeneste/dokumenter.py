"""The use cases that read or make documents, for the app and the command line alike: the
takstberegning til revision (rapport), the signed indmeldingsfil (indmeld) and the import of a
takstgrundlag/1 file into a new .takst file (importer). They sit above export/ and importers/
(the layers contract in pyproject.toml), which in turn may use tjeneste.beregning."""
from __future__ import annotations

from pathlib import Path

from takstberegner.domain.model import Takstgrundlag
from takstberegner.domain.resultat import Beregning
from takstberegner.tjeneste.beregning import beregn


def rapport(grundlag: Takstgrundlag, beregning: Beregning | None = None):
    """Every input and step of the takstberegning, with the fingerprint the indmelding will carry."""
    from takstberegner.export import indmelding
    from takstberegner.export import rapport as rapport_mod

    beregning = beregning or beregn(grundlag)
    _, _, fp = indmelding.json_medlemmer(grundlag, beregning)
    return rapport_mod.lav_rapport(grundlag, beregning, fingeraftryk=fp)


def indmeld(grundlag: Takstgrundlag, underskriver, maal: Path, beregning: Beregning | None = None):
    """The signed indmeldingsfil; IndmeldingAfvist (with the list) while a fejl remains."""
    from takstberegner.export import indmelding

    beregning = beregning or beregn(grundlag)
    indmelding.kontroller_fejl(beregning)
    return indmelding.lav_indmelding(grundlag, beregning, underskriver, maal)


def laes_import(kilde: Path) -> Takstgrundlag:
    """The takstgrundlag of a takstgrundlag/1 file, before it becomes a file: InputError for syntax
    and for any value the one validation refuses (Danish, each value named). The app reads with
    this before it asks where to save."""
    from takstberegner.importers import takstgrundlag_json

    return takstgrundlag_json.laes(Path(kilde))


def importer(kilde: Path, maal: Path):
    """A takstgrundlag/1 file as a new .takst file. Refused (InputError, nothing created) for syntax
    and for any value the one validation refuses; a .takst file that already holds bad values
    still opens and shows them, so it can be mended."""
    from takstberegner.importers.takstgrundlag_json import importer_json

    return importer_json(Path(kilde), Path(maal))
