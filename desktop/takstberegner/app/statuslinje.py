"""The window's status bar, seen and heard: every message it shows is also announced to a screen
reader (NVDA hears it through UI Automation as a notification), because a message that is only
shown is lost to a user who cannot see it: a refused amount ("Ikke gemt: …") would otherwise be
silent, and the edit seem saved.

`vis(vindue, tekst, ms, vigtig=False)` shows and announces; a `vigtig` message (something was not
saved) interrupts what the reader is saying, the others wait their turn, and stands whole in the
window's message line under the page (app/beskedlinje.py), which the status bar would cut. `lyttere` are called with
each announcement (the tests listen there: offscreen no screen reader receives the event).
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

lyttere: list[Callable[[str, bool], None]] = []


def kunngoer(kilde: QWidget, tekst: str, vigtig: bool = False) -> None:
    """Say `tekst` through the screen reader, from `kilde` (a widget of the window)."""
    haendelse = QAccessibleAnnouncementEvent(kilde, tekst)
    haendelse.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if vigtig
                            else QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(haendelse)
    for lyt in list(lyttere):
        lyt(tekst, vigtig)


def vis(vindue: QWidget, tekst: str, ms: int, vigtig: bool = False) -> None:
    """Show `tekst` in the status bar of `vindue` for `ms` milliseconds and announce it. A widget
    without a status bar (a dialog, or a page not yet in a window) announces only."""
    statusbar = getattr(vindue, "statusBar", None)
    if statusbar is None:
        kunngoer(vindue, tekst, vigtig)
        return
    bar = statusbar()
    bar.showMessage(tekst, ms)
    linje = getattr(vindue, "beskedlinje", None)
    if vigtig and linje is not None:  # something was not saved: the whole reason, wrapped
        linje.vis(tekst)
    kunngoer(bar, tekst, vigtig)
