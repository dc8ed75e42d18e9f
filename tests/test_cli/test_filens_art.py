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
                   "i en takstfil med Importér budget fra Excel"),
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
    assert kode == 2 and ud == ("takstberegner: inddata kanal.json er ikke en almindelig fil (men fx en enhed eller en "
                                "kanal), og den kan ikke læses. Angiv en fil.\n")
    kode, ud = _koer(mappe, "kontroller", "/dev/zero")
    assert kode == 2 and "inddata /dev/zero er ikke en almindelig fil" in ud
    # the reader says so itself where the app opens a takstgrundlag
    from takstberegner.formats import takstgrundlag as tg
    from takstberegner.formats.fejl import InputError

    with pytest.raises(InputError, match="^kanal.json er ikke en almindelig fil, men fx en enhed eller en kanal, og "
                                         "ikke et takstgrundlag$"):
        tg.laes_fil(mappe / "kanal.json")


@pytest.mark.skipif(sys.platform == "win32", reason="en navngiven kanal (mkfifo) findes ikke på Windows")
def test_en_kanal_som_indmelding_findes_men_er_ingen_fil(mappe, tmp_path):
    """verificer and takstbilag (a folder with a pipe in it) said 'findes ikke' of a pipe that exists."""
    indbakke = tmp_path / "indbakke"
    indbakke.mkdir()
    os.mkfifo(indbakke / "kanal.indmelding")
    kode, ud = _koer(mappe, "verificer", indbakke / "kanal.indmelding")
    assert kode == 2 and "er ikke en almindelig fil (men fx en enhed eller en kanal)" in ud
    # the secretariat's check of one file (the app's Takstbilag) says so too; a folder leaves it out
    from takstberegner.export.takstbilag_udvalg import kontroller_fil

    assert kontroller_fil(indbakke / "kanal.indmelding").grunde == (
        "Det er ikke en almindelig fil, men fx en enhed eller en kanal, og ikke en indmeldingsfil.",)


@pytest.mark.skipif(sys.platform == "win32", reason="en navngiven kanal (mkfifo) findes ikke på Windows")
@pytest.mark.parametrize("args, flag", [
    (("importer", "budget.csv", "--til", "a.takst", "--kontoplan", "{}", "--ja"), "--kontoplan"),
    (("verificer", "i.indmelding", "--tillid", "{}"), "--tillid"),
    (("importer", "{}.xlsx", "--til", "a.takst", "--ja"), "kilden"),
    (("importer", "{}.csv", "--til", "a.takst", "--ja"), "kilden"),
    (("indmeld", "a.takst", "--cert", "{}", "--kodeord-fil", "kode.txt", "-o", "ny.indmelding"), "--cert"),
])
def test_ingen_inddata_er_en_kanal(mappe, tmp_path, args, flag):
    """Every input of every command is refused when it is a pipe without a writer (each waited for ever)."""
    kanal = tmp_path / "kanal"
    os.mkfifo(kanal)
    args = [a.replace("{}", str(kanal)) for a in args]
    for a in args:
        if a != str(kanal) and a.startswith(str(kanal)):
            os.mkfifo(a)
    (mappe / "budget.csv").write_text("Konto;Beløb\n1;2\n", encoding="utf-8")
    kode, ud = _koer(mappe, *args)
    vist = next(a for a in args if a.startswith(str(kanal)))
    assert kode == 2 and ud == (f"takstberegner: {flag} {vist} er ikke en almindelig fil (men fx en enhed eller en "
                                "kanal), og den kan ikke læses. Angiv en fil.\n"), ud


@pytest.mark.skipif(sys.platform == "win32", reason="bash's <(…) findes ikke på Windows")
def test_adgangskoden_maa_komme_gennem_en_kanal(mappe):
    """A password through a pipe (bash's <(…)) keeps it off the disk: that input may be one."""
    r = subprocess.run(["bash", "-c", f"'{KOMMANDO}' noegle a.takst --kodeord-fil <(cat kode.txt) -o k2.p12 "
                        "--cert-ud k2.pem"], cwd=mappe, capture_output=True, timeout=60,
                       env={**os.environ, "TAKSTBEREGNER_DATA": str(mappe.parent / "data")})
    assert r.returncode == 0, r.stderr.decode("utf-8")
    assert (mappe / "k2.p12").stat().st_size > 0


@pytest.mark.skipif(sys.platform == "win32", reason="en navngiven kanal (mkfifo) findes ikke på Windows")
def test_budgetlaeserne_aabner_ikke_en_kanal(tmp_path):
    """Where the app imports a budget (no command line in front), the readers refuse a pipe themselves."""
    from takstberegner.importers.graenser import AfvistFil
    from takstberegner.importers.csv_laeser import laes_csv
    from takstberegner.importers.xlsx_laeser import Projektmappe

    for navn in ("b.csv", "b.xlsx"):
        os.mkfifo(tmp_path / navn)
    with pytest.raises(AfvistFil, match="^b.csv er ikke en almindelig fil, men fx en enhed eller en kanal, og ikke "
                                        "en CSV-fil.$"):
        laes_csv(tmp_path / "b.csv")
    with pytest.raises(AfvistFil, match="^b.xlsx er ikke en almindelig fil, men fx en enhed eller en kanal, og ikke "
                                        "et regneark.$"):
        Projektmappe(tmp_path / "b.xlsx")


@pytest.mark.parametrize("args, forventet", [
    (("takstbilag", "i.indmelding", "--takstaar", "abc", "-o", "b.xlsx"),
     "takstberegner takstbilag: fejl: argumentet --takstaar: 'abc' er ikke et takstår (et årstal fra 2000 til 2100)"),
    (("takstbilag", "i.indmelding", "--takstaar", "99999999999999999999", "-o", "b.xlsx"),
     "takstberegner takstbilag: fejl: argumentet --takstaar: '99999999999999999999' er ikke et takstår (et årstal fra "
     "2000 til 2100)"),
    # int() took a year with an underscore or in Arabic-Indic digits, and a row number in full-width
    # digits, where the app's fields and the rates (--loen-pct) refuse them
    (("takstbilag", "i.indmelding", "--takstaar", "2_026", "-o", "b.xlsx"),
     "takstberegner takstbilag: fejl: argumentet --takstaar: '2_026' er ikke et takstår (et årstal fra 2000 til 2100)"),
    (("takstbilag", "i.indmelding", "--takstaar", "٢٠٢٦", "-o", "b.xlsx"),
     "takstberegner takstbilag: fejl: argumentet --takstaar: '٢٠٢٦' er ikke et takstår (et årstal fra 2000 til 2100)"),
    (("importer", "budget.csv", "--til", "a.takst", "--fra-raekke", "３", "--ja"),
     "takstberegner importer: fejl: argumentet --fra-raekke: '３' er ikke et helt tal"),
    (("importer", "budget.csv", "--til", "a.takst", "--fra-raekke", "-5", "--ja"),
     "takstberegner importer: fejl: argumentet --fra-raekke: '-5' er ikke et rækkenummer (et helt tal fra 1)"),
    (("beregn", "g.json", "-o", ""), "takstberegner: -o mangler et filnavn, fx navn.json."),
    (("rul-frem", "a.takst", "--til", " "), "takstberegner: --til mangler et filnavn, fx navn.takst."),
])
def test_urimelige_tilvalg_afvises_paa_dansk(mappe, args, forventet):
    """Before: 'ugyldig værdi (int)', a takstbilag 'for 99999999999999999999' written, row -5 taken,
    and an empty -o called 'en mappe'."""
    (mappe / "budget.csv").write_text("Konto;Beløb\n1;2\n", encoding="utf-8")
    foer = sorted(p.name for p in mappe.iterdir())
    kode, ud = _koer(mappe, *args)
    assert kode == 2 and ud.splitlines()[-1] == forventet, ud
    assert sorted(p.name for p in mappe.iterdir()) == foer
