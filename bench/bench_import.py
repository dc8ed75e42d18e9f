"""Budget import: speed of a 50.000-row import (target: preview + validation + write <= 5 s), and time
and peak memory for hostile files (target: every one refused, peak memory < 300 MB).

Each measured run happens in a fresh child process, so its peak resident memory (ru_maxrss) is its
own; CPU time is reported beside the wall time because this machine is shared.

Also last year's takstbilag that the Sammenligning reads (export/takstbilag_laes.py): hostile workbooks
with a sheet 'Takster', each read in its own process (target: refused, peak memory < 300 MB).

Run: .venv/bin/python bench/bench_import.py [ROWS]      (--kun-fjendtlige: only the hostile files;
     --kun-sammenligning: only the hostile takstbilag)
"""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROD = Path(__file__).resolve().parents[1]
MAAL_MB = 300

# The child: import the file into a .takst file (or preview only when it is refused) and report.
BARN = r"""
import json, os, sys, time
from pathlib import Path


def hwm():  # this process's peak resident memory in kB (VmHWM; ru_maxrss survives exec on Linux)
    for linje in open("/proc/self/status"):
        if linje.startswith("VmHWM:"):
            return int(linje.split()[1])


from takstberegner.fejl import Fejl
from takstberegner.importers import excel_budget as eb
from takstberegner.storage import TakstFil
grund = hwm()
sti, takst = Path(sys.argv[1]), Path(sys.argv[2])
svar = {}
t1, c1 = time.perf_counter(), time.process_time()
try:
    with TakstFil.aabn(takst) as f:
        fv = eb.forhaandsvis(sti, None, None, None, None, f.hent(), tilbud_id=f.hent().tilbud[0].id)
        t2 = time.perf_counter()
        a = eb.afvis_hvis_ugyldig(f.hent(), fv, eb.ERSTAT)
        t3 = time.perf_counter()
        f.anvend_alle(a)
        t4 = time.perf_counter()
    svar.update(resultat=f"{len(fv.importerede)} linjer importeret", laes=t2 - t1, kontrol=t3 - t2, skriv=t4 - t3)
except Fejl as e:
    svar.update(resultat="AFVIST: " + e.besked)
svar.update(sek=time.perf_counter() - t1, cpu=time.process_time() - c1,
            mb=hwm() / 1024, grund_mb=grund / 1024)
print(json.dumps(svar, ensure_ascii=False))
"""


# The child for last year's takstbilag: read it as the Sammenligning does.
BARN_BILAG = r"""
import json, sys, time


def hwm():
    for linje in open("/proc/self/status"):
        if linje.startswith("VmHWM:"):
            return int(linje.split()[1])


from takstberegner.export.takstbilag_laes import TakstbilagFejl, laes_takstbilag
grund = hwm()
t1, c1 = time.perf_counter(), time.process_time()
try:
    svar = {"resultat": f"{len(laes_takstbilag(sys.argv[1]).takster)} takster læst"}
except TakstbilagFejl as e:
    svar = {"resultat": "AFVIST: " + e.besked}
svar.update(sek=time.perf_counter() - t1, cpu=time.process_time() - c1, mb=hwm() / 1024, grund_mb=grund / 1024)
print(json.dumps(svar, ensure_ascii=False))
"""


def maal(sti: Path, takst: Path | None, barn: str = BARN) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROD / "desktop"))
    r = subprocess.run([sys.executable, "-c", barn, str(sti), *([str(takst)] if takst else [])], capture_output=True,
                       text=True, env=env, timeout=600)
    if r.returncode != 0:
        return {"resultat": "KRASJ: " + (r.stderr.strip().splitlines() or ["?"])[-1], "sek": 0, "cpu": 0, "mb": 0,
                "grund_mb": 0}
    return json.loads(r.stdout.strip().splitlines()[-1])


def ny_takstfil(d: Path, navn: str) -> Path:
    from takstberegner.formats import takstgrundlag as F
    from takstberegner.storage import TakstFil

    eksempel = sorted((ROD / "tests/data/eksempler").glob("*.takstgrundlag.json"))[0]
    p = d / f"{navn}.takst"
    if p.exists():
        p.unlink()
    TakstFil.opret(p, F.laes_fil(eksempel)).luk()
    return p


def budget_xlsx(sti: Path, n: int) -> Path:
    import openpyxl

    rnd = random.Random(1)
    arter = ["1.1", "1.5", "2.2", "2.7", "2.9", "4.5", "4.9", "5.2", "6.5", "7.2", "7.6", "8.5", "9.1"]
    wb = openpyxl.Workbook()  # not write_only: like Excel, it writes shared strings and the dimension
    ws = wb.active
    ws.title = "Budget"
    ws.append(["Konto", "Tekst", "Beløb", "Tilbud"])
    for i in range(n):
        ws.append([f"5.38.50.{i % 1000:03}-{rnd.choice(arter)}", f"Budgetlinje {i}",
                   round(rnd.uniform(-50000, 500000), 2), rnd.choice(["T1", "Bostedet Nord"])])
    wb.save(sti)
    return sti


def fjendtlige(d: Path) -> list[tuple[str, Path]]:
    """The hostile files of issue 12 at full size, built as streams (a few seconds, little memory)."""
    sys.path.insert(0, str(ROD / "tests"))
    from test_importers import xlsx_bygger as xb

    ud = []
    sst = "xl/sharedStrings.xml"
    ark = "xl/worksheets/sheet1.xml"

    def stroem(navn, member, stykker, **dele):
        return d / navn if xb.skriv_stroem(d / navn, xb.dele(**dele), member, stykker) else None

    def mange(hoved: bytes, enhed: bytes, gange: int, hale: bytes, blok: int = 50_000):
        yield hoved
        for i in range(0, gange, blok):
            yield enhed * min(blok, gange - i)
        yield hale

    ns = xb.NS.encode()
    ud.append(("20 mio. fælles tekster (uniqueCount ærligt)", stroem(
        "sst_aerlig.xlsx", sst, mange(b'<sst ' + ns + b' uniqueCount="20000000">', b"<si><t>x</t></si>", 20_000_000,
                                      b"</sst>"), delte="")))
    p = stroem("sst_uden.xlsx", sst, mange(b"<sst " + ns + b">", b"<si><t>x</t></si>", 20_000_000, b"</sst>"),
               delte="")
    xb.saet_erklaeret_stoerrelse(p, sst, 127 << 20)
    ud.append(("20 mio. fælles tekster, uden antal, erklærer 127 MB", p))
    ud.append(("7 mio. fælles tekster (119 MB, uden antal)", stroem(
        "sst_7.xlsx", sst, mange(b"<sst " + ns + b">", b"<si><t>x</t></si>", 7_000_000, b"</sst>"), delte="")))
    hvid = (b"<worksheet " + ns + b"><sheetData>", b" " * (1 << 20), 2048, b"</sheetData></worksheet>")
    ud.append(("2 GB mellemrum i arket (2 MB på disk)", stroem("hvid.xlsx", ark, mange(*hvid, blok=1))))
    p = stroem("hvid_lyver.xlsx", ark, mange(*hvid, blok=1))
    xb.saet_erklaeret_stoerrelse(p, ark, 100)
    ud.append(("2 GB mellemrum, erklærer 100 bytes", p))
    ud.append(("120 MB mellemrum (under grænsen)", stroem("hvid120.xlsx", ark, mange(
        b"<worksheet " + ns + b"><sheetData>", b" " * (1 << 20), 120, b"</sheetData></worksheet>", blok=1))))
    ud.append(("1 mio. gentagne uafsluttede celler", stroem("uafsl.xlsx", ark, mange(
        b'<worksheet ' + ns + b'><sheetData><row r="1">', b'<c r="A1"><v>1</v>', 1_000_000, b"</row>"))))
    ud.append(("1 mio. uafsluttede celler uden r", stroem("uafsl2.xlsx", ark, mange(
        b'<worksheet ' + ns + b'><sheetData><row r="1">', b"<c><v>1</v>", 1_000_000, b"</row>"))))
    p = stroem("bombe.xlsx", ark, mange(b"<worksheet><sheetData>", b"\0" * (1 << 20), 1024, b"", blok=1))
    xb.saet_erklaeret_stoerrelse(p, ark, 100)
    ud.append(("zip-bombe: 1 GiB erklærer 100 bytes", p))
    ud.append(("30 mio. tomme elementer", stroem("elementer.xlsx", ark, mange(
        b"<worksheet " + ns + b"><sheetData>", b"<x/>", 30_000_000, b"</sheetData></worksheet>"))))
    raekke = "".join(f'<c r="{xb.kol(k)}{{r}}"><v>{k}</v></c>' for k in range(1, 31))
    ud.append(("40.000 rækker x 30 kolonner (over cellegrænsen)", stroem("celler.xlsx", ark, (
        [b"<worksheet " + ns + b"><sheetData>"]
        + [("".join(f'<row r="{r}">' + raekke.format(r=r) + "</row>" for r in range(i, i + 500))).encode()
           for i in range(1, 40_001, 500)] + [b"</sheetData></worksheet>"]))))
    # formulas (Ark.formler, FORMEL_UDEN_VAERDI): a sheet of formulas a program wrote without results
    # (refused naming the first ten cells of 180.000), and with results said to be shared texts (t="s")
    hoved = ('<row r="1"><c r="A1" t="inlineStr"><is><t>Konto</t></is></c><c r="B1" t="inlineStr"><is><t>Tekst</t>'
             '</is></c><c r="C1" t="inlineStr"><is><t>Beløb</t></is></c></row>')

    def formler(kolonner: int, t: str = ""):
        yield f"<worksheet {xb.NS}><sheetData>{hoved}".encode()
        celler = "".join(f'<c r="{xb.kol(k)}{{r}}"{t}><f>SUM(A1:XFD1048576)*{k}</f></c>' for k in range(1, kolonner + 1))
        for i in range(2, 60_001, 500):
            yield "".join(f'<row r="{r}">' + celler.format(r=r) + "</row>" for r in range(i, min(i + 500, 60_001))).encode()
        yield b"</sheetData></worksheet>"
    ud.append(("60.000 x 16 formler uden gemt værdi", stroem("formler.xlsx", ark, formler(16))))
    ud.append(('60.000 x 3 formler t="s" uden gemt værdi', stroem("formler_s.xlsx", ark, formler(3, ' t="s"'))))

    def matrix():  # each array formula's range is every cell of the sheet: marking stays linear (xlsx_laeser)
        yield f"<worksheet {xb.NS}><sheetData>{hoved}".encode()
        for i in range(2, 60_001, 500):
            yield "".join(f'<row r="{r}"><c r="A{r}" t="str"><v>2.2</v></c><c r="C{r}">'
                          + ('<f t="array" ref="A1:XFD1048576">1</f>' if r < 20_000 else "") + f"<v>{r}</v></c></row>"
                          for r in range(i, min(i + 500, 60_001))).encode()
        yield b"</sheetData></worksheet>"
    ud.append(("20.000 matrixformler over hele arket (lovlig)", stroem("matrix.xlsx", ark, matrix())))
    (d / "linje.csv").write_bytes(b"Konto;Tekst;Bel\xf8b\r\n" + b"x" * (31 << 20))
    ud.append(("CSV: 31 MB i én linje", d / "linje.csv"))
    (d / "emoji.csv").write_bytes(("Konto;Tekst;Beløb\r\n" + ("1.1;" + "\U0001F600" * 2000 + ";1\r\n") * 3900)
                                  .encode("utf-8"))
    ud.append(("CSV: 31 MB emoji (lovlig; 4 byte pr. tegn i hukommelsen)", d / "emoji.csv"))
    (d / "linjer.csv").write_bytes(b"\n" * (20 << 20))
    ud.append(("CSV: 20 mio. tomme linjer", d / "linjer.csv"))
    (d / "nul.csv").write_bytes(b"Konto;Tekst;Beloeb\r\n" + b"1.1;\0;1\r\n" * 3_000_000)
    ud.append(("CSV: NUL-tegn, 27 MB", d / "nul.csv"))
    return ud


def fjendtlige_takstbilag(d: Path) -> list[tuple[str, Path]]:
    """Hostile 'last year's takstbilag' for the Sammenligning: a sheet Takster with the bilag's headings,
    then rows built as streams. Before the cell cap (2026-12-03), the first took 1,5 GB and 65 s."""
    sys.path.insert(0, str(ROD / "tests"))
    from test_importers import xlsx_bygger as xb

    from takstberegner.export.takstbilag_laes import KRAEVEDE

    ark = "xl/worksheets/sheet1.xml"
    hoved = ("<worksheet " + xb.NS + '><sheetData><row r="1">' + "".join(
        f'<c r="{xb.kol(i + 1)}1" t="inlineStr"><is><t>{n}</t></is></c>' for i, n in enumerate(KRAEVEDE))
        + "</row>").encode()

    def bilag(navn: str, enhed: bytes, gange: int, blok: int = 1000):
        def stykker():
            yield hoved
            for i in range(0, gange, blok):
                yield enhed * min(blok, gange - i)
            yield b"</sheetData></worksheet>"
        dele = xb.dele(ark="")
        dele["xl/workbook.xml"] = xb.projektmappe(["Takster"])
        return d / navn if xb.skriv_stroem(d / navn, dele, ark, stykker()) else None

    return [
        ("99.000 rækker x 130 talceller (13 mio.)", bilag("b_tal.xlsx", b"<row>" + b"<c><v>1</v></c>" * 130 + b"</row>",
                                                         99_000)),
        ("99.000 rækker med én celle i kolonne 300", bilag("b_bred.xlsx", b'<row><c r="KN1"><v>1</v></c></row>',
                                                           99_000)),
        ("99.000 rækker x 300 tomme celler", bilag("b_tom.xlsx", b"<row>" + b"<c/>" * 300 + b"</row>", 99_000)),
        ("30 mio. ukendte elementer", bilag("b_elem.xlsx", b"<x/>", 30_000_000, blok=100_000)),
        ("6.000 tekstceller à 32.767 tegn (196 MB; lovlig)", bilag(
            "b_tekst.xlsx", b'<row><c t="inlineStr"><is><t>' + b"x" * 32_767 + b"</t></is></c></row>", 6_000, blok=10)),
        ("1.500 tekstceller à 32.767 emoji (196 MB; lovlig)", bilag(
            "b_emoji.xlsx", b'<row><c t="inlineStr"><is><t>' + "\U0001F600".encode("utf-8") * 32_767
            + b"</t></is></c></row>", 1_500, blok=10)),
    ]


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 50_000
    d = Path(tempfile.mkdtemp())
    os.environ.setdefault("TAKSTBEREGNER_DATA", str(d / "data"))
    sys.path.insert(0, str(ROD / "desktop"))
    if "--kun-sammenligning" in sys.argv:
        return sammenligning(d)
    if "--kun-fjendtlige" not in sys.argv:
        t0 = time.perf_counter()
        xlsx = budget_xlsx(d / "budget.xlsx", n)
        print(f"workbook with {n:,} rows written in {time.perf_counter() - t0:.1f} s ({xlsx.stat().st_size / 1e6:.1f} MB)")
        r = maal(xlsx, ny_takstfil(d, "a"))
        print(f"IMPORT {n:,} rows: {r['resultat']}")
        print(f"  read + preview {r['laes']:.2f} s, validation {r['kontrol']:.2f} s, write (1 transaction) "
              f"{r['skriv']:.2f} s")
        print(f"  TOTAL {r['sek']:.2f} s wall, {r['cpu']:.2f} s CPU (target <= 5 s); peak memory {r['mb']:.0f} MB "
              f"(of which {r['grund_mb']:.0f} MB Python and imports)")
        stor = budget_xlsx(d / "stor.xlsx", 100_000)
        r = maal(stor, ny_takstfil(d, "b"))
        print(f"100.000 rows: {r['resultat'][:110]} ({r['sek']:.2f} s, {r['mb']:.0f} MB)")
    print(f"\nHostile files (each refused; peak memory target < {MAAL_MB} MB):")
    t0 = time.perf_counter()
    filer = fjendtlige(d)
    print(f"  (built in {time.perf_counter() - t0:.0f} s)")
    print(f"  {'file':<50} {'on disk':>9} {'wall':>7} {'CPU':>7} {'peak':>8}  result")
    takst = ny_takstfil(d, "c")
    _hver(filer, lambda sti: maal(sti, takst), 1)
    sammenligning(d)


def _hver(filer, maal_en, decimaler: int) -> None:
    """Each hostile file measured in its own process and its line printed: 'ok' when it is refused
    (or read, when its name says 'lovlig') within the memory target; then the highest peak."""
    vaerst = 0.0
    for navn, sti in filer:
        r = maal_en(sti)
        vaerst = max(vaerst, r["mb"])
        afvist = r["resultat"].startswith("AFVIST") or "lovlig" in navn
        ok = "ok " if afvist and r["mb"] < MAAL_MB else "FEJL"
        print(f"  {navn:<50} {sti.stat().st_size / 1e6:7.{decimaler}f}MB {r['sek']:6.2f}s {r['cpu']:6.2f}s "
              f"{r['mb']:6.0f}MB  {ok} {r['resultat'][:150]}")
    print(f"  highest peak: {vaerst:.0f} MB (target < {MAAL_MB} MB)")


def sammenligning(d: Path) -> None:
    print("\nLast year's takstbilag for the Sammenligning (each refused, or read when 'lovlig'; "
          f"peak memory target < {MAAL_MB} MB):")
    _hver(fjendtlige_takstbilag(d), lambda sti: maal(sti, None, BARN_BILAG), 2)


if __name__ == "__main__":
    main()
