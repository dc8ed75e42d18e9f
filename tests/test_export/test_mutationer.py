"""Structure mutations of a genuine indmeldingsfil under hypothesis (issue 12 item 7): members
added, dropped, renamed, duplicated, reordered, and the whole re-signed with another key. A
container whose members are still exactly the genuine ones (in any order after `mimetype`) is
GODKENDT; every other is AFVIST with Danish reasons, never a traceback."""
from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from takstberegner.export import asic, signering, verifikation
from takstberegner.export.tillid import Tillid

from . import forfalskning as ff
from .conftest import TID
from .klartekst import forbudte_ord

NAVNE = [
    "takster.json", "Takster.json", "TAKSTER.JSON", "takstgrundlag.json", "takstskema.xlsx", "takstberegning.pdf",
    "bilag.pdf", "takster.json/", "../takster.json", "/takster.json", "META-INF/signature.p7s",
    "META-INF/ASiCManifest.xml", "META-INF/manifest.xml", "meta-inf/signature.p7s", "mimetype", "MIMETYPE",
    "a/b.json", "takster.json.", "takster..json", "x\\y.json", "tákster.json", "takster.json ",
]


@pytest.fixture(scope="module")
def aegte(indmelding_egen):
    sti, _ = indmelding_egen
    m = ff.medlemmer(sti)
    return [(n, m[n]) for n in ["mimetype", *ff.DATA, asic.MANIFEST, asic.SIGNATUR]]


@pytest.fixture(scope="module")
def fremmed_noegle():
    return signering.lav_noegle("Eksempel Kommune", "12345678", gyldig_fra=TID - timedelta(days=1))


tilfoej = st.tuples(st.just("tilfoej"), st.sampled_from(NAVNE), st.binary(max_size=40))
fjern = st.tuples(st.just("fjern"), st.integers(0, 20))
omdoeb = st.tuples(st.just("omdoeb"), st.integers(0, 20), st.sampled_from(NAVNE))
dubler = st.tuples(st.just("dubler"), st.integers(0, 20))
byt = st.tuples(st.just("byt"), st.integers(0, 20), st.integers(0, 20))
mutation = st.one_of(tilfoej, fjern, omdoeb, dubler, byt)


def _anvend(poster: list[tuple[str, bytes]], m) -> list[tuple[str, bytes]]:
    p = list(poster)
    if not p and m[0] != "tilfoej":
        return p
    if m[0] == "tilfoej":
        p.append((m[1], m[2]))
    elif m[0] == "fjern":
        del p[m[1] % len(p)]
    elif m[0] == "omdoeb":
        i = m[1] % len(p)
        p[i] = (m[2], p[i][1])
    elif m[0] == "dubler":
        p.append(p[m[1] % len(p)])
    elif m[0] == "byt":
        i, j = m[1] % len(p), m[2] % len(p)
        p[i], p[j] = p[j], p[i]
    return p


def _aegte_form(poster, aegte) -> bool:
    return bool(poster) and poster[0] == aegte[0] and sorted(poster) == sorted(aegte)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutationer=st.lists(mutation, min_size=1, max_size=4), gensigner=st.booleans())
def test_strukturmutationer(aegte, fremmed_noegle, egen_noegle, tmp_path, mutationer, gensigner):
    poster = aegte
    for m in mutationer:
        poster = _anvend(poster, m)
    if gensigner:
        # another key signs a manifest over whatever data members there now are
        data = {n: d for n, d in poster if n not in ("mimetype", asic.MANIFEST, asic.SIGNATUR)}
        manifest = asic.lav_manifest(data, dict(asic.laes_manifest(dict(aegte)[asic.MANIFEST]).udvidelser))
        sig = signering.signer(manifest, fremmed_noegle, TID)
        poster = [(n, manifest if n == asic.MANIFEST else sig if n == asic.SIGNATUR else d) for n, d in poster]
    sti = tmp_path / "m.indmelding"
    sti.write_bytes(ff.zip_raa(poster))
    r = verifikation.verificer(sti, Tillid(fingeraftryk=frozenset({egen_noegle.fingeraftryk})), beregn_igen=False)
    assert r.grunde is not None and all(isinstance(g, str) and g.strip() for g in r.grunde)
    assert not any("teknisk kode" in g for g in r.grunde), r.grunde
    assert not [g for g in r.grunde if forbudte_ord(g)], r.grunde
    if _aegte_form(poster, aegte) and not gensigner:
        assert r.status == "GODKENDT", (mutationer, r.grunde)
    else:
        assert r.status == "AFVIST" and r.grunde, mutationer


def test_ombyttede_dataelementer_er_stadig_aegte(aegte, egen_noegle, tmp_path):
    poster = [aegte[0], *reversed(aegte[1:5]), *aegte[5:]]
    sti = tmp_path / "o.indmelding"
    sti.write_bytes(ff.zip_raa(poster))
    r = verifikation.verificer(sti, Tillid(fingeraftryk=frozenset({egen_noegle.fingeraftryk})))
    assert r.status == "GODKENDT", r.grunde
