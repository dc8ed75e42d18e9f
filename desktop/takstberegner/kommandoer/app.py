"""Subcommand `aabn FIL.takst` and start_app(): the desktop app (also what `takstberegner` with no
arguments and a double-click on a .takst file run)."""
from __future__ import annotations

import argparse
import os
import sys

from takstberegner.fejl import Fejl
from takstberegner.kommandoer import stier


def registrer(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("aabn", help="åbn en takstfil i programmet (eller vis verifikationen af en indmeldingsfil)")
    p.add_argument("fil", help="takstfil (.takst) eller indmeldingsfil (.indmelding)")
    stier.roller(p, ind=("fil",))
    p.set_defaults(func=lambda args: start_app(args.fil))


def lav_app(argv: list[str] | None = None):
    """The QApplication with Danish standard dialogs, name and icon (reused if it exists)."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from takstberegner.paths import resource

    app = QApplication.instance()
    if app is None:
        _kontroller_skaerm()
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("Nordjysk Socialaftale")
    app.setApplicationName("Takstberegner")
    QLocale.setDefault(QLocale(QLocale.Danish, QLocale.Denmark))
    oversaetter = QTranslator(app)
    if oversaetter.load("qtbase_da", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        app.installTranslator(oversaetter)
    ikon = resource("ikoner", "takstberegner.png")
    if ikon.exists():
        app.setWindowIcon(QIcon(str(ikon)))
    return app


class IngenSkaerm(Fejl):
    """The window has nowhere to be shown."""


def _kontroller_skaerm() -> None:
    """On Linux without a screen (no X11 or Wayland display, no platform chosen) Qt prints its own
    English lines and aborts the process; say it in Danish instead, exit 2 (cli.main). Windows and
    macOS always have a screen to show the window on."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return
    raise IngenSkaerm("Programmets vindue kan ikke vises: der er ingen skærm at vise det på (for eksempel over en "
                      "fjernforbindelse uden skrivebord). Start programmet fra skrivebordet, eller brug kommandoerne: "
                      "takstberegner -h.")


def start_app(sti: str | None = None) -> int:
    app = lav_app()
    from takstberegner.app.main_window import HovedVindue

    vindue = HovedVindue()
    from takstberegner.app import uventet_fejl

    uventet_fejl.installer(vindue)
    vindue.show()
    if sti and str(sti).lower().endswith((".indmelding", ".asice")):
        from takstberegner.app import eksport

        eksport.verificer(vindue, sti)  # a double-clicked indmeldingsfil: show whether it holds
    elif sti:
        vindue.aabn_fil(sti)
    if os.environ.get("TAKSTBEREGNER_AFSLUT_EFTER_START"):  # bench: cold start to a shown window
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, app.quit)
    return app.exec()
