"""Files that must not be opened get a clear Danish message, and are never changed."""
from __future__ import annotations

import hashlib
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from takstberegner.storage import LagerFejl, TakstFil, laes_grundlag
from takstberegner.storage.laas import laas_sti
from takstberegner.storage.schema import APPLICATION_ID


def _sha(p) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _afvises(fil, tekst: str) -> LagerFejl:
    foer = _sha(fil)
    indhold_foer = sorted(os.listdir(fil.parent))
    with pytest.raises(LagerFejl) as e:
        TakstFil.aabn(fil)
    assert tekst in e.value.besked
    assert str(e.value) == e.value.besked
    assert _sha(fil) == foer
    assert sorted(os.listdir(fil.parent)) == indhold_foer  # no journal, no lock file left
    return e.value


@pytest.fixture
def fil(tmp_path, grundlag):
    d = tmp_path / "filer"
    d.mkdir()
    p = d / "a.takst"
    TakstFil.opret(p, grundlag).luk()
    return p


def test_tekstfil_er_ikke_en_takstfil(tmp_path):
    p = tmp_path / "x.takst"
    p.write_text('{"format": "takstgrundlag/1"}', encoding="utf-8")
    _afvises(p, "ikke en Takstberegner-fil")
    tom = tmp_path / "tom.takst"
    tom.write_bytes(b"")
    _afvises(tom, "ikke en Takstberegner-fil")


def test_anden_sqlite_database_er_ikke_en_takstfil(tmp_path):
    p = tmp_path / "anden.takst"
    c = sqlite3.connect(p)
    c.execute("CREATE TABLE t (x)")
    c.commit()
    c.close()
    _afvises(p, "er en database, men ikke en Takstberegner-fil")


def test_fil_fra_nyere_version(fil):
    c = sqlite3.connect(fil)
    c.execute("PRAGMA user_version = 99")
    c.commit()
    c.close()
    e = _afvises(fil, "nyere version af Takstberegner")
    assert "filformat 99" in e.besked
    with pytest.raises(LagerFejl, match="nyere version"):
        laes_grundlag(fil)


def test_beskadiget_fil(fil):
    data = bytearray(fil.read_bytes())
    assert len(data) > 8192
    for i in range(4096 + 8, len(data) - 100, 1024):  # scribble over the pages after the first
        data[i:i + 40] = b"\xff" * 40
    fil.write_bytes(bytes(data))
    _afvises(fil, "beskadiget")
    with pytest.raises(LagerFejl, match="beskadiget"):
        laes_grundlag(fil)


def test_afkortet_fil(fil):
    data = fil.read_bytes()
    fil.write_bytes(data[: len(data) // 2])
    _afvises(fil, "beskadiget")


@pytest.mark.skipif(os.name == "nt", reason="chmod")
def test_skrivebeskyttet_fil(fil):
    os.chmod(fil, 0o444)
    try:
        _afvises(fil, "skrivebeskyttet")
        assert laes_grundlag(fil).takstaar  # reading without editing still works
    finally:
        os.chmod(fil, 0o644)


def test_aaben_siger_hvornaar_i_dansk_tid(fil, monkeypatch):
    """The refusal names when the other copy opened the file in Danish time, said as every output
    says a time; before, the PC's clock (a PC set to New York said 06:10 for 12:10)."""
    import time
    from datetime import datetime, timezone
    from zoneinfo import ZoneInfo

    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        foer = datetime.now(timezone.utc)
        with TakstFil.aabn(fil):
            with pytest.raises(LagerFejl) as e:
                TakstFil.aabn(fil)
        efter = datetime.now(timezone.utc)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    minutter = {f"åbnet {t.astimezone(ZoneInfo('Europe/Copenhagen')):%d-%m-%Y} kl. "
                f"{t.astimezone(ZoneInfo('Europe/Copenhagen')):%H:%M})" for t in (foer, efter)}
    assert any(m in e.value.besked for m in minutter), e.value.besked


def test_fil_findes_ikke(tmp_path):
    with pytest.raises(LagerFejl, match="findes ikke"):
        TakstFil.aabn(tmp_path / "nej.takst")


def test_aaben_i_samme_proces_afvises(fil):
    with TakstFil.aabn(fil) as f:
        with pytest.raises(LagerFejl, match="åbnet i en anden Takstberegner") as e:
            TakstFil.aabn(fil)
        assert f"proces {os.getpid()}" in e.value.besked
        assert f.hent().takstaar  # the first opening is unaffected
        assert laes_grundlag(fil) == f.hent()  # `beregn` may still read it
    assert not laas_sti(fil).exists()
    TakstFil.aabn(fil).luk()


_HOLD = """
import sys, time
from takstberegner.storage import TakstFil
f = TakstFil.aabn(sys.argv[1])
print("aaben", flush=True)
sys.stdin.readline()
f.luk()
"""


def test_aaben_i_anden_proces_afvises_og_efterladt_laas_overtages(fil):
    p = subprocess.Popen([sys.executable, "-c", _HOLD, str(fil)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         text=True, env={**os.environ})
    try:
        assert p.stdout.readline().strip() == "aaben"
        with pytest.raises(LagerFejl, match="åbnet i en anden Takstberegner") as e:
            TakstFil.aabn(fil)
        assert f"proces {p.pid}" in e.value.besked
        p.kill()  # dies holding the lock: the lock file stays, the OS lock goes
        p.wait()
        assert laas_sti(fil).exists()
        with TakstFil.aabn(fil) as f:
            assert f.hent().takstaar
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()


def test_kopi_af_aaben_fil_er_komplet(fil, tmp_path):
    from takstberegner.domain import aendringer as ae

    with TakstFil.aabn(fil) as f:
        ny = f.anvend(ae.OpdaterTilbud.af(f.hent().tilbud[0].id, bemaerkninger="kopieret"))
        kopi = tmp_path / "kopi.takst"
        shutil.copyfile(fil, kopi)  # what Stifinder does while the app is open
    assert laes_grundlag(kopi) == ny
    c = sqlite3.connect(kopi)
    assert c.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    c.close()


def _wal(fil, med_log: bool):
    """The file switched to SQLite's write-ahead log by another program (Takstberegner never does),
    optionally with a change still in the log beside it, as when both files are copied or mailed."""
    c = sqlite3.connect(fil, isolation_level=None)
    c.execute("PRAGMA journal_mode = WAL")
    if not med_log:
        c.close()
        return
    c.execute("PRAGMA wal_autocheckpoint = 0")
    c.execute("UPDATE tilbud SET bemaerkninger = 'kun i loggen'")
    kopi = fil.parent / "kopi"
    kopi.mkdir()
    for p in fil.parent.glob("a.takst*"):
        shutil.copy(p, kopi / p.name)
    c.close()
    for p in fil.parent.glob("a.takst*"):
        p.unlink()
    for p in kopi.iterdir():
        p.rename(fil.parent / p.name)
    kopi.rmdir()


@pytest.mark.parametrize("med_log", [False, True])
def test_fil_i_wal_tilstand_afvises_uroert(fil, tmp_path, med_log):
    """Opening converted a write-ahead-log file to the program's rollback journal before any check:
    a refused file was changed (its log merged into it and deleted) and a read-only `kontroller`
    left -wal and -shm files beside it. Now it is refused before SQLite opens it."""
    _wal(fil, med_log)
    assert fil.read_bytes()[18:20] == b"\x02\x02"
    assert (fil.parent / "a.takst-wal").exists() == med_log
    foer = {p.name: _sha(p) for p in fil.parent.iterdir()}
    e = _afvises(fil, "ændret af et andet program end Takstberegner")
    assert "Filen er ikke ændret" in e.besked and "WAL" not in e.besked
    with pytest.raises(LagerFejl) as e2:
        laes_grundlag(fil)
    assert e2.value.besked == e.besked
    r = subprocess.run([str(Path(sys.executable).parent / "takstberegner"), "kontroller", str(fil)],
                       capture_output=True, timeout=120, env={**os.environ, "TAKSTBEREGNER_DATA": str(tmp_path / "d")})
    fejl = r.stderr.decode("utf-8")
    assert r.returncode == 2 and "ændret af et andet program" in fejl and "Traceback" not in fejl
    assert {p.name: _sha(p) for p in fil.parent.iterdir()} == foer


@pytest.mark.skipif(os.name == "nt", reason="named pipes and /dev")
def test_kanal_eller_enhed_er_ikke_en_mappe(tmp_path):
    """A named pipe or a link to a device was called 'en mappe'; it is refused unread, by its kind."""
    kanal = tmp_path / "kanal.takst"
    os.mkfifo(kanal)
    enhed = tmp_path / "nul.takst"
    os.symlink("/dev/zero", enhed)
    for p in (kanal, enhed):
        for aabn in (TakstFil.aabn, laes_grundlag):
            with pytest.raises(LagerFejl, match="er ikke en almindelig fil") as e:
                aabn(p)
            assert "mappe" not in e.value.besked
    mappe = tmp_path / "mappe.takst"
    mappe.mkdir()
    with pytest.raises(LagerFejl, match="er en mappe, ikke en takstfil"):
        TakstFil.aabn(mappe)


def _vend_bytes(data: bytes, seed: int) -> bytes:
    r = random.Random(seed)
    ud = bytearray(data)
    hoved = r.random() < 0.15  # now and then only the 100-byte header
    for _ in range(r.choice([1, 1, 2, 4, 16])):
        i = r.randrange(100) if hoved else r.randrange(len(ud))
        ud[i] = r.randrange(256) if r.random() < 0.5 else ud[i] ^ (1 << r.randrange(8))
    return bytes(ud)


def test_vendte_bytes_aabner_eller_giver_dansk_besked(tmp_path, grundlag):
    """Random bytes changed in a file with a row in every table (fixed seeds; 282 and 5091 are the
    ones that found a UnicodeDecodeError from SQLite's message about a name that is not UTF-8 and
    a TypeError when a row found by a scan of a broken tree was not there by its rowid): the file
    opens and the engine computes it, or it is refused in Danish and nothing is changed."""
    from takstberegner.tjeneste.beregning import beregn
    from test_storage.test_fjendtlig_fil import _alle_tabeller_fyldt

    kilde = tmp_path / "kilde.takst"
    TakstFil.opret(kilde, _alle_tabeller_fyldt(grundlag)).luk()
    data = kilde.read_bytes()
    for seed in [282, 5091, *range(60)]:
        mappe = tmp_path / f"s{seed}"
        mappe.mkdir()
        fil = mappe / "a.takst"
        vendt = _vend_bytes(data, seed)
        fil.write_bytes(vendt)
        for aabn in (laes_grundlag, TakstFil.aabn):
            try:
                x = aabn(fil)
            except LagerFejl as e:
                assert fil.read_bytes() == vendt and os.listdir(mappe) == ["a.takst"], (seed, e.besked)
                assert not any(w in e.besked for w in ("Error", "error", "malformed", "sqlite", "Traceback")), e.besked
                continue
            if isinstance(x, TakstFil):
                x, f = x.hent(), x
                f.luk()
            beregn(x)
            for p in mappe.iterdir():
                if p.name != "a.takst":
                    p.unlink()
