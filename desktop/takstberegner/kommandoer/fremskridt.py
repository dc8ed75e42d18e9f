"""A sign of life on the command line for long work (rapport, takstskema, takstbilag near the size
limits take 10 s and more): the phase the command is in and the seconds it has worked, in Danish,
on stderr, one line rewritten in place; never on stdout, whose text scripts read.

Shown only when stderr is a terminal (a script that reads stderr gets only what it got before),
and only once the work has lasted `FORSINKELSE` seconds: quick work prints nothing. The line is
cleared when the work ends, before any message of the command. The app shows its own busy dialog
for the same work (app/fremskridt.py).

    with fremskridt.vis() as f:
        f.fase("Læser takstfilen")
        ...
        f.fase("Danner PDF'en")
"""
from __future__ import annotations

import os
import sys
import threading
import time

FORSINKELSE = 1.0  # seconds of work before the first line
_INTERVAL = 0.25


class Fremskridt:
    """The phase the work is in; a thread writes it to stderr (a terminal) while it lasts."""

    def __init__(self, stroem=None, forsinkelse: float = FORSINKELSE):
        self._stroem = stroem if stroem is not None else sys.stderr
        self._forsinkelse = forsinkelse
        self._fase = ""
        self._start = time.monotonic()
        self._stop = threading.Event()
        self._vist = False
        self._laas = threading.Lock()
        self._traad: threading.Thread | None = None

    def fase(self, tekst: str) -> None:
        """The work now does `tekst` ("Danner PDF'en"); counts are Danish ("fil 3 af 40")."""
        self._fase = tekst

    def __enter__(self) -> "Fremskridt":
        if _er_terminal(self._stroem):
            self._traad = threading.Thread(target=self._koer, name="takstberegner-fremskridt", daemon=True)
            self._traad.start()
        return self

    def __exit__(self, *_) -> None:
        self._stop.set()
        if self._traad is not None:
            self._traad.join()
        with self._laas:
            if self._vist:  # the line goes: the command's own messages follow on a clean line
                self._skriv("\r\x1b[K")

    def _koer(self) -> None:
        sidste = ""
        while not self._stop.wait(_INTERVAL):
            sekunder = time.monotonic() - self._start
            if sekunder < self._forsinkelse or not self._fase:
                continue
            linje = f"takstberegner: {self._fase} … ({int(sekunder)} s)"
            if linje == sidste:
                continue
            with self._laas:
                if self._stop.is_set():
                    return
                self._skriv("\r\x1b[K" + linje)
                self._vist = True
            sidste = linje

    def _skriv(self, tekst: str) -> None:
        try:
            self._stroem.write(tekst)
            self._stroem.flush()
        except (OSError, ValueError):  # a closed terminal must not end the work
            pass


def _er_terminal(stroem) -> bool:
    try:
        return stroem.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):
        return False


def vis() -> Fremskridt:
    """Progress for the work of one command; TAKSTBEREGNER_FREMSKRIDT_EFTER sets the seconds
    before the first line (0: at once)."""
    try:
        forsinkelse = float(os.environ.get("TAKSTBEREGNER_FREMSKRIDT_EFTER", FORSINKELSE))
    except ValueError:
        forsinkelse = FORSINKELSE
    return Fremskridt(forsinkelse=forsinkelse)
