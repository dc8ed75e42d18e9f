"""Step: tillægsydelser priced as ATA-timetakster (Styringsaftalen 9.2)."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from takstberegner.app.models.tillaeg import AtaModel, TillaegModel
from takstberegner.app.steps.base import Trin
from takstberegner.app.tabel import TabelVisning
from takstberegner.domain.model import Tillaegsydelse


class TillaegTrin(Trin):
    titel = "Tillægsydelser"
    afsnit = "9.2"
    hjaelpetekst = ("Tillægsydelser afregnes med en ATA-timetakst pr. personalekategori og tidsrum: "
                    "timeomkostning × (1 + døgnkoefficient + VFO + fravær). Omkostningerne til tillægsydelser "
                    "må ikke indgå i tilbuddets takst.")
    felter = ("tillaegsydelser",)

    def byg(self) -> None:
        self.model = TillaegModel(self)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.samlingstabel(
            "tillaegsydelser", self.model,
            lambda: Tillaegsydelse("Socialpædagog", Decimal(0), (("hverdag", Decimal(25)),)), "personalekategori",
            "Tillægsydelser", alt="pe"))
        bund = QWidget()
        lag = QVBoxLayout(bund)
        lag.setContentsMargins(0, 4, 0, 0)
        lag.addWidget(QLabel("<b>ATA-timetakster</b> (beregnet)"))
        self.ata = AtaModel(self)
        lag.addWidget(TabelVisning(self.ata, navn="ATA-timetakster"))
        split.addWidget(bund)
        self.indhold.addWidget(split, 1)

    def vis(self) -> None:
        t = self.tilbud
        self.setEnabled(t is not None)
        if t is None:
            return
        self.model.saet_raekker(t.tillaegsydelser)
        r = self.resultat
        self.ata.saet_raekker(r.tillaegsydelser if r else ())
