"""Column widths of a table in the PDF til revision, and how a table too wide for the page is cut
into parts that each fit.

A number column gets the width of its widest number and of its heading's longest word, so
figures never wrap; a text column its natural width, shrinking to its longest unbreakable word
(at most 150 points) when the page is short of room. A table whose columns do not fit even at
those least widths (the takst per kategori of a tilbud with 5.000 ydelser: a column per ydelse)
is printed in parts of as many columns as fit, its first column (what each row is) repeated in
every part. Before, every column was shrunk to its share, and figures and headings broke into
one character a line until a row was taller than a page (reportlab's LayoutError).
"""
from __future__ import annotations

from dataclasses import dataclass

from takstberegner.export.pdf_tabel import FED, FONT, bredde, dele

PAD = 2 * 1.6 + 1
MAKS_ORD = 150.0  # points: a longer unbreakable word breaks between characters


@dataclass
class Kolonne:
    overskrift: str
    tekster: list[str]
    hoejre: bool | list[bool]  # right-aligned numbers (per cell in a mixed column)
    naturlig: float
    mindst: float
    passer: bool  # every cell fits on one line at the column's least width


def maal(overskrift: str, tekster: list[str], tal: list[bool], stoerrelse: float = 7) -> Kolonne:
    """A column's widths from its heading and its cells' texts (`tal`: the cell is a number)."""
    ord_b = min(max((bredde(d, FED, stoerrelse) for w in overskrift.split() for d in dele(w)), default=0),
                MAKS_ORD) + PAD
    tal_b = 0.0
    if any(tal):  # figures must fit on one line, bold in a total row
        laengst = max((t for t, e in zip(tekster, tal) if e), key=len)
        tal_b = bredde(laengst, FED, stoerrelse) + PAD + 1
    if all(tal) or not any(t for t, e in zip(tekster, tal) if not e):
        nat = max(ord_b, tal_b, 20)
        return Kolonne(overskrift, tekster, True, nat, nat, True)
    laengde = max(map(len, tekster), default=0)
    tekst_nat = min(max(4, laengde), 70) * 4.5 + 8 if laengde else 0
    nat = max(ord_b, tekst_nat, 20)
    laengst_ord = 0.0
    if laengde:  # the column's longest unbreakable part (each distinct text split once)
        ord_ = {d for t in set(tekster) for w in t.split() for d in dele(w)}
        laengst_ord = min(max((bredde(w, FONT, stoerrelse) for w in ord_), default=0) * 1.06 + PAD, MAKS_ORD)
    nat = max(nat, tal_b)
    return Kolonne(overskrift, tekster, tal if any(tal) else False, nat,
                   min(nat, max(ord_b, laengst_ord, tal_b, 20)), False)


def bredder(kolonner: list[Kolonne], plads: float) -> list[float]:
    """Widths of columns that fit at their least widths: natural if there is room, else each
    shrunk toward its least width in proportion to how much it can give."""
    naturlig = [k.naturlig for k in kolonner]
    mindst = [k.mindst for k in kolonner]
    if sum(naturlig) <= plads:
        return naturlig
    rum = plads - sum(mindst)
    vaegt = sum(b - m for b, m in zip(naturlig, mindst)) or 1
    return [m + rum * (b - m) / vaegt for b, m in zip(naturlig, mindst)]


def dele_i_bredden(kolonner: list[Kolonne], plads: float) -> list[list[int]]:
    """The columns of each part of the table: all of them when they fit at their least widths,
    else consecutive runs that fit, each after the first starting with column 0 again (unless
    column 0 takes more than a third of the page)."""
    mindst = [k.mindst for k in kolonner]
    if sum(mindst) <= plads or len(kolonner) <= 1:
        return [list(range(len(kolonner)))]
    gentag = [0] if mindst[0] <= plads / 3 else []
    dele_: list[list[int]] = [[0]]
    brugt, egne = mindst[0], 1  # egne: the part's columns that are not repeated
    for j in range(1, len(kolonner)):
        if brugt + mindst[j] > plads and egne:
            start = gentag if sum(mindst[i] for i in gentag) + mindst[j] <= plads else []
            dele_.append(list(start))
            brugt, egne = sum(mindst[i] for i in start), 0
        dele_[-1].append(j)
        brugt += mindst[j]
        egne += 1
    return dele_
