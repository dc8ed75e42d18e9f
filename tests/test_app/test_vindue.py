"""The main window with the demo driftsherre: start, live preview after an edit, undo/redo,
findings that take the user to their field, bad files, recent files."""
from __future__ import annotations

from decimal import Decimal

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from takstberegner.app import lager, settings
from takstberegner.app.steps.belaegning import BelaegningTrin
from takstberegner.app.steps.budget import BudgetTrin
from takstberegner.app.steps.regulering import ReguleringTrin
from takstberegner.app.steps.stamdata import StamdataTrin

from .hjaelp import kolonne, skriv_celle, skriv_felt, trin


def _takst(vindue, raekke=0) -> str:
    m = vindue.preview.model
    return m.data(m.index(raekke, kolonne(m, "takst")))


def test_startsiden_tilbyder_demoen(vindue, qtbot, tmp_path, monkeypatch):
    from takstberegner.app import demo

    monkeypatch.setattr(demo, "datamappe", lambda: tmp_path)
    assert vindue.flader.currentWidget() is vindue.startside_rulle and vindue.startside.isVisible()
    qtbot.mouseClick(vindue.startside.findChild(object, "demo_knap"), Qt.LeftButton)
    assert vindue.flader.currentWidget() is vindue.arbejde
    assert [t.id for t in vindue.dok.grundlag.tilbud] == ["T1", "X", "NY"]
    # the demo reproduces the worked examples: eksempel-1's takster in the preview
    assert (_takst(vindue, 0), _takst(vindue, 1)) == ("1.664,74", "2.655,70")
    assert vindue.navigator.topLevelItem(0).childCount() == 1 + 3  # Driftsherre og satser, the tilbud
    assert settings.seneste_filer() == [str((tmp_path / "Demokommune.takst").resolve())]


def test_demoen_giver_eksemplernes_takster(demo_vindue):
    b = demo_vindue.dok.beregning
    takster = {tk.ydelse: tk.takst for t in b.tilbud for tk in t.takster}
    assert takster == {"T1-N1": Decimal("1664.74"), "T1-N2": Decimal("2655.70"),
                       "X-1": Decimal("2200.43"), "NY-1": Decimal("3206.49")}


def test_budgetlinje_opdaterer_preview_og_fortryd_gentag(demo_vindue, qtbot):
    v = demo_vindue
    v.vaelg_tilbud("X")
    b = trin(v, BudgetTrin)
    assert _takst(v) == "2.200,43"
    # +346.750 kr. of personale over 3.467,5 pladsdøgn is +100,00 kr. pr. døgn
    skriv_celle(qtbot, b.tabeller["omkostninger"], 0, kolonne(b.model, "beloeb"), "6.846.750")
    assert _takst(v) == "2.300,43"
    assert v.gemt_label.text().startswith("Gemt")
    assert v.fortryd_handling.isEnabled() and "budgetlinje" in v.fortryd_handling.text()
    # the file has it at once
    assert v.dok.fil.hent().tilbud[1].omkostninger[0].beloeb == Decimal("6846750")
    v.fortryd_handling.trigger()
    assert _takst(v) == "2.200,43"
    assert b.model.data(b.model.index(0, kolonne(b.model, "beloeb"))) == "6.500.000,00"
    v.gentag_handling.trigger()
    assert _takst(v) == "2.300,43"
    # a TAKST-AENDRET finding needs no bemærkning here (no forrige takst); a changed pladser does
    s = trin(v, StamdataTrin)
    skriv_felt(qtbot, s.pladser, "11")
    koder = [v.fund.liste.item(i).data(Qt.UserRole + 1) for i in range(v.fund.liste.count())]
    assert "PLADSER-AENDRET" in koder


@pytest.mark.parametrize("tz", ["UTC", "America/New_York"])
def test_gemt_siger_klokken_i_dansk_tid(demo_vindue, qtbot, monkeypatch, tz):
    """The status bar's 'Gemt kl. …' is the Danish clock whatever the PC's zone; before, it was the
    time the file stores (UTC), an hour or two behind on a Danish PC."""
    import time
    from datetime import datetime, timezone
    from zoneinfo import ZoneInfo

    monkeypatch.setenv("TZ", tz)
    time.tzset()
    try:
        v = demo_vindue
        v.vaelg_tilbud("X")
        b = trin(v, BudgetTrin)
        skriv_celle(qtbot, b.tabeller["omkostninger"], 0, kolonne(b.model, "beloeb"), "6.846.750")
        nu = datetime.now(timezone.utc).astimezone(ZoneInfo("Europe/Copenhagen")).replace(tzinfo=None)
        tekst = v.gemt_label.text()
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert tekst.startswith("Gemt kl. "), tekst
    vist = datetime.combine(nu.date(), datetime.strptime(tekst.removeprefix("Gemt kl. "), "%H:%M:%S").time())
    assert abs((nu - vist).total_seconds()) < 60, (tekst, nu)


def test_indsat_kolonne_er_et_fortryd(demo_vindue):
    v = demo_vindue
    v.vaelg_tilbud("X")
    b = trin(v, BudgetTrin)
    bv = b.tabeller["omkostninger"]
    bv.setCurrentIndex(b.model.index(0, kolonne(b.model, "beloeb")))
    assert bv.indsaet_udklip("1.000\t\n2.000\n3.000\n") == ""
    assert [x.beloeb for x in v.dok.grundlag.tilbud[1].omkostninger] == [Decimal(1000), Decimal(2000), Decimal(3000)]
    v.fortryd_handling.trigger()
    assert [x.beloeb for x in v.dok.grundlag.tilbud[1].omkostninger] == [Decimal(6500000), Decimal(675000), Decimal(825000)]
    # more lines than the table has: the lines it needs are added, in the same one edit
    antal = v.dok.stak.index()
    assert bv.indsaet_udklip("1\n2\n3\n4\n5\n") == ""
    linjer = v.dok.grundlag.tilbud[1].omkostninger
    assert [x.beloeb for x in linjer] == [Decimal(n) for n in (1, 2, 3, 4, 5)]
    assert (linjer[3].kategori, linjer[3].post, linjer[3].vagtlag) == ("personale", "borgerrelateret_personale", True)
    assert v.dok.stak.index() == antal + 1 and b.model.rowCount() == 5
    v.fortryd_handling.trigger()
    assert len(v.dok.grundlag.tilbud[1].omkostninger) == 3
    # a table that cannot add rows says so in Danish and changes nothing
    from takstberegner.app.models.raekker import RaekkeModel

    m = RaekkeModel(b.model.kolonner)
    m.saet_raekker(v.dok.grundlag.tilbud[1].omkostninger)
    assert "kun 3 rækker" in m.indsaet_blok(0, kolonne(b.model, "beloeb"), [["1"], ["2"], ["3"], ["4"]])


def test_fund_fører_til_feltet(demo_vindue, qtbot):
    v = demo_vindue
    # the demo has HENS-UDLOEB on Bostedet Nord's hensættelse from 2021
    liste = v.fund.liste
    item = next(liste.item(i) for i in range(liste.count()) if liste.item(i).data(Qt.UserRole + 1) == "HENS-UDLOEB")
    v.vaelg_tilbud("NY")
    rect = liste.visualItemRect(item)
    qtbot.mouseClick(liste.viewport(), Qt.LeftButton, pos=rect.center())
    assert v.tilbud_id == "T1"
    side = v.stak.currentWidget()
    assert isinstance(side, ReguleringTrin)
    hv = side.tabeller["hensaettelser"]
    assert hv.hasFocus() and hv.currentIndex().row() == 0
    # a belægning below 95 % gives BEL-UNDER-95 on tilbud X (a warning: tilbud X's belægning has a
    # begrundelse, SPEC v2 §5); its finding opens the belægning step
    v.vaelg_tilbud("X")
    bel = trin(v, BelaegningTrin)
    skriv_felt(qtbot, bel.pct, "90")
    assert "overholder" not in bel.regel.text()
    v.vaelg_tilbud("T1")
    trin(v, BudgetTrin)
    item = next(liste.item(i) for i in range(liste.count()) if liste.item(i).data(Qt.UserRole + 1) == "BEL-UNDER-95")
    assert item.text().startswith("Advarsel")
    liste.itemClicked.emit(item)
    assert v.tilbud_id == "X" and v.stak.currentWidget() is bel
    assert QApplication.focusWidget() is bel.metode
    assert "fejl" not in v.preview.status.text()


def test_fund_i_tabelcelle(demo_vindue):
    v = demo_vindue
    assert v.gaa_til("tilbud[0].omkostninger[3].beloeb")
    side = v.stak.currentWidget()
    assert isinstance(side, BudgetTrin)
    cur = side.tabeller["omkostninger"].currentIndex()
    assert (cur.row(), cur.column()) == (3, kolonne(side.model, "beloeb"))
    assert v.gaa_til("overheadpuljer[0]")
    assert v.stak.currentWidget().pulje_tabel.currentIndex().row() == 0


def test_daarlig_fil_giver_dansk_besked(vindue, beskeder, tmp_path):
    sti = tmp_path / "skrald.takst"
    sti.write_bytes(b"dette er ikke en takstfil" * 50)
    assert not vindue.aabn_fil(sti)
    assert vindue.dok is None and vindue.startside.isVisible()
    (kind, titel, tekst), = beskeder
    assert kind == "critical" and titel == "Filen kan ikke åbnes"
    try:
        lager.aabn(sti)
    except lager.LagerFejl as e:
        assert tekst == e.besked and "skrald.takst" in tekst
    assert not vindue.aabn_fil(tmp_path / "findes-ikke.takst")
    assert len(beskeder) == 2


def test_seneste_filer_og_vindue_huskes(demo_vindue, tmp_path):
    from takstberegner.app.main_window import HovedVindue

    sti = demo_vindue.dok.sti
    demo_vindue.resize(1500, 900)
    demo_vindue.close()
    ny = HovedVindue()
    ny.show()
    try:
        # (the offscreen platform clamps window sizes to its screen, so check what was stored)
        s = settings.indstillinger()
        assert not s.value("vindue/geometri").isEmpty() and not s.value("vindue/arbejdsflade").isEmpty()
        assert [a.text() for a in ny.seneste_menu.actions()] == [str(sti.resolve())]
        assert ny.startside.liste.count() == 1
    finally:
        ny.close()
        ny.deleteLater()


def test_nyt_og_slet_tilbud_kan_fortrydes(demo_vindue, beskeder):
    v = demo_vindue
    v.handlinger.nyt_tilbud()
    assert len(v.dok.grundlag.tilbud) == 4 and v.tilbud_id == v.dok.grundlag.tilbud[3].id
    v.handlinger.slet_tilbud()
    assert beskeder[-1][0] == "question"
    assert len(v.dok.grundlag.tilbud) == 3
    v.fortryd_handling.trigger()
    assert len(v.dok.grundlag.tilbud) == 4
    assert v.navigator.topLevelItem(0).childCount() == 1 + 4


def test_enter_og_tab_i_tabellen(demo_vindue, qtbot):
    v = demo_vindue
    v.vaelg_tilbud("X")
    b = trin(v, BudgetTrin)
    bv = b.tabeller["omkostninger"]
    kol = kolonne(b.model, "beloeb")
    skriv_celle(qtbot, bv, 0, kol, "1.000")
    assert (bv.currentIndex().row(), bv.currentIndex().column()) == (1, kol)  # Enter: one row down
    qtbot.keyClick(bv, Qt.Key_Tab)
    assert (bv.currentIndex().row(), bv.currentIndex().column()) == (1, kol + 1)  # Tab: next column
    qtbot.keyClick(bv, Qt.Key_Return)
    assert bv.currentIndex().row() == 2


def test_aabn_kommandoen_starter_vinduet_paa_filen(tmp_path, monkeypatch, beskeder):
    from PySide6.QtWidgets import QApplication

    from takstberegner.app import demo
    from takstberegner.app.main_window import HovedVindue
    from takstberegner.cli import main

    fil = demo.opret_demo(tmp_path)
    sti = fil.sti
    fil.luk()
    set_ = []

    def exec_(self):
        for w in QApplication.topLevelWidgets():
            if isinstance(w, HovedVindue) and w.isVisible() and w.dok is not None:
                set_.append((w.dok.sti if w.dok else None, _takst(w)))
                w.saet_dokument(None)
                w.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_)
    assert main(["aabn", str(sti)]) == 0
    assert set_ == [(sti, "1.664,74")]


import pytest  # noqa: E402


@pytest.mark.parametrize("felt,trin_navn", [
    ("tilbud[2].pladser", "StamdataTrin"), ("tilbud[0].kategori", "StamdataTrin"),
    ("tilbud[1].belaegning", "BelaegningTrin"), ("tilbud[0].omkostninger[8]", "BudgetTrin"),
    ("tilbud[0].anlaeg[0].levetid_aar", "AnlaegTrin"), ("tilbud[0].resultater[0]", "ReguleringTrin"),
    ("tilbud[0].ydelser[1].stoettetimer_uge", "TakststrukturTrin"), ("tilbud[0].ydelser[1].pladser", "TakststrukturTrin"),
    ("tilbud[0].tillaegsydelser[0]", "TillaegTrin"), ("tilbud[1].bemaerkninger", "BemaerkningerTrin"),
    ("overheadpuljer[0]", "OverheadTrin"), ("satser.rente_anlaeg_pct", "DriftsherreTrin"),
])
def test_hvert_fundfelt_har_et_trin(demo_vindue, felt, trin_navn):
    assert demo_vindue.gaa_til(felt)
    assert type(demo_vindue.stak.currentWidget()).__name__ == trin_navn
    assert QApplication.focusWidget() is not None and demo_vindue.stak.currentWidget().isAncestorOf(QApplication.focusWidget())


def test_fil_der_ikke_kan_skrives_giver_besked_og_ingen_aendring(demo_vindue, qtbot, beskeder):
    v = demo_vindue
    s = trin(v, StamdataTrin)
    antal = v.dok.stak.count()
    v.dok.fil.luk()  # the file goes away under the window (e.g. a network drive)
    skriv_felt(qtbot, s.pladser, "13")
    kind, titel, tekst = beskeder[-1]
    assert kind == "critical" and titel == "Ændringen kunne ikke gemmes" and "lukket" in tekst
    assert v.dok.grundlag.tilbud[0].pladser == 12 and v.dok.stak.count() == antal
    assert s.pladser.text() == "12" and v.gemt_label.text() == "Ikke gemt"


def test_demoen_er_brugerens_egen_kopi(demo_vindue, qtbot, beskeder):
    v = demo_vindue
    sti = v.dok.sti
    assert "din egen kopi" in v.statusBar().currentMessage()
    s = trin(v, StamdataTrin)
    skriv_felt(qtbot, s.pladser, "14")
    v.handlinger.luk_fil()
    # reopening the demo opens the user's copy with their edit, never a fresh one
    assert v.aabn_demo() and v.dok.sti == sti and v.dok.grundlag.tilbud[0].pladser == 14
    assert v.aabn_demo() and v.dok.grundlag.tilbud[0].pladser == 14  # already open: kept
    # only "Start demoen forfra", after a question, gives a fresh copy
    assert v.handlinger.demo_forfra()
    assert beskeder[-1][:2] == ("question", "Start demoen forfra")
    assert v.dok.sti == sti and v.dok.grundlag.tilbud[0].pladser == 12
