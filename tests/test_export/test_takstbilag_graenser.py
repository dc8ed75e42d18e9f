"""The samlede takstbilag of many submissions: written row by row with bounded memory, and never
past what Excel holds (1.048.576 rows, 16.384 columns, 32.767 characters a cell, 31-character
sheet names unique however cased): refused before anything is written, in Danish, naming the files
that make it too large. Real workbooks, read back with openpyxl."""
from __future__ import annotations

import dataclasses
import io
import tracemalloc
import zipfile
from datetime import datetime, timezone

import openpyxl
import pytest

from takstberegner import tjeneste
from takstberegner.domain import model as m
from takstberegner.export import excel_graenser, takstbilag
from takstberegner.export.takstbilag_ark import Ark, Kolonne, Raekke, byg
from takstberegner.export.takstbilag_udvalg import Indmelding, udvaelg

from .conftest import eksempel

FORMEL = '=HYPERLINK("http://x","klik")'


def _indmelding(nr: int, g: m.Takstgrundlag, navn: str | None = None) -> Indmelding:
    g = dataclasses.replace(g, driftsherre=m.Driftsherre(navn or f"Kommune {nr}", f"{29189000 + nr:08d}"))
    return Indmelding(f"kommune-{nr}.indmelding", True, driftsherre=g.driftsherre.navn, cvr=g.driftsherre.cvr,
                      takstaar=g.takstaar, signeringstid=datetime(2026, 9, 1, tzinfo=timezone.utc),
                      sha256=f"{nr:064x}", grundlag=g, beregning=tjeneste.beregn(g))


@pytest.fixture(scope="module")
def stor_region():
    """20 driftsherrer with eksempel 1's tilbud 40 times each: 820 takst rows."""
    g = eksempel(1)
    t = g.tilbud[0]
    g = dataclasses.replace(g, tilbud=tuple(dataclasses.replace(t, id=f"T{i}", navn=f"Bostedet {i}")
                                            for i in range(40)))
    ind = [_indmelding(i, g, FORMEL if i == 7 else None) for i in range(1, 21)]
    return udvaelg(ind)


def test_mange_raekker_skrives_med_begraenset_hukommelse(stor_region):
    """820 takst rows plus the other sheets: openpyxl's normal mode kept every cell as an object
    until saving (about 30 KB a row; 12.000 rows took 363 MB); written row by row, Python's
    allocations while writing stay a few MB above the prepared rows themselves."""
    bilag = byg(stor_region)
    assert len(bilag.ark[0].raekker) == 820
    tracemalloc.start()
    try:
        data = takstbilag.skriv(bilag)
        _, top = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert top < 6 * 1024 * 1024, top  # 19,8 MB in normal mode (lav_takstbilag, 1,6 MB now)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb["Takster"]
    assert ws.max_row == 3 + 820 and ws.freeze_panes == "E4"
    (tabel,) = ws.tables.values()
    assert tabel.ref == f"A3:{openpyxl.utils.get_column_letter(ws.max_column)}823"
    ro = openpyxl.load_workbook(io.BytesIO(data), read_only=True)  # trusts the sheet's <dimension>
    assert (ro["Takster"].max_row, ro["Takster"].max_column) == (823, ws.max_column)
    # a name from someone's text that starts like a formula is a string cell, never a formula
    formler = [c for row in ws.iter_rows(min_row=4) for c in row if c.value == FORMEL]
    assert len(formler) == 41 and all(c.data_type == "s" for c in formler)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert not any(b"<f>" in z.read(n) or b"<f " in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))


def test_for_mange_raekker_afvises_og_filerne_naevnes(stor_region):
    bilag = byg(stor_region)
    takster = bilag.ark[0]
    fra_7 = next(r for r in takster.raekker if r.kilde == 7)
    takster.raekker.extend([fra_7] * (excel_graenser.RAEKKER - 3 - len(takster.raekker) + 1))
    with pytest.raises(excel_graenser.ForStortRegneark) as e:
        takstbilag.skriv(bilag)
    assert e.value.besked.startswith("Takstbilaget kan ikke laves: arket Takster ville få 1.048.577 rækker, men Excel "
                                     "kan højst have 1.048.576 rækker i et ark.")
    assert "Mest fra nr. 7 (kommune-7.indmelding) med 1.047.795 rækker" in e.value.besked
    assert "færre indmeldinger ad gangen" in e.value.besked


def test_for_mange_kolonner_afvises(stor_region):
    bilag = byg(stor_region)
    fordeling = next(a for a in bilag.ark if a.navn == "Fordeling")
    fordeling.kolonner = fordeling.kolonner + [Kolonne(f"Kommune {i}", 11) for i in range(excel_graenser.KOLONNER)]
    fordeling.raekker.append(Raekke({"Kommune 5": 1, "Kommune 6": 2}, kilde=3))
    with pytest.raises(excel_graenser.ForStortRegneark) as e:
        takstbilag.skriv(bilag)
    assert "arket Fordeling ville få 16.388 kolonner, men Excel kan højst have 16.384 kolonner" in e.value.besked
    assert "nr. 3 (kommune-3.indmelding) med 2 udfyldte celler" in e.value.besked


def test_tekst_over_en_celles_graense_i_en_godkendt_indmelding_afvises_ikke_forkortet():
    """A counted submission's bemærkning of 40.000 characters was cut to 32.767 without a word;
    now the bilag is refused, naming the file and the column."""
    g = eksempel(2)
    lang = dataclasses.replace(g, tilbud=(dataclasses.replace(g.tilbud[0], bemaerkninger="Lang. " * 7000),))
    udvalg = udvaelg([_indmelding(1, eksempel(2)), _indmelding(2, lang)])
    with pytest.raises(excel_graenser.ForStortRegneark) as e:
        takstbilag.lav_takstbilag(udvalg)
    assert e.value.besked == (
        "Takstbilaget kan ikke laves: arket Takster har tekst på mere end 32.767 tegn (fx i kolonnen Bemærkninger), "
        "og så meget kan en celle i Excel ikke rumme. Mest fra nr. 2 (kommune-2.indmelding) med 1 for lang tekst. "
        "Bed driftsherren om en indmelding med kortere tekst, eller lav takstbilaget uden den.")
    # without it the bilag is written
    wb = openpyxl.load_workbook(io.BytesIO(takstbilag.lav_takstbilag(udvaelg([_indmelding(1, eksempel(2))]))))
    assert wb.sheetnames[0] == "Takster"


@pytest.mark.parametrize("navne", [["Takster", "x" * 32], ["Takster", "TAKSTER"], ["Takster", "A/B"]])
def test_arknavne_som_excel_ikke_kan_bruge_afvises(navne, stor_region):
    bilag = byg(stor_region)
    bilag.ark = [Ark(n, "t", "f", f"Tabel{i}", [Kolonne("A", 5)]) for i, n in enumerate(navne)]
    with pytest.raises(excel_graenser.ForStortRegneark, match=f"arknavnet '{navne[1][:40]}' kan ikke bruges i Excel"):
        takstbilag.skriv(bilag)


def test_retningstegn_vendes_aldrig_i_takstbilaget_eller_sammenligningen(tmp_path):
    """A bemærkning (which may hold line breaks, so the validation leaves it) with a direction
    override showed turned around in DAS's workbook; a name in someone else's bilag likewise in the
    sammenligning. Both are shown without it, and the bilag notes what was removed."""
    from takstberegner.export.takstbilag_laes import KRAEVEDE, laes_takstbilag

    g = eksempel(2)
    g = dataclasses.replace(g, tilbud=(dataclasses.replace(g.tilbud[0], bemaerkninger="Se \u202enoitnetta\u200b"),))
    wb = openpyxl.load_workbook(io.BytesIO(takstbilag.lav_takstbilag(udvaelg([_indmelding(1, g)]))))
    hoved = [c.value for c in wb["Takster"][3]]
    raekke = dict(zip(hoved, next(wb["Takster"].iter_rows(min_row=4, values_only=True))))
    assert raekke["Bemærkninger"] == "Se noitnetta"
    noter = [r[-1] for r in wb["Indmeldinger"].iter_rows(min_row=4, values_only=True)]
    assert "Kontroltegn er fjernet fra teksten i Bemærkninger" in noter[0]
    fremmed = openpyxl.Workbook()
    ws = fremmed.active
    ws.title = "Takster"
    ws.append(list(KRAEVEDE))
    ws.append(["Nordby \u202eenummoK", "1", "Bo\u2066sted", "SEL § 107", "Botilbud", "Døgn", "Døgn", 1000])
    fremmed.save(tmp_path / "fremmed.xlsx")
    (t,) = laes_takstbilag(tmp_path / "fremmed.xlsx").takster
    assert (t.driftsherre, t.tilbud) == ("Nordby enummoK", "Bosted")
