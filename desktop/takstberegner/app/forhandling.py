"""Forhandlingsberegner: the takst for one borger's negotiated støttetimer (SA 5.4.6, 5.4.7; SPEC v2
§4.13a): basistakst + pris pr. direkte støttetime × h / 7, from the tilbud's published figures.
The dialog only shows what domain.forhandling computes."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from takstberegner import dansk
from takstberegner.app.models.raekker import Kolonne, RaekkeModel
from takstberegner.app.tabel import TabelVisning
from takstberegner.app.widgets import TalFelt, hjaelp, vaerdi_label
from takstberegner.domain import navne
from takstberegner.domain.forhandling import forhandlet_takst
from takstberegner.domain.regelsaet import Regelsaet
from takstberegner.domain.resultat import TilbudResultat


class _NiveauModel(RaekkeModel):
    """The tilbud's own levels for comparison: støttetimer and published takst."""

    def __init__(self, parent=None):
        super().__init__((
            Kolonne("ydelse_navn", "Ydelse", redigerbar=False, hent=lambda t: t.ydelse_navn or t.ydelse, bredde=160),
            Kolonne("stoettetimer_uge", "Støttetimer pr. uge", "tal", decimaler=None, redigerbar=False, bredde=130),
            Kolonne("takst", "Udmeldt takst", "tal", redigerbar=False, bredde=110),
        ), parent)


class ForhandlingDialog(QDialog):
    def __init__(self, resultat: TilbudResultat, regelsaet: Regelsaet, parent=None):
        super().__init__(parent)
        self.resultat, self.regelsaet = resultat, regelsaet
        self.setWindowTitle(f"Forhandlingsberegner – {resultat.navn}")
        self.setObjectName("forhandlingsberegner")
        self.setMinimumWidth(560)
        lag = QVBoxLayout(self)
        lag.addWidget(hjaelp(
            "<b>Styringsaftalen 5.4.6 og 5.4.7.</b> Ved en forhandlet takst forhandles kun den borgerrettede del: "
            "de direkte støttetimer borgeren skal have. Taksten er basistaksten plus prisen pr. direkte støttetime "
            "gange timerne pr. uge delt med 7 dage."))
        form = QFormLayout()
        self.timer = TalFelt(decimaler=None)
        self.timer.setObjectName("forhandling_timer")
        self.timer.vaerdi_aendret.connect(lambda _: self.opdater())
        self.basistakst = vaerdi_label()
        self.pris = vaerdi_label()
        self.borgerrettet = vaerdi_label()
        self.takst = vaerdi_label()
        self.takst.setObjectName("forhandlet_takst")
        self.takst.setStyleSheet("font-weight: 700; font-size: 12pt;")
        enhed = {navne.vis(t.enhed, navne.ENHEDER).lower() for t in resultat.takster} or {"døgn"}
        form.addRow("Forhandlede støttetimer pr. uge:", self.timer)
        form.addRow("Basistakst:", self.basistakst)
        form.addRow("Pris pr. direkte støttetime:", self.pris)
        form.addRow("Borgerrettet del (pris × timer / 7):", self.borgerrettet)
        form.addRow(f"Takst pr. {', '.join(sorted(enhed))}:", self.takst)
        lag.addLayout(form)
        lag.addWidget(QLabel("Tilbuddets udmeldte niveauer til sammenligning:"))
        model = _NiveauModel(self)
        model.saet_raekker(resultat.takster)
        tabel = TabelVisning(model, navn="Tilbuddets udmeldte niveauer")
        tabel.setMinimumHeight(90)
        lag.addWidget(tabel)
        knapper = QDialogButtonBox(QDialogButtonBox.Close)
        knapper.button(QDialogButtonBox.Close).setText("Luk")
        knapper.rejected.connect(self.reject)
        lag.addWidget(knapper)
        self.basistakst.setText(dansk.kr(resultat.basistakst))
        self.pris.setText(dansk.kr(resultat.pris_pr_stoettetime))
        h = next((t.stoettetimer_uge for t in resultat.takster if t.stoettetimer_uge is not None), None)
        self.timer.vis(h)
        self.opdater()

    def opdater(self) -> None:
        try:
            h = self.timer.vaerdi()
        except ValueError:
            h = None
        ft = None if h is None else forhandlet_takst(self.resultat, Decimal(h), self.regelsaet)
        if ft is None:
            self.borgerrettet.setText("–")
            self.takst.setText("–")
            return
        self.borgerrettet.setText(dansk.kr(ft.borgerrettet))
        self.takst.setText(dansk.kr(ft.takst))
