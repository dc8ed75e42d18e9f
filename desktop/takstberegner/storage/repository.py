"""The .takst document file: create, open (checked, migrated, backed up, locked), read, and apply
one change at a time, each in its own transaction and on disk when the call returns.

Durability: rollback journal (journal_mode=DELETE) with synchronous=FULL, foreign_keys=ON on every
connection and BEGIN IMMEDIATE for writes. A committed change has been fsync'ed; a power cut in
the middle of a write is rolled back from the journal at the next opening; between writes the
.takst file alone is complete, so a user who copies or mails it gets everything.
"""
from __future__ import annotations

import logging
import os
import sqlite3
import stat
from datetime import datetime, timezone
from pathlib import Path
from typing import Sequence

from sqlite_utils import Database

from takstberegner import __version__
from takstberegner.domain import aendringer as ae
from takstberegner.domain.model import Takstgrundlag
from takstberegner.fejl import Fejl
from takstberegner.fejltekst import os_fejl, sqlite_fejl
from takstberegner.formats.filart import SQLITE as _SQLITE_MAGIC
from takstberegner.storage import backup, gem_aendring, kontrol, mapping
from takstberegner.storage.laas import FilLaas, FremmedLaasefil, Optaget
from takstberegner.storage.migrations import SKEMA_VERSION, migrer, opret_skema
from takstberegner.storage.schema import APPLICATION_ID

ENDELSE = ".takst"
log = logging.getLogger(__name__)
_logget_version = False
RAAD_IKKE_TAKSTFIL = "Vælg en takstfil, eller importér en takstgrundlag-fil (.json) eller et budget (.xlsx)."
# What a statement on a damaged file raises: sqlite3.Error, or UnicodeDecodeError when SQLite's
# message quotes bytes of the file that are not UTF-8 ("malformed database schema (ix\xf9...)").
_SQL_FEJL = (sqlite3.Error, UnicodeDecodeError)


class LagerFejl(Fejl):
    """A file that cannot be opened or saved; .besked is the Danish message for the user."""


class Skrivebeskyttet(LagerFejl):
    """The file, or the folder it lies in, may not be written (a file opened from a mail, a
    read-only share): it can still be read, and a copy saved elsewhere can be edited."""


def _nu() -> datetime:
    return datetime.now(timezone.utc)


def _forbind(sti: Path, skrivebeskyttet: bool = False) -> sqlite3.Connection:
    global _logget_version
    if not _logget_version:
        log.info("SQLite %s (Python sqlite3)", sqlite3.sqlite_version)
        _logget_version = True
    # check_same_thread=False: the app opens and checks a file in a worker thread (a large one takes
    # seconds) and then uses it from the GUI thread; never from two threads at once (SQLite is
    # built serialized, sqlite3.threadsafety 3)
    if skrivebeskyttet:
        conn = sqlite3.connect(f"{sti.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None, timeout=5,
                               check_same_thread=False)
    else:
        conn = sqlite3.connect(str(sti), isolation_level=None, timeout=5, check_same_thread=False)
    try:
        kontrol.begraens(conn)
        conn.execute("PRAGMA foreign_keys = ON")
        if not skrivebeskyttet:
            conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("PRAGMA synchronous = FULL")
    except BaseException:
        conn.close()  # a damaged file: no handle left open on it (Windows would keep it in use)
        raise
    return conn


def _tjek_hoved(sti: Path) -> int:
    """Recognise our file from its 100-byte header without opening it; the schema version. A file in
    write-ahead-log mode is refused here: opening it would merge its log into it before any check."""
    if not sti.exists():
        raise LagerFejl(f"Filen {sti} findes ikke.")
    if sti.is_dir():
        raise LagerFejl(f"{sti} er en mappe, ikke en takstfil.")
    if not sti.is_file():  # a named pipe or a device: reading it could wait for ever or never end
        raise LagerFejl(f"{sti} er ikke en almindelig fil, men fx en enhed eller en kanal, og ikke en takstfil.")
    try:
        with open(sti, "rb") as f:
            hoved = f.read(100)
            stoerrelse = os.fstat(f.fileno()).st_size
    except OSError as e:
        raise LagerFejl(f"Filen {sti.name} kan ikke læses: {os_fejl(e)}.") from None
    journal = sti.with_name(sti.name + "-journal")
    if os.path.islink(journal):  # SQLite refuses it and would say only that the file cannot be opened
        raise LagerFejl(f"Filen {sti.name} åbnes ikke: ved siden af den ligger {journal.name}, som Takstberegner "
                        f"ikke har lavet (en genvej til en anden fil). Slet {journal.name}, og åbn filen igen. "
                        "Filen er ikke ændret.")
    if len(hoved) < 100 or not hoved.startswith(_SQLITE_MAGIC):
        from takstberegner.formats import filart

        slags = filart.slags(hoved)
        hvad = f"er {filart.NAVNE[slags]}, ikke" if slags else "er ikke"
        raad = ("Omdøb den, så navnet ender på .json, og vælg den igen." if slags == filart.TAKSTGRUNDLAG
                else RAAD_IKKE_TAKSTFIL)
        raise LagerFejl(f"Filen {sti.name} {hvad} en Takstberegner-fil (.takst). {raad}")
    if int.from_bytes(hoved[68:72], "big") != APPLICATION_ID:
        raise LagerFejl(f"Filen {sti.name} er en database, men ikke en Takstberegner-fil (.takst). "
                        "Den er ikke ændret.")
    if hoved[18:20] == b"\x02\x02":  # write-ahead log: SQLite would merge a -wal beside it into the file
        raise LagerFejl(f"Filen {sti.name} er ændret af et andet program end Takstberegner: den er sat til at "
                        "gemme ændringer i en logfil ved siden af sig selv, hvad Takstberegner aldrig gør, og "
                        "åbnes ikke. Filen er ikke ændret. Brug en takstfil, som kun Takstberegner har ændret, "
                        f"fx den seneste sikkerhedskopi i {backup.kopi_mappe()}.")
    version = int.from_bytes(hoved[60:64], "big")
    if version > SKEMA_VERSION:
        raise LagerFejl(f"Filen {sti.name} er gemt af en nyere version af Takstberegner (filformat {version}; "
                        f"denne version {__version__} kan læse til og med filformat {SKEMA_VERSION}). "
                        "Opdatér Takstberegner for at åbne den. Filen er ikke ændret.")
    if version < 1:
        raise LagerFejl(f"Filen {sti.name} er ufuldstændig (intet filformat angivet) og kan ikke åbnes. "
                        f"Brug den seneste sikkerhedskopi i {backup.kopi_mappe()}.")
    if stoerrelse > kontrol.MAKS_FIL:
        raise LagerFejl(f"Filen {sti.name} fylder {stoerrelse // (1024 * 1024)} MB, langt mere end en takstfil "
                        "kan, og åbnes ikke. Filen er ikke ændret.")
    return version


def _tjek_skrivbar(sti: Path) -> None:
    st = sti.stat()
    if not os.access(sti, os.W_OK) or not st.st_mode & stat.S_IWUSR:
        raise Skrivebeskyttet(f"Filen {sti.name} er skrivebeskyttet, så dine ændringer kan ikke gemmes. "
                        "Fjern skrivebeskyttelsen (Egenskaber i Stifinder), eller gem en kopi et andet sted.")
    mappe = sti.resolve().parent
    if not os.access(mappe, os.W_OK):
        raise Skrivebeskyttet(f"Mappen {mappe} er skrivebeskyttet. Takstberegner skal kunne skrive ved siden af "
                        "filen for at gemme sikkert. Kopiér filen til en mappe, du kan skrive i, fx Dokumenter.")


def _beskadiget(sti: Path, detalje: str = "") -> LagerFejl:
    d = f" ({detalje})" if detalje else ""
    return LagerFejl(f"Filen {sti.name} er beskadiget og kan ikke åbnes{d}. Filen er ikke ændret. "
                     f"Brug den seneste sikkerhedskopi i {backup.kopi_mappe()}.")


def _ikke_faerdig(sti: Path) -> LagerFejl:
    return LagerFejl(f"Filen {sti.name} blev ikke gemt færdig sidst (fx strømsvigt eller nedbrud), og det skal "
                     "rettes, før den kan læses. Åbn den i Takstberegner, så sker det automatisk; alt, hvad der "
                     "nåede at blive gemt, er der stadig.")


def _fremmed(sti: Path, detalje: str) -> LagerFejl:
    return LagerFejl(f"Filen {sti.name} åbnes ikke: {detalje}. Det kan ændre eller slette dine tal, når filen "
                     "bruges, så den er afvist og ikke ændret. Brug en takstfil, som kun Takstberegner har "
                     f"ændret, fx den seneste sikkerhedskopi i {backup.kopi_mappe()}.")


def _sqlite_fejl(sti: Path, e: sqlite3.Error | UnicodeDecodeError) -> LagerFejl:
    """The Danish LagerFejl for an error SQLite raised while a file was being checked or read."""
    kode = (getattr(e, "sqlite_errorcode", None) or 0) & 0xFF
    if kode in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in str(e) or "busy" in str(e):
        return LagerFejl(f"Filen {sti.name} er i brug af et andet program lige nu. "
                         "Luk det andet program og prøv igen.")
    if kode == sqlite3.SQLITE_READONLY or "readonly" in str(e) or "read-only" in str(e):
        return _ikke_faerdig(sti)
    return _beskadiget(sti, sqlite_fejl(e))


def _kontroller(conn: sqlite3.Connection, sti: Path, version: int) -> None:
    """Everything checked before the file is used or changed: the schema is exactly the program's
    own, sizes and every value's type (storage/kontrol.py), then SQLite's integrity check."""
    try:
        kontrol.kontroller_skema(conn, version)
        kontrol.kontroller_raekker(conn, version)
        svar = [r[0] for r in conn.execute("PRAGMA integrity_check(20)").fetchall()]
        fk = conn.execute("PRAGMA foreign_key_check").fetchmany(1000)
    except kontrol.FremmedSkema as e:
        raise _fremmed(sti, e.detalje) from None
    except kontrol.Beskadiget as e:
        raise _beskadiget(sti, e.detalje) from None
    except _SQL_FEJL as e:
        raise _sqlite_fejl(sti, e) from None
    if svar != ["ok"]:
        log.warning("integrity_check af %s: %s", sti, "; ".join(map(str, svar)))
        raise _beskadiget(sti, f"SQLites kontrol af filens indre opbygning fandt {len(svar)}"
                               f"{' eller flere' if len(svar) >= 20 else ''} fejl")
    if fk:
        raise _beskadiget(sti, f"{len(fk)} rækker peger på noget, der ikke findes")


def _laes_model(conn: sqlite3.Connection, sti: Path, version: int) -> Takstgrundlag:
    """The model from a checked file; a value Python cannot read (text that is not UTF-8, a decimal
    or date it cannot parse) is named by kontrol.find_ulaeselig."""
    try:
        return mapping.laes_alt(conn)
    except _SQL_FEJL as e:
        log.warning("%s kunne ikke læses: %r", sti, e)
        detalje = _ulaeselig(conn, version)
        raise (_beskadiget(sti, detalje) if detalje else _sqlite_fejl(sti, e)) from None
    except (ValueError, TypeError, KeyError, IndexError, ArithmeticError) as e:
        log.warning("%s kunne ikke læses: %r", sti, e)
        raise _beskadiget(sti, _ulaeselig(conn, version) or "en værdi i filen kan ikke læses") from None


def _ulaeselig(conn: sqlite3.Connection, version: int) -> str | None:
    try:
        return kontrol.find_ulaeselig(conn, version)
    except _SQL_FEJL:
        return None


class TakstFil:
    """One open .takst file. Holds the lock and the current model; not thread-safe."""

    def __init__(self, sti: Path, conn: sqlite3.Connection, laas: FilLaas, grundlag: Takstgrundlag,
                 sidst_gemt: datetime):
        self.sti = sti
        self._conn: sqlite3.Connection | None = conn
        self._db = Database(conn, execute_plugins=False)
        self._laas = laas
        self._grundlag = grundlag
        self._sidst_gemt = sidst_gemt
        self.advarsel: str | None = None  # said to the user once opened (a daily backup that failed)

    # ------------------------------------------------------------ creating and opening
    @classmethod
    def opret(cls, sti: Path, grundlag: Takstgrundlag) -> "TakstFil":
        """A new file holding `grundlag`; LagerFejl if a file of that name exists."""
        sti = Path(sti)
        if sti.exists():
            raise LagerFejl(f"Filen {sti.name} findes allerede. Vælg et andet navn, eller åbn filen.")
        if not sti.parent.is_dir():
            raise LagerFejl(f"Mappen {sti.parent} findes ikke.")
        if not os.access(sti.parent, os.W_OK):
            raise LagerFejl(f"Mappen {sti.parent} er skrivebeskyttet, så {sti.name} kan ikke oprettes dér. "
                            "Vælg en mappe, du kan skrive i, fx Dokumenter.")
        tmp = sti.with_name(f".{sti.name}.{os.getpid()}.ny")
        try:
            skriv_ny_fil(tmp, grundlag, vist=sti.name)
            try:
                if os.name == "nt":
                    os.rename(tmp, sti)  # fails if sti exists
                else:
                    try:
                        os.link(tmp, sti)  # fails if sti exists; rename would overwrite
                    except FileExistsError:
                        raise
                    except OSError:  # no hard links here (FAT, some network shares)
                        if sti.exists():
                            raise FileExistsError(str(sti)) from None
                        os.rename(tmp, sti)
            except FileExistsError:
                raise LagerFejl(f"Filen {sti.name} findes allerede. Vælg et andet navn, eller åbn filen.") from None
        except OSError as e:
            raise LagerFejl(f"Filen {sti.name} kan ikke oprettes: {os_fejl(e)}. Intet er gemt.") from None
        except sqlite3.Error as e:  # the new file cannot be made (a folder that refuses it, a full disk)
            raise LagerFejl(f"Filen {sti.name} kan ikke oprettes: {sqlite_fejl(e)}. Intet er gemt.") from None
        finally:
            for p in (tmp, tmp.with_name(tmp.name + "-journal")):
                try:
                    p.unlink()
                except OSError:
                    pass
        return cls.aabn(sti)

    @classmethod
    def aabn(cls, sti: Path) -> "TakstFil":
        """Open an existing file for editing: locked, checked, migrated (after a backup), backed up daily.

        The lock and the connection use the resolved path, so a symlink or another spelling of an
        open file is refused as open; a hard link is caught by the lock on the file's identity."""
        sti = Path(sti)
        version = _tjek_hoved(sti)
        ekte = sti.resolve()
        _tjek_skrivbar(ekte)
        try:
            laas = FilLaas.tag(ekte)
        except Optaget as e:
            hvem = f" ({e.hvem})" if e.hvem else ""
            raise LagerFejl(f"Filen {sti.name} er åbnet i en anden Takstberegner{hvem}. "
                            "Luk den dér først; to kopier af programmet må ikke rette i samme fil.") from None
        except FremmedLaasefil as e:
            raise LagerFejl(f"Filen {sti.name} åbnes ikke: ved siden af den ligger {e.sti.name}, som Takstberegner "
                            "ikke har lavet (en genvej til en anden fil, eller en fil med flere navne). Takstberegner "
                            "skriver i den, mens filen er åben, og ville dermed ændre en anden fil. Slet "
                            f"{e.sti.name}, og åbn filen igen. Filen er ikke ændret.") from None
        except OSError as e:
            raise LagerFejl(f"Filen {sti.name} kan ikke åbnes til redigering: {os_fejl(e)}.") from None
        conn = None
        try:
            try:
                conn = _forbind(ekte)
            except sqlite3.OperationalError as e:
                raise LagerFejl(f"Filen {sti.name} kan ikke åbnes: {sqlite_fejl(e)}.") from None
            except (sqlite3.DatabaseError, UnicodeDecodeError) as e:
                raise _beskadiget(sti, sqlite_fejl(e)) from None
            _kontroller(conn, sti, version)
            if version < SKEMA_VERSION:
                _laes_migreret_kopi(conn, sti, version)  # every value readable before the file is changed
                try:
                    backup.tag_kopi(conn, sti, f"foer-migrering-v{version}")
                except (OSError, sqlite3.Error) as e:
                    grund = os_fejl(e) if isinstance(e, OSError) else sqlite_fejl(e)
                    raise LagerFejl(f"Filen {sti.name} skal opdateres til et nyt filformat, men der kunne ikke "
                                    f"tages en sikkerhedskopi først ({grund}). Filen er ikke ændret.") from None
                _skriv(conn, lambda: (migrer(conn, version), _stempel(conn)), sti)
            conn.execute("BEGIN")  # one snapshot for the model and the time it was saved
            try:
                grundlag = _laes_model(conn, sti, SKEMA_VERSION)
                try:
                    gemt = datetime.fromisoformat(conn.execute("SELECT aendret FROM metadata").fetchone()[0])
                except (sqlite3.DatabaseError, ValueError, TypeError):
                    raise _beskadiget(sti, "Filens oplysninger › Sidst gemt kan ikke læses") from None
            finally:
                conn.execute("ROLLBACK")
            advarsel = None
            if not backup.har_dagens_kopi(sti):
                try:
                    backup.tag_kopi(conn, sti, "dagligt")
                except (OSError, sqlite3.Error) as e:  # a missing daily copy must not stop the user's work
                    log.warning("Dagens sikkerhedskopi af %s kunne ikke tages: %s", sti, e)
                    grund = os_fejl(e) if isinstance(e, OSError) else sqlite_fejl(e)
                    advarsel = (f"Dagens sikkerhedskopi af {sti.name} kunne ikke tages i {backup.kopi_mappe()}: "
                                f"{grund}. Dine ændringer gemmes stadig i filen.")
            fil = cls(sti, conn, laas, grundlag, gemt)
            fil.advarsel = advarsel
            return fil
        except BaseException:
            if conn is not None:
                conn.close()
            laas.frigiv()
            raise

    # ------------------------------------------------------------ reading and changing
    def hent(self) -> Takstgrundlag:
        return self._grundlag

    @property
    def sidst_gemt(self) -> datetime:
        return self._sidst_gemt

    def anvend(self, aendring: ae.Aendring) -> Takstgrundlag:
        """Apply one change in its own transaction; returns the new model once it is on disk.

        A change that does not fit raises aendringer.AendringsFejl and writes nothing.
        """
        return self.anvend_alle((aendring,))

    def anvend_alle(self, aendringer: Sequence[ae.Aendring]) -> Takstgrundlag:
        """Apply several changes in one transaction (all or nothing), e.g. an imported budget."""
        g, trin = ae.anvend_alle(self._grundlag, aendringer)
        self.gem(trin)
        return g

    def gem(self, trin: Sequence[tuple]) -> Takstgrundlag:
        """Write changes already applied in memory (aendringer.anvend_alle's steps: change, before,
        after; the first `before` must be this file's model) in one transaction; the new model."""
        conn = self._aaben()
        if not trin:
            return self._grundlag
        if trin[0][1] is not self._grundlag and trin[0][1] != self._grundlag:
            raise ae.AendringsFejl("Ændringen passer ikke til filens indhold.")
        for a, _, _ in trin:
            gem_aendring.tjek(a)

        def gem() -> None:
            for a, foer, efter in trin:
                gem_aendring.gem(self._db, a, foer, efter)
            _inden_for_graenserne(conn)
            _stempel(conn)

        self._sidst_gemt = _skriv(conn, gem, self.sti)
        self._grundlag = trin[-1][2]
        return self._grundlag

    def luk(self) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            conn.close()
            self._laas.frigiv()

    def __enter__(self) -> "TakstFil":
        return self

    def __exit__(self, *exc: object) -> None:
        self.luk()

    def __del__(self) -> None:  # a forgotten luk() must not keep the file locked forever
        try:
            self.luk()
        except Exception:
            pass

    def _aaben(self) -> sqlite3.Connection:
        if self._conn is None:
            raise LagerFejl(f"Filen {self.sti.name} er lukket.")
        return self._conn


# ------------------------------------------------------------ helpers
def skriv_ny_fil(sti: Path, grundlag: Takstgrundlag, version: int = SKEMA_VERSION, vist: str | None = None) -> None:
    """Write a complete new file at `sti` (which must not exist) in one transaction; `vist` is the
    name the user knows it by (`sti` may be a temporary name beside it).

    `version` < SKEMA_VERSION builds an old file, for the migration tests."""
    conn = _forbind(sti)
    try:
        def opret() -> None:
            opret_skema(conn, 1)
            nu = _nu().isoformat(timespec="milliseconds")
            conn.execute("INSERT INTO metadata (id, oprettet, aendret, skemaversion) VALUES (1, ?, ?, 1)", (nu, nu))
            migrer(conn, 1, version)
            if version == SKEMA_VERSION:
                mapping.skriv_alt(Database(conn, execute_plugins=False), grundlag)
                _inden_for_graenserne(conn)
            else:
                _skriv_i_gammelt_skema(conn, grundlag)
            if version >= 2:
                _stempel(conn)
        _skriv(conn, opret, sti, ny=vist or sti.name)
    finally:
        conn.close()


def _inden_for_graenserne(conn: sqlite3.Connection) -> None:
    """Refuse (inside the transaction, so it is rolled back) a write that would give the file more
    rows, tilbud or puljer than the reader opens: saved, the file would never open again."""
    for_mange = kontrol.for_stor(conn, SKEMA_VERSION)
    if for_mange is not None:
        antal, hvad, maks = for_mange
        raise ae.AendringsFejl(f"Det kan ikke gemmes: filen ville få {antal} {hvad}, og en takstfil kan højst have "
                               f"{maks}, for ellers kan den ikke åbnes igen. Intet er gemt.")


def _skriv_i_gammelt_skema(conn: sqlite3.Connection, grundlag: Takstgrundlag) -> None:
    """Fill an older schema (migration tests): the grundlag is written in the current schema in
    memory and copied, table by table in creation order, into the columns the old schema has."""
    mem = sqlite3.connect(":memory:", isolation_level=None)
    try:
        mem.execute("PRAGMA foreign_keys = ON")
        mem.execute("BEGIN")
        opret_skema(mem)
        mapping.skriv_alt(Database(mem, execute_plugins=False), grundlag)
        mem.execute("COMMIT")
        tabeller = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'metadata' ORDER BY rowid")]
        for t in tabeller:
            gamle = [r[1] for r in conn.execute(f"PRAGMA table_info({t})")]
            nye = {r[1] for r in mem.execute(f"PRAGMA table_info({t})")}
            kol = [k for k in gamle if k in nye]
            raekker = mem.execute(f"SELECT {', '.join(kol)} FROM {t}").fetchall()
            conn.executemany(f"INSERT INTO {t} ({', '.join(kol)}) VALUES ({', '.join('?' * len(kol))})", raekker)
    finally:
        mem.close()


def _stempel(conn: sqlite3.Connection) -> None:
    conn.execute("UPDATE metadata SET aendret = ?, app_version = ?",
                 (_nu().isoformat(timespec="milliseconds"), __version__))


_SQLITE_TOOBIG = 18
_FOR_LANG = ("en tekst er for lang. Hvad der står sammen i takstfilen (fx et tilbuds navn, begrundelser og "
             f"bemærkninger) kan højst fylde {kontrol.MAKS_VAERDI // 1_000_000} MB, omkring 1.000.000 bogstaver "
             "(500.000 med æ, ø og å), for ellers kan filen ikke åbnes igen. Forkort teksten")


def _skriv(conn: sqlite3.Connection, arbejde, sti: Path, ny: str | None = None) -> datetime:
    """Run `arbejde` in one BEGIN IMMEDIATE transaction; committed (and fsync'ed) or rolled back.
    `ny` is the name of a file being made (a failure then says it was not made, not 'as before')."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as e:
        raise LagerFejl(f"Filen {sti.name} er i brug af et andet program, så ændringen kunne ikke gemmes "
                        f"({sqlite_fejl(e)}). Prøv igen.") from None
    try:
        arbejde()
        conn.execute("COMMIT")
    except BaseException as e:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if isinstance(e, sqlite3.Error) and getattr(e, "sqlite_errorcode", None) == _SQLITE_TOOBIG:
            # the reader's bound on a value (kontrol.MAKS_VAERDI, SQLite's on a row): before, a long
            # bemærkning pasted in the app gave 'tjek at der er plads på disken', naming nothing
            if ny:
                raise LagerFejl(f"Filen {ny} kan ikke oprettes: {_FOR_LANG}. Intet er gemt.") from None
            raise ae.AendringsFejl(f"Ikke gemt: {_FOR_LANG}.") from None
        if isinstance(e, sqlite3.Error) and ny:
            raise LagerFejl(f"Filen {ny} kan ikke oprettes: {sqlite_fejl(e)}. Intet er gemt.") from None
        if isinstance(e, sqlite3.Error):
            raise LagerFejl(f"Ændringen kunne ikke gemmes i {sti.name}: {sqlite_fejl(e)}. Filen er som før ændringen; "
                            "tjek at der er plads på disken, og prøv igen.") from None
        raise
    return _nu()


def _laes_migreret_kopi(kilde: sqlite3.Connection, sti: Path, version: int) -> Takstgrundlag:
    """The model of an older (checked) file, read through a migrated in-memory copy."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        try:
            kontrol.begraens(conn)
            kilde.backup(conn)
        except _SQL_FEJL as e:
            raise _sqlite_fejl(sti, e) from None
        try:
            conn.execute("BEGIN")
            migrer(conn, version)
        except sqlite3.Error as e:  # a step that does not fit this file: it stays as it is
            log.warning("Migrering af %s fra version %s: %r", sti, version, e)
            raise LagerFejl(f"Filen {sti.name} er i et ældre filformat, og opdateringen til det nye filformat "
                            f"kunne ikke gemmes ({sqlite_fejl(e)}). Filen er ikke ændret.") from None
        return _laes_model(conn, sti, SKEMA_VERSION)
    finally:
        conn.close()


def laes_grundlag(sti: Path) -> Takstgrundlag:
    """Read the takstgrundlag of a .takst file without locking or changing it (for `beregn`).

    The same checks as an opening; an older file is checked as it is, then read through a migrated
    in-memory copy."""
    sti = Path(sti)
    version = _tjek_hoved(sti)
    try:
        kilde = _forbind(sti, skrivebeskyttet=True)
    except _SQL_FEJL as e:
        raise _sqlite_fejl(sti, e) from None
    try:
        try:
            kilde.execute("BEGIN")
            _kontroller(kilde, sti, version)
            if version == SKEMA_VERSION:
                return _laes_model(kilde, sti, version)
            return _laes_migreret_kopi(kilde, sti, version)
        except _SQL_FEJL as e:
            raise _sqlite_fejl(sti, e) from None
        finally:
            if kilde.in_transaction:
                kilde.execute("ROLLBACK")
    finally:
        kilde.close()
