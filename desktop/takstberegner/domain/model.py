"""The takstgrundlag as immutable records (SPEC §2; Styringsaftalen 2025-2026 kap. 5).

Every amount is a Decimal, every list a tuple. The records carry no behaviour: the
calculation lives in beregning.py and the rule families beside it. Readers in formats/ and
storage/ build these records and guarantee that they are valid (types, required fields,
known keys); the domain can assume that.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from itertools import repeat

KATEGORIER: tuple[str, ...] = (
    "personale",
    "aktivitet",
    "administration",
    "kompetenceudvikling",
    "ejendom",
    "kapital",
    "finansieringsindtaegter",
    "finansieringsudgifter",
)
KATEGORI_NAVNE: dict[str, str] = {
    "personale": "Personaleomkostninger",
    "aktivitet": "Borgerrelaterede udgifter/aktivitetsomkostninger",
    "administration": "Administrationsomkostninger",
    "kompetenceudvikling": "Kompetenceudvikling",
    "ejendom": "Ejendomsomkostninger",
    "kapital": "Afskrivninger/øvrige kapitalapparatsomkostninger",
    "finansieringsindtaegter": "Finansieringsindtægter",
    "finansieringsudgifter": "Finansieringsudgifter",
}
REGULERING_LINJE = "regulering_og_indtaegter"

TILBUDSTYPER = ("doegn", "dag", "ambulant")
TAKSTSTRUKTURER = ("gennemsnit", "differentieret", "enhed", "traekningsret")
BELAEGNING_METODER = ("beregnet", "forventet", "nyt_tilbud")
NOEGLER = ("pladser", "pladsdoegn", "loensum", "aarsvaerk", "m2", "direkte_omkostninger", "fast")
ANLAEG_TYPER = ("grund", "bygning", "installation", "inventar", "it", "transportmiddel", "andet")
FINANSIERINGER = ("ejet", "finansiel_leasing")
RESULTAT_VALG = ("hensaet", "indregn", "udskyd")
DELE = ("basis", "borgerrettet")
DRIFTSHERRE_TYPER = ("kommune", "region")

POST_TAP = "tap_administrativt"
POSTER_IKKE_TAKST = ("tillaegsydelse", "individuel_valgfri_ydelse")

ZERO = Decimal(0)

_ny = object.__new__


def _dict_saetter(cls: type):
    """The setter of `cls`'s __dict__ attribute (its getset descriptor's __set__): what
    object.__setattr__(x, "__dict__", d) calls after looking the descriptor up, which costs a
    quarter of the call when 20.000 records are built."""
    for klasse in cls.__mro__:
        beskriver = klasse.__dict__.get("__dict__")
        if beskriver is not None:
            return beskriver.__set__
    raise TypeError(f"{cls.__name__} har ingen __dict__")


def byg_mange(cls: type, felter: list[dict]) -> list:
    """Records of the dataclass `cls` from dicts of their field values, at C speed and without
    running the dataclass __init__ (a reader builds 20.000 budget lines in one go). Each dict
    becomes a record's own __dict__, so the caller hands over fresh dicts with checked values; a
    field left out of a dict reads its default from the class, where dataclass keeps every plain
    default (`klassens_standarder`)."""
    poster = list(map(_ny, repeat(cls, len(felter))))
    deque(map(_dict_saetter(cls), poster, felter), maxlen=0)
    return poster


def bygger(cls: type):
    """A maker of one record of the dataclass `cls` from a fresh dict of all its field values, as
    byg_mange makes many (an engine publishing 300 takster builds them one at a time)."""
    saet = _dict_saetter(cls)

    def byg(felter: dict):
        post = _ny(cls)
        saet(post, felter)
        return post
    return byg


def klassens_standarder(cls: type) -> dict:
    """The plain defaults a field of `cls` reads from the class when a record's __dict__ lacks it."""
    return {f: cls.__dict__[f] for f in cls.__dataclass_fields__ if f in cls.__dict__}


@dataclass(frozen=True)
class Driftsherre:
    """The driftsherre (the kommune or private owner) whose tilbud the file holds."""

    navn: str
    cvr: str
    type: str = "kommune"


@dataclass(frozen=True)
class Satser:
    """The year's rates: rente, tjenestemandspension, væsentlighed, P/L."""

    rente_anlaeg_pct: Decimal
    rente_kort_pct: Decimal | None = None
    tjenestemandspension_pct: Decimal | None = None  # None: the regelsæt's default
    vaesentlighed_pct: Decimal | None = None  # None: the regelsæt's default
    pl_fremskrivning_pct: Decimal | None = None  # the year's P/L (KL); None: the regelsæt's default


@dataclass(frozen=True)
class OevrigModtager:
    """A receiver of an overhead pulje outside the file's tilbud, with its nøgletal."""

    id: str
    navn: str
    noegletal: Decimal


@dataclass(frozen=True)
class Overheadpulje:
    """An overhead pulje and how it is shared among the tilbud (SA 5.5.6)."""

    id: str
    navn: str
    beloeb: Decimal
    noegle: str
    driftsandel_pct: Decimal = Decimal(100)
    omfang: tuple[str, ...] | None = None  # None means "alle"
    oevrige_modtagere: tuple[OevrigModtager, ...] = ()
    andele: tuple[tuple[str, Decimal], ...] = ()  # with noegle "fast": recipient id -> percent
    kategori: str | None = None  # omkostningskategori of the overhead; None: the regelsæt's default


@dataclass(frozen=True)
class Belaegning:
    """A belægning: the method, and the figures it takes."""

    metode: str
    faktisk_pct: tuple[tuple[int, Decimal], ...] = ()  # (year, percent), for "beregnet"
    pct: Decimal | None = None  # for "forventet" and "nyt_tilbud"
    begrundelse: str = ""


@dataclass(frozen=True)
class SaerligeVilkaar:
    """Særlige vilkår of a tilbud, and when they were approved."""

    beskrivelse: str
    godkendt: date | None = None


@dataclass(frozen=True)
class Enheder:
    """The enheder a takststruktur per enhed divides by."""

    enhed: str
    antal: Decimal


@dataclass(frozen=True)
class Ydelse:
    """A ydelse of a tilbud: its pladser, støttetimer and belægning."""

    id: str
    navn: str
    pladser: int = 0
    stoettetimer_uge: Decimal | None = None
    forrige_takst: Decimal | None = None
    sundhedsydelser: str = ""
    belaegning: Belaegning | None = None  # the ydelse's own belægning; None: the tilbud's (SPEC §4.10)
    korte_forloeb: bool = False  # aflastnings- or akutpladser in a tilbud that also has permanent ones


@dataclass(frozen=True)
class Omkostningslinje:
    """A budget line: a post of a kategori and its amount."""

    kategori: str
    post: str
    beloeb: Decimal
    vagtlag: bool = False
    del_: str | None = None  # "basis" / "borgerrettet"; None: from vagtlag
    ydelse: str | None = None
    tjenestemand_loen: Decimal | None = None
    tjenestemandspension: Decimal | None = None
    anlaeg: str | None = None  # a leasingydelse for a finansielt leaset anlæg
    tekst: str = ""

    @property
    def del_effektiv(self) -> str:
        if self.del_ is not None:
            return self.del_
        return "borgerrettet" if self.vagtlag else "basis"


@dataclass(frozen=True)
class Anlaeg:
    """An anlæg of the anlægskartotek (SA 5.5.4-5.5.5)."""

    id: str
    navn: str
    type: str
    anskaffelsesvaerdi: Decimal
    ibrugtagning: date
    finansiering: str = "ejet"
    levetid_aar: int | None = None
    restvaerdi: Decimal = ZERO
    andel_pct: Decimal = Decimal(100)


@dataclass(frozen=True)
class Driftskapital:
    """The driftskapital: months of costs that bear interest."""

    maaneder: Decimal | None = None  # None: the regelsæt's default


@dataclass(frozen=True)
class OevrigIndtaegt:
    """Another income that lowers the tilbud's costs."""

    post: str
    beloeb: Decimal


@dataclass(frozen=True)
class Resultat:
    """A year's result (over- or underskud) and how it is taken into the takst."""

    aar: int
    resultat: Decimal
    grundlag: Decimal
    valg: str = "indregn"
    indregnet_tidligere: Decimal = ZERO
    nyt_tilbud_foerste_aar: bool = False


@dataclass(frozen=True)
class Hensaettelse:
    """An amount set aside from a year's result."""

    aar: int
    beloeb: Decimal
    brugt: Decimal = ZERO


@dataclass(frozen=True)
class Tillaegsydelse:
    """A tillægsydelse: a personalekategori's hourly cost by tidsrum."""

    personalekategori: str
    timeomkostning: Decimal
    tidsrum: tuple[tuple[str, Decimal], ...]
    fravaer_pct: Decimal = ZERO
    vfo_pct: Decimal | None = None  # None: the regelsæt's default (5)


@dataclass(frozen=True)
class ObjektivFinansiering:
    """Lovhjemlet objektiv finansiering (SA 4.2.1): a share of TG paid by the kommuner by a key."""

    andel_pct: Decimal
    fordeling: tuple[tuple[str, Decimal], ...]  # kommune -> key (e.g. population)


@dataclass(frozen=True)
class Tilbud:
    """A tilbud with everything its takster are computed from."""

    id: str
    navn: str
    paragraf: str
    kategori: int
    tilbudstype: str
    pladser: int
    takststruktur: str
    tilbudsportal_id: str = ""
    korte_forloeb: bool = False
    nyt_tilbud: bool = False
    saerlige_vilkaar: SaerligeVilkaar | None = None
    pladser_forrige_aar: int | None = None
    belaegning: Belaegning | None = None
    noegletal: tuple[tuple[str, Decimal], ...] = ()
    enheder: Enheder | None = None
    fordeling: tuple[tuple[str, Decimal], ...] = ()
    ydelser: tuple[Ydelse, ...] = ()
    omkostninger: tuple[Omkostningslinje, ...] = ()
    anlaeg: tuple[Anlaeg, ...] = ()
    driftskapital: Driftskapital | None = None
    oevrige_indtaegter: tuple[OevrigIndtaegt, ...] = ()
    resultater: tuple[Resultat, ...] = ()
    hensaettelser: tuple[Hensaettelse, ...] = ()
    tillaegsydelser: tuple[Tillaegsydelse, ...] = ()
    bemaerkninger: str = ""
    foerste_driftsaar: int | None = None  # a new tilbud's first driftsår (SA 6.1.2); None with nyt_tilbud: T
    objektiv_finansiering: ObjektivFinansiering | None = None

    def noegletal_for(self, noegle: str) -> Decimal | None:
        for navn, vaerdi in self.noegletal:
            if navn == noegle:
                return vaerdi
        return None


@dataclass(frozen=True)
class Takstgrundlag:
    """A takstgrundlag: the driftsherre, the year's rates, the tilbud and overhead puljer."""

    takstaar: int
    driftsherre: Driftsherre
    satser: Satser
    tilbud: tuple[Tilbud, ...] = ()
    overheadpuljer: tuple[Overheadpulje, ...] = field(default_factory=tuple)
