"""The real window opening a hostile .takst file: one Danish message, nothing opened, the file
unchanged (issue 9 item 4 through the app)."""
from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from takstberegner.formats import takstgrundlag as F
from takstberegner.storage import TakstFil

EKSEMPEL_1 = Path(__file__).parents[1] / "data" / "eksempler" / "eksempel-1-bostedet-nord.takstgrundlag.json"


@pytest.mark.gui
@pytest.mark.parametrize("sql, tekst", [
    ("CREATE TRIGGER x AFTER UPDATE ON metadata BEGIN DELETE FROM omkostningslinje; END",
     "udløser (trigger) 'x' på tabellen 'metadata'"),
    ("UPDATE omkostningslinje SET beloeb = 'abc' WHERE position = 0",
     "Bostedet Nord › Budget › linje 1 › Beløb indeholder 'abc', som ikke er et tal"),
    ("UPDATE grundlag SET rente_anlaeg_pct = 'NaN'",  # the overview's checklist compared it and raised
     "Satser › Rente til forrentning af anlæg indeholder 'NaN', som ikke er et tal"),
    ("UPDATE omkostningslinje SET beloeb = 'sNaN' WHERE position = 0",
     "Bostedet Nord › Budget › linje 1 › Beløb indeholder 'sNaN', som ikke er et tal"),
    ("UPDATE omkostningslinje SET tekst = CAST(X'41FF42' AS TEXT) WHERE position = 0",  # not UTF-8
     "Bostedet Nord › Budget › linje 1 › Tekst indeholder tegn, der ikke kan læses"),
])
def test_vinduet_afviser_fjendtlig_fil(vindue, beskeder, tmp_path, sql, tekst):
    (tmp_path / "f").mkdir()
    sti = tmp_path / "f" / "a.takst"
    TakstFil.opret(sti, F.laes_fil(EKSEMPEL_1)).luk()
    c = sqlite3.connect(sti, isolation_level=None)
    c.execute(sql)
    c.close()
    foer = hashlib.sha256(sti.read_bytes()).hexdigest()
    assert not vindue.aabn_fil(sti)
    assert vindue.dok is None
    (kind, titel, besked), = beskeder
    assert (kind, titel) == ("critical", "Filen kan ikke åbnes") and tekst in besked
    assert hashlib.sha256(sti.read_bytes()).hexdigest() == foer
    assert sorted(p.name for p in sti.parent.iterdir()) == ["a.takst"]


@pytest.mark.gui
@pytest.mark.parametrize("handling, endelse", [("udskriv_pdf", ".pdf"), ("eksporter_xlsx", ".xlsx")])
def test_uendeligt_beloeb_giver_dansk_afvisning_ved_eksport(vindue, beskeder, monkeypatch, tmp_path, handling,
                                                           endelse):
    """A budget amount of Infinity opens (the file holds it, the findings say where) but the PDF and
    the takstskema cannot be made from it: the window says so in Danish, naming the place, and
    writes no file (the command line is tested in tests/test_export/test_eksport_egenskab.py)."""
    from PySide6.QtWidgets import QDialog, QFileDialog

    from takstberegner.app import sidste_aar_dialog

    sti = tmp_path / "a.takst"
    TakstFil.opret(sti, F.laes_fil(EKSEMPEL_1)).luk()
    c = sqlite3.connect(sti, isolation_level=None)
    c.execute("UPDATE omkostningslinje SET beloeb = 'Infinity' WHERE position = 0")
    c.close()
    assert vindue.aabn_fil(sti)
    ud = tmp_path / f"ud{endelse}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(ud), ""))
    monkeypatch.setattr(sidste_aar_dialog.SidsteAarDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    assert getattr(vindue.handlinger, handling)() is None
    (kind, titel, besked), = beskeder
    assert (kind, titel) == ("warning", "Kan ikke dannes"), beskeder
    assert "Bostedet Nord › Budget › linje 1 › Beløb" in besked and "kan ikke dannes" in besked, besked
    assert "Infinity" not in besked and "Decimal" not in besked
    assert not ud.exists()
