"""json.dumps(o, ensure_ascii=False, indent=N), character for character, at a few times its speed.

With indent, Python 3.12's json writes through its pure-Python encoder (a generator per level).
Here json's C encoder writes the compact text and msgspec's C formatter indents it; it keeps every
string and number as written, so the text is json.dumps's. What it cannot take (indent 0, a lone
surrogate, NaN) is left to json.dumps itself, whose errors are raised.
"""
from __future__ import annotations

import json

from takstberegner.formats.msgspec_uden_tillaeg import msgspec


def indrykket(o: object, indryk: int) -> str:
    """json.dumps(o, ensure_ascii=False, indent=indryk)."""
    if indryk > 0:
        try:
            kompakt = json.dumps(o, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            return msgspec.json.format(kompakt, indent=indryk).decode("utf-8")
        except (UnicodeEncodeError, msgspec.DecodeError):
            pass
    return json.dumps(o, ensure_ascii=False, indent=indryk)
