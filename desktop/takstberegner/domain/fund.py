"""The catalogue of findings (SPEC §5): code, level, Danish text and SA reference.

Texts and levels come from the regelsæt, so a new Styringsaftale can change them without code.
`lav` fills a template with Danish-formatted values and returns a Fund record carrying the
field path, so the UI can take the user to the field the finding is about.
"""
from __future__ import annotations

from decimal import Decimal

from takstberegner import dansk
from takstberegner.domain.regelsaet import Regelsaet
from takstberegner.domain.resultat import Fund
from takstberegner.domain.usynlige_tegn import synlig

NIVEAUER = ("fejl", "advarsel", "info")


def vis(v: object) -> str:
    """A value for a finding text: Danish numbers with 2 decimals, whole numbers without."""
    if isinstance(v, Decimal):
        return dansk.tal(v, 0) if v == v.to_integral_value() else dansk.tal(v, 2)
    if v is None:
        return "(intet)"
    return synlig(str(v))


def lav(regelsaet: Regelsaet, kode: str, felt: str, variant: str | None = None, **vaerdier: object) -> Fund:
    """The finding `kode` about `felt`; `variant` picks a named variant of its level and text."""
    skabelon = regelsaet.fund[kode]
    if variant is not None:
        skabelon = skabelon.varianter[variant]
    tekst = skabelon.tekst.format(**{k: vis(v) for k, v in vaerdier.items()})
    return Fund(kode=kode, niveau=skabelon.niveau, tekst=tekst, reference=skabelon.reference, felt=felt)


def input_fejl(regelsaet: Regelsaet, felt: str, tekst: str) -> Fund:
    return lav(regelsaet, "INPUT", felt, tekst=tekst)
