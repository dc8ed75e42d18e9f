"""Exact money: Decimal helpers, publication rounding and largest remainder (SPEC §1).

Nothing inside a calculation is rounded. A figure is rounded once, where it is published:
`afrund` for a single figure (ROUND_HALF_UP), `fordel_stoerste_rest` where parts must add up
exactly to a rounded whole (Hamilton: round every part down, then one unit each to the parts
with the largest remainders, ties to the earlier part).
"""
from __future__ import annotations

from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from itertools import repeat
from operator import sub
from typing import Sequence

OERE = Decimal("0.01")
KRONE = Decimal("1")
ZERO = Decimal(0)
HUNDRED = Decimal(100)


def afrund(beloeb: Decimal, enhed: Decimal = OERE) -> Decimal:
    """Round a published figure half up to `enhed` (øre by default)."""
    return beloeb.quantize(enhed, ROUND_HALF_UP)  # (rounding by position: a keyword costs more than the rounding)


def pct(vaerdi: Decimal) -> Decimal:
    """A percentage in percent units as a fraction: 96.5 -> 0.965."""
    return vaerdi / HUNDRED


def fordel_dele(dele: Sequence[Decimal], enhed: Decimal = OERE, total: Decimal | None = None) -> list[Decimal]:
    """Round exact parts so that they add up to the rounded sum of the parts (Hamilton); `total` is
    that rounded sum when the caller has it already."""
    if total is None:
        total = afrund(sum(dele, ZERO), enhed)
    return _hamilton(list(dele), total, enhed)


def fordel_stoerste_rest(
    total: Decimal, vaegte: Sequence[Decimal], enhed: Decimal = OERE
) -> list[Decimal]:
    """Split `total` (rounded to `enhed` first) in proportion to `vaegte` by largest remainder.

    The weights must add up to a non-zero number; the caller reports a zero key as an error.
    """
    sum_vaegte = sum(vaegte, ZERO)
    if sum_vaegte == 0:
        raise ValueError("fordelingsnøglen summer til nul")
    afrundet = afrund(total, enhed)
    eksakte = [total * v / sum_vaegte for v in vaegte]
    return _hamilton(eksakte, afrundet, enhed)


def _hamilton(eksakte: list[Decimal], afrundet_total: Decimal, enhed: Decimal) -> list[Decimal]:
    gulve = list(map(Decimal.quantize, eksakte, repeat(enhed), repeat(ROUND_FLOOR)))
    enheder_tilbage = int((afrundet_total - sum(gulve, ZERO)) / enhed)
    if enheder_tilbage:
        # Largest remainder first; among equal remainders the earlier part first (a sort with
        # reverse=True keeps equal keys in their order).
        orden = sorted(range(len(eksakte)), key=list(map(sub, eksakte, gulve)).__getitem__, reverse=True)
        if enheder_tilbage > 0:
            for i in orden[:enheder_tilbage]:
                gulve[i] += enhed
        else:  # cannot happen for a rounded total of the same parts; kept for safety
            for i in orden[::-1][: -enheder_tilbage]:
                gulve[i] -= enhed
    return gulve
