"""Every kind of edit goes through the one validation in the app's Dokument (issue 9 item 3): an
edit that brings a new INPUT finding is not saved, whatever its kind — a value, an added or
deleted line, ydelse, anlæg, tilbud or pulje, a pasted block, an import — and the user is told why
in Danish; a file that already holds bad values can still be mended. A hypothesis property drives
random change records of every kind (and undo) through the real Dokument on a real .takst file."""
from __future__ import annotations

import inspect
import tempfile
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from takstberegner.app.dokument import Dokument
from takstberegner.app.steps.budget import BudgetTrin
from takstberegner.domain import aendringer as ae
from takstberegner.domain import model as m
from takstberegner.formats import takstgrundlag as tg
from takstberegner.storage import TakstFil, laes_grundlag
from takstberegner.tjeneste import beregn
from test_storage import modeller

from .hjaelp import kolonne, trin

EKSEMPEL = sorted((Path(__file__).parents[1] / "data" / "eksempler").glob("*.takstgrundlag.json"))[0]


def _input(g: m.Takstgrundlag) -> int:
    return sum(1 for f in beregn(g).alle_fund() if f.kode == "INPUT")


def _afvist(dok, a, *tekster: str) -> str:
    foer, fil_foer, stak = dok.grundlag, laes_grundlag(dok.sti), dok.stak.count()
    svar = dok.anvend(a) if not isinstance(a, list) else dok.anvend_mange(a, "blok")
    assert not svar and str(svar).startswith("Ikke gemt: "), (a, svar)
    for t in tekster:
        assert t in svar, svar
    assert dok.grundlag is foer and laes_grundlag(dok.sti) == fil_foer and dok.stak.count() == stak
    return str(svar)


def test_slet_ydelse_anlaeg_og_tilbud_som_andet_peger_paa_gemmes_ikke(demo_vindue):
    dok = demo_vindue.dok
    t = dok.grundlag.tilbud[0]
    y, a = t.ydelser[0], t.anlaeg[0]
    linje = replace(t.omkostninger[0], ydelse=y.id)
    assert dok.anvend(ae.OpdaterElement(t.id, "omkostninger", 0, linje))
    _afvist(dok, ae.SletElement(t.id, "ydelser", 0), f"{t.navn} › Budget › linje 1 › Ydelse", y.id)
    anlaegslinje = m.Omkostningslinje("ejendom", "husleje", Decimal(1000), anlaeg=a.id)
    assert dok.anvend(ae.TilfoejElement(t.id, "omkostninger", anlaegslinje))
    _afvist(dok, ae.SletElement(t.id, "anlaeg", 0), "Budget", "Anlæg")
    # the demo's overheadpulje is given to T1 by name: T1 cannot go while the pulje names it
    p = dok.grundlag.overheadpuljer[0]
    assert p.omfang == (t.id,)
    _afvist(dok, ae.SletTilbud(t.id), "Overhead", "Omfang")
    # without the reference the deletion is saved
    assert dok.anvend(ae.OpdaterPulje(0, replace(p, omfang=None)))
    assert dok.anvend(ae.SletTilbud(t.id)) and laes_grundlag(dok.sti) == dok.grundlag


def test_tilfoejelser_med_daarlige_vaerdier_gemmes_ikke(demo_vindue):
    dok = demo_vindue.dok
    t = dok.grundlag.tilbud[0]
    stor = m.Omkostningslinje("personale", "vikarer", Decimal("1E+30"))
    _afvist(dok, ae.TilfoejElement(t.id, "omkostninger", stor), "Budget › linje", "Beløb")
    _afvist(dok, ae.TilfoejElementer(t.id, "omkostninger", (stor, stor)), "Beløb")
    _afvist(dok, ae.TilfoejElement(t.id, "anlaeg", replace(t.anlaeg[0], id="A9", levetid_aar=None)), "Levetid")
    _afvist(dok, ae.TilfoejElement(t.id, "ydelser", replace(t.ydelser[0], id="NY-Y", pladser=-1)), "Pladser")
    andet = dok.grundlag.tilbud[1]
    _afvist(dok, ae.TilfoejElement(andet.id, "ydelser", replace(t.ydelser[0])), "Id")  # an id twice
    _afvist(dok, ae.TilfoejTilbud(replace(t, id="NYT", ydelser=(), pladser=-3)), "Pladser")
    _afvist(dok, ae.TilfoejPulje(replace(dok.grundlag.overheadpuljer[0], id="P2", beloeb=Decimal(-1))))
    _afvist(dok, ae.SaetSatser(replace(dok.grundlag.satser, rente_anlaeg_pct=Decimal(101))), "Satser")
    # a pasted block with one bad cell is refused whole
    god = m.Omkostningslinje("personale", "vikarer", Decimal(100))
    n = len(t.omkostninger)
    _afvist(dok, [ae.OpdaterElement(t.id, "omkostninger", 0, god), ae.TilfoejElement(t.id, "omkostninger", stor)],
            f"linje {n + 1}")
    assert dok.anvend_mange([ae.OpdaterElement(t.id, "omkostninger", 0, god), ae.TilfoejElement(t.id, "omkostninger", god)],
                            "blok")


def test_indsat_blok_i_tabellen_siger_hvorfor(demo_vindue):
    v = demo_vindue
    b = trin(v, BudgetTrin)
    bv, model = b.tabeller["omkostninger"], b.model
    foer = v.dok.grundlag.tilbud[0].omkostninger
    bv.setCurrentIndex(model.index(len(foer) - 1, kolonne(model, "beloeb")))
    bv.indsaet_udklip("100\r\n1000000000000000\r\n")  # the second becomes a new line: 10^15 is refused
    assert v.dok.grundlag.tilbud[0].omkostninger == foer
    assert v.statusBar().currentMessage().startswith("Ikke gemt: Bostedet Nord › Budget › linje")


def test_en_daarlig_fil_kan_rettes_linje_for_linje(vindue, tmp_path):
    g = tg.laes_fil(EKSEMPEL)
    t = g.tilbud[0]
    daarlig = replace(t.omkostninger[0], beloeb=Decimal("1E+30"))
    g = replace(g, tilbud=(replace(t, omkostninger=(t.omkostninger[0], daarlig) + t.omkostninger[1:]),) + g.tilbud[1:])
    sti = tmp_path / "daarlig.takst"
    TakstFil.opret(sti, g).luk()
    assert vindue.aabn_fil(sti)
    dok = vindue.dok
    assert _input(dok.grundlag) == 1
    # deleting the line above moves the bad one up: no new finding, saved
    assert dok.anvend(ae.SletElement(t.id, "omkostninger", 0))
    # another field of the bad line may change; the bad amount may become another bad amount
    assert dok.anvend(ae.OpdaterElement(t.id, "omkostninger", 0, replace(daarlig, tekst="Vikarer")))
    assert dok.anvend(ae.OpdaterElement(t.id, "omkostninger", 0, replace(daarlig, beloeb=Decimal("1E+29"))))
    # but a second bad value is not saved, also not on the bad line
    _afvist(dok, ae.OpdaterElement(t.id, "omkostninger", 0, replace(daarlig, kategori="ukendt")), "Kategori")
    # deleting the bad line mends the file
    assert dok.anvend(ae.SletElement(t.id, "omkostninger", 0)) and _input(laes_grundlag(sti)) == 0


def test_nyt_tilbud_og_ny_linje_gemmes_med_det_de_mangler(demo_vindue):
    """Tilføj (a line, a tilbud) makes something to fill in: saved, with the findings leading there."""
    from takstberegner.app.steps.regulering import ReguleringTrin

    v = demo_vindue
    rg = trin(v, ReguleringTrin)
    n = len(rg.tilbud.resultater)
    rg.findChild(object, "tilfoej_resultater").click()  # a result's grundlag must be above 0
    assert len(v.dok.grundlag.tilbud[0].resultater) == n + 1
    fund = [f for f in v.dok.beregning.alle_fund() if f.kode == "INPUT"]
    assert [f.felt for f in fund] == [f"tilbud[0].resultater[{n}].grundlag"]
    # the same line through the strict door (a paste, an import) is refused
    v.dok.stak.undo()
    ny = m.Resultat(2024, Decimal(0), Decimal(0), "indregn")
    _afvist(v.dok, ae.TilfoejElement(v.dok.grundlag.tilbud[0].id, "resultater", ny), "Regulering")


# ---- the property: any sequence of change records, through the real Dokument and file --------
ALLE_SLAGS = {k for _, k in inspect.getmembers(ae, inspect.isclass) if issubclass(k, ae._Aendring) and k not in
              (ae._Aendring, ae._ElementAendring)}


def _element(data, samling: str, kilde: m.Tilbud, eksempel: m.Takstgrundlag):
    fra = [x for x in getattr(kilde, samling)] + [x for t in eksempel.tilbud for x in getattr(t, samling)]
    return data.draw(st.sampled_from(fra)) if fra else None


def _aendring(data, g: m.Takstgrundlag, eksempel: m.Takstgrundlag):
    """One change record of any kind: on what the file holds, with values from a random tilbud
    (mostly bad) or the worked example (good), positions sometimes out of range."""
    ids = [t.id for t in g.tilbud] or ["T"]
    tid = data.draw(st.sampled_from(ids) | modeller._id)
    samling = data.draw(st.sampled_from(ae.SAMLINGER))
    kilde = data.draw(st.sampled_from(eksempel.tilbud) | modeller.tilbud)
    i = next((k for k, t in enumerate(g.tilbud) if t.id == tid), None)
    n = len(getattr(g.tilbud[i], samling)) if i is not None else 0
    pos = data.draw(st.integers(0, max(n, 1)))
    slags = data.draw(st.sampled_from(sorted(ALLE_SLAGS, key=lambda k: k.__name__)))
    el = _element(data, samling, kilde, eksempel)
    if slags in (ae.TilfoejElement, ae.OpdaterElement, ae.TilfoejElementer) and el is None:
        slags = ae.SletElement
    p = len(g.overheadpuljer)
    pulje = data.draw(st.sampled_from(eksempel.overheadpuljer) | modeller.pulje)
    if slags is ae.SaetDriftsherre:
        return ae.SaetDriftsherre(data.draw(st.sampled_from([eksempel.driftsherre, replace(g.driftsherre, cvr="12AB")])))
    if slags is ae.SaetSatser:
        return ae.SaetSatser(data.draw(modeller.grundlag).satser if data.draw(st.booleans()) else eksempel.satser)
    if slags is ae.TilfoejTilbud:
        return ae.TilfoejTilbud(replace(kilde, id=data.draw(modeller._id)), data.draw(st.none() | st.integers(0, 3)))
    if slags is ae.SletTilbud:
        return ae.SletTilbud(tid)
    if slags is ae.OpdaterTilbud:
        navn = data.draw(st.sampled_from(ae.TILBUD_FELTER))
        return ae.OpdaterTilbud.af(tid, **{navn: getattr(kilde, navn)})
    if slags is ae.TilfoejElement:
        return ae.TilfoejElement(tid, samling, el, data.draw(st.none() | st.just(pos)))
    if slags is ae.TilfoejElementer:
        return ae.TilfoejElementer(tid, samling, (el,) * data.draw(st.integers(1, 3)))
    if slags is ae.OpdaterElement:
        return ae.OpdaterElement(tid, samling, pos, el)
    if slags is ae.SletElement:
        return ae.SletElement(tid, samling, pos)
    if slags is ae.SletSidste:
        return ae.SletSidste(tid, samling, data.draw(st.integers(0, n + 1)))
    if slags is ae.TilfoejPulje:
        return ae.TilfoejPulje(pulje, data.draw(st.none() | st.integers(0, p)))
    if slags is ae.OpdaterPulje:
        return ae.OpdaterPulje(data.draw(st.integers(0, max(p, 1))), pulje)
    assert slags is ae.SletPulje
    return ae.SletPulje(data.draw(st.integers(0, max(p, 1))))


def test_egenskaben_kender_hver_slags_aendring():
    assert {k.__name__ for k in ALLE_SLAGS} == {
        "SaetDriftsherre", "SaetSatser", "TilfoejTilbud", "SletTilbud", "OpdaterTilbud", "TilfoejElement",
        "OpdaterElement", "SletElement", "TilfoejElementer", "SletSidste", "TilfoejPulje", "OpdaterPulje", "SletPulje"}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                                  HealthCheck.function_scoped_fixture])
@given(start=st.sampled_from([tg.laes_fil(EKSEMPEL)]) | modeller.grundlag, data=st.data())
def test_filen_faar_aldrig_flere_input_fund_end_den_blev_aabnet_med(qapp, monkeypatch, start, data):
    eksempel = tg.laes_fil(EKSEMPEL)
    with tempfile.TemporaryDirectory() as d:
        monkeypatch.setenv("TAKSTBEREGNER_DATA", str(Path(d) / "data"))
        sti = Path(d) / "x.takst"
        TakstFil.opret(sti, start).luk()
        dok = Dokument(TakstFil.aabn(sti))
        try:
            aabnet = _input(dok.grundlag)
            for _ in range(data.draw(st.integers(1, 8))):
                hvad = data.draw(st.sampled_from(["en", "en", "en", "blok", "fortryd"]))
                if hvad == "fortryd":
                    dok.stak.undo()
                    svar = None
                elif hvad == "blok":
                    svar = dok.anvend_mange([_aendring(data, dok.grundlag, eksempel) for _ in range(2)], "blok")
                else:
                    svar = dok.anvend(_aendring(data, dok.grundlag, eksempel))
                event("fortrudt" if svar is None else "gemt" if svar else "afvist")
                i_filen = laes_grundlag(sti)
                assert i_filen == dok.grundlag
                assert _input(i_filen) <= aabnet
        finally:
            dok.luk()
        with TakstFil.aabn(sti) as f:  # reopening always works
            assert f.hent() == i_filen
