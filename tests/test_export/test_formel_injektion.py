"""Text that looks like a formula never becomes one in a workbook the program writes: a driftsherre,
tilbud, ydelse or pulje name, a paragraf, a begrundelse, sundhedsydelser, a bemærkning (which may
start with a tab or a carriage return) and budget texts imported from a CSV, each starting with
= + - @, go through the real commands (importer, takstskema, indmeld, takstbilag), and the workbooks
are read back with openpyxl (data_type) and as raw XML (no <f> holds one)."""
from __future__ import annotations

import dataclasses
import re
import zipfile
from pathlib import Path

import openpyxl

from takstberegner.cli import main
from takstberegner.formats import takstgrundlag as F
from takstberegner.storage import TakstFil

EKSEMPEL = Path(__file__).parents[1] / "data" / "eksempler" / "eksempel-1-bostedet-nord.takstgrundlag.json"


def _grundlag():
    g = F.laes_fil(EKSEMPEL)
    t = g.tilbud[0]
    t = dataclasses.replace(
        t, navn="+ANGREB2 Bosted", paragraf="@ANGREB4", bemaerkninger="\t=ANGREB7+1\r\n\r=ANGREB8+1\n-ANGREB9",
        belaegning=dataclasses.replace(t.belaegning, begrundelse="=ANGREB10+1") if t.belaegning else None,
        ydelser=tuple(dataclasses.replace(y, navn=f"-ANGREB3 {i}", sundhedsydelser="=ANGREB11+1")
                      for i, y in enumerate(t.ydelser)))
    puljer = tuple(dataclasses.replace(p, navn="=ANGREB12+1") for p in g.overheadpuljer)
    return dataclasses.replace(g, driftsherre=dataclasses.replace(g.driftsherre, navn='=HYPERLINK("x","ANGREB1")'),
                               tilbud=(t,) + g.tilbud[1:], overheadpuljer=puljer)


def _celler(sti: Path) -> tuple[list, list[str]]:
    """Every cell of the workbook, and the text of every <f> in its sheets' raw XML."""
    wb = openpyxl.load_workbook(sti)
    celler = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    with zipfile.ZipFile(sti) as z:
        formler = [f for n in z.namelist() if n.startswith("xl/worksheets/")
                   for f in re.findall(r"<f[^>]*>(.*?)</f>", z.read(n).decode("utf-8"), re.S)]
    return celler, formler


def _ingen_formel(sti: Path, skal_staa: set[str]) -> None:
    celler, formler = _celler(sti)
    # a tilbud's name reaches a formula only as a sheet's name, quoted (with no ' in it)
    assert not [f for f in formler if "ANGREB" in re.sub(r"'[^']*'!", "", f)], sti.name
    assert not [c.coordinate for c in celler
                if c.data_type == "f" and "ANGREB" in re.sub(r"'[^']*'!", "", str(c.value))], sti.name
    tekster = [c for c in celler if c.data_type != "f" and isinstance(c.value, str) and "ANGREB" in c.value]
    assert all(c.data_type == "s" for c in tekster), [(c.parent.title, c.coordinate, c.data_type) for c in tekster]
    staar = {m for c in tekster for m in re.findall(r"ANGREB\d+", c.value)}
    assert skal_staa <= staar, skal_staa - staar


def test_formellignende_tekst_forbliver_tekst_i_takstskema_og_takstbilag(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TAKSTBEREGNER_DATA", str(tmp_path / "data"))
    takst = tmp_path / "a.takst"
    TakstFil.opret(takst, _grundlag()).luk()
    budget = tmp_path / "budget.csv"
    budget.write_text('Konto;Tekst;Beløb\r\n2.2;=ANGREB13+1;100\r\n2.7;"\t=ANGREB14+1";7\r\n4.5;@ANGREB15;3\r\n'
                      '2.2;"\r=ANGREB16+1";5\r\n', encoding="utf-8")
    assert main(["importer", str(budget), "--til", str(takst), "--tilbud-id", "T1", "--tilfoej", "--ja"]) == 0
    skema = tmp_path / "s.xlsx"
    assert main(["takstskema", str(takst), "-o", str(skema)]) == 0
    alle = {f"ANGREB{i}" for i in (1, 2, 3, 4, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16)}
    _ingen_formel(skema, alle)
    kode = tmp_path / "k.txt"
    kode.write_text("Rødgrød med fløde\n", encoding="utf-8")
    assert main(["noegle", str(takst), "--kodeord-fil", str(kode), "-o", str(tmp_path / "k.p12"),
                 "--cert-ud", str(tmp_path / "k.pem")]) == 0
    ind = tmp_path / "i.indmelding"
    assert main(["indmeld", str(takst), "--cert", str(tmp_path / "k.p12"), "--kodeord-fil", str(kode),
                 "-o", str(ind)]) == 0, capsys.readouterr()
    with zipfile.ZipFile(ind) as z:
        (tmp_path / "indmeldt.xlsx").write_bytes(z.read("takstskema.xlsx"))
    _ingen_formel(tmp_path / "indmeldt.xlsx", alle)
    bilag = tmp_path / "b.xlsx"
    assert main(["takstbilag", str(ind), "--tillid", str(tmp_path / "k.pem"), "-o", str(bilag)]) == 0, \
        capsys.readouterr()
    _ingen_formel(bilag, {"ANGREB1", "ANGREB2", "ANGREB3", "ANGREB4", "ANGREB7"})
