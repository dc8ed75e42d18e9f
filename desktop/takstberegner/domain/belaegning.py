"""Belægningsprocent and pladsdøgn (SA 5.2, 6.1.2; SPEC §4.10-4.11) and their findings."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from takstberegner.domain import fund
from takstberegner.domain.model import Tilbud
from takstberegner.domain.regelsaet import Regelsaet
from takstberegner.domain.resultat import Fund

_TO = Decimal(2)


@dataclass(frozen=True)
class BelaegningsResultat:
    pct: Decimal | None  # None when it cannot be used (missing or invalid)
    fund: tuple[Fund, ...]


def belaegning(t: Tilbud, takstaar: int, rs: Regelsaet, sti: str) -> BelaegningsResultat:
    felt = f"{sti}.belaegning"
    b = t.belaegning
    kraeves = t.takststruktur in ("gennemsnit", "differentieret")
    if b is None:
        if kraeves:
            return BelaegningsResultat(None, (fund.lav(rs, "BEL-UGYLDIG", felt, aarsag="belægningen er ikke angivet"),))
        return BelaegningsResultat(None, ())
    ud: list[Fund] = []
    if b.metode == "beregnet":
        aar = sorted((y for y, _ in b.faktisk_pct if y < takstaar), reverse=True)[:2]
        if len(aar) < 2:
            return BelaegningsResultat(None, (fund.lav(
                rs, "BEL-UGYLDIG", felt,
                aarsag="metoden 'beregnet' kræver den faktiske belægning for to forskellige år før takståret"),))
        vaerdi = dict(b.faktisk_pct)
        pct = (vaerdi[aar[0]] + vaerdi[aar[1]]) / _TO
    else:
        pct = b.pct
        if not b.begrundelse.strip():
            metode = "forventet belægning" if b.metode == "forventet" else "nyt tilbud"
            ud.append(fund.lav(rs, "BEL-BEGRUNDELSE", felt, metode=metode, b=pct))
    if pct is None or pct <= 0 or pct > rs.bel_max_pct:
        ud.append(fund.lav(rs, "BEL-UGYLDIG", felt,
                           aarsag=f"{fund.vis(pct)} % ligger ikke mellem 0 og {fund.vis(rs.bel_max_pct)} %"))
        return BelaegningsResultat(None, tuple(ud))
    if t.tilbudstype in ("dag", "doegn"):
        undtaget = t.nyt_tilbud or t.saerlige_vilkaar is not None
        if not undtaget and not t.korte_forloeb and pct < rs.bel_min_pct:
            ud.append(fund.lav(rs, "BEL-UNDER-95", felt, b=pct, min=rs.bel_min_pct))
        if not undtaget and t.korte_forloeb and pct < rs.bel_min_korte_forloeb_pct:
            ud.append(fund.lav(rs, "BEL-UNDER-90", felt, b=pct, min=rs.bel_min_korte_forloeb_pct))
    if rs.bel_anbefalet_max_pct < pct <= rs.bel_max_pct:
        ud.append(fund.lav(rs, "BEL-OVER-98", felt, b=pct))
    return BelaegningsResultat(pct, tuple(ud))


def pladsdoegn(pladser: int, pct: Decimal | None, rs: Regelsaet) -> Decimal:
    """pladser × 365 × b / 100; with no usable belægning, the full year (for overhead keys)."""
    if pct is None:
        return Decimal(pladser * rs.dage_pr_aar)
    return Decimal(pladser * rs.dage_pr_aar) * pct / 100
