"""json_graenser's quick clearance (_klart) never clears a text the exact checks refuse."""
from __future__ import annotations

import json

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
