"""The app's remembered settings (QSettings): window geometry and state, recent files."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

MAKS_SENESTE = 8


_FIL: Path | None = None  # kept in this ini file instead of the user's own settings (brug_fil)


def brug_fil(sti) -> None:
    """Keep the settings in the ini file sti (None: the user's own again). The --selvtest, which
    IT runs after installing, opens the window: it put its temporary file in the user's Seneste
    filer and its 800×800 window in the remembered geometry."""
    global _FIL
    _FIL = Path(sti) if sti is not None else None


def indstillinger() -> QSettings:
    if _FIL is not None:
        return QSettings(str(_FIL), QSettings.Format.IniFormat)
    return QSettings("Nordjysk Socialaftale", "Takstberegner")


def seneste_filer() -> list[str]:
    v = indstillinger().value("seneste_filer", [])
    if isinstance(v, str):
        v = [v]
    return [s for s in (v or []) if s and Path(s).exists()]


def husk_fil(sti) -> None:
    s = str(Path(sti).resolve())
    liste = [x for x in seneste_filer() if x != s]
    indstillinger().setValue("seneste_filer", [s] + liste[: MAKS_SENESTE - 1])


def glem_fil(sti) -> None:
    s = str(Path(sti).resolve())
    indstillinger().setValue("seneste_filer", [x for x in seneste_filer() if x != s])
