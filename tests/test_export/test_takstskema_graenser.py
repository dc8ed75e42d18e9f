"""The takstskema at Excel's limits: a sheet past 16.384 columns or 1.048.576 rows is refused in
Danish before anything is written, a row of a long text is never taller than Excel's 409 points,
a text longer than a cell's 32.767 characters stands whole in rows after its table (a bemærkning in its own rows), and no sheet is called 'History'."""
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


def _tekster(ark) -> list:
    return [c for row in ark.iter_rows() for c in row if isinstance(c.value, str)]


def _saetninger(hvad: str, n: int) -> str:
    return " ".join(f"{hvad} {i} om pladserne." for i in range(n))


def test_en_begrundelse_laengere_end_en_celle_staar_hel_i_raekker_under_tabellen():
    """Known defect: a begrundelse longer than a cell's 32.767 characters (the validation bounds
    no text) was cut there with '…': the auditor lost its end (48.000 characters: a third). Now
    its cell holds its start and '[… fortsat under tabellen]', and after the table a row names
    the cell and the number of characters, and rows of at most 30.000 characters hold the whole
    text (split as a bemærkning is), which joined is the begrundelse. No row is taller than
    Excel's 409 points."""
    begr = _saetninger("Begrundelse", 2000)  # 60.889 characters
    bel = dataclasses.replace(eksempel(1).tilbud[0].belaegning, begrundelse=begr)
    ark = _skema(belaegning=bel, bemaerkninger="Bemærkning " * 4000).worksheets[2]
    celler = _tekster(ark)
    celle = next(c for c in celler if c.value.startswith("Begrundelse 0 "))
    assert celle.value.endswith(" [… fortsat under tabellen]") and len(celle.value) < 400
    assert ark.row_dimensions[celle.row].height < 200  # its start, not a row of Excel's 409 points
    i = next(k for k, c in enumerate(celler) if c.value.startswith(f"Celle {celle.coordinate} (Felt Begrundelse)"))
    assert celler[i].value == (f"Celle {celle.coordinate} (Felt Begrundelse), Værdi: hele teksten (60.889 tegn) i "
                               "3 rækker herunder:")
    assert celler[i - 1].value == "Belægning og pladsdøgn (SA 5.2): tekster i fuld længde"
    stykker = [c.value for c in celler[i + 1: i + 4]]
    assert all(len(x) <= 30_000 for x in stykker) and "".join(stykker) == begr
    assert [c.row for c in celler[i + 1: i + 4]] == [celler[i].row + 1, celler[i].row + 2, celler[i].row + 3]
    assert not any(c.value.endswith("…") for c in celler if "Begrundelse" in c.value)
    bem = [c.value for c in celler if c.value.startswith("Bemærkning ")]
    assert len(bem) == 2 and "".join(bem) == "Bemærkning " * 4000
    assert max(d.height or 0 for d in ark.row_dimensions.values()) <= 409


def test_et_navn_laengere_end_en_celle_staar_helt_en_gang_og_senere_tabeller_henviser_dertil():
    """A tilbud name of 40.889 characters stands in many tables (takster, i alt, overhead on the
    Oversigt sheet; Stamdata on the tilbud's). It was cut in each at 32.767 characters. It now
    stands whole once per workbook after the first table that holds it; every later table's
    row says where, and the formulas below still compute (the rows they point at moved down)."""
    navn = _saetninger("Navnedel", 1500)
    wb = _skema(navn=navn)
    oversigt = _tekster(wb["Oversigt"])
    henvisninger = [c.value for c in oversigt if "står under 'Oversigt over takster: tekster i fuld længde' på "
                    "arket Oversigt" in c.value]
    assert len(henvisninger) >= 2
    i = next(k for k, c in enumerate(oversigt) if "Tilbudsnavn: hele teksten (40.889 tegn) i 2 rækker herunder" in c.value)
    assert "".join(c.value for c in oversigt[i + 1: i + 3]) == navn
    alle = [c.value for ark in wb.worksheets for c in _tekster(ark)]
    assert sum(x.startswith("Navnedel 0 ") and not x.endswith("[… fortsat under tabellen]") for x in alle) == 1
    # Stamdata's 'T1 <navn>' is another text: whole once on the tilbud's own sheet
    assert sum(x.startswith("T1 Navnedel 0 ") and x.endswith("Navnedel 1110 om pladserne. ") for x in alle) == 1


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
