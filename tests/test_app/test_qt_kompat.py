"""PySide6 6.12 drops references to None/True/False on Python 3.11; the app guards against the
abort that follows (see takstberegner.app.qt_kompat)."""
from __future__ import annotations

import sys

import pytest


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None/True/False are immortal from 3.12")
def test_singletons_kan_ikke_daa(qapp):
    import takstberegner.app  # noqa: F401
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QLabel

    for obj in (None, True, False):
        assert sys.getrefcount(obj) > 2**39
    # the bug is real here: a void call and an emit each drop a reference
    class O(QObject):
        s = Signal()

    o, lbl = O(), QLabel()
    foer = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(50):
        lbl.setText("x")
        o.s.emit()
    efter = sys.getrefcount(None), sys.getrefcount(True)
    assert efter[0] <= foer[0] and efter[1] <= foer[1]
