"""User text in the workbooks the program writes comes back from the real xlsx as the same text:
a carriage return is kept (XML turns a bare CR into a line feed), and a lone surrogate (a file
name that is not UTF-8) is removed instead of stopping the takstbilag with a traceback."""
from __future__ import annotations

import dataclasses
import io

import openpyxl
import pytest

from takstberegner import tjeneste
from takstberegner.export import rapport, regneark, takstbilag, takstskema_xlsx
from takstberegner.export.tillid import Tillid


@pytest.mark.parametrize("tekst", ["Linje et\r\nlinje to", "\rførst", "sidst\r", "\tTab først", "<b>&amp;</b> ]]>",
                                   "=1+1", "-5", "+1", "@SUM(A1)", "Bo & Co &P", " mellemrum "])
def test_takstskema_giver_teksten_tilbage_som_den_er(grundlag1, tekst):
    t = grundlag1.tilbud[0]
    g = dataclasses.replace(grundlag1, tilbud=(dataclasses.replace(t, bemaerkninger=tekst),) + grundlag1.tilbud[1:])
    data = takstskema_xlsx.lav_xlsx(rapport.lav_rapport(g, tjeneste.beregn(g)))
    wb = openpyxl.load_workbook(io.BytesIO(data))
    hit = [c for ws in wb for row in ws.iter_rows() for c in row if c.value == tekst]
    assert hit and all(c.data_type == "s" for c in hit)


def test_regneark_tekst_fjerner_enlige_surrogater():
    assert regneark.tekst("a\ud800b\udfffc") == ("abc", True)
    assert regneark.tekst("a\U0001f600b") == ("a\U0001f600b", False)  # a real pair (an emoji) stays


def test_takstbilag_med_et_filnavn_der_ikke_er_utf8(tmp_path):
    """A file name with a byte that is not UTF-8 (copied from another system) reaches Python as a lone
    surrogate ('\\udcff'); the takstbilag stopped with UnicodeEncodeError when it wrote the name on
    the Indmeldinger sheet. The character is removed, and the file is listed (here as refused)."""
    import os
    from pathlib import Path

    sti = Path(os.fsdecode(os.path.join(os.fsencode(str(tmp_path)), b"Nordby \xff.indmelding")))
    sti.write_bytes(b"PK\x05\x06" + b"\0" * 18)
    udvalg = takstbilag.saml([sti], Tillid(roedder=()))
    wb = openpyxl.load_workbook(io.BytesIO(takstbilag.lav_takstbilag(udvalg)))
    tekster = [c.value for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "Nordby .indmelding" in tekster
    assert not any("\udcff" in t for t in tekster)
