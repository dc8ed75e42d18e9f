"""Files in and out of the command line: no command writes over one of its own inputs.

Each subcommand declares which of its arguments are inputs and which are outputs (`roller`), and
`kontroller(args)` runs before the command does any work: an output may not be the same file as
an input (compared by resolved path and by `os.path.samefile`, so a symlink, a hard link or
another spelling of the same file is caught), nor the same as another output; its folder must
exist and it may not be a folder; its name is one Windows writes as typed (no ':', no device name
such as CON or LPT1.pdf, no trailing dot: paths.windows_navnefejl); only a takst output may be or
replace a .takst file; and its name ends as what is written in it (a PDF named x.indmelding is refused, naming the ending to use). Also
the one way to read a password file and to write an output file, with Danish messages.
"""
from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Iterable

from takstberegner.fejl import Fejl
from takstberegner.fejltekst import os_fejl
from takstberegner.formats.filart import SQLITE as _SQLITE_MAGIC
from takstberegner.paths import windows_navnefejl

TAKST = ".takst"
_TAKST_ID = b"TAKS"  # PRAGMA application_id at offset 68 of a .takst file
MAKS_KODEORDSFIL = 64 * 1024


class StiFejl(Fejl):
    """An input or output path the command refuses; exit code 2."""


def roller(p: argparse.ArgumentParser, ind: Iterable[str] = (), ud: Iterable[str] = (),
           takst_ud: Iterable[str] = ()) -> None:
    """Declare the parser's inputs and outputs by their dest; `takst_ud` are outputs that are
    .takst files (made or changed by the command)."""
    ud, takst_ud = tuple(ud), tuple(takst_ud)
    endelser = {a.dest: Path(str(a.metavar)).suffix for a in p._actions
                if a.dest in ud + takst_ud and a.metavar and Path(str(a.metavar)).suffix}
    p.set_defaults(_stier_ind=tuple(ind), _stier_ud=ud, _stier_takst_ud=takst_ud, _stier_endelser=endelser)


def _vaerdier(args: argparse.Namespace, dest: str) -> list[str]:
    v = getattr(args, dest, None)
    if v is None:
        return []
    if isinstance(v, (list, tuple)):
        return [str(x) for x in v if x is not None]
    return [str(v)]


def _flag(args: argparse.Namespace, dest: str) -> str:
    return {"output": "-o", "grundlag": "inddata", "kilde": "kilden", "fil": "filen", "filer": "filen",
            "takstfil": "takstfilen"}.get(dest, "--" + dest.replace("_", "-"))


def _norm(sti: str) -> str:
    return os.path.normcase(os.path.realpath(os.path.abspath(sti)))


def samme_fil(a: str | Path, b: str | Path) -> bool:
    """True when a and b name the same file: the same resolved path, or (for existing files) the
    same file by device and inode, which also catches hard links."""
    try:
        if os.path.samefile(a, b):
            return True
    except (OSError, ValueError):
        pass
    try:
        return _norm(str(a)) == _norm(str(b))
    except (OSError, ValueError):
        return False


def er_takstfil(sti: str | Path) -> bool:
    """A .takst file by name, or a Takstberegner database by its header whatever its name."""
    p = Path(sti)
    if p.suffix.lower() == TAKST:
        return True
    try:
        with open(p, "rb") as f:
            hoved = f.read(100)
    except OSError:
        return False
    return len(hoved) == 100 and hoved.startswith(_SQLITE_MAGIC) and hoved[68:72] == _TAKST_ID


# Files a user cannot make again by pressing a button: only an output of the same kind replaces one.
_BESKYTTET = {".indmelding": "en indmeldingsfil", ".p12": "en nøglefil", ".pfx": "en nøglefil"}


# What each kind of output is, and the endings that say so (the first is proposed).
_ENDELSER = {".pdf": ("en PDF-fil", (".pdf",)), ".xlsx": ("et Excel-regneark", (".xlsx",)),
             ".json": ("en JSON-fil", (".json",)), ".indmelding": ("en indmeldingsfil", (".indmelding",)),
             ".p12": ("en nøglefil", (".p12", ".pfx")), ".pem": ("et certifikat", (".pem", ".crt")),
             TAKST: ("en takstfil", (TAKST,))}


def _kontroller_endelse(p: Path, ud: str, flag: str, endelse: str) -> None:
    """The output's name ends as what is written in it ends: a PDF named x.indmelding or a workbook
    named x.pdf opens in the wrong program, or is sent as what it is not."""
    kendt = _ENDELSER.get(endelse.lower())
    if kendt is None:
        return
    art, tilladte = kendt
    if p.suffix.lower() in tilladte:
        return
    forslag = p.with_suffix(tilladte[0]) if p.suffix.lower() in _KENDTE else p.with_name(p.name + tilladte[0])
    andre = " eller ".join(tilladte)
    raise StiFejl(f"{flag} {ud}: der skrives {art}, så filnavnet skal ende på {andre}, fx {forslag}.")


_KENDTE = frozenset(e for _, tilladte in _ENDELSER.values() for e in tilladte) | {".xls", ".xlsm", ".csv", ".txt"}


def kontroller_ud(ud: str, flag: str, takst: bool = False, endelse: str = "") -> None:
    """One output path on its own: its folder exists, it is not a folder, and a .takst file is
    only written by a command that makes takst files."""
    p = Path(ud)
    if not ud.strip():
        raise StiFejl(f"{flag} mangler et filnavn, fx navn{TAKST if takst else endelse}.")
    if ud.endswith(("/", os.sep)) or p.is_dir():
        eksempel = Path(ud) / ("navn" + (TAKST if takst else endelse))
        raise StiFejl(f"{flag} {ud} er en mappe. Angiv et filnavn i mappen, fx {eksempel}.")
    if grund := windows_navnefejl(p.name):
        raise StiFejl(f"{flag} {ud}: {grund}")
    if p.exists() and not p.is_file():  # a device or a pipe: the output would replace it (as root, /dev/null)
        raise StiFejl(f"{flag} {ud} er ikke en almindelig fil (men fx en enhed eller en kanal), og den ville blive "
                      "erstattet af uddata. Angiv et filnavn.")
    mappe = p.parent
    if not mappe.exists():
        raise StiFejl(f"Mappen {mappe} findes ikke, så {p.name} kan ikke skrives dér. Opret mappen først, "
                      "eller vælg en anden mappe.")
    if not mappe.is_dir():
        raise StiFejl(f"{mappe} er en fil, ikke en mappe, så {p.name} kan ikke skrives dér.")
    if not takst:
        if p.suffix.lower() == TAKST:
            raise StiFejl(f"{flag} {ud}: endelsen .takst er forbeholdt takstfiler. Vælg et andet filnavn.")
        if p.exists() and er_takstfil(p):
            raise StiFejl(f"{ud} er en takstfil. {flag} må ikke skrive over en takstfil; vælg et andet filnavn.")
    art = _BESKYTTET.get(p.suffix.lower())
    if art and endelse and endelse.lower() != p.suffix.lower() and p.exists():
        raise StiFejl(f"{ud} er {art}. {flag} må ikke skrive noget andet over den; vælg et andet filnavn.")
    _kontroller_endelse(p, ud, flag, TAKST if takst else endelse)


def kontroller(args: argparse.Namespace) -> None:
    """Refuse (StiFejl) an output that is an input, another output, a folder, in a missing folder,
    or a takst file it would destroy. Call before the command reads or writes anything."""
    ind = [(dest, v) for dest in getattr(args, "_stier_ind", ()) for v in _vaerdier(args, dest)]
    takst_ud = set(getattr(args, "_stier_takst_ud", ()))
    ud = [(dest, v) for dest in (*getattr(args, "_stier_ud", ()), *sorted(takst_ud)) for v in _vaerdier(args, dest)]
    kommando = getattr(args, "kommando", None) or "takstberegner"
    for dest, v in ind:
        p = Path(v)
        # A device or a pipe: reading it could wait for a writer for ever, or never end (each command
        # names a folder itself). A password may come through a pipe (bash's <(…)): read bounded.
        if dest != "kodeord_fil" and p.exists() and not p.is_file() and not p.is_dir():
            raise StiFejl(f"{_flag(args, dest)} {v} er ikke en almindelig fil (men fx en enhed eller en kanal), "
                          "og den kan ikke læses. Angiv en fil.")
    set_ud: list[tuple[str, str]] = []
    for dest, v in ud:
        flag = _flag(args, dest)
        for idest, iv in ind:
            if samme_fil(v, iv):
                raise StiFejl(f"{flag} {v} er den samme fil som {_flag(args, idest)} {iv}. {kommando} skriver "
                              "aldrig over sine egne inddata; vælg et andet filnavn.")
        for fdest, fv in set_ud:
            if samme_fil(v, fv):
                raise StiFejl(f"{flag} {v} og {_flag(args, fdest)} {fv} er den samme fil; vælg to forskellige "
                              "filnavne.")
        kontroller_ud(v, flag, takst=dest in takst_ud, endelse=getattr(args, "_stier_endelser", {}).get(dest, ""))
        set_ud.append((dest, v))


def laes_kodeord(fil: str | Path) -> str:
    """The first line of a password file (UTF-8, or UTF-16 with a byte order mark as Notepad
    writes it). StiFejl with a Danish message when the file is missing, a folder, unreadable,
    too large or not text."""
    p = Path(fil)
    if not p.exists():
        raise StiFejl(f"Adgangskodefilen {fil} findes ikke.")
    if p.is_dir():
        raise StiFejl(f"Adgangskodefilen {fil} er en mappe, ikke en fil.")
    try:
        with open(p, "rb") as f:
            data = f.read(MAKS_KODEORDSFIL + 1)
    except OSError as e:
        raise StiFejl(f"Adgangskodefilen {fil} kan ikke læses: {os_fejl(e)}.") from None
    if len(data) > MAKS_KODEORDSFIL:
        raise StiFejl(f"Adgangskodefilen {fil} er for stor til at være en adgangskodefil. Skriv adgangskoden "
                      "på første linje i en almindelig tekstfil.")
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            tekst = data.decode("utf-16")
        else:
            tekst = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        tekst = None
    if tekst is None or "\x00" in tekst:
        raise StiFejl(f"Adgangskodefilen {fil} er ikke en almindelig tekstfil. Skriv adgangskoden på første "
                      "linje i en almindelig tekstfil, fx med Notesblok.")
    return tekst.splitlines()[0] if tekst else ""


def skriv(sti: str | Path, data: bytes) -> None:
    """Write an output file whole or not at all (a temporary file beside it, then replace). Not
    export.atomisk.skriv_atomisk: that imports tempfile (and shutil), which the command's start
    leaves out (tests/test_cli/test_opstart.py)."""
    p = Path(sti)
    tmp = p.with_name(f".{p.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, p)
    except OSError as e:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise StiFejl(f"{sti} kan ikke skrives: {os_fejl(e)}.") from None
