"""The invisible characters no name or text field may hold: one rule for every door (SPEC §5,
INPUT). The domain's validation refuses them (JSON, .takst, the app's cells, rul frem); the budget
import removes them with a note; the workbooks remove them from free text.

They are the control characters (C0, C1), the line and paragraph separators, lone surrogates, and
Unicode's format characters (category Cf, Unicode 15): the direction overrides and isolates
(U+202A-U+202E, U+2066-U+2069) and marks (U+200E, U+200F, U+061C) that make a name show as another
(a tilbud named 'Bostedet \\u202eNord' shows as 'Bostedet droN'), zero-width spaces and joiners,
the soft hyphen, the byte order mark and the tag characters. Tab and line feed are among the
control characters: a name has none; a free text (bemærkninger, a begrundelse, sundhedsydelser) may
hold tab and line breaks, and nothing else of them (`I_FRI_TEKST`). `hvilket` says in Danish which
one a text holds and where, for the validation's finding.
"""
from __future__ import annotations

import re

KONTROLTEGN = "\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff"
FORMATTEGN = ("\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
              "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
              "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f")
USYNLIGE = re.compile(f"[{KONTROLTEGN}{FORMATTEGN}]")
# In a free text of several lines: the same, but tab, line feed and carriage return are allowed.
I_FRI_TEKST = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff{FORMATTEGN}]")

RETNINGSTEGN = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_NAVNGIVNE = {"\n": "et linjeskift", "\r": "et linjeskift", "\t": "en tabulator",
              "\u2028": "et linjeskift", "\u2029": "et afsnitsskift", "\u00ad": "en usynlig blød bindestreg",
              "\ufeff": "et usynligt tegn uden bredde", "\u200b": "et usynligt tegn uden bredde",
              "\u200c": "et usynligt tegn uden bredde", "\u200d": "et usynligt tegn uden bredde",
              "\u2060": "et usynligt tegn uden bredde"}
_FOER = 20  # visible characters shown before the place


def _erstat(m: re.Match) -> str:
    return " " if m.group().isspace() else ""


def rens(tekst: str) -> str:
    """The text without them: a tab, a line break or a separator becomes a space, the rest goes."""
    return USYNLIGE.sub(_erstat, tekst)


def har_usynlige(tekst: str) -> bool:
    """Does the text hold one that is not a kind of space (which `rens` removes unseen)?"""
    return not tekst.isprintable() and any(not m.group().isspace() for m in USYNLIGE.finditer(tekst))


# What a terminal must not be given from a file: every invisible character but line feed and tab
# (an escape sequence moves the cursor, erases a line or recolours the screen; a carriage return
# writes over the line; a direction override turns it).
_TERMINAL = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff{FORMATTEGN}]")


def _kode(m: re.Match) -> str:
    return f"[U+{ord(m.group()):04X}]"


def synlig(tekst: str) -> str:
    """The text with each invisible character shown as its code, '[U+202E]': a value quoted in a
    message reads as it is, not turned around, and a line break in it starts no line of its own."""
    return tekst if tekst.isprintable() else USYNLIGE.sub(_kode, tekst)


def til_terminal(tekst: str) -> str:
    """A command's text for a terminal: invisible characters as their codes, the line feeds and
    tabs of the text itself kept. What a file holds can then never move the cursor, erase or
    overwrite a line, change the window's title or turn a line's direction. Every character
    _TERMINAL finds is one str.isprintable refuses, so a text whose lines are all printable is
    returned as it is, checked in C: the pattern's own pass took 0,5 s of kontroller's 35 MB for
    90.000 findings, this one 0,12 s (a text with a tab or another unprintable character still
    goes through the pattern)."""
    if tekst.replace("\n", "").isprintable():
        return tekst
    return _TERMINAL.sub(_kode, tekst)


def _art(c: str) -> str:
    if c in RETNINGSTEGN:
        return "et usynligt tegn, der vender skriveretningen"
    if c in _NAVNGIVNE:
        return _NAVNGIVNE[c]
    if "\ud800" <= c <= "\udfff":
        return "et ugyldigt tegn"
    if c <= "\x9f":
        return "et kontroltegn"
    return "et usynligt formateringstegn"


def hvilket(tekst: str, moenster: re.Pattern = USYNLIGE) -> str:
    """Which invisible character the text holds and where, in Danish: 'et usynligt tegn, der vender
    skriveretningen (U+202E) efter ‘Bostedet ’', '… i begyndelsen', '… og 2 andre usynlige tegn';
    "" when it holds none. The text before it is shown without invisible characters, at most its
    last 20 characters."""
    m = moenster.search(tekst)
    if m is None:
        return ""
    flere = sum(1 for _ in moenster.finditer(tekst, m.end()))
    c = m.group()
    hvad = _art(c)
    if c not in "\n\t\r":
        hvad += f" (U+{ord(c):04X})"
    foer = rens(tekst[max(0, m.start() - 4 * _FOER):m.start()])
    if foer.strip():
        if len(foer) > _FOER or m.start() > 4 * _FOER:
            foer = "…" + foer[-_FOER:].lstrip()
        hvad += f" efter ‘{foer}’"
    else:
        hvad += " i begyndelsen"
    if flere:
        hvad += f" og {flere} andre usynlige tegn" if flere > 1 else " og 1 andet usynligt tegn"
    return hvad
