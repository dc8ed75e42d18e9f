"""A file of another kind given where a takstgrundlag is read (beregn, kontroller, rapport, --forrige)
is named by what it is, and a huge file, a device or a pipe is refused before it is read. Before, a
workbook or a PDF gave a JSON syntax error about its first character without the file's name, a
3 GB file took 6 GB of memory and half a minute to be refused as 'Filen er for stort', and a pipe
was waited on for ever."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.test_cli.conftest import KOMMANDO


def _koer(mappe, *args) -> tuple[int, str]:
    env = {**os.environ, "TAKSTBEREGNER_DATA": str(mappe.parent / "data"),
           "XDG_CONFIG_HOME": str(mappe.parent / "config")}
    r = subprocess.run([str(KOMMANDO), *map(str, args)], cwd=mappe, capture_output=True, timeout=60, env=env,
                       stdin=subprocess.DEVNULL)
    return r.returncode, r.stdout.decode("utf-8") + r.stderr.decode("utf-8")


@pytest.fixture(scope="module")
def mappe(skabelon, tmp_path_factory):
    m = tmp_path_factory.mktemp("art") / "filer"
    shutil.copytree(skabelon, m)
    for args in (("takstskema", "a.takst", "-o", "skema.xlsx"), ("rapport", "a.takst", "-o", "revision.pdf")):
        assert _koer(m, *args)[0] == 0
    shutil.copyfile(m / "a.takst", m / "takstfil.json")  # a .takst under a .json name
    shutil.copyfile(m / "g.json", m / "grundlag.takst")  # and the other way round
    (m / "noget.takst").write_bytes(b"hverken det ene eller det andet" * 10)
    return m


@pytest.mark.parametrize("fil, forventet", [
    ("skema.xlsx", "filen skema.xlsx er et Excel-regneark, ikke et takstgrundlag. Et budget i et regneark indlæses "
                   "i en takstfil med Importér budget fra Excel (takstberegner importer)"),
    ("revision.pdf", "filen revision.pdf er en PDF-fil, ikke et takstgrundlag. Vælg en takstfil (.takst) eller et "
                     "takstgrundlag (.json)"),
    ("i.indmelding", "filen i.indmelding er en indmeldingsfil (.indmelding), ikke et takstgrundlag. En "
                     "indmeldingsfil kontrolleres med Kontrollér indmelding (verificer)"),
    ("takstfil.json", "filen takstfil.json er en takstfil (.takst), ikke et takstgrundlag; omdøb den, så navnet "
                      "ender på .takst, og vælg den igen"),
    ("grundlag.takst", "Filen grundlag.takst er et takstgrundlag, ikke en Takstberegner-fil (.takst). Omdøb den, så "
                       "navnet ender på .json, og vælg den igen."),
])
def test_en_fil_af_en_anden_art_nævnes_ved_hvad_den_er(mappe, fil, forventet):
    for kommando in ("beregn", "kontroller"):
        kode, ud = _koer(mappe, kommando, fil)
        assert kode == 2 and ud == f"takstberegner: {forventet}\n", ud


@pytest.mark.parametrize("fil, forventet", [
    ("skema.xlsx", "Sidste års takstfil skema.xlsx er et Excel-regneark, ikke en takstfil. Vælg sidste års takstfil "
                   "(.takst) eller takstgrundlag (.json)."),
    ("revision.pdf", "Sidste års takstfil revision.pdf er en PDF-fil, ikke en takstfil. Vælg sidste års takstfil "
                     "(.takst) eller takstgrundlag (.json)."),
    # the reader's advice to import a budget is for opening a file, not for last year's
    ("noget.takst", "Sidste års takstfil: Filen noget.takst er ikke en Takstberegner-fil (.takst). Vælg sidste års "
                    "takstfil (.takst) eller takstgrundlag (.json)."),
])
def test_sidste_aars_fil_af_en_anden_art(mappe, fil, forventet):
    kode, ud = _koer(mappe, "rapport", "a.takst", "--forrige", fil, "-o", "ny.pdf")
    assert kode == 2 and ud == f"takstberegner: {forventet}\n", ud
    assert not (mappe / "ny.pdf").exists()


def test_en_kaempe_fil_afvises_foer_den_laeses(mappe):
    stor = mappe / "stor.json"
    with open(stor, "wb") as f:
        f.truncate(3 * 1024 ** 3)  # 3 GB of nothing (sparse)
    try:
        kode, ud = _koer(mappe, "beregn", "stor.json")
    finally:
        stor.unlink()
    assert kode == 2
    assert ud == ("takstberegner: filen stor.json fylder 3.072 MB, langt mere end et takstgrundlag kan (højst 64 MB), "
                  "og læses ikke\n")


@pytest.mark.skipif(sys.platform == "win32", reason="en navngiven kanal (mkfifo) findes ikke på Windows")
def test_en_kanal_eller_en_enhed_laeses_ikke(mappe):
    os.mkfifo(mappe / "kanal.json")
    kode, ud = _koer(mappe, "beregn", "kanal.json")  # waited for ever before (timeout)
    assert kode == 2 and ud == ("takstberegner: kanal.json er ikke en almindelig fil, men fx en enhed eller en kanal, "
                                "og ikke et takstgrundlag\n")
    kode, ud = _koer(mappe, "kontroller", "/dev/zero")
    assert kode == 2 and "zero er ikke en almindelig fil" in ud


@pytest.mark.skipif(sys.platform == "win32", reason="en navngiven kanal (mkfifo) findes ikke på Windows")
def test_en_kanal_som_indmelding_findes_men_er_ingen_fil(mappe):
    """verificer and takstbilag said 'findes ikke' of a pipe or a device that exists."""
    os.mkfifo(mappe / "kanal.indmelding")
    kode, ud = _koer(mappe, "verificer", "kanal.indmelding")
    assert kode == 2 and ud == ("takstberegner: kanal.indmelding er ikke en almindelig fil, men fx en enhed eller en "
                                "kanal, og ikke en indmeldingsfil\n")
    kode, ud = _koer(mappe, "takstbilag", "kanal.indmelding", "-o", "bilag.xlsx")
    assert ("kanal.indmelding: ukendt driftsherre - afvist: Det er ikke en almindelig fil, men fx en enhed eller en "
            "kanal, og ikke en indmeldingsfil.") in ud
