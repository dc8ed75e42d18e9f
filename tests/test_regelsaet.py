"""The regelsæt is chosen by takstår (SPEC §0); a year no regelsæt covers is computed under the
nearest one with a warning, so a user preparing next year's takster is never stuck."""
from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from takstberegner import tjeneste
from takstberegner.formats.regelsaet import regelsaet_for
from takstberegner.formats.takstgrundlag import laes_fil

EKSEMPEL = Path(__file__).parent / "data" / "eksempler" / "eksempel-2-overskud.takstgrundlag.json"


def test_regelsaettet_for_2025_og_2026_er_styringsaftalen_2025_2026():
    for aar in (2025, 2026):
        rs = regelsaet_for(aar)
        assert rs.id == "styringsaftale-2025-2026"
        assert rs.bel_min_pct == Decimal("95") and rs.reg_graense_pct == Decimal("5")
        assert rs.hensaettelse_aar == 5 and rs.reg_frist_aar == 2


def test_hvert_fund_i_spec_har_tekst_niveau_og_reference():
    rs = regelsaet_for(2026)
    spec = ("BEL-UNDER-95 BEL-UNDER-90 BEL-OVER-98 BEL-UGYLDIG BEL-BEGRUNDELSE REG-FRIST REG-EGENRISIKO "
            "HENS-UDLOEB LEAS-DOBBELT PLADSER-AENDRET TAKST-AENDRET STOETTETIMER-MANGLER PLADSER-SUM "
            "KATEGORI-1 IKKE-TAKST-OMKOSTNING ANLAEG-LEVETID INPUT NYT-TILBUD-AAR NYT-TILBUD-UDLOEBET RENTE-LAAN REG-NYT-TILBUD").split()
    for kode in spec:
        f = rs.fund[kode]
        assert f.niveau in ("fejl", "advarsel", "info") and f.tekst
        assert kode == "INPUT" or f.reference.startswith("SA ")


def test_aar_uden_regelsaet_beregnes_efter_det_seneste_med_advarsel():
    g = laes_fil(EKSEMPEL)
    b2026 = tjeneste.beregn(g)
    b2027 = tjeneste.beregn(replace(g, takstaar=2027))
    (f,) = [x for x in b2027.fund if x.kode == "REGELSAET-AAR"]
    assert f.niveau == "advarsel" and "2027" in f.tekst and "2025-2026" in f.tekst
    assert not any(x.kode == "REGELSAET-AAR" for x in b2026.fund)
    # Same rules, so the same takst (the 2024 result carries one year of interest at 0 %).
    assert b2027.tilbud[0].takster[0].takst == b2026.tilbud[0].takster[0].takst == Decimal("2200.43")


def test_regelsaettet_er_data():
    fil = Path(__file__).parents[1] / "resources" / "regelsaet" / "styringsaftale-2025-2026.json"
    d = json.loads(fil.read_text(encoding="utf-8"))
    assert d["takstaar"] == [2025, 2026]
    assert d["belaegning"]["min_korte_forloeb_pct"] == "90"
    assert d["levetid_aar"]["bygning"] == [45, 50]
