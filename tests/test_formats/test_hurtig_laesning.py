"""The fast reading of a takstgrundlag/1 text (formats/hurtig_laesning.py, issue 9 item 7): for any
text it either declines (None) or gives exactly the records of the ordinary reading (the limits
check, json.loads and the field readers), the same down to each Decimal's exponent and so the same
fingerprint; and laes_tekst gives the same records or the same Danish message as the ordinary
reading. The texts are every takstgrundlag the model can hold (the storage tests' strategy),
written by the writer and then mutated: null, wrong types, unknown keys, numbers for strings,
exotic decimal strings, huge exponents, duplicate keys, a BOM, lone surrogates."""
from __future__ import annotations

import json
import re
import tempfile
from decimal import Decimal as D
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from takstberegner.domain import model as m
from takstberegner.formats import hurtig_laesning as H
from takstberegner.formats import takstgrundlag as tg
from takstberegner.formats.fejl import InputError
from test_formats.test_kanonisk import laesbar_linje
from test_storage import modeller

DATA = Path(__file__).parents[1] / "data"
EKSEMPLER = sorted((DATA / "eksempler").glob("*.takstgrundlag.json"))


def _json(v, ascii_: bool, dubletter: dict) -> str:
    """JSON text; a Decimal is written as a raw JSON number (NaN and Infinity as json writes them).
    `dubletter` (id of an object -> (key, value)) writes that key twice, the other value first:
    json.loads keeps the last value (in the first one's place)."""
    if isinstance(v, dict):
        dublet = dubletter.get(id(v))
        par = []
        for k, x in v.items():
            if dublet is not None and dublet[0] == k:
                par.append((k, dublet[1]))
            par.append((k, x))
        return "{" + ", ".join(f"{json.dumps(k, ensure_ascii=ascii_)}: {_json(x, ascii_, dubletter)}"
                               for k, x in par) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(_json(x, ascii_, dubletter) for x in v) + "]"
    if isinstance(v, D):
        return str(v)
    return json.dumps(v, ensure_ascii=ascii_)


_JSON_TAL = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")


def _tal_som_json_tal(v):
    """Every string that is a JSON number, written as that number."""
    if isinstance(v, dict):
        return {k: _tal_som_json_tal(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_tal_som_json_tal(x) for x in v]
    if isinstance(v, str) and _JSON_TAL.fullmatch(v):
        return D(v)
    return v


def _kort(v):
    """Every number string cut to runs of at most 12 digits (most of the strategy's amounts have
    more, which the fast reading leaves to the ordinary one; real amounts have fewer)."""
    if isinstance(v, dict):
        return {k: _kort(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_kort(x) for x in v]
    if isinstance(v, str) and _JSON_TAL.fullmatch(v):
        return re.sub(r"[0-9]{13,}", lambda m: m.group()[:12], v)
    return v


_ANDRE = [
    None, True, False, 0, 3, -7, 10**45, 2**64, D("3.0"), D("-0"), D("-0.0"), D("0.10"), D("1E+3"), D("1e-5"),
    D("1E+150"), D("1E-150"), D("1E+400"), D("0E+200"), D("12345678901234567890123456789"), D("NaN"),
    D("Infinity"), "", " ", "x", "3", " 12 ", "1_000", "1,5", "NaN", "-Infinity", "sNaN", "-0", "0.10", "1E+3",
    "1e999999", "0E-150", "9" * 60, "0." + "1" * 120, "١٢", "\u2003 5 \u2003", "2024-01-01", "20240101",
    "2024-02-30", "2024-W01-1", "alle", "basis", "borgerrettet", "personale", "grund", "fast", "\ud800", "\x00",
    [], {}, ["T1"], [None], {"2024": "96.5"}, {"x": "1"}, {"x": None},
]


def _steder(v, sti=()):
    """Every (container, key) in a document, and the containers."""
    if isinstance(v, dict):
        yield v, None
        for k, x in v.items():
            yield v, k
            yield from _steder(x)
    elif isinstance(v, list):
        yield v, None
        for i, x in enumerate(v):
            yield v, i
            yield from _steder(x)


def _muter(doc, data) -> dict:
    """Up to three mutations of the document in place; the keys to write twice."""
    dubletter: dict = {}
    for _ in range(data.draw(st.integers(0, 3), label="mutationer")):
        beholder, k = data.draw(st.sampled_from(list(_steder(doc))), label="sted")
        slags = data.draw(st.sampled_from(["vaerdi", "fjern", "ukendt", "dubler", "tal"]), label="slags")
        if k is None:
            if isinstance(beholder, dict) and slags == "ukendt":
                beholder["ukendt_felt"] = data.draw(st.sampled_from(_ANDRE))
            continue
        if slags == "vaerdi":
            beholder[k] = data.draw(st.sampled_from(_ANDRE), label="værdi")
        elif slags == "fjern":
            if isinstance(beholder, dict):
                del beholder[k]
            else:
                beholder.pop(k)
        elif slags == "dubler" and isinstance(beholder, dict):
            dubletter[id(beholder)] = (k, data.draw(st.sampled_from(_ANDRE), label="den anden"))
        elif slags == "tal":
            beholder[k] = _tal_som_json_tal(beholder[k])
    return dubletter


def _almindeligt(tekst: str):
    """The ordinary reading's records, or its InputError as (field path, text)."""
    try:
        return tg.laes_tekst_almindeligt(tekst)
    except InputError as e:
        return ("fejl", e.sti, str(e))


def _samme(a, b) -> None:
    assert a == b
    # repr shows each value's type and each Decimal's exponent (1.10 is not 1.1, "" is not None)
    assert repr(a) == repr(b)
    assert tg.kanonisk_bytes(a) == tg.kanonisk_bytes(b)


def _sammenlign(tekst: str) -> bool:
    """The fast reading declines or equals the ordinary one; laes_tekst gives what the ordinary
    reading gives. True when the fast reading took the text."""
    return _som_forventet(_almindeligt(tekst), H.laes(tekst), lambda: tg.laes_tekst(tekst))


def _som_forventet(forventet, hurtigt, laes) -> bool:
    """The fast reading's records (or None: it declined) are the ordinary reading's, and `laes()`
    gives what the ordinary reading gives (records, or ("fejl", path, message)). True when the
    fast reading took it."""
    if hurtigt is not None:
        assert not isinstance(forventet, tuple), forventet
        _samme(hurtigt, forventet)
    try:
        faktisk = laes()
    except InputError as e:
        faktisk = ("fejl", e.sti, str(e))
    if isinstance(forventet, tuple):
        assert faktisk == forventet
    else:
        _samme(faktisk, forventet)
    return hurtigt is not None


@settings(max_examples=70, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(g=modeller.grundlag, data=st.data(), kort=st.booleans(), tal=st.booleans(), ascii_=st.booleans())
def test_hurtig_laesning_er_den_almindelige_eller_siger_fra(g, data, kort, tal, ascii_):
    doc = tg.skriv_dict(g)
    if kort:
        doc = _kort(doc)
    if tal:
        doc = _tal_som_json_tal(doc)
    dubletter = _muter(doc, data)
    tekst = _json(doc, ascii_, dubletter)
    if data.draw(st.booleans(), label="bom"):
        tekst = "\ufeff" + tekst
    _sammenlign(tekst)
    fil = tekst.encode("utf-8", "surrogatepass")  # a lone surrogate makes it not UTF-8
    if data.draw(st.booleans(), label="crlf"):
        fil = fil.replace(b", ", b",\r\n ")
    _sammenlign_fil(fil)


def _sammenlign_fil(indhold: bytes) -> bool:
    """laes_fil (the fast reading of the bytes, or the ordinary one) gives what the ordinary
    reading of the file as text gives (read_text: UTF-8, a BOM left out, universal newlines)."""
    with tempfile.TemporaryDirectory() as mappe:
        sti = Path(mappe) / "grundlag.json"
        sti.write_bytes(indhold)
        try:
            tekst = sti.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            forventet = ("fejl", "", "filen grundlag.json kan ikke læses som et takstgrundlag: den er ikke tekst, "
                                             "eller teksten er gemt i en anden tegnkodning")
        else:
            forventet = _almindeligt(tekst) if tekst.strip() else (
                "fejl", "", "filen er tom; den skal indeholde et takstgrundlag")
            if isinstance(forventet, tuple) and not forventet[1]:
                # the text's messages about the whole document name the file when it is read from one
                for hvad in ("filen ", "Takstgrundlaget "):
                    if forventet[2].startswith(hvad):
                        forventet = ("fejl", "", f"{hvad}grundlag.json {forventet[2][len(hvad):]}")
        return _som_forventet(forventet, H.laes_utf8(indhold), lambda: tg.laes_fil(sti))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(g=modeller.grundlag, kort=st.booleans())
def test_det_skrevne_dokument_laeses_hurtigt_naar_det_er_rimeligt(g, kort):
    """What the writer writes is taken by the fast reading unless it holds something the fast
    reading leaves to the ordinary one; either way the records are the same."""
    tekst = tg.skriv_tekst(g)
    if kort:
        tekst = json.dumps(_kort(json.loads(tekst)), ensure_ascii=False, indent=2)
    _sammenlign(tekst)


@pytest.mark.parametrize("sti", EKSEMPLER, ids=lambda p: p.name)
def test_eksemplerne_laeses_hurtigt_og_ens(sti):
    tekst = sti.read_text(encoding="utf-8-sig")
    assert _sammenlign(tekst)
    assert _sammenlign_fil(sti.read_bytes())
    assert _sammenlign_fil(b"\xef\xbb\xbf" + tekst.replace("\n", "\r\n").encode())
    assert _sammenlign(tg.skriv_tekst(tg.laes_tekst(tekst)))


def test_den_store_driftsherre_laeses_hurtigt_og_ens():
    from bench.generer import generer_stor_driftsherre

    d = generer_stor_driftsherre(seed=1)
    tekst = json.dumps(d, ensure_ascii=False)
    assert _sammenlign(tekst)
    assert _sammenlign_fil(tekst.encode())
    g = tg.laes_tekst(tekst)
    assert len(g.tilbud) == 60 and sum(len(t.omkostninger) for t in g.tilbud) == 20_000


@pytest.mark.parametrize("vaerdi", [
    '"NaN"', '"Infinity"', '"1e999999999"', '"0.' + "1" * 120 + '"', '"1.' + "000_" * 40 + '0"', "1" + "0" * 40,
    "1.0e100", "1e-100", "0.00000000001e-95", '"1,5"', "true", "null", '" "', "[]",
])
def test_tvivlsomme_beloeb_laeses_almindeligt(lav_dok, vaerdi):
    """Amounts the field readers refuse, or might, are left to them: the fast reading declines."""
    d = lav_dok()
    tekst = json.dumps(d).replace('"beloeb": "3650000"', '"beloeb": ' + vaerdi, 1)
    assert tekst != json.dumps(d)
    assert H.laes(tekst) is None
    _sammenlign(tekst)


def test_en_noegle_skrevet_to_gange_med_en_urimelig_eksponent_foerst(lav_dok):
    """json.loads and the typed decoding keep a key's last value; the limits check refuses an
    exponent above 99 in the first one too, so the fast reading declines (found by the property
    above: the fast reading took the text the ordinary one refuses)."""
    tekst = json.dumps(lav_dok()).replace('"beloeb": "3650000"', '"beloeb": 1E+150, "beloeb": "3650000"', 1)
    assert "1E+150" in tekst
    assert H.laes(tekst) is None
    with pytest.raises(InputError, match="urimelig eksponent"):
        tg.laes_tekst(tekst)
    assert H.laes(tekst.replace("1E+150", "1E+15")) is not None


def test_dybt_indlejret_og_enorme_tal_siger_fra_uden_at_laese():
    for tekst in ('{"tilbud": ' + "[" * 100_000 + "]" * 100_000 + "}",
                  '{"format": "takstgrundlag/1", "takstaar": 1' + "0" * 5000 + "}",
                  "[" + "1.5," * 100_000 + "1]"):
        assert H.laes(tekst) is None
        with pytest.raises(InputError):
            tg.laes_tekst(tekst)


def test_garbage_collector_som_foer_efter_laesningen():
    """The fast reading pauses the garbage collector while it makes the records, and leaves it as it was."""
    import gc

    tekst = EKSEMPLER[0].read_text(encoding="utf-8-sig")
    assert gc.isenabled()
    assert H.laes(tekst) is not None and gc.isenabled()
    assert H.laes("{") is None and gc.isenabled()
    gc.disable()
    try:
        assert H.laes(tekst) is not None and not gc.isenabled()
    finally:
        gc.enable()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(laesbar_linje, min_size=1, max_size=12))
def test_laeserens_linjekolonner_er_linjernes_felter(linjer):
    """The columns the fast reader hands over (formats/hurtig_laesning) are the ones read from its records."""
    from takstberegner.domain import linjekolonner as lk

    t = m.Tilbud(id="T", navn="T", paragraf="", kategori=2, tilbudstype="doegn", pladser=1,
                 takststruktur="gennemsnit", omkostninger=tuple(linjer))
    g = m.Takstgrundlag(takstaar=2026, driftsherre=m.Driftsherre(navn="K", cvr="1"),
                        satser=m.Satser(rente_anlaeg_pct=D(3)), tilbud=(t,))
    laest = H.laes(tg.skriv_tekst(g))
    assert laest == g
    poster = laest.tilbud[0].omkostninger
    givet = lk.linjekolonner(poster)
    lk._SENESTE.clear()
    laest_igen = lk.linjekolonner(poster)
    assert givet is not laest_igen
    for felt in lk.Linjekolonner.__slots__:
        assert list(getattr(givet, felt)) == list(getattr(laest_igen, felt)), felt


@pytest.mark.parametrize("tekster", [(None, None, None), ("", "", ""), (None, "", "Husleje"), ("Husleje", None, "x"),
                                     ("", None, None)])
def test_linjernes_tekst_manglende_tom_og_skrevet(lav_dok, tekster):
    """A budget line's tekst missing, written "" or written: the same records, columns and
    canonical text (which leaves out an empty tekst) as the ordinary reading."""
    from takstberegner.domain import linjekolonner as lk

    d = lav_dok()
    t = d["tilbud"][0]
    t["omkostninger"] = [{"kategori": "personale", "post": "loen", "beloeb": f"{100 + i}.50"} for i in range(3)]
    for linje, tekst in zip(t["omkostninger"], tekster):
        if tekst is not None:
            linje["tekst"] = tekst
    tekst = json.dumps(d, ensure_ascii=False)
    hurtigt = H.laes(tekst)
    assert hurtigt is not None
    assert _sammenlign(tekst)
    linjer = hurtigt.tilbud[0].omkostninger
    assert all(vars(x)["tekst"] == x.tekst and type(x.tekst) is str for x in linjer)  # no UNSET left behind
    assert list(lk.linjekolonner(linjer).tekst) == [x or "" for x in tekster]
    assert [x.tekst for x in linjer] == [x or "" for x in tekster]
