"""A small dialog to choose tilbud by name (which tilbud an overheadpulje falls on), so the user
never types internal ids."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QListWidget, QListWidgetItem, QVBoxLayout

from takstberegner.app.widgets import etiket, ok_annuller


class TilbudsValg(QDialog):
    def __init__(self, tilbud, valgte: tuple[str, ...] | None, titel: str, parent=None):
        """tilbud: the file's tilbud; valgte: the ids chosen now (None: all, also future ones)."""
        super().__init__(parent)
        self.setWindowTitle(titel)
        self.setMinimumWidth(480)
        lag = QVBoxLayout(self)
        self.liste = QListWidget()
        self.liste.setObjectName("tilbudsliste")
        lag.addWidget(etiket("Vælg de tilbud, puljen skal fordeles på:", self.liste))
        self.alle = QCheckBox("Alle tilbud (også tilbud, der oprettes senere)")
        self.alle.setObjectName("alle_tilbud")
        self.alle.setChecked(valgte is None)
        lag.addWidget(self.alle)
        for t in tilbud:
            item = QListWidgetItem(f"{t.navn} ({t.paragraf}, kategori {t.kategori})")
            item.setData(Qt.ItemDataRole.UserRole, t.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if valgte is None or t.id in valgte else Qt.CheckState.Unchecked)
            self.liste.addItem(item)
        lag.addWidget(self.liste)
        self.alle.toggled.connect(lambda v: self.liste.setEnabled(not v))
        self.liste.setEnabled(valgte is not None)
        lag.addWidget(ok_annuller("OK", self.accept, self.reject))

    def valgte(self) -> tuple[str, ...] | None:
        if self.alle.isChecked():
            return None
        return tuple(self.liste.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.liste.count())
                     if self.liste.item(i).checkState() == Qt.CheckState.Checked)
