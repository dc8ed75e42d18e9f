"""The lock that keeps two running copies of Takstberegner from editing the same .takst file.

A lock file `<fil>.takst.laas` next to the document holds who has it open (program, process id,
machine, user, time) and is locked with an OS lock (flock on POSIX, msvcrt.locking on Windows)
for as long as the file is open. The OS drops the lock when the process dies, so a lock file left
behind by a crash is taken over silently; a second opening, also from the same process, is refused.

The caller passes the resolved path, so a symlink or another spelling of the file meets the same
lock file. A hard link (one file under two names) is caught by a second lock on the file's
identity (device and inode) in the user's data folder, `<data>/laase/<dev>-<inode>.laas`.
"""
from __future__ import annotations

import errno
import getpass
import logging
import os
import socket
import stat
from pathlib import Path

from takstberegner.dansk import nu_utc, tidspunkt
from takstberegner.paths import data_mappe

log = logging.getLogger(__name__)

_LAAS_OFFSET = 1 << 20  # Windows: lock a byte beyond the text, so others can still read who holds it


class FremmedLaasefil(Exception):
    """Where the lock file should be lies something the program did not make: a symbolic link, a
    file with more names (hard link) or no plain file. Writing who holds the lock into it would
    change another file (a hostile archive can put `a.takst.laas -> a file of the user's` beside
    the document); .sti is the lock file's path."""

    def __init__(self, sti: Path):
        super().__init__(str(sti))
        self.sti = sti


class Optaget(Exception):
    """The file is locked by another opening; .hvem says who, as written in the lock file."""

    def __init__(self, hvem: str):
        super().__init__(hvem)
        self.hvem = hvem


def laas_sti(sti: Path) -> Path:
    return sti.with_name(sti.name + ".laas")


def _laas(fd: int) -> bool:
    if os.name == "nt":
        import msvcrt

        os.lseek(fd, _LAAS_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def identitets_sti(dokument: Path) -> Path | None:
    """The identity lock file of a document (None where the file system gives no inode)."""
    try:
        st = os.stat(dokument)
    except OSError:
        return None
    if not st.st_ino:
        return None
    return data_mappe() / "laase" / f"{st.st_dev:x}-{st.st_ino:x}.laas"


class FilLaas:
    def __init__(self, sti: Path, fd: int, identitet: "FilLaas | None" = None):
        self.sti = sti
        self._fd: int | None = fd
        self._identitet = identitet

    @classmethod
    def tag(cls, dokument: Path) -> "FilLaas":
        """Lock the document (give its resolved path); Optaget if another opening holds it under this
        or another name, FremmedLaasefil if its lock file is a link or not a plain file, OSError if
        no lock file can be made next to it."""
        laas = cls._tag(laas_sti(dokument))
        ident = identitets_sti(dokument)
        if ident is not None:
            try:
                ident.parent.mkdir(parents=True, exist_ok=True)
                laas._identitet = cls._tag(ident)
            except (Optaget, FremmedLaasefil):
                laas.frigiv()
                raise
            except OSError as e:  # no data folder: the lock next to the file still holds
                log.warning("Identitetslåsen %s kunne ikke tages: %s", ident, e)
        return laas

    @classmethod
    def _tag(cls, sti: Path) -> "FilLaas":
        for _ in range(5):
            if os.path.islink(sti):
                raise FremmedLaasefil(sti)
            try:  # never through a symbolic link (POSIX); no CRLF on Windows
                fd = os.open(sti, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0),
                             0o644)
            except OSError as e:
                if e.errno == errno.ELOOP:
                    raise FremmedLaasefil(sti) from None
                raise
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode) or st.st_nlink != 1:  # a hard link to another file, a device
                os.close(fd)
                raise FremmedLaasefil(sti)
            if not _laas(fd):
                os.close(fd)
                try:
                    hvem = sti.read_text(encoding="utf-8", errors="replace").strip()
                except OSError:
                    hvem = ""
                raise Optaget(hvem)
            try:  # the lock file may have been removed and recreated by its previous owner meanwhile
                same = os.path.samestat(os.fstat(fd), os.stat(sti))
            except OSError:
                same = False
            if not same:
                os.close(fd)
                continue
            tekst = (f"Takstberegner, proces {os.getpid()} på {socket.gethostname()}, "
                     f"bruger {_bruger()}, åbnet {tidspunkt(nu_utc())}\n")
            os.lseek(fd, 0, os.SEEK_SET)
            os.ftruncate(fd, 0)
            os.write(fd, tekst.encode("utf-8"))
            return cls(sti, fd)
        raise Optaget("")

    def frigiv(self) -> None:
        if self._identitet is not None:
            ident, self._identitet = self._identitet, None
            ident.frigiv()
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.unlink(self.sti)  # POSIX: remove while still locked; Windows refuses while open
        except OSError:
            pass
        os.close(fd)
        if os.name == "nt":
            try:
                os.unlink(self.sti)
            except OSError:
                pass


def _bruger() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment
        return "ukendt"
