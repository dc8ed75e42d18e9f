"""The takstgrundlag/1 reader and writer (takstgrundlag-format.md): exact decimals, defaults,
round trip and fingerprint, and the malformed corpus rejected with the field path."""
from __future__ import annotations

import hashlib
import json
from decimal import Decimal as D
from pathlib import Path

import pytest

from takstberegner.domain.navne import felt_tekst
from hypothesis import HealthCheck, given, settings
from takstberegner.formats import takstgrundlag as tg
from takstberegner.formats.fejl import InputError
from test_storage import modeller

DATA = Path(__file__).parents[1] / "data"
EKSEMPLER = sorted((DATA / "eksempler").glob("*.takstgrundlag.json"))
MALFORMED = DATA / "malformed"
FORVENTET: dict[str, dict] = json.loads((MALFORMED / "forventet_sti.json").read_text(encoding="utf-8"))


# ---------------------------------------------------------------- malformed corpus
# Each file breaks one field. "laeser": a syntax error the reader refuses with the field path;
# "valider": a bad value the reader loads and the validation reports (tests/test_domain/test_validering.py).
SYNTAKS = sorted(n for n, v in FORVENTET.items() if v["af"] == "laeser")
VAERDIER = sorted(n for n, v in FORVENTET.items() if v["af"] == "valider")


def test_korpus_har_mindst_25_filer_og_hver_har_en_sti():
    filer = {p.name for p in MALFORMED.glob("*.json")} - {"forventet_sti.json"}
    assert len(filer) >= 25 and len(SYNTAKS) >= 15 and len(VAERDIER) >= 15
    assert filer == set(FORVENTET)


@pytest.mark.parametrize("navn", SYNTAKS)
def test_laeseren_afviser_syntaks_med_feltets_sti(navn):
    sti = FORVENTET[navn]["sti"]
    with pytest.raises(InputError) as e:
        tg.laes_fil(MALFORMED / navn)
    assert e.value.sti == sti
    assert len(e.value.besked) > 15 and "Traceback" not in e.value.besked
    assert "Error" not in e.value.besked  # a sentence, not an exception name
    try:
        d = json.loads((MALFORMED / navn).read_text(encoding="utf-8"), parse_float=D)
    except (ValueError, UnicodeDecodeError):
        d = None
    # Shown to a user, the place is in words (navne.felt_tekst), never the field path, with the
    # names the file gives its tilbud, ydelser and anlæg; an unknown key by the object holding it.
    sted_sti = e.value.sti.rpartition(".")[0] if navn.startswith("ukendt-felt") else e.value.sti
    assert str(e.value) == (f"{felt_tekst(sted_sti, d)}: {e.value.besked}" if sted_sti else e.value.besked)
    assert not any(c in e.value.sti for c in ".[") or e.value.sti not in str(e.value)
    if d is None:
        return
    # A file that is a JSON document is rejected by laes_dict with the same path.
    with pytest.raises(InputError) as e2:
        tg.laes_dict(d)
    assert e2.value.sti == sti


@pytest.mark.parametrize("navn", VAERDIER)
def test_laeseren_laeser_et_dokument_med_en_daarlig_vaerdi(navn):
    g = tg.laes_fil(MALFORMED / navn)
    assert g.tilbud  # it loads; the value is the validation's business
    assert tg.laes_dict(tg.skriv_dict(g)) == g


def test_beskeden_naevner_vaerdien_og_hvad_der_skal_goeres():
    with pytest.raises(InputError) as e:
        tg.laes_fil(MALFORMED / "beloeb-med-komma.json")
    assert "'6.500.000,00'" in e.value.besked and "punktum" in e.value.besked
    with pytest.raises(InputError) as e:
        tg.laes_fil(MALFORMED / "ukendt-felt-top.json")
    assert "ukendt felt 'skabelon'" in e.value.besked and "Tilbud" in e.value.besked
    assert "Tilladte felter her: Format, Takstår, Driftsherre, Satser, Overhead, Tilbud" in e.value.besked


@pytest.mark.parametrize("noegle", ["Json.x", "pladser[0]", "a.b[2].c"])
def test_en_ukendt_noegle_med_punktum_eller_klamme_vises_hel(noegle):
    """An unknown key is shown whole in the message, and its place is the object that holds it:
    a key with "." or "[" is not split into made-up fields ("Json › X")."""
    d = tg.skriv_dict(tg.laes_fil(EKSEMPLER[0]))
    d["tilbud"][0][noegle] = 1
    with pytest.raises(InputError) as e:
        tg.laes_dict(d)
    assert str(e.value).startswith(f"Bostedet Nord: ukendt felt '{noegle}'. Tilladte felter her: ")
    d["tilbud"][0].pop(noegle)
    d[noegle] = 1
    with pytest.raises(InputError) as e:
        tg.laes_dict(d)
    assert str(e.value).startswith(f"ukendt felt '{noegle}'. Tilladte felter her: Format, Takstår")


def test_tom_fil():
    with pytest.raises(InputError, match="filen tom.json er tom"):
        tg.laes_fil(MALFORMED / "tom.json")


def test_naermeste_gyldige_dokument_laeses(lav_dok):
    # The generated corpus files each break one field of this document; the document itself is valid.
    d = lav_dok(puljer=[{"id": "ADM", "navn": "Administration", "beloeb": "100000", "noegle": "pladser",
                         "oevrige_modtagere": [{"id": "O", "navn": "Øvrige", "noegletal": "10"}]}])
    assert tg.laes_dict(d).tilbud[0].pladser == 10


def test_manglende_fil():
    with pytest.raises(InputError, match="findes ikke"):
        tg.laes_fil(MALFORMED / "findes-ikke.json")


# ---------------------------------------------------------------- numbers and defaults
def test_tal_som_tekst_heltal_og_json_decimaler_er_eksakte(lav_dok):
    d = lav_dok()
    tekst = json.dumps(d).replace('"3650000"', "3650000.10")
    g = tg.laes_tekst(tekst)
    assert g.tilbud[0].omkostninger[0].beloeb == D("3650000.10")  # not 3650000.1000000001
    d["tilbud"][0]["omkostninger"][0]["beloeb"] = 1234
    assert tg.laes_dict(d).tilbud[0].omkostninger[0].beloeb == D(1234)
    d["tilbud"][0]["omkostninger"][0]["beloeb"] = " 0.1 "
    assert tg.laes_dict(d).tilbud[0].omkostninger[0].beloeb == D("0.1")


def test_standardvaerdier(lav_dok, lav_tilbud):
    t = lav_tilbud(
        omkostninger=[{"kategori": "personale", "post": "p", "beloeb": "1"}],
        anlaeg=[{"id": "A", "type": "inventar", "anskaffelsesvaerdi": "1000", "ibrugtagning": "2024-01-01",
                 "levetid_aar": 5}],
        resultater=[{"aar": 2025, "resultat": "1", "grundlag": "100"}],
        tillaegsydelser=[{"personalekategori": "P", "timeomkostning": "200", "tidsrum": {"dag": "0"}}])
    g = tg.laes_dict(lav_dok(t, puljer=[{"id": "P", "beloeb": "1", "noegle": "pladser"}],
                             satser={"rente_anlaeg_pct": "3"}))
    linje, a, r, x = g.tilbud[0].omkostninger[0], g.tilbud[0].anlaeg[0], g.tilbud[0].resultater[0], g.tilbud[0].tillaegsydelser[0]
    assert (linje.vagtlag, linje.del_, linje.ydelse) == (False, None, None)
    assert (a.restvaerdi, a.andel_pct, a.finansiering) == (D(0), D(100), "ejet")
    assert (r.indregnet_tidligere, r.nyt_tilbud_foerste_aar) == (D(0), False)
    assert x.fravaer_pct == D(0)
    assert g.overheadpuljer[0].driftsandel_pct == D(100) and g.overheadpuljer[0].omfang is None
    assert g.satser.rente_kort_pct is None and g.driftsherre.type == "kommune"


def test_bom_accepteres(tmp_path, lav_dok):
    p = tmp_path / "g.json"
    p.write_bytes(b"\xef\xbb\xbf" + json.dumps(lav_dok(), ensure_ascii=False).encode("utf-8"))
    assert tg.laes_fil(p).driftsherre.navn == "Testkommune"


# ---------------------------------------------------------------- writing, round trip, fingerprint
@pytest.mark.parametrize("sti", EKSEMPLER, ids=[p.name for p in EKSEMPLER])
def test_eksempler_tur_retur(sti):
    g = tg.laes_fil(sti)
    assert tg.laes_dict(tg.skriv_dict(g)) == g
    assert tg.laes_tekst(tg.skriv_tekst(g)) == g
    assert tg.skriv_dict(tg.laes_dict(tg.skriv_dict(g))) == tg.skriv_dict(g)
    # Amounts are written as decimal strings, never as JSON numbers that a reader could take as floats.
    tal = list(_blade(json.loads(tg.skriv_tekst(g))))
    assert not any(isinstance(v, float) for v in tal)
    assert tg.skriv_dict(g)["tilbud"][0]["omkostninger"][0]["beloeb"] == format(g.tilbud[0].omkostninger[0].beloeb, "f")


def _blade(x):
    if isinstance(x, dict):
        for v in x.values():
            yield from _blade(v)
    elif isinstance(x, list):
        for v in x:
            yield from _blade(v)
    else:
        yield x


def test_fingeraftryk_er_sha256_af_kanonisk_json(lav_dok):
    g = tg.laes_dict(lav_dok())
    kanon = tg.kanonisk_bytes(g)
    assert tg.sha256(g) == hashlib.sha256(kanon).hexdigest()
    # Keys sorted at every level, no insignificant whitespace, UTF-8 (not \\u escapes).
    assert kanon == json.dumps(json.loads(kanon), sort_keys=True, separators=(",", ":"),
                               ensure_ascii=False).encode("utf-8")
    assert "SEL § 108".encode() in kanon


def test_fingeraftryk_afhaenger_af_indhold_ikke_af_form(lav_dok):
    d = lav_dok()
    g = tg.laes_dict(d)
    # Key order, whitespace and "3650000" vs 3650000 do not change it ...
    omvendt = json.loads(json.dumps(d), object_pairs_hook=lambda par: dict(reversed(par)))
    omvendt["tilbud"][0]["omkostninger"][0]["beloeb"] = 3650000
    assert tg.sha256(tg.laes_tekst(json.dumps(omvendt, indent=4))) == tg.sha256(g)
    # ... one øre does.
    d["tilbud"][0]["omkostninger"][0]["beloeb"] = "3650000.01"
    assert tg.sha256(tg.laes_dict(d)) != tg.sha256(g)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(modeller.grundlag)
def test_kanonisk_tekst_skrevet_direkte_er_den_samme_som_json_dumps(g):
    """The fingerprint's text is written per tilbud and per line for speed; it must be exactly
    json.dumps(skriv_dict(g), sort_keys, no whitespace), for any model, with or without the cache."""
    forventet = json.dumps(tg.skriv_dict(g), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    dele: dict = {}
    assert tg.kanonisk_bytes(g) == tg.kanonisk_bytes(g, dele) == tg.kanonisk_bytes(g, dele) == forventet.encode("utf-8")


@pytest.mark.parametrize("format_, forventet", [
    ("takstgrundlag/2", "filen er skrevet i en anden udgave af Takstberegners filformat ('takstgrundlag/2'), som denne "
                        "version ikke kan læse (den læser 'takstgrundlag/1'); er filen lavet med en nyere "
                        "Takstberegner, så opdatér programmet"),
    ("takster/1", "filen er ikke et takstgrundlag fra Takstberegner (den siger, den er 'takster/1')"),
    (7, "filen er ikke et takstgrundlag fra Takstberegner (den siger, den er 7)"),
])
def test_andet_format_siges_om_filen(format_, forventet):
    """A file of another format or version is refused about the file, not as a field 'Format' with
    'er ikke understøttet; forventet …' (the value is quoted as the file has it)."""
    d = {"format": format_, "takstaar": 2026, "driftsherre": {}, "satser": {}}
    with pytest.raises(InputError) as e:
        tg.laes_dict(d)
    assert str(e.value) == forventet
