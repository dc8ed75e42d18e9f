"""Fixtures for the command-line tests."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

KOMMANDO = Path(sys.executable).parent / "takstberegner"
EKSEMPEL_1 = Path(__file__).parents[1] / "data" / "eksempler" / "eksempel-1-bostedet-nord.takstgrundlag.json"


@pytest.fixture(scope="module")
def skabelon(tmp_path_factory) -> Path:
    """a.takst, b.takst, g.json, kode.txt, k.p12 + k.pem and i.indmelding, made by the command; a test
    copies the folder and works in the copy."""
    m = tmp_path_factory.mktemp("skabelon") / "filer"
    m.mkdir()
    shutil.copyfile(EKSEMPEL_1, m / "g.json")
    (m / "kode.txt").write_text("Rødgrød med fløde\n", encoding="utf-8")
    env = {**os.environ, "TAKSTBEREGNER_DATA": str(m.parent / "data"), "XDG_CONFIG_HOME": str(m.parent / "config")}
    for args in (("importer", "g.json", "--til", "a.takst"), ("importer", "g.json", "--til", "b.takst"),
                 ("noegle", "g.json", "--kodeord-fil", "kode.txt", "-o", "k.p12", "--cert-ud", "k.pem"),
                 ("indmeld", "a.takst", "--cert", "k.p12", "--kodeord-fil", "kode.txt", "-o", "i.indmelding")):
        r = subprocess.run([str(KOMMANDO), *args], cwd=m, check=False, capture_output=True, timeout=120, env=env)
        assert r.returncode == 0, r.stderr.decode("utf-8")
    return m
