"""The regelsæt is chosen by takstår (SPEC §0); a year no regelsæt covers is computed under the
nearest one with a warning, so a user preparing next year's takster is never stuck."""
from __future__ import annotations

import json
import re
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
            "KATEGORI-1 IKKE-TAKST-OMKOSTNING ANLAEG-LEVETID INPUT NYT-TILBUD-AAR NYT-TILBUD-UDLOEBET RENTE-LAAN REG-NYT-TILBUD ATA-VFO").split()
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


# The sections of Styringsaftalen 2025-2026 (udkast 1.1, DAS 27.5.24) as its text numbers them. 2.2.4
# 'Permanent ændring i takster' is struck out there ('Afsnit 2.2.4 er rykket ned under kapitel 5',
# SA 1.1), so no text may point at it.
AFSNIT_2025_2026 = frozenset(
    "1 1.1 1.2 2 2.1 2.2 2.2.1 2.2.2 2.2.3 3 3.1 4 4.1 4.1.1 4.2 4.2.1 4.2.2 5 5.1 5.2 5.3 5.3.1 5.3.2 5.4 "
    "5.4.1 5.4.2 5.4.3 5.4.4 5.4.5 5.4.6 5.4.7 5.5 5.5.1 5.5.2 5.5.3 5.5.4 5.5.5 5.5.6 5.5.7 5.6 6 6.1 6.1.1 "
    "6.1.2 6.1.3 6.2 6.2.1 6.2.2 6.3 6.3.1 6.3.2 6.3.3 7 7.1 7.2 7.3 7.4 8 9 9.1 9.1.1 9.2".split())
_HENVISNING = re.compile(r"SA (\d+(?:\.\d+)*(?:(?:, | og |-|–)\d+(?:\.\d+)*)*)")

# Each finding's section as read against the agreement (the review of 2026-12-03).
HENVISNINGER = {
    "BEL-UNDER-95": "SA 5.2", "BEL-UNDER-90": "SA 5.2", "BEL-OVER-98": "SA 5.2", "BEL-UGYLDIG": "SA 5.2",
    "BEL-BEGRUNDELSE": "SA 5.2, 6.1.2", "REG-FRIST": "SA 5.3.2", "REG-EGENRISIKO": "SA 5.3.2",
    "REG-NYT-TILBUD": "SA 6.1.2, 5.3.2", "HENS-UDLOEB": "SA 5.3.1", "LEAS-DOBBELT": "SA 5.5.2",
    "PLADSER-AENDRET": "SA 2.2.3, 5.5.2", "TAKST-AENDRET": "SA 3.1, 5.5.2", "STOETTETIMER-MANGLER": "SA 5.4.7, 5.5.2",
    "PLADSER-SUM": "SA 5.4.5", "KATEGORI-1": "SA 2.2", "IKKE-TAKST-OMKOSTNING": "SA 5.4.7, 5.5.2",
    "RENTE-LAAN": "SA 5.5.5", "ATA-VFO": "SA 5.4.7, 9.2", "NYT-TILBUD-AAR": "SA 6.1.2", "NYT-TILBUD-UDLOEBET": "SA 5.2, 6.1.2",
    "ANLAEG-LEVETID": "SA 5.5.4", "REGELSAET-AAR": "", "INPUT": "",
}


def _afsnit(tekst: str) -> set[str]:
    return {a for m in _HENVISNING.finditer(tekst) for a in re.split(r", | og |-|–", m.group(1))}


def test_hvert_fund_henviser_til_sit_afsnit_i_aftalen():
    rs = regelsaet_for(2026)
    assert {k: f.reference for k, f in rs.fund.items()} == HENVISNINGER
    assert rs.fund["REG-FRIST"].varianter["overskud"].reference == "SA 5.3.1"


def test_alle_henvisninger_findes_i_styringsaftalen_2025_2026():
    """Every 'SA x.y' a user can read - the regelsæt's findings and messages, the help, the screens,
    the PDF and the workbooks - names a section of this version of the agreement."""
    rod = Path(__file__).parents[1]
    filer = [rod / "resources" / "regelsaet" / "styringsaftale-2025-2026.json",
             *sorted((rod / "resources" / "hjaelp").glob("*.md")),
             *sorted((rod / "desktop" / "takstberegner").rglob("*.py"))]
    ukendte = {}
    for fil in filer:
        for a in _afsnit(fil.read_text(encoding="utf-8")):
            if a not in AFSNIT_2025_2026:
                ukendte.setdefault(a, []).append(fil.name)
    assert ukendte == {}
    assert _afsnit("(SA 5.4.4-5.4.5, 2.2.3 og 9.1.1; SA 5.5.1, tabel 4)") == {"5.4.4", "5.4.5", "2.2.3", "9.1.1", "5.5.1"}


def test_belaegningens_og_puljens_tekster_kommer_fra_regelsaettet(lav_dok, lav_tilbud):
    """SPEC §0: the finding texts are regelsæt data. BEL-UGYLDIG's four reasons and the text of an
    overheadpulje whose key adds up to 0 were written in the engine's code, so a new regelsæt could
    not word them; they are now the regelsæt's, and the shipped words are unchanged."""
    from takstberegner.domain.beregning import beregn
    from takstberegner.domain.regelsaet import FundSkabelon
    from takstberegner.formats.takstgrundlag import laes_dict

    rs = regelsaet_for(2026)
    bel = rs.fund["BEL-UGYLDIG"]
    varianter = {k: replace(v, tekst=f"Ny tekst {k}" + (" {b}/{max}" if k == "udenfor" else ""))
                 for k, v in bel.varianter.items()}
    nyt = replace(rs, fund={**rs.fund, "BEL-UGYLDIG": FundSkabelon(bel.niveau, bel.reference, "Ny tekst mangler", varianter)},
                  validering={**rs.validering, "pulje_noegle_nul": "Ny tekst {pulje} / {noegle}"})
    tilfaelde = [  # belægning, the shipped text's reason
        ({"metode": "beregnet", "faktisk_pct": {"2025": "97"}},
         "metoden 'beregnet' kræver den faktiske belægning for to forskellige år før takståret"),
        ({"metode": "forventet", "begrundelse": "x"}, "den forventede belægning (%) er ikke udfyldt"),
        ({"metode": "forventet", "pct": "101", "begrundelse": "x"}, "101 % ligger ikke mellem 0 og 100 %"),
        (None, "belægningen er ikke angivet"),
    ]
    for b, aarsag in tilfaelde:
        g = laes_dict(lav_dok(lav_tilbud(belaegning=b)))
        (f,) = [f for f in beregn(g, rs).alle_fund() if f.kode == "BEL-UGYLDIG"]
        assert f.tekst == f"Belægningsprocenten kan ikke beregnes: {aarsag}. Ret belægningen under trinnet Belægning."
        (f,) = [f for f in beregn(g, nyt).alle_fund() if f.kode == "BEL-UGYLDIG"]
        assert f.tekst.startswith("Ny tekst"), f.tekst
    assert [f.tekst for f in beregn(laes_dict(lav_dok(lav_tilbud(belaegning=tilfaelde[2][0]))), nyt).alle_fund()
            if f.kode == "BEL-UGYLDIG"] == ["Ny tekst udenfor 101/100"]
    g = laes_dict(lav_dok(lav_tilbud(noegletal={"m2": "0"}),
                          puljer=[{"id": "K", "navn": "Fælles køkken", "beloeb": "50000", "noegle": "m2"}]))
    assert [f.tekst for f in beregn(g, rs).fund] == [
        "Overheadpuljen 'Fælles køkken' kan ikke fordeles: fordelingsnøglen 'Kvadratmeter' summer til 0 over "
        "puljens modtagere. Ret nøglen eller puljens modtagere."]
    assert [f.tekst for f in beregn(g, nyt).fund] == ["Ny tekst Fælles køkken / Kvadratmeter"]
