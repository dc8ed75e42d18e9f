"""Table models of the Overhead step: puljer, a pulje's other recipients, and how a pulje falls
on every recipient (SA 5.5.7, 9.1)."""
from __future__ import annotations

from dataclasses import replace

from takstberegner.app.models.raekker import Kolonne, RaekkeModel

NOEGLE_VALG = (("pladser", "Pladser"), ("pladsdoegn", "Pladsdøgn"), ("loensum", "Lønsum"), ("aarsvaerk", "Årsværk"),
               ("m2", "Etageareal (m²)"), ("direkte_omkostninger", "Direkte omkostninger"), ("fast", "Faste procenter"))


def _omfang_tekst(p) -> str:
    return "alle" if p.omfang is None else ", ".join(p.omfang)


def _saet_omfang(p, v: str):
    v = (v or "").strip()
    if not v or v.lower() == "alle":
        return replace(p, omfang=None)
    return replace(p, omfang=tuple(x.strip() for x in v.split(",") if x.strip()))


class PuljeModel(RaekkeModel):
    def __init__(self, parent=None):
        super().__init__((
            Kolonne("id", "Id", bredde=70),
            Kolonne("navn", "Navn", bredde=240),
            Kolonne("beloeb", "Beløb (kr.)", "tal", bredde=120),
            Kolonne("driftsandel_pct", "Driftsandel (%)", "tal", decimaler=None, bredde=110),
            Kolonne("noegle", "Fordelingsnøgle", "valg", valg=NOEGLE_VALG, bredde=150),
            Kolonne("omfang", "Tilbud (id'er eller 'alle')", hent=_omfang_tekst, saet=_saet_omfang),
        ), parent)


class ModtagerModel(RaekkeModel):
    def __init__(self, parent=None):
        super().__init__((
            Kolonne("id", "Id", bredde=80),
            Kolonne("navn", "Anden modtager", bredde=240),
            Kolonne("noegletal", "Nøgletal", "tal", decimaler=None),
        ), parent)


class FordelingModel(RaekkeModel):
    """One pulje's allocation over its recipients (from the beregning), with the total last."""

    def __init__(self, parent=None):
        super().__init__((
            Kolonne("modtager_navn", "Modtager", redigerbar=False, bredde=260),
            Kolonne("noegletal", "Nøgletal", "tal", redigerbar=False, bredde=140),
            Kolonne("beloeb", "Overhead (kr.)", "tal", redigerbar=False),
        ), parent)

    def vis_fordeling(self, fordeling) -> None:
        if fordeling is None:
            self.saet_raekker(())
            return
        from types import SimpleNamespace

        total = SimpleNamespace(modtager_navn="I alt (puljens driftsandel)", noegletal=None, beloeb=fordeling.fordelt)
        self.saet_raekker(tuple(fordeling.andele) + (total,))
