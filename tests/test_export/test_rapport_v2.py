"""SPEC v2 in the PDF til revision and the takstskema: a ydelse's own belægning and pladsdøgn, the
real takst change against last year's takst fremskrevet with P/L, lovhjemlet objektiv finansiering,
a new tilbud's first driftsår and the pulje's kategori. The workbook's formulas, computed by the
`formulas` package, still give the engine's takstgrundlag, category totals and takster to the øre."""
from __future__ import annotations

from decimal import Decimal

import pytest
from openpyxl.utils import get_column_letter

from takstberegner import dansk, tjeneste
from takstberegner.domain.model import KATEGORIER
from takstberegner.export import rapport, revision_pdf, takstskema_xlsx
from takstberegner.formats.takstgrundlag import laes_dict

from .test_revision_pdf import pdftekst
from .test_takstskema_xlsx import OERE, beregnet, formelceller


def _forventet(pct: str, begrundelse: str = "Venteliste og visitationer") -> dict:
    return {"metode": "forventet", "pct": pct, "begrundelse": begrundelse}


def _personale(beloeb: str, vagtlag: bool = True) -> dict:
    return {"kategori": "personale", "post": "borgerrelateret_personale" if vagtlag else "oeverste_ledelse",
            "beloeb": beloeb, "vagtlag": vagtlag}


@pytest.fixture(scope="module")
def v2(lav_dok, lav_tilbud):
    """Four tilbud: gennemsnit with an aflastningsydelse at its own 90 % and objektiv finansiering;
    differentieret with its own belægning per ydelse; a new tilbud in its first driftsår whose
    ydelser all have their own belægning (the tilbud none); an enhedstakst with objektiv
    finansiering. P/L 3 %, last year's takster, and a pulje landing in ejendom."""
    gennemsnit = lav_tilbud(
        id="G", navn="Bosted Gennemsnit", pladser=12, pladser_forrige_aar=12, belaegning=_forventet("96"),
        ydelser=[{"id": "FAST", "navn": "Permanent", "pladser": 8, "stoettetimer_uge": "10", "forrige_takst": "950"},
                 {"id": "AFL", "navn": "Aflastning", "pladser": 4, "stoettetimer_uge": "10", "forrige_takst": "1000",
                  "belaegning": _forventet("90", "Aflastning: korte ophold"), "korte_forloeb": True}],
        omkostninger=[_personale("4000000"),
                      {"kategori": "aktivitet", "post": "aktiviteter", "beloeb": "131400", "ydelse": "AFL"}],
        objektiv_finansiering={"andel_pct": "40", "fordeling": {"Aalborg": "221000", "Hjørring": "64000",
                                                                 "Frederikshavn": "59000"}},
        bemaerkninger="Aflastning med egen belægning.",
    )
    differentieret = lav_tilbud(
        id="D", navn="Bosted Differentieret", pladser=10, pladser_forrige_aar=10, takststruktur="differentieret",
        belaegning=_forventet("97"),
        ydelser=[{"id": "N1", "navn": "Niveau 1", "pladser": 6, "stoettetimer_uge": "10", "forrige_takst": "1000"},
                 {"id": "N2", "navn": "Niveau 2", "pladser": 4, "stoettetimer_uge": "20", "forrige_takst": "1500",
                  "belaegning": _forventet("90", "Aflastning"), "korte_forloeb": True}],
        omkostninger=[_personale("1000000", vagtlag=False), _personale("3000000")],
    )
    nyt = lav_tilbud(
        id="N", navn="Nyt Bosted", pladser=6, pladser_forrige_aar=None, nyt_tilbud=True, foerste_driftsaar=2026,
        belaegning=None,
        ydelser=[{"id": "N-A", "navn": "Bolig", "pladser": 4, "stoettetimer_uge": "8",
                  "belaegning": {"metode": "nyt_tilbud", "pct": "80", "begrundelse": "Indflytning i løbet af året"}},
                 {"id": "N-B", "navn": "Akut", "pladser": 2, "stoettetimer_uge": "12",
                  "belaegning": _forventet("85", "Akutpladser"), "korte_forloeb": True}],
        omkostninger=[_personale("2000000")],
    )
    enhed = lav_tilbud(
        id="E", navn="Bostøtte Enhed", tilbudstype="ambulant", takststruktur="enhed", belaegning=None, ydelser=[],
        enheder={"enhed": "time", "antal": "10000"}, omkostninger=[_personale("5000000")],
        objektiv_finansiering={"andel_pct": "25", "fordeling": {"A": "1", "B": "2"}},
    )
    pulje = {"id": "EJD", "navn": "Fælles ejendomsdrift", "beloeb": "300000", "noegle": "pladser", "kategori": "ejendom"}
    d = lav_dok(gennemsnit, differentieret, nyt, enhed, puljer=[pulje],
                satser={"rente_anlaeg_pct": "3", "rente_kort_pct": "2", "pl_fremskrivning_pct": "3"})
    g = laes_dict(d)
    b = tjeneste.beregn(g)
    return g, b, rapport.lav_rapport(g, b, "cd" * 32)


def test_v2_formler_giver_motorens_tal(v2, tmp_path):
    g, b, r = v2
    assert {t.id for t in b.tilbud if t.takster} == {"G", "D", "N", "E"}, [f.kode for f in b.alle_fund()]
    vaerdier = beregnet(tmp_path, takstskema_xlsx.lav_xlsx(r))
    antal = 0
    for ark, adr, s, v in formelceller(r):
        faet = Decimal(repr(float(vaerdier[f"{ark.upper()}!{adr}"])))
        if v.fmt == rapport.PCT:
            faet *= 100
        assert faet.quantize(OERE) == Decimal(v.v).quantize(OERE), (ark, adr, s.noegle, v.formel)
        antal += 1
    assert antal > 100
    plan, _ = takstskema_xlsx._adresser(r)
    ark_af = {a.noegle: a for a in plan}
    for tr in b.tilbud:
        a = ark_af[tr.id]

        def celle(sek, rk, kol):
            s, r0 = a.start[sek]
            return Decimal(repr(float(vaerdier[f"{a.navn.upper()}!{get_column_letter(kol + 1)}{r0 + s.indeks(rk)}"])))

        assert celle("bro", "tg", 1).quantize(OERE) == tr.takstgrundlag
        for k in KATEGORIER:  # the pulje's 300.000 lands in ejendom, not administration
            assert abs(celle("omk", k, 7) - tr.omkostninger[k]) <= OERE, (tr.id, k)
        s, _ = a.start["takster"]
        kol = rapport.TAKST_KOL[tr.takststruktur]
        real_kol = len(s.kolonner) - 1
        for j, tk in enumerate(tr.takster):
            assert celle("takster", j, kol) == tk.takst, (tr.id, tk.ydelse)
            if tk.aendring_real_pct is not None:
                assert (celle("takster", j, real_kol) * 100).quantize(OERE) == tk.aendring_real_pct
            if tr.takststruktur != "enhed":
                assert (celle("takster", j, 3) * 100).quantize(OERE) == tk.belaegning_pct  # b_i
                assert celle("takster", j, 4).quantize(OERE) == tk.pladsdoegn
        if tr.objektiv_fordeling:
            s, _ = a.start["objektiv"]
            assert celle("objektiv", len(s.raekker) - 1, 3) == 0  # the kommuner's parts add up (whole kroner: column 3)
    # the overhead of the ejendom pulje stands in the ejendom row of G's table
    assert b.overhead[0].kategori == "ejendom"


def test_v2_i_pdf_en(v2, tmp_path):
    g, b, r = v2
    tekst = pdftekst(tmp_path, revision_pdf.lav_pdf(r))
    flad = " ".join(tekst.split())
    assert "P/L-fremskrivning af sidste års takst (%)" in flad and "3,00 %" in flad
    for tr in b.tilbud:
        for tk in tr.takster:
            assert dansk.tal(tk.takst) in tekst
            if tk.aendring_real_pct is not None:
                assert dansk.procent(tk.aendring_real_pct) in tekst
                assert dansk.tal(tk.forrige_fremskrevet) in tekst
            if tk.pladsdoegn is not None:
                assert dansk.tal(tk.pladsdoegn) in tekst and dansk.procent(tk.belaegning_pct) in tekst
        for kommune, andel in (tr.objektiv_fordeling or {}).items():
            assert kommune in tekst and dansk.tal(andel, 0) in tekst
    assert "Real ændring" in flad and "Objektiv finansiering" in flad and "Grundlag for taksterne" in flad
    assert "Første driftsår" in flad and "Ydelsens egen belægning" in flad
    assert "Aflastning: korte ophold" in flad
    assert "Ejendomsomkostninger" in flad  # the pulje's kategori by its Danish name
    for raa in ("objektiv_finansiering", "foerste_driftsaar", "belaegning_pct", "aendring_real", "nyt_tilbud"):
        assert raa not in tekst
