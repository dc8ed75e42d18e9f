"""Table models of the Tillægsydelser step: timeomkostning by personalekategori and tidsrum, and
the ATA-timetakster the engine computed (SA 9.2)."""
from __future__ import annotations

from dataclasses import replace

from takstberegner.app.models.raekker import Kolonne, RaekkeModel
from takstberegner.domain import navne

TIDSRUM = tuple(navne.TIDSRUM.items())
TIDSRUM_NAVNE = navne.TIDSRUM


def _tidsrum_kolonne(navn: str, titel: str) -> Kolonne:
    def hent(x):
        return dict(x.tidsrum).get(navn)

    def saet(x, v):
        d = dict(x.tidsrum)
        if v is None:
            d.pop(navn, None)
        else:
            d[navn] = v
        orden = [n for n, _ in TIDSRUM] + [n for n in d if n not in TIDSRUM_NAVNE]
        return replace(x, tidsrum=tuple((n, d[n]) for n in orden if n in d))

    return Kolonne(f"tidsrum_{navn}", f"{titel}: d (%)", "tal", decimaler=None, tom_ok=True, hent=hent, saet=saet,
                   bredde=120, vaerktoejstip="Døgnkoefficient i procent; tom: tidsrummet tilbydes ikke")


class TillaegModel(RaekkeModel):
    def __init__(self, parent=None):
        super().__init__((
            Kolonne("personalekategori", "Personalekategori", bredde=170),
            Kolonne("timeomkostning", "Timeomkostning (kr.)", "tal", bredde=150),
            Kolonne("fravaer_pct", "Fravær (%)", "tal", decimaler=None, bredde=90),
            Kolonne("vfo_pct", "VFO (%)", "tal", decimaler=None, tom_ok=True, bredde=80,
                    vaerktoejstip="Variable følgeomkostninger; tom: regelsættets standard (5 %)"),
        ) + tuple(_tidsrum_kolonne(n, t) for n, t in TIDSRUM), parent)


class AtaModel(RaekkeModel):
    def __init__(self, parent=None):
        super().__init__((
            Kolonne("personalekategori", "Personalekategori", redigerbar=False, bredde=170),
            Kolonne("tidsrum", "Tidsrum", redigerbar=False, hent=lambda a: navne.vis(a.tidsrum, TIDSRUM_NAVNE), bredde=100),
            Kolonne("timeomkostning", "Timeomkostning", "tal", redigerbar=False, bredde=130),
            Kolonne("doegnkoefficient_pct", "d (%)", "tal", redigerbar=False, bredde=80),
            Kolonne("vfo_pct", "VFO (%)", "tal", redigerbar=False, bredde=80),
            Kolonne("fravaer_pct", "Fravær (%)", "tal", redigerbar=False, bredde=90),
            Kolonne("ata_timetakst", "ATA-timetakst (kr.)", "tal", redigerbar=False),
        ), parent)
