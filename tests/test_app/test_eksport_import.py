"""Udskriv/Eksportér/Sekretariat and Excel import from the window: real PDF, xlsx, signed
indmeldingsfil and verification, with the file dialogs answered by the test."""
from __future__ import annotations

import subprocess
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog

from takstberegner.app.steps.belaegning import BelaegningTrin

from . import dialogsvar
from .hjaelp import skriv_felt, trin


@pytest.fixture
def dialoger(monkeypatch):
    """Answers for the next file dialogs: a list the test fills with paths (or lists of paths)."""
    svar: list = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(svar.pop(0)), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(svar.pop(0)), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(x) for x in svar.pop(0)], ""))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (svar.pop(0), True))
    return svar


def test_udskriv_pdf_og_takstskema(demo_vindue, dialoger, tmp_path):
    dialoger.append(tmp_path / "revision")
    pdf = demo_vindue.handlinger.udskriv_pdf()
    assert pdf == tmp_path / "revision.pdf" and pdf.read_bytes().startswith(b"%PDF")
    tekst = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Bostedet Nord" in tekst and "1.664,74" in tekst
    dialoger.append(tmp_path / "skema.xlsx")
    xlsx = demo_vindue.handlinger.eksporter_xlsx()
    import openpyxl

    wb = openpyxl.load_workbook(xlsx, data_only=True)  # the takst is a formula; its value is stored beside it
    assert any("2200.43" in str(c.value) or c.value == Decimal("2200.43") or c.value == 2200.43
               for ws in wb.worksheets for row in ws.iter_rows() for c in row)


def test_valgt_filnavn_faar_den_endelse_der_passer_til_indholdet(demo_vindue, dialoger, beskeder, tmp_path,
                                                                monkeypatch):
    """A name chosen with another ending wrote a PDF as 'skema.xlsx', and 'Takster ver. 2' (its
    ending '. 2') a workbook with no ending at all: the ending of what is written is added."""
    from PySide6.QtWidgets import QMessageBox

    v = demo_vindue
    dialoger.append(tmp_path / "skema.xlsx")
    assert v.handlinger.udskriv_pdf() == tmp_path / "skema.xlsx.pdf"
    assert (tmp_path / "skema.xlsx.pdf").read_bytes().startswith(b"%PDF") and not (tmp_path / "skema.xlsx").exists()
    dialoger.append(tmp_path / "Takster ver. 2")
    assert v.handlinger.eksporter_xlsx() == tmp_path / "Takster ver. 2.xlsx"
    assert (tmp_path / "Takster ver. 2.xlsx").read_bytes().startswith(b"PK")
    dialoger.append(tmp_path / "R.PDF")  # the right ending in capitals is the right ending
    assert v.handlinger.udskriv_pdf() == tmp_path / "R.PDF"
    # the added ending names a file the save dialog did not ask about: asked before it is replaced
    (tmp_path / "revision.pdf").write_bytes(b"gammel")
    dialoger.extend([tmp_path / "revision", tmp_path / "revision"])  # No the first time, Yes the second
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: beskeder.append(("question", a[1], a[2]))
                        or (QMessageBox.No if len(dialoger) == 1 else QMessageBox.Yes))
    assert v.handlinger.udskriv_pdf() == tmp_path / "revision.pdf"
    spurgt = [b for b in beskeder if b[0] == "question"]
    assert [b[2] for b in spurgt] == ["revision.pdf findes allerede. Vil du erstatte den?"] * 2
    assert (tmp_path / "revision.pdf").read_bytes().startswith(b"%PDF")


def test_indmelding_afvises_med_fejl_og_dannes_uden(demo_vindue, dialoger, beskeder, qtbot, tmp_path, monkeypatch):
    from takstberegner.export import signering

    v = demo_vindue
    v.vaelg_tilbud("X")
    bel = trin(v, BelaegningTrin)
    skriv_felt(qtbot, bel.pct, "101")  # BEL-UGYLDIG: a fejl blocks the indmelding
    antal = len(beskeder)
    assert v.handlinger.indmeld() is None
    # not ready: the overview shows what blocks it, by tilbud name, each with Gå til (no message box)
    assert len(beskeder) == antal and v.stak.currentWidget() is v.overblik
    assert any(m.hvor == "Tilbud X (Styringsaftalen 5.3)" and "101" in m.tekst for m in v.overblik._mangler)
    v.fortryd_handling.trigger()

    u = signering.lav_noegle("Demokommune", "12345678")
    signering.gem_p12(u, tmp_path / "noegle.p12", "hemmelig æøå")
    dialogsvar.noegle(monkeypatch, tmp_path / "noegle.p12", "hemmelig æøå")
    dialoger.extend([tmp_path / "demo.indmelding"])
    p = v.handlinger.indmeld()
    assert p == tmp_path / "demo.indmelding" and p.stat().st_size > 1000
    assert beskeder[-1][1] == "Indmeldingsfilen er dannet" and "Demokommune" in beskeder[-1][2]
    dannet = beskeder[-1][2]
    vist = dialogsvar.verifikation(monkeypatch)
    dialoger.append([p])
    r = v.handlinger.verificer()
    assert r.driftsherre == "Demokommune" and r.grundlag == v.dok.grundlag
    assert vist[-1].detaljer.toPlainText() == r.tekst()
    # the message says when it was signed as the verification does: Danish time
    signeret = next(l for l in r.tekst().splitlines() if l.startswith("Signeret:")).split(":", 1)[1].strip()
    assert f"\nSigneret: {signeret}\n" in dannet and signeret.endswith(" (dansk tid)"), dannet


def test_forkert_kodeord_spoerger_igen(demo_vindue, dialoger, beskeder, tmp_path, monkeypatch):
    """A wrong password is said in the dialog and asked again; the indmelding goes on with the right one."""
    from takstberegner.export import signering

    signering.gem_p12(signering.lav_noegle("Demokommune", "12345678"), tmp_path / "n.p12", "rigtig1234")
    vist = dialogsvar.noegle(monkeypatch, tmp_path / "n.p12", "forkert", "rigtig1234")
    dialoger.append(tmp_path / "efter-forkert.indmelding")
    assert demo_vindue.handlinger.indmeld() == tmp_path / "efter-forkert.indmelding"
    assert len(vist) == 1 and "forkert adgangskode" in vist[0] and vist[0].endswith("Prøv igen.")
    assert not any(b[0] == "critical" for b in beskeder)
    # a user who gives up after a wrong password cancels without any error box
    vist = dialogsvar.noegle(monkeypatch, tmp_path / "n.p12", "forkert")
    assert demo_vindue.handlinger.indmeld() is None
    assert not any(b[0] == "critical" for b in beskeder)


def test_indmeld_fra_sidste_trin_og_filmenuen(demo_vindue, dialoger, beskeder, qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt

    from takstberegner.app.steps.bemaerkninger import BemaerkningerTrin
    from takstberegner.export import signering

    v = demo_vindue
    assert "indmeld" in [a.objectName() for a in v.menuBar().actions()[0].menu().actions()]  # Filer
    side = trin(v, BemaerkningerTrin)
    u = signering.lav_noegle("Demokommune", "12345678")
    signering.gem_p12(u, tmp_path / "n.p12", "k")
    dialogsvar.noegle(monkeypatch, tmp_path / "n.p12", "k")
    dialoger.extend([tmp_path / "fra-knap.indmelding"])
    qtbot.mouseClick(side.indmeld_knap, Qt.LeftButton)
    assert (tmp_path / "fra-knap.indmelding").stat().st_size > 1000
    assert beskeder[-1][1] == "Indmeldingsfilen er dannet"


def test_rul_frem_til_naeste_takstaar(demo_vindue, dialoger, beskeder, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from takstberegner.app.rulfrem_dialog import RulFremDialog

    monkeypatch.setattr(RulFremDialog, "exec", lambda self: QDialog.Accepted)  # no fremskrivning
    v = demo_vindue
    t1 = v.dok.beregning.tilbud_resultat("T1")
    dialoger.append(tmp_path / "Demokommune 2027")
    assert v.handlinger.rul_frem()
    g = v.dok.grundlag
    assert g.takstaar == 2027 and v.dok.sti == tmp_path / "Demokommune 2027.takst"
    ny_t1 = next(t for t in g.tilbud if t.id == "T1")
    assert [y.forrige_takst for y in ny_t1.ydelser] == [tk.takst for tk in t1.takster]
    assert ny_t1.resultater == () and {h.aar for h in ny_t1.hensaettelser} == {2021, 2024}
    assert any(f.kode == "REGELSAET-AAR" for f in v.dok.beregning.fund)
    # The same name as the open file is refused, nothing is overwritten.
    dialoger.append(v.dok.sti)
    assert not v.handlinger.rul_frem() and beskeder[-1][1] == "Vælg et andet filnavn"
