"""Keyboard-only use: the first field of a page (where the focus lands when a step opens), and
the panes F6 moves between (navigator, page, side panel), as Windows programs do."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget


def kan_faa_fokus(w: QWidget) -> bool:
    """What Tab stops at: visible, enabled and taking Tab focus itself (not through a proxy)."""
    return (w.isVisible() and w.isEnabled() and bool(w.focusPolicy() & Qt.FocusPolicy.TabFocus)
            and w.focusProxy() is None)


def foerste_felt(rod: QWidget) -> QWidget | None:
    """The first widget under `rod` that Tab stops at, in the window's Tab order."""
    w = rod
    for _ in range(100_000):
        w = w.nextInFocusChain()
        if w is rod:
            return None
        if rod.isAncestorOf(w) and kan_faa_fokus(w):
            return w
    return None


def fokuser_foerste(rod: QWidget) -> bool:
    """Put the focus in the first field under `rod` (as Tab would: a line edit's text selected)."""
    w = foerste_felt(rod)
    if w is None:
        return False
    w.setFocus(Qt.FocusReason.TabFocusReason)
    if isinstance(w, QAbstractItemView):
        _en_aktuel_celle(w)
    return True


def _en_aktuel_celle(tabel: QAbstractItemView) -> None:
    """A table reached with the focus has a cell to type in: after its rows had been shown anew
    (Overhead, Anlæg: Ctrl+4, Ctrl+5) Qt gave it none, no cell was marked, and typing did nothing."""
    model = tabel.model()
    if model is None or tabel.currentIndex().isValid() or model.rowCount() == 0:
        return
    for k in range(model.columnCount()):
        if not (isinstance(tabel, QTableView) and tabel.isColumnHidden(k)):
            r = next((r for r in range(model.rowCount()) if not (isinstance(tabel, QTableView) and tabel.isRowHidden(r))),
                     None)
            if r is not None:
                tabel.setCurrentIndex(model.index(r, k))
            return


def naeste_rude(ruder: list[QWidget], fokus: QWidget | None, retning: int = 1) -> QWidget | None:
    """F6 / Shift+F6: the pane after (or before) the one holding the focus, skipping hidden ones;
    the focus goes to that pane's first field."""
    synlige = [r for r in ruder if r.isVisible()]
    if not synlige:
        return None
    her = next((i for i, r in enumerate(synlige) if fokus is not None and (r is fokus or r.isAncestorOf(fokus))), -1)
    maal = synlige[(her + retning) % len(synlige)] if her >= 0 else synlige[0]
    if kan_faa_fokus(maal):
        maal.setFocus(Qt.FocusReason.TabFocusReason)
    else:
        fokuser_foerste(maal)
    return maal
