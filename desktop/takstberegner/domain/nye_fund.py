"""Which INPUT findings an edit brings (DESIGN.md Habits 5; issue 9 item 3): the app saves an
edit only when it brings none, whatever its kind (a value, an added or deleted line, ydelse,
anlæg, tilbud or pulje, a pasted block, an import).

A finding of the state before is carried across the edit by its field path (`Aendring.flyt`:
a line deleted above moves the paths below; a deleted element's findings go). Each finding after
the edit is matched to one carried finding at the same path, else to one at a path inside or
around it (a refused value changed to another refused value, an enhed without antal after an
enhedstakst without enheder). What is left over is new. So a file that holds bad values can be
mended one edit at a time, and no edit adds to them: a file never holds more INPUT findings than
it was opened with.

A new thing to fill in, or a choice that asks for something (`krav`: a line, ydelse, anlæg,
tilbud or pulje added with Tilføj, a takststruktur that asks for enheder or a fordeling) may be
saved with findings inside what it added and at what is still missing where it set no value; they
lead the user to the field. The app asks for this only for such actions, never for a typed value,
a deletion, a pasted block or an import.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import fields, is_dataclass
from typing import Any, Iterable

from takstberegner import dansk
from takstberegner.domain import aendringer as ae
from takstberegner.domain import navne
from takstberegner.domain.model import Takstgrundlag
from takstberegner.domain.resultat import Fund

_MANGLER = object()


def under(felt: str, sti: str) -> bool:
    """felt is sti or a field inside it ("tilbud[0].enheder.antal" is under "tilbud[0].enheder")."""
    return felt == sti or felt.startswith(sti + ".") or felt.startswith(sti + "[")


def flyt(trin: Iterable[ae.Trin], felt: str) -> str | None:
    """A field path of the state before the steps, in the state after them (None: removed)."""
    for a, foer, _ in trin:
        if type(a).flyt is ae._Aendring.flyt:  # changes that move no path: skip the call
            continue
        felt = a.flyt(foer, felt)
        if felt is None:
            return None
    return felt


def nye(foer: list[Fund], trin: list[ae.Trin], efter: list[Fund], krav: bool = False,
        samme_slags: bool = False) -> list[Fund]:
    """The findings of `efter` (the state after the steps) that are not carried over from `foer`,
    in their order; with `krav`, without those at a missing value the steps did not set. With
    `samme_slags` a finding is carried over only by one of its own kind (code) at its place: a
    belægning that was missing and is now under 95 % has a new finding, for the status bar."""
    flyttet: Counter[tuple[str, str]] = Counter()
    strukturel = [t for t in trin if type(t[0]).flyt is not ae._Aendring.flyt]
    for f in foer:
        sti = flyt(strukturel, f.felt) if strukturel else f.felt
        if sti is not None:
            flyttet[(sti, f.kode if samme_slags else "")] += 1
    rest: list[Fund] = []
    for f in efter:
        n = (f.felt, f.kode if samme_slags else "")
        if flyttet[n] > 0:
            flyttet[n] -= 1
        else:
            rest.append(f)
    if not rest:
        return []
    tilbage = list(flyttet.elements())
    ud = []
    for f in rest:
        kode = f.kode if samme_slags else ""
        j = next((j for j, (o, k) in enumerate(tilbage) if k == kode and (under(f.felt, o) or under(o, f.felt))),
                 None)
        if j is None:
            ud.append(f)
        else:
            tilbage.pop(j)
    if krav and ud and len(trin) == 1:
        g = trin[0][2]
        sat, tilfoejet = roert(trin[0])
        ud = [f for f in ud if not (any(under(f.felt, x) for x in tilfoejet)
                                    or (mangler(g, f.felt) and not any(under(f.felt, x) for x in sat)))]
    return ud


def efter_aendring(foer: list[Fund], trin: list[ae.Trin], efter: list[Fund], grundlag: Takstgrundlag) -> str:
    """What a saved edit did to the file's findings, in one Danish sentence for the status bar
    (and so for a screen reader, which does not see the list change): the fejl and advarsler it
    brought, else the fejl it mended; "" when it changed neither. `grundlag` is the state after."""
    nye_ = [f for f in nye(foer, trin, efter, samme_slags=True) if f.niveau in ("fejl", "advarsel")]
    if len(nye_) == 1:
        f = nye_[0]
        return f"Gemt. Ny {f.niveau}: {navne.felt_tekst(f.felt, grundlag)}: {f.tekst}"
    nye_fejl = sum(1 for f in nye_ if f.er_fejl)
    if nye_:
        dele = [f"{n} ny {ental}" if n == 1 else f"{dansk.tal(n, 0)} nye {flertal}" for n, ental, flertal in
                ((nye_fejl, "fejl", "fejl"), (len(nye_) - nye_fejl, "advarsel", "advarsler")) if n]
        return f"Gemt. Ændringen gav {' og '.join(dele)}; de står under Kontrol."
    fejl_efter = sum(1 for f in efter if f.er_fejl)
    rettet = sum(1 for f in foer if f.er_fejl) - fejl_efter
    if rettet <= 0:
        return ""
    return (f"Gemt. {dansk.tal(rettet, 0)} fejl er rettet; "
            + (f"{dansk.tal(fejl_efter, 0)} tilbage." if fejl_efter else "der er ingen fejl tilbage."))


# ---- what an edit sets, and what is missing ------------------------------------------------------
def _par(v: Any) -> bool:
    return isinstance(v, tuple) and bool(v) and all(isinstance(x, tuple) and len(x) == 2 and isinstance(x[0], str)
                                                    for x in v)


def _forskel(foer: Any, efter: Any, sti: str) -> tuple[list[str], list[str]]:
    """(the fields set, the elements added) between two versions of a record, as paths: a list
    that only grew has its new elements added ("…oevrige_modtagere[2]", "…fordeling.Aalborg")."""
    if foer is None or efter is None or not (is_dataclass(foer) and type(foer) is type(efter)):
        return [sti], []
    sat: list[str] = []
    nye: list[str] = []
    for f in fields(foer):
        a, b = getattr(foer, f.name), getattr(efter, f.name)
        if a == b:
            continue
        felt = f"{sti}.{f.name}"
        if isinstance(a, tuple) and isinstance(b, tuple) and len(b) > len(a) and b[:len(a)] == a:
            if _par(b):
                nye.extend(f"{felt}.{k}" for k, _ in b[len(a):])
            else:
                nye.extend(f"{felt}[{i}]" for i in range(len(a), len(b)))
        else:
            sat.append(felt)
    return sat, nye


def roert(trin: ae.Trin) -> tuple[list[str], list[str]]:
    """(the field paths one step sets a value in, the elements it adds), in the state after it.
    A deletion sets nothing."""
    a, foer, efter = trin
    if isinstance(a, ae.SaetDriftsherre):
        return _forskel(foer.driftsherre, efter.driftsherre, "driftsherre")
    if isinstance(a, ae.SaetSatser):
        return _forskel(foer.satser, efter.satser, "satser")
    if isinstance(a, (ae.OpdaterTilbud, ae.OpdaterElement, ae.TilfoejElement, ae.TilfoejElementer)):
        i = ae._tilbud_index(foer, a.tilbud_id)
        t = foer.tilbud[i]
        if isinstance(a, ae.OpdaterTilbud):
            return _forskel(t, efter.tilbud[i], f"tilbud[{i}]")
        liste = f"tilbud[{i}].{a.samling}"
        if isinstance(a, ae.OpdaterElement):
            return _forskel(getattr(t, a.samling)[a.position], a.element, f"{liste}[{a.position}]")
        n = len(getattr(t, a.samling))
        if isinstance(a, ae.TilfoejElement):
            return [], [f"{liste}[{n if a.position is None else a.position}]"]
        return [], [f"{liste}[{k}]" for k in range(n, n + len(a.elementer))]
    if isinstance(a, ae.TilfoejTilbud):
        return [], [f"tilbud[{len(foer.tilbud) if a.position is None else a.position}]"]
    if isinstance(a, ae.OpdaterPulje):
        return _forskel(foer.overheadpuljer[a.position], a.pulje, f"overheadpuljer[{a.position}]")
    if isinstance(a, ae.TilfoejPulje):
        return [], [f"overheadpuljer[{len(foer.overheadpuljer) if a.position is None else a.position}]"]
    return [], []


def _led(felt: str) -> list[tuple[str, int | None]]:
    ud = []
    for del_ in felt.split("."):
        if del_.endswith("]") and "[" in del_:
            navn, _, tal = del_[:-1].partition("[")
            ud.append((navn, int(tal) if tal.isdigit() else None))
        else:
            ud.append((del_, None))
    return ud


def mangler(g: Takstgrundlag, felt: str) -> bool:
    """True when the value at the path is missing: None, empty, or no such key or element; and
    pladser of 0, which a new tilbud or ydelse has until they are typed."""
    v: Any = g
    navn = ""
    for navn, i in _led(felt):
        if isinstance(v, tuple) and all(isinstance(x, tuple) and len(x) == 2 for x in v):  # key -> value pairs
            v = next((x[1] for x in v if x[0] == navn), _MANGLER)
        else:
            v = getattr(v, navn, _MANGLER)
        if i is not None and v is not _MANGLER:
            v = v[i] if isinstance(v, tuple) and 0 <= i < len(v) else _MANGLER
        if v is _MANGLER or v is None:
            return True
    return v == () or v == "" or (navn == "pladser" and v == 0)
