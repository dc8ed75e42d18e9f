"""What a user types in an amount cell or number field is never changed behind their back: "1e30"
stays "1e30" (a validator used to drop the "e" and show "130"), and Enter, Tab or leaving the
field refuses it with a Danish reason instead of saving another number."""
from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from takstberegner import dansk
from takstberegner.app.steps.budget import BudgetTrin
from takstberegner.app.steps.driftsherre import DriftsherreTrin
from takstberegner.app.steps.stamdata import StamdataTrin

from .hjaelp import aaben_editor as _aaben_editor, kolonne, skriv_felt, trin

GRUND = "skriv kun cifre, evt. minus foran, punktum mellem tusinder og komma før decimalerne"


@pytest.mark.parametrize("tekst", ["1e30", "1E5", "12a", "1_000", "1,2,3"])
def test_beloebscelle_beholder_det_skrevne_og_afviser_det_ved_enter(qtbot, demo_vindue, tekst):
    b = trin(demo_vindue, BudgetTrin)
    visning = b.tabeller["omkostninger"]
    kol = kolonne(b.model, "beloeb")
    foer = demo_vindue.dok.grundlag.tilbud[0].omkostninger[0].beloeb
    editor = _aaben_editor(visning, 0, kol)
    qtbot.keyClicks(editor, tekst)
    assert editor.text() == tekst  # every character typed is shown, none dropped
    for tast in (Qt.Key_Return, Qt.Key_Tab):
        qtbot.keyClick(editor, tast)
        QApplication.processEvents()
        assert editor.isVisible() and editor.text() == tekst  # still open, still as typed
        assert GRUND in editor.toolTip() and tekst in editor.toolTip()
        assert GRUND in demo_vindue.statusBar().currentMessage()
    assert demo_vindue.dok.grundlag.tilbud[0].omkostninger[0].beloeb == foer
    assert visning.model().data(visning.model().index(0, kol)) == dansk.tal(foer)
    # mended, Enter saves the number that is shown
    editor.selectAll()
    qtbot.keyClicks(editor, "1.234.567,89")
    qtbot.keyClick(editor, Qt.Key_Return)
    QApplication.processEvents()
    assert demo_vindue.dok.grundlag.tilbud[0].omkostninger[0].beloeb == Decimal("1234567.89")


def test_beloebscelle_forladt_med_tekst_afvises_med_grunden(qtbot, demo_vindue):
    b = trin(demo_vindue, BudgetTrin)
    visning = b.tabeller["omkostninger"]
    kol = kolonne(b.model, "beloeb")
    foer = demo_vindue.dok.grundlag.tilbud[0].omkostninger[0].beloeb
    editor = _aaben_editor(visning, 0, kol)
    qtbot.keyClicks(editor, "1e30")
    visning.setCurrentIndex(visning.model().index(1, kol))  # the user clicks another cell
    QApplication.processEvents()
    assert demo_vindue.dok.grundlag.tilbud[0].omkostninger[0].beloeb == foer
    assert "'1e30' er ikke et tal" in demo_vindue.statusBar().currentMessage()


def test_heltalscelle_siger_helt_tal(qtbot, demo_vindue):
    from takstberegner.app.steps.takststruktur import TakststrukturTrin

    ts = trin(demo_vindue, TakststrukturTrin)
    visning = ts.tabeller["ydelser"]
    editor = _aaben_editor(visning, 0, kolonne(ts.ydelser, "pladser"))
    qtbot.keyClicks(editor, "12,5")
    qtbot.keyClick(editor, Qt.Key_Return)
    assert editor.isVisible() and editor.text() == "12,5"
    assert "helt tal" in demo_vindue.statusBar().currentMessage()


def test_talfelt_beholder_det_skrevne_og_siger_hvorfor(qtbot, demo_vindue):
    d = trin(demo_vindue, DriftsherreTrin)
    felt = d.satser["rente_anlaeg_pct"]
    foer = demo_vindue.dok.grundlag.satser.rente_anlaeg_pct
    skriv_felt(qtbot, felt, "1e30")
    assert felt.text() == "1e30"
    assert GRUND in felt.toolTip() and felt.property("afvist")
    assert GRUND in demo_vindue.statusBar().currentMessage()
    assert demo_vindue.dok.grundlag.satser.rente_anlaeg_pct == foer
    # another edit redraws the page: the refused entry is not replaced by the saved value
    s = trin(demo_vindue, StamdataTrin)
    skriv_felt(qtbot, s.aarsvaerk, "12,5")
    d = trin(demo_vindue, DriftsherreTrin)
    assert felt.text() == "1e30" and felt.property("afvist")
    # mended: saved, and the red mark goes
    skriv_felt(qtbot, felt, "3,5")
    assert demo_vindue.dok.grundlag.satser.rente_anlaeg_pct == Decimal("3.5")
    assert not felt.property("afvist") and felt.toolTip() == ""


def test_talfelt_escape_giver_den_gemte_vaerdi(qtbot, demo_vindue):
    s = trin(demo_vindue, StamdataTrin)
    pladser = demo_vindue.dok.grundlag.tilbud[0].pladser
    skriv_felt(qtbot, s.pladser, "12,5")  # pladser is a whole number
    assert s.pladser.text() == "12,5" and "helt tal" in s.pladser.toolTip()
    qtbot.keyClick(s.pladser, Qt.Key_Escape)
    assert s.pladser.text() == str(pladser) and not s.pladser.property("afvist")
    assert demo_vindue.dok.grundlag.tilbud[0].pladser == pladser


@pytest.mark.parametrize("tekst", ["1e30", "1E+5", "Infinity", "NaN", "1_000", "١٢", "0x10", "12a", "--5", "-"])
def test_laes_tal_laeser_kun_danske_tal(tekst):
    with pytest.raises(ValueError, match="ikke et tal: skriv kun cifre"):
        dansk.laes_tal(tekst)


@pytest.mark.parametrize("tekst,tal", [
    ("1.234.567,89", "1234567.89"), ("-5000", "-5000"), ("96,5 %", "96.5"), ("96.5", "96.5"),
    ("1 234,5 kr.", "1234.5"), ("\u22125", "-5"), (",5", "0.5"),
])
def test_laes_tal_laeser_danske_tal(tekst, tal):
    assert dansk.laes_tal(tekst) == Decimal(tal)
