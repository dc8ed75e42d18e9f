"""A fast grid table flowable for reportlab, for the long tables of the PDF til revision.

reportlab's Table draws every cell with its own text object and style lookups; with ~130.000
cells (the large driftsherre) that alone takes seconds. `Gitter` lays out plain-text cells
(wrapped with simpleSplit when needed), splits across pages repeating the header row, and draws
each table with one text object and one line path. Only what the report needs: header
background, right-aligned number cells, bold total and subtotal rows.

Text is set in the embedded TrueType font DejaVu Sans (`skrifter()` registers it from
resources/skrifttyper), so æøå, − and › print and the PDF carries its fonts. A string is encoded
for the font's subset with one `str.translate` once its characters are known.
"""
from __future__ import annotations

from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

FONT, FED = "DejaVuSans", "DejaVuSans-Bold"
_BREDDER: dict[str, dict[int, float]] = {}


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


def _bredde(tekst: str, font: str, stoerrelse: float) -> float:
    w = _BREDDER.get(font)
    if w is None:
        f = pdfmetrics.getFont(font)
        w = _BREDDER[font] = dict(f.face.charWidths)
        w["std"] = f.face.defaultWidth
    std = w["std"]
    return sum([w.get(c, std) for c in map(ord, tekst)]) * stoerrelse / 1000


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
        """PDF operators that show `t` (selecting subset 0 again afterwards when needed)."""
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


class Gitter(Flowable):
    def __init__(self, hoved: list[str], raekker: list[list[str]], hoejre: list[list[bool]],
                 bredder: list[float], stoerrelse: float = 7, sum_raekke: bool = False,
                 hoved_farve=(0.851, 0.882, 0.949), _layout=None, fede: frozenset[int] = frozenset()):
        super().__init__()
        self.fede = fede
        self.hoved, self.raekker, self.hoejre = hoved, raekker, hoejre
        self.bredder, self.stoerrelse, self.sum_raekke = bredder, stoerrelse, sum_raekke
        self.hoved_farve = hoved_farve
        self.leading = stoerrelse * 1.2
        self.pad = 1.6
        if _layout is None:
            self.hoved_linjer = self._ombryd(hoved, FED)
            self.linjer = [self._ombryd(r, FONT) for r in raekker]
        else:
            self.hoved_linjer, self.linjer = _layout
        self.hoved_h = self._hoejde(self.hoved_linjer)
        self.raekke_h = [self._hoejde(x) for x in self.linjer]

    def _ombryd(self, celler: list[str], font: str) -> list[list[str]]:
        ud = []
        s = self.stoerrelse
        for t, b in zip(celler, self.bredder):
            plads = b - 2 * self.pad
            if not t:
                ud.append([])
            elif len(t) * s * 0.95 <= plads or ("\n" not in t and _bredde(t, font, s) <= plads):
                ud.append([t])
            else:
                ud.append(simpleSplit(t, font, s, plads) or [t])
        return ud

    def _hoejde(self, celler: list[list[str]]) -> float:
        return max((len(c) for c in celler), default=1) * self.leading + 2 * self.pad

    def wrap(self, availWidth, availHeight):
        self.width = sum(self.bredder)
        self.height = self.hoved_h + sum(self.raekke_h)
        return self.width, self.height

    def split(self, availWidth, availHeight):
        h = self.hoved_h
        n = 0
        for rh in self.raekke_h:
            if h + rh > availHeight:
                break
            h += rh
            n += 1
        if n == 0 or n == len(self.raekker):
            return []
        sidste = n == len(self.raekker) - 1  # never leave the total row alone
        if sidste and n > 1:
            n -= 1

        def del_(a, b, sum_):
            return Gitter(self.hoved, self.raekker[a:b], self.hoejre[a:b], self.bredder, self.stoerrelse,
                          sum_, self.hoved_farve, (self.hoved_linjer, self.linjer[a:b]),
                          frozenset(i - a for i in self.fede if a <= i < b))

        return [del_(0, n, False), del_(n, len(self.raekker), self.sum_raekke)]

    def draw(self):
        c = self.canv
        s = self.stoerrelse
        total_h = self.hoved_h + sum(self.raekke_h)
        c.saveState()
        c.setFillColorRGB(*self.hoved_farve)
        c.rect(0, total_h - self.hoved_h, self.width, self.hoved_h, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        c.setStrokeColorRGB(0.63, 0.63, 0.63)
        c.setLineWidth(0.25)
        xs = [0.0]
        for b in self.bredder:
            xs.append(xs[-1] + b)
        ys = [total_h, total_h - self.hoved_h]
        for rh in self.raekke_h:
            ys.append(ys[-1] - rh)
        sti = [f"0 {y:.2f} m {self.width:.2f} {y:.2f} l" for y in ys]
        sti += [f"{x:.2f} 0 m {x:.2f} {total_h:.2f} l" for x in xs]
        c._code.append("\n".join(sti) + " S")
        if self.sum_raekke and self.raekker:
            c.setLineWidth(0.8)
            c.setStrokeColorRGB(0, 0, 0)
            c.line(0, ys[-2], self.width, ys[-2])
        kode: list[str] = []
        koder = _koder(c._doc)
        for k in koder.values():
            if k.navn0 is None:
                k.ops(" ")
        fn = {f: koder[f].navn0 for f in (FONT, FED)}

        def tekst(x: float, y: float, t: str, font: str, hoejre: bool, bredde: float):
            if hoejre:
                x = x + bredde - self.pad - _bredde(t, font, s)
            else:
                x = x + self.pad
            ops = koder[font].ops(t)
            if "{s}" in ops:
                ops = ops.replace("{s}", str(s))
            kode.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm {ops}")

        kode.append(f"BT {fn[FED]} {s} Tf")
        yb = total_h - self.pad - s
        for j, celle in enumerate(self.hoved_linjer):
            for k, linje in enumerate(celle):
                tekst(xs[j], yb - k * self.leading, linje, FED, False, self.bredder[j])
        y0 = ys[1]
        nuv = FED
        for i, (celler, rh) in enumerate(zip(self.linjer, self.raekke_h)):
            font = FED if ((self.sum_raekke and i == len(self.linjer) - 1) or i in self.fede) else FONT
            if font != nuv:
                kode.append(f"{fn[font]} {s} Tf")
                nuv = font
            yb = y0 - self.pad - s
            hr = self.hoejre[i]
            for j, celle in enumerate(celler):
                for k, linje in enumerate(celle):
                    tekst(xs[j], yb - k * self.leading, linje, font, hr[j], self.bredder[j])
            y0 -= rh
        kode.append("ET")
        c._code.append("\n".join(kode))
        c.restoreState()


_KODER: dict[int, tuple[object, dict[str, Koder]]] = {}


def _koder(doc) -> dict[str, Koder]:
    """The encoders of one document (kept while it is being built)."""
    x = _KODER.get(id(doc))
    if x is None or x[0] is not doc:
        _KODER.clear()
        x = _KODER[id(doc)] = (doc, {FONT: Koder(FONT, doc), FED: Koder(FED, doc)})
    return x[1]
