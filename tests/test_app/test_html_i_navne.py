"""A name is shown as it is written, never as HTML. Qt shows a label or tooltip whose text looks
like HTML as HTML: a tilbud, driftsherre or pulje named '<img src="//server/del/x.png">' (in a
.takst file or a samlet takstbilag from someone else) would make Windows fetch that picture from
the server as soon as the page is shown. Walk every page of every tilbud with such names and look
at every label and tooltip: each shows the name as text."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6 import QtGui
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QTreeWidget, QWidget

from takstberegner.domain import aendringer as ae

NAVN = '<img src="//server/del/x.png">Nord & <b>Syd</b>'


def _vist(tekst: str, format_: Qt.TextFormat) -> tuple[bool, str]:
    """(shown as rich text, what the eye sees)."""
    rig = format_ == Qt.RichText or (format_ == Qt.AutoText and QtGui.Qt.mightBeRichText(tekst))
    if not rig:
        return False, tekst
    d = QTextDocument()
    d.setHtml(tekst)
    return True, d.toPlainText()


def _tekster(rod: QWidget):
    for lbl in rod.findChildren(QLabel):
        if lbl.isVisibleTo(rod) and lbl.text():
            yield f"tekst i {type(lbl).__name__}", lbl.text(), lbl.textFormat()
    for w in rod.findChildren(QWidget):
        if w.toolTip():
            yield f"værktøjstip på {type(w).__name__}", w.toolTip(), Qt.AutoText
    for trae in rod.findChildren(QTreeWidget):
        stak = [trae.topLevelItem(i) for i in range(trae.topLevelItemCount())]
        while stak:
            item = stak.pop()
            stak += [item.child(i) for i in range(item.childCount())]
            if item.toolTip(0):
                yield "værktøjstip i navigationen", item.toolTip(0), Qt.AutoText
    for tabel in rod.findChildren(QAbstractItemView):
        m = tabel.model()
        if m is None or not tabel.isVisibleTo(rod):
            continue
        try:
            kolonner = m.columnCount()
        except TypeError:  # a list widget's own model: one column
            kolonner = 1
        for r in range(min(m.rowCount(), 50)):
            for c in range(kolonner):
                tip = m.data(m.index(r, c), Qt.ToolTipRole)
                if isinstance(tip, str) and tip:
                    yield f"værktøjstip i tabellen {r},{c}", tip, Qt.AutoText


def test_navne_vises_som_tekst_aldrig_som_html(demo_vindue):
    v = demo_vindue
    g = v.dok.grundlag
    aendringer = [ae.SaetDriftsherre(replace(g.driftsherre, navn=NAVN))]
    aendringer += [ae.OpdaterTilbud.af(t.id, navn=f"{NAVN} {i}", paragraf=NAVN) for i, t in enumerate(g.tilbud)]
    aendringer += [ae.OpdaterPulje(k, replace(p, navn=NAVN)) for k, p in enumerate(g.overheadpuljer)]
    assert v.dok.anvend_mange(aendringer, "navne")
    QApplication.processEvents()
    fundet, set_navnet = [], 0
    for t in v.dok.grundlag.tilbud:
        v.vaelg_tilbud(t.id)
        for side, vis in [("overblik", v.vis_overblik)] + [(type(s).__name__, lambda nr=nr: v.vis_trin(nr))
                                                          for nr, s in enumerate(v.trin)]:
            vis()
            QApplication.processEvents()
            for hvor, tekst, format_ in _tekster(v):
                rig, set_ = _vist(tekst, format_)
                if "x.png" in tekst:
                    set_navnet += 1
                    if rig and "<img" not in set_:  # rendered as a picture, not shown as written
                        fundet.append((t.navn[-1], side, hvor, tekst[:80]))
    assert set_navnet > 0  # the names are on screen
    vist_som_html = sorted({(hvor, tekst) for _, _, hvor, tekst in fundet})
    assert not vist_som_html, "\n".join(map(str, vist_som_html))
