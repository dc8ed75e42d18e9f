"""`takstberegner beregn` and `kontroller` as a user runs them: exit codes (0 fine, 1 findings
of level fejl, 2 bad input), Danish lines, UTF-8 output, and no traceback on a bad output path."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

KOMMANDO = Path(sys.executable).parent / "takstberegner"
EKSEMPEL_1 = Path(__file__).parents[1] / "data" / "eksempler" / "eksempel-1-bostedet-nord.takstgrundlag.json"


def koer(*args: str) -> tuple[int, str, str]:
    r = subprocess.run([str(KOMMANDO), *map(str, args)], check=False, capture_output=True, timeout=60)
    return r.returncode, r.stdout.decode("utf-8"), r.stderr.decode("utf-8")


def skriv(tmp_path: Path, d: dict, navn: str = "grundlag.json") -> Path:
    p = tmp_path / navn
    p.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    return p


RENTE = {"rente_anlaeg_pct": "3", "rente_kort_pct": "2"}


def test_kontroller_uden_fund_exit_0(tmp_path, lav_dok, lav_tilbud):
    t = lav_tilbud(belaegning={"metode": "forventet", "pct": "97", "begrundelse": "Som sidste år"})
    kode, ud, fejl = koer("kontroller", skriv(tmp_path, lav_dok(t, satser=RENTE)))
    assert (kode, fejl) == (0, "")
    assert ud == "Testkommune, takstår 2026: 1 tilbud, 0 fejl, 0 advarsler.\n"


def test_kontroller_med_advarsel_og_info_exit_0(tmp_path, lav_dok, lav_tilbud):
    # STOETTETIMER-MANGLER (advarsel) and BEL-OVER-98 (info at 100 %): no fejl, so exit 0.
    t = lav_tilbud(navn="Bostedet Øst", ydelser=[{"id": "T-1", "navn": "Døgn", "pladser": 10}])
    kode, ud, _ = koer("kontroller", skriv(tmp_path, lav_dok(t, satser=RENTE)))
    linjer = ud.splitlines()
    assert kode == 0
    # Each finding by its place in words, its text and its SA reference; no code, no field path.
    assert any(x.startswith("ADVARSEL  Bostedet Øst › Ydelser › ydelse ‘Døgn’ › Støttetimer pr. uge: ")
               and "støttetimer" in x for x in linjer), ud
    assert any(x.startswith("INFO      Bostedet Øst › Belægning: ") and x.endswith("(SA 5.2)") for x in linjer), ud
    assert "STOETTETIMER" not in ud and "BEL-OVER" not in ud and "tilbud[" not in ud
    assert linjer[-1].endswith("0 fejl, 1 advarsel.")


def test_kontroller_med_fejl_exit_1(tmp_path, lav_dok, lav_tilbud):
    # Pladser changed from 12 to 10 without a bemærkning, and 94 % belægning without a begrundelse: two fejl.
    t = lav_tilbud(pladser_forrige_aar=12, belaegning={"metode": "beregnet", "faktisk_pct": {"2024": "93", "2025": "95"}})
    kode, ud, fejl = koer("kontroller", skriv(tmp_path, lav_dok(t, satser=RENTE)))
    assert (kode, fejl) == (1, "")
    fejllinjer = [x for x in ud.splitlines() if x.startswith("FEJL")]
    assert len(fejllinjer) == 2
    assert any("Antallet af pladser er ændret fra 12 til 10" in x for x in fejllinjer)
    assert any(x.startswith("FEJL      Testtilbud › Belægning: ") and "94 %" in x and x.endswith("(SA 5.2)")
               for x in fejllinjer), ud
    assert ud.splitlines()[-1].endswith("2 fejl, 0 advarsler.")


def test_kontroller_med_fund_uden_tilbud(tmp_path, lav_dok, lav_tilbud):
    t = lav_tilbud(belaegning={"metode": "forventet", "pct": "97", "begrundelse": "x"}, noegletal={"m2": "0"})
    d = lav_dok(t, puljer=[{"id": "K", "navn": "Køkken", "beloeb": "1000", "noegle": "m2"}])
    kode, ud, _ = koer("kontroller", skriv(tmp_path, d))
    assert kode == 1
    assert any(x.startswith("FEJL      Overhead ‘Køkken’: ") for x in ud.splitlines()), ud
    assert "INPUT" not in ud and "overheadpuljer[" not in ud


def test_kontroller_eksempel_1(tmp_path):
    kode, ud, _ = koer("kontroller", EKSEMPEL_1)
    assert kode == 0 and "ADVARSEL  Bostedet Nord › Hensættelser › hensættelse 1: Hensættelsen fra 2021" in ud
    assert ud.splitlines()[-1].endswith("0 fejl, 1 advarsel.")


def test_kontroller_daarligt_input_exit_2(tmp_path):
    p = tmp_path / "g.json"
    p.write_text('{"format": "takstgrundlag/1"}', encoding="utf-8")
    kode, ud, fejl = koer("kontroller", p)
    assert (kode, ud) == (2, "")
    assert fejl == "takstberegner: Takstår: feltet ‘Takstår’ mangler og skal udfyldes\n"


def test_beregn_manglende_fil_exit_2():
    kode, ud, fejl = koer("beregn", "findes-ikke.json")
    assert (kode, ud) == (2, "") and "findes ikke" in fejl and "Traceback" not in fejl


def test_beregn_til_en_sti_der_ikke_kan_skrives_exit_2(tmp_path):
    kode, ud, fejl = koer("beregn", EKSEMPEL_1, "-o", tmp_path / "mangler" / "takster.json")
    assert (kode, ud) == (2, "")
    assert "Traceback" not in fejl and fejl.startswith("takstberegner: Mappen ") and "kan ikke skrives" in fejl
    assert "No such file" not in fejl


def test_beregn_udskriver_utf8_ogsaa_med_anden_lokalitet(tmp_path, lav_dok, lav_tilbud):
    # A Windows console may not be UTF-8; the document on stdout is UTF-8 regardless.
    import os

    t = lav_tilbud(navn="Bøgehøj", belaegning={"metode": "forventet", "pct": "97", "begrundelse": "Ærø"})
    env = {**os.environ, "PYTHONIOENCODING": "latin-1", "LC_ALL": "C"}
    r = subprocess.run([str(KOMMANDO), "beregn", str(skriv(tmp_path, lav_dok(t)))], check=False, capture_output=True,
                       timeout=60, env=env)
    assert r.returncode == 0
    d = json.loads(r.stdout.decode("utf-8"))
    assert d["tilbud"][0]["takster"][0]["takst"] == "1030.93"  # 3.650.000 / (10 × 365 × 0,97)


def test_kontroller_exit_0_uden_fejl_og_1_med_fejl(tmp_path):
    kilde = Path(__file__).parents[1] / "data" / "eksempler" / "eksempel-1-bostedet-nord.takstgrundlag.json"
    r = subprocess.run([sys.executable, "-m", "takstberegner", "kontroller", str(kilde)], capture_output=True,
                       timeout=60)
    ud = r.stdout.decode("utf-8")
    assert r.returncode == 0 and "Hensættelsen fra 2021" in ud and "0 fejl, 1 advarsel." in ud
    d = json.loads(kilde.read_text(encoding="utf-8"))
    d["tilbud"][0]["pladser"] = 14  # changed from last year's 12 without a bemærkning
    d["tilbud"][0]["ydelser"][0]["pladser"] = 8
    (tmp_path / "g.json").write_text(json.dumps(d), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "takstberegner", "kontroller", str(tmp_path / "g.json")],
                       capture_output=True, timeout=60)
    ud = r.stdout.decode("utf-8")
    assert r.returncode == 1
    assert "FEJL      Bostedet Nord › " in ud and "Antallet af pladser er ændret fra 12 til 14" in ud


def test_kontroller_navngiver_tilbud_med_samme_id_efter_plads(tmp_path, lav_dok, lav_tilbud):
    """Two tilbud with one id: each finding names its own tilbud (by position), not the last one's."""
    a = lav_tilbud(navn="Aahuset", pladser_forrige_aar=12)  # PLADSER-AENDRET on the first only
    b = lav_tilbud(navn="Birkely")
    kode, ud, _ = koer("kontroller", skriv(tmp_path, lav_dok(a, b)))
    assert kode == 1
    pladser = [x for x in ud.splitlines() if "Antallet af pladser er ændret" in x]
    assert len(pladser) == 1 and pladser[0].startswith("FEJL      tilbud nr. 1, Aahuset › "), ud
    dobbelt = [x for x in ud.splitlines() if "bruges af mere end ét tilbud" in x]
    assert dobbelt and all(x.startswith("FEJL      tilbud nr. 2, Birkely › Id: ") for x in dobbelt), ud
    assert "Birkely" not in pladser[0]


def test_kontroller_kalder_en_meningsloes_indmelding_fejl(tmp_path, lav_dok, lav_tilbud):
    """Issue 11: an empty budget gave 0 fejl and a takst of 0,00 kr. The app's checklist (name, CVR,
    rente, a budget and a takst above 0 for every submitted tilbud) is the command line's too."""
    t = lav_tilbud(navn="Tomhuset", omkostninger=[],
                   belaegning={"metode": "forventet", "pct": "97", "begrundelse": "Som sidste år"})
    d = lav_dok(t)  # rente 0
    d["driftsherre"]["cvr"] = "00000000"
    kode, ud, fejl = koer("kontroller", skriv(tmp_path, d))
    assert (kode, fejl) == (1, ""), ud
    linjer = ud.splitlines()
    assert "FEJL      Driftsherre › CVR-nummer: Skriv driftsherrens CVR-nummer (8 cifre)" in linjer
    assert "FEJL      Satser › Rente til forrentning af anlæg: Sæt årets rente til forrentning af anlæg (SA 5.5.5)" in linjer
    assert "FEJL      Tomhuset › Budget: Budgettet er tomt. Indtast tilbuddets omkostninger. (SA 5.5.1)" in linjer
    assert linjer[-1].endswith(f"{len(linjer) - 1} fejl, 0 advarsler.")


def test_importer_af_et_dokument_over_takstfilens_graenser_skriver_intet(tmp_path, lav_dok, lav_tilbud):
    """1.001 tilbud: the .takst file would be refused when opened, so it is not made (exit 2, Danish)."""
    d = lav_dok(*[lav_tilbud(id=f"T{i}", navn=f"Tilbud {i}", ydelser=[{"id": f"T{i}-1", "navn": "Y", "pladser": 10}])
                  for i in range(1_001)], satser=RENTE)
    kode, ud, fejl = koer("importer", skriv(tmp_path, d), "--til", tmp_path / "ny.takst")
    assert kode == 2 and "Traceback" not in fejl
    assert "1.001 tilbud" in fejl and "Intet er gemt" in fejl
    assert not (tmp_path / "ny.takst").exists()
