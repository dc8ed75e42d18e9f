"""A table turned on its side: a RaekkeModel with few rows and many figures (a tilbud's ydelser,
a regulering's years) shown as one column per row, headed by its first column, and one row per
figure, so a narrow page or panel shows every figure without scrolling sideways.

A table made with `stables=True` (the side panel's takster) goes further when even its columns do
not fit side by side (two ydelser at 150 %, where the second's takst was cut at the panel's edge):
the ydelser then stand one below the other, each headed by its name, in one column
(`RaekkerUnderHinanden`), and the panel scrolls down to them."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QTransposeProxyModel, Qt
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


class RaekkerUnderHinanden(QAbstractTableModel):
    """The model's rows one below the other in one column: for each row its first cell (the
    ydelse's name, headed by the first column's heading), then a row per other figure."""

    def __init__(self, kilde: RaekkeModel, parent=None):
        super().__init__(parent)
        self.kilde = kilde
        kilde.modelAboutToBeReset.connect(self.beginResetModel)
        kilde.modelReset.connect(self.endResetModel)
        kilde.dataChanged.connect(self._aendret)

    def _felter(self) -> int:
        return self.kilde.columnCount()

    def _aendret(self, *_) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self.kilde.rowCount() * self._felter()

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 1

    def kilde_index(self, raekke: int):
        r, felt = divmod(raekke, self._felter())
        return self.kilde.index(r, felt)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        k = self.kilde_index(index.row())
        if k.column() == 0 and role == Qt.ItemDataRole.FontRole:
            from PySide6.QtGui import QFont

            f = QFont()
            f.setBold(True)
            return f
        return self.kilde.data(k, role)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            if self._felter() == 0:
                return None
            return self.kilde.headerData(section % self._felter(), Qt.Orientation.Horizontal, role)
        return None


class VendtTabel(QTableView):
    def __init__(self, model: RaekkeModel, mindste_kolonne: int = 84, parent=None, navn: str = "",
                 stables: bool = False):
        """`navn`: what the table holds, in Danish; a screen reader says it when the table gets focus.
        `stables`: the rows one below the other when their columns do not fit side by side."""
        super().__init__(parent)
        self.setAccessibleName(navn)
        self.kilde = model
        self.vendt = RaekkerSomKolonner(self)
        self.vendt.setSourceModel(model)
        self.under = RaekkerUnderHinanden(model, self) if stables else None
        self._skjult: set[int] = set()
        self._skjult_for: tuple = ()
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
        model.modelReset.connect(self._glem_skjult)  # new rows: hide them anew (before tilpas)
        model.modelReset.connect(self.tilpas)
        model.dataChanged.connect(self.tilpas)

    @property
    def stablet(self) -> bool:
        """The rows stand one below the other (too narrow for their columns side by side)."""
        return self.under is not None and self.model() is self.under

    def tilpas(self) -> None:
        self._vaelg_opstilling()
        self.tilpas_bredde()
        self.tilpas_hoejde()

    def _vaelg_opstilling(self) -> None:
        if self.under is None:
            return
        n = self.kilde.rowCount()
        plads = self.width() - 2 * self.frameWidth() - self.verticalHeader().width()
        stablet = n > 1 and n * self.mindste_kolonne > plads
        if stablet != self.stablet:
            self.setModel(self.under if stablet else self.vendt)
            self.horizontalHeader().setVisible(not stablet)  # each ydelse is headed by its name
        self._anvend_skjul()

    def _glem_skjult(self) -> None:
        self._skjult_for = ()

    def _anvend_skjul(self) -> None:
        # every resize comes here: hide the rows again only when what is hidden can have changed
        noegle = (self.model(), self.model().rowCount(), frozenset(self._skjult))
        if noegle == self._skjult_for:
            return
        self._skjult_for = noegle
        if self.stablet:
            felter = self.kilde.columnCount()
            for r in range(self.under.rowCount()):
                self.setRowHidden(r, (r % felter) in self._skjult)
        else:
            for r in range(self.vendt.rowCount()):
                self.setRowHidden(r, r == 0 or r in self._skjult)

    def tilpas_bredde(self) -> None:
        """The columns share the width, each between mindste_kolonne and stoerste_kolonne; one
        column (the rows one below the other) takes the whole width."""
        n = self.model().columnCount()
        if self.stablet:
            bredde = max(self.mindste_kolonne, self.viewport().width())
            if n and self.columnWidth(0) != bredde:
                self.setColumnWidth(0, bredde)
            return
        if n == 0:
            return
        plads = self.viewport().width() // n
        bredde = max(self.mindste_kolonne, min(self.stoerste_kolonne, plads))
        for c in range(n):
            if self.columnWidth(c) != bredde:
                self.setColumnWidth(c, bredde)

    def skjul_felt(self, kolonne: int, skjul: bool) -> None:
        """Hide a figure (a column of the model: a row here)."""
        if skjul:
            self._skjult.add(kolonne)
        else:
            self._skjult.discard(kolonne)
        if self.stablet:
            self._anvend_skjul()
        else:
            self.setRowHidden(kolonne, skjul or kolonne == 0)
        self.tilpas_hoejde()

    def felt_skjult(self, kolonne: int) -> bool:
        return kolonne == 0 or kolonne in self._skjult

    def tilpas_hoejde(self) -> None:
        """Exactly as high as its figures: every row shown, no empty space below."""
        m = self.model()
        hoejde = (0 if self.stablet else self.horizontalHeader().sizeHint().height()) + 2 * self.frameWidth()
        hoejde += sum(self.rowHeight(r) for r in range(m.rowCount()) if not self.isRowHidden(r))
        if not self.stablet and m.columnCount() * self.mindste_kolonne > max(self.viewport().width(), 1):
            hoejde += self.horizontalScrollBar().sizeHint().height()  # many columns: room for the scroll bar
        self.setFixedHeight(hoejde)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.tilpas()
