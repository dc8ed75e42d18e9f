"""A file with thousands of findings in the real window (offscreen): the findings panel holds the
first of them and more as the user scrolls to its end (FundPanel.BATCH at a time), so opening the
file and every edit do not make and lay out an item per finding (90.000 findings froze the window
for 20 s at every edit: bench/bench_app_mange_fund.py). The summary counts them all, every one can
be reached by scrolling, a click still goes to the field, and a name that cannot be shown is the
tilbud's number."""
from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from takstberegner.app.overblik import MAKS_MANGLER
from takstberegner.formats import takstgrundlag as tg
from takstberegner.storage import TakstFil

from bench.generer import generer_stor_driftsherre

LINJER = 3_000


def _fil(tmp_path, navn: str | None = None, fejl: bool = False):
    d = generer_stor_driftsherre(1, tilbud=3, linjer=LINJER, anlaeg=30, puljer=1)
    for t in d["tilbud"]:
        for linje in t["omkostninger"]:
            if fejl:  # a ydelse the tilbud lacks: a fejl per line
                linje["ydelse"] = "FINDES-IKKE"
                continue
            # a tillægsydelse in the budget: an advarsel per line
            linje.update(kategori="aktivitet", post="tillaegsydelse", beloeb=linje["beloeb"].lstrip("-"))
            linje.pop("vagtlag", None)
            linje.pop("tjenestemand_loen", None)
    if navn is not None:
        d["tilbud"][1]["navn"] = navn
    sti = tmp_path / "mange.takst"
    TakstFil.opret(sti, tg.laes_dict(d)).luk()
    return sti


def _rul_til_bunden(liste) -> None:
    """What the user does: drag the scroll bar to its end (after the list has laid out its items)."""
    QApplication.processEvents()
    bar = liste.verticalScrollBar()
    bar.setValue(bar.maximum())


def test_fundpanelet_viser_de_foerste_og_flere_naar_man_ruller(vindue, tmp_path, qtbot):
    v = vindue
    assert v.aabn_fil(_fil(tmp_path))
    liste, panel = v.fund.liste, v.fund
    alle = sum(len(t.fund) for t in v.dok.beregning.tilbud) + len(v.dok.beregning.fund)
    assert alle > LINJER
    assert liste.count() == panel.BATCH  # not one item per finding
    n = sum(1 for t in v.dok.beregning.tilbud for f in t.fund if f.niveau == 'advarsel')
    assert f"{n // 1000}.{n % 1000:03d} advarsler" in panel.opsummering.text()  # the summary counts every one
    _rul_til_bunden(liste)  # the user scrolls to the end: the next ones come
    assert liste.count() == 2 * panel.BATCH
    for _ in range(alle):  # and so on to the last
        if liste.count() == alle:
            break
        _rul_til_bunden(liste)
    assert liste.count() == alle
    b = v.dok.beregning
    assert Counter(liste.item(i).data(Qt.ItemDataRole.UserRole + 1) for i in range(alle)) == \
        Counter(f.kode for f in [*b.fund, *(f for t in b.tilbud for f in t.fund)])
    # a finding far down still leads to its field
    item = next(liste.item(i) for i in range(alle - 1, 0, -1) if "linje" in liste.item(i).toolTip())
    liste.itemClicked.emit(item)
    assert v.tilbud_id is not None and v.stak.currentWidget() is not v.overblik


def test_et_navn_der_ikke_kan_vises_er_tilbuddets_nummer(vindue, tmp_path):
    v = vindue
    navn = "Bostedet " + "x" * 10_000
    assert v.aabn_fil(_fil(tmp_path, navn))
    liste = v.fund.liste
    tekster = [liste.item(i).text() for i in range(liste.count())]
    assert not any(navn in t for t in tekster)
    for _ in range(100):
        _rul_til_bunden(liste)
    assert any(" · Tilbud 2\n" in liste.item(i).text() for i in range(liste.count()))
    assert all(len(liste.item(i).text()) < 2_000 for i in range(liste.count()))
    assert liste.item(0).data(Qt.ItemDataRole.UserRole) is not None


def test_overblikket_viser_de_foerste_mangler_og_taeller_resten(vindue, tmp_path, qtbot):
    """The overview listed every point that blocks the indmelding with its own Gå til button:
    90.000 fejl had not opened after 10 minutes and 2 GB (bench_app_mange_fund.py --art fejl)."""
    from PySide6.QtWidgets import QPushButton

    v = vindue
    assert v.aabn_fil(_fil(tmp_path, fejl=True))
    o = v.overblik
    alle = len(o._mangler)
    assert alle >= LINJER
    assert o.mangler.rowCount() == MAKS_MANGLER + 1
    assert o.mangler.item(MAKS_MANGLER, 0).text().startswith(f"… og {alle - MAKS_MANGLER:,} mere".replace(",", "."))
    assert o.mangler.cellWidget(MAKS_MANGLER, 1) is None
    assert f"{alle:,} ting skal rettes".replace(",", ".") in o.status.text()
    qtbot.mouseClick(o.mangler.cellWidget(0, 1).findChild(QPushButton), Qt.LeftButton)
    assert v.stak.currentWidget() is not o


def test_et_skift_af_side_finder_ikke_fejlene_igen(vindue, tmp_path, monkeypatch):
    """With 90.000 fejl every move to another page (Ctrl+PgDown, a click in the navigator) froze
    the window for 1,1 s (bench_app_mange_fund.py --art fejl: 'tegnet igen uden ændring') while
    the navigator's marks and the overview found what blocks the indmelding again, twice, though
    nothing had changed. They are found once per state of the file; an edit finds them anew and
    the navigator's marks follow it."""
    from takstberegner.tjeneste import klar

    v = vindue
    assert v.aabn_fil(_fil(tmp_path, fejl=True))
    ægte, kald = klar.mangler, []
    monkeypatch.setattr(klar, "mangler", lambda g, b: kald.append(1) or ægte(g, b))
    v.vaelg_tilbud(v.dok.grundlag.tilbud[0].id)
    for nr in range(1, 5):
        v.vis_trin(nr)
    v.vis_overblik()
    assert kald == []  # the real function, counted: not once for five moves
    assert "⚠" in v.navigator.topLevelItem(0).child(1).text(0)
    # an edit finds them anew, and the navigator shows it
    from takstberegner.domain import aendringer as ae

    t = v.dok.grundlag.tilbud[0]
    assert v.dok.anvend(ae.OpdaterTilbud.af(t.id, navn="Bostedet Syd"))
    QApplication.processEvents()
    assert kald == [1]
    assert v.navigator.topLevelItem(0).child(1).text(0) == "⚠ Bostedet Syd"
