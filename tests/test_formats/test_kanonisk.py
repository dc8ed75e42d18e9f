"""The canonical text the fingerprint hashes is written directly, column by column, for speed
(formats/takstgrundlag.kanonisk_bytes); it must be byte for byte the reference kept here,
json.dumps of skriv_dict with sorted keys and no whitespace, UTF-8 with surrogatepass, for every
model the storage can hold: odd Decimals (1E+3, -0, 0E-7, huge exponents), control characters,
quotes, backslashes, U+2028, characters outside the BMP and lone surrogates in names, the lines
with an anlæg or a tjenestemand amount anywhere among the others, and after an edit with the
per-tilbud cache."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal as D

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from takstberegner.domain import model as m
from takstberegner.formats import takstgrundlag as tg
from test_storage import modeller


def reference(g: m.Takstgrundlag) -> bytes:
    """The definition of the canonical text (what fingerprints of signed indmeldinger hash)."""
    return json.dumps(tg.skriv_dict(g), ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8", "surrogatepass")


_SVAERE = ["", "a", "Bostedet Nord", "æøå ÆØÅ", '"', "\\", "\\u00e6", "\x00", "\x1f", "\x7f", "\n\r\t\b\f",
           "\u2028\u2029", "€", "😀", "\ud800", "\udfff", "\ud83d\ude00", "E+3", '","del":null', "}", "null",
           '"omkostninger":[]']
svaer_tekst = (st.lists(st.sampled_from(_SVAERE) | st.text(max_size=3), max_size=4).map("".join)
               | st.text(alphabet=st.characters(codec=None, categories=None), max_size=6))
_DECIMALER = [D("1E+3"), D("-0"), D("0E-7"), D("1E-7"), D("-0E+2"), D("1.2E+5"), D("123.4500"), D("1E+30"),
              D("-1E-30"), D("9" * 40), D("Infinity"), D("-Infinity"), D("0.000001"), D("0.0000001")]
dec = modeller.dec | st.sampled_from(_DECIMALER)
opt_dec = st.none() | dec
# lines of one tilbud share few values (the column pieces are cached by value)
kategori = st.sampled_from(m.KATEGORIER) | svaer_tekst
linje = st.builds(m.Omkostningslinje, kategori=kategori, post=st.sampled_from(["p1", "p2"]) | svaer_tekst,
                  beloeb=dec, vagtlag=st.booleans(), del_=st.none() | st.sampled_from(m.DELE) | svaer_tekst,
                  ydelse=st.none() | st.sampled_from(["Y1", "Y2"]) | svaer_tekst,
                  tjenestemand_loen=st.none() | st.none() | dec, tjenestemandspension=st.none() | st.none() | dec,
                  anlaeg=st.none() | st.none() | svaer_tekst, tekst=st.sampled_from(["", ""]) | svaer_tekst)
anlaeg = st.builds(m.Anlaeg, id=svaer_tekst, navn=svaer_tekst, type=st.sampled_from(m.ANLAEG_TYPER) | svaer_tekst,
                   anskaffelsesvaerdi=dec, ibrugtagning=st.dates(), finansiering=svaer_tekst,
                   levetid_aar=st.none() | st.integers(-10, 10**20), restvaerdi=dec, andel_pct=dec)


@st.composite
def grundlag(draw) -> m.Takstgrundlag:
    """The storage tests' model, with hard texts and values in the parts written directly."""
    g = draw(modeller.grundlag)
    tilbud = tuple(replace(t, navn=draw(svaer_tekst), omkostninger=tuple(draw(st.lists(linje, max_size=12))),
                           anlaeg=tuple(draw(st.lists(anlaeg, max_size=4))))
                   for t in g.tilbud)
    return replace(g, driftsherre=replace(g.driftsherre, navn=draw(svaer_tekst)), tilbud=tilbud)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(grundlag(), st.data())
def test_kanonisk_tekst_er_referencen_byte_for_byte_ogsaa_efter_en_rettelse(g, data):
    forventet = reference(g)
    dele: dict = {}
    assert tg.kanonisk_bytes(g) == forventet
    assert tg.kanonisk_bytes(g, dele) == forventet
    assert tg.kanonisk_bytes(g, dele) == forventet  # every tilbud from the cache
    if g.tilbud:
        i = data.draw(st.integers(0, len(g.tilbud) - 1))
        ny = replace(g.tilbud[i], omkostninger=tuple(data.draw(st.lists(linje, max_size=6))))
        g2 = replace(g, tilbud=g.tilbud[:i] + (ny,) + g.tilbud[i + 1:])
        assert tg.kanonisk_bytes(g2, dele) == reference(g2)


def _linje(beloeb="1.50", **kw) -> m.Omkostningslinje:
    return m.Omkostningslinje(kategori="personale", post="p", beloeb=D(beloeb), **kw)


def _med(linjer=(), anlaeg=()) -> m.Takstgrundlag:
    g = tg.laes_dict(json.loads(EKSEMPEL))
    return replace(g, tilbud=(replace(g.tilbud[0], omkostninger=tuple(linjer), anlaeg=tuple(anlaeg)),))


EKSEMPEL = json.dumps({
    "format": "takstgrundlag/1", "takstaar": 2026, "driftsherre": {"navn": "Kommune", "cvr": "12345678"},
    "satser": {"rente_anlaeg_pct": "3"},
    "tilbud": [{"id": "T1", "navn": "Bostedet", "kategori": 2, "tilbudstype": "doegn", "pladser": 10,
                "takststruktur": "gennemsnit"}],
})


def test_saerlige_linjer_foerst_sidst_og_efter_hinanden():
    """Lines with an anlæg or a tjenestemand amount are written whole among the column-written ones."""
    alm = [_linje(str(i)) for i in range(5)]
    s1 = _linje("2", anlaeg="A1")
    s2 = _linje("3", tjenestemand_loen=D("100.00"), tjenestemandspension=D("1E+3"))
    for linjer in ([s1] + alm, alm + [s2], alm[:2] + [s1, s2] + alm[2:], [s1, s2], [s2]):
        g = _med(linjer)
        assert tg.kanonisk_bytes(g) == reference(g)


def test_andre_typer_end_modellens_skrives_som_json_dumps():
    """A value of another type than the model's (which no reader makes) still gives the reference."""
    a = m.Anlaeg(id="A", navn="n", type="bygning", anskaffelsesvaerdi=D(5), ibrugtagning=date(2020, 1, 1))
    for linjer, anl in (([_linje(), replace(_linje(), beloeb=5)], []),
                        ([_linje(), replace(_linje(), vagtlag=1)], []),
                        ([], [a, replace(a, levetid_aar=True)]), ([], [a, replace(a, andel_pct=7)]),
                        ([], [a, replace(a, navn=None)]), ([replace(_linje(), kategori=None, tekst=None)], [])):
        g = _med(linjer, anl)
        assert tg.kanonisk_bytes(g) == reference(g)
