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

from takstberegner.domain import fund
from takstberegner.domain.anlaeg import beregn_anlaeg
from takstberegner.domain.model import KATEGORIER, POST_TAP, POSTER_IKKE_TAKST, Satser, Tilbud
from takstberegner.domain.penge import afrund
from takstberegner.domain.regelsaet import Regelsaet
from takstberegner.domain.resultat import AnlaegBeregning, Fund

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
    anlaeg: tuple[AnlaegBeregning, ...]
    fund: tuple[Fund, ...]


def direkte_omkostninger(t: Tilbud, satser: Satser, takstaar: int, rs: Regelsaet, sti: str) -> Direkte:
    pension_sats = satser.tjenestemandspension_pct
    if pension_sats is None:
        pension_sats = rs.std_tjenestemandspension_pct
    spande: Spande = {}
    fund_: list[Fund] = []
    direkte = loensum = pension = _ZERO
    leasede_linjer: set[str] = set()
    for k, x in enumerate(t.omkostninger):
        if x.post in POSTER_IKKE_TAKST:
            fund_.append(fund.lav(rs, "IKKE-TAKST-OMKOSTNING", f"{sti}.omkostninger[{k}]", post=x.post,
                                  beloeb=x.beloeb))
            continue
        if x.anlaeg is not None:
            leasede_linjer.add(x.anlaeg)
        i = KAT[x.kategori]
        del_ = x.del_ if x.del_ is not None else ("borgerrettet" if x.vagtlag else "basis")
        key = (x.ydelse, del_)
        vek = spande.get(key)
        if vek is None:
            vek = spande[key] = tom_vektor()
        direkte += x.beloeb
        if i == I_PERSONALE:
            loensum += x.beloeb
            if x.post == POST_TAP:
                i = I_ADMINISTRATION
            if x.tjenestemandspension is not None:
                p = x.tjenestemandspension
            elif x.tjenestemand_loen is not None:
                p = x.tjenestemand_loen * pension_sats / 100
            else:
                p = _ZERO
            if p:
                vek[I_PERSONALE] += p
                pension += p
        vek[i] += x.beloeb
    afskrivning = forrentning = _ZERO
    anlaeg_ud = []
    for k, a in enumerate(t.anlaeg):
        tal = beregn_anlaeg(a, takstaar, satser.rente_anlaeg_pct)
        afskrivning += tal.afskrivning
        forrentning += tal.forrentning
        anlaeg_ud.append(AnlaegBeregning(
            id=a.id, navn=a.navn, type=a.type, finansiering=a.finansiering, andel_pct=a.andel_pct,
            aarlig_afskrivning=afrund(tal.aarlig), maaneder_i_aar=tal.maaneder,
            afskrivning=afrund(tal.afskrivning), bogfoert_primo=afrund(tal.primo),
            bogfoert_ultimo=afrund(tal.ultimo), forrentning=afrund(tal.forrentning),
        ))
        if a.finansiering == "finansiel_leasing" and a.id in leasede_linjer:
            fund_.append(fund.lav(rs, "LEAS-DOBBELT", f"{sti}.anlaeg[{k}]", anlaeg=a.navn or a.id))
        graenser = rs.levetid_aar.get(a.type)
        if graenser and a.levetid_aar is not None and not graenser[0] <= a.levetid_aar <= graenser[1]:
            fund_.append(fund.lav(rs, "ANLAEG-LEVETID", f"{sti}.anlaeg[{k}].levetid_aar", anlaeg=a.navn or a.id,
                                  type=a.type, levetid=a.levetid_aar, fra=graenser[0], til=graenser[1]))
    if afskrivning or forrentning:
        vek = spande.setdefault(BASIS, tom_vektor())
        vek[I_KAPITAL] += afskrivning
        vek[I_FIN_UDG] += forrentning
    return Direkte(spande, direkte, loensum, pension, afskrivning, forrentning, tuple(anlaeg_ud), tuple(fund_))
