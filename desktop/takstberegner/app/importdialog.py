"""Importér budget fra Excel: choose sheet and columns, see the preview (lines, kategorier,
totals, skipped rows), then add the lines to the tilbud as one undoable edit."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)


class ImportDialog(QDialog):
    def __init__(self, dok, sti: Path, tilbud_id: str | None, parent=None):
        super().__init__(parent)
        self.dok = dok
        self.sti = Path(sti)
        self.forhaandsvisning = None
        self.setWindowTitle(f"Importér budget fra {self.sti.name}")
        self.resize(900, 600)
        lag = QVBoxLayout(self)
        form = QFormLayout()
        self.ark = QComboBox()
        self.ark.addItems(_ark_navne(self.sti))
        self.konto = QLineEdit("A")
        self.tekst = QLineEdit("B")
        self.beloeb = QLineEdit("C")
        self.tilbud_kolonne = QLineEdit()
        self.tilbud_kolonne.setPlaceholderText("tom: alle linjer til det valgte tilbud")
        self.tilbud = QComboBox()
        for t in dok.grundlag.tilbud:
            self.tilbud.addItem(t.navn, t.id)
        self.tilbud.setCurrentIndex(max(0, self.tilbud.findData(tilbud_id)))
        form.addRow("Ark:", self.ark)
        form.addRow("Kolonne med konto (art):", self.konto)
        form.addRow("Kolonne med tekst:", self.tekst)
        form.addRow("Kolonne med beløb:", self.beloeb)
        form.addRow("Kolonne med tilbud:", self.tilbud_kolonne)
        form.addRow("Tilbud:", self.tilbud)
        lag.addLayout(form)
        vis = QPushButton("Vis forhåndsvisning")
        vis.clicked.connect(self.vis)
        lag.addWidget(vis)
        self.tekstfelt = QPlainTextEdit()
        self.tekstfelt.setReadOnly(True)
        self.tekstfelt.setFont(QFont("monospace"))
        lag.addWidget(self.tekstfelt, 1)
        self.knapper = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.importer_knap = self.knapper.addButton("Importér linjerne", QDialogButtonBox.AcceptRole)
        self.importer_knap.setEnabled(False)
        self.knapper.accepted.connect(self.importer)
        self.knapper.rejected.connect(self.reject)
        lag.addWidget(self.knapper)

    def vis(self) -> bool:
        from takstberegner.importers import excel_budget

        try:
            self.forhaandsvisning = excel_budget.forhaandsvis(
                self.sti, self.ark.currentText(), self.konto.text().strip().upper(),
                self.tekst.text().strip().upper() or None, self.beloeb.text().strip().upper(), self.dok.grundlag,
                tilbud=self.tilbud_kolonne.text().strip().upper() or None, tilbud_id=self.tilbud.currentData())
        except Exception as e:  # InputError/ExcelFejl: the Danish text says what is wrong
            self.forhaandsvisning = None
            self.tekstfelt.setPlainText(getattr(e, "besked", None) or str(e))
            self.importer_knap.setEnabled(False)
            return False
        self.tekstfelt.setPlainText(self.forhaandsvisning.tekst(self.dok.grundlag, excel_budget.ERSTAT))
        self.importer_knap.setEnabled(bool(self.forhaandsvisning.linjer))
        return True

    def importer(self) -> None:
        if self.forhaandsvisning is None:
            return
        from takstberegner.fejl import Fejl
        from takstberegner.importers import excel_budget

        fv = self.forhaandsvisning
        try:
            aendringer = excel_budget.afvis_hvis_ugyldig(self.dok.grundlag, fv, excel_budget.ERSTAT)
        except Fejl as e:
            self.tekstfelt.setPlainText(e.besked)
            return
        if self.dok.anvend_mange(aendringer, f"Importér {len(fv.importerede)} budgetlinjer"):
            self.accept()


def _ark_navne(sti: Path) -> list[str]:
    from takstberegner.fejl import Fejl
    from takstberegner.importers import excel_budget

    try:
        return excel_budget.ark_navne(sti)
    except Fejl:
        return []
