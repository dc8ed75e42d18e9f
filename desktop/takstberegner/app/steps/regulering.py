"""Step: regulering for tidligere års resultater and hensættelser (Styringsaftalen 5.3, 5.3.1)."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSplitter, QWidget

from takstberegner import dansk
from takstberegner.app.models.regulering import (
    HensaettelseListeModel,
    HensaettelseModel,
    ReguleringBeregningModel,
    ResultatModel,
)
from takstberegner.app.steps.base import Trin, fund_raekker
from takstberegner.app.tabel import TabelVisning
from takstberegner.app.vendt_tabel import VendtTabel
from takstberegner.app.widgets import vaerdi_label
from takstberegner.domain.model import Hensaettelse, Resultat


class ReguleringTrin(Trin):
    titel = "Regulering"
    afsnit = "5.3"
    hjaelpetekst = ("Over- og underskud fra tidligere år reguleres i taksten senest to år efter. Op til 5 % af årets "
                    "takstgrundlag kan et overskud hensættes (og skal bruges inden for 5 år), og et underskud bæres af "
                    "driftsherren selv; resten skal i taksten. Reguleringer forrentes med den korte rente.")
    felter = ("resultater", "hensaettelser")

    def byg(self) -> None:
        self.resultater = ResultatModel(self)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.samlingstabel("resultater", self.resultater, self._nyt_resultat, "resultat",
                                           "Tidligere års resultater", alt="el"))
        midt = QWidget()
        lag = QGridLayout(midt)
        lag.setContentsMargins(0, 4, 0, 0)
        lag.addWidget(QLabel("<b>Håndtering i takståret</b> (beregnet, kr.)"), 0, 0, 1, 2)
        self.beregning = ReguleringBeregningModel(self)
        self.beregning_tabel = VendtTabel(self.beregning, navn="Håndtering i takståret")  # a column per year: every amount in view
        self.beregning_tabel.setObjectName("regulering_haandtering")
        lag.addWidget(self.beregning_tabel, 1, 0, 1, 2)
        linje = QHBoxLayout()
        self.regulering = vaerdi_label()
        self.regulering.setObjectName("regulering_i_alt")
        self.hensat = vaerdi_label()
        for tekst, lbl in (("Regulering i taksten:", self.regulering), ("Hensat i år:", self.hensat)):
            if linje.count():
                linje.addSpacing(16)
            linje.addWidget(QLabel(tekst))
            linje.addWidget(lbl)
        linje.addStretch(1)
        lag.addLayout(linje, 2, 0, 1, 2)
        split.addWidget(midt)
        bund = QWidget()
        g = QGridLayout(bund)
        g.setContentsMargins(0, 4, 0, 0)
        # the headings wrap: side by side in one line they made the page scroll sideways at 150 %
        for kol, tekst in enumerate(("<b>Tidligere hensættelser</b>", "<b>Hensættelser og sidste anvendelsesår</b>")):
            titel = QLabel(tekst)
            titel.setWordWrap(True)
            g.addWidget(titel, 0, kol, Qt.AlignmentFlag.AlignBottom)
        self.hens = HensaettelseModel(self)
        # 'Hensættelse skal anvendes' leads to what the user changes: how much of it is used
        self.raekke_felt["hensaettelser"] = "brugt"
        g.addWidget(self.samlingstabel("hensaettelser", self.hens, self._ny_hensaettelse, "hensættelse",
                                       "Tidligere hensættelser", alt="næ"), 1, 0)
        self.hens_liste = HensaettelseListeModel(self)
        g.addWidget(TabelVisning(self.hens_liste, navn="Hensættelser og sidste anvendelsesår"), 1, 1)
        split.addWidget(bund)
        self.indhold.addWidget(split, 1)

    def _nyt_resultat(self) -> Resultat:
        return Resultat(self.dok.grundlag.takstaar - 2, Decimal(0), Decimal(0), "indregn")

    def _ny_hensaettelse(self) -> Hensaettelse:
        return Hensaettelse(self.dok.grundlag.takstaar - 2, Decimal(0))

    def vis(self) -> None:
        t = self.tilbud
        self.setEnabled(t is not None)
        if t is None:
            return
        r = self.resultat
        self.resultater.saet_raekker(t.resultater)
        self.resultater.fremhaev = {i for i, _ in fund_raekker(r, self.sti_prefix() + "resultater")}
        self.hens.saet_raekker(t.hensaettelser)
        self.hens.fremhaev = {i for i, _ in fund_raekker(r, self.sti_prefix() + "hensaettelser")}
        self.beregning.saet_raekker(r.reguleringer if r else ())
        self.hens_liste.saet_raekker((r.tidligere_hensaettelser + r.hensaettelser) if r else ())
        self.regulering.setText(dansk.kr(r.regulering) if r else "–")
        self.hensat.setText(dansk.kr(r.hensat) if r else "–")
