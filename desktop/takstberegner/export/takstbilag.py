"""The secretariat's samlede takstbilag for DAS from many verified indmeldinger (SA 2.2.1, 3.1, 5).

`lav_takstbilag(resultater) -> bytes` takes `VerifikationsResultat`s (from verifikation.verificer)
and builds one workbook: "Indmeldinger" (every file, signer, time, fingerprint, verdict and
reasons), "Takster" (every driftsherre's kategori 2-3 takster with pladser, last year's takst,
change and bemærkninger; increases above the væsentlighedsgrænse flagged), "Pladser" (plads
changes flagged). Rejected files are listed but their takster are left out.
"""
from __future__ import annotations

import io
from decimal import Decimal

from takstberegner.export.verifikation import VerifikationsResultat

FLAG_FILL = "FCE4D6"


def vaesentlighed(r: VerifikationsResultat) -> Decimal:
    s = r.grundlag.satser.vaesentlighed_pct if r.grundlag else None
    if s is not None:
        return s
    from takstberegner.formats.regelsaet import regelsaet_for

    return regelsaet_for(r.grundlag.takstaar).std_vaesentlighed_pct


def lav_takstbilag(resultater: list[VerifikationsResultat]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    fed = Font(bold=True)
    hoved_fill = PatternFill("solid", fgColor="D9E1F2")
    flag_fill = PatternFill("solid", fgColor=FLAG_FILL)
    wb = Workbook()

    def ark(ws, titel: str, kolonner: list[tuple[str, float]]):
        ws["A1"] = titel
        ws["A1"].font = Font(bold=True, size=14)
        for j, (k, b) in enumerate(kolonner, 1):
            c = ws.cell(3, j, k)
            c.font = fed
            c.fill = hoved_fill
            c.alignment = Alignment(wrap_text=True, vertical="bottom")
            ws.column_dimensions[c.column_letter].width = b
        ws.freeze_panes = "A4"
        ws.auto_filter.ref = f"A3:{ws.cell(3, len(kolonner)).column_letter}3"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_title_rows = "3:3"
        ws.oddFooter.center.text = "Side &P af &N"

    def tal(ws, rk, j, v, fmt="#,##0.00"):
        if v is None:
            return None
        c = ws.cell(rk, j, v)
        c.number_format = fmt
        return c

    ws = wb.active
    ws.title = "Indmeldinger"
    ark(ws, "Indmeldinger til takstbilaget", [
        ("Fil", 34), ("Driftsherre", 24), ("CVR", 10), ("Takstår", 8), ("Underskriver", 30), ("CVR i certifikat", 10),
        ("Signeret (UTC)", 20), ("Certifikatets fingeraftryk", 40), ("Indmeldingens fingeraftryk", 40),
        ("Status", 11), ("Grunde", 80)])
    for i, r in enumerate(resultater, 4):
        vals = [r.fil, r.driftsherre, r.driftsherre_cvr, r.takstaar, r.underskriver, r.cvr,
                r.signeringstid.astimezone().strftime("%d-%m-%Y %H:%M:%S") if r.signeringstid else "",
                r.certifikat_fingeraftryk, r.fingeraftryk, "Godkendt" if r.ok else "AFVIST", "\n".join(r.grunde)]
        for j, v in enumerate(vals, 1):
            c = ws.cell(i, j, v)
            if j == 11:
                c.alignment = Alignment(wrap_text=True, vertical="top")
        if not r.ok:
            for j in range(1, 12):
                ws.cell(i, j).fill = flag_fill

    wt = wb.create_sheet("Takster")
    ark(wt, "Takster til takstbilaget (kategori 2 og 3)", [
        ("Driftsherre", 24), ("CVR", 10), ("Takstår", 8), ("Tilbud", 10), ("Tilbudsnavn", 28), ("Lovgrundlag", 12),
        ("Kategori", 8), ("Tilbudstype", 10), ("Ydelse", 10), ("Ydelsesnavn", 24), ("Enhed", 8), ("Pladser", 8),
        ("Takst (kr.)", 13), ("Takst (hele kr.)", 12), ("Sidste års takst", 13), ("Ændring (%)", 10),
        ("Væsentlighedsgrænse (%)", 11), ("Markering", 28), ("Støttetimer/uge", 10), ("Sundhedsydelser", 24),
        ("Bemærkninger", 60)])
    wp = wb.create_sheet("Pladser")
    ark(wp, "Pladser pr. tilbud", [
        ("Driftsherre", 24), ("Tilbud", 10), ("Tilbudsnavn", 28), ("Kategori", 8), ("Pladser", 9),
        ("Pladser sidste år", 10), ("Ændring", 9), ("Markering", 18), ("Bemærkninger", 60)])
    rt, rp = 4, 4
    for r in resultater:
        if not r.ok or r.grundlag is None or r.beregning is None:
            continue
        graense = vaesentlighed(r)
        inp = {t.id: t for t in r.grundlag.tilbud}
        for tr in r.beregning.tilbud:
            t = inp[tr.id]
            if t.kategori == 1:
                continue
            for tk in tr.takster:
                flag = ""
                if tk.aendring_pct is not None and tk.aendring_pct > graense:
                    flag = f"Stigning over {graense.normalize():f} %"
                elif tk.aendring_pct is not None and tk.aendring_pct < -graense:
                    flag = f"Fald over {graense.normalize():f} %"
                elif tk.forrige_takst is None:
                    flag = "Ny takst"
                vals = [r.driftsherre, r.driftsherre_cvr, r.takstaar, t.id, t.navn, t.paragraf, t.kategori,
                        t.tilbudstype, tk.ydelse, tk.ydelse_navn, tk.enhed]
                for j, v in enumerate(vals, 1):
                    wt.cell(rt, j, v)
                tal(wt, rt, 12, tk.pladser, "#,##0")
                tal(wt, rt, 13, tk.takst)
                tal(wt, rt, 14, tk.takst_kr, "#,##0")
                tal(wt, rt, 15, tk.forrige_takst)
                tal(wt, rt, 16, tk.aendring_pct, '0.00" %"')
                tal(wt, rt, 17, graense, '0.00" %"')
                wt.cell(rt, 18, flag)
                tal(wt, rt, 19, tk.stoettetimer_uge)
                wt.cell(rt, 20, tk.sundhedsydelser)
                c = wt.cell(rt, 21, t.bemaerkninger)
                c.alignment = Alignment(wrap_text=True, vertical="top")
                if flag and flag != "Ny takst":
                    for j in range(1, 22):
                        wt.cell(rt, j).fill = flag_fill
                rt += 1
            aendring = None if t.pladser_forrige_aar is None else t.pladser - t.pladser_forrige_aar
            flag = "Pladser ændret" if aendring else ("Nyt tilbud" if t.pladser_forrige_aar is None else "")
            for j, v in enumerate([r.driftsherre, t.id, t.navn, t.kategori, t.pladser, t.pladser_forrige_aar,
                                   aendring, flag, t.bemaerkninger], 1):
                if v is not None:
                    wp.cell(rp, j, v)
            if aendring:
                for j in range(1, 10):
                    wp.cell(rp, j).fill = flag_fill
            rp += 1
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
