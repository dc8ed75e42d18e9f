"""What the window shows of a file's findings, worked out from one beregning without Qt: the
findings panel's list (every finding with where it is, fejl first, and how many of each level) and
what blocks the indmelding. Made in the worker that opens a file (app/lager.aabn_og_beregn), so a
file with 90.000 findings does not hold the window while they are sorted and gone through."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from takstberegner.domain import navne
from takstberegner.tjeneste import klar

ORDEN = {"fejl": 0, "advarsel": 1, "info": 2}


@dataclass(frozen=True, eq=False)
class Fundliste:
    beregning: object  # the beregning it was made from (compared by identity)
    fund: list  # (where, Fund), fejl first, then advarsler, then info
    antal: Counter  # findings per level


def fundliste(beregning) -> Fundliste:
    fund = [("Driftsherre", f) for f in beregning.fund]
    for i, t in enumerate(beregning.tilbud):
        hvor = navne.tilbud_navn(t, i)  # a name that cannot be shown, by its number
        fund.extend((hvor, f) for f in t.fund)
    fund.sort(key=lambda x: ORDEN.get(x[1].niveau, 3))
    return Fundliste(beregning, fund, Counter(f.niveau for _, f in fund))


@dataclass(frozen=True, eq=False)
class Forarbejde:
    """For one state of the file (grundlag and beregning, compared by identity)."""
    grundlag: object
    beregning: object
    fundliste: Fundliste
    mangler: list  # klar.mangler
    steder: object = None  # what steder(grundlag, mangler) gave: the window's marks (app/sidefoelge.fejl_steder)


def forarbejde(grundlag, beregning, steder=None) -> Forarbejde:
    """steder: a function of (grundlag, mangler), for where the window marks them (90.000 fejl
    took the navigator 0,7 s to place)."""
    mangler = klar.mangler(grundlag, beregning)
    return Forarbejde(grundlag, beregning, fundliste(beregning), mangler,
                      steder(grundlag, mangler) if steder is not None else None)
