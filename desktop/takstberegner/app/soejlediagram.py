"""Stacked bars: each takst split on the eight cost categories plus regulering (SA 5.5.1, tabel 4),
painted with QPainter from the published pr_kategori figures."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from takstberegner import dansk
from takstberegner.domain.model import KATEGORI_NAVNE, KATEGORIER, REGULERING_LINJE

FARVER = ("#2f6690", "#3a7ca5", "#81c3d7", "#d9dcd6", "#16425b", "#c97c5d", "#8fb996", "#b36a5e", "#999999")
NAVNE = tuple(KATEGORI_NAVNE[k] for k in KATEGORIER) + ("Regulering og indtægter",)
NOEGLER = KATEGORIER + (REGULERING_LINJE,)


class Soejlediagram(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.takster: tuple = ()
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)

    def vis_takster(self, takster) -> None:
        self.takster = tuple(takster)
        self.update()

    def paintEvent(self, _):
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        if not self.takster:
            p.drawText(self.rect(), Qt.AlignCenter, "Ingen takster at vise endnu.")
            return
        fm = p.fontMetrics()
        legende_b = max(fm.horizontalAdvance(n) for n in NAVNE) + 30
        venstre, top, bund = 10, 10, fm.height() * 2 + 12
        bredde = max(100, self.width() - legende_b - venstre - 10)
        hoejde = self.height() - top - bund
        maks = max(max(sum((v for v in tk.pr_kategori.values() if v > 0), Decimal(0)), tk.takst) for tk in self.takster)
        maks = maks or Decimal(1)
        n = len(self.takster)
        slot = bredde / n
        sb = min(90.0, slot * 0.6)
        for i, tk in enumerate(self.takster):
            x = venstre + i * slot + (slot - sb) / 2
            y = top + hoejde
            for k, farve in zip(NOEGLER, FARVER):
                v = tk.pr_kategori.get(k, Decimal(0))
                if v <= 0:
                    continue
                h = float(v / maks) * hoejde  # float-ok: pixels, not money
                p.fillRect(QRectF(x, y - h, sb, h), QColor(farve))
                y -= h
            p.setPen(QPen(QColor("#333")))
            navn = fm.elidedText(tk.ydelse_navn or tk.ydelse, Qt.ElideRight, int(slot) - 4)
            p.drawText(QRectF(venstre + i * slot, top + hoejde + 2, slot, fm.height()), Qt.AlignHCenter, navn)
            p.drawText(QRectF(venstre + i * slot, top + hoejde + 2 + fm.height(), slot, fm.height()), Qt.AlignHCenter,
                       dansk.kr(tk.takst))
        lx = venstre + bredde + 14
        for j, (navn, farve) in enumerate(zip(NAVNE, FARVER)):
            ly = top + j * (fm.height() + 4)
            p.fillRect(QRectF(lx, ly + 2, 12, fm.height() - 4), QColor(farve))
            p.setPen(QPen(QColor("#333")))
            p.drawText(int(lx + 18), int(ly + fm.ascent()), navn)
        p.end()
