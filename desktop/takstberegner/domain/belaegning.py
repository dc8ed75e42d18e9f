"""Belægningsprocent and pladsdøgn (SA 5.2, 6.1.2; SPEC §2, §4.10-4.11) and their findings.

A ydelse may have its own belægning and its own korte forløb (a tilbud with permanent places and
aflastnings- or akutpladser); b_i is the ydelse's own b where given, else the tilbud's. The
first-driftsår rules (a lower belægning, method `nyt_tilbud`) apply only in the takstår that is
the tilbud's `foerste_driftsaar` (read as the takstår when a new tilbud names none).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from takstberegner.domain import fund
from takstberegner.domain.model import Belaegning, Tilbud
from takstberegner.domain.regelsaet import Regelsaet
from takstberegner.domain.resultat import Fund

_TO = Decimal(2)
_ZERO = Decimal(0)


@dataclass(frozen=True)
class BelaegningsResultat:
    """The belægning used for the tilbud and for each ydelse."""

    pct: Decimal | None  # the tilbud's own b; None when missing, invalid or not used
    ydelser: tuple[Decimal | None, ...]  # b_i for each of t.ydelser: its own, else the tilbud's
    egen: bool  # some ydelse has its own belægning
    fund: tuple[Fund, ...]

    def samlet_pct(self, t: Tilbud, rs: Regelsaet) -> Decimal | None:
        """The tilbud's belægning as published: its b, or with per-ydelse belægning the
        pladsdøgn-weighted b of its ydelser (Σ pladsdøgn_i / (365 × Σ pladser_i))."""
        if not self.egen:
            return self.pct
        if any(b is None for b in self.ydelser):
            return None
        pladser = sum(y.pladser for y in t.ydelser)
        if pladser == 0:
            return None
        return self.pladsdoegn(t, rs) * 100 / (pladser * rs.dage_pr_aar)

    def pladsdoegn(self, t: Tilbud, rs: Regelsaet) -> Decimal:
        """The tilbud's pladsdøgn (SPEC §4.11): pladser × 365 × b / 100, or Σ_i pladsdøgn_i when a
        ydelse has its own belægning; with no usable belægning the full year (for overhead keys)."""
        if not self.egen:
            return pladsdoegn(t.pladser, self.pct, rs)
        return sum((pladsdoegn(y.pladser, b, rs) for y, b in zip(t.ydelser, self.ydelser)), _ZERO)


def i_foerste_driftsaar(t: Tilbud, takstaar: int) -> bool:
    """Whether takstår T is a new tilbud's first driftsår (SA 6.1.2; SPEC §2)."""
    if not t.nyt_tilbud:
        return False
    return (t.foerste_driftsaar if t.foerste_driftsaar is not None else takstaar) == takstaar


def _vurder(t: Tilbud, b: Belaegning, takstaar: int, korte: bool, foerste: bool, rs: Regelsaet,
            felt: str) -> tuple[Decimal | None, list[Fund]]:
    """One belægning (the tilbud's or a ydelse's): its percent and its findings."""
    ud: list[Fund] = []
    if b.metode == "beregnet":
        aar = sorted((y for y, _ in b.faktisk_pct if y < takstaar), reverse=True)[:2]
        if len(aar) < 2:
            return None, [fund.lav(rs, "BEL-UGYLDIG", felt, variant="to_aar")]
        vaerdi = dict(b.faktisk_pct)
        pct = (vaerdi[aar[0]] + vaerdi[aar[1]]) / _TO
    else:
        pct = b.pct
        if not b.begrundelse.strip():
            metode = "forventet belægning" if b.metode == "forventet" else "nyt tilbud"
            ud.append(fund.lav(rs, "BEL-BEGRUNDELSE", felt, variant=None if pct is not None else "uden_procent",
                               metode=metode, b=pct))
    if b.metode == "nyt_tilbud" and not foerste:
        ud.append(fund.lav(rs, "NYT-TILBUD-UDLOEBET", felt, aar=takstaar,
                           foerste="" if t.foerste_driftsaar is None else f" (det var {t.foerste_driftsaar})"))
    if pct is None:  # 'forventet' or 'nyt tilbud' before the percent is typed
        ud.append(fund.lav(rs, "BEL-UGYLDIG", felt, variant="ikke_udfyldt"))
        return None, ud
    if pct <= 0 or pct > rs.bel_max_pct:
        ud.append(fund.lav(rs, "BEL-UGYLDIG", felt, variant="udenfor", b=pct, max=rs.bel_max_pct))
        return None, ud
    if t.tilbudstype in ("dag", "doegn"):
        undtaget = foerste or t.saerlige_vilkaar is not None
        if not undtaget and not korte and pct < rs.bel_min_pct:
            variant = "begrundet" if b.begrundelse.strip() else None
            ud.append(fund.lav(rs, "BEL-UNDER-95", felt, variant=variant, b=pct, min=rs.bel_min_pct))
        if not undtaget and korte and pct < rs.bel_min_korte_forloeb_pct:
            ud.append(fund.lav(rs, "BEL-UNDER-90", felt, b=pct, min=rs.bel_min_korte_forloeb_pct))
    if rs.bel_anbefalet_max_pct < pct <= rs.bel_max_pct:
        ud.append(fund.lav(rs, "BEL-OVER-98", felt, b=pct, min=rs.bel_min_pct, anbefalet=rs.bel_anbefalet_max_pct))
    return pct, ud


def belaegning(t: Tilbud, takstaar: int, rs: Regelsaet, sti: str) -> BelaegningsResultat:
    felt = f"{sti}.belaegning"
    kraeves = t.takststruktur in ("gennemsnit", "differentieret")
    foerste = i_foerste_driftsaar(t, takstaar)
    ud: list[Fund] = []
    if t.nyt_tilbud and t.foerste_driftsaar is None:
        ud.append(fund.lav(rs, "NYT-TILBUD-AAR", f"{sti}.foerste_driftsaar", aar=takstaar))
    # The tilbud's own belægning is used by the ydelser without one (or by the tilbud itself
    # when it has no ydelser); it is checked as korte forløb when all who use it are.
    brugere = [y for y in t.ydelser if y.belaegning is None]
    bruges = not t.ydelser or bool(brugere)
    pct: Decimal | None = None
    if t.belaegning is None:
        if kraeves and bruges:
            ud.append(fund.lav(rs, "BEL-UGYLDIG", felt))
    elif bruges:
        korte = t.korte_forloeb or (bool(brugere) and all(y.korte_forloeb for y in brugere))
        pct, f = _vurder(t, t.belaegning, takstaar, korte, foerste, rs, felt)
        ud.extend(f)
    ydelser: list[Decimal | None] = []
    for j, y in enumerate(t.ydelser):
        if y.belaegning is None:
            ydelser.append(pct)
            continue
        b_i, f = _vurder(t, y.belaegning, takstaar, t.korte_forloeb or y.korte_forloeb, foerste, rs,
                         f"{sti}.ydelser[{j}].belaegning")
        ydelser.append(b_i)
        ud.extend(f)
    egen = any(y.belaegning is not None for y in t.ydelser)
    return BelaegningsResultat(pct, tuple(ydelser), egen, tuple(ud))


def pladsdoegn(pladser: int, pct: Decimal | None, rs: Regelsaet) -> Decimal:
    """pladser × 365 × b / 100; with no usable belægning, the full year (for overhead keys)."""
    if pct is None:
        return Decimal(pladser * rs.dage_pr_aar)
    return Decimal(pladser * rs.dage_pr_aar) * pct / 100
