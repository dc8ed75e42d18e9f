"""Step: overhead from the driftsherre's puljer, and where each pulje lands (Styringsaftalen 5.5.7, 9.1)."""
from __future__ import annotations

from dataclasses import replace
from html import escape
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from takstberegner import dansk
from takstberegner.app.models.overhead import FordelingModel, ModtagerModel, PuljeModel
from takstberegner.app.steps.base import Trin
from takstberegner.app.tabel import TabelVisning
from takstberegner.app.widgets import overskrift, vaerdi_label
from takstberegner.domain import aendringer as ae
from takstberegner.domain.model import OevrigModtager, Overheadpulje


class OverheadTrin(Trin):
    titel = "Overhead"
    afsnit = "5.5.7 og 9.1"
    hjaelpetekst = ("Driftsherrens overheadpuljer (central administration, fælles ledelse, køkken o.l.) fordeles på "
                    "tilbuddene efter en fordelingsnøgle. Kun driftsandelen indgår; myndighedsandelen er et eksternt "
                    "omkostningssted. Andre modtagere (kategori 1-tilbud, andre driftsområder) bærer deres andel.")
    felter = ("overheadpuljer",)

    def byg(self) -> None:
        self.puljer = PuljeModel(self)
        # A nøgle or omfang chosen here is saved with the nøgletal and andele it asks for still missing.
        self.puljer.paa_rettelse = lambda r, p: self.dok.anvend(ae.OpdaterPulje(r, p), krav=True)
        self.pulje_tabel = TabelVisning(self.puljer, navn="Overheadpuljer")
        self.pulje_tabel.paa_besked = self._besked
        self.pulje_tabel.selectionModel().currentRowChanged.connect(lambda *_: self._vis_valgt())
        self.tabeller = {"overheadpuljer": self.pulje_tabel}
        split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        lag = QVBoxLayout(top)
        lag.setContentsMargins(0, 0, 0, 0)
        # the tilbud's overhead on the heading's line, the heading wrapping: beside the buttons it
        # made the page scroll sideways at 125 %
        top_linje = QHBoxLayout()
        titel = QLabel("<b>Overheadpuljer</b> (fælles for alle driftsherrens tilbud)")
        titel.setWordWrap(True)
        top_linje.addWidget(titel, 1)
        self.tilbuddets = vaerdi_label()
        top_linje.addWidget(QLabel("Dette tilbuds overhead:"), 0, Qt.AlignmentFlag.AlignBottom)
        top_linje.addWidget(self.tilbuddets, 0, Qt.AlignmentFlag.AlignBottom)
        lag.addLayout(top_linje)
        lag.addWidget(self.pulje_tabel)
        knapper = QHBoxLayout()
        ny = QPushButton("Tilføj &pulje")
        ny.clicked.connect(lambda: self.dok.anvend(ae.TilfoejPulje(
            Overheadpulje(self._nyt_id(), "Ny pulje", Decimal(0), "pladser")), krav=True))
        slet = QPushButton("Slet pu&lje")
        slet.clicked.connect(self._slet)
        omfang = QPushButton("Vælg &modtagende tilbud …")
        omfang.setObjectName("vaelg_omfang")
        omfang.clicked.connect(self._vaelg_omfang)
        self.pulje_tabel.aabn.connect(
            lambda i: self._vaelg_omfang() if self.puljer.kolonner[i.column()].felt == "omfang" else None)
        knapper.addWidget(ny)
        knapper.addWidget(slet)
        knapper.addWidget(omfang)
        knapper.addStretch(1)
        lag.addLayout(knapper)
        split.addWidget(top)

        midt = QWidget()
        venstre = QVBoxLayout(midt)
        venstre.setContentsMargins(0, 0, 0, 0)
        venstre.addWidget(overskrift("<b>Andre modtagere</b> af den valgte pulje (kategori 1-tilbud, andre driftsområder)"))
        self.modtagere = ModtagerModel(self)
        self.modtagere.paa_rettelse = self._ret_modtager
        self.modtager_tabel = TabelVisning(self.modtagere, navn="Andre modtagere af den valgte pulje")
        venstre.addWidget(self.modtager_tabel)
        mk = QHBoxLayout()
        nym = QPushButton("Tilføj m&odtager")
        nym.clicked.connect(self._ny_modtager)
        mk.addWidget(nym)
        sletm = QPushButton("Slet mo&dtager")
        sletm.setObjectName("slet_modtager")
        sletm.clicked.connect(self._slet_modtager)
        mk.addWidget(sletm)
        mk.addStretch(1)
        venstre.addLayout(mk)
        split.addWidget(midt)
        bund = QWidget()
        hoejre = QVBoxLayout(bund)
        hoejre.setContentsMargins(0, 0, 0, 0)
        self.fordeling_titel = overskrift("<b>Fordeling</b>")
        hoejre.addWidget(self.fordeling_titel)
        self.fordeling = FordelingModel(self)
        hoejre.addWidget(TabelVisning(self.fordeling, navn="Puljens fordeling"))
        split.addWidget(bund)
        split.setSizes([200, 150, 260])
        for i, strak in enumerate((3, 2, 3)):
            split.setStretchFactor(i, strak)
        self.indhold.addWidget(split, 1)

    def _nyt_id(self) -> str:
        ids = {p.id for p in self.dok.grundlag.overheadpuljer}
        n = 1
        while f"P{n}" in ids:
            n += 1
        return f"P{n}"

    def _valgt(self) -> int:
        r = self.pulje_tabel.currentIndex().row()
        if r < 0 and self.dok.grundlag.overheadpuljer:
            return 0
        return r

    def _slet(self) -> None:
        r = self.pulje_tabel.currentIndex().row()
        if r >= 0:
            self.dok.anvend(ae.SletPulje(r))

    def _ret_modtager(self, r: int, m: OevrigModtager) -> None:
        i = self._valgt()
        p = self.dok.grundlag.overheadpuljer[i]
        liste = list(p.oevrige_modtagere)
        liste[r] = m
        self.dok.anvend(ae.OpdaterPulje(i, replace(p, oevrige_modtagere=tuple(liste))), "Ret anden modtager")

    def _vaelg_omfang(self) -> None:
        from takstberegner.app.tilbudsvalg import TilbudsValg

        i = self._valgt()
        if i < 0:
            return
        p = self.dok.grundlag.overheadpuljer[i]
        d = TilbudsValg(self.dok.grundlag.tilbud, p.omfang, f"Modtagende tilbud for {p.navn}", self)
        if d.exec() and d.valgte() != p.omfang:
            self.dok.anvend(ae.OpdaterPulje(i, replace(p, omfang=d.valgte())), "Vælg modtagende tilbud", krav=True)

    def _slet_modtager(self) -> None:
        i, r = self._valgt(), self.modtager_tabel.currentIndex().row()
        if i < 0 or r < 0:
            return
        p = self.dok.grundlag.overheadpuljer[i]
        liste = p.oevrige_modtagere[:r] + p.oevrige_modtagere[r + 1:]
        self.dok.anvend(ae.OpdaterPulje(i, replace(p, oevrige_modtagere=liste)), "Slet anden modtager")

    def _ny_modtager(self) -> None:
        i = self._valgt()
        if i < 0:
            return
        p = self.dok.grundlag.overheadpuljer[i]
        ids = {m.id for m in p.oevrige_modtagere} | {t.id for t in self.dok.grundlag.tilbud}
        n = len(p.oevrige_modtagere) + 1
        while f"M{n}" in ids:
            n += 1
        m = OevrigModtager(f"M{n}", "Anden modtager", Decimal(0))
        self.dok.anvend(ae.OpdaterPulje(i, replace(p, oevrige_modtagere=p.oevrige_modtagere + (m,))), "Tilføj anden modtager",
                        krav=True)

    def vis(self) -> None:
        self.puljer.saet_tilbud(self.dok.grundlag.tilbud)
        self.puljer.saet_raekker(self.dok.grundlag.overheadpuljer)
        r = self.resultat
        self.tilbuddets.setText(dansk.kr(r.overhead) if r else "–")
        self._vis_valgt()

    def _vis_valgt(self) -> None:
        i = self._valgt()
        puljer = self.dok.grundlag.overheadpuljer
        if not 0 <= i < len(puljer):
            self.modtagere.saet_raekker(())
            self.fordeling.vis_fordeling(None)
            return
        p = puljer[i]
        self.modtagere.saet_raekker(p.oevrige_modtagere)
        fordeling = next((f for f in self.dok.beregning.overhead if f.pulje_id == p.id), None)
        self.fordeling_titel.setText(f"<b>Fordeling af {escape(p.navn)}</b>: {dansk.kr(p.beloeb)} × {dansk.kort_tal(p.driftsandel_pct)} %")
        self.fordeling.vis_fordeling(fordeling)
