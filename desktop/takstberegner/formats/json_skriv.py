"""json.dumps(o, ensure_ascii=False, indent=N), character for character, at a few times its speed.

With indent, Python 3.12's json writes through its pure-Python encoder (a generator per level);
the documents written here (the takster document, the takstgrundlag) are dicts, lists, texts,
ints, bools and None, and this writer appends their pieces to one list. Texts get json's own C
escaping. Anything else (a float, a non-text key, another type) is left to json.dumps itself,
so the text is json.dumps's for every input, and json.dumps's errors are raised.
"""
from __future__ import annotations

import json
from json.encoder import encode_basestring as _js


class _Anden(Exception):
    """A value this writer leaves to json.dumps."""


def indrykket(o: object, indryk: int) -> str:
    """json.dumps(o, ensure_ascii=False, indent=indryk)."""
    ud: list[str] = []
    try:
        _skriv(o, "\n", " " * indryk, ud)
    except (_Anden, RecursionError):
        return json.dumps(o, ensure_ascii=False, indent=indryk)
    return "".join(ud)


def _skriv(o: object, ind: str, trin: str, ud: list[str]) -> None:
    t = type(o)
    if t is str:
        ud.append(_js(o))
    elif o is None:
        ud.append("null")
    elif o is True:
        ud.append("true")
    elif o is False:
        ud.append("false")
    elif t is int:
        ud.append(int.__repr__(o))
    elif t is dict:
        if not o:
            ud.append("{}")
            return
        ny = ind + trin
        sep = "{" + ny
        naeste = "," + ny
        for k, v in o.items():
            if type(k) is not str:
                raise _Anden
            ud.append(sep)
            ud.append(_js(k))
            ud.append(": ")
            tv = type(v)
            if tv is str:  # most values: written here without a call
                ud.append(_js(v))
            elif v is None:
                ud.append("null")
            else:
                _skriv(v, ny, trin, ud)
            sep = naeste
        ud.append(ind + "}")
    elif t is list:
        if not o:
            ud.append("[]")
            return
        ny = ind + trin
        sep = "[" + ny
        naeste = "," + ny
        for v in o:
            ud.append(sep)
            _skriv(v, ny, trin, ud)
            sep = naeste
        ud.append(ind + "]")
    else:
        raise _Anden
