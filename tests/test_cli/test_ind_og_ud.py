"""The installed command never writes over one of its inputs (issue 9 item 5): for every output
option of every subcommand, the same file under its own name, a symlink, a hard link or another
spelling is refused with a Danish message and exit 2, and nothing in the folder changes. Also a
missing output folder, a folder as output, a non-takst output over a takst file, and unreadable
or binary password files."""
from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

KOMMANDO = Path(sys.executable).parent / "takstberegner"
ENGELSK = ("No such file", "Permission denied", "Is a directory", "Traceback", "Errno", "error:")


def koer(mappe: Path, *args: str) -> tuple[int, str, str]:
    env = {**os.environ, "TAKSTBEREGNER_DATA": str(mappe.parent / "data"),
           "XDG_CONFIG_HOME": str(mappe.parent / "config")}
    r = subprocess.run([str(KOMMANDO), *map(str, args)], cwd=mappe, check=False, capture_output=True,
                       timeout=120, env=env, stdin=subprocess.DEVNULL)  # no terminal, as from a script
    return r.returncode, r.stdout.decode("utf-8"), r.stderr.decode("utf-8")


def _aftryk(mappe: Path) -> dict[str, str]:
    return {p.name: (os.readlink(p) if p.is_symlink() else hashlib.sha256(p.read_bytes()).hexdigest())
            for p in sorted(mappe.iterdir()) if p.is_file() or p.is_symlink()}


@pytest.fixture
def mappe(skabelon, tmp_path) -> Path:
    m = tmp_path / "filer"
    shutil.copytree(skabelon, m, symlinks=True)
    os.symlink("a.takst", m / "alias.json")  # another name for a.takst
    os.link(m / "a.takst", m / "haardt.json")  # a hard link to a.takst
    os.symlink("k.p12", m / "alias.p12")
    (m / "under").mkdir()
    return m


def _afvist(mappe: Path, *args: str) -> str:
    foer = _aftryk(mappe)
    kode, ud, fejl = koer(mappe, *args)
    assert kode == 2, (args, kode, ud, fejl)
    assert fejl.startswith("takstberegner: ") and fejl.count("\n") == 1, fejl
    assert not any(x in fejl for x in ENGELSK), fejl
    assert _aftryk(mappe) == foer, args  # nothing written, nothing replaced, no stray file
    return fejl


INDMELD = ("indmeld", "a.takst", "--cert", "k.p12", "--kodeord-fil", "kode.txt", "-o")
NOEGLE = ("noegle", "g.json", "--kodeord-fil", "kode.txt")


@pytest.mark.parametrize("args", [
    ("eksporter", "a.takst", "-o", "a.takst"),
    ("beregn", "a.takst", "-o", "a.takst"),
    ("beregn", "g.json", "-o", "g.json"),
    ("rapport", "a.takst", "-o", "a.takst"),
    ("takstskema", "a.takst", "-o", "a.takst"),
    (*INDMELD, "a.takst"),
    (*INDMELD, "k.p12"),
    (*INDMELD, "kode.txt"),
    (*NOEGLE, "-o", "ny.p12", "--cert-ud", "g.json"),
    (*NOEGLE, "-o", "ny.p12", "--cert-ud", "kode.txt"),
    (*NOEGLE, "-o", "kode.txt"),
    ("takstbilag", "i.indmelding", "--tillid", "k.pem", "-o", "i.indmelding"),
    ("takstbilag", "i.indmelding", "--tillid", "k.pem", "-o", "k.pem"),
    ("rul-frem", "a.takst", "--til", "a.takst"),
])
def test_skriver_ikke_over_sit_input(mappe, args):
    fejl = _afvist(mappe, *args)
    assert "samme fil" in fejl


@pytest.mark.parametrize("args", [
    ("eksporter", "a.takst", "-o", "alias.json"),         # symlink to the input
    ("eksporter", "a.takst", "-o", "haardt.json"),        # hard link to the input
    ("beregn", "a.takst", "-o", "under/../a.takst"),      # another spelling
    ("beregn", "alias.json", "-o", "a.takst"),            # the input given through the link
    ("rapport", "haardt.json", "-o", "a.takst"),
    (*INDMELD, "alias.p12"),
    ("rul-frem", "a.takst", "--til", "under/../alias.json"),
])
def test_andre_navne_for_samme_fil(mappe, args):
    assert "samme fil" in _afvist(mappe, *args)


def test_to_uddata_til_samme_fil(mappe):
    fejl = _afvist(mappe, *NOEGLE, "-o", "ny.p12", "--cert-ud", "ny.p12")
    assert "to forskellige filnavne" in fejl


@pytest.mark.parametrize("args", [
    ("eksporter", "a.takst", "-o", "b.takst"),
    ("beregn", "g.json", "-o", "b.takst"),
    ("rapport", "g.json", "-o", "b.takst"),
    (*INDMELD, "b.takst"),
    (*NOEGLE, "-o", "ny.p12", "--cert-ud", "b.takst"),
])
def test_skriver_ikke_over_en_anden_takstfil(mappe, args):
    assert "takstfil" in _afvist(mappe, *args)


@pytest.mark.parametrize("args", [
    ("rapport", "a.takst", "-o", "i.indmelding"),
    ("takstskema", "a.takst", "-o", "i.indmelding"),
    ("beregn", "g.json", "-o", "k.p12"),
    ("eksporter", "a.takst", "-o", "k.p12"),
])
def test_skriver_ikke_andet_over_en_indmelding_eller_noegle(mappe, args):
    """A signed indmelding and a key cannot be made again by pressing a button: only an output of
    the same kind replaces one (found by hand: rapport -o over an existing .indmelding)."""
    assert "må ikke skrive noget andet over den" in _afvist(mappe, *args)


def test_takstfil_under_andet_navn_er_stadig_en_takstfil(mappe):
    shutil.copyfile(mappe / "b.takst", mappe / "b-kopi.dat")
    assert "er en takstfil" in _afvist(mappe, "beregn", "g.json", "-o", "b-kopi.dat")


@pytest.mark.parametrize("args", [
    ("beregn", "a.takst", "-o", "mangler/t.json"),
    ("eksporter", "a.takst", "-o", "mangler/g.json"),
    ("rapport", "a.takst", "-o", "mangler/r.pdf"),
    ("takstskema", "a.takst", "-o", "mangler/s.xlsx"),
    (*INDMELD, "mangler/x.indmelding"),
    (*NOEGLE, "-o", "ny.p12", "--cert-ud", "mangler/k.pem"),  # checked before the .p12 is written
    ("takstbilag", "i.indmelding", "-o", "mangler/b.xlsx"),
    ("rul-frem", "a.takst", "--til", "mangler/ny.takst"),
])
def test_manglende_mappe(mappe, args):
    fejl = _afvist(mappe, *args)
    assert "Mappen" in fejl and "findes ikke" in fejl


@pytest.mark.parametrize("args", [
    ("beregn", "a.takst", "-o", "under"),
    ("eksporter", "a.takst", "-o", "under/"),
    ("rapport", "a.takst", "-o", "."),
    (*NOEGLE, "-o", "under"),
])
def test_mappe_som_uddata(mappe, args):
    assert "er en mappe" in _afvist(mappe, *args)


def test_gyldige_uddata_virker_stadig(mappe):
    kode, _, fejl = koer(mappe, "eksporter", "a.takst", "-o", "under/ny.json")
    assert (kode, fejl) == (0, "")
    assert (mappe / "under" / "ny.json").read_text(encoding="utf-8").startswith("{")
    kode, _, fejl = koer(mappe, "rul-frem", "a.takst", "--til", "under/2027.takst")
    assert (kode, fejl) == (0, "")


@pytest.mark.parametrize("indhold, tekst", [
    (b"\x80\x81\xfe\x00binaer", "ikke en almindelig tekstfil"),
    (b"kode\x00med\x00nul", "ikke en almindelig tekstfil"),
    (b"x" * (70 * 1024), "for stor"),
])
def test_kodeordsfil_der_ikke_er_tekst(mappe, indhold, tekst):
    (mappe / "binaer.txt").write_bytes(indhold)
    for afvist in (_afvist(mappe, "indmeld", "a.takst", "--cert", "k.p12", "--kodeord-fil", "binaer.txt",
                           "-o", "x.indmelding"),
                   _afvist(mappe, "noegle", "g.json", "--kodeord-fil", "binaer.txt", "-o", "ny.p12")):
        assert tekst in afvist and "UTF" not in afvist, afvist  # before: 'ikke en tekstfil (UTF-8)'


@pytest.mark.parametrize("navn, tekst", [("findes-ikke.txt", "findes ikke"), ("under", "er en mappe")])
def test_kodeordsfil_der_ikke_kan_laeses(mappe, navn, tekst):
    assert tekst in _afvist(mappe, *INDMELD[:5], navn, "-o", "x.indmelding")


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="chmod 000 binds only a normal user")
def test_kodeordsfil_uden_laeseret(mappe):
    os.chmod(mappe / "kode.txt", 0)
    try:
        assert "adgang nægtet" in _afvist(mappe, *INDMELD, "x.indmelding")
    finally:
        os.chmod(mappe / "kode.txt", 0o600)


def test_kodeordsfil_fra_notesblok_utf16(mappe):
    (mappe / "kode16.txt").write_bytes("Rødgrød med fløde\r\n".encode("utf-16"))
    kode, ud, fejl = koer(mappe, "indmeld", "a.takst", "--cert", "k.p12", "--kodeord-fil", "kode16.txt",
                          "-o", "x.indmelding")
    assert (kode, fejl) == (0, ""), fejl
    assert (mappe / "x.indmelding").stat().st_size > 0


# Arguments that name no file. A new argument must be declared with stier.roller as an input or an
# output, or added here: so no future output option escapes the checks above.
IKKE_FILER = {"navn", "cvr", "ark", "konto", "tekst", "beloeb", "tilbud", "tilbud_id", "fra_raekke", "takstaar",
              "loen_pct", "pris_pct"}


def test_hvert_filargument_er_erklaeret_som_ind_eller_ud():
    from takstberegner.cli import byg_parser

    sub = next(a for a in byg_parser()._actions if a.dest == "kommando")
    for navn, p in sub.choices.items():
        d = p._defaults
        assert "_stier_ind" in d, f"{navn}: stier.roller(...) mangler"
        erklaeret = {*d["_stier_ind"], *d["_stier_ud"], *d["_stier_takst_ud"]}
        for a in p._actions:
            if a.dest == "help" or a.nargs == 0:
                continue
            assert a.dest in erklaeret or a.dest in IKKE_FILER, f"{navn}: {a.dest} er hverken ind, ud eller ikke-fil"
        assert not {*d["_stier_ud"], *d["_stier_takst_ud"]} & IKKE_FILER


@pytest.mark.parametrize("args", [("beregn", "a.takst", "-o", "pipe"), ("rapport", "a.takst", "-o", "pipe"),
                                  ("noegle", "g.json", "--kodeord-fil", "kode.txt", "-o", "x.p12", "--cert-ud", "pipe")],
                         ids=lambda a: a[0])
def test_uddata_erstatter_aldrig_en_enhed_eller_pipe(mappe, args):
    """An output that is a device or a named pipe was replaced by a regular file (the output is written
    beside it and renamed over it): `beregn X -o /dev/null` run as root replaced /dev/null itself."""
    os.mkfifo(mappe / "pipe")
    kode, _, fejl = koer(mappe, *args)
    assert kode == 2, fejl
    assert "pipe er ikke en almindelig fil" in fejl and not any(e in fejl for e in ENGELSK), fejl
    assert stat.S_ISFIFO(os.lstat(mappe / "pipe").st_mode)
    assert not (mappe / "x.p12").exists()


def test_ny_noegle_kraever_samme_adgangskodelaengde_som_programmet(mappe):
    """The app's key dialog asks for at least 8 characters; `noegle` took any non-empty password
    ('1234') for the key that signs the driftsherre's indmelding. One rule for both now."""
    (mappe / "kort.txt").write_text("1234567\n", encoding="utf-8")
    fejl = _afvist(mappe, "noegle", "g.json", "--kodeord-fil", "kort.txt", "-o", "ny.p12")
    assert fejl == "takstberegner: Adgangskoden skal have mindst 8 tegn.\n"
    (mappe / "lang.txt").write_text("12345678\n", encoding="utf-8")
    kode, ud, fejl = koer(mappe, "noegle", "g.json", "--kodeord-fil", "lang.txt", "-o", "ny.p12")
    assert (kode, fejl) == (0, "") and (mappe / "ny.p12").exists()


def test_indmeld_uden_terminal_og_uden_kodeordsfil_siger_hvad_der_mangler(mappe):
    """Run from a script (no terminal to ask at) without --kodeord-fil, `indmeld` said 'forkert
    adgangskode', though none was given."""
    fejl = _afvist(mappe, "indmeld", "a.takst", "--cert", "k.p12", "-o", "ny.indmelding")
    assert fejl == ("takstberegner: Certifikatfilen k.p12 kan ikke åbnes uden adgangskode. Angiv --kodeord-fil med en "
                    "fil, hvis første linje er adgangskoden (der er ingen terminal at spørge i).\n")
    (mappe / "forkert.txt").write_text("ikke den rigtige\n", encoding="utf-8")
    fejl = _afvist(mappe, "indmeld", "a.takst", "--cert", "k.p12", "--kodeord-fil", "forkert.txt", "-o", "ny.indmelding")
    assert "kan ikke åbnes: forkert adgangskode" in fejl


@pytest.mark.parametrize("args, art, forslag", [
    (("takstbilag", "i.indmelding", "--tillid", "k.pem", "-o", "x.indmelding"), "et Excel-regneark", ".xlsx"),
    (("rapport", "a.takst", "-o", "x.xlsx"), "en PDF-fil", ".pdf"),
    (("takstskema", "a.takst", "-o", "x.pdf"), "et Excel-regneark", ".xlsx"),
    ((*INDMELD, "x.pdf"), "en indmeldingsfil", ".indmelding"),
    (("beregn", "g.json", "-o", "x.xlsx"), "en JSON-fil", ".json"),
    (("eksporter", "a.takst", "-o", "x.pdf"), "en JSON-fil", ".json"),
    ((*NOEGLE, "-o", "x.pem"), "en nøglefil", ".p12 eller .pfx"),
    ((*NOEGLE, "-o", "ny.p12", "--cert-ud", "x.p12"), "et certifikat", ".pem eller .crt"),
    (("rul-frem", "a.takst", "--til", "x.xlsx"), "en takstfil", ".takst"),
    (("importer", "g.json", "--til", "x.json"), "en takstfil", ".takst"),
    (("rapport", "a.takst", "-o", "x"), "en PDF-fil", ".pdf"),  # no ending at all
], ids=lambda a: a[0] if isinstance(a, tuple) else None)
def test_uddata_hedder_det_de_er(mappe, args, art, forslag):
    """A PDF written as x.indmelding or a workbook as x.pdf opens in the wrong program and can be sent
    as what it is not (`takstbilag -o x.indmelding` wrote a workbook under an indmelding's name): every
    output option refuses a name whose ending lies, naming the ending to use, before anything is read."""
    fejl = _afvist(mappe, *args)
    ud = args[-1]
    assert f"der skrives {art}, så filnavnet skal ende på {forslag}, fx " in fejl, fejl
    forventet = ud.rsplit(".", 1)[0] if "." in ud else ud
    assert fejl.rstrip().endswith(f"fx {forventet}{forslag.split(' ')[0]}."), fejl


@pytest.mark.parametrize("args", [
    ("rapport", "a.takst", "-o", "R.PDF"), ("takstskema", "a.takst", "-o", "s.XLSX"),
    ("eksporter", "a.takst", "-o", "g2.Json"),
    (*NOEGLE, "-o", "ny.pfx", "--cert-ud", "ny.crt"),
])
def test_uddata_med_rigtig_endelse_i_andre_skrivemaader_virker(mappe, args):
    """.PDF, .pfx and .crt are the same kinds of file."""
    kode, _, fejl = koer(mappe, *args)
    assert (kode, fejl) == (0, "")



def test_hver_uddata_har_en_endelse_der_kontrolleres():
    """Every output option of every subcommand names its kind by its metavar's ending, which the
    check knows: a new output option cannot slip past it."""
    from takstberegner.cli import byg_parser
    from takstberegner.kommandoer.stier import _ENDELSER

    sub = next(a for a in byg_parser()._actions if a.dest == "kommando")
    for navn, p in sub.choices.items():
        d = p._defaults
        for dest in (*d["_stier_ud"], *d["_stier_takst_ud"]):
            assert d["_stier_endelser"].get(dest, "").lower() in _ENDELSER, (navn, dest)
