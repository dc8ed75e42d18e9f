"""Sammenligning of takster across driftsherrer (SA 1.2: comparable ydelser must be comparable).

Each tilbud's takst and pris pr. direkte støttetime is set beside those of the OTHER driftsherrer's
tilbud with the same paragraf and tilbudstype, priced in the same unit: how many there are, the
lowest, the median and the highest, and where this one lies against the median. Pure data and
functions: the app feeds it the open file's takster and last year's takstbilag, the takstbilag
feeds it this year's verified submissions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from statistics import median

from takstberegner.domain.model import Takstgrundlag
from takstberegner.domain.resultat import Beregning

_OERE = Decimal("0.01")


@dataclass(frozen=True)
class Sammenligningstakst:
    """One tilbud's ydelse as it is compared: who, what, and its two prices."""

    driftsherre: str
    cvr: str
    tilbud: str  # the tilbud's name
    paragraf: str
    tilbudstype: str  # code: doegn, dag, ambulant
    ydelse: str  # the ydelse's name
    enhed: str  # code: doegn, dag, time, ...
    takst: Decimal | None
    pris_pr_stoettetime: Decimal | None
    tilbud_id: str = ""
    takstaar: int | None = None


@dataclass(frozen=True)
class Niveau:
    """The others' figures: how many, lowest, median, highest (None when there are none)."""

    antal: int
    laveste: Decimal | None = None
    median: Decimal | None = None
    hoejeste: Decimal | None = None


@dataclass(frozen=True)
class Sammenligning:
    egen: Sammenligningstakst
    andre: tuple[Sammenligningstakst, ...]  # other driftsherrer, same paragraf, tilbudstype, enhed
    takst: Niveau
    pris: Niveau
    takst_ift_median_pct: Decimal | None  # (own / median − 1) × 100, 2 decimals
    pris_ift_median_pct: Decimal | None

    @property
    def gruppe(self) -> tuple[str, str]:
        return gruppe_noegle(self.egen.paragraf, self.egen.tilbudstype)


def normaliser_paragraf(paragraf: str) -> str:
    """'SEL §108', 'sel  § 108' and 'SEL § 108' are the same paragraf."""
    s = re.sub(r"\s+", " ", (paragraf or "").strip()).casefold()
    s = re.sub(r"§\s*", "§ ", s)
    return re.sub(r"\s*,\s*", ", ", s)


def gruppe_noegle(paragraf: str, tilbudstype: str) -> tuple[str, str]:
    return normaliser_paragraf(paragraf), (tilbudstype or "").strip().casefold()


def _hvem(s: Sammenligningstakst) -> str:
    return s.cvr.strip() or s.driftsherre.strip().casefold()


def _niveau(vaerdier: list[Decimal]) -> Niveau:
    if not vaerdier:
        return Niveau(0)
    m = Decimal(median(vaerdier)).quantize(_OERE, ROUND_HALF_UP)
    return Niveau(len(vaerdier), min(vaerdier), m, max(vaerdier))


def _ift(egen: Decimal | None, m: Decimal | None) -> Decimal | None:
    if egen is None or m is None or m == 0:
        return None
    return ((egen / m - 1) * 100).quantize(_OERE, ROUND_HALF_UP)


def _pris(s: Sammenligningstakst) -> Decimal | None:
    """The pris pr. støttetime to compare: 0 kr. (a tilbud with støttetimer but no borgerrettet
    part) is no price for a støttetime, so it is not compared; before, such tilbud pulled the
    others' median to 0 and showed their own pris as −100 % against it."""
    p = s.pris_pr_stoettetime
    return p if p is not None and p > 0 else None


def sammenlign(egne: list[Sammenligningstakst], alle: list[Sammenligningstakst]) -> list[Sammenligning]:
    """For each of `egne`: the other driftsherrer's rows in `alle` with the same paragraf,
    tilbudstype and enhed. Rows without any price are left out. Order: paragraf, tilbudstype, enhed,
    driftsherre, tilbud, ydelse."""
    grupper: dict[tuple, list[Sammenligningstakst]] = {}
    for s in alle:
        if s.takst is None and _pris(s) is None:
            continue
        grupper.setdefault((*gruppe_noegle(s.paragraf, s.tilbudstype), s.enhed), []).append(s)
    # the others and their figures are the same for every row of one driftsherre in one group:
    # computed once per (group, driftsherre), so a region's 3.600 takster take no quadratic time
    beregnet: dict[tuple, tuple] = {}
    ud = []
    for e in egne:
        if e.takst is None and _pris(e) is None:
            continue
        noegle = ((*gruppe_noegle(e.paragraf, e.tilbudstype), e.enhed), _hvem(e))
        if noegle not in beregnet:
            andre = tuple(s for s in grupper.get(noegle[0], ()) if _hvem(s) != noegle[1])
            beregnet[noegle] = (andre, _niveau([s.takst for s in andre if s.takst is not None]),
                                _niveau([p for p in map(_pris, andre) if p is not None]))
        andre, tn, pn = beregnet[noegle]
        ud.append(Sammenligning(e, andre, tn, pn, _ift(e.takst, tn.median), _ift(_pris(e), pn.median)))
    ud.sort(key=lambda s: (*s.gruppe, s.egen.enhed, s.egen.driftsherre.casefold(), s.egen.tilbud.casefold(),
                           s.egen.ydelse.casefold()))
    return ud


def fra_beregning(grundlag: Takstgrundlag, beregning: Beregning) -> list[Sammenligningstakst]:
    """The rows of one driftsherre's own calculation: every takst of its kategori 2 and 3 tilbud."""
    inp = {t.id: t for t in grundlag.tilbud}
    ud = []
    for tr in beregning.tilbud:
        t = inp.get(tr.id)
        if t is None or t.kategori == 1:
            continue
        for tk in tr.takster:
            ud.append(Sammenligningstakst(
                driftsherre=grundlag.driftsherre.navn, cvr=grundlag.driftsherre.cvr, tilbud=t.navn,
                paragraf=t.paragraf, tilbudstype=t.tilbudstype, ydelse=tk.ydelse_navn, enhed=tk.enhed,
                takst=tk.takst, pris_pr_stoettetime=tr.pris_pr_stoettetime, tilbud_id=t.id,
                takstaar=grundlag.takstaar,
            ))
    return ud
