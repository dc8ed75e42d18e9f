"""The takstskema as an Excel workbook that calculates (SA 2.2.1, 5; SPEC §6), rendered from a prepared Rapport.

`lav_xlsx(rapport) -> bytes`: a contents sheet "Indhold" (every sheet's full name, with a link),
"Oversigt" (driftsherre, satser, takster, the driftsherre total, overhead, findings) and one
sheet per tilbud, its sections under the app's step names and every budget line last.

Totals, the omkostningsgrundlag by category, the bridge to the takstgrundlag and the takster are
live formulas (the report's `Tal.formel`), so a colleague who changes a budget line sees the
totals and takster follow; their values equal the engine's figures (tests evaluate them). Where
the rule is largest remainder (the category split of a takst, trækningsret) the engine's parts
stand as numbers with a check formula. Percentages are real percentages (0,0276 shown as 2,76 %).
Text from a user or a file is always written as text, never as a formula, without control
characters (`regneark`); the contents sheet says when any had to be removed.

The workbook is deterministic for a given report: fixed zip timestamps and document dates (the
report's `dannet`), so its digest can be bound into the signed indmelding.
"""
from __future__ import annotations

import io
import re
import zipfile
from datetime import timezone
from decimal import Decimal

from takstberegner.export import regneark
from takstberegner.export.rapport import AAR, HELTAL, KR, PCT, TAL, Rapport, Ref, Sektion, Tal

FORMATER = {KR: "#,##0.00", TAL: "#,##0.00", PCT: "0.00%", HELTAL: "#,##0", AAR: "0"}
FORSIDE = ""  # the key of the front sheet in formulas (Ref.tilbud == "")


def ark_navn(tekst: str, brugte: set[str]) -> str:
    """A valid, unique sheet name of at most 31 characters (the full name is on the contents sheet)."""
    navn, _ = regneark.tekst(tekst)
    navn = re.sub(r"[\[\]:*?/\\'\t\r\n]", "-", navn).strip()[:31].strip() or "Ark"
    kandidat, n = navn, 2
    while kandidat.lower() in brugte:
        suffix = f" ({n})"
        kandidat = navn[: 31 - len(suffix)] + suffix
        n += 1
    brugte.add(kandidat.lower())
    return kandidat


def fingeraftryk_tekst(r: Rapport) -> str:
    """The statement every sheet carries in its first rows; the secretariat's verifier
    (export/binding.kontroller_xlsx) reads it from each sheet's XML to tie the workbook to
    the signed calculation."""
    return f"Indmeldingens fingeraftryk (SHA-256): {r.fingeraftryk or '(ikke indmeldt)'}"


class _Ark:
    """One sheet's plan: its name, and where every section's data rows start."""

    def __init__(self, noegle: str, navn: str, fulde_navn: str, titel: str, sektioner: list[Sektion]):
        self.noegle, self.navn, self.fulde_navn, self.titel = noegle, navn, fulde_navn, titel
        self.sektioner = sektioner
        self.start: dict[str, tuple[Sektion, int]] = {}


HOVED_RAEKKER = 5  # title, driftsherre, fingerprint, draft line, blank


def _planlaeg(ark: _Ark) -> None:
    """Row numbers of every section (the same walk as the writer)."""
    raekke = HOVED_RAEKKER + 1
    trin = None
    for s in ark.sektioner:
        if s.trin and s.trin != trin:
            trin = s.trin
            raekke += 1
        raekke += 2  # title, column header
        ark.start[s.noegle] = (s, raekke)
        raekke += len(s.raekker) + (1 if s.note else 0) + 1


def _adresser(r: Rapport):
    """The sheets and a function Ref -> A1 address (as seen from a given sheet)."""
    from openpyxl.utils import get_column_letter

    brugte: set[str] = set()
    plan = [_Ark(FORSIDE, ark_navn("Oversigt", brugte), "Oversigt: driftsherre, satser, takster og overhead",
                 f"Takstindmelding {r.takstaar}: oversigt",
                 [r.stamdata, r.oversigt] + ([r.i_alt] if r.i_alt else []) + list(r.faelles) + [r.fund])]
    for t in r.tilbud:
        fuldt = f"{t.id} {t.navn}"
        plan.append(_Ark(t.id, ark_navn(fuldt, brugte), fuldt, f"Takstindmeldingsskema {r.takstaar}: {fuldt}",
                         list(t.sektioner) + list(t.bilag)))
    for a in plan:
        _planlaeg(a)
    efter_noegle = {a.noegle: a for a in plan}
    kol = [get_column_letter(j) for j in range(1, 40)]

    def adresse(ref: Ref, her: _Ark) -> str:
        a = her if ref.tilbud is None else efter_noegle[ref.tilbud]
        s, r0 = a.start[ref.sektion]
        if ref.raekke is None:
            fra, til = 0, len(s.raekker) - 1 - (1 if s.sum_raekke else 0)
        else:
            fra = s.indeks(ref.raekke)
            til = s.indeks(ref.til) if ref.til is not None else None
        k1 = kol[ref.kolonne]
        k2 = kol[ref.til_kolonne] if ref.til_kolonne is not None else k1
        tekst = f"${k1}${r0 + fra}"
        if til is not None or k2 != k1:
            tekst += f":${k2}${r0 + (til if til is not None else fra)}"
        if a is not her:
            tekst = f"'{a.navn}'!{tekst}"
        return tekst

    return plan, adresse


def lav_xlsx(r: Rapport) -> bytes:
    """Write-only openpyxl: rows are streamed, so a large driftsherre stays fast."""
    from takstberegner.export.rapport import uden_gc

    with uden_gc():
        return _lav_xlsx(r)


def _lav_xlsx(r: Rapport) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.hyperlink import Hyperlink

    fed = Font(bold=True)
    titel_font = Font(bold=True, size=14)
    trin_font = Font(bold=True, size=13, color="1F3864")
    sektion_font = Font(bold=True, size=11, color="1F3864")
    udkast_font = Font(bold=True, color="C00000")
    note_font = Font(italic=True, size=9)
    link_font = Font(color="0563C1", underline="single")
    hoved_fill = PatternFill("solid", fgColor="D9E1F2")
    ombryd = Alignment(wrap_text=True, vertical="top")
    hoved_just = Alignment(wrap_text=True, vertical="bottom")

    plan, adresse = _adresser(r)
    wb = Workbook(write_only=True)
    wb.properties.creator = f"Takstberegner {r.version}"
    wb.properties.title = f"Takstskema {r.takstaar} – {regneark.tekst(r.driftsherre)[0]}"
    wb.properties.created = wb.properties.modified = r.dannet.replace(tzinfo=None, microsecond=0)
    wb.calculation.fullCalcOnLoad = True
    renset = [0]
    cache: dict[str, dict[str, object]] = {}  # sheet -> coordinate -> the formula's value

    pulje: dict[tuple, WriteOnlyCell] = {}

    def celle(ws, stil: tuple, vaerdi, tekst: bool = False):
        """A styled cell from a pool, one per (style, column): write-only rows are written as
        soon as they are appended, so reusing the object is safe and saves building and
        hashing a style for each of ~100.000 cells."""
        c = pulje.get(stil)
        if c is None or c.parent is not ws:
            c = WriteOnlyCell(ws)
            kind = stil[0]
            if kind == "#":
                c.number_format = stil[1]
                if stil[2]:
                    c.font = fed
            elif kind == "H":
                c.font, c.fill, c.alignment = fed, hoved_fill, hoved_just
            elif kind == "W":
                c.alignment = ombryd
            elif kind == "F":
                c.font = stil[1]
            pulje[stil] = c
        if tekst:
            s, aendret = regneark.tekst(vaerdi)
            renset[0] += aendret
            c.value = s
            c.data_type = "s"
        else:
            c.value = vaerdi
        return c

    def tal_celle(ws, a: _Ark, v: Tal, j: int, fedt: bool, koord: str):
        fmt = FORMATER[v.fmt]
        if v.formel:
            vaerdi = "=" + v.formel.format(*(adresse(x, a) for x in v.refs))
            if v.v is not None:
                cache.setdefault(a.navn, {})[koord] = _tal(v.v / 100 if v.fmt == PCT else v.v)
        elif v.v is None:
            return None
        else:
            vaerdi = _tal(v.v / 100 if v.fmt == PCT else v.v)
        return celle(ws, ("#", fmt, fedt, j), vaerdi)

    def skriv_ark(a: _Ark):
        ws = wb.create_sheet(a.navn)
        bredder = _bredder(a)  # before the first row: write-only sheets write <cols> with it
        for j, b in bredder.items():
            ws.column_dimensions[get_column_letter(j)].width = b
        ws.freeze_panes = "A6"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = "9"  # A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_title_rows = "1:3"
        ws.oddFooter.center.text = "Side &P af &N"
        ws.oddFooter.left.text = regneark.tekst(f"{r.driftsherre} · takstår {r.takstaar}")[0].replace("&", "&&")
        rows: list[list] = []
        rows.append([celle(ws, ("F", titel_font, 0), a.titel, True)])
        rows.append([celle(ws, ("T", 0), f"{r.driftsherre} (CVR {r.cvr}) · takstår {r.takstaar} · {r.regelsaet} · "
                                          f"Takstberegner {r.version}", True)])
        rows.append([celle(ws, ("T", 0), fingeraftryk_tekst(r), True)])
        rows.append([celle(ws, ("F", udkast_font, 0), f"UDKAST: beregningen har {r.antal_fejl} fejl og kan ikke indmeldes.", True)]
                    if r.antal_fejl else [])
        rows.append([])
        for row in rows:
            ws.append(row)
        nr = HOVED_RAEKKER
        trin = None
        for s in a.sektioner:
            if s.trin and s.trin != trin:
                trin = s.trin
                ws.append([celle(ws, ("F", trin_font, 0), trin, True)])
                nr += 1
            ws.append([celle(ws, ("F", sektion_font, 0), s.titel, True)])
            ws.append([celle(ws, ("H", j), k, True) for j, k in enumerate(s.kolonner)])
            nr += 2
            for j, k in enumerate(s.kolonner, 1):
                bredder[j] = max(bredder.get(j, 8), min(len(k) + 2, 18))
            n = len(s.raekker)
            for i, rk in enumerate(s.raekker):
                nr += 1
                fedt = (s.sum_raekke and i == n - 1) or i in s.fede
                ud = []
                for j, v in enumerate(rk):
                    if isinstance(v, Tal):
                        ud.append(tal_celle(ws, a, v, j, fedt, f"{get_column_letter(j + 1)}{nr}"))
                        if bredder.get(j + 1, 8) < 15:
                            bredder[j + 1] = 15
                    elif v is None or v == "":
                        ud.append(None)
                    else:
                        t = str(v)
                        if len(t) > 60:
                            ud.append(celle(ws, ("W", j), t, True))
                            bredder[j + 1] = max(bredder.get(j + 1, 8), 60)
                        else:
                            ud.append(celle(ws, ("F", fed, j) if fedt else ("T", j), t, True))
                            bredder[j + 1] = max(bredder.get(j + 1, 8), min(len(t) + 2, 45))
                ws.append(ud)
            if s.note:
                ws.append([celle(ws, ("F", note_font, 0), s.note, True)])
                nr += 1
            ws.append([])
            nr += 1

    indhold = wb.create_sheet(ark_navn("Indhold", {a.navn.lower() for a in plan}))
    for a in plan:
        skriv_ark(a)
    indhold.column_dimensions["A"].width = 70
    indhold.column_dimensions["B"].width = 34
    indhold.append([celle(indhold, ("F", titel_font, 0), f"Takstskema {r.takstaar}: indhold", True)])
    indhold.append([celle(indhold, ("T", 0), f"{r.driftsherre} (CVR {r.cvr}) · {r.regelsaet} · Takstberegner {r.version}", True)])
    indhold.append([celle(indhold, ("T", 0), fingeraftryk_tekst(r), True)])  # binding.kontroller_xlsx reads it
    indhold.append([celle(indhold, ("T", 0), r.bindende, True)])
    indhold.append([])
    indhold.append([celle(indhold, ("H", 0), "Ark (fulde navn)", True), celle(indhold, ("H", 1), "Arkets navn", True)])
    for a in plan:
        c = WriteOnlyCell(indhold)
        regneark.saet_tekst(c, a.fulde_navn)
        c.font = link_font
        c._hyperlink = Hyperlink(ref="", location=f"'{a.navn}'!A1", display=c.value)
        indhold.append([c, celle(indhold, ("T", 1), a.navn, True)])
    indhold.append([])
    for tekst in (
        "Summer, omkostningsgrundlaget pr. kategori, takstgrundlaget og taksterne er formler: ændres en budgetlinje, "
        "følger de med. Fordelingen af en takst på kategorier og trækningsretten er motorens tal (største rest) med "
        "en kontrolformel.",
        "Regulering og overhead indgår med deres offentliggjorte beløb i øre; de beregnes i Takstberegner.",
        r.sidste_aar,
    ):
        indhold.append([celle(indhold, ("W", 0), tekst, True)])
    if renset[0]:
        indhold.append([celle(indhold, ("F", udkast_font, 0),
                              f"Bemærk: {renset[0]} tekster indeholdt kontroltegn, som ikke kan stå i et regneark; "
                              "de er fjernet.", True)])
    # the contents sheet first
    wb._sheets.insert(0, wb._sheets.pop(wb._sheets.index(indhold)))
    buf = io.BytesIO()
    wb.save(buf)
    return _efterbehandl(buf.getvalue(), {a.navn: i + 2 for i, a in enumerate(plan)}, cache, r)


def _bredder(a: _Ark) -> dict[int, float]:
    """Column widths from the headers and the texts; numbers get at least 15."""
    bredder: dict[int, float] = {1: 30}
    for s in a.sektioner:
        for j, k in enumerate(s.kolonner, 1):
            bredder[j] = max(bredder.get(j, 8), min(len(k) + 2, 18))
        for rk in s.raekker:
            for j, v in enumerate(rk, 1):
                if isinstance(v, Tal):
                    bredder[j] = max(bredder.get(j, 8), 15)
                elif isinstance(v, str) and v:
                    bredder[j] = max(bredder.get(j, 8), 60 if len(v) > 60 else min(len(v) + 2, 45))
    return bredder


def _tal(v):
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() and abs(v) < 2**53 else float(v)
    return v


_FORMEL_CELLE = re.compile(rb'<c r="([A-Z]+[0-9]+)"([^>]*)><f>([^<]*)</f><v\s*/>|<c r="([A-Z]+[0-9]+)"([^>]*)><f>([^<]*)</f><v></v>')


def _efterbehandl(data: bytes, ark_nr: dict[str, int], cache: dict[str, dict[str, object]], r: Rapport) -> bytes:
    """Write each formula's value beside it (Excel's Protected View and readers that do not
    calculate then show the figures), and fix every zip timestamp so the file is deterministic."""
    tid = r.dannet.timetuple()[:6]
    tid = max(tid, (1980, 1, 1, 0, 0, 0))
    ind = zipfile.ZipFile(io.BytesIO(data))
    ud_buf = io.BytesIO()
    with zipfile.ZipFile(ud_buf, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as ud:
        for info in ind.infolist():
            indhold = ind.read(info.filename)
            m = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", info.filename)
            if m:
                navn = next((n for n, i in ark_nr.items() if i == int(m.group(1))), None)
                vaerdier = cache.get(navn, {})
                if vaerdier:
                    indhold = _FORMEL_CELLE.sub(lambda x: _med_vaerdi(x, vaerdier), indhold)
            elif info.filename == "docProps/core.xml":  # openpyxl stamps the clock here when saving
                stempel = r.dannet.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                indhold = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                                 lambda m: m.group(1) + stempel + m.group(2), indhold)
            zi = zipfile.ZipInfo(info.filename, date_time=tid)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            ud.writestr(zi, indhold)
    return ud_buf.getvalue()


def _med_vaerdi(m: re.Match, vaerdier: dict[str, object]) -> bytes:
    koord, attr, formel = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
    v = vaerdier.get(koord.decode())
    if v is None:
        return m.group(0)
    return b'<c r="' + koord + b'"' + attr + b"><f>" + formel + b"</f><v>" + repr(v).encode() + b"</v>"
