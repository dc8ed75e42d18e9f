"""The PDF "Takstberegning til revision" (SA 5.6; SPEC §6), rendered from a prepared Rapport.

`lav_pdf(rapport) -> bytes`: A4 landscape. A cover with driftsherre, takstår, the fingerprint,
which takst is binding, the contents and a sign-off block (udarbejdet af, godkendt af, dato);
the driftsherre's part (satser, the takster with last year's, the driftsherre total, overhead,
findings); every tilbud under the app's own step names; and an appendix with every budget line.
Every page carries a running header (driftsherre, the tilbud it belongs to, takstår), "Side X af
Y" and the indmelding's fingerprint, so an auditor can tie any loose page to its tilbud and the
paper to the signed file. Fonts are embedded (DejaVu Sans); title, author and subject are set.
The bytes are deterministic for a given report (dates from `rapport.dannet`).
"""
from __future__ import annotations

import io

from takstberegner import dansk
from takstberegner.export.rapport import AAR, HELTAL, PCT, Rapport, Sektion, Tal


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
    return str(v)


def lav_pdf(r: Rapport) -> bytes:
    from takstberegner.export.rapport import uden_gc

    with uden_gc():
        return _lav_pdf(r)


def _lav_pdf(r: Rapport) -> bytes:
    from xml.sax.saxutils import escape

    from reportlab import rl_config
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.lib.utils import TimeStamp
    from reportlab.pdfgen import canvas as rl_canvas
    from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer
    from reportlab.platypus import Table, TableStyle

    from takstberegner.export.fingeraftryk import vis_fingeraftryk
    from takstberegner.export.pdf_tabel import FED, FONT, Gitter, skrifter

    skrifter()
    side = landscape(A4)
    margin = 14 * mm
    bredde = side[0] - 2 * margin
    ss = getSampleStyleSheet()
    h1 = ParagraphStyle("h1", parent=ss["Heading1"], fontName=FED, fontSize=16, spaceAfter=4)
    h2 = ParagraphStyle("h2", parent=ss["Heading2"], fontName=FED, fontSize=12.5, spaceBefore=6, spaceAfter=3)
    htrin = ParagraphStyle("htrin", parent=h2, fontSize=11.5, textColor=colors.HexColor("#1F3864"), spaceBefore=8)
    h3 = ParagraphStyle("h3", parent=ss["Heading3"], fontName=FED, fontSize=9.5, spaceBefore=5, spaceAfter=2)
    norm = ParagraphStyle("n", parent=ss["Normal"], fontName=FONT, fontSize=8.5, leading=10.5)
    fed_stil = ParagraphStyle("fed", parent=norm, fontName=FED)
    note = ParagraphStyle("note", parent=norm, fontSize=7, leading=8.5, textColor=colors.HexColor("#444444"))
    dato_tekst = dansk.dato(r.dannet.date())
    fp = vis_fingeraftryk(r.fingeraftryk) if r.fingeraftryk else "(ikke indmeldt: intet fingeraftryk)"

    def p(tekst: str, stil=norm):
        return Paragraph(escape(tekst).replace("\n", "<br/>"), stil)

    class Sidehoved(Flowable):
        """Zero-size marker: from here on, pages belong to `tekst` (drawn in the running header)."""

        def __init__(self, tekst: str):
            super().__init__()
            self.tekst = tekst
            self.width = self.height = 0

        def wrap(self, *_):
            return 0, 0

        def draw(self):
            self.canv._sidehoved = self.tekst

    def tabel(s: Sektion):
        synlige = [j for j in range(len(s.kolonner)) if j not in s.kun_regneark]
        kolonner = [s.kolonner[j] for j in synlige]
        n = len(kolonner)
        laengder = [max(len(w) for w in k.split()) + 2 if k.strip() else 4 for k in kolonner]
        raekker_txt, hoejre = [], []
        for rk in s.raekker:
            rk = tuple(rk) + (None,) * (len(s.kolonner) - len(rk))
            rt = [vis(rk[j]) for j in synlige]
            raekker_txt.append(rt)
            hoejre.append([isinstance(rk[j], Tal) for j in synlige])
            for j, t in enumerate(rt):
                if len(t) > laengder[j]:
                    laengder[j] = min(len(t), 70)
        naturlig = [max(4, x) * 4.5 + 8 for x in laengder]
        total = sum(naturlig)
        bredder = naturlig if total <= bredde else [w * bredde / total for w in naturlig]
        return Gitter(kolonner, raekker_txt, hoejre, bredder, 7, s.sum_raekke and bool(raekker_txt),
                      fede=frozenset(s.fede))

    def sektion(s: Sektion):
        dele = [p(s.titel, h3)]
        if not s.raekker:
            dele.append(p("Ingen.", note))
            return [KeepTogether(dele)]
        t = tabel(s)
        efter = [p(s.note, note)] if s.note else []
        if len(s.raekker) <= 14:
            return [KeepTogether(dele + [t] + efter)]
        return [CondPageBreak(30 * mm), dele[0], t] + efter

    def sektioner(liste, trin=None):
        ud = []
        for s in liste:
            if s.trin and s.trin != trin:
                trin = s.trin
                ud.append(CondPageBreak(40 * mm))
                ud.append(p(trin, htrin))
            ud += sektion(s)
        return ud

    # --- the cover
    historie = [
        Sidehoved(""),
        p("Takstberegning til revision", h1),
        p(f"{r.driftsherre} (CVR {r.cvr}) · takstår {r.takstaar} · Styringsaftalen for Nordjysk Socialaftale (SA 5.6)", norm),
        Spacer(1, 3 * mm),
    ]
    if r.antal_fejl:
        historie.append(p(f"UDKAST: beregningen har {r.antal_fejl} fejl og kan ikke indmeldes, før de er rettet.",
                          ParagraphStyle("udkast", parent=fed_stil, textColor=colors.red)))
    historie += [
        p(f"Indmeldingens fingeraftryk (SHA-256): {fp}", fed_stil),
        p("Fingeraftrykket er SHA-256 af SHA-256(takstgrundlag.json) efterfulgt af SHA-256(takster.json) i den signerede "
          "indmeldingsfil. Kommandoen 'takstberegner verificer FIL' viser det samme fingeraftryk, når papiret hører til filen.",
          note),
        p(f"Takstgrundlagets SHA-256 (kanonisk JSON): {r.grundlag_sha256}", note),
        p(f"Dannet {dato_tekst} med Takstberegner {r.version}, {r.regelsaet}.", note),
        Spacer(1, 3 * mm),
        p("Bindende takst", h3), p(r.bindende, norm),
        p("Sidste år", h3), p(r.sidste_aar, norm),
        p("Indhold", h3),
        p("Driftsherren: satser, oversigt over takster, i alt for driftsherren, overhead og fund.", norm),
    ]
    for t in r.tilbud:
        historie.append(p(f"Tilbud {t.id} {t.navn}: " + ", ".join(_trin_i(t.sektioner)) + ".", norm))
    historie.append(p("Bilag: alle budgetlinjer for hvert tilbud.", norm))
    historie.append(Spacer(1, 5 * mm))
    underskrift = Table(
        [["", "Navn", "Dato", "Underskrift"],
         ["Udarbejdet af", "", "", ""],
         ["Godkendt af", "", "", ""]],
        colWidths=[35 * mm, 80 * mm, 35 * mm, 80 * mm], rowHeights=[6 * mm, 12 * mm, 12 * mm],
    )
    underskrift.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, 8.5), ("FONT", (0, 0), (-1, 0), FED, 8.5), ("FONT", (0, 0), (0, -1), FED, 8.5),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#777777")), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9E1F2")),
    ]))
    historie += [KeepTogether([p("Godkendelse", h3), underskrift])]

    # --- the driftsherre's part
    historie += [PageBreak(), Sidehoved("Driftsherren (fælles for alle tilbud)"),
                 p(f"Driftsherren: {r.driftsherre}", h2)]
    historie += sektion(r.stamdata)
    historie += sektion(r.oversigt)
    if r.i_alt is not None:
        historie += sektion(r.i_alt)
    if r.faelles:
        historie.append(p("Overhead (SA 5.5.7, 9.1)", htrin))
        for s in r.faelles:
            historie += sektion(s)
    historie += sektion(r.fund)

    # --- every tilbud, under the app's steps
    for t in r.tilbud:
        historie += [PageBreak(), Sidehoved(f"Tilbud {t.id} {t.navn}"), p(f"Tilbud {t.id}: {t.navn}", h2)]
        if t.kategori == 1:
            historie.append(p("Kategori 1-tilbud: indmeldes ikke, men bærer sin andel af overhead (SA 2.2).", note))
        historie += sektioner(t.sektioner)

    # --- appendix: every budget line
    for t in r.tilbud:
        if not t.bilag:
            continue
        historie += [PageBreak(), Sidehoved(f"Bilag · tilbud {t.id} {t.navn}"),
                     p(f"Bilag: alle budgetlinjer, tilbud {t.id} {t.navn}", h2)]
        for s in t.bilag:
            historie += sektion(s)

    hoved_venstre = f"Takstberegning til revision · {r.driftsherre} · takstår {r.takstaar}"
    sidefod_venstre = f"Dannet {dato_tekst} · Takstberegner {r.version}"
    sidefod_fp = f"Fingeraftryk: {fp}"
    dannet = r.dannet

    class NummereretCanvas(rl_canvas.Canvas):
        def __init__(self, *a, **kw):
            kw["invariant"] = 1
            kw["initialFontName"], kw["initialFontSize"] = FONT, 8.5  # no unembedded Helvetica
            super().__init__(*a, **kw)
            ts = TimeStamp(invariant=True)  # the report's own time, not the clock: same report, same bytes
            ts.t = dannet.timestamp()
            ts.lt = dannet.timetuple()
            ts.YMDhms = tuple(ts.lt)[:6]
            off = dannet.utcoffset()
            minutter = int(off.total_seconds() // 60) if off else 0
            ts.dhh, ts.dmm = minutter // 60, minutter % 60
            ts.tzname = ""
            self._doc._timeStamp = ts
            self._sider = []
            self._sidehoved = ""

        def showPage(self):
            self._sider.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            antal = len(self._sider)
            for tilstand in self._sider:
                self.__dict__.update(tilstand)
                self.setFont(FONT, 7)
                self.setFillColor(colors.HexColor("#333333"))
                self.drawString(margin, side[1] - 8 * mm, hoved_venstre)
                if self._sidehoved:
                    self.setFont(FED, 7.5)
                    self.drawRightString(side[0] - margin, side[1] - 8 * mm, self._sidehoved)
                    self.setFont(FONT, 7)
                self.drawString(margin, 8 * mm, sidefod_venstre)
                self.drawString(margin, 5 * mm, sidefod_fp)
                self.drawRightString(side[0] - margin, 8 * mm, f"Side {self._pageNumber} af {antal}")
                super().showPage()
            super().save()

    rl_config.useA85 = 0  # binary compressed streams: ASCII85 in pure Python costs seconds
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=side, leftMargin=margin, rightMargin=margin, topMargin=13 * mm, bottomMargin=15 * mm,
        title=f"Takstberegning til revision {r.takstaar} – {r.driftsherre}", author=r.driftsherre,
        subject=f"Takstberegning til revision efter Styringsaftalen (SA 5.6), takstår {r.takstaar}; "
                f"indmeldingens fingeraftryk {r.fingeraftryk or '(ikke indmeldt)'}",
        creator=f"Takstberegner {r.version}", keywords=f"takstberegning, {r.driftsherre}, {r.takstaar}",
        pageCompression=1,
    )
    doc.build(historie, canvasmaker=NummereretCanvas)
    return buf.getvalue()


def _trin_i(sektioner) -> list[str]:
    ud: list[str] = []
    for s in sektioner:
        if s.trin and s.trin not in ud:
            ud.append(s.trin)
    return ud
