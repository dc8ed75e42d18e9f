"""Fixtures for the storage tests: a private data folder for backups, and the worked examples."""
from __future__ import annotations

from pathlib import Path

import pytest

from takstberegner.formats import takstgrundlag as F

EKSEMPLER = Path(__file__).resolve().parents[1] / "data" / "eksempler"


@pytest.fixture(autouse=True)
def data_mappe(tmp_path, monkeypatch):
    d = tmp_path / "brugerdata"
    monkeypatch.setenv("TAKSTBEREGNER_DATA", str(d))
    return d


def eksempel(n: int = 1):
    return F.laes_fil(sorted(EKSEMPLER.glob("*.takstgrundlag.json"))[n - 1])


@pytest.fixture
def grundlag():
    return eksempel(1)
