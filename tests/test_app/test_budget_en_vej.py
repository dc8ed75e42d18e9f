"""One way through for the budget import (issue 9 item 6): the app's import dialog and
`takstberegner importer BUDGET.csv` both take their edits from tjeneste.dokumenter.budget_aendringer
(over importers/budget.py), so the same file gives the same budget, and a refused file the same
Danish reason, in both."""
from __future__ import annotations

import shutil
from decimal import Decimal

import pytest

from takstberegner.app.importdialog import ImportDialog
from takstberegner.cli import main
from takstberegner.storage import laes_grundlag
from takstberegner.tjeneste import dokumenter


@pytest.fixture
def kald(monkeypatch):
    """The real use case, counting who calls it."""
    ægte, kaldt = dokumenter.budget_aendringer, []

    def budget_aendringer(*a, **k):
        kaldt.append(a)
        return ægte(*a, **k)
    monkeypatch.setattr(dokumenter, "budget_aendringer", budget_aendringer)
    return kaldt


def _til_begge(demo_vindue, qtbot, tmp_path, indhold: str):
    csv = tmp_path / "budget.csv"
    csv.write_bytes(indhold.encode("cp1252"))
    kopi = tmp_path / "kopi.takst"
    shutil.copy(demo_vindue.dok.sti, kopi)  # the demo as saved, for the command line
    demo_vindue.vaelg_tilbud("T1")
    d = ImportDialog(demo_vindue.dok, csv, "T1", demo_vindue)
    qtbot.addWidget(d)
    assert d.naeste()
    return csv, kopi, d


def test_samme_fil_giver_samme_budget_gennem_samme_dor(demo_vindue, qtbot, tmp_path, kald, capsys):
    csv, kopi, d = _til_begge(demo_vindue, qtbot, tmp_path,
                              "Art;Tekst;Beløb\r\n1.1;Løn;6.500.000,00\r\n2.2;Kost;96,25\r\n7.2;Salg;-1.000\r\n")
    assert d.importer() and len(kald) == 1
    assert main(["importer", str(csv), "--til", str(kopi), "--tilbud-id", "T1", "--ja"]) == 0
    assert len(kald) == 2
    app, kommando = demo_vindue.dok.grundlag, laes_grundlag(kopi)
    assert app == kommando
    t = app.tilbud[0]
    assert [x.beloeb for x in t.omkostninger] == [Decimal("6500000.00"), Decimal("96.25")]
    assert [x.beloeb for x in t.oevrige_indtaegter] == [Decimal("1000")]


def test_afvist_fil_giver_samme_danske_grund_begge_steder(demo_vindue, qtbot, tmp_path, kald, capsys):
    # an art the kontoplan does not know must be given a kategori before anything is saved
    csv, kopi, d = _til_begge(demo_vindue, qtbot, tmp_path, "Art;Tekst;Beløb\r\n1.1;Løn;100,00\r\nABC;Ukendt;100\r\n")
    foer_app, foer_fil = demo_vindue.dok.grundlag, kopi.read_bytes()
    assert not d.importer()
    assert main(["importer", str(csv), "--til", str(kopi), "--tilbud-id", "T1", "--ja"]) == 2
    fejl = capsys.readouterr().err
    assert len(kald) == 2
    assert "ABC" in d.fejl.text() and d.fejl.text().endswith("Intet er importeret.")
    assert fejl == f"takstberegner: {d.fejl.text()}\n"
    assert demo_vindue.dok.grundlag is foer_app and kopi.read_bytes() == foer_fil


def test_ark_uden_beloebskolonne_siges_med_samme_ord_begge_steder(demo_vindue, qtbot, tmp_path, capsys):
    """A sheet whose headings name no amount: the command line said 'Arket ... har ingen kolonne, der
    ligner beløbet; angiv kolonnen med --beloeb ...', the dialog only greyed Næste (and its reader
    said 'vælg kolonnen med beløbet'). One wording (budget.ingen_kolonne), each door saying how the
    column is chosen there."""
    from takstberegner.importers.budget import ingen_kolonne

    csv = tmp_path / "budget.csv"
    csv.write_bytes("Art;Tekst;Note\r\n1.1;Løn;ingen\r\n2.2;Kost;nej\r\n".encode("cp1252"))
    kopi = tmp_path / "kopi.takst"
    shutil.copy(demo_vindue.dok.sti, kopi)
    assert main(["importer", str(csv), "--til", str(kopi), "--tilbud-id", "T1", "--ja"]) == 2
    kommando = capsys.readouterr().err.strip()
    assert kommando == "takstberegner: " + ingen_kolonne("budget", "beloeb", kommandolinje=True)
    assert kommando == ("takstberegner: Arket 'budget' har ingen kolonne, der ligner beløbet; angiv kolonnen med "
                        "--beloeb (overskrift eller bogstav). Intet er importeret.")
    demo_vindue.vaelg_tilbud("T1")
    d = ImportDialog(demo_vindue.dok, csv, "T1", demo_vindue)
    qtbot.addWidget(d)
    d.show()
    assert not d.naeste_knap.isEnabled()
    assert d.fejl.text() == ("Arket 'budget' har ingen kolonne, der ligner beløbet; vælg kolonnen i listen Beløb "
                             "under tabellen. Intet er importeret.") == ingen_kolonne("budget", "beloeb")
    assert not d.naeste() and d.fejl.text() == ingen_kolonne("budget", "beloeb")  # the reader's words are the same
    # once a column is chosen, the text goes
    cb = d.kolonne["beloeb"]
    cb.setCurrentIndex(cb.findData(3))
    assert d.naeste_knap.isEnabled() and d.fejl.text() == ""
