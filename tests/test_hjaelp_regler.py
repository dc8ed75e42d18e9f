"""The help's 'Reglerne i korte ord' say what the engine does (resources/hjaelp, shown by Hjælp →
Vejledning): a user who follows the guide must not meet another level of finding than it promises."""
from __future__ import annotations

from takstberegner.paths import resource


def _kapitel(navn: str) -> str:
    return " ".join((resource("hjaelp") / navn).read_text(encoding="utf-8").split())


def test_belaegning_under_90_er_en_fejl_ogsaa_med_begrundelse(beregn_tilbud):
    """SA 5.2: 90 % is 'den minimale' belægning for korte forløb, akut- and aflastningstilbud
    (SPEC §5 BEL-UNDER-90: fejl), unlike the 95 % that 'forventes' and that a begrundelse makes a
    warning. The guide said of both: 'Under grænsen skal du skrive en begrundelse; uden den er det
    en fejl, med den er det en advarsel'."""
    r = beregn_tilbud(korte_forloeb=True, belaegning={"metode": "forventet", "pct": "85", "begrundelse": "Akut"})
    assert [(f.kode, f.niveau) for f in r.fund] == [("BEL-UNDER-90", "fejl")]
    r = beregn_tilbud(belaegning={"metode": "forventet", "pct": "93", "begrundelse": "Venteliste"})
    assert [(f.kode, f.niveau) for f in r.fund] == [("BEL-UNDER-95", "advarsel")]
    tekst = _kapitel("05-belaegning.md")
    assert "Under 95 % skal du skrive en **begrundelse**; uden den er det en fejl, med den er det en advarsel" in tekst
    assert "Under 90 % er det en fejl, også med en begrundelse." in tekst
    assert "Under grænsen skal du skrive" not in tekst
