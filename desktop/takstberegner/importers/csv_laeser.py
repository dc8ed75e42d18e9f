"""Reading a budget saved as CSV the Danish way, safely, within `Graenser`.

Danish Excel saves "CSV (semikolonsepareret)": `;` between cells, decimal comma, Windows-1252
(or UTF-8, with or without BOM, from "CSV UTF-8"). The encoding is found by the BOM, else strict
UTF-8, else strict Windows-1252; the separator by what the first lines use (`;`, tab, `,`). NUL
bytes, an unknown encoding, endless lines and cells, and too many rows or cells are refused with
a Danish reason before anything is imported.
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, Iterator

from takstberegner.fejltekst import os_fejl
from takstberegner.importers.ark import Ark
from takstberegner.importers.graenser import STANDARD, AfvistFil, Graenser, antal, csv_fejl, for_stort, mb

MAKS_LINJE = 1024 * 1024  # characters in one line of the file


def _afkod(data: bytes, navn: str) -> tuple[str, str]:
    """(text, name of the encoding)."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "UTF-8"
        except UnicodeDecodeError as e:
            raise csv_fejl(navn, f"filen siger, den er UTF-8, men byte {antal(e.start + 4)} er ikke gyldig UTF-8") \
                from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            raise csv_fejl(navn, "filen siger, den er UTF-16 (Unicode-tekst), men den er ikke gyldig UTF-16") from None
    if data.startswith(b"PK\x03\x04"):
        raise AfvistFil(f"Filen {navn} er et Excel-regneark, ikke en CSV-fil. Vælg den som Excel-fil (.xlsx).")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise csv_fejl(navn, f"filen indeholder NUL-tegn (byte {antal(nul + 1)}), så den er ikke en tekstfil. "
                             "Gem budgettet i Excel som CSV (semikolonsepareret)")
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as e:
        raise csv_fejl(navn, f"tegnkodningen kendes ikke (byte {antal(e.start + 1)} er hverken UTF-8 eller "
                             "Windows-1252). Gem budgettet i Excel som CSV UTF-8") from None


def find_separator(tekst: str) -> str:
    """`;` as Danish Excel writes, else a tab or a comma: the one most of the first lines contain."""
    linjer = [x for x in tekst[:200_000].splitlines()[:20] if x.strip()]
    bedst, flest = ";", 0
    for sep in (";", "\t", ","):
        n = sum(1 for x in linjer if sep in x)
        if n > flest:
            bedst, flest = sep, n
    return bedst


def laes_csv(sti: Path | str, graenser: Graenser = STANDARD, maks_raekker: int | None = None,
             kolonner: set[int] | None = None) -> Ark:
    """Read the CSV file as one sheet. `maks_raekker`: only the first rows with content (for the grid);
    `kolonner`: keep only these columns (None: all)."""
    sti = Path(sti)
    navn = sti.name
    g = graenser
    try:
        stoerrelse = sti.stat().st_size
        if sti.is_dir():
            raise AfvistFil(f"{navn} er en mappe, ikke en CSV-fil.")
        if not sti.is_file():  # a device or a pipe: reading it could wait for ever or never end
            raise AfvistFil(f"{navn} er ikke en almindelig fil, men fx en enhed eller en kanal, og ikke en CSV-fil.")
        if stoerrelse > g.csv_bytes:
            raise for_stort(navn, f"filen fylder {mb(stoerrelse)}; der kan højst importeres {mb(g.csv_bytes)}")
        data = sti.read_bytes()
    except FileNotFoundError:
        raise AfvistFil(f"Filen {navn} findes ikke.") from None
    except OSError as e:
        raise AfvistFil(f"Filen {navn} kan ikke læses: {os_fejl(e)}.") from None
    tekst, _ = _afkod(data, navn)
    del data
    if "\x00" in tekst:
        raise csv_fejl(navn, "filen indeholder NUL-tegn, så den er ikke en tekstfil. Gem budgettet i Excel som "
                             "CSV (semikolonsepareret)")
    sep = find_separator(tekst)

    if "\n" not in tekst and "\r" in tekst:  # old Mac line ends
        tekst = tekst.replace("\r", "\n")

    def linjer() -> Iterator[str]:
        """The lines one at a time (no copy of the whole text), each within MAKS_LINJE."""
        pos, i, n = 0, 0, len(tekst)
        while pos < n:
            i += 1
            slut = tekst.find("\n", pos, pos + MAKS_LINJE + 1)
            if slut < 0:
                if n - pos > MAKS_LINJE:
                    raise csv_fejl(navn, f"linje {antal(i)} har mere end {antal(MAKS_LINJE)} tegn")
                slut = n - 1
            if i > g.sidste_raekke:
                raise for_stort(navn, f"filen har mere end {antal(g.sidste_raekke)} linjer")
            yield tekst[pos:slut + 1]
            pos = slut + 1

    raekker: list[tuple[int, dict[int, Any]]] = []
    celler = 0
    maks_kol = 0
    gammel = csv.field_size_limit()
    csv.field_size_limit(g.tegn_pr_celle)
    laeser = csv.reader(linjer(), delimiter=sep)
    forrige = 0  # the line the previous row ended on: a row begins on the next
    nr = 0  # the row as Excel shows the file: a quoted cell with line breaks is one row, not several
    try:
        for felter in laeser:
            nr, forrige = nr + 1, laeser.line_num
            celler += len(felter)
            if celler > g.celler:
                raise for_stort(navn, f"filen har mere end {antal(g.celler)} celler")
            if len(felter) > g.kolonner:
                raise for_stort(navn, f"linje {antal(nr)} har mere end {antal(g.kolonner)} celler")
            r = {k: v.strip() for k, v in enumerate(felter, start=1) if (kolonner is None or k in kolonner)
                 and v.strip()}
            if not r:
                continue
            raekker.append((nr, r))
            maks_kol = max(maks_kol, max(r))
            if maks_raekker is not None and len(raekker) >= maks_raekker:
                break
            if len(raekker) > g.raekker:
                raise for_stort(navn, f"filen har mere end {antal(g.raekker)} rækker med indhold")
    except csv.Error as e:  # the row that could not be read begins on the line after the previous row
        if "field larger than field limit" in str(e):
            raise csv_fejl(navn, f"linje {antal(forrige + 1)} har en celle med mere end "
                                 f"{antal(g.tegn_pr_celle)} tegn") from None
        raise csv_fejl(navn, f"linje {antal(forrige + 1)} kan ikke læses som CSV") from None
    finally:
        csv.field_size_limit(gammel)
    return Ark(navn=sti.stem, raekker=raekker, kolonner=maks_kol,
               komplet=maks_raekker is None or len(raekker) < maks_raekker, kilde=navn, separator=sep)
