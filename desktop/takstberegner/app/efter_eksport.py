"""After an export: where the file is, with Åbn, Åbn mappe and, for a PDF, Udskriv … (the PDF
opens in the PC's own PDF viewer, which shows it as it prints; that works offline on Windows).
Shown without blocking, so the user can go on working."""
from __future__ import annotations

import os
import subprocess
import sys
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout

from takstberegner.app import statuslinje
from takstberegner.fejltekst import os_fejl


def gem(v, sti: Path, data: bytes, besked: str = "") -> bool:
    """Write an export whole (or not at all), say so in Danish, then show where it is (vis): the
    one writer of the app's reports, JSON exports and the secretariat's takstbilag."""
    from takstberegner.export.atomisk import skriv_atomisk

    try:
        skriv_atomisk(sti, data)
    except OSError as e:
        QMessageBox.critical(v, "Filen kan ikke gemmes", f"{sti} kan ikke skrives: {os_fejl(e)}.")
        return False
    statuslinje.vis(v, besked or f"Gemt i {sti}", 10000)
    vis(v, sti)
    return True


def aabn(sti: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(sti)))


def aabn_mappe(sti: Path) -> bool:
    """The folder in Stifinder with the file selected (Windows), or the folder itself."""
    if sys.platform == "win32":
        subprocess.Popen(["explorer", "/select,", str(sti)])  # noqa: S603,S607 (Windows' own Stifinder)
        return True
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(sti.parent)))


def udskriv(sti: Path) -> bool:
    """Print a PDF with the PC's PDF program (Windows' print verb); elsewhere show it to print."""
    if sys.platform == "win32":
        try:
            os.startfile(str(sti), "print")  # type: ignore[attr-defined]
            return True
        except OSError:
            pass
    return aabn(sti)


class EfterEksport(QDialog):
    def __init__(self, sti: Path, titel: str, parent=None):
        super().__init__(parent)
        self.sti = Path(sti)
        self.setObjectName("efter_eksport")
        self.setWindowTitle(titel)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        lag = QVBoxLayout(self)
        tekst = QLabel(f"<b>{escape(titel)}</b><br>Filen er gemt som <b>{escape(self.sti.name)}</b> i mappen<br>"
                       f"{escape(str(self.sti.parent))}")
        tekst.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        tekst.setWordWrap(True)
        lag.addWidget(tekst)
        self.tekst = tekst
        knapper = QHBoxLayout()
        self.knapper: dict[str, QPushButton] = {}
        valg = [("aabn", "&Åbn", lambda: aabn(self.sti)), ("mappe", "Åbn &mappe", lambda: aabn_mappe(self.sti))]
        if self.sti.suffix.lower() == ".pdf":
            valg.append(("udskriv", "&Udskriv …", lambda: udskriv(self.sti)))
        for navn, tekst_, handling in valg:
            k = QPushButton(tekst_)
            k.setObjectName(f"efter_{navn}")
            k.clicked.connect(lambda _=False, h=handling: (h(), self.accept()))
            knapper.addWidget(k)
            self.knapper[navn] = k
        knapper.addStretch(1)
        luk = QPushButton("Luk")
        luk.setObjectName("efter_luk")
        luk.clicked.connect(self.accept)
        luk.setDefault(True)
        knapper.addWidget(luk)
        lag.addLayout(knapper)


def vis(foraelder, sti: Path, titel: str = "Eksporten er gemt") -> EfterEksport:
    d = EfterEksport(sti, titel, foraelder)
    d.open()
    return d
