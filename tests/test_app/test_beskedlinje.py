"""The message line under the page: a refusal stands there whole (the status bar cuts a long one;
test_skalering measures it at 150 %), until the next saved change or until the user closes it."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from takstberegner.domain import aendringer as ae


def test_afvisningen_staar_hel_til_naeste_gemte_aendring(demo_vindue, qtbot):
    v = demo_vindue
    linje = v.beskedlinje
    assert not linje.isVisible()
    t = v.dok.grundlag.tilbud[0]
    forkert = ae.OpdaterElement(t.id, "omkostninger", 0, replace(t.omkostninger[0], beloeb=Decimal("1e25")))
    afvist = v.dok.anvend(forkert)
    assert not afvist and str(afvist).startswith("Ikke gemt: ") and str(afvist).endswith("Ret tallet.")
    assert linje.isVisible() and linje.tekst.text() == str(afvist)
    assert linje.tekst.textFormat() == Qt.TextFormat.PlainText  # a name from the file, never HTML
    qtbot.mouseClick(linje.luk, Qt.MouseButton.LeftButton)  # the user closes it
    assert not linje.isVisible()
    assert not v.dok.anvend(forkert)
    assert linje.isVisible()
    assert v.dok.anvend(ae.OpdaterTilbud.af(t.id, navn="Bostedet Nord 2"))  # a saved change
    QApplication.processEvents()
    assert not linje.isVisible() and linje.tekst.text() == ""
