"""Takster by takststruktur (SA 4.1, 4.2, 5.4.3-5.4.7; SPEC §4.10-4.13a).

gennemsnit: each ydelse gets its own lines plus a share of the untagged lines by pladsdøgn.
differentieret: basistakst = basis part / all pladsdøgn, the same for every borger; ydelsestakst
by direct support hours, ydelsestakst_i = borgerrettet × h_i / Σ_j (pladsdøgn_j × h_j). A ydelse's
pladsdøgn use its own belægning b_i where it has one. enhed: TG / units. trækningsret: TG shared
by a key in whole kroner. Lovhjemlet objektiv finansiering: a share of TG paid by the kommuner by
key (whole kroner), the takster from the rest, in every part and category alike.
Regulering and øvrige indtægter (X = TG - O) follow each part's share of O, so each takst's
category split has the eight categories plus `regulering_og_indtaegter` and adds up exactly.
"""
from __future__ import annotations

from decimal import Decimal
from itertools import repeat
from operator import add, mul
from typing import NamedTuple

from takstberegner.domain import fund
from takstberegner.domain.model import KATEGORIER, REGULERING_LINJE, Tilbud, Ydelse, bygger
from takstberegner.domain.omkostninger import Spande, tom_vektor
from takstberegner.domain.penge import afrund, fordel_dele, fordel_stoerste_rest
from takstberegner.domain.regelsaet import Regelsaet
from takstberegner.domain.resultat import Fund, Takst

_ZERO = Decimal(0)
_SYV = Decimal(7)
LINJER = KATEGORIER + (REGULERING_LINJE,)


class Grundlag(NamedTuple):
    """The exact figures of one tilbud that the takststruktur divides (a named tuple: built in C,
    where a frozen dataclass's __init__ sets its fields one by one)."""

    spande: Spande
    omkostningsgrundlag: Decimal  # O
    x: Decimal  # TG - O: regulering minus øvrige indtægter
    belaegning_pct: Decimal | None  # the tilbud's b
    ydelse_pct: tuple[Decimal | None, ...]  # b_i for each ydelse: its own, else the tilbud's
    egen_belaegning: bool  # some ydelse has its own b_i
    pl_pct: Decimal  # P/L-fremskrivning of last year's takst (SPEC §5 TAKST-AENDRET)
    pl_faktor: Decimal  # 1 + pl_pct / 100, as fremskriv computes it (once per tilbud, not per takst)

    def skaleret(self, faktor: Decimal) -> "Grundlag":
        """The same grundlag with every part and category × faktor (objektiv finansiering)."""
        return Grundlag({k: [x * faktor for x in v] for k, v in self.spande.items()},
                        self.omkostningsgrundlag * faktor, self.x * faktor, self.belaegning_pct, self.ydelse_pct,
                        self.egen_belaegning, self.pl_pct, self.pl_faktor)


class StrukturResultat(NamedTuple):
    """The takster of a takststruktur and the shares behind them."""

    takster: tuple[Takst, ...]
    basis_andel: Decimal  # exact
    borgerrettet_andel: Decimal  # exact
    pris_pr_stoettetime: Decimal | None  # published
    fordeling: dict[str, Decimal] | None
    fund: tuple[Fund, ...]
    objektiv_fordeling: dict[str, Decimal] | None = None  # whole kroner by kommune
    objektiv_andel: Decimal | None = None  # the rounded share, = sum of objektiv_fordeling
    basistakst: Decimal | None = None  # published, gennemsnit and differentieret (SPEC §4.13a)


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


def _spande_pr_ydelse(g: Grundlag, summer: dict[tuple[str | None, str], Decimal]) -> tuple[
        dict[str | None, list[Decimal]], dict[str | None, Decimal]]:
    """_spand(g, y) of every ydelse y that has buckets (and None), added up in one pass, and its
    total. A ydelse with one bucket gets that bucket itself (the same values: 0 + x = x) and its
    total from `summer`, so read the vector, never add to it."""
    vektorer: dict[str | None, list[Decimal]] = {}
    totaler: dict[str | None, Decimal] = {}
    for k, vek in g.spande.items():
        y = k[0]
        v = vektorer.get(y)
        if v is None:
            vektorer[y], totaler[y] = vek, summer[k]
        else:
            vektorer[y] = v = list(map(add, v, vek))
            totaler[y] = sum(v, _ZERO)
    return vektorer, totaler


def _pladstimer(pladser: list[Decimal], h: list[Decimal]) -> Decimal:
    return sum(map(mul, pladser, h), _ZERO)


def _takst(t: Tilbud, y: Ydelse | None, enhed: str, dele: list[Decimal], rs: Regelsaet, g: Grundlag,
           basistakst: Decimal | None = None, ydelse_id: str | None = None, b: Decimal | None = None,
           pd: Decimal | None = None) -> Takst:
    """Publish one takst from its exact parts (eight categories + regulering line); `basistakst` is
    the published basis part of a differentieret takst."""
    eksakt = _sum(dele)
    takst = afrund(eksakt, rs.afrunding_takst)
    pr_kategori = dict(zip(LINJER, fordel_dele(dele, rs.afrunding_takst, takst)))
    ydelsestakst = None if basistakst is None else takst - basistakst
    forrige = y.forrige_takst if y is not None else None
    aendring = aendring_real = fremskrevet = None
    if forrige:
        aendring = afrund((takst - forrige) / forrige * 100)
        f = forrige * g.pl_faktor  # fremskriv(forrige, g.pl_pct)
        if f:
            fremskrevet = afrund(f)
            aendring_real = afrund((takst - f) / f * 100)
    return _ny_takst({
        "ydelse": ydelse_id or (y.id if y is not None else t.id),
        "ydelse_navn": (y.navn if y is not None else t.navn),
        "enhed": enhed,
        "takst": takst,
        "takst_kr": afrund(eksakt, rs.afrunding_takst_kr),
        "pr_kategori": pr_kategori,
        "basistakst": basistakst,
        "ydelsestakst": ydelsestakst,
        "stoettetimer_uge": y.stoettetimer_uge if y is not None else None,
        "forrige_takst": forrige,
        "aendring_pct": aendring,
        "pladser": y.pladser if y is not None else t.pladser,
        "sundhedsydelser": y.sundhedsydelser if y is not None else "",
        "belaegning_pct": None if b is None else afrund(b),
        "pladsdoegn": None if pd is None else afrund(pd),
        "forrige_fremskrevet": fremskrevet,
        "aendring_real_pct": aendring_real,
        "pr_kategori_eksakt": tuple(dele),
    })


# A Takst from a dict of its 18 fields without the frozen dataclass's __init__, which sets them one
# by one (model.bygger; a large file publishes 300 takster).
_ny_takst = bygger(Takst)


def fremskriv(forrige: Decimal, pl_pct: Decimal) -> Decimal:
    """Last year's takst fremskrevet with the year's P/L (SPEC §5), exact."""
    return forrige * (1 + pl_pct / 100)


def real_aendring(takst: Decimal, forrige: Decimal, pl_pct: Decimal) -> Decimal | None:
    """The change in percent of `takst` against last year's takst fremskrevet, exact."""
    f = fremskriv(forrige, pl_pct)
    return (takst - f) / f * 100 if f else None


def _spandsummer(g: Grundlag) -> dict[tuple[str | None, str], Decimal]:
    """Each bucket's total over the categories."""
    return {k: sum(vek, _ZERO) for k, vek in g.spande.items()}


def _andele(g: Grundlag, summer: dict[tuple[str | None, str], Decimal]) -> tuple[Decimal, Decimal]:
    basis = borger = _ZERO
    for (_, d), s in summer.items():
        if d == "borgerrettet":
            borger += s
        else:
            basis += s
    return basis + _x_andel(g, basis), borger + _x_andel(g, borger)


def _pris_pr_stoettetime(t: Tilbud, g: Grundlag, borgerrettet: Decimal, rs: Regelsaet,
                         timer: Decimal | None = None) -> Decimal | None:
    """SPEC §4.13: borgerrettet part / (Σ_i pladser_i × h_i × 365/7 × b_i/100); `timer` is
    Σ_i pladser_i × h_i when the caller has it (a ydelse without h adds 0, the same value)."""
    if not g.egen_belaegning:
        if g.belaegning_pct is None:
            return None
        if timer is None:
            timer = sum((Decimal(y.pladser) * y.stoettetimer_uge for y in t.ydelser if y.stoettetimer_uge), _ZERO)
        if timer == 0:
            return None
        return afrund(borgerrettet / (timer * rs.dage_pr_aar / _SYV * g.belaegning_pct / 100), rs.afrunding_takst)
    naevner = _ZERO
    for y, b in zip(t.ydelser, g.ydelse_pct):
        if y.stoettetimer_uge:
            if b is None:
                return None
            naevner += Decimal(y.pladser) * y.stoettetimer_uge * rs.dage_pr_aar / _SYV * b / 100
    return afrund(borgerrettet / naevner, rs.afrunding_takst) if naevner else None


def _objektiv(t: Tilbud, g: Grundlag, rs: Regelsaet, sti: str, fund_: list[Fund]) -> tuple[
        Grundlag, dict[str, Decimal] | None, Decimal | None]:
    """SPEC §4.12a: the kommuners' parts of andel × TG in whole kroner by largest remainder, and the
    grundlag of the takster: the rest, TG × (1 − andel), in every part and category alike."""
    of = t.objektiv_finansiering
    if of is None:
        return g, None, None
    andel = (g.omkostningsgrundlag + g.x) * of.andel_pct / 100
    noegle = [v for _, v in of.fordeling]
    fordeling = None
    if sum(noegle, _ZERO) == 0:
        fund_.append(fund.input_fejl(rs, f"{sti}.objektiv_finansiering.fordeling",
                                     "Fordelingsnøglen for den objektive finansiering summer til 0, så andelen kan "
                                     "ikke fordeles på kommunerne. Angiv nøgletallene (fx indbyggertal)."))
    else:
        dele = fordel_stoerste_rest(andel, noegle, rs.afrunding_objektiv)
        fordeling = {k: d for (k, _), d in zip(of.fordeling, dele)}
    rest = g.skaleret(1 - of.andel_pct / 100)
    return rest, fordeling, afrund(andel, rs.afrunding_objektiv)


def takster(t: Tilbud, g: Grundlag, rs: Regelsaet, sti: str) -> StrukturResultat:
    fund_: list[Fund] = []
    summer = _spandsummer(g)
    basis, borger = _andele(g, summer)
    g, objektiv, objektiv_andel = _objektiv(t, g, rs, sti, fund_)
    borger_takst = borger
    if t.objektiv_finansiering is not None:  # the takster come from the rest
        summer = _spandsummer(g)
        borger_takst = _andele(g, summer)[1]

    def resultat(takster_: tuple[Takst, ...], pris: Decimal | None = None, fordeling: dict | None = None,
                 basistakst: Decimal | None = None) -> StrukturResultat:
        return StrukturResultat(takster_, basis, borger, pris, fordeling, tuple(fund_), objektiv, objektiv_andel,
                                basistakst)

    if t.takststruktur in ("gennemsnit", "differentieret"):
        for j, y in enumerate(t.ydelser):
            if y.stoettetimer_uge is None:
                fund_.append(fund.lav(rs, "STOETTETIMER-MANGLER", f"{sti}.ydelser[{j}].stoettetimer_uge",
                                      ydelse=y.navn or y.id))
    if t.takststruktur == "traekningsret":
        noegle = [v for _, v in t.fordeling]
        dele = fordel_stoerste_rest(g.omkostningsgrundlag + g.x, noegle, rs.afrunding_traekningsret)
        return resultat((), fordeling={k: d for (k, _), d in zip(t.fordeling, dele)})
    if t.takststruktur == "enhed":
        antal = t.enheder.antal
        vek = _spand(g, None)
        for y in t.ydelser:
            _add(vek, _spand(g, y.id))
        dele = [x / antal for x in vek] + [g.x / antal]
        y = t.ydelser[0] if len(t.ydelser) == 1 else None
        takst = _takst(t, y, t.enheder.enhed, dele, rs, g)
        return resultat((takst,), _pris_pr_stoettetime(t, g, borger_takst, rs))
    ydelser = t.ydelser or (Ydelse(id=t.id, navn=t.navn, pladser=t.pladser),)
    b_i = g.ydelse_pct if t.ydelser else (g.belaegning_pct,)
    # Missing pladser are said whether or not the belægning is there yet: a new tilbud (0 pladser)
    # whose belægning is typed first would else meet a new INPUT finding at the pladser with that
    # edit, and the app refuses an edit that brings one (domain/nye_fund).
    # Each at the field to fill in: the tilbud's pladser, or, when it has ydelser, theirs.
    if not any(y.pladser for y in ydelser):
        if t.ydelser:
            fund_.extend(_ydelse_uden_pladser(rs, sti, j, y) for j, y in enumerate(t.ydelser))
        else:
            fund_.append(_ingen_pladser(rs, sti))
        return resultat(())
    pr_ydelse, ydelse_total = _spande_pr_ydelse(g, summer)
    uden_pladser = _ydelser_uden_pladser(t, ydelser, pr_ydelse, ydelse_total, rs, sti)
    if any(b is None for b in b_i):  # the finding BEL-UGYLDIG is already made
        fund_.extend(uden_pladser)
        return resultat(())
    dage, pladser = Decimal(rs.dage_pr_aar), [Decimal(y.pladser) for y in ydelser]  # (converted once)
    if g.egen_belaegning:
        pd = [pl * (dage * b / 100) for pl, b in zip(pladser, b_i)]
        aarsfaktor = None
    else:  # one b for all: v1's order of operations, so v1 documents publish the same figures
        aarsfaktor = dage * g.belaegning_pct / 100
        pd = [pl * aarsfaktor for pl in pladser]
    pd_sum = sum(pd, _ZERO)
    if pd_sum == 0:  # (every b > 0 here, and some pladser: cannot happen; kept for safety)
        fund_.append(_ingen_pladser(rs, sti))
        return resultat(())
    enhed = "doegn" if t.tilbudstype == "doegn" else "dag"
    ud: list[Takst] = []
    timer = None  # Σ pladser_i × h_i, for the pris pr. støttetime
    nul = tom_vektor()
    # the untagged parts (one bucket each: _spand(g, None, del) has the same values)
    b_vek, r_vek = g.spande.get((None, "basis"), nul), g.spande.get((None, "borgerrettet"), nul)
    b_tot, r_tot = summer.get((None, "basis"), _ZERO), summer.get((None, "borgerrettet"), _ZERO)
    x_b, x_r = _x_andel(g, b_tot), _x_andel(g, r_tot)
    if g.omkostningsgrundlag == 0:
        x_b = g.x
    basis_takst = (b_tot + x_b) / pd_sum  # the part of every takst that is the same for every borger
    # Vectors are combined with map at C speed; unlike _add, a zero part is multiplied and added
    # too, which leaves the same value (x + 0 × f = x), and only rounded values are published.
    if t.takststruktur == "gennemsnit":
        fael = pr_ydelse.get(None, nul)
        fund_.extend(uden_pladser)
        for j, (y, p, b) in enumerate(zip(ydelser, pd, b_i)):
            if p == 0:  # (said in uden_pladser)
                continue
            vek = list(map(add, pr_ydelse.get(y.id, nul), map(mul, fael, repeat(p / pd_sum))))
            o_i = _sum(vek)
            x_i = _x_andel(g, o_i) if g.omkostningsgrundlag else g.x * p / pd_sum
            ud.append(_takst(t, y if t.ydelser else None, enhed, [v / p for v in vek] + [x_i / p], rs, g,
                             ydelse_id=y.id, b=b, pd=p))
    else:  # differentieret
        if sum(y.pladser for y in t.ydelser) != t.pladser:
            fund_.append(fund.lav(rs, "PLADSER-SUM", f"{sti}.pladser", sum=sum(y.pladser for y in t.ydelser),
                                  pladser=t.pladser))
        h = [y.stoettetimer_uge or _ZERO for y in ydelser]
        s = timer = _pladstimer(pladser, h)
        if s == 0:
            h = [Decimal(1)] * len(ydelser)  # no support hours: the borgerrettet part by pladsdøgn
            s = _pladstimer(pladser, h)
        # ydelsestakst_i = borgerrettet × h_i / Σ_j (pladsdøgn_j × h_j)
        if aarsfaktor is not None:
            vaegte = [hi / s / aarsfaktor for hi in h]
        else:
            s = sum((p * hi for p, hi in zip(pd, h)), _ZERO)
            vaegte = [hi / s for hi in h]
        # the basis part of every ydelse's takst, the same for all (computed once)
        b_pr_pd, x_b_pr_pd = [bv / pd_sum for bv in b_vek], x_b / pd_sum
        borgerrettet = any(r_vek)
        basistakst = afrund(basis_takst, rs.afrunding_takst)
        fund_.extend(uden_pladser)
        for j, (y, p, w, b) in enumerate(zip(ydelser, pd, vaegte, b_i)):
            # (without untagged borgerrettet costs every ydelse starts from the basis part alone)
            vek = list(map(add, b_pr_pd, map(mul, r_vek, repeat(w)))) if borgerrettet else list(b_pr_pd)
            reg = x_b_pr_pd + x_r * w
            egne = pr_ydelse.get(y.id, nul)
            egne_sum = ydelse_total.get(y.id, _ZERO)
            if (egne_sum or any(egne)) and p != 0:  # (0 pladser: said in uden_pladser)
                vek = list(map(add, vek, map(mul, egne, repeat(1 / p))))
                reg += _x_andel(g, egne_sum) / p
            ud.append(_takst(t, y if t.ydelser else None, enhed, vek + [reg], rs, g, basistakst=basistakst,
                             ydelse_id=y.id, b=b, pd=p))
    return resultat(tuple(ud), _pris_pr_stoettetime(t, g, borger_takst, rs, timer),
                    basistakst=afrund(basis_takst, rs.afrunding_takst))


def _ingen_pladser(rs: Regelsaet, sti: str) -> Fund:
    return fund.input_fejl(rs, f"{sti}.pladser", "Tilbuddet har ingen pladser, så der kan ikke beregnes en takst. "
                                                 "Angiv de normerede pladser under Stamdata og pladser.")


def _ydelse_uden_pladser(rs: Regelsaet, sti: str, j: int, y: Ydelse, egne_linjer: bool = False) -> Fund:
    if egne_linjer:
        tekst = f"Ydelsen '{y.navn or y.id}' har egne budgetlinjer men 0 pladser; linjerne kan ikke fordeles."
    else:
        tekst = f"Ydelsen '{y.navn or y.id}' har 0 pladser, så der kan ikke beregnes en takst for den."
    return fund.input_fejl(rs, f"{sti}.ydelser[{j}].pladser", tekst)


def _ydelser_uden_pladser(t: Tilbud, ydelser: tuple[Ydelse, ...], pr_ydelse: dict, ydelse_total: dict,
                          rs: Regelsaet, sti: str) -> list[Fund]:
    """The ydelser with 0 pladser (some ydelse has pladser), whether or not the belægning is there
    to compute takster with: gennemsnit, every such ydelse (it gets no takst); differentieret, one
    with budget lines of its own (they cannot be spread)."""
    if not t.ydelser:
        return []
    if t.takststruktur == "gennemsnit":
        return [_ydelse_uden_pladser(rs, sti, j, y) for j, y in enumerate(ydelser) if not y.pladser]
    return [_ydelse_uden_pladser(rs, sti, j, y, egne_linjer=True) for j, y in enumerate(ydelser)
            if not y.pladser and (ydelse_total.get(y.id, _ZERO) or any(pr_ydelse.get(y.id, ())))]
