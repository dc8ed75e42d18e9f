"""The takst for one borger's negotiated støttetimer (SA 5.4.6, 5.4.7; SPEC §4.13a).

Only the borgerrettede resources are negotiated: for h støttetimer a week the takst is the
basistakst plus the pris pr. direkte støttetime × h / 7. It is computed from the published
basistakst and pris pr. støttetime, as any kommune can from the takstbilag; for a ydelse's own h
it is its published takst up to rounding.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from takstberegner.domain.penge import afrund
from takstberegner.domain.regelsaet import Regelsaet
from takstberegner.domain.resultat import TilbudResultat

_UGE = Decimal(7)  # a week is 7 days (SPEC §1)


@dataclass(frozen=True)
class ForhandletTakst:
    timer_uge: Decimal
    basistakst: Decimal  # published
    pris_pr_stoettetime: Decimal  # published
    borgerrettet: Decimal  # pris × h / 7, exact
    takst: Decimal  # published: basistakst + borgerrettet, rounded once


def kan_forhandles(r: TilbudResultat | None) -> bool:
    """A tilbud has a forhandlingsgrundlag when both published figures exist."""
    return r is not None and r.basistakst is not None and r.pris_pr_stoettetime is not None


def forhandlet_takst(r: TilbudResultat, timer_uge: Decimal, rs: Regelsaet) -> ForhandletTakst | None:
    """The takst for `timer_uge` negotiated støttetimer a week; None when the tilbud has no basistakst
    or pris pr. støttetime (enhedstakst, trækningsret, no støttetimer) or the hours are negative."""
    if not kan_forhandles(r) or timer_uge < 0:
        return None
    borgerrettet = r.pris_pr_stoettetime * timer_uge / _UGE
    return ForhandletTakst(timer_uge, r.basistakst, r.pris_pr_stoettetime, borgerrettet,
                           afrund(r.basistakst + borgerrettet, rs.afrunding_takst))
