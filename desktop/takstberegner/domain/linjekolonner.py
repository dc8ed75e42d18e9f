"""A tilbud's budget lines as columns, for the passes over 20.000 lines that the fingerprint, the
validation and the calculation make (issue 9 item 7): each field of every line is read once, at C
speed, and all three use the columns. The lines with a tjenestemand amount or a leased anlæg are few; their positions
are listed (`saerlige`) and they are read one by one where they are used. The fast reader makes
the columns as it reads the lines and hands them over (`husk`). Its anlæg likewise
(`anlaegkolonner`: 3.000 in a large file), for the validation and the calculation.
"""
from __future__ import annotations

from decimal import Decimal
from itertools import compress, repeat
from operator import attrgetter, is_not
from typing import Any

from takstberegner.domain.graenser import MAKS_RAEKKER
from takstberegner.domain.model import Anlaeg, Omkostningslinje, klassens_standarder

_FELTER = ("kategori", "post", "beloeb", "vagtlag", "del_", "ydelse", "tekst")
_SAERLIGE = ("anlaeg", "tjenestemand_loen", "tjenestemandspension")
_STANDARD = klassens_standarder(Omkostningslinje)
assert all(_STANDARD[f] is None for f in _SAERLIGE)


class Linjekolonner:
    """Field by field, in the lines' order (a plain class: a dataclass costs its compile at start-up)."""

    __slots__ = ("kategori", "post", "beloeb", "vagtlag", "del_", "ydelse", "tekst", "saerlige")

    def __init__(self, kategori: list[str], post: list[str], beloeb: list[Decimal], vagtlag: list[bool],
                 del_: list[str | None], ydelse: list[str | None], tekst: list[str], saerlige: list[int]):
        self.kategori, self.post, self.beloeb, self.vagtlag = kategori, post, beloeb, vagtlag
        self.del_, self.ydelse, self.tekst = del_, ydelse, tekst
        # positions of the lines with anlaeg, tjenestemand_loen or tjenestemandspension
        self.saerlige = saerlige


_ANLAEG_FELTER = ("id", "navn", "type", "finansiering", "anskaffelsesvaerdi", "restvaerdi", "andel_pct",
                  "levetid_aar", "ibrugtagning")
_ANLAEG_RAEKKE = attrgetter(*_ANLAEG_FELTER)


class Anlaegkolonner:
    """A tilbud's anlæg field by field, in their order."""

    __slots__ = _ANLAEG_FELTER

    def __init__(self, anlaeg: tuple[Anlaeg, ...]):
        # each anlæg's fields read as one row in one pass, and the rows turned into columns by zip
        kolonner = zip(*map(_ANLAEG_RAEKKE, anlaeg)) if anlaeg else repeat((), len(_ANLAEG_FELTER))
        for felt, kolonne in zip(_ANLAEG_FELTER, kolonner):
            setattr(self, felt, list(kolonne))


# (id of the records' tuple, kind) -> (the tuple, its columns)
_SENESTE: dict[tuple[int, type], tuple[tuple, Linjekolonner | Anlaegkolonner]] = {}
_HUSK = 512  # the columns of the last tilbud asked for are kept, for the other passes
# ... and at most this many records in all: twice a file's rows (graenser.MAKS_RAEKKER), so one file's
# passes always share them. Bounded by tilbud alone, the secretariat's takstbilag over many files
# kept 512 tilbud of the files it had verified: 20 MB for each rejected file of 35.000 budget lines.
_HUSK_POSTER = 2 * MAKS_RAEKKER
_antal_poster = [0]


def _gem(noegle: tuple[int, type], poster: tuple, kolonner: Any) -> None:
    if len(_SENESTE) >= _HUSK or _antal_poster[0] + len(poster) > _HUSK_POSTER:
        _SENESTE.clear()
        _antal_poster[0] = 0
    _SENESTE[noegle] = (poster, kolonner)
    _antal_poster[0] += len(poster)


def _husket(poster: tuple, slags: type, byg) -> Any:
    """The columns of `poster` of kind `slags`, built by `byg` unless the same tuple had them last
    (the records are an immutable tuple, so its identity decides)."""
    noegle = (id(poster), slags)
    husket = _SENESTE.get(noegle)
    if husket is not None and husket[0] is poster:
        return husket[1]
    kolonner = byg(poster)
    _gem(noegle, poster, kolonner)
    return kolonner


def husk(linjer: tuple[Omkostningslinje, ...], kolonner: Linjekolonner) -> None:
    """Keep `kolonner` as the columns of `linjer`: a reader that made them while it built the
    records hands them over (formats/hurtig_laesning.py), so no pass reads them again."""
    _gem((id(linjer), Linjekolonner), linjer, kolonner)


def linjekolonner(linjer: tuple[Omkostningslinje, ...]) -> Linjekolonner:
    """The columns of `linjer`; the fingerprint, validation and calculation of one tilbud record share them."""
    return _husket(linjer, Linjekolonner, _kolonner)


def anlaegkolonner(anlaeg: tuple[Anlaeg, ...]) -> Anlaegkolonner:
    """The columns of `anlaeg`; the validation and calculation of one tilbud record share them."""
    return _husket(anlaeg, Anlaegkolonner, Anlaegkolonner)


def _kolonner(linjer: tuple[Omkostningslinje, ...]) -> Linjekolonner:
    # Each field read from the records' own dicts: a field at its default may be missing from the
    # dict (the reader leaves it out, model.byg_mange) and then reads the class's default, as the
    # attribute does.
    dicts = list(map(vars, linjer))
    kolonner = [list(map(dict.get, dicts, repeat(felt), repeat(_STANDARD.get(felt)))) for felt in _FELTER]
    n = len(linjer)
    saerlige: set[int] = set()
    for felt in _SAERLIGE:  # None but on a few lines: their positions
        kolonne = list(map(dict.get, dicts, repeat(felt)))
        if kolonne.count(None) != n:
            saerlige.update(compress(range(n), map(is_not, kolonne, repeat(None))))
    return Linjekolonner(*kolonner, sorted(saerlige))
