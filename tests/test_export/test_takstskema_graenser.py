"""The takstskema at Excel's limits: a sheet past 16.384 columns or 1.048.576 rows is refused in
Danish before anything is written, a row of a long text is never taller than Excel's 409 points,
a text is cut to a cell's 32.767 characters with a mark (a bemærkning is split over rows instead), and no sheet is called 'History'."""
from __future__ import annotations

import dataclasses
import io

import openpyxl
import pytest

from takstberegner import tjeneste
from takstberegner.export import excel_graenser, rapport, takstskema_xlsx

from .conftest import eksempel


def _rapport_med(sektion: rapport.Sektion) -> rapport.Rapport:
    g = eksempel(1)
    r = rapport.lav_rapport(g, tjeneste.beregn(g), "0" * 64)
    t0 = r.tilbud[0]
    return dataclasses.replace(r, tilbud=(dataclasses.replace(t0, sektioner=t0.sektioner + (sektion,)),) + r.tilbud[1:])


def test_et_ark_med_flere_kolonner_end_excel_har_afvises_paa_dansk():
    """A tilbud with more than 16.383 ydelser has a column per ydelse in its takst per kategori;
    the sheet was written with columns past XFD, which Excel cannot open."""
    kolonner = ("Kategori",) + tuple(f"Y{i}" for i in range(excel_graenser.KOLONNER))
    s = rapport.Sektion("Takster fordelt på omkostningskategorier", kolonner, (("Personale",) + ("1",) * 16_384,),
                        noegle="bred", trin=rapport.TRIN[7])
    with pytest.raises(excel_graenser.ForStortRegneark) as e:
        takstskema_xlsx.lav_xlsx(_rapport_med(s))
    assert "16.385 kolonner" in e.value.besked and "højst have 16.384 kolonner" in e.value.besked
    assert "Takster fordelt på omkostningskategorier" in e.value.besked


def test_et_ark_med_flere_raekker_end_excel_har_afvises_paa_dansk():
    s = rapport.Sektion("Lang", ("Tekst",), (("x",),) * excel_graenser.RAEKKER, noegle="lang", trin=rapport.TRIN[2])
    with pytest.raises(excel_graenser.ForStortRegneark) as e:
        takstskema_xlsx.lav_xlsx(_rapport_med(s))
    assert "rækker" in e.value.besked and "1.048.576" in e.value.besked


def _skema(**aendr) -> openpyxl.Workbook:
    g = eksempel(1)
    g = dataclasses.replace(g, tilbud=(dataclasses.replace(g.tilbud[0], **aendr),) + g.tilbud[1:])
    return openpyxl.load_workbook(io.BytesIO(takstskema_xlsx.lav_xlsx(rapport.lav_rapport(g, tjeneste.beregn(g), "0" * 64))))


def test_lang_tekst_afkortes_til_en_celle_og_raekken_hoejst_409_punkter():
    """A begrundelse of 48.000 characters: the cell holds 32.767 ending with '…', and its row asked
    for 13.650 points (Excel's rows are at most 409). (A bemærkning is not cut: it stands in rows of
    at most 30.000 characters, test_takstskema_xlsx.)"""
    bel = dataclasses.replace(eksempel(1).tilbud[0].belaegning, begrundelse="Begrundelse " * 4000)
    ark = _skema(belaegning=bel, bemaerkninger="Bemærkning " * 4000).worksheets[2]
    celle = next(c for row in ark.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("Begrundelse "))
    assert len(celle.value) == 32_767 and celle.value.endswith("…")
    bem = [c.value for row in ark.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("Bemærkning ")]
    assert len(bem) == 2 and "".join(bem) == "Bemærkning " * 4000
    assert max(d.height or 0 for d in ark.row_dimensions.values()) <= 409


def test_intet_ark_hedder_history():
    """Excel keeps the sheet name 'History' for itself and will not open a workbook with one."""
    assert "history" not in [n.lower() for n in _skema(id="History", navn="").sheetnames]


def test_et_langt_navn_paa_mange_raekker_afvises_foer_hukommelsen_slipper_op(monkeypatch):
    """A tilbud name of 32.767 characters on each of 99.000 takst rows would be 3 GB of XML; past
    MAKS_LANG_TEKST characters of long text the workbook is refused in Danish. Shown here with the
    bound lowered to what the example's 60 ydelser reach (the real one takes minutes to reach)."""
    g = eksempel(1)
    t = g.tilbud[0]
    ydelser = tuple(dataclasses.replace(t.ydelser[0], id=f"Y{i}") for i in range(60))
    g = dataclasses.replace(g, tilbud=(dataclasses.replace(t, navn="Navn " * 6000, ydelser=ydelser),) + g.tilbud[1:])
    r = rapport.lav_rapport(g, tjeneste.beregn(g), "0" * 64)
    assert len(takstskema_xlsx.lav_xlsx(r)) > 0
    monkeypatch.setattr(takstskema_xlsx, "MAKS_LANG_TEKST", 60 * 30_000)
    with pytest.raises(excel_graenser.ForStortRegneark) as e:
        takstskema_xlsx.lav_xlsx(r)
    assert "200 mio. tegn" in e.value.besked
