"""Last year beside this year in the PDF til revision (issue 13 item 1): given last year's takstfil,
every tilbud shows last year's budget per kategori and post, omkostningsgrundlag, takstgrundlag and
takster beside this year's, matched by id; a tilbud without a match says so; a wrong takstår, a
foreign driftsherre or an unreadable file is a Danish refusal; without the file the honest note."""
from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

import pytest

from takstberegner import dansk, tjeneste
from takstberegner.cli import main
from takstberegner.domain.rul_frem import Fremskrivning
from takstberegner.export import revision_pdf
from takstberegner.export.sidste_aar import Forrige
from takstberegner.fejl import Fejl
from takstberegner.formats import takstgrundlag as tg_format
from takstberegner.storage import TakstFil
from takstberegner.tjeneste import dokumenter
from takstberegner.tjeneste.rul_frem import naeste_grundlag

from .conftest import eksempel
from .test_revision_pdf import RAA_NOEGLER, pdftekst


def _to_aar():
    """Last year (eksempel 1 as takstår 2025) and this year rolled forward from it, with the budget
    fremskrevet, one line changed, and a new tilbud T9 that last year's file does not have."""
    g0 = dataclasses.replace(eksempel(1), takstaar=2025)
    g1 = naeste_grundlag(g0, tjeneste.beregn(g0), Fremskrivning(Decimal("3.2"), Decimal("2.1")))
    t = g1.tilbud[0]
    linjer = list(t.omkostninger)
    linjer[0] = dataclasses.replace(linjer[0], beloeb=linjer[0].beloeb + Decimal("12345.67"))
    t = dataclasses.replace(t, omkostninger=tuple(linjer))
    ny = dataclasses.replace(t, id="T9", navn="Nyt bosted Syd",
                             ydelser=tuple(dataclasses.replace(y, id="T9-" + y.id) for y in t.ydelser),
                             omkostninger=tuple(dataclasses.replace(x, ydelse=None) for x in t.omkostninger))
    return g0, dataclasses.replace(g1, tilbud=(t, ny))


@pytest.fixture(scope="module")
def to_aar():
    return _to_aar()


def _budget(t):
    ud: dict[tuple[str, str], Decimal] = {}
    for x in t.omkostninger:
        ud[(x.kategori, x.post)] = ud.get((x.kategori, x.post), Decimal(0)) + x.beloeb
    return ud


def test_pdf_viser_sidste_aars_budget_og_takstgrundlag_ved_siden_af_aarets(to_aar, tmp_path):
    g0, g1 = to_aar
    sti = tmp_path / "Eksempel Kommune 2025.json"
    sti.write_text(tg_format.skriv_tekst(g0), encoding="utf-8")
    b0, b1 = tjeneste.beregn(g0), tjeneste.beregn(g1)
    r = dokumenter.rapport(g1, b1, forrige=sti)
    tekst = pdftekst(tmp_path, revision_pdf.lav_pdf(r))
    flad = re.sub(r"\s+", " ", tekst)
    # the cover says where last year's figures come from, and no longer that they cannot be shown
    assert "Sidste års tal er fra sidste års takstfil Eksempel Kommune 2025.json" in flad
    assert b0.grundlag_sha256 in flad
    assert "kan derfor ikke vises" not in flad and "er ikke vist her" not in flad
    # T1: every post of both years in one row with its change, under the step Budget
    start = tekst.index("Tilbud T1: Bostedet Nord")
    slut = tekst.index("Tilbud T9: Nyt bosted Syd")
    t1 = tekst[start:slut]
    budget = t1[t1.index("Budget sammenlignet med sidste år (takstår 2025 og 2026)"):]
    assert t1.index("Budget sammenlignet") > t1.index("Budget pr. kategori, post, del og ydelse")
    foer, nu = _budget(g0.tilbud[0]), _budget(g1.tilbud[0])
    assert foer.keys() == nu.keys()
    for (kat, post), v0 in foer.items():
        v1 = nu[(kat, post)]
        raekke = rf"{re.escape(dansk.tal(v0))}\s+{re.escape(dansk.tal(v1))}\s+{re.escape(dansk.tal(v1 - v0))}"
        assert re.search(raekke, budget), (kat, post, v0, v1)
    sum0, sum1 = sum(foer.values()), sum(nu.values())
    assert re.search(rf"Budget i alt\s+{re.escape(dansk.tal(sum0))}\s+{re.escape(dansk.tal(sum1))}\s+"
                     rf"{re.escape(dansk.tal(sum1 - sum0))}", budget)
    # the bridge of both years and each takst, under Takststruktur
    grundlag = t1[t1.index("Takstgrundlag og takster sammenlignet med sidste år"):]
    tr0, tr1 = b0.tilbud[0], b1.tilbud[0]
    for navn, v0, v1 in (("Omkostningsgrundlag", tr0.omkostningsgrundlag, tr1.omkostningsgrundlag),
                         ("= Takstgrundlag", tr0.takstgrundlag, tr1.takstgrundlag)):
        assert re.search(rf"^\s*{re.escape(navn)}\s+{re.escape(dansk.tal(v0))}\s+{re.escape(dansk.tal(v1))}\s+"
                         rf"{re.escape(dansk.tal(v1 - v0))}", grundlag, re.M), navn
    assert tr1.takstgrundlag != tr0.takstgrundlag
    for tk0, tk1 in zip(tr0.takster, tr1.takster):
        assert re.search(rf"Takst {tk1.ydelse}.*{re.escape(dansk.tal(tk0.takst))}\s+{re.escape(dansk.tal(tk1.takst))}",
                         grundlag), tk1.ydelse
    # T9 has no match: its pages say so, and so does the driftsherre's overview
    t9 = tekst[slut:]
    assert "Tilbud T9 findes ikke i sidste års takstfil" in re.sub(r"\s+", " ", t9)
    assert "Budget sammenlignet" not in t9[:t9.index("Bilag: alle budgetlinjer")]
    oversigt = tekst[tekst.index("Takstgrundlag pr. tilbud, takstår 2025 og 2026"):]
    assert re.search(rf"T1\s+Bostedet Nord\s+{re.escape(dansk.tal(tr0.takstgrundlag))}\s+"
                     rf"{re.escape(dansk.tal(tr1.takstgrundlag))}", oversigt)
    assert re.search(r"T9\s+Nyt bosted Syd.*Ikke i sidste års fil \(2025\)", oversigt)
    for noegle in RAA_NOEGLER:
        assert noegle not in tekst, noegle


def test_tilbud_der_er_ophoert_staar_i_oversigten(to_aar, tmp_path):
    g0, g1 = to_aar
    ekstra = dataclasses.replace(g0.tilbud[0], id="GL", navn="Lukket bosted")
    g0 = dataclasses.replace(g0, tilbud=g0.tilbud + (ekstra,))
    b0 = tjeneste.beregn(g0)
    r = dokumenter.rapport(g1, forrige=Forrige(g0, b0, "sidste.takst"))
    oversigt = r.sidste_aar_oversigt
    raekke = next(rk for rk in oversigt.raekker if rk[0] == "GL")
    assert raekke[2].v == next(tr.takstgrundlag for tr in b0.tilbud if tr.id == "GL")
    assert raekke[3].v is None and raekke[-1] == "Ikke i år (2026)"
    i_alt = oversigt.raekker[-1]
    assert i_alt[2].v == sum(tr.takstgrundlag for tr in b0.tilbud)
    assert i_alt[3].v == sum(tr.takstgrundlag for tr in tjeneste.beregn(g1).tilbud)


def test_kategorier_summer_i_budgetsammenligningen(to_aar):
    g0, g1 = to_aar
    r = dokumenter.rapport(g1, forrige=Forrige(g0, tjeneste.beregn(g0), "x.takst"))
    s = next(s for s in r.tilbud[0].sektioner if s.noegle == "sidste_aar_budget")
    data = [rk for i, rk in enumerate(s.raekker[:-1]) if i not in s.fede]
    for i in s.fede:  # each kategori's subtotal is the sum of its posts, for both years
        kat = s.raekker[i][0]
        for j in (2, 3):
            assert s.raekker[i][j].v == sum(rk[j].v for rk in data if rk[0] == kat)
    assert s.raekker[-1][2].v == sum(x.beloeb for x in g0.tilbud[0].omkostninger)
    assert s.raekker[-1][3].v == sum(x.beloeb for x in g1.tilbud[0].omkostninger)
    assert s.raekker[-1][5].v == ((s.raekker[-1][3].v - s.raekker[-1][2].v) / s.raekker[-1][2].v * 100).quantize(
        Decimal("0.01"))


def test_uden_sidste_aars_fil_star_den_aerlige_note(grundlag1, beregning1, tmp_path):
    r = dokumenter.rapport(grundlag1, beregning1)
    assert r.sidste_aar_oversigt is None
    flad = re.sub(r"\s+", " ", pdftekst(tmp_path, revision_pdf.lav_pdf(r)))
    assert "Sidste års budget indgår ikke i takstgrundlaget" in flad and "--forrige" in flad
    assert "sammenlignet med sidste år" not in flad


def test_forkert_takstaar_fremmed_driftsherre_og_ulaeselig_fil_er_danske_afvisninger(to_aar, tmp_path):
    g0, g1 = to_aar
    samme_aar = tmp_path / "i_aar.json"
    samme_aar.write_text(tg_format.skriv_tekst(g1), encoding="utf-8")
    with pytest.raises(dokumenter.ForrigeAarFejl) as e:
        dokumenter.laes_forrige(samme_aar, g1)
    assert "i_aar.json er for takstår 2026" in e.value.besked and "skal være for takstår 2025" in e.value.besked
    fremmed = tmp_path / "fremmed.json"
    d = dataclasses.replace(g0.driftsherre, navn="Anden Kommune", cvr="87654321")
    fremmed.write_text(tg_format.skriv_tekst(dataclasses.replace(g0, driftsherre=d)), encoding="utf-8")
    with pytest.raises(Fejl) as e:
        dokumenter.laes_forrige(fremmed, g1)
    assert "Anden Kommune (CVR 87654321)" in e.value.besked
    skrald = tmp_path / "sidste.takst"
    skrald.write_bytes(b"ikke en takstfil")
    with pytest.raises(Fejl) as e:
        dokumenter.laes_forrige(skrald, g1)
    assert e.value.besked.startswith("Sidste års takstfil: Filen sidste.takst er ikke en Takstberegner-fil")
    with pytest.raises(Fejl) as e:
        dokumenter.laes_forrige(tmp_path / "findes-ikke.takst", g1)
    assert e.value.besked.startswith("Sidste års takstfil: Filen ")
    assert e.value.besked.endswith("findes-ikke.takst findes ikke.")
    # a file the reader names itself (binary given as last year's JSON): the file named once
    binaer = tmp_path / "sidste.json"
    binaer.write_bytes(b"\xff\xfe\x00binary")
    with pytest.raises(Fejl) as e:
        dokumenter.laes_forrige(binaer, g1)
    assert e.value.besked.startswith("Sidste års takstfil: Filen sidste.json kan ikke læses som et takstgrundlag: ")
    assert e.value.besked.count("kan ikke læses") == 1 and e.value.besked.count("sidste.json") == 1
    # a PDF is named as one, with advice for last year's file (not the reader's, to import a budget)
    binaer.write_bytes(b"%PDF-1.4\n\xff\xfe\x00binary")
    with pytest.raises(Fejl) as e:
        dokumenter.laes_forrige(binaer, g1)
    assert e.value.besked == ("Sidste års takstfil sidste.json er en PDF-fil, ikke en takstfil. Vælg sidste års "
                              "takstfil (.takst) eller takstgrundlag (.json).")


def test_kommandolinjen_rapport_med_forrige(to_aar, tmp_path, capsys):
    g0, g1 = to_aar
    sidste, i_aar = tmp_path / "sidste.takst", tmp_path / "i_aar.takst"
    TakstFil.opret(sidste, g0).luk()
    TakstFil.opret(i_aar, g1).luk()
    pdf = tmp_path / "r.pdf"
    assert main(["rapport", str(i_aar), "--forrige", str(sidste), "-o", str(pdf)]) == 0
    tekst = re.sub(r"\s+", " ", pdftekst(tmp_path, pdf.read_bytes()))
    assert "Budget sammenlignet med sidste år (takstår 2025 og 2026)" in tekst
    assert "sidste års takstfil sidste.takst" in tekst
    capsys.readouterr()
    # the wrong year: exit 2, one Danish line, nothing written
    assert main(["rapport", str(i_aar), "--forrige", str(i_aar), "-o", str(tmp_path / "r2.pdf")]) == 2
    fejl = capsys.readouterr().err
    assert "i_aar.takst er for takstår 2026" in fejl and "Traceback" not in fejl
    assert not (tmp_path / "r2.pdf").exists()
    # the output may not be last year's file
    assert main(["rapport", str(i_aar), "--forrige", str(sidste), "-o", str(sidste)]) == 2
    assert tjeneste.laes_grundlag(sidste).takstaar == 2025


def test_objektiv_finansiering_staar_begge_aar():
    from . import bilag_data

    g0 = dataclasses.replace(bilag_data.grundlag_a(), takstaar=2025)
    b0 = tjeneste.beregn(g0)
    g1 = naeste_grundlag(g0, b0, Fremskrivning(Decimal("3"), Decimal("2")))
    b1 = tjeneste.beregn(g1)
    r = dokumenter.rapport(g1, b1, forrige=Forrige(g0, b0, "sidste.takst"))
    t1 = next(t for t in r.tilbud if t.id == "T1")
    s = next(s for s in t1.sektioner if s.noegle == "sidste_aar_grundlag")
    raekke = next(rk for rk in s.raekker if rk[0].startswith("Heraf objektiv finansiering"))
    assert (raekke[1].v, raekke[2].v) == (b0.tilbud[0].objektiv_andel, b1.tilbud[0].objektiv_andel)
    assert raekke[1].v > 0
    # a tilbud without objektiv finansiering in either year has no such row
    tr = next(t for t in r.tilbud if t.id == "TR")
    s = next(s for s in tr.sektioner if s.noegle == "sidste_aar_grundlag")
    assert not any(rk[0].startswith("Heraf objektiv") for rk in s.raekker)


@pytest.mark.parametrize("navn, indhold", [
    ("sidste.takst", b"ikke en takstfil"),  # the store names the file: 'Filen sidste.takst ...'
    ("mangler.takst", None),
    ("mangler.json", None),
    ("sidste.json", b'{"format": 1'),  # the JSON reader says just 'filen'
    ("liste.json", b"[]"),
    ("mappe.json", "mappe"),  # the reader names the whole path
])
def test_sidste_aars_fil_naevnes_een_gang_i_afvisningen(to_aar, tmp_path, navn, indhold):
    """Whatever the reader says about last year's file, the rejection names it once and says
    'kan ikke læses' at most once (it named a .takst file and a folder twice before)."""
    sti = tmp_path / navn
    if indhold == "mappe":
        sti.mkdir()
    elif indhold is not None:
        sti.write_bytes(indhold)
    with pytest.raises(dokumenter.ForrigeAarFejl) as e:
        dokumenter.laes_forrige(sti, to_aar[1])
    besked = e.value.besked
    assert besked.startswith("Sidste års takstfil")
    assert besked.count(navn) == 1, besked
    assert besked.count("kan ikke læses") <= 1, besked
