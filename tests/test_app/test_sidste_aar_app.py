"""Last year's takstfil for the PDF til revision in the app (issue 13 item 1): the export asks for
it, proposes the file a Nyt takstår was made from, refuses a wrong one in the dialog in Danish, and
remembers the choice per file."""
from __future__ import annotations

import re
import subprocess

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QPushButton

from takstberegner.app import sidste_aar_dialog
from takstberegner.app.sidste_aar_dialog import SidsteAarDialog


def _pdftekst(sti) -> str:
    return re.sub(r"\s+", " ", subprocess.run(["pdftotext", "-layout", str(sti), "-"], capture_output=True,
                                              text=True, check=True).stdout)


@pytest.fixture
def svar(monkeypatch):
    """What the dialog showed when it opened, the error texts it showed, and the answers: a list of
    (path or None to keep the proposal, button) tried in turn; the last accepted or Annuller."""
    set_: dict = {"forslag": [], "fejl": [], "trin": []}

    def exec_(self):
        set_["forslag"].append(self.sti.text())
        for sti, knap in set_["trin"]:
            if sti is not None:
                self.sti.setText(str(sti))
            self.findChild(QPushButton, knap).click()
            if self.fejl.text():
                set_["fejl"].append(self.fejl.text())
            if self.result() == QDialog.DialogCode.Accepted:
                return self.result()
        self.findChild(QPushButton, "annuller").click()
        return self.result()

    monkeypatch.setattr(SidsteAarDialog, "exec", exec_)
    return set_


def test_nyt_takstaar_foreslaar_filen_det_kom_fra(demo_vindue, svar, beskeder, tmp_path, monkeypatch):
    from takstberegner.app.rulfrem_dialog import RulFremDialog

    v = demo_vindue
    sidste = v.dok.sti
    monkeypatch.setattr(RulFremDialog, "exec", lambda self: QDialog.Accepted)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "Demo 2027.takst"), ""))
    assert v.handlinger.rul_frem() and v.dok.grundlag.takstaar == 2027
    # the export proposes last year's file; Med sidste år puts its budget beside this year's
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "revision.pdf"), ""))
    svar["trin"] = [(None, "med")]
    pdf = v.handlinger.udskriv_pdf()
    assert svar["forslag"] == [str(sidste.resolve())] and svar["fejl"] == []
    tekst = _pdftekst(pdf)
    assert f"sidste års takstfil {sidste.name}" in tekst
    assert "Budget sammenlignet med sidste år (takstår 2026 og 2027)" in tekst
    assert "Takstgrundlag pr. tilbud, takstår 2026 og 2027" in tekst


def test_forkert_fil_siges_i_dialogen_og_valget_huskes(demo_vindue, svar, beskeder, tmp_path, monkeypatch):
    v = demo_vindue
    assert sidste_aar_dialog.husket(v.dok.sti) is None
    skrald = tmp_path / "skrald.takst"
    skrald.write_bytes(b"ikke en takstfil")
    # the open file itself is this year's: refused in Danish, the dialog stays open; then cancelled
    svar["trin"] = [(v.dok.sti, "med"), (skrald, "med"), ("", "med")]
    antal = len(beskeder)
    assert v.handlinger.udskriv_pdf() is None
    assert svar["forslag"] == [""]
    assert f"er for takstår {v.dok.grundlag.takstaar}, men sidste års takstfil" in svar["fejl"][0]
    assert svar["fejl"][1].startswith("Sidste års takstfil: Filen skrald.takst er ikke en Takstberegner-fil")
    assert svar["fejl"][1].count("skrald.takst") == 1
    assert svar["fejl"][2] == "Vælg sidste års takstfil, eller vælg 'Uden sidste år'."
    assert len(beskeder) == antal  # said in the dialog, no message box, no PDF
    assert sidste_aar_dialog.husket(v.dok.sti) is None
    # Uden sidste år: the honest note
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "uden.pdf"), ""))
    svar["trin"] = [(None, "uden")]
    tekst = _pdftekst(v.handlinger.udskriv_pdf())
    assert "Sidste års budget indgår ikke i takstgrundlaget" in tekst and "sammenlignet med sidste år" not in tekst
    # a good file is remembered for this file and proposed the next time
    import dataclasses

    from takstberegner.formats import takstgrundlag as tg_format

    god = tmp_path / "Demo 2025.json"
    god.write_text(tg_format.skriv_tekst(dataclasses.replace(v.dok.grundlag, takstaar=v.dok.grundlag.takstaar - 1)),
                   encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(god), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "med.pdf"), ""))
    svar["trin"] = [(None, "vaelg"), (None, "med")]  # Vælg fil … then Med sidste år
    assert "Budget sammenlignet med sidste år" in _pdftekst(v.handlinger.udskriv_pdf())
    assert sidste_aar_dialog.husket(v.dok.sti) == god.resolve()
    svar["trin"] = [(None, "uden")]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "igen.pdf"), ""))
    v.handlinger.udskriv_pdf()
    assert svar["forslag"][-1] == str(god.resolve())
