"""File names the app proposes from what the user wrote (a driftsherre's name, a takstår): a name
that holds a character Windows does not allow in a file name ('Aalborg/Nord', 'A: B'), a control
or a direction-changing character, a device name (CON, NUL, COM1) or trailing dots is made into
one Windows accepts, instead of a crash or a save dialog in a folder that does not exist.
Pure Python, no Qt."""
from __future__ import annotations

import re
import unicodedata

from takstberegner.paths import windows_enhed

MAKS_LAENGDE = 100
_ULOVLIGE = re.compile(r'[<>:"/\\|?*]+')


def filnavn(tekst: str, standard: str = "takstberegning") -> str:
    """`tekst` as a file name without folder (no extension added): forbidden characters become '-',
    control and format characters go, spaces are collapsed, at most MAKS_LAENGDE characters, no
    trailing dot or space, never a Windows device name; `standard` when nothing is left."""
    ren = "".join(c for c in tekst if unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co", "Cn"))
    ren = " ".join(_ULOVLIGE.sub("-", ren).split())[:MAKS_LAENGDE].rstrip(". ")
    if not ren.strip("-"):
        return standard
    enhed = windows_enhed(ren)
    if enhed:  # 'CON' -> 'CON_', 'nul.txt' -> 'nul_.txt': Windows takes any name whose part before the first dot is a device
        ren = f"{enhed}_{ren[len(enhed):]}"
    return ren


def med_endelse(sti: str, *endelser: str) -> str:
    """The chosen file name ending as what is written in it: kept when it ends in one of `endelser`
    (any case), else the first is added ('rapport' and 'Takster ver. 2' get '.pdf'; 'x.xlsx' chosen
    for a PDF becomes 'x.xlsx.pdf', never a PDF named as a workbook)."""
    return sti if sti.lower().endswith(tuple(e.lower() for e in endelser)) else sti + endelser[0]
