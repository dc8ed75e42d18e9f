"""What the steps' help boxes say about a rule is what the engine does (SA 5.2)."""
from __future__ import annotations

from takstberegner.app.steps.belaegning import BelaegningTrin

from .hjaelp import trin


def test_belaegningens_hjaelp_siger_at_90_er_et_minimum(demo_vindue):
    """The box said 'En lavere belægning med en begrundelse vurderes af Den Administrative
    Styregruppe' right after '95 % (90 % for korte forløb)', as if a begrundelse also answered a
    korte forløb under 90 %; that stays a fejl (SA 5.2: 'den minimale', SPEC §5 BEL-UNDER-90)."""
    bel = trin(demo_vindue, BelaegningTrin)
    assert bel.hjaelpeboks.isVisible()
    tekst = " ".join(bel.hjaelpeboks.text().split())
    assert "En belægning under 95 % med en begrundelse vurderes af Den Administrative Styregruppe" in tekst
    assert "ved korte forløb er 90 % et minimum, også med en begrundelse" in tekst
    assert "En lavere belægning med en begrundelse" not in tekst
