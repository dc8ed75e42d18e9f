"""The SPEC v2 fields in the app (issue 10 item 4, issue 11 item 6), driven like a user does on the
demo: første driftsår in Stamdata, belægning per ydelse with korte forløb and a begrundelse for
every method, the P/L among the satser, the pulje's kategori, objektiv finansiering in
Takststruktur, the real change and the forhandlingsberegner in the preview, and rul frem's
fremskrivning."""
from __future__ import annotations

from decimal import Decimal as D

from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from takstberegner.app.steps.belaegning import BelaegningTrin
from takstberegner.app.steps.driftsherre import DriftsherreTrin
from takstberegner.app.steps.overhead import OverheadTrin
from takstberegner.app.steps.stamdata import StamdataTrin
from takstberegner.app.steps.takststruktur import TakststrukturTrin

from .hjaelp import kolonne, skriv_celle, skriv_felt, trin, vaelg


def _tilbud(v, tid):
    return next(t for t in v.dok.grundlag.tilbud if t.id == tid)


def test_foerste_driftsaar_i_stamdata(demo_vindue, qtbot):
    v = demo_vindue
    v.vaelg_tilbud("X")
    s = trin(v, StamdataTrin)
    assert not s.foerste.isEnabled()
    s.nyt.click()  # a new tilbud starts in the takstår unless the user says otherwise
    assert _tilbud(v, "X").nyt_tilbud and _tilbud(v, "X").foerste_driftsaar == 2026
    assert s.foerste.isEnabled() and s.foerste.text() == "2026"
    skriv_felt(qtbot, s.foerste, "2025")
    assert _tilbud(v, "X").foerste_driftsaar == 2025
    s.nyt.click()
    assert not _tilbud(v, "X").nyt_tilbud and _tilbud(v, "X").foerste_driftsaar is None
    v.fortryd_handling.trigger()
    assert _tilbud(v, "X").foerste_driftsaar == 2025


def test_belaegning_pr_ydelse_med_korte_forloeb(demo_vindue, qtbot):
    v = demo_vindue
    v.vaelg_tilbud("T1")
    b = trin(v, BelaegningTrin)
    assert b.hvem.count() == 3 and b.hvem.itemText(1) == "Ydelsen Niveau 1"
    assert not b.egen.isVisible()
    vaelg(b.hvem, "T1-N2")
    assert b.egen.isVisible() and not b.egen.isChecked() and not b.metode.isEnabled()
    assert "bruger tilbuddets belægning" in b.regel.text()
    b.egen.click()  # starts from the tilbud's own: beregnet 96,2 and 97,8 -> 97 %
    y = _tilbud(v, "T1").ydelser[1]
    assert y.belaegning is not None and y.belaegning.metode == "beregnet"
    vaelg(b.metode, "forventet")
    skriv_felt(qtbot, b.pct, "91")
    # 91 % under 95 % with no begrundelse yet: a fejl on the ydelse's own belægning
    r = v.dok.beregning.tilbud_resultat("T1")
    (f,) = [f for f in r.fund if f.felt == "tilbud[0].ydelser[1].belaegning" and f.kode.startswith("BEL-UNDER")]
    assert f.niveau == "fejl" and "91 %" in b.regel.text()
    b.korte.click()  # aflastningspladser: 90 % is the minimum
    assert _tilbud(v, "T1").ydelser[1].korte_forloeb
    r = v.dok.beregning.tilbud_resultat("T1")
    assert not [f for f in r.fund if f.kode.startswith("BEL-UNDER")]
    assert [f.kode for f in r.fund if f.felt.endswith("ydelser[1].belaegning")] == ["BEL-BEGRUNDELSE"]
    b.begrundelse.setFocus()
    b.begrundelse.setPlainText("Aflastning med skiftende ophold")
    b.metode.setFocus()
    r = v.dok.beregning.tilbud_resultat("T1")
    assert not [f for f in r.fund if f.felt.endswith("ydelser[1].belaegning")]
    # N2: 6 × 365 × 0,91 = 1.992,9 pladsdøgn; shown in the result and in the table of ydelser
    assert b.pladsdoegn.text() == "1.992,90" and b.procent.text() == "91,00 %"
    m = b.ydelse_model
    assert [m.data(m.index(1, kolonne(m, k))) for k in ("kilde", "korte", "pct", "pladsdoegn")] == [
        "Egen", "Ja", "91,00", "1.992,90"]
    # The begrundelse is open for every method (SPEC v2): back on the tilbud, beregnet
    vaelg(b.hvem, "")
    assert b.metode.currentData() == "beregnet" and b.begrundelse.isEnabled()


def test_fund_paa_ydelsens_belaegning_aabner_belaegningstrinnet(demo_vindue, qtbot):
    v = demo_vindue
    v.vaelg_tilbud("T1")
    b = trin(v, BelaegningTrin)
    vaelg(b.hvem, "T1-N1")
    b.egen.click()
    vaelg(b.metode, "forventet")
    skriv_felt(qtbot, b.pct, "80")
    vaelg(b.hvem, "")
    trin(v, StamdataTrin)
    assert v.gaa_til("tilbud[0].ydelser[0].belaegning")
    assert v.stak.currentWidget() is b and b.hvem.currentData() == "T1-N1"
    assert QApplication.focusWidget() is b.metode


def test_pl_fremskrivning_blandt_satserne_og_real_aendring_i_preview(demo_vindue, qtbot):
    v = demo_vindue
    d = trin(v, DriftsherreTrin)
    felt = d.satser["pl_fremskrivning_pct"]
    assert felt.placeholderText() == "0 (standard)"
    assert any("KL offentliggør" in w.text() for w in d.findChildren(type(d.takstaar)))
    v.vaelg_tilbud("T1")
    model = v.preview.model
    real = kolonne(model, "aendring_real_pct")
    assert not v.preview.tabel.felt_skjult(real)  # the preview shows a row per figure
    # P/L 0: the real change equals the nominal 2,76 % of Niveau 1 (1.620,00 -> 1.664,74)
    assert model.data(model.index(0, real)) == model.data(model.index(0, kolonne(model, "aendring_pct"))) == "2,76"
    skriv_felt(qtbot, felt, "2,5")
    assert v.dok.grundlag.satser.pl_fremskrivning_pct == D("2.5")
    # 1.620,00 × 1,025 = 1.660,50; 1.664,74 / 1.660,50 - 1 = +0,255 % -> 0,26
    assert model.data(model.index(0, real)) == "0,26" and model.data(model.index(0, kolonne(model, "aendring_pct"))) == "2,76"


def test_overheadpuljens_kategori_med_dansk_navn(demo_vindue, qtbot):
    v = demo_vindue
    o = trin(v, OverheadTrin)
    m = o.puljer
    k = kolonne(m, "kategori")
    assert m.data(m.index(0, k)) == "Standard (administration)"
    before = v.dok.beregning.tilbud_resultat("T1").omkostninger
    m.setData(m.index(0, k), "Borgerrelaterede udgifter/aktivitetsomkostninger")
    assert v.dok.grundlag.overheadpuljer[0].kategori == "aktivitet"
    assert m.data(m.index(0, k)) == "Borgerrelaterede udgifter/aktivitetsomkostninger"
    efter = v.dok.beregning.tilbud_resultat("T1").omkostninger
    oh = v.dok.beregning.tilbud_resultat("T1").overhead
    # Bostedet Nord's 200.504,63 kr. of overhead moves from administration to aktivitet.
    assert oh == D("200504.63")
    assert efter["aktivitet"] - before["aktivitet"] == oh == before["administration"] - efter["administration"]


def test_objektiv_finansiering_i_takststruktur(demo_vindue, qtbot):
    v = demo_vindue
    v.vaelg_tilbud("X")
    s = trin(v, TakststrukturTrin)
    assert not s.objektiv_boks.isVisible()
    s.objektiv.click()
    assert s.objektiv_boks.isVisible()
    skriv_felt(qtbot, s.objektiv_andel, "40")
    assert _tilbud(v, "X").objektiv_finansiering.andel_pct == D(40)
    # one row to start from; more with Tilføj kommune
    assert s.objektiv_model.rowCount() == 1
    for r, (navn, tal) in enumerate((("Aalborg", "221.000"), ("Hjørring", "64.000"), ("Frederikshavn", "59.000"))):
        if r:
            s.findChild(QPushButton, "tilfoej_objektiv_kommune").click()
        skriv_celle(qtbot, s.objektiv_tabel, r, 0, navn)
        skriv_celle(qtbot, s.objektiv_tabel, r, 1, tal)
    of = _tilbud(v, "X").objektiv_finansiering
    assert of.andel_pct == D(40) and [k for k, _ in of.fordeling] == ["Aalborg", "Hjørring", "Frederikshavn"]
    r = v.dok.beregning.tilbud_resultat("X")
    assert sum(r.objektiv_fordeling.values()) == r.objektiv_andel
    m = s.objektiv_model
    assert m.data(m.index(0, 2)) == f"{r.objektiv_fordeling['Aalborg']:,}".replace(",", ".")
    assert "taksterne beregnes af resten" in s.objektiv_sum.text()
    # Tilbud X's takst (2.200,43 without) is now computed from 60 % of TG.
    assert r.takster[0].takst < D("2200.43") * D("0.61")


def test_forhandlingsberegner_fra_preview(demo_vindue, qtbot, monkeypatch):
    from takstberegner.app.forhandling import ForhandlingDialog

    monkeypatch.setattr(ForhandlingDialog, "exec", lambda self: 0)
    v = demo_vindue
    v.vaelg_tilbud("T1")
    p = v.preview
    assert p.forhandling.isEnabled()
    d = p.aabn_forhandling()
    r = v.dok.beregning.tilbud_resultat("T1")
    # Bostedet Nord: basistakst 673,78, pris pr. støttetime 693,67 (eksempel 1). Niveau 1's 10 timer:
    # 673,78 + 693,67 × 10/7 = 1.664,737.. -> 1.664,74, its published takst.
    assert (r.basistakst, r.pris_pr_stoettetime) == (D("673.78"), D("693.67"))
    assert d.timer.text() == "10" and d.takst.text() == "1.664,74 kr."
    # 15 negotiated hours: 673,78 + 693,67 × 15/7 = 2.160,215.. -> 2.160,22
    skriv_felt(qtbot, d.timer, "15")
    assert d.borgerrettet.text() == "1.486,44 kr." and d.takst.text() == "2.160,22 kr."
    # Tilbud X has no støttetimer: no forhandlingsgrundlag
    v.vaelg_tilbud("X")
    assert p.forhandling.isEnabled() == (v.dok.beregning.tilbud_resultat("X").pris_pr_stoettetime is not None)


def test_rul_frem_med_fremskrivning(demo_vindue, beskeder, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from takstberegner.app.rulfrem_dialog import RulFremDialog

    def svar(self):
        self.fremskriv.setChecked(True)
        self.loen.setText("3,2")
        self.pris.setText("")
        self._ok()  # both rates are needed: the dialog stays open with a message
        assert self.result() != QDialog.Accepted and "både" in self.besked.text()
        self.pris.setText("2,1")
        self._ok()
        return self.result()

    monkeypatch.setattr(RulFremDialog, "exec", svar)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "Demo 2027"), ""))
    v = demo_vindue
    personale = _tilbud(v, "X").omkostninger[0]
    assert personale.kategori == "personale" and personale.beloeb == D("6500000")
    assert v.handlinger.rul_frem()
    g = v.dok.grundlag
    assert g.takstaar == 2027
    x = _tilbud(v, "X")
    assert x.omkostninger[0].beloeb == D("6708000.00")  # 6.500.000 × 1,032
    assert "3,20 %" in x.bemaerkninger and "2,10 %" in x.bemaerkninger
    ny = _tilbud(v, "NY")
    assert ny.foerste_driftsaar == 2026  # next year an ordinary tilbud
    assert any(f.kode == "NYT-TILBUD-UDLOEBET" for f in v.dok.beregning.tilbud_resultat("NY").fund)
