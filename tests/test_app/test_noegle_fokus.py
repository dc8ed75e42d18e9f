"""The key dialogs from the keyboard: the focus starts where the typing is (the password: the key
file is proposed, or remembered from last time), and after a refused password it is in the field
to type again, not on the button that was clicked."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from takstberegner.app import signering_dialog as sd


def _vis(qtbot, d):
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    d.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return QApplication.focusWidget()


def test_ny_noegle_starter_i_adgangskoden_og_vender_tilbage_til_den(qtbot):
    d = sd.NyNoegleDialog(None, "Demokommune", "12345678")
    assert _vis(qtbot, d) is d.kode1
    qtbot.keyClicks(d.kode1, "kort")
    qtbot.keyClicks(d.kode2, "kort")
    lav = d.findChild(QPushButton, "lav_noegle")
    qtbot.mouseClick(lav, Qt.LeftButton)
    assert d.fejl.text() == "Adgangskoden skal have mindst 8 tegn."
    assert QApplication.focusWidget() is d.kode1
    d.kode1.setText("et langt kodeord")
    d.kode2.setText("et andet kodeord")
    qtbot.mouseClick(lav, Qt.LeftButton)
    assert d.fejl.text().startswith("De to adgangskoder er ikke ens.")
    assert QApplication.focusWidget() is d.kode2 and d.kode2.text() == ""


def test_signer_med_sidste_nøgle_starter_i_adgangskoden(qtbot):
    assert _vis(qtbot, sd.VaelgNoegleDialog(None, "Demokommune", "12345678", 2026, "C:/nøgler/demo.p12")).objectName() \
        == "kodeord"
    # no key file yet: the field for it comes first
    assert _vis(qtbot, sd.VaelgNoegleDialog(None, "Demokommune", "12345678", 2026, "")).objectName() == "noegle_sti"


def test_dialogernes_knapper_staves_ens(demo_vindue):
    """Every dialog cancels with 'Annullér' (the PDF's question about last year's file said
    'Annuller', every other dialog 'Annullér'), and no button is left in English."""
    from takstberegner.app.nyfil import NyFilDialog
    from takstberegner.app.rulfrem_dialog import RulFremDialog
    from takstberegner.app.sekretariat import RegistrerDialog, TillidsfilDialog
    from takstberegner.app.sidste_aar_dialog import SidsteAarDialog

    v = demo_vindue
    dialoger = [SidsteAarDialog(v, v.dok.grundlag, None), RulFremDialog(2026, v), NyFilDialog(v),
                sd.NyNoegleDialog(v, "Demokommune", "12345678"),
                sd.VaelgNoegleDialog(v, "Demokommune", "12345678", 2026), RegistrerDialog(v), TillidsfilDialog(v)]
    for d in dialoger:
        tekster = [k.text().replace("&", "") for k in d.findChildren(QPushButton)]
        assert "Annullér" in tekster or type(d).__name__ == "TillidsfilDialog", (type(d).__name__, tekster)
        assert not {"Annuller", "Cancel", "OK", "Ok", "Close", "Yes", "No"} & set(tekster), (type(d).__name__, tekster)
        d.deleteLater()



def test_noegledialogerne_har_alt_bogstaver(qtbot):
    """The key dialogs had no Alt letters: 'Lav en ny nøgle …', the password fields and Vælg … were
    reached only by Tab. Alt+A and Alt+G go to the two password fields, Alt+N to the key file, and
    Lav en ny nøgle … and Vælg … carry theirs."""
    from PySide6.QtGui import QKeySequence

    n = sd.NyNoegleDialog(None, "Demokommune", "12345678")
    assert _vis(qtbot, n) is n.kode1
    qtbot.keyClick(n.kode1, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is n.kode2
    qtbot.keyClick(n.kode2, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is n.kode1
    n.close()
    d = sd.VaelgNoegleDialog(None, "Demokommune", "12345678", 2026, "")
    assert _vis(qtbot, d) is d.sti
    qtbot.keyClick(d.sti, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is d.kode
    qtbot.keyClick(d.kode, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is d.sti
    genveje = {QKeySequence.mnemonic(k.text()).toString() for k in d.findChildren(QPushButton)}
    assert {"Alt+L", "Alt+V"} <= genveje, genveje
