"""The driftsherre and the year's satser (Styringsaftalen 5.5.5, 5.5.6; SPEC §0 regelsæt)."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtWidgets import QFormLayout, QGroupBox

from takstberegner.app.steps.base import Trin
from takstberegner.app.widgets import TalFelt, TekstFelt, ValgFelt, hjaelp, vaerdi_label, vis_tal
from takstberegner.domain import aendringer as ae

TYPE_VALG = (("kommune", "Kommune"), ("region", "Region"))


class DriftsherreTrin(Trin):
    titel = "Driftsherre og satser"
    afsnit = "5.5.5 og 5.5.6"
    hjaelpetekst = ("Driftsherren indmelder taksterne for alle sine tilbud. Renten for forrentning af anlæg "
                    "er årets rente til takstberegning (KommuneKredit); den korte rente bruges til driftskapital og "
                    "til renter af reguleringer. Tomme felter betyder regelsættets standard.")
    felter = ("driftsherre", "satser", "takstaar")

    def byg(self) -> None:
        grp = QGroupBox("Driftsherre")
        form = QFormLayout(grp)
        self.navn = TekstFelt()
        self.navn.tekst_aendret.connect(lambda s: self._ret_driftsherre(navn=s))
        self.cvr = TekstFelt()
        self.cvr.tekst_aendret.connect(lambda s: self._ret_driftsherre(cvr=s))
        self.type = ValgFelt(TYPE_VALG)
        self.type.valgt.connect(lambda v: self._ret_driftsherre(type=v))
        self.takstaar = vaerdi_label()
        form.addRow("Navn:", self.navn)
        form.addRow("CVR-nummer:", self.cvr)
        form.addRow("Type:", self.type)
        form.addRow("Takstår:", self.takstaar)
        self.indhold.addWidget(grp)
        grp2 = QGroupBox("Satser")
        form2 = QFormLayout(grp2)
        self.satser = {}
        for felt, tekst in (("rente_anlaeg_pct", "Rente for forrentning af anlæg (%):"),
                            ("rente_kort_pct", "Kort rente (driftskapital, reguleringer) (%):"),
                            ("tjenestemandspension_pct", "Tjenestemandspension (% af lønnen):"),
                            ("vaesentlighed_pct", "Væsentlighedsgrænse for takstændring (%):"),
                            ("pl_fremskrivning_pct", "P/L-fremskrivning af sidste års takst (%):")):
            f = TalFelt(decimaler=None, tom_ok=felt != "rente_anlaeg_pct")
            f.setObjectName(felt)
            f.vaerdi_aendret.connect(lambda v, felt=felt: self._ret_sats(felt, v))
            form2.addRow(tekst, f)
            self.satser[felt] = f
        form2.addRow("", hjaelp(
            "KL offentliggør hvert år pris- og lønfremskrivningen (P/L) for kommunerne. Takstændringen måles mod "
            "sidste års takst fremskrevet med årets P/L (SA 3.1, 5.5.2); den nominelle ændring vises ved siden af."))
        self.indhold.addWidget(grp2)
        self.indhold.addStretch(1)
        self.felt_widgets = {"driftsherre": self.navn, "satser": self.satser["rente_anlaeg_pct"], "takstaar": self.takstaar}

    def _ret_driftsherre(self, **felter) -> None:
        self.dok.anvend(ae.SaetDriftsherre(replace(self.dok.grundlag.driftsherre, **felter)))

    def _ret_sats(self, felt: str, v) -> None:
        if felt == "rente_anlaeg_pct" and v is None:
            return
        self.dok.anvend(ae.SaetSatser(replace(self.dok.grundlag.satser, **{felt: v})))

    def vis(self) -> None:
        g = self.dok.grundlag
        self.navn.vis(g.driftsherre.navn)
        self.cvr.vis(g.driftsherre.cvr)
        self.type.vis(g.driftsherre.type)
        self.takstaar.setText(str(g.takstaar))
        for felt, f in self.satser.items():
            f.vis(getattr(g.satser, felt))
        # an empty sats is the regelsæt's standard: say which ('25 (standard)'); the rente has none
        from takstberegner.formats.regelsaet import regelsaet_for

        rs = regelsaet_for(g.takstaar)
        for felt, std in (("rente_kort_pct", 0), ("tjenestemandspension_pct", rs.std_tjenestemandspension_pct),
                          ("vaesentlighed_pct", rs.std_vaesentlighed_pct), ("pl_fremskrivning_pct", 0)):
            self.satser[felt].setPlaceholderText(f"{vis_tal(Decimal(std), None)} (standard)")
