"""The three worked examples (tests/data/eksempler, copied from shared/examples) reproduce exactly:
every key of each `.forventet.json`, through the library and through the installed command."""
from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest
from takstberegner import tjeneste
from takstberegner.formats import takster
from takstberegner.formats.takstgrundlag import laes_fil

MAPPE = Path(__file__).parents[1] / "data" / "eksempler"
NAVNE = sorted(p.name.removesuffix(".takstgrundlag.json") for p in MAPPE.glob("*.takstgrundlag.json"))
KOMMANDO = Path(sys.executable).parent / "takstberegner"  # the console script of the installed package


def _som_tal(v) -> Decimal | None:
    if isinstance(v, bool) or not isinstance(v, (str, int, float)):
        return None
    try:
        return Decimal(str(v))
    except InvalidOperation:
        return None


def forskelle(forventet, faktisk, sti: str = "") -> list[str]:
    """Every key present in `forventet`: numbers equal as Decimal, `fund` the same set of codes,
    lists the same length; keys only in `faktisk` are allowed."""
    if isinstance(forventet, dict):
        if not isinstance(faktisk, dict):
            return [f"{sti}: forventet et objekt, fik {faktisk!r}"]
        ud = []
        for k, v in forventet.items():
            if k not in faktisk:
                ud.append(f"{sti}.{k}: mangler")
            elif k == "fund":
                a = sorted({f["kode"] for f in v})
                b = sorted({f["kode"] for f in faktisk[k]})
                if a != b:
                    ud.append(f"{sti}.fund: {a} != {b}")
            else:
                ud += forskelle(v, faktisk[k], f"{sti}.{k}")
        return ud
    if isinstance(forventet, list):
        if not isinstance(faktisk, list) or len(forventet) != len(faktisk):
            return [f"{sti}: forventet en liste med {len(forventet)} elementer, fik {faktisk!r}"]
        return [x for i, (a, b) in enumerate(zip(forventet, faktisk)) for x in forskelle(a, b, f"{sti}[{i}]")]
    a, b = _som_tal(forventet), _som_tal(faktisk)
    if a is not None:
        return [] if b is not None and a == b else [f"{sti}: {forventet!r} != {faktisk!r}"]
    return [] if forventet == faktisk else [f"{sti}: {forventet!r} != {faktisk!r}"]


# The examples are v1 documents; their figures are unchanged to the øre under SPEC v2. One v2
# finding is new: example 3 marks a nyt_tilbud without its foerste_driftsaar, which SPEC v2 §2
# reads as this takstår with the warning NYT-TILBUD-AAR. Added here, not in the shared files.
V2_FUND = {"eksempel-3-nyt-tilbud": {0: ["NYT-TILBUD-AAR"]}}


def _forventet(navn: str) -> dict:
    forventet = json.loads((MAPPE / f"{navn}.forventet.json").read_text(encoding="utf-8"))
    for i, koder in V2_FUND.get(navn, {}).items():
        forventet["tilbud"][i]["fund"] = forventet["tilbud"][i]["fund"] + [{"kode": k} for k in koder]
    return forventet



def test_der_er_tre_eksempler():
    assert len(NAVNE) == 3


def test_sammenligningen_kan_fejle():
    # The comparison itself must catch a one-øre difference, a missing key and a changed fund set.
    assert forskelle({"a": "1.00"}, {"a": "1.01"}) and forskelle({"a": "1"}, {}) == [".a: mangler"]
    assert forskelle({"fund": [{"kode": "X"}]}, {"fund": []})
    assert forskelle({"l": [1, 2]}, {"l": [1]}) and not forskelle({"a": "0E+2"}, {"a": "0.00"})


@pytest.mark.parametrize("navn", NAVNE)
def test_eksempel_gennem_biblioteket(navn):
    faktisk = takster.skriv_dict(tjeneste.beregn(laes_fil(MAPPE / f"{navn}.takstgrundlag.json")))
    assert forskelle(_forventet(navn), faktisk) == []


@pytest.mark.parametrize("navn", NAVNE)
def test_eksempel_gennem_kommandoen(navn, tmp_path):
    kilde = MAPPE / f"{navn}.takstgrundlag.json"
    r = subprocess.run([str(KOMMANDO), "beregn", str(kilde)], check=False, capture_output=True, timeout=60)
    assert r.returncode == 0, r.stderr.decode("utf-8", "replace")
    assert r.stderr == b""
    ud = json.loads(r.stdout.decode("utf-8"))  # strict UTF-8: raises on anything else
    assert forskelle(_forventet(navn), ud) == []
    # -o writes the same document to a file (UTF-8, æøå unescaped) and nothing to stdout.
    fil = tmp_path / "takster.json"
    r = subprocess.run([str(KOMMANDO), "beregn", str(kilde), "-o", str(fil)], check=False, capture_output=True, timeout=60)
    assert (r.returncode, r.stdout) == (0, b"")
    raa = fil.read_bytes()
    assert json.loads(raa.decode("utf-8")) == ud
    navn_dh = json.loads(kilde.read_text(encoding="utf-8"))["driftsherre"]["navn"]
    assert navn_dh.encode("utf-8") in raa
