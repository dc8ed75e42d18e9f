"""Table models of the Overhead step: puljer, a pulje's other recipients, and how a pulje falls
on every recipient (SA 5.5.7, 9.1)."""
from __future__ import annotations

from dataclasses import replace

from takstberegner.app.models.raekker import Kolonne, RaekkeModel
from takstberegner.domain import navne

NOEGLE_VALG = (("pladser", "Pladser"), ("pladsdoegn", "Pladsdøgn"), ("loensum", "Lønsum"), ("aarsvaerk", "Årsværk"),
               ("m2", "Etageareal (m²)"), ("direkte_omkostninger", "Direkte omkostninger"), ("fast", "Faste procenter"))


# SPEC v2 §4.5: the omkostningskategori the pulje's overhead lands in, by its Danish name ("" =
# none chosen: the regelsæt's standard, administration).
KATEGORI_VALG = (("", "Standard (administration)"),) + tuple(navne.OMKOSTNINGSKATEGORIER.items())


def omfang_tekst(p, tilbud_navne: dict[str, str]) -> str:
    """Which tilbud a pulje falls on, by name: 'Alle tilbud' or 'Bostedet Nord, Tilbud X'."""
    if p.omfang is None:
        return "Alle tilbud"
    if not p.omfang:
        return "Ingen tilbud"
    return ", ".join(tilbud_navne.get(i, "(slettet tilbud)") for i in p.omfang)


class PuljeModel(RaekkeModel):
    """The puljer; the receiving tilbud are shown by name and chosen in a list (never typed ids)."""

    def __init__(self, parent=None):
        self.tilbud_navne: dict[str, str] = {}
        super().__init__((
            Kolonne("navn", "Navn", bredde=220),
            Kolonne("beloeb", "Beløb (kr.)", "tal", bredde=120),
            Kolonne("driftsandel_pct", "Driftsandel (%)", "tal", decimaler=None, bredde=110),
            Kolonne("noegle", "Fordelingsnøgle", "valg", valg=NOEGLE_VALG, bredde=150),
            Kolonne("kategori", "Kategori i taksten", "valg", valg=KATEGORI_VALG, bredde=190,
                    hent=lambda p: p.kategori or "", saet=lambda p, v: replace(p, kategori=v or None),
                    vaerktoejstip="Hvor puljens omkostninger hører til (SA 5.5.7): fx et fælleskøkken under "
                                  "aktivitet, en fælles ledelse under personale"),
            Kolonne("omfang", "Modtagende tilbud", redigerbar=False,
                    vis_for=lambda p: omfang_tekst(p, self.tilbud_navne),
                    vaerktoejstip="Dobbeltklik eller brug 'Vælg modtagende tilbud …' for at vælge tilbuddene"),
        ), parent)

    def saet_tilbud(self, tilbud) -> None:
        navne_ = {t.id: t.navn for t in tilbud}
        if navne_ != self.tilbud_navne:
            self.tilbud_navne = navne_
            if self.raekker:
                k = len(self.kolonner) - 1
                self.dataChanged.emit(self.index(0, k), self.index(len(self.raekker) - 1, k))


class ModtagerModel(RaekkeModel):
    def __init__(self, parent=None):
        super().__init__((
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
