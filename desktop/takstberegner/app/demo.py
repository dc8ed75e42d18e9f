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


def opret_demo(mappe: Path | None = None, ny: bool = True):
    """Create (or re-create) the demo file and open it; returns the open file."""
    sti = (mappe or datamappe()) / "Demokommune.takst"
    grundlag = lager.importer_json(resource("demo", DEMO_JSON))
    if sti.exists():
        if not ny:
            try:
                return lager.aabn(sti)
            except lager.LagerFejl:
                pass
        try:
            sti.unlink()
        except OSError:  # still open elsewhere: use a new name
            n = 2
            while (sti.parent / f"Demokommune-{n}.takst").exists():
                n += 1
            sti = sti.parent / f"Demokommune-{n}.takst"
    return lager.opret(sti, grundlag)
