"""The PDF til revision and the takstskema carry the fingerprint where the secretariat's verifier
(export/binding) looks for it: plain text on every PDF page with every font embedded, and the
statement in the first rows of every sheet, the contents sheet included."""
from __future__ import annotations

import subprocess

import pytest

from takstberegner import tjeneste
from takstberegner.export import binding, indmelding, rapport, revision_pdf, takstskema_xlsx
from takstberegner.export import zip_laeser as zl

from .conftest import eksempel


@pytest.fixture(scope="module", params=[1, 2])
def filer(request):
    g = eksempel(request.param)
    b = tjeneste.beregn(g)
    _, _, fp = indmelding.json_medlemmer(g, b)
    r = rapport.lav_rapport(g, b, fingeraftryk=fp)
    return fp, revision_pdf.lav_pdf(r), takstskema_xlsx.lav_xlsx(r)


def test_pdf_binder_paa_hver_side_med_indlejrede_skrifter(filer, tmp_path):
    fp, pdf, _ = filer
    assert binding.kontroller_pdf(pdf, fp) is None
    andet = "f" * 64
    assert "hører til en anden beregning" in binding.kontroller_pdf(pdf, andet)
    (tmp_path / "r.pdf").write_bytes(pdf)
    linjer = subprocess.run(["pdffonts", str(tmp_path / "r.pdf")], capture_output=True, text=True,
                            check=True).stdout.splitlines()[2:]
    assert linjer
    for linje in linjer:  # name type encoding emb sub uni object ID
        assert linje.split()[-5] == "yes", linje


def test_xlsx_binder_i_hvert_ark_ogsaa_indholdet(filer):
    fp, _, xlsx = filer
    assert binding.kontroller_xlsx(xlsx, fp) is None
    assert "hører til en anden beregning" in binding.kontroller_xlsx(xlsx, "f" * 64)
    ark = [p for p in zl.katalog(xlsx, 100, streng=False) if p.navn.startswith("xl/worksheets/sheet")]
    assert len(ark) >= 3
    for p in ark:
        hoved = zl.udpak_start(xlsx, p, binding.XLSX_HOVED).decode()
        assert f"Indmeldingens fingeraftryk (SHA-256): {fp}" in hoved, p.navn


def _pdf(stroem: bytes) -> bytes:
    return (b"%PDF-1.4\n1 0 obj\n<< /Type /Page >>\nendobj\n2 0 obj\n<< /Length " + str(len(stroem)).encode()
            + b" /Filter /FlateDecode >>\nstream\n" + stroem + b"\nendstream\nendobj\n%%EOF\n")


def test_pdf_del_med_bytes_efter_sin_slutning_afvises():
    """A page's compressed content must be one whole stream: bytes hidden after its end (inside its
    declared length) are refused, as the ZIP reader refuses them in a member (one bounded inflation
    for both, zip_laeser.inflate; before, the PDF's own copy let them pass)."""
    import zlib

    fp = "0123456789abcdef" * 4
    indhold = b"BT (Fingeraftryk: " + " ".join(fp[i:i + 4] for i in range(0, 64, 4)).encode() + b") Tj ET"
    assert binding.kontroller_pdf(_pdf(zlib.compress(indhold)), fp) is None
    assert binding.kontroller_pdf(_pdf(zlib.compress(indhold) + b"skjult"), fp) == (
        "Takstberegningen til revision (PDF) indeholder en del, der er beskadiget eller urimeligt stor.")
    assert not hasattr(binding, "_inflate")


def test_en_anden_beregnings_skema_naevnes_uden_sha256_hex(filer):
    """The reason names which fingerprint the takstskema shows against the indmelding's by their
    start in groups of four, as `verificer` shows the whole one; before, it held two 64-character
    hex strings."""
    import re

    fp, _, xlsx = filer
    grund = binding.kontroller_xlsx(xlsx, "0123456789abcdef" * 4)
    assert grund == (f"Takstskemaet (Excel) hører til en anden beregning: det viser et andet fingeraftryk "
                     f"({' '.join(fp[i:i + 4] for i in range(0, 16, 4))} …) end indmeldingens data "
                     f"(0123 4567 89ab cdef …).")
    assert not re.search(r"[0-9a-f]{17}", grund)
