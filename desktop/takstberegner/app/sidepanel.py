"""The side panel beside the steps: the live takster of the selected tilbud over the findings
of the whole file, in a splitter the user can resize. The window folds it away (Vis menu, F9)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from takstberegner.app.findings_panel import FundPanel
from takstberegner.app.preview import Takstpreview
from takstberegner.app.rulleflade import RulleFlade


class Sidepanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("sidepanel")
        self.preview = Takstpreview()
        self.fund = FundPanel()
        self.deler = QSplitter(Qt.Orientation.Vertical)
        # the takster scroll when the panel is lower or narrower than they are (1366x768 at 150 %)
        self.preview_rulle = RulleFlade(self.preview)
        self.preview_rulle.setObjectName("takstpreview_rulle")
        self.deler.addWidget(self.preview_rulle)
        self.deler.addWidget(self.fund)
        self.deler.setChildrenCollapsible(False)
        self.deler.setSizes([330, 300])
        lag = QVBoxLayout(self)
        lag.setContentsMargins(0, 0, 0, 0)
        lag.addWidget(self.deler)
        self.setMinimumWidth(220)
