"""The start page shown when no file is open: open the demo driftsherre, a file, or a new one."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget


class Startside(QWidget):
    demo = Signal()
    aabn = Signal()
    ny = Signal()
    vejledning = Signal()
    seneste = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        lag = QVBoxLayout(self)
        lag.setContentsMargins(80, 60, 80, 40)
        titel = QLabel("Velkommen til Takstberegner")
        titel.setStyleSheet("font-size: 22pt; font-weight: 600;")
        lag.addWidget(titel)
        tekst = QLabel("Beregn næste års takster efter Styringsaftalen for Nordjysk Socialaftale, trin for trin, "
                       "og se taksterne ændre sig, mens du skriver. Er du ny, så start med demo-driftsherren: "
                       "den indeholder tre færdigberegnede tilbud, som du frit kan rette i.")
        tekst.setWordWrap(True)
        tekst.setMaximumWidth(760)
        lag.addWidget(tekst)
        lag.addSpacing(16)
        for navn, tekst_, signal in (("demo_knap", "Åbn demo-driftsherren", self.demo),
                                     ("aabn_knap", "Åbn takstfil …", self.aabn),
                                     ("ny_knap", "Ny takstfil …", self.ny),
                                     ("vejledning_knap", "Vejledning (F1)", self.vejledning)):
            k = QPushButton(tekst_)
            k.setObjectName(navn)
            k.setMinimumHeight(36)
            k.setMaximumWidth(320)
            k.clicked.connect(signal.emit)
            lag.addWidget(k)
        lag.addSpacing(16)
        self.seneste_titel = QLabel("<b>Seneste filer</b> (dobbeltklik for at åbne)")
        lag.addWidget(self.seneste_titel)
        self.liste = QListWidget()
        self.liste.setMaximumWidth(760)
        self.liste.setMaximumHeight(260)
        self.liste.itemActivated.connect(lambda item: self.seneste.emit(item.data(Qt.ItemDataRole.UserRole)))
        lag.addWidget(self.liste)
        lag.addStretch(1)

    def vis_seneste(self, filer: list[str]) -> None:
        self.liste.clear()
        for f in filer:
            self.liste.addItem(f"{Path(f).name}  –  {Path(f).parent}")
            self.liste.item(self.liste.count() - 1).setData(Qt.ItemDataRole.UserRole, f)
        self.seneste_titel.setVisible(bool(filer))
        self.liste.setVisible(bool(filer))
