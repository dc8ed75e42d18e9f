"""An unexpected error in the command line: the traceback goes to the error log in the user's data
folder (takstberegner/fejllog.py), the user gets one Danish line saying where it is, and the
process ends with its own exit code, KRASJ (70, EX_SOFTWARE), so a script can tell a program error
from a refused input (2) or findings (1)."""
from __future__ import annotations

import sys

from takstberegner import fejllog

KRASJ = 70
AFBRUDT = 130
ROER_LUKKET = 141  # like a shell's SIGPIPE: the reader of stdout went away


def meld(e: BaseException) -> int:
    """Log an unexpected error, print one Danish line on stderr, return the exit code."""
    try:
        sti = fejllog.skriv(e)
    except Exception:  # the crash handler itself must not crash
        sti = None
    if sti is not None:
        linje = (f"takstberegner: uventet programfejl. Detaljerne er skrevet i {sti}; "
                 "send filen til den, der yder support på Takstberegner.")
    else:
        linje = ("takstberegner: uventet programfejl. Detaljerne kunne ikke skrives "
                 "til en fejllog.")
    try:
        sys.stderr.buffer.write((linje + "\n").encode("utf-8"))
        sys.stderr.flush()
    except Exception:
        pass
    return KRASJ
