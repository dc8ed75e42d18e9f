"""The secretariat's samlede takstbilag for DAS, as an Excel workbook (SA 2.2.1, 3.1, 5).

`lav_takstbilag(udvalg) -> bytes` renders the sheets that export/takstbilag_ark.py prepares from
the counted submissions (export/takstbilag_udvalg.py decides which count). Every sheet is an
Excel table with filters, its heading row frozen and repeated on every printed page, landscape,
fitted to the page width when that keeps it readable, else printed at full size over pages across
(`udskrift`). Text from a submission is always written as text, never as a
formula (export/regneark.py); numbers are numbers, percentages real percentages.

`saml(filer, tillid)` (re-exported from takstbilag_udvalg) verifies the files and never raises.
"""
from __future__ import annotations

import io
import warnings
import zipfile
from copy import copy
from datetime import datetime

from takstberegner import __version__
from takstberegner.dansk import tidspunkt
from takstberegner.export import excel_graenser, regneark
from takstberegner.export.takstbilag_ark import ANTAL, HELE_KR, KR, PCT, TAL, TEKST, TID, Ark, Takstbilag, byg
from takstberegner.export.takstbilag_udvalg import Indmelding, Udvalg, fra_verifikation, saml, udvaelg

__all__ = ["NOEGLEORD", "PROGRAM", "lav_takstbilag", "saml", "udvaelg"]

# The workbook's keywords and program name, which Excel shows under Filer › Oplysninger and Windows
# under Egenskaber › Detaljer: Danish words, no code (they held 'takstbilag/2' and openpyxl's
# 'Microsoft Excel Compatible / Openpyxl 3.1.5'). Nothing reads them back: the sammenligning
# recognises a takstbilag by its sheet Takster and its headings (takstbilag_laes), so a bilag
# written by an earlier version, with 'takstbilag/2' in its keywords, still reads.
NOEGLEORD = "Samlet takstbilag, udgave 2"
PROGRAM = "Takstberegner"
FLAG_FILL = "FCE4D6"
HOVED_FILL = "D9E1F2"
_FORMATER = {KR: "#,##0.00", HELE_KR: "#,##0", ANTAL: "0", PCT: "0.00%", TAL: "#,##0.00",
             TID: "dd-mm-yyyy hh:mm:ss"}
_LILLE = 9  # point size in the tables: the Takster sheet is 38 columns wide
# Printing, landscape with 0,4 inch side margins. A column unit is 5,25 points in Excel (7 pixels
# of Calibri 11) but up to 7 points where Calibri is missing (LibreOffice with DejaVu). A sheet that
# fits one page wide at 90 % or more in Excel (9 pt stays 8 pt) is fitted to the width of A4, else
# of A3, and each program scales it itself; a wider one is printed on A3 at full size over several
# pages across, packed so each fits at 7 points a unit, each repeating the frozen columns
# (driftsherre, tilbud, ydelse) and the heading row.
_PLADS_PT = {"A4": 841.89 - 57.6, "A3": 1190.55 - 57.6}
_PT_EXCEL, _PT_BRED = 5.25, 7.0
_MINDST_SKALA = 0.9


def titel(takstaar: int | None) -> str:
    return f"Samlet takstbilag {takstaar}" if takstaar else "Samlet takstbilag"


def _udvalg(indmeldinger, takstaar: int | None) -> Udvalg:
    if isinstance(indmeldinger, Udvalg):
        return indmeldinger
    return udvaelg([i if isinstance(i, Indmelding) else fra_verifikation(i) for i in indmeldinger], takstaar)


def lav_takstbilag(indmeldinger, *, takstaar: int | None = None, nu: datetime | None = None) -> bytes:
    """The workbook. `indmeldinger`: an `Udvalg`, or verification results / `Indmelding`s in the
    order given (then chosen with `udvaelg`, for `takstaar` or the most common one). Raises
    `excel_graenser.ForStortRegneark` (Danish, naming the files) when Excel could not hold it."""
    return skriv(byg(_udvalg(indmeldinger, takstaar), nu))


def skriv(bilag: Takstbilag) -> bytes:
    """The prepared bilag as xlsx bytes, written row by row (openpyxl's write-only mode): memory
    stays bounded whatever the number of rows. Excel's limits are checked first, so a workbook
    Excel would refuse or cut is never written."""
    from openpyxl import Workbook

    excel_graenser.kontroller(bilag.ark, _filnavne(bilag))
    wb = Workbook(write_only=True)
    wb.properties.title = titel(bilag.takstaar)
    wb.properties.subject = "Takster til Direktørkredsens Administrative Styregruppe (DAS)"
    wb.properties.creator = f"Takstberegner {__version__}"
    wb.properties.keywords = NOEGLEORD
    for ark in bilag.ark:
        ws = wb.create_sheet(ark.navn)
        ws._values_to_row = _celler  # see _celler
        _skriv_ark(ws, ark, bilag.takstaar, bilag.dannet)
    buf = io.BytesIO()
    _gem(wb, buf)
    return buf.getvalue()


class _Arkiv(zipfile.ZipFile):
    """The workbook's ZIP, with the extended properties (docProps/app.xml) written as ours: openpyxl
    writes its own there, whatever the workbook says, naming itself as the program."""

    def writestr(self, zinfo_or_arcname, data, *args, **kwargs):
        navn = getattr(zinfo_or_arcname, "filename", zinfo_or_arcname)
        if navn == "docProps/app.xml":
            data = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
                    f"<Application>{PROGRAM}</Application></Properties>")
        return super().writestr(zinfo_or_arcname, data, *args, **kwargs)


def _gem(wb, ud) -> None:
    """wb.save(ud), with our program name in the extended properties (as openpyxl's save_workbook
    does otherwise: the modified time, then the writer into a deflated ZIP)."""
    from datetime import timezone

    from openpyxl.writer.excel import ExcelWriter

    if not wb.worksheets:
        wb.create_sheet()
    wb.properties.modified = datetime.now(tz=timezone.utc).replace(tzinfo=None)
    with _Arkiv(ud, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as arkiv:
        ExcelWriter(wb, arkiv).save()


def _celler(celler, raekke: int):
    """The cells of a row as written: every value here is a styled cell already. (openpyxl's own
    step first tries each as a plain value and catches the error, a third of the time of a large
    bilag; without this override, as after an upgrade that renames it, the result is the same.)"""
    for j, c in enumerate(celler, 1):
        if c is not None:
            c.column, c.row = j, raekke
            yield c


def _filnavne(bilag: Takstbilag) -> dict[int, str]:
    from pathlib import Path

    return {st.nr: Path(st.indmelding.fil).name or st.indmelding.fil for st in bilag.udvalg.statusser}


class _Stile:
    """The cell styles of the tables, made once and copied onto each cell (openpyxl looks a style
    up by hashing it on every assignment, which cost most of the time of a large bilag)."""

    def __init__(self, ws):
        from openpyxl.cell import Cell
        from openpyxl.styles import Alignment, Font, PatternFill

        self.Cell = Cell  # imported once: an import in `celle` cost a tenth of the time
        self.ws = ws
        self.lille = Font(size=_LILLE)
        self.flag = PatternFill("solid", fgColor=FLAG_FILL)
        self.tekst = Alignment(wrap_text=True, vertical="top")
        self.tal = Alignment(vertical="top")
        self.stile: dict[tuple[str, bool], object] = {}

    def celle(self, art: str, fremhaev: bool, v):
        if (art, fremhaev) not in self.stile:
            proto = self.Cell(self.ws)
            proto.font = self.lille
            proto.alignment = self.tekst if art == TEKST else self.tal
            proto.number_format = _FORMATER.get(art, "General")
            if fremhaev:
                proto.fill = self.flag
            self.stile[(art, fremhaev)] = proto._style
        c = self.Cell(self.ws, row=1, column=1)
        c._style = copy(self.stile[(art, fremhaev)])
        _saet(c, art, v, format_=False)
        return c


def _skriv_ark(ws, ark: Ark, takstaar: int | None, dannet: datetime) -> None:
    """One sheet, rows in order (write-only: widths, heights, merges and print settings are set
    before or beside the rows, never by going back to a cell)."""
    from openpyxl.cell import Cell
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

    fed = Font(bold=True, size=_LILLE)
    overskrift = f"{titel(takstaar)} – {ark.titel}"
    n = len(ark.kolonner)
    bredder = [_bredde(k) for k in ark.kolonner]
    for j, b in enumerate(bredder, 1):
        ws.column_dimensions[get_column_letter(j)].width = b
    papir, sider, gentag = udskrift(bredder, ark.frys_kolonner,
                                    [j for j, k in enumerate(ark.kolonner, 1) if k.navn in ark.grupper])
    foerste_side = min(sider[0] - 1, n) if sider else n
    raekker = ark.raekker or []
    sidste = 3 + max(len(raekker), 1)
    slut = sidste + (ark.slutraekke is not None)
    navne_ = [regneark.tekst(k.navn)[0] for k in ark.kolonner]
    # everything Excel reads before the rows (the sheet's properties, frozen panes) is set first
    tabel = Table(displayName=ark.tabel, ref=f"A3:{get_column_letter(n)}{sidste}",
                  tableColumns=[TableColumn(id=j, name=navn) for j, navn in enumerate(navne_, 1)])
    tabel.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
    with warnings.catch_warnings():  # openpyxl warns that write-only needs the columns: given above
        warnings.simplefilter("ignore")
        ws.add_table(tabel)
    # the sheet's <dimension>, which readers such as openpyxl's read-only mode trust (write-only
    # mode leaves it out): known before the first row
    ws.calculate_dimension = lambda: f"A1:{get_column_letter(n)}{slut}"
    ws.freeze_panes = f"{get_column_letter(ark.frys_kolonner + 1)}4"
    ws.print_title_rows = "3:3"
    ws.print_area = f"A1:{get_column_letter(n)}{slut}"
    ps = ws.page_setup
    ps.orientation, ps.paperSize = "landscape", "8" if papir == "A3" else "9"  # A3, A4
    if sider:
        from openpyxl.worksheet.pagebreak import Break

        ws.sheet_properties.pageSetUpPr.fitToPage = False
        ps.scale = 100
        for start in sider:
            ws.col_breaks.append(Break(id=start - 1))  # a page begins at column `start`
        if gentag:
            ws.print_title_cols = f"A:{get_column_letter(gentag)}"
    else:
        ps.fitToWidth, ps.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4

    def tekstcelle(v, **stil):
        c = Cell(ws, row=1, column=1)
        regneark.saet_tekst(c, v)
        for navn, vaerdi in stil.items():
            setattr(c, navn, vaerdi)
        return c

    # the title and the explanation wrap within the first printed page (its first columns): a
    # long explanation in one cell ran on past the page's edge
    ombryd = Alignment(wrap_text=True, vertical="top")
    bredde = sum(bredder[:foerste_side])
    for raekke, tekst, pt, font in ((1, overskrift, 14, Font(bold=True, size=14)),
                                    (2, ark.forklaring, 11, Font(italic=True, color="555555"))):
        if foerste_side > 1:
            ws.merged_cells.add(f"A{raekke}:{get_column_letter(foerste_side)}{raekke}")
        # characters per column unit: 1,1 at the tables' 9 points, fewer at larger sizes
        linjer = _linjer(tekst, bredde * _LILLE / pt)
        ws.row_dimensions[raekke].height = min(409.0, round(linjer * pt * 1.35 + 4, 1))
        ws.append([tekstcelle(tekst, font=font, alignment=ombryd)])
    hoved = PatternFill("solid", fgColor=HOVED_FILL)
    ws.row_dimensions[3].height = _hoejde(max(_linjer(k.navn, _bredde(k), fed=True) for k in ark.kolonner))
    ws.append([tekstcelle(navn, font=fed, fill=hoved, alignment=Alignment(
        wrap_text=True, vertical="bottom", horizontal="left" if k.art == TEKST else "right"))
        for navn, k in zip(navne_, ark.kolonner)])
    stil = _Stile(ws)
    for i, r in enumerate(raekker, 4):
        vaerdier = r.liste(ark.kolonner)
        ws.row_dimensions[i].height = _hoejde(max(
            (_linjer(v, b) for b, v in zip(bredder, vaerdier) if isinstance(v, str)), default=1))
        ws.append([stil.celle(k.art, r.fremhaev, v) for k, v in zip(ark.kolonner, vaerdier)])
        del ws.row_dimensions[i]  # written: a row's height is kept only until then
    if not raekker:
        ws.append([tekstcelle("(ingen rækker)")])
    if ark.slutraekke is not None:
        kant = Border(top=Side(style="thin"), bottom=Side(style="double"))
        celler = []
        for k, v in zip(ark.kolonner, ark.slutraekke):
            c = Cell(ws, row=1, column=1)
            _saet(c, k.art, v)
            c.font, c.border = fed, kant
            celler.append(c)
        ws.append(celler)
    hf = ws.HeaderFooter
    hf.oddHeader.center.text = overskrift.replace("&", "&&")
    hf.oddFooter.left.text = f"Dannet {tidspunkt(dannet)}"
    hf.oddFooter.right.text = "Side &P af &N"


def udskrift(bredder: list[float], gentag: int, grupper: list[int]) -> tuple[str, list[int], int]:
    """(paper, the first column (1-based) of each printed page after the first, the columns
    repeated on every page) for columns of these widths: fitted to one page wide on A4 or A3 when
    that keeps 90 % of the size (no pages), else A3 at full size, with the columns split into pages
    at the starts of `grupper` (a group wider than a page at single columns), each page after the
    first repeating the first `gentag` columns (none if they take more than half a page)."""
    i_alt = sum(bredder)
    for papir in ("A4", "A3"):
        if i_alt * _PT_EXCEL <= _PLADS_PT[papir] / _MINDST_SKALA:
            return papir, [], 0
    plads = _PLADS_PT["A3"] / _PT_BRED * 0.98
    gentaget = sum(bredder[:gentag])
    if gentaget > plads / 2:
        gentag, gentaget = 0, 0.0
    starter = sorted({gentag + 1, *(g for g in grupper if g > gentag)})
    dele = [list(range(a, b)) for a, b in zip(starter, starter[1:] + [len(bredder) + 1])]
    sider: list[int] = []
    brugt = sum(bredder[:starter[0] - 1])
    for del_ in dele:
        b = sum(bredder[j - 1] for j in del_)
        if brugt + b <= plads:
            brugt += b
            continue
        if gentaget + b <= plads:  # the group starts a new page
            sider.append(del_[0])
            brugt = gentaget + b
            continue
        for j in del_:  # a group wider than a page: column by column
            if brugt + bredder[j - 1] > plads:
                sider.append(j)
                brugt = gentaget
            brugt += bredder[j - 1]
    return "A3", sider, gentag


def _linjer(tekst: str, bredde: float, fed: bool = False) -> int:
    """How many lines `tekst` takes in a wrapped cell `bredde` units wide (greedy word wrap at the
    tables' point size), so row heights can be set: not every spreadsheet fits them on opening."""
    pr_linje = max(1, int(bredde * (0.95 if fed else 1.1)))
    n = 0
    for afsnit in str(tekst).split("\n"):
        linje = 0
        n += 1
        for ord_ in afsnit.split(" "):
            laengde = len(ord_)
            if linje and linje + 1 + laengde > pr_linje:
                n, linje = n + 1, 0
            while laengde > pr_linje:  # a word longer than the column is broken
                n, laengde = n + 1, laengde - pr_linje
            linje += laengde + (1 if linje else 0)
    return n


def _hoejde(linjer: int) -> float:
    return min(409.0, round(linjer * 11.5 + 3, 1))  # 409 points: a spreadsheet's highest row


def _bredde(k) -> float:
    """The column's width, at least the longest word of its heading."""
    return max(k.bredde, max(len(o) for o in k.navn.replace("-", "- ").split()) * 0.95 + 1.5)


def _saet(c, art: str, v, format_: bool = True) -> None:
    if v is None or v == "":
        return
    if isinstance(v, str) or art == TEKST:
        regneark.saet_tekst(c, v)
        return
    if art == PCT:
        v = v / 100
    if format_:
        c.number_format = _FORMATER.get(art, "General")
    c.value = v
