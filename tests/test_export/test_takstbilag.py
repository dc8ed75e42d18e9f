"""The samlede takstbilag DAS approves from: every column read back from the real xlsx and checked
against the signed takster and takstgrundlag documents of the files it was built from; which files
count (dublet, erstattet, wrong takstår, afvist); text never becomes a formula."""
from __future__ import annotations

import io
import zipfile
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from takstberegner import dansk, tjeneste
from takstberegner.domain import navne
from takstberegner.domain.model import KATEGORIER, REGULERING_LINJE
from takstberegner.export import indmelding, takstbilag, takstbilag_udvalg
from takstberegner.export.tillid import Tillid

from . import bilag_data as d
from .conftest import TID

OERE = Decimal("0.01")


def _d(v) -> Decimal | None:
    return None if v is None else Decimal(str(v)).quantize(OERE)


def _pct(v) -> Decimal | None:
    """A percentage cell (a fraction) as percent units with 2 decimals."""
    return None if v is None else (Decimal(str(v)) * 100).quantize(OERE)


def raekker(ws) -> list[dict]:
    """The table of a sheet as dicts by heading (headings in row 3)."""
    hoved = [c.value for c in ws[3]]
    ud = []
    for row in ws.iter_rows(min_row=4, values_only=True):
        if all(v is None for v in row):
            continue
        ud.append(dict(zip(hoved, row)))
    return ud


@pytest.fixture(scope="module")
def region(tmp_path_factory, test_ca):
    """Signed files: A, B (an older and a newer version), C, D (2025), A again, one tampered,
    one that is not a container, one that is missing."""
    mappe = tmp_path_factory.mktemp("region")
    u = {k: test_ca.udsted(g.driftsherre.navn[:40], g.driftsherre.cvr)
         for k, g in (("a", d.grundlag_a()), ("b", d.grundlag_b()), ("c", d.grundlag_c()))}
    # D's 2025 file is signed inside 2025's window (1 Jan 2024 - 31 Dec 2025), as a genuine one is
    tid_d = datetime(2025, 11, 14, 10, 0, tzinfo=timezone.utc)
    u["d"] = test_ca.udsted(d.grundlag_d().driftsherre.navn[:40], d.grundlag_d().driftsherre.cvr,
                            fra=tid_d - timedelta(days=30), til=tid_d + timedelta(days=730))
    f = {
        "a": d.signer(d.grundlag_a(), u["a"], mappe / "a.indmelding"),
        "b_gammel": d.signer(d.grundlag_b("Første udgave."), u["b"], mappe / "b-gammel.indmelding",
                             tid=TID - timedelta(days=2)),
        "b": d.signer(d.grundlag_b("Anden udgave: nattevagt tilføjet."), u["b"], mappe / "b.indmelding",
                      tid=TID - timedelta(days=1)),
        "c": d.signer(d.grundlag_c(), u["c"], mappe / "c.indmelding"),
        "d": d.signer(d.grundlag_d(), u["d"], mappe / "d-2025.indmelding", tid=tid_d),
    }
    raa = bytearray(f["c"].read_bytes())
    raa[raa.index(b"takstberegning.pdf") + 40] ^= 0xFF
    (mappe / "c-aendret.indmelding").write_bytes(bytes(raa))
    f["c_aendret"] = mappe / "c-aendret.indmelding"
    (mappe / "skrald.indmelding").write_bytes(b"PK\x03\x04 dette er ikke en container")
    f["skrald"] = mappe / "skrald.indmelding"
    f["mangler"] = mappe / "findes-ikke.indmelding"
    return f, Tillid(roedder=(test_ca.rod,))


@pytest.fixture(scope="module")
def bilag(region):
    f, tillid = region
    filer = [f["a"], f["b"], f["c"], f["d"], f["b_gammel"], f["a"], f["c_aendret"], f["skrald"], f["mangler"]]
    udvalg = takstbilag.saml(filer, tillid)
    wb = openpyxl.load_workbook(io.BytesIO(takstbilag.lav_takstbilag(udvalg)))
    return udvalg, wb, f


def test_hver_fil_faar_sin_status_og_grund(bilag):
    udvalg, wb, f = bilag
    assert udvalg.takstaar == 2026
    status = raekker(wb["Indmeldinger"])
    assert [(r["Nr."], r["Fil"], r["Status"]) for r in status] == [
        (1, "a.indmelding", "Godkendt"), (2, "b.indmelding", "Godkendt"), (3, "c.indmelding", "Godkendt"),
        (4, "d-2025.indmelding", "Andet takstår (ikke med)"), (5, "b-gammel.indmelding", "Erstattet af nyere indmelding"),
        (6, "a.indmelding", "Dublet (tælles én gang)"), (7, "c-aendret.indmelding", "Afvist"),
        (8, "skrald.indmelding", "Afvist"), (9, "findes-ikke.indmelding", "Afvist")]
    grund = {r["Nr."]: r["Begrundelse"] or "" for r in status}
    assert "Indmeldingen holder, men den er for takståret 2025, og takstbilaget er for 2026" in grund[4]
    assert "Erstattet af nr. 2 (b.indmelding" in grund[5] and "CVR 22223333" in grund[5]
    assert "Samme fil som nr. 1 (a.indmelding)" in grund[6]
    # the reason names the damaged part in words, never by its name in the container
    assert "‘takstberegningen til revision (PDF)’ er beskadiget" in grund[7]
    for r in status:
        for navn in (*indmelding.MEDLEM_NAVNE, "META-INF", ".json", ".p7s", "ASiCManifest"):
            assert navn not in (r["Begrundelse"] or "") and navn not in (r["Noter"] or ""), (navn, r)
    assert grund[8] and grund[9] == "Filen findes ikke (den er flyttet, omdøbt eller slettet)."
    assert not grund[1] and not grund[2] and not grund[3]
    noter = {r["Nr."]: r["Noter"] or "" for r in status}
    assert noter[2].startswith("Erstatter nr. 5 (b-gammel.indmelding")
    # signer, time and fingerprints of an approved file, as verification found them
    a = next(s.indmelding for s in udvalg.statusser if s.nr == 1)
    r1 = status[0]
    assert r1["Driftsherre"] == "Eksempel Kommune" and r1["CVR"] == "12345678" and r1["Takstår"] == 2026
    assert r1["Underskriver"] == a.underskriver and r1["Certifikatets CVR"] == "12345678"
    assert r1["Signeret"] == dansk.dansk_tid(a.signeringstid)
    assert r1["Indmeldingens fingeraftryk"].replace(" ", "") == a.fingeraftryk
    assert r1["Certifikatets fingeraftryk (SHA-256)"] == a.certifikat_fingeraftryk
    assert r1["Filens SHA-256"] == a.sha256 == __import__("hashlib").sha256(f["a"].read_bytes()).hexdigest()


def test_hver_kolonne_i_takster_svarer_til_de_signerede_dokumenter(bilag):
    udvalg, wb, f = bilag
    rows = raekker(wb["Takster"])
    kontrolleret = 0
    for fil in (f["a"], f["b"], f["c"]):
        g, tk = d.dokumenter(fil)
        for t in g["tilbud"]:
            mine = [r for r in rows if r["CVR"] == g["driftsherre"]["cvr"] and r["Tilbud"] == t["navn"]]
            if t["kategori"] == 1:
                assert mine == []
                continue
            res = next(x for x in tk["tilbud"] if x["id"] == t["id"])
            if t["takststruktur"] == "traekningsret":
                assert len(mine) == 1 and mine[0]["Takst (kr.)"] is None
                assert mine[0]["Takststruktur"] == "Trækningsret" and "arket Fordeling" in mine[0]["Markering"]
                continue
            assert len(mine) == len(res["takster"])
            for takst in res["takster"]:
                y = next(y for y in t["ydelser"] if y["id"] == takst["ydelse"])
                r = next(r for r in mine if r["Ydelse"] == y["navn"])
                sv = t.get("saerlige_vilkaar")
                forventet = {
                    "Driftsherre": g["driftsherre"]["navn"], "CVR": g["driftsherre"]["cvr"],
                    "Tilbud": t["navn"], "Tilbudsportal-id": t.get("tilbudsportal_id") or None,
                    "Paragraf": t["paragraf"], "Kategori": t["kategori"],
                    "Tilbudstype": navne.TILBUDSTYPER[t["tilbudstype"]], "Ydelse": y["navn"],
                    "Takststruktur": navne.TAKSTSTRUKTURER[t["takststruktur"]],
                    "Enhed": navne.ENHEDER[takst["enhed"]], "Pladser": y["pladser"],
                    "Nyt tilbud": (f"Ja, første driftsår {t['foerste_driftsaar']}" if t.get("foerste_driftsaar")
                                   == g["takstaar"] else None),
                    "Korte forløb": "Ja" if t.get("korte_forloeb") or y.get("korte_forloeb") else None,
                    "Særlige vilkår": (f"{sv['beskrivelse']} (godkendt 05-09-2025)" if sv else None),
                    "Sundhedsydelser": y.get("sundhedsydelser") or None,
                    "Bemærkninger": t.get("bemaerkninger") or None,
                }
                assert {k: r[k] for k in forventet} == forventet
                beloeb = {
                    "Takst (kr.)": takst["takst"], "Basistakst (kr.)": takst.get("basistakst"),
                    "Ydelsestakst (kr.)": takst.get("ydelsestakst"), "Støttetimer pr. uge": takst["stoettetimer_uge"],
                    "Pris pr. støttetime (kr.)": res["pris_pr_stoettetime"],
                    "Sidste års takst (kr.)": y.get("forrige_takst"),
                    "Heraf regulering og øvrige indtægter (kr.)": takst["pr_kategori"][REGULERING_LINJE],
                    **{f"{navne.TAKST_LINJER_KORT[k]} (kr.)": takst["pr_kategori"][k] for k in KATEGORIER},
                }
                assert {k: _d(r[k]) for k in beloeb} == {k: _d(v) for k, v in beloeb.items()}
                assert r["Takst (hele kr.)"] == int(takst["takst_kr"])
                # SPEC v2: belægning, pladsdøgn and the real change of each takst row
                assert _pct(r["Belægning"]) == Decimal(takst["belaegning_pct"])
                assert _d(r["Pladsdøgn"]) == Decimal(takst["pladsdoegn"])
                for kol, noegle in (("Ændring (nominel)", "aendring_pct"), ("Ændring (real)", "aendring_real_pct")):
                    assert _pct(r[kol]) == (None if takst[noegle] is None else Decimal(takst[noegle])), kol
                of = t.get("objektiv_finansiering")
                assert _pct(r["Objektiv finansiering"]) == (Decimal(of["andel_pct"]) if of else None)
                # the category split adds up to the takst
                assert sum(Decimal(v) for v in takst["pr_kategori"].values()) == Decimal(takst["takst"])
                kontrolleret += 1
    assert kontrolleret == 4 and len(rows) == 5  # Bostedet Nord ×2, Tilbud X, Nyt botilbud, trækningsret
    # the v2 flags as a reviewer sees them
    bn2 = next(r for r in rows if r["Ydelse"] == "Niveau 2")
    assert bn2["Korte forløb"] == "Ja" and _pct(bn2["Belægning"]) == 92 and _pct(bn2["Objektiv finansiering"]) == 40
    assert _pct(bn2["Ændring (real)"]) < _pct(bn2["Ændring (nominel)"])  # the year's P/L is 3,2 %
    assert bn2["Markering"] == "Realt fald over væsentlighedsgrænsen (5 %)"
    assert next(r for r in rows if r["CVR"] == "33334444")["Nyt tilbud"] == "Ja, første driftsår 2026"
    # the superseded version and the 2025 file left nothing behind
    assert not any("Første udgave" in (r["Bemærkninger"] or "") for r in rows)
    assert not any(r["Driftsherre"] == "Thisted Kommune" for r in rows)


def test_tilbud_og_ata_svarer_til_dokumenterne(bilag):
    _, wb, f = bilag
    tilbud, ata = raekker(wb["Tilbud"]), raekker(wb["ATA-timetakster"])
    n_ata = 0
    for fil in (f["a"], f["b"], f["c"]):
        g, tk = d.dokumenter(fil)
        for t in g["tilbud"]:
            mine = [r for r in tilbud if r["CVR"] == g["driftsherre"]["cvr"] and r["Tilbud"] == t["navn"]]
            if t["kategori"] == 1:
                assert mine == []
                continue
            (r,) = mine
            res = next(x for x in tk["tilbud"] if x["id"] == t["id"])
            for kol, noegle in (("Omkostningsgrundlag (kr.)", "omkostningsgrundlag"), ("Regulering (kr.)", "regulering"),
                                ("Hensat (kr.)", "hensat"), ("Øvrige indtægter (kr.)", "oevrige_indtaegter"),
                                ("Takstgrundlag (kr.)", "takstgrundlag"), ("Pladsdøgn", "pladsdoegn"),
                                ("Pris pr. støttetime (kr.)", "pris_pr_stoettetime")):
                assert _d(r[kol]) == _d(res[noegle]), kol
            assert r["Pladser"] == t["pladser"] and r["Pladser sidste år"] == t.get("pladser_forrige_aar")
            # the bridge adds up: omkostningsgrundlag + regulering − øvrige indtægter = takstgrundlag
            assert _d(r["Omkostningsgrundlag (kr.)"]) + _d(r["Regulering (kr.)"]) - _d(r["Øvrige indtægter (kr.)"]) \
                == _d(r["Takstgrundlag (kr.)"])
            for a in res["tillaegsydelser"]:
                (ra,) = [x for x in ata if x["CVR"] == g["driftsherre"]["cvr"] and x["Tilbud"] == t["navn"]
                         and x["Personalekategori"] == a["personalekategori"]
                         and x["Tidsrum"] == navne.vis(a["tidsrum"], navne.TIDSRUM)]
                assert _d(ra["ATA-timetakst (kr.)"]) == Decimal(a["ata_timetakst"])
                n_ata += 1
    assert n_ata == len(ata) == 4
    assert any(_d(r["ATA-timetakst (kr.)"]) == Decimal("335.78") and _d(r["Timeomkostning (kr.)"]) == 206
               and _pct(r["Døgnkoefficient"]) == 25 for r in ata)  # SA 9.2's example


def test_fordelingen_som_matrix_med_totaler_lig_motorens(bilag):
    """Trækningsret and objektiv finansiering as tilbud × kommune: every cell is the signed takster
    document's whole kroner and the engine's fordeling, every total their sum."""
    udvalg, wb, f = bilag
    ws = wb["Fordeling"]
    hoved = [c.value for c in ws[3]]
    kommuner = ["Aalborg", "Brønderslev", "Hjørring", "Jammerbugt", "Rebild"]
    assert hoved == ["Driftsherre", "Tilbud", "Finansiering", *kommuner, "I alt"]
    *tabel, total = raekker(ws)
    assert [(r["Tilbud"], r["Finansiering"]) for r in tabel] == [
        ("Bostedet Nord", "Objektiv finansiering (40 %)"), ("Rådgivningscenter Nord", "Trækningsret")]
    a = next(s.indmelding for s in udvalg.godkendte if s.indmelding.cvr == "12345678")
    motor = tjeneste.beregn(a.grundlag)
    _, tk = d.dokumenter(f["a"])
    doc = {x["id"]: x for x in tk["tilbud"]}
    for r, tid, noegle, fordeling in ((tabel[0], "T1", "objektiv_fordeling", motor.tilbud_resultat("T1").objektiv_fordeling),
                                      (tabel[1], "TR", "fordeling", motor.tilbud_resultat("TR").fordeling)):
        celler = {k: Decimal(r[k]) for k in kommuner if r[k] is not None}
        assert celler == {k: Decimal(v) for k, v in doc[tid][noegle].items()} == fordeling
        assert all(r[k] is None for k in kommuner if k not in fordeling)
        assert Decimal(r["I alt"]) == sum(fordeling.values())
    tr = motor.tilbud_resultat("TR")
    assert Decimal(tabel[1]["I alt"]) == tr.takstgrundlag.quantize(Decimal(1))
    assert Decimal(tabel[0]["I alt"]) == motor.tilbud_resultat("T1").objektiv_andel
    assert total["Driftsherre"] == "I alt"
    for k in [*kommuner, "I alt"]:
        assert total[k] == sum(r[k] or 0 for r in tabel), k
    assert ws.cell(4, 4).number_format == "#,##0"
    # the Tilbud sheet shows the objektivt finansierede part beside the takstgrundlag
    t1 = next(r for r in raekker(wb["Tilbud"]) if r["Tilbud"] == "Bostedet Nord")
    assert _d(t1["Heraf objektivt finansieret (kr.)"]) == Decimal(tabel[0]["I alt"])
    assert _pct(t1["Objektiv finansiering"]) == 40


def test_formel_lignende_navn_forbliver_synlig_tekst(bilag, region):
    udvalg, wb, _ = bilag
    fundet = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value == d.FORMEL_NAVN:
                    assert c.data_type == "s"
                    fundet += 1
    assert fundet >= 4  # Takster, Tilbud, Sammenligning, Indmeldinger
    # and no formula anywhere in the file: no <f> element in any sheet
    data = takstbilag.lav_takstbilag(udvalg)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for navn in z.namelist():
            if navn.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(navn) and b"<f " not in z.read(navn)
    b = next(r for r in raekker(wb["Indmeldinger"]) if r["CVR"] == "22223333" and r["Status"] == "Godkendt")
    assert "Driftsherre ligner en formel" in b["Noter"]


def test_en_indmelding_med_mange_fejl_siger_hvor_mange_og_hvad_der_skal_ske(tmp_path, capsys, test_ca):
    """A submission with 12 fejl, signed by a trusted sender's own program: verificer and the bilag name
    the first 10, say how many more there are, and what to ask of the driftsherre. Before, the list
    stopped at 10 with no word of the other 2."""
    import dataclasses

    from takstberegner.cli import main
    from takstberegner.domain import model as m

    from .conftest import skriv_pem

    g = d.eksempel(2)
    t = g.tilbud[0]
    tilbud = tuple(dataclasses.replace(
        t, id=f"T{i}", navn=f"Bosted {i}", ydelser=tuple(dataclasses.replace(y, id=f"T{i}-{y.id}") for y in t.ydelser),
        belaegning=m.Belaegning("forventet", pct=Decimal("150"), begrundelse="Skøn")) for i in range(1, 13))
    g = dataclasses.replace(g, tilbud=tilbud)
    assert sum(1 for f in tjeneste.beregn(g).alle_fund() if f.er_fejl) == 12
    fil = d.signer(g, test_ca.udsted(g.driftsherre.navn[:40], g.driftsherre.cvr), tmp_path / "fejl.indmelding",
                   med_fejl=True)
    pem = skriv_pem(tmp_path / "rod.pem", test_ca.rod)
    assert main(["verificer", str(fil), "--tillid", str(pem)]) == 1
    ud = capsys.readouterr().out
    assert "Bosted 10 › Belægning" in ud and "Bosted 11" not in ud
    assert ("… og 2 fejl mere. Bed driftsherren rette fejlene i Takstberegner og indsende indmeldingen igen." in ud), ud
    bilag = tmp_path / "takstbilag.xlsx"
    assert main(["takstbilag", str(fil), "--tillid", str(pem), "-o", str(bilag)]) == 1
    (r,) = raekker(openpyxl.load_workbook(bilag)["Indmeldinger"])
    assert r["Status"] == "Afvist" and r["Begrundelse"].endswith(
        "… og 2 fejl mere. Bed driftsherren rette fejlene i Takstberegner og indsende indmeldingen igen.")


def test_bemaerkning_med_kontroltegn_afvises(tmp_path, test_ca):
    """A bemærkning with control characters, signed by a trusted sender's own program: before, it was
    GODKENDT and the takstbilag removed them with a note; now the validation refuses them in every door
    (domain/usynlige_tegn), so the submission is AFVIST naming the character, and none of it is shown."""
    g = d.grundlag_b("Linje et\x07 og\x1b to")
    u = test_ca.udsted("Nordby Kommune", "22223333")
    fil = d.signer(g, u, tmp_path / "kontrol.indmelding", med_fejl=True)
    udvalg = takstbilag.saml([fil], Tillid(roedder=(test_ca.rod,)))
    (status,) = udvalg.statusser
    assert status.status != takstbilag_udvalg.GODKENDT
    assert any("Bemærkninger: Bemærkninger indeholder et kontroltegn (U+0007) efter ‘Linje et’ og 1 andet usynligt "
               "tegn" in g for g in status.grunde), status.grunde
    wb = openpyxl.load_workbook(io.BytesIO(takstbilag.lav_takstbilag(udvalg)))
    assert [r["Driftsherre"] for r in raekker(wb["Takster"])] == ["(ingen rækker)"]
    assert all("\x07" not in str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row)


def test_tabeller_filtre_frosne_overskrifter_og_udskrift(bilag):
    _, wb, _ = bilag
    assert wb.sheetnames == ["Takster", "Tilbud", "Fordeling", "ATA-timetakster", "Sammenligning", "Indmeldinger"]
    assert wb.properties.keywords == takstbilag.NOEGLEORD and wb.properties.title == "Samlet takstbilag 2026"
    for ws in wb.worksheets:
        (tabel,) = ws.tables.values()
        antal = len(raekker(ws)) - (1 if ws.title == "Fordeling" else 0)
        kolonner = ws.max_column
        assert tabel.ref == f"A3:{openpyxl.utils.get_column_letter(kolonner)}{3 + antal}", ws.title
        assert [c.name for c in tabel.tableColumns] == [c.value for c in ws[3]]
        assert ws.freeze_panes.endswith("4") and ws.print_title_rows == "$3:$3"
        _udskrives_laeseligt(ws)
        assert ws["A1"].value.startswith("Samlet takstbilag 2026 – ")
        # every heading is Danish words: no internal key shows
        for c in ws[3]:
            assert "_" not in c.value
    assert str(wb["Takster"].page_setup.paperSize) == wb["Takster"].PAPERSIZE_A3
    assert wb["Takster"].freeze_panes == "E4"  # driftsherre, CVR, tilbud and ydelse stay in view
    # the wide sheets are printed in full size over pages across, each starting a group of columns
    takster = wb["Takster"]
    assert takster.print_title_cols == "$A:$D"
    starter = [b.id + 1 for b in takster.col_breaks.brk]
    overskrift = [c.value for c in takster[3]]
    assert [overskrift[j - 1] for j in starter[:2]] == ["Takst (kr.)", "Heraf regulering og øvrige indtægter (kr.)"]
    tilbud = [c.value for c in wb["Tilbud"][3]]
    assert [tilbud[b.id] for b in wb["Tilbud"].col_breaks.brk] == ["Omkostningsgrundlag (kr.)", "Nyt tilbud"]
    # percentages are real percentages
    assert wb["Takster"]["L4"].number_format == "0.00%"


# The printable width of landscape A4/A3 with 0,4 inch side margins, and the points a column unit
# takes: 5,25 in Excel (Calibri 11), up to 7 where Calibri is missing (LibreOffice, DejaVu).
PLADS_PT = {"A4": 841.89 - 57.6, "A3": 1190.55 - 57.6}


def _udskrives_laeseligt(ws) -> None:
    """Every sheet prints at 8 pt or more (its 9 pt at 90 % or more): either fitted to one page
    wide when Excel can do that at 90 % or more, or at 100 % over pages across that each fit at 7
    points a column unit, each page after the first repeating the frozen columns."""
    ps = ws.page_setup
    assert ps.orientation == "landscape"
    papir = "A3" if str(ps.paperSize) == ws.PAPERSIZE_A3 else "A4"
    bredder = [ws.column_dimensions[openpyxl.utils.get_column_letter(j)].width for j in range(1, ws.max_column + 1)]
    _overskrifter_inden_for_siden(ws, bredder)
    if ws.sheet_properties.pageSetUpPr.fitToPage:
        assert ps.fitToWidth == 1 and ps.fitToHeight == 0 and not ws.col_breaks.brk
        assert sum(bredder) * 5.25 * 0.9 <= PLADS_PT[papir], ws.title
        return
    assert papir == "A3" and ps.scale == 100 and ws.col_breaks.brk, ws.title
    gentag = openpyxl.utils.column_index_from_string(ws.freeze_panes.rstrip("0123456789")) - 1
    if gentag:
        assert ws.print_title_cols == f"$A:${openpyxl.utils.get_column_letter(gentag)}"
    starter = [1] + [b.id + 1 for b in ws.col_breaks.brk] + [len(bredder) + 1]
    for i, (a, b) in enumerate(zip(starter, starter[1:])):
        side = sum(bredder[a - 1:b - 1]) + (sum(bredder[:gentag]) if i else 0)
        assert side * 7 <= PLADS_PT["A3"], (ws.title, a, b)


def _overskrifter_inden_for_siden(ws, bredder) -> None:
    """The title (row 1) and the explanation (row 2) wrap inside the first printed page: each is
    merged over exactly that page's columns, wrapped, and its row is high enough for its lines at
    its size (about one character of 11 points per column unit); nothing is written beside it."""
    forste = ws.col_breaks.brk[0].id if ws.col_breaks.brk else ws.max_column
    omraader = {str(m) for m in ws.merged_cells.ranges}
    for raekke, pt in ((1, 14), (2, 11)):
        slut = openpyxl.utils.get_column_letter(forste)
        assert f"A{raekke}:{slut}{raekke}" in omraader, (ws.title, raekke, omraader)
        c = ws.cell(raekke, 1)
        assert c.alignment.wrap_text, (ws.title, raekke)
        tegn_pr_linje = sum(bredder[:forste]) * 9 / pt * 1.1
        linjer = -(-len(c.value) // int(tegn_pr_linje))  # at least this many, whatever the wrapping
        assert ws.row_dimensions[raekke].height >= linjer * pt * 1.2, (ws.title, raekke, linjer)
        assert all(ws.cell(raekke, j).value is None for j in range(2, ws.max_column + 1))


def test_lang_forklaring_ombrydes_paa_den_foerste_side(region, tmp_path):
    """The explanations of Takster and Tilbud are longer than their first printed page is wide (a
    few frozen columns before the first page break): they take several lines there."""
    f, tillid = region
    data = takstbilag.lav_takstbilag(takstbilag.saml([f["a"], f["c_aendret"], f["skrald"]], tillid))
    (tmp_path / "takstbilag.xlsx").write_bytes(data)  # to look at: soffice --convert-to pdf
    wb = openpyxl.load_workbook(io.BytesIO(data))
    for navn in ("Takster", "Tilbud"):
        ws = wb[navn]
        assert ws.col_breaks.brk and ws.row_dimensions[2].height > 2 * 11 * 1.2, navn
    for ws in wb.worksheets:
        _udskrives_laeseligt(ws)


def test_uden_godkendte_skrives_et_bilag_med_status(tmp_path):
    (tmp_path / "x.indmelding").write_bytes(b"\x00" * 100)
    udvalg = takstbilag.saml([tmp_path / "x.indmelding"], Tillid())
    wb = openpyxl.load_workbook(io.BytesIO(takstbilag.lav_takstbilag(udvalg)))
    assert [r["Status"] for r in raekker(wb["Indmeldinger"])] == ["Afvist"]
    assert raekker(wb["Takster"]) == [{**{c.value: None for c in wb["Takster"][3]}, "Driftsherre": "(ingen rækker)"}]


def test_bilaget_kan_bygges_af_verifikationsresultater_som_foer(region):
    from takstberegner.export import verifikation

    f, tillid = region
    res = [verifikation.verificer(p, tillid) for p in (f["a"], f["c"])]
    wb = openpyxl.load_workbook(io.BytesIO(takstbilag.lav_takstbilag(res)))
    assert {r["Driftsherre"] for r in raekker(wb["Takster"])} == {"Eksempel Kommune", "Hjørring Kommune"}


def test_aendring_over_vaesentlighedsgraensen_markeres(tmp_path, test_ca):
    import dataclasses

    g = d.eksempel(1)
    t = g.tilbud[0]
    t = dataclasses.replace(t, ydelser=(dataclasses.replace(t.ydelser[0], forrige_takst=Decimal("1400.00")),
                                        *t.ydelser[1:]), bemaerkninger="Nyt nattevagtslag.")
    g = dataclasses.replace(g, tilbud=(t,))
    fil = d.signer(g, test_ca.udsted("Eksempel Kommune", "12345678"), tmp_path / "x.indmelding")
    wb = openpyxl.load_workbook(io.BytesIO(takstbilag.lav_takstbilag(
        takstbilag.saml([fil], Tillid(roedder=(test_ca.rod,))))))
    ws = wb["Takster"]
    rows = raekker(ws)
    assert rows[0]["Ydelse"] == "Niveau 1" and rows[0]["Markering"] == "Real stigning over væsentlighedsgrænsen (5 %)"
    assert _pct(rows[0]["Ændring (nominel)"]) > 5 and ws["A4"].fill.fgColor.rgb.endswith(takstbilag.FLAG_FILL)
    assert rows[1]["Markering"] is None and not ws["A5"].fill.fgColor.rgb.endswith(takstbilag.FLAG_FILL)


def test_samme_tilbud_fra_to_cvr_naevnes_i_noterne(tmp_path, capsys, test_ca):
    """Eksempel Kommune's file under its old CVR is still in the folder beside the one with the corrected
    CVR (a new certificate): both verify and count, so Bostedet Nord's takster stand twice. Before,
    nothing said so; now both rows' notes, the heading and the command name the tilbud, its
    Tilbudsportal-id and the other file, and the shared driftsherre name. Hjørring shares nothing."""
    import dataclasses

    from takstberegner.cli import main
    from takstberegner.domain import model as m

    from .conftest import skriv_pem

    g = d.eksempel(1)
    ny = dataclasses.replace(g, driftsherre=m.Driftsherre("Eksempel Kommune", "12345679"))
    filer = [d.signer(g, test_ca.udsted("Eksempel Kommune", "12345678"), tmp_path / "gammelt-cvr.indmelding"),
             d.signer(ny, test_ca.udsted("Eksempel Kommune", "12345679"), tmp_path / "nyt-cvr.indmelding"),
             d.signer(d.grundlag_c(), test_ca.udsted("Hjørring Kommune", "33334444"), tmp_path / "c.indmelding")]
    ud = tmp_path / "takstbilag.xlsx"
    # both count, so something stands twice: someone must look (3; before, 0 as if all were fine)
    assert main(["takstbilag", *map(str, filer), "--tillid", str(skriv_pem(tmp_path / "rod.pem", test_ca.rod)),
                 "-o", str(ud)]) == 3
    tekst = capsys.readouterr().out
    assert ("gammelt-cvr.indmelding: Eksempel Kommune - godkendt: Obs: Tilbuddet ‘Bostedet Nord’ (Tilbudsportal-id "
            "123456) er også i nr. 2 (Eksempel Kommune, CVR 12345679), så dets takster står to gange i takstbilaget; "
            "et tilbud indmeldes af én driftsherre. Afklar med driftsherrerne, hvilken indmelding der gælder. Obs: "
            "samme driftsherre som nr. 2 (CVR 12345679), men med et andet CVR, så begge er med i takstbilaget.") in tekst
    assert "c.indmelding: Hjørring Kommune - godkendt\n" in tekst
    wb = openpyxl.load_workbook(ud)
    ws = wb["Indmeldinger"]
    assert ws["A2"].value.endswith("Obs: 2 godkendte indmeldinger fra forskellige CVR har samme tilbud eller samme "
                                   "driftsherre, så noget står to gange i takstbilaget (se Noter).")
    noter = {r["Fil"]: r["Noter"] or "" for r in raekker(ws)}
    assert "er også i nr. 1 (Eksempel Kommune, CVR 12345678)" in noter["nyt-cvr.indmelding"]
    assert "samme driftsherre som nr. 1 (CVR 12345678)" in noter["nyt-cvr.indmelding"]
    assert noter["c.indmelding"] == ""
    assert [r["CVR"] for r in raekker(wb["Takster"]) if r["Tilbud"] == "Bostedet Nord"].count("12345679") == 2


def test_sammenligningen_tager_ikke_en_pris_pr_stoettetime_paa_0_kr_med(tmp_path, test_ca):
    """Read back from the Sammenligning sheet: a driftsherre whose tilbud has no borgerrettet part
    (0 kr. pr. støttetime) is not a price to compare. Before, the other's 'Median pris pr. støttetime
    hos andre' was 0 kr. and its own 'Pris pr. støttetime ift. median' −100 %."""
    import dataclasses

    from takstberegner.domain import model as m

    g = d.eksempel(1)
    t = g.tilbud[0]
    t = dataclasses.replace(t, omkostninger=tuple(dataclasses.replace(linje, del_="basis") for linje in t.omkostninger),
                            bemaerkninger="Ingen borgerrettet del: alle ydelser har samme takst.")
    nul = dataclasses.replace(g, driftsherre=m.Driftsherre("Nulby Kommune", "55556666"), tilbud=(t,))
    assert tjeneste.beregn(nul).tilbud[0].pris_pr_stoettetime == 0
    filer = [d.signer(g, test_ca.udsted("Eksempel Kommune", "12345678"), tmp_path / "eksempel.indmelding"),
             d.signer(nul, test_ca.udsted("Nulby Kommune", "55556666"), tmp_path / "nulby.indmelding")]
    udvalg = takstbilag.saml(filer, Tillid(roedder=(test_ca.rod,)))
    assert udvalg.antal(takstbilag_udvalg.GODKENDT) == 2
    rows = raekker(openpyxl.load_workbook(io.BytesIO(takstbilag.lav_takstbilag(udvalg)))["Sammenligning"])
    eks = [r for r in rows if r["Driftsherre"] == "Eksempel Kommune"]
    nulby = [r for r in rows if r["Driftsherre"] == "Nulby Kommune"]
    assert len(eks) == len(nulby) == 2
    for r in eks:
        assert r["Pris pr. støttetime (kr.)"] > 0 and r["Sammenlignelige hos andre"] == 2
        assert r["Median pris pr. støttetime hos andre (kr.)"] is None and r["Pris pr. støttetime ift. median"] is None
    for r in nulby:
        assert r["Pris pr. støttetime (kr.)"] == 0 and r["Pris pr. støttetime ift. median"] is None
        assert r["Median pris pr. støttetime hos andre (kr.)"] > 0 and r["Takst ift. median"] is not None


@settings(max_examples=150, deadline=None)
@given(st.lists(st.floats(4, 45), min_size=1, max_size=80), st.integers(0, 5), st.data())
def test_udskrift_deler_i_sider_der_passer(bredder, gentag, data):
    """The printing plan: every column on exactly one page in order, no page (with the repeated
    columns) wider than A3 at 7 points a unit unless it holds a single column, a page starts at a
    group where the group fits, and a sheet Excel can fit at 90 % gets no pages across."""
    gentag = min(gentag, len(bredder) - 1)
    grupper = sorted(data.draw(st.sets(st.integers(1, len(bredder)), max_size=6)))
    papir, sider, gentaget_antal = takstbilag.udskrift(bredder, gentag, grupper)
    plads = PLADS_PT["A3"] / 7
    if sum(bredder) * 5.25 * 0.9 <= PLADS_PT["A3"]:
        assert sider == [] and gentaget_antal == 0
        return
    assert papir == "A3" and gentaget_antal in (0, gentag)
    gentag = gentaget_antal
    assert sider == sorted(set(sider)) and all(gentag < s <= len(bredder) for s in sider)
    starter = [1] + sider + [len(bredder) + 1]
    gentaget = sum(bredder[:gentag])
    for i, (a, b) in enumerate(zip(starter, starter[1:])):
        side = sum(bredder[a - 1:b - 1]) + (gentaget if i else 0)
        assert side <= plads or b - a == 1, (a, b, side)


def test_en_indmelding_for_et_andet_takstaar_er_ikke_afvist(region, tmp_path, capsys, test_ca):
    """A genuine submission for another takstår is listed as not in this bilag, not as rejected, and
    the command says which year it chose and how to make the other one's bilag (before: 'afvist', and
    no word of the choice, a tie going silently to the latest year)."""
    from takstberegner.cli import main

    from .conftest import skriv_pem

    f, _ = region
    pem = skriv_pem(tmp_path / "rod.pem", test_ca.rod)
    ud = tmp_path / "takstbilag.xlsx"
    # the program chose the year among several: someone must look (3), nothing is rejected
    assert main(["takstbilag", str(f["a"]), str(f["d"]), str(f["c"]), "--tillid", str(pem), "-o", str(ud)]) == 3
    tekst = capsys.readouterr().out
    assert ("d-2025.indmelding: Thisted Kommune - andet takstår (ikke med): Indmeldingen holder, men den er for "
            "takståret 2025, og takstbilaget er for 2026; den hører til takstbilaget for 2025.") in tekst, tekst
    # the file for 2025 is in the count too (it was left out of it)
    assert "2 godkendte, 0 afviste, 0 erstattede, 1 for et andet takstår og 0 dubletter." in tekst, tekst
    assert "afvist:" not in tekst
    assert ("1 indmelding er for takståret 2025 og er ikke med: takstbilaget er for 2026, det år, flest af "
            "indmeldingerne er for. Lav takstbilaget for 2025 med --takstaar 2025.") in tekst, tekst
    wb = openpyxl.load_workbook(ud)
    ws = wb["Indmeldinger"]
    assert ws["A2"].value.startswith("3 filer givet: 2 godkendt og med i takstbilaget, 1 for et andet takstår, 0 afvist")
    (d_raekke,) = [r for r in raekker(ws) if r["Fil"] == "d-2025.indmelding"]
    assert d_raekke["Status"] == "Andet takstår (ikke med)"

    # one of each year: the tie goes to the latest, and the command says so
    assert main(["takstbilag", str(f["a"]), str(f["d"]), "--tillid", str(pem), "-o", str(ud)]) == 3
    tekst = capsys.readouterr().out
    assert ("1 indmelding er for takståret 2025 og er ikke med: takstbilaget er for 2026, det seneste af de år, flest "
            "af indmeldingerne er for. Lav takstbilaget for 2025 med --takstaar 2025.") in tekst, tekst
    # the year chosen: the file for 2026 is simply not in the bilag for 2025, as expected (0)
    assert main(["takstbilag", str(f["a"]), str(f["d"]), "--takstaar", "2025", "--tillid", str(pem), "-o", str(ud)]) == 0
    assert ("1 indmelding er for takståret 2026 og er ikke med: takstbilaget er for 2025, som valgt. Lav takstbilaget "
            "for 2026 med --takstaar 2026.") in capsys.readouterr().out


def test_en_afvist_fil_beholder_ikke_sine_dokumenter(tmp_path):
    """A rejected file's takstgrundlag is never used, but the bilag kept it until it was written: every
    file signed with a key anyone can make (not registered) held its documents, 14 MB for a large
    driftsherre, so a folder of hundreds of them took gigabytes. Its row still names it."""
    from takstberegner.export import signering

    g = d.grundlag_a()
    u = signering.lav_noegle(g.driftsherre.navn, g.driftsherre.cvr)  # not registered with the secretariat
    fil = d.signer(g, u, tmp_path / "a.indmelding")
    udvalg = takstbilag.saml([fil, fil], Tillid())
    assert [st.status for st in udvalg.statusser] == ["afvist", "dublet"]
    for st in udvalg.statusser:
        assert st.indmelding.ikke_betroet
        assert st.indmelding.grundlag is None and st.indmelding.beregning is None
        assert (st.indmelding.driftsherre, st.indmelding.cvr) == (g.driftsherre.navn, g.driftsherre.cvr)
    wb = openpyxl.load_workbook(io.BytesIO(takstbilag.lav_takstbilag(udvalg)))
    assert any(g.driftsherre.navn in str(c.value) for r in wb["Indmeldinger"].iter_rows() for c in r)
