"""Typed field readers for JSON documents: each failure is an InputError with path and value.
A message names a field by its Danish name (navne.felt_navn), never by its JSON key.

Used by the takstgrundlag/1 reader. Amounts are exact decimals: JSON strings, integers, or
JSON decimals parsed with parse_float=Decimal. Booleans are never numbers.
"""
from __future__ import annotations

import json
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Iterable

from takstberegner import dansk
from takstberegner.domain.navne import felt_navn, vis as vis_kode
from takstberegner.formats.fejl import InputError


# Far beyond any amount (the domain's validation judges 1E+26 as a value), but a number beyond
# these is refused here, before any arithmetic: int() of 1e999999999 never finishes, and
# format(x, 'f') of it writes a billion digits.
MAKS_STOERRELSE = 100  # decimal exponent of the leading digit: 10^100
MAKS_DECIMALER = dansk.MAKS_DECIMALER  # one limit for every door


def urimelig(x: Decimal) -> bool:
    """A number no door accepts: beyond 10^100, or with more than 100 decimals."""
    return bool(x) and x.is_finite() and (x.adjusted() > MAKS_STOERRELSE or x.as_tuple().exponent < -MAKS_DECIMALER)


def vis(v: Any) -> str:
    """A value as the user wrote it, for messages."""
    if isinstance(v, str):
        return f"'{v[:80]}'" if len(v) <= 80 else f"'{v[:77]}…'"
    if isinstance(v, Decimal):
        return str(v) if urimelig(v) or not v.is_finite() else format(v, "f")
    if isinstance(v, dict):  # its content would quote the format's keys
        return "et objekt ({…})"
    if isinstance(v, list):
        return "en liste ([…])"
    if isinstance(v, bool) or v is None:  # the format's words true/false/null, named in Danish
        return _SKREVET[v]
    try:
        return json.dumps(v, ensure_ascii=False, default=str)[:80]
    except (TypeError, ValueError):
        return repr(v)[:80]


# A yes/no or empty value in Danish, with the word the file has for it (a user searching the file
# finds it): "skal være et tal, men er ja (skrevet true)", not "men er true".
_SKREVET = {True: "ja (skrevet true)", False: "nej (skrevet false)", None: "tom (skrevet null)"}
JA_NEJ = "ja eller nej (skrevet true eller false)"


def _navn(noegle: str) -> str:
    return f"‘{felt_navn(noegle)}’"


def _valgene(mulige: Iterable[str]) -> str:
    return ", ".join(vis_kode(m) for m in mulige)


def objekt(v: Any, sti: str, tilladte: Iterable[str], kraevede: Iterable[str] = ()) -> dict:
    if not isinstance(v, dict):
        raise InputError(sti, f"skal være et objekt ({{...}}), men er {vis(v)}")
    tilladt = tuple(tilladte)
    for k in v:
        if k not in tilladt:
            raise InputError(
                f"{sti}.{k}" if sti else k,
                f"ukendt felt {vis(k)}. Tilladte felter her: {', '.join(felt_navn(t) for t in tilladt)}",
                stedets_sti=sti,
            )
    for k in kraevede:
        if v.get(k) is None:
            raise InputError(f"{sti}.{k}" if sti else k, f"feltet {_navn(k)} mangler og skal udfyldes")
    return v


def liste(v: Any, sti: str, tom_ok: bool = True) -> list:
    if v is None:
        return []
    if not isinstance(v, list):
        raise InputError(sti, f"skal være en liste ([...]), men er {vis(v)}")
    if not tom_ok and not v:
        raise InputError(sti, "listen må ikke være tom")
    return v


def sti_af(sti: str, k: str) -> str:
    return f"{sti}.{k}" if sti else k


def tekst(d: dict, k: str, sti: str, kraevet: bool = False, standard: str = "") -> str:
    v = d.get(k)
    if v is None:
        if kraevet:
            raise InputError(sti_af(sti, k), f"feltet {_navn(k)} mangler og skal udfyldes")
        return standard
    if not isinstance(v, str):
        raise InputError(sti_af(sti, k), f"skal være tekst, men er {vis(v)}")
    if kraevet and not v.strip():
        raise InputError(sti_af(sti, k), f"feltet {_navn(k)} må ikke være tomt")
    return v


def tal(
    d: dict,
    k: str,
    sti: str,
    kraevet: bool = False,
    standard: Decimal | None = None,
    min_: Decimal | None = None,
    max_: Decimal | None = None,
    hvad: str = "beløbet",
) -> Decimal | None:
    v = d.get(k)
    p = sti_af(sti, k)
    if v is None:
        if kraevet:
            raise InputError(p, f"feltet {_navn(k)} mangler og skal udfyldes")
        return standard
    x = decimal_af(v, p)
    if min_ is not None and x < min_:
        raise InputError(p, f"værdien {vis(v)} er for lille: {hvad} skal være mindst {format(min_, 'f')}")
    if max_ is not None and x > max_:
        raise InputError(p, f"værdien {vis(v)} er for stor: {hvad} må højst være {format(max_, 'f')}")
    return x


def decimal_af(v: Any, sti: str) -> Decimal:
    if isinstance(v, bool):
        raise InputError(sti, f"skal være et tal, men er {vis(v)}")
    if isinstance(v, int):
        return Decimal(v)
    if isinstance(v, Decimal):
        x = v
    elif isinstance(v, float):  # only if a caller parsed without parse_float=Decimal
        x = Decimal(repr(v))
    elif isinstance(v, str):
        s = v.strip()
        try:
            x = Decimal(s)
        except InvalidOperation:
            raise InputError(
                sti, f"værdien {vis(v)} er ikke et tal; skriv fx \"1234.50\" med punktum som decimaltegn"
            ) from None
        if "," in s:
            raise InputError(sti, f"værdien {vis(v)} bruger komma; skriv decimaltal med punktum")
    else:
        raise InputError(sti, f"skal være et tal, men er {vis(v)}")
    if not x.is_finite():
        raise InputError(sti, f"værdien {vis(v)} er ikke et endeligt tal")
    if urimelig(x):
        raise InputError(sti, f"værdien {vis(x)} er urimeligt stor eller har for mange decimaler")
    return x


def heltal(
    d: dict, k: str, sti: str, kraevet: bool = False, standard: int | None = None,
    min_: int | None = None, max_: int | None = None, hvad: str = "værdien",
) -> int | None:
    v = d.get(k)
    p = sti_af(sti, k)
    if v is None:
        if kraevet:
            raise InputError(p, f"feltet {_navn(k)} mangler og skal udfyldes")
        return standard
    if isinstance(v, bool) or not isinstance(v, int):
        if isinstance(v, (Decimal, str)):
            try:
                x = Decimal(str(v).strip())
            except InvalidOperation:
                x = None
            if x is not None and x.is_finite() and urimelig(x):
                raise InputError(p, f"værdien {vis(x)} er urimeligt stor")
            if x is not None and x.is_finite() and x == x.to_integral_value():
                v = int(x)
            else:
                raise InputError(p, f"skal være et helt tal, men er {vis(v)}")
        else:
            raise InputError(p, f"skal være et helt tal, men er {vis(v)}")
    if min_ is not None and v < min_:
        raise InputError(p, f"værdien {v} er ugyldig: {hvad} skal være mindst {min_}")
    if max_ is not None and v > max_:
        raise InputError(p, f"værdien {v} er ugyldig: {hvad} må højst være {max_}")
    return v


def sandhed(d: dict, k: str, sti: str, standard: bool = False) -> bool:
    v = d.get(k)
    if v is None:
        return standard
    if not isinstance(v, bool):
        raise InputError(sti_af(sti, k), f"skal være {JA_NEJ}, men er {vis(v)}")
    return v


def valg(d: dict, k: str, sti: str, muligheder: Iterable[str], kraevet: bool = True,
         standard: str | None = None) -> str | None:
    v = d.get(k)
    mulige = tuple(muligheder)
    if v is None:
        if kraevet:
            raise InputError(sti_af(sti, k), f"feltet {_navn(k)} mangler; vælg en af: {_valgene(mulige)}")
        return standard
    if v not in mulige:
        raise InputError(sti_af(sti, k), f"værdien {vis(v)} er ugyldig; vælg en af: {_valgene(mulige)}")
    return v


def dato(d: dict, k: str, sti: str, kraevet: bool = False) -> date | None:
    v = d.get(k)
    p = sti_af(sti, k)
    if v is None:
        if kraevet:
            raise InputError(p, f"feltet {_navn(k)} mangler; skriv en dato som ÅÅÅÅ-MM-DD")
        return None
    if not isinstance(v, str):
        raise InputError(p, f"skal være en dato som \"ÅÅÅÅ-MM-DD\", men er {vis(v)}")
    try:
        return date.fromisoformat(v)
    except ValueError:
        raise InputError(p, f"værdien {vis(v)} er ikke en gyldig dato; skriv ÅÅÅÅ-MM-DD") from None
