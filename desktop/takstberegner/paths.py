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
