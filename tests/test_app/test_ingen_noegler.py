"""No internal key on any screen (issue 11.2): walk every step of every tilbud of the demo, and
every table, heading, label and the findings, and look for the codes the models choose between
(kategori, post, del, enhed, tidsrum, nøgle, ...), built from the models' own code tuples."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLabel, QListWidget

from takstberegner.app.models.raekker import RaekkeModel
from takstberegner.domain import navne


def _koder(v) -> set[str]:
    """Every code a table chooses between, from the models' own choice tuples, and the names table."""
    koder: set[str] = set(navne.ALLE)
    for side in v.trin:
        for tabel in side.findChildren(QAbstractItemView):
            m = tabel.model()
            if isinstance(m, RaekkeModel):
                for k in m.kolonner:
                    koder |= {str(x) for x, _ in k.valg}
                    for r in m.raekker if k.valg_for else ():
                        koder |= {str(x) for x, _ in k.valg_til(r)}
    return {k for k in koder if re.fullmatch(r"[a-z][a-z0-9_]*", k) and len(k) > 2}


def _er_noegle(tekst: str, koder: set[str]) -> str | None:
    tekst = (tekst or "").strip()
    if tekst in koder:
        return tekst
    for ord_ in re.findall(r"[a-z0-9]+(?:_[a-z0-9]+)+", tekst):  # a snake_case key inside a sentence
        if ord_ in koder or "_" in ord_:
            return ord_
    return None


def _tekster(side):
    for tabel in side.findChildren(QAbstractItemView):
        if not tabel.isVisibleTo(side):
            continue
        m = tabel.model()
        if m is None:
            continue
        if isinstance(tabel, QListWidget):
            for i in range(tabel.count()):
                yield "liste", tabel.item(i).text()
            continue
        for c in range(m.columnCount()):
            yield "overskrift", m.headerData(c, Qt.Horizontal, Qt.DisplayRole)
            for r in range(m.rowCount()):
                yield f"celle {r},{c}", m.data(m.index(r, c), Qt.DisplayRole)
    for lbl in side.findChildren(QLabel):
        if lbl.isVisibleTo(side):
            yield "tekst", lbl.text()
    for cb in side.findChildren(QComboBox):
        for i in range(cb.count()):
            yield "valg", cb.itemText(i)


def test_ingen_intern_noegle_i_nogen_tabel(demo_vindue):
    v = demo_vindue
    koder = _koder(v)
    # the list covers what the issue saw on screen
    assert {"borgerrelateret_personale", "oeverste_ledelse", "tap_administrativt", "doegn", "aften_nat",
            "aarsvaerk", "personale", "hensaet"} <= koder
    fundet = []
    for t in v.dok.grundlag.tilbud:
        v.vaelg_tilbud(t.id)
        sider = [("overblik", v.vis_overblik)] + [(type(s).__name__, lambda nr=nr: v.vis_trin(nr))
                                                  for nr, s in enumerate(v.trin)]
        for navn, vis in sider:
            vis()
            QApplication.processEvents()
            for hvor, tekst in _tekster(v.stak.currentWidget()):
                if (n := _er_noegle(str(tekst or ""), koder)) is not None:
                    fundet.append((t.navn, navn, hvor, n))
        for hvor, tekst in list(_tekster(v.arbejde.sidepanel)):
            if (n := _er_noegle(str(tekst or ""), koder)) is not None:
                fundet.append((t.navn, "sidepanel", hvor, n))
    for i in range(v.navigator.topLevelItemCount()):
        item = v.navigator.topLevelItem(i)
        assert _er_noegle(item.text(0), koder) is None
    assert fundet == []


def test_nye_linjer_og_valg_vises_med_navn(demo_vindue):
    """A new budget line, anlæg, result and tillægsydelse show Danish names, not their keys."""
    koder = _koder(demo_vindue)
    v = demo_vindue
    v.vaelg_tilbud("NY")
    for nr, side in enumerate(v.trin):
        v.vis_trin(nr)
        for knap in side.findChildren(object):
            if getattr(knap, "objectName", lambda: "")().startswith("tilfoej_"):
                knap.click()
        fundet = [(hvor, n) for hvor, tekst in _tekster(side) if (n := _er_noegle(str(tekst or ""), koder))]
        assert fundet == [], type(side).__name__
