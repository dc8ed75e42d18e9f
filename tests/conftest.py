"""Shared fixtures: small takstgrundlag documents built as dicts with overrides, and the engine.

The base document has one døgntilbud of 10 pladser at 100 % forventet belægning (3.650
pladsdøgn) with 3.650.000 kr. of vagtlag personale, so its takst is exactly 1.000,00 kr. Its
only finding is BEL-OVER-98 (info: 100 % > 98 %); a finding-free document uses a belægning of
97 % (GYLDIG_BELAEGNING). A test changes only what it is about. `lav_tilbud`/`lav_dok` return
fresh dicts (safe to mutate); `beregn_dok` and `beregn_tilbud` read a dict with the real reader
and compute with the real engine.
"""
from __future__ import annotations

import copy
import os
from datetime import datetime, timezone
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import settings

# CI (.ci/run) runs the properties on the same drawn examples every time (derandomize), so that a
# landing cannot fail on an example drawn by chance; scripts/test.sh on a developer's machine draws
# new ones each run, which is where the properties find what nobody thought of (e.g. 08d2daa).
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("TAKST_HYPOTHESIS_PROFIL"):
    settings.load_profile(os.environ["TAKST_HYPOTHESIS_PROFIL"])



@pytest.fixture(autouse=True, scope="session")
def _ingen_brugerindstillinger(tmp_path_factory):
    """No test, and no program a test starts, reads or writes the real user's settings (recent files,
    window): Qt keeps them under XDG_CONFIG_HOME here. (test_app's fixture gives each GUI test its own.)"""
    mappe = tmp_path_factory.mktemp("konfiguration")
    foer = os.environ.get("XDG_CONFIG_HOME")
    os.environ["XDG_CONFIG_HOME"] = str(mappe)
    yield
    if foer is None:
        os.environ.pop("XDG_CONFIG_HOME", None)
    else:
        os.environ["XDG_CONFIG_HOME"] = foer


# 97 %: inside the recommended 95-98 %, no finding at all.
GYLDIG_BELAEGNING = {"metode": "forventet", "pct": "97", "begrundelse": "Som sidste år"}


def lav_tilbud_dict(**overrides: Any) -> dict:
    t = {
        "id": "T", "navn": "Testtilbud", "paragraf": "SEL § 108", "kategori": 3, "tilbudstype": "doegn",
        "pladser": 10, "pladser_forrige_aar": 10,
        "belaegning": {"metode": "forventet", "pct": "100", "begrundelse": "Fuld belægning i test"},
        "takststruktur": "gennemsnit",
        "ydelser": [{"id": "T-1", "navn": "Ydelse", "pladser": 10, "stoettetimer_uge": "10"}],
        "omkostninger": [{"kategori": "personale", "post": "borgerrelateret_personale",
                          "beloeb": "3650000", "vagtlag": True}],
        "bemaerkninger": "",
    }
    t.update(copy.deepcopy(overrides))
    return t


def lav_dok_dict(*tilbud: dict, satser: dict | None = None, puljer: list | None = None,
                 takstaar: int = 2026, **top: Any) -> dict:
    d = {
        "format": "takstgrundlag/1", "takstaar": takstaar,
        "driftsherre": {"navn": "Testkommune", "cvr": "12345678", "type": "kommune"},
        "satser": satser if satser is not None else {"rente_anlaeg_pct": "0", "rente_kort_pct": "0"},
        "overheadpuljer": puljer or [],
        "tilbud": [copy.deepcopy(t) for t in tilbud] or [lav_tilbud_dict()],
    }
    d.update(copy.deepcopy(top))
    return d


def beregn_dict(d: dict):
    from takstberegner import tjeneste
    from takstberegner.formats.takstgrundlag import laes_dict

    return tjeneste.beregn(laes_dict(copy.deepcopy(d)))


@pytest.fixture(scope="session")
def lav_tilbud() -> Callable[..., dict]:
    return lav_tilbud_dict


@pytest.fixture(scope="session")
def lav_dok() -> Callable[..., dict]:
    return lav_dok_dict


@pytest.fixture(scope="session")
def beregn_dok() -> Callable[[dict], Any]:
    return beregn_dict


@pytest.fixture(scope="session")
def beregn_tilbud() -> Callable[..., Any]:
    """One tilbud with overrides, optionally satser/puljer: its TilbudResultat."""

    def f(satser: dict | None = None, puljer: list | None = None, **overrides: Any):
        return beregn_dict(lav_dok_dict(lav_tilbud_dict(**overrides), satser=satser, puljer=puljer)).tilbud[0]

    return f


# The worked examples and the demo are for takstår 2026, and an indmelding for 2026 may only be
# signed from 1 January 2025 to 31 December 2026 (tillid.vindue). Once the real date has passed
# that window, signing and verification in the tests run on a clock held at the end of it.
SIDSTE_SIGNERING_2026 = datetime(2026, 12, 31, 12, 0, tzinfo=timezone.utc)


@pytest.fixture(autouse=True)
def _ur_i_takstaaret(monkeypatch):
    from takstberegner.export import ur

    if datetime.now(timezone.utc) > SIDSTE_SIGNERING_2026:
        monkeypatch.setattr(ur, "nu", lambda: SIDSTE_SIGNERING_2026)
