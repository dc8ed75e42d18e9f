"""Icons painted by the app itself, so they look the same on every Windows version: curved
arrows for Fortryd/Annullér fortryd (not the straight arrows of step navigation)."""
from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF, QTransform

_FARVE = QColor("#2f5f8a")


def _bue_pil(stoerrelse: int, spejlet: bool) -> QPixmap:
    pm = QPixmap(stoerrelse, stoerrelse)
    pm.fill(Qt.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.Antialiasing)
    s = stoerrelse / 24.0
    if spejlet:
        p.setTransform(QTransform(-1, 0, 0, 1, stoerrelse, 0))
    p.scale(s, s)
    pen = QPen(_FARVE, 2.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    bue = QPainterPath()
    bue.moveTo(8, 9.5)
    bue.cubicTo(QPointF(12, 5.5), QPointF(20, 6.5), QPointF(20, 13))
    bue.cubicTo(QPointF(20, 17.5), QPointF(16.5, 19.5), QPointF(12, 19.5))
    p.drawPath(bue)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(_FARVE)
    p.drawPolygon(QPolygonF([QPointF(3.5, 5), QPointF(10.5, 7.5), QPointF(5, 13)]))
    p.end()
    return pm


def fortryd() -> QIcon:
    ikon = QIcon()
    for n in (16, 24, 32):
        ikon.addPixmap(_bue_pil(n, False))
    return ikon


def annuller_fortryd() -> QIcon:
    ikon = QIcon()
    for n in (16, 24, 32):
        ikon.addPixmap(_bue_pil(n, True))
    return ikon
