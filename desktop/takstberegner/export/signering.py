"""Signing keys and detached CAdES signatures for the indmeldingsfil (SPEC §6).

API:
- `Underskriver` (key + certificate + chain) — who signs.
- `laes_p12(sti, kodeord) -> Underskriver`: a PKCS#12 file (.p12/.pfx) as OCES3/MitID Erhverv
  certificates are delivered; wrong password or a broken file raise `SigneringsFejl` (Danish).
- `lav_noegle(navn, cvr, ...) -> Underskriver`: a local key pair and a self-signed certificate
  naming the driftsherre and its CVR (organizationIdentifier "NTRDK-<cvr>"), for users without
  a certificate; `gem_p12(underskriver, sti, kodeord)` keeps it.
- `signer(data, underskriver, tid) -> bytes`: a detached CMS/CAdES-BES signature (DER) with
  content-type, message-digest, signing-time and signing-certificate-v2 attributes, built as
  pyHanko builds it (asn1crypto + cryptography, without importing pyHanko's signer);
  `openssl cms -verify -binary -inform DER` accepts it.
- `fingeraftryk(cert) -> str`: the certificate's SHA-256 fingerprint as the secretariat
  registers it ("AB:CD:..." upper-case hex).
- `cvr_af(cert)` / `navn_af(cert)`: the CVR and the name a certificate names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from takstberegner.export.atomisk import skriv_atomisk
from takstberegner.fejl import Fejl
from takstberegner.fejltekst import os_fejl

ORGANISATIONS_ID = x509.ObjectIdentifier("2.5.4.97")  # organizationIdentifier (ETSI EN 319 412-1)


class SigneringsFejl(Fejl):
    """Signing cannot proceed; `besked` is Danish and says what to do."""


class KanIkkeAabnes(SigneringsFejl):
    """A key file that the password does not open (or that is no key file)."""


@dataclass(frozen=True)
class Underskriver:
    noegle: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey
    certifikat: x509.Certificate
    kaede: tuple[x509.Certificate, ...] = ()  # intermediate (and root) certificates

    @property
    def navn(self) -> str:
        return navn_af(self.certifikat)

    @property
    def cvr(self) -> str:
        return cvr_af(self.certifikat)

    @property
    def fingeraftryk(self) -> str:
        return fingeraftryk(self.certifikat)


def _kodeord_bytes(kodeord: str | bytes | None) -> bytes | None:
    if kodeord is None or kodeord == "" or kodeord == b"":
        return None
    return kodeord if isinstance(kodeord, bytes) else kodeord.encode("utf-8")


def laes_p12(sti: str | Path, kodeord: str | bytes | None) -> Underskriver:
    """Load key and certificate from a PKCS#12 file; æøå passwords are taken as UTF-8."""
    p = Path(sti)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise SigneringsFejl(f"Certifikatfilen {p} findes ikke.") from None
    except OSError as e:
        raise SigneringsFejl(f"Certifikatfilen {p} kan ikke læses: {os_fejl(e)}") from None
    try:
        noegle, cert, andre = pkcs12.load_key_and_certificates(data, _kodeord_bytes(kodeord))
    except ValueError:
        raise KanIkkeAabnes(
            f"Certifikatfilen {p.name} kan ikke åbnes: forkert adgangskode, eller filen er ikke "
            "en nøglefil med certifikat (som MitID Erhverv eller Takstberegner laver)."
        ) from None
    if noegle is None or cert is None:
        raise SigneringsFejl(
            f"Certifikatfilen {p.name} indeholder ikke både en privat nøgle og et certifikat."
        )
    if not isinstance(noegle, (rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey)):
        raise SigneringsFejl("Certifikatets nøgletype kan Takstberegner ikke signere med; brug et OCES3-/MitID Erhverv-certifikat eller lav en nøgle i programmet.")
    return Underskriver(noegle, cert, tuple(andre or ()))


def lav_noegle(
    navn: str,
    cvr: str,
    gyldig_fra: datetime | None = None,
    gyldig_dage: int = 5 * 365,
) -> Underskriver:
    """A new EC P-256 key and a self-signed certificate naming the driftsherre and its CVR."""
    cvr = (cvr or "").strip()
    if not re.fullmatch(r"\d{8}", cvr):
        raise SigneringsFejl(f"CVR-nummeret '{cvr}' skal være 8 cifre.")
    if not (navn or "").strip():
        raise SigneringsFejl("Driftsherrens navn mangler.")
    noegle = ec.generate_private_key(ec.SECP256R1())
    from takstberegner.export import ur

    fra = gyldig_fra or ur.nu() - timedelta(minutes=5)
    o, cn = certifikat_navne(navn)
    subjekt = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "DK"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, o),
            x509.NameAttribute(ORGANISATIONS_ID, f"NTRDK-{cvr}"),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(subjekt)
        .issuer_name(subjekt)
        .public_key(noegle.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(fra)
        .not_valid_after(fra + timedelta(days=gyldig_dage))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, content_commitment=True, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=False,
                crl_sign=False, encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(noegle.public_key()), critical=False)
        .sign(noegle, hashes.SHA256())
    )
    return Underskriver(noegle, cert, ())


MAKS_NAVN = 64  # X.520 upper bound of commonName and organizationName (ub-common-name, ub-organization-name)
CN_ENDELSE = " - takstindmelding"


def _forkort(tekst: str, n: int) -> str:
    """At most n characters: cut at a word boundary when one is near, marked with '…'."""
    if len(tekst) <= n:
        return tekst
    kort = tekst[: n - 1]
    mellemrum = kort.rfind(" ")
    if mellemrum >= n // 2:
        kort = kort[:mellemrum]
    return kort.rstrip(" ,.-") + "…"


def certifikat_navne(navn: str) -> tuple[str, str]:
    """(O, CN) for a self-made certificate: O is the driftsherre's whole name, CN the name with
    ' - takstindmelding'. Both obey X.520's bound of 64 characters (cryptography enforces it only
    for CN; strict parsers for both): the name is shortened in CN when name and ending pass 64,
    and in O only when the name itself passes 64. Control characters are removed. Who the
    certificate belongs to is its CVR (organizationIdentifier), not its name."""
    ren = " ".join("".join(c if c.isprintable() else " " for c in navn).split())
    if not ren:
        raise SigneringsFejl("Driftsherrens navn mangler.")
    return _forkort(ren, MAKS_NAVN), _forkort(ren, MAKS_NAVN - len(CN_ENDELSE)) + CN_ENDELSE


MIN_KODEORD = 8  # a new key file's password, in characters: the app's dialog and `noegle` alike


def tjek_nyt_kodeord(kodeord: str) -> None:
    """SigneringsFejl when a password is too short for a new key file made by the program (a key
    file from elsewhere, MitID Erhverv's, is opened with whatever password it has)."""
    if len(kodeord) < MIN_KODEORD:
        raise SigneringsFejl(f"Adgangskoden skal have mindst {MIN_KODEORD} tegn.")


def gem_p12(underskriver: Underskriver, sti: str | Path, kodeord: str | bytes | None) -> None:
    """Write key + certificate as a PKCS#12 file protected by the password (never without one)."""
    kb = _kodeord_bytes(kodeord)
    if not kb:
        raise SigneringsFejl("Nøglefilen skal beskyttes med en adgangskode; en tom adgangskode accepteres ikke.")
    kryptering = serialization.BestAvailableEncryption(kb)
    data = pkcs12.serialize_key_and_certificates(
        b"takstindmelding", underskriver.noegle, underskriver.certifikat,
        list(underskriver.kaede) or None, kryptering,
    )
    skriv_atomisk(Path(sti), data)  # a crash leaves no half key file


def certifikat_pem(cert: x509.Certificate) -> str:
    return cert.public_bytes(serialization.Encoding.PEM).decode("ascii")


def fingeraftryk(cert: x509.Certificate) -> str:
    h = cert.fingerprint(hashes.SHA256()).hex().upper()
    return ":".join(h[i : i + 2] for i in range(0, len(h), 2))


def normaliser_fingeraftryk(tekst: str) -> str | None:
    """'ab:cd…' / 'ABCD…' / 'sha256 ab cd…' -> canonical 'AB:CD:…', or None if not one. The line as
    the program prints it may be pasted whole: 'Fingeraftryk: SHA-256 AB:CD…' (noegle, the key
    dialog), 'Certifikat:     SHA-256 AB:CD…' (verificer, indmeld); before, the label's letters
    a, e and f were taken for digits and the line refused."""
    tekst = re.sub(r"(?i)^\s*(?:fingeraftryk|certifikat(?:ets fingeraftryk)?)\s*:?", "", tekst)
    h = re.sub(r"[^0-9a-fA-F]", "", re.sub(r"(?i)^\s*sha-?256\s*[:=]?", "", tekst))
    if len(h) != 64:
        return None
    h = h.upper()
    return ":".join(h[i : i + 2] for i in range(0, 64, 2))


def _attr(navn: x509.Name, oid: x509.ObjectIdentifier) -> str:
    vals = navn.get_attributes_for_oid(oid)
    return str(vals[0].value) if vals else ""


def cvr_af(cert: x509.Certificate) -> str:
    """The CVR the certificate names: organizationIdentifier 'NTRDK-12345678' (OCES3), else
    'CVR:12345678' in serialNumber or O (OCES2); '' when none."""
    s = cert.subject
    org_id = _attr(s, ORGANISATIONS_ID)
    m = re.search(r"NTRDK-(\d{8})", org_id)
    if m:
        return m.group(1)
    for oid in (NameOID.SERIAL_NUMBER, NameOID.ORGANIZATION_NAME):
        m = re.search(r"CVR:\s*(\d{8})", _attr(s, oid))
        if m:
            return m.group(1)
    return ""


def navn_af(cert: x509.Certificate) -> str:
    s = cert.subject
    return _attr(s, NameOID.COMMON_NAME) or _attr(s, NameOID.ORGANIZATION_NAME) or s.rfc4514_string()


def signer(data: bytes, underskriver: Underskriver, tid: datetime | None = None) -> bytes:
    """A detached CAdES-BES signature (DER-encoded CMS ContentInfo) over `data`: signed
    attributes content-type, message-digest, signing-time (UTCTime) and signing-certificate-v2
    (RFC 5035), the signer named by issuer and serial number, every certificate it carries.

    Built with asn1crypto and signed with cryptography, as pyHanko's SimpleSigner builds it
    (`async_sign_general_data(..., detached=True, use_cades=True)`; a test compares the two
    field by field): importing pyHanko's signer pulls in aiohttp and its whole PDF stack, about
    0,4 s of CPU the first time a user signs (more than the signature itself)."""
    import hashlib

    from asn1crypto import cms
    from asn1crypto import tsp  # registers signing-certificate-v2
    from asn1crypto import x509 as a_x509

    from takstberegner.export import ur

    tid = tid or ur.nu()
    der = underskriver.certifikat.public_bytes(serialization.Encoding.DER)
    cert = a_x509.Certificate.load(der)
    attributter = cms.CMSAttributes([
        cms.CMSAttribute({"type": "content_type", "values": ["data"]}),
        cms.CMSAttribute({"type": "message_digest", "values": [hashlib.sha256(data).digest()]}),
        cms.CMSAttribute({"type": "signing_time", "values": [cms.Time({"utc_time": tid})]}),
        cms.CMSAttribute({"type": "signing_certificate_v2", "values": [tsp.SigningCertificateV2({"certs": [
            tsp.ESSCertIDv2({
                "hash_algorithm": {"algorithm": "sha256"},
                "cert_hash": hashlib.sha256(der).digest(),
                "issuer_serial": {"issuer": [a_x509.GeneralName(name="directory_name", value=cert.issuer)],
                                  "serial_number": cert.serial_number},
            })]})]}),
    ])
    signeret = attributter.dump()
    noegle = underskriver.noegle
    if isinstance(noegle, ec.EllipticCurvePrivateKey):
        signatur, mekanisme = noegle.sign(signeret, ec.ECDSA(hashes.SHA256())), "sha256_ecdsa"
    elif isinstance(noegle, rsa.RSAPrivateKey):
        signatur, mekanisme = noegle.sign(signeret, padding.PKCS1v15(), hashes.SHA256()), "sha256_rsa"
    else:
        raise SigneringsFejl("Certifikatets nøgletype kan Takstberegner ikke signere med; brug et OCES3-/MitID "
                             "Erhverv-certifikat eller lav en nøgle i programmet.")
    certifikater, set_ = [], set()
    for c in (underskriver.certifikat, *underskriver.kaede):
        d = c.public_bytes(serialization.Encoding.DER)
        if d not in set_:
            set_.add(d)
            certifikater.append(cms.CertificateChoices(name="certificate", value=a_x509.Certificate.load(d)))
    signer_info = cms.SignerInfo({
        "version": "v1",
        "sid": cms.SignerIdentifier({"issuer_and_serial_number": cms.IssuerAndSerialNumber(
            {"issuer": cert.issuer, "serial_number": cert.serial_number})}),
        "digest_algorithm": {"algorithm": "sha256"},
        "signature_algorithm": {"algorithm": mekanisme},
        "signed_attrs": attributter,
        "signature": signatur,
    })
    signed_data = cms.SignedData({
        "version": "v1",
        "digest_algorithms": [{"algorithm": "sha256"}],
        "encap_content_info": {"content_type": "data"},  # detached: the manifest is beside it
        "certificates": certifikater,
        "signer_infos": [signer_info],
    })
    return cms.ContentInfo({"content_type": "signed_data", "content": signed_data}).dump()
