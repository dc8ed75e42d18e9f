"""The budget import dialog driven offscreen on the real window and the demo: replace with totals
before and after, the heading row found by itself, columns picked by heading in the grid, a line's
kategori changed in the preview, the layout remembered for the next file, CSV, and a hostile file."""
from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemDelegate, QApplication, QComboBox, QFileDialog

from takstberegner.app.importdialog import ImportDialog
from takstberegner.app.importmodeller import LinjeModel

from tests.test_importers import xlsx_bygger as xb

EKSPORT = [
    ("Konto", "Kontotekst", "Oprindeligt budget", "Korrigeret budget"),
    ("5.38.50.001-1.1", "Løn pædagoger", 6000000, 6500000),
    ("5.38.50.001-1.1", "Løn ledelse", 700000, 700000),
    ("5.38.50.001-1.1", "Løn administration", 250000, 250000),
    ("5.38.50.001-2.9", "Aktiviteter og transport", 400000, 400000),
    ("5.38.50.001-4.6", "Tilsynstakst", 49269, 49269),
    ("5.38.50.001-4.9", "Kurser og uddannelse", 90000, 90000),
    ("5.38.50.001-2.3", "El, vand og varme", 410000, 410000),
    ("5.38.50.001-2.7", "Småanskaffelser", 60000, 60000),
    ("5.38.50.001-8", "Renteindtægter", -5000, -5000),
    ("5.38.50.001-7.6", "Takstindtægter fra kommuner", -9200000, -9200000),
]


def skriv(sti, raekker=EKSPORT):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    ws.append(["Budget 2026 — Bostedet Nord"])
    ws.append(["Udskrevet fra økonomisystemet"])
    ws.append([])
    for r in raekker:
        ws.append(list(r))
    wb.save(sti)
    return sti


def vaelg_kolonne(d: ImportDialog, rolle: str, titel: str) -> None:
    """Pick a column by its heading, as a user does in the combo box."""
    cb = d.kolonne[rolle]
    i = next(i for i in range(cb.count()) if cb.itemText(i).startswith(titel + " (kolonne"))
    cb.setCurrentIndex(i)


def rediger(visning, raekke: int, kolonne: int, tekst: str) -> None:
    """Open the cell's combo box editor in the view, choose the Danish text, and commit as Enter does."""
    idx = visning.model().index(raekke, kolonne)
    visning.setCurrentIndex(idx)
    visning.edit(idx)
    editorer = [w for w in visning.viewport().findChildren(QComboBox) if w.isVisible()]
    assert editorer, "no editor opened"
    cb = editorer[-1]
    i = cb.findText(tekst)
    assert i >= 0, (tekst, [cb.itemText(j) for j in range(cb.count())])
    cb.setCurrentIndex(i)
    visning.commitData(cb)
    visning.closeEditor(cb, QAbstractItemDelegate.EndEditHint.NoHint)
    QApplication.processEvents()


def grundlaget(v):
    return v.dok.grundlag.tilbud[v.dok.tilbud_index("T1")]


@pytest.fixture
def dialog(demo_vindue, tmp_path, qtbot):
    v = demo_vindue
    v.vaelg_tilbud("T1")

    def lav(sti):
        d = ImportDialog(v.dok, sti, "T1", v)
        qtbot.addWidget(d)
        d.show()
        return d
    return lav


def test_erstat_i_demoen_med_totaler_foer_og_efter(demo_vindue, dialog, tmp_path):
    v = demo_vindue
    foer_linjer = grundlaget(v).omkostninger
    foer_takst = v.dok.beregning.tilbud_resultat("T1").takster[0].takst
    d = dialog(skriv(tmp_path / "eksport.xlsx"))
    # the heading row (4) is found by itself, and the columns by their headings
    assert d.overskrift.value() == 4
    assert d.kolonne["konto"].currentText() == "Konto (kolonne A)"
    assert d.kolonne["tekst"].currentText() == "Kontotekst (kolonne B)"
    assert d.kolonne["beloeb"].currentText() == "Oprindeligt budget (kolonne C)"
    assert d.tilbud.currentText() == "Alle linjer til Bostedet Nord"
    vaelg_kolonne(d, "beloeb", "Korrigeret budget")
    assert d.grid_model.headerData(3, Qt.Horizontal) == "D: Beløb"
    assert d.grid_model.headerData(2, Qt.Horizontal) == "C"
    assert d.naeste() and d.sider.currentIndex() == 1
    assert d.erstat.isChecked() and d.erstat.text() == "Erstat budgettet for Bostedet Nord (anbefalet)"
    m = d.linje_model
    assert m.rowCount() == 10
    assert m.index(9, LinjeModel.KATEGORI).data() == "Importeres ikke — Betalinger fra kommuner (takstindtægter)"
    assert m.index(8, LinjeModel.KATEGORI).data() == "Finansieringsindtægter"
    assert m.index(0, LinjeModel.POST).data() == "Borgerrelateret personale"
    sml = {(r.hvad): (r.foer, r.efter) for r in d.sml_model.raekker}
    assert sml["I alt, netto (omkostninger minus øvrige indtægter)"] == (Decimal(8454269), Decimal(8454269))
    assert sml["Kompetenceudvikling"] == (Decimal(90000), Decimal(0))
    tekster = [d.sml_model.index(i, 1).data() for i in range(d.sml_model.rowCount())]
    assert "Kompetenceudvikling" in tekster and all("_" not in t for t in tekster)
    assert "Takster før → efter" in d.takster.text() and "Bostedet Nord, Niveau 1: 1.664,74 kr. →" in d.takster.text()
    # per line: Kurser becomes kompetenceudvikling, the pædagoger are in the vagtlag, TAP is TAP
    rediger(d.linjer, 5, LinjeModel.KATEGORI, "Kompetenceudvikling")
    assert m.index(5, LinjeModel.POST).data() == "Kompetenceudvikling"
    assert m.setData(m.index(0, LinjeModel.VAGTLAG), Qt.Checked.value, Qt.CheckStateRole)
    rediger(d.linjer, 2, LinjeModel.POST, "Administrativt TAP-personale (tælles under administration)")
    rediger(d.linjer, 1, LinjeModel.POST, "Øverste ledelse")
    rediger(d.linjer, 4, LinjeModel.POST, "Tilsynstakst (generelt tilsyn)")
    assert m.index(0, LinjeModel.DEL).data() == "Efter vagtlag (Borgerrettet)"
    sml = {(r.hvad): (r.foer, r.efter) for r in d.sml_model.raekker}
    assert sml["Kompetenceudvikling"] == (Decimal(90000), Decimal(90000))
    assert all(f == e for h, (f, e) in sml.items() if h != "Antal linjer")
    stak = v.dok.stak.count()
    assert d.importer_knap.isEnabled() and d.importer()
    assert v.dok.stak.count() == stak + 1  # one undo step
    nye = grundlaget(v).omkostninger
    assert len(nye) == 9 and nye[0].vagtlag and nye[2].post == "tap_administrativt"
    assert nye[5].kategori == "kompetenceudvikling" and grundlaget(v).oevrige_indtaegter == ()
    efter_takst = v.dok.beregning.tilbud_resultat("T1").takster[0].takst
    assert abs(efter_takst - foer_takst) < Decimal(15)  # not doubled: only the tjenestemandsløn is gone
    v.fortryd_handling.trigger()
    assert grundlaget(v).omkostninger == foer_linjer


def test_kolonnevalget_huskes_til_naeste_fil_med_samme_overskrifter(demo_vindue, dialog, tmp_path):
    d = dialog(skriv(tmp_path / "a.xlsx"))
    assert d.husket_label.text() == ""
    vaelg_kolonne(d, "beloeb", "Korrigeret budget")
    assert d.naeste() and d.importer()
    # next year's file: other figures and another name, the same headings (columns moved, a title row less)
    raekker = [("Kontotekst", "Konto", "Korrigeret budget", "Oprindeligt budget"),
               ("Løn pædagoger", "1.1", 6600000, 6400000), ("Fødevarer", "2.2", 100, 90)]
    d2 = dialog(skriv(tmp_path / "b.xlsx", raekker))
    assert d2.husket_label.text() == "Kolonnerne fra sidste import af filer med disse overskrifter."
    assert d2.kolonne["beloeb"].currentText() == "Korrigeret budget (kolonne C)"
    assert d2.kolonne["konto"].currentText() == "Konto (kolonne B)"
    assert d2.naeste()
    assert [x.beloeb for x in d2.forloeb.fv.linjer] == [Decimal(6600000), Decimal(100)]


def test_overskriftsraekke_og_kolonner_kan_vaelges_i_gitteret(demo_vindue, dialog, tmp_path):
    raekker = [("Budgetoversigt", None, None), (None, None, None), ("1.1", "Løn", 100), ("2.2", "Mad", 50)]
    d = dialog(skriv(tmp_path / "uden.xlsx", raekker))
    assert d.overskrift.value() == 0 and d.overskrift.text() == "ingen overskrift"
    assert d.kolonne["konto"].currentText() == "Kolonne A (kolonne A)"
    assert d.kolonne["beloeb"].currentText() == "Kolonne C (kolonne C)"
    assert d.naeste()
    assert [(x.raekke, x.beloeb) for x in d.forloeb.fv.linjer] == [(6, Decimal(100)), (7, Decimal(50))]
    d.tilbage()
    d.overskrift.setValue(4)  # the user says the title row holds the headings
    assert d.forloeb.overskrift == 4 and d.grid_model.data(d.grid_model.index(2, 0), Qt.FontRole).bold()
    assert d.kolonne["konto"].itemText(1) == "Budgetoversigt (kolonne A)"


def test_ukendt_konto_skal_have_kategori_foer_import(demo_vindue, dialog, tmp_path):
    d = dialog(skriv(tmp_path / "u.xlsx", [("Konto", "Tekst", "Beløb"), ("1.1", "Løn", 100), ("Z9", "Hvad", 5)]))
    assert d.naeste()
    assert not d.importer_knap.isEnabled()
    assert d.fejl.text() == "Række 6: kontoplanen kender ikke kontoen 'Z9'; vælg en kategori."
    assert d.linje_model.index(1, LinjeModel.KATEGORI).data() == "Vælg kategori"
    rediger(d.linjer, 1, LinjeModel.KATEGORI, "Administrationsomkostninger")
    assert d.importer_knap.isEnabled() and d.fejl.text() == ""
    d.tilfoej.setChecked(True)
    n = len(grundlaget(demo_vindue).omkostninger)
    assert d.importer()
    assert len(grundlaget(demo_vindue).omkostninger) == n + 2  # added, as chosen


def test_csv_og_menuen(demo_vindue, tmp_path, monkeypatch):
    v = demo_vindue
    v.vaelg_tilbud("T1")
    csv = tmp_path / "budget.csv"
    csv.write_bytes("Art;Tekst;Beløb\r\n1.1;Løn;6.500.000,00\r\n2.2;Kost;96,25\r\n".encode("cp1252"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(csv), ""))
    vist = []

    def koer(d):
        vist.append(d)
        assert d.naeste() and d.importer()
        return 1
    monkeypatch.setattr(ImportDialog, "exec", koer)
    next(a for a in v.menuBar().actions()[0].menu().actions() if a.objectName() == "importer_excel").trigger()
    assert len(vist) == 1 and not vist[0].ark.isVisible()
    assert [(x.post, x.beloeb) for x in grundlaget(v).omkostninger] == [
        ("borgerrelateret_personale", Decimal("6500000.00")), ("kost", Decimal("96.25"))]


def test_fjendtlig_fil_giver_dansk_besked(demo_vindue, dialog, tmp_path):
    sti = tmp_path / "ond.xlsx"
    import zipfile

    with zipfile.ZipFile(sti, "w") as z:
        z.writestr("_rels/.rels", "<Relationships><Relationship Id='r' Type='x/officeDocument' "
                                  "Target='xl/workbook.xml'/></Relationships>")
        z.writestr("xl/workbook.xml", "<!DOCTYPE a [<!ENTITY b 'c'>]><workbook/>")
    d = dialog(sti)
    assert d.forloeb is None
    assert d.fejl.text() == ("Regnearket ond.xlsx er beskadiget: projektmappen indeholder en DTD, som et regneark "
                             "aldrig har. Intet er importeret. Åbn filen i Excel, og gem den igen.")
    # a sheet with a bad amount: the columns can be chosen, the lines cannot be read
    d2 = dialog(skriv(tmp_path / "b.xlsx", [("Konto", "Tekst", "Beløb"), ("1.1", "Løn", "ca. 100")]))
    assert not d2.naeste() and d2.sider.currentIndex() == 0
    assert "Arket 'Budget', række 5, kolonne C: teksten 'ca. 100' er ikke et beløb" in d2.fejl.text()


def test_filtreret_eksport_og_annuller_gemmer_intet(demo_vindue, dialog, tmp_path):
    """A finance export filtered in Excel to Bostedet Nord: the hidden rows are named and nothing can be
    imported; after unhiding, the lines are read, and Annuller leaves the file as it was."""
    import openpyxl

    v = demo_vindue
    foer = v.dok.grundlag
    stak = v.dok.stak.count()
    sti = skriv(tmp_path / "filtreret.xlsx")
    wb = openpyxl.load_workbook(sti)
    for r in (6, 7):
        wb.active.row_dimensions[r].hidden = True
    wb.save(sti)
    d = dialog(sti)
    assert not d.naeste() and d.sider.currentIndex() == 0
    assert d.fejl.text() == ("Arket 'Budget': 2 rækker med beløb er skjult i Excel (række 6 og 7), fx af et filter; "
                             "vis alle rækker i Excel, eller slet dem, der ikke hører til budgettet, og gem filen "
                             "igen. Intet er importeret.")
    d.reject()
    d2 = dialog(skriv(tmp_path / "synlig.xlsx"))
    assert d2.naeste() and d2.linje_model.rowCount() == 10
    d2.reject()
    assert v.dok.grundlag == foer and v.dok.stak.count() == stak


def test_forskellen_ses_hel_ved_150_procent(demo_vindue, dialog, tmp_path, qtbot):
    """1366x768 at 150 % leaves the dialog about 880x480 logical pixels: the kategori's name kept
    its 340 pixels and pushed Forskel, the figure the user checks before Importér, out of view
    ('-950.000' of -950.000,00). The name gives way; every amount column is whole and in view."""
    d = dialog(skriv(tmp_path / "eksport.xlsx"))
    d.resize(880, 480)
    assert d.naeste()
    qtbot.waitUntil(lambda: d.sammenligning.isVisible())
    QApplication.processEvents()
    t = d.sammenligning
    fm = t.fontMetrics()
    for k in (2, 3, 4):
        x = t.columnViewportPosition(k)
        tekster = [str(t.model().index(r, k).data() or "") for r in range(t.model().rowCount())]
        assert 0 <= x and x + t.columnWidth(k) <= t.viewport().width(), (k, x, t.columnWidth(k), t.viewport().width())
        assert t.columnWidth(k) >= max(fm.horizontalAdvance(s) for s in tekster) + 6, k
    assert not t.horizontalScrollBar().isVisible()
    assert t.columnWidth(1) >= 120  # the names are cut with …, not the amounts


def test_retningstegn_i_overskrifter_og_arknavne_vises_som_koder(demo_vindue, dialog, tmp_path):
    """A heading 'Budget\u202e2026' showed turned around in the column choice and the grid ('Budget6202'),
    and a sheet's name so in the sheet choice: now each shows the character as its code, and choosing
    the sheet still opens it by its real name."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    for r in [("Konto", "Kontotekst", "Oprindeligt budget\u202e2026")] + EKSPORT[1:]:
        ws.append(list(r))
    ws2 = wb.create_sheet("Andet \u202eark")
    for r in EKSPORT:
        ws2.append(list(r))
    wb.save(tmp_path / "retning.xlsx")
    d = dialog(tmp_path / "retning.xlsx")
    tekster = [d.kolonne["beloeb"].itemText(i) for i in range(d.kolonne["beloeb"].count())]
    assert "Oprindeligt budget[U+202E]2026 (kolonne C)" in tekster and not any("\u202e" in t for t in tekster)
    gitter = [d.grid_model.data(d.grid_model.index(r, c)) for r in range(d.grid_model.rowCount())
              for c in range(d.grid_model.columnCount())]
    assert "Oprindeligt budget[U+202E]2026" in gitter and not any("\u202e" in str(t) for t in gitter)
    assert [d.ark.itemText(i) for i in range(d.ark.count())] == ["Budget", "Andet [U+202E]ark"]
    d.ark.setCurrentIndex(1)
    assert d.forloeb.ark == "Andet \u202eark"
    assert "Konto (kolonne A)" in [d.kolonne["konto"].itemText(i) for i in range(d.kolonne["konto"].count())]


def test_beloeb_fra_formel_markeres_og_formel_uden_gemt_vaerdi_afvises(demo_vindue, dialog, tmp_path):
    """A formula in the budget without its result in the file (a workbook written by a program that
    does not calculate) is refused in the dialog naming the sheet and the cell, and saying to save
    the file in Excel first. Saved by Excel with its result, the amount is imported by that result,
    and the preview marks it '(formel)', names the cell in its tooltip and says so above the lines."""
    import openpyxl

    sti = skriv(tmp_path / "skrevet.xlsx")
    wb = openpyxl.load_workbook(sti)
    wb.active["C6"] = "=C7+450000"  # Løn ledelse: 250.000 + 450.000
    wb.save(sti)
    d = dialog(sti)
    (r6,) = [i for i, (nr, _) in enumerate(d.forloeb.grid.raekker) if nr == 6]
    assert d.grid_model.index(r6, 2).data() == "(formel uden gemt værdi)"  # not a blank cell
    assert not d.naeste() and d.sider.currentIndex() == 0
    assert d.fejl.text().startswith("Arket 'Budget', række 6, kolonne C: formlen i celle C6 har ingen gemt værdi: "
                                    "filen er gemt af et program, der ikke regner formler ud")
    assert "Åbn filen i Excel, og gem den igen, før du importerer den" in d.fejl.text()
    d.reject()
    gemt = tmp_path / "gemt.xlsx"  # as Excel saves it: the formula with its result
    xb.med_gemt_resultat(sti, gemt, "C7+450000", "700000")
    d2 = dialog(gemt)
    assert d2.naeste()
    m = d2.linje_model
    beloeb = {m.index(r, 0).data(): m.index(r, 3).data() for r in range(m.rowCount())}
    assert beloeb["6"] == "700.000,00 (formel)"
    assert [k for k, v in beloeb.items() if "formel" in v] == ["6"]
    i = next(r for r in range(m.rowCount()) if m.index(r, 0).data() == "6")
    assert "celle C6 er resultatet af en formel" in m.index(i, 3).data(Qt.ToolTipRole)
    assert ("1 beløb er resultatet af en formel i regnearket (række 6; markeret med 'formel'); importen bruger "
            "resultatet, som Excel sidst gemte i filen. Tjek det.") in d2.linje_info.text()
