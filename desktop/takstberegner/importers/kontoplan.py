"""The kommunale kontoplan's arter mapped to omkostningskategorier (SA 5.5.1, table 4).

The mapping is data: resources/kontoplan/arter.csv (semicolon separated, UTF-8; columns art;
navn; kategori; post), editable in Excel. An art matches by its longest prefix: "2.2" before "2".
Besides the eight kategorier, `oevrig_indtaegt` puts a line under the tilbud's øvrige indtægter
(with the sign turned: income is negative in the finance system) and `ignorer` leaves it out
(takstindtægter from kommuner and regioner are what the takst pays, not a cost).
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from takstberegner.domain.model import KATEGORIER
from takstberegner.fejltekst import os_fejl
from takstberegner.formats.fejl import InputError

OEVRIG_INDTAEGT = "oevrig_indtaegt"
IGNORER = "ignorer"
GYLDIGE = KATEGORIER + (OEVRIG_INDTAEGT, IGNORER)

# one or two digits that end there: "5.38.50.001" is a funktion's konto, not art 5.3, and "538" no art
_ART = re.compile(r"^\s*(\d)(?:[.,]?(\d))?(?=\s|$|[^\d.,])")


@dataclass(frozen=True)
class Art:
    art: str  # "1", "2.2"
    navn: str
    kategori: str  # one of GYLDIGE
    post: str


def art_af(vaerdi: object) -> str | None:
    """The art ("2.2" or "2") in a cell holding an art or a kontonummer ending in one.

    Accepts 2.2, "2.2", "22", "2.2 Fødevarer", "5.38.50.001-2.2" (the art after the last dash).
    """
    if vaerdi is None or isinstance(vaerdi, (bool, date, datetime)):
        return None
    if isinstance(vaerdi, float):
        s = repr(vaerdi)
    elif isinstance(vaerdi, (int, Decimal)):
        s = str(vaerdi)
    else:
        s = str(vaerdi).strip()
    if "-" in s:
        s = s.rsplit("-", 1)[1]
    mt = _ART.match(s)
    if not mt:
        return None
    return mt.group(1) if mt.group(2) is None else f"{mt.group(1)}.{mt.group(2)}"


class Kontoplan:
    def __init__(self, arter: dict[str, Art]):
        self.arter = arter

    def slaa_op(self, art: str | None) -> Art | None:
        """The mapping for an art by longest prefix ("2.2" -> "2.2" if listed, else "2")."""
        if art is None:
            return None
        if art in self.arter:
            return self.arter[art]
        return self.arter.get(art.split(".")[0])


def standard_sti() -> Path:
    from takstberegner.paths import resource

    return resource("kontoplan", "arter.csv")


def laes_kontoplan(sti: Path | None = None) -> Kontoplan:
    sti = Path(sti) if sti is not None else standard_sti()
    try:
        tekst = sti.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise InputError(str(sti), f"kontoplanen kan ikke læses: {os_fejl(e)}") from None
    arter: dict[str, Art] = {}
    laeser = csv.DictReader(tekst.splitlines(), delimiter=";")
    mangler = {"art", "kategori", "post"} - set(laeser.fieldnames or ())
    if mangler:
        raise InputError(sti.name, f"kolonnerne {', '.join(sorted(mangler))} mangler i første linje")
    for nr, r in enumerate(laeser, start=2):
        art = art_af(r["art"])
        if art is None:
            raise InputError(f"{sti.name} linje {nr}", f"'{r['art']}' er ikke en art (fx 2 eller 2.2)")
        kategori = (r["kategori"] or "").strip()
        if kategori not in GYLDIGE:
            raise InputError(f"{sti.name} linje {nr}",
                             f"kategorien '{kategori}' findes ikke; brug en af {', '.join(GYLDIGE)}")
        arter[art] = Art(art=art, navn=(r.get("navn") or "").strip(), kategori=kategori,
                         post=(r["post"] or "").strip() or kategori)
    return Kontoplan(arter)
