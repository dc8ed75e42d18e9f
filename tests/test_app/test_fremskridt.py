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


def test_ingen_oprydning_af_qt_objekter_i_arbejdstraaden(qtbot):
    """A cyclic collection in the worker would free the GUI thread's Qt objects off that thread (a
    segmentation fault during a PDF export): the collector is off while the worker runs, on again
    after, and what the GUI thread left behind is collected in the GUI thread."""
    import gc

    w = QWidget()
    qtbot.addWidget(w)
    slettet = []

    class Kreds:
        def __init__(self):
            self.selv = self
            self.widget = QWidget()
            self.widget.destroyed.connect(lambda: slettet.append(threading.current_thread()))

    Kreds()  # garbage only a cyclic collection frees
    set_i_arbejdet = []

    def arbejde():
        set_i_arbejdet.append(gc.isenabled())
        gc.collect(0)  # an explicit call still runs; what matters is that the cycle is already gone
        return 1

    assert fremskridt.koer(w, "Danner ...", arbejde) == 1
    assert set_i_arbejdet == [False] and gc.isenabled()
    assert slettet == [threading.main_thread()]


def test_dialogen_vises_efter_et_oejeblik_ikke_efter_fire_sekunder(qtbot):
    """Qt's own wait (4 s) was left running: 2 s of work showed no dialog at all."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog

    w = QWidget()
    qtbot.addWidget(w)
    w.show()
    set_ = []
    ur = QTimer()
    ur.setInterval(20)
    ur.timeout.connect(lambda: set_.append(any(d.isVisible() for d in w.findChildren(QProgressDialog))))
    ur.start()
    assert fremskridt.koer(w, "Danner ...", lambda: time.sleep(2.0) or 1) == 1
    ur.stop()
    assert set_ and any(set_)


def test_det_arbejdet_lavede_gaar_til_den_aeldste_generation(qtbot):
    """The collector's first young collection after the work went through everything it had made
    (a large file's records and findings) in the GUI thread: 0,06 s of the window's freeze when
    the opened file was shown. It goes straight to the oldest generation now."""
    import gc

    w = QWidget()
    qtbot.addWidget(w)

    class Maerke:
        pass

    ud = fremskridt.koer(w, "Åbner ...", lambda: [Maerke(), *([i] for i in range(20_000))])
    assert gc.isenabled()
    assert any(o is ud[0] for o in gc.get_objects(generation=2))
