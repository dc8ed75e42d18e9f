"""What the engine publishes: takster, the figures of every step, and the findings (SPEC §4, §5).

Every Decimal here is a published figure, rounded once as SPEC §1 says (amounts and takster to
øre, percentages to 2 decimals, trækningsret and takst_kr to whole kroner). Exporters and the UI
read these records and never compute.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from takstberegner.domain.penge import afrund


@dataclass(frozen=True)
class Fund:
    """A finding of the validation or the calculation."""

    kode: str
    niveau: str  # "fejl", "advarsel", "info"
    tekst: str
    reference: str
    felt: str  # field path into the takstgrundlag, e.g. "tilbud[0].belaegning"

    @property
    def er_fejl(self) -> bool:
        return self.niveau == "fejl"

    @property
    def tekst_med_reference(self) -> str:
        """The text as the user reads it: with its SA reference in brackets, or alone when it has
        none (a fejl of the validation), never with empty brackets."""
        return f"{self.tekst} ({self.reference})" if self.reference else self.tekst


@dataclass(frozen=True)
class Takst:
    """A ydelse's takst, exact and published, with its parts."""

    ydelse: str
    ydelse_navn: str
    enhed: str  # "doegn", "dag" or the unit of an enhedstakst ("time", ...)
    takst: Decimal
    takst_kr: Decimal
    pr_kategori: dict[str, Decimal]  # the eight categories + regulering_og_indtaegter
    basistakst: Decimal | None = None
    ydelsestakst: Decimal | None = None
    stoettetimer_uge: Decimal | None = None
    forrige_takst: Decimal | None = None
    aendring_pct: Decimal | None = None
    pladser: int | None = None
    sundhedsydelser: str = ""
    belaegning_pct: Decimal | None = None  # b_i of the ydelse (SPEC §4.10); None for enhedstakster
    pladsdoegn: Decimal | None = None  # pladser_i × 365 × b_i / 100
    forrige_fremskrevet: Decimal | None = None  # last year's takst × (1 + P/L), for display
    aendring_real_pct: Decimal | None = None  # change against forrige_fremskrevet (SPEC §5)
    # The exact parts that pr_kategori rounds by largest remainder (the eight categories and the
    # regulering line, in that order), for the PDF til revision; not in the takster document.
    pr_kategori_eksakt: tuple[Decimal, ...] | None = None


@dataclass(frozen=True)
class AnlaegBeregning:
    """One asset's line in the anlægsskema for the takstår (SPEC §4.3-4.4), published."""

    id: str
    navn: str
    type: str
    finansiering: str
    andel_pct: Decimal
    aarlig_afskrivning: Decimal  # for the whole asset, before andel
    maaneder_i_aar: int
    afskrivning: Decimal  # the tilbud's share in the takstår
    bogfoert_primo: Decimal  # book value 1 January, whole asset
    bogfoert_ultimo: Decimal  # book value 31 December, whole asset
    forrentning: Decimal  # the tilbud's share


@dataclass(frozen=True)
class ReguleringBeregning:
    """One past result and how it is handled in the takstår (SPEC §4.8)."""

    aar: int
    resultat: Decimal
    grundlag: Decimal
    graense: Decimal  # 5 % of grundlag
    valg: str
    hensat: Decimal  # kept, not in the takst (overskud only)
    egenrisiko: Decimal  # underskud the driftsherre carries
    skal_indregnes: Decimal  # the mandatory part, signed: overskud negative, underskud positive
    i_aar: Decimal  # what enters this takstår, signed, before interest
    renter: Decimal  # interest on i_aar
    regulering: Decimal  # i_aar + renter
    udskudt: Decimal  # mandatory part left for later years
    frist: int  # last takstår the mandatory part may enter


@dataclass(frozen=True)
class Hensaettelse:
    """A hensættelse as the calculation reports it."""

    aar: int
    beloeb: Decimal
    sidste_anvendelsesaar: int


@dataclass(frozen=True)
class AtaTimetakst:
    """An ATA hourly takst of a tillægsydelse for one tidsrum."""

    personalekategori: str
    tidsrum: str
    timeomkostning: Decimal
    doegnkoefficient_pct: Decimal
    vfo_pct: Decimal
    fravaer_pct: Decimal
    ata_timetakst: Decimal


@dataclass(frozen=True)
class OverheadAndel:
    """A receiver's share of an overhead pulje."""

    modtager_id: str
    modtager_navn: str
    noegletal: Decimal
    beloeb: Decimal
    er_tilbud: bool


@dataclass(frozen=True)
class OverheadFordeling:
    """How one overheadpulje falls on every recipient; the parts add up to `fordelt`."""

    pulje_id: str
    navn: str
    noegle: str
    beloeb: Decimal
    driftsandel_pct: Decimal
    fordelt: Decimal  # beloeb × driftsandel, the part that reaches takster and other recipients
    andele: tuple[OverheadAndel, ...]
    kategori: str  # the omkostningskategori it lands in (SPEC §4.5)


@dataclass(frozen=True)
class TilbudResultat:
    """Everything computed for one tilbud: takster, parts and findings."""

    id: str
    navn: str
    kategori: int
    takststruktur: str
    pladser: int
    belaegning_pct: Decimal | None
    pladsdoegn: Decimal | None
    omkostninger: dict[str, Decimal]  # by category, adding up to omkostningsgrundlag
    direkte_omkostninger: Decimal
    afskrivninger: Decimal
    forrentning_anlaeg: Decimal
    overhead: Decimal
    forrentning_driftskapital: Decimal
    tjenestemandspension: Decimal
    omkostningsgrundlag: Decimal
    regulering: Decimal
    hensat: Decimal
    oevrige_indtaegter: Decimal
    takstgrundlag: Decimal
    basis_andel: Decimal  # basis part of the takstgrundlag
    borgerrettet_andel: Decimal  # borgerrettet part of the takstgrundlag
    pris_pr_stoettetime: Decimal | None
    takster: tuple[Takst, ...]
    fordeling: dict[str, Decimal] | None  # trækningsret, whole kroner
    tillaegsydelser: tuple[AtaTimetakst, ...]
    hensaettelser: tuple[Hensaettelse, ...]  # made in this takstberegning (SA 5.3.1)
    tidligere_hensaettelser: tuple[Hensaettelse, ...]  # earlier ones, what is left, last year of use
    anlaeg_tal: tuple  # (Anlaeg, anlaeg.AnlaegTal) pairs, exact; `anlaeg` publishes them
    reguleringer: tuple[ReguleringBeregning, ...]
    fund: tuple[Fund, ...]
    # SPEC §4.12a: the share of TG paid by the kommuner by key, whole kroner (None: no objektiv
    # finansiering); the takster are computed from the rest.
    objektiv_fordeling: dict[str, Decimal] | None = None
    objektiv_andel: Decimal | None = None  # the rounded share, = sum of objektiv_fordeling
    # SPEC §4.13a: the basistakst a negotiated takst starts from (gennemsnit and differentieret).
    basistakst: Decimal | None = None

    @property
    def har_fejl(self) -> bool:
        return bool(self.fejl)

    @cached_property
    def fejl(self) -> tuple[Fund, ...]:
        """The findings that are fejl, gone through once: a window showing 90.000 findings went
        through them five times (the overview's rows and checklist, the navigator's marks)."""
        return tuple(f for f in self.fund if f.niveau == "fejl")

    @cached_property
    def koder(self) -> frozenset[str]:
        """The codes of its findings."""
        return frozenset(f.kode for f in self.fund)

    @cached_property
    def anlaeg(self) -> tuple[AnlaegBeregning, ...]:
        """The anlægsskema, rounded for publication when first read (3.000 assets cost)."""
        return tuple(
            AnlaegBeregning(
                id=a.id, navn=a.navn, type=a.type, finansiering=a.finansiering, andel_pct=a.andel_pct,
                aarlig_afskrivning=afrund(x.aarlig), maaneder_i_aar=x.maaneder, afskrivning=afrund(x.afskrivning),
                bogfoert_primo=afrund(x.primo), bogfoert_ultimo=afrund(x.ultimo), forrentning=afrund(x.forrentning),
            )
            for a, x in self.anlaeg_tal
        )


@dataclass(frozen=True)
class Beregning:
    """The engine's answer for one driftsherre and takstår."""

    takstaar: int
    driftsherre_navn: str
    driftsherre_cvr: str
    regelsaet_id: str
    grundlag_sha256: str
    tilbud: tuple[TilbudResultat, ...]
    overhead: tuple[OverheadFordeling, ...]
    fund: tuple[Fund, ...] = field(default_factory=tuple)  # findings that belong to no tilbud

    def alle_fund(self) -> list[Fund]:
        out = list(self.fund)
        for t in self.tilbud:
            out.extend(t.fund)
        return out

    @property
    def har_fejl(self) -> bool:
        return any(f.er_fejl for f in self.alle_fund())

    def tilbud_resultat(self, tilbud_id: str) -> TilbudResultat | None:
        for t in self.tilbud:
            if t.id == tilbud_id:
                return t
        return None
