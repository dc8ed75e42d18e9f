"""'Hensættelse skal anvendes' (HENS-UDLOEB, SA 5.3.1): the demo's Bostedet Nord has a hensættelse
from 2021 whose last year of use is the takstår. A click on the finding went to the hensættelse's
År, not to what the user changes; now it goes to its 'Heraf brugt', where typing the amount used
saves it, and the advarsel is gone once the whole amount is used."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from takstberegner.app.models.raekker import kolonne_for
from takstberegner.app.steps.regulering import ReguleringTrin


def _hens_udloeb(v):
    return [f for t in v.dok.beregning.tilbud for f in t.fund if f.kode == "HENS-UDLOEB"]


def test_et_klik_paa_fristen_fører_til_heraf_brugt(demo_vindue, qtbot):
    v = demo_vindue
    (fund,) = _hens_udloeb(v)
    liste = v.fund.liste
    item = next(liste.item(i) for i in range(liste.count())
                if liste.item(i).data(Qt.ItemDataRole.UserRole + 1) == "HENS-UDLOEB")
    liste.scrollToItem(item)
    qtbot.mouseClick(liste.viewport(), Qt.MouseButton.LeftButton, pos=liste.visualItemRect(item).center())
    side = v.stak.currentWidget()
    assert isinstance(side, ReguleringTrin)
    tabel = side.tabeller["hensaettelser"]
    model = tabel.model()
    k = kolonne_for(model, "brugt")
    assert (tabel.currentIndex().row(), tabel.currentIndex().column()) == (0, k)
    assert QApplication.focusWidget() is tabel
    assert "anvendt" in model.headerData(k, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    h = v.dok.grundlag.tilbud[0].hensaettelser[0]
    tekst = f"{h.beloeb:f}".replace(".", ",")  # the whole amount is used this year
    qtbot.keyClick(tabel, tekst[0])  # typing in the cell opens its editor
    qtbot.keyClicks(QApplication.focusWidget(), tekst[1:])
    QApplication.processEvents()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    QApplication.processEvents()
    assert v.dok.grundlag.tilbud[0].hensaettelser[0].brugt == h.beloeb
    assert _hens_udloeb(v) == []


def test_et_gammelt_overskud_der_hensaettes_faar_fristen_ved_sit_valg(demo_vindue, qtbot):
    """SPEC §4.8: a hensættelse made now from an overskud of 2020 (last year of use 2025) was listed
    without a word. Typing 2020 as the resultat's År in Bostedet Nord's Regulering brings the
    advarsel; a click on it goes to the resultat's Valg, and choosing 'Indregn' there answers it."""
    v = demo_vindue
    assert v.gaa_til("tilbud[0].resultater[0].aar")
    side = v.stak.currentWidget()
    assert isinstance(side, ReguleringTrin)
    tabel = side.tabeller["resultater"]
    qtbot.keyClick(tabel, "2")
    qtbot.keyClicks(QApplication.focusWidget(), "020")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    QApplication.processEvents()
    assert v.dok.grundlag.tilbud[0].resultater[0].aar == 2020
    ny = [f for f in _hens_udloeb(v) if "resultater" in f.felt]
    assert [f.tekst for f in ny] == ["Hensættelsen fra 2020 (400.000 kr. tilbage) skulle have været anvendt senest i "
                                     "2025, og fristen er overskredet. Anvend den i år, eller indregn den i taksten."]
    liste = v.fund.liste
    item = next(liste.item(i) for i in range(liste.count())
                if liste.item(i).data(Qt.ItemDataRole.UserRole + 1) == "HENS-UDLOEB" and "2020" in liste.item(i).text())
    liste.scrollToItem(item)
    qtbot.mouseClick(liste.viewport(), Qt.MouseButton.LeftButton, pos=liste.visualItemRect(item).center())
    side = v.stak.currentWidget()
    tabel = side.tabeller["resultater"]
    model = tabel.model()
    assert (tabel.currentIndex().row(), tabel.currentIndex().column()) == (0, kolonne_for(model, "valg"))
    assert model.setData(tabel.currentIndex(), "indregn", Qt.ItemDataRole.EditRole)
    QApplication.processEvents()
    assert v.dok.grundlag.tilbud[0].resultater[0].valg == "indregn"
    assert not [f for f in _hens_udloeb(v) if "resultater" in f.felt]
