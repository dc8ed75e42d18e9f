"""Steps 1-4 of SPEC §4 for one tilbud: direct costs by category, tjenestemandspension,
afskrivninger and forrentning of anlæg (SA 5.5.1-5.5.6).

Costs are kept in "spande" (buckets) keyed by (ydelse id or None, del), each a vector over the
eight categories, so that the takststruktur can later give each ydelse its lines and share.
The TAP rule: administrative TAP personnel entered under personale counts as administration.
Lines for tillægsydelser and individuelle valgfrie ydelser are left out and reported.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from operator import attrgetter

from takstberegner.domain import fund, navne
from takstberegner.domain.anlaeg import beregn_anlaeg
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
    spande: Spande  # steps 1-4 by (ydelse, del) and category
    direkte: Decimal  # D, step 1 total (the key "direkte_omkostninger")
    loensum: Decimal  # the tilbud's personale lines (the key "loensum")
    pension: Decimal
    afskrivning: Decimal
    forrentning: Decimal
    anlaeg: tuple  # (Anlaeg, AnlaegTal) pairs
    fund: tuple[Fund, ...]


_LINJE = attrgetter("kategori", "post", "beloeb", "vagtlag", "del_", "ydelse",
                    "tjenestemand_loen", "tjenestemandspension", "anlaeg")
_SAERLIGE_POSTER = frozenset((POST_TAP,) + POSTER_IKKE_TAKST)
_INGEN = (None, None, None)


def direkte_omkostninger(t: Tilbud, satser: Satser, takstaar: int, rs: Regelsaet, sti: str) -> Direkte:
    pension_sats = satser.tjenestemandspension_pct
    if pension_sats is None:
        pension_sats = rs.std_tjenestemandspension_pct
    fund_: list[Fund] = []
    pension = tap = _ZERO
    leasede_linjer: set[str] = set()
    # One lean pass: sum the amounts by (ydelse, del, vagtlag, kategori); the rare lines
    # (TAP, not-in-takst, tjenestemand, leasing) take the slow path.
    sums: dict[tuple, Decimal] = {}
    pensioner: dict[tuple, Decimal] = {}
    for k, (kategori, post, beloeb, vagtlag, del_, ydelse, loen, pens, anl) in enumerate(map(_LINJE, t.omkostninger)):
        if post in _SAERLIGE_POSTER:
            if post != POST_TAP:
                fund_.append(fund.lav(rs, "IKKE-TAKST-OMKOSTNING", f"{sti}.omkostninger[{k}]",
                                      post=navne.post_navn(kategori, post),
                                      beloeb=beloeb))
                continue
            if kategori == "personale":
                tap += beloeb
                kategori = "administration"
        key = (ydelse, del_, vagtlag, kategori)
        sums[key] = sums.get(key, _ZERO) + beloeb
        if (loen, pens, anl) != _INGEN:
            if anl is not None:
                leasede_linjer.add(anl)
            p = pens if pens is not None else (loen * pension_sats / 100 if loen is not None else _ZERO)
            if p:
                pkey = (ydelse, del_, vagtlag, "personale")
                pensioner[pkey] = pensioner.get(pkey, _ZERO) + p
                pension += p
    spande: Spande = {}
    direkte = loensum = _ZERO
    for kilde, er_pension in ((sums, False), (pensioner, True)):
        for (ydelse, del_, vagtlag, kategori), beloeb in kilde.items():
            if del_ is None:
                del_ = "borgerrettet" if vagtlag else "basis"
            vek = spande.get((ydelse, del_))
            if vek is None:
                vek = spande[(ydelse, del_)] = tom_vektor()
            vek[KAT[kategori]] += beloeb
            if not er_pension:
                direkte += beloeb
                if kategori == "personale":
                    loensum += beloeb
    loensum += tap
    afskrivning = forrentning = _ZERO
    anlaeg_ud = []
    rente = satser.rente_anlaeg_pct
    levetider = rs.levetid_aar
    for k, a in enumerate(t.anlaeg):
        tal = beregn_anlaeg(a, takstaar, rente)
        afskrivning += tal.afskrivning
        forrentning += tal.forrentning
        anlaeg_ud.append((a, tal))
        if a.finansiering == "finansiel_leasing" and a.id in leasede_linjer:
            fund_.append(fund.lav(rs, "LEAS-DOBBELT", f"{sti}.anlaeg[{k}]", anlaeg=a.navn or a.id))
        graenser = levetider.get(a.type)
        if graenser and a.levetid_aar is not None and not graenser[0] <= a.levetid_aar <= graenser[1]:
            fund_.append(fund.lav(rs, "ANLAEG-LEVETID", f"{sti}.anlaeg[{k}].levetid_aar", anlaeg=a.navn or a.id,
                                  type=navne.vis(a.type, navne.ANLAEG_TYPER).lower(), levetid=a.levetid_aar, fra=graenser[0], til=graenser[1]))
    if afskrivning or forrentning:
        vek = spande.setdefault(BASIS, tom_vektor())
        vek[I_KAPITAL] += afskrivning
        vek[I_FIN_UDG] += forrentning
    return Direkte(spande, direkte, loensum, pension, afskrivning, forrentning, tuple(anlaeg_ud), tuple(fund_))
