"""Screenshots of every page and the main dialogs of the real app on the screen it runs on, for
looking at what users see (PROTOKOL: look at what you build; issue 11).

    Xvfb :93 -screen 0 1366x768x24 &
    DISPLAY=:93 .venv/bin/python scripts/skaermbilleder.py MAPPE [FIL.takst] [--alle]
    DISPLAY=:94 QT_SCALE_FACTOR=1.5 .venv/bin/python scripts/skaermbilleder.py MAPPE   (1920x1080 at 150 %)

The window opens the way the app opens it (sized by the app to the screen, settings empty) and
every picture is the whole screen, dialogs included. FIL is copied first (default: the demo,
built from resources/demo); its copy gets the edits the pictures need (objektiv finansiering).
Writes MAPPE/NN-navn.png: the overview, every step of the first tilbud (of every tilbud with
--alle) incl. Belægning for one ydelse and Takststruktur with objektiv finansiering, the side
panel folded away, the forhandlingsberegner, and the dialogs for a new file, budget import,
signing and the secretariat. Prints the window's size and every page that must scroll."""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROD = Path(__file__).resolve().parents[1]


def _vent(app, ms: int = 150) -> None:
    from PySide6.QtCore import QElapsedTimer

    t = QElapsedTimer()
    t.start()
    while t.elapsed() < ms:
        app.processEvents()


class Fotograf:
    def __init__(self, app, mappe: Path):
        self.app, self.mappe, self.nr = app, mappe, 0

    def skud(self, navn: str) -> Path:
        """The whole screen (the window and any dialog on it) as MAPPE/NN-navn.png."""
        _vent(self.app)
        sti = self.mappe / f"{self.nr:02d}-{navn}.png"
        self.nr += 1
        self.app.primaryScreen().grabWindow(0).save(str(sti))
        return sti

    def dialog(self, d, navn: str) -> None:
        d.show()
        d.raise_()
        self.skud(navn)
        d.close()
        d.deleteLater()


def _lav_demo(maal: Path) -> Path:
    import subprocess

    subprocess.run([sys.executable, "-m", "takstberegner", "importer",
                    str(ROD / "resources" / "demo" / "demokommune.takstgrundlag.json"), "--til", str(maal)],
                   check=True, capture_output=True)
    return maal


def _side_rapport(v, navn: str) -> None:
    side = v.stak.currentWidget()
    rulle = getattr(side, "rulle", None)
    if rulle is None:
        return
    m, vp = rulle.widget().minimumSizeHint(), rulle.viewport().size()
    if m.width() > vp.width():
        print(f"  {navn}: siden kræver {m.width()} i bredden, ser {vp.width()} (ruller til siden!)")
    elif m.height() > vp.height():
        print(f"  {navn}: ruller lodret ({m.height()} > {vp.height()})")


def trin(v, f: Fotograf, tilbud_id: str, forstavelse: str) -> None:
    from takstberegner.app.steps.belaegning import BelaegningTrin
    from takstberegner.app.steps.takststruktur import TakststrukturTrin

    v.vaelg_tilbud(tilbud_id)
    for nr, side in enumerate(v.trin):
        v.vis_trin(nr)
        navn = f"{forstavelse}{type(side).__name__.removesuffix('Trin').lower()}"
        f.skud(navn)
        _side_rapport(v, navn)
        if isinstance(side, BelaegningTrin) and side.hvem.count() > 1:
            side.hvem.setCurrentIndex(1)
            side.hvem.activated.emit(1)
            f.skud(navn + "-ydelse")
            side.hvem.setCurrentIndex(0)
            side.hvem.activated.emit(0)
        if isinstance(side, TakststrukturTrin) and not side.objektiv.isChecked():
            side.objektiv.click()
            side.objektiv_andel.setText("40")
            side.objektiv_andel.editingFinished.emit()
            from PySide6.QtWidgets import QApplication, QPushButton

            knap = side.findChild(QPushButton, "tilfoej_objektiv_kommune")
            if knap is not None:
                knap.click()
            f.skud(navn + "-objektiv")
            _vent(QApplication.instance(), 300)
            side.rulle.verticalScrollBar().setValue(side.rulle.verticalScrollBar().maximum())
            f.skud(navn + "-objektiv-nederst")
            while v.undo_gruppe.canUndo():  # back to the file as it was
                v.undo_gruppe.undo()


def dialoger(v, f: Fotograf, tmp: Path) -> None:
    from takstberegner.app import sekretariat, signering_dialog
    from takstberegner.app.forhandling import ForhandlingDialog
    from takstberegner.app.importdialog import ImportDialog
    from takstberegner.app.nyfil import NyFilDialog
    from takstberegner.export import signering, verifikation
    from takstberegner.export.indmelding import lav_indmelding
    from takstberegner.formats.regelsaet import regelsaet_for

    dok = v.dok
    g = dok.grundlag
    v.vaelg_tilbud(g.tilbud[0].id)
    r = dok.beregning.tilbud_resultat(g.tilbud[0].id)
    f.dialog(ForhandlingDialog(r, regelsaet_for(g.takstaar), v), "forhandlingsberegner")
    f.dialog(NyFilDialog(v), "dialog-ny-fil")
    csv = tmp / "budget.csv"
    csv.write_bytes("Konto;Art;Tekst;Beløb\r\n5.38.50.001;1.1;Løn fast personale;6.500.000,00\r\n"
                    "5.38.50.001;2.2;Kost og husholdning;96.250,00\r\n5.38.50.001;4.0;Tjenesteydelser;49.269,00\r\n"
                    "5.38.50.001;7.6;Takstindtægter;-8.000.000,00\r\n5.38.50.001;9.9;Ukendt;12,00\r\n".encode("cp1252"))
    imp = ImportDialog(dok, csv, g.tilbud[0].id, v)
    imp.show()
    f.skud("dialog-import-kolonner")
    imp.naeste()
    f.dialog(imp, "dialog-import-linjer")
    d = g.driftsherre
    f.dialog(signering_dialog.VaelgNoegleDialog(v, d.navn, d.cvr, g.takstaar), "dialog-vaelg-noegle")
    f.dialog(signering_dialog.NyNoegleDialog(v, d.navn, d.cvr), "dialog-ny-noegle")
    u = signering.lav_noegle(d.navn, d.cvr)
    f.dialog(signering_dialog.FingeraftrykDialog(v, u, ny=True), "dialog-fingeraftryk")
    fil = tmp / "demo.indmelding"
    lav_indmelding(g, dok.beregning_med_fingeraftryk(), u, fil)
    skrald = tmp / "skrald.indmelding"
    skrald.write_bytes(b"ikke en zip")
    resultater = [verifikation.verificer(x, sekretariat._tillid_til_verifikation()) for x in (fil, skrald)]
    f.dialog(sekretariat.VerifikationsDialog(v, resultater), "sekretariat-verifikation")
    f.dialog(sekretariat.TillidsfilDialog(v), "sekretariat-tillidsfil")
    f.dialog(sekretariat.RegistrerDialog(v, signering.fingeraftryk(u.certifikat), d.navn), "sekretariat-registrer")


def main(argv: list[str]) -> int:
    alle = "--alle" in argv
    argv = [a for a in argv if a != "--alle"]
    mappe = Path(argv[0]) if argv else Path("/tmp/skaermbilleder")
    mappe.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="skaermbilleder-"))
    os.environ["TAKSTBEREGNER_DATA"] = str(tmp / "data")
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "konfiguration")
    fil = tmp / "demo.takst"
    if len(argv) > 1:
        shutil.copy(argv[1], fil)
    else:
        _lav_demo(fil)
    from PySide6.QtCore import QSettings

    from takstberegner.kommandoer.app import lav_app

    app = lav_app()
    for fmt in (QSettings.IniFormat, QSettings.NativeFormat):
        QSettings.setPath(fmt, QSettings.UserScope, str(tmp / "indstillinger"))
    from takstberegner.app.main_window import HovedVindue

    v = HovedVindue()
    v.show()
    _vent(app, 400)
    f = Fotograf(app, mappe)
    s = app.primaryScreen()
    print(f"Skærm {s.geometry().width()}x{s.geometry().height()} (ledigt {s.availableGeometry().width()}x"
          f"{s.availableGeometry().height()}, skala {s.devicePixelRatio()}); vinduet {v.width()}x{v.height()}, "
          f"mindst {v.minimumSizeHint().width()}x{v.minimumSizeHint().height()}")
    f.skud("startside")
    if not v.aabn_fil(fil):
        print("Filen kunne ikke åbnes")
        return 1
    _vent(app, 300)
    v.vis_overblik()
    f.skud("overblik")
    _side_rapport(v, "overblik")
    ids = [t.id for t in v.dok.grundlag.tilbud]
    for i, tid in enumerate(ids if alle else ids[:1]):
        trin(v, f, tid, f"t{i + 1}-")
    v.vaelg_tilbud(ids[0])
    v.vis_trin(2)
    v.sidepanel_handling.trigger()
    f.skud("uden-sidepanel")
    v.sidepanel_handling.trigger()
    dialoger(v, f, tmp)
    print(f"{f.nr} billeder i {mappe} (vinduet er {v.width()}x{v.height()})")
    v.saet_dokument(None)
    v.close()
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
