"""Step: takststruktur and ydelser, and each takst's composition (Styringsaftalen 5.4)."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSplitter,
                               QVBoxLayout, QWidget)

from takstberegner.app.models.takststruktur import FordelingModel, ObjektivModel, TakstKategoriModel, YdelseModel
from takstberegner.app.soejlediagram import Soejlediagram
from takstberegner.app.steps.base import Trin
from takstberegner.app.tabel import TabelVisning
from takstberegner.app.vendt_tabel import VendtTabel
from takstberegner import dansk
from takstberegner.app.widgets import TalFelt, ValgFelt, etiket
from takstberegner.domain import aendringer as ae
from takstberegner.domain import navne
from takstberegner.domain.model import Enheder, ObjektivFinansiering, Ydelse

STRUKTUR_VALG = (("gennemsnit", "Gennemsnitstakst (SA 5.4.3)"), ("differentieret", "Differentieret: basis + ydelse (SA 5.4.4)"),
                 ("enhed", "Enhedstakst: time, dag eller enhed (SA 4.1)"), ("traekningsret", "Trækningsret (SA 4.2.2)"))


class TakststrukturTrin(Trin):
    titel = "Takststruktur"
    afsnit = "5.4"
    hjaelpetekst = ("Vælg hvordan taksten opbygges. Ved differentierede takster betaler alle borgere samme basistakst, "
                    "mens ydelsestaksten følger de gennemsnitlige direkte støttetimer pr. uge. Angiv for hver ydelse "
                    "pladser og støttetimer; ydelsernes pladser skal give tilbuddets pladser.")
    felter = ("takststruktur", "ydelser", "enheder", "fordeling", "objektiv_finansiering")

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
        self._byg_objektiv()
        split = QSplitter(Qt.Orientation.Vertical)
        self.ydelser = YdelseModel(self)
        top = QWidget()
        tl = QHBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.samlingstabel("ydelser", self.ydelser, self._ny_ydelse, "ydelse", "Ydelser", alt="ye"), 3)
        self.fordeling = FordelingModel(self)
        self.fordeling.paa_rettelse = self._ret_fordeling
        self.fordeling_boks = QWidget()
        fl = QVBoxLayout(self.fordeling_boks)
        fl.setContentsMargins(0, 0, 0, 0)
        self.fordeling_tabel = TabelVisning(self.fordeling, navn="Fordeling på kommuner")
        fl.addWidget(self.fordeling_tabel)
        ny = QPushButton("Tilføj kommu&ne")
        ny.clicked.connect(lambda: self.ret_tilbud(fordeling=self.tilbud.fordeling + (("Kommune", Decimal(0)),)))
        fl.addWidget(ny)
        tl.addWidget(self.fordeling_boks, 2)
        split.addWidget(top)
        self.diagram = Soejlediagram()
        split.addWidget(self.diagram)
        self.kategorier = TakstKategoriModel(self)
        # a column per ydelse: every kategori in view
        self.kategori_tabel = VendtTabel(self.kategorier, navn="Takst pr. kategori")
        self.kategori_tabel.setObjectName("takst_kategorier")
        split.setSizes([150, 330])
        self.indhold.addWidget(split, 1)
        self.indhold.addWidget(self.kategori_tabel)  # below the splitter: always its full height (the page scrolls)
        self.felt_widgets = {"takststruktur": self.struktur, "enheder": self.antal, "fordeling": self.fordeling_tabel,
                             "objektiv_finansiering": self.objektiv_andel}

    # -- lovhjemlet objektiv finansiering (SA 4.2.1; SPEC v2 §4.12a) ---------------------------------
    def _byg_objektiv(self) -> None:
        grp = QGroupBox("Lovhjemlet objektiv finansiering (SA 4.2.1)")
        grp.setObjectName("objektiv_finansiering")
        lag = QVBoxLayout(grp)
        top = QHBoxLayout()
        self.objektiv = QCheckBox("En andel af tilbuddet finansieres objektivt af kommunerne")
        self.objektiv.setObjectName("objektiv")
        self.objektiv.clicked.connect(self._objektiv_til)
        self.objektiv_andel = TalFelt(decimaler=None)
        self.objektiv_andel.setObjectName("objektiv_andel")
        self.objektiv_andel.setMaximumWidth(90)
        self.objektiv_andel.vaerdi_aendret.connect(lambda v: v is not None and self._ret_objektiv(andel_pct=v))
        top.addWidget(self.objektiv)
        top.addStretch(1)
        lag.addLayout(top)
        # the andel on a line of its own: beside the long check box the page scrolled sideways at 150 %
        andel = QHBoxLayout()
        andel.addWidget(etiket("Andel (%):", self.objektiv_andel))
        andel.addWidget(self.objektiv_andel)
        andel.addStretch(1)
        lag.addLayout(andel)
        self.objektiv_boks = QWidget()
        ol = QVBoxLayout(self.objektiv_boks)
        ol.setContentsMargins(0, 0, 0, 0)
        self.objektiv_model = ObjektivModel(self)
        self.objektiv_model.paa_rettelse = self._ret_objektiv_raekke
        self.objektiv_tabel = TabelVisning(self.objektiv_model, navn="Kommunernes andele af den objektive finansiering")
        self.objektiv_tabel.setObjectName("objektiv_fordeling")
        self.objektiv_tabel.setMinimumHeight(100)
        ol.addWidget(self.objektiv_tabel)
        knapper = QHBoxLayout()
        ny = QPushButton("Tilføj &kommune")
        ny.setObjectName("tilfoej_objektiv_kommune")
        ny.clicked.connect(self._ny_objektiv_kommune)
        slet = QPushButton("Slet k&ommune")
        slet.clicked.connect(self._slet_objektiv_kommune)
        knapper.addWidget(ny)
        knapper.addWidget(slet)
        knapper.addStretch(1)
        ol.addLayout(knapper)
        # the sum on a line of its own: beside the buttons it made the page scroll sideways at 1280x650
        self.objektiv_sum = QLabel()
        self.objektiv_sum.setObjectName("objektiv_sum")
        self.objektiv_sum.setWordWrap(True)  # (at 150 % with the amounts it was wider than the page)
        ol.addWidget(self.objektiv_sum)
        lag.addWidget(self.objektiv_boks)
        self.indhold.addWidget(grp)

    def _objektiv_til(self, til: bool) -> None:
        if til:  # one row to fill in: a fordeling is required, and the refused edit would be lost
            self.ret_tilbud(objektiv_finansiering=ObjektivFinansiering(Decimal(0), (("Kommune 1", Decimal(1)),)))
        else:
            self.ret_tilbud(objektiv_finansiering=None)

    def _ret_objektiv(self, **felter) -> None:
        from dataclasses import replace

        of = self.tilbud.objektiv_finansiering
        if of is not None:
            self.ret_tilbud(objektiv_finansiering=replace(of, **felter))

    def _ret_objektiv_raekke(self, r: int, raekke) -> None:
        liste = list(self.tilbud.objektiv_finansiering.fordeling)
        liste[r] = (raekke[0], raekke[1])
        self._ret_objektiv(fordeling=tuple(liste))

    def _ny_objektiv_kommune(self) -> None:
        of = self.tilbud.objektiv_finansiering if self.tilbud is not None else None
        if of is not None:
            self._ret_objektiv(fordeling=of.fordeling + ((f"Kommune {len(of.fordeling) + 1}", Decimal(0)),))

    def _slet_objektiv_kommune(self) -> None:
        r = self.objektiv_tabel.currentIndex().row()
        of = self.tilbud.objektiv_finansiering
        if of is not None and 0 <= r < len(of.fordeling):
            self._ret_objektiv(fordeling=of.fordeling[:r] + of.fordeling[r + 1:])

    def _vis_objektiv(self, t, r) -> None:
        of = t.objektiv_finansiering
        self.objektiv.setChecked(of is not None)
        self.objektiv_andel.setEnabled(of is not None)
        self.objektiv_andel.vis(of.andel_pct if of else None)
        self.objektiv_boks.setVisible(of is not None)
        if of is None:
            self.objektiv_model.saet_raekker(())
            return
        dele = (r.objektiv_fordeling or {}) if r else {}
        self.objektiv_model.saet_raekker(tuple((k, v, dele.get(k)) for k, v in of.fordeling))
        if r is not None and r.objektiv_andel is not None:
            self.objektiv_sum.setText(f"Kommunerne betaler i alt {dansk.kr(r.objektiv_andel, 0)}; "
                                      "taksterne beregnes af resten.")
        else:
            self.objektiv_sum.setText("")

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
        self._vis_objektiv(t, r)
        self.diagram.vis_takster(r.takster if r else ())
        self.kategorier.saet_raekker(r.takster if r else ())
