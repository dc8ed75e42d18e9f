"""An unexpected error in the command line: the traceback goes to a crash log in the user's data
folder (`<data>/krasjlog`, see paths.data_mappe), the user gets one Danish line saying where it
is, and the process ends with its own exit code, KRASJ (70, EX_SOFTWARE), so a script can tell a
program error from a refused input (2) or findings (1). The cli imports this module on every run,
so what only a crash needs (platform, tempfile, traceback) is imported when one happens."""
from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path

KRASJ = 70
AFBRUDT = 130
ROER_LUKKET = 141  # like a shell's SIGPIPE: the reader of stdout went away
BEHOLD = 20


def krasj_mappe() -> Path:
    from takstberegner.paths import data_mappe

    return data_mappe() / "krasjlog"


def _indhold(e: BaseException) -> str:
    import platform
    import traceback

    from takstberegner import __version__

    linjer = [
        f"Takstberegner {__version__}, uventet fejl {datetime.now():%d-%m-%Y %H:%M:%S}",
        f"Python {platform.python_version()} på {platform.platform()}",
        f"Kommando: {' '.join(sys.argv)}",
        "",
        "".join(traceback.format_exception(type(e), e, e.__traceback__)),
    ]
    return "\n".join(linjer)


def _ryd_op(mappe: Path) -> None:
    gamle = sorted(mappe.glob("krasj-*.txt"))
    for p in gamle[: max(0, len(gamle) - BEHOLD)]:
        try:
            p.unlink()
        except OSError:
            pass


def skriv_log(e: BaseException) -> Path | None:
    """Write the crash log; its path, or None when no folder would take it."""
    import tempfile

    navn = f"krasj-{datetime.now():%Y%m%d-%H%M%S-%f}-{os.getpid()}.txt"
    tekst = _indhold(e)
    for mappe in (krasj_mappe(), Path(tempfile.gettempdir()) / "takstberegner-krasjlog"):
        try:
            mappe.mkdir(parents=True, exist_ok=True)
            sti = mappe / navn
            sti.write_text(tekst, encoding="utf-8")
        except OSError:
            continue
        _ryd_op(mappe)
        return sti
    return None


def meld(e: BaseException) -> int:
    """Log an unexpected error, print one Danish line on stderr, return the exit code."""
    try:
        sti = skriv_log(e)
    except Exception:  # the crash handler itself must not crash
        sti = None
    if sti is not None:
        linje = (f"takstberegner: uventet programfejl. Detaljerne er skrevet i {sti}; "
                 "send filen til den, der yder support på Takstberegner.")
    else:
        linje = ("takstberegner: uventet programfejl. Detaljerne kunne ikke skrives "
                 "til en krasjlog.")
    try:
        sys.stderr.buffer.write((linje + "\n").encode("utf-8"))
        sys.stderr.flush()
    except Exception:
        pass
    return KRASJ
