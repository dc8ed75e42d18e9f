"""The invisible characters no name or text field may hold: one rule for every door (SPEC §5,
INPUT). The domain's validation refuses them (JSON, .takst, the app's cells, rul frem); the budget
import removes them with a note; the workbooks remove them from free text.

They are the control characters (C0, C1), the line and paragraph separators, lone surrogates, and
Unicode's format characters (category Cf, Unicode 15): the direction overrides and isolates
(U+202A-U+202E, U+2066-U+2069) and marks (U+200E, U+200F, U+061C) that make a name show as another
(a tilbud named 'Bostedet \\u202eNord' shows as 'Bostedet droN'), zero-width spaces and joiners,
the soft hyphen, the byte order mark and the tag characters. Tab and line feed are among the
control characters: a name has none (a bemærkning, which the validation leaves alone, may).
"""
from __future__ import annotations

import re

KONTROLTEGN = "\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff"
FORMATTEGN = ("\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
              "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
              "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f")
USYNLIGE = re.compile(f"[{KONTROLTEGN}{FORMATTEGN}]")


def _erstat(m: re.Match) -> str:
    return " " if m.group().isspace() else ""


def rens(tekst: str) -> str:
    """The text without them: a tab, a line break or a separator becomes a space, the rest goes."""
    return USYNLIGE.sub(_erstat, tekst)


def har_usynlige(tekst: str) -> bool:
    """Does the text hold one that is not a kind of space (which `rens` removes unseen)?"""
    return not tekst.isprintable() and any(not m.group().isspace() for m in USYNLIGE.finditer(tekst))
