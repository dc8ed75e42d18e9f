"""The PDF til revision: pdftotext finds every takst, the fingerprint, page numbers and version."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from takstberegner import __version__, dansk, tjeneste
from takstberegner.export import indmelding, rapport, revision_pdf

from .conftest import eksempel


def pdftekst(tmp_path, data: bytes) -> str:
    assert shutil.which("pdftotext"), "poppler-utils skal være installeret"
    (tmp_path / "r.pdf").write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(tmp_path / "r.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout


@pytest.mark.parametrize("n", [1, 2, 3])
def test_pdf_viser_hver_takst_og_hvert_trin(n, tmp_path):
    g = eksempel(n)
    b = tjeneste.beregn(g)
    _, _, fp = indmelding.json_medlemmer(g, b)
    tekst = pdftekst(tmp_path, revision_pdf.lav_pdf(rapport.lav_rapport(g, b, fingeraftryk=fp)))
    assert "Takstberegning til revision" in tekst
    for tr in b.tilbud:
        for tk in tr.takster:
            assert dansk.tal(tk.takst) in tekst, tk
        for v in (tr.omkostningsgrundlag, tr.takstgrundlag, tr.overhead, tr.direkte_omkostninger):
            assert dansk.tal(v) in tekst
        for a in tr.anlaeg:
            assert dansk.tal(a.forrentning) in tekst
        for r in tr.reguleringer:
            assert dansk.tal(r.regulering) in tekst
    for trin in ("Trin 1:", "Trin 3-4:", "Trin 5:", "Trin 1-7:", "Trin 9:", "Trin 12:"):
        assert trin in tekst
    sider = tekst.count("\f")
    assert f"Side 1 af {sider}" in tekst and f"Side {sider} af {sider}" in tekst
    assert indmelding.vis_fingeraftryk(fp) in tekst
    assert f"Takstberegner {__version__}" in tekst
    for f in b.alle_fund():
        assert f.kode in tekst


def test_pdf_med_fejl_er_maerket_udkast(grundlag1, tmp_path):
    import dataclasses


    t = grundlag1.tilbud[0]
    g = dataclasses.replace(grundlag1, tilbud=(dataclasses.replace(t, pladser_forrige_aar=10),))
    b = tjeneste.beregn(g)
    assert b.har_fejl
    tekst = pdftekst(tmp_path, revision_pdf.lav_pdf(rapport.lav_rapport(g, b)))
    assert "UDKAST" in tekst and "PLADSER-AENDRET" in tekst
