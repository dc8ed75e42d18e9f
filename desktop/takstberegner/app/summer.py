"""A compact block of sums: (name, amount) pairs as labels in a grid, two pairs per line, totals
in bold on a line of their own. Never scrolls, so no sum is clipped on a low screen; a long name
is shortened with … (the full name in its tooltip) rather than widening the window."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from takstberegner import dansk


class KortLabel(QLabel):
    """A one-line label that shortens its text with … to the width it gets."""

    def __init__(self, tekst: str = "", parent=None):
        super().__init__(tekst, parent)
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("Xxxxxx…"), super().minimumSizeHint().height())

    def paintEvent(self, _e) -> None:
        p = QPainter(self)
        p.setPen(self.palette().color(self.foregroundRole()))
        r = self.contentsRect()
        p.drawText(r, int(self.alignment()) | Qt.TextFlag.TextSingleLine,
                   self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, r.width()))
        p.end()


class Summer(QWidget):
    def __init__(self, par_pr_linje: int = 2, parent=None):
        super().__init__(parent)
        self.par = par_pr_linje
        self.gitter = QGridLayout(self)
        self.gitter.setContentsMargins(0, 0, 0, 0)
        self.gitter.setHorizontalSpacing(10)
        self.gitter.setVerticalSpacing(2)
        self.etiketter: list[tuple[KortLabel, QLabel]] = []

    def _etiket(self, i: int) -> tuple[KortLabel, QLabel]:
        while len(self.etiketter) <= i:
            navn, beloeb = KortLabel(), QLabel()
            beloeb.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            beloeb.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.etiketter.append((navn, beloeb))
        return self.etiketter[i]

    def vis(self, linjer: list[tuple[str, Decimal | None, bool]]) -> None:
        """linjer: (name, amount, total); a total takes a line of its own."""
        form = [(tekst, total) for tekst, _, total in linjer]
        if form == getattr(self, "_form", None):  # the same lines: only the amounts change
            for (_, v, _), (_, beloeb) in zip(linjer, self.etiketter):
                self._beloeb(beloeb, v)
            return
        self._form = form
        for navn, beloeb in self.etiketter:
            self.gitter.removeWidget(navn)
            self.gitter.removeWidget(beloeb)
            navn.hide()
            beloeb.hide()
        linje = kol = 0
        for i, (tekst, v, total) in enumerate(linjer):
            navn, beloeb = self._etiket(i)
            navn.setText(tekst)
            navn.setToolTip(tekst)
            self._beloeb(beloeb, v)
            for lbl in (navn, beloeb):
                f = lbl.font()
                f.setBold(total)
                lbl.setFont(f)
            if total and kol:
                linje, kol = linje + 1, 0
            self.gitter.addWidget(navn, linje, kol * 2)
            self.gitter.addWidget(beloeb, linje, kol * 2 + 1)
            navn.show()
            beloeb.show()
            kol += 1
            if total or kol == self.par:
                linje, kol = linje + 1, 0
        for k in range(self.par):
            self.gitter.setColumnStretch(k * 2, 1)

    @staticmethod
    def _beloeb(lbl: QLabel, v: Decimal | None) -> None:
        tekst = "–" if v is None else dansk.tal(v, 2)
        if tekst != lbl.text():
            lbl.setText(tekst)
            lbl.setStyleSheet("color: #a01818;" if v is not None and v < 0 else "")
