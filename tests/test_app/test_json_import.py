"""The app's Filer → Importér takstgrundlag (JSON) and Nyt takstår (rul frem) go through the command
line's doors (tjeneste.dokumenter, tjeneste.rul_frem): what the one validation refuses becomes no
file, and the message names each refused value in Danish (issue 9 items 1 and 6)."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

MAPPE = Path(__file__).parents[1] / "data" / "malformed"
EKSEMPEL = sorted((Path(__file__).parents[1] / "data" / "eksempler").glob("*.takstgrundlag.json"))[0]


@pytest.fixture
def dialoger(monkeypatch):
    svar: list = []
    spurgt: list[str] = []

    def svar_paa(hvad):
        def f(*a, **k):
            spurgt.append(hvad)
            return str(svar.pop(0)), ""
        return f

    monkeypatch.setattr(QFileDialog, "getSaveFileName", svar_paa("gem"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", svar_paa("åbn"))
    return svar, spurgt


def test_afvist_dokument_gemmes_ikke(vindue, dialoger, beskeder, tmp_path):
    svar, spurgt = dialoger
    svar.extend([MAPPE / "restvaerdi-for-stor.json", tmp_path / "ny.takst"])
    vindue.handlinger.importer_json()
    assert spurgt == ["åbn"]  # refused before it asks where to save
    assert not (tmp_path / "ny.takst").exists() and vindue.dok is None
    art, titel, tekst = beskeder[-1]
    assert art == "critical" and titel == "Importen mislykkedes"
    assert tekst.startswith("restvaerdi-for-stor.json kan ikke importeres, fordi en værdi ikke kan bruges:")
    assert "Anlæg" in tekst and "Restværdi" in tekst and "anlaeg[" not in tekst and "restvaerdi " not in tekst


def test_syntaksfejl_naevner_stedet_paa_dansk(vindue, dialoger, beskeder):
    svar, _ = dialoger
    svar.append(MAPPE / "ukendt-felt-linje.json")
    vindue.handlinger.importer_json()
    tekst = beskeder[-1][2]
    assert tekst.startswith("ukendt-felt-linje.json kan ikke importeres: ") and "omkostninger[" not in tekst


def test_gyldigt_dokument_importeres_og_aabnes(vindue, dialoger, beskeder, tmp_path):
    svar, spurgt = dialoger
    svar.extend([EKSEMPEL, tmp_path / "ny.takst"])
    vindue.handlinger.importer_json()
    assert spurgt == ["åbn", "gem"] and vindue.dok is not None and vindue.dok.sti == tmp_path / "ny.takst"


def test_rul_frem_afvises_foer_den_spoerger_naar_filen_har_input_fund(demo_vindue, dialoger, beskeder, tmp_path,
                                                                      monkeypatch):
    from dataclasses import replace
    from decimal import Decimal

    from PySide6.QtWidgets import QDialog

    from takstberegner.app.rulfrem_dialog import RulFremDialog

    from takstberegner.domain import aendringer as ae

    v = demo_vindue
    svar, spurgt = dialoger
    t = v.dok.grundlag.tilbud[0]
    # A file that holds a refused value (written by another program; the app itself refuses the edit).
    with v.dok.fil._conn:
        v.dok.fil._conn.execute("UPDATE omkostningslinje SET beloeb = '1E+30' WHERE position = 0 AND tilbud_nr = "
                                "(SELECT nr FROM tilbud WHERE id = ?)", (t.id,))
    sti = v.dok.sti
    v.saet_dokument(None)
    assert v.aabn_fil(sti)
    assert any(f.kode == "INPUT" for f in v.dok.beregning.alle_fund())
    svar.append(tmp_path / "2027.takst")
    assert not v.handlinger.rul_frem()
    assert spurgt == [] and not (tmp_path / "2027.takst").exists()
    art, titel, tekst = beskeder[-1]
    assert titel == "Nyt takstår kan ikke laves" and f"{t.navn} › Budget › linje 1 › Beløb" in tekst
    # Mended, it works (the rul frem dialog answered: no fremskrivning).
    monkeypatch.setattr(RulFremDialog, "exec", lambda self: QDialog.Accepted)
    god = replace(v.dok.grundlag.tilbud[0].omkostninger[0], beloeb=Decimal("100000"))
    assert v.dok.anvend(ae.OpdaterElement(t.id, "omkostninger", 0, god))
    assert v.handlinger.rul_frem() and v.dok.grundlag.takstaar == 2027


def test_manglende_felt_naevnes_paa_dansk_i_appen(vindue, dialoger, beskeder, tmp_path):
    """Filer → Importér takstgrundlag: a missing field is named by its Danish name, not its key."""
    import json

    demo = Path(__file__).parents[2] / "resources" / "demo" / "demokommune.takstgrundlag.json"
    d = json.loads(demo.read_text(encoding="utf-8"))
    del d["tilbud"][0]["anlaeg"][0]["anskaffelsesvaerdi"]
    d["tilbud"][0]["anlaeg"][1]["levetid"] = 10
    p = tmp_path / "grundlag.json"
    p.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    svar, _ = dialoger
    svar.append(p)
    vindue.handlinger.importer_json()
    art, titel, tekst = beskeder[-1]
    assert (art, titel) == ("critical", "Importen mislykkedes") and vindue.dok is None
    assert tekst == ("grundlag.json kan ikke importeres: Bostedet Nord › Anlæg › anlæg ‘Hovedbygning’ › Anskaffelsesværdi: "
                     "feltet ‘Anskaffelsesværdi’ mangler og skal udfyldes")
    d["tilbud"][0]["anlaeg"][0]["anskaffelsesvaerdi"] = "100000"
    p.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    svar.append(p)
    vindue.handlinger.importer_json()
    tekst = beskeder[-1][2]
    assert "ukendt felt 'levetid'. Tilladte felter her: Id, Navn, Type, Anskaffelsesværdi" in tekst
    assert "levetid_aar" not in tekst and "anskaffelsesvaerdi" not in tekst


def test_en_pdf_eller_en_ikke_json_fil_naevnes_een_gang(vindue, dialoger, beskeder, tmp_path):
    """A PDF picked as takstgrundlag is named as a PDF, and a syntax error names the file once (before:
    'r.pdf kan ikke importeres: filen kan ikke læses som et takstgrundlag: linje 1, kolonne 1: …')."""
    svar, _ = dialoger
    (tmp_path / "r.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    (tmp_path / "g.json").write_text('{"format": "takstgrundlag/1", ', encoding="utf-8")
    for navn, forventet in (
            ("r.pdf", "Filen r.pdf er en PDF-fil, ikke et takstgrundlag. Vælg en takstfil (.takst) eller et "
                      "takstgrundlag (.json)."),
            ("g.json", "Filen g.json kan ikke læses som et takstgrundlag: linje 1, kolonne 31: feltnavne skal stå i "
                       "dobbelte anførselstegn.")):
        svar.append(tmp_path / navn)
        vindue.handlinger.importer_json()
        assert beskeder[-1] == ("critical", "Importen mislykkedes", forventet)
        assert vindue.dok is None
