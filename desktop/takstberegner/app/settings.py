"""The app's remembered settings (QSettings): window geometry and state, recent files."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

MAKS_SENESTE = 8


def indstillinger() -> QSettings:
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
