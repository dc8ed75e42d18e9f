"""The takster/1 JSON document (takstgrundlag-format.md): written from a Beregning.

Amounts are strings with exactly 2 decimals, percentages 2 decimals, takst_kr and trækningsret
in whole kroner. `laes_dict` reads a takster document back (for verification and takstbilag).
"""
from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from takstberegner.domain.resultat import Beregning, Fund, Takst, TilbudResultat
from takstberegner.formats import json_skriv
from takstberegner.formats.fejl import InputError, json_syntaksfejl

FORMAT = "takster/1"
_OERE = Decimal("0.01")
_KRONE = Decimal(1)


def _b(x: Decimal | None) -> str | None:
    """An amount or percentage with exactly two decimals. (str writes what format(x, "f") does
    once x has two decimals: an exponent only for a positive one or below 10^-6, and faster.)"""
    return None if x is None else str(x.quantize(_OERE))


def _kr(x: Decimal | None) -> str | None:
    return None if x is None else str(x.quantize(_KRONE))


def _fund(f: Fund) -> dict:
    return {"kode": f.kode, "niveau": f.niveau, "tekst": f.tekst, "reference": f.reference, "felt": f.felt}


def _takst(tk: Takst) -> dict:
    d: dict[str, Any] = {
        "ydelse": tk.ydelse,
        "enhed": tk.enhed,
        "takst": _b(tk.takst),
        "takst_kr": _kr(tk.takst_kr),
    }
    if tk.basistakst is not None:
        d["basistakst"] = _b(tk.basistakst)
        d["ydelsestakst"] = _b(tk.ydelsestakst)
    d["stoettetimer_uge"] = None if tk.stoettetimer_uge is None else format(tk.stoettetimer_uge, "f")
    d["aendring_pct"] = _b(tk.aendring_pct)
    d["aendring_real_pct"] = _b(tk.aendring_real_pct)
    d["belaegning_pct"] = _b(tk.belaegning_pct)
    d["pladsdoegn"] = _b(tk.pladsdoegn)
    d["pr_kategori"] = {k: _b(v) for k, v in tk.pr_kategori.items()}
    return d


def _tilbud(t: TilbudResultat) -> dict:
    d = {
        "id": t.id,
        "belaegning_pct": _b(t.belaegning_pct),
        "pladsdoegn": _b(t.pladsdoegn),
        "omkostninger": {k: _b(v) for k, v in t.omkostninger.items()},
        "afskrivninger": _b(t.afskrivninger),
        "forrentning_anlaeg": _b(t.forrentning_anlaeg),
        "overhead": _b(t.overhead),
        "forrentning_driftskapital": _b(t.forrentning_driftskapital),
        "tjenestemandspension": _b(t.tjenestemandspension),
        "omkostningsgrundlag": _b(t.omkostningsgrundlag),
        "regulering": _b(t.regulering),
        "hensat": _b(t.hensat),
        "oevrige_indtaegter": _b(t.oevrige_indtaegter),
        "takstgrundlag": _b(t.takstgrundlag),
        "pris_pr_stoettetime": _b(t.pris_pr_stoettetime),
        "basistakst": _b(t.basistakst),
        "takster": [_takst(tk) for tk in t.takster],
        "fordeling": None if t.fordeling is None else {k: _kr(v) for k, v in t.fordeling.items()},
        "tillaegsydelser": [
            {"personalekategori": a.personalekategori, "tidsrum": a.tidsrum, "ata_timetakst": _b(a.ata_timetakst)}
            for a in t.tillaegsydelser
        ],
        "hensaettelser": [
            {"aar": h.aar, "beloeb": _b(h.beloeb), "sidste_anvendelsesaar": h.sidste_anvendelsesaar}
            for h in t.hensaettelser
        ],
        "fund": [_fund(f) for f in t.fund],
    }
    if t.objektiv_fordeling is not None:
        d["objektiv_fordeling"] = {k: _kr(v) for k, v in t.objektiv_fordeling.items()}
    return d


def skriv_dict(b: Beregning) -> dict:
    return {
        "format": FORMAT,
        "takstaar": b.takstaar,
        "driftsherre": {"navn": b.driftsherre_navn, "cvr": b.driftsherre_cvr},
        "grundlag_sha256": b.grundlag_sha256,
        "tilbud": [_tilbud(t) for t in b.tilbud],
        "fund": [_fund(f) for f in b.fund],
    }


def skriv_tekst(b: Beregning) -> str:
    """json.dumps(skriv_dict(b), ensure_ascii=False, indent=1) + newline, written faster (json_skriv)."""
    return json_skriv.indrykket(skriv_dict(b), 1) + "\n"


def laes_dict(d: Any) -> dict:
    """A takster document as plain data, checked for its shape (not recomputed)."""
    if not isinstance(d, dict) or d.get("format") != FORMAT:
        raise InputError("", "filen er ikke et takster-dokument fra Takstberegner")
    if not isinstance(d.get("tilbud"), list):
        raise InputError("tilbud", "takster-dokumentet mangler listen af tilbud")
    return d


def laes_tekst(tekst: str) -> dict:
    from takstberegner.formats import json_graenser

    json_graenser.tjek(tekst, "Takster-dokumentet", maks_tegn=64 * 1024 * 1024, maks_vaerdier=4_000_000)
    try:
        return laes_dict(json.loads(tekst))
    except json.JSONDecodeError as e:
        raise InputError("", f"takster-dokumentet kan ikke læses: {json_syntaksfejl(e)}") from None
