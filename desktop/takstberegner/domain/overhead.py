"""Overhead from midlertidige omkostningssteder (SA 5.5.7, 9.1; SPEC §4.5).

Each overheadpulje, independently, allocates beløb × driftsandel over its recipients (the
tilbud in its scope, then its øvrige modtagere) in proportion to its fordelingsnøgle, in øre by
largest remainder. The myndigheds share never reaches a takst. A key that adds up to zero
cannot be allocated: an INPUT finding naming the pulje. Each pulje lands in its own
omkostningskategori (default from the regelsæt: administration; a shared kitchen is aktivitet,
a shared leadership personale), so a tilbud's overhead is a vector over the eight categories.
"""
from __future__ import annotations

from decimal import Decimal

from takstberegner.domain import fund, navne
from takstberegner.domain.model import KATEGORIER, Takstgrundlag
from takstberegner.domain.penge import afrund, fordel_stoerste_rest
from takstberegner.domain.regelsaet import Regelsaet
from takstberegner.domain.resultat import Fund, OverheadAndel, OverheadFordeling

_ZERO = Decimal(0)


def fordel_overhead(
    g: Takstgrundlag, noegler: dict[str, dict[str, Decimal]], rs: Regelsaet,
    udeladte_puljer: frozenset[int] = frozenset(),
) -> tuple[tuple[OverheadFordeling, ...], dict[str, tuple[Decimal, ...]], list[Fund]]:
    """noegler: tilbud id -> key name -> that tilbud's value, for the tilbud that can be computed
    (the others are no recipients). A pulje in `udeladte_puljer` has INPUT findings and allocates
    nothing. Returns the tables, the overhead per tilbud id by category (øre, in the order of
    KATEGORIER), and findings."""
    tabeller = []
    pr_tilbud: dict[str, list[Decimal]] = {t.id: [_ZERO] * len(KATEGORIER) for t in g.tilbud}
    fund_: list[Fund] = []
    for k, p in enumerate(g.overheadpuljer):
        if k in udeladte_puljer:
            continue
        omfang = None if p.omfang is None else set(p.omfang)  # a look-up, not a scan of the file's list
        modtagere = [t for t in g.tilbud if (omfang is None or t.id in omfang) and t.id in noegler]
        if p.noegle == "fast":
            andele = dict(p.andele)
            vaegte = [andele.get(t.id, _ZERO) for t in modtagere] + [andele.get(o.id, _ZERO) for o in p.oevrige_modtagere]
        else:
            vaegte = [noegler[t.id][p.noegle] for t in modtagere] + [o.noegletal for o in p.oevrige_modtagere]
        beloeb = p.beloeb * p.driftsandel_pct / 100
        if sum(vaegte, _ZERO) == 0:
            fund_.append(fund.input_fejl(rs, f"overheadpuljer[{k}]", rs.validering["pulje_noegle_nul"].format(
                pulje=p.navn or p.id, noegle=navne.vis(p.noegle, navne.NOEGLER))))
            dele = [_ZERO] * len(vaegte)
        else:
            dele = fordel_stoerste_rest(beloeb, vaegte, rs.afrunding_fordeling)
        # An unknown category (validation reports it) falls back to the default: the engine is total.
        kategori = p.kategori if p.kategori in KATEGORIER else rs.std_overhead_kategori
        i_kat = KATEGORIER.index(kategori)
        andele_ud = []
        for t, v, d in zip(modtagere, vaegte, dele):
            pr_tilbud[t.id][i_kat] += d
            andele_ud.append(OverheadAndel(t.id, t.navn, v, d, True))
        for o, v, d in zip(p.oevrige_modtagere, vaegte[len(modtagere):], dele[len(modtagere):]):
            andele_ud.append(OverheadAndel(o.id, o.navn, v, d, False))
        tabeller.append(OverheadFordeling(
            pulje_id=p.id, navn=p.navn, noegle=p.noegle, beloeb=afrund(p.beloeb), driftsandel_pct=p.driftsandel_pct,
            fordelt=sum(dele, _ZERO), andele=tuple(andele_ud), kategori=kategori,
        ))
    return tuple(tabeller), {k: tuple(v) for k, v in pr_tilbud.items()}, fund_
