"""Long exports on the command line show a sign of life on stderr when it is a terminal: the
phase in Danish and the seconds worked, one line rewritten in place and cleared at the end
(kommandoer/fremskridt.py). stdout and the exit code are the same as without a terminal, and
without one (a script, a pipe) stderr stays empty. The real command runs with a pseudo-terminal
as its stderr; TAKSTBEREGNER_FREMSKRIDT_EFTER=0 shows the phases at once instead of after 1 s, so
a file of a few seconds' work shows them."""
from __future__ import annotations

import json
import os
import pty
import re
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from bench.generer import generer_stor_driftsherre

from .conftest import KOMMANDO

_LINJE = re.compile(r"takstberegner: (.+?) … \(\d+ s\)")
_DANSKE_FASER = re.compile(r"(Læser takstfilen|Læser takstgrundlaget|Beregner taksterne|Samler rapporten|Danner PDF'en"
                           r"|Danner takstskemaet|Skriver .+|Verificerer indmeldingsfil \d+ af \d+|Danner takstbilaget"
                           r"|Danner og signerer indmeldingsfilen)")


def _koer(args: list[str], cwd: Path, env: dict, terminal: bool) -> tuple[int, bytes, bytes]:
    if not terminal:
        r = subprocess.run([str(KOMMANDO), *args], cwd=cwd, capture_output=True, timeout=300, env=env)
        return r.returncode, r.stdout, r.stderr
    hoved, slave = pty.openpty()
    laest = bytearray()

    def laes() -> None:
        while True:
            try:
                data = os.read(hoved, 4096)
            except OSError:  # the terminal's other end closed
                return
            if not data:
                return
            laest.extend(data)

    traad = threading.Thread(target=laes, daemon=True)
    traad.start()
    try:
        p = subprocess.run([str(KOMMANDO), *args], cwd=cwd, stdout=subprocess.PIPE, stderr=slave, timeout=300,
                           env={**env, "TERM": "xterm"})
    finally:
        os.close(slave)
        traad.join(10)
        os.close(hoved)
    return p.returncode, p.stdout, bytes(laest)


@pytest.fixture(scope="module")
def stor(tmp_path_factory) -> Path:
    m = tmp_path_factory.mktemp("fremskridt")
    (m / "stor.json").write_text(json.dumps(generer_stor_driftsherre(1, tilbud=20, linjer=4000, anlaeg=400),
                                            ensure_ascii=False), encoding="utf-8")
    return m


@pytest.mark.parametrize("kommando", [["rapport", "stor.json", "-o", "r.pdf"],
                                      ["takstskema", "stor.json", "-o", "s.xlsx"]])
def test_lang_eksport_viser_fremskridt_paa_en_terminal(stor, tmp_path, kommando):
    m = tmp_path / "m"
    shutil.copytree(stor, m)
    env = {**os.environ, "TAKSTBEREGNER_DATA": str(tmp_path / "data"), "TAKSTBEREGNER_FREMSKRIDT_EFTER": "0"}
    kode, ud, fejl = _koer(kommando, m, env, terminal=False)
    (m / kommando[-1]).unlink()
    kode_t, ud_t, fejl_t = _koer(kommando, m, env, terminal=True)
    assert (kode_t, ud_t) == (kode, ud) == (0, ud)  # stdout and the exit code are the same
    assert fejl == b""  # not a terminal: nothing on stderr
    assert (m / kommando[-1]).stat().st_size > 0
    tekst = fejl_t.decode("utf-8")
    faser = _LINJE.findall(tekst)
    assert faser, tekst
    assert all(_DANSKE_FASER.fullmatch(f) for f in faser), faser
    assert tekst.endswith("\r\x1b[K")  # cleared: what follows starts on a clean line
    assert "Traceback" not in tekst


def test_takstbilag_viser_hvilken_fil_det_verificerer(skabelon, tmp_path):
    m = tmp_path / "m"
    shutil.copytree(skabelon, m)
    filer = ["i.indmelding"] * 3 + ["findes-ikke.indmelding"]
    env = {**os.environ, "TAKSTBEREGNER_DATA": str(tmp_path / "data"), "TAKSTBEREGNER_FREMSKRIDT_EFTER": "0"}
    args = ["takstbilag", *filer, "--tillid", "k.pem", "-o", "b.xlsx"]
    kode, ud, fejl = _koer(args, m, env, terminal=False)
    kode_t, ud_t, fejl_t = _koer(args, m, env, terminal=True)
    assert (kode_t, ud_t) == (kode, ud) and kode == 1  # one file missing: written, exit 1
    assert fejl == b""
    faser = _LINJE.findall(fejl_t.decode("utf-8"))
    assert all(_DANSKE_FASER.fullmatch(f) for f in faser), faser


def test_intet_fremskridt_naar_arbejdet_er_kort(skabelon, tmp_path):
    m = tmp_path / "m"
    shutil.copytree(skabelon, m)
    env = {**os.environ, "TAKSTBEREGNER_DATA": str(tmp_path / "data")}  # the usual 1 s
    kode, ud, fejl = _koer(["takstskema", "g.json", "-o", "s.xlsx"], m, env, terminal=True)
    assert kode == 0 and fejl == b"", fejl
