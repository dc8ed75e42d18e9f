"""The import dialog's tables as thin Qt models over the presenter (importers/forloeb.py): the grid of
the sheet's first rows, the lines with kategori, post, vagtlag and del editable by their Danish names
(domain/navne.py), and the totals before and after."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

from takstberegner import dansk
from takstberegner.app.tabel import celle_navn
from takstberegner.domain import model as m
from takstberegner.domain import navne
from takstberegner.domain.usynlige_tegn import synlig
from takstberegner.importers import ark as A
from takstberegner.importers.budget import IGNORER, KATEGORI_VALG, OEVRIG_INDTAEGT, UVALGT, kategori_navn
from takstberegner.importers.forloeb import ROLLE_NAVNE, ImportForloeb

VALGT = QColor(222, 235, 255)
GRAA = QColor(120, 120, 120)
ROED = QColor(255, 225, 225)
MAKS_GRID_KOLONNER = 100


class GridModel(QAbstractTableModel):
    """The sheet's first rows as the user sees them in Excel; the chosen columns marked with their role."""

    def __init__(self, forloeb: ImportForloeb, parent=None):
        super().__init__(parent)
        self.f = forloeb

    def nulstil(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.f.grid.raekker)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else min(self.f.grid.kolonner, MAKS_GRID_KOLONNER)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        nr, celler = self.f.grid.raekker[index.row()]
        k = index.column() + 1
        if celler.get(k) is A.FORMEL_UDEN_VAERDI:  # Excel would show a figure; the file holds none
            if role == Qt.ItemDataRole.DisplayRole:
                return "(formel uden gemt værdi)"
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(ROED)
        if role == Qt.ItemDataRole.DisplayRole:
            return synlig(A.tekst_af(celler.get(k))[:120])  # a direction override shown, not obeyed
        if role == Qt.ItemDataRole.FontRole and nr == self.f.overskrift:
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.ForegroundRole and self.f.overskrift and nr < self.f.overskrift:
            return QBrush(GRAA)
        if role == Qt.ItemDataRole.BackgroundRole and self.f.rolle(k):
            return QBrush(VALGT)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(celler.get(k), A.Tal):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(self.f.grid.raekker[section][0]) if section < len(self.f.grid.raekker) else None
        k = section + 1
        rolle = self.f.rolle(k)
        return f"{A.bogstav(k)}: {ROLLE_NAVNE[rolle]}" if rolle else A.bogstav(k)


DEL_VALG = ((None, "Efter vagtlag"),) + tuple(navne.DELE.items())


class _FasteKolonner(QAbstractTableModel):
    """A table with the columns KOLONNER, headed by their names, and one row per element of `_antal`."""

    KOLONNER: tuple[str, ...] = ()

    def _antal(self) -> int:
        raise NotImplementedError

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._antal()

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.KOLONNER)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.KOLONNER[section]
        return None


class LinjeModel(_FasteKolonner):
    """The lines to import; kategori, post, vagtlag and del are edited through the presenter."""

    KOLONNER = ("Række", "Konto", "Tekst", "Beløb", "Tilbud", "Kategori", "Post", "Vagtlag", "Del af taksten")
    KATEGORI, POST, VAGTLAG, DEL = 5, 6, 7, 8

    def __init__(self, forloeb: ImportForloeb, paa_aendring=None, parent=None):
        super().__init__(parent)
        self.f = forloeb
        self.paa_aendring = paa_aendring or (lambda: None)
        self._navn = {t.id: t.navn for t in forloeb.grundlag.tilbud}

    @property
    def linjer(self):
        return self.f.fv.linjer if self.f.fv else ()

    def nulstil(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def _antal(self) -> int:
        return len(self.linjer)

    def _omkostning(self, x) -> bool:
        return x.kategori in m.KATEGORIER

    def flags(self, index: QModelIndex) -> Qt.ItemFlags:
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return f
        x = self.linjer[index.row()]
        c = index.column()
        if c == self.KATEGORI or (c in (self.POST, self.DEL) and self._omkostning(x)):
            f |= Qt.ItemFlag.ItemIsEditable
        if c == self.VAGTLAG and self._omkostning(x):
            f |= Qt.ItemFlag.ItemIsUserCheckable
        return f

    def valg(self, index: QModelIndex) -> list[tuple[Any, str]]:
        """The choices of an editable cell, as (value, Danish name)."""
        x = self.linjer[index.row()]
        if index.column() == self.KATEGORI:
            return [(k, kategori_navn(k)) for k in KATEGORI_VALG]
        if index.column() == self.POST:
            poster = navne.poster_for(x.kategori)
            if x.post and x.post not in dict(poster):
                poster = [(x.post, navne.vis(x.post))] + poster
            return poster
        if index.column() == self.DEL:
            return list(DEL_VALG)
        return []

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        x = self.linjer[index.row()]
        c = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if c == 0:
                return str(x.raekke)
            if c == 1:
                return x.konto
            if c == 2:
                return x.tekst
            if c == 3:  # an amount a formula in the sheet gave says so (the note above the table says more)
                return dansk.tal(x.beloeb) + (" (formel)" if x.formel else "")
            if c == 4:
                return self._navn.get(x.tilbud_id, "")
            if c == self.KATEGORI:
                navn = kategori_navn(x.kategori)
                if x.kategori == IGNORER and x.forslag:
                    navn += f" — {x.forslag}"
                return navn
            if c == self.POST:
                if x.kategori == OEVRIG_INDTAEGT:
                    return x.tekst or navne.vis(x.post)
                return navne.post_navn(x.kategori, x.post) if self._omkostning(x) else ""
            if c == self.DEL:
                if not self._omkostning(x):
                    return ""
                if x.del_:
                    return navne.DELE[x.del_]
                return f"Efter vagtlag ({navne.DELE['borgerrettet' if x.vagtlag else 'basis']})"
            return None
        if role == Qt.ItemDataRole.EditRole:
            return {self.KATEGORI: x.kategori, self.POST: x.post, self.DEL: x.del_}.get(c)
        if role == Qt.ItemDataRole.CheckStateRole and c == self.VAGTLAG and self._omkostning(x):
            return Qt.CheckState.Checked if x.vagtlag else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and c in (0, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and x.kategori == IGNORER:
            return QBrush(GRAA)
        if role == Qt.ItemDataRole.BackgroundRole and x.kategori == UVALGT:
            return QBrush(ROED)
        if role == Qt.ItemDataRole.ToolTipRole and c == 3 and x.formel:
            return (f"Beløbet i celle {x.formel} er resultatet af en formel. Importen bruger resultatet, som Excel "
                    "sidst gemte i filen.")
        if role == Qt.ItemDataRole.ToolTipRole and c == self.KATEGORI:
            if x.kategori == UVALGT:
                return "Kontoplanen kender ikke denne konto. Vælg en kategori."
            if x.forslag:
                return f"Kontoplanen: art {x.art} {x.forslag}"
        return None

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        c = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and c == self.VAGTLAG:
            felter = {"vagtlag": Qt.CheckState(value) == Qt.CheckState.Checked}
        elif role == Qt.ItemDataRole.EditRole and c == self.KATEGORI:
            felter = {"kategori": value}
        elif role == Qt.ItemDataRole.EditRole and c == self.POST:
            felter = {"post": value}
        elif role == Qt.ItemDataRole.EditRole and c == self.DEL:
            felter = {"del_": value}
        else:
            return False
        try:
            self.f.saet_linje(index.row(), **felter)
        except ValueError:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(self.KOLONNER) - 1))
        self.paa_aendring()
        return True


class ValgDelegate(QStyledItemDelegate):
    """A combo box with the cell's Danish choices (LinjeModel.valg)."""

    def createEditor(self, parent, option, index):
        model = index.model()
        valg = model.valg(index) if hasattr(model, "valg") else []
        if not valg:
            editor = super().createEditor(parent, option, index)
            editor.setAccessibleName(celle_navn(index))
            return editor
        cb = QComboBox(parent)
        cb.setAccessibleName(celle_navn(index))
        for v, tekst in valg:
            cb.addItem(tekst, v)
        return cb

    def setEditorData(self, editor, index):
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class SammenligningModel(_FasteKolonner):
    """The budget before and after the import, per tilbud and kategori."""

    KOLONNER = ("Tilbud", "", "Før", "Efter", "Forskel")

    def __init__(self, forloeb: ImportForloeb, parent=None):
        super().__init__(parent)
        self.f = forloeb
        self.raekker = []

    def nulstil(self) -> None:
        self.beginResetModel()
        self.raekker = self.f.sammenligning()
        self.endResetModel()

    def _antal(self) -> int:
        return len(self.raekker)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self.raekker[index.row()]
        c = index.column()
        antal = s.hvad == "Antal linjer"
        if role == Qt.ItemDataRole.DisplayRole:
            if c == 0:
                return s.tilbud
            if c == 1:
                return s.hvad
            v = (s.foer, s.efter, s.forskel)[c - 2]
            tekst = dansk.tal(v, 0) if antal else dansk.tal(v)
            return ("+" + tekst) if c == 4 and v > 0 else tekst
        if role == Qt.ItemDataRole.TextAlignmentRole and c >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and s.hvad.startswith("I alt"):
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.BackgroundRole and c == 4 and s.forskel != Decimal(0) and not antal:
            return QBrush(QColor(255, 243, 205))
        return None
