"""What an auditor or a colleague reads in the PDF til revision and the takstskema: no reference to
the program's own specification (SPEC §…), no internal file name (takstgrundlag.json), no finding
code, no English word; references are to the Styringsaftale (SA x.y) or in plain words."""
from __future__ import annotations

import io
import re
import subprocess

import openpyxl
import pytest

from takstberegner import tjeneste
from takstberegner.domain import navne
from takstberegner.export import indmelding, rapport, revision_pdf, takstskema_xlsx
from takstberegner.formats.regelsaet import regelsaet_for

from . import bilag_data
from .conftest import eksempel

FORBUDT = re.compile(r"SPEC|§ ?\d+\.\d+[a-z]|\.json|JSON|motor|\b(?:the|and|of|key|engine|None|True|False)\b")


def _tekster(g, tmp_path) -> list[str]:
    b = tjeneste.beregn(g)
    _, _, fp = indmelding.json_medlemmer(g, b)
    r = rapport.lav_rapport(g, b, fingeraftryk=fp)
    (tmp_path / "r.pdf").write_bytes(revision_pdf.lav_pdf(r))
    ud = subprocess.run(["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True,
                        check=True).stdout.splitlines()
    wb = openpyxl.load_workbook(io.BytesIO(takstskema_xlsx.lav_xlsx(r)))
    for ws in wb.worksheets:
        ud.append(ws.title)
        ud += [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str) and not c.value.startswith("=")]
    return ud


@pytest.mark.parametrize("g", [bilag_data.grundlag_a(), bilag_data.grundlag_b("Anden udgave."), eksempel(3)],
                         ids=["objektiv-traekningsret-kategori1", "formelnavn", "nyt-tilbud"])
def test_ingen_spec_filnavne_koder_eller_engelsk(g, tmp_path):
    tekster = _tekster(g, tmp_path)
    daarlige = sorted({t for t in tekster if FORBUDT.search(t)})
    assert daarlige == []
    koder = set(regelsaet_for(g.takstaar).fund)
    alt = "\n".join(tekster)
    assert not [k for k in koder if re.search(rf"(?<![\w-]){re.escape(k)}(?![\w-])", alt)]
    # the references that replaced SPEC's are there, as the Styringsaftale's
    assert "(SA 5.5.7)" in alt and "(SA 3.1, 5.5.2)" in alt
    if any(t.objektiv_finansiering for t in g.tilbud):
        assert "(SA 4.2.1)" in alt
    assert "Fingeraftrykket er en kontrolsum (SHA-256) over de to datafiler" in " ".join(alt.split())


def test_hvert_fund_har_et_dansk_navn():
    for kode in regelsaet_for(2026).fund:
        assert kode in navne.FUND and navne.FUND[kode] != kode
