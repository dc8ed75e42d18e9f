"""Schema migrations by PRAGMA user_version, tested from every earlier version; backups."""
from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest

from takstberegner.storage import TakstFil, backup, laes_grundlag
from takstberegner.storage.migrations import SKEMA_VERSION, TRIN
from takstberegner.storage.repository import skriv_ny_fil


def _skema(fil) -> dict:
    c = sqlite3.connect(fil)
    ud = {}
    for (navn,) in c.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'index') ORDER BY name"):
        ud[navn] = [r[1:] for r in c.execute(f"PRAGMA table_info({navn})")] or "index"
    c.close()
    return ud


def _version(fil) -> int:
    c = sqlite3.connect(fil)
    try:
        return c.execute("PRAGMA user_version").fetchone()[0]
    finally:
        c.close()


def test_hver_version_har_et_trin():
    assert SKEMA_VERSION >= 2
    assert sorted(TRIN) == list(range(2, SKEMA_VERSION + 1))


@pytest.mark.parametrize("fra", range(1, SKEMA_VERSION))
def test_migrering_fra_hver_tidligere_version(tmp_path, grundlag, fra):
    gammel = tmp_path / "gammel.takst"
    skriv_ny_fil(gammel, grundlag, version=fra)
    assert _version(gammel) == fra
    ny = tmp_path / "ny.takst"
    TakstFil.opret(ny, grundlag).luk()
    assert _skema(gammel) != _skema(ny)

    assert laes_grundlag(gammel) == grundlag  # read-only reading migrates in memory only
    assert _version(gammel) == fra

    with TakstFil.aabn(gammel) as f:
        assert f.hent() == grundlag
        meta = f._conn.execute("SELECT skemaversion, app_version FROM metadata").fetchone()
        assert meta[0] == SKEMA_VERSION and meta[1]
    assert _version(gammel) == SKEMA_VERSION
    assert _skema(gammel) == _skema(ny)

    kopier = backup.kopier(gammel, f"foer-migrering-v{fra}")
    assert len(kopier) == 1
    assert _version(kopier[0]) == fra  # the copy is the file as it was before
    assert laes_grundlag(kopier[0]) == grundlag


def test_fejlende_migrering_efterlader_filen_uaendret(tmp_path, grundlag, monkeypatch):
    gammel = tmp_path / "gammel.takst"
    skriv_ny_fil(gammel, grundlag, version=1)
    foer = gammel.read_bytes()

    def fejl(conn):
        conn.execute("ALTER TABLE metadata ADD COLUMN app_version TEXT")
        conn.execute("CREATE INDEX ix ON findes_ikke(x)")

    monkeypatch.setitem(TRIN, 2, fejl)
    from takstberegner.storage import LagerFejl

    with pytest.raises(LagerFejl, match="kunne ikke gemmes"):
        TakstFil.aabn(gammel)
    assert gammel.read_bytes() == foer
    assert _version(gammel) == 1


def test_daglig_kopi_en_gang_pr_dag(tmp_path, grundlag, data_mappe):
    fil = tmp_path / "a.takst"
    TakstFil.opret(fil, grundlag).luk()
    TakstFil.aabn(fil).luk()
    TakstFil.aabn(fil).luk()
    kopier = backup.kopier(fil, "dagligt")
    assert len(kopier) == 1
    assert data_mappe in kopier[0].parents and kopier[0].parent.name == "sikkerhedskopier"
    assert laes_grundlag(kopier[0]) == grundlag
    # a copy from yesterday does not count for today
    kopier[0].rename(kopier[0].with_name(kopier[0].name.replace(
        datetime.now().strftime("%Y%m%d"), (datetime.now() - timedelta(days=1)).strftime("%Y%m%d"))))
    TakstFil.aabn(fil).luk()
    assert len(backup.kopier(fil, "dagligt")) == 2


def test_antal_kopier_er_begraenset(tmp_path, grundlag):
    fil = tmp_path / "a.takst"
    with TakstFil.opret(fil, grundlag) as f:
        start = datetime(2026, 1, 1)
        for i in range(backup.BEHOLD_DAGLIGE + 5):
            backup.tag_kopi(f._conn, fil, "dagligt", nu=start + timedelta(days=i))
    kopier = backup.kopier(fil, "dagligt")
    assert len(kopier) == backup.BEHOLD_DAGLIGE
    # the newest are kept: today's copy from the opening, and 7.-15. January
    assert [k.name.split("-")[2] for k in kopier] == [f"202601{d:02}" for d in range(7, 16)] + [
        datetime.now().strftime("%Y%m%d")]


def test_data_mappe_pr_platform(monkeypatch, tmp_path):
    monkeypatch.delenv("TAKSTBEREGNER_DATA")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(backup.sys, "platform", "linux")
    assert backup.kopi_mappe() == tmp_path / "xdg" / "takstberegner" / "sikkerhedskopier"
    monkeypatch.setattr(backup.sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "lad"))
    assert backup.kopi_mappe() == tmp_path / "lad" / "Takstberegner" / "sikkerhedskopier"
