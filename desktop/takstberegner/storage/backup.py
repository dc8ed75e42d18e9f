"""Automatic backup copies of .takst files (SQLite backup API) in the user's data folder.

A copy is taken before each schema migration and on the first opening of a file each day. Copies
live in `<data>/sikkerhedskopier`, where <data> is %LOCALAPPDATA%\\Takstberegner on Windows,
$XDG_DATA_HOME/takstberegner (or ~/.local/share/takstberegner) elsewhere, or $TAKSTBEREGNER_DATA
when set; never next to the program. At most BEHOLD_DAGLIGE daily and BEHOLD_MIGRERING
pre-migration copies are kept per file.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
from datetime import datetime
from pathlib import Path

from takstberegner.paths import data_mappe

BEHOLD_DAGLIGE = 10
BEHOLD_MIGRERING = 5


def kopi_mappe() -> Path:
    return data_mappe() / "sikkerhedskopier"


def _noegle(sti: Path) -> str:
    """The file's name plus a short hash of its full path: two files called the same don't mix."""
    h = hashlib.sha256(str(Path(sti).resolve()).encode("utf-8")).hexdigest()[:8]
    return f"{Path(sti).stem}-{h}"


def kopier(sti: Path, anledning: str) -> list[Path]:
    """All copies of this file taken for this reason ('dagligt', 'foer-migrering-v1'), oldest first."""
    mappe = kopi_mappe()
    if not mappe.is_dir():
        return []
    prefix = _noegle(sti) + "-"
    return sorted(p for p in mappe.glob(f"{prefix}*-{anledning}.takst") if p.name.startswith(prefix))


def har_dagens_kopi(sti: Path, nu: datetime | None = None) -> bool:
    dag = (nu or datetime.now()).strftime("%Y%m%d")
    return any(p.name[len(_noegle(sti)) + 1:].startswith(dag) for p in kopier(sti, "dagligt"))


def tag_kopi(conn: sqlite3.Connection, sti: Path, anledning: str, nu: datetime | None = None) -> Path:
    """Copy the open database with the SQLite backup API; old copies beyond the limit are removed."""
    mappe = kopi_mappe()
    mappe.mkdir(parents=True, exist_ok=True)
    stempel = (nu or datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    maal = mappe / f"{_noegle(sti)}-{stempel}-{anledning}.takst"
    tmp = maal.with_suffix(".tmp")
    dst = sqlite3.connect(str(tmp))
    try:
        conn.backup(dst)
    finally:
        dst.close()
    os.replace(tmp, maal)
    behold = BEHOLD_DAGLIGE if anledning == "dagligt" else BEHOLD_MIGRERING
    gamle = kopier(sti, anledning)
    for p in gamle[: max(0, len(gamle) - behold)]:
        try:
            p.unlink()
        except OSError:
            pass
    return maal
