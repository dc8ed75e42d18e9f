"""Where the open and save dialogs start, so that a new user finds the files again: the user's
Dokumenter folder, or the folder of the open takstfil. Not the working folder (the installer
starts the program in its own folder under %LOCALAPPDATA%, where a new takstfil vanished among the
program's files) and not the app's hidden data folder, where the demo lives."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def dokumentmappe() -> Path:
    """The user's Dokumenter (the home folder when the system names none or it does not exist)."""
    mappe = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(mappe) if mappe and Path(mappe).is_dir() else Path.home()


def ved_siden_af(fil: Path | None) -> Path:
    """The folder for a file made from the open takstfil `fil` (an export, an import, next year's
    file): its own folder, unless it lies in the app's data folder (the demo): then Dokumenter."""
    if fil is None or not fil.name:
        return dokumentmappe()
    data = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    mappe = fil.resolve().parent
    if data and mappe.is_relative_to(Path(data).resolve()):
        return dokumentmappe()
    from takstberegner.app import demo  # the demo's folder, where a test or an old version puts it

    return dokumentmappe() if fil.resolve() == demo.demo_sti().resolve() else mappe
