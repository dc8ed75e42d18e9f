"""The service layer: beregn stamps the fingerprint of the canonical takstgrundlag, whose
per-tilbud parts are cached between edits (byte for byte the same as writing it whole), and the
document use cases are the ones the app and the command line call."""
from __future__ import annotations

import hashlib
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from takstberegner import tjeneste
from takstberegner.formats import takstgrundlag as tg
from takstberegner.tjeneste import dokumenter
from takstberegner.tjeneste.rul_frem import rul_frem

EKSEMPLER = sorted((Path(__file__).parents[1] / "data" / "eksempler").glob("*.takstgrundlag.json"))


def _to() -> tg.m.Takstgrundlag:
    g = tg.laes_fil(EKSEMPLER[0])
    return replace(g, tilbud=g.tilbud + tg.laes_fil(EKSEMPLER[1]).tilbud)


def test_fingeraftrykket_er_sha256_af_det_kanoniske_dokument_ogsaa_efter_rettelser():
    g = _to()
    s = tjeneste.Beregningstjeneste()
    b = s.beregn(g)
    assert b.grundlag_sha256 == hashlib.sha256(tg.kanonisk_bytes(g)).hexdigest() == tg.sha256(g)
    t = g.tilbud[1]
    g2 = replace(g, tilbud=(g.tilbud[0], replace(t, pladser=t.pladser + 1)))
    dele = s._hash_dele
    uaendret = dele[id(g.tilbud[0])][1]
    assert s.beregn(g2).grundlag_sha256 == tg.sha256(g2) != b.grundlag_sha256
    assert s._hash_dele[id(g2.tilbud[0])][1] is uaendret  # the unchanged tilbud was not written again


def test_rapport_og_indmelding_faar_samme_fingeraftryk(tmp_path):
    g = tg.laes_fil(EKSEMPLER[0])
    r = dokumenter.rapport(g)
    from takstberegner.export import indmelding

    assert r.fingeraftryk == indmelding.json_medlemmer(g, tjeneste.beregn(g))[2]


def test_kraev_gyldigt_naevner_det_foerste_felt():
    g = tg.laes_fil(EKSEMPLER[0])
    t = g.tilbud[0]
    g = replace(g, tilbud=(replace(t, pladser=-1),))
    try:
        tjeneste.kraev_gyldigt(tjeneste.beregn(g))
    except tjeneste.beregning.InputError as e:
        assert e.sti == "tilbud[0].pladser" and "mindst 0" in e.besked
    else:
        raise AssertionError("ikke afvist")


def test_importer_og_rul_frem_gaar_gennem_tjenesten(tmp_path, monkeypatch):
    monkeypatch.setenv("TAKSTBEREGNER_DATA", str(tmp_path / "data"))
    with dokumenter.importer(EKSEMPLER[0], tmp_path / "a.takst") as f:
        g = f.hent()
    with rul_frem(tmp_path / "a.takst", tmp_path / "b.takst") as f:
        ny = f.hent()
    assert ny.takstaar == g.takstaar + 1
    takst = tjeneste.beregn(g).tilbud[0].takster[0].takst
    assert ny.tilbud[0].ydelser[0].forrige_takst == takst and takst > Decimal(0)
