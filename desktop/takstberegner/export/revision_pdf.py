"""The PDF "Takstberegning til revision" (SA 5.6; SPEC §6), rendered from a prepared Rapport.

`lav_pdf(rapport) -> bytes`: A4 landscape; a front part with driftsherre, satser, the summary of
takster, every overheadpulje's allocation and all findings, then every tilbud with every input
and every step of SPEC §4. Each page shows "Side X af Y", the date, the app version and the
indmelding's fingerprint, so an auditor can tie paper to the signed file.
"""
from __future__ import annotations

import io

from takstberegner import dansk
from takstberegner.export.rapport import AAR, HELTAL, PCT, Rapport, Sektion, Tal

_ERSTAT = {"\u2212": "-", "\u2011": "-", "\u2013": "-", "\u2014": "-", "\u2192": "->", "\u2016": "||"}


def _ren(s: str) -> str:
    """Helvetica (WinAnsi) lacks a few characters; replace them with their plain look-alikes."""
    for a, b in _ERSTAT.items():
        s = s.replace(a, b)
    return s


def vis(v) -> str:
    """The Danish display of a cell, as the PDF prints it."""
    if v is None:
        return ""
    if isinstance(v, Tal):
        if v.v is None:
            return ""
        if v.fmt == AAR:
            return str(int(v.v))
        if v.fmt == HELTAL:
            return dansk.tal(v.v, 0)
        if v.fmt == PCT:
            return dansk.procent(v.v)
        return dansk.tal(v.v, 2)
    return _ren(str(v))


def lav_pdf(r: Rapport) -> bytes:
    from takstberegner.export.rapport import uden_gc

    with uden_gc():
        return _lav_pdf(r)


def _lav_pdf(r: Rapport) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas as rl_canvas
    from reportlab.platypus import (
        CondPageBreak, KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer,
    )
    from xml.sax.saxutils import escape

    from takstberegner.export.fingeraftryk import vis_fingeraftryk
    from takstberegner.export.pdf_tabel import Gitter

    side = landscape(A4)
    margin = 14 * mm
    bredde = side[0] - 2 * margin
    ss = getSampleStyleSheet()
    h1 = ParagraphStyle("h1", parent=ss["Heading1"], fontSize=16, spaceAfter=4)
    h2 = ParagraphStyle("h2", parent=ss["Heading2"], fontSize=12.5, spaceBefore=6, spaceAfter=3)
    h3 = ParagraphStyle("h3", parent=ss["Heading3"], fontSize=9.5, spaceBefore=5, spaceAfter=2)
    norm = ParagraphStyle("n", parent=ss["Normal"], fontSize=8.5, leading=10.5)
    note = ParagraphStyle("note", parent=norm, fontSize=7, leading=8.5, textColor=colors.HexColor("#444444"))
    dato_tekst = dansk.dato(r.dannet.date())
    fp = vis_fingeraftryk(r.fingeraftryk) if r.fingeraftryk else "(ikke indmeldt: intet fingeraftryk)"

    def p(tekst: str, stil=norm):
        return Paragraph(escape(_ren(tekst)), stil)

    def tabel(s: Sektion):
        n = len(s.kolonner)
        laengder = [max(len(w) for w in k.split()) + 2 if k.strip() else 4 for k in s.kolonner]
        raekker_txt, hoejre = [], []
        for rk in s.raekker:
            rt = ([vis(v) for v in rk] + [""] * n)[:n]
            raekker_txt.append(rt)
            hoejre.append(([isinstance(v, Tal) for v in rk] + [False] * n)[:n])
            for j, t in enumerate(rt):
                if len(t) > laengder[j]:
                    laengder[j] = min(len(t), 70)
        naturlig = [max(4, x) * 4.3 + 8 for x in laengder]
        total = sum(naturlig)
        bredder = naturlig if total <= bredde else [w * bredde / total for w in naturlig]
        return Gitter([_ren(k) for k in s.kolonner], raekker_txt, hoejre, bredder, 7, s.sum_raekke and bool(raekker_txt))

    def sektion(s: Sektion):
        dele = [p(s.titel, h3)]
        if not s.raekker:
            dele.append(p("Ingen.", note))
            return [KeepTogether(dele)]
        t = tabel(s)
        if s.note:
            return [CondPageBreak(30 * mm), dele[0], t, p(s.note, note)]
        if len(s.raekker) <= 14:
            return [KeepTogether(dele + [t])]
        return [CondPageBreak(30 * mm), dele[0], t]

    historie = [
        p("Takstberegning til revision", h1),
        p(f"{r.driftsherre} (CVR {r.cvr}) · takstår {r.takstaar} · Styringsaftalen for Nordjysk Socialaftale (SA 5.6)", norm),
        Spacer(1, 3 * mm),
        p(f"Indmeldingens fingeraftryk (SHA-256): {fp}", ParagraphStyle("fp", parent=norm, fontName="Helvetica-Bold")),
        p(
            "Fingeraftrykket er SHA-256 af SHA-256(takstgrundlag.json) efterfulgt af SHA-256(takster.json) i den signerede "
            "indmeldingsfil. Kommandoen 'takstberegner verificer FIL' viser det samme fingeraftryk, når papiret hører til filen.",
            note,
        ),
        p(f"Takstgrundlagets SHA-256 (kanonisk JSON): {r.grundlag_sha256}", note),
        p(f"Dannet {dato_tekst} med Takstberegner {r.version}, regelsæt {r.regelsaet}.", note),
        Spacer(1, 2 * mm),
    ]
    if r.antal_fejl:
        historie.insert(2, p(f"UDKAST: beregningen har {r.antal_fejl} fejl og kan ikke indmeldes, før de er rettet.",
                             ParagraphStyle("udkast", parent=norm, textColor=colors.red, fontName="Helvetica-Bold")))
    historie += sektion(r.stamdata)
    historie += sektion(r.oversigt)
    if r.faelles:
        historie.append(p("Overhead (SA 5.5.7, 9.1)", h2))
        for s in r.faelles:
            historie += sektion(s)
    historie += sektion(r.fund)
    for t in r.tilbud:
        historie.append(PageBreak())
        historie.append(p(f"Tilbud {t.id}: {t.navn}", h2))
        if t.kategori == 1:
            historie.append(p("Kategori 1-tilbud: indmeldes ikke, men bærer sin andel af overhead (SA 2.2).", note))
        for s in t.sektioner:
            historie += sektion(s)

    sidefod_venstre = _ren(f"Takstberegning til revision · {r.driftsherre} · takstår {r.takstaar} · "
                           f"dannet {dato_tekst} · Takstberegner {r.version}")
    sidefod_fp = f"Fingeraftryk: {fp}"

    class NummereretCanvas(rl_canvas.Canvas):
        def __init__(self, *a, **kw):
            super().__init__(*a, **kw)
            self._sider = []

        def showPage(self):
            self._sider.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            antal = len(self._sider)
            for tilstand in self._sider:
                self.__dict__.update(tilstand)
                self.setFont("Helvetica", 7)
                self.setFillColor(colors.HexColor("#333333"))
                self.drawString(margin, 8 * mm, sidefod_venstre)
                self.drawString(margin, 5 * mm, sidefod_fp)
                self.drawRightString(side[0] - margin, 8 * mm, f"Side {self._pageNumber} af {antal}")
                super().showPage()
            super().save()

    from reportlab import rl_config

    rl_config.useA85 = 0  # binary compressed streams: ASCII85 in pure Python costs seconds
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=side, leftMargin=margin, rightMargin=margin, topMargin=12 * mm, bottomMargin=15 * mm,
        title=f"Takstberegning til revision {r.takstaar} - {r.driftsherre}", author=r.driftsherre,
        subject=f"Fingeraftryk {r.fingeraftryk}", creator=f"Takstberegner {r.version}",
        pageCompression=1,
    )
    doc.build(historie, canvasmaker=NummereretCanvas)
    return buf.getvalue()
