"""Benchmark: the secretariat's samlede takstbilag for a whole region: 11 kommuner and the region,
each submitting the large generated driftsherre (60 tilbud, 300 ydelser), signed with its own key;
then verifying them all, building the workbook, and reading it back for the sammenligning.

Target: ≤ 60 s for verification and workbook together (the secretariat waits for it once a year);
reading the bilag back for the sammenligning ≤ 5 s (a real region has a tenth of these takster).
Run: .venv/bin/python bench/bench_takstbilag.py
"""
from __future__ import annotations

import dataclasses
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_export import uden_fejl  # noqa: E402
from bench.generer import generer_stor_driftsherre  # noqa: E402
from takstberegner import tjeneste  # noqa: E402
from takstberegner.domain import model as m  # noqa: E402
from takstberegner.export import indmelding, signering, takstbilag, takstbilag_laes  # noqa: E402
from takstberegner.export.tillid import Tillid  # noqa: E402
from takstberegner.formats.takstgrundlag import laes_dict  # noqa: E402

KOMMUNER = ("Aalborg", "Brønderslev", "Frederikshavn", "Hjørring", "Jammerbugt", "Læsø", "Mariagerfjord",
            "Morsø", "Rebild", "Thisted", "Vesthimmerland")


def ur(navn: str, f):
    t0 = time.perf_counter()
    v = f()
    print(f"{navn:52} {time.perf_counter() - t0:8.2f} s")
    return v


def main() -> None:
    g = laes_dict(generer_stor_driftsherre(seed=1))
    g0, b0 = uden_fejl(g, tjeneste.beregn(g))
    navne = [f"{k} Kommune" for k in KOMMUNER] + ["Region Nordjylland"]
    with tempfile.TemporaryDirectory() as mappe:
        filer, fps = [], set()
        t0 = time.perf_counter()
        for i, navn in enumerate(navne):
            g = dataclasses.replace(g0, driftsherre=m.Driftsherre(navn, f"{29189000 + i:08d}"))
            u = signering.lav_noegle(navn, g.driftsherre.cvr)
            fps.add(u.fingeraftryk)
            filer.append(indmelding.lav_indmelding(g, tjeneste.beregn(g), u, Path(mappe) / f"{i}.indmelding").sti)
        print(f"{'(setup: ' + str(len(filer)) + ' signed submissions)':52} {time.perf_counter() - t0:8.2f} s")
        tillid = Tillid(fingeraftryk=frozenset(fps))
        udvalg = ur("verify all (takstbilag.saml)", lambda: takstbilag.saml(filer, tillid))
        assert udvalg.antal("godkendt") == len(filer), [s.grunde for s in udvalg.statusser]
        data = ur("build the workbook (lav_takstbilag)", lambda: takstbilag.lav_takstbilag(udvalg))
        sti = Path(mappe) / "takstbilag.xlsx"
        sti.write_bytes(data)
        b = ur("read it back for the sammenligning", lambda: takstbilag_laes.laes_takstbilag(sti))
        print(f"{len(b.takster)} takster from {len(filer)} driftsherrer "
              f"({sum(len(t.takster) for t in b0.tilbud if t.kategori != 1)} each); workbook {len(data) // 1024} KB")


if __name__ == "__main__":
    main()
