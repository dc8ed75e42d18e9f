"""Steps 3-4 of SPEC §4 by hand: afskrivning month by month and forrentning of the average book
value (SA 5.5.4-5.5.5), takstår 2026, rente til anlæg 4 %.

The test asset: a car of 120.000 kr. with a levetid of 5 years: 24.000 a year, 2.000 a month,
depreciated for 60 months from the first day of the month after ibrugtagning.
"""
from __future__ import annotations

from decimal import Decimal as D

import pytest

SATSER = {"rente_anlaeg_pct": "4", "rente_kort_pct": "0"}


def bil(**kw):
    a = {"id": "A", "navn": "Bil", "type": "transportmiddel", "anskaffelsesvaerdi": "120000",
         "ibrugtagning": "2023-12-15", "levetid_aar": 5, "finansiering": "ejet"}
    a.update(kw)
    return a


@pytest.mark.parametrize("anlaeg, maaneder, afskrivning, primo, ultimo, forrentning", [
    # Taken into use 20 Apr 2026: depreciates May-Dec = 8 months × 2.000 = 16.000. Not on the books
    # 1 Jan (0); 31 Dec 120.000 - 16.000 = 104.000. Forrentning (0 + 104.000)/2 × 4 % = 2.080.
    (bil(ibrugtagning="2026-04-20"), 8, "16000.00", "0.00", "104000.00", "2080.00"),
    # Taken into use 1 Jan 2026: from Feb, 11 months = 22.000; ultimo 98.000; (0 + 98.000)/2 × 4 % = 1.960.
    (bil(ibrugtagning="2026-01-01"), 11, "22000.00", "0.00", "98000.00", "1960.00"),
    # Taken into use 31 Dec 2026: starts Jan 2027; on the books at 31 Dec at full value:
    # (0 + 120.000)/2 × 4 % = 2.400.
    (bil(ibrugtagning="2026-12-31"), 0, "0.00", "0.00", "120000.00", "2400.00"),
    # From Jul 2021, 60 months end with Jun 2026: Jan-Jun = 6 months = 12.000. Before 2026:
    # Jul 2021-Dec 2025 = 54 months = 108.000, primo 12.000, ultimo 0; (12.000 + 0)/2 × 4 % = 240.
    (bil(ibrugtagning="2021-06-10"), 6, "12000.00", "12000.00", "0.00", "240.00"),
    # Fully depreciated: from Apr 2019, the 60 months ended with Mar 2024. Nothing left.
    (bil(ibrugtagning="2019-03-01"), 0, "0.00", "0.00", "0.00", "0.00"),
    # Restværdi 20.000: (120.000 - 20.000)/5 = 20.000 a year. From Jan 2024 (ibrugtagning Dec 2023):
    # 24 months before 2026 = 40.000, primo 80.000, ultimo 60.000; (80.000 + 60.000)/2 × 4 % = 2.800.
    (bil(restvaerdi="20000"), 12, "20000.00", "80000.00", "60000.00", "2800.00"),
    # The tilbud uses 50 %: 24.000 × 50 % = 12.000; book values are of the whole asset
    # (primo 120.000 - 48.000 = 72.000, ultimo 48.000); forrentning (72.000 + 48.000)/2 × 4 % × 50 % = 1.200.
    (bil(andel_pct="50"), 12, "12000.00", "72000.00", "48000.00", "1200.00"),
    # Finansiel leasing without a leasingydelse line: depreciated like an owned asset.
    (bil(finansiering="finansiel_leasing"), 12, "24000.00", "72000.00", "48000.00", "2400.00"),
    # Leap day: taken into use 29 Feb 2024, from Mar 2024: 22 months before 2026 = 44.000; 12 in 2026.
    # primo 76.000, ultimo 52.000; (76.000 + 52.000)/2 × 4 % = 2.560. (A year is 12 months, 365 days.)
    (bil(ibrugtagning="2024-02-29"), 12, "24000.00", "76000.00", "52000.00", "2560.00"),
    # Grund: never depreciated, on the books at its anskaffelsesværdi: 500.000 × 4 % = 20.000.
    ({"id": "G", "navn": "Grund", "type": "grund", "anskaffelsesvaerdi": "500000", "ibrugtagning": "2001-05-01"},
     0, "0.00", "500000.00", "500000.00", "20000.00"),
    # Grund bought during 2026: (0 + 500.000)/2 × 4 % = 10.000.
    ({"id": "G", "navn": "Grund", "type": "grund", "anskaffelsesvaerdi": "500000", "ibrugtagning": "2026-07-01"},
     0, "0.00", "0.00", "500000.00", "10000.00"),
])
def test_afskrivning_og_forrentning(beregn_tilbud, anlaeg, maaneder, afskrivning, primo, ultimo, forrentning):
    r = beregn_tilbud(anlaeg=[anlaeg], satser=SATSER)
    (a,) = r.anlaeg
    assert (a.maaneder_i_aar, a.afskrivning, a.bogfoert_primo, a.bogfoert_ultimo, a.forrentning) == (
        maaneder, D(afskrivning), D(primo), D(ultimo), D(forrentning))
    # The tilbud's figures and categories: afskrivning in kapital, forrentning in finansieringsudgifter.
    assert (r.afskrivninger, r.forrentning_anlaeg) == (D(afskrivning), D(forrentning))
    assert r.omkostninger["kapital"] == D(afskrivning)
    assert r.omkostninger["finansieringsudgifter"] == D(forrentning)
    assert r.omkostningsgrundlag == D(3650000) + D(afskrivning) + D(forrentning)


def test_bygning_gennemsnitlig_bogfoert_vaerdi(beregn_tilbud):
    """Kept separate because the figures are the classic example: a building of 18.000.000 from
    15 Jun 2012, 50 years: 360.000 a year from Jul 2012. Before 2026: Jul 2012-Dec 2025 = 162
    months = 4.860.000, primo 13.140.000; ultimo 12.780.000; average 12.960.000 × 3 % = 388.800."""
    r = beregn_tilbud(anlaeg=[{"id": "B", "navn": "Hus", "type": "bygning", "anskaffelsesvaerdi": "18000000",
                               "ibrugtagning": "2012-06-15", "levetid_aar": 50}], satser={"rente_anlaeg_pct": "3"})
    (a,) = r.anlaeg
    assert (a.aarlig_afskrivning, a.bogfoert_primo, a.bogfoert_ultimo) == (
        D("360000.00"), D("13140000.00"), D("12780000.00"))
    assert (r.afskrivninger, r.forrentning_anlaeg) == (D("360000.00"), D("388800.00"))


def test_afskrivning_og_forrentning_er_basis(beregn_tilbud):
    # Differentieret: the asset's 24.000 + forrentning 2.400 (bil() at 100 %, 2026 as above) are basis.
    r = beregn_tilbud(anlaeg=[bil(finansiering="ejet")], satser=SATSER, takststruktur="differentieret")
    assert r.basis_andel == D("26400.00") and r.borgerrettet_andel == D("3650000.00")


def test_flere_anlaeg_summeres(beregn_tilbud):
    # 16.000 + 12.000 (from the table above) and forrentning 2.080 + 240.
    r = beregn_tilbud(anlaeg=[bil(ibrugtagning="2026-04-20"), bil(id="B", ibrugtagning="2021-06-10")], satser=SATSER)
    assert (r.afskrivninger, r.forrentning_anlaeg) == (D("28000.00"), D("2320.00"))


def test_takstaar_i_skudaar_har_365_dage(beregn_dok, lav_dok, lav_tilbud):
    # 2028 is a leap year; a year is still 365 days (SA 5.1): 3.650 pladsdøgn, takst 1.000,00,
    # and the asset still depreciates 12/12 of 24.000 (from Jan 2024: 48 months before 2028).
    d = lav_dok(lav_tilbud(anlaeg=[bil()]), satser=SATSER, takstaar=2028)
    b = beregn_dok(d)
    r = b.tilbud[0]
    assert r.pladsdoegn == D("3650.00")
    assert r.anlaeg[0].afskrivning == D("24000.00") and r.anlaeg[0].bogfoert_primo == D("24000.00")
