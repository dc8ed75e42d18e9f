"""The takstskema read back with openpyxl holds the engine's figures, as numbers."""
from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
import pytest

from takstberegner import dansk
from takstberegner import tjeneste
from takstberegner.domain.model import KATEGORI_NAVNE, KATEGORIER
from takstberegner.export import rapport, takstskema_xlsx

from .conftest import eksempel

OERE = Decimal("0.01")


def d(v) -> Decimal:
    return Decimal(str(v)).quantize(OERE)


def raekker(ws):
    return [list(r) for r in ws.iter_rows(values_only=True)]


def find(rows, foerste: str):
    return [r for r in rows if r and r[0] == foerste]


@pytest.mark.parametrize("n", [1, 2, 3])
def test_xlsx_holder_motorens_tal(n):
    g = eksempel(n)
    b = tjeneste.beregn(g)
    wb = openpyxl.load_workbook(io.BytesIO(takstskema_xlsx.lav_xlsx(rapport.lav_rapport(g, b, "ab" * 32))))
    assert wb.sheetnames[0] == "Oversigt"
    assert len(wb.sheetnames) == 1 + len(b.tilbud)
    oversigt = raekker(wb["Oversigt"])
    for tr in b.tilbud:
        ws = wb[[s for s in wb.sheetnames if s.startswith(tr.id + " ")][0]]
        rows = raekker(ws)
        for tk in tr.takster:
            r = find(rows, tk.ydelse)
            takst_raekke = [x for x in r if x[2] == dansk.vis(tk.enhed)][0]  # the takster table, not the input
            assert d(takst_raekke[4]) == tk.takst
            assert takst_raekke[5] == int(tk.takst_kr)
            if tk.basistakst is not None:
                assert d(takst_raekke[6]) == tk.basistakst and d(takst_raekke[7]) == tk.ydelsestakst
            assert [x for x in oversigt if x[3] == tk.ydelse and d(x[7]) == tk.takst]
        # the category split of the omkostningsgrundlag
        for k in KATEGORIER:
            hits = find(rows, KATEGORI_NAVNE[k])
            assert any(isinstance(h[1], (int, float)) and d(h[1]) == tr.omkostninger[k] for h in hits), k
        assert d(find(rows, "7. Omkostningsgrundlag")[0][1]) == tr.omkostningsgrundlag
        assert d(find(rows, "Takstgrundlag")[-1][1]) == tr.takstgrundlag
        assert d(find(rows, "5. Overhead (SA 5.5.7)")[0][1]) == tr.overhead
        # every takst's category split adds up to the takst on the sheet
        if tr.takster:
            split_start = next(i for i, r in enumerate(rows) if r[0] == "Takster fordelt på omkostningskategorier (SA 5.5.1)")
            split = rows[split_start + 2: split_start + 2 + 10]
            for j, tk in enumerate(tr.takster, 1):
                dele = [d(r[j]) for r in split[:9] if r[j] is not None]
                assert sum(dele) == tk.takst == d(split[9][j])


def test_tal_er_tal_med_danske_formater_frosne_overskrifter_og_udskrift(grundlag1, beregning1):
    wb = openpyxl.load_workbook(io.BytesIO(takstskema_xlsx.lav_xlsx(rapport.lav_rapport(grundlag1, beregning1))))
    ws = wb["T1 Bostedet Nord"]
    celler = {c.value: c for row in ws.iter_rows() for c in row if c.value is not None}
    takst = next(c for row in ws.iter_rows() for c in row if c.value == 1664.74)
    assert takst.data_type == "n" and takst.number_format == "#,##0.00"
    bel = next(c for row in ws.iter_rows() for c in row if c.value == 97 and c.number_format.endswith('" %"'))
    assert bel.number_format == '0.00" %"'
    assert ws.freeze_panes == "A5"
    assert wb["Oversigt"].freeze_panes == "C6"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == "$1:$3"
    assert "Side &P af &N" in ws.oddFooter.center.text
    assert "Bemærkninger" in celler


def test_arknavne_er_gyldige_og_unikke():
    brugte: set[str] = set()
    a = takstskema_xlsx.ark_navn("T1 Et meget langt navn på et tilbud [med] tegn/skråstreg", brugte)
    b = takstskema_xlsx.ark_navn("T1 Et meget langt navn på et tilbud [med] tegn/skråstreg", brugte)
    assert len(a) <= 31 and len(b) <= 31 and a != b
    assert not set("[]:*?/\\") & set(a + b)
