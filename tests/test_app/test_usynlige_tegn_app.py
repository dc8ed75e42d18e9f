"""The app's door for free texts: a bemærkning pasted with a direction override (in the field it
shows turned around; printed and submitted it stands in its real order) is not saved: the status bar
says why with the same words as every other door, naming the character and where it stands."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from takstberegner.app.steps.bemaerkninger import BemaerkningerTrin


def test_indsat_bemaerkning_med_retningstegn_gemmes_ikke(demo_vindue):
    v = demo_vindue
    assert v.gaa_til("tilbud[0].bemaerkninger")
    side = v.stak.currentWidget()
    assert isinstance(side, BemaerkningerTrin) and QApplication.focusWidget() is side.tekst
    QApplication.clipboard().setText("Taksten stiger med \u202e%01\u202c, fordi …")
    side.tekst.paste()
    assert side.tekst.toPlainText() == "Taksten stiger med \u202e%01\u202c, fordi …"
    side.indmeld_knap.setFocus(Qt.TabFocusReason)  # leaving the field saves it, or says why not
    besked = v.statusBar().currentMessage()
    assert besked.startswith("Ikke gemt: Bostedet Nord › Bemærkninger: Bemærkninger indeholder et usynligt tegn, der "
                             "vender skriveretningen (U+202E) efter ‘Taksten stiger med ’ og 1 andet usynligt tegn"), besked
    assert v.dok.grundlag.tilbud[0].bemaerkninger == ""
    # line breaks and a tab are a bemærkning's own: saved
    side.tekst.setFocus(Qt.OtherFocusReason)
    side.tekst.setPlainText("Pladserne er uændret.\n\tTaksten stiger med 10 %.")
    side.indmeld_knap.setFocus(Qt.TabFocusReason)
    assert v.dok.grundlag.tilbud[0].bemaerkninger == "Pladserne er uændret.\n\tTaksten stiger med 10 %."
