"""Which submissions count in the takstbilag (issue 12 item 5), as a pure choice over
verification results, and the command line that goes on past a bad file."""
from __future__ import annotations

import io
from datetime import datetime, timedelta, timezone

import openpyxl
from hypothesis import given, settings
from hypothesis import strategies as st

from takstberegner.cli import main
from takstberegner.export.takstbilag_udvalg import (
    AFVIST, ANDET_AAR, DUBLET, ERSTATTET, GODKENDT, Indmelding, udvaelg,
)

T0 = datetime(2026, 9, 1, 10, 0, tzinfo=timezone.utc)


def ind(fil, cvr="1", aar=2026, tid=T0, ok=True, sha=None, grunde=()):
    return Indmelding(fil=fil, ok=ok, grunde=grunde, cvr=cvr, driftsherre=f"Kommune {cvr}", takstaar=aar,
                      signeringstid=tid, sha256=sha if sha is not None else f"sha-{fil}")


def test_seneste_signering_fra_et_cvr_vinder_uanset_raekkefoelge():
    u = udvaelg([ind("ny", tid=T0 + timedelta(hours=1)), ind("gammel", tid=T0), ind("anden", cvr="2")])
    assert [s.status for s in u.statusser] == [GODKENDT, ERSTATTET, GODKENDT]
    assert "Erstattet af nr. 1 (ny" in u.statusser[1].grunde[0]
    assert u.statusser[0].noter[0].startswith("Erstatter nr. 2 (gammel")


def test_samme_signeringstid_sidst_givne_vinder():
    u = udvaelg([ind("x"), ind("y")])
    assert [s.status for s in u.statusser] == [ERSTATTET, GODKENDT]


def test_en_afvist_nyere_udgave_erstatter_ikke_den_godkendte():
    u = udvaelg([ind("gammel"), ind("ny", tid=T0 + timedelta(days=1), ok=False, grunde=("Signaturen holder ikke.",))])
    assert [s.status for s in u.statusser] == [GODKENDT, AFVIST]
    assert u.statusser[1].grunde == ("Signaturen holder ikke.", "Indtil den er rettet, tæller den ældre indmelding "
                                     "nr. 1 (gammel, signeret 01-09-2026 kl. 12:00:00) fra samme CVR 1 i takstbilaget.")
    assert u.statusser[0].nyere_afvist


def test_takstaar_er_det_de_fleste_er_for_og_kan_vaelges():
    """A verified file for another takstår is not counted, and not called rejected (before: 'Afvist',
    which the secretariat would pass on to a driftsherre that did nothing wrong)."""
    filer = [ind("a", cvr="1"), ind("b", cvr="2"), ind("c", cvr="3", aar=2025)]
    assert [s.status for s in udvaelg(filer).statusser] == [GODKENDT, GODKENDT, ANDET_AAR]
    u = udvaelg(filer, takstaar=2025)
    assert u.takstaar == 2025 and [s.status for s in u.statusser] == [ANDET_AAR, ANDET_AAR, GODKENDT]
    assert u.statusser[0].status_navn == "Andet takstår (ikke med)"
    assert u.statusser[0].grunde == ("Indmeldingen holder, men den er for takståret 2026, og takstbilaget er for "
                                     "2025; den hører til takstbilaget for 2026.",)
    # a file that does not hold is rejected whatever its year
    u = udvaelg([ind("a"), ind("b", cvr="2", aar=2025, ok=False, grunde=("Signaturen holder ikke.",))])
    assert [s.status for s in u.statusser] == [GODKENDT, AFVIST]


def test_dublet_af_en_afvist_fil_er_stadig_en_dublet():
    u = udvaelg([ind("x", ok=False, sha="s"), ind("x2", ok=False, sha="s")])
    assert [s.status for s in u.statusser] == [AFVIST, DUBLET]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 3), st.sampled_from([2025, 2026]), st.integers(0, 3), st.booleans(),
                          st.integers(0, 4)), max_size=10))
def test_hver_fil_faar_netop_en_status_og_hvert_cvr_hoejst_en_godkendt(spec):
    filer = [ind(f"f{i}", cvr=str(c), aar=a, tid=T0 + timedelta(hours=h), ok=ok, sha=f"s{s}")
             for i, (c, a, h, ok, s) in enumerate(spec)]
    u = udvaelg(filer)
    assert len(u.statusser) == len(filer) and [s.nr for s in u.statusser] == list(range(1, len(filer) + 1))
    godkendte = [s.indmelding for s in u.statusser if s.status == GODKENDT]
    assert len({g.cvr for g in godkendte}) == len(godkendte)
    assert all(g.ok and g.takstaar == u.takstaar for g in godkendte)
    set_ = set()
    for s in u.statusser:
        assert (s.status == DUBLET) == (s.indmelding.sha256 in set_)
        set_.add(s.indmelding.sha256)
        if s.status == ERSTATTET:  # the winner from its CVR was signed no earlier
            (v,) = [g for g in godkendte if g.cvr == s.indmelding.cvr]
            assert v.signeringstid >= s.indmelding.signeringstid
        assert s.status == GODKENDT or s.grunde


def test_kommandoen_gaar_videre_forbi_en_daarlig_fil_og_skriver_bilaget(tmp_path, capsys, indmelding_egen, egen_noegle):
    from takstberegner.export import signering

    god, _ = indmelding_egen
    pem = tmp_path / "tillid.pem"
    pem.write_text(signering.certifikat_pem(egen_noegle.certifikat), encoding="ascii")
    (tmp_path / "ond.indmelding").write_bytes(b"PK\x05\x06" + b"\x00" * 18)  # an empty ZIP
    bilag = tmp_path / "takstbilag.xlsx"
    rc = main(["takstbilag", str(tmp_path / "ond.indmelding"), str(tmp_path / "vaek.indmelding"), str(god), str(god),
               "--tillid", str(pem), "-o", str(bilag)])
    ud = capsys.readouterr()
    assert rc == 1 and "Traceback" not in ud.err + ud.out
    assert "ond.indmelding: ukendt driftsherre - afvist" in ud.out
    assert "vaek.indmelding: ukendt driftsherre - afvist: Filen findes ikke" in ud.out
    assert "1 godkendt, 2 afviste, 0 erstattede og 1 dublet." in ud.out
    wb = openpyxl.load_workbook(io.BytesIO(bilag.read_bytes()))
    status = [r[2] for r in wb["Indmeldinger"].iter_rows(min_row=4, values_only=True)]
    assert status == ["Afvist", "Afvist", "Godkendt", "Dublet (tælles én gang)"]
    assert [r[0] for r in wb["Takster"].iter_rows(min_row=4, values_only=True)] == ["Eksempel Kommune"] * 2


def test_fjendtlige_vaerdier_i_en_afvist_fil_giver_intet_traceback():
    from takstberegner.export import takstbilag

    ondt = [
        Indmelding("/x/\x00ond\x1b.indmelding", False, ("Signaturen holder ikke\x07.",), underskriver="@SUM(1+1)",
                   driftsherre="=HYPERLINK(\"http://x\",\"klik\")\x0b", cvr="+4512345678", takstaar=99999,
                   signeringstid=datetime(1, 1, 1, tzinfo=timezone.utc), sha256="a" * 64, fingeraftryk="z" * 64),
        Indmelding("y.indmelding", False, ("x" * 40_000,), driftsherre="-" + "y" * 100_000,
                   signeringstid=datetime(9999, 12, 31, 23, 59, tzinfo=timezone.utc)),
    ]
    wb = openpyxl.load_workbook(io.BytesIO(takstbilag.lav_takstbilag(ondt)))
    rows = [r for r in wb["Indmeldinger"].iter_rows(min_row=4)]
    assert [r[2].value for r in rows] == ["Afvist", "Afvist"]
    assert rows[0][4].value == '=HYPERLINK("http://x","klik")' and rows[0][4].data_type == "s"
    assert rows[0][7].value == "@SUM(1+1)" and rows[0][5].value == "+4512345678"
    assert rows[0][9].value == "01-01-0001 kl. 01:00:00"  # Danish time, shown as text: no date a spreadsheet holds
    assert len(rows[1][4].value) == 32767 and rows[1][3].value.startswith("xxx")
    noter = rows[0][13].value
    assert "Kontroltegn er fjernet fra teksten i Driftsherre" in noter and "filnavnet" in noter
    assert wb["Indmeldinger"].row_dimensions[5].height <= 409


def test_en_fil_der_kan_laeses_paa_to_maader_udelades_af_bilaget(tmp_path, indmelding_egen, egen_noegle, grundlag1,
                                                                 beregning1):
    """The takstbilag leaves out a validly signed and bound submission whose takstgrundlag gives a
    budget line's amount twice (json.loads reads the genuine one, given last), with verificer's
    reason; the genuine file beside it is counted, and only its takster are in the bilag."""
    from takstberegner.export import takstbilag
    from takstberegner.export.tillid import Tillid

    from . import forfalskning as ff
    from .conftest import TID

    god, _ = indmelding_egen
    medl = ff.medlemmer(god)
    g = medl["takstgrundlag.json"].replace(b'"beloeb":"6500000"', b'"beloeb":"1000000","beloeb":"6500000"', 1)
    assert g != medl["takstgrundlag.json"]
    tvetydig = tmp_path / "tvetydig.indmelding"
    tvetydig.write_bytes(ff.gensigner_bundet(medl, egen_noegle, TID, grundlag1, beregning1,
                                             {"takstgrundlag.json": g}))
    udvalg = takstbilag.saml([tvetydig, god], Tillid(fingeraftryk=frozenset({egen_noegle.fingeraftryk})))
    assert [s.status for s in udvalg.statusser] == [AFVIST, GODKENDT]
    grund = ("Takstgrundlaget nævner det samme felt (‘Beløb’) to gange samme sted, så filen kan læses på to måder. "
             "Takstberegner skriver aldrig sådan en fil; bed driftsherren danne og indsende indmeldingen igen.")
    assert udvalg.statusser[0].grunde == (grund,)
    wb = openpyxl.load_workbook(io.BytesIO(takstbilag.lav_takstbilag(udvalg)))
    status = [(r[1], r[2]) for r in wb["Indmeldinger"].iter_rows(min_row=4, values_only=True)]
    assert status == [("tvetydig.indmelding", "Afvist"), (god.name, "Godkendt")]
    hoved = [c.value for c in wb["Indmeldinger"][3]]
    foerste = next(wb["Indmeldinger"].iter_rows(min_row=4, values_only=True))
    assert foerste[hoved.index("Begrundelse")] == grund
    # the Takster sheet is the genuine file's alone
    kun_god = openpyxl.load_workbook(io.BytesIO(takstbilag.lav_takstbilag(
        takstbilag.saml([god], Tillid(fingeraftryk=frozenset({egen_noegle.fingeraftryk}))))))
    takster = list(wb["Takster"].iter_rows(min_row=4, values_only=True))
    assert takster and takster == list(kun_god["Takster"].iter_rows(min_row=4, values_only=True))


def test_en_mappe_og_en_manglende_fil_faar_hver_sin_grund(tmp_path):
    """saml (the app and the command share it) says which of the two it is (before, both were 'Filen
    findes ikke, eller det er en mappe')."""
    from takstberegner.export.takstbilag_udvalg import saml

    u = saml([tmp_path, tmp_path / "vaek.indmelding"])
    assert [s.grunde for s in u.statusser] == [("Det er en mappe, ikke en indmeldingsfil.",),
                                               ("Filen findes ikke (den er flyttet, omdøbt eller slettet).",)]
    assert [s.status for s in u.statusser] == [AFVIST, AFVIST]


def test_en_nyere_afvist_udgave_siges_ved_den_aeldre_der_taeller(tmp_path, capsys, indmelding_egen, egen_noegle,
                                                                   grundlag1, beregning1):
    """A driftsherre's corrected submission signed later with a key the secretariat has not registered
    yet is rejected, and the older one counts. Before, the older stood as plainly 'Godkendt' and its
    outdated takster went into the bilag with no word of the newer file; now the command, the older
    file's note and the sheet's heading say the takster are from the older one until the newer is right."""
    from takstberegner.export import indmelding, signering

    from .conftest import TID

    gammel, _ = indmelding_egen
    ny_noegle = signering.lav_noegle(grundlag1.driftsherre.navn, grundlag1.driftsherre.cvr,
                                     gyldig_fra=TID - timedelta(days=1))
    rettet = tmp_path / "rettet.indmelding"
    indmelding.lav_indmelding(grundlag1, beregning1, ny_noegle, rettet, tid=TID + timedelta(minutes=2))
    pem = tmp_path / "tillid.pem"
    pem.write_text(signering.certifikat_pem(egen_noegle.certifikat), encoding="ascii")
    bilag = tmp_path / "takstbilag.xlsx"
    # rejected only because the new key is not registered yet: 4 (register it, run again)
    assert main(["takstbilag", str(rettet), str(gammel), "--tillid", str(pem), "-o", str(bilag)]) == 4
    ud = capsys.readouterr().out
    assert ("rettet.indmelding: Eksempel Kommune - afvist: Certifikatet er selvsigneret" in ud
            and "Indtil den er rettet, tæller den ældre indmelding nr. 2 (egen.indmelding, signeret " in ud), ud
    assert f"{gammel}: Eksempel Kommune - godkendt: Obs: nr. 1 (rettet.indmelding, signeret " in ud, ud
    assert "fra samme CVR er nyere, men afvist; taksterne i takstbilaget er fra denne indmelding." in ud
    ws = openpyxl.load_workbook(bilag)["Indmeldinger"]
    assert ws["A2"].value.endswith("Obs: 1 godkendt indmelding har en nyere, afvist indmelding fra samme CVR; "
                                   "indtil den er rettet, er taksterne fra den ældre (se Noter).")
    hoved = [c.value for c in ws[3]]
    (afvist, godkendt) = [dict(zip(hoved, r)) for r in ws.iter_rows(min_row=4, values_only=True)]
    assert afvist["Status"] == "Afvist" and "tæller den ældre indmelding nr. 2" in afvist["Begrundelse"]
    assert godkendt["Status"] == "Godkendt" and godkendt["Noter"].startswith("Obs: nr. 1 (rettet.indmelding")
    # an older rejected one says nothing of the kind
    u = udvaelg([ind("ny", tid=T0 + timedelta(hours=1)), ind("gammel", ok=False, grunde=("Signaturen holder ikke.",))])
    assert u.statusser[0].noter == () and u.statusser[1].grunde == ("Signaturen holder ikke.",)


def test_et_tilbud_der_kun_er_i_den_erstattede_indmelding_naevnes(tmp_path, capsys, egen_noegle):
    """A driftsherre's later submission lacks a tilbud its earlier one had: the later replaces the
    earlier, so that tilbud's takst leaves the bilag. Before, only 'Erstattet af nyere indmelding'
    was said and the takst went missing unremarked; now the command, both rows and the heading name
    it (a kategori-1 tilbud, never in the bilag, is not named)."""
    import dataclasses

    from takstberegner.export import signering

    from . import bilag_data as d
    from .conftest import TID

    g = d.grundlag_a()  # Bostedet Nord, Rådgivningscenter Nord (trækningsret) and a kategori-1 tilbud
    foer = d.signer(g, egen_noegle, tmp_path / "foer.indmelding", tid=TID)
    efter = d.signer(dataclasses.replace(g, tilbud=g.tilbud[:1]), egen_noegle, tmp_path / "efter.indmelding",
                     tid=TID + timedelta(minutes=1))
    pem = tmp_path / "tillid.pem"
    pem.write_text(signering.certifikat_pem(egen_noegle.certifikat), encoding="ascii")
    bilag = tmp_path / "takstbilag.xlsx"
    # a rightful replacement, but a tilbud left the bilag with it: someone must look (3)
    assert main(["takstbilag", str(foer), str(efter), "--tillid", str(pem), "-o", str(bilag)]) == 3
    ud = capsys.readouterr().out
    assert ("Tilbuddet ‘Rådgivningscenter Nord’ er kun i denne indmelding, ikke i nr. 2, og er derfor ikke med i "
            "takstbilaget; spørg driftsherren, om det skal være med.") in ud, ud
    assert ("efter.indmelding: Eksempel Kommune - godkendt: Obs: Tilbuddet ‘Rådgivningscenter Nord’ fra nr. 1 er "
            "ikke i denne indmelding og er ikke med i takstbilaget.") in ud, ud
    assert "Kommunens eget botilbud" not in ud
    wb = openpyxl.load_workbook(bilag)
    ws = wb["Indmeldinger"]
    assert ws["A2"].value.endswith("Obs: 1 tilbud fra en erstattet indmelding er ikke i den nyere og er derfor ikke "
                                   "med i takstbilaget (se Begrundelse).")
    hoved = [c.value for c in ws[3]]
    (erstattet, godkendt) = [dict(zip(hoved, r)) for r in ws.iter_rows(min_row=4, values_only=True)]
    assert erstattet["Status"] == "Erstattet af nyere indmelding"
    assert "‘Rådgivningscenter Nord’ er kun i denne indmelding" in erstattet["Begrundelse"]
    assert "Obs: Tilbuddet ‘Rådgivningscenter Nord’ fra nr. 1" in godkendt["Noter"]
    assert {r[2] for r in wb["Takster"].iter_rows(min_row=4, values_only=True)} == {"Bostedet Nord"}


def test_signeringstiden_vises_i_dansk_tid_uanset_maskinens_tidszone(tmp_path, capsys, indmelding_egen, egen_noegle,
                                                                     monkeypatch):
    """The bilag's heading says 'Signeret er dansk tid', and verificer prints the time. Before, both
    used the machine's zone: a PC set to UTC (or New York) showed another hour under 'dansk tid', and
    verificer printed the zone's own name, which on Windows is an English one; now both are Danish
    time (UTC+1, summer UTC+2) wherever the PC is set."""
    import time
    from zoneinfo import ZoneInfo

    from takstberegner.export import signering

    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        fil, info = indmelding_egen
        pem = tmp_path / "tillid.pem"
        pem.write_text(signering.certifikat_pem(egen_noegle.certifikat), encoding="ascii")
        bilag = tmp_path / "takstbilag.xlsx"
        assert main(["takstbilag", str(fil), "--tillid", str(pem), "-o", str(bilag)]) == 0
        assert main(["verificer", str(fil), "--tillid", str(pem)]) == 0
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    dansk = info.signeringstid.astimezone(ZoneInfo("Europe/Copenhagen")).replace(tzinfo=None)
    ws = openpyxl.load_workbook(bilag)["Indmeldinger"]
    assert "Signeret er dansk tid." in ws["A2"].value
    assert ws["J4"].value == dansk and ws["J3"].value == "Signeret"
    assert f"Signeret:       {dansk:%d-%m-%Y} kl. {dansk:%H:%M:%S} (dansk tid)" in capsys.readouterr().out



@settings(max_examples=300, deadline=None)
@given(st.datetimes(datetime(1996, 1, 1), datetime(2099, 12, 31), timezones=st.just(timezone.utc)))
def test_dansk_tid_er_den_danske_tidszones(t):
    """dansk.dansk_tid (the EU rule, no time-zone database) agrees with Europe/Copenhagen."""
    from zoneinfo import ZoneInfo

    from takstberegner.dansk import dansk_tid

    assert dansk_tid(t) == t.astimezone(ZoneInfo("Europe/Copenhagen")).replace(tzinfo=None)


def test_samme_tilbudsportal_id_naevnes_men_ikke_en_pladsholder():
    """Two CVRs' counted files with Bostedet Nord's Tilbudsportal-id 123456 are named in each other's
    notes; '0' or 'mangler' typed for a tilbud without an id is no shared tilbud."""
    import dataclasses

    from takstberegner.domain import model as m

    from .conftest import eksempel

    g = eksempel(1)

    def med_id(pid, cvr):
        t = dataclasses.replace(g.tilbud[0], tilbudsportal_id=pid)
        return dataclasses.replace(g, driftsherre=m.Driftsherre(f"Kommune {cvr}", cvr), tilbud=(t,))

    def noter(pid1, pid2):
        filer = [dataclasses.replace(ind(f"f{c}", cvr=c), driftsherre=f"Kommune {c}", grundlag=med_id(p, c))
                 for c, p in (("1", pid1), ("2", pid2))]
        return [s.noter for s in udvaelg(filer).statusser]

    a, b = noter("123456", "123456")
    assert a == ("Obs: Tilbuddet ‘Bostedet Nord’ (Tilbudsportal-id 123456) er også i nr. 2 (Kommune 2, CVR 2), så "
                 "dets takster står to gange i takstbilaget; et tilbud indmeldes af én driftsherre. Afklar med "
                 "driftsherrerne, hvilken indmelding der gælder.",)
    assert b[0].startswith("Obs: Tilbuddet ‘Bostedet Nord’ (Tilbudsportal-id 123456) er også i nr. 1 (Kommune 1")
    assert noter("0", "0") == noter("mangler", "mangler") == noter("123456", "654321") == [(), ()]
