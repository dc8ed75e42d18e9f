"""The findings list: every finding of the driftsherre, errors first, each with where it is
(tilbud › step › field, in words); clicking one asks the main window to take the user to its
field (SPEC §5). The heading says in a sentence what must be done."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from takstberegner import dansk
from takstberegner.app.widgets import vaerktoejstip
from takstberegner.domain import navne
from takstberegner.tjeneste.forarbejde import Fundliste, fundliste

_FARVE = {"fejl": "#a01818", "advarsel": "#8a5a00", "info": "#2f5f8a"}


def opsummering(fejl: int, advarsler: int, info: int) -> str:
    """'2 fejl skal rettes før indmelding. 1 advarsel.' in words a user understands."""
    if not (fejl or advarsler or info):
        return "Ingen fejl eller advarsler."
    dele = []
    if fejl:
        dele.append(f"{_tal(fejl, 'fejl', 'fejl')} skal rettes før indmelding.")
    else:
        dele.append("Ingen fejl.")
    andre = []
    if advarsler:
        andre.append(_tal(advarsler, "advarsel", "advarsler") + " bør ses efter")
    if info:
        andre.append(_tal(info, "bemærkning", "bemærkninger") + " til orientering")
    if andre:
        dele.append(" og ".join(andre).capitalize() + ".")
    return " ".join(dele)


def _tal(n: int, ental: str, flertal: str) -> str:
    return f"{dansk.tal(n, 0)} {ental if n == 1 else flertal}"  # 90.000 advarsler, not 90000


class FundPanel(QWidget):
    """The list holds the first findings and more as the user scrolls to its end (BATCH at a
    time): a file with 90.000 findings filled 90.000 word-wrapped items, each with its place in
    words, and the window froze for 20 s at every edit."""

    fund_valgt = Signal(str)  # the finding's field path
    BATCH = 200

    def __init__(self, parent=None):
        super().__init__(parent)
        lag = QVBoxLayout(self)
        lag.setContentsMargins(4, 4, 4, 4)
        self.titel = QLabel("Kontrol")
        self.titel.setStyleSheet("font-size: 12pt; font-weight: 600;")
        lag.addWidget(self.titel)
        self.opsummering = QLabel()
        self.opsummering.setObjectName("fund_opsummering")
        self.opsummering.setWordWrap(True)
        lag.addWidget(self.opsummering)
        self.liste = QListWidget()
        self.liste.setObjectName("fundliste")
        self.liste.setAccessibleName("Kontrol: fejl og bemærkninger i filen")
        self.liste.setWordWrap(True)
        self.liste.setAlternatingRowColors(True)
        self.liste.itemActivated.connect(self._valgt)
        self.liste.itemClicked.connect(self._valgt)
        self.liste.verticalScrollBar().valueChanged.connect(self._rullet)
        lag.addWidget(self.liste, 1)
        self._sidste = None
        self._fund: list = []
        self._grundlag = None

    def _valgt(self, item: QListWidgetItem) -> None:
        felt = item.data(Qt.ItemDataRole.UserRole)
        if felt is not None:
            self.fund_valgt.emit(felt)

    def vis(self, beregning, grundlag=None, liste: Fundliste | None = None) -> None:
        """liste: the findings of this beregning worked out already (tjeneste.forarbejde, in the
        worker that opened the file)."""
        if liste is None or liste.beregning is not beregning:
            liste = fundliste(beregning)
        fund = liste.fund
        if fund == self._sidste:
            return  # unchanged: keep the items (and the one the user is clicking)
        self._sidste = fund
        self._fund, self._grundlag = fund, grundlag
        self.liste.clear()
        self.vis_flere()
        antal = liste.antal
        self.opsummering.setText(opsummering(antal["fejl"], antal["advarsel"], antal["info"]))

    def vis_flere(self) -> bool:
        """Add the next BATCH findings to the list; False when all are there."""
        fra = self.liste.count()
        if fra >= len(self._fund):
            return False
        for hvor, f in self._fund[fra:fra + self.BATCH]:
            niveau = navne.vis(f.niveau, navne.NIVEAUER)
            item = QListWidgetItem(f"{niveau} · {hvor}\n{f.tekst_med_reference}")
            item.setData(Qt.ItemDataRole.UserRole, f.felt)
            item.setData(Qt.ItemDataRole.UserRole + 1, f.kode)
            item.setForeground(_pensel(f.niveau))
            item.setToolTip(vaerktoejstip(f"{navne.felt_tekst(f.felt, self._grundlag)}\nKlik for at gå til feltet."))
            self.liste.addItem(item)
        return True

    def _rullet(self, vaerdi: int) -> None:
        bar = self.liste.verticalScrollBar()
        if vaerdi >= bar.maximum() - bar.pageStep() // 2:
            self.vis_flere()


_PENSLER: dict[str, QBrush] = {}


def _pensel(niveau: str) -> QBrush:
    """The level's colour, one brush per level for all the items."""
    pensel = _PENSLER.get(niveau)
    if pensel is None:
        pensel = _PENSLER[niveau] = QBrush(QColor(_FARVE.get(niveau, "#333")))
    return pensel
