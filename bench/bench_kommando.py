"""Benchmark: the whole `takstberegner beregn` on the large generated driftsherre (issue 9 item 7),
and its parts in-process: reading (JSON syntax), validation, canonical fingerprint, a full
recompute from scratch and after one edit, writing the takster document.

Targets: ≤ 0,2 s for the whole process, ≤ 20 ms for a full recompute in-process. CPU time is
reported beside wall time, because on a shared machine the wall time mostly measures the others.
Run: .venv/bin/python bench/bench_kommando.py
"""
from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROD = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROD))

from bench.generer import generer_stor_driftsherre  # noqa: E402
from takstberegner.domain.beregning import Beregner  # noqa: E402
from takstberegner.domain.validering import valider  # noqa: E402
from takstberegner.formats import takster as tk_format  # noqa: E402
from takstberegner.formats import takstgrundlag as tg  # noqa: E402
from takstberegner.formats.regelsaet import regelsaet_for  # noqa: E402


def maal(f, n: int = 9) -> tuple[float, float]:
    """Median wall and CPU milliseconds of f()."""
    f()
    vaeg, cpu = [], []
    for _ in range(n):
        v0, c0 = time.perf_counter(), time.process_time()
        f()
        vaeg.append(time.perf_counter() - v0)
        cpu.append(time.process_time() - c0)
    return statistics.median(vaeg) * 1000, statistics.median(cpu) * 1000


def proces(args: list[str], n: int = 7) -> tuple[float, float]:
    vaeg, cpu = [], []
    for _ in range(n):
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        v0 = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        vaeg.append(time.perf_counter() - v0)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
    return statistics.median(vaeg) * 1000, statistics.median(cpu) * 1000


def main() -> None:
    d = generer_stor_driftsherre(seed=1)
    tekst = json.dumps(d, ensure_ascii=False)
    g = tg.laes_tekst(tekst)
    rs = regelsaet_for(g.takstaar)
    kommando = Path(sys.executable).parent / "takstberegner"
    with tempfile.TemporaryDirectory() as mappe:
        fil = Path(mappe) / "stor.json"
        fil.write_text(tekst, encoding="utf-8")
        hele = proces([str(kommando), "beregn", str(fil), "-o", str(Path(mappe) / "ud.json")])
        tom = proces([sys.executable, "-c", "pass"])
        start = proces([sys.executable, "-c", "import takstberegner.cli, takstberegner.tjeneste"])
    laes = maal(lambda: tg.laes_tekst(tekst), n=5)
    val = maal(lambda: valider(g, rs))
    fp = maal(lambda: tg.sha256(g), n=5)
    fuld = maal(lambda: Beregner(rs).beregn(g))
    b = Beregner(rs).beregn(g)
    skriv = maal(lambda: tk_format.skriv_tekst(b), n=5)
    beregner = Beregner(rs)
    beregner.beregn(g)
    t0, skift = g.tilbud[7], [0]

    def en_aendring():
        skift[0] += 1
        linje = t0.omkostninger[0]
        ny = replace(t0, omkostninger=(replace(linje, beloeb=linje.beloeb + skift[0]),) + t0.omkostninger[1:])
        alle = list(g.tilbud)
        alle[7] = ny
        beregner.beregn(replace(g, tilbud=tuple(alle)))

    inkr = maal(en_aendring)
    n_linjer = sum(len(t.omkostninger) for t in g.tilbud)
    print(f"Driftsherre: {len(g.tilbud)} tilbud, {n_linjer} omkostningslinjer, "
          f"{sum(len(t.anlaeg) for t in g.tilbud)} anlæg; belastning {os.getloadavg()[0]:.1f} på {os.cpu_count()} kerner")
    print("                                         væg ms    CPU ms")
    for navn, (v, c) in (("takstberegner beregn, hele processen", hele), ("  heraf python uden noget", tom),
                         ("  heraf opstart (import)", start), ("læsning (JSON-syntaks)", laes),
                         ("validering", val), ("fingeraftryk (kanonisk SHA-256)", fp),
                         ("fuld beregning inkl. validering", fuld), ("takster-dokumentet skrives", skriv),
                         ("genberegning efter én ændring", inkr)):
        print(f"{navn:40} {v:8.1f} {c:9.1f}")


if __name__ == "__main__":
    main()
