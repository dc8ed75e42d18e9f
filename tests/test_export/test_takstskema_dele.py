"""The takstskema in an indmelding holds exactly the parts the program writes (export/takstskema_dele):
before, binding read only xl/worksheets/sheetN.xml for the fingerprint, so a signer could add a
chartsheet, a worksheet under another name, a hidden sheet or a link to another part, and show
figures there that the verifier never looked at."""
from __future__ import annotations

import io
import zipfile

import pytest

from takstberegner import tjeneste
from takstberegner.export import binding, indmelding, rapport, takstskema_xlsx, verifikation
from takstberegner.export.tillid import Tillid

from .conftest import TID, eksempel
from .test_korpus import X, Kilde
from . import forfalskning as ff


@pytest.fixture(scope="module")
def skema():
    g = eksempel(1)
    b = tjeneste.beregn(g)
    fp = indmelding.json_medlemmer(g, b)[2]
    return fp, takstskema_xlsx.lav_xlsx(rapport.lav_rapport(g, b, fingeraftryk=fp))


def _om(xlsx: bytes, aendr=None, tilfoej=None) -> bytes:
    """The workbook rewritten with members changed (name -> function of the bytes) or added."""
    zin = zipfile.ZipFile(io.BytesIO(xlsx))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for i in zin.infolist():
            d = zin.read(i)
            z.writestr(i.filename, (aendr or {}).get(i.filename, lambda x: x)(d))
        for n, d in (tilfoej or {}).items():
            z.writestr(n, d)
    return buf.getvalue()


def _ark(xlsx: bytes) -> bytes:
    return zipfile.ZipFile(io.BytesIO(xlsx)).read("xl/worksheets/sheet2.xml")


IKKE_VORES = "Takstskemaet (Excel) er ikke lavet af Takstberegner eller er ændret bagefter: "
FJENDTLIGE = [
    ("diagramark", lambda x: _om(x, tilfoej={"xl/chartsheets/sheet1.xml": _ark(x)}),
     "Takstskemaet (Excel) indeholder en del, som Takstberegner aldrig skriver ('xl/chartsheets/sheet1.xml'); "
     "tal i den kontrolleres ikke, så skemaet afvises."),
    ("makroark", lambda x: _om(x, tilfoej={"xl/macrosheets/sheet1.xml": _ark(x)}),
     "Takstskemaet (Excel) indeholder en del, som Takstberegner aldrig skriver ('xl/macrosheets/sheet1.xml'); "
     "tal i den kontrolleres ikke, så skemaet afvises."),
    ("ark-med-andet-navn", lambda x: _om(x, tilfoej={"xl/worksheets/ark.xml": _ark(x)}),
     "Takstskemaet (Excel) indeholder en del, som Takstberegner aldrig skriver ('xl/worksheets/ark.xml'); "
     "tal i den kontrolleres ikke, så skemaet afvises."),
    ("ekstra-ark-uden-for-projektmappen", lambda x: _om(x, tilfoej={"xl/worksheets/sheet4.xml": _ark(x)}),
     IKKE_VORES + "projektmappen henviser til andre dele end sine ark og sin formatering."),
    ("skjult-ark", lambda x: _om(x, aendr={"xl/workbook.xml": lambda d: d.replace(
        b'sheetId="3"', b'sheetId="3" state="veryHidden"')}),
     "Takstskemaet (Excel) har et skjult ark, hvad Takstberegner aldrig skriver; skjulte tal kontrolleres ikke, "
     "så skemaet afvises."),
    ("ark-peger-paa-anden-del", lambda x: _om(x, aendr={"xl/_rels/workbook.xml.rels": lambda d: d.replace(
        b"worksheets/sheet3.xml", b"worksheets/../styles.xml")}),
     IKKE_VORES + "projektmappen henviser til andre dele end sine ark og sin formatering."),
    ("ekstern-henvisning", lambda x: _om(x, aendr={"xl/_rels/workbook.xml.rels": lambda d: d.replace(
        b'Target="styles.xml"/>', b'Target="styles.xml" TargetMode="External"/>')}),
     IKKE_VORES + "projektmappen henviser til andre dele end sine ark og sin formatering."),
    ("et-ark-to-gange", lambda x: _om(x, aendr={"xl/workbook.xml": lambda d: d.replace(
        b"</sheets>", b'<sheet name="Kopi" sheetId="9" r:id="rId3"/></sheets>')}),
     IKKE_VORES + "projektmappens ark svarer ikke til de ark, den indeholder."),
    ("ark-angivet-som-diagram", lambda x: _om(x, aendr={"[Content_Types].xml": lambda d: d.replace(
        b'sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"',
        b'sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"')}),
     IKKE_VORES + "dets dele er angivet som noget andet, end de er."),
    ("makroer", lambda x: _om(x, tilfoej={"xl/vbaProject.bin": b"\0" * 64}),
     "Takstskemaet (Excel) indeholder en del, som Takstberegner aldrig skriver ('xl/vbaProject.bin'); "
     "tal i den kontrolleres ikke, så skemaet afvises."),
    ("dokumenttype", lambda x: _om(x, aendr={"_rels/.rels": lambda d: d.replace(
        b"?>", b'?><!DOCTYPE r [<!ENTITY e "x">]>', 1)}),
     IKKE_VORES + "en af dets dele kan ikke læses."),
]


def test_det_aegte_skema_holder(skema):
    fp, xlsx = skema
    assert binding.kontroller_xlsx(xlsx, fp) is None


@pytest.mark.parametrize("navn, lav, grund", FJENDTLIGE, ids=[n for n, _, _ in FJENDTLIGE])
def test_dele_programmet_aldrig_skriver_afvises(navn, lav, grund, skema):
    fp, xlsx = skema
    assert binding.kontroller_xlsx(lav(xlsx), fp) == grund


@pytest.fixture(scope="module")
def kilde(indmelding_egen, egen_noegle) -> Kilde:
    return Kilde(ff.medlemmer(indmelding_egen[0]), egen_noegle)


def test_et_ekstra_ark_fra_en_betroet_underskriver_afvises(kilde, tmp_path):
    """Through `verificer`: the genuine takstskema with a chartsheet of other figures added, signed
    by the registered key."""
    xlsx = _om(kilde.medl[X], tilfoej={"xl/chartsheets/sheet1.xml": _ark(kilde.medl[X])})
    sti = tmp_path / "ark.indmelding"
    sti.write_bytes(ff.zip_raa(kilde.signeret(kilde.data(takstskema_xlsx=xlsx))))
    r = verifikation.verificer(sti, Tillid(fingeraftryk=frozenset({kilde.u.fingeraftryk})), nu=TID)
    assert r.grunde == ["Takstskemaet (Excel) indeholder en del, som Takstberegner aldrig skriver "
                        "('xl/chartsheets/sheet1.xml'); tal i den kontrolleres ikke, så skemaet afvises."]

