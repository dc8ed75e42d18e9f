"""Benchmark: `takstberegner kontroller` on files with about 90.000 findings (one per budget line of
the large generated driftsherre with 90.000 lines), and on a hostile one whose tilbud have names
too long to show (10.000 characters).

Files: `advarsler` (every line a tillægsydelse: IKKE-TAKST-OMKOSTNING, an advarsel), `fejl` (every
line names a ydelse the tilbud lacks: an INPUT fejl), `advarsler.takst` (the first as a takst
file), `lange-navne` (the first with 60 names of 10.000 characters).

For each: the whole command in a fresh process (wall, CPU of the child, its peak memory, the size
of what it printed), then in one process its phases: reading, the engine (validation, calculation
and the findings' texts), the place of every finding in words, and the rest of the output.

Run: .venv/bin/python bench/bench_kontroller.py [--kun NAVN...] [-n RUNS]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROD = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROD))

from bench.generer import generer_stor_driftsherre  # noqa: E402

KOMMANDO = Path(sys.executable).parent / "takstberegner"
LINJER = 90_000


def _dokument(art: str) -> dict:
    d = generer_stor_driftsherre(1, tilbud=60, linjer=LINJER, anlaeg=600)
    for i, t in enumerate(d["tilbud"]):
        if art == "lange-navne":
            t["navn"] = f"Bostedet {i + 1} " + "x" * 10_000
        for linje in t["omkostninger"]:
            if art == "fejl":
                linje["ydelse"] = "FINDES-IKKE"
            else:  # a tillægsydelse in the budget: held out of the takst with an advarsel
                linje.update(kategori="aktivitet", post="tillaegsydelse", beloeb=linje["beloeb"].lstrip("-"))
                linje.pop("vagtlag", None)
                linje.pop("tjenestemand_loen", None)
    return d


def lav_filer(mappe: Path, env: dict) -> dict[str, Path]:
    filer = {}
    for art in ("advarsler", "fejl", "lange-navne"):
        filer[art] = mappe / f"{art}.json"
        filer[art].write_text(json.dumps(_dokument(art), ensure_ascii=False), encoding="utf-8")
    filer["advarsler.takst"] = mappe / "advarsler.takst"
    subprocess.run([str(KOMMANDO), "importer", str(filer["advarsler"]), "--til", str(filer["advarsler.takst"])],
                   check=True, capture_output=True, env=env)
    return filer


def _proces(fil: Path, env: dict) -> tuple[float, float, int, int, int]:
    """(wall s, CPU s, peak MB, bytes printed, exit code) of one `kontroller` in a fresh process.
    Peak memory through /usr/bin/time (a child of this process would inherit its peak)."""
    with tempfile.TemporaryFile() as ud, tempfile.NamedTemporaryFile("r") as tid:
        t0 = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", "-o", tid.name, str(KOMMANDO), "kontroller", str(fil)],
                           stdout=ud, stderr=subprocess.DEVNULL, env=env)
        vaeg = time.perf_counter() - t0
        bruger, system, kb = tid.read().split()[-3:]
        return vaeg, float(bruger) + float(system), int(kb) // 1024, ud.seek(0, 2), p.returncode


def _faser(fil: Path) -> dict[str, float]:
    """CPU seconds of the command's phases in this process."""
    from takstberegner import tjeneste
    from takstberegner.kommandoer import beregning as kb

    c = [time.process_time()]
    g = tjeneste.laes_grundlag(fil)
    c.append(time.process_time())
    b, fund = tjeneste.kontroller(g)
    c.append(time.process_time())
    ids = Counter(t.id for t in b.tilbud)
    steder = [kb._sted(i, f, g, ids) for i, f in fund]
    c.append(time.process_time())
    return {"læs": c[1] - c[0], "motor": c[2] - c[1], "steder": c[3] - c[2], "fund": len(fund),
            "pr_fund_us": (c[3] - c[2]) / max(1, len(steder)) * 1e6}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kun", nargs="*")
    ap.add_argument("-n", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as m:
        mappe = Path(m)
        env = {**os.environ, "TAKSTBEREGNER_DATA": str(mappe / "data")}
        os.environ["TAKSTBEREGNER_DATA"] = env["TAKSTBEREGNER_DATA"]
        filer = lav_filer(mappe, env)
        print(f"{'fil':18} {'væg s':>7} {'CPU s':>7} {'MB':>6} {'udskrift':>12} kode | "
              f"{'læs':>5} {'motor':>6} {'steder':>6} {'µs/fund':>8} {'fund':>7}")
        for navn, fil in filer.items():
            if args.kun and navn not in args.kun:
                continue
            maalinger = [_proces(fil, env) for _ in range(args.n)]
            vaeg = statistics.median(x[0] for x in maalinger)
            cpu = min(x[1] for x in maalinger)
            mb = max(x[2] for x in maalinger)
            f = _faser(fil)
            print(f"{navn:18} {vaeg:7.2f} {cpu:7.2f} {mb:6} {maalinger[0][3]:12,} {maalinger[0][4]:4} | "
                  f"{f['læs']:5.2f} {f['motor']:6.2f} {f['steder']:6.2f} {f['pr_fund_us']:8.1f} {f['fund']:7}",
                  flush=True)


if __name__ == "__main__":
    main()
