"""Reading a samlede takstbilag back (the workbook export/takstbilag.py makes) for the
sammenligning (SA 1.2): last year's takster of every driftsherre.

The file comes from outside, so it is read defensively: at most `MAKS_FIL` bytes on disk, every
member inflated as a stream with a hard cap on the total (`MAKS_UDPAKKET`) before openpyxl sees
it, at most `MAKS_RAEKKER` rows, and any failure of the ZIP or the XML becomes a Danish message
(`TakstbilagFejl`), never a traceback. The file is recognised by its sheet "Takster" and the
headings of its table (located by name, so a bilag that DAS has re-saved or sorted in Excel still
reads); a workbook that is not one of ours is refused with a Danish message naming what is missing.
"""
from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path

from takstberegner import dansk
from takstberegner.domain import navne
from takstberegner.domain.sammenligning import Sammenligningstakst
from takstberegner.fejl import Fejl

MAKS_FIL = 50 * 1024 * 1024
MAKS_UDPAKKET = 200 * 1024 * 1024
MAKS_MEDLEMMER = 2000
MAKS_RAEKKER = 100_000
MAKS_KOLONNER = 300
MAKS_TEKST = 1000  # characters kept of one text cell
_OVERSKRIFTSRAEKKER = 10  # the heading row is searched for among the first rows

ARK = "Takster"
KRAEVEDE = ("Driftsherre", "CVR", "Tilbud", "Paragraf", "Tilbudstype", "Ydelse", "Enhed", "Takst (kr.)")
PRIS = "Pris pr. støttetime (kr.)"
IKKE_VORES = "Filen er ikke et takstbilag fra Takstberegner"


class TakstbilagFejl(Fejl):
    """The file cannot be read as a takstbilag; `besked` says why, in Danish."""


@dataclass(frozen=True)
class LaestTakstbilag:
    fil: str
    takstaar: int | None
    takster: tuple[Sammenligningstakst, ...]


def _kode(tekst: str, gruppe: dict[str, str]) -> str:
    """The code of a Danish name ('Døgn' -> 'doegn'); text no table knows is kept as it is."""
    t = tekst.strip().casefold()
    for kode, navn in gruppe.items():
        if navn.casefold() == t or kode == t:
            return kode
    return tekst.strip()


def _udpak_med_loft(data: bytes) -> None:
    """Inflate every member as a stream and refuse the file when it inflates beyond the cap or
    is damaged, so openpyxl only ever sees a workbook of bounded size."""
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        raise TakstbilagFejl(f"{IKKE_VORES}: det er ikke en Excel-projektmappe (.xlsx).") from None
    with z:
        infos = z.infolist()
        if len(infos) > MAKS_MEDLEMMER:
            raise TakstbilagFejl(f"{IKKE_VORES}: den indeholder for mange dele ({len(infos)}).")
        i_alt = 0
        try:
            for info in infos:
                with z.open(info) as f:
                    while blok := f.read(1 << 16):
                        i_alt += len(blok)
                        if i_alt > MAKS_UDPAKKET:
                            raise TakstbilagFejl(
                                f"{IKKE_VORES}: den fylder mere end {MAKS_UDPAKKET // (1024 * 1024)} MB, når den "
                                "pakkes ud.")
        except TakstbilagFejl:
            raise
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError, OSError):
            raise TakstbilagFejl("Filen er beskadiget og kan ikke læses som Excel-projektmappe.") from None


def _tal(v) -> Decimal | None:
    if v is None or isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        try:
            d = Decimal(str(v))
        except InvalidOperation:
            return None
        return d if d.is_finite() else None
    if isinstance(v, str) and v.strip() and len(v) < 40:
        try:
            return dansk.laes_tal(v)
        except ValueError:
            return None
    return None


def _tekst(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v).strip()[:MAKS_TEKST]


def laes_takstbilag(sti: str | Path) -> LaestTakstbilag:
    """The takster of a samlede takstbilag, for the sammenligning. Raises `TakstbilagFejl`."""
    p = Path(sti)
    try:
        stoerrelse = p.stat().st_size
        if p.is_dir():
            raise TakstbilagFejl(f"{p.name} er en mappe, ikke et takstbilag.")
        if stoerrelse > MAKS_FIL:
            raise TakstbilagFejl(f"{IKKE_VORES}: den er for stor ({dansk.tal(Decimal(stoerrelse) / 1024 / 1024, 0)} MB).")
        data = p.read_bytes()
    except FileNotFoundError:
        raise TakstbilagFejl(f"Filen {p.name} findes ikke.") from None
    except OSError as e:
        raise TakstbilagFejl(f"Filen {p.name} kan ikke læses ({e.strerror or e}).") from None
    _udpak_med_loft(data)
    try:
        return _laes(data, str(p))
    except Fejl:
        raise
    except Exception:  # noqa: BLE001 - malformed XML and the like in a file from outside
        raise TakstbilagFejl("Filen er beskadiget og kan ikke læses som Excel-projektmappe.") from None


def _laes(data: bytes, fil: str) -> LaestTakstbilag:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        if ARK not in wb.sheetnames:
            raise TakstbilagFejl(f"{IKKE_VORES}: arket '{ARK}' mangler.")
        ws = wb[ARK]
        ws.reset_dimensions()  # a stale <dimension> must not hide rows
        raekker = ws.iter_rows(values_only=True, max_col=MAKS_KOLONNER)
        titel, kolonner = "", None
        for nr, raekke in enumerate(raekker, 1):
            if nr == 1 and raekke:
                titel = _tekst(raekke[0])
            navne_ = [_tekst(v) for v in raekke]
            if all(k in navne_ for k in KRAEVEDE):
                kolonner = {n: i for i, n in reversed(list(enumerate(navne_))) if n}
                break
            if nr >= _OVERSKRIFTSRAEKKER:
                break
        if kolonner is None:
            raise TakstbilagFejl(f"{IKKE_VORES}: arket '{ARK}' har ikke takstbilagets kolonner "
                                 f"({', '.join(KRAEVEDE)}).")
        takster = []
        for n, raekke in enumerate(raekker, 1):
            if n > MAKS_RAEKKER:
                raise TakstbilagFejl(f"{IKKE_VORES}: arket '{ARK}' har mere end {dansk.tal(MAKS_RAEKKER, 0)} rækker.")
            r = _raekke(raekke, kolonner)
            if r is not None:
                takster.append(r)
    finally:
        wb.close()
    m = re.search(r"\b(20\d\d)\b", titel)
    aar = int(m.group(1)) if m else None
    return LaestTakstbilag(fil, aar, tuple(replace(r, takstaar=aar) for r in takster))


def _raekke(raekke: tuple, kolonner: dict[str, int]) -> Sammenligningstakst | None:
    def v(navn):
        i = kolonner.get(navn)
        return raekke[i] if i is not None and i < len(raekke) else None

    driftsherre, tilbud = _tekst(v("Driftsherre")), _tekst(v("Tilbud"))
    takst, pris = _tal(v("Takst (kr.)")), _tal(v(PRIS))
    if not driftsherre or not tilbud or (takst is None and pris is None):
        return None  # an empty row, the "(ingen rækker)" row, a trækningsret tilbud
    return Sammenligningstakst(
        driftsherre=driftsherre, cvr=_tekst(v("CVR")), tilbud=tilbud, paragraf=_tekst(v("Paragraf")),
        tilbudstype=_kode(_tekst(v("Tilbudstype")), navne.TILBUDSTYPER), ydelse=_tekst(v("Ydelse")),
        enhed=_kode(_tekst(v("Enhed")), navne.ENHEDER), takst=takst, pris_pr_stoettetime=pris,
    )
