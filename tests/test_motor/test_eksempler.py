"""The worked examples of ../shared/examples (copied to tests/data/eksempler) reproduce to the øre,
through the library and through the real command line."""
from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from takstberegner import tjeneste
from takstberegner.formats import takster
from takstberegner.formats.takstgrundlag import laes_fil

MAPPE = Path(__file__).parents[1] / "data" / "eksempler"
NAVNE = ["eksempel-1-bostedet-nord", "eksempel-2-overskud", "eksempel-3-nyt-tilbud"]


def sammenlign(forventet, faktisk, sti: str = "") -> list[str]:
    """Every key of the expected document, numbers exactly as Decimals; fund as a set of codes."""
    forskelle = []
    if isinstance(forventet, dict):
        if not isinstance(faktisk, dict):
            return [f"{sti}: forventet objekt, fik {faktisk!r}"]
        for k, v in forventet.items():
            if k == "fund":
                if sorted(x["kode"] for x in v) != sorted(x["kode"] for x in faktisk.get(k, [])):
                    forskelle.append(f"{sti}.fund: {v} != {faktisk.get(k)}")
            else:
                forskelle += sammenlign(v, faktisk.get(k), f"{sti}.{k}")
    elif isinstance(forventet, list):
        if not isinstance(faktisk, list) or len(faktisk) != len(forventet):
            return [f"{sti}: længde {len(forventet)} != {faktisk!r}"]
        for i, (a, b) in enumerate(zip(forventet, faktisk)):
            forskelle += sammenlign(a, b, f"{sti}[{i}]")
    elif forventet is None:
        if faktisk is not None:
            forskelle.append(f"{sti}: forventet null, fik {faktisk!r}")
    elif isinstance(forventet, str) and not _tal(forventet):
        if forventet != faktisk:
            forskelle.append(f"{sti}: {forventet!r} != {faktisk!r}")
    elif faktisk is None or Decimal(str(forventet)) != Decimal(str(faktisk)):
        forskelle.append(f"{sti}: {forventet!r} != {faktisk!r}")
    return forskelle


def _tal(s: str) -> bool:
    try:
        Decimal(s)
        return True
    except ArithmeticError:
        return False


@pytest.mark.parametrize("navn", NAVNE)
def test_eksempel_gennem_biblioteket(navn):
    forventet = json.loads((MAPPE / f"{navn}.forventet.json").read_text(encoding="utf-8"))
    faktisk = takster.skriv_dict(tjeneste.beregn(laes_fil(MAPPE / f"{navn}.takstgrundlag.json")))
    assert sammenlign(forventet, faktisk) == []


@pytest.mark.parametrize("navn", NAVNE)
def test_eksempel_gennem_kommandolinjen(navn, tmp_path):
    kilde = MAPPE / f"{navn}.takstgrundlag.json"
    forventet = json.loads((MAPPE / f"{navn}.forventet.json").read_text(encoding="utf-8"))
    r = subprocess.run([sys.executable, "-m", "takstberegner", "beregn", str(kilde)], capture_output=True, timeout=60)
    assert r.returncode == 0, r.stderr.decode("utf-8")
    assert sammenlign(forventet, json.loads(r.stdout.decode("utf-8"))) == []
    ud = tmp_path / "takster.json"
    r = subprocess.run([sys.executable, "-m", "takstberegner", "beregn", str(kilde), "-o", str(ud)],
                       capture_output=True, timeout=60)
    assert r.returncode == 0 and r.stdout == b""
    assert sammenlign(forventet, json.loads(ud.read_text(encoding="utf-8"))) == []


def test_takster_dokumentet_har_formatets_form():
    d = takster.skriv_dict(tjeneste.beregn(laes_fil(MAPPE / "eksempel-1-bostedet-nord.takstgrundlag.json")))
    t = d["tilbud"][0]
    assert d["format"] == "takster/1" and len(d["grundlag_sha256"]) == 64
    for k in ("omkostningsgrundlag", "takstgrundlag", "regulering", "overhead"):
        assert len(t[k].split(".")[1]) == 2  # exactly two decimals
    tk = t["takster"][0]
    assert tk["takst_kr"] == "1665" and "." not in tk["takst_kr"]
    assert list(tk["pr_kategori"]) == ["personale", "aktivitet", "administration", "kompetenceudvikling",
                                       "ejendom", "kapital", "finansieringsindtaegter", "finansieringsudgifter",
                                       "regulering_og_indtaegter"]
    assert sum(Decimal(v) for v in tk["pr_kategori"].values()) == Decimal(tk["takst"])


def test_kontroller_exit_0_uden_fejl_og_1_med_fejl(tmp_path):
    kilde = MAPPE / "eksempel-1-bostedet-nord.takstgrundlag.json"
    r = subprocess.run([sys.executable, "-m", "takstberegner", "kontroller", str(kilde)], capture_output=True,
                       timeout=60)
    ud = r.stdout.decode("utf-8")
    assert r.returncode == 0 and "HENS-UDLOEB" in ud and "0 fejl, 1 advarsel." in ud
    d = json.loads(kilde.read_text(encoding="utf-8"))
    d["tilbud"][0]["pladser"] = 14  # changed from last year's 12 without a bemærkning
    d["tilbud"][0]["ydelser"][0]["pladser"] = 8
    (tmp_path / "g.json").write_text(json.dumps(d), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "takstberegner", "kontroller", str(tmp_path / "g.json")],
                       capture_output=True, timeout=60)
    ud = r.stdout.decode("utf-8")
    assert r.returncode == 1
    assert "FEJL" in ud and "PLADSER-AENDRET" in ud and "Antallet af pladser er ændret fra 12 til 14" in ud
