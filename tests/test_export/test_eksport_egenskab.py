"""Property: for any takstgrundlag a .takst file can hold (the storage tests' strategy), with
texts as long and strange as the storage lets them be, `takstberegner rapport` writes a PDF that
pdftotext reads back with the takstår and the takster in it, and `takstberegner takstskema` a
workbook that openpyxl opens with a sheet per tilbud, or either refuses in Danish; never a
traceback (the real command, in process, on a real .takst file)."""
from __future__ import annotations

import contextlib
import dataclasses
import io
import subprocess
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from takstberegner import cli, dansk, tjeneste
from takstberegner.storage import TakstFil
from test_storage import modeller

LANGE = st.sampled_from([
    ("Bemærkning om belægningen. " * 400)[:10_000],
    "Ord" + "x" * 497,
    "linje 1\nlinje 2\r\nlinje 3\rlinje 4\n\n\n",
    "Hebraisk שלום \u202eomvendt\u202c arabisk مرحبا emoji 😀👍🏽 kinesisk 漢字 \ud7ff",
    '=HYPERLINK("http://x","klik")',
    " " * 3000,
    "æøå" * 4000,
])


@st.composite
def grundlag(draw):
    """The storage's model, with a long text put where a user can type one."""
    g = draw(modeller.grundlag)
    lang = draw(LANGE)
    steder = draw(st.sets(st.sampled_from(["driftsherre", "tilbud", "bemaerkning", "ydelse", "linje", "pulje"])))
    if "driftsherre" in steder:
        g = dataclasses.replace(g, driftsherre=dataclasses.replace(g.driftsherre, navn=lang))
    if "pulje" in steder and g.overheadpuljer:
        g = dataclasses.replace(g, overheadpuljer=(dataclasses.replace(g.overheadpuljer[0], navn=lang),)
                                + g.overheadpuljer[1:])
    tilbud = []
    for t in g.tilbud:
        if "tilbud" in steder:
            t = dataclasses.replace(t, navn=lang)
        if "bemaerkning" in steder:
            t = dataclasses.replace(t, bemaerkninger=lang)
        if "ydelse" in steder:
            t = dataclasses.replace(t, ydelser=tuple(dataclasses.replace(y, navn=lang) for y in t.ydelser))
        if "linje" in steder:
            t = dataclasses.replace(t, omkostninger=tuple(dataclasses.replace(x, tekst=lang) for x in t.omkostninger))
        tilbud.append(t)
    return dataclasses.replace(g, tilbud=tuple(tilbud))


def _koer(*argv: str) -> tuple[int, str]:
    """The command in this process; its streams have bytes under them, as a console's do."""
    ud, fejl = (io.TextIOWrapper(io.BytesIO(), encoding="utf-8") for _ in range(2))
    with contextlib.redirect_stderr(fejl), contextlib.redirect_stdout(ud):
        rc = cli.main(list(argv))
    fejl.flush()
    return rc, fejl.buffer.getvalue().decode("utf-8")


def _dansk_afvisning(rc: int, fejl: str) -> None:
    assert rc == 2, (rc, fejl)  # a refusal (Fejl), not a program error's crash log
    assert fejl.startswith("takstberegner: ") and "Traceback" not in fejl and "Error" not in fejl, fejl


@settings(max_examples=12, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(grundlag())
def test_rapport_og_takstskema_for_alt_lageret_kan_holde(g):
    b = tjeneste.beregn(g)
    takster = [dansk.tal(tk.takst) for tr in b.tilbud for tk in tr.takster][:5]
    with tempfile.TemporaryDirectory() as d:
        fil, pdf, xlsx = Path(d) / "x.takst", Path(d) / "r.pdf", Path(d) / "s.xlsx"
        TakstFil.opret(fil, g).luk()

        rc, fejl = _koer("rapport", str(fil), "-o", str(pdf))
        if rc:
            _dansk_afvisning(rc, fejl)
        else:
            tekst = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
            assert f"takstår {g.takstaar}" in tekst
            for t in takster:
                assert t in tekst, t

        rc, fejl = _koer("takstskema", str(fil), "-o", str(xlsx))
        if rc:
            _dansk_afvisning(rc, fejl)
        else:
            wb = load_workbook(xlsx, read_only=True)
            assert len(wb.sheetnames) == 2 + len(g.tilbud)
            assert all(len(n) <= 31 for n in wb.sheetnames)
            wb.close()


def test_et_uendeligt_beloeb_afvises_paa_dansk_med_stedet(tmp_path):
    """A budget amount of Infinity (the file holds it; validation reports it) made `rapport` and
    `takstskema` crash with decimal.InvalidOperation in the report's bridge; now both refuse in
    Danish, naming where the amount is."""
    from decimal import Decimal

    from .conftest import eksempel

    g = eksempel(1)
    t = g.tilbud[0]
    t = dataclasses.replace(t, omkostninger=(dataclasses.replace(t.omkostninger[0], beloeb=Decimal("Infinity")),)
                            + t.omkostninger[1:])
    fil = tmp_path / "x.takst"
    TakstFil.opret(fil, dataclasses.replace(g, tilbud=(t,) + g.tilbud[1:])).luk()
    for kommando, ud in (("rapport", "r.pdf"), ("takstskema", "s.xlsx")):
        rc, fejl = _koer(kommando, str(fil), "-o", str(tmp_path / ud))
        _dansk_afvisning(rc, fejl)
        assert "kan ikke dannes" in fejl and "Bostedet Nord › Budget › linje 1 › Beløb" in fejl, fejl
        assert not (tmp_path / ud).exists()
