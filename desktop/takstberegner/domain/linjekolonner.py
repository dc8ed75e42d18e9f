"""A tilbud's budget lines as columns, for the passes over 20.000 lines that the fingerprint, the
validation and the calculation make (issue 9 item 7): each field of every line is read once, at C
speed, and all three use the columns. The lines with a tjenestemand amount or a leased anlæg are few; their positions
are listed (`saerlige`) and they are read one by one where they are used.
"""
from __future__ import annotations

from decimal import Decimal
from itertools import compress, repeat
from operator import attrgetter, ne

from takstberegner.domain.model import Omkostningslinje

_FELTER = ("kategori", "post", "beloeb", "vagtlag", "del_", "ydelse", "tekst")
_GETTERE = tuple(map(attrgetter, _FELTER))
_SAERLIGE = attrgetter("anlaeg", "tjenestemand_loen", "tjenestemandspension")
_INGEN = (None, None, None)


class Linjekolonner:
    """Field by field, in the lines' order (a plain class: a dataclass costs its compile at start-up)."""

    __slots__ = ("kategori", "post", "beloeb", "vagtlag", "del_", "ydelse", "tekst", "saerlige")

    def __init__(self, kategori: list[str], post: list[str], beloeb: list[Decimal], vagtlag: list[bool],
                 del_: list[str | None], ydelse: list[str | None], tekst: list[str], saerlige: list[int]):
        self.kategori, self.post, self.beloeb, self.vagtlag = kategori, post, beloeb, vagtlag
        self.del_, self.ydelse, self.tekst = del_, ydelse, tekst
        # positions of the lines with anlaeg, tjenestemand_loen or tjenestemandspension
        self.saerlige = saerlige


_SENESTE: dict[int, tuple[tuple, Linjekolonner]] = {}
_HUSK = 256  # tilbud: the columns of the last ones asked for are kept, for the other pass


def linjekolonner(linjer: tuple[Omkostningslinje, ...]) -> Linjekolonner:
    """The columns of `linjer`; the fingerprint, validation and calculation of one tilbud record share them
    (the lines are an immutable tuple, so its identity decides)."""
    husket = _SENESTE.get(id(linjer))
    if husket is not None and husket[0] is linjer:
        return husket[1]
    if len(_SENESTE) >= _HUSK:
        _SENESTE.clear()
    k = _SENESTE[id(linjer)] = (linjer, _kolonner(linjer))
    return k[1]


def _kolonner(linjer: tuple[Omkostningslinje, ...]) -> Linjekolonner:
    kolonner = [list(map(g, linjer)) for g in _GETTERE]
    saerlige = list(compress(range(len(linjer)), map(ne, map(_SAERLIGE, linjer), repeat(_INGEN))))
    return Linjekolonner(*kolonner, saerlige)
