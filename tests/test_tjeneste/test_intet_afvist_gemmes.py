"""Nothing the one validation refuses is saved as a new file (issue 9 items 1 and 6; DESIGN.md
Habits 5): `importer` of a takstgrundlag/1 document with any INPUT finding is refused with a Danish
message naming every refused value by its place in words, no file is created, and the command
exits 2. A .takst file that already holds bad values still opens and shows them."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from takstberegner.domain import navne
from takstberegner.formats import takstgrundlag as tg
from takstberegner.storage import TakstFil
from takstberegner.tjeneste import dokumenter
from takstberegner.tjeneste.beregning import UgyldigtGrundlag

MAPPE = Path(__file__).parents[1] / "data" / "malformed"
FORVENTET: dict[str, dict] = json.loads((MAPPE / "forventet_sti.json").read_text(encoding="utf-8"))
AFVISTE = sorted(n for n, v in FORVENTET.items() if v["af"] == "valider")
KOMMANDO = Path(sys.executable).parent / "takstberegner"
STI = re.compile(r"\w+\[\d+\]|\b(tilbud|omkostninger|beloeb|anlaeg|satser|driftsherre)\.\w")


@pytest.mark.parametrize("navn", AFVISTE)
def test_dokument_med_input_fund_importeres_ikke(navn, tmp_path, monkeypatch):
    monkeypatch.setenv("TAKSTBEREGNER_DATA", str(tmp_path / "data"))
    maal = tmp_path / "ny.takst"
    with pytest.raises(UgyldigtGrundlag) as e:
        dokumenter.importer(MAPPE / navn, maal)
    assert not maal.exists() and sorted(os.listdir(tmp_path)) in ([], ["data"])
    besked = e.value.besked
    assert besked.startswith(f"{navn} kan ikke importeres, fordi ") and besked.endswith("Intet er gemt.")
    g = tg.laes_fil(MAPPE / navn)
    assert navne.felt_tekst(FORVENTET[navn]["sti"], g) in besked
    assert not STI.search(besked), besked  # places in words, never field paths
    assert len(besked.splitlines()) == min(len(e.value.fund), 10) + 2 + (len(e.value.fund) > 10)


def test_kommandoen_afviser_med_kode_2_og_opretter_intet(tmp_path):
    miljoe = dict(os.environ, TAKSTBEREGNER_DATA=str(tmp_path / "data"))
    maal = tmp_path / "stor.takst"
    r = subprocess.run([str(KOMMANDO), "importer", str(MAPPE / "beloeb-1e30.json"), "--til", str(maal)],
                       capture_output=True, timeout=120, env=miljoe)
    fejl = r.stderr.decode("utf-8")
    assert r.returncode == 2 and not maal.exists(), fejl
    assert fejl.startswith("takstberegner: beloeb-1e30.json kan ikke importeres, fordi en værdi ikke kan bruges:")
    assert "Budget › linje 1 › Beløb" in fejl and "Traceback" not in fejl and not STI.search(fejl)
    # An existing file is not touched either.
    TakstFil.opret(maal, tg.laes_fil(sorted((MAPPE.parent / "eksempler").glob("*.takstgrundlag.json"))[0])).luk()
    foer = maal.read_bytes()
    r = subprocess.run([str(KOMMANDO), "importer", str(MAPPE / "cvr-bogstaver.json"), "--til", str(maal)],
                       capture_output=True, timeout=120, env=miljoe)
    assert r.returncode == 2 and maal.read_bytes() == foer and "CVR" in r.stderr.decode("utf-8")


def test_gyldigt_dokument_importeres_stadig(tmp_path, monkeypatch):
    monkeypatch.setenv("TAKSTBEREGNER_DATA", str(tmp_path / "data"))
    kilde = sorted((MAPPE.parent / "eksempler").glob("*.takstgrundlag.json"))[0]
    with dokumenter.importer(kilde, tmp_path / "a.takst") as f:
        assert f.hent() == tg.laes_fil(kilde)


def test_mange_fund_naevnes_ti_og_resten_taelles(tmp_path):
    from dataclasses import replace
    from decimal import Decimal

    kilde = sorted((MAPPE.parent / "eksempler").glob("*.takstgrundlag.json"))[0]
    g = tg.laes_fil(kilde)
    t = g.tilbud[0]
    linjer = tuple(replace(x, beloeb=Decimal("1E+30")) for x in t.omkostninger * 2)
    assert len(linjer) > 10
    p = tmp_path / "mange.json"
    p.write_text(tg.skriv_tekst(replace(g, tilbud=(replace(t, omkostninger=linjer),) + g.tilbud[1:])), encoding="utf-8")
    with pytest.raises(UgyldigtGrundlag) as e:
        dokumenter.laes_import(p)
    besked = e.value.besked
    assert f"fordi {len(linjer)} værdier ikke kan bruges" in besked
    assert f"… og {len(linjer) - 10} fejl mere" in besked and len(besked.splitlines()) == 13


# ---- rul frem: this year's file with a refused value, or a next year the program cannot hold
def _med_1e30(g):
    from dataclasses import replace
    from decimal import Decimal

    t = g.tilbud[0]
    linje = replace(t.omkostninger[0], beloeb=Decimal("1E+30"))
    return replace(g, tilbud=(replace(t, omkostninger=(linje,) + t.omkostninger[1:]),) + g.tilbud[1:])


def test_rul_frem_fra_fil_med_input_fund_afvises(tmp_path):
    kilde, maal = tmp_path / "2026.takst", tmp_path / "2027.takst"
    g = tg.laes_fil(sorted((MAPPE.parent / "eksempler").glob("*.takstgrundlag.json"))[0])
    TakstFil.opret(kilde, _med_1e30(g)).luk()
    foer = kilde.read_bytes()
    miljoe = dict(os.environ, TAKSTBEREGNER_DATA=str(tmp_path / "data"))
    r = subprocess.run([str(KOMMANDO), "rul-frem", str(kilde), "--til", str(maal)], capture_output=True,
                       timeout=120, env=miljoe)
    fejl = r.stderr.decode("utf-8")
    assert r.returncode == 2 and not maal.exists() and kilde.read_bytes() == foer, fejl
    assert fejl.startswith("takstberegner: Næste takstår kan ikke laves, før takstår 2026 er rettet, fordi en "
                           "værdi ikke kan bruges:")
    assert f"{g.tilbud[0].navn} › Budget › linje 1 › Beløb" in fejl and not STI.search(fejl)


def test_rul_frem_til_et_takstaar_programmet_ikke_kan_holde_afvises(tmp_path, monkeypatch):
    from dataclasses import replace

    from takstberegner.tjeneste.rul_frem import rul_frem

    monkeypatch.setenv("TAKSTBEREGNER_DATA", str(tmp_path / "data"))
    g = tg.laes_fil(sorted((MAPPE.parent / "eksempler").glob("*.takstgrundlag.json"))[0])
    kilde, maal = tmp_path / "2100.takst", tmp_path / "2101.takst"
    TakstFil.opret(kilde, replace(g, takstaar=2100)).luk()
    with pytest.raises(UgyldigtGrundlag) as e:
        rul_frem(kilde, maal)
    assert not maal.exists()
    assert e.value.besked.startswith("Takstår 2101 kan ikke laves, fordi en værdi ikke kan bruges:\n  Takstår: ")
