"""Keys and certificates: PKCS#12 with æøå passwords, self-made certificates naming the CVR."""
from __future__ import annotations

import pytest
from cryptography import x509
from cryptography.x509.oid import NameOID

from takstberegner.export import signering


def test_p12_rundtur_med_dansk_kodeord(tmp_path, egen_noegle):
    sti = tmp_path / "k.p12"
    signering.gem_p12(egen_noegle, sti, "Blåbærgrød-æøå")
    u = signering.laes_p12(sti, "Blåbærgrød-æøå")
    assert u.fingeraftryk == egen_noegle.fingeraftryk
    assert u.cvr == "12345678"
    # the same password as UTF-8 bytes works too
    assert signering.laes_p12(sti, "Blåbærgrød-æøå".encode("utf-8")).cvr == "12345678"


def test_forkert_kodeord_giver_dansk_besked(tmp_path, egen_noegle):
    sti = tmp_path / "k.p12"
    signering.gem_p12(egen_noegle, sti, "rigtig")
    with pytest.raises(signering.SigneringsFejl, match="forkert adgangskode"):
        signering.laes_p12(sti, "forkert")
    with pytest.raises(signering.SigneringsFejl, match="findes ikke"):
        signering.laes_p12(tmp_path / "mangler.p12", "x")


def test_selvsigneret_certifikat_naevner_driftsherre_og_cvr():
    u = signering.lav_noegle("Aalborg Kommune", "29189420")
    s = u.certifikat.subject
    assert s.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == "Aalborg Kommune"
    assert s.get_attributes_for_oid(signering.ORGANISATIONS_ID)[0].value == "NTRDK-29189420"
    assert u.cvr == "29189420"
    assert u.certifikat.issuer == s
    assert len(u.fingeraftryk) == 95 and u.fingeraftryk.count(":") == 31
    ku = u.certifikat.extensions.get_extension_for_class(x509.KeyUsage).value
    assert ku.digital_signature and ku.content_commitment


def test_cvr_skal_vaere_otte_cifre():
    with pytest.raises(signering.SigneringsFejl, match="8 cifre"):
        signering.lav_noegle("X Kommune", "1234")


def test_normaliser_fingeraftryk():
    h = "ab" * 32
    assert signering.normaliser_fingeraftryk(h) == ":".join(["AB"] * 32)
    assert signering.normaliser_fingeraftryk("SHA256: " + ":".join(["ab"] * 32)) == ":".join(["AB"] * 32)
    assert signering.normaliser_fingeraftryk("ab" * 31) is None
