"""Table models of the Budget step: omkostningslinjer, øvrige indtægter, totals by category
(SA 5.5.1-5.5.6)."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from takstberegner.app.models.raekker import Kolonne, RaekkeModel
from takstberegner.domain.model import KATEGORI_NAVNE, KATEGORIER

KATEGORI_VALG = tuple((k, KATEGORI_NAVNE[k]) for k in KATEGORIER)
DEL_VALG = (("", "Efter vagtlag"), ("basis", "Basis"), ("borgerrettet", "Borgerrettet"))


def _ydelse_kolonne(ydelser=()) -> Kolonne:
    return Kolonne("ydelse", "Ydelse", "valg", valg=(("", "Alle ydelser"),) + tuple((y.id, y.navn or y.id) for y in ydelser),
                   hent=lambda x: x.ydelse or "", saet=lambda x, v: replace(x, ydelse=v or None), bredde=130)


def omkostning_kolonner(ydelser=()) -> tuple[Kolonne, ...]:
    return (
        Kolonne("kategori", "Kategori", "valg", valg=KATEGORI_VALG, bredde=230),
        Kolonne("post", "Post", bredde=190),
        Kolonne("tekst", "Tekst", bredde=150),
        Kolonne("beloeb", "Beløb (kr.)", "tal", bredde=130),
        Kolonne("vagtlag", "Vagtlag", "bool", bredde=70,
                vaerktoejstip="Fagpersonale i vagtlag (borgerrettet del af takstgrundlaget)"),
        Kolonne("del_", "Del af taksten", "valg", valg=DEL_VALG, bredde=120,
                hent=lambda x: x.del_ or "", saet=lambda x, v: replace(x, del_=v or None)),
        _ydelse_kolonne(ydelser),
        Kolonne("tjenestemand_loen", "Tjenestemandsløn", "tal", tom_ok=True, bredde=130,
                vaerktoejstip="Pensionsgivende løn til tjenestemænd; pension = sats × løn (SA 5.5.6)"),
        Kolonne("tjenestemandspension", "Faktisk pension", "tal", tom_ok=True, bredde=120),
    )


class OmkostningModel(RaekkeModel):
    def __init__(self, parent=None):
        super().__init__(omkostning_kolonner(), parent)

    def saet_ydelser(self, ydelser) -> None:
        ny = omkostning_kolonner(ydelser)
        if ny != self.kolonner:
            self.kolonner = ny


class IndtaegtModel(RaekkeModel):
    def __init__(self, parent=None):
        super().__init__((Kolonne("post", "Indtægt", bredde=260), Kolonne("beloeb", "Beløb (kr.)", "tal", bredde=140)),
                         parent)


class KategoriSumModel(RaekkeModel):
    """Omkostningsgrundlaget by category, as the engine published it; last row the total."""

    def __init__(self, parent=None):
        super().__init__((Kolonne("navn", "Kategori", redigerbar=False, hent=lambda r: r[0], bredde=330),
                          Kolonne("beloeb", "Beløb (kr.)", "tal", redigerbar=False, hent=lambda r: r[1])), parent)

    def vis_resultat(self, resultat) -> None:
        if resultat is None:
            self.saet_raekker(())
            return
        rows = [(KATEGORI_NAVNE[k], resultat.omkostninger.get(k, Decimal(0))) for k in KATEGORIER]
        rows.append(("Omkostningsgrundlag i alt", resultat.omkostningsgrundlag))
        self.saet_raekker(rows)
