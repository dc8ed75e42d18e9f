"""Afskrivning and forrentning of the anlægskartotek (SA 5.5.4-5.5.5; SPEC §4.3-4.4).

Straight line from the first day of the month after ibrugtagning, levetid × 12 months; the
takstår's share is months inside T / 12. Forrentning on the average of the book values at
1 January and 31 December of T. Grunde are not depreciated. Everything × the tilbud's andel.
"""
from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from takstberegner.domain.model import Anlaeg

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


def beregn_anlaeg(a: Anlaeg, takstaar: int, rente_pct: Decimal) -> AnlaegTal:
    andel = a.andel_pct / 100
    ib = a.ibrugtagning
    vaerdi = a.anskaffelsesvaerdi
    # The asset is on the books at 1 January if taken into use before T, at 31 December if by T.
    primo_med = ib.year < takstaar
    ultimo_med = ib.year <= takstaar
    if a.type == "grund":
        primo = vaerdi if primo_med else _ZERO
        ultimo = vaerdi if ultimo_med else _ZERO
        return AnlaegTal(_ZERO, 0, _ZERO, primo, ultimo, (primo + ultimo) * rente_pct * andel / 200)
    levetid = a.levetid_aar or 1
    aarlig = (vaerdi - a.restvaerdi) / levetid
    pr_maaned = aarlig / _12
    # Month index = year × 12 + (month - 1); depreciation starts the month after ibrugtagning.
    start = ib.year * 12 + ib.month
    i_alt = levetid * 12
    januar = takstaar * 12  # month index of January T (same scheme: year * 12 + month - 1)
    foer_primo = min(max(januar - start, 0), i_alt)  # months depreciated before 1 January of T
    foer_ultimo = min(max(januar + 12 - start, 0), i_alt)  # ... before 1 January of T + 1
    maaneder = foer_ultimo - foer_primo
    primo = vaerdi - pr_maaned * foer_primo if primo_med else _ZERO
    ultimo = vaerdi - pr_maaned * foer_ultimo if ultimo_med else _ZERO
    return AnlaegTal(aarlig, maaneder, pr_maaned * maaneder * andel, primo, ultimo,
                     (primo + ultimo) * rente_pct * andel / 200)
