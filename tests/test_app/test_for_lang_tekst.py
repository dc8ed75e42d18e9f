"""A text past what the takst file holds (1 MB a row: SQLite's limit, which the reader keeps): a long
report pasted into Bemærkninger gave a critical message 'Ændringen kunne ikke gemmes …: en værdi i filen
er for stor … tjek at der er plads på disken', naming nothing and pointing at the disk. It is now refused
as any other edit that cannot be saved, saying which kind of value and the limit; nothing is saved."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from takstberegner.app.steps.bemaerkninger import BemaerkningerTrin
from tests.test_app.hjaelp import trin

EKSEMPEL = Path(__file__).parents[1] / "data" / "eksempler" / "eksempel-1-bostedet-nord.takstgrundlag.json"
FOR_LANG = "en tekst er for lang. Hvad der står sammen i takstfilen (fx et tilbuds navn, begrundelser og bemærkninger)"


def test_for_lang_bemaerkning_i_appen(demo_vindue, beskeder):
    v = demo_vindue
    v.vaelg_tilbud("X")
    b = trin(v, BemaerkningerTrin)
    foer = v.dok.fil.hent().tilbud[1].bemaerkninger
    b._gem("æ" * 600_000)
    assert not [x for x in beskeder if x[0] == "critical"], beskeder
    assert v.beskedlinje.tekst.text().startswith(f"Ikke gemt: {FOR_LANG}"), v.beskedlinje.tekst.text()
    assert "disken" not in v.beskedlinje.tekst.text()
    assert v.dok.grundlag.tilbud[1].bemaerkninger == foer == v.dok.fil.hent().tilbud[1].bemaerkninger
    b._gem("Kort og godt.")  # the file takes the next edit
    assert v.dok.fil.hent().tilbud[1].bemaerkninger == "Kort og godt."


def test_for_lang_bemaerkning_fra_kommandolinjen(tmp_path):
    import json

    g = json.loads(EKSEMPEL.read_text(encoding="utf-8"))
    g["tilbud"][0]["bemaerkninger"] = "æ" * 499_990  # 999.980 bytes: the tilbud's row is over 1 MB
    (tmp_path / "g.json").write_text(json.dumps(g, ensure_ascii=False), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "takstberegner", "importer", str(tmp_path / "g.json"), "--til",
                        str(tmp_path / "ny.takst")], capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and r.stderr.startswith(f"takstberegner: Filen ny.takst kan ikke oprettes: {FOR_LANG}"), r
    assert r.stderr.rstrip().endswith("Forkort teksten. Intet er gemt.") and sorted(p.name for p in tmp_path.iterdir()) == ["g.json"]
