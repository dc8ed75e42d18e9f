"""One sheet of an imported budget file as a grid of cells, and how its columns are found.

Both readers (xlsx_laeser for .xlsx, csv_laeser for .csv) give an `Ark`: the rows that have
content, each a dict from column number (1 = A) to value. Values are None, str (text), `Tal` (the
exact digits of a number cell; `Procent` when it is formatted as a percentage), bool, `Dato` (a number shown as a date), `Fejlvaerdi` (#DIV/0! and
friends) or `FORMEL_UDEN_VAERDI`. Here too: finding the heading row by itself, the headings, a
proposal for which column holds what, and the key under which the app remembers a file layout.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from takstberegner.importers.kontoplan import art_af


class Tal(str):
    """A number cell, kept as the digits in the file ('96.25', '6500000', '1.5E-3')."""

    __slots__ = ()


class Procent(Tal):
    """A number cell formatted as a percentage: Excel shows 0.5 as '50 %'."""

    __slots__ = ()


class Dato(str):
    """A cell that holds a date (a number in a date format, or an ISO date)."""

    __slots__ = ()


class Fejlvaerdi(str):
    """An error value shown in the cell: '#DIV/0!', '#REF!', ..."""

    __slots__ = ()


class _FormelUdenVaerdi:
    """A formula whose result was never saved (a file written by a program, not opened in Excel)."""

    def __repr__(self) -> str:
        return "FORMEL_UDEN_VAERDI"


FORMEL_UDEN_VAERDI = _FormelUdenVaerdi()


@dataclass
class Ark:
    navn: str
    raekker: list[tuple[int, dict[int, Any]]]  # (row number from 1, {column from 1: value}), rows with content
    flettede: tuple[tuple[int, int, int, int], ...] = ()  # merged ranges (col1, row1, col2, row2)
    kolonner: int = 0  # the last column with content
    komplet: bool = True  # False: only the first rows were read (for the grid)
    kilde: str = ""  # the file's name, for messages
    separator: str = ""  # a CSV file's separator (';', ',' or a tab); "" for a workbook
    skjulte: frozenset[int] = frozenset()  # rows with content that are hidden in Excel
    skjulte_kolonner: tuple[tuple[int, int], ...] = ()  # ranges (first, last) of columns hidden in Excel
    # (row, column) of the cells whose value is a formula's result as the file last saved it
    formler: frozenset[tuple[int, int]] = frozenset()

    def er_skjult_kolonne(self, k: int) -> bool:
        return any(a <= k <= b for a, b in self.skjulte_kolonner)

    def celle(self, raekke: dict[int, Any], kolonne: int | None) -> Any:
        return raekke.get(kolonne) if kolonne else None


def bogstav(n: int) -> str:
    """Column number -> letters: 1 -> 'A', 28 -> 'AB'."""
    s = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def kolonne_nr(bogstaver: str) -> int | None:
    """'AB' -> 28; None when it is not column letters within Excel's 16.384 columns."""
    s = (bogstaver or "").strip().upper()
    if not re.fullmatch(r"[A-Z]{1,3}", s):
        return None
    n = 0
    for ch in s:
        n = n * 26 + ord(ch) - 64
    return n if n <= 16_384 else None


def tekst_af(v: Any) -> str:
    """A cell as the text a user sees in it (for headings and the grid)."""
    if v is None or v is FORMEL_UDEN_VAERDI:
        return ""
    if isinstance(v, bool):
        return "SAND" if v else "FALSK"
    if isinstance(v, Procent):
        return procent_tekst(v)
    if isinstance(v, Tal):
        return tal_tekst(v)
    return str(v)


def procent_tekst(v: str) -> str:
    """A percentage cell as Excel shows it, the Danish way: '0.5' -> '50 %'."""
    from decimal import Decimal, InvalidOperation

    try:
        d = Decimal(v) * 100 if len(v) <= 40 else None
    except InvalidOperation:
        d = None
    if d is None or not d.is_finite():
        return v
    return tal_tekst(format(d.normalize(), "f") if d == d.to_integral_value() else format(d, "f")) + " %"


def tal_tekst(v: str) -> str:
    """A number cell's digits shown the Danish way, without inventing decimals: '96.25' -> '96,25'."""
    if re.fullmatch(r"-?\d+(\.\d+)?", v) and len(v) <= 30:
        heltal, _, brok = v.partition(".")
        neg = heltal.startswith("-")
        heltal = heltal.lstrip("-")
        grupper = []
        while len(heltal) > 3:
            grupper.insert(0, heltal[-3:])
            heltal = heltal[:-3]
        grupper.insert(0, heltal)
        return ("-" if neg else "") + ".".join(grupper) + ("," + brok if brok else "")
    return v


# ---- the heading row -------------------------------------------------------------------------

_TAL_TEKST = re.compile(r"^\s*[-−]?[\d.\s]*\d(,\d+)?\s*(kr\.?)?\s*$")

# Words that a heading of each role contains (lower case, without æøå folded).
NOEGLEORD: dict[str, tuple[str, ...]] = {
    "konto": ("konto", "art", "kontonr", "artskonto", "finanskonto"),
    "tekst": ("tekst", "kontotekst", "artstekst", "posteringstekst", "beskrivelse", "kontonavn", "artsnavn", "navn",
              "betegnelse"),
    "beloeb": ("beløb", "beloeb", "belob", "budget", "kr", "bevilling", "oprindeligt"),
    "tilbud": ("tilbud", "omkostningssted", "sted", "institution", "afdeling", "enhed"),
}
ROLLER = ("konto", "tekst", "beloeb", "tilbud")
_ART_ORD = ("art", "artskonto", "artsnr", "artsnummer")


def er_tal(v: Any) -> bool:
    """Does the cell hold a number (a number cell, or text that reads as a Danish number)?"""
    if isinstance(v, Tal):
        return True
    if isinstance(v, str) and not isinstance(v, (Dato, Fejlvaerdi)):
        return bool(_TAL_TEKST.match(v)) and len(v) < 40
    return False


def _er_overskriftstekst(v: Any) -> bool:
    return (isinstance(v, str) and not isinstance(v, (Tal, Dato, Fejlvaerdi)) and bool(v.strip())
            and not er_tal(v) and len(v) <= 200)


def _ord(tekst: str) -> set[str]:
    return set(re.findall(r"[a-zæøå]+", tekst.casefold()))


def find_overskrift(ark: Ark, soeg: int = 30) -> int | None:
    """The row number of the heading row ('Konto', 'Tekst', 'Beløb'), or None when the sheet has none.

    Among the first rows, a heading row has at least two text cells and no numbers, and a row with
    a number follows it. Headings that name a known role (konto, tekst, beløb, ...) count extra;
    the best row wins, the first of equals."""
    raekker = ark.raekker[:soeg]
    bedst, bedst_point = None, 0
    for i, (nr, celler) in enumerate(raekker):
        tekster = [v for v in celler.values() if _er_overskriftstekst(v)]
        if len(tekster) < 2 or any(er_tal(v) for v in celler.values()):
            continue
        kendte = sum(1 for v in tekster if any(o in _ord(v) for r in ROLLER for o in NOEGLEORD[r]))
        efter = raekker[i + 1: i + 4]
        if kendte < 2 and not any(any(er_tal(v) for v in c.values()) for _, c in efter):
            continue
        point = len(tekster) + 3 * kendte
        if point > bedst_point:
            bedst, bedst_point = nr, point
    return bedst


def overskrifter(ark: Ark, overskrift: int | None) -> dict[int, str]:
    """Column number -> its heading ('Konto'), or 'Kolonne C' where the heading is empty or absent."""
    raekke: dict[int, Any] = {}
    for nr, celler in ark.raekker:
        if nr == overskrift:
            raekke = celler
            break
    ud = {}
    for k in range(1, ark.kolonner + 1):
        t = tekst_af(raekke.get(k)).strip()
        ud[k] = " ".join(t.split())[:80] if t else f"Kolonne {bogstav(k)}"
    return ud


def layout_noegle(ark_navn: str, titler: dict[int, str]) -> str:
    """The key a file layout is remembered by: the sheet's headings, whatever their order (not the file's
    or the sheet's name: next year's export has another name and the same headings)."""
    tekst = "\x1f".join(sorted({" ".join(t.casefold().split()) for t in titler.values()}))
    return hashlib.sha256(tekst.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class Kolonnevalg:
    """Which column (number from 1) holds what; 0 for none. `overskrift` is the heading row (0: none)."""

    konto: int = 0
    tekst: int = 0
    beloeb: int = 0
    tilbud: int = 0
    overskrift: int = 0

    def brugte(self) -> set[int]:
        return {k for k in (self.konto, self.tekst, self.beloeb, self.tilbud) if k}

    def som_titler(self, titler: dict[int, str]) -> dict[str, str]:
        """{role: heading text}, to remember by heading rather than by letter."""
        return {r: titler[getattr(self, r)] for r in ROLLER if getattr(self, r) in titler}

    @staticmethod
    def fra_titler(husket: dict[str, str], titler: dict[int, str], overskrift: int) -> "Kolonnevalg | None":
        """A remembered choice applied to a sheet: each role's column found by its heading."""
        efter_titel = {v: k for k, v in sorted(titler.items(), reverse=True)}
        valg = {}
        for r in ROLLER:
            if r in husket:
                if husket[r] not in efter_titel:
                    return None
                valg[r] = efter_titel[husket[r]]
        if not valg.get("beloeb") or not valg.get("konto"):
            return None
        return Kolonnevalg(overskrift=overskrift or 0, **valg)


@dataclass
class _Kolonne:
    tal: int = 0
    arter: int = 0
    tekst: int = 0
    udfyldt: int = 0
    tekster: set = field(default_factory=set)


def gaet_kolonner(ark: Ark, overskrift: int | None, tilbud_navne: set[str] = frozenset()) -> Kolonnevalg:
    """A proposal: the columns whose headings name a role, else by their content (the most numbers
    for the amount, the most kontoplan arter for the konto, the longest texts for the tekst)."""
    titler = overskrifter(ark, overskrift)
    stat: dict[int, _Kolonne] = {k: _Kolonne() for k in titler}
    for nr, celler in ark.raekker[:500]:
        if overskrift and nr <= overskrift:
            continue
        for k, v in celler.items():
            s = stat.get(k)
            if s is None or v is None:
                continue
            s.udfyldt += 1
            if er_tal(v):
                s.tal += 1
            if art_af(v) is not None:
                s.arter += 1
            if isinstance(v, str) and not er_tal(v):
                s.tekst += 1
                if len(s.tekster) < 50:
                    s.tekster.add(v.strip().casefold())
    valg: dict[str, int] = {}
    # a column hidden in Excel is never proposed (a hidden 'Oprindeligt budget' beside the shown
    # 'Korrigeret budget'); the user can still choose it
    brugt: set[int] = {k for k in stat if ark.er_skjult_kolonne(k)} if ark.skjulte_kolonner else set()

    def tag(rolle: str, k: int | None) -> None:
        if k:
            valg[rolle] = k
            brugt.add(k)

    if overskrift:
        # An "Art" heading before a "Konto" heading: a finance export often has both, and the konto
        # (5.38.50.001) is the funktion, while the kontoplan's kategori follows the art (2.2).
        for rolle, kun_tal, ord_ in (("konto", False, _ART_ORD), ("konto", False, NOEGLEORD["konto"]),
                                     ("beloeb", True, NOEGLEORD["beloeb"]), ("beloeb", False, NOEGLEORD["beloeb"]),
                                     ("tilbud", False, NOEGLEORD["tilbud"]), ("tekst", False, NOEGLEORD["tekst"])):
            if rolle in valg:
                continue
            for k, t in titler.items():
                if k in brugt or (kun_tal and stat[k].tal == 0):
                    continue
                if _ord(t) & set(ord_):
                    tag(rolle, k)
                    break
    if "beloeb" not in valg:
        kandidater = [k for k in stat if k not in brugt and stat[k].tal > 0]
        # the amount is usually the last numeric column; the konto column holds arter
        kandidater.sort(key=lambda k: (stat[k].tal - stat[k].arter, k))
        if kandidater:
            tag("beloeb", kandidater[-1])
    if "konto" not in valg:
        kandidater = [k for k in stat if k not in brugt and stat[k].arter > 0]
        kandidater.sort(key=lambda k: (-stat[k].arter, k))
        if kandidater:
            tag("konto", kandidater[0])
    if "tilbud" not in valg and tilbud_navne:
        kendte = {n.casefold() for n in tilbud_navne}
        for k, s in stat.items():
            if k not in brugt and s.tekster and s.tekster <= kendte:
                tag("tilbud", k)
                break
    if "tekst" not in valg:
        kandidater = [k for k in stat if k not in brugt and stat[k].tekst > 0]
        kandidater.sort(key=lambda k: (-stat[k].tekst, k))
        if kandidater:
            tag("tekst", kandidater[0])
    return Kolonnevalg(overskrift=overskrift or 0, **valg)
