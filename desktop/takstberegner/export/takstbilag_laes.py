"""Reading a samlede takstbilag back (the workbook export/takstbilag.py makes) for the
sammenligning (SA 1.2): last year's takster of every driftsherre.

The file comes from outside, so it is read defensively: at most `MAKS_FIL` bytes on disk, and
then by export/regneark_laes (not openpyxl): members inflated as streams under one cap on the
total (`MAKS_UDPAKKET`), expat with no DOCTYPE, at most `MAKS_RAEKKER` rows; any failure of the ZIP
or the XML becomes a Danish message (`TakstbilagFejl`), never a traceback. The file is recognised by its sheet "Takster" and the
headings of its table (located by name, so a bilag that DAS has re-saved or sorted in Excel still
reads); a workbook that is not one of ours is refused with a Danish message naming what is missing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from takstberegner import dansk
from takstberegner.domain import navne
from takstberegner.domain.sammenligning import Sammenligningstakst
from takstberegner.domain.usynlige_tegn import rens
from takstberegner.export import regneark_laes
from takstberegner.fejl import Fejl
from takstberegner.fejltekst import os_fejl

MAKS_FIL = 50 * 1024 * 1024
MAKS_UDPAKKET = 200 * 1024 * 1024
MAKS_MEDLEMMER = 2000
MAKS_RAEKKER = 100_000
MAKS_KOLONNER = 300
MAKS_TEKST = 1000  # characters kept of one text cell
# cells in the sheet Takster (38 columns a row: 26.000 takster; 40 large driftsherrer give 12.000)
MAKS_CELLER = 1_000_000
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


def _tal(v) -> Decimal | None:
    if v is None or isinstance(v, bool):
        return None
    if isinstance(v, Decimal):
        return v
    if isinstance(v, str) and v.strip() and len(v) < 40:
        try:
            return dansk.laes_tal(v)
        except ValueError:
            return None
    return None


def _tekst(v) -> str:
    if v is None or v is regneark_laes.FORMEL_UDEN_VAERDI:
        return ""
    if isinstance(v, Decimal):
        v = format(v.normalize(), "f") if v == v.to_integral_value() else format(v, "f")
    return rens(str(v)[:MAKS_TEKST * 2]).strip()[:MAKS_TEKST]  # a name from someone else, never turned around


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
        raise TakstbilagFejl(f"Filen {p.name} kan ikke læses ({os_fejl(e)}).") from None
    g = regneark_laes.Graenser(udpakket_bytes=MAKS_UDPAKKET, medlemmer=MAKS_MEDLEMMER,
                               raekker=MAKS_RAEKKER + _OVERSKRIFTSRAEKKER, kolonner=MAKS_KOLONNER,
                               celler=MAKS_CELLER, tegn=2 * MAKS_TEKST)  # (_tekst keeps no more)
    try:
        raekker = regneark_laes.ark_raekker(data, ARK, g)
    except regneark_laes.RegnearkFejl as e:
        raise TakstbilagFejl(_besked(e)) from None
    return _laes(raekker, str(p))


def _besked(e: regneark_laes.RegnearkFejl) -> str:
    rl = regneark_laes
    if e.art == rl.IKKE_XLSX:
        return f"{IKKE_VORES}: det er ikke en Excel-projektmappe (.xlsx)."
    if e.art == rl.MANGLER_ARK:
        return f"{IKKE_VORES}: arket '{ARK}' mangler."
    if e.art == rl.FOR_MANGE:
        return f"{IKKE_VORES}: arket '{ARK}' har mere end {dansk.tal(MAKS_RAEKKER, 0)} rækker."
    if e.art == rl.FOR_STOR:
        return f"{IKKE_VORES}: {e.besked[:1].lower()}{e.besked[1:]}"
    return e.besked


def _laes(raekker: list[list], fil: str) -> LaestTakstbilag:
    titel = _tekst(raekker[0][0]) if raekker and raekker[0] else ""
    kolonner = None
    for nr, raekke in enumerate(raekker[:_OVERSKRIFTSRAEKKER]):
        navne_ = [_tekst(v) for v in raekke]
        if all(k in navne_ for k in KRAEVEDE):
            kolonner = {n: i for i, n in reversed(list(enumerate(navne_))) if n}
            break
    if kolonner is None:
        raise TakstbilagFejl(f"{IKKE_VORES}: arket '{ARK}' har ikke takstbilagets kolonner ({', '.join(KRAEVEDE)}).")
    data = raekker[nr + 1:]
    if len(data) > MAKS_RAEKKER:
        raise TakstbilagFejl(f"{IKKE_VORES}: arket '{ARK}' har mere end {dansk.tal(MAKS_RAEKKER, 0)} rækker.")
    takster = [r for r in (_raekke(x, kolonner, nr + 2 + i) for i, x in enumerate(data)) if r is not None]
    m = re.search(r"\b(20\d\d)\b", titel)
    aar = int(m.group(1)) if m else None
    return LaestTakstbilag(fil, aar, tuple(replace(r, takstaar=aar) for r in takster))


def _raekke(raekke: tuple, kolonner: dict[str, int], nr: int) -> Sammenligningstakst | None:
    def v(navn):
        i = kolonner.get(navn)
        return raekke[i] if i is not None and i < len(raekke) else None

    uden = [n for n in KRAEVEDE + (PRIS,) if v(n) is regneark_laes.FORMEL_UDEN_VAERDI]
    if uden:  # read as blank, the row would leave the sammenligning without a word
        raise TakstbilagFejl(f"Arket '{ARK}', række {nr}: kolonnen '{uden[0]}' har en formel uden gemt værdi (filen "
                             "er gemt af et program, der ikke regner formler ud). Åbn filen i Excel, og gem den igen, "
                             "før den bruges.")

    fejl = [n for n in KRAEVEDE + (PRIS,) if isinstance(v(n), regneark_laes.Fejlvaerdi)]
    if fejl:  # read as blank, the row would leave the sammenligning without a word
        raise TakstbilagFejl(f"Arket '{ARK}', række {nr}: kolonnen '{fejl[0]}' viser fejlen {v(fejl[0])}. Ret formlen "
                             "i Excel, eller brug takstbilaget, som sekretariatet sendte det.")

    tekst = [n for n in ("Takst (kr.)", PRIS) if isinstance(v(n), str) and v(n).strip() and _tal(v(n)) is None]
    if tekst:  # 'se note' typed over a takst: read as blank, the row left the sammenligning without a word
        raise TakstbilagFejl(f"Arket '{ARK}', række {nr}: kolonnen '{tekst[0]}' har teksten '{_tekst(v(tekst[0]))[:40]}', "
                             "som ikke er et beløb. Ret cellen i Excel, eller brug takstbilaget, som sekretariatet "
                             "sendte det.")

    driftsherre, tilbud = _tekst(v("Driftsherre")), _tekst(v("Tilbud"))
    takst, pris = _tal(v("Takst (kr.)")), _tal(v(PRIS))
    if not driftsherre or not tilbud or (takst is None and pris is None):
        return None  # an empty row, the "(ingen rækker)" row, a trækningsret tilbud
    return Sammenligningstakst(
        driftsherre=driftsherre, cvr=_tekst(v("CVR")), tilbud=tilbud, paragraf=_tekst(v("Paragraf")),
        tilbudstype=_kode(_tekst(v("Tilbudstype")), navne.TILBUDSTYPER), ydelse=_tekst(v("Ydelse")),
        enhed=_kode(_tekst(v("Enhed")), navne.ENHEDER), takst=takst, pris_pr_stoettetime=pris,
    )
