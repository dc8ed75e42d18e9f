"""Edits of a takstgrundlag as data: one record per user action, with its inverse.

The same change records are applied in memory (`anvend`), persisted by storage/repository.py
in one transaction each, and undone by the UI's undo stack through `modsat`, which computes the
change that restores the state before. Pure functions over the frozen model.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any, Union

from takstberegner.domain.model import (
    Driftsherre,
    Overheadpulje,
    Satser,
    Takstgrundlag,
    Tilbud,
)
from takstberegner.fejl import Fejl

# The child collections of a tilbud that are edited one element at a time.
SAMLINGER: tuple[str, ...] = (
    "ydelser",
    "omkostninger",
    "anlaeg",
    "oevrige_indtaegter",
    "resultater",
    "hensaettelser",
    "tillaegsydelser",
)
# The fields of a tilbud that OpdaterTilbud may set (everything but id and the collections).
TILBUD_FELTER: tuple[str, ...] = tuple(
    f.name for f in fields(Tilbud) if f.name not in SAMLINGER and f.name != "id"
)


@dataclass(frozen=True)
class SaetDriftsherre:
    driftsherre: Driftsherre


@dataclass(frozen=True)
class SaetSatser:
    satser: Satser


@dataclass(frozen=True)
class TilfoejTilbud:
    tilbud: Tilbud
    position: int | None = None  # None: at the end


@dataclass(frozen=True)
class SletTilbud:
    tilbud_id: str


@dataclass(frozen=True)
class OpdaterTilbud:
    """Set some of a tilbud's own fields, e.g. {"pladser": 14, "belaegning": Belaegning(...)}."""

    tilbud_id: str
    felter: tuple[tuple[str, Any], ...]

    @staticmethod
    def af(tilbud_id: str, **felter: Any) -> "OpdaterTilbud":
        return OpdaterTilbud(tilbud_id, tuple(felter.items()))


@dataclass(frozen=True)
class TilfoejElement:
    tilbud_id: str
    samling: str
    element: Any
    position: int | None = None  # None: at the end


@dataclass(frozen=True)
class OpdaterElement:
    tilbud_id: str
    samling: str
    position: int
    element: Any


@dataclass(frozen=True)
class SletElement:
    tilbud_id: str
    samling: str
    position: int


@dataclass(frozen=True)
class TilfoejPulje:
    pulje: Overheadpulje
    position: int | None = None


@dataclass(frozen=True)
class OpdaterPulje:
    position: int
    pulje: Overheadpulje


@dataclass(frozen=True)
class SletPulje:
    position: int


Aendring = Union[
    SaetDriftsherre,
    SaetSatser,
    TilfoejTilbud,
    SletTilbud,
    OpdaterTilbud,
    TilfoejElement,
    OpdaterElement,
    SletElement,
    TilfoejPulje,
    OpdaterPulje,
    SletPulje,
]


class AendringsFejl(Fejl, ValueError):
    """A change that does not fit the takstgrundlag (unknown tilbud, position out of range)."""


def _tilbud_index(grundlag: Takstgrundlag, tilbud_id: str) -> int:
    for i, t in enumerate(grundlag.tilbud):
        if t.id == tilbud_id:
            return i
    raise AendringsFejl(f"Tilbuddet '{tilbud_id}' findes ikke.")


def _med_tilbud(grundlag: Takstgrundlag, i: int, tilbud: Tilbud) -> Takstgrundlag:
    alle = list(grundlag.tilbud)
    alle[i] = tilbud
    return replace(grundlag, tilbud=tuple(alle))


def _indsaet(seq: tuple, element: Any, position: int | None) -> tuple:
    liste = list(seq)
    if position is None:
        liste.append(element)
    else:
        if not 0 <= position <= len(liste):
            raise AendringsFejl(f"Position {position} findes ikke.")
        liste.insert(position, element)
    return tuple(liste)


def _tjek_position(seq: tuple, position: int) -> None:
    if not 0 <= position < len(seq):
        raise AendringsFejl(f"Position {position} findes ikke.")


def anvend(grundlag: Takstgrundlag, a: Aendring) -> Takstgrundlag:
    """The takstgrundlag after the change. Unchanged tilbud keep their identity (for caching)."""
    if isinstance(a, SaetDriftsherre):
        return replace(grundlag, driftsherre=a.driftsherre)
    if isinstance(a, SaetSatser):
        return replace(grundlag, satser=a.satser)
    if isinstance(a, TilfoejTilbud):
        if any(t.id == a.tilbud.id for t in grundlag.tilbud):
            raise AendringsFejl(f"Der findes allerede et tilbud med id '{a.tilbud.id}'.")
        return replace(grundlag, tilbud=_indsaet(grundlag.tilbud, a.tilbud, a.position))
    if isinstance(a, SletTilbud):
        i = _tilbud_index(grundlag, a.tilbud_id)
        return replace(grundlag, tilbud=grundlag.tilbud[:i] + grundlag.tilbud[i + 1 :])
    if isinstance(a, OpdaterTilbud):
        i = _tilbud_index(grundlag, a.tilbud_id)
        for navn, _ in a.felter:
            if navn not in TILBUD_FELTER:
                raise AendringsFejl(f"Feltet '{navn}' kan ikke ændres her.")
        return _med_tilbud(grundlag, i, replace(grundlag.tilbud[i], **dict(a.felter)))
    if isinstance(a, (TilfoejElement, OpdaterElement, SletElement)):
        if a.samling not in SAMLINGER:
            raise AendringsFejl(f"Ukendt samling '{a.samling}'.")
        i = _tilbud_index(grundlag, a.tilbud_id)
        t = grundlag.tilbud[i]
        seq = getattr(t, a.samling)
        if isinstance(a, TilfoejElement):
            seq = _indsaet(seq, a.element, a.position)
        elif isinstance(a, OpdaterElement):
            _tjek_position(seq, a.position)
            seq = seq[: a.position] + (a.element,) + seq[a.position + 1 :]
        else:
            _tjek_position(seq, a.position)
            seq = seq[: a.position] + seq[a.position + 1 :]
        return _med_tilbud(grundlag, i, replace(t, **{a.samling: seq}))
    if isinstance(a, TilfoejPulje):
        return replace(grundlag, overheadpuljer=_indsaet(grundlag.overheadpuljer, a.pulje, a.position))
    if isinstance(a, OpdaterPulje):
        _tjek_position(grundlag.overheadpuljer, a.position)
        p = grundlag.overheadpuljer
        return replace(grundlag, overheadpuljer=p[: a.position] + (a.pulje,) + p[a.position + 1 :])
    if isinstance(a, SletPulje):
        _tjek_position(grundlag.overheadpuljer, a.position)
        p = grundlag.overheadpuljer
        return replace(grundlag, overheadpuljer=p[: a.position] + p[a.position + 1 :])
    raise AendringsFejl(f"Ukendt ændring: {a!r}")


def modsat(grundlag: Takstgrundlag, a: Aendring) -> Aendring:
    """The change that undoes `a`, computed from the state *before* `a` is applied."""
    if isinstance(a, SaetDriftsherre):
        return SaetDriftsherre(grundlag.driftsherre)
    if isinstance(a, SaetSatser):
        return SaetSatser(grundlag.satser)
    if isinstance(a, TilfoejTilbud):
        return SletTilbud(a.tilbud.id)
    if isinstance(a, SletTilbud):
        i = _tilbud_index(grundlag, a.tilbud_id)
        return TilfoejTilbud(grundlag.tilbud[i], i)
    if isinstance(a, OpdaterTilbud):
        t = grundlag.tilbud[_tilbud_index(grundlag, a.tilbud_id)]
        return OpdaterTilbud(a.tilbud_id, tuple((n, getattr(t, n)) for n, _ in a.felter))
    if isinstance(a, TilfoejElement):
        t = grundlag.tilbud[_tilbud_index(grundlag, a.tilbud_id)]
        pos = len(getattr(t, a.samling)) if a.position is None else a.position
        return SletElement(a.tilbud_id, a.samling, pos)
    if isinstance(a, OpdaterElement):
        t = grundlag.tilbud[_tilbud_index(grundlag, a.tilbud_id)]
        return OpdaterElement(a.tilbud_id, a.samling, a.position, getattr(t, a.samling)[a.position])
    if isinstance(a, SletElement):
        t = grundlag.tilbud[_tilbud_index(grundlag, a.tilbud_id)]
        return TilfoejElement(a.tilbud_id, a.samling, getattr(t, a.samling)[a.position], a.position)
    if isinstance(a, TilfoejPulje):
        pos = len(grundlag.overheadpuljer) if a.position is None else a.position
        return SletPulje(pos)
    if isinstance(a, OpdaterPulje):
        return OpdaterPulje(a.position, grundlag.overheadpuljer[a.position])
    if isinstance(a, SletPulje):
        return TilfoejPulje(grundlag.overheadpuljer[a.position], a.position)
    raise AendringsFejl(f"Ukendt ændring: {a!r}")


def modsatte(grundlag: Takstgrundlag, aendringer: list[Aendring]) -> list[Aendring]:
    """The changes that undo a whole sequence, in the order to apply them.

    Appends at the end of the sequence (TilfoejElement at the end of a collection: an import, also
    after the lines it replaces were removed) are inverted without replaying them, so a large import
    costs linear time; only the changes before them are replayed.
    """
    aendringer = list(aendringer)
    i = len(aendringer)
    while i > 0 and isinstance(aendringer[i - 1], TilfoejElement) and aendringer[i - 1].position is None:
        i -= 1
    ud: list[Aendring] = []
    g = grundlag
    for a in aendringer[:i]:
        ud.append(modsat(g, a))
        g = anvend(g, a)
    laengder: dict[tuple[str, str], int] = {}
    for a in aendringer[i:]:
        if a.samling not in SAMLINGER:
            raise AendringsFejl(f"Ukendt samling '{a.samling}'.")
        noegle = (a.tilbud_id, a.samling)
        if noegle not in laengder:
            t = g.tilbud[_tilbud_index(g, a.tilbud_id)]
            laengder[noegle] = len(getattr(t, a.samling))
        ud.append(SletElement(a.tilbud_id, a.samling, laengder[noegle]))
        laengder[noegle] += 1
    return ud[::-1]
