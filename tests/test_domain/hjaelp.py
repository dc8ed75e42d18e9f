"""Small takstgrundlag documents for engine tests: one valid tilbud, changed by keyword."""
from __future__ import annotations

import copy
from decimal import Decimal

from takstberegner import tjeneste
from takstberegner.formats.takstgrundlag import laes_dict

D = Decimal


def tilbud(**kw) -> dict:
    t = {
        "id": "T", "navn": "Testtilbud", "paragraf": "SEL § 108", "kategori": 3, "tilbudstype": "doegn",
        "pladser": 10, "pladser_forrige_aar": 10,
        "belaegning": {"metode": "forventet", "pct": "100", "begrundelse": "Test"},
        "takststruktur": "gennemsnit",
        "ydelser": [{"id": "T-1", "navn": "Ydelse", "pladser": 10, "stoettetimer_uge": "10"}],
        "omkostninger": [{"kategori": "personale", "post": "borgerrelateret_personale", "beloeb": "3650000",
                          "vagtlag": True}],
        "bemaerkninger": "",
    }
    t.update(kw)
    return t


def dokument(*tilbud_, satser=None, puljer=None, takstaar=2026) -> dict:
    return {
        "format": "takstgrundlag/1", "takstaar": takstaar,
        "driftsherre": {"navn": "Testkommune", "cvr": "12345678", "type": "kommune"},
        "satser": satser or {"rente_anlaeg_pct": "0", "rente_kort_pct": "0"},
        "overheadpuljer": puljer or [],
        "tilbud": list(tilbud_) or [tilbud()],
    }


def beregn(d: dict):
    return tjeneste.beregn(laes_dict(copy.deepcopy(d)))


def koder(resultat) -> list[str]:
    return sorted(f.kode for f in resultat.fund)


def stor_dokument(tilbud_antal: int, puljer_antal: int) -> dict:
    """A driftsherre with `tilbud_antal` small tilbud and `puljer_antal` overheadpuljer over all of
    them (2.000 × 2.000 is about 5 MB of JSON; computing its overhead took 18 s and 1 GB)."""
    tilbud_ = [tilbud(id=f"T{i}", navn=f"Tilbud {i}", ydelser=[{"id": f"T{i}-1", "navn": "Ydelse", "pladser": 10}])
               for i in range(tilbud_antal)]
    puljer = [{"id": f"P{k}", "navn": f"Pulje {k}", "beloeb": "1000000", "driftsandel_pct": "100",
               "noegle": "pladser", "omfang": "alle"} for k in range(puljer_antal)]
    return dokument(*tilbud_, puljer=puljer)
