"""The secretariat's trust model (issue 12 item 1), attack by attack: a registered certificate is
a signer and never an issuer; a trusted root issues signers through a real path validation; the
signer is no CA, may sign, names the driftsherre's CVR; the signing-time fits the certificate,
the clock and the takstår."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from takstberegner.dansk import tidspunkt
from takstberegner.export import signering, tillid, verifikation
from takstberegner.export.tillid import Tillid

from . import forfalskning as ff
from .conftest import TID, lav_ca


@pytest.fixture(scope="module")
def kilde(indmelding_egen):
    return ff.medlemmer(indmelding_egen[0])


def _verificer(tmp_path, data: bytes, t: Tillid, **kw) -> verifikation.VerifikationsResultat:
    sti = tmp_path / "x.indmelding"
    sti.write_bytes(data)
    r = verifikation.verificer(sti, t, **kw)
    assert r.status == ("GODKENDT" if r.ok else "AFVIST")
    return r


def test_registreret_ca_noegle_kan_ikke_udstede_til_et_andet_cvr(kilde, tmp_path):
    """Kommune B made its key with `openssl req -x509` (CA:TRUE); the secretariat registered it.
    B issues itself a certificate naming kommune A's CVR and signs A's takster: AFVIST."""
    b = ff.selvsigneret_ca("Kommune B", "87654321", TID)
    falsk_a = ff.udsted_fra(b, "Eksempel Kommune", "12345678", TID)
    t = Tillid(fingeraftryk=frozenset({b.fingeraftryk}))
    r = _verificer(tmp_path, ff.gensigner(kilde, falsk_a, TID), t)
    assert not r.ok
    assert r.grunde == [
        "Certifikatet er ikke udstedt af et betroet rodcertifikat (udstedt af Kommune B), "
        f"og dets fingeraftryk {falsk_a.fingeraftryk} er ikke registreret hos sekretariatet."
    ]
    assert r.ikke_betroet
    # and B's registered CA:TRUE certificate cannot sign itself either
    r = _verificer(tmp_path, ff.gensigner(kilde, b, TID, aendr={}), t)
    assert any("er et udstedercertifikat" in g for g in r.grunde), r.grunde
    assert any("angiver ikke, at nøglen må bruges til at underskrive" in g for g in r.grunde), r.grunde


def test_pem_uden_ca_er_en_registrering_og_pem_med_ca_er_en_rod(tmp_path, test_ca, egen_noegle):
    sti = tmp_path / "tillid.pem"
    sti.write_text(signering.certifikat_pem(egen_noegle.certifikat) + signering.certifikat_pem(test_ca.rod))
    t = tillid.laes_tillid(sti)
    assert t.roedder == (test_ca.rod,)
    assert t.fingeraftryk == {egen_noegle.fingeraftryk}


def test_certifikat_uden_cvr_fra_betroet_rod_afvises(kilde, test_ca, tmp_path):
    personlig = test_ca.udsted("Jens Hansen", None)
    r = _verificer(tmp_path, ff.gensigner(kilde, personlig, TID), Tillid(roedder=(test_ca.rod,)))
    assert r.grunde == [
        "Underskriverens certifikat angiver intet CVR-nummer. En indmelding skal signeres med et certifikat for "
        "driftsherrens CVR 12345678 (et medarbejder- eller organisationscertifikat eller en nøgle lavet i programmet)."
    ]


def test_ca_udstedt_certifikat_godkendes_med_fuld_stivalidering(kilde, test_ca, tmp_path):
    u = test_ca.udsted("Eksempel Kommune", "12345678")
    r = _verificer(tmp_path, ff.gensigner(kilde, u, TID), Tillid(roedder=(test_ca.rod,)))
    assert r.ok, r.grunde
    assert r.noter == ["Certifikatet er udstedt af et betroet rodcertifikat: Test OCES3 Root CA."]


def test_udloebet_og_tilbagedateret_til_2020_afvises(kilde, test_ca, tmp_path):
    gammel = test_ca.udsted("Eksempel Kommune", "12345678", fra=datetime(2019, 6, 1, tzinfo=timezone.utc),
                            til=datetime(2021, 6, 1, tzinfo=timezone.utc))
    tid_2020 = datetime(2020, 3, 1, 10, 0, tzinfo=timezone.utc)
    r = _verificer(tmp_path, ff.gensigner(kilde, gammel, tid_2020), Tillid(roedder=(test_ca.rod,)))
    assert r.grunde == [
        "Signeringstidspunktet 01-03-2020 kl. 11:00 passer ikke til takstår 2026: en indmelding for 2026 "
        "signeres mellem 1. januar 2025 og 31. december 2026."
    ]


def test_udloebet_certifikat_med_rigtigt_signeringstidspunkt_afvises(kilde, test_ca, tmp_path):
    gammel = test_ca.udsted("Eksempel Kommune", "12345678", fra=TID - timedelta(days=400), til=TID - timedelta(days=2))
    r = _verificer(tmp_path, ff.gensigner(kilde, gammel, TID), Tillid(roedder=(test_ca.rod,)))
    assert len(r.grunde) == 1 and r.grunde[0].startswith("Certifikatet var udløbet ved signeringen"), r.grunde


def test_blad_med_ca_true_fra_betroet_rod_afvises(kilde, test_ca, tmp_path):
    ca_blad = test_ca.udsted("Eksempel Kommune", "12345678", ca=True)
    r = _verificer(tmp_path, ff.gensigner(kilde, ca_blad, TID), Tillid(roedder=(test_ca.rod,)))
    assert r.grunde[0].startswith("Underskriverens certifikat er et udstedercertifikat, der kan udstede andre certifikater"), r.grunde


def test_blad_uden_key_usage_afvises(kilde, test_ca, tmp_path):
    u = test_ca.udsted("Eksempel Kommune", "12345678", key_usage=None)
    r = _verificer(tmp_path, ff.gensigner(kilde, u, TID), Tillid(roedder=(test_ca.rod,)))
    assert r.grunde == [
        "Underskriverens certifikat angiver ikke, at nøglen må bruges til at underskrive; vælg et certifikat til "
        "digital signatur."
    ]


def test_blad_kun_til_kryptering_afvises(kilde, test_ca, tmp_path):
    u = test_ca.udsted("Eksempel Kommune", "12345678", key_usage="kryptering")
    r = _verificer(tmp_path, ff.gensigner(kilde, u, TID), Tillid(roedder=(test_ca.rod,)))
    assert len(r.grunde) == 1 and "må ikke bruges til at underskrive" in r.grunde[0], r.grunde


def test_signeret_foer_certifikatet_var_gyldigt_afvises(kilde, test_ca, tmp_path):
    u = test_ca.udsted("Eksempel Kommune", "12345678", fra=TID - timedelta(days=1))
    r = _verificer(tmp_path, ff.gensigner(kilde, u, TID - timedelta(days=3)), Tillid(roedder=(test_ca.rod,)))
    assert any(g.startswith("Certifikatet var endnu ikke gyldigt ved signeringen") for g in r.grunde), r.grunde


def test_signeringstid_i_fremtiden_afvises_men_lidt_urforskel_tillades(kilde, egen_noegle, tmp_path):
    t = Tillid(fingeraftryk=frozenset({egen_noegle.fingeraftryk}))
    data = ff.gensigner(kilde, egen_noegle, TID)
    assert _verificer(tmp_path, data, t, nu=TID - timedelta(minutes=4)).ok
    r = _verificer(tmp_path, data, t, nu=TID - timedelta(minutes=6))
    assert r.grunde == [f"Signeringstidspunktet {tidspunkt(TID)} ligger i fremtiden."]


def test_signeringsvinduet_for_takstaaret():
    fra, til = tillid.vindue(2026)
    assert fra == datetime(2024, 12, 31, 23, 0, tzinfo=timezone.utc)  # 1 January 2025 00:00, Danish winter time
    assert til == datetime(2026, 12, 31, 22, 59, 59, tzinfo=timezone.utc)


def test_signeringsvinduet_foelger_det_danske_ur(kilde, test_ca, tmp_path):
    """The refusal says 'signeres mellem 1. januar 2025 og 31. december 2026' by the Danish clock,
    so the window is that clock's: a file signed at 00:30 on 1 January 2025 in Denmark (23:30 UTC on
    New Year's Eve) was refused, and one signed at 00:30 on 1 January 2027 accepted."""
    u = test_ca.udsted("Eksempel Kommune", "12345678", fra=datetime(2024, 12, 1, tzinfo=timezone.utc),
                       til=datetime(2027, 2, 1, tzinfo=timezone.utc))
    t = Tillid(roedder=(test_ca.rod,))
    senere = datetime(2027, 1, 15, tzinfo=timezone.utc)

    def signeret(tid: datetime) -> verifikation.VerifikationsResultat:
        return _verificer(tmp_path, ff.gensigner(kilde, u, tid), t, nu=senere)

    assert signeret(datetime(2024, 12, 31, 23, 30, tzinfo=timezone.utc)).ok  # 01-01-2025 kl. 00:30
    assert signeret(datetime(2026, 12, 31, 22, 30, tzinfo=timezone.utc)).ok  # 31-12-2026 kl. 23:30
    assert signeret(datetime(2024, 12, 31, 22, 30, tzinfo=timezone.utc)).grunde == [
        "Signeringstidspunktet 31-12-2024 kl. 23:30 passer ikke til takstår 2026: en indmelding for 2026 "
        "signeres mellem 1. januar 2025 og 31. december 2026."]
    assert signeret(datetime(2026, 12, 31, 23, 30, tzinfo=timezone.utc)).grunde == [
        "Signeringstidspunktet 01-01-2027 kl. 00:30 passer ikke til takstår 2026: en indmelding for 2026 "
        "signeres mellem 1. januar 2025 og 31. december 2026."]


def test_mellemled_der_ikke_er_ca_kan_ikke_udstede(kilde, tmp_path):
    """A trusted root's end-entity certificate (CA:FALSE) used as an issuer: path validation fails."""
    ca = lav_ca("Rod til stitest")
    blad = ca.udsted("Mellem", "11111111", direkte=True)
    falsk = ff.udsted_fra(blad, "Eksempel Kommune", "12345678", TID)
    r = _verificer(tmp_path, ff.gensigner(kilde, falsk, TID), Tillid(roedder=(ca.rod,)))
    assert r.grunde == [
        "Certifikatkæden fra det betroede rodcertifikat til underskriveren holder ikke: en udsteder må ikke udstede "
        "certifikater, en underskrift i kæden passer ikke, eller en begrænsning brydes."
    ]


def test_ingen_tillidsliste_naevner_ingen_kommandolinjeflag(indmelding_egen):
    r = verifikation.verificer(indmelding_egen[0])
    assert r.ikke_betroet and not r.ok
    assert "--" not in r.grund and "Sekretariatet har ingen tillidsliste" in r.grund


@pytest.mark.parametrize("hvad, forventet", [
    ("uden_cvr", "angiver intet CVR-nummer"),
    ("ca", "er et udstedercertifikat"),
    ("uden_ku", "angiver ikke, at nøglen må bruges til at underskrive"),
    ("udloebet", "udløbet ved signeringen"),
])
def test_driftsherren_kan_ikke_signere_med_et_certifikat_sekretariatet_afviser(
        hvad, forventet, test_ca, grundlag1, beregning1, tmp_path):
    from takstberegner.export import indmelding

    u = {
        "uden_cvr": lambda: test_ca.udsted("Jens Hansen", None),
        "ca": lambda: test_ca.udsted("Eksempel Kommune", "12345678", ca=True),
        "uden_ku": lambda: test_ca.udsted("Eksempel Kommune", "12345678", key_usage=None),
        "udloebet": lambda: test_ca.udsted("Eksempel Kommune", "12345678", fra=TID - timedelta(days=90),
                                           til=TID - timedelta(days=1)),
    }[hvad]()
    maal = tmp_path / "x.indmelding"
    with pytest.raises(signering.SigneringsFejl, match="Sekretariatet vil afvise") as e:
        indmelding.lav_indmelding(grundlag1, beregning1, u, maal, tid=TID)
    assert forventet in e.value.besked
    assert not maal.exists()


def test_selvtesten_signerer_demoen_inden_for_dens_vindue_ogsaa_efter_takstaaret(
        grundlag1, beregning1, tmp_path, monkeypatch):
    """IT runs --selvtest long after the demo's takstår: it signs at the end of the demo's window
    (with a key valid then) instead of now, so the self-test keeps passing in 2027 and later."""
    from takstberegner.export import ur
    from takstberegner.kommandoer import selvtest

    monkeypatch.setattr(ur, "nu", lambda: datetime(2028, 6, 1, 12, 0, tzinfo=timezone.utc))
    selvtest._indmelding(tmp_path, grundlag1, beregning1)
    assert (tmp_path / "selvtest.indmelding").stat().st_size > 1000


def test_en_registrering_med_pem_tekst_i_navnet_oedelaegger_ikke_tillidsfilen(indmelding_egen, egen_noegle,
                                                                                 test_ca, tmp_path):
    """Registering a signer writes the driftsherre's name from the submission as the line's
    comment. A name with '-----BEGIN CERTIFICATE-----' in it made the PEM reader take the whole
    file for certificates: the tillidsfil could no longer be read, and every file the secretariat
    verified after it was AFVIST. Only PEM blocks on lines of their own are certificates now."""
    sti = tmp_path / "tillid.pem"
    sti.write_text("# Tillidsfil. Roden står i en -----BEGIN CERTIFICATE----- blok herunder.\n"
                   + signering.certifikat_pem(test_ca.rod), encoding="utf-8")
    tillid.registrer(sti, egen_noegle.fingeraftryk, "Eksempel Kommune")
    tillid.registrer(sti, "EF" * 32, "Ond Kommune -----BEGIN CERTIFICATE----- (CVR 87654321)")
    t = tillid.laes_tillid(sti)
    assert t.fingeraftryk == {egen_noegle.fingeraftryk, signering.normaliser_fingeraftryk("EF" * 32)}
    assert t.roedder == (test_ca.rod,)
    r = verifikation.verificer(indmelding_egen[0], sti)
    assert r.ok, r.grunde


def test_en_ny_driftsherres_egen_noegle_med_en_rod_i_tillidsfilen(indmelding_egen, egen_noegle, test_ca, tmp_path):
    """The secretariat trusts the OCES3 root (for MitID Erhverv) and a new driftsherre signs with a key
    made in the program: the reason says the self-signed certificate is not registered, and the
    secretariat may register it (before: 'Certifikatkæden fra det betroede rodcertifikat til
    underskriveren holder ikke: en udsteder må ikke udstede certifikater …', and no offer to register)."""
    r = verifikation.verificer(indmelding_egen[0], Tillid(roedder=(test_ca.rod,)))
    assert r.grunde == [f"Certifikatet er selvsigneret, og dets fingeraftryk {egen_noegle.fingeraftryk} er ikke "
                        "registreret hos sekretariatet."]
    assert r.ikke_betroet
    registreret = Tillid(roedder=(test_ca.rod,), fingeraftryk=frozenset({egen_noegle.fingeraftryk}))
    assert verifikation.verificer(indmelding_egen[0], registreret).ok


def test_et_certifikat_som_cer_kan_vaere_tillidsfilen(indmelding_egen, egen_noegle, test_ca, tmp_path):
    """The OCES3 root is downloaded, and a driftsherre's certificate exported from Windows, as one
    certificate in a .cer file (binary): `--tillid` takes it as the app's dialogs do, a root when it is
    a CA, else a registered certificate (before: 'kan ikke læses: filen er ikke tekst …'). A key file
    (.p12) is refused saying so; registering a fingerprint into a .cer file keeps its certificate."""
    from cryptography.hazmat.primitives.serialization import Encoding

    from takstberegner.cli import main

    fil = indmelding_egen[0]
    egen = tmp_path / "Eksempel Kommune.cer"
    egen.write_bytes(egen_noegle.certifikat.public_bytes(Encoding.DER))
    rod = tmp_path / "oces3-rod.cer"
    rod.write_bytes(test_ca.rod.public_bytes(Encoding.DER))
    assert tillid.laes_tillid(egen) == Tillid((), frozenset({egen_noegle.fingeraftryk}), str(egen))
    assert tillid.laes_tillid(rod) == Tillid((test_ca.rod,), frozenset(), str(rod))
    assert main(["verificer", str(fil), "--tillid", str(egen)]) == 0
    u = test_ca.udsted("Eksempel Kommune", "12345678")
    udstedt = tmp_path / "udstedt.indmelding"
    udstedt.write_bytes(ff.gensigner(ff.medlemmer(fil), u, TID))
    assert verifikation.verificer(udstedt, tillid.laes_tillid(rod), nu=TID).ok

    p12 = tmp_path / "noegle.p12"
    signering.gem_p12(egen_noegle, p12, "hemmelig kode")
    with pytest.raises(tillid.TillidsFejl, match=r"hverken en tekstfil med fingeraftryk og certifikater eller ét "
                                                 r"certifikat \(\.cer\)\. En nøglefil \(\.p12\)"):
        tillid.laes_tillid(p12)

    assert tillid.registrer(rod, "AB" * 32, "Anden Kommune")
    t = tillid.laes_tillid(rod)
    assert t.roedder == (test_ca.rod,) and t.fingeraftryk == {signering.normaliser_fingeraftryk("AB" * 32)}


@pytest.mark.parametrize("hvad,data,grund", [
    ("nøglefil i PEM", b"-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBg\n-----END PRIVATE KEY-----\n",
     "Tillidsfilen t.pem, linje 1: '-----BEGIN PRIVATE KEY-----' er ikke et certifikat. En tillidsfil indeholder kun "
     "fingeraftryk og certifikater; en nøglefil kan ikke bruges som tillidsfil."),
    ("OpenSSL's TRUSTED CERTIFICATE", b"# rod\n-----BEGIN TRUSTED CERTIFICATE-----\nMIIB\n"
                                      b"-----END TRUSTED CERTIFICATE-----\n",
     "Tillidsfilen t.pem, linje 2: '-----BEGIN TRUSTED CERTIFICATE-----' er ikke et certifikat. En tillidsfil "
     "indeholder kun fingeraftryk og certifikater; en nøglefil kan ikke bruges som tillidsfil."),
    ("4 MB nul-bytes", b"\0" * (4 * 1024 * 1024 - 10),
     "Tillidsfilen {sti} kan ikke læses: den er hverken en tekstfil med fingeraftryk og certifikater eller ét "
     "certifikat (.cer). En nøglefil (.p12) eller en indmeldingsfil kan ikke bruges som tillidsfil."),
    ("styretegn i en linje", b"AB\x01\x1b[31mCD\n",
     "Tillidsfilen t.pem, linje 1: 'AB[U+0001][U+001B][31mCD' er hverken et certifikat eller et fingeraftryk (64 tegn "
     "0-9 og A-F). Slet tekst uden for certifikaterne, eller sæt # foran den, så den er en kommentar."),
], ids=["noeglefil", "trusted", "nul", "styretegn"])
def test_en_fil_der_ikke_er_en_tillidsfil_afvises_og_aendres_ikke(indmelding_egen, egen_noegle, tmp_path, capsys,
                                                                   hvad, data, grund):
    """Known defect: a file with a PEM block that is no certificate (a private key, OpenSSL's
    TRUSTED CERTIFICATE) was read as an empty tillidsfil: `verificer --tillid noegle.pem` said the
    signer was not trusted and to register it there, and registering wrote the fingerprint into
    the key file. 4 MB of NUL bytes (valid UTF-8) was quoted back as 40 NUL characters, and control
    characters of a line went to the terminal and the dialog. Each is refused now, and nothing is
    written to the file."""
    from takstberegner.cli import main

    sti = tmp_path / "t.pem"
    sti.write_bytes(data)
    forventet = grund.format(sti=sti)
    with pytest.raises(tillid.TillidsFejl) as e:
        tillid.laes_tillid(sti)
    assert e.value.besked == forventet, hvad
    with pytest.raises(tillid.TillidsFejl):
        tillid.registrer(sti, egen_noegle.fingeraftryk, "Eksempel Kommune")
    assert sti.read_bytes() == data
    bilag = tmp_path / "bilag.xlsx"
    for kommando in (["verificer", str(indmelding_egen[0]), "--tillid", str(sti)],
                     ["takstbilag", str(indmelding_egen[0]), "--tillid", str(sti), "-o", str(bilag)]):
        assert main(kommando) == 2, (hvad, kommando[0])
        ud, err = capsys.readouterr()
        assert err == f"takstberegner: {forventet}\n" and not ud, (hvad, kommando[0])
    assert not bilag.exists()


def test_den_samme_rod_to_gange_er_en_rod(test_ca, tmp_path):
    """A root added twice (Tilføj rodcertifikat … clicked again, or a bundle with it twice) counted
    and listed as two roots; thousands of copies made the tillidsfil dialog thousands of pixels tall."""
    sti = tmp_path / "t.pem"
    sti.write_text(signering.certifikat_pem(test_ca.rod) * 3 + "# X509-navnet, som ældre OpenSSL skriver\n"
                   + signering.certifikat_pem(test_ca.rod).replace("CERTIFICATE", "X509 CERTIFICATE"),
                   encoding="utf-8")
    assert tillid.laes_tillid(sti).roedder == (test_ca.rod,)
