"""What a budget sheet can hold that the eye does not see: numbers no door accepts, shared-string
indexes that point backwards, Danish amounts typed with their groups wrong, hidden rows (a filter
in Excel) and hidden sheets. None is read silently: each is refused with its place, or not chosen."""
from __future__ import annotations

from decimal import Decimal

import pytest

from takstberegner.importers import excel_budget as eb
from takstberegner.importers.forloeb import ImportForloeb
from takstberegner.importers.graenser import AfvistFil
from takstberegner.storage import TakstFil

from . import xlsx_bygger as xb


def _budget(tmp_path, beloeb_celle, **kw):
    ark = xb.ark_xml([["Konto", "Tekst", "Beløb"], ["2.2", "Mad", 100], ["2.7", "Ting", beloeb_celle]])
    return xb.skriv(tmp_path / "b.xlsx", xb.dele(ark=ark, **kw))


# ---- a number cell no door accepts ------------------------------------------------------------

@pytest.mark.parametrize("v", ["1E-400", "-4.9E-324", "1.5E-101"])
def test_tal_med_over_100_decimaler_afvises_og_takstfilen_kan_aabnes(tmp_path, grundlag, takstfil, v):
    """The storage refuses to read an amount with more than 100 decimals (formats.laeser.urimelig):
    saved, it made the takst file 'beskadiget'. The import refuses it with its place."""
    sti = _budget(tmp_path, f'<c r="C3"><v>{v}</v></c>')
    with TakstFil.aabn(takstfil) as f:
        with pytest.raises(eb.ExcelFejl) as e:
            eb.importer(f, eb.forhaandsvis(sti, None, None, None, None, f.hent(), tilbud_id="T1"))
    assert e.value.besked == (f"Arket 'Budget', række 3, kolonne C: tallet '{v}' har mere end 100 decimaler; "
                              "det kan ikke være et beløb. Intet er importeret.")
    with TakstFil.aabn(takstfil) as f:
        assert f.hent() == grundlag


def test_lille_rest_fra_en_formel_kan_gemmes_og_aabnes(tmp_path, grundlag, takstfil):
    """A float residue Excel shows as 0,00 is within the limits: it is imported and the file opens."""
    sti = _budget(tmp_path, '<c r="C3"><v>1.1368683772161603E-13</v></c>')
    with TakstFil.aabn(takstfil) as f:
        eb.importer(f, eb.forhaandsvis(sti, None, None, None, None, f.hent(), tilbud_id="T1"))
    with TakstFil.aabn(takstfil) as f:
        assert [x.beloeb for x in f.hent().tilbud[0].omkostninger] == [Decimal(100), Decimal("1.13686837721616E-13")]


# ---- shared strings ---------------------------------------------------------------------------

_DELTE = f"<sst {xb.NS}><si><t>Konto</t></si><si><t>Tekst</t></si><si><t>Beløb</t></si><si><t>99999</t></si></sst>"


@pytest.mark.parametrize("indeks", ["-1", "-4", "\u0663", "1_0", " 3", "3.0", "+3"])
def test_faelles_tekst_kun_ved_sit_eget_nummer(tmp_path, grundlag, indeks):
    """Python reads delte[-1] as the last text and int() reads '٣' and '1_0': a damaged index
    silently gave another cell's text (here 99.999 kr.)."""
    sti = _budget(tmp_path, f'<c r="C3" t="s"><v>{indeks}</v></c>', delte=_DELTE)
    with pytest.raises(AfvistFil) as e:
        eb.forhaandsvis(sti, None, None, None, None, grundlag, tilbud_id="T1")
    assert e.value.besked == ("Regnearket b.xlsx er beskadiget: arket 'Budget' henviser i celle C3 til en fælles "
                              "tekst, der ikke findes. Intet er importeret. Åbn filen i Excel, og gem den igen.")


# ---- amounts as Danish text -------------------------------------------------------------------

@pytest.mark.parametrize("tekst,beloeb", [
    ("1.234,50", "1234.50"), ("1 234,50", "1234.50"), ("1\u00a0234,50", "1234.50"), ("-1.234", "-1234"),
    ("\u22121.234", "-1234"), (" 1234 ", "1234"), ("1.234.567,89", "1234567.89"), ("1 234 567", "1234567"),
    ("96.25", "96.25"), ("1.234 kr.", "1234"), ("- 1.234", "-1234"), (",5", "0.5"), ("+5", "5"),
])
def test_dansk_beloeb_som_tekst(tmp_path, grundlag, tekst, beloeb):
    sti = _budget(tmp_path, tekst)
    fv = eb.forhaandsvis(sti, None, None, None, None, grundlag, tilbud_id="T1")
    assert fv.linjer[1].beloeb == Decimal(beloeb)


@pytest.mark.parametrize("tekst", ["1.234.5", "1.23.4", "1..2", "1 2 3", "1.,2", "12.345.67", "1.234 567",
                                   "1 234.567", "12 34,50"])
def test_beloeb_med_forkerte_tusindtalsgrupper_afvises(tmp_path, grundlag, tekst):
    """'1.234.5' was read as 12.345 and '1 2 3' as 123: a typo became another amount without a word."""
    sti = _budget(tmp_path, tekst)
    with pytest.raises(eb.ExcelFejl) as e:
        eb.forhaandsvis(sti, None, None, None, None, grundlag, tilbud_id="T1")
    assert e.value.besked == (f"Arket 'Budget', række 3, kolonne C: teksten '{tekst}' er ikke et beløb: punktum og "
                              "mellemrum i et beløb deler det i grupper på tre cifre (fx 1.234.567,89). "
                              "Intet er importeret.")


# ---- hidden rows and sheets -------------------------------------------------------------------

def test_skjulte_raekker_med_beloeb_afvises(tmp_path, grundlag, takstfil):
    """A finance export filtered in Excel to one tilbud still holds the other tilbud's rows, hidden:
    imported, they silently added to the budget. The user is told which rows, and nothing is saved."""
    raekker = [["Konto", "Tekst", "Beløb"]] + [["2.2", f"Linje {i}", 100 * i] for i in range(1, 8)]
    ark = xb.ark_xml(raekker)
    for r in (3, 5, 6):
        ark = ark.replace(f'<row r="{r}">', f'<row r="{r}" hidden="1">')
    ark = ark.replace('<row r="1">', '<row r="1" hidden="true">')  # a hidden heading is no budget line
    sti = xb.skriv(tmp_path / "b.xlsx", xb.dele(ark=ark))
    foer = takstfil.read_bytes()
    with pytest.raises(eb.ExcelFejl) as e:
        eb.forhaandsvis(sti, None, None, None, None, grundlag, tilbud_id="T1")
    assert e.value.besked == ("Arket 'Budget': 3 rækker med beløb er skjult i Excel (række 3, 5 og 6), fx af et "
                              "filter; vis alle rækker i Excel, eller slet dem, der ikke hører til budgettet, og gem "
                              "filen igen. Intet er importeret.")
    assert takstfil.read_bytes() == foer


def test_skjult_raekke_uden_beloeb_er_ingen_hindring(tmp_path, grundlag):
    ark = xb.ark_xml([["Konto", "Tekst", "Beløb"], ["2.2", "Mad", 100], [None, "noter", None]])
    ark = ark.replace('<row r="3">', '<row r="3" hidden="1">')
    sti = xb.skriv(tmp_path / "b.xlsx", xb.dele(ark=ark))
    assert [x.beloeb for x in eb.forhaandsvis(sti, None, None, None, None, grundlag, tilbud_id="T1").linjer] == [100]


def _to_ark(tmp_path, tilstand):
    bog = xb.projektmappe(["Skjult", "Budget"]).replace('<sheet name="Skjult"', f'<sheet name="Skjult" state="{tilstand}"')
    skjult = xb.ark_xml([["Konto", "Tekst", "Beløb"], ["2.2", "Gammelt budget", 999999]])
    return xb.skriv(tmp_path / "b.xlsx", xb.dele(**{"xl/workbook.xml": bog, "xl/_rels/workbook.xml.rels":
                                                    xb.bog_rels(ark=2, delte=False),
                                                    "xl/worksheets/sheet1.xml": skjult,
                                                    "xl/worksheets/sheet2.xml": xb.ark_xml(xb.BUDGET)}))


@pytest.mark.parametrize("tilstand", ["hidden", "veryHidden"])
def test_skjult_ark_vaelges_ikke_af_sig_selv(tmp_path, grundlag, tilstand):
    """A hidden first sheet (an old budget, a lookup table) was read by default: a sheet the user
    cannot see in Excel became the budget."""
    sti = _to_ark(tmp_path, tilstand)
    assert eb.ark_navne(sti) == ["Budget"]
    fv = eb.forhaandsvis(sti, None, None, None, None, grundlag, tilbud_id="T1")
    assert fv.ark == "Budget" and 999999 not in [x.beloeb for x in fv.linjer]
    f = ImportForloeb(sti, grundlag, "T1")
    assert f.ark_navne == ["Budget"] and f.ark == "Budget"


# ---- the tilbud column ------------------------------------------------------------------------

def test_tilbudsnavn_der_passer_paa_to_tilbud_afvises(tmp_path, grundlag):
    """Two tilbud may share a name (a § 107 and a § 108 part of 'Bostedet Nord'); a tilbud column
    naming it put every line on the last of them without a word."""
    import dataclasses

    from .conftest import skriv_budget

    t = grundlag.tilbud[0]
    to = dataclasses.replace(grundlag, tilbud=(t, dataclasses.replace(t, id="T2", tilbudsportal_id="999")))
    rows = [("1.1", "Løn", 100, t.navn), ("2.2", "Mad", 10, "T2"), ("2.2", "Mad", 10, "999")]
    with pytest.raises(eb.ExcelFejl) as e:
        eb.forhaandsvis(skriv_budget(tmp_path / "b.xlsx", raekker=rows), "Budget 2026", "A", "B", "C", to,
                        tilbud="D")
    assert e.value.besked == (f"Arket 'Budget 2026', række 4, kolonne D: '{t.navn}' passer på 2 tilbud i takstfilen "
                              "(T1 og T2); skriv tilbuddets id i stedet. Intet er importeret.")
    rows = [("1.1", "Løn", 100, "T1"), ("2.2", "Mad", 10, "T2"), ("2.2", "Mad", 10, "999")]
    fv = eb.forhaandsvis(skriv_budget(tmp_path / "c.xlsx", raekker=rows), "Budget 2026", "A", "B", "C", to,
                         tilbud="D")
    assert [x.tilbud_id for x in fv.linjer] == ["T1", "T2", "T2"]


# ---- control characters in a text cell ----------------------------------------------------------

def test_c1_kontroltegn_fjernes_som_de_andre(tmp_path, grundlag):
    """A cp1252 export read as Latin-1 carries U+0080-U+009F. They stayed in the text: the konto
    '\\x9f2.7' was no art ('kontoplanen kender ikke kontoen '2.7'', the character invisible), and the
    one validation refused the tekst with the budget's line number instead of the sheet's row."""
    sti = tmp_path / "b.csv"
    sti.write_bytes("Konto;Tekst;Beløb\r\n2.2;Mad\x9f og\u2028drikke\x96;100\r\n\x9f2.7;Ting;7\r\n".encode("utf-8"))
    fv = eb.forhaandsvis(sti, None, None, None, None, grundlag, tilbud_id="T1")
    assert [(x.konto, x.art, x.tekst) for x in fv.linjer] == [("2.2", "2.2", "Mad og drikke"), ("2.7", "2.7", "Ting")]
    assert eb.afvis_hvis_ugyldig(grundlag, fv, eb.ERSTAT)


def test_kommandolinjen_siger_hvilket_ark_den_laeste(tmp_path, grundlag, takstfil, capsys):
    """The budget on the second sheet: 'Beløb: vælg kolonnen med beløbet' did not say that the first
    sheet ('Forside') was read, nor that --ark chooses another."""
    from takstberegner.cli import main

    bog = xb.projektmappe(["Forside", "Budget"])
    sti = xb.skriv(tmp_path / "b.xlsx", xb.dele(**{
        "xl/workbook.xml": bog, "xl/_rels/workbook.xml.rels": xb.bog_rels(ark=2, delte=False),
        "xl/worksheets/sheet1.xml": xb.ark_xml([["Budget 2026"], ["Lavet af økonomi"]]),
        "xl/worksheets/sheet2.xml": xb.ark_xml(xb.BUDGET)}))
    foer = takstfil.read_bytes()
    assert main(["importer", str(sti), "--til", str(takstfil), "--tilbud-id", "T1", "--ja"]) == 2
    assert capsys.readouterr().err == (
        "takstberegner: Arket 'Forside' har ingen kolonne, der ligner beløbet; angiv kolonnen med --beloeb "
        "(overskrift eller bogstav), eller vælg arket med budgettet med --ark (de andre ark hedder 'Budget'). "
        "Intet er importeret.\n")
    assert takstfil.read_bytes() == foer
    assert main(["importer", str(sti), "--til", str(takstfil), "--tilbud-id", "T1", "--ja", "--ark", "Budget"]) == 0


# ---- what the command line tells --------------------------------------------------------------

@pytest.mark.parametrize("titel,gange", [("Budget (1.000 kr.)", 1000), ("Budget 2026, t.kr.", 1000), ("Beløb i tkr", 1000),
                                         ("Budget (mio. kr.)", 1000000), ("Beløb i tusind kroner", 1000),
                                         ("Budget 1000 kr", 1000), ("Budget, mill. kr.", 1000000)])
def test_beloeb_i_tusinder_afvises(tmp_path, grundlag, titel, gange):
    """Danish budgets are often shown 'i 1.000 kr.': 6.500 was imported as 6.500 kr., not 6.500.000."""
    sti = xb.skriv(tmp_path / "b.xlsx", xb.dele(ark=xb.ark_xml([["Konto", "Tekst", titel], ["1.1", "Løn", 6500]])))
    with pytest.raises(eb.ExcelFejl) as e:
        eb.forhaandsvis(sti, None, None, None, None, grundlag, tilbud_id="T1")
    assert e.value.besked == (f"Arket 'Budget', række 1, kolonne C: overskriften '{titel}' siger, at beløbene ikke er "
                              "i hele kroner; importen læser hvert beløb som kroner. Regn om til hele kroner i en ny "
                              f"kolonne i Excel (fx =C2*{gange}), og vælg den. Intet er importeret.")


@pytest.mark.parametrize("titel", ["Beløb", "Budget 2026", "Beløb (kr.)", "Korrigeret budget", "Budget i kroner"])
def test_beloeb_i_kroner_er_i_orden(tmp_path, grundlag, titel):
    sti = xb.skriv(tmp_path / "b.xlsx", xb.dele(ark=xb.ark_xml([["Konto", "Tekst", titel], ["1.1", "Løn", 6500]])))
    assert eb.forhaandsvis(sti, None, None, None, None, grundlag, tilbud_id="T1").linjer[0].beloeb == 6500


def test_forhaandsvisningen_siger_hvilke_kolonner_den_laeste(tmp_path, grundlag):
    """Two amount columns (Oprindeligt and Korrigeret budget): the command line chose one without
    saying which."""
    raekker = [["Konto", "Kontotekst", "Oprindeligt budget", "Korrigeret budget"], ["1.1", "Løn", 6000, 6500]]
    sti = xb.skriv(tmp_path / "b.xlsx", xb.dele(ark=xb.ark_xml(raekker)))
    fv = eb.forhaandsvis(sti, None, None, None, None, grundlag, tilbud_id="T1")
    assert fv.tekst(grundlag).splitlines()[1] == (
        "Kolonner: konto i A (Konto), tekst i B (Kontotekst), beløb i C (Oprindeligt budget).")
    fv = eb.forhaandsvis(sti, None, None, None, "Korrigeret budget", grundlag, tilbud_id="T1")
    assert "beløb i D (Korrigeret budget)" in fv.tekst(grundlag) and fv.linjer[0].beloeb == 6500


def test_konto_af_mellemrum_er_ingen_konto(tmp_path, grundlag):
    """A sum line whose konto cell holds a space was a budget line with the konto '' to choose a
    kategori for; it is a row without a konto, as with an empty cell."""
    raekker = [["Konto", "Tekst", "Beløb"], ["2.2", "Mad", 100], [" ", "I alt", 100]]
    fv = eb.forhaandsvis(xb.skriv(tmp_path / "b.xlsx", xb.dele(ark=xb.ark_xml(raekker))), None, None, None, None,
                         grundlag, tilbud_id="T1")
    assert [x.raekke for x in fv.linjer] == [2] and fv.sprunget_over == ((3, "beløb 100,00 kr. uden konto (sumlinje?)"),)


def test_csv_raekke_som_excel_viser_den(tmp_path, grundlag):
    """A quoted text with a line break is one row in Excel; the rows after it were named by the file's
    line number, one too high for each such break ('række 5' for what Excel shows as row 3)."""
    sti = tmp_path / "b.csv"
    sti.write_bytes('Konto;Tekst;Beløb\r\n1.1;"Løn\r\npæda-\r\ngoger";100\r\n2.2;Mad;abc\r\n'.encode("cp1252"))
    with pytest.raises(eb.ExcelFejl) as e:
        eb.forhaandsvis(sti, None, None, None, None, grundlag, tilbud_id="T1")
    assert e.value.besked == "Arket 'b', række 3, kolonne C: teksten 'abc' er ikke et beløb. Intet er importeret."


def test_konto_der_er_en_dato_eller_en_fejl(tmp_path, grundlag):
    """Danish Excel turns 2.2 typed in a cell into 2 February: the konto was shown as '46054' ('kontoplanen
    kender ikke kontoen '46054''), a number the user cannot find in the sheet; #REF! likewise."""
    typer = f'<styleSheet {xb.NS}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>'
    raekker = [["Konto", "Tekst", "Beløb"], ['<c r="A2" s="1"><v>46054</v></c>', "Mad", 100],
               ['<c r="A3" t="e"><v>#REF!</v></c>', "Løn", 5], ["1.1", "Løn", 5]]
    sti = xb.skriv(tmp_path / "b.xlsx", xb.dele(ark=xb.ark_xml(raekker), typer=typer))
    with pytest.raises(eb.ExcelFejl) as e:
        eb.forhaandsvis(sti, None, None, None, None, grundlag, tilbud_id="T1")
    assert e.value.besked == (
        "2 fejl i regnearket; intet er importeret:\n"
        "Arket 'Budget', række 2, kolonne A: cellen indeholder en dato, ikke en konto eller art (Excel gør fx 2.2 til "
        "2. februar, når det skrives i en celle); formatér kolonnen som tekst i Excel, og skriv kontoen igen.\n"
        "Arket 'Budget', række 3, kolonne A: cellen viser fejlen #REF!; ret formlen i Excel.")


def test_skjult_kolonne_foreslaas_ikke(tmp_path, grundlag):
    """'Oprindeligt budget' hidden in Excel beside the shown 'Korrigeret budget': the proposal took the
    hidden one (the first heading with 'budget'), amounts the user did not see."""
    raekker = [["Konto", "Kontotekst", "Oprindeligt budget", "Korrigeret budget"], ["1.1", "Løn", 6000, 6500]]
    cols = '<cols><col min="3" max="3" width="0" hidden="1" customWidth="1"/></cols>'
    sti = xb.skriv(tmp_path / "b.xlsx", xb.dele(ark=xb.ark_xml(raekker, foer=cols)))
    fv = eb.forhaandsvis(sti, None, None, None, None, grundlag, tilbud_id="T1")
    assert fv.linjer[0].beloeb == 6500 and ("beløb", "D (Korrigeret budget)") in fv.kolonner
    fv = eb.forhaandsvis(sti, None, None, None, "C", grundlag, tilbud_id="T1")  # chosen, it is read
    assert fv.linjer[0].beloeb == 6000
    f = ImportForloeb(sti, grundlag, "T1")
    assert f.valg.beloeb == 4


def test_kolonnebeskrivelser_er_begraensede(tmp_path, grundlag):
    cols = "<cols>" + '<col min="1" max="16384" hidden="1"/>' * 16_385 + "</cols>"
    sti = xb.skriv(tmp_path / "b.xlsx", xb.dele(ark=xb.ark_xml(xb.BUDGET, foer=cols)))
    with pytest.raises(AfvistFil, match="arket 'Budget' beskriver flere kolonner, end et ark kan have"):
        eb.forhaandsvis(sti, None, None, None, None, grundlag, tilbud_id="T1")
