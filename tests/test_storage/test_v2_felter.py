"""The SPEC v2 fields round-trip through JSON, the .takst file (written whole, changed one element at
a time, migrated from version 2) and back, exactly."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D

from takstberegner.domain import aendringer as ae
from takstberegner.domain import model as m
from takstberegner.formats import takstgrundlag as F
from takstberegner.storage import TakstFil, laes_grundlag
from takstberegner.storage.repository import skriv_ny_fil


def med_v2(g: m.Takstgrundlag) -> m.Takstgrundlag:
    """Example 1 with every v2 field set."""
    t = g.tilbud[0]
    y0, y1 = t.ydelser
    ydelser = (
        replace(y0, belaegning=m.Belaegning("beregnet", ((2024, D("92.5")), (2025, D("94.50"))), None, "Ny målgruppe")),
        replace(y1, korte_forloeb=True, belaegning=m.Belaegning("forventet", (), D("90.0"), "Aflastning")),
    )
    t = replace(t, ydelser=ydelser, nyt_tilbud=True, foerste_driftsaar=2026,
                objektiv_finansiering=m.ObjektivFinansiering(D("40"), (("Aalborg", D("221000")), ("Hjørring", D("64e3")))))
    puljer = tuple(replace(p, kategori="aktivitet") for p in g.overheadpuljer)
    return replace(g, satser=replace(g.satser, pl_fremskrivning_pct=D("3.1")), overheadpuljer=puljer,
                   tilbud=(t,) + g.tilbud[1:])


def test_json_tur_retur(grundlag):
    g = med_v2(grundlag)
    assert F.laes_tekst(F.skriv_tekst(g)) == g
    assert F.sha256(g) != F.sha256(grundlag)


def test_takst_fil_tur_retur(tmp_path, grundlag):
    g = med_v2(grundlag)
    fil = tmp_path / "v2.takst"
    TakstFil.opret(fil, g).luk()
    assert laes_grundlag(fil) == g
    with TakstFil.aabn(fil) as f:
        assert f.hent() == g
        t = g.tilbud[0]
        # one ydelse changed: its own belægning's years are rewritten with it
        y = replace(t.ydelser[0], belaegning=m.Belaegning("beregnet", ((2023, D("91")), (2025, D("96"))), None, ""))
        f.anvend(ae.OpdaterElement(t.id, "ydelser", 0, y))
        # a tilbud's own fields: objektiv finansiering removed, first driftsår changed
        f.anvend(ae.OpdaterTilbud.af(t.id, objektiv_finansiering=None, foerste_driftsaar=2025))
        nu = f.hent()
    assert laes_grundlag(fil) == nu
    assert nu.tilbud[0].ydelser[0].belaegning.faktisk_pct == ((2023, D("91")), (2025, D("96")))
    assert nu.tilbud[0].objektiv_finansiering is None and nu.tilbud[0].foerste_driftsaar == 2025


def test_fil_fra_version_2_laeses_som_foer_og_faar_v2_felter(tmp_path, grundlag):
    fil = tmp_path / "gammel.takst"
    skriv_ny_fil(fil, grundlag, version=2)
    assert laes_grundlag(fil) == grundlag  # every new column is empty: a v1 grundlag
    g = med_v2(grundlag)
    with TakstFil.aabn(fil) as f:  # migrated (with its backup) on opening
        f.anvend(ae.SaetSatser(g.satser))
        f.anvend(ae.OpdaterPulje(0, g.overheadpuljer[0]))
        f.anvend(ae.SletTilbud(grundlag.tilbud[0].id))
        f.anvend(ae.TilfoejTilbud(g.tilbud[0], 0))
    assert laes_grundlag(fil) == g


def test_v2_kolonner_kontrolleres_ved_aabning(tmp_path, grundlag):
    # The new decimal columns are checked like the old: text that is no number is damage.
    import sqlite3

    import pytest

    from takstberegner.storage import LagerFejl

    for tabel, kolonne in (("ydelse", "belaegning_pct"), ("tilbud", "objektiv_andel_pct"),
                           ("objektiv_fordeling", "vaerdi"), ("ydelse_belaegning_aar", "pct")):
        fil = tmp_path / f"{tabel}.takst"
        TakstFil.opret(fil, med_v2(grundlag)).luk()
        c = sqlite3.connect(fil)
        c.execute(f"UPDATE {tabel} SET {kolonne} = 'ni' WHERE {kolonne} IS NOT NULL")
        c.commit()
        c.close()
        with pytest.raises(LagerFejl, match="beskadiget"):
            TakstFil.aabn(fil)
