"""A signed indmelding whose takstgrundlag is larger than any driftsherre's (domain/graenser.py):
refused at once with the Danish reason, also from a trusted signer, and never recomputed (before,
2.000 overheadpuljer × 2.000 tilbud from a registered key took 16 s and 1 GB to verify)."""
from __future__ import annotations

import json
import time

import pytest

from takstberegner.cli import main
from takstberegner.export import verifikation
from takstberegner.export.tillid import Tillid

from test_domain.hjaelp import stor_dokument
from . import forfalskning as ff
from .conftest import TID
from .test_korpus import Kilde, _med_json


@pytest.fixture(scope="module")
def kilde(indmelding_egen, egen_noegle) -> Kilde:
    return Kilde(ff.medlemmer(indmelding_egen[0]), egen_noegle)


def test_for_stort_takstgrundlag_fra_en_betroet_afvises_hurtigt(kilde, tmp_path, capsys):
    d = stor_dokument(2_000, 2_000)  # CVR 12345678, takstår 2026: the signer's own
    sti = tmp_path / "stor.indmelding"
    sti.write_bytes(_med_json(kilde, g=json.dumps(d, ensure_ascii=False).encode("utf-8")))
    t0 = time.process_time()
    r = verifikation.verificer(sti, Tillid(fingeraftryk=frozenset({kilde.u.fingeraftryk})), nu=TID)
    assert time.process_time() - t0 < 5
    grund = ("Det medsendte takstgrundlag er for stort: Takstgrundlaget har 2.000 tilbud; en driftsherre kan "
             "højst have 1.000 i én fil.")
    assert not r.ok and any(g.startswith(grund) for g in r.grunde), r.grunde
    assert r.beregning is None and r.grundlag is None
    assert r.driftsherre == "Testkommune" and r.takstaar == 2026
    tillid = tmp_path / "tillid.pem"
    tillid.write_text(kilde.u.fingeraftryk + "\n", encoding="utf-8")
    assert main(["verificer", str(sti), "--tillid", str(tillid)]) == 1
    ud = capsys.readouterr().out
    assert grund in ud and "Resultat:       AFVIST" in ud
