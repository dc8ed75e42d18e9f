"""Benchmark: the budget import dialog in the real window on the demo, with an exported budget of
5.000 lines (the økonomisystem's export of a large tilbud): showing the dialog with the sheet, and
'Næste' to the preview of every line with its kategori and the totals before and after. Target:
the preview within 2 s. Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_importdialog.py [LINJER]
"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    mappe = Path(tempfile.mkdtemp())
    os.environ["TAKSTBEREGNER_DATA"] = str(mappe / "data")
    from PySide6.QtCore import QSettings, QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    QSettings.setPath(QSettings.NativeFormat, QSettings.UserScope, str(mappe / "ini"))
    import openpyxl

    from takstberegner.kommandoer.app import lav_app

    app = lav_app()
    from takstberegner.app import demo
    from takstberegner.app.importdialog import ImportDialog
    from takstberegner.app.main_window import HovedVindue

    sti = mappe / "budget.xlsx"
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Budget")
    ws.append(["Konto", "Kontotekst", "Budget"])
    for i in range(n):
        ws.append([f"5.38.50.001-{1 + i % 9}.{i % 7}", f"Linje {i} med en tekst", 1000 + i])
    wb.save(sti)
    v = HovedVindue()
    v.resize(1366, 768)
    v.show()
    v.handlinger._aabnet(demo.opret_demo(mappe))
    v.vaelg_tilbud("T1")
    vis, naeste = [], []
    for _ in range(3):
        t0 = time.perf_counter()
        d = ImportDialog(v.dok, sti, "T1", v)
        d.show()
        app.processEvents()
        t1 = time.perf_counter()
        assert d.naeste()
        app.processEvents()
        vis.append(t1 - t0)
        naeste.append(time.perf_counter() - t1)
        assert d.linje_model.rowCount() == n
        d.close()
    def s(x: float) -> str:
        return f"{x:.2f}".replace(".", ",")

    print("Importdialog, " + f"{n:,}".replace(",", ".") + " linjer: " + f"vis arket median {s(statistics.median(vis))} s, "
          f"'Næste' til forhåndsvisningen median {s(statistics.median(naeste))} s (mål ≤ 2 s)")
    v.saet_dokument(None)
    v.close()


if __name__ == "__main__":
    main()
