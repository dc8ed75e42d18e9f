"""Limits on a JSON text from someone else, checked before json.loads sees it (issue 12).

json.loads recurses once per nesting level (deep nesting: RecursionError), refuses integers of
more than 4.300 digits with a ValueError, and builds one object per value (a few megabytes of
`[1.5,1.5,...]` become hundreds of megabytes of Decimals). `tjek(tekst, ...)` looks at the text in
a few C-speed passes and raises `InputError` (Danish) when it is too large, too deep, has too
many values, a number with too many characters or an exponent above 99 (`int()` of 1e999999999
never finishes); what passes can be parsed in bounded memory and time.

The exact checks look at the text without its strings (a regular-expression pass over every
character, about 70 ms for the large driftsherre's 2 MB). `_klart` first decides in a few byte-level
passes (translate, count, `in`) whether the text passes for certain; only a text it cannot clear
(a backslash, a bracket inside a string, a number with an exponent, a long run of digits anywhere,
too many commas counting those in strings, nesting it cannot clear in 32 steps) goes through the
exact checks, which decide.

`dubletnoegle(tekst)` finds an object that names the same key twice, `dublet(tekst)` also the key
whose value that object is (a key twice in a fordeling is a name of the user's, not a field). json.loads and msgspec both
keep the last of the two, while a person or another tool may read the first: a signed document
with one can be read two ways (the secretariat refuses it; export/verifikation.py).
"""
from __future__ import annotations

import json
import re

from takstberegner.formats.fejl import InputError

MAKS_DYBDE = 32
MAKS_CIFRE = 40  # characters in one number, sign and exponent included
MAKS_EKSPONENT = 99  # 1e999999999 is 12 characters, but int() of it never finishes
MAKS_VAERDIER = 1_000_000

_STRENG = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_TAL = re.compile(r"[-+0-9.eE]{%d,}" % (MAKS_CIFRE + 1))
_KLAMMER = re.compile(r"[\[\]{}]")
_EKSPONENT = re.compile(r"[0-9.][eE][-+]?0*[0-9]{%d,}" % len(str(MAKS_EKSPONENT)) + r"(?![0-9])")


def tjek(
    tekst: str,
    hvad: str = "JSON-dokumentet",
    *,
    maks_tegn: int,
    maks_dybde: int = MAKS_DYBDE,
    maks_vaerdier: int = MAKS_VAERDIER,
) -> None:
    if len(tekst) > maks_tegn:
        raise InputError("", f"{hvad} er for stort ({len(tekst):,} tegn; højst {maks_tegn:,})".replace(",", "."))
    if not _klart(tekst, maks_dybde, maks_vaerdier):
        _exakt(tekst, hvad, maks_dybde, maks_vaerdier)


def _exakt(tekst: str, hvad: str, maks_dybde: int, maks_vaerdier: int) -> None:
    """The checks on the text without its strings; InputError (Danish) for the first that fails."""
    uden_tekster = _STRENG.sub('""', tekst)
    m = _TAL.search(uden_tekster)
    if m:
        raise InputError("", f"{hvad} indeholder et tal med mere end {MAKS_CIFRE} tegn ({m.group()[:20]}…)")
    for m in _EKSPONENT.finditer(uden_tekster):
        eksponent = int(re.sub(r"^[0-9.][eE][-+]?", "", m.group()))
        if eksponent > MAKS_EKSPONENT:
            raise InputError("", f"{hvad} indeholder et tal med en urimelig eksponent ({m.group()[1:]})")
    klammer = "".join(_KLAMMER.findall(uden_tekster))
    vaerdier = uden_tekster.count(",") + uden_tekster.count(":") + len(klammer) // 2 + 1
    if vaerdier > maks_vaerdier:
        raise InputError("", f"{hvad} har for mange værdier (over {maks_vaerdier:,})".replace(",", "."))
    dybde = 0
    for c in klammer:
        dybde += 1 if c in "[{" else -1
        if dybde > maks_dybde:
            raise InputError("", f"{hvad} er indlejret mere end {maks_dybde} niveauer dybt")


# Byte tables for _klart: a number's characters ([-+0-9.eE]) as "a", all else as a space; and the
# shape of an exponent (digit or point as "0", e/E as "e", sign as "+").
_TAL_TEGN = b"-+0123456789.eE"
_SOM_TAL = bytes(0x61 if b in _TAL_TEGN else 0x20 for b in range(256))
_SOM_EKSPONENT = bytes(0x30 if b in b"0123456789." else 0x65 if b in b"eE" else 0x2B if b in b"+-" else 0x20
                       for b in range(256))
_UDEN_STRUKTURTEGN = bytes(b for b in range(256) if b not in b'"[]{},:')


def _klart(tekst: str, maks_dybde: int, maks_vaerdier: int) -> bool:
    """True when the text certainly passes every check of tjek (False: undecided, not refused).

    Each condition is looked at in the whole text, strings included, so it bounds what the exact
    checks see in the text without its strings: no run of more than MAKS_CIFRE number characters,
    no exponent at all, at most maks_vaerdier values counting every comma, colon and bracket; and,
    when there is no backslash (no escaped quote) and no string holds a bracket, the brackets are
    exactly the structure's, nested at most maks_dybde deep."""
    b = tekst.encode("utf-8", "surrogatepass")
    if b"\\" in b:
        return False
    if b"a" * (MAKS_CIFRE + 1) in b.translate(_SOM_TAL):
        return False
    e = b.translate(_SOM_EKSPONENT)
    if b"0e0" in e or b"0e+0" in e:
        return False
    struktur = b.translate(None, _UDEN_STRUKTURTEGN)  # quotes, brackets, commas and colons, in order
    kommaer = struktur.count(b",") + struktur.count(b":")
    klammer = struktur.translate(None, b",:")  # the quotes and brackets
    if kommaer + (len(klammer) - klammer.count(b'"')) // 2 + 1 > maks_vaerdier:
        return False
    # The quotes pair off from the left, each with the next, with nothing between them, only when
    # every string is free of brackets; then what is left is the brackets of the structure.
    klammer = klammer.replace(b'""', b"")
    if b'"' in klammer:
        return False
    # Take away the innermost empty pairs; one replace takes away at most one level of nesting, so
    # what is empty after at most maks_dybde of them is nested no deeper.
    skridt = 0
    while klammer:
        fandt = False
        for par in (b"[]", b"{}"):
            if par in klammer:
                if skridt == maks_dybde:
                    return False
                klammer = klammer.replace(par, b"")
                skridt += 1
                fandt = True
        if not fandt:
            return False  # brackets that do not pair: the exact checks decide
    return True


class _Dublet(Exception):
    """Raised by _ingen_dubletter at the first object with a key twice; carries that key."""

    def __init__(self, noegle: str) -> None:
        super().__init__(noegle)
        self.noegle = noegle


def _gentaget(par: list[tuple[str, object]]) -> str:
    """The first key an object's pairs name twice (equal once their escapes are read: "a" and
    "\\u0061" are the same key), for pairs that have one: the hooks see that at C speed first
    (`len(dict(par)) != len(par)`), on every object of the text."""
    set_: set[str] = set()
    for noegle, _ in par:
        if noegle in set_:
            return noegle
        set_.add(noegle)
    raise AssertionError("no key twice")  # (only called for pairs with a key twice)


def _ingen_dubletter(par: list[tuple[str, object]]) -> None:
    """json's object_pairs_hook: raises _Dublet at an object with a key twice. It returns None for
    every object, so the check builds no dicts and lets each object's values go as soon as they
    are looked at."""
    if len(par) > 1 and len(dict(par)) != len(par):
        raise _Dublet(_gentaget(par))


def dubletnoegle(tekst: str) -> str | None:
    """The first key that some object of `tekst` names twice, or None when every object names
    each of its keys once (keys equal in different objects are fine). For a text that has passed
    `tjek` (one more pass of json's C scanner: about 40 ms for the large driftsherre's 4 MB).
    None too for a text json.loads refuses: the readers refuse it as well (the ordinary one is
    json.loads, msgspec is no more lenient) and say in Danish what is wrong."""
    try:
        json.loads(tekst, object_pairs_hook=_ingen_dubletter)
    except _Dublet as d:
        return d.noegle
    except ValueError:
        pass
    return None


class Dublet:
    """A key an object names twice: `noegle`, and `under`, the key whose value that object is
    ("fordeling" for {"fordeling": {"Aalborg": 1, "Aalborg": 2}}), or None when the object is the
    document itself or an element of a list."""

    __slots__ = ("noegle", "under")

    def __init__(self, noegle: str, under: str | None = None) -> None:
        self.noegle, self.under = noegle, under


class _Fundet(Exception):
    def __init__(self, dublet: Dublet) -> None:
        super().__init__(dublet.noegle)
        self.dublet = dublet


def dublet(tekst: str) -> Dublet | None:
    """As dubletnoegle, with the key the object is the value of. The fast pass first; only a text
    with a duplicate is parsed a second time, with the objects' hook returning the first object
    with a duplicate as a marker its parent's hook finds among its values (objects close inner
    first, so the parent is the next to close that holds it)."""
    noegle = dubletnoegle(tekst)
    if noegle is None:
        return None
    fundet: list[Dublet] = []

    def krog(par: list[tuple[str, object]]):
        for k, v in par:
            if type(v) is Dublet:
                raise _Fundet(Dublet(v.noegle, k))
            if type(v) is list and any(type(x) is Dublet for x in v):
                raise _Fundet(Dublet(next(x for x in v if type(x) is Dublet).noegle))
        if not fundet and len(par) > 1 and len(dict(par)) != len(par):
            fundet.append(Dublet(_gentaget(par)))
            return fundet[0]
        return None

    try:
        json.loads(tekst, object_pairs_hook=krog)
    except _Fundet as f:
        return f.dublet
    except ValueError:
        pass
    return Dublet(noegle)
