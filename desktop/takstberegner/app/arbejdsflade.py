"""The working area of an open file: the navigator tree on the left, the page in the middle
(the overview or a step, with Forrige/Næste trin under it), and the side panel with the takster
and the findings on the right. Only layout: the window decides what is shown."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from takstberegner.app.navigator import Navigator
from takstberegner.app.sidepanel import Sidepanel

# Widths that fit a window of 1280 pixels (1920x1080 at 150 %) with room to spare.
NAVIGATOR_MIN, MIDT_MIN, SIDE_MIN = 170, 520, 280


class Arbejdsflade(QSplitter):
    def __init__(self, sider: list[QWidget], parent=None):
        super().__init__(Qt.Horizontal, parent)
        self.setObjectName("arbejdsflade")
        self.navigator = Navigator()
        self.navigator.setMinimumWidth(NAVIGATOR_MIN)
        self.overskrift = QLabel()
        self.overskrift.setObjectName("overskrift")
        self.overskrift.setStyleSheet("font-size: 11pt; color: #445; padding: 2px 10px;")
        self.stak = QStackedWidget()
        for side in sider:
            self.stak.addWidget(side)
        self.forrige = QPushButton("‹ Forrige trin")
        self.forrige.setObjectName("forrige_trin")
        self.naeste = QPushButton("Næste trin ›")
        self.naeste.setObjectName("naeste_trin")
        self.trin_tekst = QLabel()
        self.trin_tekst.setStyleSheet("color: #556;")
        bund = QHBoxLayout()
        bund.setContentsMargins(10, 2, 10, 4)
        bund.addWidget(self.forrige)
        bund.addStretch(1)
        bund.addWidget(self.trin_tekst)
        bund.addStretch(1)
        bund.addWidget(self.naeste)
        midt = QWidget()
        midt.setMinimumWidth(MIDT_MIN)
        ml = QVBoxLayout(midt)
        ml.setContentsMargins(0, 0, 0, 0)
        ml.setSpacing(0)
        ml.addWidget(self.overskrift)
        ml.addWidget(self.stak, 1)
        ml.addLayout(bund)
        self.sidepanel = Sidepanel()
        self.addWidget(self.navigator)
        self.addWidget(midt)
        self.addWidget(self.sidepanel)
        self.setCollapsible(0, False)
        self.setCollapsible(1, False)
        self.setStretchFactor(1, 1)
        self.setSizes([210, 760, 380])

    def vis_trinlinje(self, forrige: tuple[str, str], naeste: tuple[str, str], tekst: str) -> None:
        """The buttons under the page: (label, tooltip) of the page before and after, 'Trin 2 af 9'."""
        fm = self.forrige.fontMetrics()
        self.forrige.setText("‹ " + fm.elidedText(forrige[0], Qt.ElideMiddle, 240))
        self.forrige.setToolTip(forrige[1])
        self.naeste.setText(fm.elidedText(naeste[0], Qt.ElideMiddle, 240) + " ›")
        self.naeste.setToolTip(naeste[1])
        self.trin_tekst.setText(tekst)

    def vis_hjaelpetekster(self, vis: bool) -> None:
        """The help box at the top of every page; off gives the tables more room on a low screen."""
        for i in range(self.stak.count()):
            boks = getattr(self.stak.widget(i), "hjaelpeboks", None)
            if boks is not None:
                boks.setVisible(vis)

    def vis_sidepanel(self, vis: bool) -> None:
        self.sidepanel.setVisible(vis)
        if vis and self.sizes()[2] < SIDE_MIN:
            s = self.sizes()
            self.setSizes([s[0], max(MIDT_MIN, s[1] - 380), 380])
