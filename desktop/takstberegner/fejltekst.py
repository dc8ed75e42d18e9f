"""Danish text for the errors the operating system and SQLite report in English.

`os_fejl(e)` and `sqlite_fejl(e)` turn an OSError or a sqlite3.Error into a short Danish phrase
("filen eller mappen findes ikke", "databasefilen er beskadiget") to put inside a Danish message,
so "(database disk image is malformed)" or "No such file or directory" never reach a user. The
phrase comes from the error number (errno, SQLite's result code), not from the English text, so
every error gets one; an unknown number gets a general phrase with the number for support.
No Qt, no storage: used by storage, the command line and the app alike.
"""
from __future__ import annotations

import errno

from takstberegner.fejl import Fejl

_OS: dict[int, str] = {
    errno.ENOENT: "filen eller mappen findes ikke",
    errno.ENOTDIR: "en del af stien er ikke en mappe",
    errno.EISDIR: "det er en mappe, ikke en fil",
    errno.EACCES: "adgang nægtet",
    errno.EPERM: "handlingen er ikke tilladt",
    errno.EEXIST: "filen findes allerede",
    errno.ENOSPC: "der er ikke mere plads på disken",
    errno.EROFS: "drevet er skrivebeskyttet",
    errno.EIO: "læse- eller skrivefejl på disken",
    errno.EBUSY: "filen er i brug",
    errno.ENAMETOOLONG: "filnavnet er for langt",
    errno.EMFILE: "for mange åbne filer",
    errno.ENFILE: "for mange åbne filer",
    errno.EFBIG: "filen er for stor",
    errno.EINVAL: "ugyldigt filnavn eller ugyldig handling",
    errno.ELOOP: "for mange symbolske links i stien",
    errno.EXDEV: "filen kan ikke flyttes mellem to drev",
    errno.ENOMEM: "der er ikke hukommelse nok",
    errno.ETIMEDOUT: "netværksdrevet svarer ikke",
    errno.ENOTEMPTY: "mappen er ikke tom",
    errno.EAGAIN: "filen er midlertidigt optaget",
}
for _navn, _tekst in (("EDQUOT", "din diskkvote er opbrugt"), ("ESTALE", "netværksdrevet er ikke længere tilgængeligt"),
                      ("EHOSTDOWN", "netværksdrevet svarer ikke"), ("ECONNRESET", "forbindelsen til netværksdrevet blev afbrudt")):
    if hasattr(errno, _navn):
        _OS[getattr(errno, _navn)] = _tekst

# Windows error numbers (winerror) that have no errno of their own.
_WINDOWS: dict[int, str] = {
    32: "filen er i brug af et andet program",        # ERROR_SHARING_VIOLATION
    33: "en del af filen er låst af et andet program",  # ERROR_LOCK_VIOLATION
    53: "netværksstien findes ikke",                   # ERROR_BAD_NETPATH
    67: "netværksnavnet findes ikke",                  # ERROR_BAD_NET_NAME
    112: "der er ikke mere plads på disken",           # ERROR_DISK_FULL
    1224: "filen er åbnet som en tilknyttet sektion af et andet program",  # ERROR_USER_MAPPED_FILE
}


def os_fejl(e: BaseException) -> str:
    """A Danish phrase for an OSError (from its errno / winerror), without a full stop."""
    win = getattr(e, "winerror", None)
    if win in _WINDOWS:
        return _WINDOWS[win]
    nr = getattr(e, "errno", None)
    if nr in _OS:
        return _OS[nr]
    if isinstance(e, UnicodeError):
        return "filen er ikke tekst, eller teksten er gemt i en anden tegnkodning"
    if nr:
        return f"systemfejl nr. {nr}"
    return "ukendt systemfejl"


# SQLite's primary result codes (https://sqlite.org/rescode.html) -> Danish.
_SQLITE: dict[int, str] = {
    1: "databasen kunne ikke læses som forventet",
    2: "intern fejl i SQLite",
    3: "adgang nægtet",
    4: "handlingen blev afbrudt",
    5: "filen er i brug af et andet program",
    6: "filen er låst af en anden forbindelse",
    7: "der er ikke hukommelse nok",
    8: "filen er skrivebeskyttet",
    9: "handlingen blev afbrudt",
    10: "læse- eller skrivefejl på disken",
    11: "filens indre opbygning er ødelagt",
    12: "intern fejl i SQLite",
    13: "der er ikke mere plads på disken",
    14: "filen kan ikke åbnes",
    15: "låsningen af filen mislykkedes",
    16: "databasen er tom",
    17: "databasens opbygning blev ændret undervejs",
    18: "en værdi i filen er for stor",
    19: "en regel for databasens indhold er brudt",
    20: "en værdi i filen har en forkert type",
    21: "intern fejl i brugen af SQLite",
    22: "filen er for stor til dette drev",
    23: "adgang nægtet",
    24: "intern fejl i SQLite",
    25: "intern fejl i SQLite",
    26: "filen er ikke en database",
}

# A few SQLITE_ERROR (code 1) messages worth telling apart; matched on their English start.
_SQLITE_TEKST: tuple[tuple[str, str], ...] = (
    # before "no such ...": SQLite's message for a damaged schema ends with why it could not be read
    ("malformed database schema", "filens tabeldefinitioner er ødelagte"),
    ("no such table", "en tabel mangler i databasen"),
    ("no such column", "en kolonne mangler i databasen"),
    ("file is not a database", "filen er ikke en database"),
    ("database disk image is malformed", "filens indre opbygning er ødelagt"),
    ("database is locked", "filen er i brug af et andet program"),
    ("unable to open database", "filen kan ikke åbnes"),
    ("attempt to write a readonly database", "filen er skrivebeskyttet"),
    ("disk i/o error", "læse- eller skrivefejl på disken"),
    ("database or disk is full", "der er ikke mere plads på disken"),
    ("cannot operate on a closed database", "forbindelsen til filen er lukket"),
    ("interrupted", "handlingen blev afbrudt"),
    ("out of memory", "der er ikke hukommelse nok"),
    ("string or blob too big", "en værdi i filen er for stor"),
    ("too many levels of trigger recursion", "databasen indeholder en udløser (trigger)"),
)


def sqlite_fejl(e: BaseException) -> str:
    """A Danish phrase for a sqlite3.Error (from its result code), without a full stop. SQLite's
    message about a damaged file may quote bytes that are not UTF-8 (a name in sqlite_master);
    Python then raises UnicodeDecodeError holding the message, read here as far as it goes."""
    if isinstance(e, UnicodeDecodeError) and isinstance(e.object, bytes):
        tekst = e.object.decode("utf-8", errors="replace").lower()
    else:
        tekst = str(e).lower()
    for start, dansk in _SQLITE_TEKST:
        if start in tekst:
            return dansk
    kode = getattr(e, "sqlite_errorcode", None)
    if kode is not None and (kode & 0xFF) in _SQLITE:
        return _SQLITE[kode & 0xFF]
    return "databasen kunne ikke læses"


def fejl_tekst(e: BaseException) -> str:
    """Danish text for any error: `besked` of our own, else the OS or SQLite phrase."""
    if isinstance(e, Fejl) and e.besked:
        return e.besked
    if isinstance(e, OSError):
        return os_fejl(e)
    if type(e).__module__ == "sqlite3":
        return sqlite_fejl(e)
    if isinstance(e, UnicodeError):
        return "filen er ikke tekst, eller teksten er gemt i en anden tegnkodning"
    if isinstance(e, MemoryError):
        return "der er ikke hukommelse nok"
    return "uventet fejl"
