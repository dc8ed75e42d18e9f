"""A normal budget export imported into the demo: added to the budget it more than doubled the takst
(issue 11: +193 %, basistakst 673,78 -> 3.745,45); replacing, the default, keeps the budget and,
with the per-line choices the kontoplan cannot know, the takst."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from takstberegner import tjeneste
from takstberegner.domain import aendringer as ae
from takstberegner.formats import takstgrundlag as F
from takstberegner.importers import excel_budget as eb
from takstberegner.paths import resource
from takstberegner.storage import TakstFil, laes_grundlag

# Bostedet Nord's budget as the finance system exports it: kontonummer with the art last, income
# negative, and the takstindtægter (7.6) that are what the takst pays for.
EKSPORT = [
    ("Konto", "Kontotekst", "Budget 2026"),
    ("5.38.50.001-1.1", "Løn pædagoger", 6500000),
    ("5.38.50.001-1.1", "Løn ledelse", 700000),
    ("5.38.50.001-1.1", "Løn administration", 250000),
    ("5.38.50.001-2.9", "Aktiviteter og transport", 400000),
    ("5.38.50.001-4.6", "Tilsynstakst", 49269),
    ("5.38.50.001-4.9", "Kurser og uddannelse", 90000),
    ("5.38.50.001-2.3", "El, vand og varme", 410000),
    ("5.38.50.001-2.7", "Småanskaffelser", 60000),
    ("5.38.50.001-8", "Renteindtægter", -5000),
    ("5.38.50.001-7.6", "Takstindtægter fra kommuner", -9200000),
]


def skriv_eksport(sti, raekker=EKSPORT, titel="Budget 2026 — Bostedet Nord"):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    ws.append([titel])
    ws.append(["Udskrevet fra økonomisystemet 1-9-2025"])
    ws.append([])
    for r in raekker:
        ws.append(list(r))
    wb.save(sti)
    return sti


@pytest.fixture
def demo():
    return F.laes_fil(resource("demo", "demokommune.takstgrundlag.json"))


def _takst(g, tilbud_id="T1"):
    t = next(x for x in tjeneste.beregn(g).tilbud if x.id == tilbud_id)
    return t.takster[0]


def _efter(g, fv, maade):
    for a in fv.aendringer(g, maade):
        g = ae.anvend(g, a)
    return g


def test_at_laegge_til_fordobler_budgettet(tmp_path, demo):
    """What the import did before: the export's lines on top of the budget already there."""
    fv = eb.forhaandsvis(skriv_eksport(tmp_path / "b.xlsx"), None, None, None, None, demo, tilbud_id="T1")
    foer, efter = _takst(demo), _takst(_efter(demo, fv, eb.TILFOEJ))
    assert foer.basistakst == Decimal("673.78") and foer.takst == Decimal("1664.74")
    assert efter.takst > 2 * foer.takst  # the takst more than doubles
    assert efter.basistakst > 3 * foer.basistakst  # the export's personale lines all land in basis
    netto = {s.hvad: (s.foer, s.efter) for s in fv.sammenligning(demo, eb.TILFOEJ)}
    assert netto["I alt, netto (omkostninger minus øvrige indtægter)"] == (Decimal(8454269), Decimal(16908538))


def test_erstat_er_standard_og_holder_budgettet(tmp_path, demo):
    fv = eb.forhaandsvis(skriv_eksport(tmp_path / "b.xlsx"), None, None, None, None, demo, tilbud_id="T1")
    assert [x.kategori for x in fv.linjer][-1] == "ignorer"  # takstindtægter: shown, not imported
    sml = fv.sammenligning(demo)  # ERSTAT is the default
    tal = {s.hvad: (s.foer, s.efter) for s in sml}
    assert tal["I alt, netto (omkostninger minus øvrige indtægter)"] == (Decimal(8454269), Decimal(8454269))
    assert tal["Antal linjer"] == (Decimal(10), Decimal(9))
    # the kontoplan puts Kurser (4.9) under aktivitet; before the user moves it, that shows per kategori
    assert tal["Kompetenceudvikling"] == (Decimal(90000), Decimal(0))
    assert tal["Borgerrelaterede udgifter/aktivitetsomkostninger"] == (Decimal(400000), Decimal(490000))
    efter = _efter(demo, fv, eb.ERSTAT)
    assert efter == fv.efter(demo)  # the edits and the direct result agree
    assert _takst(efter).takst < Decimal("1.5") * _takst(demo).takst


def test_erstat_med_valg_pr_linje_giver_samme_takst(tmp_path, demo):
    """With the choices only the user knows (vagtlag, TAP, the posts, Kurser as kompetenceudvikling)
    the replaced budget is the demo's own, and so is the takst, but for the tjenestemandsløn that
    a budget export does not carry."""
    fv = eb.forhaandsvis(skriv_eksport(tmp_path / "b.xlsx"), None, None, None, None, demo, tilbud_id="T1")
    fv = (fv.med_linje(0, vagtlag=True).med_linje(1, post="oeverste_ledelse").med_linje(2, post="tap_administrativt")
          .med_linje(4, post="tilsynstakst").med_linje(5, kategori="kompetenceudvikling"))
    assert fv.linjer[5].post == "kompetenceudvikling"
    assert all(s.foer == s.efter for s in fv.sammenligning(demo) if s.hvad != "Antal linjer")
    efter = fv.efter(demo)
    t0 = demo.tilbud[0]
    uden_loen = replace(t0.omkostninger[0], tjenestemand_loen=None)
    assert [(x.kategori, x.post, x.beloeb, x.vagtlag) for x in efter.tilbud[0].omkostninger] == [
        (x.kategori, x.post, x.beloeb, x.vagtlag) for x in (uden_loen,) + t0.omkostninger[1:]]
    forventet = replace(demo, tilbud=(replace(t0, omkostninger=(uden_loen,) + t0.omkostninger[1:],
                                              oevrige_indtaegter=()),) + demo.tilbud[1:])
    assert _takst(efter) == _takst(forventet)
    assert abs(_takst(efter).takst - _takst(demo).takst) < Decimal(15)  # the pension of 300.000 kr.


def test_erstat_i_takstfilen_er_en_transaktion(tmp_path, demo):
    fil = tmp_path / "demo.takst"
    TakstFil.opret(fil, demo).luk()
    fv = eb.forhaandsvis(skriv_eksport(tmp_path / "b.xlsx"), None, None, None, None, demo, tilbud_id="T1")
    with TakstFil.aabn(fil) as f:
        ny = eb.importer(f, fv)
        assert [x.tekst for x in ny.tilbud[0].omkostninger][:2] == ["5.38.50.001-1.1 Løn pædagoger",
                                                                    "5.38.50.001-1.1 Løn ledelse"]
        assert ny.tilbud[0].oevrige_indtaegter == ()
        # undoing it is one list of edits, computed in linear time
        modsat = ae.modsatte(demo, fv.aendringer(demo))
        assert f.anvend_alle(modsat) == demo
    assert laes_grundlag(fil) == demo


def test_import_der_ikke_kan_valideres_gemmes_ikke(tmp_path, demo):
    """The one validation runs before anything is saved: an income line without a text or post is refused."""
    fil = tmp_path / "demo.takst"
    TakstFil.opret(fil, demo).luk()
    foer = fil.read_bytes()
    fv = eb.forhaandsvis(skriv_eksport(tmp_path / "b.xlsx", EKSPORT[:2] + [("7.2", "", -100)]), None, None, None,
                         None, demo, tilbud_id="T1")
    fv = replace(fv, linjer=fv.linjer[:-1] + (replace(fv.linjer[-1], post=""),))
    with TakstFil.aabn(fil) as f, pytest.raises(eb.InputError) as e:
        eb.importer(f, fv)
    assert e.value.besked.startswith("Importen kan ikke gemmes:\nBostedet Nord › Øvrige indtægter › linje 1")
    assert e.value.besked.endswith("Intet er importeret.")
    assert fil.read_bytes() == foer
