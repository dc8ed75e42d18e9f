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
    art = ("et usynligt tegn, der vender skriveretningen" if tegn in usynlige_tegn.RETNINGSTEGN
           else "et usynligt tegn uden bredde" if tegn in "\u200b\u2060\ufeff"
           else "en usynlig blød bindestreg" if tegn == "\u00ad" else "et usynligt formateringstegn")
    assert fund["tilbud[0].navn"] == (f"Navn indeholder {art} (U+{ord(tegn):04X}) efter ‘Bostedet ’, og det må "
                                      "teksten ikke: den kan så stå anderledes på skærmen end på papiret. Slet "
                                      "teksten omkring stedet, og skriv den igen.")


def test_json_og_takstfil_afviser_samme_navn(tmp_path, grundlag, capsys):
    d = F.skriv_dict(grundlag)
    d["driftsherre"]["navn"] = f"Eksempel {RLO}enummoK"  # shows as 'Eksempel Kommune'
    sti = tmp_path / "g.json"
    sti.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    assert main(["kontroller", str(sti)]) == 1
    ud = capsys.readouterr().out
    assert ("Navn indeholder et usynligt tegn, der vender skriveretningen (U+202E) efter ‘Eksempel ’" in ud
            and "Slet teksten omkring stedet, og skriv den igen." in ud)
    # the .takst door (a file made elsewhere, or rolled forward): the same fejl from the same validation
    takst = tmp_path / "g.takst"
    TakstFil.opret(takst, dataclasses.replace(grundlag, driftsherre=dataclasses.replace(
        grundlag.driftsherre, navn=f"Eksempel {RLO}enummoK"))).luk()
    assert main(["kontroller", str(takst)]) == 1
    assert "Navn indeholder et usynligt tegn, der vender skriveretningen (U+202E)" in capsys.readouterr().out
    # rul frem refuses to carry it into next year, in the same words
    assert main(["rul-frem", str(takst), "--til", str(tmp_path / "ny.takst")]) == 2
    assert "Driftsherre › Navn: Navn indeholder et usynligt tegn, der vender" in capsys.readouterr().err
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


# ---- free texts: bemærkninger, a begrundelse, sundhedsydelser ----------------------------------------------
# They may hold tab and line breaks; a direction override or another invisible character made a
# bemærkning read 'Taksten stiger med 10%' in the app and '…med %01' in the PDF and the JSON (or the
# other way round): no check saw it, and the auditor and the secretariat read another text than the user.
def _med_fri_tekst(grundlag, felt: str, tekst: str):
    t = grundlag.tilbud[0]
    if felt == "bemaerkninger":
        t = dataclasses.replace(t, bemaerkninger=tekst)
    elif felt == "belaegning.begrundelse":
        t = dataclasses.replace(t, belaegning=dataclasses.replace(t.belaegning, begrundelse=tekst))
    else:
        t = dataclasses.replace(t, ydelser=(dataclasses.replace(t.ydelser[0], sundhedsydelser=tekst),) + t.ydelser[1:])
    return dataclasses.replace(grundlag, tilbud=(t,) + grundlag.tilbud[1:])


FRIE = [("bemaerkninger", "Bemærkninger"), ("belaegning.begrundelse", "Begrundelse"),
        ("ydelser[0].sundhedsydelser", "Sundhedsydelser")]


@pytest.mark.parametrize("felt,navn", FRIE)
@pytest.mark.parametrize("tegn", TEGN)
def test_fri_tekst_med_usynlige_tegn_afvises_med_tegn_og_sted(grundlag, felt, navn, tegn):
    g = _med_fri_tekst(grundlag, felt, f"Pladserne er uændret.\nTaksten stiger med {tegn}%01 fordi …")
    fund = {f.felt: f.tekst for f in valider(g, regelsaet_for(g.takstaar)) if f.kode == "INPUT"}
    tekst = fund.pop(f"tilbud[0].{felt}")
    assert tekst.startswith(f"{navn} indeholder ") and f"(U+{ord(tegn):04X}) efter ‘…Taksten stiger med ’, og det " \
        "må teksten ikke: den kan så stå anderledes på skærmen end på papiret." in tekst, tekst
    assert not fund
    if tegn in usynlige_tegn.RETNINGSTEGN:
        assert "et usynligt tegn, der vender skriveretningen" in tekst


@pytest.mark.parametrize("felt,navn", FRIE)
def test_fri_tekst_maa_have_linjeskift_og_tabulator(grundlag, felt, navn):
    g = _med_fri_tekst(grundlag, felt, "Linje 1\r\nLinje 2\n\tindrykket\n\nSlut – § 107, 1.234,50 kr.\u00a0")
    assert not [f for f in valider(g, regelsaet_for(g.takstaar)) if f.kode == "INPUT"]


def test_fri_tekst_med_flere_tegn_i_begyndelsen(grundlag):
    g = _med_fri_tekst(grundlag, "bemaerkninger", f"{RLO}abc\u2066def\u2069\x07")
    fund = [f.tekst for f in valider(g, regelsaet_for(g.takstaar)) if f.felt == "tilbud[0].bemaerkninger"]
    assert fund == ["Bemærkninger indeholder et usynligt tegn, der vender skriveretningen (U+202E) i begyndelsen og 3 "
                    "andre usynlige tegn, og det må teksten ikke: den kan så stå anderledes på skærmen end på papiret. "
                    "Slet teksten omkring stedet, og skriv den igen."]


def test_fri_tekst_afvises_ens_i_json_takstfil_rul_frem_og_indmeld(tmp_path, grundlag, capsys):
    g = _med_fri_tekst(grundlag, "bemaerkninger", f"Taksten stiger med {RLO}%01")
    forventet = "Bostedet Nord › Bemærkninger: Bemærkninger indeholder et usynligt tegn, der vender skriveretningen " \
                "(U+202E) efter ‘Taksten stiger med ’"
    sti = tmp_path / "g.json"
    sti.write_text(json.dumps(F.skriv_dict(g), ensure_ascii=False), encoding="utf-8")
    assert main(["kontroller", str(sti)]) == 1
    assert forventet in capsys.readouterr().out
    takst = tmp_path / "g.takst"
    TakstFil.opret(takst, g).luk()
    assert main(["kontroller", str(takst)]) == 1
    assert forventet in capsys.readouterr().out
    assert main(["rul-frem", str(takst), "--til", str(tmp_path / "ny.takst")]) == 2
    assert forventet in capsys.readouterr().err and not (tmp_path / "ny.takst").exists()
    # indmeld refuses it before it asks for the key
    assert main(["indmeld", str(takst), "--cert", str(tmp_path / "ingen.p12"), "-o", str(tmp_path / "x.indmelding")]) == 1
    assert forventet in capsys.readouterr().err and not (tmp_path / "x.indmelding").exists()


def test_citeret_vaerdi_viser_usynlige_tegn_som_koder(grundlag):
    """A value quoted in a finding (a budget line's ydelse that does not exist) was shown as written:
    in the app's list of findings and in the PDF '‘\u202eabc’' read 'cba'. Now each invisible character
    shows as its code, and a line break in it starts no line."""
    t = grundlag.tilbud[0]
    linjer = (dataclasses.replace(t.omkostninger[0], ydelse=f"{RLO}abc\n\x1b[2K"),) + t.omkostninger[1:]
    g = dataclasses.replace(grundlag, tilbud=(dataclasses.replace(t, omkostninger=linjer),) + grundlag.tilbud[1:])
    (tekst,) = [f.tekst for f in valider(g, regelsaet_for(g.takstaar)) if f.felt == "tilbud[0].omkostninger[0].ydelse"]
    assert "‘[U+202E]abc[U+000A][U+001B][2K’" in tekst and RLO not in tekst and "\n" not in tekst
