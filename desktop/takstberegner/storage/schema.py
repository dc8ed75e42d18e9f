"""The tables of a .takst document file (SQLite), version 1, and the identity of our files.

One file holds one driftsherre's takstgrundlag for one takstår. The schema is normalised: one
row per tilbud, ydelse, omkostningslinje, anlæg, ...; each child row points at its parent with a
foreign key (ON DELETE CASCADE) and keeps its place in the list in `position`. Amounts and
percentages are TEXT holding the exact decimal (str(Decimal)), never REAL. Booleans are 0/1.

This file is frozen at version 1: later versions are reached by the steps in migrations.py, so
that a new file and a migrated old file always end up with the same tables.
"""
from __future__ import annotations

# PRAGMA application_id: "TAKS" in ASCII. Recognises a Takstberegner file without reading tables.
APPLICATION_ID = 0x54414B53

_BOOL = "INTEGER NOT NULL CHECK ({c} IN (0, 1))"


def _b(c: str) -> str:
    return f"{c} " + _BOOL.format(c=c)


def _child(tabel: str, kolonner: str, parent: str = "tilbud") -> str:
    return f"""
CREATE TABLE {tabel} (
    nr INTEGER PRIMARY KEY,
    {parent}_nr INTEGER NOT NULL REFERENCES {parent}(nr) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    {kolonner}
);"""


child_ddl = _child  # for the migrations' new child tables

SKEMA_V1: str = "\n".join([
    """
CREATE TABLE metadata (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    oprettet TEXT NOT NULL,
    aendret TEXT NOT NULL,
    skemaversion INTEGER NOT NULL
);""",
    """
CREATE TABLE grundlag (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    takstaar INTEGER NOT NULL,
    driftsherre_navn TEXT NOT NULL,
    driftsherre_cvr TEXT NOT NULL,
    driftsherre_type TEXT NOT NULL,
    rente_anlaeg_pct TEXT NOT NULL,
    rente_kort_pct TEXT,
    tjenestemandspension_pct TEXT,
    vaesentlighed_pct TEXT
);""",
    f"""
CREATE TABLE overheadpulje (
    nr INTEGER PRIMARY KEY,
    position INTEGER NOT NULL,
    id TEXT NOT NULL,
    navn TEXT NOT NULL,
    beloeb TEXT NOT NULL,
    noegle TEXT NOT NULL,
    driftsandel_pct TEXT NOT NULL,
    {_b("omfang_alle")}
);""",
    _child("pulje_omfang", "tilbud_id TEXT NOT NULL", parent="overheadpulje"),
    _child("pulje_modtager", "id TEXT NOT NULL, navn TEXT NOT NULL, noegletal TEXT NOT NULL",
           parent="overheadpulje"),
    _child("pulje_andel", "modtager TEXT NOT NULL, pct TEXT NOT NULL", parent="overheadpulje"),
    f"""
CREATE TABLE tilbud (
    nr INTEGER PRIMARY KEY,
    position INTEGER NOT NULL,
    id TEXT NOT NULL UNIQUE,
    navn TEXT NOT NULL,
    paragraf TEXT NOT NULL,
    kategori INTEGER NOT NULL,
    tilbudstype TEXT NOT NULL,
    pladser INTEGER NOT NULL,
    takststruktur TEXT NOT NULL,
    tilbudsportal_id TEXT NOT NULL,
    {_b("korte_forloeb")},
    {_b("nyt_tilbud")},
    saerlige_beskrivelse TEXT,
    saerlige_godkendt TEXT,
    pladser_forrige_aar INTEGER,
    belaegning_metode TEXT,
    belaegning_pct TEXT,
    belaegning_begrundelse TEXT,
    enheder_enhed TEXT,
    enheder_antal TEXT,
    {_b("driftskapital")},
    driftskapital_maaneder TEXT,
    bemaerkninger TEXT NOT NULL
);""",
    _child("belaegning_aar", "aar INTEGER NOT NULL, pct TEXT NOT NULL"),
    _child("noegletal", "navn TEXT NOT NULL, vaerdi TEXT NOT NULL"),
    _child("fordeling", "modtager TEXT NOT NULL, vaerdi TEXT NOT NULL"),
    _child("ydelse", """id TEXT NOT NULL,
    navn TEXT NOT NULL,
    pladser INTEGER NOT NULL,
    stoettetimer_uge TEXT,
    forrige_takst TEXT,
    sundhedsydelser TEXT NOT NULL"""),
    _child("omkostningslinje", f"""kategori TEXT NOT NULL,
    post TEXT NOT NULL,
    beloeb TEXT NOT NULL,
    {_b("vagtlag")},
    del_ TEXT,
    ydelse TEXT,
    tjenestemand_loen TEXT,
    tjenestemandspension TEXT,
    anlaeg TEXT,
    tekst TEXT NOT NULL"""),
    _child("anlaeg", """id TEXT NOT NULL,
    navn TEXT NOT NULL,
    type TEXT NOT NULL,
    anskaffelsesvaerdi TEXT NOT NULL,
    ibrugtagning TEXT NOT NULL,
    finansiering TEXT NOT NULL,
    levetid_aar INTEGER,
    restvaerdi TEXT NOT NULL,
    andel_pct TEXT NOT NULL"""),
    _child("oevrig_indtaegt", "post TEXT NOT NULL, beloeb TEXT NOT NULL"),
    _child("resultat", f"""aar INTEGER NOT NULL,
    resultat TEXT NOT NULL,
    grundlag TEXT NOT NULL,
    valg TEXT NOT NULL,
    indregnet_tidligere TEXT NOT NULL,
    {_b("nyt_tilbud_foerste_aar")}"""),
    _child("hensaettelse", "aar INTEGER NOT NULL, beloeb TEXT NOT NULL, brugt TEXT NOT NULL"),
    _child("tillaegsydelse", """personalekategori TEXT NOT NULL,
    timeomkostning TEXT NOT NULL,
    fravaer_pct TEXT NOT NULL,
    vfo_pct TEXT"""),
    _child("tillaeg_tidsrum", "navn TEXT NOT NULL, pct TEXT NOT NULL", parent="tillaegsydelse"),
])

# Tables holding a tilbud's direct children, in the order they are read.
TILBUD_BOERN: tuple[str, ...] = (
    "belaegning_aar", "noegletal", "fordeling", "ydelse", "omkostningslinje", "anlaeg",
    "oevrig_indtaegt", "resultat", "hensaettelse", "tillaegsydelse",
)
PULJE_BOERN: tuple[str, ...] = ("pulje_omfang", "pulje_modtager", "pulje_andel")
