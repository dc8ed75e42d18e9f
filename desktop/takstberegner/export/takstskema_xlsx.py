"""The takstskema as an Excel workbook (SA 2.2.1, 5; SPEC §6), rendered from a prepared Rapport.

`lav_xlsx(rapport) -> bytes`: a summary sheet "Oversigt" and one sheet per tilbud shaped like a
takstindmeldingsskema. Numbers are stored as numbers with formats that a Danish Excel shows as
1.234.567,89 and 96,50 %; headers frozen; landscape, fit to page width, title rows repeated.
"""
from __future__ import annotations

import io
import re

from takstberegner.export.rapport import AAR, HELTAL, KR, PCT, TAL, Rapport, Sektion, Tal

FORMATER = {KR: "#,##0.00", TAL: "#,##0.00", PCT: '0.00" %"', HELTAL: "#,##0", AAR: "0"}


def ark_navn(tekst: str, brugte: set[str]) -> str:
    navn = re.sub(r"[\[\]:*?/\\']", "-", tekst).strip()[:31] or "Ark"
    kandidat, n = navn, 2
    while kandidat.lower() in brugte:
        suffix = f" ({n})"
        kandidat = navn[: 31 - len(suffix)] + suffix
        n += 1
    brugte.add(kandidat.lower())
    return kandidat


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

    fed = Font(bold=True)
    titel_font = Font(bold=True, size=14)
    sektion_font = Font(bold=True, size=11, color="1F3864")
    udkast_font = Font(bold=True, color="C00000")
    note_font = Font(italic=True, size=9)
    hoved_fill = PatternFill("solid", fgColor="D9E1F2")
    ombryd = Alignment(wrap_text=True, vertical="top")
    hoved_just = Alignment(wrap_text=True, vertical="bottom")

    wb = Workbook(write_only=True)
    brugte: set[str] = set()

    def hoved(titel: str) -> list[list]:
        rows = [[(titel, titel_font)],
                [f"{r.driftsherre} (CVR {r.cvr}) · takstår {r.takstaar} · regelsæt {r.regelsaet} · Takstberegner {r.version}"],
                [f"Indmeldingens fingeraftryk (SHA-256): {r.fingeraftryk or '(ikke indmeldt)'}"]]
        rows.append([(f"UDKAST: beregningen har {r.antal_fejl} fejl og kan ikke indmeldes.", udkast_font)]
                    if r.antal_fejl else [])
        rows.append([])
        return rows

    def sektion_raekker(s: Sektion, bredder: dict[int, float], overskrift: bool = True) -> list[list]:
        """Rows of cell specs: plain values, (value, font) or ("#", value, number_format, bold)."""
        rows: list[list] = []
        if overskrift:
            rows.append([(s.titel, sektion_font)])
        rows.append([("H", k) for k in s.kolonner])
        for j, k in enumerate(s.kolonner, 1):
            bredder[j] = max(bredder.get(j, 8), min(len(k) + 2, 18))
        n = len(s.raekker)
        for i, rk in enumerate(s.raekker):
            fedt = s.sum_raekke and i == n - 1
            row = []
            for j, v in enumerate(rk, 1):
                if isinstance(v, Tal):
                    if v.v is None:
                        row.append(None)
                    else:
                        row.append(("#", v.v, FORMATER[v.fmt], fedt))
                        if bredder.get(j, 8) < 15:
                            bredder[j] = 15
                elif v is None or v == "":
                    row.append(None)
                else:
                    t = str(v)
                    if len(t) > 60:
                        row.append(("W", t))
                        bredder[j] = max(bredder.get(j, 8), 60)
                    else:
                        row.append((t, fed) if fedt else t)
                        bredder[j] = max(bredder.get(j, 8), min(len(t) + 2, 45))
            rows.append(row)
        if s.note:
            rows.append([(s.note, note_font)])
        rows.append([])
        return rows

    pulje: dict[tuple, WriteOnlyCell] = {}

    def styled(ws, noegle: tuple, vaerdi):
        """A styled cell from a pool, one per (style, column): write-only rows are written as
        soon as they are appended, so reusing the object is safe and saves building and
        hashing a style for each of ~100.000 cells."""
        c = pulje.get(noegle)
        if c is None or c.parent is not ws:
            c = WriteOnlyCell(ws)
            kind = noegle[0]
            if kind == "#":
                c.number_format = noegle[1]
                if noegle[2]:
                    c.font = fed
            elif kind == "H":
                c.font, c.fill, c.alignment = fed, hoved_fill, hoved_just
            elif kind == "W":
                c.alignment = ombryd
            else:
                c.font = noegle[1]
            pulje[noegle] = c
        c.value = vaerdi
        return c

    def raekke(ws, specs: list) -> list:
        ud = []
        for j, spec in enumerate(specs):
            if spec is None or isinstance(spec, str):
                ud.append(spec)
            elif spec[0] == "#":
                ud.append(styled(ws, ("#", spec[2], spec[3], j), spec[1]))
            elif spec[0] in ("H", "W"):
                ud.append(styled(ws, (spec[0], j), spec[1]))
            else:
                ud.append(styled(ws, ("F", spec[1], j), spec[0]))
        return ud

    def skriv_ark(navn: str, rows: list[list], bredder: dict[int, float], frys: str) -> None:
        ws = wb.create_sheet(ark_navn(navn, brugte))
        for j, b in bredder.items():
            ws.column_dimensions[get_column_letter(j)].width = b
        ws.freeze_panes = frys
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = "9"  # A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_title_rows = "1:3"
        ws.oddFooter.center.text = "Side &P af &N"
        ws.oddFooter.left.text = f"{r.driftsherre} · takstår {r.takstaar}"
        for row in rows:
            ws.append(raekke(ws, row))

    bredder: dict[int, float] = {}
    rows = hoved(f"Takstindmelding {r.takstaar}: oversigt")
    rows += sektion_raekker(r.oversigt, bredder, overskrift=False)
    for s in (r.stamdata, *r.faelles, r.fund):
        rows += sektion_raekker(s, bredder)
    bredder[1] = max(bredder.get(1, 8), 22)
    skriv_ark("Oversigt", rows, bredder, "C6")

    for t in r.tilbud:
        bredder = {1: 30}
        rows = hoved(f"Takstindmeldingsskema {r.takstaar}: {t.id} {t.navn}")
        for s in t.sektioner:
            rows += sektion_raekker(s, bredder)
        skriv_ark(f"{t.id} {t.navn}", rows, bredder, "A5")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
