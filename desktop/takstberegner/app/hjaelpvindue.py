"""The Hjælp guide: the documents in resources/hjaelp (Danish, step by step, the rules in plain
words with their SA references), one chapter per page of the app, shown in a window beside the
work. The same files are readable in the repository."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QListWidget, QListWidgetItem, QSplitter, QTextBrowser

from takstberegner.paths import resource

# The chapter that belongs to each page of the window.
KAPITEL_FOR_SIDE = {
    "overblik": "01-overblik", "DriftsherreTrin": "02-driftsherre", "StamdataTrin": "03-stamdata",
    "BudgetTrin": "04-budget", "BelaegningTrin": "05-belaegning", "OverheadTrin": "06-overhead",
    "AnlaegTrin": "07-anlaeg", "ReguleringTrin": "08-regulering", "TakststrukturTrin": "09-takststruktur",
    "TillaegTrin": "10-tillaeg", "BemaerkningerTrin": "11-bemaerkninger",
}


def kapitler() -> list[tuple[str, str, Path]]:
    """(name, title, file) of every chapter, in order; the title is the document's first heading."""
    ud = []
    for fil in sorted(resource("hjaelp").glob("*.md")):
        linjer = fil.read_text(encoding="utf-8").splitlines()
        titel = next((x[2:].strip() for x in linjer if x.startswith("# ")), fil.stem)
        ud.append((fil.stem, titel, fil))
    return ud


class HjaelpVindue(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("hjaelpvindue")
        self.setWindowTitle("Vejledning – Takstberegner")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(900, 620)
        self.liste = QListWidget()
        self.liste.setObjectName("hjaelp_kapitler")
        self.liste.setAccessibleName("Vejledningens kapitler")
        self.tekst = QTextBrowser()
        self.tekst.setObjectName("hjaelp_tekst")
        self.tekst.setAccessibleName("Kapitlets tekst")
        self.tekst.setOpenExternalLinks(True)
        for navn, titel, fil in kapitler():
            item = QListWidgetItem(titel)
            item.setData(Qt.ItemDataRole.UserRole, (navn, str(fil)))
            self.liste.addItem(item)
        self.liste.currentItemChanged.connect(self._vis)
        deler = QSplitter(Qt.Orientation.Horizontal)
        deler.addWidget(self.liste)
        deler.addWidget(self.tekst)
        deler.setSizes([230, 670])
        QHBoxLayout(self).addWidget(deler)
        self.liste.setCurrentRow(0)

    def _vis(self, item, _forrige=None) -> None:
        if item is not None:
            self.tekst.setMarkdown(Path(item.data(Qt.ItemDataRole.UserRole)[1]).read_text(encoding="utf-8"))

    def vis_kapitel(self, navn: str) -> bool:
        for i in range(self.liste.count()):
            if self.liste.item(i).data(Qt.ItemDataRole.UserRole)[0] == navn:
                self.liste.setCurrentRow(i)
                return True
        return False


def vis(vindue, side: str | None = None) -> HjaelpVindue:
    """Show the guide (one window per main window), at the chapter of the page `side`."""
    h = getattr(vindue, "_hjaelp", None)
    if h is None:
        h = vindue._hjaelp = HjaelpVindue(vindue)
    h.vis_kapitel(KAPITEL_FOR_SIDE.get(side or "", "00-kom-godt-i-gang"))
    h.show()
    h.raise_()
    return h
