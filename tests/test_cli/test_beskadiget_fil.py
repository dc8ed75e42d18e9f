"""A damaged .takst file through the installed command: exactly one Danish line on stderr, never
the storage's log line with Python's exception ("InvalidOperation('1e999999')", "ValueError('month
must be in 1..12')"), as reproduced by hand for issue 9."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from takstberegner.formats.takstgrundlag import laes_fil
from takstberegner.storage import TakstFil

KOMMANDO = Path(sys.executable).parent / "takstberegner"
EKSEMPEL = sorted((Path(__file__).parents[1] / "data" / "eksempler").glob("*.takstgrundlag.json"))[0]


@pytest.mark.parametrize("sql, sted", [
    ("UPDATE omkostningslinje SET beloeb = '1e999999' WHERE position = 2", "Beløb"),
    ("UPDATE anlaeg SET ibrugtagning = '2012-13-45' WHERE position = 0", "Ibrugtagning"),
    ("UPDATE omkostningslinje SET tekst = CAST(X'41FF42' AS TEXT) WHERE position = 2",
     "Budget › linje 3 › Tekst indeholder tegn, der ikke kan læses"),
    ("UPDATE omkostningslinje SET beloeb = 'NaN' WHERE position = 2", "Budget › linje 3 › Beløb indeholder 'NaN'"),
])
def test_beskadiget_fil_giver_en_dansk_linje(tmp_path, sql, sted):
    fil = tmp_path / "x.takst"
    TakstFil.opret(fil, laes_fil(EKSEMPEL)).luk()
    with sqlite3.connect(fil) as c:
        c.execute(sql)
    c.close()
    env = dict(os.environ, TAKSTBEREGNER_DATA=str(tmp_path / "data"))
    r = subprocess.run([str(KOMMANDO), "kontroller", str(fil)], capture_output=True, timeout=120, env=env)
    fejl = r.stderr.decode("utf-8")
    assert r.returncode == 2 and r.stdout == b""
    assert fejl.startswith("takstberegner: Filen x.takst er beskadiget") and sted in fejl, fejl
    assert fejl.count("\n") == 1, fejl
    assert "Error" not in fejl and "InvalidOperation" not in fejl and "must be" not in fejl
