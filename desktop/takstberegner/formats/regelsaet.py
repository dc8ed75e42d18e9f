"""Reads a regelsæt (SPEC §0) from resources/regelsaet/ and picks the one for a takstår."""
from __future__ import annotations

import json
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from takstberegner.domain.regelsaet import FundSkabelon, Regelsaet
from takstberegner.formats.fejl import InputError
from takstberegner.paths import resource


def laes_regelsaet(sti: Path) -> Regelsaet:
    try:
        d = json.loads(sti.read_text(encoding="utf-8"), parse_float=Decimal)
    except (OSError, ValueError) as e:
        raise InputError("regelsaet", f"regelsættet {sti.name} kan ikke læses: {e}") from None
    if d.get("format") != "regelsaet/1":
        raise InputError("regelsaet.format", f"{sti.name} er ikke et regelsæt (regelsaet/1)")
    b, r, s, a = d["belaegning"], d["regulering"], d["standard"], d["afrunding"]
    return Regelsaet(
        id=d["id"],
        navn=d["navn"],
        version=str(d["version"]),
        takstaar=tuple(int(x) for x in d["takstaar"]),
        dage_pr_aar=int(d["dage_pr_aar"]),
        bel_min_pct=Decimal(b["min_pct"]),
        bel_min_korte_forloeb_pct=Decimal(b["min_korte_forloeb_pct"]),
        bel_anbefalet_max_pct=Decimal(b["anbefalet_max_pct"]),
        bel_max_pct=Decimal(b["max_pct"]),
        reg_graense_pct=Decimal(r["graense_pct"]),
        reg_frist_aar=int(r["frist_aar"]),
        hensaettelse_aar=int(r["hensaettelse_aar"]),
        nyt_tilbud_spredning_aar=int(r["nyt_tilbud_spredning_aar"]),
        std_tjenestemandspension_pct=Decimal(s["tjenestemandspension_pct"]),
        std_vfo_pct=Decimal(s["vfo_pct"]),
        std_driftskapital_maaneder=Decimal(s["driftskapital_maaneder"]),
        std_vaesentlighed_pct=Decimal(s["vaesentlighed_pct"]),
        std_pl_fremskrivning_pct=Decimal(s["pl_fremskrivning_pct"]),
        std_overhead_kategori=str(s["overhead_kategori"]),
        kategori_1_niveau=str(d["kategori_1_niveau"]),
        rul_frem_bemaerkning=str(d["rul_frem"]["bemaerkning"]),
        levetid_aar={k: (int(v[0]), int(v[1])) for k, v in d["levetid_aar"].items()},
        afrunding_takst=Decimal(a["takst"]),
        afrunding_takst_kr=Decimal(a["takst_kr"]),
        afrunding_fordeling=Decimal(a["fordeling"]),
        afrunding_traekningsret=Decimal(a["traekningsret"]),
        afrunding_objektiv=Decimal(a["objektiv_finansiering"]),
        fund={kode: _skabelon(f) for kode, f in d["fund"].items()},
        validering={k: str(v) for k, v in d.get("validering", {}).items()},
    )


def _skabelon(f: dict) -> FundSkabelon:
    varianter = {navn: FundSkabelon(niveau=v.get("niveau", f["niveau"]), reference=v.get("reference", f["reference"]),
                                    tekst=v.get("tekst", f["tekst"]))
                 for navn, v in f.get("varianter", {}).items()}
    return FundSkabelon(niveau=f["niveau"], reference=f["reference"], tekst=f["tekst"], varianter=varianter)


@lru_cache(maxsize=None)
def alle_regelsaet() -> tuple[Regelsaet, ...]:
    mappe = resource("regelsaet")
    return tuple(laes_regelsaet(p) for p in sorted(mappe.glob("*.json")))


def regelsaet_for(takstaar: int) -> Regelsaet:
    """The regelsæt that governs `takstaar`.

    When no regelsæt covers the year (a takstår prepared before the next Styringsaftale is
    shipped), the nearest one is used: the latest that starts before it, else the earliest. The
    engine then reports REGELSAET-AAR, so the user knows the takster rest on older rules.
    """
    alle = alle_regelsaet()
    if not alle:
        raise InputError("takstaar", "programmet har ingen regelsæt; installationen er ufuldstændig")
    for r in alle:
        if takstaar in r.takstaar:
            return r
    tidligere = [r for r in alle if min(r.takstaar) < takstaar]
    if tidligere:
        return max(tidligere, key=lambda r: max(r.takstaar))
    return min(alle, key=lambda r: min(r.takstaar))
