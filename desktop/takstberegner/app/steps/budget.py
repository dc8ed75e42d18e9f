"""Step: the budget, omkostningslinjer by category with totals (Styringsaftalen 5.5.1-5.5.6)."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QGridLayout, QLabel, QSplitter, QVBoxLayout, QWidget
from PySide6.QtCore import Qt

from takstberegner import dansk
from takstberegner.app.models.budget import IndtaegtModel, KategoriSumModel, OmkostningModel
from takstberegner.app.steps.base import Trin, fund_raekker
from takstberegner.app.tabel import TabelVisning
from takstberegner.app.widgets import overskrift, vaerdi_label
from takstberegner.domain.model import OevrigIndtaegt, Omkostningslinje


class BudgetTrin(Trin):
    titel = "Budget"
    afsnit = "5.5.1-5.5.6"
    hjaelpetekst = ("Indtast tilbuddets budget som omkostningslinjer i de otte kategorier (tabel 4). "
                    "Fagpersonale i vagtlag hører til den borgerrettede del; resten til basis, medmindre du vælger andet. "
                    "For tjenestemænd beregnes pension som sats × løn. Tillægsydelser og individuelle valgfrie ydelser "
                    "må ikke indgå i taksten. Tip: kopiér en kolonne beløb i Excel og indsæt med Ctrl+V.")
    felter = ("omkostninger", "oevrige_indtaegter")

    def byg(self) -> None:
        self.model = OmkostningModel(self)
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.samlingstabel("omkostninger", self.model,
                                           lambda: Omkostningslinje("personale", "borgerrelateret_personale", Decimal(0)),
                                           "linje"))
        nederst = QWidget()
        grid = QGridLayout(nederst)
        grid.setContentsMargins(0, 4, 0, 0)
        self.sum_model = KategoriSumModel(self)
        sumtabel = TabelVisning(self.sum_model)
        sumtabel.setMinimumHeight(150)
        grid.addWidget(overskrift("<b>Omkostningsgrundlag efter kategori</b> (inkl. pension, afskrivning, overhead og renter)"), 0, 0)
        grid.addWidget(sumtabel, 1, 0, 3, 1)
        self.ind_model = IndtaegtModel(self)
        grid.addWidget(overskrift("<b>Øvrige indtægter</b> (fx tilskud; trækkes fra takstgrundlaget)"), 0, 1)
        grid.addWidget(self.samlingstabel("oevrige_indtaegter", self.ind_model,
                                          lambda: OevrigIndtaegt("tilskud", Decimal(0)), "indtægt"), 1, 1)
        tal = QVBoxLayout()
        self.direkte = vaerdi_label()
        self.pension = vaerdi_label()
        self.dele = vaerdi_label()
        for tekst, lbl in (("Direkte omkostninger:", self.direkte), ("Tjenestemandspension:", self.pension),
                           ("Basis / borgerrettet del:", self.dele)):
            tal.addWidget(QLabel(tekst))
            tal.addWidget(lbl)
        grid.addLayout(tal, 2, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        split.addWidget(nederst)
        split.setSizes([420, 280])
        self.indhold.addWidget(split, 1)

    def vis(self) -> None:
        t = self.tilbud
        self.setEnabled(t is not None)
        if t is None:
            return
        self.model.saet_ydelser(t.ydelser)
        self.model.saet_raekker(t.omkostninger)
        self.ind_model.saet_raekker(t.oevrige_indtaegter)
        r = self.resultat
        self.sum_model.vis_resultat(r)
        self.model.fremhaev = {i for i, _ in fund_raekker(r, self.sti_prefix() + "omkostninger")}
        if r is not None:
            self.direkte.setText(dansk.kr(r.direkte_omkostninger))
            self.pension.setText(dansk.kr(r.tjenestemandspension))
            self.dele.setText(f"{dansk.kr(r.basis_andel)} / {dansk.kr(r.borgerrettet_andel)}")

