"""Regulering for tidligere års over- og underskud (SA 5.3, 5.5.5, 6.1.2; SPEC §4.8).

Per resultat of year Y with result R and that year's grundlag G, limit L = 5 % × G: an overskud
up to L may be hensat, the rest must reduce the takst; an underskud up to L is the driftsherre's
own risk, the rest must be added; the mandatory part may be postponed ("udskyd") while T < Y + 2;
a new tilbud's first-year underskud may be spread over three takstår. Interest at the short
rate for the full years between the end of Y and the start of T.
"""
from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from takstberegner.domain import fund
from takstberegner.domain.model import Resultat, Tilbud, bygger
from takstberegner.domain.penge import afrund
from takstberegner.domain.regelsaet import Regelsaet
from takstberegner.domain.resultat import Fund, Hensaettelse, ReguleringBeregning

_ZERO = Decimal(0)


class ReguleringsResultat(NamedTuple):
    """The regulering for earlier years' results, and what is set aside (a named tuple: made in C)."""

    regulering: Decimal  # exact RG, signed: negative lowers the takster
    hensat: Decimal  # exact
    linjer: tuple[ReguleringBeregning, ...]
    hensaettelser: tuple[Hensaettelse, ...]  # made now, from this takstberegning's resultater
    tidligere: tuple[Hensaettelse, ...]  # earlier hensættelser with what is left of them
    fund: tuple[Fund, ...]


# A ReguleringBeregning (13 fields) and a Hensaettelse from a dict without the frozen dataclass's
# __init__, which sets the fields one by one (a third of the line's cost; model.bygger).
_ny_linje = bygger(ReguleringBeregning)
_ny_hensaettelse = bygger(Hensaettelse)


def _en(r: Resultat, takstaar: int, rente_kort_pct: Decimal, rs: Regelsaet, felt: str,
        ud_fund: list[Fund]) -> tuple[ReguleringBeregning, Decimal, Decimal]:
    graense = r.grundlag * rs.reg_graense_pct / 100
    frist = r.aar + rs.reg_frist_aar
    hensat = egenrisiko = obligatorisk = _ZERO
    fortegn = 0
    if r.resultat > 0:
        fortegn = -1
        if r.valg in ("hensaet", "udskyd"):
            hensat = min(r.resultat, graense)
        obligatorisk = r.resultat - hensat
    elif r.resultat < 0:
        fortegn = 1
        tab = -r.resultat
        egenrisiko = min(tab, graense)
        obligatorisk = tab - egenrisiko
        if tab <= graense:
            ud_fund.append(fund.lav(rs, "REG-EGENRISIKO", felt, aar=r.aar, resultat=tab,
                                    graense=rs.reg_graense_pct))
    tilbage = max(_ZERO, obligatorisk - r.indregnet_tidligere)
    udskudt = _ZERO
    if r.resultat < 0 and r.nyt_tilbud_foerste_aar:
        # A third a year; in the last year of the spread whatever is left, so no øre remain.
        frist = r.aar + rs.reg_frist_aar + rs.nyt_tilbud_spredning_aar - 1
        i_aar = tilbage if takstaar >= frist else min(obligatorisk / rs.nyt_tilbud_spredning_aar, tilbage)
        udskudt = tilbage - i_aar
    elif r.valg == "udskyd" and tilbage > 0:
        i_aar = _ZERO
        udskudt = tilbage
        if takstaar >= frist:
            # SA 5.3.1 (overskud) and 5.3.2 (underskud) each set the deadline; the text names which
            # and shows the amount without a sign ("Underskuddet for 2024 (500.000 kr.)").
            ud_fund.append(fund.lav(rs, "REG-FRIST", felt, variant="overskud" if r.resultat > 0 else None,
                                    aar=r.aar, resultat=abs(r.resultat), beloeb=afrund(tilbage), frist=frist,
                                    graense=rs.reg_graense_pct))
    else:
        i_aar = tilbage
    signeret = fortegn * i_aar
    renter = signeret * rente_kort_pct / 100 * max(0, takstaar - r.aar - 1)
    linje = _ny_linje({
        "aar": r.aar, "resultat": afrund(r.resultat), "grundlag": afrund(r.grundlag), "graense": afrund(graense),
        "valg": r.valg, "hensat": afrund(hensat), "egenrisiko": afrund(egenrisiko),
        "skal_indregnes": afrund(fortegn * obligatorisk), "i_aar": afrund(signeret), "renter": afrund(renter),
        "regulering": afrund(signeret + renter), "udskudt": afrund(fortegn * udskudt), "frist": frist,
    })
    return linje, signeret + renter, hensat


def reguler(t: Tilbud, takstaar: int, rente_kort_pct: Decimal | None, rs: Regelsaet, sti: str) -> ReguleringsResultat:
    rente = rente_kort_pct or _ZERO
    fund_: list[Fund] = []
    linjer = []
    total = hensat_total = _ZERO
    hens: list[Hensaettelse] = []
    tidligere: list[Hensaettelse] = []
    for k, r in enumerate(t.resultater):
        if r.nyt_tilbud_foerste_aar and r.resultat < 0 and t.foerste_driftsaar is not None \
                and r.aar > t.foerste_driftsaar:
            # SA 6.1.2: only the first driftsår's loss may be spread; a later year's is due by Y + 2
            # (SA 5.3.2). (A year before the first driftsår is left alone: the demo's new tilbud, from
            # the worked example 3, names 2026 as its first driftsår and spreads a 2024 loss.)
            fund_.append(fund.lav(rs, "REG-NYT-TILBUD", f"{sti}.resultater[{k}].nyt_tilbud_foerste_aar", aar=r.aar,
                                  foerste=t.foerste_driftsaar, spredning=rs.nyt_tilbud_spredning_aar,
                                  graense=rs.reg_graense_pct, frist=r.aar + rs.reg_frist_aar))
        linje, beloeb, hensat = _en(r, takstaar, rente, rs, f"{sti}.resultater[{k}]", fund_)
        linjer.append(linje)
        total += beloeb
        hensat_total += hensat
        if hensat > 0:
            sidste = r.aar + rs.hensaettelse_aar
            hens.append(_ny_hensaettelse({"aar": r.aar, "beloeb": afrund(hensat), "sidste_anvendelsesaar": sidste}))
            # SPEC §4.8: every hensættelse the engine lists, also one made now from an old year's
            # overskud, is warned of when its last year of use is T or earlier (SA 5.3.1).
            _udloeb(fund_, rs, f"{sti}.resultater[{k}].valg", r.aar, hensat, sidste, takstaar)
    for k, h in enumerate(t.hensaettelser):
        tilbage = h.beloeb - h.brugt
        if tilbage <= 0:
            continue
        sidste = h.aar + rs.hensaettelse_aar
        tidligere.append(_ny_hensaettelse({"aar": h.aar, "beloeb": afrund(tilbage), "sidste_anvendelsesaar": sidste}))
        _udloeb(fund_, rs, f"{sti}.hensaettelser[{k}]", h.aar, tilbage, sidste, takstaar)
    return ReguleringsResultat(total, hensat_total, tuple(linjer), tuple(hens), tuple(tidligere), tuple(fund_))


def _udloeb(fund_: list[Fund], rs: Regelsaet, felt: str, aar: int, beloeb: Decimal, sidste: int, takstaar: int) -> None:
    """HENS-UDLOEB for a hensættelse whose last year of use is T or earlier ('overskredet' before T)."""
    if sidste <= takstaar:
        fund_.append(fund.lav(rs, "HENS-UDLOEB", felt, variant="overskredet" if sidste < takstaar else None,
                              aar=aar, beloeb=afrund(beloeb), sidste=sidste))
