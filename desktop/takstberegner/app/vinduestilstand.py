"""The main window's size, toolbar and panel layout remembered between sessions (QSettings).

The window never opens larger than the screen's available area. A first start, or a start on a
screen of another size than the one the size was remembered on, fills the available area
(maximized, and sized to it for a desktop without a window manager that maximizes); otherwise
the size the user left it at is kept, cut down to the screen if it no longer fits."""
from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication

from takstberegner.app import settings


def ledigt_omraade(vindue) -> QRect | None:
    """The available geometry (without taskbar) of the screen the window opens on."""
    skaerm = vindue.screen() if vindue.windowHandle() is not None else None
    skaerm = skaerm or QGuiApplication.primaryScreen()
    return skaerm.availableGeometry() if skaerm is not None else None


def _noegle(ledig: QRect) -> str:
    return f"{ledig.width()}x{ledig.height()}"


def fyld_skaermen(vindue, ledig: QRect) -> None:
    vindue.setGeometry(ledig)
    vindue.setWindowState(vindue.windowState() | Qt.WindowState.WindowMaximized)


def hold_inden_for(vindue, ledig: QRect) -> None:
    """Cut the window down to the available area and move it inside (its frame included)."""
    if vindue.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
        return
    ramme = vindue.frameGeometry().size() - vindue.geometry().size()
    plads = QSize(ledig.width() - ramme.width(), ledig.height() - ramme.height())
    stoerrelse = vindue.size().boundedTo(plads).expandedTo(vindue.minimumSize())
    if stoerrelse != vindue.size():
        vindue.resize(stoerrelse)
    ramme_rect = vindue.frameGeometry()
    x = min(max(ramme_rect.x(), ledig.x()), ledig.right() + 1 - ramme_rect.width())
    y = min(max(ramme_rect.y(), ledig.y()), ledig.bottom() + 1 - ramme_rect.height())
    if (x, y) != (ramme_rect.x(), ramme_rect.y()):
        vindue.move(max(x, ledig.x()), max(y, ledig.y()))


def gendan(vindue) -> None:
    s = settings.indstillinger()
    ledig = ledigt_omraade(vindue)
    geo = s.value("vindue/geometri")
    samme_skaerm = ledig is not None and s.value("vindue/skaerm") == _noegle(ledig)
    if geo is not None and (samme_skaerm or ledig is None):
        vindue.restoreGeometry(geo)
        if ledig is not None and vindue.windowState() & Qt.WindowState.WindowMaximized:
            fyld_skaermen(vindue, ledig)  # left maximized: fill the screen (also without a window manager)
        elif ledig is not None:
            hold_inden_for(vindue, ledig)
    elif ledig is not None:
        fyld_skaermen(vindue, ledig)
    tilstand = s.value("vindue/tilstand")
    if tilstand is not None:
        vindue.restoreState(tilstand)
    dele = s.value("vindue/arbejdsflade")
    if dele is not None:
        vindue.arbejde.restoreState(dele)
    vist = s.value("vindue/sidepanel", True)
    vindue.sidepanel_handling.setChecked(vist not in (False, "false"))
    tekster = s.value("vindue/hjaelpetekster", True)
    vindue.hjaelpetekst_handling.setChecked(tekster not in (False, "false"))


def gem(vindue) -> None:
    s = settings.indstillinger()
    s.setValue("vindue/geometri", vindue.saveGeometry())
    ledig = ledigt_omraade(vindue)
    if ledig is not None:
        s.setValue("vindue/skaerm", _noegle(ledig))
    s.setValue("vindue/tilstand", vindue.saveState())
    s.setValue("vindue/arbejdsflade", vindue.arbejde.saveState())
    s.setValue("vindue/sidepanel", vindue.sidepanel_handling.isChecked())
    s.setValue("vindue/hjaelpetekster", vindue.hjaelpetekst_handling.isChecked())
