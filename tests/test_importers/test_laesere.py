"""The two readers on genuine files: what Excel, openpyxl and LibreOffice write (shared and inline
strings, rich text, dates, formulas with results, a stale <dimension>, namespace prefixes), and
CSV as Danish Excel saves it (semicolons, decimal comma, Windows-1252 or UTF-8 with or without BOM)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from takstberegner.importers import ark as A
from takstberegner.importers import excel_budget as eb
from takstberegner.importers.csv_laeser import laes_csv
from takstberegner.importers.xlsx_laeser import Projektmappe

from . import xlsx_bygger as xb


def _vaerdier(a: A.Ark) -> list[list]:
    return [[c.get(k) for k in range(1, a.kolonner + 1)] for _, c in a.raekker]


def test_foraeldet_dimension_taber_ingen_raekker(tmp_path, grundlag):
    """issue 12: a stale <dimension> made openpyxl's read-only mode import 3 of 8 lines without a word."""
    sti = xb.skriv(tmp_path / "b.xlsx", xb.dele(ark=xb.ark_xml(xb.BUDGET, dimension="A1:C4")))
    fv = eb.forhaandsvis(sti, None, None, None, None, grundlag, tilbud_id="T1")
    assert len(fv.linjer) == 8
    import openpyxl  # what the old reader saw

    ws = openpyxl.load_workbook(sti, read_only=True)["Budget"]
    assert len(list(ws.iter_rows(values_only=True))) == 4


def test_openpyxl_projektmappe_med_faelles_tekster(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget 2026"
    ws.append(["Konto", "Tekst", "Beløb", "Dato", "Sand"])
    ws.append(["1.1", "Løn  pædagoger", 6500000, None, True])
    ws.append([2.2, "Fødevarer", 96.25])
    from datetime import date

    ws["D3"] = date(2026, 1, 1)
    ws["C4"] = "=C2+C3"
    ws.merge_cells("A5:B5")
    wb.create_sheet("Noter")
    wb.save(tmp_path / "o.xlsx")
    with Projektmappe(tmp_path / "o.xlsx") as pm:
        assert pm.ark_navne == ["Budget 2026", "Noter"]
        a = pm.laes_ark("Budget 2026")
    assert a.raekker[0] == (1, {1: "Konto", 2: "Tekst", 3: "Beløb", 4: "Dato", 5: "Sand"})
    nr, r2 = a.raekker[1]
    assert r2 == {1: "1.1", 2: "Løn  pædagoger", 3: "6500000", 5: True} and isinstance(r2[3], A.Tal)
    _, r3 = a.raekker[2]
    assert r3[1] == "2.2" and isinstance(r3[1], A.Tal) and isinstance(r3[4], A.Dato)
    assert a.raekker[3] == (4, {3: A.FORMEL_UDEN_VAERDI})
    assert a.flettede == ((1, 5, 2, 5),)
    assert a.komplet and a.kolonner == 5
    from takstberegner.importers.budget import tekst

    assert tekst(r2[2]) == "Løn pædagoger"  # spaces folded
    assert tekst("Løn\x07 pæda\x1bgoger\x00") == "Løn pædagoger"  # control characters out


def test_kun_valgte_kolonner_og_de_foerste_raekker(tmp_path):
    sti = xb.skriv(tmp_path / "b.xlsx", xb.dele())
    with Projektmappe(sti) as pm:
        a = pm.laes_ark("Budget", kolonner={1, 3}, maks_raekker=3)
    assert _vaerdier(a) == [["Konto", None, "Beløb"], ["1.1", None, "6500000"], ["1.1", None, "700000"]]
    assert not a.komplet


def test_excel_som_excel_skriver_det(tmp_path):
    """Rich text with phonetic runs, shared strings, a formula with its saved result, an error value,
    cells without r, a namespace prefix (as strict/other writers do), and a date style."""
    delte = (f'<sst {xb.NS} count="3" uniqueCount="3"><si><t>Konto</t></si>'
             '<si><r><rPr><b/></rPr><t>Løn </t></r><r><t>pædagoger</t></r><rPh sb="0" eb="1"><t>IGNORER</t></rPh></si>'
             '<si><t xml:space="preserve"> Beløb </t></si></sst>')
    typer = (f'<styleSheet {xb.NS}><numFmts count="1"><numFmt numFmtId="165" formatCode="&quot;kr&quot;\\ #,##0.00"/>'
             '</numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="165"/><xf numFmtId="22"/></cellXfs>'
             '</styleSheet>')
    ark = ('<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>'
           '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c></x:row>'
           '<x:row><x:c r="A2"><x:v>1.1</x:v></x:c><x:c r="B2" s="1"><x:f>1+1</x:f><x:v>12500.499999999998</x:v></x:c>'
           '<x:c r="C2" t="s"><x:v>1</x:v></x:c></x:row>'
           '<x:row r="4"><x:c r="A4" t="e"><x:v>#REF!</x:v></x:c><x:c r="B4" s="2"><x:v>46023.5</x:v></x:c></x:row>'
           '</x:sheetData></x:worksheet>')
    sti = xb.skriv(tmp_path / "e.xlsx", xb.dele(ark=ark, delte=delte, typer=typer))
    with Projektmappe(sti) as pm:
        a = pm.laes_ark("Budget")
    assert [nr for nr, _ in a.raekker] == [1, 2, 4]
    assert a.raekker[0][1] == {1: "Konto", 2: " Beløb "}
    r2 = a.raekker[1][1]
    assert r2 == {1: "1.1", 2: "12500.499999999998", 3: "Løn pædagoger"} and not isinstance(r2[2], A.Dato)
    r4 = a.raekker[2][1]
    assert isinstance(r4[1], A.Fejlvaerdi) and isinstance(r4[2], A.Dato)
    from takstberegner.importers.budget import beloeb_af

    assert beloeb_af(r2[2]) == Decimal("12500.5")  # Excel's 15 significant digits


@pytest.mark.parametrize("kodning,bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b""),
                                         ("utf-16", b"")])
def test_csv_i_danske_kodninger(tmp_path, kodning, bom):
    tekst = 'Konto;Tekst;Beløb\r\n1.1;"Løn; pædagoger";6.500.000,00\r\n2.2;Fødevarer;96,25\r\n\r\n'
    sti = tmp_path / "b.csv"
    sti.write_bytes(bom + tekst.encode(kodning))
    a = laes_csv(sti)
    assert _vaerdier(a) == [["Konto", "Tekst", "Beløb"], ["1.1", "Løn; pædagoger", "6.500.000,00"],
                            ["2.2", "Fødevarer", "96,25"]]
    assert [nr for nr, _ in a.raekker] == [1, 2, 3] and a.navn == "b"


def test_csv_med_gamle_mac_linjeskift_og_kun_valgte_kolonner(tmp_path):
    sti = tmp_path / "b.csv"
    sti.write_bytes(b"Konto;Tekst;Bel\xf8b\r1.1;L\xf8n;100\r2.2;Mad;5")
    assert _vaerdier(laes_csv(sti)) == [["Konto", "Tekst", "Beløb"], ["1.1", "Løn", "100"], ["2.2", "Mad", "5"]]
    assert [c for _, c in laes_csv(sti, kolonner={1, 3}).raekker][1] == {1: "1.1", 3: "100"}


@pytest.mark.parametrize("sep", [";", "\t", ","])
def test_csv_separator_findes(tmp_path, sep):
    sti = tmp_path / "b.csv"
    sti.write_text(sep.join(["Konto", "Tekst", "Beløb"]) + "\n" + sep.join(["1.1", "Løn", "100"]) + "\n",
                   encoding="utf-8")
    assert _vaerdier(laes_csv(sti)) == [["Konto", "Tekst", "Beløb"], ["1.1", "Løn", "100"]]


def test_csv_budget_importeres(tmp_path, grundlag):
    sti = tmp_path / "b.csv"
    sti.write_bytes("Budget 2026;;\r\n;;\r\nArt;Kontotekst;Budget\r\n1.1;Løn;1.234.567,89\r\n2.2;Mad;-96,25\r\n"
                    "7.6;Takstindtægter;-9.000.000\r\n;I alt;1.138.471,64\r\n".encode("cp1252"))
    fv = eb.forhaandsvis(sti, None, None, None, None, grundlag, tilbud_id="T1")
    assert [(x.raekke, x.konto, x.tekst, x.beloeb, x.kategori) for x in fv.linjer] == [
        (4, "1.1", "Løn", Decimal("1234567.89"), "personale"), (5, "2.2", "Mad", Decimal("-96.25"), "aktivitet"),
        (6, "7.6", "Takstindtægter", Decimal(-9000000), "ignorer")]
    assert fv.sprunget_over == ((7, "beløb 1.138.471,64 kr. uden konto (sumlinje?)"),)
