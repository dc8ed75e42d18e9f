"""The command line: noegle, indmeld, verificer, rapport, takstskema, takstbilag."""
from __future__ import annotations

import dataclasses
from decimal import Decimal
import zipfile

from takstberegner.cli import main
from takstberegner.formats import takstgrundlag as tg_format

from .conftest import EKSEMPLER


def test_hele_vejen_fra_noegle_til_takstbilag(tmp_path, capsys):
    g = str(next(EKSEMPLER.glob("eksempel-1-*.takstgrundlag.json")))
    kode = tmp_path / "kode.txt"
    kode.write_text("Rødgrød med fløde\n", encoding="utf-8")
    p12, pem = tmp_path / "k.p12", tmp_path / "k.pem"
    assert main(["noegle", g, "--kodeord-fil", str(kode), "-o", str(p12), "--cert-ud", str(pem)]) == 0
    ud = capsys.readouterr().out
    assert "CVR 12345678" in ud and "Fingeraftryk: SHA-256" in ud
    fil = tmp_path / "eksempel.indmelding"
    assert main(["indmeld", g, "--cert", str(p12), "--kodeord-fil", str(kode), "-o", str(fil)]) == 0
    assert "Fingeraftryk:" in capsys.readouterr().out
    assert zipfile.ZipFile(fil).namelist()[0] == "mimetype"

    assert main(["verificer", str(fil)]) == 4  # rejected only because the signer is not trusted (yet)
    ud = capsys.readouterr().out
    assert "AFVIST" in ud and "ingen tillidsliste" in ud
    assert main(["verificer", str(fil), "--tillid", str(pem)]) == 0
    ud = capsys.readouterr().out
    assert "GODKENDT" in ud and "Eksempel Kommune" in ud and "12345678" in ud
    # The secretariat's own trust file unreadable: refused input (exit 2, Danish), not AFVIST.
    (tmp_path / "skrald.pem").write_bytes(b"\xff\xfe\x00garbage")
    assert main(["verificer", str(fil), "--tillid", str(tmp_path / "skrald.pem")]) == 2
    err = capsys.readouterr().err
    assert "Tillidsfilen" in err and "AFVIST" not in err
    assert main(["verificer", str(fil), "--tillid", str(tmp_path / "findes-ikke.pem")]) == 2
    assert "findes ikke" in capsys.readouterr().err

    bilag = tmp_path / "takstbilag.xlsx"
    assert main(["takstbilag", str(fil), "--tillid", str(pem), "-o", str(bilag)]) == 0
    assert bilag.stat().st_size > 0 and "1 godkendt, 0 afviste" in capsys.readouterr().out

    assert main(["rapport", g, "-o", str(tmp_path / "r.pdf")]) == 0
    assert (tmp_path / "r.pdf").read_bytes()[:5] == b"%PDF-"
    assert main(["takstskema", g, "-o", str(tmp_path / "s.xlsx")]) == 0
    assert zipfile.is_zipfile(tmp_path / "s.xlsx")


def test_forkert_kodeord_giver_exit_2_uden_traceback(tmp_path, capsys, egen_noegle):
    from takstberegner.export import signering

    g = str(next(EKSEMPLER.glob("eksempel-1-*.takstgrundlag.json")))
    signering.gem_p12(egen_noegle, tmp_path / "k.p12", "rigtig")
    (tmp_path / "kode").write_text("forkert")
    rc = main(["indmeld", g, "--cert", str(tmp_path / "k.p12"), "--kodeord-fil", str(tmp_path / "kode"),
               "-o", str(tmp_path / "x.indmelding")])
    assert rc == 2
    assert "forkert adgangskode" in capsys.readouterr().err
    assert not (tmp_path / "x.indmelding").exists()


def test_indmeld_med_fejl_giver_listen_og_exit_1(tmp_path, capsys, grundlag1, egen_noegle):
    from takstberegner.export import signering

    t = dataclasses.replace(grundlag1.tilbud[0], pladser_forrige_aar=10)
    g = tmp_path / "g.json"
    g.write_text(tg_format.skriv_tekst(dataclasses.replace(grundlag1, tilbud=(t,))), encoding="utf-8")
    signering.gem_p12(egen_noegle, tmp_path / "k.p12", "kode")
    (tmp_path / "kode").write_text("kode")
    rc = main(["indmeld", str(g), "--cert", str(tmp_path / "k.p12"), "--kodeord-fil", str(tmp_path / "kode"),
               "-o", str(tmp_path / "x.indmelding")])
    assert rc == 1
    err = capsys.readouterr().err
    assert "kan ikke dannes" in err and "PLADSER-AENDRET" not in err
    assert f"- {t.navn} › Bemærkninger: Antallet af pladser er ændret fra 10 til 12." in err
    assert not (tmp_path / "x.indmelding").exists()


def test_indmeld_afviser_en_meningsloes_indmelding(tmp_path, capsys, grundlag1, egen_noegle):
    """Issue 11: an empty budget and a rente of 0 were signed. indmeld refuses what the app's
    checklist refuses, each point by its place, before it asks for the key."""
    from takstberegner.export import signering

    t = dataclasses.replace(grundlag1.tilbud[0], omkostninger=())
    g = tmp_path / "g.json"
    tom = dataclasses.replace(grundlag1, tilbud=(t,),
                              satser=dataclasses.replace(grundlag1.satser, rente_anlaeg_pct=Decimal(0)))
    g.write_text(tg_format.skriv_tekst(tom), encoding="utf-8")
    signering.gem_p12(egen_noegle, tmp_path / "k.p12", "kode")
    (tmp_path / "kode").write_text("kode")
    rc = main(["indmeld", str(g), "--cert", str(tmp_path / "k.p12"), "--kodeord-fil", str(tmp_path / "kode"),
               "-o", str(tmp_path / "x.indmelding")])
    err = capsys.readouterr().err
    assert rc == 1 and not (tmp_path / "x.indmelding").exists()
    assert "- Satser › Rente til forrentning af anlæg: Sæt årets rente til forrentning af anlæg (SA 5.5.5)" in err
    assert f"- {t.navn} › Budget: Budgettet er tomt. Indtast tilbuddets omkostninger. (SA 5.5.1)" in err


def test_fra_takstfil_og_papiret_passer_til_filen(tmp_path, capsys, egen_noegle):
    """A .takst document is submitted; the PDF printed separately with `rapport` carries the
    same fingerprint that `verificer` shows for the signed file."""
    import subprocess

    from takstberegner.export import indmelding, signering

    g = str(next(EKSEMPLER.glob("eksempel-1-*.takstgrundlag.json")))
    takst = tmp_path / "e.takst"
    assert main(["importer", g, "--til", str(takst)]) == 0
    signering.gem_p12(egen_noegle, tmp_path / "k.p12", "kode")
    (tmp_path / "kode").write_text("kode")
    (tmp_path / "t.pem").write_text(signering.certifikat_pem(egen_noegle.certifikat))
    fil = tmp_path / "e.indmelding"
    assert main(["indmeld", str(takst), "--cert", str(tmp_path / "k.p12"), "--kodeord-fil", str(tmp_path / "kode"),
                 "-o", str(fil)]) == 0
    assert main(["rapport", str(takst), "-o", str(tmp_path / "r.pdf")]) == 0
    capsys.readouterr()
    assert main(["verificer", str(fil), "--tillid", str(tmp_path / "t.pem")]) == 0
    ud = capsys.readouterr().out
    fp_linje = next(x for x in ud.splitlines() if x.startswith("Fingeraftryk:"))
    fp = fp_linje.split(":", 1)[1].strip()
    pdf = subprocess.run(["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert fp in pdf
    with zipfile.ZipFile(fil) as z:
        assert fp.replace(" ", "") == indmelding.fingeraftryk(z.read("takstgrundlag.json"), z.read("takster.json"))
        # and the PDF inside the signed file carries it too
        (tmp_path / "inde.pdf").write_bytes(z.read("takstberegning.pdf"))
    inde = subprocess.run(["pdftotext", str(tmp_path / "inde.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert fp in inde


def test_noegle_uden_kodeord_skriver_ingen_fil(tmp_path, capsys, monkeypatch):
    """Without a password file and without a terminal to ask in, noegle refuses (exit 2) and
    writes no .p12 (it used to write one with an empty password)."""
    import io

    g = str(next(EKSEMPLER.glob("eksempel-1-*.takstgrundlag.json")))
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    p12 = tmp_path / "k.p12"
    assert main(["noegle", g, "-o", str(p12)]) == 2
    assert "skal have en adgangskode" in capsys.readouterr().err
    assert not p12.exists()
    (tmp_path / "tom").write_text("\n")
    assert main(["noegle", g, "--kodeord-fil", str(tmp_path / "tom"), "-o", str(p12)]) == 2
    assert not p12.exists()


def test_verificer_af_en_mappe_siger_mappe_ikke_findes_ikke(tmp_path, capsys):
    """Reproduced by hand: `verificer /tmp` said the folder did not exist; it says it is a folder."""
    assert main(["verificer", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "er en mappe, ikke en indmeldingsfil" in err and "findes ikke" not in err and "Traceback" not in err
    assert main(["verificer", str(tmp_path / "mangler.indmelding")]) == 2
    assert "findes ikke" in capsys.readouterr().err


def test_papiret_er_et_udkast_naar_indmeld_afviser_filen(tmp_path, capsys, grundlag1):
    """Audit: with a rente of 0 and an empty budget, kontroller and indmeld refuse the file (the
    checklist, tjeneste.klar), but the PDF til revision and the takstskema had no UDKAST line and
    no such point in their findings: the auditor's paper looked ready for a file that could not
    be submitted. Both now count them as fejl and list them, by place, as 'Mangler før indmelding'."""
    import subprocess

    import openpyxl

    t = dataclasses.replace(grundlag1.tilbud[0], omkostninger=())
    g = tmp_path / "g.json"
    g.write_text(tg_format.skriv_tekst(dataclasses.replace(
        grundlag1, tilbud=(t,), satser=dataclasses.replace(grundlag1.satser, rente_anlaeg_pct=Decimal(0)))),
        encoding="utf-8")
    assert main(["kontroller", str(g)]) == 1
    fejl = int(capsys.readouterr().out.splitlines()[-1].split(" fejl")[0].rsplit(" ", 1)[1])  # kontroller's count
    assert main(["rapport", str(g), "-o", str(tmp_path / "r.pdf")]) == 0
    assert main(["takstskema", str(g), "-o", str(tmp_path / "s.xlsx")]) == 0
    pdf = " ".join(subprocess.run(["pdftotext", "-layout", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True,
                                  check=True).stdout.split())
    assert f"UDKAST: beregningen har {fejl} fejl og kan ikke indmeldes" in pdf
    assert "Mangler før indmelding Fejl Satser › Rente til forrentning af anlæg Sæt årets rente" in pdf
    assert f"Mangler før indmelding Fejl SA 5.5.1 {t.navn} › Budget Budgettet er tomt." in pdf
    ark = openpyxl.load_workbook(tmp_path / "s.xlsx")["Oversigt"]
    tekster = [c.value for row in ark.iter_rows() for c in row if isinstance(c.value, str)]
    assert f"UDKAST: beregningen har {fejl} fejl og kan ikke indmeldes." in tekster
    assert tekster.count("Mangler før indmelding") == pdf.count("Mangler før indmelding") >= 2


def test_takstbilag_af_en_mappe_tager_mappens_indmeldingsfiler(tmp_path, capsys, indmelding_egen, egen_noegle):
    """The secretariat saves the submissions it receives in one folder and passes the folder: its
    indmeldingsfiler are verified (the name's ending in any case), its other files (a note, last
    year's bilag, a takstgrundlag, a subfolder) are named as left out, not AFVIST. Before: the folder
    was one AFVIST file, 'Filen findes ikke, eller det er en mappe', and a bilag of 0 godkendte."""
    from .conftest import skriv_pem

    pem = skriv_pem(tmp_path / "tillid.pem", egen_noegle.certifikat)
    mappe = tmp_path / "indmeldinger 2026"
    (mappe / "gammelt").mkdir(parents=True)
    (mappe / "Eksempel Kommune.INDMELDING").write_bytes(indmelding_egen[0].read_bytes())
    (mappe / "noter.txt").write_text("ring til Aalborg", encoding="utf-8")
    (mappe / "takstbilag-2025.xlsx").write_bytes(b"PK\x03\x04")
    (mappe / ".DS_Store").write_bytes(b"\x00")
    bilag = tmp_path / "takstbilag.xlsx"
    assert main(["takstbilag", str(mappe), "--tillid", str(pem), "-o", str(bilag)]) == 0
    ud = capsys.readouterr().out
    assert (f"{mappe}: 1 indmeldingsfil tages med; 3 andre, der ikke er indmeldingsfiler, er ikke taget med: "
            "gammelt/, noter.txt, takstbilag-2025.xlsx\n") in ud, ud
    assert "Eksempel Kommune.INDMELDING: Eksempel Kommune - godkendt" in ud
    assert "1 godkendt, 0 afviste" in ud and "det er en mappe" not in ud and "- afvist" not in ud, ud
    assert "DS_Store" not in ud

    tom = tmp_path / "tom"
    tom.mkdir()
    (tom / "noter.txt").write_text("x", encoding="utf-8")
    assert main(["takstbilag", str(tom), "--tillid", str(pem), "-o", str(tmp_path / "tom.xlsx")]) == 2
    err = capsys.readouterr().err
    assert f"mappen {tom} indeholder ingen indmeldingsfiler (filer, der ender på .indmelding)" in err, err
    assert not (tmp_path / "tom.xlsx").exists()


def test_verificer_siger_hvordan_en_ukendt_underskriver_betros(tmp_path, capsys, indmelding_egen, egen_noegle):
    """A new employee verifies a file from a signer not yet registered: besides AFVIST, `verificer`
    says what to do, as the app's dialog does (before, only 'er ikke registreret hos sekretariatet');
    doing it (the fingerprint on a line of its own in the tillidsfil) makes the file GODKENDT."""
    fil, _ = indmelding_egen
    tillid = tmp_path / "tillid.pem"
    tillid.write_text("# sekretariatets tillidsfil\n" + "00" * 32 + "  # en anden driftsherre\n", encoding="utf-8")
    assert main(["verificer", str(fil), "--tillid", str(tillid)]) == 4  # an unknown signer: 4, not the 1 of a rejected file
    ud = capsys.readouterr().out
    assert "Underskriveren er ikke betroet af sekretariatet endnu. Sådan gør du:\n" in ud
    assert "  1. Kontakt Eksempel Kommune ad en anden vej end filen (fx telefon)" in ud
    assert f"  2. Sammenlign det med underskriverens fingeraftryk: {egen_noegle.fingeraftryk}\n" in ud
    assert f"skriv fingeraftrykket på en linje for sig i tillidsfilen {tillid} " in ud
    with tillid.open("a", encoding="utf-8") as f:
        f.write(egen_noegle.fingeraftryk + "\n")
    assert main(["verificer", str(fil), "--tillid", str(tillid)]) == 0
    ud = capsys.readouterr().out
    assert "GODKENDT" in ud and "Sådan gør du" not in ud
    # a file that does not hold for another reason gets no such steps
    (tmp_path / "tom.indmelding").write_bytes(b"")
    assert main(["verificer", str(tmp_path / "tom.indmelding"), "--tillid", str(tillid)]) == 1
    assert "Sådan gør du" not in capsys.readouterr().out


def test_verificer_viser_ingen_betroelsesvejledning_naar_mere_end_tilliden_mangler(tmp_path, capsys, test_ca,
                                                                                     indmelding_egen, egen_noegle):
    """A signer that is not registered and whose file also does not hold otherwise (its certificate
    names another CVR): registering it would not help, so no steps to do it."""
    from takstberegner.export import asic

    from . import forfalskning as ff
    from .conftest import TID

    anden = test_ca.udsted("Anden Kommune", "87654321")
    medl = ff.medlemmer(indmelding_egen[0])
    udv = asic.laes_manifest(medl[asic.MANIFEST]).udvidelser
    data = {n: d for n, d in medl.items() if not n.startswith("META-INF") and n != "mimetype"}
    fil = tmp_path / "anden.indmelding"
    fil.write_bytes(asic.pak(data, anden, udv, TID))
    tillid = tmp_path / "tillid.pem"
    tillid.write_text(egen_noegle.fingeraftryk + "\n", encoding="utf-8")
    assert main(["verificer", str(fil), "--tillid", str(tillid)]) == 1
    ud = capsys.readouterr().out
    assert "tilhører CVR 87654321" in ud and "Sådan gør du" not in ud, ud


def test_takstbilag_siger_hvordan_en_ukendt_underskriver_betros(tmp_path, capsys, indmelding_egen, test_ca):
    """The first takstbilag of a season meets every new key before it is registered: the command says
    which files are rejected only for that, and how to go on (before, only each file's reason)."""
    from .conftest import skriv_pem

    fil, _ = indmelding_egen
    navn = tmp_path / "Eksempel Kommune 2026.indmelding"
    navn.write_bytes(fil.read_bytes())
    rod = skriv_pem(tmp_path / "rod.pem", test_ca.rod)  # trusts someone else
    skrald = tmp_path / "skrald.indmelding"
    skrald.write_bytes(b"\x00" * 100)
    ud_fil = tmp_path / "takstbilag.xlsx"
    assert main(["takstbilag", str(navn), str(skrald), "--tillid", str(rod), "-o", str(ud_fil)]) == 1
    ud = capsys.readouterr().out
    assert (f"1 indmelding er kun afvist, fordi underskriveren ikke er betroet endnu; 'takstberegner verificer "
            f"\"{navn}\" --tillid {rod}' viser, hvordan underskriveren betros. Lav derefter takstbilaget igen.") in ud, ud
    assert main(["takstbilag", str(skrald), "--tillid", str(rod), "-o", str(ud_fil)]) == 1
    assert "betroet" not in capsys.readouterr().out


def test_fingeraftrykket_kan_saettes_ind_som_programmet_skriver_det(tmp_path, capsys):
    """The driftsherre mails the line `noegle` printed ('Fingeraftryk: SHA-256 D1:30:…'); the secretariat
    pastes it whole into the tillidsfil, or the 'Certifikat:' line `indmeld` printed: both register the
    key (before, the label's letters were read as digits and the line refused: 'er hverken et
    certifikat eller et fingeraftryk')."""
    g = str(next(EKSEMPLER.glob("eksempel-1-*.takstgrundlag.json")))
    kode = tmp_path / "kode.txt"
    kode.write_text("Rødgrød med fløde\n", encoding="utf-8")
    p12 = tmp_path / "k.p12"
    assert main(["noegle", g, "--kodeord-fil", str(kode), "-o", str(p12)]) == 0
    (fp_linje,) = [x for x in capsys.readouterr().out.splitlines() if x.startswith("Fingeraftryk:")]
    fil = tmp_path / "eksempel.indmelding"
    assert main(["indmeld", g, "--cert", str(p12), "--kodeord-fil", str(kode), "-o", str(fil)]) == 0
    (cert_linje,) = [x for x in capsys.readouterr().out.splitlines() if x.startswith("Certifikat:")]
    for linje in (fp_linje, cert_linje, "  " + fp_linje.lower() + "  # Eksempel Kommune, læst op 2. dec."):
        tillid = tmp_path / "tillid.txt"
        tillid.write_text("# registrerede driftsherrer\n" + linje + "\n", encoding="utf-8")
        assert main(["verificer", str(fil), "--tillid", str(tillid)]) == 0, linje
        assert "GODKENDT" in capsys.readouterr().out
    tillid.write_text("Fingeraftryk: SHA-256 D1:30\n", encoding="utf-8")
    assert main(["verificer", str(fil), "--tillid", str(tillid)]) == 2
    assert "er hverken et certifikat eller et fingeraftryk" in capsys.readouterr().err
