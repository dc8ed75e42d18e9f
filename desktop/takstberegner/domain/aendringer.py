"""Edits of a takstgrundlag as data: one record per user action, with its inverse.

Each change record applies itself (`anvend`: applied once, in memory, by whoever makes the
edit; storage/ then only writes the rows it touches), gives its inverse (`modsat`, computed from
the state before, for the undo stack), describes itself in Danish (`beskriv`, for Fortryd) and
says where a field path of the state before lies after it (`flyt`: a line deleted above moves the
paths below it; a deleted element's paths go), so findings can be compared across the edit
(domain/nye_fund.py). Pure functions over the frozen model.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any, Union

from takstberegner.domain import navne
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


class AendringsFejl(Fejl, ValueError):
    """A change that does not fit the takstgrundlag (unknown tilbud, position out of range)."""


_SAMLING_NAVNE = {
    "ydelser": "ydelse", "omkostninger": "budgetlinje", "anlaeg": "anlæg", "oevrige_indtaegter": "indtægt",
    "resultater": "resultat", "hensaettelser": "hensættelse", "tillaegsydelser": "tillægsydelse",
}


class _Aendring:
    """What every change record can do: apply itself (`anvend`), give the change that undoes it
    (`modsat`, from the state before) and describe itself in Danish (`beskriv`, for Fortryd)."""

    def anvend(self, g: Takstgrundlag) -> Takstgrundlag:  # pragma: no cover - every record overrides
        raise AendringsFejl(f"Ukendt ændring: {self!r}")

    def modsat(self, g: Takstgrundlag) -> "Aendring":  # pragma: no cover
        raise AendringsFejl(f"Ukendt ændring: {self!r}")

    def beskriv(self) -> str:  # pragma: no cover
        return "Ret"

    def flyt(self, g: Takstgrundlag, felt: str) -> str | None:
        """Where the field path `felt` of `g` (the state before) lies after the change; None when
        the change removes it. Changes that add or remove no list element leave every path."""
        return felt


@dataclass(frozen=True)
class SaetDriftsherre(_Aendring):
    driftsherre: Driftsherre

    def anvend(self, g: Takstgrundlag) -> Takstgrundlag:
        return replace(g, driftsherre=self.driftsherre)

    def modsat(self, g: Takstgrundlag) -> Aendring:
        return SaetDriftsherre(g.driftsherre)

    def beskriv(self) -> str:
        return "Ret driftsherre"


@dataclass(frozen=True)
class SaetSatser(_Aendring):
    satser: Satser

    def anvend(self, g: Takstgrundlag) -> Takstgrundlag:
        return replace(g, satser=self.satser)

    def modsat(self, g: Takstgrundlag) -> Aendring:
        return SaetSatser(g.satser)

    def beskriv(self) -> str:
        return "Ret satser"


@dataclass(frozen=True)
class TilfoejTilbud(_Aendring):
    tilbud: Tilbud
    position: int | None = None  # None: at the end

    def anvend(self, g: Takstgrundlag) -> Takstgrundlag:
        if any(t.id == self.tilbud.id for t in g.tilbud):
            raise AendringsFejl(f"Der findes allerede et tilbud med id '{self.tilbud.id}'.")
        return replace(g, tilbud=_indsaet(g.tilbud, self.tilbud, self.position))

    def modsat(self, g: Takstgrundlag) -> Aendring:
        return SletTilbud(self.tilbud.id)

    def beskriv(self) -> str:
        return "Tilføj tilbud"

    def flyt(self, g: Takstgrundlag, felt: str) -> str | None:
        return felt if self.position is None else flyt_i_liste(felt, "tilbud", self.position, 1)


@dataclass(frozen=True)
class SletTilbud(_Aendring):
    tilbud_id: str

    def anvend(self, g: Takstgrundlag) -> Takstgrundlag:
        i = _tilbud_index(g, self.tilbud_id)
        return replace(g, tilbud=g.tilbud[:i] + g.tilbud[i + 1 :])

    def modsat(self, g: Takstgrundlag) -> Aendring:
        i = _tilbud_index(g, self.tilbud_id)
        return TilfoejTilbud(g.tilbud[i], i)

    def beskriv(self) -> str:
        return "Slet tilbud"

    def flyt(self, g: Takstgrundlag, felt: str) -> str | None:
        return flyt_i_liste(felt, "tilbud", _tilbud_index(g, self.tilbud_id), -1)


@dataclass(frozen=True)
class OpdaterTilbud(_Aendring):
    """Set some of a tilbud's own fields, e.g. {"pladser": 14, "belaegning": Belaegning(...)}."""

    tilbud_id: str
    felter: tuple[tuple[str, Any], ...]

    @staticmethod
    def af(tilbud_id: str, **felter: Any) -> "OpdaterTilbud":
        return OpdaterTilbud(tilbud_id, tuple(felter.items()))

    def anvend(self, g: Takstgrundlag) -> Takstgrundlag:
        i = _tilbud_index(g, self.tilbud_id)
        for navn, _ in self.felter:
            if navn not in TILBUD_FELTER:
                raise AendringsFejl(f"Feltet '{navn}' kan ikke ændres her.")
        return _med_tilbud(g, i, replace(g.tilbud[i], **dict(self.felter)))

    def modsat(self, g: Takstgrundlag) -> Aendring:
        t = g.tilbud[_tilbud_index(g, self.tilbud_id)]
        return OpdaterTilbud(self.tilbud_id, tuple((n, getattr(t, n)) for n, _ in self.felter))

    def beskriv(self) -> str:
        if not self.felter:
            return "Ret tilbud"
        return "Ret " + ", ".join(navne.FELTER.get(n, navne.laesbar(n)).lower() for n, _ in self.felter)


class _ElementAendring(_Aendring):
    def _samling(self, g: Takstgrundlag) -> tuple[int, Tilbud, tuple]:
        if self.samling not in SAMLINGER:
            raise AendringsFejl(f"Ukendt samling '{self.samling}'.")
        i = _tilbud_index(g, self.tilbud_id)
        t = g.tilbud[i]
        return i, t, getattr(t, self.samling)

    def _med(self, g: Takstgrundlag, i: int, t: Tilbud, seq: tuple) -> Takstgrundlag:
        return _med_tilbud(g, i, replace(t, **{self.samling: seq}))

    def _navn(self) -> str:
        return _SAMLING_NAVNE.get(self.samling, "række")


@dataclass(frozen=True)
class TilfoejElement(_ElementAendring):
    tilbud_id: str
    samling: str
    element: Any
    position: int | None = None  # None: at the end

    def anvend(self, g: Takstgrundlag) -> Takstgrundlag:
        i, t, seq = self._samling(g)
        return self._med(g, i, t, _indsaet(seq, self.element, self.position))

    def modsat(self, g: Takstgrundlag) -> Aendring:
        _, _, seq = self._samling(g)
        pos = len(seq) if self.position is None else self.position
        return SletElement(self.tilbud_id, self.samling, pos)

    def beskriv(self) -> str:
        return f"Tilføj {self._navn()}"

    def flyt(self, g: Takstgrundlag, felt: str) -> str | None:
        if self.position is None:
            return felt
        return flyt_i_liste(felt, f"tilbud[{_tilbud_index(g, self.tilbud_id)}].{self.samling}", self.position, 1)


@dataclass(frozen=True)
class OpdaterElement(_ElementAendring):
    tilbud_id: str
    samling: str
    position: int
    element: Any

    def anvend(self, g: Takstgrundlag) -> Takstgrundlag:
        i, t, seq = self._samling(g)
        _tjek_position(seq, self.position)
        return self._med(g, i, t, seq[: self.position] + (self.element,) + seq[self.position + 1 :])

    def modsat(self, g: Takstgrundlag) -> Aendring:
        _, _, seq = self._samling(g)
        _tjek_position(seq, self.position)
        return OpdaterElement(self.tilbud_id, self.samling, self.position, seq[self.position])

    def beskriv(self) -> str:
        return f"Ret {self._navn()}"


@dataclass(frozen=True)
class SletElement(_ElementAendring):
    tilbud_id: str
    samling: str
    position: int

    def anvend(self, g: Takstgrundlag) -> Takstgrundlag:
        i, t, seq = self._samling(g)
        _tjek_position(seq, self.position)
        return self._med(g, i, t, seq[: self.position] + seq[self.position + 1 :])

    def modsat(self, g: Takstgrundlag) -> Aendring:
        _, _, seq = self._samling(g)
        _tjek_position(seq, self.position)
        return TilfoejElement(self.tilbud_id, self.samling, seq[self.position], self.position)

    def beskriv(self) -> str:
        return f"Slet {self._navn()}"

    def flyt(self, g: Takstgrundlag, felt: str) -> str | None:
        return flyt_i_liste(felt, f"tilbud[{_tilbud_index(g, self.tilbud_id)}].{self.samling}", self.position, -1)


@dataclass(frozen=True)
class TilfoejPulje(_Aendring):
    pulje: Overheadpulje
    position: int | None = None

    def anvend(self, g: Takstgrundlag) -> Takstgrundlag:
        return replace(g, overheadpuljer=_indsaet(g.overheadpuljer, self.pulje, self.position))

    def modsat(self, g: Takstgrundlag) -> Aendring:
        return SletPulje(len(g.overheadpuljer) if self.position is None else self.position)

    def beskriv(self) -> str:
        return "Tilføj overheadpulje"

    def flyt(self, g: Takstgrundlag, felt: str) -> str | None:
        return felt if self.position is None else flyt_i_liste(felt, "overheadpuljer", self.position, 1)


@dataclass(frozen=True)
class OpdaterPulje(_Aendring):
    position: int
    pulje: Overheadpulje

    def anvend(self, g: Takstgrundlag) -> Takstgrundlag:
        p = g.overheadpuljer
        _tjek_position(p, self.position)
        return replace(g, overheadpuljer=p[: self.position] + (self.pulje,) + p[self.position + 1 :])

    def modsat(self, g: Takstgrundlag) -> Aendring:
        _tjek_position(g.overheadpuljer, self.position)
        return OpdaterPulje(self.position, g.overheadpuljer[self.position])

    def beskriv(self) -> str:
        return "Ret overheadpulje"


@dataclass(frozen=True)
class SletPulje(_Aendring):
    position: int

    def anvend(self, g: Takstgrundlag) -> Takstgrundlag:
        p = g.overheadpuljer
        _tjek_position(p, self.position)
        return replace(g, overheadpuljer=p[: self.position] + p[self.position + 1 :])

    def modsat(self, g: Takstgrundlag) -> Aendring:
        _tjek_position(g.overheadpuljer, self.position)
        return TilfoejPulje(g.overheadpuljer[self.position], self.position)

    def beskriv(self) -> str:
        return "Slet overheadpulje"

    def flyt(self, g: Takstgrundlag, felt: str) -> str | None:
        return flyt_i_liste(felt, "overheadpuljer", self.position, -1)


Aendring = Union[
    "TilfoejElementer",
    "SletSidste",
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


def _index_i(felt: str, liste: str) -> int | None:
    """n when `felt` is `liste[n]` or a path inside it, else None."""
    if not felt.startswith(liste + "["):
        return None
    slut = felt.find("]", len(liste) + 1)
    tal = felt[len(liste) + 1:slut]
    return int(tal) if slut > 0 and tal.isdigit() else None


def flyt_i_liste(felt: str, liste: str, position: int, retning: int) -> str | None:
    """A path after an element was inserted (retning 1) at or removed (-1) from `position` of the
    list at path `liste` ("tilbud[2].omkostninger"): later elements move, the removed one goes."""
    n = _index_i(felt, liste)
    if n is None or n < position:
        return felt
    if retning < 0 and n == position:
        return None
    rest = felt[felt.index("]", len(liste)) + 1:]
    return f"{liste}[{n + retning}]{rest}"


def _som_aendring(a: Any) -> _Aendring:
    if not isinstance(a, _Aendring):
        raise AendringsFejl(f"Ukendt ændring: {a!r}")
    return a


def anvend(grundlag: Takstgrundlag, a: Aendring) -> Takstgrundlag:
    """The takstgrundlag after the change. Unchanged tilbud keep their identity (for caching)."""
    return _som_aendring(a).anvend(grundlag)


def modsat(grundlag: Takstgrundlag, a: Aendring) -> Aendring:
    """The change that undoes `a`, computed from the state *before* `a` is applied."""
    return _som_aendring(a).modsat(grundlag)


def beskriv(a: Aendring | list) -> str:
    """A Danish name for the change (or a list of changes), shown in Redigér → Fortryd/Gentag."""
    if isinstance(a, list):
        return beskriv(a[0]) if len(a) == 1 else f"{len(a)} ændringer"
    return _som_aendring(a).beskriv()


@dataclass(frozen=True)
class TilfoejElementer(_ElementAendring):
    """Several elements appended to one collection: consecutive TilfoejElement at the end,
    batched by `samlet` so that 50.000 imported lines are one step (and one multi-row insert)."""

    tilbud_id: str
    samling: str
    elementer: tuple

    def anvend(self, g: Takstgrundlag) -> Takstgrundlag:
        i, t, seq = self._samling(g)
        return self._med(g, i, t, seq + tuple(self.elementer))

    def modsat(self, g: Takstgrundlag) -> Aendring:
        _, _, seq = self._samling(g)
        return SletSidste(self.tilbud_id, self.samling, len(self.elementer))

    def beskriv(self) -> str:
        return f"Tilføj {len(self.elementer)} × {self._navn()}"


@dataclass(frozen=True)
class SletSidste(_ElementAendring):
    """The last `antal` elements of a collection removed (the inverse of TilfoejElementer)."""

    tilbud_id: str
    samling: str
    antal: int

    def anvend(self, g: Takstgrundlag) -> Takstgrundlag:
        i, t, seq = self._samling(g)
        if not 0 <= self.antal <= len(seq):
            raise AendringsFejl(f"Der er ikke {self.antal} elementer at slette.")
        return self._med(g, i, t, seq[: len(seq) - self.antal])

    def modsat(self, g: Takstgrundlag) -> Aendring:
        _, _, seq = self._samling(g)
        return TilfoejElementer(self.tilbud_id, self.samling, seq[len(seq) - self.antal:])

    def beskriv(self) -> str:
        return f"Slet {self.antal} × {self._navn()}"

    def flyt(self, g: Takstgrundlag, felt: str) -> str | None:
        i, t, seq = self._samling(g)
        n = _index_i(felt, f"tilbud[{i}].{self.samling}")
        return None if n is not None and n >= len(seq) - self.antal else felt


def samlet(aendringer) -> list[Aendring]:
    """Consecutive appends to the same collection (with no other change between them) become one
    TilfoejElementer; everything else is kept as it is, in order."""
    ud: list = []
    aabne: dict[tuple[str, str], int] = {}  # collection -> index in ud of its open batch
    for a in aendringer:
        if isinstance(a, TilfoejElement) and a.position is None:
            noegle = (a.tilbud_id, a.samling)
            if noegle in aabne:  # appends to different collections commute
                ud[aabne[noegle]][2].append(a.element)  # in place: a new list each time was quadratic
                # (46.280 imported lines took 1,5 s here)
            else:
                aabne[noegle] = len(ud)
                ud.append((a.tilbud_id, a.samling, [a.element]))
        else:
            aabne.clear()
            ud.append(a)
    return [TilfoejElementer(x[0], x[1], tuple(x[2])) if isinstance(x, tuple) else x for x in ud]


Trin = tuple  # (change, grundlag before, grundlag after)


def anvend_alle(grundlag: Takstgrundlag, aendringer) -> tuple[Takstgrundlag, list[Trin]]:
    """Apply a sequence of changes once, in memory: the result and each step (change, before,
    after), which storage/ writes and from which the undo is computed without applying again."""
    trin: list[Trin] = []
    g = grundlag
    for a in samlet(aendringer):
        ny = anvend(g, a)
        trin.append((a, g, ny))
        g = ny
    return g, trin


def modsatte_af(trin: list[Trin]) -> list[Aendring]:
    """The changes that undo the steps, in the order to apply them (linear: nothing is replayed)."""
    return [a.modsat(foer) for a, foer, _ in reversed(trin)]


def modsatte(grundlag: Takstgrundlag, aendringer: list[Aendring]) -> list[Aendring]:
    """The changes that undo a whole sequence, in the order to apply them."""
    return modsatte_af(anvend_alle(grundlag, aendringer)[1])
