"""Step: the budget, omkostningslinjer by category with totals (Styringsaftalen 5.5.1-5.5.6)."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from takstberegner.app.models.budget import IndtaegtModel, KategoriSumModel, OmkostningModel
from takstberegner.app.steps.base import Trin, fund_raekker
from takstberegner.app.summer import Summer
from takstberegner.app.widgets import overskrift
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
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(self.samlingstabel("omkostninger", self.model,
                                           lambda: Omkostningslinje("personale", "borgerrelateret_personale", Decimal(0),
                                                                    vagtlag=True),
                                           "linje", "Budgetlinjer", alt="le"))
        # Kategori, Post, Beløb, Vagtlag and Del af taksten in view; Tekst and pension may scroll
        self.tabeller["omkostninger"].i_syne_til = "del_"
        # below the lines: the sums by category (never clipped) and øvrige indtægter, as tabs
        self.sum_model = KategoriSumModel(self)
        summer = QWidget()
        sl = QVBoxLayout(summer)
        sl.setContentsMargins(6, 4, 6, 4)
        sl.addWidget(overskrift("<b>Omkostningsgrundlag efter kategori</b> (inkl. pension, afskrivning, overhead og renter)"))
        self.summer = Summer()
        self.summer.setObjectName("budget_summer")
        sl.addWidget(self.summer)
        sl.addStretch(1)
        self.ind_model = IndtaegtModel(self)
        indtaegter = QWidget()
        il = QVBoxLayout(indtaegter)
        il.setContentsMargins(6, 4, 6, 4)
        il.addWidget(overskrift("<b>Øvrige indtægter</b> (fx tilskud; trækkes fra takstgrundlaget)"))
        il.addWidget(self.samlingstabel("oevrige_indtaegter", self.ind_model,
                                        lambda: OevrigIndtaegt("tilskud", Decimal(0)), "indtægt",
                                        "Øvrige indtægter", alt="id"), 1)
        self.faner = QTabWidget()
        self.faner.setObjectName("budget_faner")
        self.faner.addTab(summer, "Omkostningsgrundlag")
        self.faner.addTab(indtaegter, "Øvrige indtægter")
        split.addWidget(self.faner)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        self.indhold.addWidget(split, 1)

    def vis(self) -> None:
        t = self.tilbud
        self.setEnabled(t is not None)
        if t is None:
            return
        self.model.saet_ydelser(t.ydelser)
        self.model.saet_raekker(t.omkostninger)
        self.ind_model.saet_raekker(t.oevrige_indtaegter)
        fane = f"Øvrige indtægter ({len(t.oevrige_indtaegter)})"
        if self.faner.tabText(1) != fane:
            self.faner.setTabText(1, fane)
        r = self.resultat
        self.sum_model.vis_resultat(r)
        self.model.fremhaev = {i for i, _ in fund_raekker(r, self.sti_prefix() + "omkostninger")}
        linjer = [(navn, beloeb, navn.endswith("i alt")) for navn, beloeb in self.sum_model.raekker]
        if r is not None:
            linjer += [("Direkte omkostninger", r.direkte_omkostninger, False),
                       ("Tjenestemandspension", r.tjenestemandspension, False),
                       ("Basis (takstgrundlag)", r.basis_andel, False),
                       ("Borgerrettet (takstgrundlag)", r.borgerrettet_andel, False)]
        self.summer.vis(linjer)

