"""The error log: an unexpected error's traceback goes to a text file in the user's data folder
(`<data>/fejllog`, see paths.data_mappe; the temporary folder when that cannot be written), so
the user can send it to support while the screen and the terminal show one Danish line. The
command line (kommandoer/krasj.py) and the app (app/uventet_fejl.py) write it the same way. At
most BEHOLD logs are kept. What only a crash needs (platform, tempfile, traceback) is imported
when one happens."""
from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path

from takstberegner.dansk import nu_utc, tidspunkt

BEHOLD = 20


def mappe() -> Path:
    from takstberegner.paths import data_mappe

    return data_mappe() / "fejllog"


def _indhold(e: BaseException, hvor: str) -> str:
    import platform
    import traceback

    from takstberegner import __version__

    linjer = [
        f"Takstberegner {__version__}, uventet fejl {tidspunkt(nu_utc(), sekunder=True)}",
        f"Python {platform.python_version()} på {platform.platform()}",
        hvor,
        "",
        "".join(traceback.format_exception(type(e), e, e.__traceback__)),
    ]
    return "\n".join(linjer)


def _ryd_op(m: Path) -> None:
    gamle = sorted(m.glob("fejl-*.txt"))
    for p in gamle[: max(0, len(gamle) - BEHOLD)]:
        try:
            p.unlink()
        except OSError:
            pass


def skriv(e: BaseException, hvor: str | None = None) -> Path | None:
    """Write the log of `e` (`hvor`: what was running, default the command line); its path, or
    None when no folder would take it."""
    import tempfile

    navn = f"fejl-{datetime.now():%Y%m%d-%H%M%S-%f}-{os.getpid()}.txt"
    tekst = _indhold(e, hvor if hvor is not None else f"Kommando: {' '.join(sys.argv)}")
    for m in (mappe(), Path(tempfile.gettempdir()) / "takstberegner-fejllog"):
        try:
            m.mkdir(parents=True, exist_ok=True)
            sti = m / navn
            sti.write_text(tekst, encoding="utf-8")
        except OSError:
            continue
        _ryd_op(m)
        return sti
    return None
