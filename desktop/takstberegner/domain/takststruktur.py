"""Takster by takststruktur (SA 4.1, 4.2.2, 5.4.3-5.4.7; SPEC §4.12-4.13).

gennemsnit: each ydelse gets its own lines plus a share of the untagged lines by pladsdøgn.
differentieret: basistakst = basis part / all pladsdøgn, the same for every borger; ydelsestakst
by direct support hours. enhed: TG / units. trækningsret: TG shared by a key in whole kroner.
Regulering and øvrige indtægter (X = TG - O) follow each part's share of O, so each takst's
category split has the eight categories plus `regulering_og_indtaegter` and adds up exactly.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from takstberegner.domain import fund
from takstberegner.domain.model import KATEGORIER, REGULERING_LINJE, Tilbud, Ydelse
from takstberegner.domain.omkostninger import Spande, tom_vektor
from takstberegner.domain.penge import afrund, fordel_dele, fordel_stoerste_rest
from takstberegner.domain.regelsaet import Regelsaet
from takstberegner.domain.resultat import Fund, Takst

_ZERO = Decimal(0)
_SYV = Decimal(7)
LINJER = KATEGORIER + (REGULERING_LINJE,)


@dataclass(frozen=True)
class Grundlag:
    """The exact figures of one tilbud that the takststruktur divides."""

    spande: Spande
    omkostningsgrundlag: Decimal  # O
    x: Decimal  # TG - O: regulering minus øvrige indtægter
    belaegning_pct: Decimal | None


@dataclass(frozen=True)
class StrukturResultat:
    takster: tuple[Takst, ...]
    basis_andel: Decimal  # exact
    borgerrettet_andel: Decimal  # exact
    pris_pr_stoettetime: Decimal | None  # published
    fordeling: dict[str, Decimal] | None
    fund: tuple[Fund, ...]


def _sum(v: list[Decimal]) -> Decimal:
    return sum(v, _ZERO)


def _add(a: list[Decimal], b: list[Decimal], faktor: Decimal = Decimal(1)) -> None:
    for i, x in enumerate(b):
        if x:
            a[i] += x * faktor


def _x_andel(g: Grundlag, beloeb: Decimal) -> Decimal:
    """The share of regulering and indtægter that follows `beloeb` of O."""
    if g.omkostningsgrundlag == 0:
        return _ZERO
    return beloeb * g.x / g.omkostningsgrundlag


def _spand(g: Grundlag, ydelse: str | None, del_: str | None = None) -> list[Decimal]:
    v = tom_vektor()
    for (y, d), vek in g.spande.items():
        if y == ydelse and (del_ is None or d == del_):
            _add(v, vek)
    return v


def _takst(t: Tilbud, y: Ydelse | None, enhed: str, dele: list[Decimal], rs: Regelsaet,
           basis: Decimal | None = None, ydelse_id: str | None = None) -> Takst:
    """Publish one takst from its exact parts (eight categories + regulering line)."""
    eksakt = _sum(dele)
    takst = afrund(eksakt, rs.afrunding_takst)
    pr_kategori = dict(zip(LINJER, fordel_dele(dele, rs.afrunding_takst)))
    basistakst = ydelsestakst = None
    if basis is not None:
        basistakst = afrund(basis, rs.afrunding_takst)
        ydelsestakst = takst - basistakst
    forrige = y.forrige_takst if y is not None else None
    aendring = None
    if forrige:
        aendring = afrund((takst - forrige) / forrige * 100)
    return Takst(
        ydelse=ydelse_id or (y.id if y is not None else t.id),
        ydelse_navn=(y.navn if y is not None else t.navn),
        enhed=enhed,
        takst=takst,
        takst_kr=afrund(eksakt, rs.afrunding_takst_kr),
        pr_kategori=pr_kategori,
        basistakst=basistakst,
        ydelsestakst=ydelsestakst,
        stoettetimer_uge=y.stoettetimer_uge if y is not None else None,
        forrige_takst=forrige,
        aendring_pct=aendring,
        pladser=y.pladser if y is not None else t.pladser,
        sundhedsydelser=y.sundhedsydelser if y is not None else "",
    )


def _andele(g: Grundlag) -> tuple[Decimal, Decimal]:
    basis = borger = _ZERO
    for (_, d), vek in g.spande.items():
        if d == "borgerrettet":
            borger += _sum(vek)
        else:
            basis += _sum(vek)
    return basis + _x_andel(g, basis), borger + _x_andel(g, borger)


def _pris_pr_stoettetime(t: Tilbud, g: Grundlag, borgerrettet: Decimal, rs: Regelsaet) -> Decimal | None:
    if g.belaegning_pct is None:
        return None
    timer = sum((Decimal(y.pladser) * y.stoettetimer_uge for y in t.ydelser if y.stoettetimer_uge), _ZERO)
    if timer == 0:
        return None
    return afrund(borgerrettet / (timer * rs.dage_pr_aar / _SYV * g.belaegning_pct / 100))


def takster(t: Tilbud, g: Grundlag, rs: Regelsaet, sti: str) -> StrukturResultat:
    fund_: list[Fund] = []
    basis, borger = _andele(g)
    if t.takststruktur in ("gennemsnit", "differentieret"):
        for j, y in enumerate(t.ydelser):
            if y.stoettetimer_uge is None:
                fund_.append(fund.lav(rs, "STOETTETIMER-MANGLER", f"{sti}.ydelser[{j}].stoettetimer_uge",
                                      ydelse=y.navn or y.id))
    if t.takststruktur == "traekningsret":
        noegle = [v for _, v in t.fordeling]
        dele = fordel_stoerste_rest(g.omkostningsgrundlag + g.x, noegle, rs.afrunding_traekningsret)
        fordeling = {k: d for (k, _), d in zip(t.fordeling, dele)}
        return StrukturResultat((), basis, borger, None, fordeling, tuple(fund_))
    if t.takststruktur == "enhed":
        antal = t.enheder.antal
        vek = _spand(g, None)
        for y in t.ydelser:
            _add(vek, _spand(g, y.id))
        dele = [x / antal for x in vek] + [g.x / antal]
        y = t.ydelser[0] if len(t.ydelser) == 1 else None
        takst = _takst(t, y, t.enheder.enhed, dele, rs)
        return StrukturResultat((takst,), basis, borger, _pris_pr_stoettetime(t, g, borger, rs), None, tuple(fund_))
    if g.belaegning_pct is None:  # the finding BEL-UGYLDIG is already made
        return StrukturResultat((), basis, borger, None, None, tuple(fund_))
    aarsfaktor = Decimal(rs.dage_pr_aar) * g.belaegning_pct / 100
    ydelser = t.ydelser or (Ydelse(id=t.id, navn=t.navn, pladser=t.pladser),)
    pd = [Decimal(y.pladser) * aarsfaktor for y in ydelser]
    pd_sum = sum(pd, _ZERO)
    if pd_sum == 0:
        fund_.append(fund.input_fejl(rs, f"{sti}.pladser", "Tilbuddets ydelser har ingen pladser, så der kan ikke beregnes en takst pr. døgn. Angiv pladserne."))
        return StrukturResultat((), basis, borger, None, None, tuple(fund_))
    enhed = "doegn" if t.tilbudstype == "doegn" else "dag"
    ud: list[Takst] = []
    if t.takststruktur == "gennemsnit":
        fael = _spand(g, None)
        for j, (y, p) in enumerate(zip(ydelser, pd)):
            if p == 0:
                fund_.append(fund.input_fejl(rs, f"{sti}.ydelser[{j}].pladser", f"Ydelsen '{y.navn or y.id}' har 0 pladser, så der kan ikke beregnes en takst for den."))
                continue
            vek = _spand(g, y.id)
            _add(vek, fael, p / pd_sum)
            o_i = _sum(vek)
            x_i = _x_andel(g, o_i) if g.omkostningsgrundlag else g.x * p / pd_sum
            ud.append(_takst(t, y if t.ydelser else None, enhed, [v / p for v in vek] + [x_i / p], rs,
                             ydelse_id=y.id))
    else:  # differentieret
        if sum(y.pladser for y in t.ydelser) != t.pladser:
            fund_.append(fund.lav(rs, "PLADSER-SUM", f"{sti}.pladser", sum=sum(y.pladser for y in t.ydelser),
                                  pladser=t.pladser))
        b_vek, r_vek = _spand(g, None, "basis"), _spand(g, None, "borgerrettet")
        b_tot, r_tot = _sum(b_vek), _sum(r_vek)
        x_b, x_r = _x_andel(g, b_tot), _x_andel(g, r_tot)
        if g.omkostningsgrundlag == 0:
            x_b = g.x
        h = [y.stoettetimer_uge or _ZERO for y in ydelser]
        s = sum((Decimal(y.pladser) * hi for y, hi in zip(ydelser, h)), _ZERO)
        if s == 0:
            h = [Decimal(1)] * len(ydelser)
            s = sum((Decimal(y.pladser) for y in ydelser), _ZERO)
        basis_takst = (b_tot + x_b) / pd_sum
        for j, (y, p, hi) in enumerate(zip(ydelser, pd, h)):
            w = hi / s / aarsfaktor
            vek = [bv / pd_sum + rv * w for bv, rv in zip(b_vek, r_vek)]
            reg = x_b / pd_sum + x_r * w
            egne = _spand(g, y.id)
            if _sum(egne) or any(egne):
                if p == 0:
                    fund_.append(fund.input_fejl(rs, f"{sti}.ydelser[{j}].pladser", f"Ydelsen '{y.navn or y.id}' har egne budgetlinjer men 0 pladser; linjerne kan ikke fordeles."))
                else:
                    _add(vek, egne, 1 / p)
                    reg += _x_andel(g, _sum(egne)) / p
            ud.append(_takst(t, y if t.ydelser else None, enhed, vek + [reg], rs, basis=basis_takst, ydelse_id=y.id))
    return StrukturResultat(tuple(ud), basis, borger, _pris_pr_stoettetime(t, g, borger, rs), None, tuple(fund_))
