"""The live takstpreview: every takst of the selected tilbud with its change from last year,
basistakst/ydelsestakst, and the tilbud's key figures (SA 5.4, 3.1). Reads the beregning only.

The table shows one column per ydelse and one row per figure, so a narrow side panel shows every
figure without scrolling sideways (a tilbud has few ydelser but many figures)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from takstberegner import dansk
from takstberegner.domain import navne
from takstberegner.domain.forhandling import kan_forhandles
from takstberegner.app.models.raekker import Kolonne, RaekkeModel
from takstberegner.app.vendt_tabel import VendtTabel
from takstberegner.app.widgets import vaerdi_label


class TakstModel(RaekkeModel):
    def __init__(self, parent=None):
        super().__init__((
            Kolonne("ydelse_navn", "Ydelse", redigerbar=False, hent=lambda t: t.ydelse_navn or t.ydelse, bredde=110),
            Kolonne("takst", "Takst", "tal", redigerbar=False, bredde=80,
                    vaerktoejstip="Takst pr. døgn, dag eller enhed (kr.)"),
            Kolonne("forrige_takst", "Sidste år", "tal", redigerbar=False, bredde=80),
            Kolonne("aendring_pct", "Ændring %", "tal", redigerbar=False, bredde=60,
                    vaerktoejstip="Nominel ændring fra sidste års takst"),
            Kolonne("aendring_real_pct", "Real ændring %", "tal", redigerbar=False, bredde=70,
                    vaerktoejstip="Ændring fra sidste års takst fremskrevet med årets P/L (SA 3.1, 5.5.2)"),
            Kolonne("belaegning_pct", "Belægning %", "tal", redigerbar=False, bredde=64,
                    vaerktoejstip="Ydelsens belægning, når ydelserne har hver sin (SA 5.2)"),
            Kolonne("basistakst", "Basistakst", "tal", redigerbar=False, bredde=72, vaerktoejstip="Basistakst (SA 5.4.4)"),
            Kolonne("ydelsestakst", "Ydelsestakst", "tal", redigerbar=False, vaerktoejstip="Ydelsestakst (SA 5.4.5)"),
        ), parent)


class Takstpreview(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        lag = QVBoxLayout(self)
        lag.setContentsMargins(4, 4, 4, 4)
        self.titel = QLabel("Takster")
        self.titel.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.titel.setWordWrap(True)
        self.titel.setTextFormat(Qt.TextFormat.PlainText)  # the tilbud's name as written, never as HTML
        lag.addWidget(self.titel)
        self.model = TakstModel(self)
        self.tabel = VendtTabel(self.model, navn="Takster for tilbuddet", stables=True)
        self.tabel.setObjectName("takstpreview")
        lag.addWidget(self.tabel)
        form = QFormLayout()
        self.takstgrundlag = vaerdi_label()
        self.belaegning = vaerdi_label()
        self.pladsdoegn = vaerdi_label()
        self.stoettetime = vaerdi_label()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.forhandling = QPushButton("Forhandlingsberegner …")
        self.forhandling.setObjectName("forhandlingsberegner_knap")
        self.forhandling.setToolTip("Taksten for én borgers forhandlede støttetimer (SA 5.4.6)")
        self.forhandling.clicked.connect(self.aabn_forhandling)
        self._resultat = None
        form.addRow("Takstgrundlag:", self.takstgrundlag)
        form.addRow("Belægning:", self.belaegning)
        form.addRow("Pladsdøgn:", self.pladsdoegn)
        form.addRow("Pris pr. støttetime:", self.stoettetime)
        lag.addLayout(form)
        lag.addWidget(self.forhandling)
        lag.addWidget(self.status)
        lag.addStretch(1)

    def vis(self, resultat, status: tuple[str, bool] | None = None) -> None:
        """status: the tilbud's readiness (klar.tilbud_status), so an empty budget never looks ready."""
        self._resultat = resultat
        self.forhandling.setEnabled(kan_forhandles(resultat))
        if resultat is None:
            self.titel.setText("Takster")
            self.model.saet_raekker(())
            for lbl in (self.takstgrundlag, self.belaegning, self.pladsdoegn, self.stoettetime, self.status):
                lbl.setText("")
            return
        enheder = {f"pr. {navne.vis(t.enhed, navne.ENHEDER).lower()}" for t in resultat.takster}
        self.titel.setText(f"Takster for {resultat.navn}" + (f" ({', '.join(sorted(enheder))})" if enheder else ""))
        self.model.saet_raekker(resultat.takster)
        for i, k in enumerate(self.model.kolonner):  # hide what this takststruktur does not have
            if k.felt in ("forrige_takst", "aendring_pct", "aendring_real_pct", "basistakst", "ydelsestakst"):
                self.tabel.skjul_felt(i, all(getattr(t, k.felt) is None for t in resultat.takster))
            elif k.felt == "belaegning_pct":  # only when the ydelser have different belægning
                self.tabel.skjul_felt(i, len({t.belaegning_pct for t in resultat.takster}) < 2)
        self.takstgrundlag.setText(dansk.kr(resultat.takstgrundlag))
        self.belaegning.setText(dansk.procent(resultat.belaegning_pct) or "–")
        self.pladsdoegn.setText(dansk.tal(resultat.pladsdoegn) if resultat.pladsdoegn is not None else "–")
        self.stoettetime.setText(dansk.kr(resultat.pris_pr_stoettetime) or "–")
        fejl = sum(1 for f in resultat.fund if f.er_fejl)
        if resultat.kategori == 1:
            self.status.setText("Kategori 1: indmeldes ikke.")
        elif status is not None and not status[1]:
            self.status.setText(f"<span style='color:#a01818'><b>Ikke klar til indmelding:</b> {status[0]}.</span>")
        elif fejl:
            self.status.setText(f"<span style='color:#a01818'><b>{fejl} fejl</b> skal rettes før indmelding.</span>")
        else:
            self.status.setText("<span style='color:#1b6e2a'><b>Klar til indmelding.</b></span>")

    def aabn_forhandling(self):
        """The forhandlingsberegner for the shown tilbud (SPEC v2 §4.13a); the dialog, or None."""
        dok = getattr(self.window(), "dok", None)
        if not kan_forhandles(self._resultat) or dok is None:
            return None
        from takstberegner.app.forhandling import ForhandlingDialog
        from takstberegner.formats.regelsaet import regelsaet_for

        d = ForhandlingDialog(self._resultat, regelsaet_for(dok.grundlag.takstaar), self)
        d.exec()
        return d
