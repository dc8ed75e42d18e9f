"""Benchmark: a full export of the large generated driftsherre (issue 5): takstskema (xlsx),
takstberegning til revision (PDF), and the signed ASiC-E indmeldingsfil, then its verification.

Target: ≤ 3 s for the full export (xlsx + PDF + signed container).
Run: .venv/bin/python bench/bench_export.py
Each line shows wall time and the process's CPU time: on a loaded machine the wall time says
more about the other processes than about this code, so compare CPU times (and old against new
on the same load).
"""
from __future__ import annotations

import dataclasses
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.generer import generer_stor_driftsherre  # noqa: E402
from takstberegner import tjeneste  # noqa: E402
from takstberegner.export import indmelding, rapport, revision_pdf, signering, takstskema_xlsx  # noqa: E402
from takstberegner.export import sidste_aar, verifikation  # noqa: E402
from takstberegner.export.tillid import Tillid  # noqa: E402
from takstberegner.formats.takstgrundlag import laes_dict  # noqa: E402


def ur(navn: str, f):
    t0, c0 = time.perf_counter(), time.process_time()
    v = f()
    print(f"{navn:42} {1000 * (time.perf_counter() - t0):8.0f} ms  (CPU {1000 * (time.process_time() - c0):6.0f} ms)")
    return v


def uden_fejl(g, b):
    """The generator may produce findings of level fejl (e.g. plads changes without a
    bemærkning); export refuses those, so give every tilbud a bemærkning like a user would."""
    if not b.har_fejl:
        return g, b
    g = dataclasses.replace(g, tilbud=tuple(
        dataclasses.replace(t, bemaerkninger=t.bemaerkninger or "Ændringer forklaret i budgetnotatet.")
        for t in g.tilbud))
    return g, tjeneste.beregn(g)


def main() -> None:
    g = laes_dict(generer_stor_driftsherre(seed=1))
    b = tjeneste.beregn(g)
    g, b = uden_fejl(g, b)
    fejl = [f for f in b.alle_fund() if f.er_fejl]
    print(f"{len(g.tilbud)} tilbud, {sum(len(t.ydelser) for t in g.tilbud)} ydelser, "
          f"{sum(len(t.omkostninger) for t in g.tilbud)} omkostningslinjer, "
          f"{sum(len(t.anlaeg) for t in g.tilbud)} anlæg, {len(g.overheadpuljer)} puljer; "
          f"{len(fejl)} fejl tilbage {sorted({f.kode for f in fejl})}")
    u = signering.lav_noegle(g.driftsherre.navn, g.driftsherre.cvr)
    r = ur("rapport (prepared report)", lambda: rapport.lav_rapport(g, b, "0" * 64))
    x = ur("takstskema.xlsx", lambda: takstskema_xlsx.lav_xlsx(r))
    p = ur("takstberegning.pdf", lambda: revision_pdf.lav_pdf(r))
    print(f"{'':42} xlsx {len(x) // 1024} KiB, pdf {len(p) // 1024} KiB")
    # the PDF with last year's takstfil beside it (here the same driftsherre as takstår − 1)
    g0 = dataclasses.replace(g, takstaar=g.takstaar - 1)
    forrige = sidste_aar.Forrige(g0, tjeneste.beregn(g0), "sidste.takst")
    r2 = ur("rapport med sidste år", lambda: sidste_aar.tilfoej(r, g, b, forrige))
    p2 = ur("takstberegning.pdf med sidste år", lambda: revision_pdf.lav_pdf(r2))
    print(f"{'':42} pdf med sidste år {len(p2) // 1024} KiB")
    with tempfile.TemporaryDirectory() as d:
        maal = Path(d) / "stor.indmelding"
        if fejl:
            print("eksport afvist pga. fejl; kan ikke måle den fulde eksport")
            return
        t0, c0 = time.perf_counter(), time.process_time()
        info = indmelding.lav_indmelding(g, b, u, maal)
        total, cpu = time.perf_counter() - t0, time.process_time() - c0
        print(f"{'FULD EKSPORT (xlsx + pdf + signeret fil)':42} {1000 * total:8.0f} ms  (CPU {1000 * cpu:6.0f} ms; "
              f"mål ≤ 3000 ms), {info.stoerrelse // 1024} KiB")
        v = ur("verificer (inkl. genberegning)", lambda: verifikation.verificer(
            maal, Tillid(fingeraftryk=frozenset({u.fingeraftryk}))))
        print(f"{'':42} verificeret: {v.ok} {v.grunde[:2]}")


if __name__ == "__main__":
    main()
