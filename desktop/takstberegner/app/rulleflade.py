"""A scroll area for a page: the page fills the visible area and scrolls only when the window is
smaller than the page's minimum. (QScrollArea's own resizing gives a page with word-wrapped
text its preferred height, so tables would be stretched and the page scroll at any size.)"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class RulleFlade(QScrollArea):
    def __init__(self, side: QWidget, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.NoFrame)
        # not a stop of its own for Tab: the fields in it are, and it scrolls to the one with focus
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWidgetResizable(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setWidget(side)
        side.installEventFilter(self)
        self._tilpasser = False

    def _tilpas(self) -> None:
        side = self.widget()
        if side is None or self._tilpasser:
            return
        self._tilpasser = True
        try:
            lag = side.layout()
            for _ in range(2):  # a scroll bar that appears takes width: fit once more
                vp = self.viewport().size()
                bredde = max(vp.width(), side.minimumSizeHint().width())
                mindst = lag.minimumHeightForWidth(bredde) if lag is not None and lag.hasHeightForWidth() else -1
                mindst = max(mindst, side.minimumSizeHint().height())
                side.resize(bredde, max(vp.height(), mindst))
        finally:
            self._tilpasser = False

    def resizeEvent(self, e) -> None:
        super().resizeEvent(e)
        self._tilpas()

    def eventFilter(self, obj, e) -> bool:
        if obj is self.widget() and e.type() == QEvent.Type.LayoutRequest:
            self._tilpas()
        return super().eventFilter(obj, e)
