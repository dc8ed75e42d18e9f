"""What the menu actions do: new/open/import/export files, the demo, tilbud, and the hooks to the
export and secretariat functions (called when those modules are installed)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from takstberegner import __version__, dansk
from takstberegner.app import fremskridt, lager, settings, statuslinje
from takstberegner.app.dokument import Dokument
from takstberegner.app.filnavne import filnavn
from takstberegner.app.gem_dialog import gem_som
from takstberegner.app.mapper import dokumentmappe, ved_siden_af
from takstberegner.domain import aendringer as ae
from takstberegner.domain.model import Takstgrundlag, Tilbud
from takstberegner.fejltekst import os_fejl

FILTER_TAKST = "Takstfiler (*.takst)"
FILTER_JSON = "Takstgrundlag (*.json)"
AABNER = "Åbner takstfilen og beregner taksterne ..."


def nyt_tilbud(grundlag: Takstgrundlag) -> Tilbud:
    ids = {t.id for t in grundlag.tilbud}
    n = len(ids) + 1
    while f"T{n}" in ids:
        n += 1
    return Tilbud(id=f"T{n}", navn=f"Nyt tilbud {n}", paragraf="SEL § 108", kategori=3, tilbudstype="doegn",
                  pladser=0, takststruktur="gennemsnit")


class Handlinger:
    def __init__(self, vindue):
        self.v = vindue

    # -- files ------------------------------------------------------------------------------
    def _fejl(self, titel: str, tekst: str) -> None:
        QMessageBox.critical(self.v, titel, tekst)

    def _aabnet(self, fil, aabnet: lager.Aabnet | None = None) -> bool:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # drawing a large file's pages takes a moment
        try:
            if aabnet:
                self.v.saet_dokument(Dokument(fil, self.v, aabnet.tjeneste, aabnet.beregning), aabnet.forarbejde)
            else:
                self.v.saet_dokument(Dokument(fil, self.v))
        finally:
            QApplication.restoreOverrideCursor()
        settings.husk_fil(fil.sti)
        self.v.opdater_seneste()
        if fil.advarsel:
            QMessageBox.warning(self.v, "Ingen sikkerhedskopi i dag", fil.advarsel)
        return True

    def aabn_fil(self, sti) -> bool:
        """Open a .takst file: read, checked and computed in a worker thread behind 'Åbner
        takstfilen …' (90.000 findings take seconds), the window painting meanwhile; the file
        open before stays open until the new one is ready, and a refused file leaves it so. The
        file that is open already (chosen again under Seneste filer) stays open as it is: its own
        lock refused it as 'åbnet i en anden Takstberegner'."""
        if self._er_aaben(sti):
            statuslinje.vis(self.v, f"{Path(sti).name} er allerede åben.", 8000)
            return True
        try:
            aabnet = fremskridt.koer(self.v, AABNER, lambda: lager.aabn_og_beregn(sti, self.v.foelge.fejl_steder))
        except lager.Skrivebeskyttet as e:
            return self._aabn_kopi(Path(sti), e.besked)
        except lager.LagerFejl as e:
            self._fejl("Filen kan ikke åbnes", e.besked)
            return False
        return self._aabnet(aabnet.fil, aabnet)

    def _er_aaben(self, sti) -> bool:
        if self.v.dok is None:
            return False
        try:
            return Path(sti).resolve() == self.v.dok.sti.resolve() or Path(sti).samefile(self.v.dok.sti)
        except OSError:
            return False

    def _aabn_kopi(self, sti: Path, hvorfor: str) -> bool:
        """A file that may not be written where it lies (opened from a mail, a read-only share):
        offer to save a copy where the user can write, and open that."""
        svar = QMessageBox.question(self.v, "Filen er skrivebeskyttet",
                                    f"{hvorfor}\n\nVil du gemme en kopi af {sti.name}, som du kan rette i, og åbne den?")
        if svar != QMessageBox.Yes:
            return False
        mappe = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
                     or Path.home())
        forslag = mappe / sti.name
        if forslag.exists():
            forslag = mappe / f"{filnavn(sti.stem + ' (kopi)')}.takst"
        p = gem_som(self.v, f"Gem en kopi af {sti.name}", str(forslag), FILTER_TAKST, ".takst")
        if p is None:
            return False
        if p.exists() and p.resolve() == sti.resolve():
            self._fejl("Vælg et andet sted", f"{p.name} er den skrivebeskyttede fil selv; gem kopien et andet sted.")
            return False
        try:
            grundlag = lager.laes(sti)
        except lager.LagerFejl as e:
            self._fejl("Filen kan ikke åbnes", e.besked)
            return False
        return self.ny_fil(p, grundlag)

    def aabn_demo(self, forfra: bool = False) -> bool:
        """Open the user's own copy of the demo (with their edits); forfra: a fresh copy."""
        from takstberegner.app import demo

        sti = demo.demo_sti()
        if self.v.dok is not None and self.v.dok.sti.resolve() == sti.resolve():
            if not forfra:
                return True  # it is open already
        if self.v.dok is not None:
            self.v.saet_dokument(None)  # the demo file may be the open one: release it first
        ny = forfra or not sti.exists()
        try:
            ok = self._aabnet(demo.opret_demo(ny=ny))
        except lager.LagerFejl as e:
            self._fejl("Demoen kan ikke åbnes", e.besked)
            return False
        if ny:
            statuslinje.vis(self.v, f"Demoen er din egen kopi: dine ændringer gemmes i {self.v.dok.sti}.", 15000)
        return ok

    def demo_forfra(self) -> bool:
        svar = QMessageBox.question(self.v, "Start demoen forfra",
                                    "Vil du starte demo-driftsherren forfra? Dine ændringer i demoen går tabt.")
        return svar == QMessageBox.Yes and self.aabn_demo(forfra=True)

    def aabn_dialog(self) -> None:
        sti, _ = QFileDialog.getOpenFileName(self.v, "Åbn takstfil", str(dokumentmappe()), FILTER_TAKST)
        if sti:
            self.aabn_fil(sti)

    def _navn(self, endelse: str) -> str:
        g = self.v.dok.grundlag
        return filnavn(f"{g.driftsherre.navn} {g.takstaar}") + " " + endelse

    def _her(self) -> Path:
        """The folder the dialogs start in (app/mapper.py)."""
        return ved_siden_af(self.v.dok.sti if self.v.dok else None)

    def _gem_som(self, titel: str, filter_: str, endelse: str, navn: str = "") -> Path | None:
        return gem_som(self.v, titel, str(self._her() / navn) if navn else str(self._her()), filter_, endelse)

    def ny_fil(self, sti, grundlag: Takstgrundlag) -> bool:
        p = Path(sti)
        if self.v.dok is not None and self.v.dok.sti.resolve() == p.resolve():
            self.v.saet_dokument(None)
        try:
            if p.exists():
                p.unlink()  # the save dialog asked before overwriting
        except OSError as e:
            self._fejl("Filen kan ikke oprettes", f"Filen {p.name} kan ikke overskrives: {os_fejl(e)}.")
            return False
        try:
            return self._aabnet(lager.opret(p, grundlag))
        except lager.LagerFejl as e:
            self._fejl("Filen kan ikke oprettes", e.besked)
            return False

    def ny_dialog(self) -> bool:
        """Ask for the driftsherre, CVR and takstår, then where to keep the file; open it."""
        from takstberegner.app.nyfil import NyFilDialog

        d = NyFilDialog(self.v)
        if not d.exec():
            return False
        g = d.grundlag()
        forslag = dokumentmappe() / (filnavn(f"{g.driftsherre.navn} {g.takstaar}") + ".takst")
        p = gem_som(self.v, "Gem den nye takstfil", str(forslag), FILTER_TAKST, ".takst")
        return p is not None and self.ny_fil(p, g)

    def rul_frem(self) -> bool:
        """Next takstår from the open file ("rul frem", SA 5): saved as a new file and opened.

        Last year's takster become forrige_takst, pladser become last year's, bemærkninger are
        cleared, and past results carry only what is left of them (domain.rul_frem). Refused,
        before it asks anything, while a value the validation refuses remains (tjeneste.rul_frem);
        then the dialog asks whether the budget is fremskrevet, and by which løn and pris rates."""
        if self.v.dok is None:
            return False
        from takstberegner.app.rulfrem_dialog import RulFremDialog
        from takstberegner.fejl import Fejl
        from takstberegner.tjeneste.rul_frem import naeste_grundlag

        g, beregning = self.v.dok.grundlag, self.v.dok.beregning
        try:
            naeste_grundlag(g, beregning)
        except Fejl as e:
            self._fejl("Nyt takstår kan ikke laves", e.besked)
            return False
        dialog = RulFremDialog(g.takstaar, self.v)
        if dialog.exec() != QDialog.Accepted:
            return False
        fremskrivning = dialog.fremskrivning()
        forslag = self._her() / (filnavn(f"{g.driftsherre.navn} {g.takstaar + 1}") + ".takst")
        p = gem_som(self.v, f"Nyt takstår {g.takstaar + 1} fra {g.takstaar}", str(forslag), FILTER_TAKST, ".takst")
        if p is None:
            return False
        if p.resolve() == self.v.dok.sti.resolve():
            self._fejl("Vælg et andet filnavn", f"{p.name} er den åbne fil for {g.takstaar}; det nye takstår "
                       "skal gemmes i sin egen fil.")
            return False
        try:
            ny = naeste_grundlag(g, beregning, fremskrivning)
        except Fejl as e:
            self._fejl("Nyt takstår kan ikke laves", e.besked)
            return False
        kilde = self.v.dok.sti
        if not self.ny_fil(p, ny):
            return False
        from takstberegner.app import sidste_aar_dialog

        sidste_aar_dialog.husk(p, kilde)  # the PDF til revision proposes it as last year's file
        return True

    def luk_fil(self) -> None:
        self.v.saet_dokument(None)

    def importer_json(self) -> None:
        kilde, _ = QFileDialog.getOpenFileName(self.v, "Importér takstgrundlag", str(self._her()), FILTER_JSON)
        if not kilde:
            return
        try:
            grundlag = lager.importer_json(kilde)
        except lager.LagerFejl as e:
            self._fejl("Importen mislykkedes", e.besked)
            return
        p = self._gem_som("Gem som takstfil", FILTER_TAKST, ".takst")
        if p:
            self.ny_fil(p, grundlag)

    def importer_excel(self) -> None:
        if self.v.dok is None:
            return
        kilde, _ = QFileDialog.getOpenFileName(self.v, "Importér budget", str(self._her()),
                                               "Budget fra økonomisystemet (*.xlsx *.csv);;Excel (*.xlsx);;CSV (*.csv)")
        if kilde:
            from takstberegner.app.importdialog import ImportDialog

            ImportDialog(self.v.dok, Path(kilde), self.v.tilbud_id, self.v).exec()

    def eksporter_grundlag(self) -> None:
        from takstberegner.formats import takstgrundlag as tg

        if self.v.dok and (p := self._gem_som("Eksportér takstgrundlag", FILTER_JSON, ".json", self._navn("takstgrundlag.json"))):
            self._skriv(p, tg.skriv_tekst(self.v.dok.grundlag), f"Takstgrundlaget er gemt i {p}")

    def eksporter_takster(self) -> None:
        from takstberegner.formats import takster

        if self.v.dok and (p := self._gem_som("Eksportér takster", "Takster (*.json)", ".json", self._navn("takster.json"))):
            self._skriv(p, takster.skriv_tekst(self.v.dok.beregning_med_fingeraftryk()), f"Taksterne er gemt i {p}")

    def _skriv(self, p: Path, tekst: str, gemt: str) -> bool:
        """Write an exported document whole or not at all (app/eksport.gem)."""
        from takstberegner.app import efter_eksport

        return efter_eksport.gem(self.v, p, tekst.encode("utf-8"), gemt)

    # -- Udskriv, Eksportér, Sekretariat (takstberegner.export does the work) -----------------
    def eksporter_xlsx(self):
        from takstberegner.app import eksport

        return eksport.eksporter_xlsx(self.v)

    def udskriv_pdf(self):
        from takstberegner.app import eksport

        return eksport.udskriv_pdf(self.v)

    def indmeld(self):
        """Submit, when the file is ready; otherwise show the overview with what blocks it."""
        from takstberegner.app import eksport
        from takstberegner.tjeneste import klar

        dok = self.v.dok
        if dok is None:
            return None
        mangler = klar.mangler(dok.grundlag, dok.beregning)
        if mangler:
            self.v.vis_overblik()
            statuslinje.vis(self.v, f"Ikke klar til indmelding: {dansk.tal(len(mangler), 0)} ting skal rettes først. "
                                     "Brug 'Gå til' i listen.", 10000, vigtig=True)
            return None
        return eksport.indmeld(self.v)

    def verificer(self):
        from takstberegner.app import eksport

        return eksport.verificer(self.v)

    def takstbilag(self):
        from takstberegner.app import eksport

        return eksport.takstbilag(self.v)

    def lav_noegle(self):
        from takstberegner.app import signering_dialog

        return signering_dialog.lav_noegle(self.v)

    def tillidsfil(self):
        from takstberegner.app import sekretariat

        return sekretariat.vis_tillidsfil(self.v)

    def registrer_fingeraftryk(self):
        from takstberegner.app import sekretariat

        return sekretariat.registrer(self.v)

    # -- tilbud ---------------------------------------------------------------------------
    def nyt_tilbud(self) -> None:
        dok = self.v.dok
        if dok is None:
            return
        t = nyt_tilbud(dok.grundlag)
        if dok.anvend(ae.TilfoejTilbud(t), krav=True):  # saved with the nøgletal its puljer ask for
            self.v.vaelg_tilbud(t.id)
            self.v.gaa_til_trin(1)  # Stamdata with its name selected: the user types the tilbud's name

    def slet_tilbud(self) -> None:
        dok, tid = self.v.dok, self.v.tilbud_id
        if dok is None or tid is None:
            return
        navn = dok.grundlag.tilbud[dok.tilbud_index(tid)].navn
        svar = QMessageBox.question(self.v, "Slet tilbud", f"Vil du slette tilbuddet '{navn}'? Du kan fortryde bagefter.")
        if svar == QMessageBox.Yes:
            dok.anvend(ae.SletTilbud(tid))

    def om(self) -> None:
        QMessageBox.about(self.v, "Om Takstberegner",
                          f"<b>Takstberegner {__version__}</b><p>Takstberegning efter Styringsaftalen for tilbud omfattet "
                          "af Nordjysk Socialaftale 2025-2026.</p><p>Alle beløb gemmes med det samme i takstfilen.</p>")
