"""Direction overrides and other invisible format characters (Unicode category Cf) in names and
texts: one rule for every door (domain/usynlige_tegn). The validation refuses them in a name with a
Danish INPUT fejl that says how to fix it (JSON through `takstberegner kontroller`, a .takst file,
rul frem); the budget import removes them with a note; the samlede takstbilag never shows a name
turned around. A tilbud named 'Bostedet \u202eNord' shows as 'Bostedet droN'."""
from __future__ import annotations

import dataclasses
import json
import sys
import unicodedata

import pytest

from takstberegner.cli import main
from takstberegner.domain import usynlige_tegn
from takstberegner.domain.validering import valider
from takstberegner.formats import takstgrundlag as F
from takstberegner.formats.regelsaet import regelsaet_for
from takstberegner.importers import excel_budget as eb
from takstberegner.storage import TakstFil

RLO = "\u202e"
TEGN = ["\u202a", "\u202b", "\u202c", "\u202d", RLO, "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f",
        "\u061c", "\u200b", "\u2060", "\ufeff", "\u00ad", "\U000e0041"]


def test_hvert_formattegn_er_usynligt():
    """Every format character of the Unicode Python has (15.0: 170) is in the one set."""
    cf = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"]
    assert len(cf) >= 160
    assert all(usynlige_tegn.USYNLIGE.fullmatch(c) for c in cf), [hex(ord(c)) for c in cf
                                                                     if not usynlige_tegn.USYNLIGE.fullmatch(c)]
    assert not usynlige_tegn.USYNLIGE.search("Bostedet Nord – Åbo, § 107 (døgn) 1.234,50 kr.\u00a0")


@pytest.mark.parametrize("tegn", TEGN)
def test_navn_med_retningstegn_afvises_af_valideringen(grundlag, tegn):
    g = dataclasses.replace(grundlag, tilbud=(dataclasses.replace(grundlag.tilbud[0], navn=f"Bostedet {tegn}Nord"),)
                            + grundlag.tilbud[1:])
    fund = {f.felt: f.tekst for f in valider(g, regelsaet_for(g.takstaar)) if f.kode == "INPUT"}
    assert fund["tilbud[0].navn"] == ("Navn indeholder usynlige tegn (fx linjeskift, tabulator eller et "
                                      "tegn, der vender skriveretningen), og det må den ikke. Skriv teksten igen "
                                      "uden dem.")


def test_json_og_takstfil_afviser_samme_navn(tmp_path, grundlag, capsys):
    d = F.skriv_dict(grundlag)
    d["driftsherre"]["navn"] = f"Eksempel {RLO}enummoK"  # shows as 'Eksempel Kommune'
    sti = tmp_path / "g.json"
    sti.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    assert main(["kontroller", str(sti)]) == 1
    ud = capsys.readouterr().out
    assert "Navn indeholder usynlige tegn" in ud and "Skriv teksten igen uden dem." in ud
    # the .takst door (a file made elsewhere, or rolled forward): the same fejl from the same validation
    takst = tmp_path / "g.takst"
    TakstFil.opret(takst, dataclasses.replace(grundlag, driftsherre=dataclasses.replace(
        grundlag.driftsherre, navn=f"Eksempel {RLO}enummoK"))).luk()
    assert main(["kontroller", str(takst)]) == 1
    assert "Navn indeholder usynlige tegn" in capsys.readouterr().out
    # rul frem refuses to carry it into next year, in the same words
    assert main(["rul-frem", str(takst), "--til", str(tmp_path / "ny.takst")]) == 2
    assert "Driftsherre › Navn: Navn indeholder usynlige tegn" in capsys.readouterr().err
    assert not (tmp_path / "ny.takst").exists()


def test_budgetimport_fjerner_dem_med_en_note(tmp_path, grundlag, takstfil, capsys):
    """They stayed in the konto and the text: the art '2.2\u200b' was unknown to the kontoplan, and a
    text turned around reached the takstgrundlag."""
    sti = tmp_path / "b.csv"
    sti.write_bytes(f"Konto;Tekst;Beløb\r\n2.2\u200b;Mad {RLO}og drikke;100\r\n2.7;Ting\u00ad;7\r\n4.5;Håndværk;3\r\n"
                    .encode("utf-8"))
    fv = eb.forhaandsvis(sti, None, None, None, None, grundlag, tilbud_id="T1")
    assert [(x.konto, x.art, x.tekst) for x in fv.linjer] == [("2.2", "2.2", "Mad og drikke"), ("2.7", "2.7", "Ting"),
                                                               ("4.5", "4.5", "Håndværk")]
    assert fv.noter == ("Usynlige tegn (fx tegn, der vender skriveretningen, eller mellemrum uden bredde) er fjernet "
                        "fra teksterne i række 2 og 3; ingen navne eller tekster i takstfilen må have dem. Tjek "
                        "teksterne.",)
    assert main(["importer", str(sti), "--til", str(takstfil), "--tilbud-id", "T1", "--ja"]) == 0
    assert fv.noter[0] in capsys.readouterr().out
    with TakstFil.aabn(takstfil) as f:
        tekster = [x.tekst for x in f.hent().tilbud[0].omkostninger]
    assert not any(usynlige_tegn.USYNLIGE.search(t) for t in tekster) and "2.2 Mad og drikke" in tekster
