"""Every file of the malformed corpus through the installed command: `takstberegner beregn FILE`
exits 2 with a Danish message naming the field path, never a traceback, and the reader raises an
InputError with that path. The commands run concurrently once per session to keep this fast."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path

import pytest
from takstberegner.formats.fejl import InputError
from takstberegner.formats.takstgrundlag import laes_dict, laes_fil

MAPPE = Path(__file__).parents[1] / "data" / "malformed"
FORVENTET: dict[str, str] = json.loads((MAPPE / "forventet_sti.json").read_text(encoding="utf-8"))
KOMMANDO = Path(sys.executable).parent / "takstberegner"
DANSK = re.compile(r"\b(er|skal|ikke|må|mangler|værdien|felt|feltet|filen|kan|bruges|findes|men|vælg|angiv|af|til)\b")
ENGELSK = re.compile(r"\b(is|must|the|expected|expecting|invalid|value|error|not)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def svar() -> dict[str, subprocess.CompletedProcess]:
    def koer(navn):
        return navn, subprocess.run([str(KOMMANDO), "beregn", str(MAPPE / navn)], check=False, capture_output=True, timeout=120)

    with ThreadPoolExecutor(max_workers=6) as pool:
        return dict(pool.map(koer, sorted(FORVENTET)))


@pytest.mark.parametrize("navn", sorted(FORVENTET))
def test_beregn_afviser_med_exit_2_og_feltets_sti(svar, navn):
    sti = FORVENTET[navn]
    r = svar[navn]
    fejl = r.stderr.decode("utf-8")
    assert r.returncode == 2, fejl
    assert r.stdout == b""
    assert "Traceback" not in fejl and "Error" not in fejl
    assert fejl.startswith("takstberegner: ") and fejl.count("\n") == 1  # one line
    if sti:
        assert fejl.startswith(f"takstberegner: {sti}: ")
    # Danish, for the user: Danish words, none of the English of Python's exceptions.
    assert DANSK.search(fejl) and not ENGELSK.search(fejl), fejl
    # The reader says the same.
    with pytest.raises(InputError) as e:
        laes_fil(MAPPE / navn)
    assert e.value.sti == sti and e.value.besked in fejl
    try:
        d = json.loads((MAPPE / navn).read_text(encoding="utf-8"), parse_float=Decimal)
    except (ValueError, UnicodeDecodeError):
        return  # not a JSON document at all: only the file reader applies
    with pytest.raises(InputError) as e:
        laes_dict(d)
    assert e.value.sti == sti
