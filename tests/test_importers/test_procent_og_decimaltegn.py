"""Amounts that could be read as another amount without a word: a cell formatted as a percentage
(Excel shows 50 %, the file holds 0,5) and a CSV whose decimal sign cannot be told ('1.500' is
1.500 kr. in a Danish file and 1,5 kr. in an English one). Real workbooks written with openpyxl,
real CSV files; each is refused with its place and what to do, or read by one stated rule."""
from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from takstberegner.importers import excel_budget as eb
from takstberegner.importers.forloeb import ImportForloeb


def _xlsx(tmp_path, formater: dict[str, str], beloeb=0.5):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    ws.append(["Konto", "Tekst", "Beløb"])
    ws.append(["2.2", "Mad", 1000])
    ws.append(["2.7", "Ting", beloeb])
    for ref, fmt in formater.items():
        ws[ref].number_format = fmt
    sti = tmp_path / "procent.xlsx"
    wb.save(sti)
    return sti


@pytest.mark.parametrize("fmt, vist", [("0%", "50 %"), ("0.00%", "50 %"), ("#,##0.0 %;-#,##0.0 %", "50 %")])
def test_beloeb_formateret_som_procent_afvises_med_sted(tmp_path, grundlag, fmt, vist):
    """A kroner amount formatted as a percentage was read as the fraction behind it: 50 % -> 0,50 kr."""
    sti = _xlsx(tmp_path, {"C3": fmt})
    with pytest.raises(eb.ExcelFejl) as e:
        eb.forhaandsvis(sti, None, None, None, None, grundlag, tilbud_id="T1")
    assert e.value.besked == (
        f"Arket 'Budget', række 3, kolonne C: cellen er formateret som procent (den viser {vist}), men et beløb er i "
        "kroner; importen læser ikke en procent som et beløb. Formatér cellen som tal i Excel, tjek beløbet, og gem "
        "filen igen. Intet er importeret.")
    # the app's presenter reads the same sheet the same way, and its grid shows what Excel shows
    f = ImportForloeb(sti, grundlag, "T1")
    assert f.grid.raekker[2][1][3] == "0.5" and eb.ark_.tekst_af(f.grid.raekker[2][1][3]) == "50 %"
    with pytest.raises(eb.ExcelFejl) as e2:
        f.laes()
    assert e2.value.besked == e.value.besked


def test_procent_i_anfoerselstegn_er_ikke_procent(tmp_path, grundlag):
    """A format that only shows the text '%' (quoted or escaped) does not multiply: an amount."""
    sti = _xlsx(tmp_path, {"C3": '#,##0.00 "% af rammen"', "C2": "0\\%"}, beloeb=2500)
    fv = eb.forhaandsvis(sti, None, None, None, None, grundlag, tilbud_id="T1")
    assert [x.beloeb for x in fv.linjer] == [Decimal(1000), Decimal(2500)]


# ---- which sign a CSV file uses before the decimals ----------------------------------------------

def _csv(tmp_path, tekst: str, kodning: str = "utf-8"):
    sti = tmp_path / "budget.csv"
    sti.write_bytes(tekst.encode(kodning))
    return sti


def _beloeb(sti, grundlag):
    return [x.beloeb for x in eb.forhaandsvis(sti, None, None, None, None, grundlag, tilbud_id="T1").linjer]


def test_kommasepareret_uden_decimaler_er_tvetydig_og_afvises(tmp_path, grundlag):
    """'1.500' in a comma-separated file was read as 1.500 kr.; the file could as well be English (1,5)."""
    sti = _csv(tmp_path, "Konto,Tekst,Beløb\r\n2.2,Mad,1.500\r\n2.7,Ting,250\r\n2.3,El,12.000\r\n")
    with pytest.raises(eb.ExcelFejl) as e:
        _beloeb(sti, grundlag)
    assert e.value.besked == (
        "Arket 'budget', række 2, kolonne C: beløbet '1.500' kan læses både som 1.500,00 kr. og som 1,50 kr. "
        "(1 andet beløb ligner det), og filen er kommasepareret, og intet beløb viser, om den bruger komma eller "
        "punktum før decimalerne. Gem budgettet i Excel som CSV (semikolonsepareret), eller ret beløbene, så de alle "
        "skrives på dansk med komma før decimalerne (fx 1.500,00). Intet er importeret.")


def test_engelsk_fil_med_tusindtal_afvises(tmp_path, grundlag):
    """An English-style file: 96.25 has a decimal point, so its '1.500' is 1,5 kr., not 1.500 kr."""
    sti = _csv(tmp_path, "Konto\tTekst\tBeløb\r\n2.2\tMad\t96.25\r\n2.7\tTing\t1.500\r\n")
    with pytest.raises(eb.ExcelFejl) as e:
        _beloeb(sti, grundlag)
    assert ("række 3, kolonne C: beløbet '1.500' kan læses både som 1.500,00 kr. og som 1,50 kr., og kolonnen har "
            "beløb med punktum før decimalerne (fx '96.25' i række 2)") in e.value.besked


def test_blandet_fil_afvises_ogsaa_semikolonsepareret(tmp_path, grundlag):
    sti = _csv(tmp_path, 'Konto;Tekst;Beløb\r\n2.2;Mad;12,50\r\n2.3;El;96.25\r\n2.7;Ting;"1,500"\r\n')
    with pytest.raises(eb.ExcelFejl) as e:
        _beloeb(sti, grundlag)
    assert ("beløbet '1,500' kan læses både som 1,50 kr. og som 1.500,00 kr., og kolonnen blander punktum før "
            "decimalerne (fx '96.25' i række 3) og komma (fx '12,50' i række 2)") in e.value.besked


@pytest.mark.parametrize("tekst, ventet", [
    # Danish Excel's CSV: ';' between cells, so a decimal comma: 1.500 is 1.500 kr.
    ("Konto;Tekst;Beløb\r\n2.2;Mad;1.500\r\n2.7;Ting;250\r\n", ["1500", "250"]),
    # comma-separated, but other amounts show the Danish decimal comma
    ('Konto,Tekst,Beløb\r\n2.2,Mad,1.500\r\n2.7,Ting,"12,50"\r\n', ["1500", "12.50"]),
    ("Konto,Tekst,Beløb\r\n2.2,Mad,1.234.567\r\n2.7,Ting,2.500\r\n", ["1234567", "2500"]),
    # English without thousands: nothing to mistake
    ("Konto,Tekst,Beløb\r\n2.2,Mad,1500.00\r\n2.7,Ting,96.25\r\n", ["1500.00", "96.25"]),
])
def test_entydige_filer_laeses(tmp_path, grundlag, tekst, ventet):
    assert _beloeb(_csv(tmp_path, tekst), grundlag) == [Decimal(v) for v in ventet]
