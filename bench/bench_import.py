"""Import speed: a 50.000-row budget workbook (target: preview + write <= 5 s).

Run: .venv/bin/python bench/bench_import.py [ROWS]
"""
from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    d = Path(tempfile.mkdtemp())
    os.environ.setdefault("TAKSTBEREGNER_DATA", str(d / "data"))
    import openpyxl

    from takstberegner.formats import takstgrundlag as F
    from takstberegner.importers import excel_budget as eb
    from takstberegner.storage import TakstFil, laes_grundlag

    eksempel = sorted((Path(__file__).resolve().parents[1] / "tests/data/eksempler").glob("*.takstgrundlag.json"))[0]
    grundlag = F.laes_fil(eksempel)
    xlsx = d / "budget.xlsx"
    rnd = random.Random(1)
    arter = ["1.1", "1.5", "2.2", "2.7", "2.9", "4.5", "4.9", "5.2", "6.5", "7.2", "7.6", "8.5", "9.1"]
    t0 = time.perf_counter()
    wb = openpyxl.Workbook()  # not write_only: like Excel, it writes shared strings and the dimension
    ws = wb.active
    ws.title = "Budget"
    ws.append(["Konto", "Tekst", "Beløb", "Tilbud"])
    for i in range(n):
        ws.append([f"5.38.50.{i % 1000:03}-{rnd.choice(arter)}", f"Budgetlinje {i}",
                   round(rnd.uniform(-50000, 500000), 2), rnd.choice(["T1", "Bostedet Nord"])])
    wb.save(xlsx)
    print(f"workbook with {n:,} rows written in {time.perf_counter() - t0:.2f} s ({xlsx.stat().st_size/1e6:.1f} MB)")

    fil = d / "a.takst"
    TakstFil.opret(fil, grundlag).luk()
    t0 = time.perf_counter()
    with TakstFil.aabn(fil) as f:
        t1 = time.perf_counter()
        fv = eb.forhaandsvis(xlsx, "Budget", "A", "B", "C", f.hent(), tilbud="D")
        t2 = time.perf_counter()
        eb.importer(f, fv)
        t3 = time.perf_counter()
    t4 = time.perf_counter()
    g = laes_grundlag(fil)
    t5 = time.perf_counter()
    print(f"open .takst:           {t1 - t0:6.2f} s")
    print(f"read + preview:        {t2 - t1:6.2f} s  ({len(fv.linjer):,} lines, {len(fv.sprunget_over):,} skipped)")
    print(f"write (1 transaction): {t3 - t2:6.2f} s")
    print(f"close:                 {t4 - t3:6.2f} s")
    print(f"TOTAL import:          {t4 - t0:6.2f} s   (target <= 5 s)")
    print(f"reload whole file:     {t5 - t4:6.2f} s  ({sum(len(t.omkostninger) for t in g.tilbud):,} omkostningslinjer,"
          f" file {fil.stat().st_size/1e6:.1f} MB)")

    # one edit at a time on the big file, as the app does (each its own transaction, fsync'ed)
    from decimal import Decimal

    from takstberegner.domain import aendringer as ae
    from takstberegner.domain import model as m

    t = time.perf_counter()
    f = TakstFil.aabn(fil)
    print(f"open the big file (integrity_check + load): {time.perf_counter() - t:.2f} s")
    with f:
        tider = []
        for i in range(50):
            a = [ae.TilfoejElement("T1", "omkostninger", m.Omkostningslinje("aktivitet", "x", Decimal(i)), 0),
                 ae.OpdaterElement("T1", "omkostninger", 100, m.Omkostningslinje("aktivitet", "y", Decimal(i))),
                 ae.OpdaterTilbud.af("T1", pladser=10 + i % 3)][i % 3]
            t = time.perf_counter()
            f.anvend(a)
            tider.append(time.perf_counter() - t)
        tider.sort()
        print(f"one edit on the big file: median {tider[len(tider) // 2] * 1000:.1f} ms, "
              f"max {tider[-1] * 1000:.1f} ms (insert at top / update / tilbud field)")

    # 100.000 rows: refused with a message naming sheet and row, before the rows are read
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    ws.append(["Konto", "Tekst", "Beløb", "Tilbud"])
    for i in range(100_000):
        ws.append(["2.2", f"Linje {i}", i, "T1"])
    stor = d / "stor.xlsx"
    wb.save(stor)
    t0 = time.perf_counter()
    try:
        eb.forhaandsvis(stor, "Budget", "A", "B", "C", grundlag, tilbud="D")
        print("100.000 rows: NOT refused")
    except eb.ExcelFejl as e:
        print(f"100.000 rows refused in {time.perf_counter() - t0:.2f} s: {e.besked}")


if __name__ == "__main__":
    main()
