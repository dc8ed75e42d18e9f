"""Benchmark: memory and time of `verificer` for every hostile input (issue 12 item 7).

Each input is verified in its own fresh process, which reports its peak RSS (ru_maxrss) and its
verdict; target: every input under 300 MB, none GODKENDT except the genuine ones. The inputs
are the test corpus (tests/test_export/test_korpus.py, built in code) plus the heavy ones that
stay out of the test suite: 1 GiB and 4 GiB bombs, every member at its cap with incompressible
data, JSON members at the limits of size and count of values, a PDF full of content streams
that inflate to their caps, a workbook with 500 sheets, and the large generated driftsherre.

Run: .venv/bin/python bench/bench_fjendtlig.py [--kun NAVN...]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROD = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROD))
sys.path.insert(0, str(ROD / "tests"))

from test_export import forfalskning as ff  # noqa: E402
from test_export import test_korpus as tk  # noqa: E402
from test_export.conftest import TID, eksempel  # noqa: E402

from takstberegner import tjeneste  # noqa: E402
from takstberegner.export import asic, indmelding, signering, verifikation  # noqa: E402

GRAENSE_MB = 300
# peak RSS of the child itself: VmHWM (ru_maxrss would carry the parent's peak across exec)
BARN = """
import sys, time
from takstberegner.export import verifikation
from takstberegner.export.tillid import laes_tillid
t0 = time.perf_counter()
r = verifikation.verificer(sys.argv[1], laes_tillid(sys.argv[2]), nu=__import__("datetime").datetime.fromisoformat(sys.argv[3]))
hwm = next(int(x.split()[1]) for x in open("/proc/self/status") if x.startswith("VmHWM"))
print(r.status, round(time.perf_counter() - t0, 2), hwm // 1024,
      (r.grunde[0] if r.grunde else "")[:90].replace(" ", "\\u00a0"))
"""
GRUNDLINJE = """
from takstberegner.export import verifikation, tillid, binding, cms_kontrol  # noqa: F401
import pyhanko_certvalidator, asn1crypto.cms  # noqa: F401
from takstberegner import tjeneste  # noqa: F401
print(next(int(x.split()[1]) for x in open("/proc/self/status") if x.startswith("VmHWM")) // 1024)
"""


def _tilfaeldig_json(n_byte: int, vaerdier: int) -> bytes:
    """A JSON object of about n_byte bytes and `vaerdier` hard-to-compress decimals."""
    import random

    rng = random.Random(7)
    tal = ",".join(f"{rng.randrange(10**6)}.{rng.randrange(100):02d}" for _ in range(vaerdier))
    fyld = max(0, n_byte - len(tal) - 80)
    tekst = "".join(rng.choice("abcdefghijklmnopqrstuvwxyzæøå ") for _ in range(fyld // 2))
    return json.dumps({"format": "takstgrundlag/1", "takstaar": 2026, "x": f"{tekst}",
                       "y": None}, ensure_ascii=False).replace('"y": null', f'"y": [{tal}]').encode("utf-8")


def _pdf_med_stroemme(antal: int, stoerrelse: int) -> bytes:
    import zlib

    b = ff.bombe(stoerrelse)
    adler = zlib.adler32(bytes(stoerrelse)).to_bytes(4, "big")
    dele = [b"%PDF-1.4\n"]
    for i in range(antal):
        dele.append(b"%d 0 obj\n<< /Type /Page >>\nendobj\n" % (1000 + i))
        dele.append(b"%d 0 obj\n<< /Filter /FlateDecode /Length %d >>\nstream\n" % (i + 1, len(b.komp) + 6)
                    + b"\x78\x9c" + b.komp + adler + b"\nendstream\nendobj\n")
    return b"".join(dele) + b"%%EOF"


def _xlsx_med_ark(antal: int) -> bytes:
    return ff.zip_raa([(f"xl/worksheets/sheet{i}.xml", ff.bombe(1 << 20)) for i in range(1, antal + 1)])


def tunge(k: tk.Kilde) -> list[tuple[str, bytes]]:
    G, T, X, P = indmelding.MEDLEMMER
    tilf = os.urandom
    return [
        ("bombe-1-gib-erklaeret-100", ff.zip_raa(k.poster()[:2] + [(T, ff.bombe(1 << 30))] + k.poster()[3:],
                                                  erklaeret={T: 100})),
        ("bombe-4-gib-erklaeret-100", ff.zip_raa(k.poster()[:2] + [(T, ff.bombe((4 << 30) - 1))] + k.poster()[3:],
                                                  erklaeret={T: 100})),
        ("bombe-4-gib-erlig", ff.zip_raa(k.poster()[:2] + [(T, ff.bombe((4 << 30) - 1))] + k.poster()[3:])),
        ("alle-elementer-ved-loftet", ff.zip_raa(k.signeret({G: tilf(16 << 20), T: tilf(8 << 20), X: tilf(16 << 20),
                                                              P: tilf(23 << 20)}))),
        ("json-16-mib-1-mio-vaerdier", tk._med_json(k, g=_tilfaeldig_json(16 << 20, 990_000))),
        ("json-4-mib-1-mio-vaerdier", tk._med_json(k, g=_tilfaeldig_json(4 << 20, 990_000))),
        ("takster-8-mib-750000-vaerdier", tk._med_json(k, t=_tilfaeldig_json(8 << 20, 750_000))),
        ("pdf-12-stroemme-af-8-mib", tk._med_pdf(k, _pdf_med_stroemme(12, (8 << 20) - 1))),
        ("pdf-2000-stroemme-af-64-kib", tk._med_pdf(k, _pdf_med_stroemme(2000, 64 << 10))),
        ("xlsx-400-ark", tk._med_xlsx(k, _xlsx_med_ark(400))),
    ]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kun", nargs="*")
    args = ap.parse_args()
    g = eksempel(1)
    u = signering.lav_noegle(g.driftsherre.navn, g.driftsherre.cvr, gyldig_fra=TID - timedelta(days=1))
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        indmelding.lav_indmelding(g, tjeneste.beregn(g), u, d / "aegte.indmelding", tid=TID)
        k = tk.Kilde(ff.medlemmer(d / "aegte.indmelding"), u)
        tillid = d / "tillid.pem"
        tillid.write_text(u.fingeraftryk + "\n")
        inputs: list[tuple[str, bytes]] = [("aegte-eksempel-1", (d / "aegte.indmelding").read_bytes())]
        inputs += [(f"korpus:{n}", lav(k)) for n, lav, _ in tk.KORPUS]
        inputs += tunge(k)
        from bench.bench_export import uden_fejl
        from bench.generer import generer_stor_driftsherre
        from takstberegner.formats.takstgrundlag import laes_dict

        gs = laes_dict(generer_stor_driftsherre(seed=1))
        gs, bs = uden_fejl(gs, tjeneste.beregn(gs))
        us = signering.lav_noegle(gs.driftsherre.navn, gs.driftsherre.cvr, gyldig_fra=TID - timedelta(days=1))
        indmelding.lav_indmelding(gs, bs, us, d / "stor.indmelding", tid=TID)
        tillid.write_text(u.fingeraftryk + "\n" + us.fingeraftryk + "\n")
        inputs.append(("aegte-stor-driftsherre", (d / "stor.indmelding").read_bytes()))
        if args.kun:
            inputs = [(n, b) for n, b in inputs if any(k_ in n for k_ in args.kun)]

        env = dict(os.environ, PYTHONPATH=str(ROD / "desktop"))
        grund = subprocess.run([sys.executable, "-c", GRUNDLINJE], capture_output=True, text=True, env=env)
        print(f"grundlinje (importerede moduler): {grund.stdout.strip()} MB")
        print(f"{'input':44} {'fil':>9} {'resultat':9} {'tid s':>6} {'top MB':>7}  første grund")
        vaerst, fejl = 0, []
        for navn, data in inputs:
            sti = d / "x.indmelding"
            sti.write_bytes(data)
            p = subprocess.run([sys.executable, "-c", BARN, str(sti), str(tillid), TID.isoformat()],
                               capture_output=True, text=True, env=env)
            if p.returncode != 0 or not p.stdout.strip():
                fejl.append(navn)
                print(f"{navn:44} FEJL {p.stderr.strip()[-300:]}")
                continue
            status, sek, mb, *grund_ = p.stdout.split()
            vaerst = max(vaerst, int(mb))
            forventet = "GODKENDT" if navn.startswith("aegte") else "AFVIST"
            if status != forventet or int(mb) > GRAENSE_MB:
                fejl.append(navn)
            print(f"{navn[:44]:44} {len(data) / 1e6:8.1f}M {status:9} {float(sek):6.2f} {mb:>7}  "
                  f"{' '.join(grund_).replace(chr(160), ' ')}")
        print(f"\n{len(inputs)} inputs; højeste top-RSS {vaerst} MB (mål < {GRAENSE_MB} MB); "
              f"{'alle som forventet' if not fejl else 'AFVIGELSER: ' + ', '.join(fejl)}")
        sys.exit(1 if fejl else 0)


if __name__ == "__main__":
    main()
