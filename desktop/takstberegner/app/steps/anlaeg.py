"""Step: the anlægskartotek with afskrivning, book values and forrentning (Styringsaftalen 5.5.4-5.5.5)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from takstberegner import dansk
from takstberegner.app.models.anlaeg import AnlaegBeregningModel, AnlaegModel
from takstberegner.app.steps.base import Trin, fund_raekker
from takstberegner.app.tabel import TabelVisning
from takstberegner.app.widgets import vaerdi_label
from takstberegner.domain.model import Anlaeg


class AnlaegTrin(Trin):
    titel = "Anlæg"
    afsnit = "5.5.4 og 5.5.5"
    hjaelpetekst = ("Ejede og finansielt leasede anlæg afskrives lineært over levetiden fra måneden efter "
                    "ibrugtagning; grunde afskrives ikke. Forrentningen er årets rente af gennemsnittet af den "
                    "bogførte værdi 1. januar og 31. december. Faktiske renteudgifter medtages ikke.")
    felter = ("anlaeg",)

    def byg(self) -> None:
        self.model = AnlaegModel(self)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.samlingstabel("anlaeg", self.model, self._nyt, "anlæg", "Anlæg", alt="ae"))
        bund = QWidget()
        lag = QVBoxLayout(bund)
        lag.setContentsMargins(0, 4, 0, 0)
        self.skema_titel = QLabel("<b>Anlægsskema for takståret</b> (beregnet)")
        self.skema_titel.setWordWrap(True)
        lag.addWidget(self.skema_titel)
        self.beregning = AnlaegBeregningModel(self)
        lag.addWidget(TabelVisning(self.beregning, navn="Anlægsskema for takståret"))
        tal = QHBoxLayout()
        self.afskrivninger = vaerdi_label()
        self.forrentning = vaerdi_label()
        # the rente in the heading: three sums side by side made the page scroll sideways at 150 %
        for tekst, lbl in (("Afskrivninger i alt:", self.afskrivninger), ("Forrentning i alt:", self.forrentning)):
            if tal.count():
                tal.addSpacing(16)
            tal.addWidget(QLabel(tekst))
            tal.addWidget(lbl)
        tal.addStretch(1)
        lag.addLayout(tal)
        split.addWidget(bund)
        self.indhold.addWidget(split, 1)

    def _nyt(self) -> Anlaeg:
        ids = {a.id for a in self.tilbud.anlaeg}
        n = 1
        while f"A{n}" in ids:
            n += 1
        return Anlaeg(f"A{n}", "Nyt anlæg", "inventar", Decimal(0), date(self.dok.grundlag.takstaar - 1, 1, 1),
                      levetid_aar=5)

    def vis(self) -> None:
        t = self.tilbud
        self.setEnabled(t is not None)
        if t is None:
            return
        self.model.saet_raekker(t.anlaeg)
        r = self.resultat
        self.model.fremhaev = {i for i, _ in fund_raekker(r, self.sti_prefix() + "anlaeg")}
        self.beregning.saet_raekker(r.anlaeg if r else ())
        self.afskrivninger.setText(dansk.kr(r.afskrivninger) if r else "–")
        self.forrentning.setText(dansk.kr(r.forrentning_anlaeg) if r else "–")
        self.skema_titel.setText("<b>Anlægsskema for takståret</b> (beregnet med en rente på "
                                 f"{dansk.procent(self.dok.grundlag.satser.rente_anlaeg_pct)})")
