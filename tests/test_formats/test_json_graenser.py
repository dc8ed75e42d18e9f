"""json_graenser: the quick clearance (_klart) never clears a text the exact checks refuse; dubletnoegle
finds an object that names a key twice, however the key is spelled, and nothing else."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from takstberegner.formats import json_graenser as jg
from takstberegner.formats.fejl import InputError


def _exakt(tekst: str, dybde: int, vaerdier: int) -> bool:
    """The exact checks alone (without the quick clearance): True when the text passes."""
    try:
        jg._exakt(tekst, "Filen", dybde, vaerdier)
    except InputError:
        return False
    return True


_TEGN = st.sampled_from(list('[]{}",:1eE+-.0x æ\\9') + ["1" * 41, "1e100", "2E-0005", '"]"', "{[", "]}"])


@settings(max_examples=3000, deadline=None)
@given(st.lists(_TEGN, max_size=40).map("".join), st.integers(1, 6), st.integers(1, 40))
def test_klart_kun_naar_de_eksakte_kontroller_godtager(tekst, dybde, vaerdier):
    if jg._klart(tekst, dybde, vaerdier):
        assert _exakt(tekst, dybde, vaerdier)


def test_klart_rydder_et_almindeligt_dokument_og_ikke_det_tvivlsomme():
    g = json.dumps({"x": [{"beloeb": "123.45", "n": i, "tekst": "Løn, §85"} for i in range(1000)]},
                   ensure_ascii=False)
    assert jg._klart(g, 32, 10**6)
    # depth alternating [ and { is counted one level a round: 32 passes, 33 does not
    for d, ok in ((32, True), (33, False)):
        x = "".join('{"a":' if i % 2 else "[" for i in range(d)) + "1" + "".join(
            "}" if i % 2 else "]" for i in reversed(range(d)))
        assert jg._klart(x, 32, 10**6) is ok
    for tvivl in ('["a\\"[["]', '["]"]', "[1.5e3]", '["' + "1" * 41 + '"]', "[" + "1," * 9 + "1]"):
        assert not jg._klart(tvivl, 32, 10)


@pytest.mark.parametrize("tekst, noegle", [
    ('{"beloeb": "1", "beloeb": "1000000"}', "beloeb"),
    ('{"a": {"b": {"c": 1, "d": 2, "c": 3}}}', "c"),  # nested
    ('[{"a": 1}, {"a": 2, "b": 3, "a": 4}]', "a"),  # in an array of objects
    ('{"x": [[{"y": 1, "y": 1}]]}', "y"),  # the same value twice is still two readings of a place
    ('{"a": 1, "\\u0061": 2}', "a"),  # an escape spelling the same key
    ('{"\\u00e6": 1, "æ": 2}', "æ"),
    ('{"": 1, "": 2}', ""),
    ('{"a": 1, "b": {"a": 2}, "a": 3}', "a"),  # the outer object's, after a nested one
])
def test_dubletnoegle_findes(tekst, noegle):
    assert jg.dubletnoegle(tekst) == noegle


@pytest.mark.parametrize("tekst", [
    '{"a": 1, "b": {"a": 2}}',  # the same key in different objects
    '[{"a": 1}, {"a": 2}]',
    '{"a": 1, "A": 2, "a ": 3, "\\u0062": 4}',  # keys that differ once read
    '{"a": "\\"a\\": 1, \\"a\\": 2"}',  # a duplicate only inside a string
    '{}', '[]', '"tekst"', '1',
    '{"a": 1, "a": 2',  # not JSON: the reader says what is wrong
])
def test_dubletnoegle_ikke(tekst):
    assert jg.dubletnoegle(tekst) is None


def test_dubletnoegle_i_et_skrevet_takstgrundlag():
    """What Takstberegner writes names every key once (so no genuine file is refused); one key given
    again is found."""
    from bench.generer import generer_stor_driftsherre
    from takstberegner.formats import takstgrundlag as tg

    tekst = tg.skriv_tekst(tg.laes_dict(generer_stor_driftsherre(seed=3, tilbud=4)))
    assert jg.dubletnoegle(tekst) is None
    assert jg.dubletnoegle(tekst.replace('"cvr": ', '"cvr": "1", "cvr": ', 1)) == "cvr"


@pytest.mark.parametrize("tekst, noegle, under", [
    ('{"fordeling": {"Aalborg": 1, "Aalborg": 2}}', "Aalborg", "fordeling"),
    ('{"tilbud": [{"id": "A", "fordeling": {"tekst": 1, "tekst": 2}}]}', "tekst", "fordeling"),
    ('{"tilbud": [{"id": "A", "id": "B"}]}', "id", None),  # an element of a list: a record, not a map
    ('{"a": [[{"b": 1, "b": 2}]]}', "b", None),  # inside a list of lists: the key alone
    ('{"a": 1, "a": 2}', "a", None),  # the document itself
    # the first object with a duplicate, as dubletnoegle finds it, not a later one's
    ('{"x": {"tidsrum": {"hverdag": 1, "hverdag": 2}}, "y": {"fordeling": {"b": 1, "b": 2}}}', "hverdag", "tidsrum"),
    ('{"x": {"fordeling": {"b": 1, "b": 2}, "q": {"c": 1, "c": 2}}}', "b", "fordeling"),
])
def test_dublet_naevner_objektets_noegle(tekst, noegle, under):
    """dublet also says whose value the object with the duplicate is: a key twice in a fordeling is
    one of the user's names, which may be spelled as a field ('tekst')."""
    d = jg.dublet(tekst)
    assert (d.noegle, d.under) == (noegle, under) and jg.dubletnoegle(tekst) == noegle


@pytest.mark.parametrize("tekst", ['{"a": 1, "b": {"a": 2}}', '{"fordeling": {"a": 1, "b": 2}}', '{"a": 1, "a": 2',
                                   '[]', '1'])
def test_dublet_ikke(tekst):
    assert jg.dublet(tekst) is None
