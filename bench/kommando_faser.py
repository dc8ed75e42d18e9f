"""The work of `takstberegner beregn` in one process, phase by phase, for bench_kommando.py
--instruktioner: each phase ends with a call of getppid, where callgrind (--dump-before=getppid)
writes the instructions counted since the last one. Imports nothing before the first phase.
Run: valgrind --tool=callgrind --dump-before=getppid python bench/kommando_faser.py GRUNDLAG.json
"""
import os
import sys


def main(fil: str) -> None:
    marker = os.getppid
    marker()  # python has started
    import gc

    from takstberegner import cli  # noqa: F401  (what the command imports before it works)

    gc.disable()  # as the command, while it imports its modules, reads and computes
    from takstberegner import tjeneste
    from takstberegner.domain.beregning import Beregner
    from takstberegner.formats import takster
    from takstberegner.formats.regelsaet import regelsaet_for
    marker()  # imports
    g = tjeneste.laes_grundlag(fil)
    marker()  # read
    sha = tjeneste.Beregningstjeneste().sha256(g)
    marker()  # fingerprint
    rs = regelsaet_for(g.takstaar)
    Beregner(rs).valider(g)
    marker()  # validation
    b = Beregner(rs).beregn(g, grundlag_sha256=sha)
    marker()  # full recompute with validation
    takster.skriv_tekst(b)
    marker()  # takster written; what follows is the interpreter's exit


if __name__ == "__main__":
    main(sys.argv[1])
