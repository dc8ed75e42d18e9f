"""The regelsæt: every parameter of Styringsaftalen as data (SPEC §0).

The record is filled by formats/regelsaet.py from a file in resources/regelsaet/; the engine
takes it as an argument and never reads a file itself.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class FundSkabelon:
    """A finding's level, reference and text, as the regelsæt gives them."""

    niveau: str  # "fejl", "advarsel" or "info"
    reference: str
    tekst: str  # str.format template with named fields
    # Named variants with their own level and text, e.g. BEL-UNDER-95 "begrundet" (SPEC §5).
    varianter: dict[str, "FundSkabelon"] = field(default_factory=dict)


@dataclass(frozen=True)
class Regelsaet:
    """The rule parameters and finding texts of a takstår (resources/regelsaet)."""

    id: str  # internal: stored with a calculation, never shown to a reader
    navn: str  # the agreement's Danish name and period
    version: str  # the agreement's version as a reader names it ("Udkast 1.1 (…, 27. maj 2024)")
    takstaar: tuple[int, ...]
    dage_pr_aar: int
    bel_min_pct: Decimal
    bel_min_korte_forloeb_pct: Decimal
    bel_anbefalet_max_pct: Decimal
    bel_max_pct: Decimal
    reg_graense_pct: Decimal
    reg_frist_aar: int
    hensaettelse_aar: int
    nyt_tilbud_spredning_aar: int
    std_tjenestemandspension_pct: Decimal
    std_vfo_pct: Decimal
    std_driftskapital_maaneder: Decimal
    std_vaesentlighed_pct: Decimal
    std_pl_fremskrivning_pct: Decimal  # SPEC §5 TAKST-AENDRET: last year's takst fremskrevet
    std_overhead_kategori: str  # SPEC §4.5: the category of an overheadpulje that names none
    kategori_1_niveau: str  # SPEC §2: the level of every finding on a kategori-1 tilbud
    rul_frem_bemaerkning: str  # the note rul frem writes when it fremskriver the budget
    levetid_aar: dict[str, tuple[int, int]]
    afrunding_takst: Decimal
    afrunding_takst_kr: Decimal
    afrunding_fordeling: Decimal
    afrunding_traekningsret: Decimal
    afrunding_objektiv: Decimal  # SPEC §4.12a: the kommuners' parts of an objektiv finansiering
    fund: dict[str, FundSkabelon]
    # Texts of the INPUT findings of domain/validering.py: str.format templates by name.
    validering: dict[str, str] = field(default_factory=dict)
