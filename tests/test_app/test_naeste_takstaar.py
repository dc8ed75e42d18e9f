"""Preparing next year's takster before the next Styringsaftale is shipped: the app computes under
the latest regelsæt, shows the REGELSAET-AAR warning, and clicking it opens the driftsherre step."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from takstberegner.formats.takstgrundlag import laes_fil
from takstberegner.storage.repository import TakstFil

EKSEMPEL = Path(__file__).parents[1] / "data" / "eksempler" / "eksempel-2-overskud.takstgrundlag.json"


def test_takstaar_uden_regelsaet_vises_med_advarsel(vindue, tmp_path):
    sti = tmp_path / "2027.takst"
    TakstFil.opret(sti, replace(laes_fil(EKSEMPEL), takstaar=2027)).luk()
    assert vindue.aabn_fil(sti)
    fund = [f for f in vindue.dok.beregning.fund if f.kode == "REGELSAET-AAR"]
    assert len(fund) == 1 and fund[0].niveau == "advarsel"
    assert vindue.dok.beregning.tilbud[0].takster[0].takst is not None
    assert vindue.gaa_til("takstaar")
    assert vindue.stak.currentWidget().felter[0] == "driftsherre"
