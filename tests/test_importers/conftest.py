"""Real-looking budget workbooks written with openpyxl, and a .takst file to import into."""
from __future__ import annotations

from pathlib import Path

import pytest

from takstberegner.formats import takstgrundlag as F
from takstberegner.storage import TakstFil

EKSEMPLER = Path(__file__).resolve().parents[1] / "data" / "eksempler"

# (konto, tekst, beløb, tilbud) as a finance system exports them: income negative.
BUDGET = [
    ("5.38.50.001-1.1", "Lønninger pædagoger", 6500000, "Bostedet Nord"),
    ("1.1", "Løn ledelse", 700000.0, "Bostedet Nord"),
    ("2.2", "Fødevarer", 96.25, "T1"),
    ("22", "Fødevarer, weekend", 0.01, "T1"),
    ("2.7", "Småanskaffelser", "60.000,00", "T1"),
    ("4.5", "Håndværkere", 410000, "T1"),
    ("7.6", "Takstindtægter fra kommuner", -9000000, "T1"),
    ("7.2", "Salg af kantinemad", -12000.5, "T1"),
    ("8", "Renteindtægter", -5000, "T1"),
]


def skriv_budget(sti: Path, raekker=BUDGET, ark: str = "Budget 2026", titel: bool = True, sum_linje: bool = True,
                 efter=None) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = ark
    if titel:
        ws.append(["Budget 2026, Bostedet Nord"])
        ws.append([])
    ws.append(["Konto", "Tekst", "Beløb", "Tilbud"])
    for r in raekker:
        ws.append(list(r))
    if sum_linje:
        ws.append([None, "I alt", 123, None])
    if efter:
        efter(ws)
    wb.create_sheet("Noter").append(["intet her"])
    wb.save(sti)
    return sti


@pytest.fixture(autouse=True)
def data_mappe(tmp_path, monkeypatch):
    monkeypatch.setenv("TAKSTBEREGNER_DATA", str(tmp_path / "brugerdata"))


@pytest.fixture
def grundlag():
    return F.laes_fil(sorted(EKSEMPLER.glob("*.takstgrundlag.json"))[0])


@pytest.fixture
def takstfil(tmp_path, grundlag):
    p = tmp_path / "bostedet.takst"
    TakstFil.opret(p, grundlag).luk()
    return p
