"""Every file of the malformed corpus through the installed command: `takstberegner beregn FILE`
exits 2 with a Danish message naming the field path, never a traceback. A syntax error comes from
the reader (InputError with that path); a bad value loads and is refused by the validation
(domain/validering.py), and `kontroller` lists it as an INPUT finding. The commands run
concurrently once per session to keep this fast."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path

import pytest

from takstberegner.domain.navne import FELTER, felt_tekst
from takstberegner.formats.fejl import InputError
from takstberegner.domain.validering import valider
from takstberegner.formats.regelsaet import regelsaet_for
from takstberegner.formats.takstgrundlag import laes_dict, laes_fil

MAPPE = Path(__file__).parents[1] / "data" / "malformed"
FORVENTET: dict[str, dict] = json.loads((MAPPE / "forventet_sti.json").read_text(encoding="utf-8"))
KOMMANDO = Path(sys.executable).parent / "takstberegner"
DANSK = re.compile(r"\b(er|skal|ikke|må|mangler|værdien|felt|feltet|filen|kan|bruges|findes|men|vælg|angiv|af|til)\b")
ENGELSK = re.compile(r"\b(is|must|the|expected|expecting|invalid|value|error|not)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def svar() -> dict[str, subprocess.CompletedProcess]:
    def koer(navn):
        return navn, subprocess.run([str(KOMMANDO), "beregn", str(MAPPE / navn)], check=False, capture_output=True, timeout=120)

    with ThreadPoolExecutor(max_workers=6) as pool:
        return dict(pool.map(koer, sorted(FORVENTET)))


def test_korpusset_er_stort_nok_og_har_begge_slags():
    assert len(FORVENTET) >= 25
    assert {v["af"] for v in FORVENTET.values()} == {"laeser", "valider"}


@pytest.mark.parametrize("navn", sorted(FORVENTET))
def test_beregn_afviser_med_exit_2_og_feltets_sti(svar, navn):
    sti = FORVENTET[navn]["sti"]
    r = svar[navn]
    fejl = r.stderr.decode("utf-8")
    assert r.returncode == 2, fejl
    assert r.stdout == b""
    assert "Traceback" not in fejl and "Error" not in fejl
    assert fejl.startswith("takstberegner: ") and fejl.count("\n") == 1  # one line
    if sti:
        # The place in words, never the field path (navne.felt_tekst has its own tests).
        # (A key the file has and the format does not know is quoted: it is what the file says.)
        # The tilbud, ydelser and anlæg named by their names: the loaded records', or the JSON
        # document's where a format error stops the reading.
        if FORVENTET[navn]["af"] == "valider":
            grundlag = laes_fil(MAPPE / navn)
        else:
            try:
                grundlag = json.loads((MAPPE / navn).read_text(encoding="utf-8"), parse_float=Decimal)
            except ValueError:
                grundlag = None
        # An unknown key is no field: its place is the object that holds it (the file as a whole
        # at the top, which names no place).
        sted_sti = sti.rpartition(".")[0] if navn.startswith("ukendt-felt") else sti
        assert fejl.startswith(f"takstberegner: {felt_tekst(sted_sti, grundlag)}: " if sted_sti else "takstberegner: ukendt felt ")
        assert not any(c in sti for c in ".[") or sti not in fejl
    # Danish, for the user: Danish words, none of the English of Python's exceptions.
    assert DANSK.search(fejl) and not ENGELSK.search(fejl), fejl
    if FORVENTET[navn]["af"] == "valider":
        # The document loads; the validation names the field, and the message is its finding.
        g = laes_fil(MAPPE / navn)
        fund = [f for f in valider(g, regelsaet_for(g.takstaar)) if f.felt == sti]
        assert fund and fund[0].tekst in fejl
        return
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


# The format's keys no Danish text has: with an underscore or æøå spelt in ASCII (levetid_aar, beloeb).
NOEGLER = sorted(k for k, v in FELTER.items() if "_" in k or (k != v.lower() and any(c in v.lower() for c in "æøå")))


@pytest.mark.parametrize("navn", sorted(FORVENTET))
def test_ingen_noegle_fra_formatet_i_beskeden(svar, navn):
    """A syntax error names a field by its Danish name (navne.FELTER), never by its JSON key:
    "feltet ‘Anskaffelsesværdi’ mangler", "Tilladte felter her: Id, Navn, …, Levetid"."""
    fejl = svar[navn].stderr.decode("utf-8")
    fundne = [k for k in NOEGLER if re.search(rf"(?<![\w-]){re.escape(k)}(?![\w-])", fejl)]
    assert not fundne, fejl


def test_kontroller_viser_hver_input_fejl_og_exit_1():
    r = subprocess.run([str(KOMMANDO), "kontroller", str(MAPPE / "enhed-antal-nul.json")], capture_output=True,
                       timeout=120)
    ud = r.stdout.decode("utf-8")
    assert r.returncode == 1, r.stderr.decode("utf-8")
    # The place in words, no code and no field path.
    assert "FEJL      Testtilbud › Enheder › Antal enheder: " in ud and "større end 0" in ud
    assert "INPUT" not in ud and "tilbud[0]" not in ud
    assert "Traceback" not in r.stderr.decode("utf-8")


def test_manglende_fil():
    r = subprocess.run([str(KOMMANDO), "beregn", "findes-ikke.json"], capture_output=True, timeout=60)
    assert r.returncode == 2 and "findes ikke" in r.stderr.decode("utf-8")


def test_importeret_1e30_og_enhed_uden_enheder_forgifter_ikke_filen(tmp_path):
    """Issue 9: a JSON document with "1E+30" imported into a .takst file, and a .takst file with an
    enhedstakst without enheder, gave tracebacks at every later command. Now `importer` refuses
    such a document (tests/test_tjeneste/test_intet_afvist_gemmes.py); a file that holds the value
    anyway (an older program, another writer) opens, kontroller lists the INPUT findings (exit 1)
    and beregn refuses with the field (exit 2)."""
    import os
    from dataclasses import replace

    from takstberegner.storage import TakstFil

    miljoe = dict(os.environ, TAKSTBEREGNER_DATA=str(tmp_path / "data"))
    fil = tmp_path / "stor.takst"
    TakstFil.opret(fil, laes_fil(MAPPE / "beloeb-1e30.json")).luk()
    enhed = tmp_path / "enhed.takst"
    g = laes_fil(MAPPE / "enhed-antal-nul.json")
    TakstFil.opret(enhed, replace(g, tilbud=(replace(g.tilbud[0], enheder=None),))).luk()
    for sti, sted in ((fil, "Testtilbud › Budget › linje 1 › Beløb"), (enhed, "Testtilbud › Enheder")):
        k = subprocess.run([str(KOMMANDO), "kontroller", str(sti)], capture_output=True, timeout=120, env=miljoe)
        assert k.returncode == 1 and b"Traceback" not in k.stderr
        assert f"FEJL      {sted}" in k.stdout.decode("utf-8") and "tilbud[0]" not in k.stdout.decode("utf-8")
        b = subprocess.run([str(KOMMANDO), "beregn", str(sti)], capture_output=True, timeout=120, env=miljoe)
        assert b.returncode == 2 and b.stdout == b""
        assert b.stderr.decode("utf-8").startswith(f"takstberegner: {sted}")
