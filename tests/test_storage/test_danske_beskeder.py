"""SQLite's and the operating system's English never reach a user (issue 11 item 7): real errors
from real files become Danish phrases inside the Danish message."""
from __future__ import annotations

import re
import sqlite3

import pytest

from takstberegner.fejltekst import os_fejl, sqlite_fejl
from takstberegner.storage import LagerFejl, TakstFil, laes_grundlag

ENGELSK = re.compile(r"malformed|\bdatabase\b|disk image|no such|\bnot a\b|file is|unable|error|locked|readonly|"
                     r"integrity|Page \d|btree|\brow \d|\bindex\b|NULL|constraint|Errno", re.IGNORECASE)


def _besked(fil) -> str:
    with pytest.raises(LagerFejl) as e:
        TakstFil.aabn(fil)
    with pytest.raises(LagerFejl) as e2:
        laes_grundlag(fil)
    for b in (e.value.besked, e2.value.besked):
        rest = b.split("Brug den seneste")[0]  # the backup folder's path may hold any word
        assert not ENGELSK.search(rest), b
    return e.value.besked


@pytest.fixture
def fil(tmp_path, grundlag):
    (tmp_path / "f").mkdir()
    p = tmp_path / "f" / "a.takst"
    TakstFil.opret(p, grundlag).luk()
    return p


def test_ødelagte_sider(fil):
    data = bytearray(fil.read_bytes())
    for i in range(4096 + 8, len(data) - 100, 1024):
        data[i:i + 40] = b"\xff" * 40
    fil.write_bytes(bytes(data))
    assert "beskadiget" in _besked(fil)


def test_afkortet(fil):
    data = fil.read_bytes()
    fil.write_bytes(data[: len(data) // 2])
    assert "beskadiget" in _besked(fil)


def test_oedelagt_skema(fil):
    c = sqlite3.connect(fil)
    c.execute("PRAGMA writable_schema = ON")
    c.execute("UPDATE sqlite_master SET sql = 'CREATE TABLE tilbud (' WHERE name = 'tilbud'")
    c.commit()
    c.close()
    assert "filens tabeldefinitioner er ødelagte" in _besked(fil)


@pytest.mark.parametrize("sql", ["CREATE INDEX ix_anlaeg_tilbud ON anlaeg(findes_ikke)",
                                 "CREATE INDEX ix_anlaeg_tilbud ON findes_ikke(tilbud_nr)"])
def test_oedelagt_skema_der_naevner_en_kolonne_eller_tabel(fil, sql):
    """Found by flipping bytes: 'malformed database schema (ix_...) - no such column: position' was
    told as 'en kolonne mangler i databasen', as if the file merely lacked a column."""
    c = sqlite3.connect(fil)
    c.execute("PRAGMA writable_schema = ON")
    c.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'ix_anlaeg_tilbud'", (sql,))
    c.commit()
    c.close()
    assert "filens tabeldefinitioner er ødelagte" in _besked(fil)


def test_sqlite_fejl_fra_rigtige_fejl(tmp_path):
    p = tmp_path / "tekst.db"
    p.write_bytes(b"ikke en database " * 100)
    c = sqlite3.connect(p)
    with pytest.raises(sqlite3.DatabaseError) as e:
        c.execute("SELECT * FROM sqlite_master").fetchall()
    c.close()
    assert sqlite_fejl(e.value) == "filen er ikke en database"
    c = sqlite3.connect(":memory:")
    with pytest.raises(sqlite3.OperationalError) as e:
        c.execute("SELECT * FROM findes_ikke")
    assert sqlite_fejl(e.value) == "en tabel mangler i databasen"


def test_os_fejl_fra_rigtige_fejl(tmp_path):
    with pytest.raises(OSError) as e:
        open(tmp_path / "findes-ikke.txt", "rb")
    assert os_fejl(e.value) == "filen eller mappen findes ikke"
    with pytest.raises(OSError) as e:
        open(tmp_path, "rb")
    assert os_fejl(e.value) in ("det er en mappe, ikke en fil", "adgang nægtet")
