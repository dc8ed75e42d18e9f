"""The one table of Danish names for every code of the takstgrundlag (SPEC §2-3), and the Danish
description of a field path (`tilbud[0].omkostninger[2].beloeb` -> "Bostedet Nord › Budget ›
linje 3 › Beløb").

Every front end (the app's screens, the PDF, the workbooks, the import preview, the command
line's messages) shows codes through `vis` and field paths through `felt_tekst`, so no internal
key reaches a user. Pure data and functions: no Qt, no I/O.
"""
from __future__ import annotations

import re
from typing import Any

from takstberegner.domain.model import KATEGORI_NAVNE, KATEGORIER, REGULERING_LINJE
from takstberegner.domain.usynlige_tegn import synlig

# Groups of codes with their Danish names, in the order a choice list shows them.
TILBUDSTYPER = {"doegn": "Døgn", "dag": "Dag", "ambulant": "Ambulant"}
TAKSTSTRUKTURER = {
    "gennemsnit": "Gennemsnitstakst",
    "differentieret": "Basistakst + differentierede takster",
    "enhed": "Enhedstakst",
    "traekningsret": "Trækningsret",
}
BELAEGNING_METODER = {
    "beregnet": "Beregnet (gennemsnit af to år)",
    "forventet": "Forventet belægning",
    "nyt_tilbud": "Nyt tilbud (første driftsår)",
}
NOEGLER = {
    "pladser": "Pladser", "pladsdoegn": "Pladsdøgn", "loensum": "Lønsum", "aarsvaerk": "Årsværk",
    "m2": "Kvadratmeter", "direkte_omkostninger": "Direkte omkostninger", "fast": "Faste andele",
}
NOEGLETAL = {"aarsvaerk": "Årsværk", "m2": "Kvadratmeter"}
ANLAEG_TYPER = {
    "grund": "Grund", "bygning": "Bygning", "installation": "Installation", "inventar": "Inventar",
    "it": "IT", "transportmiddel": "Transportmiddel", "andet": "Andet",
}
FINANSIERINGER = {"ejet": "Ejet", "finansiel_leasing": "Finansiel leasing"}
RESULTAT_VALG = {"hensaet": "Hensæt (op til 5 %)", "indregn": "Indregn", "udskyd": "Udskyd"}
DELE = {"basis": "Basis", "borgerrettet": "Borgerrettet"}
DRIFTSHERRE_TYPER = {"kommune": "Kommune", "region": "Region"}
OMKOSTNINGSKATEGORIER = dict(KATEGORI_NAVNE)
# Where an imported budget line goes: one of the eight kategorier, the tilbud's øvrige indtægter,
# or nowhere (takstindtægter are what the takst pays for).
IMPORT_KATEGORIER = {**KATEGORI_NAVNE, "oevrig_indtaegt": "Øvrige indtægter", "ignorer": "Importeres ikke"}
TAKST_LINJER = {**KATEGORI_NAVNE, REGULERING_LINJE: "Regulering og øvrige indtægter"}
# The same lines in few words, for column headings where the full names do not fit (takstbilag).
TAKST_LINJER_KORT = {
    "personale": "Personale", "aktivitet": "Borgerrelaterede udgifter", "administration": "Administration",
    "kompetenceudvikling": "Kompetenceudvikling", "ejendom": "Ejendom", "kapital": "Afskrivninger og kapital",
    "finansieringsindtaegter": "Finansieringsindtægter", "finansieringsudgifter": "Finansieringsudgifter",
    REGULERING_LINJE: "Regulering og øvrige indtægter",
}
# The unit a takst is priced in: the tilbudstype for gennemsnit/differentieret, else the enhed.
ENHEDER = {
    "doegn": "Døgn", "dag": "Dag", "time": "Time", "uge": "Uge", "maaned": "Måned", "aar": "År",
    "forloeb": "Forløb", "ydelse": "Ydelse", "samtale": "Samtale", "besoeg": "Besøg",
}
TIDSRUM = {"hverdag": "Hverdag", "aften_nat": "Aften/nat", "weekend": "Weekend", "helligdag": "Helligdag"}
NIVEAUER = {"fejl": "Fejl", "advarsel": "Advarsel", "info": "Til orientering"}
KATEGORI_1_3 = {1: "Kategori 1", 2: "Kategori 2", 3: "Kategori 3"}
# The findings' codes (the regelsæt's `fund`) as a reader sees them in the PDF and the takstskema.
FUND = {
    "BEL-UNDER-95": "Belægning under 95 %", "BEL-UNDER-90": "Belægning under 90 % (korte forløb, akut, aflastning)",
    "BEL-OVER-98": "Belægning over 98 %", "BEL-UGYLDIG": "Belægningen kan ikke beregnes",
    "BEL-BEGRUNDELSE": "Begrundelse for belægningen mangler", "REG-FRIST": "Frist for indregning af resultat",
    "REG-EGENRISIKO": "Underskud inden for egenrisikoen",
    "REG-NYT-TILBUD": "Underskud fordelt, men ikke fra første driftsår", "HENS-UDLOEB": "Hensættelse skal anvendes",
    "LEAS-DOBBELT": "Leasing medregnet to gange", "PLADSER-AENDRET": "Pladser ændret uden bemærkning",
    "TAKST-AENDRET": "Takstændring over væsentlighedsgrænsen", "STOETTETIMER-MANGLER": "Støttetimer mangler",
    "PLADSER-SUM": "Ydelsernes pladser passer ikke med tilbuddets", "KATEGORI-1": "Kategori 1-tilbud",
    "IKKE-TAKST-OMKOSTNING": "Omkostning uden for taksten", "RENTE-LAAN": "Renteudgifter i budgettet",
    "ATA-VFO": "VFO over aftalens tillæg",
    "NYT-TILBUD-AAR": "Første driftsår er ikke angivet",
    "NYT-TILBUD-UDLOEBET": "Ikke længere tilbuddets første driftsår", "ANLAEG-LEVETID": "Usædvanlig levetid for anlæg",
    "REGELSAET-AAR": "Intet regelsæt for takståret", "INPUT": "Ugyldig værdi",
}

# The budget posts a user chooses from, per omkostningskategori (SPEC §3, SA 5.5.1 tabel 4).
# The reserved posts have a meaning in the calculation: TAP is counted in administration, and
# tillægsydelser and individuelle valgfrie ydelser are left out of the takst.
POST_TAP = "tap_administrativt"
POSTER_IKKE_TAKST = ("tillaegsydelse", "individuel_valgfri_ydelse")
POSTER: dict[str, dict[str, str]] = {
    "personale": {
        "borgerrelateret_personale": "Borgerrelateret personale",
        "oeverste_ledelse": "Øverste ledelse",
        "vikarer": "Vikarer",
        "teknisk_personale": "Teknisk personale",
        "tjenestemandspension": "Tjenestemandspension",
        POST_TAP: "Administrativt TAP-personale (tælles under administration)",
        "tillaegsydelse": "Tillægsydelser (indgår ikke i taksten)",
        "individuel_valgfri_ydelse": "Individuelle valgfrie ydelser (indgår ikke i taksten)",
    },
    "aktivitet": {
        "aktiviteter_husholdning_transport": "Aktiviteter, husholdning og transport",
        "kost": "Kost",
        "toej_og_lommepenge": "Tøj og lommepenge",
        "ekstern_behandling": "Ekstern behandling",
        "vaerkstedsudgifter": "Værkstedsudgifter",
        "tjenesteydelser": "Tjenesteydelser",
        "tilskud_og_overfoersler": "Tilskud og overførsler",
        "tillaegsydelse": "Tillægsydelser (indgår ikke i taksten)",
        "individuel_valgfri_ydelse": "Individuelle valgfrie ydelser (indgår ikke i taksten)",
    },
    "administration": {
        "lokal_administration": "Lokal administration",
        "tilsynstakst": "Tilsynstakst (generelt tilsyn)",
        "administration": "Administration i øvrigt",
        "interne_udgifter": "Interne udgifter",
    },
    "kompetenceudvikling": {"kompetenceudvikling": "Kompetenceudvikling"},
    "ejendom": {
        "husleje": "Husleje (lejede lokaler)",
        "vedligehold": "Vedligehold",
        "forsikring_skat_forbrug": "Forsikring, ejendomsskat og forbrug",
        "ejendomsomkostninger": "Ejendomsomkostninger i øvrigt",
        "operationel_leasing_bygninger": "Operationel leasing af bygninger",
    },
    "kapital": {
        "afskrivninger": "Afskrivninger",
        "smaaanskaffelser": "Småanskaffelser",
        "leasingydelse": "Leasingydelse",
        "beregnede_omkostninger": "Beregnede omkostninger",
        "anlaeg": "Anlæg",
    },
    "finansieringsindtaegter": {"renteindtaegter": "Renteindtægter"},
    "finansieringsudgifter": {"renteudgifter": "Renteudgifter"},
}
# Posts that are not costs but øvrige indtægter, and other posts that have a name of their own.
OEVRIGE_POSTER = {
    "tilskud": "Tilskud", "indtaegter": "Indtægter", "huslejeindtaegter": "Huslejeindtægter",
    "salg": "Salg af produkter og ydelser", "statsrefusion": "Statsrefusion",
    "interne_indtaegter": "Interne indtægter", "oevrige_omkostninger": "Øvrige omkostninger",
    "takstindtaegter": "Takstindtægter",
}

_GRUPPER: tuple[dict, ...] = (
    TILBUDSTYPER, TAKSTSTRUKTURER, BELAEGNING_METODER, NOEGLER, ANLAEG_TYPER, FINANSIERINGER,
    RESULTAT_VALG, DELE, DRIFTSHERRE_TYPER, TAKST_LINJER, ENHEDER, TIDSRUM, NIVEAUER,
    *POSTER.values(), OEVRIGE_POSTER, IMPORT_KATEGORIER,
)
ALLE: dict[str, str] = {}
for _g in _GRUPPER:
    for _k, _v in _g.items():
        ALLE.setdefault(_k, _v)


def vis(kode: Any, gruppe: dict | None = None) -> str:
    """The Danish name of a code ('doegn' -> 'Døgn'). A code no table knows (a post the user typed
    or imported) is shown as readable text: 'min_egen_post' -> 'Min egen post'."""
    if kode is None:
        return ""
    if gruppe is not None and kode in gruppe:
        return gruppe[kode]
    if kode in ALLE:
        return ALLE[kode]
    if isinstance(kode, str):
        return laesbar(kode)
    return str(kode)


def laesbar(kode: str) -> str:
    """A key written for people: 'min_egen_post' -> 'Min egen post', 'oevrige_udgifter' ->
    'Øvrige udgifter'. Text that is not a key (has capitals, spaces or æøå) is left as it is."""
    if not _NOEGLE.fullmatch(kode):
        return synlig(kode)
    tekst = kode.replace("_", " ")
    for ascii_, dansk in (("aa", "å"), ("oe", "ø"), ("ae", "æ")):
        tekst = tekst.replace(ascii_, dansk)
    return tekst[:1].upper() + tekst[1:]


_NOEGLE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")


def er_noegle(tekst: str) -> bool:
    """Whether a text is written as a key ('aften_nat'), so it can stand in a field path."""
    return _NOEGLE.fullmatch(tekst) is not None


def post_navn(kategori: str, post: str) -> str:
    """A budget post's name within its kategori."""
    return POSTER.get(kategori, {}).get(post) or vis(post)


def poster_for(kategori: str) -> list[tuple[str, str]]:
    """The posts a user can choose for a kategori, as (key, Danish name)."""
    return list(POSTER.get(kategori, {}).items())


# ---- field paths -------------------------------------------------------------------------------

FELTER: dict[str, str] = {
    # driftsherre and satser
    "takstaar": "Takstår", "driftsherre": "Driftsherre", "navn": "Navn", "cvr": "CVR-nummer",
    "type": "Type", "satser": "Satser", "rente_anlaeg_pct": "Rente til forrentning af anlæg",
    "rente_kort_pct": "Kort rente", "tjenestemandspension_pct": "Tjenestemandspension (sats)",
    "vaesentlighed_pct": "Væsentlighedsgrænse", "pl_fremskrivning_pct": "P/L-fremskrivning",
    "format": "Format",
    # overhead
    "overheadpuljer": "Overhead", "beloeb": "Beløb", "driftsandel_pct": "Driftsandel",
    "noegle": "Fordelingsnøgle", "omfang": "Omfang", "oevrige_modtagere": "Øvrige modtagere",
    "noegletal": "Nøgletal", "andele": "Faste andele", "kategori": "Kategori",
    # tilbud
    "tilbud": "Tilbud", "id": "Id", "tilbudsportal_id": "Tilbudsportal-id", "paragraf": "Paragraf",
    "tilbudstype": "Tilbudstype", "korte_forloeb": "Korte forløb", "nyt_tilbud": "Nyt tilbud",
    "foerste_driftsaar": "Første driftsår", "saerlige_vilkaar": "Særlige vilkår",
    "beskrivelse": "Beskrivelse", "godkendt": "Godkendt", "pladser": "Pladser",
    "pladser_forrige_aar": "Pladser sidste år", "belaegning": "Belægning", "metode": "Metode",
    "faktisk_pct": "Faktisk belægning", "pct": "Belægningsprocent", "begrundelse": "Begrundelse",
    "takststruktur": "Takststruktur", "enheder": "Enheder", "enhed": "Enhed", "antal": "Antal enheder",
    "fordeling": "Fordeling", "objektiv_finansiering": "Objektiv finansiering", "andel_pct": "Andel",
    "ydelser": "Ydelser", "stoettetimer_uge": "Støttetimer pr. uge", "forrige_takst": "Sidste års takst",
    "sundhedsydelser": "Sundhedsydelser",
    "omkostninger": "Budget", "post": "Post", "vagtlag": "Fagpersonale i vagtlag", "del": "Del af taksten",
    "ydelse": "Ydelse", "tjenestemand_loen": "Tjenestemandsløn",
    "tjenestemandspension": "Tjenestemandspension", "anlaeg": "Anlæg", "tekst": "Tekst",
    "anskaffelsesvaerdi": "Anskaffelsesværdi", "ibrugtagning": "Ibrugtagning", "levetid_aar": "Levetid",
    "restvaerdi": "Restværdi", "finansiering": "Finansiering",
    "driftskapital": "Driftskapital", "maaneder": "Måneder", "aarsvaerk": "Årsværk", "m2": "Kvadratmeter",
    "oevrige_indtaegter": "Øvrige indtægter", "resultater": "Regulering", "aar": "År",
    "resultat": "Resultat", "grundlag": "Takstberegningsgrundlag", "valg": "Valg",
    "indregnet_tidligere": "Indregnet tidligere", "nyt_tilbud_foerste_aar": "Nyt tilbuds første år",
    "hensaettelser": "Hensættelser", "brugt": "Brugt",
    "tillaegsydelser": "Tillægsydelser", "personalekategori": "Personalekategori",
    "timeomkostning": "Timeomkostning", "tidsrum": "Tidsrum", "fravaer_pct": "Fravær", "vfo_pct": "VFO",
    "bemaerkninger": "Bemærkninger",
    # the takster document (verification compares it with the recomputed one; the names are the
    # takstskema's and takstbilag's column headings)
    "grundlag_sha256": "Takstgrundlagets fingeraftryk",
    "takster": "Takster", "takst": "Takst (kr.)", "takst_kr": "Takst (hele kr.)",
    "basistakst": "Basistakst (kr.)", "ydelsestakst": "Ydelsestakst (kr.)",
    "aendring_pct": "Ændring (nominel)", "aendring_real_pct": "Ændring (real)",
    "belaegning_pct": "Belægning", "pladsdoegn": "Pladsdøgn", "pris_pr_stoettetime": "Pris pr. støttetime (kr.)",
    "pr_kategori": "Takst pr. omkostningskategori", "afskrivninger": "Afskrivninger",
    "forrentning_anlaeg": "Forrentning af anlæg", "forrentning_driftskapital": "Forrentning af driftskapital",
    "overhead": "Overhead", "omkostningsgrundlag": "Omkostningsgrundlag", "regulering": "Regulering",
    "hensat": "Hensat", "takstgrundlag": "Takstgrundlag", "ata_timetakst": "ATA-timetakst",
    "objektiv_fordeling": "Objektiv finansiering fordelt på kommuner",
    "fund": "Fund", "kode": "Fundets art", "niveau": "Niveau", "felt": "Sted",
    "reference": "Styringsaftalens punkt", "sidste_anvendelsesaar": "Sidste anvendelsesår",
    **TAKST_LINJER,  # the takster by omkostningskategori
    # the order of a row within its list (a column of the .takst file)
    "position": "Rækkefølge",
}
# What one element of a list is called ("Budget › linje 3").
ELEMENTER: dict[str, str] = {
    "omkostninger": "linje", "ydelser": "ydelse", "anlaeg": "anlæg", "oevrige_indtaegter": "linje",
    "resultater": "resultat", "hensaettelser": "hensættelse", "tillaegsydelser": "linje",
    "oevrige_modtagere": "modtager", "overheadpuljer": "pulje",
}



def felt_navn(noegle: str) -> str:
    """One field's Danish name ('levetid_aar' -> 'Levetid'), for messages that name a field."""
    return FELTER.get(noegle) or laesbar(noegle)


_DEL = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


_KORT = re.compile(r"(.*?\.(fordeling|tidsrum))\.(.*)", re.S)  # a map whose keys are the user's names


def felt_tekst(sti: str, grundlag: Any = None) -> str:
    """A field path in words: "Bostedet Nord › Budget › linje 3 › Beløb".

    With the takstgrundlag, a tilbud, ydelse, pulje or anlæg is named by its name; without it,
    by its number. Unknown keys are shown readable; the path never shows through. The last part
    of a fordeling's or tidsrum's path is the user's name of a kommune or tidsrum, shown whole
    ("Fordeling › ‘Kbh. Kommune’"), not split at its points.
    """
    if not sti:
        return "Filen som helhed"
    kort = _KORT.fullmatch(sti) if (".fordeling." in sti or ".tidsrum." in sti) else None
    if kort:
        hoved, felt, noegle = kort.groups()
        if felt == "tidsrum" and er_noegle(noegle):  # as the validation's message names it
            vist = vis(noegle, TIDSRUM)
        else:
            vist = f"‘{noegle}’" if noegle.strip() else "(uden navn)"
        return f"{felt_tekst(hoved, grundlag)} › {vist}"
    dele: list[str] = []
    forrige: str | None = None
    objekt: Any = grundlag
    for navn, index in _DEL.findall(sti):
        if index:
            i = int(index)
            element = None
            try:
                element = objekt[i] if objekt is not None else None
            except (IndexError, KeyError, TypeError):
                element = None
            elementnavn = _navn(element)
            if forrige in ("tilbud", "overheadpuljer") and elementnavn:
                if dele and dele[-1] in ("Tilbud", "Overhead"):
                    dele[-1] = f"{dele[-1]} ‘{elementnavn}’" if forrige == "overheadpuljer" else elementnavn
                else:
                    dele.append(elementnavn)
            elif forrige in ("tilbud", "overheadpuljer") and dele and dele[-1] in ("Tilbud", "Overhead"):
                dele[-1] = f"Tilbud {i + 1}" if forrige == "tilbud" else f"Overhead › pulje {i + 1}"
            elif elementnavn:
                dele.append(f"{ELEMENTER.get(forrige or '', 'nr.')} ‘{elementnavn}’")
            else:
                dele.append(f"{ELEMENTER.get(forrige or '', 'nr.')} {i + 1}")
            objekt = element
        else:
            felt = FELTER.get(navn)
            dele.append(felt if felt is not None else laesbar(navn))
            forrige = navn
            objekt = _attr(objekt, navn)
    return " › ".join(dele)


_MAKS_NAVN = 80


def tilbud_navn(tilbud: Any, i: int) -> str:
    """How a place in words names the tilbud at position i (as felt_tekst does): its name, or
    "Tilbud 3" when it has none that can be shown (none, blank, control characters, too long:
    a name of 10.000 characters was printed whole before each of 90.000 findings)."""
    return _navn(tilbud) or f"Tilbud {i + 1}"


def _navn(element: Any) -> str | None:
    """The name a tilbud, pulje, ydelse or anlæg is shown by: its record's navn, or the navn of
    a file's object not yet read (a format error names it too); None, so it is shown by its
    number, when it has none that can be shown (no text, blank, control characters, too long)."""
    navn = element.get("navn") if isinstance(element, dict) else getattr(element, "navn", None)
    # the length first: a name of 10.000 characters was scanned twice for every finding it has
    if not isinstance(navn, str) or len(navn) > _MAKS_NAVN or not navn.strip() or not navn.isprintable():
        return None
    return navn


def _attr(objekt: Any, navn: str) -> Any:
    if objekt is None:
        return None
    if navn == "del":
        navn = "del_"
    if isinstance(objekt, dict):
        return objekt.get(navn)
    return getattr(objekt, navn, None)


__all__ = [
    "ALLE", "ANLAEG_TYPER", "BELAEGNING_METODER", "DELE", "DRIFTSHERRE_TYPER", "ENHEDER", "FELTER",
    "FINANSIERINGER", "FUND", "IMPORT_KATEGORIER", "KATEGORIER", "NIVEAUER", "NOEGLER", "NOEGLETAL",
    "OMKOSTNINGSKATEGORIER", "POSTER", "RESULTAT_VALG", "TAKSTSTRUKTURER", "TAKST_LINJER", "TAKST_LINJER_KORT",
    "TIDSRUM", "TILBUDSTYPER",
    "felt_navn", "felt_tekst", "laesbar", "post_navn", "poster_for", "tilbud_navn", "vis",
]
