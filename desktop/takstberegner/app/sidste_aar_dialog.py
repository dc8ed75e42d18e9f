"""Last year's takstfil for the takstberegning til revision (issue 13 item 1).

Before the PDF is made, `vaelg(v)` asks whether last year's budget and takstgrundlag shall stand
beside this year's, and from which file: the one chosen for this file last time, or, for a file
made by Nyt takstår, the file it was made from (remembered when it was made). The chosen file is
read and checked in the dialog (tjeneste.dokumenter.laes_forrige): a wrong takstår, another
driftsherre or an unreadable file is said in the dialog, which stays open. The choice is
remembered per file (QSettings, by the file's resolved path).
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from takstberegner.app import settings
from takstberegner.fejl import Fejl

FILTER = "Takstfil eller takstgrundlag (*.takst *.json);;Alle filer (*)"


def _noegle(dok_sti: Path) -> str:
    return "sidste_aars_fil/" + hashlib.sha256(str(Path(dok_sti).resolve()).encode("utf-8")).hexdigest()[:24]


def husk(dok_sti: Path, forrige: Path) -> None:
    """Remember `forrige` as last year's file of the file `dok_sti`."""
    settings.indstillinger().setValue(_noegle(dok_sti), str(Path(forrige).resolve()))


def husket(dok_sti: Path) -> Path | None:
    """The last year's file remembered for `dok_sti`, if it still exists."""
    v = settings.indstillinger().value(_noegle(dok_sti), "")
    return Path(v) if v and Path(v).is_file() else None


class SidsteAarDialog(QDialog):
    """Med sidste år (the file in the field, read and checked here) / Uden sidste år / Annullér.
    After exec: `forrige` is the read file (export.sidste_aar.Forrige) or None for Uden."""

    def __init__(self, foraelder: QWidget | None, grundlag, forslag: Path | None):
        super().__init__(foraelder)
        self.setObjectName("sidste_aar_dialog")
        self.setWindowTitle("Sidste år i takstberegningen til revision")
        self.grundlag = grundlag
        self.forrige = None
        aar = grundlag.takstaar
        lag = QVBoxLayout(self)
        tekst = QLabel(
            f"Takstberegningen til revision kan vise sidste års budget, omkostningsgrundlag og takstgrundlag ved "
            f"siden af årets for hvert tilbud. De står ikke i årets takstfil; vælg takstfilen for takstår {aar - 1} "
            f"(.takst, eller et takstgrundlag .json). Uden den viser rapporten sidste års takst og pladser, som de "
            f"står i årets takstfil.")
        tekst.setWordWrap(True)
        lag.addWidget(tekst)
        raekke = QHBoxLayout()
        self.sti = QLineEdit(str(forslag) if forslag else "")
        self.sti.setObjectName("sti")
        self.sti.setAccessibleName(f"Takstfilen for takstår {aar - 1}")
        self.sti.setPlaceholderText(f"Takstfilen for takstår {aar - 1}")
        self.sti.textEdited.connect(lambda _t: self.fejl.setText(""))
        raekke.addWidget(self.sti, 1)
        vaelg = QPushButton("Vælg fil …")
        vaelg.setObjectName("vaelg")
        vaelg.clicked.connect(self._vaelg)
        raekke.addWidget(vaelg)
        lag.addLayout(raekke)
        self.fejl = QLabel("")
        self.fejl.setObjectName("fejl")
        self.fejl.setWordWrap(True)
        self.fejl.setStyleSheet("color: #a00000;")
        lag.addWidget(self.fejl)
        knapper = QDialogButtonBox()
        med = knapper.addButton("Med sidste år", QDialogButtonBox.ButtonRole.AcceptRole)
        med.setObjectName("med")
        med.setDefault(True)
        uden = knapper.addButton("Uden sidste år", QDialogButtonBox.ButtonRole.ActionRole)
        uden.setObjectName("uden")
        annuller = knapper.addButton("Annullér", QDialogButtonBox.ButtonRole.RejectRole)
        annuller.setObjectName("annuller")
        med.clicked.connect(self._med)
        uden.clicked.connect(self._uden)
        annuller.clicked.connect(self.reject)
        lag.addWidget(knapper)
        self.resize(620, self.sizeHint().height())

    def _vaelg(self) -> None:
        start = self.sti.text().strip()
        sti, _ = QFileDialog.getOpenFileName(self, f"Takstfilen for takstår {self.grundlag.takstaar - 1}",
                                             str(Path(start).parent) if start else "", FILTER)
        if sti:
            self.sti.setText(sti)
            self.fejl.setText("")

    def _med(self) -> None:
        from takstberegner.tjeneste import dokumenter

        tekst = self.sti.text().strip()
        if not tekst:
            self.fejl.setText("Vælg sidste års takstfil, eller vælg 'Uden sidste år'.")
            return
        try:
            self.forrige = dokumenter.laes_forrige(Path(tekst), self.grundlag)
        except Fejl as e:
            self.fejl.setText(e.besked)
            return
        self.accept()

    def _uden(self) -> None:
        self.forrige = None
        self.accept()


def vaelg(v) -> tuple[bool, object | None]:
    """(go on, last year's file read or None) for the open file; (False, None) when cancelled."""
    dok_sti = v.dok.sti
    d = SidsteAarDialog(v, v.dok.grundlag, husket(dok_sti))
    if d.exec() != QDialog.DialogCode.Accepted:
        return False, None
    if d.forrige is not None:
        husk(dok_sti, Path(d.sti.text().strip()))
    return True, d.forrige
