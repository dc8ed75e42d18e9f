"""The column-by-column passes of the engine (issue 9 item 7: a full recompute of a large file in
few milliseconds) give exactly what the plain line-by-line code they replace gives: the same
figures with the same digits, the same findings in the same order. Each property compares a fast
path with the obvious loop, on generated records that include the awkward ones (amounts with 30
digits, -0, control characters, lone surrogates, unknown codes, missing levetid)."""
from __future__ import annotations

from dataclasses import fields, replace
from datetime import date
from decimal import ROUND_FLOOR
from decimal import Decimal as D

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_storage import modeller

from takstberegner.domain import fund, model as m, navne
from takstberegner.domain.anlaeg import beregn_anlaeg, beregn_anlaeggene
from takstberegner.domain.beregning import beregn
from takstberegner.domain.linjekolonner import anlaegkolonner, linjekolonner
from takstberegner.domain.omkostninger import _anlaeg_fund, _summer, direkte_omkostninger
from takstberegner.domain.penge import _hamilton, afrund, fordel_dele
from takstberegner.domain.validering import (_alle_rene, _anlaeg, _anlaegene_er_almindelige, _Fund, _linje, _linjer,
                                             _linjer_en_ad_gangen, _ren)
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


def _hamilton_foer(eksakte, afrundet_total, enhed):
    """Largest remainder as penge._hamilton wrote it before it went column by column."""
    gulve = [x.quantize(enhed, rounding=ROUND_FLOOR) for x in eksakte]
    enheder_tilbage = int((afrundet_total - sum(gulve, D(0))) / enhed)
    if enheder_tilbage:
        rester = [(x - g, -i) for i, (x, g) in enumerate(zip(eksakte, gulve))]
        orden = sorted(range(len(eksakte)), key=lambda i: rester[i], reverse=True)
        if enheder_tilbage > 0:
            for i in orden[:enheder_tilbage]:
                gulve[i] += enhed
        else:
            for i in orden[::-1][: -enheder_tilbage]:
                gulve[i] -= enhed
    return gulve


@HURTIG
@given(st.lists(_mange_cifre | st.sampled_from([D("0.005"), D("0.015"), D("-0.005")]), min_size=1, max_size=10),
       st.sampled_from([D("0.01"), D(1)]), st.integers(-3, 3))
def test_stoerste_rest_er_som_foer(dele, enhed, skub):
    total = afrund(sum(dele, D(0)), enhed) + skub * enhed  # also totals the parts do not add up to
    assert [str(x) for x in _hamilton(list(dele), total, enhed)] == \
        [str(x) for x in _hamilton_foer(list(dele), total, enhed)]
    assert [str(x) for x in fordel_dele(dele, enhed)] == \
        [str(x) for x in _hamilton_foer(list(dele), afrund(sum(dele, D(0)), enhed), enhed)]


_graenser = st.sampled_from([D("1E+11"), D("-1E+11"), D("99999999999.999"), D("999999999999.99"),
                             D("-999999999999.99"), D("999999999999.991"), D("1E+12"), D("-1E+12"), D("1E+13")])
_gyldig_linje = st.builds(m.Omkostningslinje, kategori=st.sampled_from(m.KATEGORIER),
                          post=st.sampled_from(["loen", "husleje"]), beloeb=_graenser | _mange_cifre,
                          ydelse=st.sampled_from([None, "Y"]))


@HURTIG
@given(st.lists(_gyldig_linje, max_size=6), st.lists(modeller.linje, max_size=1))
def test_linjernes_kolonnekontrol_er_som_linje_for_linje(gyldige, andre):
    linjer = tuple(gyldige + andre)
    hurtig, langsom = _Fund(RS), _Fund(RS)
    _linjer(hurtig, linjer, "tilbud[0].omkostninger", {"Y"}, {"A"})
    _linjer_en_ad_gangen(langsom, linjer, "tilbud[0].omkostninger", {"Y"}, {"A"})
    assert hurtig.ud == langsom.ud


def _anlaeg_ligefremt(a: m.Anlaeg, takstaar: int, rente_pct: D) -> tuple:
    """SPEC §4.3-4.4 written plainly, as anlaeg.beregn_anlaeg was before its operands were made
    Decimals once and a fully depreciated anlæg's ultimo taken from its primo."""
    andel = a.andel_pct / 100
    ib = a.ibrugtagning
    primo_med, ultimo_med = ib.year < takstaar, ib.year <= takstaar
    if a.type == "grund":
        primo = a.anskaffelsesvaerdi if primo_med else D(0)
        ultimo = a.anskaffelsesvaerdi if ultimo_med else D(0)
        return D(0), 0, D(0), primo, ultimo, (primo + ultimo) * rente_pct * andel / 200
    levetid = a.levetid_aar or 1
    aarlig = (a.anskaffelsesvaerdi - a.restvaerdi) / levetid
    pr_maaned = aarlig / 12
    start = ib.year * 12 + ib.month
    foer_primo = min(max(takstaar * 12 - start, 0), levetid * 12)
    foer_ultimo = min(max(takstaar * 12 + 12 - start, 0), levetid * 12)
    maaneder = foer_ultimo - foer_primo
    primo = a.anskaffelsesvaerdi - pr_maaned * foer_primo if primo_med else D(0)
    ultimo = a.anskaffelsesvaerdi - pr_maaned * foer_ultimo if ultimo_med else D(0)
    return aarlig, maaneder, pr_maaned * maaneder * andel, primo, ultimo, (primo + ultimo) * rente_pct * andel / 200


def _udfald(f, *args):
    """What f(*args) gives: its figures as written (digits and exponent), or the kind of error."""
    try:
        return [str(x) for x in f(*args)]
    except Exception as e:  # noqa: BLE001 - compared, not swallowed
        return type(e)


_vilkaarligt_anlaeg = st.builds(m.Anlaeg, id=st.just("A"), navn=st.just("A"), type=st.sampled_from(m.ANLAEG_TYPER),
                   anskaffelsesvaerdi=_mange_cifre.map(abs), ibrugtagning=st.dates(),
                   levetid_aar=st.none() | st.integers(-1, 120) | st.sampled_from([1, 4, 50]),
                   restvaerdi=_mange_cifre.map(abs) | st.just(D(0)),
                   andel_pct=st.sampled_from([D(100), D(50), D("33.33"), D(0)]) | _mange_cifre)


@HURTIG
@given(st.lists(modeller.tilbud.map(lambda t: t.anlaeg), min_size=1, max_size=3).map(lambda x: sum(x, ()))
       | st.lists(_vilkaarligt_anlaeg, min_size=1, max_size=6), st.integers(1990, 2110), modeller.dec, st.data())
def test_anlaeggets_tal_er_som_den_ligefremme_formel(anlaeg, takstaar, rente, data):
    from datetime import timedelta
    # Also dates within a levetid of the takstår, where the months before and in T are counted.
    naer = data.draw(st.lists(st.integers(-60 * 366, 400), min_size=len(anlaeg), max_size=len(anlaeg)))
    flyttet = [replace(a, ibrugtagning=date(takstaar, 1, 1) + timedelta(days=d)) for a, d in zip(anlaeg, naer)]
    # and dates where the depreciation ends just before, in or just after T
    for a in anlaeg:
        if isinstance(a.levetid_aar, int) and 0 < a.levetid_aar <= 100:
            for d in (-1, 0, 1, 2, 11, 12, 13):
                aar, maaned = divmod(takstaar * 12 - a.levetid_aar * 12 + d - 1, 12)
                flyttet.append(replace(a, ibrugtagning=date(aar, maaned + 1, 28)))
    alle = list(anlaeg) + flyttet
    forventet = [_udfald(_anlaeg_ligefremt, a, takstaar, rente) for a in alle]
    assert [_udfald(beregn_anlaeg, a, takstaar, rente) for a in alle] == forventet
    if not any(isinstance(x, type) for x in forventet):  # all of them at once, from their columns
        assert [[str(x) for x in tal] for tal in beregn_anlaeggene(anlaegkolonner(tuple(alle)), takstaar, rente)] \
            == forventet


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(modeller.grundlag)
def test_taksterne_er_som_dataklassens_egne(g):
    """A published Takst, TilbudResultat, ReguleringBeregning, AtaTimetakst and Hensaettelse is built
    without the frozen dataclass's __init__ (model.bygger): it holds every field itself and equals
    the record the __init__ builds from the same values."""
    for r in beregn(g, regelsaet_for(g.takstaar)).tilbud:
        for post in ((r,) + r.takster + r.reguleringer + r.tillaegsydelser + r.hensaettelser
                     + r.tidligere_hensaettelser):
            cls = type(post)
            felter = {f.name: getattr(post, f.name) for f in fields(cls)}
            assert set(vars(post)) - {"anlaeg"} == set(felter)  # (anlaeg: a cached_property once read)
            assert post == cls(**felter) and repr(post) == repr(cls(**felter))


_tjenestemand = st.none() | st.sampled_from([D(0), D("250000"), D("-1"), D("1E+12"), D("999999999999.99"),
                                              D("Infinity")]) | _mange_cifre
_gyldigt_beloeb = st.decimals(min_value=D("-999999999999.99"), max_value=D("999999999999.99"), places=2)
_saerlig_linje = st.builds(m.Omkostningslinje, kategori=st.sampled_from(m.KATEGORIER),
                           post=st.sampled_from(["loen", " ", "tap_administrativt"]), beloeb=_gyldigt_beloeb,
                           vagtlag=st.booleans(), ydelse=st.sampled_from([None, "Y"]),
                           tjenestemand_loen=_tjenestemand, tjenestemandspension=_tjenestemand,
                           anlaeg=st.sampled_from([None, "A", "X"]), tekst=st.sampled_from(["", "tekst"])).filter(
    lambda x: (x.tjenestemand_loen, x.tjenestemandspension, x.anlaeg) != (None, None, None))


@HURTIG
@given(st.lists(st.builds(m.Omkostningslinje, kategori=st.sampled_from(m.KATEGORIER), post=st.sampled_from(["loen", " "]),
                          beloeb=_gyldigt_beloeb) | _saerlig_linje, max_size=8),
       st.lists(_gyldig_linje, max_size=1))
def test_linjerne_med_tjenestemand_eller_anlaeg_giver_fundene_fra_den_fulde_kontrol(linjer, maaske_ugyldig):
    """The lean test of a line with a tjenestemand amount or an anlæg (validering._saerlig_linje_er_almindelig)
    lets through only lines on which every check of _linje finds nothing."""
    linjer = tuple(linjer + maaske_ugyldig)
    hurtig, fuld = _Fund(RS), _Fund(RS)
    _linjer(hurtig, linjer, "tilbud[0].omkostninger", {"Y"}, {"A"})
    for j, x in enumerate(linjer):  # every check on every line
        _linje(fuld, x, f"tilbud[0].omkostninger[{j}]", {"Y"}, {"A"})
    assert hurtig.ud == fuld.ud


def _spande_linje_for_linje(t: m.Tilbud, pension_sats: D) -> tuple:
    """Steps 1-2 as a plain loop over the lines: each (ydelse, del, vagtlag, kategori) summed in the
    lines' order (TAP under personale as administration, lines outside the takst left out), then
    the tjenestemandspension, into buckets by (ydelse, del) in the order the keys first occur."""
    kat_nr = {k: i for i, k in enumerate(m.KATEGORIER)}
    sums: dict = {}
    pensioner: dict = {}
    tap = pension = D(0)
    for x in t.omkostninger:
        if x.post in m.POSTER_IKKE_TAKST:
            continue
        kategori = x.kategori
        if x.post == m.POST_TAP and kategori == "personale":
            tap += x.beloeb
            kategori = "administration"
        noegle = (x.ydelse, x.del_, x.vagtlag, kategori)
        sums[noegle] = sums.get(noegle, D(0)) + x.beloeb
    for x in t.omkostninger:
        if x.post in m.POSTER_IKKE_TAKST or (x.tjenestemand_loen, x.tjenestemandspension) == (None, None):
            continue
        p = x.tjenestemandspension if x.tjenestemandspension is not None else x.tjenestemand_loen * pension_sats / 100
        if p:
            noegle = (x.ydelse, x.del_, x.vagtlag, "personale")
            pensioner[noegle] = pensioner.get(noegle, D(0)) + p
            pension += p
    spande: dict = {}
    direkte = loensum = D(0)
    for kilde, er_pension in ((sums, False), (pensioner, True)):
        for (ydelse, del_, vagtlag, kategori), b in kilde.items():
            if del_ is None:
                del_ = "borgerrettet" if vagtlag else "basis"
            vek = spande.setdefault((ydelse, del_), [D(0)] * 8)
            vek[kat_nr[kategori]] += b
            if not er_pension:
                direkte += b
                loensum += b if kategori == "personale" else 0
    return spande, direkte, loensum + tap, pension


def _linje_med(kategori, ydelse, del_, vagtlag, beloeb, post="loen", loen=None):
    return m.Omkostningslinje(kategori=kategori, post=post, beloeb=beloeb, ydelse=ydelse, del_=del_, vagtlag=vagtlag,
                              tjenestemand_loen=loen)


# Budgets whose ydelse, del or vagtlag column may hold one value on every line (left out of the
# key while summing) or several.
_budget = st.tuples(st.sampled_from([None, "Y1"]), st.sampled_from([None, "basis"]), st.booleans()).flatmap(
    lambda fast: st.lists(st.builds(
        _linje_med, kategori=st.sampled_from(m.KATEGORIER),
        ydelse=st.sampled_from([fast[0], "Y2"]) if fast[0] == "Y1" else st.just(fast[0]) | st.sampled_from([None, "Y2"]),
        del_=st.just(fast[1]) | st.sampled_from(m.DELE + (None,)), vagtlag=st.just(fast[2]) | st.booleans(),
        beloeb=_mange_cifre, post=st.sampled_from(["loen", m.POST_TAP, m.POSTER_IKKE_TAKST[0]]),
        loen=st.none() | st.sampled_from([D(300000), D("1234.5")])), max_size=12))


@HURTIG
@given(_budget | st.lists(modeller.linje.filter(lambda x: x.kategori in m.KATEGORIER and x.anlaeg is None),
                          max_size=6))
def test_budgettets_summer_er_som_en_loekke_linje_for_linje(linjer):
    t = m.Tilbud(id="T", navn="T", paragraf="", kategori=3, tilbudstype="doegn", pladser=1,
                 takststruktur="gennemsnit", omkostninger=tuple(linjer))
    satser = m.Satser(rente_anlaeg_pct=D(3), tjenestemandspension_pct=D("20.3"))

    def hurtig():
        d = direkte_omkostninger(t, satser, 2026, RS, "tilbud[0]")
        return d.spande, d.direkte, d.loensum, d.pension

    def som_tekst(f):
        try:
            spande, direkte, loensum, pension = f()
        except ArithmeticError as e:  # (an infinite amount: the validation refuses it)
            return type(e)
        return [(k, [str(x) for x in v]) for k, v in spande.items()], str(direkte), str(loensum), str(pension)

    assert som_tekst(hurtig) == som_tekst(lambda: _spande_linje_for_linje(t, D("20.3")))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(modeller.tilbud.map(lambda t: t.anlaeg), max_size=3).map(lambda x: sum(x, ())))
def test_anlaegkolonnerne_er_anlaeggenes_felter(anlaeg):
    k = anlaegkolonner(anlaeg)
    for felt in ("id", "navn", "type", "finansiering", "anskaffelsesvaerdi", "restvaerdi", "andel_pct",
                 "levetid_aar", "ibrugtagning"):
        assert getattr(k, felt) == [getattr(a, felt) for a in anlaeg]


_gyldigt_anlaeg = st.builds(
    lambda id_, type_, levetid, vaerdi, andel, dato: m.Anlaeg(
        id=id_, navn=f"Anlæg {id_}", type=type_, anskaffelsesvaerdi=vaerdi, ibrugtagning=dato,
        levetid_aar=None if type_ == "grund" else levetid, restvaerdi=min(vaerdi, D(1000)), andel_pct=andel),
    st.text("ABC12", min_size=1, max_size=3), st.sampled_from(m.ANLAEG_TYPER), st.integers(1, 100),
    st.sampled_from([D(0), D(500000), D("999999999999.99")]), st.sampled_from([D(100), D(50), D(0)]),
    st.dates(date(1800, 1, 1), date(2200, 12, 31)))
# one field of an anlæg set to a value the validation refuses (or to a border it accepts)
_forstyrrelse = st.sampled_from([("id", " "), ("id", ""), ("id", "A\x00"), ("navn", "\x85"), ("type", "ukendt"),
                                 ("finansiering", "operationel_leasing"), ("levetid_aar", 0), ("levetid_aar", 101),
                                 ("levetid_aar", 100), ("levetid_aar", None), ("anskaffelsesvaerdi", D("-0.01")),
                                 ("anskaffelsesvaerdi", D("1E+12")), ("anskaffelsesvaerdi", D("Infinity")),
                                 ("restvaerdi", D(-1)), ("restvaerdi", D("1E+13")), ("andel_pct", D("100.01")),
                                 ("andel_pct", D(-1)), ("ibrugtagning", date(1799, 12, 31)),
                                 ("ibrugtagning", date(2201, 1, 1)), ("ibrugtagning", None)])
_forstyrret_anlaeg = st.tuples(_gyldigt_anlaeg, _forstyrrelse).map(lambda p: replace(p[0], **dict([p[1]])))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_gyldigt_anlaeg, min_size=1, max_size=5), st.sampled_from(["", "forstyrret", "gentaget", "lageret"]),
       _forstyrret_anlaeg, st.data())
def test_anlaeggenes_kolonnekontrol_giver_fundene_fra_den_fulde_kontrol(gyldige, hvad, forstyrret, data):
    """The anlæg checked column by column (validering._anlaegene_er_almindelige) give the findings of
    _anlaeg on every anlæg, and the same ids for the budget lines' check: valid anlæg, with one
    of them broken in one field, or an id twice, or anlæg as the storage tests make them."""
    if hvad == "lageret":  # (a whole tilbud is drawn only here: it takes the time)
        ekstra = data.draw(modeller.tilbud).anlaeg
    else:
        ekstra = {"": (), "forstyrret": (forstyrret,), "gentaget": (gyldige[0],)}[hvad]
    anlaeg = tuple(gyldige) + ekstra
    hurtig, fuld = _Fund(RS), _Fund(RS)
    ids_hurtig: set = set()
    ids_fuld: set = set()
    if not _anlaegene_er_almindelige(anlaeg, ids_hurtig):
        for j, a in enumerate(anlaeg):
            _anlaeg(hurtig, a, f"tilbud[0].anlaeg[{j}]", ids_hurtig)
    for j, a in enumerate(anlaeg):  # every check on every anlæg
        _anlaeg(fuld, a, f"tilbud[0].anlaeg[{j}]", ids_fuld)
    assert hurtig.ud == fuld.ud and ids_hurtig == ids_fuld
