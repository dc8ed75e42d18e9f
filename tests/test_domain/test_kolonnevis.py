"""The column-by-column passes of the engine (issue 9 item 7: a full recompute of a large file in
few milliseconds) give exactly what the plain line-by-line code they replace gives: the same
figures with the same digits, the same findings in the same order. Each property compares a fast
path with the obvious loop, on generated records that include the awkward ones (amounts with 30
digits, -0, control characters, lone surrogates, unknown codes, missing levetid)."""
from __future__ import annotations

from dataclasses import fields
from decimal import Decimal as D

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_storage import modeller

from takstberegner.domain import fund, model as m, navne
from takstberegner.domain.linjekolonner import anlaegkolonner, linjekolonner
from takstberegner.domain.omkostninger import _anlaeg_fund, _summer
from takstberegner.domain.validering import _alle_rene, _ren
from takstberegner.formats.regelsaet import regelsaet_for

HURTIG = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
RS = regelsaet_for(2026)

# Amounts whose sums are inexact at 28 digits, so that the order of the additions shows.
_mange_cifre = st.decimals(allow_nan=False, allow_infinity=False, places=None, min_value=D("-1e15"),
                           max_value=D("1e15")) | st.sampled_from([D("-0"), D("0E-7"), D("1E-30"),
                                                                   D("0.1234567890123456789012345678"),
                                                                   D("99999999999.99999999999999999")])


@HURTIG
@given(st.lists(st.tuples(st.tuples(st.sampled_from(["a", "b", None]), st.booleans()), _mange_cifre), max_size=40))
def test_summer_er_som_en_loekke_linje_for_linje(par):
    noegler, beloeb = [k for k, _ in par], [b for _, b in par]
    forventet: dict = {}
    for k, b in par:
        forventet[k] = forventet.get(k, D(0)) + b
    ud = _summer(noegler, beloeb)
    assert [(k, str(v)) for k, v in ud.items()] == [(k, str(v)) for k, v in forventet.items()]


_tegn = st.sampled_from(["a", "Æ", " ", "\xa0", "\t", "\x00", "\x7f", "\x85", "\u2028", "\ud800", "\udc00", "€", "\u200b"])


@HURTIG
@given(st.lists(st.text(_tegn, max_size=4), max_size=8))
def test_alle_rene_er_ren_for_hver_tekst(tekster):
    assert _alle_rene(tekster) == all(map(_ren, tekster))
    assert _alle_rene(set(tekster)) == all(map(_ren, tekster))


def _som_laeseren(x: m.Omkostningslinje) -> m.Omkostningslinje:
    """The record as the JSON reader builds it: only the fields that differ from their default are
    in its __dict__ (model.byg_mange)."""
    standard = m.klassens_standarder(m.Omkostningslinje)
    d = {f.name: getattr(x, f.name) for f in fields(x)
         if f.name not in standard or getattr(x, f.name) != standard[f.name]}
    return m.byg_mange(m.Omkostningslinje, [d])[0]


@HURTIG
@given(st.lists(modeller.linje, max_size=12), st.booleans())
def test_linjekolonnerne_er_linjernes_felter(linjer, som_laeseren):
    if som_laeseren:
        linjer = [_som_laeseren(x) for x in linjer]
    linjer = tuple(linjer)
    k = linjekolonner(linjer)
    for felt in ("kategori", "post", "beloeb", "vagtlag", "del_", "ydelse", "tekst"):
        assert getattr(k, felt) == [getattr(x, felt) for x in linjer]
    assert k.saerlige == [j for j, x in enumerate(linjer)
                          if (x.anlaeg, x.tjenestemand_loen, x.tjenestemandspension) != (None, None, None)]
    assert linjekolonner(linjer) is k  # kept for the next pass over the same tilbud


def _anlaeg_fund_linje_for_linje(t: m.Tilbud, leasede: set[str], sti: str) -> list:
    """The loop _anlaeg_fund replaced."""
    ud = []
    for k, a in enumerate(t.anlaeg):
        if a.finansiering == "finansiel_leasing" and a.id in leasede:
            ud.append(fund.lav(RS, "LEAS-DOBBELT", f"{sti}.anlaeg[{k}]", anlaeg=a.navn or a.id))
        graenser = RS.levetid_aar.get(a.type)
        if graenser and a.levetid_aar is not None and not graenser[0] <= a.levetid_aar <= graenser[1]:
            ud.append(fund.lav(RS, "ANLAEG-LEVETID", f"{sti}.anlaeg[{k}].levetid_aar", anlaeg=a.navn or a.id,
                               type=navne.vis(a.type, navne.ANLAEG_TYPER).lower(), levetid=a.levetid_aar,
                               fra=graenser[0], til=graenser[1]))
    return ud


@HURTIG
@given(st.lists(st.builds(m.Anlaeg, id=st.sampled_from(["A", "B", "C"]), navn=modeller.tekst,
                          type=st.sampled_from(m.ANLAEG_TYPER + ("ukendt",)), anskaffelsesvaerdi=st.just(D(1)),
                          ibrugtagning=st.dates(), finansiering=st.sampled_from(m.FINANSIERINGER),
                          levetid_aar=st.none() | st.integers(-1, 120)), max_size=8),
       st.sets(st.sampled_from(["A", "B", "X"])))
def test_anlaeggenes_fund_er_som_anlaeg_for_anlaeg(anlaeg, leasede):
    t = m.Tilbud(id="T", navn="T", paragraf="", kategori=3, tilbudstype="doegn", pladser=1,
                 takststruktur="gennemsnit", anlaeg=tuple(anlaeg))
    assert _anlaeg_fund(t, anlaegkolonner(t.anlaeg), leasede, RS, "tilbud[0]") == \
        _anlaeg_fund_linje_for_linje(t, leasede, "tilbud[0]")
