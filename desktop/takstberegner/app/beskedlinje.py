"""A refusal the user must read whole: 'Ikke gemt: Bostedet Nord › Budget › linje 1 › Beløb: Beløb
er 10.000.000.000.000.000.000.000.000, men må højst være 999.999.999.999,99. Ret tallet.' was cut
at the status bar's edge (one line; at 150 % about 130 characters). The message also stands here,
above the page, wrapped over as many lines as it needs, until the next saved change or until the
user closes it (×, or Escape in it)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton


class Beskedlinje(QFrame):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("beskedlinje")
        self.setStyleSheet("#beskedlinje { background: #fde8e8; border: 1px solid #a01818; border-radius: 3px; }")
        lag = QHBoxLayout(self)
        lag.setContentsMargins(8, 4, 4, 4)
        self.tekst = QLabel()
        self.tekst.setObjectName("beskedlinje_tekst")
        self.tekst.setTextFormat(Qt.TextFormat.PlainText)  # names from the file as written, never as HTML
        self.tekst.setWordWrap(True)
        self.tekst.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                           | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.tekst.setStyleSheet("color: #a01818;")
        # wraps to any width: never widens the window (a minimum of one long word would)
        self.tekst.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.tekst.setMinimumWidth(50)
        lag.addWidget(self.tekst, 1)
        self.luk = QToolButton()
        self.luk.setObjectName("beskedlinje_luk")
        self.luk.setText("×")
        self.luk.setToolTip("Luk beskeden")
        self.luk.setAccessibleName("Luk beskeden")
        self.luk.setAutoRaise(True)
        self.luk.clicked.connect(self.skjul)
        lag.addWidget(self.luk, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def vis(self, tekst: str) -> None:
        self.tekst.setText(tekst)
        self.tekst.setAccessibleName(tekst)
        self.show()

    def skjul(self) -> None:
        self.hide()
        self.tekst.clear()

    def keyPressEvent(self, e) -> None:
        if e.key() == Qt.Key.Key_Escape:
            self.skjul()
            return
        super().keyPressEvent(e)
