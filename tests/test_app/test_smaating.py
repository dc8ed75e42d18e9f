"""The small things of issue 11.7: the takststruktur chart shows negative parts below an axis;
consistent Fortryd/Annullér fortryd; findings summed up in a sentence."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtGui import QColor

from takstberegner.app.findings_panel import opsummering
from takstberegner.app.soejlediagram import FARVER, NOEGLER, Soejlediagram, paene_trin
from takstberegner.domain.resultat import Takst


def _takst(**dele) -> Takst:
    pr = {k: Decimal(0) for k in NOEGLER}
    pr.update({k: Decimal(v) for k, v in dele.items()})
    t = sum(pr.values(), Decimal(0))
    return Takst("Y", "Niveau 1", "doegn", t, t, pr)


def test_akse_med_paene_trin():
    assert paene_trin(0, 1664.74) == [0, 500, 1000, 1500, 2000]
    assert paene_trin(-400, 1000) == [-500, 0, 500, 1000]
    assert 0 in paene_trin(-1, 3)


def test_negative_dele_tegnes_under_nul(qapp):
    d = Soejlediagram()
    d.resize(600, 300)
    # personale 1.000 up, regulering -400 down (an overskud paid back): takst 600
    d.vis_takster([_takst(personale="1000", regulering_og_indtaegter="-400")])
    assert d.akse() == [-500, 0, 500, 1000]
    billede = d.grab().toImage()
    farve_op, farve_ned = QColor(FARVER[0]), QColor(FARVER[NOEGLER.index("regulering_og_indtaegter")])
    # the bar's middle column: the personale colour above the 0 line, the regulering colour below it
    plot = [(x, y) for x in range(0, d.width() // 2, 4) for y in range(billede.height())]  # left of the legend
    ys_ned = [y for x, y in plot if billede.pixelColor(x, y) == farve_ned]
    ys_op = [y for x, y in plot if billede.pixelColor(x, y) == farve_op]
    assert ys_op and ys_ned and min(ys_ned) > max(ys_op)  # below the positive stack
    # about 400/1500 of the plot height
    assert 0.2 < (max(ys_ned) - min(ys_ned)) / (max(ys_op) - min(ys_op)) * 1000 / 400 < 1.5


def test_kontrol_i_en_saetning():
    assert opsummering(0, 1, 0) == "Ingen fejl. 1 advarsel bør ses efter."
    assert opsummering(2, 0, 3) == "2 fejl skal rettes før indmelding. 3 bemærkninger til orientering."
    assert opsummering(1, 2, 1) == ("1 fejl skal rettes før indmelding. "
                                    "2 advarsler bør ses efter og 1 bemærkning til orientering.")
    assert opsummering(0, 0, 0) == "Ingen fejl eller advarsler."
    # counted the Danish way: a file with 90.000 findings said '90000 advarsler'
    assert opsummering(1_234, 90_000, 20) == ("1.234 fejl skal rettes før indmelding. "
                                              "90.000 advarsler bør ses efter og 20 bemærkninger til orientering.")


def test_fortryd_og_annuller_fortryd_overalt(demo_vindue):
    v = demo_vindue
    tekster = [a.text() for m in v.menuBar().actions() for a in m.menu().actions()]
    tekster += [a.text() for a in v.findChildren(type(v.fortryd_handling))]
    assert not [t for t in tekster if "Gentag" in t or "Omgør" in t or "Redo" in t or "Undo" in t]
    from takstberegner.domain import aendringer as ae

    v.dok.anvend(ae.OpdaterTilbud.af("T1", pladser=13))
    assert v.fortryd_handling.text().startswith("Fortryd")
    v.fortryd_handling.trigger()
    assert v.gentag_handling.text().startswith("Annullér fortryd")
    assert v.fortryd_handling.shortcut().toString() == "Ctrl+Z"


def test_efter_eksport_aabn_mappe_og_udskriv(demo_vindue, tmp_path, monkeypatch, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog

    from takstberegner.app.efter_eksport import EfterEksport

    # the PC's own programs cannot run here: record what would be opened
    aabnet = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: aabnet.append(url.toLocalFile()) or True)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "revision.pdf"), ""))
    pdf = demo_vindue.handlinger.udskriv_pdf()
    assert pdf.read_bytes().startswith(b"%PDF")
    d = demo_vindue.findChild(EfterEksport)
    assert d is not None and d.isVisible() and "revision.pdf" in d.tekst.text()
    assert list(d.knapper) == ["aabn", "mappe", "udskriv"]
    qtbot.mouseClick(d.knapper["mappe"], Qt.LeftButton)
    assert aabnet == [str(tmp_path)]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "skema.xlsx"), ""))
    demo_vindue.handlinger.eksporter_xlsx()
    d = [x for x in demo_vindue.findChildren(EfterEksport) if x.isVisible()][-1]
    assert list(d.knapper) == ["aabn", "mappe"]  # a workbook is opened, not printed from here
    qtbot.mouseClick(d.knapper["aabn"], Qt.LeftButton)
    assert aabnet[-1] == str(tmp_path / "skema.xlsx")


def test_budgetlinjens_del_foelger_valget(demo_vindue, qtbot):
    """A new line is 'Borgerrelateret personale' in vagtlag and counts as borgerrettet; choosing
    another post or kategori changes the part visibly; posts are a list per kategori."""
    from takstberegner.app.steps.budget import BudgetTrin

    from .hjaelp import kolonne, trin, vaelg_celle

    v = demo_vindue
    v.vaelg_tilbud("X")
    b = trin(v, BudgetTrin)
    m, tv = b.model, b.tabeller["omkostninger"]
    b.findChild(object, "tilfoej_omkostninger").click()
    r = m.rowCount() - 1
    tekst = lambda felt: m.data(m.index(r, kolonne(m, felt)))  # noqa: E731
    assert (tekst("kategori"), tekst("post"), tekst("del_")) == (
        "Personaleomkostninger", "Borgerrelateret personale", "Borgerrettet (vagtlag)")
    basis, borger = v.dok.beregning.tilbud[1].basis_andel, v.dok.beregning.tilbud[1].borgerrettet_andel
    from PySide6.QtCore import Qt

    from .hjaelp import skriv_celle

    skriv_celle(qtbot, tv, r, kolonne(m, "beloeb"), "100.000")
    r1 = v.dok.beregning.tilbud[1]  # it counts as borgerrettet (basis moves only by the shared overhead)
    assert r1.borgerrettet_andel - borger > 90_000 and abs(r1.basis_andel - basis) < 10_000
    # the post list of personale has TAP, tillægsydelser and individuelle valgfrie ydelser
    valg = dict(m.valg(m.index(r, kolonne(m, "post"))))
    assert valg["tap_administrativt"].startswith("Administrativt TAP-personale")
    assert "indgår ikke i taksten" in valg["tillaegsydelse"] and "individuel_valgfri_ydelse" in valg
    vaelg_celle(tv, r, kolonne(m, "post"), "oeverste_ledelse")
    assert (tekst("post"), tekst("del_")) == ("Øverste ledelse", "Basis")
    assert m.data(m.index(r, kolonne(m, "vagtlag")), Qt.CheckStateRole) == Qt.Unchecked
    vaelg_celle(tv, r, kolonne(m, "del_"), "borgerrettet")
    assert tekst("del_") == "Borgerrettet (valgt)"
    vaelg_celle(tv, r, kolonne(m, "post"), "tillaegsydelse")
    assert tekst("del_") == "Indgår ikke i taksten"
    vaelg_celle(tv, r, kolonne(m, "kategori"), "ejendom")
    assert tekst("post") == "Husleje (lejede lokaler)"  # a post of the new kategori
    assert v.dok.grundlag.tilbud[1].omkostninger[r].post == "husleje"


def test_overhead_modtagere_vaelges_efter_navn_og_kan_slettes(demo_vindue, qtbot, monkeypatch):
    from PySide6.QtCore import Qt

    from takstberegner.app.steps.overhead import OverheadTrin
    from takstberegner.app.tilbudsvalg import TilbudsValg

    from .hjaelp import kolonne, trin

    v = demo_vindue
    side = trin(v, OverheadTrin)
    m = side.puljer
    assert "id" not in [k.felt for k in m.kolonner]  # no internal ids to type
    assert m.data(m.index(0, kolonne(m, "omfang"))) == "Bostedet Nord"

    def exec_(self):  # the user ticks Tilbud X too, by its name
        tekster = [self.liste.item(i).text() for i in range(self.liste.count())]
        assert tekster[1].startswith("Tilbud X (Styringsaftalen 5.3)")
        self.liste.item(1).setCheckState(Qt.Checked)
        return 1

    monkeypatch.setattr(TilbudsValg, "exec", exec_)
    side.pulje_tabel.setCurrentIndex(m.index(0, 0))
    side.findChild(object, "vaelg_omfang").click()
    assert v.dok.grundlag.overheadpuljer[0].omfang == ("T1", "X")
    assert m.data(m.index(0, kolonne(m, "omfang"))) == "Bostedet Nord, Tilbud X (Styringsaftalen 5.3)"
    # a new recipient, then Slet modtager; both undoable
    antal = len(v.dok.grundlag.overheadpuljer[0].oevrige_modtagere)
    from PySide6.QtWidgets import QPushButton

    ny = next(k for k in side.findChildren(QPushButton) if k.text().replace("&", "") == "Tilføj modtager")
    ny.click()
    assert len(v.dok.grundlag.overheadpuljer[0].oevrige_modtagere) == antal + 1
    side.modtager_tabel.setCurrentIndex(side.modtagere.index(antal, 0))
    side.findChild(QPushButton, "slet_modtager").click()
    assert len(v.dok.grundlag.overheadpuljer[0].oevrige_modtagere) == antal
    v.fortryd_handling.trigger()
    assert len(v.dok.grundlag.overheadpuljer[0].oevrige_modtagere) == antal + 1
