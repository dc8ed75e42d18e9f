"""Benchmark: edit → preview latency in the real window on the large generated driftsherre
(issue 4, point 4). One edit = a typed value in a table cell: command on the undo stack, saved
to the .takst file (SQLite), recomputed by the engine's Beregner (per-tilbud cache), and the
visible step, takstpreview, findings and navigator redrawn. Target: within one frame (~16 ms)
for a normal tilbud. Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_preview.py
"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.generer import generer_model  # noqa: E402


def _maal(navn: str, f, n: int = 30) -> None:
    f(0)
    tider = []
    for i in range(1, n + 1):
        t0 = time.perf_counter()
        f(i)
        tider.append((time.perf_counter() - t0) * 1000)
    tider.sort()
    print(f"{navn:<58} median {statistics.median(tider):7.1f} ms   p95 {tider[int(len(tider) * 0.95) - 1]:7.1f} ms")


def main() -> None:
    from PySide6.QtCore import QSettings, QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    mappe = Path(tempfile.mkdtemp())
    os.environ["TAKSTBEREGNER_DATA"] = str(mappe / "data")  # the storage's backups go here, not in the profile
    QSettings.setPath(QSettings.NativeFormat, QSettings.UserScope, str(mappe / "ini"))
    from takstberegner.kommandoer.app import lav_app

    app = lav_app()
    from takstberegner.app import lager
    from takstberegner.app.main_window import HovedVindue
    from takstberegner.app.steps.budget import BudgetTrin
    from takstberegner.domain import aendringer as ae
    from takstberegner.domain.beregning import Beregner
    from takstberegner.formats.regelsaet import regelsaet_for

    g = generer_model(seed=1)
    n_linjer = sum(len(t.omkostninger) for t in g.tilbud)
    print(f"Driftsherre: {len(g.tilbud)} tilbud, {n_linjer} omkostningslinjer, "
          f"{sum(len(t.anlaeg) for t in g.tilbud)} anlæg, {len(g.overheadpuljer)} overheadpuljer "
          f"({type(lager.opret(mappe / 'x.takst', g)).__module__}.TakstFil)")
    v = HovedVindue()
    v.resize(1600, 1000)
    v.show()
    t0 = time.perf_counter()
    assert v.aabn_fil(mappe / "x.takst")
    app.processEvents()
    print(f"{'Åbn filen og vis første tilbud':<58} {(time.perf_counter() - t0) * 1000:7.1f} ms")
    tilbud = g.tilbud[10]
    v.vaelg_tilbud(tilbud.id)
    nr = next(i for i, s in enumerate(v.trin) if isinstance(s, BudgetTrin))
    v.vis_trin(nr)
    side = v.trin[nr]
    beloeb = [k.felt for k in side.model.kolonner].index("beloeb")
    personale = next(i for i, x in enumerate(tilbud.omkostninger) if x.kategori == "personale")
    andet = next(i for i, x in enumerate(tilbud.omkostninger) if x.kategori == "ejendom")

    def ret(raekke):
        def f(i):
            side.model.setData(side.model.index(raekke, beloeb), f"{100_000 + i},50")
            app.processEvents()
        return f

    _maal("Budgetlinje (personale: lønsum-nøglen ændres) → preview", ret(personale))
    _maal("Budgetlinje (ejendom) → preview", ret(andet))
    _maal("Bemærkning → preview", lambda i: (v.dok.anvend(ae.OpdaterTilbud.af(tilbud.id, bemaerkninger=f"b{i}")),
                                               app.processEvents()))
    _maal("Fortryd + gentag", lambda i: (v.dok.stak.undo(), v.dok.stak.redo(), app.processEvents()), n=10)
    # the parts: storage alone and the engine alone for the same kind of edit
    fil = v.dok.fil
    _maal("  heraf: gem én ændring i .takst-filen",
          lambda i: fil.anvend(ae.OpdaterTilbud.af(tilbud.id, bemaerkninger=f"c{i}")))
    b = Beregner(regelsaet_for(g.takstaar))
    b.beregn(g)
    state = {"g": g}

    def motor(i):
        linje = state["g"].tilbud[10].omkostninger[personale]
        from dataclasses import replace
        from decimal import Decimal

        state["g"] = ae.anvend(state["g"], ae.OpdaterElement(tilbud.id, "omkostninger", personale,
                                                              replace(linje, beloeb=Decimal(100_000 + i))))
        b.beregn(state["g"])

    _maal("  heraf: motoren (Beregner, inkrementel)", motor)
    # a normal tilbud: the demo driftsherre (three tilbud from the worked examples)
    from takstberegner.app import demo

    v.saet_dokument(None)
    v.handlinger._aabnet(demo.opret_demo(mappe))
    v.vaelg_tilbud("T1")
    v.vis_trin(nr)
    _maal("Demo, Bostedet Nord: budgetlinje → preview", ret(0))
    # a column of 1.000 amounts copied from a spreadsheet and pasted into the budget (new lines at
    # the end), one edit; each is undone before the next (the undo is not timed)
    tabel = side.tabeller["omkostninger"]
    tider = []
    for i in range(4):
        n = len(v.dok.grundlag.tilbud[0].omkostninger)
        tabel.setCurrentIndex(side.model.index(n - 1, beloeb))
        t0 = time.perf_counter()
        tabel.indsaet_udklip("\r\n".join(f"{100 + i + k},25" for k in range(1000)) + "\r\n")
        app.processEvents()
        tider.append((time.perf_counter() - t0) * 1000)
        assert len(v.dok.grundlag.tilbud[0].omkostninger) == n + 999
        v.dok.stak.undo()
        app.processEvents()
    print(f"{'Demo: indsæt 1.000 beløb fra et regneark (999 nye linjer)':<58} median "
          f"{statistics.median(tider[1:]):7.1f} ms   (første {tider[0]:.1f} ms)")
    v.saet_dokument(None)
    v.close()


if __name__ == "__main__":
    main()
