"""Round trips: takstgrundlag JSON -> .takst -> JSON gives the same document; amounts stay exact."""
from __future__ import annotations

import sqlite3
from dataclasses import replace
from decimal import Decimal

import pytest

from takstberegner.domain import model as m
from takstberegner.formats import takstgrundlag as F
from takstberegner.storage import TakstFil, laes_grundlag
from takstberegner.storage.migrations import SKEMA_VERSION
from takstberegner.storage.schema import APPLICATION_ID

from .conftest import EKSEMPLER


@pytest.mark.parametrize("sti", sorted(EKSEMPLER.glob("*.takstgrundlag.json")), ids=lambda p: p.name[:10])
def test_json_til_fil_til_json_er_samme_dokument(tmp_path, sti):
    g = F.laes_fil(sti)
    fil = tmp_path / "a.takst"
    TakstFil.opret(fil, g).luk()
    with TakstFil.aabn(fil) as f:
        igen = f.hent()
    assert F.skriv_dict(igen) == F.skriv_dict(g)
    assert F.kanonisk_bytes(igen) == F.kanonisk_bytes(g)
    assert igen == g
    assert F.skriv_dict(laes_grundlag(fil)) == F.skriv_dict(g)


def _med_beloeb(g: m.Takstgrundlag, beloeb: list[Decimal]) -> m.Takstgrundlag:
    t = g.tilbud[0]
    linjer = tuple(m.Omkostningslinje(kategori="aktivitet", post=f"p{i}", beloeb=b) for i, b in enumerate(beloeb))
    return replace(g, tilbud=(replace(t, omkostninger=t.omkostninger + linjer),) + g.tilbud[1:])


def test_beloeb_er_eksakte_og_beholder_eksponent(tmp_path, grundlag):
    beloeb = [Decimal("0.01"), Decimal("96.25"), Decimal("96.50"), Decimal("1E+3"), Decimal("-0"),
              Decimal("0.1"), Decimal("123456789012.34"), Decimal("-5000"), Decimal("0.30000000000000000001")]
    g = _med_beloeb(grundlag, beloeb)
    fil = tmp_path / "b.takst"
    TakstFil.opret(fil, g).luk()
    igen = laes_grundlag(fil).tilbud[0].omkostninger[-len(beloeb):]
    assert [x.beloeb for x in igen] == beloeb
    assert [str(x.beloeb) for x in igen] == [str(b) for b in beloeb]  # same exponent, not just equal
    assert F.skriv_dict(laes_grundlag(fil)) == F.skriv_dict(g)


def test_ingen_kolonne_holder_real(tmp_path, grundlag):
    fil = tmp_path / "c.takst"
    TakstFil.opret(fil, _med_beloeb(grundlag, [Decimal("0.01"), Decimal("96.25")])).luk()
    conn = sqlite3.connect(fil)
    tabeller = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    assert "omkostningslinje" in tabeller
    for t in tabeller:
        for kol in [r[1] for r in conn.execute(f"PRAGMA table_info({t})")]:
            n = conn.execute(f"SELECT count(*) FROM {t} WHERE typeof({kol}) = 'real'").fetchone()[0]
            assert n == 0, f"{t}.{kol} holder REAL"
    assert conn.execute("SELECT typeof(beloeb), beloeb FROM omkostningslinje WHERE post = 'p0'").fetchone() == (
        "text", "0.01")
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()


def test_normaliseret_med_fremmednoegler(tmp_path, grundlag):
    fil = tmp_path / "d.takst"
    with TakstFil.opret(fil, grundlag) as f:
        conn = f._conn
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        fk = conn.execute("PRAGMA foreign_key_list(omkostningslinje)").fetchall()
        assert [(r[2], r[3], r[4], r[6]) for r in fk] == [("tilbud", "tilbud_nr", "nr", "CASCADE")]
        n_linjer = len(grundlag.tilbud[0].omkostninger)
        assert conn.execute("SELECT count(*) FROM omkostningslinje").fetchone()[0] >= n_linjer
        meta = conn.execute("SELECT oprettet, aendret, skemaversion, app_version FROM metadata").fetchone()
        assert meta[2] == SKEMA_VERSION and meta[3]


def test_opret_over_eksisterende_fil_afvises(tmp_path, grundlag):
    from takstberegner.storage import LagerFejl

    fil = tmp_path / "e.takst"
    fil.write_bytes(b"noget andet")
    with pytest.raises(LagerFejl, match="findes allerede"):
        TakstFil.opret(fil, grundlag)
    assert fil.read_bytes() == b"noget andet"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "brugerdata") == ["e.takst"]
