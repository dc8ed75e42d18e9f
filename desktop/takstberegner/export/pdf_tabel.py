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
import unicodedata
from itertools import repeat

from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

from takstberegner.domain.usynlige_tegn import FORMATTEGN

FONT, FED = "DejaVuSans", "DejaVuSans-Bold"
_TEGN: dict[str, tuple[dict[str, float], float]] = {}  # font -> (char -> width per 1000, default)
_BREDDE: dict[str, dict[str, float]] = {FONT: {}, FED: {}}  # font -> text -> width at size 1
_MAKS_CACHE = 200_000
# A control character has no glyph and printed as a wrong one (a tab pasted into a bemærkning
# showed as 'Ø'): it is shown as a space; a line break written \r\n or \r is a line break.
_STYRETEGN = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
_SYNLIG = {c: " " for c in (*range(0, 10), *range(11, 32), *range(127, 160))}


# A character the PDF cannot print as it is written is shown as U+FFFD, '�', one for each, the
# same in every place (table, paragraph, running header), so the reader sees that something is
# there and nothing else stands in its place:
# - one the fonts have no glyph for (Chinese, Japanese): it was written as the bytes of its UTF-8
#   and printed as two to four wrong glyphs ('漢' as 'æ¼¢');
# - one beyond Unicode's first 65.536 (emoji): DejaVu draws some of them, but reportlab's text
#   layer names a glyph by four hex digits, so '😀' was copied and searched as 'ὠ' (U+1F60);
# - a letter of a right-to-left script (Hebrew, Arabic): set left to right, a word read
#   backwards ('שלום' as 'םולש'), and Arabic letters unjoined. Setting them right needs the
#   Unicode bidi algorithm, a shaper (HarfBuzz) and their fonts: not worth it for a Danish report
#   (the takstgrundlag keeps the text as written, and the app shows it).
# Format characters (direction overrides, zero-width spaces and joiners, the soft hyphen,
# variation selectors) print nothing: they are left out, as the workbooks leave them out.
ERSTATNING = "\ufffd"
_DAEKKET: set[str] = set()  # characters both fonts have, that print as they are written
_FORMAT = re.compile(f"[{FORMATTEGN}\ufe00-\ufe0f]")
erstattede = [0]  # how many texts had a character replaced (read by revision_pdf before and after a build)


def _hoejre_til_venstre(k: int) -> bool:
    return (0x0590 <= k <= 0x08FF or 0xFB1D <= k <= 0xFDFF or 0xFE70 <= k <= 0xFEFF
            or unicodedata.bidirectional(chr(k)) in ("R", "AL"))


def _mangler(tekst: str) -> set[str]:
    """The characters of `tekst` that the PDF cannot print as written (none for ASCII)."""
    if tekst.isascii():
        return set()
    if not _DAEKKET:
        skrifter()
        a, b = (pdfmetrics.getFont(f).face.charToGlyph for f in (FONT, FED))
        _DAEKKET.update(chr(k) for k in a.keys() & b.keys()
                        if k <= 0xFFFF and not _hoejre_til_venstre(k) and not _FORMAT.match(chr(k)))
    return set(tekst) - _DAEKKET - {"\xa0", "\n"}


def synlig(tekst: str) -> str:
    """`tekst` as it can be printed: control characters as spaces, line breaks as \n, format
    characters left out, a character the PDF cannot print as written as ERSTATNING."""
    if _STYRETEGN.search(tekst):
        tekst = tekst.replace("\r\n", "\n").replace("\r", "\n").translate(_SYNLIG)
    mangler = _mangler(tekst)  # format characters among them (no set of glyphs holds them)
    if mangler:
        tabel = {ord(c): None if _FORMAT.match(c) else ERSTATNING for c in mangler}
        tekst = tekst.translate(tabel)
        if ERSTATNING in tabel.values():
            erstattede[0] += 1
    return tekst


def _synlig_kolonne(kol: list[str]) -> list[str]:
    """`synlig` of a column's texts, looked at together first (most need nothing)."""
    samlet = "".join(kol)
    if _STYRETEGN.search(samlet) or _mangler(samlet):
        return list(map(synlig, kol))
    return kol


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


# a line may break after a word's - or /, not after one letter's ('P/L' is one word: a heading
# '(efter P/L)' was printed 'P/' over 'L)')
_BRUD = re.compile(r"(?<=[^\W\d_]{2}[-/])(?=\w)")


def dele(ord_: str) -> list[str]:
    """A word's unbreakable parts: 'udgifter/aktivitetsomkostninger' -> ['udgifter/', 'aktivitets...']."""
    return _BRUD.split(ord_) if ("/" in ord_ or "-" in ord_) else [ord_]


AFKORTET = "[… afkortet]"  # the mark that ends a text cut to its room (a heading, a name)
FORTSAT = "[… fortsat under tabellen]"  # a table cell's: its whole text follows the table
MAKS_TEGN = 20_000  # characters of one text the PDF sets at most (a cell or a paragraph)


def klip(tekst: str, maks: int = MAKS_TEGN) -> str:
    """`tekst` cut to `maks` characters, the cut marked; a stored text may be 1 MB, and the PDF
    must neither spend minutes on it nor repeat it on hundreds of pages."""
    if len(tekst) <= maks:
        return tekst
    return tekst[:maks] + " " + AFKORTET


def klip_bredde(tekst: str, font: str, stoerrelse: float, plads: float) -> str:
    """One line of `tekst` no wider than `plads`, ended with '…' where it was cut."""
    tekst = tekst[:2000]
    if bredde(tekst, font, stoerrelse) <= plads:
        return tekst
    tegn, std = _tegn(font)
    rum = plads - bredde("…", font, stoerrelse)
    b = 0.0
    for i, c in enumerate(tekst):
        b += tegn.get(c, std) * stoerrelse
        if b > rum:
            return tekst[:i].rstrip() + "…"
    return tekst


def fortsat_titel(titel: str, plads: float, stoerrelse: float = 8.5) -> str:
    """'<titel> (fortsat)' on one line of `plads` points in bold, the title cut with '…' to fit."""
    hale = " (fortsat)"
    return klip_bredde(synlig(" ".join(titel.split())), FED, stoerrelse, plads - bredde(hale, FED, stoerrelse)) + hale


def ombryd(tekst: str, font: str, stoerrelse: float, plads: float, maks_linjer: int | None = None) -> list[str]:
    """Greedy word wrap of `tekst` into lines no wider than `plads`: between words, after a
    letter's '-' or '/', and (for a part wider than a line) between characters; explicit line
    breaks are kept. With `maks_linjer`, a text that needs more lines is cut after that many,
    its last line ending with the mark AFKORTET."""
    return ombryd_maerket(tekst, font, stoerrelse, plads, maks_linjer)[0]


def ombryd_maerket(tekst: str, font: str, stoerrelse: float, plads: float, maks_linjer: int | None = None,
                   maerke: str = AFKORTET) -> tuple[list[str], bool]:
    """`ombryd`, the last line of a cut text ending with `maerke`, and whether it was cut."""
    ud: list[str] = []
    mellemrum = bredde(" ", font, stoerrelse)
    graense = maks_linjer if maks_linjer is not None else len(tekst) + 1
    for afsnit in tekst.split("\n"):
        linje = ""
        b = 0.0
        for ord_ in afsnit.split(" "):
            if len(ud) > graense:
                break
            for k, stykke in enumerate(dele(ord_)):
                w = bredde(stykke, font, stoerrelse)
                sep_b = mellemrum if (k == 0 and linje) else 0.0
                if linje and b + sep_b + w > plads:  # to the next line
                    ud.append(linje)
                    linje, b, sep_b = "", 0.0, 0.0
                if w > plads:  # wider than a line on its own: break between characters
                    if linje:
                        ud.append(linje)
                    tegn, std = _tegn(font)
                    linje, b = "", 0.0
                    for c in stykke:
                        cb = tegn.get(c, std) * stoerrelse
                        if linje and b + cb > plads:
                            ud.append(linje)
                            if len(ud) > graense:
                                break
                            linje, b = c, cb
                        else:
                            linje += c
                            b += cb
                else:
                    linje += (" " if sep_b else "") + stykke
                    b += sep_b + w
        ud.append(linje)
        if len(ud) > graense:
            break
    if maks_linjer is not None and len(ud) > maks_linjer:
        del ud[maks_linjer:]
        ud[-1] = _med_maerke(ud[-1], font, stoerrelse, plads, maerke)
        return ud, True
    return ud, False


def _med_maerke(linje: str, font: str, stoerrelse: float, plads: float, maerke_: str = AFKORTET) -> str:
    """The last line kept of a cut text, shortened until the mark fits after it."""
    for maerke in (" " + maerke_, "[…]", "…"):
        rum = plads - bredde(maerke, font, stoerrelse)
        if rum >= 0:
            tegn, std = _tegn(font)
            b, n = 0.0, 0
            for c in linje:
                b += tegn.get(c, std) * stoerrelse
                if b > rum:
                    break
                n += 1
            if n < len(linje) and " " in linje[n // 2: n]:  # between words, when one is near
                n = linje.rindex(" ", 0, n)
            return (linje[:n].rstrip() + maerke).lstrip()
    return "…"


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

    def kodet(self, t: str, ss: str) -> str:
        """`ops(t)` with the size filled in."""
        if self.kendte.issuperset(t):
            return "(" + t.translate(self.tabel) + ") Tj"
        return self.ops(t).replace("{s}", ss)


def _esc(b: int) -> str:
    if b in (40, 41, 92):
        return "\\" + chr(b)
    if 32 <= b < 127:
        return chr(b)
    return f"\\{b:03o}"


MAKS_HOVED_LINJER = 6  # a heading cell's lines at most (a column named after a ydelse)


class Layout:
    """A table laid out once, column by column: every cell's lines, every row's height.

    `kolonner` holds each column's cell texts top to bottom; `hoejre` per column whether its
    cells are right-aligned numbers (True/False, or a list per cell for a mixed column);
    `passer` per column whether every cell is known to fit on one line; `maks_linjer` the lines
    a cell may take at most, so that no row is taller than a page: more are cut, marked FORTSAT,
    and listed in `afkortede` for the renderer to print whole after the table.

    Most cells are one line: a column keeps its texts (`tekster`) and only the cells that wrap
    get their lines (`ombrudte`: row -> lines). The PDF operators of every row are made once per
    document, column by column (`raekke_ops`), with the row's baseline left open, so drawing a
    page is one replace per row."""

    def __init__(self, hoved: list[str], kolonner: list[list[str]], hoejre: list[list[bool]],
                 bredder: list[float], stoerrelse: float, fede: frozenset[int], sum_raekke: bool,
                 passer: list[bool] | None = None, maks_linjer: int | None = None):
        self.bredder, self.stoerrelse = bredder, stoerrelse
        self.leading = stoerrelse * 1.2
        self.pad = 1.6
        n = len(kolonner[0]) if kolonner else 0
        self.n = n
        self.fed = [False] * n
        for i in fede:
            if 0 <= i < n:
                self.fed[i] = True
        if sum_raekke and n:
            self.fed[-1] = True
        fed = self.fed
        maks = max(_maks_ascii(FONT), _maks_ascii(FED)) * stoerrelse
        kolonner = [_synlig_kolonne(kol) for kol in kolonner]
        hoved = list(map(synlig, hoved))
        self.tekster = kolonner
        self.ombrudte: list[dict[int, tuple[str, ...]]] = []
        self.afkortede: list[tuple[int, int]] = []  # (column, row) of every cell cut at maks_linjer
        antal = [1] * n
        for j, kol in enumerate(kolonner):
            ombrudt: dict[int, tuple[str, ...]] = {}
            self.ombrudte.append(ombrudt)
            if passer and passer[j]:
                continue
            plads = bredder[j] - 2 * self.pad
            hurtig = plads / maks  # an ASCII text this short always fits
            memo: dict[tuple[str, bool], tuple[str, ...]] = {}
            afkortede: set[tuple[str, bool]] = set()
            # a line break makes even a short ASCII text two lines
            brud = "\n" in "".join(kol)
            for i in [i for i, t in enumerate(kol) if len(t) > hurtig or not t.isascii() or (brud and "\n" in t)]:
                t = kol[i]
                k = (t, fed[i])
                li = memo.get(k)
                if li is None:
                    font = FED if fed[i] else FONT
                    if "\n" not in t and bredde(t, font, stoerrelse) <= plads:
                        li = ()
                    else:
                        li_, afkortet = ombryd_maerket(t, font, stoerrelse, plads, maks_linjer, FORTSAT)
                        li = tuple(li_)
                        if len(li) == 1 and li[0] == t:
                            li = ()
                        elif afkortet:
                            afkortede.add(k)
                    memo[k] = li
                if li:
                    if k in afkortede:
                        self.afkortede.append((j, i))
                    ombrudt[i] = li
                    if len(li) > antal[i]:
                        antal[i] = len(li)
        self.hoved_linjer = [tuple(ombryd(h, FED, stoerrelse, b - 2 * self.pad, MAKS_HOVED_LINJER)) if h else ()
                             for h, b in zip(hoved, bredder)]
        self.hoved_h = max((len(x) for x in self.hoved_linjer), default=1) * self.leading + 2 * self.pad
        self.raekke_h = [a * self.leading + 2 * self.pad for a in antal]
        self.hoejre = hoejre
        self._ops: tuple[object, list[str]] | None = None

    def raekke_ops(self, doc, koder: dict[str, Koder]) -> list[str]:
        """Every row's text operators (absolute x, the baseline as the placeholder \\0), made
        once per document: per column, the texts encoded together, right-aligned cells placed
        by their width, wrapped cells line by line with relative moves."""
        if self._ops is not None and self._ops[0] is doc:
            return self._ops[1]
        s = self.stoerrelse
        ss = str(s)
        ned = f"{-self.leading:.2f}"
        xs = [0.0]
        for b in self.bredder:
            xs.append(xs[-1] + b)
        fed = self.fed
        fede = [i for i, f in enumerate(fed) if f]
        stykker = []
        for j, kol in enumerate(self.tekster):
            hr = self.hoejre[j]
            ombrudt = self.ombrudte[j]
            venstre = xs[j] + self.pad
            kant = xs[j] + self.bredder[j] - self.pad
            kode = _koder_kolonne(kol, koder[FONT], ss)
            for i in fede:  # bold rows: the bold font's codes
                if kol[i]:
                    kode[i] = koder[FED].kodet(kol[i], ss)
            hoejre_i = hr if hr.__class__ is list else None
            if hoejre_i is None and not hr:
                vx = f"1 0 0 1 {venstre:.2f} \0 Tm "
                st = [vx + k + "\n" if k else "" for k in kode]
            elif hoejre_i is None:  # right-aligned: placed by each text's width
                hent = _BREDDE[FONT].get
                ws = [hent(t) for t in kol]
                for i in [i for i, w in enumerate(ws) if w is None]:
                    ws[i] = bredde(kol[i], FONT, 1)
                for i in fede:
                    ws[i] = bredde(kol[i], FED, 1)
                st = [f"1 0 0 1 {kant - w * s:.2f} \0 Tm {k}\n" if k else "" for w, k in zip(ws, kode)]
            else:  # a mixed column: numbers right, text left
                st = []
                cache_n, cache_f = _BREDDE[FONT], _BREDDE[FED]
                for i, (t, k) in enumerate(zip(kol, kode)):
                    if not k:
                        st.append("")
                    elif hoejre_i[i]:
                        w = (cache_f if fed[i] else cache_n).get(t)
                        if w is None:
                            w = bredde(t, FED if fed[i] else FONT, 1)
                        st.append(f"1 0 0 1 {kant - w * s:.2f} \0 Tm {k}\n")
                    else:
                        st.append(f"1 0 0 1 {venstre:.2f} \0 Tm {k}\n")
            for i, li in ombrudt.items():
                font = FED if fed[i] else FONT
                k = koder[font]
                hoejre_c = hr[i] if hr.__class__ is list else hr
                forrige = None
                dele_ = []
                for m, linje in enumerate(li):
                    x = kant - bredde(linje, font, s) if hoejre_c else venstre
                    if forrige is None:
                        dele_.append(f"1 0 0 1 {x:.2f} \0 Tm {k.kodet(linje, ss)}")
                    else:
                        dele_.append(f"{x - forrige:.2f} {ned} Td {k.kodet(linje, ss)}")
                    forrige = x
                st[i] = " ".join(dele_) + "\n"
            stykker.append(st)
        ops = list(map("".join, zip(*stykker))) if stykker else [""] * self.n
        self._ops = (doc, ops)
        return ops


# anything but printable ASCII that stands for itself in a PDF string (and the separator \0)
_SAERLIGE = re.compile(r"[^\0\x20-\x27\x2a-\x5b\x5d-\x7e]")


def _koder_kolonne(tekster: list[str], k: Koder, ss: str) -> list[str]:
    """Each text's show operator ("(…) Tj"; "" for an empty cell): printable ASCII is its own
    code (asciiReadable); the column's other characters get their codes and are replaced in the
    whole column at once, one scan per character."""
    samlet = "\0".join(tekster)
    if samlet.count("\0") != len(tekster) - 1:  # a text with the separator in it: one by one
        return [k.kodet(t, ss) if t else "" for t in tekster]
    nye = set(_SAERLIGE.findall(samlet))
    if not nye:
        return [f"({t}) Tj" if t else "" for t in tekster]
    if not k.kendte.issuperset(nye):
        k.ops("".join(sorted(nye)))  # register every character (a column beyond subset 0 falls back below)
    if k.kendte.issuperset(nye):
        tabel = k.tabel
        if "\\" in nye:
            samlet = samlet.replace("\\", "\\\\")
        for ch in nye:
            kode = tabel[ord(ch)]
            if kode != ch and ch != "\\":
                samlet = samlet.replace(ch, kode)
        return [f"({t}) Tj" if t else "" for t in samlet.split("\0")]
    return [k.kodet(t, ss) if t else "" for t in tekster]


class Gitter(Flowable):
    """Rows `fra`..`til` of a laid-out table (all of it by default), with the header row."""

    TITEL_H = 12.0  # the height of the '(fortsat)' line above a part on a later page

    def __init__(self, layout: Layout, fra: int = 0, til: int | None = None, sum_linje: bool = False,
                 fortsat: str = "", med_titel: bool = False):
        super().__init__()
        self.l = layout
        self.fra, self.til = fra, layout.n if til is None else til
        self.sum_linje = sum_linje  # a heavier rule above the last row (the table's total)
        # `fortsat`: the table's title; a part on a later page (`med_titel`) has it above its header
        # with '(fortsat)', so a page that begins inside a long table says which table it is
        self.fortsat = fortsat
        self.titel_h = self.TITEL_H if med_titel and fortsat else 0.0
        self.width = sum(layout.bredder)
        self.height = self.titel_h + layout.hoved_h + sum(layout.raekke_h[self.fra: self.til])

    @classmethod
    def af(cls, hoved, kolonner, hoejre, bredder, stoerrelse: float = 7, sum_raekke: bool = False,
           fede: frozenset[int] = frozenset(), passer: list[bool] | None = None,
           maks_linjer: int | None = None) -> Gitter:
        """A table from its columns (each a list of cell texts) and per column whether its cells
        are right-aligned numbers."""
        return cls(Layout(hoved, kolonner, hoejre, bredder, stoerrelse, fede, sum_raekke, passer, maks_linjer),
                   sum_linje=sum_raekke)

    def wrap(self, availWidth, availHeight):
        return self.width, self.height

    def split(self, availWidth, availHeight):
        h = self.titel_h + self.l.hoved_h
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
        return [Gitter(self.l, self.fra, midt, fortsat=self.fortsat, med_titel=bool(self.titel_h)),
                Gitter(self.l, midt, self.til, self.sum_linje, fortsat=self.fortsat, med_titel=True)]

    def draw(self):
        c = self.canv
        L = self.l
        s = L.stoerrelse
        pad, leading = L.pad, L.leading
        hoejder = L.raekke_h[self.fra: self.til]
        total_h = self.height - self.titel_h
        if self.titel_h:
            kf = _koder(c._doc)[FED]
            if kf.navn0 is None:
                kf.ops(" ")
            c._code.append(f"q BT 0 0 0 rg {kf.navn0} 8.5 Tf 1 0 0 1 0 {total_h + 4:.2f} Tm "
                           + kf.ops(self.fortsat).replace("{s}", "8.5") + " ET Q")
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
        ops = L.raekke_ops(c._doc, koder)
        kode: list[str] = [f"BT {fn[FED]} {s} Tf\n"]
        ss = str(s)

        # the header
        k = koder[FED]
        yb = total_h - pad - s
        x = 0.0
        for celle, b in zip(L.hoved_linjer, L.bredder):
            for m, t in enumerate(celle):
                kode.append(f"1 0 0 1 {x + pad:.2f} {yb - m * leading:.2f} Tm {k.kodet(t, ss)}\n")
            x += b
        y0 = ys[1] - pad - s
        nuv = True
        fed, raekke_h = L.fed, L.raekke_h
        for i in range(self.fra, self.til):
            if fed[i] is not nuv:
                nuv = fed[i]
                kode.append(f"{fn[FED if nuv else FONT]} {s} Tf\n")
            kode.append(ops[i].replace("\0", f"{y0:.2f}"))
            y0 -= raekke_h[i]
        kode.append("ET Q")
        c._code.append("".join(kode))


class Tekst(Flowable):
    """A block of plain text in one of the two fonts (headings, notes, the cover's lines): wrapped
    by `ombryd`, drawn with the same encoders as the tables. reportlab's Paragraph parses markup
    and measures every word again; the report has about 4.000 of these blocks."""

    def __init__(self, tekst: str, font: str = FONT, stoerrelse: float = 8.5, leading: float | None = None,
                 farve: tuple[float, float, float] = (0, 0, 0), foer: float = 0, efter: float = 0,
                 hold_med_naeste: bool = False, maks_linjer: int | None = None, hel: bool = False,
                 fortsat: str = ""):
        super().__init__()
        # `fortsat`: whose text this is, printed in bold above each part of it on a later page
        # ("Bemærkninger til takstberegningen, tilbud T1 Bostedet (fortsat)"): a page that begins
        # in the middle of a long note says whose note it is
        self.fortsat = fortsat
        self.hoved: list[str] = []  # this part's continuation heading, wrapped
        self.hoved_h = 0.0
        # `hel`: a text the auditor must read in full (a bemærkning, a begrundelse printed after
        # its table) is never cut at MAKS_TEGN; it runs on over the pages it needs
        self.tekst, self.font, self.stoerrelse = synlig(tekst if hel else klip(tekst)), font, stoerrelse
        self.maks_linjer = maks_linjer
        self.leading = leading or stoerrelse * 1.2
        self.farve = farve
        self.spaceBefore, self.spaceAfter = foer, efter
        # a heading: a Blok keeps it with the start of what follows it. Not reportlab's
        # keepWithNext, whose KeepTogether breaks the page before any table taller than the room
        self.hold_med_naeste = hold_med_naeste
        self.linjer: list[str] = []

    def wrap(self, availWidth, availHeight):
        if not self.linjer or self.width != availWidth:  # wrapped again at the same width: the same lines
            self.linjer = ombryd(self.tekst, self.font, self.stoerrelse, availWidth, self.maks_linjer)
            self.width = availWidth
            self.height = self.hoved_h + len(self.linjer) * self.leading
        return self.width, self.height

    def split(self, availWidth, availHeight):
        n = int((availHeight - self.hoved_h) // self.leading)
        if not self.linjer:
            self.wrap(availWidth, availHeight)
        if n <= 0 or n >= len(self.linjer):
            return []
        hoved = ombryd(self.fortsat, FED, self.stoerrelse, self.width, 2) if self.fortsat else []
        return [self._del(self.linjer[:n], self.spaceBefore, 0, self.hoved),
                self._del(self.linjer[n:], 0, self.spaceAfter, hoved)]

    def _del(self, linjer: list[str], foer: float, efter: float, hoved: list[str]) -> "Tekst":
        """A part of this text with its lines already wrapped (a text of a hundred pages is
        wrapped once, not once more for every page it runs on to), under `hoved`, the
        continuation heading's lines (none on the first part)."""
        d = Tekst("", self.font, self.stoerrelse, self.leading, self.farve, foer, efter, hel=True, fortsat=self.fortsat)
        d.tekst = "\n".join(linjer)
        d.hoved = hoved
        d.hoved_h = len(hoved) * self.leading + (self.leading / 2 if hoved else 0)
        d.linjer, d.width, d.height = linjer, self.width, d.hoved_h + len(linjer) * self.leading
        return d

    def draw(self):
        c = self.canv
        k = _koder(c._doc)[self.font]
        if k.navn0 is None:
            k.ops(" ")
        s = self.stoerrelse
        kode = []
        y = self.height - s
        if self.hoved:
            kf = _koder(c._doc)[FED]
            if kf.navn0 is None:
                kf.ops(" ")
            kode.append(f"q BT 0 0 0 rg {kf.navn0} {s} Tf")
            for linje in self.hoved:
                kode.append(f"1 0 0 1 0 {y:.2f} Tm " + kf.ops(linje).replace("{s}", str(s)))
                y -= self.leading
            kode.append("ET Q")
            y -= self.hoved_h - len(self.hoved) * self.leading
        kode.append(f"q BT {self.farve[0]:.3f} {self.farve[1]:.3f} {self.farve[2]:.3f} rg {k.navn0} {s} Tf")
        for linje in self.linjer:
            kode.append(f"1 0 0 1 0 {y:.2f} Tm " + k.ops(linje).replace("{s}", str(s)))
            y -= self.leading
        kode.append("ET Q")
        c._code.append("\n".join(kode))


class Blok(Flowable):
    """Flowables kept on one page (a short table with its title and note), without reportlab's
    KeepTogether, which deep-copies the frame and everything already on the page each time it
    measures. A block taller than `maks` (a whole frame) flows as its parts instead; so does one
    made with `samlet=False` (a long table), which only keeps its leading headings with the start
    of what follows them."""

    def __init__(self, dele: list, maks: float, samlet: bool = True):
        super().__init__()
        self.dele, self.maks, self.samlet = dele, maks, samlet
        self.pladser: list[tuple[float, float]] = []
        self.bredde = -1.0  # the width it was last wrapped at
        self.spaceBefore = getattr(dele[0], "spaceBefore", 0) if dele else 0
        self.spaceAfter = getattr(dele[-1], "spaceAfter", 0) if dele else 0

    def wrap(self, availWidth, availHeight):
        self.bredde = availWidth
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
        """Taller than a frame (or not kept together): its parts, as long as its leading headings
        fit with the start of what follows them (a table's header and first row, a paragraph's
        first lines: a heading never ends a page) and the first part fits where the page has
        room (the document places that one without trying to split it; a heading at the foot of
        a page gave 'Splitting error'), or the first part's own split; else nothing (the next
        page). At the top of a page the parts go as they can: there is no better place."""
        if self.samlet and self.height <= self.maks:
            return []
        dele = list(self.dele)
        if not dele:
            return []
        if self.bredde != availWidth:
            self.wrap(availWidth, availHeight)
        oeverst = availHeight >= self.maks - 1
        k = 0
        while k < len(dele) - 1 and getattr(dele[k], "hold_med_naeste", False):
            k += 1
        if k and not oeverst and self.pladser[k][0] + _start(dele[k], availWidth) > availHeight:
            return []
        _, h = dele[0].wrapOn(self.canv, availWidth, availHeight)
        if h <= availHeight:
            return dele
        stykker = dele[0].splitOn(self.canv, availWidth, availHeight)
        return stykker + dele[1:] if stykker else []

    def draw(self):
        for f, (top, h) in zip(self.dele, self.pladser):
            f.drawOn(self.canv, 0, self.height - top - h)


def _start(f, bredde_: float) -> float:
    """The height of the least of `f` that may follow a heading on a page: a table's header and
    first row, a paragraph's first two lines, a block's headings and their start; else all of it."""
    if isinstance(f, Gitter):
        return f.titel_h + f.l.hoved_h + (f.l.raekke_h[f.fra] if f.til > f.fra else 0)
    if isinstance(f, Tekst):
        if not f.linjer:
            f.wrap(bredde_, 0)
        return min(2, max(1, len(f.linjer))) * f.leading
    if isinstance(f, Blok):
        f.wrap(bredde_, 0)
        k = 0
        while k < len(f.dele) - 1 and getattr(f.dele[k], "hold_med_naeste", False):
            k += 1
        return f.pladser[k][0] + _start(f.dele[k], bredde_) if f.dele else 0
    return f.wrap(bredde_, 0xFFFFFF)[1]


def tekst_ops(doc, x: float, y: float, tekst: str, font: str, stoerrelse: float, hoejre: bool = False,
              farve: tuple[float, float, float] = (0.2, 0.2, 0.2), maks_bredde: float | None = None) -> str:
    """PDF operators for one line of text at (x, y) (its right end at x when `hoejre`), for the
    running header and footer; cut with '…' to `maks_bredde`."""
    k = _koder(doc)[font]
    tekst = synlig(tekst).replace("\n", " ")
    if maks_bredde is not None:
        tekst = klip_bredde(tekst, font, stoerrelse, maks_bredde)
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
