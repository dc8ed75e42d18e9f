"""Afskrivning and forrentning of the anlægskartotek (SA 5.5.4-5.5.5; SPEC §4.3-4.4).

Straight line from the first day of the month after ibrugtagning, levetid × 12 months; the
takstår's share is months inside T / 12. Forrentning on the average of the book values at
1 January and 31 December of T. Grunde are not depreciated. Everything × the tilbud's andel.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from takstberegner.domain.model import Anlaeg

_12 = Decimal(12)
_ZERO = Decimal(0)
_TWO = Decimal(2)


@dataclass(frozen=True)
class AnlaegTal:
    """Exact figures of one asset for the takstår (rounded only when published)."""

    aarlig: Decimal
    maaneder: int
    afskrivning: Decimal  # the tilbud's share
    primo: Decimal  # whole asset
    ultimo: Decimal  # whole asset
    forrentning: Decimal  # the tilbud's share


def _maaned_nr(aar: int, maaned: int) -> int:
    return aar * 12 + (maaned - 1)


def beregn_anlaeg(a: Anlaeg, takstaar: int, rente_pct: Decimal) -> AnlaegTal:
    andel = a.andel_pct / 100
    start_t = _maaned_nr(takstaar, 1)  # January of T
    slut_t = start_t + 12  # exclusive: January of T+1
    taget_i_brug = _maaned_nr(a.ibrugtagning.year, a.ibrugtagning.month)
    # Book value at 1 January: the asset exists if taken into use before T.
    eksisterer_primo = a.ibrugtagning.year < takstaar
    eksisterer_ultimo = a.ibrugtagning.year <= takstaar
    if a.type == "grund":
        primo = a.anskaffelsesvaerdi if eksisterer_primo else _ZERO
        ultimo = a.anskaffelsesvaerdi if eksisterer_ultimo else _ZERO
        forrentning = (primo + ultimo) / _TWO * rente_pct / 100 * andel
        return AnlaegTal(_ZERO, 0, _ZERO, primo, ultimo, forrentning)
    levetid = a.levetid_aar or 1
    aarlig = (a.anskaffelsesvaerdi - a.restvaerdi) / levetid
    start = taget_i_brug + 1  # first month after ibrugtagning
    slut = start + levetid * 12  # exclusive

    def afskrevet_foer(maaned: int) -> Decimal:
        """Depreciation of the months before `maaned` (exclusive)."""
        n = min(max(maaned - start, 0), levetid * 12)
        return aarlig * n / _12

    maaneder = max(0, min(slut, slut_t) - max(start, start_t))
    afskrivning = aarlig * maaneder / _12 * andel
    primo = a.anskaffelsesvaerdi - afskrevet_foer(start_t) if eksisterer_primo else _ZERO
    ultimo = a.anskaffelsesvaerdi - afskrevet_foer(slut_t) if eksisterer_ultimo else _ZERO
    forrentning = (primo + ultimo) / _TWO * rente_pct / 100 * andel
    return AnlaegTal(aarlig, maaneder, afskrivning, primo, ultimo, forrentning)
