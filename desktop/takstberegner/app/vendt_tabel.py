"""A table turned on its side: a RaekkeModel with few rows and many figures (a tilbud's ydelser,
a regulering's years) shown as one column per row, headed by its first column, and one row per
figure, so a narrow page or panel shows every figure without scrolling sideways."""
from __future__ import annotations

from PySide6.QtCore import QTransposeProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from takstberegner.app.models.raekker import RaekkeModel
from takstberegner.app.widgets import vaerktoejstip


class RaekkerSomKolonner(QTransposeProxyModel):
    """The model turned: a column per row headed by its first cell, a row per column."""

    def setSourceModel(self, model) -> None:
        super().setSourceModel(model)
        # a changed first cell is a changed heading: tell the view, or it keeps the old name
        model.dataChanged.connect(self._overskrifter_aendret)

    def _overskrifter_aendret(self, fra, til, *_roller) -> None:
        if fra.column() == 0:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, fra.row(), til.row())

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        kilde = self.sourceModel()
        if orientation == Qt.Orientation.Horizontal and kilde is not None:
            if role == Qt.ItemDataRole.DisplayRole:
                return kilde.data(kilde.index(section, 0), Qt.ItemDataRole.DisplayRole)
            if role == Qt.ItemDataRole.ToolTipRole:
                return vaerktoejstip(kilde.data(kilde.index(section, 0), Qt.ItemDataRole.DisplayRole))
            return None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return super().headerData(section, orientation, role)


class VendtTabel(QTableView):
    def __init__(self, model: RaekkeModel, mindste_kolonne: int = 84, parent=None, navn: str = ""):
        """`navn`: what the table holds, in Danish; a screen reader says it when the table gets focus."""
        super().__init__(parent)
        self.setAccessibleName(navn)
        self.kilde = model
        self.vendt = RaekkerSomKolonner(self)
        self.vendt.setSourceModel(model)
        self.setModel(self.vendt)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setDefaultSectionSize(22)
        self.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.mindste_kolonne = mindste_kolonne  # "2.655,70" and the like never cut off; many rows scroll
        self.stoerste_kolonne = 180  # one year or ydelse: its figures beside their names, not far off
        self.horizontalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.horizontalHeader().setStretchLastSection(False)
        self.setRowHidden(0, True)  # the first column is the heading
        model.modelReset.connect(self.tilpas)
        model.dataChanged.connect(self.tilpas)

    def tilpas(self) -> None:
        self.tilpas_bredde()
        self.tilpas_hoejde()

    def tilpas_bredde(self) -> None:
        """The columns share the width, each between mindste_kolonne and stoerste_kolonne."""
        n = self.vendt.columnCount()
        if n == 0:
            return
        plads = self.viewport().width() // n
        bredde = max(self.mindste_kolonne, min(self.stoerste_kolonne, plads))
        for c in range(n):
            if self.columnWidth(c) != bredde:
                self.setColumnWidth(c, bredde)

    def skjul_felt(self, kolonne: int, skjul: bool) -> None:
        """Hide a figure (a column of the model: a row here)."""
        self.setRowHidden(kolonne, skjul or kolonne == 0)
        self.tilpas_hoejde()

    def felt_skjult(self, kolonne: int) -> bool:
        return self.isRowHidden(kolonne)

    def tilpas_hoejde(self) -> None:
        """Exactly as high as its figures: every row shown, no empty space below."""
        hoejde = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        hoejde += sum(self.rowHeight(r) for r in range(self.vendt.rowCount()) if not self.isRowHidden(r))
        if self.vendt.columnCount() * self.mindste_kolonne > max(self.viewport().width(), 1):
            hoejde += self.horizontalScrollBar().sizeHint().height()  # many columns: room for the scroll bar
        self.setFixedHeight(hoejde)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.tilpas()
