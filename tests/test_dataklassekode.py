"""The record classes' generated methods are compiled once and kept (takstberegner/dataklassekode.py):
a second start compiles nothing and its records behave exactly as the first start's; a damaged
file is ignored; nothing is written without bytecode writing."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.version_info[:2] != (3, 12), reason="the cache is for Python 3.12")

_PROEVE = r"""
import dataclasses, json, sys
from datetime import date
from decimal import Decimal
from takstberegner import dataklassekode
from takstberegner.domain import model as m
from takstberegner.domain.resultat import Fund

a = m.Anlaeg(id="A1", navn="Bil", type="transportmiddel", anskaffelsesvaerdi=Decimal("100.50"),
             ibrugtagning=date(2024, 3, 1), levetid_aar=5)
x = m.Omkostningslinje(kategori="personale", post="loen", beloeb=Decimal("1.5"))
try:
    a.navn = "ny"
    frosset = False
except dataclasses.FrozenInstanceError:
    frosset = True
print(json.dumps({
    "kompileret": dataklassekode.KOMPILERET[0],
    "repr": [repr(a), repr(x), repr(Fund("K", "fejl", "t", "r", "f"))],
    "lig": [a == dataclasses.replace(a), a == dataclasses.replace(a, navn="Cykel"), x == x],
    "hash": hash(a) == hash(dataclasses.replace(a)),
    "frosset": frosset,
    "annoteringer": {k: repr(v) for k, v in m.Anlaeg.__init__.__annotations__.items()},
    "modul": m.Anlaeg.__init__.__module__,
    "felter": [f.name for f in dataclasses.fields(m.Tilbud)],
}))
"""


def _koer(miljoe: dict) -> dict:
    r = subprocess.run([sys.executable, "-c", _PROEVE], env=miljoe, capture_output=True, text=True, check=True)
    return json.loads(r.stdout)


def _miljoe(tmp_path: Path, skriv: bool) -> dict:
    env = dict(os.environ)
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path / "pyc")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not skriv:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def _kodefiler(tmp_path: Path) -> list[Path]:
    return list((tmp_path / "pyc").rglob("dataklassekode.*.kode"))


def test_anden_start_kompilerer_intet_og_giver_de_samme_poster(tmp_path):
    env = _miljoe(tmp_path, skriv=True)
    foerste = _koer(env)
    assert foerste["kompileret"] > 50  # every method of every record class the model needs
    assert len(_kodefiler(tmp_path)) == 1
    anden = _koer(env)
    assert anden["kompileret"] == 0
    assert {**anden, "kompileret": 0} == {**foerste, "kompileret": 0}
    assert anden["frosset"] and anden["lig"] == [True, False, True] and anden["hash"]
    assert anden["modul"] == "takstberegner.domain.model"
    # the annotations are the fields' (model.py's strings), as with Python's own exec: with a future
    # flag passed on to the generated code they would be the names '__dataclass_type_...__'
    assert anden["annoteringer"]["id"] == repr("str") and anden["annoteringer"]["return"] == "None"
    uden = _koer(_miljoe(tmp_path / "uden", skriv=False))
    assert {**uden, "kompileret": 0} == {**foerste, "kompileret": 0}


def test_en_beskadiget_fil_ignoreres_og_skrives_paa_ny(tmp_path):
    env = _miljoe(tmp_path, skriv=True)
    _koer(env)
    (fil,) = _kodefiler(tmp_path)
    fil.write_bytes(fil.read_bytes()[:4] + b"\x00garbage")
    assert _koer(env)["kompileret"] > 50
    assert _koer(env)["kompileret"] == 0


def test_uden_bytekodeskrivning_skrives_intet(tmp_path):
    env = _miljoe(tmp_path, skriv=False)
    assert _koer(env)["kompileret"] > 50
    assert _kodefiler(tmp_path) == []
    assert _koer(env)["kompileret"] > 50
