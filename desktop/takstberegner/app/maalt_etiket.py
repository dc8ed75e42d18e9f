"""MaaltEtiket: a word-wrapped label that measures its text once per width. QLabel lays its rich
text out anew on every heightForWidth and sizeHint, and the layouts ask again and again: the
overview's checklist of 60 tilbud (an HTML table) was laid out 13 times, 0,2-0,3 s of the window's
freeze when a large file opened. The measures are kept until the text, the font or the style
changes."""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel

_GLEMMER = (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.ContentsRectChange)


class MaaltEtiket(QLabel):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._maal: dict = {}

    def setText(self, tekst: str) -> None:
        if tekst != self.text():
            self._maal.clear()
        super().setText(tekst)

    def heightForWidth(self, bredde: int) -> int:
        h = self._maal.get(bredde)
        if h is None:
            h = self._maal[bredde] = super().heightForWidth(bredde)
        return h

    def sizeHint(self):
        s = self._maal.get("s")
        if s is None:
            s = self._maal["s"] = super().sizeHint()
        return s

    def minimumSizeHint(self):
        s = self._maal.get("m")
        if s is None:
            s = self._maal["m"] = super().minimumSizeHint()
        return s

    def changeEvent(self, event) -> None:
        if event.type() in _GLEMMER:
            self._maal.clear()
        super().changeEvent(event)
