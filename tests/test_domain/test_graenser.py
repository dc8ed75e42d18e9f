"""The limits of a takstgrundlag (domain/graenser.py): one definition, which the .takst reader and
the validation both hold, so the JSON door, the signed indmelding and the app refuse what the
takst file refuses; the engine computes nothing of a takstgrundlag beyond them (2.000 overheadpuljer
× 2.000 tilbud took 18 s and 1 GB in the overhead allocation before)."""
from __future__ import annotations

import dataclasses
import time

import pytest

from takstberegner import tjeneste
from takstberegner.cli import main
from takstberegner.domain import graenser, validering
from takstberegner.formats.regelsaet import regelsaet_for
from takstberegner.formats.takstgrundlag import laes_dict
from takstberegner.storage import kontrol

from .hjaelp import dokument, stor_dokument, tilbud


def test_takstfilen_og_domaenet_har_samme_graenser():
    assert kontrol.MAKS_RAEKKER is graenser.MAKS_RAEKKER
    assert kontrol.MAKS_ANTAL == {"tilbud": (graenser.MAKS_TILBUD, "tilbud"),
                                  "overheadpulje": (graenser.MAKS_PULJER, "overheadpuljer")}


def _mange_linjer():
    g = laes_dict(dokument())
    t = g.tilbud[0]
    return dataclasses.replace(g, tilbud=(dataclasses.replace(t, omkostninger=t.omkostninger * 100_000),))


@pytest.mark.parametrize("lav, felt, tekst", [
    (lambda: laes_dict(stor_dokument(1_001, 0)), "tilbud", "Takstgrundlaget har 1.001 tilbud; en driftsherre kan højst have 1.000"),
    (lambda: laes_dict(stor_dokument(1, 1_001)), "overheadpuljer", "Takstgrundlaget har 1.001 overheadpuljer; højst 1.000"),
    (lambda: laes_dict(stor_dokument(1_000, 101)), "overheadpuljer", "fordeles i 101.000 andele i alt"),
    (_mange_linjer, "", "Takstgrundlaget har 100.004 poster i alt"),
], ids=["tilbud", "puljer", "fordelinger", "poster"])
def test_over_graenserne_kun_fundet_og_ingen_takster(lav, felt, tekst):
    g = lav()
    rs = regelsaet_for(g.takstaar)
    fund = validering.valider(g, rs)
    assert [(f.kode, f.niveau, f.felt) for f in fund] == [("INPUT", "fejl", felt)]
    assert tekst in fund[0].tekst and fund[0].tekst.endswith(".")
    b = tjeneste.beregn(g)
    assert [f.tekst for f in b.fund] == [fund[0].tekst]
    assert b.overhead == () and all(not t.takster and not t.fund for t in b.tilbud)
    assert len(b.tilbud) == len(g.tilbud)
    with pytest.raises(tjeneste.beregning.InputError) as e:  # beregn, importer: refused with the reason
        tjeneste.kraev_gyldigt(b, g)
    assert tekst in str(e.value)


def test_lige_paa_graenserne_beregnes():
    g = laes_dict(stor_dokument(1_000, 100))  # 100.000 allocations
    assert validering.valider_graenser(g, regelsaet_for(g.takstaar)) == []
    b = tjeneste.beregn(g)
    assert len(b.overhead) == 100 and all(t.takster for t in b.tilbud)


def test_2000_puljer_gange_2000_tilbud_afvises_hurtigt(tmp_path, capsys):
    """`beregn` of the 2.000 × 2.000 document: a Danish reason at once (before: 16 s, 1 GB, and takster)."""
    import json

    p = tmp_path / "stor.json"
    p.write_text(json.dumps(stor_dokument(2_000, 2_000)), encoding="utf-8")
    t0 = time.process_time()
    assert main(["beregn", str(p), "-o", str(tmp_path / "ud.json")]) == 2
    assert time.process_time() - t0 < 5
    err = capsys.readouterr().err
    assert "Takstgrundlaget har 2.000 tilbud; en driftsherre kan højst have 1.000 i én fil." in err
    assert "Traceback" not in err and not (tmp_path / "ud.json").exists()
