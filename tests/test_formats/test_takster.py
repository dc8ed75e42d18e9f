"""The takster/1 document (takstgrundlag-format.md): amounts with exactly two decimals, takst_kr and
trækningsret in whole kroner, the fingerprint of the takstgrundlag, findings where they belong."""
from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from takstberegner import tjeneste
from takstberegner.formats import takster
from takstberegner.formats import takstgrundlag as tg
from takstberegner.formats.fejl import InputError
from takstberegner.formats.takstgrundlag import laes_fil

EKSEMPEL = Path(__file__).parents[1] / "data" / "eksempler" / "eksempel-1-bostedet-nord.takstgrundlag.json"
TO_DECIMALER = re.compile(r"^-?\d+\.\d\d$")
HELE_KRONER = re.compile(r"^-?\d+$")


def test_eksempel_1_har_formatets_form():
    g = tg.laes_fil(EKSEMPEL)
    d = takster.skriv_dict(tjeneste.beregn(g))
    assert (d["format"], d["takstaar"]) == ("takster/1", 2026)
    assert d["grundlag_sha256"] == tg.sha256(g) and re.fullmatch(r"[0-9a-f]{64}", d["grundlag_sha256"])
    assert d["driftsherre"] == {"navn": g.driftsherre.navn, "cvr": g.driftsherre.cvr}
    (t,) = d["tilbud"]
    for k in ("belaegning_pct", "pladsdoegn", "afskrivninger", "forrentning_anlaeg", "overhead",
              "forrentning_driftskapital", "tjenestemandspension", "omkostningsgrundlag", "regulering", "hensat",
              "oevrige_indtaegter", "takstgrundlag", "pris_pr_stoettetime"):
        assert TO_DECIMALER.match(t[k]), (k, t[k])
    assert list(t["omkostninger"]) == ["personale", "aktivitet", "administration", "kompetenceudvikling",
                                       "ejendom", "kapital", "finansieringsindtaegter", "finansieringsudgifter"]
    assert all(TO_DECIMALER.match(v) for v in t["omkostninger"].values())
    for tk in t["takster"]:
        assert TO_DECIMALER.match(tk["takst"]) and HELE_KRONER.match(tk["takst_kr"])
        assert TO_DECIMALER.match(tk["basistakst"]) and TO_DECIMALER.match(tk["ydelsestakst"])
        assert list(tk["pr_kategori"])[-1] == "regulering_og_indtaegter"
        assert all(TO_DECIMALER.match(v) for v in tk["pr_kategori"].values())
    for h in t["hensaettelser"]:
        assert TO_DECIMALER.match(h["beloeb"]) and isinstance(h["sidste_anvendelsesaar"], int)
    assert t["tillaegsydelser"][0]["ata_timetakst"] == "335.78"
    for f in t["fund"]:
        assert set(f) == {"kode", "niveau", "tekst", "reference", "felt"}
    # The text form is UTF-8 JSON with æøå as themselves.
    tekst = takster.skriv_tekst(tjeneste.beregn(g))
    assert json.loads(tekst) == d and "\\u00" not in tekst


def test_nul_og_heltal_skrives_med_to_decimaler(beregn_dok, lav_dok):
    d = takster.skriv_dict(beregn_dok(lav_dok()))
    t = d["tilbud"][0]
    assert t["overhead"] == "0.00" and t["omkostningsgrundlag"] == "3650000.00"
    assert t["takster"][0]["takst"] == "1000.00" and t["takster"][0]["takst_kr"] == "1000"
    assert t["takster"][0]["pr_kategori"]["aktivitet"] == "0.00"


def test_traekningsret_i_hele_kroner(beregn_dok, lav_dok, lav_tilbud):
    t = lav_tilbud(takststruktur="traekningsret", belaegning=None, ydelser=[],
                   fordeling={"Aalborg": "2", "Brønderslev": "1"})
    d = takster.skriv_dict(beregn_dok(lav_dok(t)))
    # 3.650.000 by 2:1 = 2.433.333,33 and 1.216.666,67 -> 2.433.333 + 1.216.667.
    assert d["tilbud"][0]["fordeling"] == {"Aalborg": "2433333", "Brønderslev": "1216667"}
    assert d["tilbud"][0]["takster"] == []


def test_fund_uden_tilbud_staar_oeverst(beregn_dok, lav_dok, lav_tilbud):
    t = lav_tilbud(noegletal={"m2": "0"})
    d = takster.skriv_dict(beregn_dok(lav_dok(t, puljer=[{"id": "K", "navn": "Køkken", "beloeb": "1", "noegle": "m2"}])))
    assert [(f["kode"], f["felt"]) for f in d["fund"]] == [("INPUT", "overheadpuljer[0]")]
    assert "INPUT" not in [f["kode"] for f in d["tilbud"][0]["fund"]]


_EKSEMPLER = Path(__file__).parents[1] / "data" / "eksempler"


def test_takster_dokumentet_har_formatets_form():
    d = takster.skriv_dict(tjeneste.beregn(laes_fil(_EKSEMPLER / "eksempel-1-bostedet-nord.takstgrundlag.json")))
    t = d["tilbud"][0]
    assert d["format"] == "takster/1" and len(d["grundlag_sha256"]) == 64
    for k in ("omkostningsgrundlag", "takstgrundlag", "regulering", "overhead"):
        assert len(t[k].split(".")[1]) == 2  # exactly two decimals
    tk = t["takster"][0]
    assert tk["takst_kr"] == "1665" and "." not in tk["takst_kr"]
    assert list(tk["pr_kategori"]) == ["personale", "aktivitet", "administration", "kompetenceudvikling",
                                       "ejendom", "kapital", "finansieringsindtaegter", "finansieringsudgifter",
                                       "regulering_og_indtaegter"]
    assert sum(Decimal(v) for v in tk["pr_kategori"].values()) == Decimal(tk["takst"])


@pytest.mark.parametrize("tekst, forventet", [
    ('{"format": "takster/1",\n "tilbud": [}', "linje 2, kolonne 13: her mangler en værdi"),
    ('{"format": "takster/1" "tilbud": []}', "linje 1, kolonne 24: her mangler et komma"),
    ('{"format": "takster/1", "tilbud": [\x07]}', "linje 1, kolonne 36: her mangler en værdi"),
])
def test_ugyldig_json_siges_paa_dansk_med_stedet(tekst, forventet):
    """A takster document that is not JSON (inside an indmelding, or given to the secretariat) was
    refused with the json module's English ('Expecting value'); now in Danish with the place."""
    with pytest.raises(InputError) as e:
        takster.laes_tekst(tekst)
    besked = str(e.value)
    assert besked.endswith(f"takster-dokumentet kan ikke læses: {forventet}"), besked
    assert not any(w in besked for w in ("Expecting", "delimiter", "char", "value"))


@pytest.mark.parametrize("tekst", ['{"format": "takster/2", "tilbud": []}', '{"format": "takstgrundlag/1"}', '[]'])
def test_andet_dokument_siges_om_filen(tekst):
    """Not a takster document: said about the file, without a field named Format or the format's code."""
    with pytest.raises(InputError) as e:
        takster.laes_tekst(tekst)
    assert str(e.value) == "filen er ikke et takster-dokument fra Takstberegner"
