"""Afskrivning and forrentning of the anlægskartotek (SA 5.5.4-5.5.5; SPEC §4.3-4.4).

Straight line from the first day of the month after ibrugtagning, levetid × 12 months; the
takstår's share is months inside T / 12. Forrentning on the average of the book values at
1 January and 31 December of T. Grunde are not depreciated. Everything × the tilbud's andel.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple, Sequence

from takstberegner.domain.model import Anlaeg

if TYPE_CHECKING:
    from takstberegner.domain.linjekolonner import Anlaegkolonner

_12 = Decimal(12)
_ZERO = Decimal(0)
_TWO = Decimal(2)


class AnlaegTal(NamedTuple):
    """Exact figures of one asset for the takstår (rounded only when published). A named tuple: a
    large file has 3.000 assets, and a frozen dataclass's __init__ costs five times as much."""

    aarlig: Decimal
    maaneder: int
    afskrivning: Decimal  # the tilbud's share
    primo: Decimal  # whole asset
    ultimo: Decimal  # whole asset
    forrentning: Decimal  # the tilbud's share


# Integers as Decimals, converted once: Decimal arithmetic with an int operand converts it on every
# operation, and a large file computes 3.000 anlæg. The same values, so the same results.
_DECIMALER = tuple(map(Decimal, range(1201)))  # months up to a levetid of 100 years
_100 = Decimal(100)
_200 = Decimal(200)
_TAL = tuple.__new__  # AnlaegTal from a tuple of its fields in C, without the named tuple's Python __new__


def _decimal(i: int) -> Decimal:
    return _DECIMALER[i] if 0 <= i <= 1200 else Decimal(i)


def beregn_anlaeg(a: Anlaeg, takstaar: int, rente_pct: Decimal) -> AnlaegTal:
    """One anlæg's figures for takstår T."""
    return _tal((a.type,), (a.anskaffelsesvaerdi,), (a.restvaerdi,), (a.andel_pct,), (a.levetid_aar,),
                (a.ibrugtagning,), takstaar, rente_pct)[0]


def beregn_anlaeggene(k: Anlaegkolonner, takstaar: int, rente_pct: Decimal) -> list[AnlaegTal]:
    """The figures of a tilbud's anlæg from their columns (read once for the validation too)."""
    return _tal(k.type, k.anskaffelsesvaerdi, k.restvaerdi, k.andel_pct, k.levetid_aar, k.ibrugtagning, takstaar,
                rente_pct)


class _Hver:
    """Every month count as a Decimal, for a tilbud with a levetid outside 1-100 years."""

    __getitem__ = staticmethod(_decimal)


_HVER = _Hver()


def _tal(typer: Sequence[str], vaerdier: Sequence[Decimal], restvaerdier: Sequence[Decimal],
         andele: Sequence[Decimal], levetider: Sequence[int | None], datoer: Sequence[date], takstaar: int,
         rente_pct: Decimal) -> list[AnlaegTal]:
    ud: list[AnlaegTal] = []
    tilfoej = ud.append
    januar = takstaar * 12  # month index of January T (year × 12 + month - 1)
    # Every month count below is within 0..levetid × 12: the table holds them when each levetid is
    # 1-100 years (indexed, not called: 3 × 3.000 calls), else each is made (_decimal). A missing
    # levetid counts as 1; the others are compared in C.
    try:
        korteste, laengste = min(filter(None, levetider), default=1), max(filter(None, levetider), default=1)
        dec = _DECIMALER if 0 < korteste and laengste <= 100 else _HVER
    except TypeError:  # (a levetid that is no number: the loop raises as before, or leaves it to a grund)
        dec = _HVER
    for typ, vaerdi, rest, andel_pct, levetid, ib in zip(typer, vaerdier, restvaerdier, andele, levetider, datoer):
        andel = andel_pct / _100
        aar = ib.year
        # The asset is on the books at 1 January if taken into use before T, at 31 December if by T.
        if typ == "grund":
            primo = vaerdi if aar < takstaar else _ZERO
            ultimo = vaerdi if aar <= takstaar else _ZERO
            tilfoej(_TAL(AnlaegTal, (_ZERO, 0, _ZERO, primo, ultimo, (primo + ultimo) * rente_pct * andel / _200)))
            continue
        levetid = levetid or 1
        aarlig = (vaerdi - rest) / dec[levetid]
        pr_maaned = aarlig / _12
        # Month index = year × 12 + (month - 1); depreciation starts the month after ibrugtagning.
        # Months depreciated before 1 January of T and of T + 1: min(max(januar - start, 0), i_alt).
        i_alt = levetid * 12
        foer_primo = januar - aar * 12 - ib.month
        foer_ultimo = foer_primo + 12
        if foer_primo < 0:
            foer_primo = 0
        if foer_primo > i_alt:
            foer_primo = i_alt
        if foer_ultimo < 0:
            foer_ultimo = 0
        if foer_ultimo > i_alt:
            foer_ultimo = i_alt
        maaneder = foer_ultimo - foer_primo
        if aar < takstaar:
            primo = vaerdi - pr_maaned * dec[foer_primo]
            # nothing depreciated in T: the same operation gives primo
            ultimo = primo if maaneder == 0 else vaerdi - pr_maaned * dec[foer_ultimo]
        else:
            primo = _ZERO
            ultimo = vaerdi - pr_maaned * dec[foer_ultimo] if aar == takstaar else _ZERO
        tilfoej(_TAL(AnlaegTal, (aarlig, maaneder, pr_maaned * dec[maaneder] * andel, primo, ultimo,
                                 (primo + ultimo) * rente_pct * andel / _200)))
    return ud
