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
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext

from takstberegner import dansk
from takstberegner.export.rapport import AAR, FAKTOR, FAKTOR_DECIMALER, HELTAL, PCT, Rapport, Sektion, Tal


_Q = {0: Decimal(1), 2: Decimal("0.01")}
_BYT = str.maketrans(",.", ".,")


def _tal(v, decimaler: int) -> str:
    """dansk.tal, fast: rounded half up once, then Python's grouping with the separators swapped."""
    if type(v) is int:
        return f"{v:,}".translate(_BYT) if decimaler == 0 else f"{v:,}.{'0' * decimaler}".translate(_BYT)
    d = Decimal(v).quantize(_Q[decimaler], rounding=ROUND_HALF_UP)
    t = f"{d:,.{decimaler}f}"
    if t[0] == "-" and not d:
        t = t[1:]
    return t.translate(_BYT)


def vis(v) -> str:
    """The Danish display of a cell, as the PDF prints it."""
    if v is None:
        return ""
    if type(v) is Tal:
        x = v.v
        if x is None:
            return ""
        fmt = v.fmt
        if fmt == AAR:
            return str(int(x))
        if fmt == HELTAL:
            return _tal(x, 0)
        if fmt == PCT:
            return dansk.procent(x)
        if fmt == FAKTOR:
            return dansk.tal(x, FAKTOR_DECIMALER)
        return _tal(x, 2)
    return str(v)


_HALVT_OP = Context(rounding=ROUND_HALF_UP)


def vis_kolonne(celler) -> list[str]:
    """`vis` of every cell of a column, fast: numbers formatted by Python in a context that
    rounds half up (the same once-rounding as dansk.tal), then the separators of all of them
    swapped at once."""
    ud: list[str] = []
    ap = ap_tal = ud.append
    tal_i: list[int] = []
    with localcontext(_HALVT_OP):
        for v in celler:
            if type(v) is Tal:
                x, fmt = v.v, v.fmt
                if x is None:
                    ap("")
                    continue
                if fmt == AAR:
                    ap(str(int(x)))
                    continue
                if fmt == PCT:
                    ap(dansk.procent(x))
                    continue
                if fmt == FAKTOR:
                    ap(dansk.tal(x, FAKTOR_DECIMALER))
                    continue
                tal_i.append(len(ud))
                if fmt == HELTAL:
                    t = f"{x:,}" if type(x) is int else f"{x:,.0f}"
                    ap_tal("0" if t == "-0" else t)
                else:
                    t = f"{x:,}.00" if type(x) is int else f"{x:,.2f}"
                    ap_tal("0.00" if t == "-0.00" else t)
            elif v is None:
                ap("")
            else:
                ap(str(v))
    if tal_i:
        samlet = "\0".join([ud[i] for i in tal_i]).replace(",", "\1").replace(".", ",").replace("\1", ".")
        for i, t in zip(tal_i, samlet.split("\0")):
            ud[i] = t
    return ud


def lav_pdf(r: Rapport) -> bytes:
    from takstberegner.export.rapport import uden_gc

    with uden_gc():
        return _lav_pdf(r)


def _lav_pdf(r: Rapport) -> bytes:
    from reportlab import rl_config
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.lib.utils import TimeStamp
    from reportlab.pdfgen import canvas as rl_canvas
    from reportlab.platypus import CondPageBreak, Flowable, PageBreak, SimpleDocTemplate, Spacer
    from reportlab.platypus import Table, TableStyle

    from takstberegner.export.fingeraftryk import vis_fingeraftryk
    from takstberegner.export.pdf_kolonner import bredder as kol_bredder
    from takstberegner.export.pdf_kolonner import dele_i_bredden, maal
    from takstberegner.export import pdf_tabel
    from takstberegner.export.pdf_tabel import ERSTATNING, FED, FONT, MAKS_HOVED_LINJER, MAKS_TEGN, Blok, Gitter, Tekst, klip
    from takstberegner.export.pdf_tabel import skrifter, tekst_ops

    skrifter()
    erstattede_foer = pdf_tabel.erstattede[0]  # a text with a character replaced adds a line to the cover
    side = landscape(A4)
    margin = 14 * mm
    bredde = side[0] - 2 * margin
    top_margin, bund_margin = 13 * mm, 15 * mm
    ramme_h = side[1] - top_margin - bund_margin - 12  # a frame's height (less its padding)
    # text styles: (font, size, leading, colour, space before, space after, a heading kept with what follows)
    h1 = (FED, 16, 20, (0, 0, 0), 0, 6, True)
    h2 = (FED, 12.5, 15.5, (0, 0, 0), 6, 4, True)
    htrin = (FED, 11.5, 14, (0.122, 0.22, 0.392), 8, 4, True)
    h3 = (FED, 9.5, 12, (0, 0, 0), 5, 2, True)
    norm = (FONT, 8.5, 10.5, (0, 0, 0), 0, 0, False)
    fed_stil = (FED, 8.5, 10.5, (0, 0, 0), 0, 0, False)
    note = (FONT, 7, 8.5, (0.267, 0.267, 0.267), 1, 0, False)
    afsnit = (FONT, 8.5, 10.5, (0, 0, 0), 3, 0, False)
    udkast = (FED, 8.5, 10.5, (1, 0, 0), 0, 0, False)
    dato_tekst = dansk.tidspunkt(r.dannet)
    fp = vis_fingeraftryk(r.fingeraftryk) if r.fingeraftryk else "(ikke indmeldt: intet fingeraftryk)"

    overskrifter = (h1, h2, htrin, h3)

    def p(tekst: str, stil=norm, hel: bool = False, fortsat: str = ""):
        """A paragraph; a heading takes at most four lines (a name may be as long as the storage
        holds). `hel`: printed whole however long (a bemærkning, a cut cell's text after its table);
        `fortsat`: whose text it is, in bold above its part on each later page it runs on to."""
        font, str_, leading, farve, foer, efter, hold = stil
        return Tekst(tekst, font, str_, leading, farve, foer, efter, hold, 4 if stil in overskrifter else None, hel,
                     fortsat=f"{fortsat} (fortsat)" if fortsat else "")

    # a text longer than MAKS_TEGN printed whole once (a begrundelse, a name): where, so that a
    # later table that holds it again refers to that place instead of printing it once more
    hele_udskrevet: dict[str, str] = {}

    def nr(n: int) -> str:
        return dansk.tal(n, 0)

    def navn(tekst: str) -> str:
        """A name as it is repeated (cover, metadata): at most 300 characters."""
        return klip(tekst, 300)

    class Sidehoved(Flowable):
        """Zero-size marker: from here on, pages belong to `tekst` (drawn in the running header);
        `del_`: the part of the contents that begins here (its pages are printed on the cover)."""

        def __init__(self, tekst: str, del_=None):
            super().__init__()
            self.tekst, self.del_ = tekst, del_
            self.width = self.height = 0

        def wrap(self, *_):
            return 0, 0

        def draw(self):
            self.canv._sidehoved = self.tekst
            if self.del_ is not None:
                self.canv._starter.setdefault(self.del_, self.canv._pageNumber)

    SIDETAL_BREDDE = 200  # points at the right of a contents line for its pages

    class Indholdslinje(Tekst):
        """A line of the cover's contents; the pages of its parts (`dele`) are written at its
        right when the document is saved and every part's first page is known."""

        def __init__(self, tekst: str, dele: tuple):
            font, str_, leading, farve, foer, efter, _ = norm
            super().__init__(tekst, font, str_, leading, farve, foer, efter)
            self.dele = dele

        def wrap(self, availWidth, availHeight):
            self.fuld = availWidth
            super().wrap(availWidth - SIDETAL_BREDDE, availHeight)
            return availWidth, self.height

        def split(self, availWidth, availHeight):
            return []  # a line of the contents is not split from its pages

        def drawOn(self, canvas, x, y, _sW=0):
            canvas._sidetal.append((canvas._pageNumber, x + self.fuld, y + self.height - self.stoerrelse, self.dele))
            super().drawOn(canvas, x, y, _sW)

    class Indhold(Flowable):
        """The cover's contents: its heading and lines as one flowable, so that a part on a later
        page begins with 'Indhold (fortsat)' in bold, as every table and text that runs on does
        (a driftsherre of 60 tilbud has two pages of contents). Its lines are not split."""

        def __init__(self, linjer: list, hoved):
            super().__init__()
            self.linjer, self.hoved = linjer, hoved
            self.spaceBefore = hoved.spaceBefore

        def _dele(self) -> list:
            return [self.hoved] + self.linjer

        def wrap(self, availWidth, availHeight):
            self.width = availWidth
            self.height = sum(f.wrap(availWidth, availHeight)[1] for f in self._dele()) + self.hoved.spaceAfter
            return self.width, self.height

        def split(self, availWidth, availHeight):
            h = self.hoved.wrap(availWidth, availHeight)[1] + self.hoved.spaceAfter
            n = 0
            for f in self.linjer:
                h += f.wrap(availWidth, availHeight)[1]
                if h > availHeight:
                    break
                n += 1
            if n == 0 or n == len(self.linjer):
                return []
            fortsat = p(pdf_tabel.fortsat_titel("Indhold", availWidth), (FED, 8.5, 10.5, (0, 0, 0), 0, 5, False))
            return [Indhold(self.linjer[:n], self.hoved), Indhold(self.linjer[n:], fortsat)]

        def drawOn(self, canvas, x, y, _sW=0):
            top = y + self.height
            for i, f in enumerate(self._dele()):
                top -= f.height + (self.hoved.spaceAfter if i == 1 else 0)
                f.drawOn(canvas, x, top, _sW)

    tabel_bredde = bredde  # the tables have always used the margins' width (6 points into the frame's padding)
    # a cell's lines at most: a row always fits on a page under the tallest headings (a part's
    # heading of four lines, the kategori 1 note, a step's heading, a title of four lines) and
    # the tallest table header, so a heading is never left alone above a row that needs a page
    # of its own; in a long table fewer, so that a name repeated on every row is not printed a
    # page a row (a cut cell is printed whole after its table)
    overskrifter_h = (4 * h2[2] + h2[4] + h2[5]) + 2 * note[2] + (htrin[2] + htrin[4] + htrin[5]) + (4 * h3[2] + h3[4] + h3[5])
    linjer_side = int((ramme_h - overskrifter_h - (MAKS_HOVED_LINJER * 7 * 1.2 + 3.2) - 3.2) // (7 * 1.2)) - 1

    def tabeller(s: Sektion) -> tuple[list[tuple[str, Gitter]], list]:
        """The section's table, in parts of columns that fit the page (pdf_kolonner), each with
        its title ("" for a table in one part); and the paragraphs that print whole the texts
        cut in its cells (a begrundelse longer than a cell's lines)."""
        fuld = len(s.kolonner)
        synlige = [j for j in range(fuld) if j not in s.kun_regneark]
        raekker = [rk if len(rk) == fuld else tuple(rk) + (None,) * (fuld - len(rk)) for rk in s.raekker]
        kol_celler = list(zip(*raekker)) if raekker else [()] * fuld
        klippet: dict[str, str] = {}
        originaler: dict[str, str] = {}  # a text cut at MAKS_TEGN for the cell -> the whole text
        kolonner = []
        for j in synlige:
            celler = kol_celler[j]
            tekst = vis_kolonne(celler)
            if max(map(len, tekst), default=0) > MAKS_TEGN:
                tekst = [t if len(t) <= MAKS_TEGN else klippet.get(t) or klippet.setdefault(t, klip(t)) for t in tekst]
                originaler.update((k, t) for t, k in klippet.items())
            kolonner.append(maal(klip(s.kolonner[j], 500), tekst, [type(v) is Tal for v in celler]))
        maks_linjer = linjer_side if len(raekker) <= 30 else 10
        dele_ = dele_i_bredden(kolonner, tabel_bredde)
        ud = []
        afkortede: dict[tuple[int, str], list[int]] = {}
        for k, del_ in enumerate(dele_, 1):
            kol = [kolonner[j] for j in del_]
            gitter = Gitter.af([c.overskrift for c in kol], [c.tekster for c in kol], [c.hoejre for c in kol],
                               kol_bredder(kol, tabel_bredde), 7, s.sum_raekke and bool(raekker),
                               fede=frozenset(s.fede), passer=[c.passer for c in kol], maks_linjer=maks_linjer)
            titel = ""
            if len(dele_) > 1:
                egne = [j for j in del_ if j or k == 1]
                fra_til = nr(egne[0] + 1) + (f"–{nr(egne[-1] + 1)}" if len(egne) > 1 else "")
                titel = (f"{s.titel} (del {k} af {nr(len(dele_))}: kolonne "
                         f"{'1 og ' if del_[0] == 0 and k > 1 else ''}{fra_til} af {nr(len(kolonner))})")
            gitter.fortsat = pdf_tabel.fortsat_titel(titel or s.titel, tabel_bredde)  # above a later page's part
            ud.append((titel, gitter))
            for jj, i in gitter.l.afkortede:
                afkortede.setdefault((del_[jj], kolonner[del_[jj]].tekster[i]), []).append(i)
        return ud, fulde_tekster(s, kolonner, afkortede, originaler)

    def kort(tekst: str, maks: int) -> str:
        """A cell or heading named in a line of text: on one line, at most `maks` characters."""
        tekst = " ".join(tekst.split())
        return tekst if len(tekst) <= maks else tekst[:maks].rstrip() + "…"

    def fulde_tekster(s: Sektion, kolonner, afkortede: dict, originaler: dict[str, str]) -> list:
        """Every text cut in the table's cells, whole, once per column and text, after the
        rows it belongs to (named by the row's first other cells). A text longer than MAKS_TEGN
        is printed whole the first time; where it comes again, its start and where it stands."""
        if not afkortede:
            return []
        ud = []
        for (j, tekst), raekker in sorted(afkortede.items(), key=lambda x: (min(x[1]), x[0][0])):
            raekker = sorted(set(raekker))
            if len(raekker) == 1:
                i = raekker[0]
                navne_ = [f"{kort(c.overskrift, 40)} {kort(c.tekster[i], 60)}" for jj, c in enumerate(kolonner)
                          if jj != j and c.tekster[i]][:2]
                hvor = f"Række {nr(i + 1)}" + (f" ({', '.join(navne_)})" if navne_ else "")
            else:
                vist = [nr(i + 1) for i in raekker[:10]]
                flere = f" og {nr(len(raekker) - 10)} flere" if len(raekker) > 10 else ""
                hvor = "Rækkerne " + (", ".join(vist[:-1]) + " og " + vist[-1] if not flere else ", ".join(vist) + flere)
            tekst = originaler.get(tekst, tekst)
            if len(tekst) > MAKS_TEGN and tekst in hele_udskrevet:
                tekst = (f"{tekst[:1000]} [… afkortet her; hele teksten ({nr(len(tekst))} tegn) står under "
                         f"'{hele_udskrevet[tekst]}']")
            elif len(tekst) > MAKS_TEGN:
                hele_udskrevet[tekst] = kort(f"{s.titel}: tekster i fuld længde", 200)
            kol = kort(kolonner[j].overskrift, 100)
            ud.append(p(f"{hvor}, {kol}: {tekst}", afsnit, hel=True, fortsat=f"{kort(s.titel, 100)}: {kort(hvor, 200)}, {kol}"))
        return [Blok([p(f"{s.titel}: tekster i fuld længde", h3), ud[0]], ramme_h, samlet=False)] + ud[1:]

    def sektion(s: Sektion, *overskrifter, hvem: str = ""):
        """A section's title, table and note; `overskrifter` (a part's or a step's heading) go
        with it, so a heading never stands alone at the foot of a page. A table too wide for the
        page is printed in parts, each under its own title; a section of one text column as
        paragraphs, each page it runs on to headed by its title and `hvem` (the tilbud)."""
        foran = [o for o in overskrifter if o is not None]
        if not s.raekker:
            return [Blok(foran + [p(s.titel, h3), p("Ingen.", note)], ramme_h)]
        efter = [p(s.note, note)] if s.note else []
        if len(s.kolonner) == 1 and not any(type(rk[0]) is Tal for rk in s.raekker if rk):
            # one column of text (a bemærkning): paragraphs, which run on over pages as they must
            fortsat = kort(f"{s.titel}, {hvem}", 200) if hvem else kort(s.titel, 200)
            tekster = [p(str(rk[0]) if rk and rk[0] is not None else "", norm, hel=True, fortsat=fortsat)
                       for rk in s.raekker]
            if s.noegle == "bemaerkninger":  # one text in rows a workbook cell can hold (rapport._stykker)
                tekster = [p("".join(str(rk[0]) for rk in s.raekker if rk and rk[0] is not None), norm, hel=True,
                             fortsat=fortsat)]
            return [Blok(foran + [p(s.titel, h3)] + tekster + efter, ramme_h)]
        dele_, fulde = tabeller(s)
        ud = []
        for k, (titel, t) in enumerate(dele_):
            blok = foran + [p(titel or s.titel, h3), t] + (efter if k == len(dele_) - 1 else [])
            foran = []
            if len(s.raekker) <= 14:
                ud.append(Blok(blok, ramme_h))
            else:  # a long table flows over pages, its headings with its first row
                ud += [CondPageBreak(30 * mm), Blok(blok, ramme_h, samlet=False)]
        return ud + fulde

    def sektioner(liste, foran=(), trin=None, hvem: str = ""):
        """The sections under their steps' headings; `foran` (the part's heading) goes with the first."""
        ud = []
        foran = list(foran)
        for s in liste:
            overskrift = None
            if s.trin and s.trin != trin:
                trin = s.trin
                if not foran:
                    ud.append(CondPageBreak(40 * mm))
                overskrift = p(trin, htrin)
            ud += sektion(s, *foran, overskrift, hvem=hvem)
            foran = []
        return ud

    # --- the cover
    historie = [
        Sidehoved(""),
        p("Takstberegning til revision", h1),
        p(f"{navn(r.driftsherre)} (CVR {navn(r.cvr)}) · takstår {r.takstaar} · Styringsaftalen for Nordjysk Socialaftale (SA 5.6)", norm),
        Spacer(1, 3 * mm),
    ]
    if r.antal_fejl:
        historie.append(p(f"UDKAST: beregningen har {r.antal_fejl} fejl og kan ikke indmeldes, før de er rettet.", udkast))
    historie += [
        p(f"Indmeldingens fingeraftryk (SHA-256): {fp}", fed_stil),
        p("Fingeraftrykket er en kontrolsum (SHA-256) over de to datafiler i den signerede indmeldingsfil: "
          "takstgrundlaget (alle indtastede tal og tekster) og taksterne (de beregnede takster). Ændres ét tal, "
          "ændres fingeraftrykket. Sekretariatets kontrol af indmeldingsfilen (Sekretariat › Verificér i Takstberegner, "
          "eller kommandoen takstberegner verificer) viser det samme fingeraftryk, når papiret hører til filen.", note),
        p(f"Takstgrundlagets kontrolsum (SHA-256): {r.grundlag_sha256}", note),
        p(f"Dannet {dato_tekst} med Takstberegner {r.version}, {r.regelsaet}.", note),
        Spacer(1, 3 * mm),
        p("Bindende takst", h3), p(r.bindende, norm),
        p("Sidste år", h3), p(r.sidste_aar, norm),
    ]
    indhold = [Indholdslinje("Driftsherren: satser, oversigt over takster, i alt for driftsherren, overhead, fund og "
                             "regelsættets parametre.",
                             (("driftsherre",),))]
    for i, t in enumerate(r.tilbud):
        indhold.append(Indholdslinje(f"Tilbud {navn(t.id)} {navn(t.navn)}: " + ", ".join(_trin_i(t.sektioner)) + ".",
                                     (("tilbud", i), ("bilag", i))))
    indhold.append(Indholdslinje("Bilag: alle budgetlinjer for hvert tilbud.", (("bilag",),)))
    historie += [Indhold(indhold, p("Indhold", h3)), Spacer(1, 5 * mm)]
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
    historie += [Blok([p("Godkendelse", h3), underskrift], ramme_h)]

    # --- the driftsherre's part
    historie += [PageBreak(), Sidehoved("Driftsherren (fælles for alle tilbud)", ("driftsherre",))]
    historie += sektion(r.stamdata, p(f"Driftsherren: {r.driftsherre}", h2))
    historie += sektion(r.oversigt)
    if r.i_alt is not None:
        historie += sektion(r.i_alt)
    if r.sidste_aar_oversigt is not None:
        historie += sektion(r.sidste_aar_oversigt)
    for i, s in enumerate(r.faelles):
        historie += sektion(s, p("Overhead (SA 5.5.7, 9.1)", htrin) if i == 0 else None)
    historie += sektion(r.fund)
    if r.regler is not None:  # reference: the limits, defaults and rounding behind every figure
        historie += sektion(r.regler)

    # --- every tilbud, under the app's steps
    for i, t in enumerate(r.tilbud):
        historie += [PageBreak(), Sidehoved(navn(f"Tilbud {t.id} {t.navn}"), ("tilbud", i))]
        foran = [p(f"Tilbud {t.id}: {t.navn}", h2)]
        if t.kategori == 1:
            foran.append(p("Kategori 1-tilbud: indmeldes ikke, men bærer sin andel af overhead (SA 2.2).", note))
            foran[-1].hold_med_naeste = True
        historie += sektioner(t.sektioner, foran, hvem=f"tilbud {t.id} {t.navn}")

    # --- appendix: every budget line
    foerste_bilag = True
    for i, t in enumerate(r.tilbud):
        if not t.bilag:
            continue
        historie += [PageBreak(), Sidehoved(navn(f"Bilag · tilbud {t.id} {t.navn}"), ("bilag", i))]
        if foerste_bilag:
            historie.append(Sidehoved(navn(f"Bilag · tilbud {t.id} {t.navn}"), ("bilag",)))
            foerste_bilag = False
        foran = p(f"Bilag: alle budgetlinjer, tilbud {t.id} {t.navn}", h2)
        for s in t.bilag:
            historie += sektion(s, foran)
            foran = None

    ERSTATTET = (f"Tegn, som PDF'en ikke kan vise som skrevet (fx emoji og kinesisk, arabisk og hebraisk skrift), står "
                 f"som {ERSTATNING}. Takstgrundlaget har teksterne uændret.")
    hoved_venstre = f"Takstberegning til revision · {navn(r.driftsherre)} · takstår {r.takstaar}"
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
            self._starter = {}  # a part of the contents -> its first page (Sidehoved)
            self._sidetal = []  # (page, right edge, baseline, parts) of each contents line

        def showPage(self):
            self._sider.append(dict(self.__dict__))
            self._startPage()

        def sider_tekst(self, dele, antal: int) -> str:
            """'side 3–6, bilag side 41' for a contents line: each part from its first page to
            the page before the next part begins."""
            starter = sorted(set(self._starter.values()))
            tekster = []
            for d in dele:
                fra = self._starter.get(d)
                if fra is None:
                    continue
                if d == ("bilag",):
                    til = antal
                else:
                    til = next((x for x in starter if x > fra), antal + 1) - 1
                tekst = nr(fra) if til <= fra else f"{nr(fra)}–{nr(til)}"
                tekster.append(("bilag side " if d[0] == "bilag" and len(d) > 1 else "side ") + tekst)
            return ", ".join(tekster)

        def save(self):
            antal = len(self._sider)
            top, hoejre = side[1] - 8 * mm, side[0] - margin
            sidetal: dict[int, list[tuple[float, float, str]]] = {}
            for side_nr, x, y, dele in self._sidetal:
                sidetal.setdefault(side_nr, []).append((x, y, self.sider_tekst(dele, antal)))
            for tilstand in self._sider:
                self.__dict__.update(tilstand)
                doc = self._doc
                ops = [tekst_ops(doc, margin, top, hoved_venstre, FONT, 7, maks_bredde=0.55 * bredde),
                       tekst_ops(doc, margin, 8 * mm, sidefod_venstre, FONT, 7),
                       tekst_ops(doc, margin, 5 * mm, sidefod_fp, FONT, 7),  # binding.kontroller_pdf reads it
                       tekst_ops(doc, hoejre, 8 * mm, f"Side {self._pageNumber} af {antal}", FONT, 7, True)]
                if self._sidehoved:
                    ops.append(tekst_ops(doc, hoejre, top, self._sidehoved, FED, 7.5, True, maks_bredde=0.42 * bredde))
                for x, y, tekst in sidetal.get(self._pageNumber, ()):
                    ops.append(tekst_ops(doc, x, y, tekst, FONT, norm[1], True, farve=(0, 0, 0)))
                if self._pageNumber == 1 and pdf_tabel.erstattede[0] != erstattede_foer:
                    ops.append(tekst_ops(doc, margin, 12 * mm, ERSTATTET, FONT, 7))
                self._code.append("\n".join(ops))
                super().showPage()
            super().save()

    rl_config.useA85 = 0  # binary compressed streams: ASCII85 in pure Python costs seconds
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=side, leftMargin=margin, rightMargin=margin, topMargin=top_margin, bottomMargin=bund_margin,
        title=f"Takstberegning til revision {r.takstaar} – {navn(r.driftsherre)}", author=navn(r.driftsherre),
        subject=f"Takstberegning til revision efter Styringsaftalen (SA 5.6), takstår {r.takstaar}; "
                f"indmeldingens fingeraftryk {r.fingeraftryk or '(ikke indmeldt)'}",
        creator=f"Takstberegner {r.version}", producer=f"Takstberegner {r.version} med ReportLab", keywords=f"takstberegning, {navn(r.driftsherre)}, {r.takstaar}",
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
