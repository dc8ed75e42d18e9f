"""Opening a large file held the window still for 0,3-0,5 s once the worker was done
(bench/bench_app_mange_fund.py): the overview measured its 300 rows' columns six times and fitted
every row's height, laid its checklist of 60 tilbud out 13 times, made 100 Gå til buttons, went
through the 90.000 findings five times. Each is bounded now; what the user sees is whole where it
is shown (the collector's part: test_fremskridt)."""
from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from takstberegner.app import lager
from takstberegner.app.models.raekker import kolonne_for
from takstberegner.app.overblik import KNAPPER_FORUD, MAKS_MANGLER, MAKS_TJEK
from takstberegner.app.tabel import HOEJDE_RAEKKER, TabelVisning
from takstberegner.formats import takstgrundlag as tg
from takstberegner.storage import TakstFil

from bench.generer import generer_stor_driftsherre

TILBUD = 30  # 5 ydelser each: 150 rows in the overview, more than HOEJDE_RAEKKER
LANGT = "Bostedet for voksne med betydelig og varigt nedsat fysisk eller psykisk funktionsevne nr. {}"


def _fil(tmp_path, fejl_pr_tilbud: int = 0):
    d = generer_stor_driftsherre(1, tilbud=TILBUD, linjer=TILBUD * 20, anlaeg=TILBUD, puljer=1)
    for i, t in enumerate(d["tilbud"]):
        t["navn"] = LANGT.format(i + 1)  # wraps onto more lines in the Tilbud column
        for linje in t["omkostninger"][:fejl_pr_tilbud]:
            linje["ydelse"] = "FINDES-IKKE"  # a fejl per line
    sti = tmp_path / "stor.takst"
    TakstFil.opret(sti, tg.laes_dict(d)).luk()
    return sti


def _behov(t, r: int, k: int) -> int:
    tekst = str(t.model().index(r, k).data() or "")
    return t.fontMetrics().boundingRect(QRect(0, 0, t.columnWidth(k) - 8, 10_000),
                                        int(Qt.TextFlag.TextWordWrap), tekst).height()


def _navnerækker(t) -> list[int]:
    m = t.model()
    return [r for r in range(m.rowCount()) if m.index(r, kolonne_for(m, "tilbud")).data()]


def test_overblikkets_raekker_passes_i_syne_og_naar_de_rulles_frem(vindue, tmp_path, qtbot, monkeypatch):
    maalt: list[int] = []
    original = TabelVisning.sizeHintForColumn

    def maal(self, i):
        if self.objectName() == "overblik_tabel" and self.model().rowCount():
            maalt.append(i)
        return original(self, i)

    monkeypatch.setattr(TabelVisning, "sizeHintForColumn", maal)
    v = vindue
    assert v.aabn_fil(_fil(tmp_path))
    qtbot.wait(100)
    t, m = v.overblik.tabel, v.overblik.model
    assert m.rowCount() == TILBUD * 5
    # each column measured once for each form the table had (eight columns, then six at 150 %)
    assert len(maalt) <= m.columnCount() * (2 if m.samlet else 1), maalt
    k = kolonne_for(m, "tilbud")
    navne = _navnerækker(t)
    assert any(_behov(t, r, k) > t.verticalHeader().defaultSectionSize() for r in navne), "nothing wraps"
    i_syne = [r for r in navne if t.rowViewportPosition(r) < t.viewport().height()]
    assert i_syne
    for r in i_syne:  # what is in view is whole
        assert t.rowHeight(r) >= _behov(t, r, k), (r, t.rowHeight(r), _behov(t, r, k))
    # the rows far below are not fitted until they are scrolled to
    assert any(t.rowHeight(r) < _behov(t, r, k) for r in navne if r >= HOEJDE_RAEKKER)
    bar = t.verticalScrollBar()
    for _ in range(20):  # the user drags the scroll bar to the end (the rows grow as they come)
        bar.setValue(bar.maximum())
        QApplication.processEvents()
    sidste = [r for r in range(m.rowCount()) if 0 <= t.rowViewportPosition(r) < t.viewport().height()]
    assert sidste and sidste[-1] == m.rowCount() - 1
    for r in sidste:
        behov = max(_behov(t, r, c) for c in range(m.columnCount()) if not t.isColumnHidden(c))
        assert t.rowHeight(r) >= behov, (r, t.rowHeight(r), behov)


def test_gaa_til_knapperne_laves_naar_punkterne_ses(vindue, tmp_path, qtbot):
    v = vindue
    assert v.aabn_fil(_fil(tmp_path, fejl_pr_tilbud=5))
    o = v.overblik
    assert len(o._mangler) > MAKS_MANGLER
    qtbot.wait(50)
    knapper = [r for r in range(MAKS_MANGLER) if o.mangler.cellWidget(r, 1) is not None]
    i_syne = o.mangler.rowAt(o.mangler.viewport().height() - 1)
    assert i_syne >= 0 and knapper == list(range(len(knapper)))
    assert i_syne < len(knapper) <= i_syne + KNAPPER_FORUD + 5 < MAKS_MANGLER  # (the list's height settles)
    bar = o.mangler.verticalScrollBar()
    bar.setValue(bar.maximum())  # scrolled to the end: the last points get theirs
    QApplication.processEvents()
    knap = o.mangler.cellWidget(MAKS_MANGLER - 1, 1)
    assert knap is not None
    fulgt: list[str] = []
    o.gaa_til.connect(fulgt.append)
    knap.findChild(QPushButton).click()
    assert fulgt == [o._mangler[MAKS_MANGLER - 1].felt]


def test_tjeklisten_naevner_de_foerste_tilbud_og_taeller_resten(vindue, tmp_path):
    v = vindue
    assert v.aabn_fil(_fil(tmp_path, fejl_pr_tilbud=1))
    tekst = v.overblik.tjek.text()
    assert tekst.count("1 fejl skal rettes") == MAKS_TJEK
    assert f"… og {TILBUD - MAKS_TJEK} tilbud mere. De står alle under Det skal rettes." in tekst
    assert LANGT.format(MAKS_TJEK) in tekst and LANGT.format(MAKS_TJEK + 1) not in tekst


def test_fejlene_gaas_igennem_i_arbejderen(tmp_path):
    """The worker that opens the file goes through each tilbud's findings; the window reads what it found."""
    aabnet = lager.aabn_og_beregn(_fil(tmp_path, fejl_pr_tilbud=2))
    try:
        for r in aabnet.beregning.tilbud:
            assert "fejl" in vars(r) and "koder" in vars(r)
            assert r.fejl == tuple(f for f in r.fund if f.niveau == "fejl") and len(r.fejl) == 2
            assert "INPUT" in r.koder and r.har_fejl
    finally:
        aabnet.fil.luk()
