"""Reading the rows of one sheet of a workbook that comes from outside (last year's takstbilag),
within hard limits and without openpyxl.

openpyxl parses a workbook's parts with lxml, and after a run of malformed files lxml crashed the
whole process during garbage collection (a segmentation fault, found by mutating a takstbilag).
Here every member is inflated from Python's zipfile as a stream whose real bytes are counted
against one cap (declared sizes are not trusted), the XML is parsed chunk by chunk by expat with
no DOCTYPE or entities allowed and a cap on depth and on the elements of a part, and shared strings,
rows, columns, the cells of the sheet (empty ones included) and the characters of a cell are capped.
The sheet's `<dimension>` is never read. Every failure is a `RegnearkFejl` with a Danish message
and an `art` the caller can turn into its own words; time and memory stay linear in the capped input.

API: `ark_raekker(data, ark, graenser) -> list[list]`: the sheet's rows in order (row 1 first,
empty rows kept as []), each a list of cell values by column (A first): str, Decimal, bool, None,
`FORMEL_UDEN_VAERDI` (a formula whose result the file does not hold: not a blank cell), or a
`Fejlvaerdi` (the error a formula shows, '#REF!': not a blank cell either).
"""
from __future__ import annotations

import io
import math
import posixpath
import zipfile
import zlib
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, Iterator

import pyexpat

from takstberegner import dansk
from takstberegner.export import excel_graenser
from takstberegner.fejl import Fejl

MIB = 1024 * 1024
MAKS_TEGN = excel_graenser.TEGN  # characters kept of one cell: a spreadsheet's own limit
IKKE_XLSX, BESKADIGET, FOR_STOR, MANGLER_ARK, FOR_MANGE = "ikke_xlsx", "beskadiget", "for_stor", "mangler_ark", "for_mange"


class _FormelUdenVaerdi:
    """A formula whose result was never saved (a workbook written by a program that does not calculate)."""

    def __repr__(self) -> str:
        return "FORMEL_UDEN_VAERDI"


FORMEL_UDEN_VAERDI = _FormelUdenVaerdi()


class Fejlvaerdi(str):
    """An error value a formula shows in its cell ('#REF!', '#DIV/0!'): not a blank cell."""

    __slots__ = ()


@dataclass(frozen=True)
class Graenser:
    udpakket_bytes: int = 200 * MIB  # all members read, inflated, together
    medlemmer: int = 2000
    delte_tekster: int = 500_000
    delte_tekster_tegn: int = 32 * MIB
    raekker: int = 100_000
    kolonner: int = 300
    dybde: int = 24
    # cells of the sheet, empty ones and those a row's list holds before its last cell included: 13 mio.
    # number cells (a 0,5 MB file) took 1,5 GB and 65 s, one cell in column 300 of 100.000 rows 270 MB
    celler: int = 1_000_000
    elementer: int = 3_000_000  # XML elements of one part: bounds the time any file can take
    tegn: int = MAKS_TEGN  # characters kept of one cell


class RegnearkFejl(Fejl):
    def __init__(self, art: str, besked: str):
        super().__init__(besked)
        self.art = art


def _beskadiget(hvad: str = "") -> RegnearkFejl:
    return RegnearkFejl(BESKADIGET, "Filen er beskadiget og kan ikke læses som Excel-projektmappe"
                        + (f" ({hvad})." if hvad else "."))


def _lokal(navn: str) -> str:
    return navn.rsplit(":", 1)[-1]


def _kolonne(ref: str) -> int | None:
    """'AB12' -> 28 (1-based); None when the reference is not one."""
    n = 0
    for i, c in enumerate(ref):
        if "A" <= c <= "Z":
            n = n * 26 + ord(c) - 64
        elif c.isdigit() and i > 0:
            return n
        else:
            return None
    return None


class _Mappe:
    def __init__(self, data: bytes, g: Graenser):
        self.g = g
        self.brugt = 0
        try:
            self.z = zipfile.ZipFile(io.BytesIO(data))
            infos = self.z.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, NotImplementedError,
                UnicodeDecodeError):
            raise RegnearkFejl(IKKE_XLSX, "Filen er ikke en Excel-projektmappe (.xlsx).") from None
        if len(infos) > g.medlemmer:
            raise RegnearkFejl(FOR_STOR, f"Filen indeholder for mange dele ({dansk.tal(len(infos), 0)}).")
        self.navne: dict[str, zipfile.ZipInfo] = {}
        for i in infos:
            n = i.filename.casefold()
            if n in self.navne:
                raise _beskadiget("en del findes to gange")
            self.navne[n] = i

    def findes(self, navn: str) -> bool:
        return navn.casefold() in self.navne

    def stroem(self, navn: str) -> Iterator[bytes]:
        info = self.navne.get(navn.casefold())
        if info is None:
            raise _beskadiget(f"delen {navn[:60]} mangler")
        try:
            with self.z.open(info) as f:
                while blok := f.read(1 << 16):
                    self.brugt += len(blok)
                    if self.brugt > self.g.udpakket_bytes:
                        raise RegnearkFejl(FOR_STOR, f"Filen fylder mere end {self.g.udpakket_bytes // MIB} MB, "
                                           "når den pakkes ud.")
                    yield blok
        except RegnearkFejl:
            raise
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError, OSError):
            raise _beskadiget() from None

    def parse(self, navn: str, start: Callable, slut: Callable | None = None, tekst: Callable | None = None) -> None:
        p = pyexpat.ParserCreate()
        p.buffer_text = True
        dybde = [0]

        def nej(*_a):
            raise _beskadiget("dokumenttypeerklæringer er ikke tilladt")

        maks_dybde = self.g.dybde

        antal = [0]
        maks_elementer = self.g.elementer

        def s(n, attr):
            dybde[0] += 1
            if dybde[0] > maks_dybde:
                raise _beskadiget("for dybt indlejret XML")
            antal[0] += 1
            if antal[0] > maks_elementer:
                raise RegnearkFejl(FOR_STOR, f"En del af filen har mere end {dansk.tal(maks_elementer, 0)} "
                                   "elementer.")
            start(n.rsplit(":", 1)[-1] if ":" in n else n, attr)

        def e(n):
            dybde[0] -= 1
            if slut is not None:
                slut(n.rsplit(":", 1)[-1] if ":" in n else n)

        p.StartDoctypeDeclHandler = nej
        p.EntityDeclHandler = nej
        p.StartElementHandler = s
        p.EndElementHandler = e
        if tekst is not None:
            p.CharacterDataHandler = tekst
        try:
            for blok in self.stroem(navn):
                p.Parse(blok, False)
            p.Parse(b"", True)
        except pyexpat.ExpatError:
            raise _beskadiget() from None


def _relationer(m: _Mappe, sti: str, mappe: str) -> dict[str, tuple[str, str]]:
    """Id -> (target path, type) of a .rels part."""
    ud: dict[str, tuple[str, str]] = {}

    def start(n, a):
        if n == "Relationship" and a.get("Id") and a.get("Target"):
            t = a["Target"]
            sti_ = t[1:] if t.startswith("/") else posixpath.normpath(posixpath.join(mappe, t))
            ud[a["Id"]] = (sti_, a.get("Type", ""))

    if m.findes(sti):
        m.parse(sti, start)
    return ud


def _attr(a: dict, navn: str) -> str | None:
    for k, v in a.items():
        if _lokal(k) == navn:
            return v
    return None


def _delte_tekster(m: _Mappe, sti: str | None) -> list[str]:
    if not sti or not m.findes(sti):
        return []
    g = m.g
    ud: list[str] = []
    buf: list[str] = []
    tegn = [0]
    tilstand = {"si": False, "t": False, "rph": 0}

    def start(n, _a):
        if n == "si":
            tilstand["si"] = True
            buf.clear()
        elif n == "t":
            tilstand["t"] = True
        elif n == "rPh":
            tilstand["rph"] += 1

    def slut(n):
        if n == "si":
            tilstand["si"] = False
            ud.append("".join(buf))
            if len(ud) > g.delte_tekster:
                raise RegnearkFejl(FOR_STOR, f"Filen har mere end {dansk.tal(g.delte_tekster, 0)} tekster.")
        elif n == "t":
            tilstand["t"] = False
        elif n == "rPh":
            tilstand["rph"] -= 1

    def tekst(t):
        if tilstand["si"] and tilstand["t"] and not tilstand["rph"]:
            tegn[0] += len(t)
            if tegn[0] > g.delte_tekster_tegn:
                raise RegnearkFejl(FOR_STOR, "Filens tekster fylder for meget.")
            buf.append(t)

    m.parse(sti, start, slut, tekst)
    return ud


def _vaerdi(t: str, v: str, delte: list[str]):
    if t == "s":
        try:
            return delte[int(v)]
        except (ValueError, IndexError):
            raise _beskadiget("en celle henviser til en tekst, der ikke findes") from None
    if t in ("str", "inlineStr"):
        return v
    if t == "b":
        return v.strip() in ("1", "true")
    if t == "e":
        return Fejlvaerdi(v.strip()[:20]) if v.strip() else None
    if not v.strip():
        return None
    try:
        f = float(v.strip())
    except ValueError:
        return None
    # a number cell is a double: its shortest text ('693.56', where a writer with 16 digits wrote
    # '693.5599999999999') is what the spreadsheet shows and means
    return Decimal(repr(f)) if math.isfinite(f) else None


def ark_raekker(data: bytes, ark: str, g: Graenser = Graenser()) -> list[list]:
    """The rows of the sheet named `ark` (module docstring)."""
    m = _Mappe(data, g)
    ark_id: dict[str, str] = {}

    def start_mappe(n, a):
        if n == "sheet" and a.get("name") is not None:
            ark_id[a["name"]] = _attr(a, "id") or ""

    if not m.findes("xl/workbook.xml"):
        raise RegnearkFejl(IKKE_XLSX, "Filen er ikke en Excel-projektmappe (.xlsx).")
    m.parse("xl/workbook.xml", start_mappe)
    if ark not in ark_id:
        raise RegnearkFejl(MANGLER_ARK, f"Arket '{ark}' findes ikke.")
    rel = _relationer(m, "xl/_rels/workbook.xml.rels", "xl")
    ark_sti = rel.get(ark_id[ark], ("", ""))[0]
    delte_sti = next((s for s, typ in rel.values() if typ.endswith("/sharedStrings")), "xl/sharedStrings.xml")
    delte = _delte_tekster(m, delte_sti)

    raekker: list[list] = []
    celle: dict = {"i": False, "ref": None, "t": "n", "buf": [], "v": False, "is_t": False, "tegn": 0, "f": False}
    raekke: dict[int, object] = {}
    naeste_kol = [1]
    celler = [0, 0]  # <c> elements, and the cells the rows' lists hold

    def for_mange_celler():
        return RegnearkFejl(FOR_STOR, f"Arket '{ark}' har mere end {dansk.tal(g.celler, 0)} celler.")

    def start(n, a):
        if n == "row":
            r = a.get("r")
            nr = int(r) if r and r.isdigit() else len(raekker) + 1
            if nr > g.raekker:
                raise RegnearkFejl(FOR_MANGE, f"Arket har mere end {dansk.tal(g.raekker, 0)} rækker.")
            if nr <= len(raekker):
                raise _beskadiget("rækkerne står ikke i orden")
            while len(raekker) < nr - 1:
                raekker.append([])
            raekke.clear()
            naeste_kol[0] = 1
        elif n == "c":
            celler[0] += 1
            if celler[0] > g.celler:
                raise for_mange_celler()
            celle.update(i=True, ref=a.get("r"), t=a.get("t", "n"), buf=[], v=False, is_t=False, tegn=0, f=False)
        elif n == "f" and celle["i"]:
            celle["f"] = True
        elif n == "v" and celle["i"]:
            celle["v"] = True
        elif n == "t" and celle["i"]:
            celle["is_t"] = True

    def slut(n):
        if n == "c":
            kol = _kolonne(celle["ref"]) if celle["ref"] else naeste_kol[0]
            if kol is None:
                raise _beskadiget("en celle har en ugyldig adresse")
            naeste_kol[0] = kol + 1
            if kol <= g.kolonner:
                tekst = "".join(celle["buf"])
                raekke[kol] = (_vaerdi(celle["t"], tekst, delte) if (tekst or celle["t"] == "s")
                               else FORMEL_UDEN_VAERDI if celle["f"] else None)
            celle["i"] = False
        elif n == "v":
            celle["v"] = False
        elif n == "t":
            celle["is_t"] = False
        elif n == "row":
            if len(raekker) >= g.raekker:
                raise RegnearkFejl(FOR_MANGE, f"Arket har mere end {dansk.tal(g.raekker, 0)} rækker.")
            bredde = max(raekke, default=0)
            celler[1] += bredde
            if celler[1] > g.celler:
                raise for_mange_celler()
            raekker.append([raekke.get(k) for k in range(1, bredde + 1)])

    maks_tegn = g.tegn

    def tekst(t):
        if celle["i"] and (celle["v"] or celle["is_t"]) and celle["tegn"] < maks_tegn:
            celle["buf"].append(t[: maks_tegn - celle["tegn"]])
            celle["tegn"] += len(t)

    if not ark_sti:
        raise _beskadiget(f"arket '{ark}' mangler sin del")
    m.parse(ark_sti, start, slut, tekst)
    return raekker
