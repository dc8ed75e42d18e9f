"""A 1366x768 laptop at 125 % and 150 % display scaling (QT_SCALE_FACTOR): the real app in its
own process on an offscreen screen of that size (the scale is fixed when Qt starts), opening the
demo, and what the pages show, measured in the window's own geometry: a column is as wide as its
heading's lines and its amounts (QFontMetrics), and lies inside the table's visible part."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

START = r'''
import json, sys
from PySide6.QtCore import QElapsedTimer, QSettings, Qt
from takstberegner.kommandoer.app import lav_app
app = lav_app()
for f in (QSettings.IniFormat, QSettings.NativeFormat):
    QSettings.setPath(f, QSettings.UserScope, sys.argv[1])
from takstberegner.app.main_window import HovedVindue

def vent(ms=300):
    t = QElapsedTimer()
    t.start()
    while t.elapsed() < ms:
        app.processEvents()

def kolonner(t):
    """Every column of table t: its heading's lines, the texts of its cells, where it lies."""
    m, fm, hfm = t.model(), t.fontMetrics(), t.horizontalHeader().fontMetrics()
    ud = []
    for k in range(m.columnCount()):
        titel = str(m.headerData(k, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
        celler = [str(m.index(r, k).data() or "") for r in range(m.rowCount())]
        ud.append({"titel": titel, "x": t.columnViewportPosition(k), "bredde": t.columnWidth(k),
                   "titel_bredde": max((hfm.horizontalAdvance(l) for l in titel.split("\n")), default=0),
                   "celle_bredde": max((fm.horizontalAdvance(c) for c in celler), default=0)})
    return {"kolonner": ud, "synlig": t.viewport().width(), "rulles": t.horizontalScrollBar().isVisible()}

v = HovedVindue()
v.show()
vent()
v.aabn_fil(sys.argv[2])
vent()
ud = {"vindue": [v.width(), v.height()]}
''' + "\n"


def _koer(tmp_path, demo_fil, skala: float, kode: str) -> dict:
    konfig = tmp_path / "skaerm.json"
    konfig.write_text(json.dumps({"screens": [{"name": "s", "x": 0, "y": 0, "width": 1366, "height": 768,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    miljoe = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={konfig}", QT_SCALE_FACTOR=str(skala),
                  TAKSTBEREGNER_DATA=str(tmp_path / "data"))
    script = tmp_path / "start.py"
    script.write_text(START + kode + "\nv.saet_dokument(None)\nv.close()\nprint('RESULTAT ' + json.dumps(ud))\n")
    p = subprocess.run([sys.executable, str(script), str(tmp_path / "indstillinger"), str(demo_fil)],
                       env=miljoe, capture_output=True, text=True, timeout=120)
    linjer = [x for x in p.stdout.splitlines() if x.startswith("RESULTAT ")]
    assert p.returncode == 0 and linjer, p.stderr
    return json.loads(linjer[-1].removeprefix("RESULTAT "))


OVERBLIK_150 = r'''
v.vis_overblik()
vent()
t = v.overblik.tabel
ud["tabel"] = kolonner(t)
fm, m = t.fontMetrics(), t.model()
for c, k in enumerate(ud["tabel"]["kolonner"]):
    k["skjult"] = t.isColumnHidden(c)
    k["linje_bredde"] = max((fm.horizontalAdvance(l) for r in range(m.rowCount())
                             for l in str(m.index(r, c).data() or "").split("\n")), default=0)
ud["foerste"] = [str(m.index(0, c).data() or "") for c in range(m.columnCount()) if not t.isColumnHidden(c)]
ud["tip"] = str(m.index(0, 2).data(Qt.ItemDataRole.ToolTipRole) or "")
'''


@pytest.mark.parametrize("skala", [1, 1.25])
def test_overblikkets_kolonner_ses_hele_ved_125_procent(tmp_path, demo_fil, skala):
    """At 125 % (1093x614 logical pixels) Belægning % and Status lay to the right of the overview's
    visible part and Ændring % and Real ændring % cut their headings: every column is now in view,
    wide enough for each line of its heading, and the amounts are whole. At 125 % the demo's names
    ('Tilbud X (Styringsaftalen 5.3)') do not fit eight columns whole: the narrow form, each name over
    its ydelser (test_overblikkets_lange_navne_ses_hele)."""
    r = _koer(tmp_path, demo_fil, skala, OVERBLIK_150)
    tabel = r["tabel"]
    synlige = [k for k in tabel["kolonner"] if not k["skjult"]]
    assert not tabel["rulles"], tabel
    for k in synlige:
        assert 0 <= k["x"] and k["x"] + k["bredde"] <= tabel["synlig"], k
        assert k["bredde"] >= k["titel_bredde"] + 6, k
    for k in (synlige[2:7] if skala == 1 else synlige[1:4]):  # the amounts and percentages are never cut
        assert k["bredde"] >= k["linje_bredde"] + 6, k
    assert [k["titel"].replace("\n", " ") for k in synlige] == ([
        "Tilbud", "Ydelse", "Takst (kr.)", "Sidste år", "Ændring %", "Real ændring %", "Belægning %", "Status"]
        if skala == 1 else ["Tilbud og ydelse", "Takst (kr.) sidste år", "Ændring % (real)", "Belæg- ning %", "Status"])


def test_overblikket_ruller_ikke_til_siden_ved_150_procent(tmp_path, demo_fil):
    """At 150 % the overview is about 420 pixels wide and its eight columns (550 pixels) scrolled
    sideways: Belægning % and Status lay out of view. Last year's takst now stands under the takst
    and the real change under the nominal one, each in its cell's second line, and the ydelser under
    their tilbud's name: five columns, all in view, every heading line and every figure whole; the
    tooltip says which figure is which."""
    r = _koer(tmp_path, demo_fil, 1.5, OVERBLIK_150)
    tabel = r["tabel"]
    synlige = [k for k in tabel["kolonner"] if not k["skjult"]]
    assert not tabel["rulles"], tabel
    assert [k["titel"].replace("\n", " ") for k in synlige] == [
        "Tilbud og ydelse", "Takst (kr.) sidste år", "Ændring % (real)", "Belæg- ning %", "Status"]
    for k in synlige:
        assert 0 <= k["x"] and k["x"] + k["bredde"] <= tabel["synlig"], k
        assert k["bredde"] >= k["titel_bredde"] + 6, k
    for k in synlige[1:4]:  # the figures are never cut
        assert k["bredde"] >= k["linje_bredde"] + 6, k
    assert r["foerste"] == ["✔ Bostedet Nord\n– Niveau 1 (pr. døgn)", "1.664,74\n1.620,00", "2,76\n2,76", "97,00",
                            "Klar"], r["foerste"]
    assert r["tip"] == "Takst 1.664,74 kr., sidste år 1.620,00 kr.", r["tip"]


NYT_TILBUD = r'''
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTableView
from takstberegner.app.steps.takststruktur import TakststrukturTrin
[a for a in v.findChildren(QAction) if a.objectName() == "nyt_tilbud"][0].trigger()
vent()
side = [s for s in v.trin if isinstance(s, TakststrukturTrin)][0]
v.vis_trin(v.trin.index(side))
for struktur in ("differentieret", "traekningsret"):
    i = side.struktur.findData(struktur)
    side.struktur.setCurrentIndex(i)
    side.struktur.activated.emit(i)
    vent()
    for t in side.findChildren(QTableView):
        if t.isVisible() and t.model().rowCount() == 0:
            k = kolonner(t)
            k["klipper"] = t.horizontalHeader().textElideMode() == Qt.TextElideMode.ElideNone
            k["tips"] = [t.model().headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
                         for c in range(t.model().columnCount())]
            ud[f"{struktur}: {t.accessibleName()}"] = k
'''


@pytest.mark.parametrize("skala", [1.25, 1.5])
def test_tomme_tabellers_overskrifter_ses_ved_125_og_150_procent(tmp_path, demo_fil, skala):
    """A new tilbud's Takststruktur: the ydelser (and trækningsret's fordeling) have no rows yet,
    and their headings lay wider than the table, which scrolled sideways with the headings cut at
    both ends ('ttetimer pr. u'). Now the columns share the table's width: at 125 % a differentieret
    tilbud's headings are whole; where they cannot be (the two tables side by side), a heading ends
    in … and its tooltip has it whole."""
    r = _koer(tmp_path, demo_fil, skala, NYT_TILBUD)
    tomme = {k: x for k, x in r.items() if k != "vindue"}
    assert {"differentieret: Ydelser", "traekningsret: Ydelser", "traekningsret: Fordeling på kommuner"} <= set(tomme)
    for navn, tabel in tomme.items():
        assert not tabel["rulles"], (navn, tabel)
        for k in tabel["kolonner"]:
            assert 0 <= k["x"] and k["x"] + k["bredde"] <= tabel["synlig"], (navn, k)
        assert not tabel["klipper"], navn
        assert tabel["tips"] == [" ".join(k["titel"].split()) for k in tabel["kolonner"]], navn
    if skala == 1.25:
        for k in tomme["differentieret: Ydelser"]["kolonner"]:
            assert k["bredde"] >= k["titel_bredde"] + 6, k


def test_sidepanelet_viser_to_ydelsers_takster_ved_125_procent(tmp_path, demo_fil):
    """At 125 % the side panel was 260 pixels wide, and Bostedet Nord's Niveau 2 was cut to 'Nive'
    (its takst scrolled out of view) on every step: the panel now takes the width two ydelser
    need while the page keeps 600, and the overhead page, whose sum sat beside its buttons, still
    fits without scrolling sideways."""
    kode = r'''
from takstberegner.app.steps.overhead import OverheadTrin
v.vaelg_tilbud("T1")
v.vis_trin([i for i, s in enumerate(v.trin) if isinstance(s, OverheadTrin)][0])
vent()
ud["takster"] = kolonner(v.preview.tabel)
ud["takster"]["etiketter"] = v.preview.tabel.verticalHeader().width()
rulle = v.stak.currentWidget().rulle
ud["side"] = [rulle.widget().minimumSizeHint().width(), rulle.viewport().width()]
'''
    r = _koer(tmp_path, demo_fil, 1.25, kode)
    takster = r["takster"]
    assert [k["titel"] for k in takster["kolonner"]] == ["Niveau 1", "Niveau 2"]
    assert not takster["rulles"], takster
    for k in takster["kolonner"]:
        assert 0 <= k["x"] and k["x"] + k["bredde"] <= takster["synlig"], k
        assert k["bredde"] >= max(k["titel_bredde"], k["celle_bredde"]) + 6, k
    kraever, ser = r["side"]
    assert kraever <= ser, r["side"]


def test_hvert_trin_passer_i_bredden_ved_150_procent(tmp_path, demo_fil):
    """1366x768 at 150 % (911x512 logical pixels): six of the steps scrolled sideways, a form's
    label beside its field ('Væsentlighedsgrænse for takstændring (%):'), Stamdata's long check box
    in the field column, the sums side by side on Anlæg and Regulering, the objektiv finansiering's
    andel beside its check box and its sum in one line. Every step of every tilbud, and Takststruktur
    with objektiv finansiering and its sum, now fits the page's width."""
    kode = r'''
from PySide6.QtWidgets import QPushButton
from takstberegner.app.steps.takststruktur import TakststrukturTrin
ud["sider"] = {}
def maal(navn):
    vent(150)
    rulle = v.stak.currentWidget().rulle
    ud["sider"][navn] = [rulle.widget().minimumSizeHint().width(), rulle.viewport().width(),
                         rulle.horizontalScrollBar().isVisible()]
for t in v.dok.grundlag.tilbud:
    v.vaelg_tilbud(t.id)
    for nr, side in enumerate(v.trin):
        v.vis_trin(nr)
        maal(f"{t.navn}: {type(side).__name__}")
        if isinstance(side, TakststrukturTrin) and not side.objektiv.isChecked():
            side.objektiv.click()
            side.objektiv_andel.setText("40")
            side.objektiv_andel.editingFinished.emit()
            side.findChild(QPushButton, "tilfoej_objektiv_kommune").click()
            maal(f"{t.navn}: objektiv finansiering ({side.objektiv_sum.text()})")
            while v.undo_gruppe.canUndo():
                v.undo_gruppe.undo()
'''
    r = _koer(tmp_path, demo_fil, 1.5, kode)
    assert len(r["sider"]) == 3 * 10 + 3
    for navn, (kraever, ser, rulles) in r["sider"].items():
        assert kraever <= ser and not rulles, (navn, kraever, ser)


TAKSTER_I_PANELET = r'''
from PySide6.QtCore import QPoint
from takstberegner import dansk
from takstberegner.app.steps.budget import BudgetTrin
ud["tilbud"] = {}
for tb in v.dok.grundlag.tilbud:
    v.vaelg_tilbud(tb.id)
    v.vis_trin([i for i, s in enumerate(v.trin) if isinstance(s, BudgetTrin)][0])
    vent(150)
    t, preview, rulle = v.preview.tabel, v.preview, v.arbejde.sidepanel.preview_rulle
    m, fm = t.model(), t.fontMetrics()
    celler = []
    for r in range(m.rowCount()):
        if t.isRowHidden(r) or m.headerData(r, Qt.Orientation.Vertical) != "Takst":
            continue
        for c in range(m.columnCount()):
            i = m.index(r, c)
            rect = t.visualRect(i)
            p = t.viewport().mapTo(preview, rect.topLeft())
            celler.append({"tekst": str(i.data()), "x": p.x(), "y": p.y(), "bredde": rect.width(),
                           "hoejde": rect.height(), "tekst_bredde": fm.horizontalAdvance(str(i.data()))})
    r = v.dok.beregning.tilbud_resultat(tb.id)
    ud["tilbud"][tb.id] = {"celler": celler, "takster": [dansk.tal(x.takst) for x in r.takster],
                           "synlig_bredde": rulle.viewport().width(), "preview": [preview.width(), preview.height()],
                           "rulles_til_siden": t.horizontalScrollBar().isVisible()
                           or rulle.horizontalScrollBar().isVisible()}
'''


@pytest.mark.parametrize("skala", [1.25, 1.5])
def test_hver_ydelses_takst_kan_laeses_i_sidepanelet(tmp_path, demo_fil, skala):
    """At 150 % the side panel is about 260 pixels wide, and Bostedet Nord's second ydelse had its
    takst cut at the panel's edge ('2.6'), reachable only by the table's own scroll bar. Now the
    ydelser stand one below the other when they do not fit side by side: every ydelse's takst lies
    whole inside the panel's width, and within the panel's height (which scrolls down to it)."""
    r = _koer(tmp_path, demo_fil, skala, TAKSTER_I_PANELET)
    assert len(r["tilbud"]) == 3
    for tid, p in r["tilbud"].items():
        assert sorted(c["tekst"] for c in p["celler"]) == sorted(p["takster"]), (tid, p)
        assert not p["rulles_til_siden"], (tid, p)
        for c in p["celler"]:
            assert 0 <= c["x"] and c["x"] + c["bredde"] <= p["synlig_bredde"], (tid, c, p)
            assert c["bredde"] >= c["tekst_bredde"] + 6, (tid, c)
            assert 0 <= c["y"] and c["y"] + c["hoejde"] <= p["preview"][1], (tid, c, p)


STATUS_I_OVERBLIKKET = r'''
from PySide6.QtGui import QAction
from takstberegner.domain import aendringer as ae
[a for a in v.findChildren(QAction) if a.objectName() == "nyt_tilbud"][0].trigger()  # no budget yet
vent()
assert v.dok.anvend(ae.OpdaterTilbud.af("X", kategori=1))
v.vis_overblik()
vent(400)
t = v.overblik.tabel
m, fm = t.model(), t.fontMetrics()
k = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())].index("Status")
ud["status"] = {"bredde": t.columnWidth(k), "x": t.columnViewportPosition(k), "synlig": t.viewport().width(),
                "celler": [], "rulles": t.horizontalScrollBar().isVisible()}
for r in range(m.rowCount()):
    tekst = str(m.index(r, k).data() or "")
    if tekst:
        ud["status"]["celler"].append({"tekst": tekst, "tip": str(m.index(r, k).data(Qt.ItemDataRole.ToolTipRole) or ""),
                                       "ord": max(fm.horizontalAdvance(o) for o in tekst.split()),
                                       "hoejde": t.rowHeight(r),
                                       "linjer_hoejde": fm.boundingRect(0, 0, t.columnWidth(k) - 8, 10_000,
                                                                        int(Qt.TextFlag.TextWordWrap), tekst).height()})
'''


@pytest.mark.parametrize("skala", [1, 1.25, 1.5])
def test_overblikkets_status_ses_hel(tmp_path, demo_fil, skala):
    """At 125 % the overview's Status column showed 'Klar til indmeld…': a word wider than the
    column was cut. Now every status word fits its column (the statuses are short: Klar, 2 fejl,
    Indmeldes ikke, Tomt budget; the column never narrows below its longest word), the row is
    tall enough for its lines, and the whole reason stands in the cell's tooltip."""
    r = _koer(tmp_path, demo_fil, skala, STATUS_I_OVERBLIKKET)
    s = r["status"]
    tekster = {c["tekst"] for c in s["celler"]}
    assert {"Klar", "Indmeldes ikke", "2 fejl"} <= tekster, tekster
    assert not s["rulles"] and s["x"] + s["bredde"] <= s["synlig"], s
    for c in s["celler"]:
        assert c["ord"] + 8 <= s["bredde"], (c, s["bredde"])
        assert c["linjer_hoejde"] <= c["hoejde"], c
    tips = {c["tekst"]: c["tip"] for c in s["celler"]}
    assert tips["2 fejl"] == "2 fejl skal rettes" and "Kategori 1" in tips["Indmeldes ikke"], tips


AFVIST_BELOEB = r'''
from PySide6.QtTest import QTest
from takstberegner.app.steps.budget import BudgetTrin
v.vaelg_tilbud("T1")
v.vis_trin([i for i, s in enumerate(v.trin) if isinstance(s, BudgetTrin)][0])
vent()
tabel = v.stak.currentWidget().tabeller["omkostninger"]
m = tabel.model()
k = [m.kolonner[c].felt for c in range(m.columnCount())].index("beloeb")
i = m.index(0, k)
tabel.setCurrentIndex(i)
tabel.edit(i)
vent(100)
editor = tabel.itemDelegate().sidste_editor
editor.setText("10.000.000.000.000.000.000.000.000")  # a number, which the validation refuses
QTest.keyClick(editor, Qt.Key.Key_Return)
vent(400)
bar = v.statusBar()
ud["status"] = bar.currentMessage()
ud["status_bredde"] = [bar.fontMetrics().horizontalAdvance(bar.currentMessage()), bar.width()]
linje = getattr(v, "beskedlinje", None)
if linje is not None and linje.isVisible():
    lbl = linje.tekst
    p = lbl.mapTo(v, lbl.rect().topLeft())
    ud["linje"] = {"tekst": lbl.text(), "x": p.x(), "y": p.y(), "bredde": lbl.width(), "hoejde": lbl.height(),
                   "behov": lbl.heightForWidth(lbl.width()), "vindue": [v.width(), v.height()]}
ud["gemt"] = str(v.dok.grundlag.tilbud[0].omkostninger[0].beloeb)
'''


@pytest.mark.parametrize("skala", [1, 1.5])
def test_en_lang_afvisning_kan_laeses_hel(tmp_path, demo_fil, skala):
    """A budget amount the validation refuses, typed in its cell in the real window: the reason
    ('Ikke gemt: Bostedet Nord › Budget › linje 1 › Beløb: Beløb er 10.000.000…, men må højst være
    999.999.999.999,99. Ret tallet.') was cut at the status bar's edge at 150 %. Now it also stands
    whole under the page, wrapped over the lines it needs, inside the window."""
    r = _koer(tmp_path, demo_fil, skala, AFVIST_BELOEB)
    besked = r["status"]
    assert besked.startswith("Ikke gemt: Bostedet Nord › Budget › linje 1 › Beløb: ") and besked.endswith("Ret tallet.")
    assert r["gemt"] != "1E+25"  # nothing was saved
    if skala == 1.5:
        assert r["status_bredde"][0] > r["status_bredde"][1]  # the status bar cannot show it whole
    linje = r.get("linje")
    assert linje is not None and linje["tekst"] == besked, r
    assert linje["behov"] <= linje["hoejde"], linje  # every wrapped line shown
    assert 0 <= linje["x"] and linje["x"] + linje["bredde"] <= linje["vindue"][0], linje
    assert 0 <= linje["y"] and linje["y"] + linje["hoejde"] <= linje["vindue"][1], linje


FUND_TIL_FELT = r'''
liste = v.fund.liste
from PySide6.QtTest import QTest
item = next(liste.item(i) for i in range(liste.count()) if liste.item(i).data(Qt.ItemDataRole.UserRole + 1) == "HENS-UDLOEB")
QTest.mouseClick(liste.viewport(), Qt.MouseButton.LeftButton, pos=liste.visualItemRect(item).center())
vent(400)
side = v.stak.currentWidget()
tabel = side.tabeller["hensaettelser"]
idx = tabel.currentIndex()
rect = tabel.visualRect(idx)
vp = side.rulle.viewport()
p = tabel.viewport().mapTo(vp, rect.topLeft())
ud["celle"] = {"felt": tabel.model().kolonner[idx.column()].felt, "fokus": v.focusWidget() is tabel,
               "x": p.x(), "y": p.y(), "bredde": rect.width(), "hoejde": rect.height(),
               "synlig": [vp.width(), vp.height()]}
'''


@pytest.mark.parametrize("skala", [1, 1.5])
def test_et_klik_paa_et_fund_viser_feltet_ogsaa_ved_150_procent(tmp_path, demo_fil, skala):
    """A click on 'Hensættelse skal anvendes' at 150 %: the focus went to the hensættelse's cell, but
    the Regulering page, just shown, was scrolled before it had its size, and the cell lay below
    the visible part. Now the page scrolls again once laid out: the cell is in view."""
    c = _koer(tmp_path, demo_fil, skala, FUND_TIL_FELT)["celle"]
    assert c["felt"] == "brugt" and c["fokus"], c
    assert 0 <= c["x"] and c["x"] + c["bredde"] <= c["synlig"][0], c
    assert 0 <= c["y"] and c["y"] + c["hoejde"] <= c["synlig"][1], c


HENSAETTELSER = r'''
from takstberegner.app.steps.regulering import ReguleringTrin
from takstberegner.app.tabel import TabelVisning
v.vaelg_tilbud("T1")
v.vis_trin([i for i, s in enumerate(v.trin) if isinstance(s, ReguleringTrin)][0])
vent()
side = v.stak.currentWidget()
t = [x for x in side.findChildren(TabelVisning) if x.accessibleName() == "Hensættelser og sidste anvendelsesår"][0]
ud["tabel"] = kolonner(t)
ud["klipper"] = t.horizontalHeader().textElideMode() != Qt.TextElideMode.ElideNone
'''


@pytest.mark.parametrize("skala", [1, 1.25, 1.5])
def test_hensaettelsernes_overskrifter_ses_hele(tmp_path, demo_fil, skala):
    """Regulering at 150 %: the list of hensættelser and their sidste anvendelsesår stands beside
    the hensættelser in about 190 pixels, and its heading 'Bruges senest' was cut at both ends
    ('uges sen'). The headings now take two lines: every column lies in view, as wide as each
    line of its heading and its figures, at 100 %, 125 % and 150 %."""
    r = _koer(tmp_path, demo_fil, skala, HENSAETTELSER)
    tabel = r["tabel"]
    assert not tabel["rulles"] and not r["klipper"], tabel
    assert [k["titel"].replace("\n", " ") for k in tabel["kolonner"]] == ["År", "Til rådighed", "Bruges senest"]
    for k in tabel["kolonner"]:
        assert 0 <= k["x"] and k["x"] + k["bredde"] <= tabel["synlig"], k
        assert k["bredde"] >= max(k["titel_bredde"], k["celle_bredde"]) + 6, k


LANGE_NAVNE = r'''
from PySide6.QtCore import QRect
from takstberegner.domain import aendringer as ae
navne = {"X": "Botilbuddet Solsikken, afdeling Nord (Styringsaftalen 5.3)",
         "NY": "Botilbuddet Solsikken, afdeling Syd (Styringsaftalen 6.1.3)"}
for tid, navn in navne.items():
    assert v.dok.anvend(ae.OpdaterTilbud.af(tid, navn=navn))
v.vis_overblik()
vent(400)
t = v.overblik.tabel
m, fm = t.model(), t.fontMetrics()
k = 0  # Tilbud (or Tilbud og ydelse in the narrow form)
ud["celler"] = []
for r in range(m.rowCount()):
    tekst = str(m.index(r, k).data() or "")
    if any(n in tekst for n in navne.values()):
        ud["celler"].append({"tekst": tekst, "tip": str(m.index(r, k).data(Qt.ItemDataRole.ToolTipRole) or ""),
                             "bredde": t.columnWidth(k), "hoejde": t.rowHeight(r),
                             "ord": max(fm.horizontalAdvance(o) for o in tekst.split()),
                             "behov": fm.boundingRect(QRect(0, 0, t.columnWidth(k) - 8, 10_000),
                                                      int(Qt.TextFlag.TextWordWrap), tekst).height()})
nav = v.navigator
ud["navigator"] = []
for i in range(nav.topLevelItem(0).childCount()):
    item = nav.topLevelItem(0).child(i)
    if item.text(0) in navne.values():
        rum = nav.visualItemRect(item).width() - 4
        ud["navigator"].append(nav.fontMetrics().elidedText(item.text(0), nav.textElideMode(), rum))
'''


@pytest.mark.parametrize("skala", [1, 1.25, 1.5])
def test_overblikkets_lange_navne_ses_hele(tmp_path, demo_fil, skala):
    """At 125 and 150 % the overview cut a tilbud's long words ('Botilbud… Solsikken, afdeling Nord
    (Styrings…'), and the navigator showed 'Botilbuddet Solsikke…' for two tilbud that differ at the
    end. The overview now shows every word of the name whole (at 125 and 150 % the narrow form: the
    name over its ydelser, as wide as both columns were), the row as tall as its lines, the whole name
    in the tooltip; the navigator keeps a name's start and end."""
    r = _koer(tmp_path, demo_fil, skala, LANGE_NAVNE)
    assert len(r["celler"]) == 2, r
    for c in r["celler"]:
        assert c["ord"] + 8 <= c["bredde"], c  # no word cut with …
        assert c["behov"] <= c["hoejde"], c  # every line in view
        assert c["tekst"].split("\n")[0].removeprefix("✔ ") in c["tip"], c
    assert len(r["navigator"]) == 2 and r["navigator"][0] != r["navigator"][1], r["navigator"]
