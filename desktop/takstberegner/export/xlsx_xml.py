"""A small, fast xlsx writer: sheets whose rows are written as SpreadsheetML text directly.

openpyxl (even write-only) builds, types and styles a Python object for every cell, about 30 µs
a cell; the takstskema of a large driftsherre has 300.000 cells. Here a sheet is a list of
`<row>` strings its caller builds, the styles are one fixed table (`S_*`, the cellXfs of
styles.xml: built-in number formats, a handful of fonts), and the package parts are written
around them. Strings are inline (`t="inlineStr"`), so every sheet's text is readable in its own
XML (export/binding reads the fingerprint statement there). The zip is deterministic: fixed
member order and timestamps.

API: `celle_tekst`, `celle_tal`, `celle_formel` give one cell's XML; `Ark` holds a sheet's rows,
column widths, frozen rows, print titles, footer and internal hyperlinks; `pak(ark, ...)`
returns the workbook's bytes.
"""
from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from io import BytesIO

# cellXfs (styles.xml): the only styles the program writes.
S_STD, S_FED, S_TITEL, S_TRIN, S_SEKTION, S_UDKAST, S_NOTE, S_HOVED, S_OMBRYD, S_LINK = range(10)
S_KR, S_KR_FED, S_PCT, S_PCT_FED, S_HELTAL, S_HELTAL_FED, S_AAR, S_AAR_FED = range(10, 18)
S_FAKTOR, S_FAKTOR_FED = 18, 19

_FONTE = (
    '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
    '<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font>',
    '<font><b/><sz val="13"/><color rgb="FF1F3864"/><name val="Calibri"/><family val="2"/></font>',
    '<font><b/><sz val="11"/><color rgb="FF1F3864"/><name val="Calibri"/><family val="2"/></font>',
    '<font><b/><sz val="11"/><color rgb="FFC00000"/><name val="Calibri"/><family val="2"/></font>',
    '<font><i/><sz val="9"/><name val="Calibri"/><family val="2"/></font>',
    '<font><u/><sz val="11"/><color rgb="FF0563C1"/><name val="Calibri"/><family val="2"/></font>',
)
# (numFmtId, font, fill, alignment); number formats are Excel's built-in ones:
# 4 = #,##0.00, 10 = 0.00 %, 3 = #,##0, 1 = 0; and one of our own, 164 = a factor with ten decimals
# (rapport.FAKTOR_DECIMALER), so that the figure a reader multiplies by is the one computed with.
_EGNE_FORMATER = ((164, "0.0000000000"),)
# Every cell is top-aligned, so a row with a wrapped text reads from its first line.
_TOP = '<alignment vertical="top"/>'
_XF = (
    (0, 0, 0, _TOP), (0, 1, 0, _TOP), (0, 2, 0, _TOP), (0, 3, 0, _TOP), (0, 4, 0, _TOP), (0, 5, 0, _TOP), (0, 6, 0, _TOP),
    (0, 1, 2, '<alignment vertical="bottom" wrapText="1"/>'), (0, 0, 0, '<alignment vertical="top" wrapText="1"/>'),
    (0, 7, 0, _TOP),
    (4, 0, 0, _TOP), (4, 1, 0, _TOP), (10, 0, 0, _TOP), (10, 1, 0, _TOP), (3, 0, 0, _TOP), (3, 1, 0, _TOP),
    (1, 0, 0, _TOP), (1, 1, 0, _TOP),
    (164, 0, 0, _TOP), (164, 1, 0, _TOP),
)


def _styles() -> str:
    xf = []
    for num, font, fill, just in _XF:
        attr = f' numFmtId="{num}" fontId="{font}" fillId="{fill}" borderId="0" xfId="0"'
        attr += (' applyNumberFormat="1"' if num else "") + (' applyFont="1"' if font else "") + \
            (' applyFill="1"' if fill else "") + (' applyAlignment="1"' if just else "")
        xf.append(f"<xf{attr}>{just}</xf>" if just else f"<xf{attr}/>")
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<numFmts count="{len(_EGNE_FORMATER)}">'
        + "".join(f'<numFmt numFmtId="{i}" formatCode="{k}"/>' for i, k in _EGNE_FORMATER) + '</numFmts>'
        f'<fonts count="{len(_FONTE)}">{"".join(_FONTE)}</fonts>'
        '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
        '<fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        f'<cellXfs count="{len(xf)}">{"".join(xf)}</cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        '</styleSheet>'
    )


_ESC_ATTR = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def esc(t: str) -> str:
    # three scans in C; translate would look every character up in a dict
    if "&" in t:
        t = t.replace("&", "&amp;")
    if "<" in t:
        t = t.replace("<", "&lt;")
    if ">" in t:
        t = t.replace(">", "&gt;")
    if "\r" in t:  # a bare CR in XML text is read back as a line feed
        t = t.replace("\r", "&#13;")
    return t


def esc_attr(t: str) -> str:
    return t.translate(_ESC_ATTR)


MAKS_HOEJDE = 409  # points: the tallest row Excel has


def kolonne(j: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA'."""
    s = ""
    j += 1
    while j:
        j, r = divmod(j - 1, 26)
        s = chr(65 + r) + s
    return s


def inline(tekst: str) -> str:
    """The <is> element of an inline string. `tekst` must already be free of the control
    characters XML cannot hold (export/regneark.tekst)."""
    t = esc(tekst)
    if t[:1].isspace() or t[-1:].isspace():
        return f'<is><t xml:space="preserve">{t}</t></is>'
    return f"<is><t>{t}</t></is>"


def celle_tekst(adr: str, tekst: str, stil: int = S_STD) -> str:
    """Text, always text (an inline string is never read as a formula)."""
    return f'<c r="{adr}" s="{stil}" t="inlineStr">{inline(tekst)}</c>'


def tal_tekst(v) -> str:
    """A number as the <v> of a cell: integers exactly, others as the nearest double."""
    if type(v) is int:
        return str(v)
    f = float(v)
    if f.is_integer() and abs(f) < 2**53:
        return str(int(f))
    return repr(f)


def celle_tal(adr: str, v, stil: int) -> str:
    return f'<c r="{adr}" s="{stil}"><v>{tal_tekst(v)}</v></c>'


def celle_formel(adr: str, formel: str, v, stil: int) -> str:
    """A live formula (without '='), with its value cached for readers that do not calculate."""
    if v is None:
        return f'<c r="{adr}" s="{stil}"><f>{esc(formel)}</f></c>'
    return f'<c r="{adr}" s="{stil}"><f>{esc(formel)}</f><v>{tal_tekst(v)}</v></c>'


@dataclass
class Ark:
    navn: str
    raekker: list[str] = field(default_factory=list)  # '<row r="n">...</row>' in order
    bredder: dict[int, float] = field(default_factory=dict)  # 1-based column -> width
    frys_raekker: int = 0  # rows frozen at the top
    print_titler: int = 0  # rows repeated on every printed page
    sidefod_venstre: str = ""
    sidefod_midt: str = ""
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (cell, location, display)

    def raekke(self, nr: int, celler: str, hoejde: float | None = None) -> None:
        """Row `nr` (rows in increasing order) with its cells' XML; `hoejde` in points for a row
        of wrapped text (Excel and LibreOffice do not fit a row's height to it on opening), at most
        Excel's 409 points (a text of 32.767 characters asked for 13.650)."""
        attr = f' ht="{min(hoejde, MAKS_HOEJDE):g}" customHeight="1"' if hoejde else ""
        self.raekker.append(f'<row r="{nr}"{attr}>{celler}</row>' if celler else f'<row r="{nr}"{attr}/>')


def _ark_xml(a: Ark, valgt: bool) -> bytes:
    dele = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>']
    vis = '<sheetView tabSelected="1" workbookViewId="0">' if valgt else '<sheetView workbookViewId="0">'
    if a.frys_raekker:
        top = f"A{a.frys_raekker + 1}"
        vis += (f'<pane ySplit="{a.frys_raekker}" topLeftCell="{top}" activePane="bottomLeft" state="frozen"/>'
                f'<selection pane="bottomLeft" activeCell="{top}" sqref="{top}"/>')
    dele.append(f"<sheetViews>{vis}</sheetView></sheetViews>")
    dele.append('<sheetFormatPr defaultRowHeight="15"/>')
    if a.bredder:
        dele.append("<cols>" + "".join(f'<col min="{j}" max="{j}" width="{b:g}" customWidth="1"/>'
                                       for j, b in sorted(a.bredder.items())) + "</cols>")
    dele.append("<sheetData>")
    dele.extend(a.raekker)
    dele.append("</sheetData>")
    if a.links:
        dele.append("<hyperlinks>" + "".join(
            f'<hyperlink ref="{c}" location="{esc_attr(loc)}" display="{esc_attr(vis_)}"/>' for c, loc, vis_ in a.links)
            + "</hyperlinks>")
    dele.append('<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>'
                '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>')
    fod = ""
    if a.sidefod_venstre:
        fod += "&L" + a.sidefod_venstre.replace("&", "&&")
    if a.sidefod_midt:
        fod += "&C" + a.sidefod_midt
    if fod:
        dele.append(f"<headerFooter><oddFooter>{esc(fod)}</oddFooter></headerFooter>")
    dele.append("</worksheet>")
    return "".join(dele).encode("utf-8")


# The package's relationships and content types: what pak writes and all that
# takstskema_dele lets a takstskema in an indmelding hold.
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
TYPE_ARK, TYPE_STIL = _RT + "worksheet", _RT + "styles"
PAKKENS_RELATIONER = (
    (_RT + "officeDocument", "xl/workbook.xml"),
    ("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
    (_RT + "extended-properties", "docProps/app.xml"),
)
CT_ARK = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
INDHOLDSTYPER = {  # by extension (a Default) or by part (an Override), the sheets' apart
    ".rels": "application/vnd.openxmlformats-package.relationships+xml",
    ".xml": "application/xml",
    "/xl/workbook.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "/xl/styles.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
    "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
    "/docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
}


def pak(ark: list[Ark], titel: str, forfatter: str, tid: datetime, niveau: int = 6) -> bytes:
    """The workbook: sheets in order (the first one selected), core properties at `tid`, every
    zip member dated `tid` (not before 1980), Excel told to recalculate on opening."""
    stempel = tid.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") if tid.tzinfo else tid.strftime("%Y-%m-%dT%H:%M:%SZ")
    n = len(ark)
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          + "".join(f'<Default Extension="{e[1:]}" ContentType="{INDHOLDSTYPER[e]}"/>' for e in (".rels", ".xml"))
          + f'<Override PartName="/xl/workbook.xml" ContentType="{INDHOLDSTYPER["/xl/workbook.xml"]}"/>'
          + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{CT_ARK}"/>' for i in range(1, n + 1))
          + "".join(f'<Override PartName="{d}" ContentType="{INDHOLDSTYPER[d]}"/>'
                    for d in ("/xl/styles.xml", "/docProps/core.xml", "/docProps/app.xml"))
          + '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="rId{i}" Type="{typ}" Target="{maal}"/>'
                      for i, (typ, maal) in enumerate(PAKKENS_RELATIONER, 1))
            + '</Relationships>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{esc(titel)}</dc:title><dc:creator>{esc(forfatter)}</dc:creator>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{stempel}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stempel}</dcterms:modified>'
            "</cp:coreProperties>")
    app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           "<Application>Takstberegner</Application></Properties>")
    navne = []
    titler = []
    for i, a in enumerate(ark):
        navne.append(f'<sheet name="{esc_attr(a.navn)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>')
        if a.print_titler:
            q = a.navn.replace("'", "''")
            titler.append(f'<definedName name="_xlnm.Print_Titles" localSheetId="{i}">'
                          f"{esc(chr(39) + q + chr(39))}!$1:${a.print_titler}</definedName>")
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
          '<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews>'
          f'<sheets>{"".join(navne)}</sheets>'
          + (f'<definedNames>{"".join(titler)}</definedNames>' if titler else "")
          + '<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>')
    wb_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               + "".join(f'<Relationship Id="rId{i}" Type="{TYPE_ARK}" Target="worksheets/sheet{i}.xml"/>'
                         for i in range(1, n + 1))
               + f'<Relationship Id="rId{n + 1}" Type="{TYPE_STIL}" Target="styles.xml"/></Relationships>')
    dato = max(tid.timetuple()[:6], (1980, 1, 1, 0, 0, 0))
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        def skriv(navn: str, data: bytes | str) -> None:
            zi = zipfile.ZipInfo(navn, date_time=dato)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            z.writestr(zi, data if isinstance(data, bytes) else data.encode("utf-8"), compresslevel=niveau)

        skriv("[Content_Types].xml", ct)
        skriv("_rels/.rels", rels)
        skriv("docProps/core.xml", core)
        skriv("docProps/app.xml", app)
        skriv("xl/workbook.xml", wb)
        skriv("xl/_rels/workbook.xml.rels", wb_rels)
        skriv("xl/styles.xml", _styles())
        for i, a in enumerate(ark, 1):
            skriv(f"xl/worksheets/sheet{i}.xml", _ark_xml(a, i == 1))
    return buf.getvalue()
