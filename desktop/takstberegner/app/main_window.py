"""The main window: the start page, or an open file's working area (navigator tree, the overview
or a step, the side panel with takster and findings). It decides which page is shown and
redraws after an edit; the pages and the document do the work."""
from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget

from takstberegner.app import klar, menuer, settings
from takstberegner.app.arbejdsflade import Arbejdsflade
from takstberegner.app.navigator import OVERBLIK
from takstberegner.app.overblik import Overblik
from takstberegner.app.startside import Startside
from takstberegner.app.steps.alle import DRIFTSHERRE_TRIN, TRIN
from takstberegner.app.stier import placering
from takstberegner.paths import resource


class HovedVindue(QMainWindow):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.dok = None
        self.tilbud_id: str | None = None
        self.side = OVERBLIK  # OVERBLIK or the number of a step in self.trin
        self._nav_noegle = None
        self.setWindowTitle("Takstberegner")
        ikon = resource("ikoner", "takstberegner.png")
        if ikon.exists():
            self.setWindowIcon(QIcon(str(ikon)))
        self.startside = Startside()
        self.trin = [cls() for cls in TRIN]
        self.overblik = Overblik(self.trin_navn)
        self.arbejde = Arbejdsflade([self.overblik] + self.trin)
        self.navigator = self.arbejde.navigator
        self.stak = self.arbejde.stak
        self.preview = self.arbejde.sidepanel.preview
        self.fund = self.arbejde.sidepanel.fund
        self.overskrift = self.arbejde.overskrift
        self.navigator.side_valgt.connect(self._side_valgt)
        self.fund.fund_valgt.connect(self.gaa_til)
        self.overblik.gaa_til.connect(self.gaa_til)
        self.overblik.aabn_tilbud.connect(self.vaelg_tilbud)
        self.arbejde.forrige.clicked.connect(self.forrige_trin)
        self.arbejde.naeste.clicked.connect(self.naeste_trin)
        self.flader = QStackedWidget()
        self.flader.addWidget(self.startside)
        self.flader.addWidget(self.arbejde)
        self.setCentralWidget(self.flader)
        self.gemt_label = QLabel("Ingen fil åben")
        self.gemt_label.setObjectName("gemt")
        self.statusBar().addPermanentWidget(self.gemt_label)
        menuer.byg(self)
        self.overblik.indmeld.connect(self.handlinger.indmeld)
        self.startside.seneste.connect(self.aabn_fil)
        self.startside.demo.connect(self.aabn_demo)
        self.startside.aabn.connect(self.handlinger.aabn_dialog)
        self.startside.ny.connect(self.handlinger.ny_dialog)
        self.opdater_seneste()
        for a in self.dokument_handlinger:
            a.setEnabled(False)
        self._gendan()

    # -- the document ----------------------------------------------------------------------
    def aabn_fil(self, sti) -> bool:
        return self.handlinger.aabn_fil(sti)

    def aabn_demo(self) -> bool:
        return self.handlinger.aabn_demo()

    def saet_dokument(self, dok) -> None:
        if self.dok is not None:
            self.dok.aendret.disconnect(self.opdater)
            self.undo_gruppe.removeStack(self.dok.stak)
            self.dok.luk()
        self.dok = dok
        self._nav_noegle = None
        for a in self.dokument_handlinger:
            a.setEnabled(dok is not None)
        if dok is None:
            self.flader.setCurrentWidget(self.startside)
            self.setWindowTitle("Takstberegner")
            self.gemt_label.setText("Ingen fil åben")
            return
        self.undo_gruppe.addStack(dok.stak)
        self.undo_gruppe.setActiveStack(dok.stak)
        dok.aendret.connect(self.opdater)
        dok.gemt.connect(self.gemt_label.setText)
        dok.fejl.connect(lambda s: self.statusBar().showMessage(s, 8000))
        dok.lagerfejl.connect(self._lagerfejl)
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
        if self.tilbud_id is not None and dok.tilbud_index(self.tilbud_id) is None:
            self.tilbud_id = dok.grundlag.tilbud[0].id if dok.grundlag.tilbud else None
        if self.tilbud_id is None and self.side not in (OVERBLIK,) and self.side >= DRIFTSHERRE_TRIN:
            self.side = OVERBLIK
        self._opdater_navigator()
        t = dok.grundlag.tilbud[dok.tilbud_index(self.tilbud_id)] if self.tilbud_id else None
        if self.side == OVERBLIK:
            self.stak.setCurrentWidget(self.overblik)
            self.overblik.vis(dok.grundlag, dok.beregning)
        else:
            side = self.trin[self.side]
            self.stak.setCurrentWidget(side)
            side.saet(dok, self.tilbud_id)
        tilbud_side = self.side != OVERBLIK and self.side >= DRIFTSHERRE_TRIN and t is not None
        self.overskrift.setText(f"<b>{t.navn}</b> – {t.paragraf}, kategori {t.kategori}" if tilbud_side else
                                f"<b>{dok.grundlag.driftsherre.navn}</b> – takstår {dok.grundlag.takstaar}")
        self._opdater_trinlinje()
        self.navigator.vaelg(self.tilbud_id if tilbud_side else None, self.side)
        r = dok.beregning.tilbud_resultat(self.tilbud_id) if t is not None else None
        self.preview.vis(r, klar.tilbud_status(dok.tilbud_index(self.tilbud_id), t, r) if r is not None else None)
        self.fund.vis(dok.beregning, dok.grundlag)

    def _opdater_navigator(self) -> None:
        dok = self.dok
        g = dok.grundlag
        fejl = set()
        for m in klar.mangler(g, dok.beregning):
            p = placering(m.felt, self._trin_felter())
            tid = g.tilbud[p.tilbud_index].id if p.tilbud_index is not None and p.tilbud_index < len(g.tilbud) else None
            fejl.add((tid, p.trin))
        noegle = (g.driftsherre.navn, g.takstaar, tuple((t.id, t.navn) for t in g.tilbud), frozenset(fejl))
        if noegle != self._nav_noegle:
            self._nav_noegle = noegle
            titler = [(nr, s.kort_titel or s.titel) for nr, s in enumerate(self.trin)]
            self.navigator.vis(g, dok.beregning, titler[DRIFTSHERRE_TRIN:], titler[:DRIFTSHERRE_TRIN], fejl)

    # -- where the user is --------------------------------------------------------------------
    def _side_valgt(self, tilbud_id, side) -> None:
        if tilbud_id is not None and side is None:  # a tilbud itself: its current step
            self.vaelg_tilbud(tilbud_id)
            return
        if tilbud_id is not None:
            self.tilbud_id = tilbud_id
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
            if self.side == OVERBLIK or self.side < DRIFTSHERRE_TRIN:
                self.side = DRIFTSHERRE_TRIN
        self.opdater()

    def vis_trin(self, nr: int) -> None:
        """Show step nr (an index into self.trin) for the selected tilbud."""
        if 0 <= nr < len(self.trin):
            self.side = nr
            if self.dok is None:
                self.stak.setCurrentWidget(self.trin[nr])
            self.opdater()

    def vis_overblik(self) -> None:
        self.side = OVERBLIK
        self.opdater()

    def _sider(self) -> list[tuple]:
        """Every page in reading order: the overview, the driftsherre's, then each tilbud's steps."""
        ud = [(None, OVERBLIK)] + [(None, nr) for nr in range(DRIFTSHERRE_TRIN)]
        for t in (self.dok.grundlag.tilbud if self.dok else ()):
            ud += [(t.id, nr) for nr in range(DRIFTSHERRE_TRIN, len(self.trin))]
        return ud

    def _her(self) -> int:
        sider = self._sider()
        noegle = (None if self.side == OVERBLIK or self.side < DRIFTSHERRE_TRIN else self.tilbud_id, self.side)
        return sider.index(noegle) if noegle in sider else 0

    def naeste_trin(self) -> None:
        self._flyt(+1)

    def forrige_trin(self) -> None:
        self._flyt(-1)

    def _flyt(self, retning: int) -> None:
        if self.dok is None:
            return
        sider = self._sider()
        tid, side = sider[(self._her() + retning) % len(sider)]
        if tid is not None:
            self.tilbud_id = tid
        self.side = side
        self.opdater()

    def _opdater_trinlinje(self) -> None:
        sider = self._sider()
        i = self._her()
        a = self.arbejde
        for knap, (tid, side), tegn in ((a.forrige, sider[i - 1], "‹ {}"), (a.naeste, sider[(i + 1) % len(sider)], "{} ›")):
            knap.setText(tegn.format(self._sidenavn(None, side)))
            knap.setToolTip(self._sidenavn(tid, side))
        if self.side != OVERBLIK and self.side >= DRIFTSHERRE_TRIN:
            n = len(self.trin) - DRIFTSHERRE_TRIN
            a.trin_tekst.setText(f"Trin {self.side - DRIFTSHERRE_TRIN + 1} af {n}")
        else:
            a.trin_tekst.setText("")

    def _sidenavn(self, tilbud_id, side) -> str:
        if side == OVERBLIK:
            return "Overblik"
        navn = self.trin[side].kort_titel or self.trin[side].titel
        if tilbud_id is not None and tilbud_id != self.tilbud_id and self.dok is not None:
            i = self.dok.tilbud_index(tilbud_id)
            return f"{self.dok.grundlag.tilbud[i].navn}: {navn}"
        return navn

    def _trin_felter(self) -> list[tuple[str, ...]]:
        return [s.felter for s in self.trin]

    def trin_navn(self, felt: str) -> str:
        """The title of the step that owns a field path ("" when none does)."""
        p = placering(felt, self._trin_felter())
        return "" if p.trin is None else (self.trin[p.trin].kort_titel or self.trin[p.trin].titel)

    def gaa_til(self, felt: str) -> bool:
        """Take the user to the field of a finding: select its tilbud, open its step, focus it."""
        if self.dok is None:
            return False
        p = placering(felt, self._trin_felter())
        if p.tilbud_index is not None:
            if p.tilbud_index >= len(self.dok.grundlag.tilbud):
                return False
            self.tilbud_id = self.dok.grundlag.tilbud[p.tilbud_index].id
        if p.trin is None:
            if p.tilbud_index is not None:  # the tilbud as a whole: its first step
                self.side = DRIFTSHERRE_TRIN
                self.opdater()
                return True
            self.opdater()
            return False
        self.side = p.trin
        self.opdater()
        return self.trin[p.trin].fokuser(p.rest)

    def vis_sidepanel(self, vis: bool) -> None:
        self.arbejde.vis_sidepanel(vis)

    # -- settings ---------------------------------------------------------------------------
    def opdater_seneste(self) -> None:
        filer = settings.seneste_filer()
        self.startside.vis_seneste(filer)
        menuer.vis_seneste(self, filer)

    def _gendan(self) -> None:
        s = settings.indstillinger()
        geo = s.value("vindue/geometri")
        if geo is not None:
            self.restoreGeometry(geo)
        else:
            skaerm = QGuiApplication.primaryScreen()
            ledig = skaerm.availableGeometry() if skaerm is not None else None
            if ledig is not None:
                self.resize(min(1600, ledig.width()), min(1000, ledig.height()))
        tilstand = s.value("vindue/tilstand")
        if tilstand is not None:
            self.restoreState(tilstand)
        dele = s.value("vindue/arbejdsflade")
        if dele is not None:
            self.arbejde.restoreState(dele)
        self.sidepanel_handling.setChecked(self.arbejde.sidepanel.isVisibleTo(self.arbejde))

    def closeEvent(self, event) -> None:
        s = settings.indstillinger()
        s.setValue("vindue/geometri", self.saveGeometry())
        s.setValue("vindue/tilstand", self.saveState())
        s.setValue("vindue/arbejdsflade", self.arbejde.saveState())
        if self.dok is not None:
            self.dok.luk()
        super().closeEvent(event)
