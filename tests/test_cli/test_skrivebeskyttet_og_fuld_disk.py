"""Files and folders the user may not write, and a full disk (issue 9 item 5: a Danish message and
exit 2, never a crash). Every output of every command, written into a folder the user may only
read or onto a full disk, is refused in Danish, leaves nothing behind (no half file, no temporary
file, no key without its certificate), and an input the user may not read is named with why.

The tests run as root here, and root may write anywhere. They therefore run the real command
with the two capabilities that let root pass a file's permissions dropped from its bounding set
(`setpriv`), so the permissions hold as for a user on Windows; a full disk is a small tmpfs in a
mount namespace of the command's own (`unshare -m`), which goes away with the command."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

KOMMANDO = Path(sys.executable).parent / "takstberegner"
ENGELSK = ("No such file", "Permission denied", "Traceback", "Errno", "error:", "uventet", "unable", "disk is full")

if os.name != "posix":
    pytest.skip("file permissions as on POSIX", allow_module_level=True)
_SOM_BRUGER = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] if os.geteuid() == 0 else []


def koer(mappe: Path, *args: str, foran: list[str] | None = None) -> tuple[int, str]:
    if _SOM_BRUGER and not shutil.which("setpriv"):
        pytest.skip("setpriv (util-linux) mangler")
    env = {**os.environ, "TAKSTBEREGNER_DATA": str(mappe.parent / "data"),
           "XDG_CONFIG_HOME": str(mappe.parent / "config")}
    r = subprocess.run([*(foran if foran is not None else _SOM_BRUGER), str(KOMMANDO), *map(str, args)],
                       cwd=mappe, check=False, capture_output=True, timeout=180, env=env)
    return r.returncode, r.stderr.decode("utf-8")


@pytest.fixture
def mappe(skabelon, tmp_path) -> Path:
    m = tmp_path / "filer"
    shutil.copytree(skabelon, m)
    (m / "laast").mkdir()
    yield m
    os.chmod(m / "laast", 0o755)


KOMMANDOER_UD = [
    ("importer", "g.json", "--til", "laast/ny.takst"),
    ("rul-frem", "a.takst", "--til", "laast/ny.takst"),
    ("noegle", "g.json", "--kodeord-fil", "kode.txt", "-o", "laast/n.p12"),
    ("beregn", "a.takst", "-o", "laast/t.json"),
    ("eksporter", "a.takst", "-o", "laast/g.json"),
    ("rapport", "a.takst", "-o", "laast/r.pdf"),
    ("takstskema", "a.takst", "-o", "laast/s.xlsx"),
    ("indmeld", "a.takst", "--cert", "k.p12", "--kodeord-fil", "kode.txt", "-o", "laast/i.indmelding"),
]


@pytest.mark.parametrize("args", KOMMANDOER_UD, ids=lambda a: a[0])
def test_intet_skrives_i_en_skrivebeskyttet_mappe(mappe, args):
    os.chmod(mappe / "laast", 0o555)
    kode, fejl = koer(mappe, *args)
    assert kode == 2, fejl
    assert "skrivebeskyttet" in fejl or "adgang nægtet" in fejl, fejl
    assert not any(e in fejl for e in ENGELSK), fejl
    assert list((mappe / "laast").iterdir()) == []


def test_en_noegle_uden_sit_certifikat_efterlades_ikke(mappe):
    """The key is written first; if its certificate cannot be, the key goes too, so the command can
    simply be run again (it never overwrites a key file)."""
    os.chmod(mappe / "laast", 0o555)
    kode, fejl = koer(mappe, "noegle", "g.json", "--kodeord-fil", "kode.txt", "-o", "n.p12", "--cert-ud", "laast/n.pem")
    assert kode == 2 and "Nøglen er ikke gemt" in fejl and "adgang nægtet" in fejl, fejl
    assert not (mappe / "n.p12").exists() and not list(mappe.glob(".*"))


@pytest.mark.parametrize("args", [
    ("kontroller", "{}"), ("beregn", "{}"), ("rapport", "{}", "-o", "r.pdf"), ("rul-frem", "{}", "--til", "n.takst"),
    ("indmeld", "a.takst", "--cert", "{}", "--kodeord-fil", "kode.txt", "-o", "x.indmelding"),
], ids=lambda a: a[0] + ("-cert" if "--cert" in a else ""))
def test_en_fil_brugeren_ikke_maa_laese_navngives(mappe, args):
    navn = "k.p12" if "--cert" in args else "a.takst"
    os.chmod(mappe / navn, 0)
    kode, fejl = koer(mappe, *(a.replace("{}", navn) for a in args))
    assert kode == 2 and navn in fejl and "adgang nægtet" in fejl, fejl
    assert not any(e in fejl for e in ENGELSK), fejl


def _paa_fuld_disk(mappe: Path, *args: str) -> tuple[int, str, list[str]]:
    """Run the command with `disk/` a tmpfs of 200 KB, filled up but for a few KB first; also what
    the command left on it."""
    if os.geteuid() != 0 or not shutil.which("unshare"):
        pytest.skip("en lille tmpfs kræver root og unshare")
    (mappe / "disk").mkdir()
    skal = ("mount -t tmpfs -o size=200k tmpfs disk || exit 99; head -c 196000 /dev/zero > disk/fyld; "
            "\"$0\" \"$@\"; kode=$?; ls -A disk > rest.txt; exit $kode")
    kode, fejl = koer(mappe, *args, foran=["unshare", "-m", "sh", "-c", skal])
    if kode == 99:
        pytest.skip("tmpfs kan ikke monteres her")
    return kode, fejl, (mappe / "rest.txt").read_text(encoding="utf-8").split()


@pytest.mark.parametrize("args", [
    ("importer", "g.json", "--til", "disk/ny.takst"),
    ("rul-frem", "a.takst", "--til", "disk/ny.takst"),
    ("rapport", "a.takst", "-o", "disk/r.pdf"),
    ("indmeld", "a.takst", "--cert", "k.p12", "--kodeord-fil", "kode.txt", "-o", "disk/i.indmelding"),
], ids=lambda a: a[0])
def test_en_fuld_disk_siges_paa_dansk_og_efterlader_intet(mappe, args):
    kode, fejl, rest = _paa_fuld_disk(mappe, *args)
    assert kode == 2, fejl
    assert "der er ikke mere plads på disken" in fejl, fejl
    assert not any(e in fejl for e in ENGELSK) and ".ny" not in fejl, fejl
    assert rest == ["fyld"]  # no half file, no temporary file
