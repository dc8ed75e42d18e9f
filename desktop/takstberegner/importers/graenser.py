"""The limits every imported budget file is read within, and the Danish rejection of a file.

A budget export from a finance system is at most some tens of thousands of lines. Files far
beyond that, damaged files and hostile files (zip bombs, billions of shared strings, endless XML
tokens, NUL bytes) are refused early with a Danish reason, in time and memory bounded by these
limits, before anything is imported (issue 12, item 6).
"""
from __future__ import annotations

from dataclasses import dataclass

from takstberegner import dansk
from takstberegner.formats.fejl import InputError

MIB = 1024 * 1024


@dataclass(frozen=True)
class Graenser:
    fil_bytes: int = 100 * MIB  # the .xlsx file on disk (read as a stream)
    csv_bytes: int = 32 * MIB  # the .csv file (read whole: its text may take four bytes a character)
    zip_medlemmer: int = 10_000  # members of the xlsx container
    zip_katalog_bytes: int = 4 * MIB  # its central directory
    xml_bytes: int = 128 * MIB  # one member, inflated (a sheet, the shared strings)
    lille_xml_bytes: int = 16 * MIB  # workbook, relations, styles
    uden_fremskridt_bytes: int = 4 * MIB  # XML read without one complete tag or text (an endless token)
    xml_dybde: int = 24  # elements inside each other
    delte_tekster: int = 500_000  # entries of the shared-strings table
    delte_tekster_tegn: int = 16 * MIB  # their characters together
    tegn_pr_celle: int = 32_767  # Excel's own limit for one cell
    raekker: int = 60_000  # rows with content in the sheet
    celler: int = 1_000_000  # <c> elements of a sheet, empty ones included (60.000 rows of 16 columns)
    elementer: int = 3_000_000  # XML elements of one member: bounds the time any file can take
    kolonner: int = 16_384  # Excel's last column, XFD
    sidste_raekke: int = 1_048_576  # Excel's last row
    flettede: int = 100_000  # merged ranges
    typografier: int = 100_000  # cell formats in styles.xml


STANDARD = Graenser()


class AfvistFil(InputError):
    """A file that is not imported at all, with the reason. Nothing has been read into the file."""

    def __init__(self, besked: str):
        super().__init__("", besked)


def mb(n: int) -> str:
    """Bytes as whole MB, the Danish way: '128 MB'."""
    return f"{dansk.tal(n // MIB, 0)} MB"


def antal(n: int) -> str:
    return dansk.tal(n, 0)


def beskadiget(fil: str, hvad: str) -> AfvistFil:
    return AfvistFil(f"Regnearket {fil} er beskadiget: {hvad}. Intet er importeret. "
                     "Åbn filen i Excel, og gem den igen.")


def for_stort(fil: str, hvad: str) -> AfvistFil:
    return AfvistFil(f"Regnearket {fil} kan ikke importeres: {hvad}. Intet er importeret. "
                     "Del budgettet op, eller fjern det, der ikke hører til budgettet.")


def csv_fejl(fil: str, hvad: str) -> AfvistFil:
    return AfvistFil(f"CSV-filen {fil} kan ikke læses: {hvad}. Intet er importeret.")
