"""Which takstår the samlede takstbilag is for, when the chosen indmeldingsfiler are for several
(last year's files beside this year's in one folder). The command line has --takstaar; before, the
app always took the year most files were for, and the other year's bilag could only be made by
choosing its files again, which nothing said."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QVBoxLayout, QWidget

from takstberegner import dansk
from takstberegner.app.widgets import etiket, ok_annuller


def _antal(n: int) -> str:
    return f"{dansk.tal(n, 0)} indmelding{'er' if n != 1 else ''}"


class TakstaarDialog(QDialog):
    """A choice among the years the verified files are for; the proposed one first chosen."""

    def __init__(self, foraelder: QWidget | None, optalt: dict[int, int], foreslaaet: int):
        super().__init__(foraelder)
        self.setObjectName("takstaar_dialog")
        self.setWindowTitle("Takstbilagets takstår")
        self.setMinimumWidth(480)
        lag = QVBoxLayout(self)
        aarene = list(optalt)
        vist = ", ".join(f"{a} ({_antal(optalt[a])})" for a in aarene[:-1]) + f" og {aarene[-1]} ({_antal(optalt[aarene[-1]])})"
        tekst = QLabel(f"Indmeldingerne er for flere takstår: {vist}. Et takstbilag er for ét takstår; "
                       "indmeldinger for de andre år kommer med på arket Indmeldinger som ‘Andet takstår (ikke med)’.")
        tekst.setWordWrap(True)
        lag.addWidget(tekst)
        self.aar = QComboBox()
        self.aar.setObjectName("takstaar")
        for a in aarene:
            self.aar.addItem(f"{a} ({_antal(optalt[a])})", a)
        self.aar.setCurrentIndex(aarene.index(foreslaaet) if foreslaaet in aarene else 0)
        lag.addWidget(etiket("&Takstbilaget er for takståret:", self.aar))
        lag.addWidget(self.aar)
        lag.addStretch(1)
        lag.addWidget(ok_annuller("Lav takstbilaget", self.accept, self.reject, "lav"))

    def valgt(self) -> int:
        return int(self.aar.currentData())


def vaelg_takstaar(v: QWidget, udvalg):
    """The udvalg for the year the user chooses when the files are for several; None: cancelled."""
    optalt = udvalg.takstaar_optalt()
    if len(optalt) < 2:
        return udvalg
    d = TakstaarDialog(v, optalt, udvalg.takstaar)
    if d.exec() != QDialog.DialogCode.Accepted:
        return None
    return udvalg if d.valgt() == udvalg.takstaar else udvalg.for_takstaar(d.valgt())
