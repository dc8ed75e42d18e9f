"""Where the program's own resources are (the source tree, an installed copy, or a frozen app), and
the user's data folder (backups, crash logs)."""
from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    """The `resources/` folder (regelsæt, kontoplan mapping, demo file, icons)."""
    env = os.environ.get("TAKSTBEREGNER_RESOURCES")
    if env:
        return Path(env)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def data_mappe() -> Path:
    """The user's data folder: %LOCALAPPDATA%\\Takstberegner on Windows, $XDG_DATA_HOME/takstberegner
    (or ~/.local/share/takstberegner) elsewhere, or $TAKSTBEREGNER_DATA when set."""
    env = os.environ.get("TAKSTBEREGNER_DATA")
    if env:
        return Path(env)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "Takstberegner"
    xdg = os.environ.get("XDG_DATA_HOME")
    return (Path(xdg) if xdg else Path.home() / ".local" / "share") / "takstberegner"


# What Windows does not take in a file name (the app and its files live on Windows; a name made on
# another machine is refused the same way, so a command tested here behaves as it will there).
_WINDOWS_FORBUDTE = '<>:"/\\|?*'
_WINDOWS_ENHEDER = frozenset({"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
                              *(f"{n}{c}" for n in ("COM", "LPT") for c in "0123456789¹²³")})
# Windows allows 255 characters in a name; every output is written first as a temporary file
# beside it, whose name is the output's with about 20 characters more.
MAKS_FILNAVN = 200


def windows_enhed(navn: str) -> str:
    """The device name (CON, 'nul', 'COM¹') that Windows takes a file name for, whatever ending and
    spaces follow it ('LPT1.pdf', 'CON .x'), or "" when the name is no device."""
    enhed = navn.split(".")[0].rstrip(" ")
    return enhed if enhed.upper() in _WINDOWS_ENHEDER else ""


def windows_navnefejl(navn: str) -> str:
    """Why Windows would not write a file of this name (the name without its folder), as a Danish
    sentence, or "" when it would. A colon writes a hidden part of another file, a device name (CON,
    'LPT1.pdf') writes to the device, a trailing dot or space is dropped so another file is written."""
    forbudte = sorted({c for c in navn if c in _WINDOWS_FORBUDTE or ord(c) < 32}, key=navn.index)
    if forbudte:
        tegn = " og ".join(f"‘{c}’" if ord(c) >= 32 else f"et styretegn (U+{ord(c):04X})" for c in forbudte)
        return (f"Windows tillader ikke {tegn} i et filnavn (ingen af tegnene < > : \" / \\ | ? *); "
                "vælg et andet navn.")
    if navn.endswith((".", " ")):
        hvad = "et punktum" if navn.endswith(".") else "et mellemrum"
        return (f"Filnavnet ender med {hvad}, som Windows fjerner, så filen ville få et andet navn end det, "
                "du skrev; fjern det.")
    enhed = windows_enhed(navn)
    if enhed:
        return (f"{enhed} er et navn, Windows har reserveret til en enhed (ligesom CON, PRN, AUX, NUL, COM1 og "
                "LPT1), også med en endelse efter; vælg et andet navn.")
    if len(navn) > MAKS_FILNAVN:
        return f"Filnavnet er {len(navn)} tegn langt, men må højst være {MAKS_FILNAVN} tegn; vælg et kortere navn."
    return ""
