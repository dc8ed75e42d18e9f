"""The auditor follows a takst with a lovhjemlet objektiv finansiering (SA 4.2.1, SPEC §4.12a) through
the PDF til revision, using only the printed figures: the factor, the pris pr. direkte støttetime
and a gennemsnitstakst's basistakst each name the figure they are computed from, and that printed
figure gives the printed result (read back with pdftotext from the real PDF)."""
from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

import pytest

from takstberegner import tjeneste
from takstberegner.domain import model as m
from takstberegner.export import indmelding, rapport, revision_pdf

from .bilag_data import OBJEKTIV, grundlag_a
from .conftest import eksempel
from .test_revision_pdf import pdftekst

TAL = r"(-?[\d.]+,\d+)"


def _tal(t: str) -> Decimal:
    return Decimal(t.replace(".", "").replace(",", "."))


def _grundlag() -> m.Takstgrundlag:
    """Eksempel 1's differentierede Bostedet Nord with 40 % objektiv finansiering (bilag_data's A), an
    enhedstakst that keeps it, and eksempel 2's gennemsnitstakst with 25 %."""
    g = grundlag_a()
    t0 = g.tilbud[0]
    en = dataclasses.replace(
        t0, id="EN", navn="Rådgivning pr. time", paragraf="SEL § 85", tilbudstype="ambulant", takststruktur="enhed",
        belaegning=None, ydelser=(), enheder=m.Enheder("time", Decimal("5200")), resultater=(), hensaettelser=(),
        tillaegsydelser=(), omkostninger=t0.omkostninger[:4], anlaeg=(), driftskapital=None, saerlige_vilkaar=None,
        bemaerkninger="")
    x = eksempel(2).tilbud[0]
    gx = dataclasses.replace(x, id="GX", ydelser=tuple(dataclasses.replace(y, id="GX-" + y.id) for y in x.ydelser),
                             objektiv_finansiering=m.ObjektivFinansiering(Decimal("25"), tuple(OBJEKTIV.items())))
    return dataclasses.replace(g, tilbud=g.tilbud + (en, gx))


@pytest.fixture(scope="module")
def pdf_dele(tmp_path_factory):
    """The PDF's text, one part per tilbud (from its heading to the next), whitespace collapsed."""
    g = _grundlag()
    b = tjeneste.beregn(g)
    _, _, fp = indmelding.json_medlemmer(g, b)
    data = revision_pdf.lav_pdf(rapport.lav_rapport(g, b, fingeraftryk=fp))
    tekst = " ".join(pdftekst(tmp_path_factory.mktemp("pdf"), data).split())
    dele = {}
    for t in g.tilbud:
        start = tekst.index(f"Tilbud {t.id}: {t.navn}")
        # up to the next tilbud's own heading (not a page header naming this one) or the bilag
        nxt = [tekst.find(f"Tilbud {u.id}: {u.navn}", start + 1) for u in g.tilbud]
        slut = min([i for i in nxt if i > start] + [tekst.index("Bilag: alle budgetlinjer", start)])
        dele[t.id] = tekst[start:slut]
    return b, dele


def _bro(del_: str, post: str) -> Decimal:
    m_ = re.search(re.escape(post) + r" " + TAL, del_)
    assert m_, post
    return _tal(m_[1])


def test_faktoren_hedder_det_tal_den_er_regnet_af(pdf_dele):
    """Audit: with 40 % objektiv finansiering the PDF printed 'Takstgrundlag ÷ omkostningsgrundlag
    (faktor) 0,5761694052', while its own bridge printed Takstgrundlag 9.124.670,86 ÷
    Omkostningsgrundlag 9.502.070,86 = 0,9603: the factor was the grundlag for taksterne (the rest
    after the kommuners' share) ÷ the omkostningsgrundlag. The label now names the figure it divides,
    and that printed figure ÷ the printed omkostningsgrundlag is the printed factor."""
    _, dele = pdf_dele
    t1 = dele["T1"]
    m_ = re.search(r"(Takstgrundlag|Grundlag for taksterne) ÷ omkostningsgrundlag \(faktor\) (0,\d{10})", t1)
    assert m_, "faktoren mangler"
    taeller = _bro(t1, "= " + m_[1])
    # (both printed in øre: their quotient agrees with the factor to eight decimals)
    assert abs(taeller / _bro(t1, "Omkostningsgrundlag") - _tal(m_[2])) < Decimal("1E-8")
    assert m_[1] == "Grundlag for taksterne"


def test_gennemsnit_og_enhed_naevner_grundlaget_for_taksterne(pdf_dele):
    """Audit: a gennemsnitstakst with 25 % objektiv finansiering printed the column 'Andel af
    takstgrundlaget' holding 5.806.245,94, the bridge's '= Grundlag for taksterne', not its
    Takstgrundlag 7.741.661,25; an enhedstakst's note said 'Takst = takstgrundlag ÷ forventede enheder'
    though it divides the rest. Both name the grundlag for taksterne now, and its figure gives the takst."""
    b, dele = pdf_dele
    gx = dele["GX"]
    assert ("andelen af grundlaget for taksterne = omkostninger i alt × grundlag for taksterne ÷ omkostningsgrundlag"
            in gx)
    rest = _bro(gx, "= Grundlag for taksterne")
    af = {tr.id: tr for tr in b.tilbud}
    tk = af["GX"].takster[0]
    assert re.search(rf"GX-X-1 Midlertidigt botilbud 10 95,00 % 3\.467,50 0,00 {TAL} {TAL} "
                     + re.escape(f"{rest:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")), gx)
    en = dele["EN"]
    assert "Takst = grundlag for taksterne ÷ forventede enheder" in en
    takst = af["EN"].takster[0].takst
    assert (_bro(en, "= Grundlag for taksterne") / 5200).quantize(Decimal("0.01")) == takst
    assert tk.takst == (rest / _tal("3.467,50")).quantize(Decimal("0.01"))


@pytest.mark.parametrize("tilbud", ["T1", "GX"])
def test_pris_pr_stoettetime_staar_med_sin_taeller(pdf_dele, tilbud):
    """Audit: the pris pr. direkte støttetime was printed with its hours but not with the amount
    divided: with an objektiv finansiering the memo's 'Heraf borgerrettet del af takstgrundlaget' ÷
    the hours gave 718,19 kr. against a printed 430,92. The note now gives the borgerrettet part of
    the grundlag for taksterne (the memo's figure × the share the takster carry), and the printed
    figures give the printed price."""
    _, dele = pdf_dele
    d = dele[tilbud]
    m_ = re.search(rf"den borgerrettede del af grundlaget for taksterne \({TAL} kr\. × \(100 % − ([\d,]+) %\) = "
                   rf"{TAL} kr\.\) ÷ direkte støttetimer om året, .*? = {TAL} timer \(SA 5\.4\.7\)", d)
    assert m_, "tælleren mangler"
    memo, andel, borger, timer = (_tal(x) for x in m_.groups())
    assert memo == _bro(d, "Heraf borgerrettet del af takstgrundlaget")
    assert (memo * (100 - andel) / 100).quantize(Decimal("0.01")) == borger
    assert (borger / timer).quantize(Decimal("0.01")) == _bro(d, "Pris pr. direkte støttetime (SA 5.4.7)")


def test_gennemsnitstakstens_basistakst_staar_med_sine_tal(pdf_dele):
    """Audit: a gennemsnitstakst's 'Basistakst: udgangspunkt for en forhandlet takst' (333,92 kr.)
    stood with no formula and no figure behind it. The note gives the basisomkostninger, the
    grundlag ÷ omkostningsgrundlag and the pladsdøgn, and they give the printed basistakst; the
    basisomkostninger are the omkostningsgrundlag less the borgerrettede budget lines."""
    _, dele = pdf_dele
    d = dele["GX"]
    m_ = re.search(rf"Basistakst = basisomkostninger uden ydelsernes egne linjer {TAL} kr\. × grundlag for taksterne ÷ "
                   rf"omkostningsgrundlag \({TAL} ÷ {TAL}\) ÷ alle pladsdøgn {TAL} = {TAL} kr\.", d)
    assert m_, "basistakstens tal mangler"
    basis, tg, o, pd, basistakst = (_tal(x) for x in m_.groups())
    assert tg == _bro(d, "= Grundlag for taksterne") and o == _bro(d, "Omkostningsgrundlag")
    assert (basis * tg / o / pd).quantize(Decimal("0.01")) == basistakst
    assert basistakst == _bro(d, "Basistakst: udgangspunkt for en forhandlet takst (SA 5.4.6)")
    borgerrettet = _tal(re.search(rf"Borgerrelateret personale Borgerrettet 1 {TAL}", d)[1])
    assert basis == o - borgerrettet
