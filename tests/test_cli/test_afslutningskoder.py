"""The secretariat's commands say by their exit code what a script needs to know (kommandoer/udfald.py):
0 all fine or only the expected (a later submission replacing an earlier one, a file given twice,
a file for another takstår than --takstaar), 1 a file rejected, 3 someone must look, 4 rejected only
because the signer is not trusted yet. Before, a rightful correction exited 1 like a forged file.
Real signed submissions made by the installed command, run in a subprocess as a script would."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

KOMMANDO = Path(sys.executable).parent / "takstberegner"


def koer(mappe: Path, *args: str) -> tuple[int, str, str]:
    env = {**os.environ, "TAKSTBEREGNER_DATA": str(mappe.parent / "data"),
           "XDG_CONFIG_HOME": str(mappe.parent / "config")}
    r = subprocess.run([str(KOMMANDO), *map(str, args)], cwd=mappe, check=False, capture_output=True,
                       timeout=120, env=env, stdin=subprocess.DEVNULL)
    return r.returncode, r.stdout.decode("utf-8"), r.stderr.decode("utf-8")


@pytest.fixture(scope="module")
def mappe(skabelon, tmp_path_factory) -> Path:
    """i.indmelding and, signed a second later with the same key, its correction j.indmelding; a copy of
    i with one byte of its takster changed (forfalsket); a second key nobody has registered (u.p12)."""
    m = tmp_path_factory.mktemp("udfald") / "filer"
    shutil.copytree(skabelon, m)
    time.sleep(1.1)  # the correction is signed later (the signing time has whole seconds)
    for args in (("indmeld", "a.takst", "--cert", "k.p12", "--kodeord-fil", "kode.txt", "-o", "j.indmelding"),
                 ("noegle", "a.takst", "--kodeord-fil", "kode.txt", "-o", "u.p12"),
                 ("indmeld", "a.takst", "--cert", "u.p12", "--kodeord-fil", "kode.txt", "-o", "u.indmelding")):
        rc, _, err = koer(m, *args)
        assert rc == 0, err
    with zipfile.ZipFile(m / "i.indmelding") as z, zipfile.ZipFile(m / "forfalsket.indmelding", "w") as ud:
        for info in z.infolist():
            data = z.read(info)
            if info.filename == "takster.json":
                data = data.replace(b"1", b"2", 1)
            ud.writestr(info, data)
    return m


def test_en_rettelse_er_forventet_og_giver_0(mappe):
    rc, ud, err = koer(mappe, "takstbilag", "i.indmelding", "j.indmelding", "--tillid", "k.pem", "-o", "b1.xlsx")
    assert rc == 0, ud + err
    assert "i.indmelding: Eksempel Kommune - erstattet af nyere indmelding" in ud, ud
    assert "1 godkendt, 0 afviste, 1 erstattet og 0 dubletter" in ud, ud


def test_den_samme_fil_to_gange_giver_0(mappe):
    rc, ud, err = koer(mappe, "takstbilag", "j.indmelding", "j.indmelding", "--tillid", "k.pem", "-o", "b2.xlsx")
    assert rc == 0, ud + err
    assert "1 dublet" in ud, ud


def test_en_forfalsket_fil_giver_1_ogsaa_ved_siden_af_en_rettelse(mappe):
    rc, ud, _ = koer(mappe, "takstbilag", "i.indmelding", "j.indmelding", "forfalsket.indmelding", "--tillid", "k.pem",
                     "-o", "b3.xlsx")
    assert rc == 1, ud
    assert "forfalsket.indmelding: Eksempel Kommune - afvist" in ud, ud
    assert koer(mappe, "verificer", "forfalsket.indmelding", "--tillid", "k.pem")[0] == 1


def test_en_underskriver_der_ikke_er_betroet_endnu_giver_4(mappe):
    rc, ud, _ = koer(mappe, "verificer", "u.indmelding", "--tillid", "k.pem")
    assert rc == 4 and "Underskriveren er ikke betroet af sekretariatet endnu" in ud, ud
    rc, ud, _ = koer(mappe, "takstbilag", "j.indmelding", "u.indmelding", "--tillid", "k.pem", "-o", "b4.xlsx")
    assert rc == 4, ud
    # a forged file besides it is the worse news
    rc, _, _ = koer(mappe, "takstbilag", "u.indmelding", "forfalsket.indmelding", "--tillid", "k.pem", "-o", "b5.xlsx")
    assert rc == 1


def test_hjaelpen_forklarer_koderne_paa_dansk(mappe):
    for kommando, koder in (("takstbilag", ("0", "1", "2", "3", "4", "70")), ("verificer", ("0", "1", "2", "4", "70"))):
        rc, ud, _ = koer(mappe, kommando, "-h")
        assert rc == 0
        tekst = ud.split("Afslutningskoder:\n", 1)[1]
        assert [linje.split()[0] for linje in tekst.splitlines() if not linje.startswith("     ")] == list(koder)
    assert "3 og 4 (verificer og takstbilag)" in koer(mappe, "-h")[1]
