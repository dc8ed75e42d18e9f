"""Limits on a JSON text from someone else, checked before json.loads sees it (issue 12).

json.loads recurses once per nesting level (deep nesting: RecursionError), refuses integers of
more than 4.300 digits with a ValueError, and builds one object per value (a few megabytes of
`[1.5,1.5,...]` become hundreds of megabytes of Decimals). `tjek(tekst, ...)` looks at the text in
a few C-speed passes and raises `InputError` (Danish) when it is too large, too deep, has too
many values, a number with too many characters or an exponent above 99 (`int()` of 1e999999999
never finishes); what passes can be parsed in bounded memory and time.
"""
from __future__ import annotations

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
