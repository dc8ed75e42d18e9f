"""The installed command: an unexpected error gives one Danish line naming a crash log, the log
holds the traceback, and the exit code is its own (70); --help and usage errors of every
subcommand are Danish (issue 9 item 5, issue 11 item 7)."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from takstberegner.cli import byg_parser
from takstberegner.kommandoer.krasj import KRASJ

KOMMANDO = Path(sys.executable).parent / "takstberegner"
EKSEMPEL_1 = Path(__file__).parents[1] / "data" / "eksempler" / "eksempel-1-bostedet-nord.takstgrundlag.json"

# A real program error, injected at start-up into the real command: reading any file named
# krasj.json raises an error no part of the program expects.
FEJLKILDE = '''
import builtins, io, os
_open = io.open
def _aabn(fil, *a, **k):
    if os.fspath(fil).endswith("krasj.json") if isinstance(fil, (str, os.PathLike)) else False:
        raise RuntimeError("injiceret programfejl")
    return _open(fil, *a, **k)
builtins.open = io.open = _aabn
'''


def koer(tmp_path: Path, *args: str, data: Path | None = None, fejlkilde: bool = False) -> tuple[int, str, str]:
    env = {**os.environ, "TAKSTBEREGNER_DATA": str(data or tmp_path / "data")}
    if fejlkilde:
        (tmp_path / "inj").mkdir(exist_ok=True)
        (tmp_path / "inj" / "sitecustomize.py").write_text(FEJLKILDE, encoding="utf-8")
        env["PYTHONPATH"] = str(tmp_path / "inj")
    r = subprocess.run([str(KOMMANDO), *map(str, args)], cwd=tmp_path, check=False, capture_output=True,
                       timeout=120, env=env)
    return r.returncode, r.stdout.decode("utf-8"), r.stderr.decode("utf-8")


def test_uventet_fejl_giver_fejllog_og_egen_kode(tmp_path):
    (tmp_path / "krasj.json").write_bytes(EKSEMPEL_1.read_bytes())
    kode, ud, fejl = koer(tmp_path, "beregn", "krasj.json", fejlkilde=True)
    assert kode == KRASJ == 70
    assert ud == ""
    assert fejl.count("\n") == 1 and "Traceback" not in fejl and "RuntimeError" not in fejl
    m = re.fullmatch(r"takstberegner: uventet programfejl\. Detaljerne er skrevet i (.+\.txt); send filen .*\n", fejl)
    assert m, fejl
    log = Path(m.group(1))
    assert log.parent == tmp_path / "data" / "fejllog" and log.name.startswith("fejl-")
    tekst = log.read_text(encoding="utf-8")
    assert "Traceback" in tekst and "RuntimeError: injiceret programfejl" in tekst and "beregn krasj.json" in tekst


def test_fejllog_naar_datamappen_ikke_kan_bruges(tmp_path):
    (tmp_path / "krasj.json").write_bytes(EKSEMPEL_1.read_bytes())
    spaerret = tmp_path / "ikke-en-mappe"
    spaerret.write_text("x", encoding="utf-8")
    kode, _, fejl = koer(tmp_path, "kontroller", "krasj.json", data=spaerret, fejlkilde=True)
    assert kode == 70 and fejl.count("\n") == 1 and fejl.startswith("takstberegner: uventet programfejl.")
    log = Path(re.search(r"skrevet i (.+\.txt);", fejl).group(1))
    assert "RuntimeError" in log.read_text(encoding="utf-8")
    log.unlink()


def test_afvist_input_er_stadig_2_og_fund_1(tmp_path):
    kode, _, fejl = koer(tmp_path, "beregn", "findes-ikke.json")
    assert kode == 2 and "findes ikke" in fejl
    assert not (tmp_path / "data" / "fejllog").exists()


# English that argparse would print without the Danish catalogue, and English metavars.
ENGELSK = re.compile(r"usage|positional|arguments?\b|\boptions\b|optional|show this|show program|message|"
                     r"\berror\b|required|invalid|choose from|expected|unrecognized|OUTPUT|KODEORD_FIL|CERT_UD|"
                     r"\bTIL\b|TILLID\b|\bCERT\b|default")


def _underkommandoer() -> list[str]:
    p = byg_parser()
    sub = next(a for a in p._actions if a.dest == "kommando")
    return sorted(sub.choices)


def test_alle_underkommandoer_er_med():
    assert {"beregn", "kontroller", "importer", "eksporter", "rul-frem", "indmeld", "rapport", "takstskema",
            "noegle", "verificer", "takstbilag", "aabn"} <= set(_underkommandoer())


@pytest.mark.parametrize("kommando", [None, *_underkommandoer()])
def test_hjaelp_er_dansk(tmp_path, kommando):
    args = ["--help"] if kommando is None else [kommando, "--help"]
    kode, ud, fejl = koer(tmp_path, *args)
    assert (kode, fejl) == (0, "")
    assert ud.startswith("brug: takstberegner")
    assert "tilvalg:" in ud and "vis denne hjælp og afslut" in ud
    assert not ENGELSK.search(ud), ENGELSK.search(ud).group(0)


@pytest.mark.parametrize("args, dansk", [
    (["beregn"], "disse argumenter skal angives: grundlag"),
    (["findes-ikke"], "ukendt valg: 'findes-ikke'"),
    (["beregn", "x.json", "--ukendt"], "ukendte argumenter: --ukendt"),
    (["beregn", "x.json", "-o"], "argumentet -o/--output: mangler en værdi"),
    (["importer", "x.xlsx", "--til", "y.takst", "--fra-raekke", "tre"], "'tre' er ikke et helt tal"),
    (["importer", "x.xlsx", "--til", "y.takst", "--tilbud", "A", "--tilbud-id", "B"],
     "kan ikke bruges sammen med --tilbud"),
])
def test_brugsfejl_er_danske(tmp_path, args, dansk):
    kode, ud, fejl = koer(tmp_path, *args)
    assert kode == 2 and ud == ""
    assert dansk in fejl and ": fejl: " in fejl and fejl.startswith("brug: takstberegner")
    assert not ENGELSK.search(fejl), fejl


def test_lukket_roer_er_ingen_programfejl(tmp_path):
    """The reader of the output has gone (`| head` that already quit): no crash log, code 141."""
    laes, skriv = os.pipe()
    os.close(laes)
    try:
        r = subprocess.run([str(KOMMANDO), "beregn", str(EKSEMPEL_1)], stdout=skriv, stderr=subprocess.PIPE,
                           timeout=120, env={**os.environ, "TAKSTBEREGNER_DATA": str(tmp_path / "data")})
    finally:
        os.close(skriv)
    assert r.returncode == 141, r.stderr.decode()
    assert r.stderr.decode("utf-8") == ""
    assert not (tmp_path / "data" / "fejllog").exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="only Linux can be without a screen")
@pytest.mark.parametrize("args", [[], ["aabn", "a.takst"]])
def test_uden_skaerm_siger_programmet_det_paa_dansk(tmp_path, args):
    """Without a screen Qt printed its own English lines ('This application failed to start because
    no Qt platform plugin could be initialized') and aborted the process (exit 134)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["TAKSTBEREGNER_DATA"] = str(tmp_path / "data")
    r = subprocess.run([str(KOMMANDO), *args], cwd=tmp_path, check=False, capture_output=True, timeout=120, env=env)
    fejl = r.stderr.decode("utf-8")
    assert r.returncode == 2, fejl
    assert fejl.startswith("takstberegner: Programmets vindue kan ikke vises: der er ingen skærm"), fejl
    assert "qt." not in fejl.lower() and "plugin" not in fejl
