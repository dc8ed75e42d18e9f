"""`kontroller`'s output, byte for byte: the places in words (navne.felt_tekst and the command's
own naming of a tilbud) and the amounts (dansk.tal) were made faster for files with 90.000
findings (bench/bench_kontroller.py), and must print exactly what they printed before. The stored
text (tests/data/kontroller/udskrift.txt) was written by the program before that change, for the
worked examples, every file of the malformed corpus and a file made here with findings of many
kinds, on budget lines, ydelser, anlæg, puljer, a kommune's and a tidsrum's key, two tilbud with one
id and names with the separator and quotes in them.

A name that cannot be shown (too long, control characters) is the exception, and the one line of
the stored text that changed: it is named by its number, as felt_tekst names it, never printed
before each of its findings (a name of 10.000 characters made 932 MB of output for 90.000
findings; the malformed corpus's name with a control character sent it to the terminal). Since
then, a message about the whole file names the file ("filen tom.json er tom; …"): four lines; and
the regelsæt's text of IKKE-TAKST-OMKOSTNING was reworded (it sent the user to a budget for
tillægsydelser that the program does not have)."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from takstberegner import cli

DATA = Path(__file__).parents[1] / "data"
FORVENTET = DATA / "kontroller" / "udskrift.txt"


def _blandet() -> dict:
    """Eksempel 1 grown into a file with findings of many kinds and places."""
    d = json.loads((DATA / "eksempler" / "eksempel-1-bostedet-nord.takstgrundlag.json").read_text("utf-8"))
    t0 = d["tilbud"][0]
    tilbud = []
    for k, navn in enumerate(("Bostedet › Nord", "Hus ‘Lærken’", "Tilbud 1", "Bostedet › Nord", "Æblehaven")):
        t = copy.deepcopy(t0)
        t["id"] = f"T{k + 1}" if k != 3 else "T1"  # the fourth shares the first one's id
        t["navn"] = navn
        for m, y in enumerate(t["ydelser"]):
            y["id"] = f"Y{k + 1}-{m + 1}"
        linjer = []
        for j in range(40):
            linje = dict(t0["omkostninger"][j % 8])
            linje["beloeb"] = f"{(j + 1) ** 3 * 1234 + k}.{j * 7 % 1000:03d}" if j % 5 else str(j * 1000 - 7)
            if j % 3 == 0:
                linje.update(kategori="aktivitet", post="tillaegsydelse" if j % 2 else "individuel_valgfri_ydelse")
                linje.pop("vagtlag", None)
                linje.pop("tjenestemand_loen", None)
            if j % 7 == 0 and k != 4:
                linje["ydelse"] = "FINDES-IKKE"
            if j == 11:
                linje["post"] = "min_egen_post"
            linjer.append(linje)
        t["omkostninger"] = linjer
        t["ydelser"][1]["stoettetimer_uge"] = "200" if k == 1 else t["ydelser"][1]["stoettetimer_uge"]
        t["anlaeg"][0]["restvaerdi"] = "99000000" if k == 2 else "0"
        t["tillaegsydelser"][0]["tidsrum"]["natten_over"] = "-5" if k != 4 else "12.5"
        t["belaegning"] = {"metode": "forventet", "pct": str(90 + k * 2.5), "begrundelse": ""}
        tilbud.append(t)
    d["tilbud"] = tilbud
    d["overheadpuljer"][0]["oevrige_modtagere"][0]["noegletal"] = "-1"
    return d


def _filer(tmp_path: Path) -> list[Path]:
    """The files the stored text was written for, by the names it heads them with (a file added
    to the malformed corpus later is not in it)."""
    blandet = tmp_path / "blandet.json"
    blandet.write_text(json.dumps(_blandet(), ensure_ascii=False), encoding="utf-8")
    navne = [linje.split()[1] for linje in FORVENTET.read_text("utf-8").splitlines() if linje.startswith("=== ")]
    mapper = (DATA / "eksempler", DATA / "malformed")
    return [blandet if n == blandet.name else next(m / n for m in mapper if (m / n).is_file()) for n in navne]


def _udskrift(tmp_path: Path, capsysbinary) -> str:
    dele = []
    for fil in _filer(tmp_path):
        kode = cli.main(["kontroller", str(fil)])
        ud = capsysbinary.readouterr()
        dele.append(f"=== {fil.name} {kode}\n{ud.out.decode('utf-8')}{ud.err.decode('utf-8')}")
    return "".join(dele)


def test_kontroller_skriver_det_samme_som_foer(tmp_path, capsysbinary, monkeypatch):
    monkeypatch.setenv("TAKSTBEREGNER_DATA", str(tmp_path / "data"))
    assert _udskrift(tmp_path, capsysbinary) == FORVENTET.read_text("utf-8")


@pytest.mark.parametrize("navn", ["x" * 10_000, "Bostedet\x07Nord"])
def test_et_navn_der_ikke_kan_vises_staar_ikke_foran_hvert_fund(tmp_path, capsysbinary, monkeypatch, navn):
    monkeypatch.setenv("TAKSTBEREGNER_DATA", str(tmp_path / "data"))
    d = _blandet()
    d["tilbud"] = d["tilbud"][:2]
    d["tilbud"][1]["navn"] = navn
    fil = tmp_path / "g.json"
    fil.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    assert cli.main(["kontroller", str(fil)]) == 1
    ud = capsysbinary.readouterr().out.decode("utf-8")
    linjer = [x for x in ud.splitlines() if "Tilbud 2" in x]
    assert len(linjer) >= 8
    assert navn not in ud
    assert all(x.split(None, 1)[1].startswith("Tilbud 2 › ") for x in linjer), linjer[:3]
    assert len(ud) < 40_000
