"""The main window: navigator left, the selected tilbud's steps in the middle, live takstpreview
and findings right. Slots only call the document (commands) or show what it computed."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from takstberegner.app import menuer, settings
from takstberegner.app.findings_panel import FundPanel
from takstberegner.app.navigator import Navigator
from takstberegner.app.preview import Takstpreview
from takstberegner.app.startside import Startside
from takstberegner.app.steps.anlaeg import AnlaegTrin
from takstberegner.app.steps.belaegning import BelaegningTrin
from takstberegner.app.steps.bemaerkninger import BemaerkningerTrin
from takstberegner.app.steps.budget import BudgetTrin
from takstberegner.app.steps.driftsherre import DriftsherreTrin
from takstberegner.app.steps.overhead import OverheadTrin
from takstberegner.app.steps.regulering import ReguleringTrin
from takstberegner.app.steps.stamdata import StamdataTrin
from takstberegner.app.steps.takststruktur import TakststrukturTrin
from takstberegner.app.steps.tillaeg import TillaegTrin
from takstberegner.paths import resource

TRIN = (DriftsherreTrin, StamdataTrin, BudgetTrin, BelaegningTrin, OverheadTrin, AnlaegTrin, ReguleringTrin,
        TakststrukturTrin, TillaegTrin, BemaerkningerTrin)
_TILBUD_STI = re.compile(r"^tilbud\[(\d+)\]\.?(.*)$")


class HovedVindue(QMainWindow):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.dok = None
        self.tilbud_id: str | None = None
        self._nav_noegle = None
        self.setWindowTitle("Takstberegner")
        ikon = resource("ikoner", "takstberegner.png")
        if ikon.exists():
            self.setWindowIcon(QIcon(str(ikon)))
        self.startside = Startside()
        self.navigator = Navigator()
        self.navigator.setMinimumWidth(160)
        self.navigator.tilbud_valgt.connect(self.vaelg_tilbud)
        self.trin_liste = QListWidget()
        self.trin_liste.setObjectName("trinliste")
        self.trin_liste.setFixedWidth(150)
        self.stak = QStackedWidget()
        self.trin = [cls() for cls in TRIN]
        for nr, side in enumerate(self.trin, 1):
            self.trin_liste.addItem(f"{nr}. {side.kort_titel or side.titel}")
            self.stak.addWidget(side)
        self.trin_liste.currentRowChanged.connect(self.vis_trin)
        self.preview = Takstpreview()
        self.fund = FundPanel()
        hoejre_min = 400
        self.preview.setMinimumWidth(hoejre_min)
        self.fund.fund_valgt.connect(self.gaa_til)
        self.overskrift = QLabel()
        self.overskrift.setStyleSheet("font-size: 11pt; color: #445;")

        midt = QWidget()
        ml = QVBoxLayout(midt)
        ml.setContentsMargins(0, 0, 0, 0)
        ml.addWidget(self.overskrift)
        hl = QHBoxLayout()
        hl.addWidget(self.trin_liste)
        hl.addWidget(self.stak, 1)
        ml.addLayout(hl, 1)
        hoejre = QSplitter(Qt.Vertical)
        hoejre.addWidget(self.preview)
        hoejre.addWidget(self.fund)
        hoejre.setSizes([360, 480])
        self.arbejde = QSplitter(Qt.Horizontal)
        self.arbejde.setObjectName("arbejdsflade")
        self.arbejde.addWidget(self.navigator)
        self.arbejde.addWidget(midt)
        self.arbejde.addWidget(hoejre)
        self.arbejde.setStretchFactor(1, 1)
        self.arbejde.setSizes([190, 980, 430])
        self.flader = QStackedWidget()
        self.flader.addWidget(self.startside)
        self.flader.addWidget(self.arbejde)
        self.setCentralWidget(self.flader)
        self.gemt_label = QLabel("Ingen fil åben")
        self.gemt_label.setObjectName("gemt")
        self.statusBar().addPermanentWidget(self.gemt_label)
        menuer.byg(self)
        self.startside.seneste.connect(self.aabn_fil)
        self.startside.demo.connect(self.aabn_demo)
        self.startside.aabn.connect(self.handlinger.aabn_dialog)
        self.startside.ny.connect(self.handlinger.ny_dialog)
        self.opdater_seneste()
        for a in self.dokument_handlinger:
            a.setEnabled(False)
        self.trin_liste.setCurrentRow(1)
        self._gendan()

    # -- the document ----------------------------------------------------------------------
    def aabn_fil(self, sti) -> bool:
        return self.handlinger.aabn_fil(sti)

    def aabn_demo(self) -> bool:
        return self.handlinger.aabn_demo()

    def saet_dokument(self, dok) -> None:
        if self.dok is not None:
            self.dok.aendret.disconnect(self.opdater)
            self.undo_gruppe.removeStack(self.dok.stak)
            self.dok.luk()
        self.dok = dok
        self._nav_noegle = None
        for a in self.dokument_handlinger:
            a.setEnabled(dok is not None)
        if dok is None:
            self.flader.setCurrentWidget(self.startside)
            self.setWindowTitle("Takstberegner")
            self.gemt_label.setText("Ingen fil åben")
            return
        self.undo_gruppe.addStack(dok.stak)
        self.undo_gruppe.setActiveStack(dok.stak)
        dok.aendret.connect(self.opdater)
        dok.gemt.connect(self.gemt_label.setText)
        dok.fejl.connect(lambda s: self.statusBar().showMessage(s, 8000))
        dok.lagerfejl.connect(self._lagerfejl)
        self.flader.setCurrentWidget(self.arbejde)
        self.setWindowTitle(f"{dok.sti.name} – Takstberegner")
        self.gemt_label.setText("Gemt")
        self.tilbud_id = dok.grundlag.tilbud[0].id if dok.grundlag.tilbud else None
        self.opdater()
        if self.tilbud_id is None:
            self.trin_liste.setCurrentRow(0)

    def _lagerfejl(self, besked: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.gemt_label.setText("Ikke gemt")
        QMessageBox.critical(self, "Ændringen kunne ikke gemmes", besked)
        self.opdater()  # show the file's state again

    def opdater(self) -> None:
        """Redraw after an edit: the navigator if tilbud changed, the visible step, preview and findings."""
        dok = self.dok
        if self.tilbud_id is not None and dok.tilbud_index(self.tilbud_id) is None:
            self.tilbud_id = dok.grundlag.tilbud[0].id if dok.grundlag.tilbud else None
        noegle = (dok.grundlag.driftsherre.navn, tuple((t.id, t.navn, tuple(y.navn for y in t.ydelser)) for t in dok.grundlag.tilbud),
                  tuple(t.har_fejl for t in dok.beregning.tilbud))
        if noegle != self._nav_noegle:
            self._nav_noegle = noegle
            self.navigator.vis(dok.grundlag, dok.beregning, self.tilbud_id)
        t = dok.grundlag.tilbud[dok.tilbud_index(self.tilbud_id)] if self.tilbud_id else None
        self.overskrift.setText(f"<b>{t.navn}</b> – {t.paragraf}, kategori {t.kategori}" if t else
                                f"<b>{dok.grundlag.driftsherre.navn}</b> – takstår {dok.grundlag.takstaar}")
        side = self.stak.currentWidget()
        side.saet(dok, self.tilbud_id)
        self.preview.vis(dok.beregning.tilbud_resultat(self.tilbud_id) if self.tilbud_id else None)
        self.fund.vis(dok.beregning)

    def vaelg_tilbud(self, tilbud_id) -> None:
        if self.dok is None:
            return
        if tilbud_id is None:
            self.trin_liste.setCurrentRow(0)
        elif tilbud_id != self.tilbud_id and self.trin_liste.currentRow() == 0:
            self.trin_liste.setCurrentRow(1)
        if tilbud_id is not None:
            self.tilbud_id = tilbud_id
            self.navigator.blockSignals(True)
            self.navigator.vaelg(tilbud_id)
            self.navigator.blockSignals(False)
        self.opdater()

    def vis_trin(self, nr: int) -> None:
        if nr < 0:
            return
        self.stak.setCurrentIndex(nr)
        if self.dok is not None:
            self.trin[nr].saet(self.dok, self.tilbud_id)

    def gaa_til(self, felt: str) -> bool:
        """Take the user to the field of a finding: select its tilbud, open its step, focus it."""
        m = _TILBUD_STI.match(felt)
        if m:
            i = int(m.group(1))
            if self.dok is None or i >= len(self.dok.grundlag.tilbud):
                return False
            self.tilbud_id = self.dok.grundlag.tilbud[i].id
            self.navigator.blockSignals(True)
            self.navigator.vaelg(self.tilbud_id)
            self.navigator.blockSignals(False)
            rest = m.group(2)
        else:
            rest = felt
        navn = re.split(r"[\[.]", rest, maxsplit=1)[0]
        for nr, side in enumerate(self.trin):
            if navn in side.felter:
                self.trin_liste.setCurrentRow(nr)
                self.opdater()
                return side.fokuser(rest)
        self.opdater()
        return False

    # -- settings ---------------------------------------------------------------------------
    def opdater_seneste(self) -> None:
        filer = settings.seneste_filer()
        self.startside.vis_seneste(filer)
        menuer.vis_seneste(self, filer)

    def _gendan(self) -> None:
        s = settings.indstillinger()
        geo = s.value("vindue/geometri")
        if geo is not None:
            self.restoreGeometry(geo)
        else:
            self.resize(1600, 1000)
        tilstand = s.value("vindue/tilstand")
        if tilstand is not None:
            self.restoreState(tilstand)
        dele = s.value("vindue/dele")
        if dele is not None:
            self.arbejde.restoreState(dele)

    def closeEvent(self, event) -> None:
        s = settings.indstillinger()
        s.setValue("vindue/geometri", self.saveGeometry())
        s.setValue("vindue/tilstand", self.saveState())
        s.setValue("vindue/dele", self.arbejde.saveState())
        if self.dok is not None:
            self.dok.luk()
        super().closeEvent(event)
