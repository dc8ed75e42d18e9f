"""A fast grid table flowable for reportlab, for the long tables of the PDF til revision.

reportlab's Table draws every cell with its own text object and style lookups; with ~330.000
cells (the large driftsherre: every budget line in the appendix) that alone takes many seconds.
`Gitter` lays a table out ONCE (`Layout`: every cell's lines, every row's height), splits across
pages by slicing that layout (repeating the header row; never recomputing it), and draws each
piece with one text object and one line path. Only what the report needs: header background,
right-aligned number cells, bold total and subtotal rows, no per-cell styles.

String widths come from the font's own advance widths, cached per string (`bredde`), and text is
wrapped by our own greedy word wrap on those widths (reportlab's simpleSplit measures every
candidate line again). Text is set in the embedded TrueType font DejaVu Sans (`skrifter()`
registers it from resources/skrifttyper), so æøå, − and › print and the PDF carries its fonts. A
string is encoded for the font's subset with one `str.translate` once its characters are known;
ASCII keeps its own codes (asciiReadable), so ASCII text is plain in the content stream.
"""
from __future__ import annotations

import re
from itertools import repeat

from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

FONT, FED = "DejaVuSans", "DejaVuSans-Bold"
_TEGN: dict[str, tuple[dict[str, float], float]] = {}  # font -> (char -> width per 1000, default)
_BREDDE: dict[str, dict[str, float]] = {FONT: {}, FED: {}}  # font -> text -> width at size 1
_MAKS_CACHE = 200_000


def skrifter() -> None:
    """Register DejaVu Sans (regular, bold) once, from the program's resources."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase.ttfonts import TTFont

    from takstberegner.paths import resource

    # asciiReadable: codes 32-126 of the first subset are ASCII itself, so ASCII text (the
    # fingerprint line that export/binding.kontroller_pdf looks for) is plain in the content
    # stream while the font stays embedded. Set here, not left to rl_config's default.
    pdfmetrics.registerFont(TTFont(FONT, str(resource("skrifttyper", "DejaVuSans.ttf")), asciiReadable=1))
    pdfmetrics.registerFont(TTFont(FED, str(resource("skrifttyper", "DejaVuSans-Bold.ttf")), asciiReadable=1))
    for fed, kursiv in ((0, 0), (0, 1), (1, 0), (1, 1)):
        addMapping(FONT, fed, kursiv, FED if fed else FONT)


def _tegn(font: str) -> tuple[dict[str, float], float]:
    t = _TEGN.get(font)
    if t is None:
        f = pdfmetrics.getFont(font)
        t = _TEGN[font] = ({chr(k): v / 1000 for k, v in f.face.charWidths.items()}, f.face.defaultWidth / 1000)
    return t


_MAKS: dict[str, float] = {}


def _maks_ascii(font: str) -> float:
    """The widest printable ASCII character (per point of size)."""
    m = _MAKS.get(font)
    if m is None:
        tegn, std = _tegn(font)
        m = _MAKS[font] = max(tegn.get(chr(c), std) for c in range(32, 127))
    return m


def bredde(tekst: str, font: str, stoerrelse: float) -> float:
    """The width of `tekst` in points, from the font's advance widths, cached per string."""
    cache = _BREDDE[font]
    w = cache.get(tekst)
    if w is None:
        tegn, std = _tegn(font)
        w = sum(map(tegn.get, tekst, repeat(std, len(tekst))))
        if len(cache) > _MAKS_CACHE:
            cache.clear()
        cache[tekst] = w
    return w * stoerrelse


_BRUD = re.compile(r"(?<=[^\W\d_][-/])(?=\w)")  # a line may break after a letter's - or /


def dele(ord_: str) -> list[str]:
    """A word's unbreakable parts: 'udgifter/aktivitetsomkostninger' -> ['udgifter/', 'aktivitets...']."""
    return _BRUD.split(ord_) if ("/" in ord_ or "-" in ord_) else [ord_]


def ombryd(tekst: str, font: str, stoerrelse: float, plads: float) -> list[str]:
    """Greedy word wrap of `tekst` into lines no wider than `plads`: between words, after a
    letter's '-' or '/', and (for a part wider than a line) between characters; explicit line
    breaks are kept."""
    ud: list[str] = []
    mellemrum = bredde(" ", font, stoerrelse)
    for afsnit in tekst.split("\n"):
        linje = ""
        b = 0.0
        for ord_ in afsnit.split(" "):
            for k, stykke in enumerate(dele(ord_)):
                w = bredde(stykke, font, stoerrelse)
                sep_b = mellemrum if (k == 0 and linje) else 0.0
                if linje and b + sep_b + w > plads:  # to the next line
                    ud.append(linje)
                    linje, b, sep_b = "", 0.0, 0.0
                if w > plads:  # wider than a line on its own: break between characters
                    if linje:
                        ud.append(linje)
                    linje = ""
                    for c in stykke:
                        if linje and bredde(linje + c, font, stoerrelse) > plads:
                            ud.append(linje)
                            linje = c
                        else:
                            linje += c
                    b = bredde(linje, font, stoerrelse)
                else:
                    linje += (" " if sep_b else "") + stykke
                    b += sep_b + w
        ud.append(linje)
    return ud


class Koder:
    """Encodes text for one TrueType font in one document: the subset codes as an escaped PDF
    literal, by one translate once every character has its code."""

    def __init__(self, font: str, doc):
        self.font = pdfmetrics.getFont(font)
        self.doc = doc
        self.navn0 = None
        self.tabel: dict[int, str] = {}
        self.kendte: set[str] = set()

    def ops(self, t: str) -> str:
        """PDF operators that show `t` (selecting subset 0 again afterwards when needed; the
        size is the placeholder {s})."""
        if not self.kendte.issuperset(t):
            dele = self.font.splitString(t, self.doc)
            if self.navn0 is None:
                self.navn0 = self.font.getSubsetInternalName(0, self.doc)
            assignments = self.font.state[self.doc].assignments
            for ch in set(t):
                n = assignments.get(ord(ch if ch != "\xa0" else " "))
                if n is not None and n < 256:
                    self.tabel[ord(ch)] = _esc(n)
                    self.kendte.add(ch)
            if any(sub != 0 for sub, _ in dele):  # beyond the first 256 glyphs: one Tf per chunk
                ud = []
                for sub, chunk in dele:
                    navn = self.font.getSubsetInternalName(sub, self.doc)
                    ud.append(f"{navn} {{s}} Tf (" + "".join(_esc(b) for b in chunk) + ") Tj")
                return " ".join(ud) + f" {self.navn0} {{s}} Tf"
        return "(" + t.translate(self.tabel) + ") Tj"


def _esc(b: int) -> str:
    if b in (40, 41, 92):
        return "\\" + chr(b)
    if 32 <= b < 127:
        return chr(b)
    return f"\\{b:03o}"


class Layout:
    """A table laid out once, column by column: every cell's lines, every row's height.

    `kolonner` holds each column's cell texts top to bottom; `hoejre` per column whether its
    cells are right-aligned numbers (True/False, or a list per cell for a mixed column);
    `passer` per column whether every cell is known to fit on one line."""

    def __init__(self, hoved: list[str], kolonner: list[list[str]], hoejre: list[list[bool]],
                 bredder: list[float], stoerrelse: float, fede: frozenset[int], sum_raekke: bool,
                 passer: list[bool] | None = None):
        self.bredder, self.stoerrelse = bredder, stoerrelse
        self.leading = stoerrelse * 1.2
        self.pad = 1.6
        n = len(kolonner[0]) if kolonner else 0
        self.fed = [False] * n
        for i in fede:
            if 0 <= i < n:
                self.fed[i] = True
        if sum_raekke and n:
            self.fed[-1] = True
        fed = self.fed
        maks = max(_maks_ascii(FONT), _maks_ascii(FED)) * stoerrelse
        linjer_kol: list[list[tuple[str, ...]]] = []
        antal = [1] * n
        for j, kol in enumerate(kolonner):
            plads = bredder[j] - 2 * self.pad
            hurtig = plads / maks  # an ASCII text this short always fits
            if passer and passer[j]:
                linjer_kol.append([(t,) if t else () for t in kol])
                continue
            memo: dict[tuple[str, bool], tuple[str, ...]] = {}
            ud = []
            for i, t in enumerate(kol):
                if not t:
                    ud.append(())
                    continue
                if len(t) <= hurtig and t.isascii():
                    ud.append((t,))
                    continue
                k = (t, fed[i])
                li = memo.get(k)
                if li is None:
                    font = FED if fed[i] else FONT
                    if "\n" not in t and bredde(t, font, stoerrelse) <= plads:
                        li = (t,)
                    else:
                        li = tuple(ombryd(t, font, stoerrelse, plads))
                    memo[k] = li
                ud.append(li)
                if len(li) > antal[i]:
                    antal[i] = len(li)
            linjer_kol.append(ud)
        self.hoved_linjer = [tuple(ombryd(h, FED, stoerrelse, b - 2 * self.pad)) if h else () for h, b in zip(hoved, bredder)]
        self.hoved_h = max((len(x) for x in self.hoved_linjer), default=1) * self.leading + 2 * self.pad
        self.raekke_h = [a * self.leading + 2 * self.pad for a in antal]
        self.linjer = list(zip(*linjer_kol)) if linjer_kol else [()] * n  # per row: each cell's lines
        self.hoejre = hoejre


class Gitter(Flowable):
    """Rows `fra`..`til` of a laid-out table (all of it by default), with the header row."""

    def __init__(self, layout: Layout, fra: int = 0, til: int | None = None, sum_linje: bool = False):
        super().__init__()
        self.l = layout
        self.fra, self.til = fra, len(layout.linjer) if til is None else til
        self.sum_linje = sum_linje  # a heavier rule above the last row (the table's total)
        self.width = sum(layout.bredder)
        self.height = layout.hoved_h + sum(layout.raekke_h[self.fra: self.til])

    @classmethod
    def af(cls, hoved, kolonner, hoejre, bredder, stoerrelse: float = 7, sum_raekke: bool = False,
           fede: frozenset[int] = frozenset(), passer: list[bool] | None = None) -> Gitter:
        """A table from its columns (each a list of cell texts) and per column whether its cells
        are right-aligned numbers."""
        return cls(Layout(hoved, kolonner, hoejre, bredder, stoerrelse, fede, sum_raekke, passer), sum_linje=sum_raekke)

    def wrap(self, availWidth, availHeight):
        return self.width, self.height

    def split(self, availWidth, availHeight):
        h = self.l.hoved_h
        n = 0
        for rh in self.l.raekke_h[self.fra: self.til]:
            if h + rh > availHeight:
                break
            h += rh
            n += 1
        antal = self.til - self.fra
        if n == 0 or n == antal:
            return []
        if n == antal - 1 and n > 1:  # never leave the total row alone
            n -= 1
        midt = self.fra + n
        return [Gitter(self.l, self.fra, midt), Gitter(self.l, midt, self.til, self.sum_linje)]

    def draw(self):
        c = self.canv
        L = self.l
        s = L.stoerrelse
        pad, leading = L.pad, L.leading
        hoejder = L.raekke_h[self.fra: self.til]
        total_h = self.height
        # raw operators inside q ... Q (the canvas's own calls format every number through
        # reportlab's pure-Python fp_str; Q restores what the canvas believes the state is)
        c._code.append(f"q 0.851 0.882 0.949 rg 0 {total_h - L.hoved_h:.2f} {self.width:.2f} {L.hoved_h:.2f} re f "
                       "0 0 0 rg 0.63 0.63 0.63 RG 0.25 w")
        xs = [0.0]
        for b in L.bredder:
            xs.append(xs[-1] + b)
        ys = [total_h, total_h - L.hoved_h]
        for rh in hoejder:
            ys.append(ys[-1] - rh)
        bred = f"{self.width:.2f}"
        sti = [f"0 {y:.2f} m {bred} {y:.2f} l" for y in ys]
        sti += [f"{x:.2f} 0 m {x:.2f} {total_h:.2f} l" for x in xs]
        c._code.append("\n".join(sti) + " S")
        if self.sum_linje and hoejder:
            c._code.append(f"0.8 w 0 0 0 RG 0 {ys[-2]:.2f} m {bred} {ys[-2]:.2f} l S")
        koder = _koder(c._doc)
        for k in koder.values():
            if k.navn0 is None:
                k.ops(" ")
        fn = {f: koder[f].navn0 for f in (FONT, FED)}
        venstre = [f"{x + pad:.2f}" for x in xs]  # left-aligned x per column, formatted once
        hoejre_kant = [x + b - pad for x, b in zip(xs, L.bredder)]
        kode: list[str] = [f"BT {fn[FED]} {s} Tf"]
        ss = str(s)

        # the header
        k = koder[FED]
        yb = total_h - pad - s
        for j, celle in enumerate(L.hoved_linjer):
            for m, t in enumerate(celle):
                kode.append(f"1 0 0 1 {venstre[j]} {yb - m * leading:.2f} Tm " + k.ops(t).replace("{s}", ss))
        y0 = ys[1]
        nuv = FED
        hoejre = L.hoejre
        for i in range(self.fra, self.til):
            font = FED if L.fed[i] else FONT
            if font != nuv:
                kode.append(f"{fn[font]} {s} Tf")
                nuv = font
            k = koder[font]
            ops, kendte, tabel = k.ops, k.kendte, k.tabel
            yb = y0 - pad - s
            yt = f"{yb:.2f}"
            for j, celle in enumerate(L.linjer[i]):
                if not celle:
                    continue
                hr = hoejre[j]
                if hr.__class__ is list:  # a mixed column: per cell
                    hr = hr[i]
                for m, t in enumerate(celle):
                    y = yt if m == 0 else f"{yb - m * leading:.2f}"
                    x = f"{hoejre_kant[j] - bredde(t, font, s):.2f}" if hr else venstre[j]
                    if kendte.issuperset(t):  # every character has its code: one translate
                        kode.append(f"1 0 0 1 {x} {y} Tm ({t.translate(tabel)}) Tj")
                    else:
                        kode.append(f"1 0 0 1 {x} {y} Tm " + ops(t).replace("{s}", ss))
            y0 -= L.raekke_h[i]
        kode.append("ET Q")
        c._code.append("\n".join(kode))


class Tekst(Flowable):
    """A block of plain text in one of the two fonts (headings, notes, the cover's lines): wrapped
    by `ombryd`, drawn with the same encoders as the tables. reportlab's Paragraph parses markup
    and measures every word again; the report has about 4.000 of these blocks."""

    def __init__(self, tekst: str, font: str = FONT, stoerrelse: float = 8.5, leading: float | None = None,
                 farve: tuple[float, float, float] = (0, 0, 0), foer: float = 0, efter: float = 0,
                 hold_med_naeste: bool = False):
        super().__init__()
        self.tekst, self.font, self.stoerrelse = tekst, font, stoerrelse
        self.leading = leading or stoerrelse * 1.2
        self.farve = farve
        self.spaceBefore, self.spaceAfter = foer, efter
        self.keepWithNext = hold_med_naeste
        self.linjer: list[str] = []

    def wrap(self, availWidth, availHeight):
        self.linjer = ombryd(self.tekst, self.font, self.stoerrelse, availWidth)
        self.width = availWidth
        self.height = len(self.linjer) * self.leading
        return self.width, self.height

    def split(self, availWidth, availHeight):
        n = int(availHeight // self.leading)
        if not self.linjer:
            self.wrap(availWidth, availHeight)
        if n <= 0 or n >= len(self.linjer):
            return []
        a = Tekst("\n".join(self.linjer[:n]), self.font, self.stoerrelse, self.leading, self.farve, self.spaceBefore)
        b = Tekst("\n".join(self.linjer[n:]), self.font, self.stoerrelse, self.leading, self.farve, 0, self.spaceAfter)
        return [a, b]

    def draw(self):
        c = self.canv
        k = _koder(c._doc)[self.font]
        if k.navn0 is None:
            k.ops(" ")
        s = self.stoerrelse
        kode = [f"q BT {self.farve[0]:.3f} {self.farve[1]:.3f} {self.farve[2]:.3f} rg {k.navn0} {s} Tf"]
        y = self.height - s
        for linje in self.linjer:
            kode.append(f"1 0 0 1 0 {y:.2f} Tm " + k.ops(linje).replace("{s}", str(s)))
            y -= self.leading
        kode.append("ET Q")
        c._code.append("\n".join(kode))


class Blok(Flowable):
    """Flowables kept on one page (a short table with its title and note), without reportlab's
    KeepTogether, which deep-copies the frame and everything already on the page each time it
    measures. A block taller than `maks` (a whole frame) flows as its parts instead."""

    def __init__(self, dele: list, maks: float):
        super().__init__()
        self.dele, self.maks = dele, maks
        self.spaceBefore = getattr(dele[0], "spaceBefore", 0) if dele else 0
        self.spaceAfter = getattr(dele[-1], "spaceAfter", 0) if dele else 0

    def wrap(self, availWidth, availHeight):
        self.pladser = []
        h = 0.0
        w = 0.0
        for i, f in enumerate(self.dele):
            fw, fh = f.wrapOn(self.canv, availWidth, 0xFFFFFF)
            foer = f.getSpaceBefore() if i else 0
            efter = f.getSpaceAfter() if i < len(self.dele) - 1 else 0
            self.pladser.append((h + foer, fh))
            h += foer + fh + efter
            w = max(w, fw)
        self.width, self.height = w, h
        return w, h

    def split(self, availWidth, availHeight):
        return list(self.dele) if self.height > self.maks else []

    def draw(self):
        for f, (top, h) in zip(self.dele, self.pladser):
            f.drawOn(self.canv, 0, self.height - top - h)


def tekst_ops(doc, x: float, y: float, tekst: str, font: str, stoerrelse: float, hoejre: bool = False,
              farve: tuple[float, float, float] = (0.2, 0.2, 0.2)) -> str:
    """PDF operators for one line of text at (x, y) (its right end at x when `hoejre`), for the
    running header and footer."""
    k = _koder(doc)[font]
    if k.navn0 is None:
        k.ops(" ")
    if hoejre:
        x -= bredde(tekst, font, stoerrelse)
    return (f"q BT {farve[0]:.3f} {farve[1]:.3f} {farve[2]:.3f} rg {k.navn0} {stoerrelse} Tf 1 0 0 1 {x:.2f} {y:.2f} Tm "
            + k.ops(tekst).replace("{s}", str(stoerrelse)) + " ET Q")


_KODER: dict[int, tuple[object, dict[str, Koder]]] = {}


def _koder(doc) -> dict[str, Koder]:
    """The encoders of one document (kept while it is being built)."""
    x = _KODER.get(id(doc))
    if x is None or x[0] is not doc:
        _KODER.clear()
        x = _KODER[id(doc)] = (doc, {FONT: Koder(FONT, doc), FED: Koder(FED, doc)})
    return x[1]
