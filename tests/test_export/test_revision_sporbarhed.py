"""The auditor follows a takst with a lovhjemlet objektiv finansiering (SA 4.2.1, SPEC §4.12a) through
the PDF til revision, using only the printed figures: the factor, the pris pr. direkte støttetime
and a gennemsnitstakst's basistakst each name the figure they are computed from, and that printed
figure gives the printed result (read back with pdftotext from the real PDF)."""
from __future__ import annotations

import dataclasses
import re
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

import openpyxl
import pytest

from takstberegner import tjeneste
from takstberegner.domain import model as m
from takstberegner.domain import navne
from takstberegner.export import indmelding, rapport, revision_pdf, takstskema_xlsx

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
    r = rapport.lav_rapport(g, b, fingeraftryk=fp)
    data = revision_pdf.lav_pdf(r)
    xlsx = tmp_path_factory.mktemp("xlsx") / "takstskema.xlsx"
    xlsx.write_bytes(takstskema_xlsx.lav_xlsx(r))
    tekst = " ".join(pdftekst(tmp_path_factory.mktemp("pdf"), data).split())
    dele = {}
    for t in g.tilbud:
        start = tekst.index(f"Tilbud {t.id}: {t.navn}")
        # up to the next tilbud's own heading (not a page header naming this one) or the bilag
        nxt = [tekst.find(f"Tilbud {u.id}: {u.navn}", start + 1) for u in g.tilbud]
        slut = min([i for i in nxt if i > start] + [tekst.index("Bilag: alle budgetlinjer", start)])
        dele[t.id] = tekst[start:slut]
    return b, dele, openpyxl.load_workbook(xlsx)


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
    _, dele, _ = pdf_dele
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
    b, dele, _ = pdf_dele
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
    _, dele, _ = pdf_dele
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
    _, dele, _ = pdf_dele
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


def _kategorier(del_: str, overskrift: str, n: int) -> list[list[Decimal]]:
    """The rows of a 'Takster fordelt på omkostningskategorier' table: per line (eight categories,
    then regulering), the n ydelser's figures."""
    fra = del_.index(overskrift)
    ud = []
    for navn in navne.TAKST_LINJER.values():
        m_ = re.compile(re.escape(navn) + (" " + TAL) * n).search(del_, fra)
        assert m_, (overskrift, navn)
        ud.append([_tal(x) for x in m_.groups()])
        fra = m_.end()
    return ud


def _stoerste_rest(dele: list[Decimal], takst: Decimal) -> list[Decimal]:
    """The note's rule by hand: every part down to whole øre, then one øre each to the largest remainders."""
    gulv = [d.quantize(Decimal("0.01"), rounding=ROUND_FLOOR) for d in dele]
    mangler = int((takst - sum(gulv)) / Decimal("0.01"))
    orden = sorted(range(len(dele)), key=lambda i: dele[i] - gulv[i], reverse=True)
    for i in orden[:mangler]:
        gulv[i] += Decimal("0.01")
    return gulv


@pytest.mark.parametrize("tilbud, n", [("T1", 2), ("EN", 1), ("GX", 1)])
def test_takstens_kategorier_kan_foelges_oere_for_oere(pdf_dele, tilbud, n):
    """Audit: 'Takster fordelt på omkostningskategorier' printed each takst's nine parts rounded by
    largest remainder with 'Største rest kan ikke skrives som en enkel formel, så delene står som
    tal': the auditor could see that they add up, not how a part came to be, nor check which part got
    the øre left over. The exact parts now stand beside them with how each is computed: rounded down
    and the øre left given to the largest remainders, they give the printed parts; their sum rounds
    to the bindende takst; and the regulering line follows the printed takstgrundlag and
    omkostningsgrundlag."""
    b, dele, _ = pdf_dele
    d = dele[tilbud]
    afrundet = _kategorier(d, "Takster fordelt på omkostningskategorier (SA 5.5.1)", n)
    eksakt = _kategorier(d, "Takster fordelt på omkostningskategorier, uafrundet (SA 5.5.1)", n)
    sum_ = re.search(r"Uafrundet takst \(sum af delene\)" + (" " + TAL) * n, d)
    takster = {tr.id: tr for tr in b.tilbud}[tilbud].takster
    m_ = re.search(rf"omkostningsgrundlag \({TAL} − {TAL}\) ÷ {TAL}\.", d)
    tg, o, o2 = (_tal(x) for x in m_.groups())
    assert tg == _bro(d, "= Takstgrundlag") and o == o2 == _bro(d, "Omkostningsgrundlag")
    for j, tk in enumerate(takster):
        dele_j = [raekke[j] for raekke in eksakt]
        assert abs(sum(dele_j) - _tal(sum_[j + 1])) < Decimal("1E-9")  # (each printed to ten decimals)
        assert _tal(sum_[j + 1]).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) == tk.takst
        assert _stoerste_rest(dele_j, tk.takst) == [raekke[j] for raekke in afrundet]
        # (the grundlag printed in øre: the printed figures give the part to a millionth of an øre)
        assert abs(sum(dele_j[:-1]) * (tg - o) / o - dele_j[-1]) < Decimal("1E-6")


def test_gennemsnitstakstens_kategori_er_omkostningen_pr_pladsdoegn(pdf_dele):
    """The note's formula with the printed figures: in a gennemsnitstakst with one ydelse, a
    category's exact part is its omkostningsgrundlag × the share the takster carry ÷ the pladsdøgn."""
    _, dele, _ = pdf_dele
    d = dele["GX"]
    eksakt = _kategorier(d, "Takster fordelt på omkostningskategorier, uafrundet (SA 5.5.1)", 1)
    # the Takststruktur's first table: the category's row ends with I alt and Offentliggjort
    personale = re.search(rf"Personaleomkostninger {TAL} .*?{TAL} {TAL} Borgerrelaterede", d)
    assert abs(_tal(personale[2]) * Decimal("0.75") / _tal("3.467,50") - eksakt[0][0]) < Decimal("1E-8")


def test_takstskemaet_har_de_uafrundede_dele_og_deres_sum(pdf_dele):
    """The takstskema (xlsx) carries the same exact parts, and their sum as a formula over them."""
    b, _, wb = pdf_dele
    ws = wb["T1 Bostedet Nord"]
    (raekke,) = [c.row for c in ws["A"] if c.value == "Uafrundet takst (sum af delene)"]
    takster = b.tilbud[0].takster
    for j, tk in enumerate(takster):
        kol = "BC"[j]
        assert ws[f"{kol}{raekke}"].value == f"=SUM(${kol}${raekke - 9}:${kol}${raekke - 1})"
        assert [ws[f"{kol}{raekke - 9 + i}"].value for i in range(9)] == pytest.approx(
            [float(v) for v in tk.pr_kategori_eksakt], rel=1e-12)
    assert ws[f"A{raekke - 9}"].value == "Personaleomkostninger"


def test_hele_kroner_er_afrundet_fra_den_uafrundede_takst(tmp_path):
    """Audit: an enhedstakst of 1.664.495 kr. ÷ 1.000 timer printed 'Takst (kr., bindende) 1.664,50' beside
    'Hele kr. (visning) 1.664': rounding the printed 1.664,50 gives 1.665, and nothing said why. The
    whole kroner are rounded from the unrounded takst (SPEC §1, each figure rounded once); the cover
    now says so with such an example, and the unrounded takst stands printed, giving both figures."""
    g = eksempel(1)
    t0 = g.tilbud[0]
    linje = dataclasses.replace(t0.omkostninger[3], beloeb=Decimal("1664495"))
    assert linje.kategori == "aktivitet"  # no lønsum: no share of eksempel 1's overhead
    en = dataclasses.replace(
        t0, id="EN", navn="Rådgivning pr. time", paragraf="SEL § 85", tilbudstype="ambulant", takststruktur="enhed",
        belaegning=None, ydelser=(), enheder=m.Enheder("time", Decimal("1000")), resultater=(), hensaettelser=(),
        tillaegsydelser=(), omkostninger=(linje,), anlaeg=(), driftskapital=None, saerlige_vilkaar=None,
        objektiv_finansiering=None, bemaerkninger="")
    g = dataclasses.replace(g, tilbud=g.tilbud + (en,))
    b = tjeneste.beregn(g)
    (tk,) = b.tilbud[1].takster
    assert (tk.takst, tk.takst_kr) == (Decimal("1664.50"), Decimal("1664"))
    _, _, fp = indmelding.json_medlemmer(g, b)
    tekst = " ".join(pdftekst(tmp_path, revision_pdf.lav_pdf(rapport.lav_rapport(g, b, fingeraftryk=fp))).split())
    assert ("Også hele kroner er afrundet fra den uafrundede takst, ikke fra taksten i øre: en uafrundet takst på "
            "1.664,495 kr. er 1.664,50 kr. og i hele kroner 1.664 kr." in tekst)
    assert re.search(r"EN Rådgivning pr\. time Time 1\.000,00 1\.664,50 1\.664 ", tekst)
    uafrundet = _tal(re.search(rf"Uafrundet takst \(sum af delene\) {TAL}", tekst[tekst.index("Tilbud EN:"):])[1])
    assert uafrundet == Decimal("1664.495")
    assert uafrundet.quantize(Decimal("0.01"), ROUND_HALF_UP) == tk.takst
    assert uafrundet.quantize(Decimal("1"), ROUND_HALF_UP) == tk.takst_kr


def test_hvert_beregningstrin_naevner_sit_punkt_i_aftalen(pdf_dele):
    """Audit: three of a tilbud's calculation tables were headed without the paragraph of the agreement
    they apply, while their neighbours name theirs: the budget by kategori (SA 5.5.1, table 4), the
    bridge from omkostningsgrundlag to takstgrundlag (SA 5.3 for the regulering, 5.5 for the
    calculation) and the differentierede takster (SA 5.4.4-5.4.5, only in the table above them)."""
    _, dele, _ = pdf_dele
    t1 = dele["T1"]
    for overskrift in ("Budget pr. kategori, post, del og ydelse (SA 5.5.1)",
                       "Fra omkostningsgrundlag til takstgrundlag (SA 5.3, 5.5)",
                       "Fra takstgrundlag til takster (basistakst + differentierede takster, SA 5.4.4-5.4.5)",
                       "Takstgrundlagets dele (basistakst + differentierede takster, SA 5.4.4-5.4.5)"):
        assert overskrift in t1, overskrift
    assert "Fra takstgrundlag til takster (gennemsnitstakst, SA 5.4.3)" in dele["GX"]
    assert "Fra takstgrundlag til takst (enhedstakst, SA 4.1)" in dele["EN"]


def _hele_kr(dele: list[Decimal], total: Decimal) -> list[Decimal]:
    gulv = [d.quantize(Decimal("1"), rounding=ROUND_FLOOR) for d in dele]
    orden = sorted(range(len(dele)), key=lambda i: dele[i] - gulv[i], reverse=True)
    for i in orden[:int(total.quantize(Decimal("1"), ROUND_HALF_UP) - sum(gulv))]:
        gulv[i] += 1
    return gulv


@pytest.mark.parametrize("tilbud, overskrift, beloeb_post, kommuner", [
    ("TR", "Trækningsret: takstgrundlaget fordelt på kommunerne (SA 4.2.2)", "= Takstgrundlag",
     ("Aalborg", "Rebild", "Jammerbugt")),
    ("T1", "Objektiv finansiering: kommunernes andel fordelt (SA 4.2.1)",
     "− Objektiv finansiering (40,00 % af takstgrundlaget, betales af kommunerne)", ("Aalborg", "Brønderslev", "Hjørring")),
])
def test_kommunernes_andele_kan_foelges_krone_for_krone(pdf_dele, tilbud, overskrift, beloeb_post, kommuner):
    """Audit: a trækningsret's and an objektiv finansiering's shares per kommune were printed in whole
    kroner only, 'efter største rest', with no formula for the share: which kommune got the krone
    left over could not be checked. The exact share now stands beside each (amount × the kommune's
    key ÷ the keys), and rounded down with the kroner left to the largest remainders they give the
    printed shares."""
    _, dele, _ = pdf_dele
    d = dele[tilbud]
    beloeb = _bro(d, beloeb_post)
    fra = d.index(overskrift)
    assert "Andel, uafrundet" in d[fra:fra + 200]
    raekker = [re.compile(re.escape(k) + rf" {TAL} {TAL} ([\d.]+)").search(d, fra) for k in kommuner]
    assert all(raekker), "de uafrundede andele mangler"
    noegler = [_tal(r[1]) for r in raekker]
    eksakt = [_tal(r[2]) for r in raekker]
    hele = [Decimal(r[3].replace(".", "")) for r in raekker]
    for n, e in zip(noegler, eksakt):
        assert abs(beloeb * n / sum(noegler) - e) < Decimal("0.01")  # (the amount is printed in øre)
    assert _hele_kr(eksakt, sum(eksakt)) == hele


def test_broen_summer_som_trykt_ogsaa_i_et_udkast_med_fejl(tmp_path):
    """Audit: in a draft whose gennemsnitstakst the engine refused (two ydelser with the id X-1, an
    INPUT fejl) the bridge printed 'Omkostningsgrundlag 0,00', '= Takstgrundlag 0,00', '− Objektiv
    finansiering 2.000.000,00' and '= Grundlag for taksterne 6.000.000,00' under a table whose I alt
    was 8.000.000,00: the published 0 beside the workbook's own figures. The bridge now prints what
    its workbook cells compute, so it adds up as printed and agrees with the table above it."""
    g = eksempel(2)
    x = g.tilbud[0]
    andel = dataclasses.replace(x, id="GX", objektiv_finansiering=m.ObjektivFinansiering(Decimal("25"),
                                                                                         tuple(OBJEKTIV.items())))
    g = dataclasses.replace(g, tilbud=(x, andel))
    b = tjeneste.beregn(g)
    assert b.har_fejl
    _, _, fp = indmelding.json_medlemmer(g, b)
    tekst = " ".join(pdftekst(tmp_path, revision_pdf.lav_pdf(rapport.lav_rapport(g, b, fingeraftryk=fp))).split())
    d = tekst[tekst.index("Tilbud GX: "):]
    i_alt = _tal(re.search(rf"Omkostningsgrundlag fordelt på omkostningskategorier .*? I alt (?:{TAL} ){{6}}{TAL}", d)[2])
    o, reg, ind = (_bro(d, p) for p in ("Omkostningsgrundlag", "+ Regulering for tidligere års resultater",
                                         "− Øvrige indtægter"))
    tg, obj, rest = (_bro(d, p) for p in ("= Takstgrundlag", "− Objektiv finansiering (25,00 % af takstgrundlaget, "
                                          "betales af kommunerne)", "= Grundlag for taksterne"))
    assert o == i_alt == Decimal("8000000")
    assert o + reg - ind == tg and tg - obj == rest and obj == tg / 4
