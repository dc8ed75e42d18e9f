"""Crash test harness: a writer process applies changes and reports each saved one; the parent
kills it with SIGKILL at random moments and checks that the file is intact and holds every change
reported as saved. Used by test_krasj.py (a few kills) and bench/bench_crash.py (hundreds).

Run as a script, it is the writer: `python krasj.py FIL START` applies step START, START+1, ...
and prints "gemt N" (N = steps on disk) after each `anvend` has returned.
"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from pathlib import Path


def skridt(i: int, g):
    """The i'th change (deterministic from i and the state before it)."""
    from takstberegner.domain import aendringer as ae
    from takstberegner.domain import model as m

    t = g.tilbud[0]
    n = len(t.omkostninger)
    linje = m.Omkostningslinje(kategori="aktivitet", post=f"k{i}", beloeb=Decimal(f"{i}.01"), tekst=f"skridt {i}")
    k = i % 8
    if k == 0 or (k in (2, 4) and n < 4):
        return ae.TilfoejElement(t.id, "omkostninger", linje)
    if k == 1:
        return ae.TilfoejElement(t.id, "omkostninger", linje, 0)
    if k == 2:
        return ae.OpdaterElement(t.id, "omkostninger", i % n, linje)
    if k == 3:
        return ae.OpdaterTilbud.af(t.id, pladser=i % 50 + 1, bemaerkninger=f"skridt {i}")
    if k == 4:
        return ae.SletElement(t.id, "omkostninger", (i * 7) % n)
    if k == 5:
        if len(t.anlaeg) > 3:
            return ae.SletElement(t.id, "anlaeg", 0)
        return ae.TilfoejElement(t.id, "anlaeg", m.Anlaeg(id=f"A{i}", navn="Inventar", type="inventar",
                                                          anskaffelsesvaerdi=Decimal(i), ibrugtagning=date(2024, 1, 1),
                                                          levetid_aar=5), 0)
    if k == 6:  # a change touching many rows and tables
        if len(g.tilbud) > 2:
            return ae.SletTilbud(g.tilbud[-1].id)
        return ae.TilfoejTilbud(replace(t, id=f"K{i}", navn=f"Kopi {i}"))
    return ae.SaetSatser(replace(g.satser, rente_anlaeg_pct=Decimal(f"3.{i}")))


def skriver(fil: str, start: int) -> None:
    from takstberegner.storage import TakstFil

    f = TakstFil.aabn(Path(fil))
    i = start
    while True:
        f.anvend(skridt(i, f.hent()))
        i += 1
        print(f"gemt {i}", flush=True)


@dataclass
class Resultat:
    drab: int = 0
    bekraeftede_skridt: int = 0
    uafsluttet_med: int = 0  # kills where the change in flight turned out committed
    midt_i_skrivning: int = 0  # kills that left a journal behind (killed inside a transaction)
    laes_afvist: int = 0  # read-only reads (beregn) refused because the hot journal needs a rollback
    fejl: list | None = None


def koer(fil: Path, grundlag, antal_drab: int, seed: int = 1, log=None) -> Resultat:
    """Kill the writer `antal_drab` times; assert after each kill. Returns counts for reporting."""
    from takstberegner.domain import aendringer as ae
    from takstberegner.storage import LagerFejl, TakstFil, laes_grundlag

    rnd = random.Random(seed)
    tilstande = [grundlag]

    def tilstand(n: int):
        while len(tilstande) <= n:
            g = tilstande[-1]
            tilstande.append(ae.anvend(g, skridt(len(tilstande) - 1, g)))
        return tilstande[n]

    res = Resultat(fejl=[])
    c = 0
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    for d in range(antal_drab):
        p = subprocess.Popen([sys.executable, __file__, str(fil), str(c)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env)
        sidst = c
        if rnd.random() < 0.2:
            time.sleep(rnd.uniform(0.0, 0.6))  # anywhere, also while opening / recovering
        else:
            maal = c + rnd.randint(1, 12)
            for line in p.stdout:
                sidst = int(line.split()[1])
                if sidst >= maal:
                    break
            time.sleep(rnd.uniform(0, 0.004))
        os.kill(p.pid, signal.SIGKILL)
        # The rest through the same buffered readers: communicate() reads the pipes' descriptors and
        # would lose lines the loop above had read ahead into p.stdout's buffer, so that under load a
        # step reported saved went uncounted and the file looked a step ahead of itself.
        ud, fejl = p.stdout.read(), p.stderr.read()
        p.wait()
        for line in ud.splitlines():
            sidst = int(line.split()[1])
        if p.returncode != -signal.SIGKILL:
            raise AssertionError(f"skriveren døde selv ({p.returncode}): {fejl}")
        res.drab += 1
        journal = fil.with_name(fil.name + "-journal")
        if journal.exists() and journal.stat().st_size > 0:
            res.midt_i_skrivning += 1
        try:  # the read-only path (`beregn FIL.takst`) must never see a half-written state
            laest = laes_grundlag(fil)
        except LagerFejl as e:
            assert "blev ikke gemt færdig" in e.besked, e.besked
            res.laes_afvist += 1
            laest = None
        if laest is not None and laest not in (tilstand(sidst), tilstand(sidst + 1)):
            raise AssertionError(f"drab {d}: laes_grundlag så en halvt skrevet tilstand")
        with TakstFil.aabn(fil) as f:
            assert f._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            paa_disk = f.hent()
        if paa_disk == tilstand(sidst):
            c = sidst
        elif paa_disk == tilstand(sidst + 1):
            c = sidst + 1
            res.uafsluttet_med += 1
        else:
            raise AssertionError(f"drab {d}: filen svarer hverken til skridt {sidst} eller {sidst + 1}")
        if log:
            log(f"drab {d + 1}: {sidst} meldt gemt, {c} på disk")
    res.bekraeftede_skridt = c
    return res


if __name__ == "__main__":
    skriver(sys.argv[1], int(sys.argv[2]))
