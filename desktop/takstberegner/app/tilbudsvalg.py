"""A small dialog to choose tilbud by name (which tilbud an overheadpulje falls on), so the user
never types internal ids."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout


class TilbudsValg(QDialog):
    def __init__(self, tilbud, valgte: tuple[str, ...] | None, titel: str, parent=None):
        """tilbud: the file's tilbud; valgte: the ids chosen now (None: all, also future ones)."""
        super().__init__(parent)
        self.setWindowTitle(titel)
        self.setMinimumWidth(480)
        lag = QVBoxLayout(self)
        lag.addWidget(QLabel("Vælg de tilbud, puljen skal fordeles på:"))
        self.alle = QCheckBox("Alle tilbud (også tilbud, der oprettes senere)")
        self.alle.setObjectName("alle_tilbud")
        self.alle.setChecked(valgte is None)
        lag.addWidget(self.alle)
        self.liste = QListWidget()
        self.liste.setObjectName("tilbudsliste")
        for t in tilbud:
            item = QListWidgetItem(f"{t.navn} ({t.paragraf}, kategori {t.kategori})")
            item.setData(Qt.ItemDataRole.UserRole, t.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if valgte is None or t.id in valgte else Qt.CheckState.Unchecked)
            self.liste.addItem(item)
        lag.addWidget(self.liste)
        self.alle.toggled.connect(lambda v: self.liste.setEnabled(not v))
        self.liste.setEnabled(valgte is not None)
        knapper = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        knapper.accepted.connect(self.accept)
        knapper.rejected.connect(self.reject)
        lag.addWidget(knapper)

    def valgte(self) -> tuple[str, ...] | None:
        if self.alle.isChecked():
            return None
        return tuple(self.liste.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.liste.count())
                     if self.liste.item(i).checkState() == Qt.CheckState.Checked)
