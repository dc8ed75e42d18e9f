"""The columns of a tilbud's budget lines are kept for the other passes over the same file
(domain/linjekolonner.py). Bounded by tilbud alone (512), the cache kept the lines of every file a
process had read: the secretariat's takstbilag over many files grew by 20 MB for each rejected file of
35.000 lines (512 such tilbud: 10 GB). It now keeps at most twice a file's rows in all."""
from __future__ import annotations

from decimal import Decimal

from takstberegner.domain import linjekolonner as lk
from takstberegner.domain.graenser import MAKS_RAEKKER
from takstberegner.domain.model import Omkostningslinje


def _poster_i_cachen() -> int:
    return sum(len(poster) for poster, _ in lk._SENESTE.values())


def test_cachen_holder_hoejst_to_filers_raekker():
    linje = Omkostningslinje(kategori="personale", post="borgerrelateret_personale", beloeb=Decimal(1))
    tilbud = [tuple([linje] * 35_000) for _ in range(12)]  # twelve files' tilbud of 35.000 lines
    for linjer in tilbud:
        assert lk.linjekolonner(linjer).beloeb == [Decimal(1)] * 35_000
        assert _poster_i_cachen() <= 2 * MAKS_RAEKKER
    # the last file's columns are still shared by its passes
    assert lk.linjekolonner(tilbud[-1]) is lk.linjekolonner(tilbud[-1])


def test_en_fil_ved_graensen_deler_stadig_sine_kolonner():
    linje = Omkostningslinje(kategori="personale", post="borgerrelateret_personale", beloeb=Decimal(2))
    a, b = tuple([linje] * (MAKS_RAEKKER // 2)), tuple([linje] * (MAKS_RAEKKER // 2))
    ka, kb = lk.linjekolonner(a), lk.linjekolonner(b)
    assert lk.linjekolonner(a) is ka and lk.linjekolonner(b) is kb
