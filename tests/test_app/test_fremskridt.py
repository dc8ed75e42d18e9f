"""Long work runs in a worker thread behind a busy dialog and hands back its result or error."""
from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtWidgets import QWidget

from takstberegner.app import fremskridt


def test_arbejdet_koerer_i_en_anden_traad_og_giver_resultatet(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    traade = []

    def arbejde():
        traade.append(threading.current_thread())
        time.sleep(0.6)  # longer than the dialog's minimum duration, so the dialog is used
        return b"pdf"

    assert fremskridt.koer(w, "Danner ...", arbejde) == b"pdf"
    assert traade and traade[0] is not threading.main_thread()


def test_fejl_i_arbejdet_naar_frem_til_kalderen(qtbot):
    w = QWidget()
    qtbot.addWidget(w)

    def arbejde():
        raise OSError(28, "Der er ikke mere plads på disken")

    with pytest.raises(OSError, match="plads"):
        fremskridt.koer(w, "Danner ...", arbejde)
