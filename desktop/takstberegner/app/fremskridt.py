"""Long work behind a progress dialog: a PDF, takstskema or indmelding of a large driftsherre
takes seconds, so it runs in a worker thread while the window stays responsive and shows a busy
indicator. The work must not touch Qt; it gets immutable records and returns bytes or records.

Python's cyclic garbage collector is held off while the worker runs: a collection started in the
worker would free Qt objects the GUI thread left behind, off the GUI thread, and crash the app
(seen as a segmentation fault during a PDF export). The GUI thread collects before the work starts,
and the collector runs again in the GUI thread when the work is done, with what the work made in
its oldest generation (gc.freeze and gc.unfreeze)."""
from __future__ import annotations

import gc
import threading
from typing import Any, Callable

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

VIS_EFTER_MS = 400  # quick work shows no dialog at all


def koer(foraelder: QWidget, tekst: str, arbejde: Callable[[], Any]) -> Any:
    """Run `arbejde()` in a thread behind a busy dialog; return its result or raise its error."""
    udfald: dict[str, Any] = {}

    def maal() -> None:
        try:
            udfald["v"] = arbejde()
        except BaseException as e:  # handed to the caller in the GUI thread
            udfald["e"] = e

    traad = threading.Thread(target=maal, name="takstberegner-arbejde", daemon=True)
    var_til = gc.isenabled()
    gc.collect()  # here, in the GUI thread
    gc.disable()
    try:
        return _vent(foraelder, tekst, traad, udfald)
    finally:
        # What the work made (a large file's 100.000 records and findings) goes straight to the
        # collector's oldest generation, looked at only by its rare full collections: the first
        # young collection went through all of it in the GUI thread, 0,06 s of the window's
        # freeze as the opened file was shown (a full collection here froze it another 0,1 s)
        gc.freeze()
        gc.unfreeze()
        if var_til:
            gc.enable()


def _vent(foraelder: QWidget, tekst: str, traad: threading.Thread, udfald: dict[str, Any]) -> Any:
    dialog = QProgressDialog(tekst, None, 0, 0, foraelder)  # no cancel: the work cannot stop halfway
    dialog.setWindowTitle("Arbejder ...")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(VIS_EFTER_MS)
    # starts the wait from 0: without it Qt keeps the timer its constructor started with its own
    # default of 4 s, and the dialog came after 4 s, not after VIS_EFTER_MS
    dialog.setValue(0)
    loekke = QEventLoop()
    ur = QTimer()
    ur.setInterval(25)
    ur.timeout.connect(lambda: None if traad.is_alive() else loekke.quit())
    traad.start()
    ur.start()
    if traad.is_alive():
        loekke.exec()
    ur.stop()
    traad.join()
    dialog.reset()
    dialog.deleteLater()
    if "e" in udfald:
        raise udfald["e"]
    return udfald.get("v")
