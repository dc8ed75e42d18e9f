"""Stacked bars: each takst split on the eight cost categories plus regulering (SA 5.5.1, tabel 4),
painted with QPainter from the published pr_kategori figures. Positive parts stack up from 0 and
negative parts (finansieringsindtægter, an overskud paid back) stack down from it, on a y-axis in
kroner; a black mark shows the takst itself."""
from __future__ import annotations

import math
from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from takstberegner import dansk
from takstberegner.domain.model import KATEGORI_NAVNE, KATEGORIER, REGULERING_LINJE

FARVER = ("#2f6690", "#3a7ca5", "#81c3d7", "#d9dcd6", "#16425b", "#c97c5d", "#8fb996", "#b36a5e", "#e0a030")
NAVNE = tuple(KATEGORI_NAVNE[k] for k in KATEGORIER) + ("Regulering og indtægter",)
NOEGLER = KATEGORIER + (REGULERING_LINJE,)


def paene_trin(lav: float, hoej: float, antal: int = 4) -> list[float]:
    """Round tick values (1, 2 or 5 times a power of ten) covering lav..hoej, 0 included."""
    spaend = max(hoej - lav, 1.0)
    raa = spaend / antal
    tipotens = 10 ** math.floor(math.log10(raa))
    trin = next(m * tipotens for m in (1, 2, 5, 10) if m * tipotens >= raa)
    start = math.floor(lav / trin) * trin
    ud, v = [], start
    while v <= hoej + trin * 0.001:
        ud.append(round(v, 6))
        v += trin
    if ud[-1] < hoej:
        ud.append(ud[-1] + trin)
    return ud


def dele(takst) -> tuple[Decimal, Decimal]:
    """The sum of the positive and of the negative parts of a takst."""
    op = sum((v for v in takst.pr_kategori.values() if v > 0), Decimal(0))
    ned = sum((v for v in takst.pr_kategori.values() if v < 0), Decimal(0))
    return op, ned


_HOEJRE = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_MIDT = Qt.AlignmentFlag.AlignHCenter

class Soejlediagram(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.takster: tuple = ()
        self.setMinimumHeight(max(170, self.legende_hoejde()))  # never a legend cut off at the foot
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)

    def legende_hoejde(self) -> int:
        """The height the legend of every kategori needs (as paintEvent draws it)."""
        fm = self.fontMetrics()
        return fm.height() // 2 + 4 + len(NAVNE) * (fm.height() + 2) + 4

    def vis_takster(self, takster) -> None:
        self.takster = tuple(takster)
        self.update()

    def akse(self) -> list[float]:
        """The y-axis ticks in kroner (floats are pixels' business only, never money)."""
        hoej = max([0.0] + [float(max(dele(tk)[0], tk.takst)) for tk in self.takster])  # float-ok: pixels
        lav = min([0.0] + [float(min(dele(tk)[1], tk.takst)) for tk in self.takster])  # float-ok: pixels
        return paene_trin(lav, hoej)

    def paintEvent(self, _):
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        if not self.takster:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "Ingen takster at vise endnu.")
            return
        fm = p.fontMetrics()
        trin = self.akse()
        lav, hoej = trin[0], trin[-1]
        etiketter = [dansk.tal(Decimal(str(v)), 0) for v in trin]
        akse_b = max(fm.horizontalAdvance(e) for e in etiketter) + 8
        legende_b = min(max(fm.horizontalAdvance(n) for n in NAVNE) + 30, max(120, self.width() // 3))
        venstre, top, bund = akse_b + 6, fm.height() // 2 + 4, fm.height() * 2 + 10
        bredde = max(80, self.width() - legende_b - venstre - 10)
        hoejde = max(40, self.height() - top - bund)

        def y(v: float) -> float:
            return top + (hoej - v) / (hoej - lav) * hoejde

        # the axis: ticks, labels, grid lines and the 0 line
        p.setPen(QPen(QColor("#555")))
        for v, e in zip(trin, etiketter):
            yy = y(v)
            p.setPen(QPen(QColor("#e4e4e4")))
            p.drawLine(QPointF(venstre, yy), QPointF(venstre + bredde, yy))
            p.setPen(QPen(QColor("#555")))
            p.drawText(QRectF(0, yy - fm.height() / 2, akse_b, fm.height()), _HOEJRE, e)
        p.drawLine(QPointF(venstre, top), QPointF(venstre, top + hoejde))
        p.setPen(QPen(QColor("#333"), 1.2))
        p.drawLine(QPointF(venstre, y(0)), QPointF(venstre + bredde, y(0)))

        n = len(self.takster)
        slot = bredde / n
        sb = min(90.0, slot * 0.6)
        for i, tk in enumerate(self.takster):
            x = venstre + i * slot + (slot - sb) / 2
            op = ned = 0.0
            for k, farve in zip(NOEGLER, FARVER):
                v = float(tk.pr_kategori.get(k, Decimal(0)))  # float-ok: pixels, not money
                if v == 0:
                    continue
                if v > 0:
                    p.fillRect(QRectF(x, y(op + v), sb, y(op) - y(op + v)), QColor(farve))
                    op += v
                else:
                    p.fillRect(QRectF(x, y(ned), sb, y(ned + v) - y(ned)), QColor(farve))
                    ned += v
            p.setPen(QPen(QColor("#000"), 2))
            yt = y(float(tk.takst))  # float-ok: pixels
            p.drawLine(QPointF(x - 4, yt), QPointF(x + sb + 4, yt))
            p.setPen(QPen(QColor("#333")))
            navn = fm.elidedText(tk.ydelse_navn or "Takst", Qt.TextElideMode.ElideRight, int(slot) - 4)
            p.drawText(QRectF(venstre + i * slot, top + hoejde + 2, slot, fm.height()), _MIDT, navn)
            p.drawText(QRectF(venstre + i * slot, top + hoejde + 2 + fm.height(), slot, fm.height()), _MIDT,
                       dansk.kr(tk.takst))
        lx = venstre + bredde + 14
        for j, (navn, farve) in enumerate(zip(NAVNE, FARVER)):
            ly = top + j * (fm.height() + 2)
            p.fillRect(QRectF(lx, ly + 2, 12, fm.height() - 4), QColor(farve))
            p.setPen(QPen(QColor("#333")))
            p.drawText(int(lx + 18), int(ly + fm.ascent()),
                       fm.elidedText(navn, Qt.TextElideMode.ElideRight, int(self.width() - lx - 20)))
        p.end()
