"""Safe cell values for every workbook the program writes (takstskema, takstbilag): text from a
user or a submitted file is always written as text, never as a formula, and without the control
characters that Excel's file format cannot hold.

openpyxl turns any string that starts with "=" into a formula; Excel itself also treats a
leading "+", "-" or "@" as one when a cell is edited. `tekst` returns the cleaned text and
`tekst_celle` makes a cell whose type is fixed to string, so `=HYPERLINK(...)` stays visible text.
"""
from __future__ import annotations

import re

from takstberegner.domain.usynlige_tegn import FORMATTEGN

# The characters the xlsx format cannot hold (openpyxl's ILLEGAL_CHARACTERS_RE), the ones that
# do nothing good in a cell, and lone surrogates (JSON's "\ud800" gives one; UTF-8 cannot encode
# it, so writing the sheet failed), and the format characters that turn a text's direction or hide
# in it (the validation refuses them, but a takstbilag reads submissions nobody has validated):
# tab, line feed and carriage return are kept.
_KONTROLTEGN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff" + FORMATTEGN + "]")
_MAKS_LAENGDE = 32767  # Excel's limit for one cell


def tekst(vaerdi: object, kort: bool = True) -> tuple[str, bool]:
    """The text to write, and whether anything had to be removed (control characters, length;
    `kort=False`: not shortened, for a caller that refuses a text too long for a cell)."""
    s = "" if vaerdi is None else str(vaerdi)
    renset = _KONTROLTEGN.sub("", s)
    if kort and len(renset) > _MAKS_LAENGDE:
        renset = renset[: _MAKS_LAENGDE - 1] + "…"
    return renset, renset != s


def er_formel_lignende(s: str) -> bool:
    """Text that a spreadsheet could read as a formula if it were not forced to be text."""
    return s[:1] in ("=", "+", "-", "@")


def saet_tekst(celle, vaerdi: object) -> bool:
    """Write `vaerdi` into an openpyxl cell as text (never a formula). Returns True when control
    characters were removed or the text was shortened, so the caller can note it."""
    s, aendret = tekst(vaerdi)
    celle.value = s
    celle.data_type = "s"
    return aendret


def tekst_celle(ws, vaerdi: object):
    """A write-only cell holding `vaerdi` as text (for `ws.append` in write-only workbooks)."""
    from openpyxl.cell import WriteOnlyCell

    c = WriteOnlyCell(ws)
    saet_tekst(c, vaerdi)
    return c
