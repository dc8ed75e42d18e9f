"""Benchmark of the frozen app (issue 6): folder size, cold start to the shown main window, and
the self-test time. Build first: bash scripts/byg_frossen.sh. Run: python bench/bench_frossen.py
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROD = Path(__file__).resolve().parents[1]
MAPPE = ROD / "dist" / "takstberegner"


def stoerrelse(p: Path) -> int:
    return sum(f.stat().st_size for f in p.rglob("*") if f.is_file() and not f.is_symlink())


def tid(cmd: list[str], env: dict, n: int = 5) -> float:
    ud = []
    for _ in range(n):
        t0 = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        ud.append(time.perf_counter() - t0)
    return statistics.median(ud)


def main() -> None:
    exe = MAPPE / ("takstberegner.exe" if os.name == "nt" else "takstberegner")
    kommando = MAPPE / ("takstberegner-kommando.exe" if os.name == "nt" else "takstberegner-kommando")
    if not exe.exists():
        sys.exit("Byg først den frosne app: bash scripts/byg_frossen.sh")
    env = dict(os.environ, TAKSTBEREGNER_DATA=tempfile.mkdtemp(), TAKSTBEREGNER_AFSLUT_EFTER_START="1")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["XDG_CONFIG_HOME"] = tempfile.mkdtemp()  # no recent files: the start page
    start = tid([str(exe)], env)
    demo = ROD / "resources" / "demo" / "demokommune.takstgrundlag.json"
    takst = Path(tempfile.mkdtemp()) / "demo.takst"
    subprocess.run([str(kommando), "importer", str(demo), "--til", str(takst)], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    start_fil = tid([str(exe), "aabn", str(takst)], env)
    selvtest = tid([str(kommando), "--selvtest"], env, n=3)
    print(f"Frossen app:                      {MAPPE}")
    print(f"Mappens størrelse:                {stoerrelse(MAPPE) / 1e6:8.1f} MB")
    print(f"Koldstart til vist hovedvindue:   {start:8.2f} s   (mål ≤ 3 s; median af 5)")
    print(f"Start og åbn demo-takstfil:       {start_fil:8.2f} s")
    print(f"Selvtest (hele processen):        {selvtest:8.2f} s")


if __name__ == "__main__":
    main()
