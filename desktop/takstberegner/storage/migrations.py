"""Schema versions of the .takst file and the steps between them (PRAGMA user_version).

A new file is made by creating version 1 (schema.py) and running every step up to the current
version, so each step is exercised on every new file as well as on old files. A step runs inside
the caller's write transaction: a migration either completes or leaves the file as it was.

Versions:
  1  the first release: data tables and metadata (created, changed, schema version).
  2  metadata.app_version (which Takstberegner last saved the file) and indexes on
     (parent, position) for every child table, which keep loading fast for large budgets.
  3  the fields of SPEC v2: the P/L-fremskrivning among the satser, an overheadpulje's kategori,
     a tilbud's første driftsår and lovhjemlet objektiv finansiering (andel and fordeling), a
     ydelse's own belægning (with its actual years) and korte forløb. Every new column is
     nullable or has a default, so an older file reads exactly as before.
"""
from __future__ import annotations

import sqlite3
from typing import Callable

from takstberegner.storage.schema import APPLICATION_ID, PULJE_BOERN, SKEMA_V1, TILBUD_BOERN, child_ddl

SKEMA_VERSION = 3


def _til_v2(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE metadata ADD COLUMN app_version TEXT NOT NULL DEFAULT ''")
    for t in TILBUD_BOERN:
        conn.execute(f"CREATE INDEX ix_{t}_tilbud ON {t}(tilbud_nr, position)")
    for t in PULJE_BOERN:
        conn.execute(f"CREATE INDEX ix_{t}_pulje ON {t}(overheadpulje_nr, position)")
    conn.execute("CREATE INDEX ix_tillaeg_tidsrum_tillaeg ON tillaeg_tidsrum(tillaegsydelse_nr, position)")


def _til_v3(conn: sqlite3.Connection) -> None:
    for stmt in (
        "ALTER TABLE grundlag ADD COLUMN pl_fremskrivning_pct TEXT",
        "ALTER TABLE overheadpulje ADD COLUMN kategori TEXT",
        "ALTER TABLE tilbud ADD COLUMN foerste_driftsaar INTEGER",
        "ALTER TABLE tilbud ADD COLUMN objektiv_andel_pct TEXT",
        "ALTER TABLE ydelse ADD COLUMN korte_forloeb INTEGER NOT NULL DEFAULT 0 CHECK (korte_forloeb IN (0, 1))",
        "ALTER TABLE ydelse ADD COLUMN belaegning_metode TEXT",
        "ALTER TABLE ydelse ADD COLUMN belaegning_pct TEXT",
        "ALTER TABLE ydelse ADD COLUMN belaegning_begrundelse TEXT",
        child_ddl("objektiv_fordeling", "modtager TEXT NOT NULL, vaerdi TEXT NOT NULL"),
        child_ddl("ydelse_belaegning_aar", "aar INTEGER NOT NULL, pct TEXT NOT NULL", parent="ydelse"),
        "CREATE INDEX ix_objektiv_fordeling_tilbud ON objektiv_fordeling(tilbud_nr, position)",
        "CREATE INDEX ix_ydelse_belaegning_aar_ydelse ON ydelse_belaegning_aar(ydelse_nr, position)",
    ):
        conn.execute(stmt)


# version -> the step that brings a file from version-1 to version.
TRIN: dict[int, Callable[[sqlite3.Connection], None]] = {2: _til_v2, 3: _til_v3}


def opret_skema(conn: sqlite3.Connection, version: int = SKEMA_VERSION) -> None:
    """Create the tables of `version` in an empty database (inside the caller's transaction)."""
    for stmt in SKEMA_V1.split(";"):
        if stmt.strip():
            conn.execute(stmt)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    migrer(conn, 1, version)


def migrer(conn: sqlite3.Connection, fra: int, til: int = SKEMA_VERSION) -> None:
    """Run the steps fra+1 .. til (inside the caller's transaction) and record each version."""
    for v in range(fra + 1, til + 1):
        TRIN[v](conn)
        conn.execute(f"PRAGMA user_version = {v}")
        conn.execute("UPDATE metadata SET skemaversion = ?", (v,))
