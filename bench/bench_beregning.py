"""Benchmark: a full takstberegning of the large generated driftsherre (issue 2, point 7; issue 9 item 7).

Targets: ≤ 50 ms for beregn (issue 2), ≤ 5 × a single pass that only adds up the same amounts as
Decimals, and ≤ 20 ms for a full recompute in-process, validation included (issue 9). Also times
reading the JSON format and an incremental recompute after one edit, and splits the full recompute
into its phases (measured inside full recomputes): validation, steps 1-4 (budget sums, anlæg,
belægning), overhead, steps 5-14 (takster and publishing). The collector is paused while a
recompute runs, as the command and the app's worker do; CPU time (process_time) beside wall time.
Run: .venv/bin/python bench/bench_beregning.py
"""
from __future__ import annotations

import gc
import json
import platform
import statistics
import sys
import sysconfig
import time
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.generer import generer_stor_driftsherre  # noqa: E402
from takstberegner.domain import beregning as beregning_modul  # noqa: E402
from takstberegner.domain.beregning import Beregner, beregn  # noqa: E402
from takstberegner.export.rapport import uden_gc  # noqa: E402
from takstberegner.formats.regelsaet import regelsaet_for  # noqa: E402
from takstberegner.formats.takstgrundlag import laes_dict  # noqa: E402


def tid(f, n: int = 15) -> float:
    f()
    ud = []
    for _ in range(n):
        t0 = time.perf_counter()
        f()
        ud.append(time.perf_counter() - t0)
    return statistics.median(ud) * 1000


def fortolker() -> str:
    """Which Python runs the benchmark and whether it runs from a shared libpython: the same code
    takes a fifth to a quarter fewer instructions on Debian's Python 3.11 (linked into the program,
    optimised) than on pyenv's 3.12 (a shared library, built without PGO) (README, "Why 20 ms is
    not met")."""
    hvordan = "fra et delt libpython" if _bruger_delt_bibliotek() else "linket ind i programmet"
    return f"Python {platform.python_version()}, {hvordan} ({sys.executable})"


def _bruger_delt_bibliotek() -> bool:
    """Is the interpreter running from libpython (a shared library), as pyenv's builds do?"""
    try:
        with open("/proc/self/maps", encoding="ascii", errors="replace") as f:
            return "libpython" in f.read()
    except OSError:
        return bool(sysconfig.get_config_var("Py_ENABLE_SHARED"))


def main() -> None:
    d = generer_stor_driftsherre(seed=1)
    tekst = json.dumps(d)
    g = laes_dict(d)
    rs = regelsaet_for(g.takstaar)
    n_linjer = sum(len(t.omkostninger) for t in g.tilbud)
    n_anlaeg = sum(len(t.anlaeg) for t in g.tilbud)
    n_ydelser = sum(len(t.ydelser) for t in g.tilbud)

    def summer():
        s = Decimal(0)
        for t in g.tilbud:
            for x in t.omkostninger:
                s += x.beloeb
            for a in t.anlaeg:
                s += a.anskaffelsesvaerdi
        return s

    t_beregn = tid(lambda: beregn(g, rs))
    t_sum = tid(summer)
    t_laes = tid(lambda: laes_dict(json.loads(tekst, parse_float=Decimal)), n=5)
    beregner = Beregner(rs)
    beregner.beregn(g)
    t0 = g.tilbud[7]
    linje = t0.omkostninger[0]
    skift = [0]

    def en_aendring():
        skift[0] += 1
        ny = replace(t0, omkostninger=(replace(linje, beloeb=linje.beloeb + skift[0]),) + t0.omkostninger[1:])
        alle = list(g.tilbud)
        alle[7] = ny
        beregner.beregn(replace(g, tilbud=tuple(alle)))

    t_inkr = tid(en_aendring)
    print(fortolker())
    print(f"Driftsherre: {len(g.tilbud)} tilbud, {n_ydelser} ydelser, {n_linjer} omkostningslinjer, "
          f"{n_anlaeg} anlæg, {len(g.overheadpuljer)} overheadpuljer")
    print(f"Fuld beregning (median af 15):          {t_beregn:8.1f} ms   (mål ≤ 50 ms)")
    print(f"Ren Decimal-summering af samme beløb:   {t_sum:8.1f} ms")
    print(f"Forhold beregning / summering:          {t_beregn / t_sum:8.2f}      (mål ≤ 5)")
    print(f"Genberegning efter én ændret linje:     {t_inkr:8.1f} ms")
    print(f"Læsning og validering af JSON-formatet: {t_laes:8.1f} ms")
    faser(g, rs)


def faser(g, rs, n: int = 40) -> None:
    """The full recompute's CPU time, min and median of n, and where it goes: each phase timed
    inside n more recomputes by wrapping the engine's own functions (the wrapping is not in the
    full figure, which is timed first without it)."""
    ur = time.process_time
    fuld: list[float] = []
    gc.collect()
    with uden_gc():  # as `beregn` and the app's worker compute
        for i in range(n + 3):
            t0 = ur()
            Beregner(rs).beregn(g)
            if i >= 3:
                fuld.append((ur() - t0) * 1000)
    tider: dict[str, list[float]] = {"fuld genberegning": fuld}
    denne: dict[str, float] = {}

    def maalt(navn, f):
        def ind(*a, **k):
            t0 = ur()
            try:
                return f(*a, **k)
            finally:
                denne[navn] = denne.get(navn, 0.0) + ur() - t0
        return ind

    faserne = {"_forbered": "trin 1-4 (budget, anlæg, belægning)", "fordel_overhead": "overhead",
               "_afslut": "trin 5-14 (takster, afrunding)"}
    originaler = {navn: getattr(beregning_modul, navn) for navn in faserne}
    valider = Beregner._valider  # the validation of a takstgrundlag within the limits, as beregn runs it
    for navn, vist in faserne.items():
        setattr(beregning_modul, navn, maalt(vist, originaler[navn]))
    Beregner._valider = maalt("validering", valider)
    try:
        gc.collect()
        with uden_gc():
            for i in range(n + 3):
                denne.clear()
                Beregner(rs).beregn(g)
                if i >= 3:
                    for navn, v in denne.items():
                        tider.setdefault(navn, []).append(v * 1000)
    finally:
        for navn, f in originaler.items():
            setattr(beregning_modul, navn, f)
        Beregner._valider = valider
    print(f"Fuld genberegning og dens faser, CPU min / median af {n} (mål for den fulde ≤ 20 ms):")
    for navn in ("fuld genberegning", "validering", *faserne.values()):
        v = sorted(tider[navn])
        print(f"  {navn:38} {v[0]:6.1f} / {statistics.median(v):6.1f} ms")


if __name__ == "__main__":
    main()
