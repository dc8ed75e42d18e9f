"""Bad input gets a Danish message naming the field path and value (finding INPUT), never a
traceback: the command line exits 2, and the reader raises InputError with that path."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from takstberegner.formats.fejl import InputError
from takstberegner.formats.takstgrundlag import laes_fil

MAPPE = Path(__file__).parents[1] / "data" / "malformed"
FORVENTET: dict[str, str] = json.loads((MAPPE / "forventet_sti.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("navn", sorted(FORVENTET))
def test_laeseren_afviser_med_feltets_sti(navn):
    with pytest.raises(InputError) as e:
        laes_fil(MAPPE / navn)
    assert e.value.sti == FORVENTET[navn]
    assert len(e.value.besked) > 15 and "Error" not in e.value.besked  # a sentence, not an exception name
    assert str(e.value) == (f"{e.value.sti}: {e.value.besked}" if e.value.sti else e.value.besked)


def test_korpusset_er_stort_nok():
    assert len(FORVENTET) >= 25


@pytest.mark.parametrize("navn", sorted(FORVENTET)[:12])
def test_kommandolinjen_exit_2_med_dansk_besked(navn):
    r = subprocess.run([sys.executable, "-m", "takstberegner", "beregn", str(MAPPE / navn)],
                       capture_output=True, timeout=60)
    fejl = r.stderr.decode("utf-8")
    assert r.returncode == 2 and r.stdout == b""
    assert "Traceback" not in fejl and fejl.startswith("takstberegner: ")
    assert FORVENTET[navn] in fejl


def test_beskeden_naevner_vaerdien():
    with pytest.raises(InputError) as e:
        laes_fil(MAPPE / "negative-pladser.json")
    assert "-3" in str(e.value) and "pladser" in str(e.value)
    with pytest.raises(InputError) as e:
        laes_fil(MAPPE / "beloeb-med-komma.json")
    assert "'6.500.000,00'" in str(e.value) and "punktum" in str(e.value)


def test_tom_fil():
    with pytest.raises(InputError, match="filen er tom"):
        laes_fil(MAPPE / "tom.json")


def test_manglende_fil():
    r = subprocess.run([sys.executable, "-m", "takstberegner", "beregn", "findes-ikke.json"],
                       capture_output=True, timeout=60)
    assert r.returncode == 2 and "findes ikke" in r.stderr.decode("utf-8")
