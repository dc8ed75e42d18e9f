"""Step 1: the tilbud's stamdata and pladser (Styringsaftalen 2.2, 5.2, 6.1)."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QHBoxLayout

from takstberegner.app.steps.base import Trin
from takstberegner.app.widgets import AarFelt, TalFelt, TekstFelt, ValgFelt
from takstberegner.domain.model import Driftskapital, SaerligeVilkaar

KATEGORI_VALG = ((1, "Kategori 1 (indmeldes ikke)"), (2, "Kategori 2"), (3, "Kategori 3"))
TYPE_VALG = (("doegn", "Døgntilbud"), ("dag", "Dagtilbud"), ("ambulant", "Ambulant tilbud"))


class StamdataTrin(Trin):
    titel = "Stamdata og pladser"
    afsnit = "2.2 og 5.2"
    hjaelpetekst = ("Tilbuddets lovgrundlag, kategori og type afgør, hvilke regler der gælder. "
                    "Kategori 2 og 3 indmeldes; kategori 1 bærer sin andel af overhead men indmeldes ikke. "
                    "Ændres antallet af pladser fra sidste år, skal det begrundes under Bemærkninger (SA 2.2.3). "
                    "Et nyt tilbud må budgettere med en lavere belægning i sit første driftsår (SA 6.1.2); "
                    "året efter er det et almindeligt tilbud.")
    felter = ("navn", "tilbudsportal_id", "paragraf", "kategori", "tilbudstype", "korte_forloeb", "nyt_tilbud",
              "foerste_driftsaar", "saerlige_vilkaar", "pladser", "pladser_forrige_aar", "noegletal", "driftskapital")

    def byg(self) -> None:
        grp = QGroupBox("Tilbuddet")
        form = QFormLayout(grp)
        self.navn = TekstFelt()
        self.navn.tekst_aendret.connect(lambda s: self.ret_tilbud(navn=s))
        self.portal = TekstFelt()
        self.portal.tekst_aendret.connect(lambda s: self.ret_tilbud(tilbudsportal_id=s))
        self.paragraf = TekstFelt()
        self.paragraf.setPlaceholderText("fx SEL § 108")
        self.paragraf.tekst_aendret.connect(lambda s: self.ret_tilbud(paragraf=s))
        self.kategori = ValgFelt(KATEGORI_VALG)
        self.kategori.valgt.connect(lambda v: self.ret_tilbud(kategori=v))
        self.type = ValgFelt(TYPE_VALG)
        self.type.valgt.connect(lambda v: self.ret_tilbud(tilbudstype=v))
        form.addRow("Navn:", self.navn)
        form.addRow("Tilbudsportal-id:", self.portal)
        form.addRow("Lovgrundlag (paragraf):", self.paragraf)
        form.addRow("Kategori:", self.kategori)
        form.addRow("Tilbudstype:", self.type)
        self.korte = QCheckBox("Korte forløb (akut-, aflastnings- eller korte ophold; krav 90 %)")
        self.korte.clicked.connect(lambda v: self.ret_tilbud(korte_forloeb=v))
        self.nyt = QCheckBox("Nyt tilbud (SA 6.1.2)")
        self.nyt.setObjectName("nyt_tilbud")
        self.nyt.clicked.connect(self._nyt)
        self.foerste = AarFelt()
        self.foerste.setObjectName("foerste_driftsaar")
        self.foerste.setToolTip("Det år tilbuddet startede. De særlige vilkår for nye tilbud gælder kun i dette år.")
        self.foerste.vaerdi_aendret.connect(
            lambda v: self.ret_tilbud(foerste_driftsaar=None if v is None else int(v)))
        self.saerlige = QCheckBox("Særlige vilkår godkendt af DAS (SA 6.1.3)")
        self.saerlige.clicked.connect(self._saerlige)
        self.saerlige_tekst = TekstFelt()
        self.saerlige_tekst.setPlaceholderText("Beskrivelse af de særlige vilkår")
        self.saerlige_tekst.tekst_aendret.connect(
            lambda s: self.ret_tilbud(saerlige_vilkaar=SaerligeVilkaar(s, self._vilkaar_dato())))
        form.addRow("", self.korte)
        form.addRow("", self.nyt)
        form.addRow("Første driftsår:", self.foerste)
        form.addRow("", self.saerlige)
        form.addRow("Særlige vilkår:", self.saerlige_tekst)
        self.indhold.addWidget(grp)

        grp2 = QGroupBox("Pladser og nøgletal")
        form2 = QFormLayout(grp2)
        self.pladser = TalFelt(heltal=True, tom_ok=False)
        self.pladser.setObjectName("pladser")
        self.pladser.vaerdi_aendret.connect(lambda v: v is not None and self.ret_tilbud(pladser=int(v)))
        self.pladser_foer = TalFelt(heltal=True)
        self.pladser_foer.vaerdi_aendret.connect(
            lambda v: self.ret_tilbud(pladser_forrige_aar=None if v is None else int(v)))
        self.aarsvaerk = TalFelt(decimaler=None)
        self.aarsvaerk.vaerdi_aendret.connect(lambda v: self._noegletal("aarsvaerk", v))
        self.m2 = TalFelt(decimaler=None)
        self.m2.vaerdi_aendret.connect(lambda v: self._noegletal("m2", v))
        dk = QHBoxLayout()
        self.driftskapital = QCheckBox("Forrentning af driftskapital")
        self.driftskapital.clicked.connect(
            lambda v: self.ret_tilbud(driftskapital=Driftskapital(self.maaneder.vaerdi()) if v else None))
        self.maaneder = TalFelt(decimaler=None)
        self.maaneder.setPlaceholderText("2 (standard)")
        self.maaneder.vaerdi_aendret.connect(lambda v: self.ret_tilbud(driftskapital=Driftskapital(v)))
        dk.addWidget(self.driftskapital)
        dk.addWidget(self.maaneder)
        form2.addRow("Normerede pladser:", self.pladser)
        form2.addRow("Pladser sidste år:", self.pladser_foer)
        form2.addRow("Årsværk (nøgletal):", self.aarsvaerk)
        form2.addRow("Etageareal m² (nøgletal):", self.m2)
        form2.addRow("Driftskapital (måneder):", dk)
        self.indhold.addWidget(grp2)
        self.indhold.addStretch(1)
        self.felt_widgets = {
            "navn": self.navn, "tilbudsportal_id": self.portal, "paragraf": self.paragraf,
            "kategori": self.kategori, "tilbudstype": self.type, "korte_forloeb": self.korte,
            "nyt_tilbud": self.nyt, "foerste_driftsaar": self.foerste, "saerlige_vilkaar": self.saerlige_tekst, "pladser": self.pladser,
            "pladser_forrige_aar": self.pladser_foer, "noegletal": self.aarsvaerk, "driftskapital": self.maaneder,
        }

    def _vilkaar_dato(self):
        t = self.tilbud
        return t.saerlige_vilkaar.godkendt if t is not None and t.saerlige_vilkaar else None

    def _nyt(self, til: bool) -> None:
        """A new tilbud starts in this takstår unless the user says otherwise (SPEC v2 §2); the
        first driftsår means nothing for a tilbud that is not new."""
        t = self.tilbud
        if til:
            self.ret_tilbud(nyt_tilbud=True, foerste_driftsaar=t.foerste_driftsaar or self.dok.grundlag.takstaar)
        else:
            self.ret_tilbud(nyt_tilbud=False, foerste_driftsaar=None)

    def _saerlige(self, til: bool) -> None:
        self.ret_tilbud(saerlige_vilkaar=SaerligeVilkaar(self.saerlige_tekst.text() or "Særlige vilkår") if til else None)

    def _noegletal(self, navn: str, v: Decimal | None) -> None:
        t = self.tilbud
        andre = tuple((n, x) for n, x in t.noegletal if n != navn)
        self.ret_tilbud(noegletal=andre + (((navn, v),) if v is not None else ()))

    def vis(self) -> None:
        t = self.tilbud
        self.setEnabled(t is not None)
        if t is None:
            return
        self.navn.vis(t.navn)
        self.portal.vis(t.tilbudsportal_id)
        self.paragraf.vis(t.paragraf)
        self.kategori.vis(t.kategori)
        self.type.vis(t.tilbudstype)
        self.korte.setChecked(t.korte_forloeb)
        self.nyt.setChecked(t.nyt_tilbud)
        self.foerste.setEnabled(t.nyt_tilbud)
        self.foerste.vis(t.foerste_driftsaar)
        self.foerste.setPlaceholderText(f"{self.dok.grundlag.takstaar} (takståret)" if t.nyt_tilbud else "")
        self.saerlige.setChecked(t.saerlige_vilkaar is not None)
        self.saerlige_tekst.setEnabled(t.saerlige_vilkaar is not None)
        self.saerlige_tekst.vis(t.saerlige_vilkaar.beskrivelse if t.saerlige_vilkaar else "")
        self.pladser.vis(t.pladser)
        self.pladser_foer.vis(t.pladser_forrige_aar)
        self.aarsvaerk.vis(t.noegletal_for("aarsvaerk"))
        self.m2.vis(t.noegletal_for("m2"))
        self.driftskapital.setChecked(t.driftskapital is not None)
        self.maaneder.setEnabled(t.driftskapital is not None)
        self.maaneder.vis(t.driftskapital.maaneder if t.driftskapital else None)
