"""A writer killed with SIGKILL at random moments loses nothing it reported as saved."""
from __future__ import annotations

import signal

import pytest

from takstberegner.storage import TakstFil

from . import krasj


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL")
def test_krasj_under_skrivning(tmp_path, grundlag):
    fil = tmp_path / "krasj.takst"
    TakstFil.opret(fil, grundlag).luk()
    res = krasj.koer(fil, grundlag, antal_drab=20, seed=3)
    assert res.drab == 20
    assert res.bekraeftede_skridt > 20  # the writer really did work between kills
    assert res.midt_i_skrivning > 0  # some kills landed inside a write transaction
