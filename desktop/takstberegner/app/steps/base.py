"""Trin: what every step page shares. The SA help text at the top, access to the open document
and the selected tilbud, wiring of tables to undoable edits, and focusing the field of a finding."""
from __future__ import annotations

import re
from typing import Any, Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from takstberegner.app.models.raekker import RaekkeModel, kolonne_for
from takstberegner.app import statuslinje
from takstberegner.app.rulleflade import RulleFlade
from takstberegner.app.tabel import TabelVisning
from takstberegner.app.widgets import hjaelp, med_alt
from takstberegner.domain import aendringer as ae

_STI = re.compile(r"^([a-z_]+)(?:\[(\d+)\])?(?:\.([a-z_]+))?")


def del_sti(rest: str) -> tuple[str, int | None, str]:
    """'omkostninger[3].beloeb' -> ('omkostninger', 3, 'beloeb')."""
    m = _STI.match(rest or "")
    if not m:
        return "", None, ""
    return m.group(1), (int(m.group(2)) if m.group(2) is not None else None), m.group(3) or ""


def fund_raekker(resultat, prefix: str) -> list:
    """(row, finding) for the findings about rows of one table, e.g. prefix 'tilbud[0].anlaeg'."""
    if resultat is None:
        return []
    ud = []
    for f in resultat.fund:
        if f.felt.startswith(prefix + "["):
            try:
                ud.append((int(f.felt[len(prefix) + 1:].split("]")[0]), f))
            except ValueError:
                pass
    return ud


class Trin(QWidget):
    titel = ""
    kort_titel = ""  # in the step list, when the title is long
    afsnit = ""  # the SA section the step follows
    hjaelpetekst = ""
    felter: tuple[str, ...] = ()  # the first parts of the field paths this step owns

    def __init__(self, parent=None):
        super().__init__(parent)
        self.dok = None
        self.tilbud_id: str | None = None
        self.felt_widgets: dict[str, QWidget] = {}
        self.tabeller: dict[str, TabelVisning] = {}
        # the column a finding about a whole row leads to, per table (else its first column)
        self.raekke_felt: dict[str, str] = {}
        # The page scrolls when the window is lower than its content (a 1366x768 laptop): the
        # title, the help and the content are inside one scroll area.
        side = QWidget()
        side.setObjectName("trin_side")
        rulle = RulleFlade(side, self)
        rulle.setObjectName("trin_rulle")
        lag = QVBoxLayout(self)
        lag.setContentsMargins(0, 0, 0, 0)
        lag.addWidget(rulle)
        ydre = QVBoxLayout(side)
        ydre.setContentsMargins(10, 6, 10, 6)
        overskrift = QLabel(f"{self.titel}")
        overskrift.setStyleSheet("font-size: 14pt; font-weight: 600;")
        ydre.addWidget(overskrift)
        tekst = self.hjaelpetekst
        if self.afsnit:
            tekst = f"<b>Styringsaftalen {self.afsnit}.</b> {tekst}"
        boks = hjaelp(f"{tekst} <a href='vejledning'>Læs mere i vejledningen</a>")
        boks.linkActivated.connect(lambda _: self.window().vis_hjaelp(type(self).__name__)
                                   if hasattr(self.window(), "vis_hjaelp") else None)
        ydre.addWidget(boks)
        self.hjaelpeboks = boks
        self.indhold = QVBoxLayout()
        ydre.addLayout(self.indhold, 1)
        self.rulle = rulle
        self.byg()
        # a form's label goes above its field when the page is too narrow for both side by side
        # (1366x768 at 150 %: the page scrolled sideways, 'Væsentlighedsgrænse for takstændring (%):'
        # beside its field); at 100 % and 125 % the labels stay beside their fields
        for form in side.findChildren(QFormLayout):
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)

    # -- to override ---------------------------------------------------------------------
    def byg(self) -> None:
        """Create the widgets (once)."""

    def vis(self) -> None:
        """Show the document's current figures (after every edit and on tilbud change)."""

    # -- the document and the tilbud -------------------------------------------------------
    def saet(self, dok, tilbud_id: str | None) -> None:
        self.dok = dok
        self.tilbud_id = tilbud_id
        if dok is not None:
            self.vis()

    @property
    def tilbud(self):
        if self.dok is None or self.tilbud_id is None:
            return None
        i = self.dok.tilbud_index(self.tilbud_id)
        return None if i is None else self.dok.grundlag.tilbud[i]

    @property
    def resultat(self):
        if self.dok is None or self.tilbud_id is None:
            return None
        return self.dok.beregning.tilbud_resultat(self.tilbud_id)

    def ret_tilbud(self, **felter: Any) -> None:
        if self.dok is not None and self.tilbud_id is not None:
            self.dok.anvend(ae.OpdaterTilbud.af(self.tilbud_id, **felter))

    def sti_prefix(self) -> str:
        i = self.dok.tilbud_index(self.tilbud_id) if self.dok and self.tilbud_id else None
        return f"tilbud[{i}]."

    # -- tables over a tilbud's collections --------------------------------------------------
    def samlingstabel(self, samling: str, model: RaekkeModel, ny: Callable[[], Any] | None,
                      navn: str, titel: str, alt: str = "") -> QWidget:
        """A table for one of the tilbud's collections, with Tilføj/Slet buttons. `navn`: one row
        ("linje", in the buttons); `titel`: what the table holds (its name for a screen reader);
        `alt`: the buttons' Alt letters, Tilføj's from the row's name and Slet's ("le": Tilføj
        &linje, Sl&et linje), none the menus use (F, R, V, T, U, S, H)."""
        visning = TabelVisning(model, navn=titel)
        visning.paa_besked = self._besked
        model.paa_rettelse = lambda r, x: self.dok.anvend(ae.OpdaterElement(self.tilbud_id, samling, r, x))
        model.paa_blok = lambda rettede, nye: self._blok(samling, rettede, nye)
        model.ny_raekke = ny
        self.tabeller[samling] = visning
        boks = QWidget()
        lag = QVBoxLayout(boks)
        lag.setContentsMargins(0, 0, 0, 0)
        lag.addWidget(visning, 1)
        if ny is not None:
            knapper = QHBoxLayout()
            tilfoej = QPushButton(med_alt(f"Tilføj {navn}", alt[:1], len("Tilføj ")))
            tilfoej.setObjectName(f"tilfoej_{samling}")
            tilfoej.clicked.connect(lambda: self._tilfoej(samling, ny(), visning))
            slet = QPushButton(med_alt(f"Slet {navn}", alt[1:2]))
            slet.setObjectName(f"slet_{samling}")
            slet.clicked.connect(lambda: self._slet(samling, visning, navn))
            knapper.addWidget(tilfoej)
            knapper.addWidget(slet)
            knapper.addStretch(1)
            lag.addLayout(knapper)
        return boks

    def _tilfoej(self, samling: str, element: Any, visning: TabelVisning) -> None:
        # A new row is to be filled in: saved with findings inside it (Dokument.anvend with krav).
        if self.dok.anvend(ae.TilfoejElement(self.tilbud_id, samling, element), krav=True):
            visning.fokuser_celle(visning.model().rowCount() - 1, 0)

    def _slet(self, samling: str, visning: TabelVisning, navn: str) -> None:
        """Delete the table's current row; the row that takes its place becomes current, so Slet
        again goes on (the table had no current row after a delete, and Slet then did nothing
        and said nothing)."""
        cur = visning.currentIndex()
        if not cur.isValid():
            self._besked(f"Vælg først rækken, der skal slettes, i tabellen (klik på den, eller brug piletasterne), "
                         f"og tryk så Slet {navn}.")
            return
        if self.dok.anvend(ae.SletElement(self.tilbud_id, samling, cur.row())):
            model = visning.model()
            if model.rowCount():
                ny = model.index(min(cur.row(), model.rowCount() - 1), max(cur.column(), 0))
                visning.setCurrentIndex(ny)
                visning.scrollTo(ny)

    def _blok(self, samling: str, rettede: list, nye: list = ()) -> None:
        """A pasted block: changed rows and the rows it added, saved and undone as one edit."""
        aendringer = [ae.OpdaterElement(self.tilbud_id, samling, r, x) for r, x in rettede]
        aendringer += [ae.TilfoejElement(self.tilbud_id, samling, x) for x in nye]
        tekst = f"Indsæt {len(nye)} nye linjer" if nye else "Indsæt celler"
        self.dok.anvend_mange(aendringer, tekst)

    def _besked(self, tekst: str) -> None:
        # (a table's refused cell or paste: nothing was saved, so the screen reader says it at once)
        statuslinje.vis(self.window(), tekst, 8000, vigtig=True)

    # -- findings ------------------------------------------------------------------------
    def fokuser(self, rest: str) -> bool:
        """Put the focus on the field of a finding ('omkostninger[3].beloeb', 'belaegning')."""
        navn, nr, under = del_sti(rest)
        visning = self.tabeller.get(navn)
        if visning is not None:
            model = visning.model()
            under = under or self.raekke_felt.get(navn, "")
            kol = kolonne_for(model, under) if under else 0
            self._frem(visning)
            visning.fokuser_celle(nr or 0, kol)
            return True
        w = self.felt_widgets.get(navn)
        if w is not None:
            self._frem(w)
            w.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return False

    def _frem(self, w: QWidget) -> None:
        """Bring a widget into view: the tab it is on, and the scrolled part of the page."""
        barn, far = w, w.parentWidget()
        while far is not None and far is not self:
            if isinstance(far, QStackedWidget):
                far.setCurrentWidget(barn)
            barn, far = far, far.parentWidget()
        self.rulle.ensureWidgetVisible(w)
        # once more when the page just shown has its size (a finding's click at 150 % showed the
        # Regulering page's top, its hensættelser out of view below)
        QTimer.singleShot(0, lambda: self.rulle.ensureWidgetVisible(w) if w.isVisible() else None)
