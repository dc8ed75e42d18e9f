"""The command line: importer (JSON, Excel), eksporter, rul-frem, and beregn on a .takst file."""
from __future__ import annotations

import hashlib
import io
import sys
from decimal import Decimal

from takstberegner.cli import main
from takstberegner.formats import takstgrundlag as F
from takstberegner.storage import laes_grundlag

from .conftest import BUDGET, EKSEMPLER, skriv_budget

JSON = sorted(EKSEMPLER.glob("*.takstgrundlag.json"))[0]


def test_json_ind_og_ud_igen_er_samme_dokument(tmp_path, capsys):
    fil = tmp_path / "a.takst"
    assert main(["importer", str(JSON), "--til", str(fil)]) == 0
    assert "a.takst er oprettet" in capsys.readouterr().out
    ud = tmp_path / "ud.json"
    assert main(["eksporter", str(fil), "-o", str(ud)]) == 0
    assert ud.read_text(encoding="utf-8") == F.skriv_tekst(F.laes_fil(JSON))
    assert main(["eksporter", str(fil)]) == 0
    assert capsys.readouterr().out == F.skriv_tekst(F.laes_fil(JSON))


def test_beregn_laeser_takstfil(tmp_path, capsys):
    fil = tmp_path / "a.takst"
    main(["importer", str(JSON), "--til", str(fil)])
    capsys.readouterr()
    assert main(["beregn", str(JSON)]) == 0
    fra_json = capsys.readouterr().out
    assert main(["beregn", str(fil)]) == 0
    assert capsys.readouterr().out == fra_json
    assert '"takster/1"' in fra_json


def test_json_til_eksisterende_fil_afvises(tmp_path, capsys):
    fil = tmp_path / "a.takst"
    fil.write_bytes(b"min fil")
    assert main(["importer", str(JSON), "--til", str(fil)]) == 2
    assert "findes allerede" in capsys.readouterr().err
    assert fil.read_bytes() == b"min fil"


def test_ugyldig_json_og_filtype(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "takstgrundlag/1", "takstaar": 2026}', encoding="utf-8")
    assert main(["importer", str(bad), "--til", str(tmp_path / "x.takst")]) == 2
    assert "Driftsherre: feltet ‘Driftsherre’ mangler og skal udfyldes" in capsys.readouterr().err
    assert not (tmp_path / "x.takst").exists()
    assert main(["importer", str(tmp_path / "budget.txt"), "--til", str(tmp_path / "x.takst")]) == 2
    assert "kan ikke importeres" in capsys.readouterr().err
    assert main(["eksporter", str(bad)]) == 2
    assert main(["eksporter", str(tmp_path / "findes-ikke.takst")]) == 2
    assert "findes ikke" in capsys.readouterr().err


def _excel_args(xlsx, fil, *ekstra):
    return ["importer", str(xlsx), "--til", str(fil), "--ark", "Budget 2026", "--konto", "A", "--tekst", "B",
            "--beloeb", "C", *ekstra]


def test_excel_viser_forhaandsvisning_og_skriver_kun_med_ja(tmp_path, capsys, monkeypatch):
    fil = tmp_path / "a.takst"
    main(["importer", str(JSON), "--til", str(fil)])
    xlsx = skriv_budget(tmp_path / "b.xlsx")
    foer = laes_grundlag(fil)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(_excel_args(xlsx, fil, "--tilbud", "D")) == 1
    ud = capsys.readouterr().out
    assert "8 linjer importeres, 1 linje importeres ikke, 1 række springes over" in ud and "Personaleomkostninger" in ud
    assert "Erstat tilbuddets budget — før og efter:" in ud and "Intet er importeret" in ud
    assert laes_grundlag(fil) == foer
    assert main(_excel_args(xlsx, fil, "--tilbud-id", "T1", "--ja")) == 0
    assert "8 linjer er importeret til a.takst (budgettet er erstattet)." in capsys.readouterr().out
    efter = laes_grundlag(fil)
    assert len(efter.tilbud[0].omkostninger) == 7 and len(efter.tilbud[0].oevrige_indtaegter) == 1
    assert main(_excel_args(xlsx, fil, "--tilbud-id", "T1", "--ja", "--tilfoej")) == 0
    assert "(lagt til budgettet)" in capsys.readouterr().out
    igen = laes_grundlag(fil)
    assert len(igen.tilbud[0].omkostninger) == 14 and len(igen.tilbud[0].oevrige_indtaegter) == 2


def test_excel_med_fejl_giver_exit_2_og_intet_skrevet(tmp_path, capsys):
    fil = tmp_path / "a.takst"
    main(["importer", str(JSON), "--til", str(fil)])
    foer = hashlib.sha256(fil.read_bytes()).hexdigest()
    xlsx = skriv_budget(tmp_path / "b.xlsx", raekker=BUDGET + [("2.9", "Diverse", "ca. 5000", "T1")])
    assert main(_excel_args(xlsx, fil, "--tilbud", "D", "--ja")) == 2
    err = capsys.readouterr().err
    assert "Arket 'Budget 2026', række 13, kolonne C: teksten 'ca. 5000' er ikke et beløb" in err
    assert "Traceback" not in err
    assert hashlib.sha256(fil.read_bytes()).hexdigest() == foer
    # without --konto and --beloeb the columns are found from the headings: the same error
    assert main(["importer", str(xlsx), "--til", str(fil), "--ark", "Budget 2026", "--ja"]) == 2
    assert "række 13, kolonne C: teksten 'ca. 5000' er ikke et beløb" in capsys.readouterr().err
    assert hashlib.sha256(fil.read_bytes()).hexdigest() == foer


def test_csv_budget_med_overskrifter(tmp_path, capsys):
    fil = tmp_path / "a.takst"
    main(["importer", str(JSON), "--til", str(fil)])
    csv = tmp_path / "budget.csv"
    csv.write_bytes("Konto;Tekst;Beløb\r\n1.1;Løn pædagoger;6.500.000,00\r\n2.2;Fødevarer;96,25\r\n"
                    .encode("cp1252"))
    assert main(["importer", str(csv), "--til", str(fil), "--tilbud-id", "T1", "--ja"]) == 0
    assert "2 linjer er importeret" in capsys.readouterr().out
    t = laes_grundlag(fil).tilbud[0]
    assert [(x.tekst, x.beloeb) for x in t.omkostninger] == [("1.1 Løn pædagoger", Decimal("6500000.00")),
                                                              ("2.2 Fødevarer", Decimal("96.25"))]
    assert t.oevrige_indtaegter == ()


def test_importerede_renteudgifter_paa_laan_naevnes_af_kontroller(tmp_path, capsys):
    """SA 5.5.5: interest on loans is not in the takst. The kontoplan puts art 6 (Finansudgifter)
    under finansieringsudgifter, and `kontroller` said nothing about it; it now warns at the line."""
    fil = tmp_path / "a.takst"
    main(["importer", str(JSON), "--til", str(fil)])
    csv = tmp_path / "budget.csv"
    csv.write_bytes("Konto;Tekst;Beløb\r\n1.1;Løn pædagoger;6.500.000,00\r\n6.5;Renter af lån;45.000,00\r\n"
                    .encode("cp1252"))
    assert main(["importer", str(csv), "--til", str(fil), "--tilbud-id", "T1", "--ja"]) == 0
    capsys.readouterr()
    main(["kontroller", str(fil)])
    linjer = [x for x in capsys.readouterr().out.splitlines() if "finansieringsudgifter" in x]
    assert len(linjer) == 1, linjer
    assert linjer[0].startswith("ADVARSEL  ") and "› Budget › linje 2" in linjer[0], linjer[0]
    assert "'Renteudgifter' (45.000 kr.)" in linjer[0] and linjer[0].endswith("(SA 5.5.5)")


def test_rul_frem_kommando(tmp_path, capsys):
    fil = tmp_path / "a.takst"
    main(["importer", str(JSON), "--til", str(fil)])
    assert main(["rul-frem", str(fil), "--til", str(tmp_path / "b.takst")]) == 0
    assert "takstår 2027" in capsys.readouterr().out
    assert laes_grundlag(tmp_path / "b.takst").takstaar == 2027
