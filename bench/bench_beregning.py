"""Benchmark: a full takstberegning of the large generated driftsherre (issue 2, point 7).

Target: ≤ 50 ms for beregn, and ≤ 5 × a single pass that only adds up the same amounts as
Decimals. Also times reading the JSON format and an incremental recompute after one edit.
Run: .venv/bin/python bench/bench_beregning.py
"""
from __future__ import annotations

import json
import statistics
import sys
import time
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.generer import generer_stor_driftsherre  # noqa: E402
from takstberegner.domain.beregning import Beregner, beregn  # noqa: E402
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
    print(f"Driftsherre: {len(g.tilbud)} tilbud, {n_ydelser} ydelser, {n_linjer} omkostningslinjer, "
          f"{n_anlaeg} anlæg, {len(g.overheadpuljer)} overheadpuljer")
    print(f"Fuld beregning (median af 15):          {t_beregn:8.1f} ms   (mål ≤ 50 ms)")
    print(f"Ren Decimal-summering af samme beløb:   {t_sum:8.1f} ms")
    print(f"Forhold beregning / summering:          {t_beregn / t_sum:8.2f}      (mål ≤ 5)")
    print(f"Genberegning efter én ændret linje:     {t_inkr:8.1f} ms")
    print(f"Læsning og validering af JSON-formatet: {t_laes:8.1f} ms")


if __name__ == "__main__":
    main()
