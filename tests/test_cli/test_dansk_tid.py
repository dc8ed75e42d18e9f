"""Every time an output or a message shows is Danish time, said the same way ('03-12-2026 kl. 12:10'),
whatever zone the PC is set to. The real command runs in a subprocess with TZ set to UTC, New York or
Kiritimati (UTC+14, another date than Denmark's most of the day); the PDF is read back with pdftotext
and the workbook with openpyxl. Before, the PDF's 'Dannet' was the PC's date (or, in an indmelding, the
UTC date), the takstbilag's footer the PC's clock, and a refused signing time was said in UTC."""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest

KOMMANDO = Path(sys.executable).parent / "takstberegner"
KOEBENHAVN = ZoneInfo("Europe/Copenhagen")


def koer(mappe: Path, tz: str, *args: str) -> tuple[int, str, str]:
    env = {**os.environ, "TZ": tz, "TAKSTBEREGNER_DATA": str(mappe.parent / "data"),
           "XDG_CONFIG_HOME": str(mappe.parent / "config")}
    r = subprocess.run([str(KOMMANDO), *map(str, args)], cwd=mappe, check=False, capture_output=True,
                       timeout=120, env=env, stdin=subprocess.DEVNULL)
    return r.returncode, r.stdout.decode("utf-8"), r.stderr.decode("utf-8")


def dansk(t: datetime, sekunder: bool = False) -> str:
    d = t.astimezone(KOEBENHAVN)
    return f"{d:%d-%m-%Y} kl. {d:%H:%M:%S}" if sekunder else f"{d:%d-%m-%Y} kl. {d:%H:%M}"


def minutter(fra: datetime, til: datetime) -> set[str]:
    """Every Danish minute from `fra` to `til` (a command may run across a minute's turn)."""
    ud, t = set(), fra.replace(second=0, microsecond=0)
    while t <= til:
        ud.add(dansk(t))
        t += timedelta(minutes=1)
    return ud


def pdf_tekst(pdf: bytes, tmp: Path) -> str:
    assert shutil.which("pdftotext"), "poppler-utils skal være installeret"
    (tmp / "x.pdf").write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(tmp / "x.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.fixture
def mappe(skabelon, tmp_path) -> Path:
    m = tmp_path / "filer"
    shutil.copytree(skabelon, m)
    return m


@pytest.mark.parametrize("tz", ["UTC", "Pacific/Kiritimati"])
def test_pdfens_dannet_er_dansk_tid(mappe, tmp_path, tz):
    foer = datetime.now(timezone.utc)
    rc, _, err = koer(mappe, tz, "rapport", "a.takst", "-o", "r.pdf")
    efter = datetime.now(timezone.utc)
    assert rc == 0, err
    tekst = pdf_tekst((mappe / "r.pdf").read_bytes(), tmp_path)
    forventet = minutter(foer, efter)
    assert any(f"Dannet {m} · Takstberegner" in tekst for m in forventet), (forventet, tekst[-600:])
    assert any(f"Dannet {m} med Takstberegner" in tekst for m in forventet)


def test_indmeldingens_pdf_og_verificer_siger_signeringstiden_i_dansk_tid(mappe, tmp_path):
    """The PDF in an indmelding is 'dannet' when it is signed: the same minute verificer prints, in Danish
    time, signed on a PC in Kiritimati and verified on one in New York."""
    rc, indmeldt, err = koer(mappe, "Pacific/Kiritimati", "indmeld", "a.takst", "--cert", "k.p12", "--kodeord-fil",
                             "kode.txt", "-o", "j.indmelding")
    assert rc == 0, err
    with zipfile.ZipFile(mappe / "j.indmelding") as z:
        pdf = z.read("takstberegning.pdf")
    rc, ud, err = koer(mappe, "America/New_York", "verificer", "j.indmelding", "--tillid", "k.pem")
    assert rc == 0, err
    linje = next(l for l in ud.splitlines() if l.startswith("Signeret:"))
    assert linje in indmeldt.splitlines()  # indmeld says it the same way
    signeret = linje.split(":", 1)[1].strip()
    assert signeret.endswith(" (dansk tid)")
    tid = datetime.strptime(signeret.removesuffix(" (dansk tid)"), "%d-%m-%Y kl. %H:%M:%S")
    assert abs(tid.replace(tzinfo=KOEBENHAVN) - datetime.now(timezone.utc)) < timedelta(minutes=5)
    assert f"Dannet {tid:%d-%m-%Y} kl. {tid:%H:%M} · Takstberegner" in pdf_tekst(pdf, tmp_path)


@pytest.mark.parametrize("tz", ["UTC", "America/New_York"])
def test_takstbilagets_sidefod_er_dansk_tid(mappe, tz):
    foer = datetime.now(timezone.utc)
    rc, _, err = koer(mappe, tz, "takstbilag", "i.indmelding", "--tillid", "k.pem", "-o", "b.xlsx")
    efter = datetime.now(timezone.utc)
    assert rc == 0, err
    wb = openpyxl.load_workbook(io.BytesIO((mappe / "b.xlsx").read_bytes()))
    forventet = {f"Dannet {m}" for m in minutter(foer, efter)}
    for ws in wb.worksheets:
        assert ws.oddFooter.left.text in forventet, (ws.title, ws.oddFooter.left.text, forventet)


def test_en_afvist_signeringstid_siges_i_dansk_tid():
    """verificer's reasons name a signing time the way every other output does, not in UTC."""
    from takstberegner.dansk import tidspunkt

    vinter = datetime(2020, 3, 1, 10, 0, tzinfo=timezone.utc)
    sommer = datetime(2026, 7, 1, 22, 30, tzinfo=timezone.utc)
    assert tidspunkt(vinter) == "01-03-2020 kl. 11:00"
    assert tidspunkt(sommer, sekunder=True) == "02-07-2026 kl. 00:30:00"
    assert tidspunkt(sommer, sekunder=True, zone=True) == "02-07-2026 kl. 00:30:00 (dansk tid)"
    assert tidspunkt(datetime(9999, 12, 31, 23, 59, tzinfo=timezone.utc)) == "31-12-9999 kl. 23:59 UTC"
