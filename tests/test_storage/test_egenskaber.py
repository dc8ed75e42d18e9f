"""Property test: any takstgrundlag the model can hold, valid or not, comes back from a .takst file
unchanged (the strategy is shared with the engine's and the app's never-raises properties)."""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from . import modeller
from takstberegner.storage import TakstFil, laes_grundlag


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(modeller.grundlag)
def test_alt_modellen_kan_holde_kommer_uaendret_tilbage(g):
    with tempfile.TemporaryDirectory() as d:
        fil = Path(d) / "x.takst"
        TakstFil.opret(fil, g).luk()
        igen = laes_grundlag(fil)
        assert igen == g
        assert [[str(x.beloeb) for x in t.omkostninger] for t in igen.tilbud] == \
            [[str(x.beloeb) for x in t.omkostninger] for t in g.tilbud]
