"""The demo driftsherre: a .takst file in the user's data folder, built from the worked examples
(resources/demo/), so a new user sees a finished calculation at once."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from takstberegner.app import lager
from takstberegner.paths import resource

DEMO_JSON = "demokommune.takstgrundlag.json"


def datamappe() -> Path:
    p = Path(QStandardPaths.writableLocation(QStandardPaths.AppDataLocation) or Path.home() / ".takstberegner")
    p.mkdir(parents=True, exist_ok=True)
    return p


def demo_sti(mappe: Path | None = None) -> Path:
    return (mappe or datamappe()) / "Demokommune.takst"


def opret_demo(mappe: Path | None = None, ny: bool = True):
    """Open the user's own copy of the demo, made from the worked examples the first time.

    ny=False opens the copy the user already has (with their edits); only ny=True (an explicit
    "start forfra") replaces it. A copy that cannot be opened is left alone and a fresh one is
    made beside it, so nothing the user typed is ever deleted silently."""
    sti = demo_sti(mappe)
    if sti.exists() and not ny:
        try:
            return lager.aabn(sti)
        except lager.LagerFejl:
            pass
    elif sti.exists():
        try:
            sti.unlink()
        except OSError:
            pass
    if sti.exists():  # still open elsewhere, or damaged: use a new name
        n = 2
        while (sti.parent / f"Demokommune-{n}.takst").exists():
            n += 1
        sti = sti.parent / f"Demokommune-{n}.takst"
    return lager.opret(sti, lager.importer_json(resource("demo", DEMO_JSON)))
