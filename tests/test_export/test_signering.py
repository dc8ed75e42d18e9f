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
