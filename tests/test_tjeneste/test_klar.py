"""A tilbud's status as the overview, the side panel and Bemærkninger show it (tjeneste/klar):
the status in words and in a few words for the overview's narrow Status column, made in one
place from what blocks the indmelding, so the two never say different things."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from takstberegner.domain import model as m
from takstberegner.domain.beregning import beregn
from takstberegner.formats.regelsaet import regelsaet_for
from takstberegner.formats.takstgrundlag import laes_fil
from takstberegner.tjeneste import klar

EKSEMPEL_1 = Path(__file__).parents[1] / "data" / "eksempler" / "eksempel-1-bostedet-nord.takstgrundlag.json"


def _status(g: m.Takstgrundlag) -> klar.Status:
    b = beregn(g, regelsaet_for(g.takstaar))
    t = g.tilbud[0]
    return klar.tilbud_status(0, t, b.tilbud_resultat(t.id))


def test_klar_tilbud():
    assert _status(laes_fil(EKSEMPEL_1)) == klar.Status("Klar til indmelding", True, "Klar")


def test_negativ_takst_over_tusind_kroner_vises_hel():
    """The status was the text cut at its first '.', so a takst of -1.234,56 kr. read 'Taksten for
    Niveau 1 er -1', and a ydelse named 'Afd. Nord' cut it after 'Afd'."""
    g = laes_fil(EKSEMPEL_1)
    t = g.tilbud[0]
    t = replace(t, ydelser=(replace(t.ydelser[0], navn="Afd. Nord"), *t.ydelser[1:]),
                oevrige_indtaegter=(*t.oevrige_indtaegter,
                                    m.OevrigIndtaegt(post="Tilskud", beloeb=Decimal("100000000"))))
    s = _status(replace(g, tilbud=(t, *g.tilbud[1:])))
    assert not s.ok
    assert s.tekst.startswith("Taksten for Afd. Nord er -") and s.tekst.endswith(" kr.")
    assert "." in s.tekst.split(" er -")[1][:-4]  # the thousands separator is kept: the whole amount
    assert s.kort == "Takst 0 kr. eller under"


def test_tomt_budget():
    g = laes_fil(EKSEMPEL_1)
    t = replace(g.tilbud[0], omkostninger=())
    s = _status(replace(g, tilbud=(t, *g.tilbud[1:])))
    assert s == klar.Status("Budgettet er tomt", False, "Tomt budget")
