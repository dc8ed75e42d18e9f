"""An unexpected error in the app: Qt calls Python's sys.excepthook for an exception that leaves
a slot or an event handler (and fremskridt.koer hands a worker's error to the GUI thread). Without
a hook of our own the traceback goes to stderr, which an installed Windows app does not have: the
user would see nothing while the last action silently did not happen. This hook writes the error
log (takstberegner/fejllog.py) and tells the user in Danish what happened and where the log is;
the program goes on with the file as it was saved. An error while the message is open (a paint
that keeps failing) is logged, not shown again."""
from __future__ import annotations

import sys
from types import TracebackType

from PySide6.QtWidgets import QMessageBox, QWidget

from takstberegner import fejllog

TITEL = "Uventet programfejl"


class _Hook:
    def __init__(self, vindue: QWidget):
        self.vindue = vindue
        self.viser = False

    def __call__(self, typ: type[BaseException], e: BaseException, tb: TracebackType | None) -> None:
        if issubclass(typ, KeyboardInterrupt):
            sys.__excepthook__(typ, e, tb)
            return
        if e.__traceback__ is None and tb is not None:
            e = e.with_traceback(tb)
        try:
            sti = fejllog.skriv(e, "I programmets vindue")
        except Exception:  # the handler itself must not fail
            sti = None
        if self.viser:
            return
        self.viser = True
        try:
            QMessageBox.critical(self.vindue, TITEL, tekst(sti, getattr(self.vindue, "dok", None) is not None))
        except Exception:
            pass
        finally:
            self.viser = False


def tekst(sti, fil_aaben: bool = True) -> str:
    """The message for the user: what happened, that the saved file is intact (every edit is saved
    when it is made), where the log is."""
    hvor = (f"Detaljerne er skrevet i {sti}. Send filen til den, der yder support på Takstberegner."
            if sti is not None else "Detaljerne kunne ikke skrives til en fejllog.")
    fil = ("Det, der allerede er gemt i takstfilen, er i behold, og du kan arbejde videre; kontrollér "
           "den seneste ændring." if fil_aaben else "Du kan arbejde videre.")
    return ("Der opstod en uventet fejl i programmet, så den seneste handling er måske ikke udført. "
            f"{fil}\n\n{hvor}")


def installer(vindue: QWidget) -> None:
    """Show and log every unexpected error of the app from now on."""
    sys.excepthook = _Hook(vindue)
