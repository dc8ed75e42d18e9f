"""The one save dialog for a file the app writes: the name the user chose always ends as what is
written in it (filnavne.med_endelse), and a file that the added ending makes into another, existing
one is not replaced without asking (the dialog asked only about the name as typed)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from takstberegner.app.filnavne import med_endelse
from takstberegner.domain.usynlige_tegn import synlig
from takstberegner.paths import windows_navnefejl


def gem_som(parent: QWidget, titel: str, forslag: str, filter_: str, *endelser: str) -> Path | None:
    """The path to write, or None when the user cancels."""
    while True:
        sti, _ = QFileDialog.getSaveFileName(parent, titel, forslag, filter_)
        if not sti:
            return None
        rettet = med_endelse(sti, *endelser)
        if grund := windows_navnefejl(Path(rettet).name):
            QMessageBox.warning(parent, titel, f"Filen kan ikke hedde {synlig(Path(rettet).name)}. {grund}")
            forslag = str(Path(rettet).parent)
            continue
        if rettet == sti or not Path(rettet).exists():
            return Path(rettet)
        svar = QMessageBox.question(parent, titel, f"{Path(rettet).name} findes allerede. Vil du erstatte den?")
        if svar == QMessageBox.Yes:
            return Path(rettet)
        forslag = rettet
