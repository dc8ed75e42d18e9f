"""The navigator: the driftsherre, its tilbud and their ydelser as a tree; selecting a tilbud
shows its steps."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

_MARKER = {True: "⚠ ", False: ""}


class Navigator(QTreeWidget):
    tilbud_valgt = Signal(object)  # tilbud id, or None for the driftsherre

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderLabel("Driftsherre og tilbud")
        self.setObjectName("navigator")
        self.currentItemChanged.connect(self._aendret)
        self._bygger = False

    def vis(self, grundlag, beregning, valgt_id: str | None) -> None:
        self._bygger = True
        try:
            self.clear()
            rod = QTreeWidgetItem([f"{grundlag.driftsherre.navn} ({grundlag.takstaar})"])
            rod.setData(0, Qt.UserRole, None)
            self.addTopLevelItem(rod)
            valgt_item = rod
            for t in grundlag.tilbud:
                r = beregning.tilbud_resultat(t.id)
                fejl = bool(r and r.har_fejl)
                item = QTreeWidgetItem([f"{_MARKER[fejl]}{t.navn}"])
                item.setData(0, Qt.UserRole, t.id)
                item.setToolTip(0, f"{t.paragraf}, kategori {t.kategori}" + (" – har fejl" if fejl else ""))
                if fejl:
                    item.setForeground(0, Qt.darkRed)
                for y in t.ydelser:
                    barn = QTreeWidgetItem([y.navn or y.id])
                    barn.setData(0, Qt.UserRole, t.id)
                    item.addChild(barn)
                rod.addChild(item)
                if t.id == valgt_id:
                    valgt_item = item
            self.expandAll()
            self.setCurrentItem(valgt_item)
        finally:
            self._bygger = False

    def _aendret(self, item, _forrige) -> None:
        if self._bygger or item is None:
            return
        self.tilbud_valgt.emit(item.data(0, Qt.UserRole))

    def vaelg(self, tilbud_id: str | None) -> None:
        for i in range(self.topLevelItemCount()):
            rod = self.topLevelItem(i)
            if tilbud_id is None:
                self.setCurrentItem(rod)
                return
            for j in range(rod.childCount()):
                if rod.child(j).data(0, Qt.UserRole) == tilbud_id:
                    self.setCurrentItem(rod.child(j))
                    return
