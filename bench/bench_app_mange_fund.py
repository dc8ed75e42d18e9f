"""Benchmark: the app opening a takst file with about 90.000 findings (the large generated
driftsherre with 90.000 budget lines, each a tillægsydelse: one advarsel per line;
bench_kontroller.py's file) in the real window offscreen: how long until the window is usable
(aabn_fil returns, the events are processed and the overview painted), the findings panel's share of it,
whether a progress dialog showed and the longest the window went without processing its events (wall
time, and the GUI thread's own CPU time in it, which the machine's load does not stretch), and one edit
of a budget line (saved, recomputed, redrawn), which fills the panel again. 'Vinduet efter
arbejderen' is the stretch the window stands still once the worker is done (Handlinger._aabnet).

`--art fejl`: every line names a ydelse the tilbud lacks (an INPUT fejl per line, which the
overview's list of what blocks the indmelding and the navigator's marks go through too).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_app_mange_fund.py [--art fejl]
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROD = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROD))

from bench.bench_kontroller import _dokument  # noqa: E402



def _maal(klasse, navn: str) -> list[float]:
    """Time every call of klasse.navn from now on; the seconds add up in the list's one element."""
    tid = [0.0]
    original = getattr(klasse, navn)

    def maalt(self, *a, **k):
        t = time.perf_counter()
        try:
            return original(self, *a, **k)
        finally:
            tid[0] += time.perf_counter() - t

    setattr(klasse, navn, maalt)
    return tid

def main() -> None:
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("--art", choices=("advarsler", "fejl"), default="advarsler")
    art = ap.parse_args().art
    from PySide6.QtCore import QSettings, QStandardPaths, QTimer
    from PySide6.QtWidgets import QProgressDialog

    QStandardPaths.setTestModeEnabled(True)
    mappe = Path(tempfile.mkdtemp())
    os.environ["TAKSTBEREGNER_DATA"] = str(mappe / "data")
    QSettings.setPath(QSettings.NativeFormat, QSettings.UserScope, str(mappe / "ini"))
    fil = mappe / f"{art}.takst"
    from takstberegner.formats import takstgrundlag as tg
    from takstberegner.storage import TakstFil

    TakstFil.opret(fil, tg.laes_dict(_dokument(art))).luk()  # the importer refuses INPUT fejl

    from takstberegner.kommandoer.app import lav_app

    app = lav_app()
    from takstberegner.app import findings_panel
    from takstberegner.app.main_window import HovedVindue

    panel_tid = _maal(findings_panel.FundPanel, "vis")
    # the window's share after the worker: the document set and every page and panel drawn
    from takstberegner.app import filhandlinger

    vindue_tid = _maal(filhandlinger.Handlinger, "_aabnet")
    v = HovedVindue()
    v.resize(1600, 1000)
    v.show()
    app.processEvents()
    # the GUI thread's life while the file opens: a 10 ms timer's ticks (their longest gap is the
    # longest the window could not repaint) and when a progress dialog was first seen
    slag: list[float] = []
    dialog_set: list[float] = []

    cpu: list[float] = []  # the GUI thread's CPU time at each tick: a pause's own work, whatever the machine's load

    def slag_():
        slag.append(time.perf_counter())
        cpu.append(time.thread_time())
        if not dialog_set and any(isinstance(w, QProgressDialog) and w.isVisible()
                                  for w in [*app.topLevelWidgets(), *v.findChildren(QProgressDialog)]):
            dialog_set.append(slag[-1])

    ur = QTimer()
    ur.setInterval(10)
    ur.timeout.connect(slag_)
    ur.start()
    t0, c0, g0 = time.perf_counter(), time.process_time(), time.thread_time()
    assert v.aabn_fil(fil)
    t_aabnet = time.perf_counter()
    app.processEvents()
    v.overblik.repaint()  # the overview painted
    t1, c1, g1 = time.perf_counter(), time.process_time(), time.thread_time()
    ur.stop()
    tider = [(t0, g0), *((t, g) for t, g in zip(slag, cpu) if t0 <= t <= t1), (t1, g1)]
    pause, fra, pause_cpu = max((b[0] - a[0], a[0] - t0, b[1] - a[1]) for a, b in zip(tider, tider[1:]))
    mest_cpu = max(b[1] - a[1] for a, b in zip(tider, tider[1:]))
    print(f"Åbn til brugbart vindue: {t1 - t0:6.2f} s væg, {c1 - c0:6.2f} s CPU; heraf fundpanelet {panel_tid[0]:6.2f} s; "
          f"{v.fund.liste.model().rowCount()} fund i panelet")
    print(f"  aabn_fil færdig efter {t_aabnet - t0:6.2f} s; længste pause i vinduets hændelser {pause:6.2f} s (fra {fra:4.2f} s, "
          f"{pause_cpu:4.2f} s CPU i GUI-tråden; den største CPU i en pause {mest_cpu:4.2f} s); "
          + (f"fremskridtsdialog vist efter {dialog_set[0] - t0:6.2f} s" if dialog_set else "ingen fremskridtsdialog"))
    print(f"  vinduet efter arbejderen (dokumentet sat, siderne og panelerne tegnet): {vindue_tid[0]:6.2f} s")
    # the panel's list drawn and scrolled to the end: the view lays out the items it shows
    liste = v.fund.liste
    t = time.perf_counter()
    liste.scrollToBottom()
    liste.viewport().repaint()
    app.processEvents()
    print(f"Rul fundlisten til bunden og tegn:  {time.perf_counter() - t:6.2f} s")
    panel_tid[0] = 0.0
    v.fund._sidste = None  # as after an edit that changes the findings
    t = time.perf_counter()
    v.fund.vis(v.dok.beregning, v.dok.grundlag)
    app.processEvents()
    print(f"Fundpanelet fyldt igen (efter en ændring): {time.perf_counter() - t:6.2f} s")
    # a move (another step of the same tilbud): the window redraws, the findings are the same
    t = time.perf_counter()
    v.opdater()
    app.processEvents()
    print(f"Vinduet tegnet igen uden ændring (flyt):    {time.perf_counter() - t:6.2f} s")


if __name__ == "__main__":
    main()
