"""The findings list: every finding of the driftsherre, errors first; clicking one asks the main
window to take the user to its field (SPEC §5)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

_NIVEAU = {"fejl": ("Fejl", "#a01818"), "advarsel": ("Advarsel", "#8a5a00"), "info": ("Info", "#2f5f8a")}
_ORDEN = {"fejl": 0, "advarsel": 1, "info": 2}


class FundPanel(QWidget):
    fund_valgt = Signal(str)  # the finding's field path

    def __init__(self, parent=None):
        super().__init__(parent)
        lag = QVBoxLayout(self)
        lag.setContentsMargins(4, 4, 4, 4)
        self.titel = QLabel("Kontroller")
        self.titel.setStyleSheet("font-size: 13pt; font-weight: 600;")
        lag.addWidget(self.titel)
        self.liste = QListWidget()
        self.liste.setObjectName("fundliste")
        self.liste.setWordWrap(True)
        self.liste.setAlternatingRowColors(True)
        self.liste.itemActivated.connect(self._valgt)
        self.liste.itemClicked.connect(self._valgt)
        lag.addWidget(self.liste, 1)
        self._sidste = None

    def _valgt(self, item: QListWidgetItem) -> None:
        felt = item.data(Qt.UserRole)
        if felt:
            self.fund_valgt.emit(felt)

    def vis(self, beregning) -> None:
        fund = []
        for f in beregning.fund:
            fund.append(("Driftsherre", f))
        for t in beregning.tilbud:
            fund.extend((t.navn, f) for f in t.fund)
        fund.sort(key=lambda x: _ORDEN.get(x[1].niveau, 3))
        if fund == self._sidste:
            return  # unchanged: keep the items (and the one the user is clicking)
        self._sidste = fund
        self.liste.clear()
        for hvor, f in fund:
            niveau, farve = _NIVEAU.get(f.niveau, (f.niveau, "#333"))
            item = QListWidgetItem(f"{niveau} · {hvor}\n{f.tekst} ({f.reference})")
            item.setData(Qt.UserRole, f.felt)
            item.setData(Qt.UserRole + 1, f.kode)
            item.setForeground(QBrush(QColor(farve)))
            item.setToolTip(f"{f.kode}: {f.tekst}")
            self.liste.addItem(item)
        fejl = sum(1 for _, f in fund if f.er_fejl)
        self.titel.setText(f"Kontroller ({fejl} fejl, {len(fund) - fejl} andre)" if fund else "Kontroller: ingen fund")
