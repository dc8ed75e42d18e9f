"""Steps 1-4 of SPEC §4 for one tilbud: direct costs by category, tjenestemandspension,
afskrivninger and forrentning of anlæg (SA 5.5.1-5.5.6).

Costs are kept in "spande" (buckets) keyed by (ydelse id or None, del), each a vector over the
eight categories, so that the takststruktur can later give each ydelse its lines and share.
The TAP rule: administrative TAP personnel entered under personale counts as administration.
Lines for tillægsydelser and individuelle valgfrie ydelser are left out and reported.
"""
from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass
from typing import Iterable
from decimal import Decimal
from itertools import compress
from operator import attrgetter

from takstberegner.domain import fund, navne
from takstberegner.domain.anlaeg import beregn_anlaeggene
from takstberegner.domain.linjekolonner import Anlaegkolonner, Linjekolonner, anlaegkolonner, linjekolonner
from takstberegner.domain.model import KATEGORIER, POST_TAP, POSTER_IKKE_TAKST, Satser, Tilbud
from takstberegner.domain.regelsaet import Regelsaet
from takstberegner.domain.resultat import Fund

KAT = {k: i for i, k in enumerate(KATEGORIER)}
I_PERSONALE = KAT["personale"]
I_ADMINISTRATION = KAT["administration"]
I_KAPITAL = KAT["kapital"]
I_FIN_UDG = KAT["finansieringsudgifter"]
_ZERO = Decimal(0)
BASIS = (None, "basis")  # the bucket of untagged basis costs

Spande = dict[tuple[str | None, str], list[Decimal]]


def tom_vektor() -> list[Decimal]:
    return [_ZERO] * len(KATEGORIER)


@dataclass(frozen=True)
class Direkte:
    """The direct costs, summed by ydelse, del and kategori (steps 1-4)."""

    spande: Spande  # steps 1-4 by (ydelse, del) and category
    direkte: Decimal  # D, step 1 total (the key "direkte_omkostninger")
    loensum: Decimal  # the tilbud's personale lines (the key "loensum")
    pension: Decimal
    afskrivning: Decimal
    forrentning: Decimal
    anlaeg: tuple  # (Anlaeg, AnlaegTal) pairs
    fund: tuple[Fund, ...]


_SAERLIGE_POSTER = frozenset((POST_TAP,) + POSTER_IKKE_TAKST)
_SPAND_NOEGLE = attrgetter("ydelse", "del_", "vagtlag")


def _summer(noegler: Iterable, beloeb: Iterable[Decimal], uden: object = None) -> dict:
    """The amounts summed by key at C speed: each key's amounts added in the lines' order, the keys
    in the order they first occur (as a loop adding line by line into a dict would); the amounts
    of the key `uden` are not added."""
    grupper: defaultdict[tuple, list[Decimal]] = defaultdict(list)
    deque(map(list.append, map(grupper.__getitem__, noegler), beloeb), maxlen=0)  # each key's amounts
    grupper.pop(uden, None)
    return {noegle: sum(dens, _ZERO) for noegle, dens in grupper.items()}


_UDELADT = object()  # the key of the lines outside the takst, which are not summed
_STANDARD = (None, None, False)  # the ydelse, del and vagtlag of an untagged line


def _hvor(kolonne: list, vaerdier: Iterable) -> list[int]:
    """The positions, in order, of the elements of `kolonne` equal to one of `vaerdier` (few), each
    found by list.index in C."""
    ud: list[int] = []
    for v in vaerdier:
        j = -1
        try:
            while True:
                j = kolonne.index(v, j + 1)
                ud.append(j)
        except ValueError:
            pass
    return sorted(ud)


def _vanlig(kolonne: list, standard: object) -> tuple[object, list[int]]:
    """The value of a key column that lines are keyed without (its standard, or the one value on
    every line), and the positions of the lines with another value."""
    n = len(kolonne)
    med = kolonne.count(standard)  # None and False are counted by identity, in C
    if med == n:
        return standard, []
    if med == 0 and kolonne.count(kolonne[0]) == n:
        return kolonne[0], []
    andre = list(compress(range(n), kolonne))  # the true values: the others, unless one is "" or 0
    if len(andre) + med != n:
        andre = [j for j, x in enumerate(kolonne) if x != standard]
    return standard, andre


def direkte_omkostninger(t: Tilbud, satser: Satser, takstaar: int, rs: Regelsaet, sti: str,
                         kolonner: Linjekolonner | None = None) -> Direkte:
    """Steps 1-4; `kolonner` are the budget lines' columns when the caller has them."""
    k = kolonner if kolonner is not None else linjekolonner(t.omkostninger)
    pension_sats = satser.tjenestemandspension_pct
    if pension_sats is None:
        pension_sats = rs.std_tjenestemandspension_pct
    fund_: list[Fund] = []
    pension = tap = _ZERO
    leasede_linjer: set[str] = set()
    # The amounts are summed by (ydelse, del, vagtlag, kategori) in one pass. Most lines have the
    # usual ydelse, del and vagtlag and are keyed by their kategori alone (a str keeps its hash, a
    # tuple's is made on every lookup); the keys are made whole afterwards, in their order. The few
    # special lines (TAP, not in the takst) are found at C speed (which special posts there are,
    # then where) and gone through.
    beloeb = k.beloeb
    noegler = list(k.kategori)
    kategori = k.kategori
    udeladt: set[int] = set()
    for j in _hvor(k.post, _SAERLIGE_POSTER.intersection(k.post)):
        if kategori is k.kategori:
            kategori = list(kategori)
        post = k.post[j]
        if post != POST_TAP:
            fund_.append(fund.lav(rs, "IKKE-TAKST-OMKOSTNING", f"{sti}.omkostninger[{j}]",
                                  post=navne.post_navn(kategori[j], post), beloeb=beloeb[j]))
            noegler[j] = _UDELADT
            udeladt.add(j)
        elif kategori[j] == "personale":
            tap += beloeb[j]
            kategori[j] = noegler[j] = "administration"
    (ydelse, y_andre), (del_, d_andre), (vagtlag, v_andre) = map(_vanlig, (k.ydelse, k.del_, k.vagtlag), _STANDARD)
    andre = sorted(set(y_andre).union(d_andre, v_andre)) if d_andre or v_andre else y_andre
    if len(andre) * 4 > len(noegler):  # most lines are other: every line keyed whole, at C speed
        noegler = list(zip(k.ydelse, k.del_, k.vagtlag, kategori))
        for j in udeladt:
            noegler[j] = _UDELADT
    else:
        for j in andre:
            if noegler[j] is not _UDELADT:
                noegler[j] = (k.ydelse[j], k.del_[j], k.vagtlag[j], kategori[j])
    vanlige = (ydelse, del_, vagtlag)
    sums = {(n if n.__class__ is tuple else vanlige + (n,)): b for n, b in _summer(noegler, beloeb, _UDELADT).items()}
    if any(n[3] == _FIN_UDG for n in sums):  # (few keys: the lines are looked for only when there are some)
        fund_.extend(_renter_af_laan(k, kategori, udeladt, rs, sti))
    pensioner: dict[tuple, Decimal] = {}
    for j in k.saerlige:
        if j in udeladt:
            continue
        x = t.omkostninger[j]
        loen, pens, anl = x.tjenestemand_loen, x.tjenestemandspension, x.anlaeg
        if anl is not None:
            leasede_linjer.add(anl)
        p = pens if pens is not None else (loen * pension_sats / 100 if loen is not None else _ZERO)
        if p:
            pkey = _SPAND_NOEGLE(x) + ("personale",)
            pensioner[pkey] = pensioner.get(pkey, _ZERO) + p
            pension += p
    spande: Spande = {}
    direkte = loensum = _ZERO
    for kilde, er_pension in ((sums, False), (pensioner, True)):
        for (ydelse, del_, vagtlag, kategori_), beloeb_ in kilde.items():
            if del_ is None:
                del_ = "borgerrettet" if vagtlag else "basis"
            vek = spande.get((ydelse, del_))
            if vek is None:
                vek = spande[(ydelse, del_)] = tom_vektor()
            vek[KAT[kategori_]] += beloeb_
            if not er_pension:
                direkte += beloeb_
                if kategori_ == "personale":
                    loensum += beloeb_
    loensum += tap
    kolonner_a = anlaegkolonner(t.anlaeg)
    rente = satser.rente_anlaeg_pct
    tal = beregn_anlaeggene(kolonner_a, takstaar, rente)
    afskrivning = sum(map(_AFSKRIVNING, tal), _ZERO)
    forrentning = sum(map(_FORRENTNING, tal), _ZERO)
    fund_.extend(_anlaeg_fund(t, kolonner_a, leasede_linjer, rs, sti))
    if afskrivning or forrentning:
        vek = spande.setdefault(BASIS, tom_vektor())
        vek[I_KAPITAL] += afskrivning
        vek[I_FIN_UDG] += forrentning
    return Direkte(spande, direkte, loensum, pension, afskrivning, forrentning, tuple(zip(t.anlaeg, tal)),
                   tuple(fund_))


_AFSKRIVNING, _FORRENTNING = attrgetter("afskrivning"), attrgetter("forrentning")
_FIN_UDG = KATEGORIER[I_FIN_UDG]


def _renter_af_laan(k: Linjekolonner, kategori: list[str], udeladt: set[int], rs: Regelsaet, sti: str) -> list[Fund]:
    """RENTE-LAAN (SA 5.5.5): a budget line of finansieringsudgifter is counted, but interest paid on
    loans must not be in the takst (the engine adds the beregnede forrentning of anlæg and
    driftskapital itself), so each such line with an amount is pointed out."""
    return [fund.lav(rs, "RENTE-LAAN", f"{sti}.omkostninger[{j}]",
                     post=navne.post_navn(kategori[j], k.post[j]), beloeb=k.beloeb[j])
            for j in _hvor(kategori, (_FIN_UDG,)) if j not in udeladt and k.beloeb[j]]


def _anlaeg_fund(t: Tilbud, k: Anlaegkolonner, leasede_linjer: set[str], rs: Regelsaet, sti: str) -> list[Fund]:
    """LEAS-DOBBELT (a leased anlæg that also has a leasingydelse line) and ANLAEG-LEVETID (a levetid
    outside its type's range), anlæg by anlæg; the few anlæg concerned are found column by column."""
    levetider = rs.levetid_aar
    # Each distinct (type, levetid) is checked once: a large file has 3.000 anlæg and a handful of pairs.
    ude = {(typ, lt) for typ, lt in set(zip(k.type, k.levetid_aar)) if _udenfor(levetider.get(typ), lt)}
    if not ude and not leasede_linjer:
        return []
    udenfor = list(map(ude.__contains__, zip(k.type, k.levetid_aar)))
    if leasede_linjer:
        udenfor = [u or (f == "finansiel_leasing" and a in leasede_linjer)
                   for u, f, a in zip(udenfor, k.finansiering, k.id)]
    ud: list[Fund] = []
    for j in compress(range(len(udenfor)), udenfor):
        a = t.anlaeg[j]
        if a.finansiering == "finansiel_leasing" and a.id in leasede_linjer:
            ud.append(fund.lav(rs, "LEAS-DOBBELT", f"{sti}.anlaeg[{j}]", anlaeg=a.navn or a.id))
        graenser = levetider.get(a.type)
        if _udenfor(graenser, a.levetid_aar):
            ud.append(fund.lav(rs, "ANLAEG-LEVETID", f"{sti}.anlaeg[{j}].levetid_aar", anlaeg=a.navn or a.id,
                               type=navne.vis(a.type, navne.ANLAEG_TYPER).lower(), levetid=a.levetid_aar,
                               fra=graenser[0], til=graenser[1]))
    return ud


def _udenfor(graenser: tuple[int, int] | None, levetid: int | None) -> bool:
    """A levetid outside its type's range (a type without one, or no levetid, is not)."""
    return bool(graenser) and levetid is not None and not graenser[0] <= levetid <= graenser[1]
