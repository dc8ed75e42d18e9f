"""Every v1 document computes exactly as before under SPEC v2 (issue 10), and the points SPEC v2
now states for §1, §4.4 and §4.8 are pinned by hand.

tests/data/v1_takster holds the takster documents the v1 engine (before SPEC v2) wrote for the
three worked examples and the demo. Every figure of them must come out the same to the øre;
findings are compared by code, with the one v2 finding that is new in them.
"""
from __future__ import annotations

import json
from decimal import Decimal as D
from pathlib import Path

import pytest

from takstberegner import tjeneste
from takstberegner.domain.penge import fordel_stoerste_rest
from takstberegner.formats import takster as takster_format
from takstberegner.formats import takstgrundlag as tg
from takstberegner.paths import resource

DATA = Path(__file__).parents[1] / "data"
KILDER = {
    "eksempel-1-bostedet-nord": DATA / "eksempler" / "eksempel-1-bostedet-nord.takstgrundlag.json",
    "eksempel-2-overskud": DATA / "eksempler" / "eksempel-2-overskud.takstgrundlag.json",
    "eksempel-3-nyt-tilbud": DATA / "eksempler" / "eksempel-3-nyt-tilbud.takstgrundlag.json",
    "demokommune": resource("demo", "demokommune.takstgrundlag.json"),
}
# Example 3 marks a nyt_tilbud without foerste_driftsaar: SPEC v2 §2 reads it as T and warns.
# (The demo names its first driftsår, 2026, so it has no new finding.)
NYE_FUND = {("eksempel-3-nyt-tilbud", "NY"): {"NYT-TILBUD-AAR"}}
# The canonical takstgrundlag of each example, as v1 hashed it: v2 keys are written only when set.
V1_SHA256 = {
    "eksempel-1-bostedet-nord": "d829cbf720c3bab7cc25224a7245c379916013450a961ccbfdfd075a24fd09f8",
    "eksempel-2-overskud": "c198a6baae030b2fb37cb791946a29558a53a885c3e84835593a2f15507e0581",
    "eksempel-3-nyt-tilbud": "fc3ef0c810cda6906cf57b05f54c8f9b02879891c1f869ba1bc994856ebe2402",
}


def _forskelle(v1, v2, sti=""):
    if isinstance(v1, dict):
        for k, v in v1.items():
            if k == "fund" or k == "grundlag_sha256":
                continue
            yield from _forskelle(v, v2.get(k) if isinstance(v2, dict) else None, f"{sti}.{k}")
    elif isinstance(v1, list):
        if not isinstance(v2, list) or len(v1) != len(v2):
            yield f"{sti}: {v1!r} != {v2!r}"
            return
        for i, (a, b) in enumerate(zip(v1, v2)):
            yield from _forskelle(a, b, f"{sti}[{i}]")
    elif v1 != v2:
        yield f"{sti}: {v1!r} != {v2!r}"


@pytest.mark.parametrize("navn", sorted(KILDER))
def test_v1_dokument_giver_de_samme_tal(navn):
    v1 = json.loads((DATA / "v1_takster" / f"{navn}.takster.json").read_text(encoding="utf-8"))
    v2 = takster_format.skriv_dict(tjeneste.beregn(tg.laes_fil(KILDER[navn])))
    assert list(_forskelle(v1, v2)) == []  # every v1 figure, as the same string
    for a, b in zip(v1["tilbud"], v2["tilbud"]):
        assert {f["kode"] for f in b["fund"]} == {f["kode"] for f in a["fund"]} | NYE_FUND.get((navn, a["id"]), set())
        # The new row figures: the real change equals the nominal with P/L 0, and the rows carry
        # the tilbud's belægning (none of these documents has one per ydelse).
        for tk in b["takster"]:
            assert tk["aendring_real_pct"] == tk["aendring_pct"]
            assert tk["belaegning_pct"] == b["belaegning_pct"] or b["belaegning_pct"] is None


@pytest.mark.parametrize("navn", sorted(V1_SHA256))
def test_v1_dokumentets_fingeraftryk_er_uaendret(navn):
    g = tg.laes_fil(KILDER[navn])
    assert tg.sha256(g) == V1_SHA256[navn]
    tekst = tg.skriv_tekst(g)
    for noegle in ("foerste_driftsaar", "objektiv_finansiering", "pl_fremskrivning_pct", "korte_forloeb\": true"):
        assert noegle not in tekst


# ---------------------------------------------------------------- §1
def test_dele_er_eksakte_andele_af_det_eksakte_hele():
    # 0,015 kr. on the key 1 : 1 : 5. The exact shares of the exact whole are 0,00214.., 0,00214..,
    # 0,01071..; the whole rounds to 0,02. Floors 0,00 + 0,00 + 0,01 leave one øre, to the largest
    # remainder: ,00214 (first) = ,00214 (second) > ,00071 (third); the tie goes to the earlier.
    assert fordel_stoerste_rest(D("0.015"), [D(1), D(1), D(5)]) == [D("0.01"), D("0.00"), D("0.01")]
    # (Shares of the rounded whole, 0,02/7 × 1, 1, 5, would have given the øre to the third part.)


def test_overhead_med_eksakt_hele_gennem_motoren(beregn_dok, lav_dok, lav_tilbud):
    # 0,03 kr. × driftsandel 50 % = 0,015 on pladser 10 (the tilbud) : 10 : 50 (two øvrige
    # modtagere): as above, the tilbud (first) gets 0,01, the others 0,00 and 0,01.
    pulje = {"id": "P", "navn": "Lille pulje", "beloeb": "0.03", "driftsandel_pct": "50", "noegle": "pladser",
             "oevrige_modtagere": [{"id": "A", "navn": "A", "noegletal": "10"},
                                   {"id": "B", "navn": "B", "noegletal": "50"}]}
    b = beregn_dok(lav_dok(lav_tilbud(), puljer=[pulje]))
    assert [a.beloeb for a in b.overhead[0].andele] == [D("0.01"), D("0.00"), D("0.01")]


# ---------------------------------------------------------------- §4.4
def test_anlaeg_taget_i_brug_efter_takstaaret_har_intet_i_aaret(beregn_tilbud):
    # A car taken into use 10 January 2027 is not on the books in 2026: no afskrivning, no
    # forrentning (book value 0 at 1 January and at 31 December).
    bil = {"id": "A", "navn": "Bil", "type": "transportmiddel", "anskaffelsesvaerdi": "120000",
           "ibrugtagning": "2027-01-10", "levetid_aar": 5}
    r = beregn_tilbud(anlaeg=[bil], satser={"rente_anlaeg_pct": "4", "rente_kort_pct": "0"})
    (a,) = r.anlaeg
    assert (a.maaneder_i_aar, a.afskrivning, a.bogfoert_primo, a.bogfoert_ultimo, a.forrentning) == (
        0, D("0.00"), D("0.00"), D("0.00"), D("0.00"))
    assert r.omkostningsgrundlag == D("3650000.00")


# ---------------------------------------------------------------- §4.8
@pytest.mark.parametrize("aar, indregnet, i_aar, udskudt", [
    # Underskud 1.500.000 on G 10.000.000 from a new tilbud's first driftsår: the first 500.000
    # (5 %) is the driftsherre's own risk, also here; 1.000.000 is spread over Y+2..Y+4.
    # Y+2 = T: one third, 333.333,33.. (published 333.333,33).
    (2024, "0", "333333.33", "666666.67"),
    # Y+3: 333.333,33 indregnet; one third again, no more than what remains.
    (2023, "333333.33", "333333.33", "333333.34"),
    # Y+4, the last year: whatever remains, 1.000.000 − 666.666,66 = 333.333,34, so no øre are left.
    (2022, "666666.66", "333333.34", "0.00"),
])
def test_spredning_over_tre_aar_med_egenrisiko(beregn_tilbud, aar, indregnet, i_aar, udskudt):
    resultat = {"aar": aar, "resultat": "-1500000", "grundlag": "10000000", "nyt_tilbud_foerste_aar": True,
                "indregnet_tidligere": indregnet}
    r = beregn_tilbud(nyt_tilbud=True, foerste_driftsaar=aar, resultater=[resultat])
    (linje,) = r.reguleringer
    assert (linje.egenrisiko, linje.i_aar, linje.udskudt) == (D("500000.00"), D(i_aar), D(udskudt))
