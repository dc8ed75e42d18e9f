"""Reading last year's samlede takstbilag back for the sammenligning: our own file round-trips,
a re-saved one still reads, and anything else is refused with a Danish message, never a traceback."""
from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from takstberegner.export import takstbilag, takstbilag_laes
from takstberegner.export.takstbilag_laes import TakstbilagFejl, laes_takstbilag
from takstberegner.export.tillid import Tillid

from . import bilag_data as d


@pytest.fixture(scope="module")
def bilag_fil(tmp_path_factory, test_ca):
    mappe = tmp_path_factory.mktemp("laes")
    filer = [d.signer(g, test_ca.udsted(g.driftsherre.navn[:40], g.driftsherre.cvr), mappe / f"{i}.indmelding")
             for i, g in enumerate((d.grundlag_a(), d.grundlag_b(), d.grundlag_c()))]
    sti = mappe / "takstbilag-2026.xlsx"
    sti.write_bytes(takstbilag.lav_takstbilag(takstbilag.saml(filer, Tillid(roedder=(test_ca.rod,)))))
    return sti


def _takster_ark(sti):
    ws = openpyxl.load_workbook(sti)["Takster"]
    hoved = [c.value for c in ws[3]]
    return [dict(zip(hoved, r)) for r in ws.iter_rows(min_row=4, values_only=True)]


def test_eget_takstbilag_laeses_tilbage(bilag_fil):
    b = laes_takstbilag(bilag_fil)
    assert b.takstaar == 2026
    raekker = [r for r in _takster_ark(bilag_fil) if r["Takst (kr.)"] is not None]
    assert len(b.takster) == len(raekker) == 4  # the trækningsret row has no takst
    for t, r in zip(b.takster, raekker):
        assert (t.driftsherre, t.cvr, t.tilbud, t.ydelse, t.paragraf) == (
            r["Driftsherre"], r["CVR"], r["Tilbud"], r["Ydelse"], r["Paragraf"])
        assert t.tilbudstype == "doegn" and t.enhed == "doegn" and t.takstaar == 2026
        assert t.takst == Decimal(str(r["Takst (kr.)"]))
        assert t.pris_pr_stoettetime == Decimal(str(r["Pris pr. støttetime (kr.)"]))
    assert any(t.driftsherre == d.FORMEL_NAVN for t in b.takster)


def test_egenskaberne_som_excel_viser_er_dansk(bilag_fil):
    """What Excel shows under Filer › Oplysninger and Windows under Egenskaber › Detaljer (title,
    subject, keywords, author, program) is Danish: before, the keywords were the code 'takstbilag/2'
    and the program 'Microsoft Excel Compatible / Openpyxl 3.1.5'."""
    from xml.etree import ElementTree

    with zipfile.ZipFile(bilag_fil) as z:
        kerne, app = (ElementTree.fromstring(z.read(f"docProps/{n}.xml")) for n in ("core", "app"))
    vist = {e.tag.rpartition("}")[2]: e.text for e in list(kerne) + list(app) if e.text}
    assert vist["keywords"] == "Samlet takstbilag, udgave 2"
    assert vist["Application"] == "Takstberegner"
    assert vist["title"] == "Samlet takstbilag 2026" and vist["creator"].startswith("Takstberegner ")
    for navn, tekst in vist.items():
        if navn not in ("created", "modified"):
            assert not re.search(r"/|openpyxl|microsoft|compatible|takstbilag/", tekst, re.I), (navn, tekst)


def test_et_takstbilag_fra_den_forrige_version_laeses_stadig(bilag_fil, tmp_path):
    """A bilag written before the keywords became Danish (they were 'takstbilag/2') reads the same:
    a takstbilag is recognised by its sheet and headings, never by its keywords."""
    sti = tmp_path / "takstbilag-forrige-version.xlsx"
    with zipfile.ZipFile(bilag_fil) as ind, zipfile.ZipFile(sti, "w", zipfile.ZIP_DEFLATED) as ud:
        for info in ind.infolist():
            data = ind.read(info)
            if info.filename == "docProps/core.xml":
                assert b"<cp:keywords>Samlet takstbilag, udgave 2</cp:keywords>" in data
                data = data.replace(b"Samlet takstbilag, udgave 2", b"takstbilag/2")
            ud.writestr(info, data)
    assert openpyxl.load_workbook(sti).properties.keywords == "takstbilag/2"
    assert laes_takstbilag(sti).takster == laes_takstbilag(bilag_fil).takster


def test_et_gemt_og_omsorteret_takstbilag_laeses_stadig(bilag_fil, tmp_path):
    wb = openpyxl.load_workbook(bilag_fil)
    ws = wb["Takster"]
    ws.insert_cols(1)  # a column added in front, as a user might
    ws.cell(3, 1, "Min egen kolonne")
    wb.move_sheet("Takster", offset=2)
    sti = tmp_path / "gemt.xlsx"
    wb.save(sti)
    assert len(laes_takstbilag(sti).takster) == 4


def test_foraeldet_dimension_skjuler_ingen_raekker(bilag_fil, tmp_path):
    with zipfile.ZipFile(bilag_fil) as z:
        medlemmer = {n: z.read(n) for n in z.namelist()}
    navn = "xl/worksheets/sheet1.xml"
    assert b"Samlet takstbilag 2026 \xe2\x80\x93 Takster" not in medlemmer[navn]  # shared strings
    medlemmer[navn] = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:B2"/>', medlemmer[navn])
    sti = tmp_path / "dim.xlsx"
    with zipfile.ZipFile(sti, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in medlemmer.items():
            z.writestr(n, data)
    assert len(laes_takstbilag(sti).takster) == 4


def _xlsx(wb) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_andre_filer_afvises_med_dansk_besked(tmp_path, bilag_fil, monkeypatch):
    def fejl(data: bytes, navn="x.xlsx") -> str:
        (tmp_path / navn).write_bytes(data)
        with pytest.raises(TakstbilagFejl) as e:
            laes_takstbilag(tmp_path / navn)
        return e.value.besked

    assert "ikke en Excel-projektmappe" in fejl(b"%PDF-1.7 ikke et regneark")
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Et helt andet regneark"
    assert fejl(_xlsx(wb)) == "Filen er ikke et takstbilag fra Takstberegner: arket 'Takster' mangler."
    wb.active.title = "Takster"
    wb.active.append(["Driftsherre", "Tilbud", "Takst"])
    assert "har ikke takstbilagets kolonner" in fejl(_xlsx(wb))
    # malformed sheet XML
    with zipfile.ZipFile(bilag_fil) as z:
        medlemmer = {n: z.read(n) for n in z.namelist()}
    medlemmer["xl/worksheets/sheet1.xml"] = medlemmer["xl/worksheets/sheet1.xml"][:900] + b"<c r=<<"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for n, data in medlemmer.items():
            z.writestr(n, data)
    assert fejl(buf.getvalue()) == "Filen er beskadiget og kan ikke læses som Excel-projektmappe."
    # a damaged member (CRC) and a missing file and a folder
    raa = bytearray(bilag_fil.read_bytes())
    with zipfile.ZipFile(bilag_fil) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    raa[info.header_offset + 30 + len(info.filename) + info.compress_size // 2] ^= 0xFF
    assert fejl(bytes(raa)).startswith("Filen er beskadiget og kan ikke læses som Excel-projektmappe")
    with pytest.raises(TakstbilagFejl, match="findes ikke"):
        laes_takstbilag(tmp_path / "vaek.xlsx")
    with pytest.raises(TakstbilagFejl, match="er en mappe"):
        laes_takstbilag(tmp_path)


def _med_del(kilde, navn: str, data: bytes) -> bytes:
    """The workbook `kilde` with the member `navn` replaced by `data`."""
    with zipfile.ZipFile(kilde) as z:
        medlemmer = {n: z.read(n) for n in z.namelist()}
    medlemmer[navn] = data
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for n, d_ in medlemmer.items():
            z.writestr(n, d_)
    return buf.getvalue()


def test_stoerrelsen_er_begraenset(tmp_path, bilag_fil, monkeypatch):
    # inflating beyond the cap: a sheet of blanks that compresses a thousandfold, valid XML to the end
    monkeypatch.setattr(takstbilag_laes, "MAKS_UDPAKKET", 1024 * 1024)
    bombe = b"<worksheet>" + b" " * (3 * 1024 * 1024) + b"</worksheet>"
    (tmp_path / "bombe.xlsx").write_bytes(_med_del(bilag_fil, "xl/worksheets/sheet1.xml", bombe))
    assert (tmp_path / "bombe.xlsx").stat().st_size < 100_000
    with pytest.raises(TakstbilagFejl, match="fylder mere end 1 MB, når den pakkes ud"):
        laes_takstbilag(tmp_path / "bombe.xlsx")
    monkeypatch.setattr(takstbilag_laes, "MAKS_FIL", 1000)
    with pytest.raises(TakstbilagFejl, match="for stor"):
        laes_takstbilag(tmp_path / "bombe.xlsx")


def test_dokumenttyper_og_entiteter_afvises(tmp_path, bilag_fil):
    latter = (b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "hahahahahahahaha"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
              b"<sst><si><t>&b;</t></si></sst>")
    (tmp_path / "latter.xlsx").write_bytes(_med_del(bilag_fil, "xl/sharedStrings.xml", latter))
    with pytest.raises(TakstbilagFejl, match="dokumenttypeerklæringer er ikke tilladt"):
        laes_takstbilag(tmp_path / "latter.xlsx")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_enhver_mutation_giver_et_resultat_eller_en_dansk_besked(bilag_fil, tmp_path, data):
    """Mutating any part of a genuine bilag (bytes changed, cut or inserted) never gives anything
    but takster or a TakstbilagFejl; openpyxl/lxml once crashed the process on such files."""
    with zipfile.ZipFile(bilag_fil) as z:
        navn = data.draw(st.sampled_from(sorted(z.namelist())))
        indhold = bytearray(z.read(navn))
    for _ in range(data.draw(st.integers(1, 8))):
        p = data.draw(st.integers(0, max(len(indhold) - 1, 0)))
        handling = data.draw(st.sampled_from(["byt", "slet", "indsaet"]))
        if handling == "byt" and indhold:
            indhold[p] = data.draw(st.integers(0, 255))
        elif handling == "slet":
            del indhold[p: p + data.draw(st.integers(1, 60))]
        else:
            indhold[p:p] = data.draw(st.sampled_from([b"<", b"</row>", b'<c r="ZZZ9"><v>1e999</v></c>',
                                                      b'<row r="0">', b"&amp;", b"<x>" * 30, b"\x00"]))
    sti = tmp_path / "muteret.xlsx"
    sti.write_bytes(_med_del(bilag_fil, navn, bytes(indhold)))
    try:
        laes_takstbilag(sti)
    except TakstbilagFejl as e:
        assert e.besked and "Traceback" not in e.besked


def test_for_mange_raekker_afvises(tmp_path, monkeypatch):
    monkeypatch.setattr(takstbilag_laes, "MAKS_RAEKKER", 5)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Takster"
    ws.append(list(takstbilag_laes.KRAEVEDE))
    for i in range(10):
        ws.append([f"K{i}", str(i), "T", "SEL § 108", "Døgn", "Y", "Døgn", 1000 + i])
    (tmp_path / "mange.xlsx").write_bytes(_xlsx(wb))
    with pytest.raises(TakstbilagFejl, match="mere end 5 rækker"):
        laes_takstbilag(tmp_path / "mange.xlsx")


def test_en_takst_som_formel_uden_gemt_vaerdi_afvises_med_sin_raekke(bilag_fil, tmp_path):
    """Known defect: a takst cell of last year's takstbilag that is a formula without its result
    (the bilag re-saved by a program that does not calculate; openpyxl writes formulas so) was read
    as blank, and its row left the sammenligning without a word. It is refused naming the sheet,
    the row and the column, and saying to save the file in Excel first."""
    wb = openpyxl.load_workbook(bilag_fil)
    ws = wb["Takster"]
    kol = next(c.column for c in ws[3] if c.value == "Takst (kr.)")
    ws.cell(5, kol).value = "=1000+664.74"
    sti = tmp_path / "skrevet.xlsx"
    wb.save(sti)
    with pytest.raises(TakstbilagFejl) as e:
        laes_takstbilag(sti)
    assert e.value.besked == ("Arket 'Takster', række 5: kolonnen 'Takst (kr.)' har en formel uden gemt værdi "
                              "(filen er gemt af et program, der ikke regner formler ud). Åbn filen i Excel, og gem "
                              "den igen, før den bruges.")


@pytest.mark.parametrize("celle", ['<c r="{ref}" t="e"><f>1/0</f><v>#DIV/0!</v></c>',
                                   '<c r="{ref}" t="e"><v>#REF!</v></c>'])
def test_en_takst_der_viser_en_fejl_afvises_med_sin_raekke(bilag_fil, tmp_path, celle):
    """Known defect: a takst cell of last year's takstbilag showing an error (#DIV/0!, #REF!: a
    formula added in Excel that broke) was read as blank, and its row left the sammenligning
    without a word, like a formula without its result. It is refused naming the row, the column
    and the error."""
    wb = openpyxl.load_workbook(bilag_fil)
    ws = wb["Takster"]
    kol = next(c.column for c in ws[3] if c.value == "Takst (kr.)")
    ref = f"{openpyxl.utils.get_column_letter(kol)}5"
    ws[ref].value = "MARKER"
    sti = tmp_path / "skrevet.xlsx"
    wb.save(sti)
    with zipfile.ZipFile(sti) as z:
        dele = {n: z.read(n) for n in z.namelist()}
    ark = next(n for n in dele if n.startswith("xl/worksheets/") and re.search(rb'<c r="' + ref.encode(), dele[n]))
    dele[ark] = re.sub(rb'<c r="' + ref.encode() + rb'"[^>]*>.*?</c>', celle.format(ref=ref).encode(), dele[ark])
    with zipfile.ZipFile(sti, "w") as z:
        for n, data in dele.items():
            z.writestr(n, data)
    with pytest.raises(TakstbilagFejl) as e:
        laes_takstbilag(sti)
    fejl = re.search(r"<v>(.*)</v>", celle).group(1)
    assert e.value.besked == (f"Arket 'Takster', række 5: kolonnen 'Takst (kr.)' viser fejlen {fejl}. Ret formlen i "
                              "Excel, eller brug takstbilaget, som sekretariatet sendte det.")


@pytest.mark.parametrize("kolonne", ["Takst (kr.)", "Pris pr. støttetime (kr.)"])
def test_en_takst_der_er_tekst_afvises_med_sin_raekke(bilag_fil, tmp_path, kolonne):
    """A takst or pris typed over with a text ('se note') in last year's takstbilag was read as blank,
    and with both blank the row left the sammenligning without a word. Our own bilag writes numbers
    or nothing there, so the text is refused naming the row, the column and the text; a number
    written as text ('1.664,74') is still read."""
    wb = openpyxl.load_workbook(bilag_fil)
    ws = wb["Takster"]
    kol = next(c.column for c in ws[3] if c.value == kolonne)
    ws.cell(5, kol).value = "se note"
    sti = tmp_path / "tekst.xlsx"
    wb.save(sti)
    with pytest.raises(TakstbilagFejl) as e:
        laes_takstbilag(sti)
    assert e.value.besked == (f"Arket 'Takster', række 5: kolonnen '{kolonne}' har teksten 'se note', som ikke er et "
                              "beløb. Ret cellen i Excel, eller brug takstbilaget, som sekretariatet sendte det.")
    ws.cell(5, kol).value = "1.664,74"
    wb.save(sti)
    assert Decimal("1664.74") in {t.takst for t in laes_takstbilag(sti).takster} | {
        t.pris_pr_stoettetime for t in laes_takstbilag(sti).takster}


def _takster_fil(tmp_path, raekker_xml: bytes, navn: str = "celler.xlsx"):
    """A workbook with the sheet Takster whose sheet part is the takstbilag's headings, then `raekker_xml`."""
    wb = openpyxl.Workbook()
    wb.active.title = "Takster"
    tom = tmp_path / "tom.xlsx"
    tom.write_bytes(_xlsx(wb))
    hoved = "".join(f'<c r="{openpyxl.utils.get_column_letter(i + 1)}1" t="inlineStr"><is><t>{n}</t></is></c>'
                    for i, n in enumerate(takstbilag_laes.KRAEVEDE))
    ark = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
           + f'<row r="1">{hoved}</row>'.encode() + raekker_xml + b"</sheetData></worksheet>")
    (tmp_path / navn).write_bytes(_med_del(tom, "xl/worksheets/sheet1.xml", ark))
    return tmp_path / navn


def test_cellerne_er_begraenset(tmp_path):
    """Last year's takstbilag is a file from outside: a sheet Takster of 13 mio. number cells (a 0,5 MB
    file) took 1,5 GB and 65 s before it was refused for its headings, and one cell in column 300 of
    each of 99.000 rows (11 KB) 270 MB, as every row's list held 300 cells. The cells (empty ones
    and those a row holds before its last) are counted, and the file is refused past 1.000.000 (139 MB
    and 6 s for the first, 26 MB and 0,2 s for the second; bench/bench_import.py --kun-sammenligning)."""
    raekker = b"".join(b'<row r="%d"><c r="KN%d"><v>1000</v></c></row>' % (r, r) for r in range(2, 3_500))
    sti = _takster_fil(tmp_path, raekker)
    assert sti.stat().st_size < 100_000
    with pytest.raises(TakstbilagFejl) as e:
        laes_takstbilag(sti)
    assert e.value.besked == ("Filen er ikke et takstbilag fra Takstberegner: arket 'Takster' har mere end "
                              "1.000.000 celler.")


def test_graenserne_for_elementer_celler_og_tegn():
    """regneark_laes holds each of its caps (small ones here): XML elements of a part, <c> elements
    also beyond the columns it keeps, and the characters kept of a cell."""
    from takstberegner.export import regneark_laes as rl

    def mappe(raekker: str) -> bytes:
        wb = openpyxl.Workbook()
        wb.active.title = "Takster"
        ark = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
               + raekker + "</sheetData></worksheet>")
        return _med_del(io.BytesIO(_xlsx(wb)), "xl/worksheets/sheet1.xml", ark.encode())

    with pytest.raises(rl.RegnearkFejl, match="En del af filen har mere end 1.000 elementer"):
        rl.ark_raekker(mappe("<x/>" * 1000), "Takster", rl.Graenser(elementer=1000))
    udenfor = '<row r="1">' + "".join(f'<c r="ZZ1"><v>{i}</v></c>' for i in range(101)) + "</row>"
    with pytest.raises(rl.RegnearkFejl, match="Arket 'Takster' har mere end 100 celler"):
        rl.ark_raekker(mappe(udenfor), "Takster", rl.Graenser(celler=100, kolonner=10))
    assert rl.ark_raekker(mappe('<row r="1"><c r="A1" t="inlineStr"><is><t>' + "æ" * 50 + "</t></is></c></row>"),
                          "Takster", rl.Graenser(tegn=20)) == [["æ" * 20]]
