"""The table models pass QAbstractItemModelTester and show/read Danish numbers; the amount
entry fields refuse, with the reason, what dansk.laes_tal cannot read."""
from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from takstberegner.app.models.anlaeg import AnlaegBeregningModel, AnlaegModel
from takstberegner.app.models.budget import IndtaegtModel, KategoriSumModel, OmkostningModel
from takstberegner.app.models.overhead import FordelingModel, ModtagerModel, PuljeModel
from takstberegner.app.models.regulering import (
    HensaettelseListeModel,
    HensaettelseModel,
    ReguleringBeregningModel,
    ResultatModel,
)
from takstberegner.app.models.takststruktur import TakstKategoriModel, YdelseModel
from takstberegner.app.models.tillaeg import AtaModel, TillaegModel
from takstberegner.app.preview import TakstModel
from takstberegner.app.widgets import tal_fejl
from takstberegner.formats import takstgrundlag as tg
from takstberegner.paths import resource
from takstberegner import tjeneste


@pytest.fixture(scope="module")
def demo():
    g = tg.laes_fil(resource("demo", "demokommune.takstgrundlag.json"))
    return g, tjeneste.beregn(g)


def _modeller(g, b):
    t, r = g.tilbud[0], b.tilbud[0]
    ks = KategoriSumModel()
    ks.vis_resultat(r)
    fm = FordelingModel()
    fm.vis_fordeling(b.overhead[0])
    return [
        (OmkostningModel(), t.omkostninger), (IndtaegtModel(), t.oevrige_indtaegter), (ks, None),
        (AnlaegModel(), t.anlaeg), (AnlaegBeregningModel(), r.anlaeg), (PuljeModel(), g.overheadpuljer),
        (ModtagerModel(), g.overheadpuljer[0].oevrige_modtagere), (fm, None), (ResultatModel(), t.resultater),
        (ReguleringBeregningModel(), r.reguleringer), (HensaettelseModel(), t.hensaettelser),
        (HensaettelseListeModel(), r.tidligere_hensaettelser), (YdelseModel(), t.ydelser),
        (TakstKategoriModel(), r.takster), (TillaegModel(), t.tillaegsydelser), (AtaModel(), r.tillaegsydelser),
        (TakstModel(), r.takster),
    ]


def test_modeltester(qapp, demo):
    g, b = demo
    for model, raekker in _modeller(g, b):
        model.paa_rettelse = lambda r, x: None
        QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
        if raekker is not None:
            model.saet_raekker(raekker)
            model.saet_raekker(raekker[:1])  # fewer rows: reset
            model.saet_raekker(raekker)
        assert model.rowCount() > 0, type(model).__name__
        for r in range(model.rowCount()):
            for c in range(model.columnCount()):
                assert isinstance(model.data(model.index(r, c)), str)


def test_budgetmodel_viser_og_laeser_dansk(qapp, demo):
    g, _ = demo
    m = OmkostningModel()
    rettet = []
    m.paa_rettelse = lambda r, x: rettet.append((r, x))
    m.saet_ydelser(g.tilbud[0].ydelser)
    m.saet_raekker(g.tilbud[0].omkostninger)
    beloeb = [k.felt for k in m.kolonner].index("beloeb")
    assert m.data(m.index(0, beloeb)) == "6.500.000,00"
    assert m.data(m.index(8, beloeb)) == "-5.000,00"
    assert m.data(m.index(0, beloeb), Qt.EditRole) == "6.500.000"
    assert m.setData(m.index(0, beloeb), "1.234.567,89")
    assert rettet[-1][1].beloeb == Decimal("1234567.89")
    assert not m.setData(m.index(0, beloeb), "mange penge")
    assert "ikke et tal" in m.sidste_fejl
    ydelse = [k.felt for k in m.kolonner].index("ydelse")
    assert m.data(m.index(0, ydelse)) == "Alle ydelser"
    assert m.setData(m.index(0, ydelse), "T1-N2") and rettet[-1][1].ydelse == "T1-N2"
    m.saet_raekker((rettet[-1][1],) + g.tilbud[0].omkostninger[1:])
    assert m.data(m.index(0, ydelse)) == "Niveau 2"
    assert m.setData(m.index(0, ydelse), "") and rettet[-1][1].ydelse is None


@pytest.mark.parametrize("tekst,godt", [
    ("1.234.567,89", True), ("-5000", True), ("96,5 %", True), ("", True), ("-", False), ("1,2,3", False),
    ("12a", False), ("abc", False), ("1e30", False),
])
def test_tal_fejl(tekst, godt):
    assert (tal_fejl(tekst) == "") is godt


def test_tal_fejl_heltal():
    assert tal_fejl("12", tom_ok=False, heltal=True) == ""
    assert "helt tal" in tal_fejl("12,5", tom_ok=False, heltal=True)
    assert tal_fejl("", tom_ok=False, heltal=True) == "Feltet skal udfyldes."


def test_kommandoen_aabn_er_registreret():
    from takstberegner.cli import byg_parser
    from takstberegner.kommandoer import app

    args = byg_parser().parse_args(["aabn", "fil.takst"])
    assert args.fil == "fil.takst" and args.kommando == "aabn"
    assert callable(app.start_app)


def test_vaerktoejstip_viser_html_lignende_navne_som_tekst(qapp):
    """A table's tooltip shows a cell's text in full. Qt shows a tooltip that looks like HTML as
    HTML: a tilbud named '<img src="//server/del/x.png">' in a samlet takstbilag (the sammenligning
    lists every driftsherre's tilbud) made Qt fetch that picture, on Windows from the server, when
    the cell was hovered. The tooltip now shows the name as written and fetches nothing."""
    from dataclasses import dataclass

    from PySide6 import QtGui

    from takstberegner.app.models.raekker import Kolonne, RaekkeModel
    from takstberegner.app.vendt_tabel import VendtTabel

    @dataclass(frozen=True)
    class R:
        navn: str

    hentet = []

    class Dokument(QtGui.QTextDocument):
        def loadResource(self, art, url):
            hentet.append(url.toString())
            return None

    def vist(tip: str) -> str:
        """What QToolTip shows for `tip` (a QLabel with automatic text format)."""
        if not QtGui.Qt.mightBeRichText(tip):
            return tip
        d = Dokument()
        d.setHtml(tip)
        return d.toPlainText()

    navne = ['<img src="//angriber.example/del/x.png">Bostedet Nord', "<b>Fed</b> & <i>skrå</i>", "Bostedet Nord"]
    m = RaekkeModel((Kolonne("navn", "Tilbud"),))
    m.saet_raekker(tuple(R(n) for n in navne))
    for i, navn in enumerate(navne):
        assert vist(m.data(m.index(i, 0), Qt.ToolTipRole)) == navn
    assert m.data(m.index(2, 0), Qt.ToolTipRole) == "Bostedet Nord"  # plain text stays as it was
    vendt = VendtTabel(m)  # a table turned on its side: the first column's texts are the headings
    assert vist(vendt.model().headerData(0, Qt.Horizontal, Qt.ToolTipRole)) == navne[0]
    assert hentet == []


def test_tabellen_maaler_kolonnerne_igen_naar_raekkerne_aendres(qtbot):
    """A column's need is measured once and kept while the table is resized (measuring reads every
    cell, and a budget of 1.000 pasted lines took seconds), but measured again when the rows change:
    a longer text, more rows, a reset. Only MAALTE_RAEKKER rows are measured; a longer text below
    them is cut and shown whole in its tooltip."""
    from dataclasses import dataclass

    from takstberegner.app.models.raekker import Kolonne, RaekkeModel
    from takstberegner.app.tabel import MAALTE_RAEKKER, TabelVisning

    @dataclass(frozen=True)
    class R:
        tekst: str
        beloeb: str = "1"

    m = RaekkeModel((Kolonne("tekst", "Tekst"), Kolonne("beloeb", "Beløb")))
    m.saet_raekker([R("kort")] * 3)
    t = TabelVisning(m)
    qtbot.addWidget(t)
    t.resize(300, 200)
    t.show()
    kort = t._behov(0)
    m.saet_raekker([R("kort"), R("en meget længere tekst end før, der skal kunne ses"), R("kort")])  # the same number of rows
    laeng = t._behov(0)
    assert laeng > kort + 100
    m.saet_raekker([R("kort")] * 2)  # fewer rows: a reset
    assert t._behov(0) == kort
    m.saet_raekker([R("kort")] * MAALTE_RAEKKER + [R("en meget længere tekst end før, der skal kunne ses")])
    assert t._behov(0) == kort  # below the rows measured
    assert m.data(m.index(MAALTE_RAEKKER, 0), Qt.ToolTipRole) == "en meget længere tekst end før, der skal kunne ses"
