"""The dialog for a new takstfil: the driftsherre's name, CVR-nummer, type and the takstår, asked
before anything is created, so no file starts as "Ny driftsherre" with CVR 00000000 (SA 2.2.1)."""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout

from takstberegner.app.widgets import fejl_linje, ok_annuller
from takstberegner.domain import navne
from takstberegner.domain.model import Driftsherre, Satser, Takstgrundlag

_CVR = re.compile(r"[0-9]{8}")


def nyt_grundlag(navn: str, cvr: str, takstaar: int, type_: str = "kommune") -> Takstgrundlag:
    """An empty takstgrundlag for the driftsherre; the rente is set on the driftsherre page."""
    return Takstgrundlag(takstaar=takstaar, driftsherre=Driftsherre(navn.strip(), cvr.strip(), type_),
                         satser=Satser(rente_anlaeg_pct=Decimal(0)))


class NyFilDialog(QDialog):
    def __init__(self, parent=None, i_dag: date | None = None):
        super().__init__(parent)
        self.setWindowTitle("Ny takstfil")
        aar = (i_dag or date.today()).year
        lag = QVBoxLayout(self)
        lag.addWidget(QLabel("En takstfil rummer én driftsherres takster for ét takstår."))
        form = QFormLayout()
        self.navn = QLineEdit()
        self.navn.setObjectName("ny_navn")
        self.navn.setPlaceholderText("fx Aalborg Kommune")
        self.cvr = QLineEdit()
        self.cvr.setObjectName("ny_cvr")
        self.cvr.setPlaceholderText("8 cifre")
        # no validator: it dropped a 9th digit or a letter without a word; fejl() says what is wrong
        self.type = QComboBox()
        self.type.setObjectName("ny_type")
        for kode, tekst in navne.DRIFTSHERRE_TYPER.items():
            self.type.addItem(tekst, kode)
        self.takstaar = QSpinBox()
        self.takstaar.setObjectName("ny_takstaar")
        self.takstaar.setRange(aar - 1, aar + 3)
        self.takstaar.setValue(aar + 1)
        self.takstaar.setGroupSeparatorShown(False)
        form.addRow("&Driftsherre:", self.navn)
        form.addRow("&CVR-nummer:", self.cvr)
        form.addRow("T&ype:", self.type)
        form.addRow("T&akstår:", self.takstaar)
        lag.addLayout(form)
        self.besked = fejl_linje("ny_besked")
        lag.addWidget(self.besked)
        lag.addWidget(ok_annuller("Opret …", self._ok, self.reject))

    def fejl(self) -> str:
        """What is missing, in Danish ('' when the answers can be used)."""
        if not self.navn.text().strip():
            return "Skriv driftsherrens navn."
        cvr = self.cvr.text().strip()
        if not cvr:
            return "Skriv driftsherrens CVR-nummer med 8 cifre."
        if not _CVR.fullmatch(cvr) or cvr == "00000000":
            return f"CVR-nummeret skal være 8 cifre og intet andet; '{cvr[:20]}' er ikke et CVR-nummer."
        return ""

    def _ok(self) -> None:
        fejl = self.fejl()
        self.besked.setText(fejl)
        if not fejl:
            self.accept()

    def grundlag(self) -> Takstgrundlag:
        return nyt_grundlag(self.navn.text(), self.cvr.text(), self.takstaar.value(), self.type.currentData())
