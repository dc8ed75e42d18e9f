"""Numbers no takstgrundlag needs, refused at once by every door (issue 12 item 3): int() of
1e999999999 never finished, format(x, 'f') of it writes a billion digits, and deep nesting or a
5000-digit number ended in a traceback."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from takstberegner.formats import takster as tk
from takstberegner.formats import takstgrundlag as tg
from takstberegner.formats.fejl import InputError

EKSEMPEL = Path(__file__).parents[1] / "data" / "eksempler" / "eksempel-1-bostedet-nord.takstgrundlag.json"


@pytest.mark.parametrize("fra, til, sti, ord_", [
    ('"takstaar": 2026', '"takstaar": 1e999999999', "", "urimelig eksponent"),
    ('"takstaar": 2026', '"takstaar": "1e999999999"', "takstaar", "urimeligt stor"),
    ('"beloeb": "4000000"', '"beloeb": "4E+150"', "overheadpuljer[0].beloeb", "urimeligt stor"),
    ('"beloeb": "4000000"', '"beloeb": "1E-150"', "overheadpuljer[0].beloeb", "for mange decimaler"),
    ('"takstaar": 2026', '"takstaar": 12345678901234567890123456789e99', "takstaar", "urimeligt stor"),
    ('"beloeb": "4000000"', '"beloeb": 1' + "0" * 5000, "", "tal med mere end 40 tegn"),
])
def test_urimelige_tal_afvises_straks(fra, til, sti, ord_):
    tekst = EKSEMPEL.read_text(encoding="utf-8")
    assert fra in tekst
    with pytest.raises(InputError, match=ord_) as e:
        tg.laes_tekst(tekst.replace(fra, til, 1))
    assert e.value.sti == sti


def test_dyb_indlejring_er_en_dansk_fejl():
    for laes in (tg.laes_tekst, tk.laes_tekst):
        with pytest.raises(InputError, match="indlejret mere end 32 niveauer"):
            laes("[" * 100_000 + "]" * 100_000)


def test_store_men_mulige_vaerdier_er_domaenets_sag():
    """1E+26 is syntax; the domain's validation reports it as a value (kerne's one validation)."""
    tekst = EKSEMPEL.read_text(encoding="utf-8").replace('"beloeb": "4000000"', '"beloeb": "1E+26"', 1)
    assert tg.laes_tekst(tekst).overheadpuljer[0].beloeb == 10 ** 26


def test_det_store_eksempel_passerer():
    d = json.loads(EKSEMPEL.read_text(encoding="utf-8"))
    assert tg.laes_tekst(json.dumps(d)).takstaar == 2026
