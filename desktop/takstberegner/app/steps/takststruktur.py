"""Step: takststruktur and ydelser, and each takst's composition (Styringsaftalen 5.4)."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QPushButton, QSplitter, QVBoxLayout, QWidget

from takstberegner.app.models.takststruktur import FordelingModel, TakstKategoriModel, YdelseModel
from takstberegner.app.soejlediagram import Soejlediagram
from takstberegner.app.steps.base import Trin
from takstberegner.app.tabel import TabelVisning
from takstberegner.app.widgets import TalFelt, ValgFelt
from takstberegner.domain import aendringer as ae
from takstberegner.domain import navne
from takstberegner.domain.model import Enheder, Ydelse

STRUKTUR_VALG = (("gennemsnit", "Gennemsnitstakst (SA 5.4.3)"), ("differentieret", "Differentieret: basis + ydelse (SA 5.4.4)"),
                 ("enhed", "Enhedstakst: time, dag eller enhed (SA 4.1)"), ("traekningsret", "Trækningsret (SA 4.2.2)"))


class TakststrukturTrin(Trin):
    titel = "Takststruktur"
    afsnit = "5.4"
    hjaelpetekst = ("Vælg hvordan taksten opbygges. Ved differentierede takster betaler alle borgere samme basistakst, "
                    "mens ydelsestaksten følger de gennemsnitlige direkte støttetimer pr. uge. Angiv for hver ydelse "
                    "pladser og støttetimer; ydelsernes pladser skal give tilbuddets pladser.")
    felter = ("takststruktur", "ydelser", "enheder", "fordeling")

    def byg(self) -> None:
        grp = QGroupBox("Struktur")
        form = QFormLayout(grp)
        self.struktur = ValgFelt(STRUKTUR_VALG)
        self.struktur.valgt.connect(self._vaelg_struktur)
        form.addRow("Takststruktur:", self.struktur)
        enh = QHBoxLayout()
        self.enhed = ValgFelt(tuple(navne.ENHEDER.items()))  # the unit by its Danish name, never typed
        self.enhed.setObjectName("enhed")
        self.enhed.valgt.connect(lambda v: self._enheder(enhed=v))
        self.antal = TalFelt(decimaler=None)
        self.antal.vaerdi_aendret.connect(lambda v: self._enheder(antal=v))
        enh.addWidget(self.enhed)
        enh.addWidget(self.antal)
        form.addRow("Enhed og forventet antal:", enh)
        self.indhold.addWidget(grp)
        split = QSplitter(Qt.Vertical)
        self.ydelser = YdelseModel(self)
        top = QWidget()
        tl = QHBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.samlingstabel("ydelser", self.ydelser, self._ny_ydelse, "ydelse"), 3)
        self.fordeling = FordelingModel(self)
        self.fordeling.paa_rettelse = self._ret_fordeling
        self.fordeling_boks = QWidget()
        fl = QVBoxLayout(self.fordeling_boks)
        fl.setContentsMargins(0, 0, 0, 0)
        self.fordeling_tabel = TabelVisning(self.fordeling)
        fl.addWidget(self.fordeling_tabel)
        ny = QPushButton("Tilføj kommune")
        ny.clicked.connect(lambda: self.ret_tilbud(fordeling=self.tilbud.fordeling + (("Kommune", Decimal(0)),)))
        fl.addWidget(ny)
        tl.addWidget(self.fordeling_boks, 2)
        split.addWidget(top)
        self.diagram = Soejlediagram()
        split.addWidget(self.diagram)
        self.kategorier = TakstKategoriModel(self)
        split.addWidget(TabelVisning(self.kategorier))
        split.setSizes([150, 330, 120])
        self.indhold.addWidget(split, 1)
        self.felt_widgets = {"takststruktur": self.struktur, "enheder": self.antal, "fordeling": self.fordeling_tabel}

    def _vaelg_struktur(self, v: str) -> None:
        """The choice is saved with what it asks for (enheder, a fordeling) still missing: the
        finding leads to the field (Dokument.anvend with krav)."""
        if self.dok is not None and self.tilbud_id is not None:
            self.dok.anvend(ae.OpdaterTilbud.af(self.tilbud_id, takststruktur=v), krav=True)

    def _ny_ydelse(self) -> Ydelse:
        t = self.tilbud
        ids = {y.id for y in t.ydelser}
        n = len(t.ydelser) + 1
        while f"{t.id}-{n}" in ids:
            n += 1
        return Ydelse(f"{t.id}-{n}", f"Ydelse {n}", 0)

    def _enheder(self, **felter) -> None:
        from dataclasses import replace

        if self.tilbud.enheder is None and felter.get("antal") is None:
            self.enhed.vis(felter.get("enhed") or "time")  # kept until the antal is typed
            return
        e = self.tilbud.enheder or Enheder(self.enhed.currentData() or "time", Decimal(0))
        self.ret_tilbud(enheder=replace(e, **{k: v for k, v in felter.items() if v is not None}))

    def _ret_fordeling(self, r: int, par) -> None:
        liste = list(self.tilbud.fordeling)
        liste[r] = par
        self.ret_tilbud(fordeling=tuple(liste))

    def vis(self) -> None:
        t = self.tilbud
        self.setEnabled(t is not None)
        if t is None:
            return
        self.struktur.vis(t.takststruktur)
        self.enhed.vis(t.enheder.enhed if t.enheder else "time")
        self.antal.vis(t.enheder.antal if t.enheder else None)
        self.enhed.setEnabled(t.takststruktur == "enhed")
        self.antal.setEnabled(t.takststruktur == "enhed")
        self.ydelser.saet_raekker(t.ydelser)
        self.fordeling.saet_raekker(t.fordeling)
        self.fordeling_boks.setVisible(t.takststruktur == "traekningsret")
        r = self.resultat
        self.diagram.vis_takster(r.takster if r else ())
        self.kategorier.saet_raekker(r.takster if r else ())
