"""The working area of an open file: the navigator tree on the left, the page in the middle
(the overview or a step, with Forrige/Næste trin under it), and the side panel with the takster
and the findings on the right. Only layout: the window decides what is shown."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from takstberegner.app.navigator import Navigator
from takstberegner.app.widgets import vaerktoejstip
from takstberegner.app.sidepanel import Sidepanel

# Minimum widths that fit 1366x768 at 150 % (911 logical pixels, less the window frame): the page
# and the side panel scroll inside themselves when narrower than their content.
NAVIGATOR_MIN, MIDT_MIN, SIDE_MIN = 130, 380, 220
MIDT_GODT = 600  # a page this wide shows the overblik's columns and a step's form whole (125 %)


class TrinKnap(QPushButton):
    """Forrige/Næste trin: the step's name, shortened with … when the page is narrow, so the
    buttons never make the window wider than the screen (the whole name is in the tooltip)."""

    def __init__(self, tekst: str, parent=None):
        super().__init__(tekst, parent)
        self._tekst = tekst

    def saet_tekst(self, tekst: str) -> None:
        self._tekst = tekst
        self._tilpas()

    def _mindst(self) -> int:
        return self.fontMetrics().horizontalAdvance("‹ Xxxxx… ") + 16

    def minimumSizeHint(self) -> QSize:
        return QSize(self._mindst(), QPushButton.sizeHint(self).height())

    def sizeHint(self) -> QSize:
        fuld = self.fontMetrics().horizontalAdvance(self._tekst) + 24
        return QSize(max(fuld, self._mindst()), QPushButton.sizeHint(self).height())

    def resizeEvent(self, e) -> None:
        super().resizeEvent(e)
        self._tilpas()

    def _tilpas(self) -> None:
        plads = max(20, self.width() - 20) if self.isVisible() else 10**6
        self.setText(self.fontMetrics().elidedText(self._tekst, Qt.TextElideMode.ElideMiddle, plads))


class Arbejdsflade(QSplitter):
    def __init__(self, sider: list[QWidget], parent=None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("arbejdsflade")
        self.navigator = Navigator()
        self.navigator.setMinimumWidth(NAVIGATOR_MIN)
        self.overskrift = QLabel()
        self.overskrift.setObjectName("overskrift")
        self.overskrift.setStyleSheet("font-size: 11pt; color: #445; padding: 2px 10px;")
        self.stak = QStackedWidget()
        for side in sider:
            self.stak.addWidget(side)
        self.forrige = TrinKnap("‹ Forrige trin")
        self.forrige.setObjectName("forrige_trin")
        self.naeste = TrinKnap("Næste trin ›")
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
        self._fordelt = False

    def resizeEvent(self, e) -> None:
        super().resizeEvent(e)
        self._foerste_gang()

    def showEvent(self, e) -> None:
        super().showEvent(e)
        self._foerste_gang()

    def _foerste_gang(self) -> None:
        if not self._fordelt and self.isVisible() and self.width() > 0:
            self._fordelt = True
            self.fordel_smalt()

    def fordel_smalt(self) -> None:
        """On a narrow window (1366x768 at 150 %) the page gets the width before the side panel:
        the first layout shares it in proportion, which left the page narrower than the panel."""
        n, m, p = self.sizes()
        i_alt = n + m + p
        if i_alt and i_alt < 1100 and m < p * 1.5 and p > SIDE_MIN:
            ny_n = max(NAVIGATOR_MIN, min(n, 170))
            # the side panel as wide as two ydelser's takster need (at 125 % Niveau 2 was cut to
            # 'Nive'), while the page keeps MIDT_GODT; else as narrow as it can well be
            ny_p = max(SIDE_MIN + 40, min(self._side_to_kolonner(p), i_alt - ny_n - MIDT_GODT))
            self.setSizes([ny_n, i_alt - ny_n - ny_p, ny_p])

    def _side_to_kolonner(self, p: int) -> int:
        """The side panel's width at which its takst table shows two columns (ydelser) whole."""
        self.sidepanel.layout().activate()
        tabel = self.sidepanel.preview.tabel
        if tabel.width() <= 0:
            return 0
        # and the scroll bar the takster get on a low screen, which comes later with the figures
        rulle = self.sidepanel.preview_rulle.verticalScrollBar()
        ekstra = 0 if rulle.isVisible() else rulle.sizeHint().width()
        return p - tabel.viewport().width() + 2 * tabel.mindste_kolonne + ekstra

    def vis_trinlinje(self, forrige: tuple[str, str], naeste: tuple[str, str], tekst: str) -> None:
        """The buttons under the page: (label, tooltip) of the page before and after, 'Trin 2 af 9'."""
        fm = self.forrige.fontMetrics()
        self.forrige.saet_tekst("‹ " + fm.elidedText(forrige[0], Qt.TextElideMode.ElideMiddle, 240))
        self.forrige.setToolTip(vaerktoejstip(forrige[1]))
        self.forrige.setAccessibleName(f"Forrige trin: {forrige[1]}")  # whole, without the arrow
        self.naeste.saet_tekst(fm.elidedText(naeste[0], Qt.TextElideMode.ElideMiddle, 240) + " ›")
        self.naeste.setToolTip(vaerktoejstip(naeste[1]))
        self.naeste.setAccessibleName(f"Næste trin: {naeste[1]}")
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
