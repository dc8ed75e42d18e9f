"""The main window: the start page, or an open file's working area (navigator tree, the overview
or a step, the side panel with takster and findings). It decides which page is shown and
redraws after an edit; the pages and the document do the work."""
from __future__ import annotations

from html import escape

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from takstberegner.app import menuer, settings, statuslinje, tastatur, vinduestilstand
from takstberegner.tjeneste import klar
from takstberegner.app.arbejdsflade import Arbejdsflade
from takstberegner.app.beskedlinje import Beskedlinje
from takstberegner.app.overblik import Overblik
from takstberegner.app.sidefoelge import OVERBLIK, Sidefoelge
from takstberegner.app.rulleflade import RulleFlade
from takstberegner.app.startside import Startside
from takstberegner.app.steps.alle import DRIFTSHERRE_TRIN, TRIN
from takstberegner.app.stier import placering
from takstberegner.paths import resource


TILFOEJ_TILBUD = ("Tilføj et tilbud med Tilbud → Nyt tilbud (Alt+T, N) eller Nyt tilbud i værktøjslinjen, "
                  "eller ret et tilbuds kategori til 2 eller 3 under Stamdata og pladser.")


class HovedVindue(QMainWindow):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.dok = None
        self.tilbud_id: str | None = None
        self.side = OVERBLIK  # OVERBLIK or the number of a step in self.trin
        self._nav_noegle = None
        self._mangler_for: tuple = (None, None, ())  # (grundlag, beregning, klar.mangler of them)
        self._fundliste = None  # the findings list of the opened file's first beregning (saet_dokument)
        self._steder_for: tuple = (None, None, None)  # (grundlag, beregning, the navigator's marks), as _fundliste
        self._nav_tegnet: tuple = (None, None)  # the grundlag and beregning the navigator shows
        self.setWindowTitle("Takstberegner")
        ikon = resource("ikoner", "takstberegner.png")
        if ikon.exists():
            self.setWindowIcon(QIcon(str(ikon)))
        self.startside = Startside()
        self.trin = [cls() for cls in TRIN]
        self.foelge = Sidefoelge([s.kort_titel or s.titel for s in self.trin], [s.felter for s in self.trin],
                                 DRIFTSHERRE_TRIN)
        self.overblik = Overblik(self.foelge.trin_navn)
        self.arbejde = Arbejdsflade([self.overblik] + self.trin)
        self.navigator = self.arbejde.navigator
        self.stak = self.arbejde.stak
        self.preview = self.arbejde.sidepanel.preview
        self.fund = self.arbejde.sidepanel.fund
        self.overskrift = self.arbejde.overskrift
        self.navigator.side_valgt.connect(self._side_valgt)
        self.navigator.aabnet.connect(self._fokus_paa_siden)
        self.fund.fund_valgt.connect(self.gaa_til)
        self.overblik.gaa_til.connect(self.gaa_til)
        self.overblik.aabn_tilbud.connect(self.vaelg_tilbud)
        self.arbejde.forrige.clicked.connect(self.forrige_trin)
        self.arbejde.naeste.clicked.connect(self.naeste_trin)
        self.flader = QStackedWidget()
        self.startside_rulle = RulleFlade(self.startside)  # scrolls on a low screen (1366x768 at 150 %)
        self.flader.addWidget(self.startside_rulle)
        self.flader.addWidget(self.arbejde)
        # a refusal whole, wrapped, under the page (the status bar cuts it: app/beskedlinje.py)
        self.beskedlinje = Beskedlinje()
        midt = QWidget()
        lag = QVBoxLayout(midt)
        lag.setContentsMargins(0, 0, 0, 0)
        lag.setSpacing(2)
        lag.addWidget(self.flader, 1)
        lag.addWidget(self.beskedlinje)
        self.setCentralWidget(midt)
        self.gemt_label = QLabel("Ingen fil åben")
        self.gemt_label.setObjectName("gemt")
        self.statusBar().addPermanentWidget(self.gemt_label)
        menuer.byg(self)
        self.overblik.indmeld.connect(self.handlinger.indmeld)
        self.startside.seneste.connect(self.aabn_fil)
        self.startside.demo.connect(self.aabn_demo)
        self.startside.aabn.connect(self.handlinger.aabn_dialog)
        self.startside.ny.connect(self.handlinger.ny_dialog)
        self.startside.vejledning.connect(self.vis_hjaelp)
        self.opdater_seneste()
        for a in self.dokument_handlinger:
            a.setEnabled(False)
        vinduestilstand.gendan(self)

    # -- the document ----------------------------------------------------------------------
    def aabn_fil(self, sti) -> bool:
        return self.handlinger.aabn_fil(sti)

    def aabn_demo(self) -> bool:
        return self.handlinger.aabn_demo()

    def saet_dokument(self, dok, forarbejde=None) -> None:
        """forarbejde: tjeneste.forarbejde for the document's first state, made in the worker that
        opened the file (with 90.000 findings the window stood still 0,6-0,9 s working it out)."""
        if self.dok is not None:
            self.dok.aendret.disconnect(self.opdater)
            self.undo_gruppe.removeStack(self.dok.stak)
            self.dok.luk()
        self.dok = dok
        self.beskedlinje.skjul()
        self._nav_noegle = None
        self._mangler_for, self._nav_tegnet = (None, None, ()), (None, None)
        self._fundliste, self._steder_for = None, (None, None, None)
        if dok is not None and forarbejde is not None and forarbejde.grundlag is dok.grundlag \
                and forarbejde.beregning is dok.beregning:
            self._mangler_for = (dok.grundlag, dok.beregning, forarbejde.mangler)
            self._fundliste = forarbejde.fundliste
            self._steder_for = (dok.grundlag, dok.beregning, forarbejde.steder)
        for a in self.dokument_handlinger:
            a.setEnabled(dok is not None)
        if dok is None:
            self.flader.setCurrentWidget(self.startside_rulle)
            self.setWindowTitle("Takstberegner")
            self.gemt_label.setText("Ingen fil åben")
            return
        self.undo_gruppe.addStack(dok.stak)
        self.undo_gruppe.setActiveStack(dok.stak)
        dok.aendret.connect(self.opdater)
        dok.gemt.connect(self.gemt_label.setText)
        dok.gemt.connect(self.beskedlinje.skjul)  # saved: the refusal above is mended or undone
        dok.fejl.connect(lambda s: statuslinje.vis(self, s, 8000, vigtig=True))
        dok.lagerfejl.connect(self._lagerfejl)
        dok.fund_aendret.connect(lambda s: statuslinje.vis(self, s, 10000))
        dok.fortryd_besked.connect(lambda s: statuslinje.vis(self, s, 10000))
        self.flader.setCurrentWidget(self.arbejde)
        self.setWindowTitle(f"{dok.sti.name} – Takstberegner")
        self.gemt_label.setText("Gemt")
        self.tilbud_id = dok.grundlag.tilbud[0].id if dok.grundlag.tilbud else None
        self.side = OVERBLIK
        self.opdater()

    def _lagerfejl(self, besked: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.gemt_label.setText("Ikke gemt")
        QMessageBox.critical(self, "Ændringen kunne ikke gemmes", besked)
        self.opdater()  # show the file's state again

    def opdater(self) -> None:
        """Redraw after an edit or a move: the navigator if needed, the page shown, the side panel."""
        dok = self.dok
        if dok is None:
            return
        g, f = dok.grundlag, self.foelge
        if self.tilbud_id is not None and dok.tilbud_index(self.tilbud_id) is None:
            self.tilbud_id = g.tilbud[0].id if g.tilbud else None
        if self.tilbud_id is None and f.er_tilbudsside(self.side):
            self.side = OVERBLIK
        self._opdater_navigator()
        t = g.tilbud[dok.tilbud_index(self.tilbud_id)] if self.tilbud_id else None
        if self.side == OVERBLIK:
            self.stak.setCurrentWidget(self.overblik)
            self.overblik.vis(g, dok.beregning, self._mangler())
        else:
            self.stak.setCurrentWidget(self.trin[self.side])
            self.trin[self.side].saet(dok, self.tilbud_id)
        paa_tilbud = f.er_tilbudsside(self.side) and t is not None
        self.overskrift.setText(f"<b>{escape(t.navn)}</b> – {escape(t.paragraf)}, kategori {t.kategori}" if paa_tilbud
                                else f"<b>{escape(g.driftsherre.navn)}</b> – takstår {g.takstaar}")
        ids = [x.id for x in g.tilbud]
        forrige, naeste = (f.nabo(self.tilbud_id, self.side, ids, r) for r in (-1, 1))
        self.arbejde.vis_trinlinje(self._knap(*forrige), self._knap(*naeste), f.trin_tekst(self.side))
        self.navigator.vaelg(self.tilbud_id if paa_tilbud else None, self.side)
        r = dok.beregning.tilbud_resultat(self.tilbud_id) if t is not None else None
        self.preview.vis(r, klar.tilbud_status(dok.tilbud_index(self.tilbud_id), t, r) if r is not None else None)
        if self._fundliste is not None and self._fundliste.beregning is not dok.beregning:
            self._fundliste = None  # an edit since: the panel works out the new list itself
        self.fund.vis(dok.beregning, g, self._fundliste)

    def _knap(self, tilbud_id, side) -> tuple[str, str]:
        navn = self.foelge.navn(side)
        if tilbud_id is not None and tilbud_id != self.tilbud_id:
            tekst = f"{self.dok.grundlag.tilbud[self.dok.tilbud_index(tilbud_id)].navn}: {navn}"
            return tekst, tekst
        return navn, navn

    def _mangler(self) -> list:
        """What blocks the indmelding, found once per state of the file: a move to another page
        changes neither (with 90.000 fejl each move took 1,2 s of finding them again)."""
        g, b = self.dok.grundlag, self.dok.beregning
        if self._mangler_for[0] is not g or self._mangler_for[1] is not b:
            self._mangler_for = (g, b, klar.mangler(g, b))
        return self._mangler_for[2]

    def _opdater_navigator(self) -> None:
        g, b = self.dok.grundlag, self.dok.beregning
        if self._nav_tegnet[0] is g and self._nav_tegnet[1] is b:
            return  # the same state of the file as drawn: the same marks
        self._nav_tegnet = (g, b)
        kendt = self._steder_for
        fejl = kendt[2] if kendt[0] is g and kendt[1] is b and kendt[2] is not None \
            else self.foelge.fejl_steder(g, self._mangler())
        self._steder_for = (None, None, None)
        noegle = (g.driftsherre.navn, g.takstaar, tuple((t.id, t.navn) for t in g.tilbud), frozenset(fejl))
        if noegle != self._nav_noegle:
            self._nav_noegle = noegle
            titler = list(enumerate(self.foelge.titler))
            self.navigator.vis(g, b, titler[DRIFTSHERRE_TRIN:], titler[:DRIFTSHERRE_TRIN], fejl)

    # -- where the user is --------------------------------------------------------------------
    def _side_valgt(self, tilbud_id, side) -> None:
        if tilbud_id is not None and side is None:  # a tilbud itself: its current step
            self.vaelg_tilbud(tilbud_id)
            # the tilbud stays selected, so the arrow keys go on from it (up as well as down)
            self.navigator.vaelg(tilbud_id, None)
            return
        self.tilbud_id = tilbud_id or self.tilbud_id
        self.side = side
        self.opdater()

    def vaelg_tilbud(self, tilbud_id) -> None:
        """Show a tilbud (at the step shown, or its first step); None shows the overview."""
        if self.dok is None:
            return
        if tilbud_id is None:
            self.side = OVERBLIK
        else:
            self.tilbud_id = tilbud_id
            if not self.foelge.er_tilbudsside(self.side):
                self.side = DRIFTSHERRE_TRIN
        self.opdater()

    def vis_trin(self, nr: int) -> None:
        """Show step nr (an index into self.trin) for the selected tilbud."""
        if 0 <= nr < len(self.trin):
            self.side = nr
            self.stak.setCurrentWidget(self.trin[nr])
            self.opdater()

    def gaa_til_trin(self, nr: int) -> None:
        """Ctrl+0 … Ctrl+9: step nr of the selected tilbud (0: the driftsherre's page), with the
        focus in its first field."""
        if self.dok is not None:
            self.vis_trin(nr)
            self._fokus_paa_siden()

    def vis_overblik(self) -> None:
        self.side = OVERBLIK
        self.opdater()
        self._fokus_paa_siden()

    def _fokus_paa_siden(self) -> None:
        """A page opened from the keyboard (or a click in the navigator): the focus in its first field."""
        tastatur.fokuser_foerste(self.stak.currentWidget())

    def naeste_rude(self, retning: int = 1) -> None:
        """F6 / Shift+F6: the focus to the next pane: the navigator, the page, the side panel."""
        if self.dok is not None:
            tastatur.naeste_rude([self.navigator, self.stak.currentWidget(), self.arbejde.sidepanel],
                                 self.focusWidget(), retning)

    def naeste_trin(self) -> None:
        self._flyt(+1)

    def forrige_trin(self) -> None:
        self._flyt(-1)

    def _flyt(self, retning: int) -> None:
        if self.dok is not None:
            tid, self.side = self.foelge.nabo(self.tilbud_id, self.side, [t.id for t in self.dok.grundlag.tilbud], retning)
            self.tilbud_id = tid or self.tilbud_id
            self.opdater()
            self._fokus_paa_siden()

    def gaa_til(self, felt: str) -> bool:
        """Take the user to the field of a finding: select its tilbud, open its step, focus it."""
        if self.dok is None:
            return False
        if felt == "tilbud":  # 'Tilføj mindst ét tilbud …' has no field to go to: say how
            statuslinje.vis(self, TILFOEJ_TILBUD, 15000)
            return False
        p = placering(felt, self.foelge.felter)
        if p.tilbud_index is not None:
            if p.tilbud_index >= len(self.dok.grundlag.tilbud):
                return False
            self.tilbud_id = self.dok.grundlag.tilbud[p.tilbud_index].id
        if p.trin is None:  # the tilbud as a whole: its first step
            self.side = DRIFTSHERRE_TRIN if p.tilbud_index is not None else self.side
            self.opdater()
            return p.tilbud_index is not None
        self.side = p.trin
        self.opdater()
        return self.trin[p.trin].fokuser(p.rest)

    def vis_hjaelp(self, side: str | None = None):
        """The guide at the chapter of the page shown (or of `side`, a step's class name)."""
        from takstberegner.app import hjaelpvindue

        if side is None and self.dok is not None:
            side = "overblik" if self.side == OVERBLIK else type(self.trin[self.side]).__name__
        return hjaelpvindue.vis(self, side)

    # -- settings ---------------------------------------------------------------------------
    def opdater_seneste(self) -> None:
        filer = settings.seneste_filer()
        self.startside.vis_seneste(filer)
        menuer.vis_seneste(self, filer)

    def closeEvent(self, event) -> None:
        vinduestilstand.gem(self)
        if self.dok is not None:
            self.dok.luk()
        super().closeEvent(event)
