"""Every finding of SPEC §5, triggered by a minimal document, and absent from the nearest valid one.

The base here is finding-free: 10 pladser at 97 % (3.540,5 pladsdøgn) and 3.540.500 kr. of vagtlag
personale, so the takst is 1.000,00 kr. Each case changes one thing.
"""
from __future__ import annotations

import re
from decimal import Decimal as D

import pytest

GYLDIG = {"metode": "forventet", "pct": "97", "begrundelse": "Som sidste år"}
PERSONALE = {"kategori": "personale", "post": "borgerrelateret_personale", "beloeb": "3540500", "vagtlag": True}


def bel(pct, begrundelse="Som sidste år", metode="forventet"):
    return {"metode": metode, "pct": pct, "begrundelse": begrundelse}


def res(resultat, aar=2025, valg="indregn"):
    return {"aar": aar, "resultat": resultat, "grundlag": "4000000", "valg": valg}


def bil(**kw):
    return {"id": "A", "navn": "Bil", "type": "transportmiddel", "anskaffelsesvaerdi": "120000",
            "ibrugtagning": "2024-01-01", "levetid_aar": 5, **kw}


def ydelser(*spec):
    return [{"id": f"Y{i}", "navn": f"Ydelse {i}", "pladser": p, **({"stoettetimer_uge": h} if h else {})}
            for i, (p, h) in enumerate(spec)]


def ATA(vfo):
    return {"personalekategori": "Socialpædagog", "timeomkostning": "206", "fravaer_pct": "33", "vfo_pct": vfo,
            "tidsrum": {"hverdag": "25"}}


LEASET = bil(finansiering="finansiel_leasing")
LEASINGLINJE = {"kategori": "kapital", "post": "leasingydelse", "beloeb": "26000", "anlaeg": "A"}

# kode, niveau (SPEC §5), what triggers it, the nearest valid document, the field it points at.
def beregnet(a, b):
    return {"metode": "beregnet", "faktisk_pct": {"2024": a, "2025": b}}


TILFAELDE = [
    # SPEC v2 §5: under 95 % is a fejl without a begrundelse, a warning with one (DAS judges it).
    ("BEL-UNDER-95", "fejl", {"belaegning": beregnet("94.98", "95")}, {"belaegning": beregnet("95", "95")},
     "tilbud[0].belaegning"),
    ("BEL-UNDER-95", "advarsel", {"belaegning": bel("94.99")}, {"belaegning": bel("95")}, "tilbud[0].belaegning"),
    ("BEL-UNDER-90", "fejl", {"korte_forloeb": True, "belaegning": bel("89.99")},
     {"korte_forloeb": True, "belaegning": bel("90")}, "tilbud[0].belaegning"),
    ("BEL-OVER-98", "info", {"belaegning": bel("98.01")}, {"belaegning": bel("98")}, "tilbud[0].belaegning"),
    ("BEL-UGYLDIG", "fejl", {"belaegning": {"metode": "beregnet", "faktisk_pct": {"2025": "97"}}},
     {"belaegning": {"metode": "beregnet", "faktisk_pct": {"2024": "96", "2025": "97"}}}, "tilbud[0].belaegning"),
    ("BEL-BEGRUNDELSE", "fejl", {"belaegning": bel("97", "")}, {"belaegning": bel("97", "Venteliste")},
     "tilbud[0].belaegning"),
    ("REG-FRIST", "fejl", {"resultater": [res("-500000", 2024, "udskyd")]},
     {"resultater": [res("-500000", 2025, "udskyd")]}, "tilbud[0].resultater[0]"),
    ("REG-EGENRISIKO", "info", {"resultater": [res("-200000")]}, {"resultater": [res("-200000.01")]},
     "tilbud[0].resultater[0]"),
    # SA 6.1.2: only a new tilbud's first-driftsår loss may be spread over three takstår.
    ("REG-NYT-TILBUD", "fejl",
     {"nyt_tilbud": True, "foerste_driftsaar": 2024, "resultater": [dict(res("-500000"), nyt_tilbud_foerste_aar=True)]},
     {"nyt_tilbud": True, "foerste_driftsaar": 2025, "resultater": [dict(res("-500000"), nyt_tilbud_foerste_aar=True)]},
     "tilbud[0].resultater[0].nyt_tilbud_foerste_aar"),
    ("HENS-UDLOEB", "advarsel", {"hensaettelser": [{"aar": 2021, "beloeb": "1000"}]},
     {"hensaettelser": [{"aar": 2022, "beloeb": "1000"}]}, "tilbud[0].hensaettelser[0]"),
    ("LEAS-DOBBELT", "fejl", {"anlaeg": [LEASET], "omkostninger": [PERSONALE, LEASINGLINJE]},
     {"anlaeg": [LEASET], "omkostninger": [PERSONALE]}, "tilbud[0].anlaeg[0]"),
    ("PLADSER-AENDRET", "fejl", {"pladser_forrige_aar": 12},
     {"pladser_forrige_aar": 12, "bemaerkninger": "To pladser nedlagt efter aftale med KKR"},
     "tilbud[0].bemaerkninger"),
    # Takst 1.000,00 against 952,38: +5,0001 % > 5 %; against 952,39: +4,9990 %.
    ("TAKST-AENDRET", "fejl", {"ydelser": [{"id": "T-1", "pladser": 10, "stoettetimer_uge": "10", "forrige_takst": "952.38"}]},
     {"ydelser": [{"id": "T-1", "pladser": 10, "stoettetimer_uge": "10", "forrige_takst": "952.39"}]},
     "tilbud[0].bemaerkninger"),
    ("STOETTETIMER-MANGLER", "advarsel", {"ydelser": ydelser((10, None))}, {"ydelser": ydelser((10, "1"))},
     "tilbud[0].ydelser[0].stoettetimer_uge"),
    ("PLADSER-SUM", "fejl", {"takststruktur": "differentieret", "ydelser": ydelser((4, "2"), (5, "8"))},
     {"takststruktur": "differentieret", "ydelser": ydelser((5, "2"), (5, "8"))}, "tilbud[0].pladser"),
    ("KATEGORI-1", "info", {"kategori": 1}, {"kategori": 2}, "tilbud[0].kategori"),
    ("IKKE-TAKST-OMKOSTNING", "advarsel",
     {"omkostninger": [PERSONALE, {"kategori": "aktivitet", "post": "individuel_valgfri_ydelse", "beloeb": "5000"}]},
     {"omkostninger": [PERSONALE, {"kategori": "aktivitet", "post": "aktiviteter", "beloeb": "5000"}]},
     "tilbud[0].omkostninger[1]"),
    # SA 5.5.5: interest on loans is not in the takst (the forrentning of anlæg is computed instead).
    ("RENTE-LAAN", "advarsel",
     {"omkostninger": [PERSONALE, {"kategori": "finansieringsudgifter", "post": "renteudgifter", "beloeb": "40000"}]},
     {"omkostninger": [PERSONALE, {"kategori": "finansieringsudgifter", "post": "renteudgifter", "beloeb": "0"}]},
     "tilbud[0].omkostninger[1]"),
    # SA 5.4.7: the marginal cost of a tillægsydelse gets 'et tillæg på 5 %' for variable følgeomkostninger.
    ("ATA-VFO", "advarsel", {"tillaegsydelser": [ATA("5.01")]}, {"tillaegsydelser": [ATA("5")]},
     "tilbud[0].tillaegsydelser[0].vfo_pct"),
    ("ANLAEG-LEVETID", "advarsel", {"anlaeg": [bil(type="bygning", levetid_aar=44)]},
     {"anlaeg": [bil(type="bygning", levetid_aar=45)]}, "tilbud[0].anlaeg[0].levetid_aar"),
    # SPEC v2 §2: a new tilbud names its first driftsår; the lower belægning ends after it.
    ("NYT-TILBUD-AAR", "advarsel", {"nyt_tilbud": True}, {"nyt_tilbud": True, "foerste_driftsaar": 2026},
     "tilbud[0].foerste_driftsaar"),
    ("NYT-TILBUD-UDLOEBET", "fejl", {"nyt_tilbud": True, "foerste_driftsaar": 2025, "belaegning": bel("97", metode="nyt_tilbud")},
     {"nyt_tilbud": True, "foerste_driftsaar": 2026, "belaegning": bel("97", metode="nyt_tilbud")},
     "tilbud[0].belaegning"),
]


def _tilbud(lav_tilbud, kw):
    base = {"belaegning": GYLDIG, "omkostninger": [PERSONALE]}
    base.update(kw)
    return lav_tilbud(**base)


def _alle(b):
    return [f for f in b.alle_fund()]


@pytest.mark.parametrize("kode, niveau, udloeser, gyldig, felt", TILFAELDE, ids=[f"{t[0]}-{t[1]}" for t in TILFAELDE])
def test_fund_udloeses_og_naermeste_gyldige_er_rent(beregn_dok, lav_dok, lav_tilbud, kode, niveau, udloeser,
                                                    gyldig, felt):
    b = beregn_dok(lav_dok(_tilbud(lav_tilbud, udloeser)))
    fund = _alle(b)
    assert [f.kode for f in fund] == [kode], "the minimal document triggers exactly this finding"
    (f,) = fund
    assert (f.niveau, f.felt) == (niveau, felt)
    assert f.reference.startswith("SA ")
    assert len(f.tekst) > 30 and not re.search(r"[{}]", f.tekst)  # a sentence, placeholders filled
    assert re.search(r"[æøåÆØÅ]|skal|er ", f.tekst)  # Danish
    assert b.har_fejl == (niveau == "fejl")
    assert _alle(beregn_dok(lav_dok(_tilbud(lav_tilbud, gyldig)))) == []


def test_alle_spec_koder_er_daekket():
    spec = {"BEL-UNDER-95", "BEL-UNDER-90", "BEL-OVER-98", "BEL-UGYLDIG", "BEL-BEGRUNDELSE", "REG-FRIST",
            "REG-EGENRISIKO", "HENS-UDLOEB", "LEAS-DOBBELT", "PLADSER-AENDRET", "TAKST-AENDRET",
            "STOETTETIMER-MANGLER", "PLADSER-SUM", "KATEGORI-1", "IKKE-TAKST-OMKOSTNING", "ANLAEG-LEVETID",
            "NYT-TILBUD-AAR", "NYT-TILBUD-UDLOEBET", "RENTE-LAAN", "REG-NYT-TILBUD", "ATA-VFO"}
    assert {t[0] for t in TILFAELDE} == spec  # INPUT: the tests below and tests/test_formats


def test_takst_aendret_nedad_og_med_egen_graense(beregn_dok, lav_dok, lav_tilbud):
    def koder(forrige, satser=None, **kw):
        y = [{"id": "T-1", "pladser": 10, "stoettetimer_uge": "10", "forrige_takst": forrige}]
        d = lav_dok(_tilbud(lav_tilbud, {"ydelser": y, **kw}), satser=satser)
        return [f.kode for f in _alle(beregn_dok(d))]

    # Down: 1.000 against 1.052,64 is -5,0007 %; against 1.052,63 -4,9998 %.
    assert koder("1052.64") == ["TAKST-AENDRET"] and koder("1052.63") == []
    # The væsentlighedsgrænse is a sats: at 10 % a change of 5 % needs no bemærkning; at 1 % 1,5 % does.
    assert koder("952.38", satser={"rente_anlaeg_pct": "0", "vaesentlighed_pct": "10"}) == []
    assert koder("985.22", satser={"rente_anlaeg_pct": "0", "vaesentlighed_pct": "1"}) == ["TAKST-AENDRET"]
    # No last year's takst (a new ydelse): nothing to compare.
    assert koder(None) == []


def test_leasingydelse_alene_er_ikke_dobbelt(beregn_dok, lav_dok, lav_tilbud):
    # An owned asset referenced by a line is no LEAS-DOBBELT (only finansiel leasing is).
    d = lav_dok(_tilbud(lav_tilbud, {"anlaeg": [bil()], "omkostninger": [PERSONALE, LEASINGLINJE]}))
    assert _alle(beregn_dok(d)) == []


@pytest.mark.parametrize("typ, levetid, advarsel", [
    ("bygning", 50, False), ("bygning", 51, True), ("installation", 10, False), ("installation", 21, True),
    ("inventar", 3, False), ("inventar", 2, True), ("it", 5, False), ("it", 6, True),
    ("transportmiddel", 8, False), ("transportmiddel", 4, True), ("andet", 20, False), ("andet", 21, True),
])
def test_levetid_graenser(beregn_tilbud, typ, levetid, advarsel):
    r = beregn_tilbud(belaegning=GYLDIG, anlaeg=[bil(type=typ, levetid_aar=levetid)])
    assert ("ANLAEG-LEVETID" in [f.kode for f in r.fund]) == advarsel


def test_input_fund_for_pulje_med_nul_noegle(beregn_dok, lav_dok, lav_tilbud):
    t = _tilbud(lav_tilbud, {"noegletal": {"m2": "0"}})
    p = {"id": "K", "navn": "Fælles køkken", "beloeb": "50000", "noegle": "m2"}
    b = beregn_dok(lav_dok(t, puljer=[p]))
    (f,) = b.fund
    assert (f.kode, f.niveau, f.felt) == ("INPUT", "fejl", "overheadpuljer[0]")
    assert "Fælles køkken" in f.tekst
    t["noegletal"]["m2"] = "250"
    b = beregn_dok(lav_dok(t, puljer=[p]))
    assert _alle(b) == [] and b.tilbud[0].overhead == D("50000.00")


def test_input_fund_for_ydelse_uden_pladser(beregn_tilbud):
    # Gennemsnit: a ydelse with 0 pladser has no pladsdøgn to carry a takst.
    r = beregn_tilbud(belaegning=GYLDIG, pladser=10, ydelser=ydelser((10, "5"), (0, "5")))
    (f,) = r.fund
    assert (f.kode, f.niveau, f.felt) == ("INPUT", "fejl", "tilbud[0].ydelser[1].pladser")
