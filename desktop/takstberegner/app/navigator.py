"""The navigator: one tree for the whole file. The driftsherre at the top (its overview), its own
page (Driftsherre og satser), then every tilbud with its steps in the order the user goes through
them. Selecting an item asks the window to show that page; a mark shows where errors are."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from takstberegner.app.widgets import vaerktoejstip
from takstberegner.app.sidefoelge import OVERBLIK  # noqa: F401 (the page of the root item)

_ROLLE = Qt.ItemDataRole.UserRole  # (tilbud id or None, page: OVERBLIK or a step number)
_FEJLFARVE = Qt.darkRed


class Navigator(QTreeWidget):
    side_valgt = Signal(object, object)  # tilbud id (None: driftsherre level), OVERBLIK or step number
    aabnet = Signal()  # Enter or a click on an item: the user goes into the page (the arrow keys only browse)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setObjectName("navigator")
        self.setAccessibleName("Tilbud og trin")
        # a long name keeps its start and its end: 'Botilbuddet Solsikke…' stood for two tilbud that
        # differ at the end ('… afdeling Syd (Styringsaftalen 6.1.3)'); the whole in the tooltip
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setIndentation(14)
        self.setUniformRowHeights(True)
        self.currentItemChanged.connect(self._aendret)
        self.itemActivated.connect(lambda *_: self.aabnet.emit())
        self.itemClicked.connect(lambda *_: self.aabnet.emit())
        self._bygger = False
        self._items: dict[tuple, QTreeWidgetItem] = {}

    def vis(self, grundlag, beregning, trin: list[tuple[int, str]], driftsherre_trin: list[tuple[int, str]],
            fejl: set[tuple]) -> None:
        """Build the tree. trin: (step number, title) of a tilbud's steps; driftsherre_trin: the
        driftsherre's own pages; fejl: the (tilbud id or None, step number) that have an error."""
        self._bygger = True
        valgt = self.valgt()
        try:
            self.clear()
            self._items = {}
            rod = self._item(None, f"{grundlag.driftsherre.navn} · takstår {grundlag.takstaar}", None, OVERBLIK)
            rod.setToolTip(0, vaerktoejstip(f"{grundlag.driftsherre.navn}, takstår {grundlag.takstaar}\n"
                                            "Overblik: alle tilbud, taksterne og hvad der mangler før indmelding"))
            f = rod.font(0)
            f.setBold(True)
            rod.setFont(0, f)
            self.addTopLevelItem(rod)
            for nr, titel in driftsherre_trin:
                rod.addChild(self._item(None, titel, None, nr, (None, nr) in fejl))
            for t in grundlag.tilbud:
                r = beregning.tilbud_resultat(t.id)
                har_fejl = bool(r and r.har_fejl)
                item = self._item(t.id, t.navn or "(uden navn)", None, None, har_fejl)
                item.setToolTip(0, vaerktoejstip(f"{t.navn or '(uden navn)'}\n{t.paragraf}, kategori {t.kategori}"  # in full
                                                 + (" – har fejl, der skal rettes" if har_fejl else "")))
                for i, (nr, titel) in enumerate(trin, 1):
                    item.addChild(self._item(t.id, f"{i}. {titel}", None, nr, (t.id, nr) in fejl))
                rod.addChild(item)
            rod.setExpanded(True)
        finally:
            self._bygger = False
        if valgt is not None:
            self.vaelg(*valgt)

    def _item(self, tilbud_id, tekst: str, _foraelder, side, fejl: bool = False) -> QTreeWidgetItem:
        item = QTreeWidgetItem([("⚠ " if fejl else "") + tekst])
        # a screen reader says the mark in words, not the sign's name
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{tekst}, har fejl" if fejl else tekst)
        item.setData(0, _ROLLE, (tilbud_id, side))
        if fejl:
            item.setForeground(0, _FEJLFARVE)
        self._items[(tilbud_id, side)] = item
        return item

    def valgt(self) -> tuple | None:
        item = self.currentItem()
        return None if item is None else item.data(0, _ROLLE)

    def _aendret(self, item, _forrige) -> None:
        if self._bygger or item is None:
            return
        tilbud_id, side = item.data(0, _ROLLE)
        self.side_valgt.emit(tilbud_id, side)

    def vaelg(self, tilbud_id: str | None, side) -> None:
        """Mark the page shown (without signalling), and open only the selected tilbud."""
        item = self._items.get((tilbud_id, side)) or self._items.get((None, side)) or self._items.get((tilbud_id, None))
        if item is None:
            return
        self.blockSignals(True)
        try:
            for (tid, s), it in self._items.items():
                if s is None and tid is not None:
                    it.setExpanded(tid == tilbud_id)
            self.setCurrentItem(item)
            self.scrollToItem(item)
        finally:
            self.blockSignals(False)
