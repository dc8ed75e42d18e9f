"""ATA-timetakster for tillægsydelser (SA 9.2, bilag 2; SPEC §4.14).

ATA-timetakst = timeomkostning × (1 + d + vfo + fravær), d, vfo and fravær as fractions.
"""
from __future__ import annotations

from decimal import Decimal

from takstberegner.domain import fund
from takstberegner.domain.model import Tillaegsydelse, bygger
from takstberegner.domain.penge import afrund
from takstberegner.domain.regelsaet import Regelsaet
from takstberegner.domain.resultat import AtaTimetakst, Fund


def ata_timetakst(timeomkostning: Decimal, d_pct: Decimal, vfo_pct: Decimal, fravaer_pct: Decimal) -> Decimal:
    """The exact hourly rate; published rounded to øre."""
    return timeomkostning * (1 + (d_pct + vfo_pct + fravaer_pct) / 100)


# An AtaTimetakst from a dict of its 7 fields without the frozen dataclass's __init__, which sets
# them one by one (model.bygger).
_ny_timetakst = bygger(AtaTimetakst)


def ata_timetakster(ydelser: tuple[Tillaegsydelse, ...], rs: Regelsaet) -> tuple[AtaTimetakst, ...]:
    ud = []
    for y in ydelser:
        vfo = rs.std_vfo_pct if y.vfo_pct is None else y.vfo_pct
        for tidsrum, d in y.tidsrum:
            ud.append(_ny_timetakst({
                "personalekategori": y.personalekategori,
                "tidsrum": tidsrum,
                "timeomkostning": y.timeomkostning,
                "doegnkoefficient_pct": d,
                "vfo_pct": vfo,
                "fravaer_pct": y.fravaer_pct,
                "ata_timetakst": afrund(ata_timetakst(y.timeomkostning, d, vfo, y.fravaer_pct), rs.afrunding_takst),
            }))
    return tuple(ud)


def tillaeg_fund(ydelser: tuple[Tillaegsydelse, ...], rs: Regelsaet, sti: str) -> list[Fund]:
    """ATA-VFO: SA 5.4.7 gives the marginal cost of a tillægsydelse 'et tillæg på 5 %' for variable
    følgeomkostninger (the regelsæt's vfo); a personalekategori with a higher vfo is pointed out."""
    return [fund.lav(rs, "ATA-VFO", f"{sti}.tillaegsydelser[{j}].vfo_pct", kategori=y.personalekategori,
                     vfo=y.vfo_pct, std=rs.std_vfo_pct)
            for j, y in enumerate(ydelser) if y.vfo_pct is not None and y.vfo_pct > rs.std_vfo_pct]
