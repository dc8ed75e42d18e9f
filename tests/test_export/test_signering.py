"""Keys and certificates: PKCS#12 with æøå passwords, self-made certificates naming the CVR."""
from __future__ import annotations

import pytest
from cryptography import x509
from cryptography.x509.oid import NameOID

from takstberegner.export import cms_kontrol, signering

from .conftest import TID


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


def test_tom_adgangskode_skrives_aldrig(tmp_path, egen_noegle):
    for tom in (None, "", b""):
        with pytest.raises(signering.SigneringsFejl, match="adgangskode"):
            signering.gem_p12(egen_noegle, tmp_path / "k.p12", tom)
    assert not (tmp_path / "k.p12").exists()


@pytest.mark.parametrize("laengde", [1, 46, 47, 63, 64, 65, 200])
def test_lange_navne_forkortes_i_cn_og_holdes_hele_i_o(laengde):
    """CN = name + ' - takstindmelding' <= 64 (X.520; cryptography refuses more); O keeps the
    whole name as long as it is within X.520's 64, and is shortened only beyond that."""
    ord_ = "Den Selvejende Institution Bostedet ved Fjorden og Skoven Nord Syd Øst Vest " * 3
    navn = (ord_[:laengde - 1] + "X").strip()
    u = signering.lav_noegle(navn, "12345678")
    s = u.certifikat.subject
    o = s.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value
    cn = s.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value
    assert len(cn) <= 64 and len(o) <= 64
    assert cn.endswith(" - takstindmelding")
    if len(navn) <= 64:
        assert o == navn
    else:
        assert o.endswith("…") and navn.startswith(o[:-1])
    if len(navn) + len(" - takstindmelding") <= 64:
        assert cn == navn + " - takstindmelding"
    else:
        assert "…" in cn and navn.startswith(cn[: cn.index("…")])
    assert u.cvr == "12345678"


def test_kontroltegn_i_navnet_fjernes():
    u = signering.lav_noegle("Bo\x00sted\nNord\x1b", "12345678")
    assert u.certifikat.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == "Bo sted Nord"


def _pyhanko_signatur(data: bytes, u: signering.Underskriver, tid) -> bytes:
    """What pyHanko's SimpleSigner makes (as the program signed before it built the signature itself)."""
    import asyncio

    from asn1crypto import keys as a_keys
    from asn1crypto import x509 as a_x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.sign.signers import pdf_cms
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    def a(c):
        return a_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER))

    s = pdf_cms.SimpleSigner(
        signing_cert=a(u.certifikat),
        signing_key=a_keys.PrivateKeyInfo.load(u.noegle.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())),
        cert_registry=SimpleCertificateStore.from_certs([a(c) for c in u.kaede]),
    )
    return asyncio.run(s.async_sign_general_data(
        data, "sha256", detached=True, use_cades=True,
        signed_attr_settings=pdf_cms.PdfCMSSignedAttributes(signing_time=tid))).dump()


@pytest.mark.parametrize("hvilken", ["egen", "ca_rsa", "ca_ec"])
def test_signaturen_er_bygget_som_pyhankos(hvilken, egen_noegle, test_ca, grundlag1):
    """The signature is built field by field as pyHanko's SimpleSigner builds it (the signed
    attributes byte for byte, the signer, the algorithms, the certificates carried); RSA
    (PKCS #1 v1.5) is deterministic, so there the whole signature is the same bytes as pyHanko's."""
    from asn1crypto import cms

    u = {"egen": egen_noegle,
         "ca_rsa": test_ca.udsted(grundlag1.driftsherre.navn, grundlag1.driftsherre.cvr),
         "ca_ec": test_ca.udsted(grundlag1.driftsherre.navn, grundlag1.driftsherre.cvr, rsa_noegle=False)}[hvilken]
    data = b"<manifest>\xc3\xa6\xc3\xb8\xc3\xa5</manifest>"
    vores, deres = signering.signer(data, u, TID), _pyhanko_signatur(data, u, TID)
    a, b = cms.ContentInfo.load(vores)["content"], cms.ContentInfo.load(deres)["content"]
    for felt in ("version", "digest_algorithms", "encap_content_info"):
        assert a[felt].dump() == b[felt].dump(), felt
    assert sorted(c.dump() for c in a["certificates"]) == sorted(c.dump() for c in b["certificates"])
    sa, sb = a["signer_infos"][0], b["signer_infos"][0]
    for felt in ("version", "sid", "digest_algorithm", "signature_algorithm", "signed_attrs", "unsigned_attrs"):
        assert sa[felt].dump() == sb[felt].dump(), felt
    if hvilken == "ca_rsa":
        assert sa["signature"].native == sb["signature"].native
    assert not cms_kontrol.kontroller(vores, data).grunde
    assert cms_kontrol.kontroller(vores, data + b" ").grunde
