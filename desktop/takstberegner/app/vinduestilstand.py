"""The main window's size, toolbar and panel layout remembered between sessions (QSettings);
a first start fits the window to the screen it opens on."""
from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from takstberegner.app import settings


def gendan(vindue) -> None:
    s = settings.indstillinger()
    geo = s.value("vindue/geometri")
    if geo is not None:
        vindue.restoreGeometry(geo)
    else:
        skaerm = QGuiApplication.primaryScreen()
        if skaerm is not None:
            ledig = skaerm.availableGeometry()
            vindue.resize(min(1600, ledig.width()), min(1000, ledig.height()))
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
    s.setValue("vindue/tilstand", vindue.saveState())
    s.setValue("vindue/arbejdsflade", vindue.arbejde.saveState())
    s.setValue("vindue/sidepanel", vindue.sidepanel_handling.isChecked())
    s.setValue("vindue/hjaelpetekster", vindue.hjaelpetekst_handling.isChecked())
