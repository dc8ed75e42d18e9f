"""A .takst file is treated as hostile (issue 9 item 4): schema objects the program did not make
are refused and the file is not changed (no journal, no backup, no migration); a value of the
wrong type is "beskadiget", naming the place in Danish, never a decimal traceback; sizes are
bounded; the lock is taken on the resolved path and on the file's identity."""
from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from takstberegner.domain import aendringer as ae
from takstberegner.storage import LagerFejl, TakstFil, backup, kontrol, laes_grundlag
from takstberegner.storage.laas import identitets_sti, laas_sti
from takstberegner.storage.repository import skriv_ny_fil

KOMMANDO = Path(sys.executable).parent / "takstberegner"


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _sql(fil: Path, *saetninger: str, writable_schema: bool = False) -> None:
    c = sqlite3.connect(fil, isolation_level=None)
    if writable_schema:
        c.execute("PRAGMA writable_schema = ON")
    c.execute("PRAGMA ignore_check_constraints = ON")
    for s in saetninger:
        c.execute(s)
    c.close()


def _afvises(fil: Path, *tekster: str) -> str:
    """Refused by opening and by reading; nothing next to the file, in it or in the backups changes."""
    foer, mappe_foer = _sha(fil), sorted(os.listdir(fil.parent))
    kopier_foer = sorted(os.listdir(backup.kopi_mappe())) if backup.kopi_mappe().is_dir() else []
    with pytest.raises(LagerFejl) as e:
        TakstFil.aabn(fil)
    with pytest.raises(LagerFejl) as e2:
        laes_grundlag(fil)
    assert e2.value.besked == e.value.besked
    for t in tekster:
        assert t in e.value.besked, e.value.besked
    assert _sha(fil) == foer
    assert sorted(os.listdir(fil.parent)) == mappe_foer  # no journal, no lock file left behind
    nu = sorted(os.listdir(backup.kopi_mappe())) if backup.kopi_mappe().is_dir() else []
    assert nu == kopier_foer  # no backup of a refused file
    assert not any(x in e.value.besked for x in ("malformed", "no such", "NULL value", "constraint", "Decimal",
                                                  "InvalidOperation", "ConversionSyntax"))
    return e.value.besked


@pytest.fixture
def fil(tmp_path, grundlag):
    d = tmp_path / "filer"
    d.mkdir()
    p = d / "a.takst"
    TakstFil.opret(p, grundlag).luk()
    for k in backup.kopi_mappe().glob("*"):
        k.unlink()  # the opening's daily copy: the checks below see whether a refused file gets one
    return p


# ---------------------------------------------------------------- schema objects
def test_udloeser_fra_issue_afvises_og_sletter_intet(fil):
    _sql(fil, "CREATE TRIGGER x AFTER UPDATE ON metadata BEGIN DELETE FROM omkostningslinje; END")
    besked = _afvises(fil, "udløser (trigger) 'x' på tabellen 'metadata'", "ikke har lavet", "ikke ændret")
    assert besked.startswith("Filen a.takst åbnes ikke")
    c = sqlite3.connect(fil)
    assert c.execute("SELECT count(*) FROM omkostningslinje").fetchone()[0] == 9
    c.close()


@pytest.mark.parametrize("sql, tekst", [
    ("CREATE TRIGGER slet AFTER INSERT ON omkostningslinje BEGIN DELETE FROM anlaeg; END",
     "udløser (trigger) 'slet' på tabellen 'omkostningslinje'"),
    ("CREATE VIEW v AS SELECT * FROM tilbud", "visning (view) 'v'"),
    ("CREATE TABLE ekstra (x)", "tabel 'ekstra'"),
    ("CREATE INDEX ix_ekstra ON tilbud(navn)", "indeks 'ix_ekstra' på tabellen 'tilbud'"),
    ("CREATE TEMP TABLE t (x)", None),  # temporary: never in the file, nothing to refuse
])
def test_fremmede_skemaobjekter(fil, grundlag, sql, tekst):
    _sql(fil, sql)
    if tekst is None:
        assert laes_grundlag(fil) == grundlag
        return
    _afvises(fil, tekst, "som Takstberegner ikke har lavet")


def test_aendret_og_manglende_tabel(fil):
    _sql(fil, "DROP INDEX ix_anlaeg_tilbud", "ALTER TABLE omkostningslinje ADD COLUMN skjult TEXT")
    _afvises(fil, "tabel 'omkostningslinje' er ændret", "indeks 'ix_anlaeg_tilbud' på tabellen 'anlaeg' mangler")


def test_gammel_fil_med_udloeser_migreres_ikke(tmp_path, grundlag):
    (tmp_path / "filer").mkdir()
    p = tmp_path / "filer" / "gammel.takst"
    skriv_ny_fil(p, grundlag, version=1)
    _sql(p, "CREATE TRIGGER x AFTER UPDATE ON metadata BEGIN DELETE FROM omkostningslinje; END")
    _afvises(p, "udløser (trigger) 'x'")
    c = sqlite3.connect(p)
    assert c.execute("PRAGMA user_version").fetchone()[0] == 1
    c.close()
    assert not backup.kopier(p, "foer-migrering-v1")


def test_reference_skemaet_er_programmets_eget(tmp_path, grundlag):
    """A new file and a migrated old file both match the reference of the current version."""
    from takstberegner.storage.migrations import SKEMA_VERSION

    for version in range(1, SKEMA_VERSION + 1):
        p = tmp_path / f"v{version}.takst"
        skriv_ny_fil(p, grundlag, version=version)
        c = sqlite3.connect(p)
        kontrol.kontroller_skema(c, version)
        c.close()
        with TakstFil.aabn(p) as f:  # migrated on opening
            kontrol.kontroller_skema(f._conn, SKEMA_VERSION)
            assert f.hent() == grundlag


# ---------------------------------------------------------------- values of the wrong type
STED = "Bostedet Nord › Budget › linje 1 › Beløb"


@pytest.mark.parametrize("saetninger, tekster", [
    (["UPDATE omkostningslinje SET beloeb = 'abc' WHERE position = 0"], [STED, "'abc', som ikke er et tal"]),
    (["UPDATE omkostningslinje SET beloeb = 'Inf x' WHERE position = 0"], [STED, "'Inf x', som ikke er et tal"]),
    (["UPDATE omkostningslinje SET beloeb = '1.2.3' WHERE position = 0"], [STED, "'1.2.3', som ikke er et tal"]),
    (["UPDATE omkostningslinje SET beloeb = X'00FF' WHERE position = 0"], [STED, "binære data"]),
    (["UPDATE omkostningslinje SET vagtlag = 2 WHERE position = 0"],
     ["Bostedet Nord › Budget › linje 1 › Fagpersonale i vagtlag", "ja eller nej"]),
    (["UPDATE tilbud SET pladser = 2.5"], ["Bostedet Nord › Pladser", "kommatal"]),
    (["UPDATE tilbud SET pladser = 'mange'"], ["Bostedet Nord › Pladser", "tekst, hvor der skal stå et helt tal"]),
    (["UPDATE tilbud SET pladser = 1099511627776"], ["Bostedet Nord › Pladser", "1099511627776", "uden for"]),
    (["UPDATE anlaeg SET ibrugtagning = '2020-13-45' WHERE position = 1"],
     ["Bostedet Nord › Anlæg", "Ibrugtagning", "'2020-13-45', som ikke er en dato"]),
    (["UPDATE grundlag SET rente_anlaeg_pct = 'fem'"], ["Satser › Rente til forrentning af anlæg", "'fem'"]),
    (["UPDATE grundlag SET takstaar = 'næste år'"], ["Takstår", "tekst, hvor der skal stå et helt tal"]),
    (["UPDATE metadata SET aendret = 'i går'"], ["Filens oplysninger › Sidst gemt"]),
    (["UPDATE tilbud SET enheder_enhed = 'time', enheder_antal = NULL"], ["Bostedet Nord › Enheder › Antal", "mangler"]),
    (["DELETE FROM grundlag"], ["driftsherre og satser mangler"]),
    # beyond what any door accepts (formats.laeser.urimelig): abs() of it overflowed the validation
    (["UPDATE omkostningslinje SET beloeb = '1E+999999999' WHERE position = 0"], [STED, "'1E+999999999'"]),
    (["UPDATE omkostningslinje SET beloeb = '-1E+999999999' WHERE position = 0"], [STED, "'-1E+999999999'"]),
    (["UPDATE omkostningslinje SET beloeb = '1E-999999999' WHERE position = 0"], [STED, "'1E-999999999'"]),
    (["UPDATE overheadpulje SET beloeb = '1E+101'"], ["Overhead", "'1E+101'"]),
    # not a number at all: every ordering comparison with it raises (the app's overview, its tables)
    (["UPDATE omkostningslinje SET beloeb = 'NaN' WHERE position = 0"], [STED, "'NaN', som ikke er et tal"]),
    (["UPDATE omkostningslinje SET beloeb = '-nan' WHERE position = 0"], [STED, "'-nan', som ikke er et tal"]),
    (["UPDATE omkostningslinje SET beloeb = 'sNaN' WHERE position = 0"], [STED, "'sNaN', som ikke er et tal"]),
    (["UPDATE omkostningslinje SET beloeb = '+sNaN123' WHERE position = 0"], [STED, "'+sNaN123'"]),
    (["UPDATE grundlag SET rente_anlaeg_pct = 'NaN'"], ["Satser › Rente til forrentning af anlæg", "'NaN'"]),
    # text that is not UTF-8 (Python cannot decode it): named, not "databasen kunne ikke læses"
    (["UPDATE omkostningslinje SET tekst = CAST(X'41FF42' AS TEXT) WHERE position = 0"],
     ["Bostedet Nord › Budget › linje 1 › Tekst indeholder tegn, der ikke kan læses"]),
    (["UPDATE tilbud SET navn = CAST(X'EDA080' AS TEXT)"], ["Tilbud 1 › Navn indeholder tegn, der ikke kan læses"]),
    (["UPDATE grundlag SET driftsherre_navn = CAST(X'C0AF' AS TEXT)"],
     ["Driftsherre › Navn indeholder tegn, der ikke kan læses"]),
    (["UPDATE omkostningslinje SET beloeb = CAST(X'31FF' AS TEXT) WHERE position = 0"],
     [STED, "tegn, der ikke kan læses"]),
    # another fault in a tilbud whose name cannot be decoded: the place and the value still named
    (["UPDATE tilbud SET navn = CAST(X'41FF' AS TEXT)",
      "UPDATE omkostningslinje SET beloeb = CAST(X'616263FF' AS TEXT) WHERE position = 0"],
     ["Tilbud 1 › Budget › linje 1 › Beløb indeholder 'abc\ufffd', som ikke er et tal"]),
])
def test_forkert_type_er_beskadiget_med_sted(fil, saetninger, tekster):
    _sql(fil, *saetninger)
    besked = _afvises(fil, "beskadiget", *tekster)
    assert besked.startswith("Filen a.takst er beskadiget og kan ikke åbnes (")


@pytest.mark.parametrize("vaerdi", ["Infinity", "-Infinity", "1E+30", "-0.000"])
def test_forkert_vaerdi_af_rette_type_aabner(fil, vaerdi):
    """A value the validation refuses is not damage: the file opens so the user can mend it."""
    _sql(fil, f"UPDATE omkostningslinje SET beloeb = '{vaerdi}' WHERE position = 0")
    with TakstFil.aabn(fil) as f:
        assert str(f.hent().tilbud[0].omkostninger[0].beloeb) == vaerdi


def test_null_hvor_en_vaerdi_kraeves(fil):
    # NOT NULL cannot be broken by an UPDATE; a hostile writer edits the schema text around it.
    gammel = "beloeb TEXT NOT NULL"
    _sql(fil, f"UPDATE sqlite_master SET sql = replace(sql, '{gammel}', 'beloeb TEXT     ') "
              "WHERE name = 'omkostningslinje'", writable_schema=True)
    _sql(fil, "UPDATE omkostningslinje SET beloeb = NULL WHERE position = 2")
    _sql(fil, f"UPDATE sqlite_master SET sql = replace(sql, 'beloeb TEXT     ', '{gammel}') "
              "WHERE name = 'omkostningslinje'", writable_schema=True)
    _afvises(fil, "Bostedet Nord › Budget › linje 3 › Beløb mangler")


def test_skemaets_navn_er_ikke_utf8(fil, tmp_path):
    """Found by flipping bytes: an index name in sqlite_master that is not UTF-8 made SQLite's
    'malformed database schema (ix\xf9...)' undecodable, and Python raised UnicodeDecodeError, not
    sqlite3.Error: a traceback in the app and 'uventet programfejl' (exit 70) from the command."""
    _sql(fil, "UPDATE sqlite_master SET name = 'ix' || CAST(X'F9' AS TEXT) || 'resultat_tilbud' "
              "WHERE name = 'ix_resultat_tilbud'", writable_schema=True)
    _afvises(fil, "beskadiget", "filens tabeldefinitioner er ødelagte")
    r = subprocess.run([str(KOMMANDO), "kontroller", str(fil)], capture_output=True, timeout=120,
                       env={**os.environ, "TAKSTBEREGNER_DATA": str(tmp_path / "data")})
    fejl = r.stderr.decode("utf-8")
    assert r.returncode == 2 and "tabeldefinitioner er ødelagte" in fejl and "Traceback" not in fejl, fejl


def test_kommandoen_giver_beskadiget_uden_traceback(fil, tmp_path):
    _sql(fil, "UPDATE omkostningslinje SET beloeb = 'abc' WHERE position = 0")
    for args in (["beregn", fil], ["kontroller", fil], ["eksporter", fil], ["rapport", fil, "-o", tmp_path / "r.pdf"]):
        r = subprocess.run([str(KOMMANDO), *map(str, args)], capture_output=True, timeout=120,
                           env={**os.environ, "TAKSTBEREGNER_DATA": str(tmp_path / "data")})
        fejl = r.stderr.decode("utf-8")
        assert r.returncode == 2 and fejl.count("\n") == 1, fejl
        assert "beskadiget" in fejl and STED in fejl and "Traceback" not in fejl and "decimal" not in fejl


def test_aendring_i_fil_med_udloeser_naar_aldrig_filen(fil, grundlag):
    """What the issue saw: the import 'succeeded' and the trigger emptied the budget."""
    _sql(fil, "CREATE TRIGGER x AFTER UPDATE ON metadata BEGIN DELETE FROM omkostningslinje; END")
    with pytest.raises(LagerFejl):
        with TakstFil.aabn(fil) as f:
            f.anvend(ae.OpdaterTilbud.af(grundlag.tilbud[0].id, bemaerkninger="x"))
    c = sqlite3.connect(fil)
    assert c.execute("SELECT count(*) FROM omkostningslinje").fetchone()[0] == 9
    c.close()


def test_import_med_kommandoen_i_fil_med_udloeser(fil, tmp_path):
    """The issue's case through the installed command: the import reported success and the trigger
    emptied the budget. Now the command refuses the file (exit 2) and the budget is as it was."""
    _sql(fil, "CREATE TRIGGER x AFTER UPDATE ON metadata BEGIN DELETE FROM omkostningslinje; END")
    csv = tmp_path / "budget.csv"
    csv.write_bytes("Konto;Tekst;Beløb\r\n1.1;Løn pædagoger;6.500.000,00\r\n".encode("cp1252"))
    foer = _sha(fil)
    r = subprocess.run([str(KOMMANDO), "importer", str(csv), "--til", str(fil), "--tilbud-id", "T1", "--ja"],
                       capture_output=True, timeout=120, env={**os.environ, "TAKSTBEREGNER_DATA": str(tmp_path / "d")})
    fejl = r.stderr.decode("utf-8")
    assert r.returncode == 2 and "udløser (trigger) 'x'" in fejl and "importeret" not in r.stdout.decode("utf-8")
    assert _sha(fil) == foer


# ---------------------------------------------------------------- bounded time and memory
_MAALT = """
import resource, subprocess, sys, time
t = time.perf_counter()
r = subprocess.run(sys.argv[1:], capture_output=True)
print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, time.perf_counter() - t)
sys.stderr.write(r.stderr.decode("utf-8"))
"""


def _maal(tmp_path, *args) -> tuple[int, int, float, str]:
    r = subprocess.run([sys.executable, "-c", _MAALT, str(KOMMANDO), *map(str, args)], capture_output=True,
                       timeout=300, env={**os.environ, "TAKSTBEREGNER_DATA": str(tmp_path / "data")})
    kode, kb, sek = r.stdout.decode().split()
    return int(kode), int(kb), float(sek), r.stderr.decode("utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("mb, tekst", [
    (100, "fylder 95 MB, langt mere end en takstfil"),          # the whole file is over the limit
    (30, "Bostedet Nord › Bemærkninger er over 1 MB"),          # one value is over SQLite's length limit
])
def test_stor_celle_afvises_uden_at_blive_laest(fil, tmp_path, mb, tekst):
    c = sqlite3.connect(fil, isolation_level=None)
    c.execute("UPDATE tilbud SET bemaerkninger = ?", ("x" * (mb * 1_000_000),))
    c.close()
    kode, kb, sek, fejl = _maal(tmp_path, "kontroller", fil)
    assert kode == 2 and tekst in fejl, fejl
    assert kb < 80_000, f"{kb} kB"  # the value was never loaded (the command alone: ~60 MB)
    _afvises(fil, tekst)


@pytest.mark.slow
def test_absurd_antal_raekker(fil, tmp_path):
    c = sqlite3.connect(fil, isolation_level=None)
    c.execute("BEGIN")
    c.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 600000) "
              "INSERT INTO noegletal (tilbud_nr, position, navn, vaerdi) SELECT 1, i + 10, 'm2', '1' FROM n")
    c.execute("COMMIT")
    c.close()
    kode, kb, sek, fejl = _maal(tmp_path, "beregn", fil)
    assert kode == 2 and "over 100.000 rækker" in fejl, fejl
    assert sek < 10
    _afvises(fil, "over 100.000 rækker")


_TILBUD = ("INSERT INTO tilbud (position, id, navn, paragraf, kategori, tilbudstype, pladser, takststruktur, "
           "tilbudsportal_id, korte_forloeb, nyt_tilbud, driftskapital, bemaerkninger) "
           "SELECT i + 10, 'X' || i, 'n', '107', 1, 'x', 1, 'x', '', 0, 0, 0, '' FROM n")
_PULJER = ("INSERT INTO overheadpulje (position, id, navn, beloeb, noegle, driftsandel_pct, omfang_alle) "
           "SELECT i + 10, 'P' || i, 'p', '1000', 'pladser', '100', 1 FROM n")


def _n_raekker(fil: Path, n: int, sql: str) -> None:
    _sql(fil, f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {n}) {sql}")


def _antal(fil: Path, tabel: str) -> int:
    c = sqlite3.connect(fil)
    n = c.execute(f"SELECT count(*) FROM {tabel}").fetchone()[0]
    c.close()
    return n


@pytest.mark.parametrize("sql, tabel, antal, tekst", [
    (_TILBUD, "tilbud", 1_002, "den har 1.002 tilbud, langt flere end en driftsherre kan have (højst 1.000)"),
    (_PULJER, "overheadpulje", 1_003, "den har 1.003 overheadpuljer, langt flere end en driftsherre kan have"),
])
def test_urimeligt_mange_tilbud_eller_puljer(fil, sql, tabel, antal, tekst):
    """60.000 tilbud (1 MB of rows, far under the row cap) took `kontroller` 230 s: parts of the use
    cases go through all tilbud once per tilbud. Tilbud and puljer are capped at 1.000 each."""
    _n_raekker(fil, antal - _antal(fil, tabel), sql)
    _afvises(fil, "beskadiget", tekst)


@pytest.mark.slow
def test_tusind_tilbud_aabnes_og_kontrolleres_hurtigt(fil, tmp_path):
    _n_raekker(fil, 1_000 - _antal(fil, "tilbud"), _TILBUD)
    kode, kb, sek, fejl = _maal(tmp_path, "kontroller", fil)
    assert kode == 1 and not fejl, fejl
    assert sek < 30 and kb < 200_000, (sek, kb)


def test_alt_for_stor_fil(fil):
    with open(fil, "r+b") as f:
        f.truncate(kontrol.MAKS_FIL + 4096)  # sparse: costs no disk
    foer, mappe_foer = fil.stat(), sorted(os.listdir(fil.parent))
    for aabn in (TakstFil.aabn, laes_grundlag):
        with pytest.raises(LagerFejl, match=f"fylder {kontrol.MAKS_FIL // 2**20} MB, langt mere end en takstfil"):
            aabn(fil)
    efter = fil.stat()
    assert (efter.st_size, efter.st_mtime_ns) == (foer.st_size, foer.st_mtime_ns)
    assert sorted(os.listdir(fil.parent)) == mappe_foer


# ---------------------------------------------------------------- the lock
@pytest.mark.skipif(os.name == "nt", reason="symlinks need rights on Windows")
def test_laas_gaelder_ogsaa_gennem_symlink_og_andre_stavemaader(fil):
    link = fil.parent / "andet-navn.takst"
    os.symlink(fil.name, link)
    (fil.parent / "under").mkdir()
    with TakstFil.aabn(fil):
        for andet in (link, fil.parent / "under" / ".." / "a.takst"):
            with pytest.raises(LagerFejl, match="åbnet i en anden Takstberegner"):
                TakstFil.aabn(andet)
    with TakstFil.aabn(link) as f:  # opened through the link: the lock sits by the real file
        assert laas_sti(fil).exists() and not laas_sti(link).exists()
        with pytest.raises(LagerFejl, match="åbnet i en anden Takstberegner"):
            TakstFil.aabn(fil)
        assert f.hent().takstaar
    assert not laas_sti(fil).exists()


def test_laas_gaelder_ogsaa_for_en_haard_link(fil):
    haard = fil.parent / "haard.takst"
    os.link(fil, haard)
    with TakstFil.aabn(fil):
        assert identitets_sti(fil).exists()
        with pytest.raises(LagerFejl, match="åbnet i en anden Takstberegner") as e:
            TakstFil.aabn(haard)
        assert f"proces {os.getpid()}" in e.value.besked
        assert not laas_sti(haard).exists()  # the refused opening left nothing behind
    assert not identitets_sti(fil).exists()
    TakstFil.aabn(haard).luk()


@pytest.mark.skipif(os.name == "nt", reason="symlinks need rights on Windows")
@pytest.mark.parametrize("art", ["symlink", "haard"])
def test_laasefil_der_peger_paa_en_anden_fil_roeres_ikke(fil, tmp_path, art):
    """A hostile archive can hold `a.takst.laas` beside the document, linked to a file of the
    user's: opening wrote who holds the lock into that file (truncating it). Now the opening is
    refused in Danish and the other file, the document and the link are left as they were."""
    offer = tmp_path / "vigtig.txt"
    offer.write_text("vigtigt indhold\n", encoding="utf-8")
    laas = laas_sti(fil)
    (os.symlink if art == "symlink" else os.link)(offer, laas)
    foer = _sha(fil)
    with pytest.raises(LagerFejl) as e:
        TakstFil.aabn(fil)
    assert "ved siden af den ligger a.takst.laas, som Takstberegner ikke har lavet" in e.value.besked
    assert "Filen er ikke ændret" in e.value.besked
    assert offer.read_text(encoding="utf-8") == "vigtigt indhold\n"
    assert _sha(fil) == foer and os.path.lexists(laas) and not identitets_sti(fil).exists()
    assert laes_grundlag(fil).takstaar  # reading takes no lock
    laas.unlink()
    TakstFil.aabn(fil).luk()  # with the link gone the file opens
    assert offer.read_text(encoding="utf-8") == "vigtigt indhold\n"


@pytest.mark.skipif(os.name == "nt", reason="symlinks need rights on Windows")
def test_journal_der_er_en_genvej_naevnes(fil, tmp_path):
    """A journal beside the document that is a symbolic link: SQLite refuses it, and the opening
    said 'Filen a.takst kan ikke åbnes: filen kan ikke åbnes', `kontroller` that the file was not
    saved completely and should be opened in Takstberegner (which failed). Now both name it."""
    offer = tmp_path / "vigtig.txt"
    offer.write_text("vigtigt indhold\n", encoding="utf-8")
    os.symlink(offer, fil.with_name(fil.name + "-journal"))
    _afvises(fil, "ved siden af den ligger a.takst-journal, som Takstberegner ikke har lavet", "ikke ændret")
    assert offer.read_text(encoding="utf-8") == "vigtigt indhold\n"


# ---------------------------------------------------------------- every table has a Danish name
def _alle_tabeller_fyldt(grundlag):
    """Example 1 with a row in every table of the current schema (v2 fields, fordeling, fast andele)."""
    from dataclasses import replace
    from decimal import Decimal as D

    from test_storage.test_v2_felter import med_v2

    g = med_v2(grundlag)
    t = replace(g.tilbud[0], fordeling=(("Aalborg", D("3")), ("Hjørring", D("1"))))
    p = g.overheadpuljer[0]
    p = replace(p, noegle="fast", omfang=(t.id,), andele=((t.id, D("100")),))
    return replace(g, tilbud=(t,) + g.tilbud[1:], overheadpuljer=(p,) + g.overheadpuljer[1:])


def test_hver_tabel_i_skemaet_har_et_dansk_navn():
    """storage/kontrol.py names a damaged row by its collection in Danish; a table added by a
    migration (schema 3: ydelse_belaegning_aar, objektiv_fordeling) must get its name too."""
    from takstberegner.storage.migrations import SKEMA_VERSION

    tabeller = set(kontrol.reference(SKEMA_VERSION).kolonner)
    assert {"ydelse_belaegning_aar", "objektiv_fordeling"} <= tabeller
    assert tabeller - kontrol.ENKELTE <= set(kontrol._SAMLING), tabeller - kontrol.ENKELTE - set(kontrol._SAMLING)


def test_beskadiget_raekke_i_hver_tabel_naevnes_paa_dansk(tmp_path, grundlag):
    from takstberegner.storage.migrations import SKEMA_VERSION

    ref = kontrol.reference(SKEMA_VERSION)
    g = _alle_tabeller_fyldt(grundlag)
    for tabel in sorted(ref.kolonner):
        p = tmp_path / f"{tabel}.takst"
        TakstFil.opret(p, g).luk()
        kol = next(k.navn for k in ref.kolonner[tabel] if k.art not in ("noegle",) and k.navn != "position")
        c = sqlite3.connect(p, isolation_level=None)
        assert c.execute(f"SELECT count(*) FROM {tabel}").fetchone()[0] > 0, tabel
        c.close()
        _sql(p, f"UPDATE {tabel} SET {kol} = X'00FF' WHERE rowid = (SELECT min(rowid) FROM {tabel})")
        besked = _afvises(p, "binære data")
        sted = besked[besked.index("(") + 1:besked.index(" indeholder")]
        assert "_" not in sted and "[" not in sted, (tabel, sted)
    assert "Ydelser › ydelse 1 › Belægning › Faktisk belægning › nr. 1 › År" in _sted_af(tmp_path, "ydelse_belaegning_aar")
    assert "Objektiv finansiering › Fordeling › nr. 1 › Modtager" in _sted_af(tmp_path, "objektiv_fordeling")


def _sted_af(mappe: Path, tabel: str) -> str:
    with pytest.raises(LagerFejl) as e:
        TakstFil.aabn(mappe / f"{tabel}.takst")
    return e.value.besked
