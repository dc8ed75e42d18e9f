"""Every kind of change is saved in its own transaction and equals aendringer.anvend in memory."""
from __future__ import annotations

import random
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from takstberegner.domain import aendringer as ae
from takstberegner.domain import model as m
from takstberegner.storage import LagerFejl, TakstFil, laes_grundlag


def _linje(i: int) -> m.Omkostningslinje:
    return m.Omkostningslinje(kategori="aktivitet", post=f"post{i}", beloeb=Decimal(f"{i}.25"), tekst=f"linje {i}")


def _aendringer(g: m.Takstgrundlag) -> list:
    t = g.tilbud[0]
    nyt = replace(t, id="NY", navn="Nyt tilbud", ydelser=(m.Ydelse(id="NY-1", navn="Ny", pladser=3),),
                  bemaerkninger="ny")
    tillaeg = m.Tillaegsydelse(personalekategori="Pædagog", timeomkostning=Decimal("210.50"),
                               tidsrum=(("hverdag", Decimal("25")), ("nat", Decimal("45.5"))), vfo_pct=None)
    pulje = m.Overheadpulje(id="KOEK", navn="Køkken", beloeb=Decimal("0.01"), noegle="fast",
                            omfang=(t.id,), andele=((t.id, Decimal(100)),),
                            oevrige_modtagere=(m.OevrigModtager("X", "Andre", Decimal("3.5")),))
    return [
        ae.SaetDriftsherre(m.Driftsherre(navn="Ny Kommune", cvr="87654321", type="region")),
        ae.SaetSatser(m.Satser(rente_anlaeg_pct=Decimal("3.25"), rente_kort_pct=None,
                               tjenestemandspension_pct=Decimal("20.0"))),
        ae.TilfoejTilbud(nyt, 0),
        ae.TilfoejTilbud(replace(nyt, id="NY2"), None),
        ae.OpdaterTilbud.af(t.id, pladser=14, bemaerkninger="rettet", belaegning=m.Belaegning(
            metode="forventet", pct=Decimal("95.50"), begrundelse="skøn"), noegletal=(("m2", Decimal("1200.5")),),
            saerlige_vilkaar=m.SaerligeVilkaar("aftalt", date(2025, 9, 5)), driftskapital=m.Driftskapital(None)),
        ae.OpdaterTilbud.af("NY", takststruktur="enhed", enheder=m.Enheder("time", Decimal("5200")), belaegning=None),
        ae.OpdaterTilbud.af("NY2", takststruktur="traekningsret", fordeling=(("Aalborg", Decimal("39632")),
                                                                            ("Hjørring", Decimal("1.5")))),
        ae.TilfoejElement(t.id, "omkostninger", _linje(1), 0),
        ae.TilfoejElement(t.id, "omkostninger", _linje(2), 3),
        ae.TilfoejElement(t.id, "omkostninger", _linje(3), None),
        ae.OpdaterElement(t.id, "omkostninger", 1, replace(_linje(4), vagtlag=True, del_="basis")),
        ae.SletElement(t.id, "omkostninger", 0),
        ae.SletElement(t.id, "omkostninger", 2),
        ae.TilfoejElement(t.id, "ydelser", m.Ydelse(id="Y9", navn="Ni", pladser=2, forrige_takst=Decimal("0.01")), 1),
        ae.TilfoejElement(t.id, "anlaeg", m.Anlaeg(id="A9", navn="Bil", type="transportmiddel",
                                                   anskaffelsesvaerdi=Decimal("250000"),
                                                   ibrugtagning=date(2024, 3, 1), levetid_aar=5), 0),
        ae.TilfoejElement(t.id, "oevrige_indtaegter", m.OevrigIndtaegt("salg", Decimal("1234.56")), None),
        ae.TilfoejElement(t.id, "resultater", m.Resultat(aar=2023, resultat=Decimal("-10"), grundlag=Decimal("100"),
                                                         valg="udskyd"), None),
        ae.TilfoejElement(t.id, "hensaettelser", m.Hensaettelse(aar=2022, beloeb=Decimal("5")), 0),
        ae.TilfoejElement(t.id, "tillaegsydelser", tillaeg, 0),
        ae.OpdaterElement(t.id, "tillaegsydelser", 0, replace(tillaeg, tidsrum=(("weekend", Decimal("55")),))),
        ae.SletElement(t.id, "tillaegsydelser", 0),
        ae.TilfoejPulje(pulje, 0),
        ae.OpdaterPulje(0, replace(pulje, omfang=None, beloeb=Decimal("96.25"))),
        ae.TilfoejPulje(replace(pulje, id="P2"), None),
        ae.SletPulje(0),
        ae.SletTilbud("NY"),
    ]


def test_hver_aendring_gemmes_og_svarer_til_anvend(tmp_path, grundlag):
    fil = tmp_path / "a.takst"
    with TakstFil.opret(fil, grundlag) as f:
        gemt_foer = f.sidst_gemt
        for a in _aendringer(grundlag):
            foer = f.hent()
            ny = f.anvend(a)
            assert ny == ae.anvend(foer, a), a
            assert f.hent() == ny
            assert laes_grundlag(fil) == ny, a  # on disk when anvend returns
        assert f.sidst_gemt > gemt_foer
        slut = f.hent()
    with TakstFil.aabn(fil) as f:
        assert f.hent() == slut


def test_fortryd_med_modsat_gendanner_filen(tmp_path, grundlag):
    fil = tmp_path / "b.takst"
    with TakstFil.opret(fil, grundlag) as f:
        stak = []
        for a in _aendringer(grundlag):
            stak.append(ae.modsat(f.hent(), a))
            f.anvend(a)
        for a in reversed(stak):
            f.anvend(a)
        assert f.hent() == grundlag
    assert laes_grundlag(fil) == grundlag


def test_tilfaeldige_indsaettelser_og_sletninger(tmp_path, grundlag):
    rnd = random.Random(7)
    fil = tmp_path / "c.takst"
    tid = grundlag.tilbud[0].id
    with TakstFil.opret(fil, grundlag) as f:
        for i in range(120):
            n = len(f.hent().tilbud[0].omkostninger)
            valg = rnd.random()
            if valg < 0.45 or n == 0:
                a = ae.TilfoejElement(tid, "omkostninger", _linje(i), rnd.choice([None, rnd.randint(0, n)]))
            elif valg < 0.75:
                a = ae.SletElement(tid, "omkostninger", rnd.randrange(n))
            else:
                a = ae.OpdaterElement(tid, "omkostninger", rnd.randrange(n), _linje(1000 + i))
            f.anvend(a)
        slut = f.hent()
    assert laes_grundlag(fil) == slut


def test_ugyldig_aendring_skriver_intet(tmp_path, grundlag):
    fil = tmp_path / "d.takst"
    with TakstFil.opret(fil, grundlag) as f:
        foer_bytes = fil.read_bytes()
        with pytest.raises(ae.AendringsFejl):
            f.anvend(ae.SletTilbud("FINDES-IKKE"))
        with pytest.raises(ae.AendringsFejl):
            f.anvend(ae.TilfoejElement(grundlag.tilbud[0].id, "omkostninger", "ikke en linje"))
        with pytest.raises(ae.AendringsFejl):  # the second fails: the first is not written either
            f.anvend_alle([ae.TilfoejElement(grundlag.tilbud[0].id, "omkostninger", _linje(1)),
                           ae.SletElement(grundlag.tilbud[0].id, "omkostninger", 999)])
        assert f.hent() == grundlag
        assert fil.read_bytes() == foer_bytes


def test_anvend_alle_er_en_transaktion(tmp_path, grundlag):
    fil = tmp_path / "e.takst"
    tid = grundlag.tilbud[0].id
    aendringer = [ae.TilfoejElement(tid, "omkostninger", _linje(i)) for i in range(500)]
    aendringer.insert(250, ae.OpdaterTilbud.af(tid, pladser=99))
    with TakstFil.opret(fil, grundlag) as f:
        forventet = grundlag
        for a in aendringer:
            forventet = ae.anvend(forventet, a)
        assert f.anvend_alle(aendringer) == forventet
    assert laes_grundlag(fil) == forventet


def test_lukket_fil(tmp_path, grundlag):
    f = TakstFil.opret(tmp_path / "f.takst", grundlag)
    f.luk()
    f.luk()
    with pytest.raises(LagerFejl, match="lukket"):
        f.anvend(ae.SletTilbud(grundlag.tilbud[0].id))


@pytest.mark.parametrize("vaerdi,grund", [
    ("1E-151", "151 decimaler (højst 100)"), ("0." + "0" * 100 + "1", "101 decimaler"),
    ("1E+200", "201 cifre før kommaet"), ("NaN", "ikke er et tal"), ("sNaN", "ikke er et tal"),
])
def test_et_tal_filen_ikke_kan_laese_igen_gemmes_aldrig(tmp_path, grundlag, vaerdi, grund):
    """The .takst reader refuses NaN and numbers beyond 10^100 or with more than 100 decimals as
    damage; the writer wrote them, and the file never opened again (an amount through the API, or a
    door without its own check). Now the change is refused and the file is as before."""
    fil = tmp_path / "x.takst"
    TakstFil.opret(fil, grundlag).luk()
    t = grundlag.tilbud[0]
    linje = replace(_linje(1), beloeb=Decimal(vaerdi))
    with TakstFil.aabn(fil) as f:
        with pytest.raises(ae.AendringsFejl) as e:
            f.anvend(ae.TilfoejElement(t.id, "omkostninger", linje))
        assert grund in e.value.besked and "kan ikke gemmes" in e.value.besked
        assert f.hent() == grundlag
    assert laes_grundlag(fil) == grundlag
    # a whole model holding it (a new file) is not written either
    ny = replace(grundlag, tilbud=(replace(t, omkostninger=t.omkostninger + (linje,)),) + grundlag.tilbud[1:])
    with pytest.raises(ae.AendringsFejl):
        TakstFil.opret(tmp_path / "ny.takst", ny)
    assert not (tmp_path / "ny.takst").exists()


def _med_tilbud(g: m.Takstgrundlag, n: int) -> m.Takstgrundlag:
    t = replace(g.tilbud[0], omkostninger=g.tilbud[0].omkostninger[:1], anlaeg=(), resultater=(), hensaettelser=())
    return replace(g, tilbud=tuple(replace(t, id=f"T{i}", navn=f"Tilbud {i}") for i in range(n)), overheadpuljer=())


def test_en_fil_over_laeserens_graenser_skrives_aldrig(tmp_path, grundlag):
    """The reader refuses a file with more than 1.000 tilbud (or 100.000 rows) as damage; the writer
    wrote one (a JSON document of 1.001 tilbud made a .takst file that then never opened). Now the
    new file is not made, and a change that would cross the bound is refused with the file as before."""
    with pytest.raises(ae.AendringsFejl) as e:
        TakstFil.opret(tmp_path / "stor.takst", _med_tilbud(grundlag, 1_001))
    assert "1.001 tilbud" in e.value.besked and "højst have 1.000" in e.value.besked
    assert not (tmp_path / "stor.takst").exists()
    fil = tmp_path / "fuld.takst"
    fuld = _med_tilbud(grundlag, 1_000)
    TakstFil.opret(fil, fuld).luk()
    with TakstFil.aabn(fil) as f:
        with pytest.raises(ae.AendringsFejl):
            f.anvend(ae.TilfoejTilbud(replace(fuld.tilbud[0], id="NY", navn="Et tilbud for meget")))
        assert f.hent() == fuld
    assert laes_grundlag(fil) == fuld
