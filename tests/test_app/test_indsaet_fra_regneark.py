"""Pasting a block copied from Excel: a cell with a line break (Alt+Enter) or quotes comes quoted on
the clipboard. Split at every line break, it became two rows and every row below it moved one row
down, saved without a word; now it is one cell, and the validation decides on it as on any text."""
from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from takstberegner.app.steps.budget import BudgetTrin
from takstberegner.app.udklip import celler
from tests.test_app.hjaelp import kolonne, trin


def _budget(v):
    v.vaelg_tilbud("X")
    b = trin(v, BudgetTrin)
    return b, b.tabeller["omkostninger"]


def test_celle_med_linjeskift_flytter_ikke_raekkerne(demo_vindue):
    v = demo_vindue
    b, bv = _budget(v)
    foer = v.dok.grundlag.tilbud[1].omkostninger
    bv.setCurrentIndex(b.model.index(0, kolonne(b.model, "tekst")))
    bv.indsaet_udklip('Løn\r\n"Vikar\nog afløser"\r\nHusleje\r\n')
    # one cell with a line break, which a budget line's text may not hold: refused, nothing saved
    # (before: '"Vikar' in line 2, 'og afløser"' in line 3 and a new line 4 'Husleje' of 0 kr.)
    assert v.dok.grundlag.tilbud[1].omkostninger == foer
    assert v.dok.fil.hent().tilbud[1].omkostninger == foer
    besked = v.statusBar().currentMessage()
    assert besked.startswith("Ikke gemt:") and "linje 2 › Tekst" in besked and "linjeskift" in besked


def test_citerede_celler_og_beloeb_ved_siden_af(demo_vindue):
    v = demo_vindue
    b, bv = _budget(v)
    bv.setCurrentIndex(b.model.index(0, kolonne(b.model, "beloeb")))
    kol = kolonne(b.model, "tekst") - kolonne(b.model, "beloeb")
    mellem = "\t" * kol
    assert bv.indsaet_udklip(f'1.000{mellem}"Løn, ""fast"" personale"\r\n'
                             f'2.000{mellem}"citat"\r\n3.000{mellem}Husleje\r\n') == ""
    linjer = v.dok.fil.hent().tilbud[1].omkostninger
    assert [(x.beloeb, x.tekst) for x in linjer] == [
        (Decimal(1000), 'Løn, "fast" personale'), (Decimal(2000), '"citat"'), (Decimal(3000), "Husleje")]


def test_celler():
    assert celler('Løn\n"Vikar\nog afløser"\nHusleje\n') == [["Løn"], ["Vikar\nog afløser"], ["Husleje"]]
    assert celler('"a\tb"\t"""x"""\r\n"åben\tc') == [["a\tb", '"x"'], ['"åben', "c"]]
    assert celler('"citat"\t"x" y\n') == [['"citat"', '"x" y']]
    assert celler("1.000\t\n\n \n") == [["1.000", ""]]
    assert celler("") == []


@given(st.text(alphabet='ab \t\r\n"', max_size=30))
def test_uden_citat_som_foer(tekst):
    """Without a quote the block is split at each line break and tab, as before."""
    tekst = tekst.replace('"', "")
    linjer = tekst.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while linjer and not linjer[-1].strip():
        linjer.pop()
    assert celler(tekst) == [linje.split("\t") for linje in linjer]


def test_cellen_er_stadig_valgt_efter_en_indsaetning_der_tilfoejer_linjer(demo_vindue):
    """A pasted block that added lines left the table with no current cell (its rows were reset): the
    next Ctrl+V, the column beside it, did nothing and said nothing. The cell stays current, also
    when Fortryd takes the lines away again."""
    v = demo_vindue
    b, bv = _budget(v)
    beloeb, tekst = kolonne(b.model, "beloeb"), kolonne(b.model, "tekst")
    bv.setCurrentIndex(b.model.index(0, beloeb))
    assert bv.indsaet_udklip("1\n2\n3\n4\n5\n") == "" and b.model.rowCount() == 5
    assert (bv.currentIndex().row(), bv.currentIndex().column()) == (0, beloeb)
    bv.setCurrentIndex(b.model.index(3, tekst))
    assert bv.indsaet_udklip("Vikar\nHusleje\nMad\n") == "" and b.model.rowCount() == 6
    linjer = v.dok.fil.hent().tilbud[1].omkostninger
    assert [(x.beloeb, x.tekst) for x in linjer[3:]] == [(Decimal(4), "Vikar"), (Decimal(5), "Husleje"), (0, "Mad")]
    v.fortryd_handling.trigger()
    v.fortryd_handling.trigger()
    assert b.model.rowCount() == 3 and (bv.currentIndex().row(), bv.currentIndex().column()) == (2, tekst)


def test_ctrl_v_uden_valgt_celle_siger_hvad_der_mangler(demo_vindue):
    v = demo_vindue
    b, bv = _budget(v)
    bv.setCurrentIndex(b.model.index(-1, -1))
    foer = v.dok.grundlag
    assert bv.indsaet_udklip("1.000\n").startswith("Vælg først den celle, hvor det indsatte skal begynde")
    assert v.dok.grundlag is foer
