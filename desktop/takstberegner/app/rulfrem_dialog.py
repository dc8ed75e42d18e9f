"""The rul frem dialog: whether next year's budget is fremskrevet, and by which løn and pris rates
(issue 10 item 5; domain.rul_frem.Fremskrivning). It only collects the user's answer."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QFormLayout, QLabel, QVBoxLayout

from takstberegner.app.widgets import TalFelt, fejl_linje, hjaelp, ok_annuller
from takstberegner.domain.rul_frem import Fremskrivning


class RulFremDialog(QDialog):
    def __init__(self, fra_aar: int, parent=None):
        super().__init__(parent)
        self.setWindowTitle(f"Nyt takstår {fra_aar + 1} fra {fra_aar}")
        self.setObjectName("rul_frem_dialog")
        lag = QVBoxLayout(self)
        lag.addWidget(hjaelp(
            f"Takstfilen for {fra_aar + 1} laves ud fra {fra_aar}: samme tilbud, ydelser, anlæg og budget; "
            f"årets takster bliver sidste års takst, og kun det, der er tilbage af tidligere års resultater, "
            f"følger med. Et nyt tilbud beholder sit første driftsår og er et almindeligt tilbud i {fra_aar + 1}. "
            "Sæt årets P/L-fremskrivning under satser, når KL har offentliggjort den."))
        self.fremskriv = QCheckBox("Fremskriv budgettet")
        self.fremskriv.setObjectName("fremskriv")
        lag.addWidget(self.fremskriv)
        form = QFormLayout()
        self.loen = TalFelt(decimaler=None)
        self.loen.setObjectName("loen_pct")
        self.pris = TalFelt(decimaler=None)
        self.pris.setObjectName("pris_pct")
        form.addRow("Personalelinjer med lønstigning (%):", self.loen)
        form.addRow("Øvrige budgetlinjer med prisstigning (%):", self.pris)
        lag.addLayout(form)
        lag.addWidget(QLabel("Finansieringslinjer fremskrives ikke. Satserne noteres under Bemærkninger."))
        self.besked = fejl_linje("besked")
        lag.addWidget(self.besked)
        lag.addWidget(ok_annuller("Fortsæt …", self._ok, self.reject))
        self.fremskriv.toggled.connect(self._til)
        self._til(False)

    def _til(self, til: bool) -> None:
        self.loen.setEnabled(til)
        self.pris.setEnabled(til)

    def fremskrivning(self) -> Fremskrivning | None:
        """The chosen rates (None: no fremskrivning); ValueError with a Danish text when incomplete."""
        if not self.fremskriv.isChecked():
            return None
        loen, pris = self.loen.vaerdi(), self.pris.vaerdi()
        if loen is None or pris is None:
            raise ValueError("Angiv både lønstigningen og prisstigningen (0 for en sats, der ikke skal bruges).")
        for x in (loen, pris):
            if not -50 <= x <= 100:
                raise ValueError("En stigning skal ligge mellem -50 og 100 %.")
        return Fremskrivning(loen, pris)

    def _ok(self) -> None:
        try:
            self.fremskrivning()
        except ValueError as e:
            self.besked.setText(str(e))
            return
        self.accept()
