"""Tools to forge indmeldingsfiler for the tests, as an attacker would: re-sign a changed
container with any key, build a CMS signature by hand (any signing-time bytes, attributes,
algorithms, certificates), make certificates the normal tools refuse to make (duplicate
extension, unknown curve), and write ZIPs byte by byte. Everything is built in code."""
from __future__ import annotations

import hashlib
import io
import struct
import zipfile
import zlib
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from asn1crypto import algos, cms, core, tsp  # noqa: F401 - tsp registers signing-certificate-v2
from asn1crypto import keys as a_keys
from asn1crypto import x509 as a_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import Encoding

from takstberegner.export import asic, indmelding, signering

DATA = indmelding.MEDLEMMER


def medlemmer(sti: Path | bytes) -> dict[str, bytes]:
    raa = sti if isinstance(sti, bytes) else Path(sti).read_bytes()
    with zipfile.ZipFile(io.BytesIO(raa)) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def a_cert(c: x509.Certificate) -> a_x509.Certificate:
    return a_x509.Certificate.load(c.public_bytes(Encoding.DER))


def tid_der(t: datetime | bytes) -> cms.Time:
    """A signing-time value: a datetime (UTCTime/GeneralizedTime as usual) or raw DER bytes."""
    if isinstance(t, bytes):
        return cms.Time.load(t)
    if 1950 <= t.year < 2050:
        return cms.Time(name="utc_time", value=core.UTCTime(t))
    return cms.Time(name="generalized_time", value=core.GeneralizedTime(t))


def lav_cms(
    indhold: bytes,
    u: signering.Underskriver,
    *,
    tid: datetime | bytes | None,
    certifikater: list | None = None,
    content_type: str = "data",
    digest: bytes | None = None,
    scv2: bool = True,
    scv2_cert: x509.Certificate | None = None,
    ekstra: list | None = None,
    digest_algo: str = "sha256",
    signatur: bytes | None = None,
) -> bytes:
    """A detached CAdES-BES-like SignedData over `indhold`, signed with u's key."""
    cert = u.certifikat
    attrs = [cms.CMSAttribute({"type": "content_type", "values": [content_type]})]
    if tid is not None:
        attrs.append(cms.CMSAttribute({"type": "signing_time", "values": [tid_der(tid)]}))
    attrs.append(cms.CMSAttribute({"type": "message_digest",
                                   "values": [digest if digest is not None else hashlib.new(digest_algo, indhold).digest()]}))
    if scv2:
        h = hashlib.sha256((scv2_cert or cert).public_bytes(Encoding.DER)).digest()
        attrs.append(cms.CMSAttribute({"type": "signing_certificate_v2", "values": [
            tsp.SigningCertificateV2({"certs": [{"hash_algorithm": {"algorithm": "sha256"}, "cert_hash": h}]})]}))
    attrs += ekstra or []
    signed_attrs = cms.CMSAttributes(attrs)
    til_signering = signed_attrs.dump()
    if signatur is None:
        if isinstance(u.noegle, ec.EllipticCurvePrivateKey):
            signatur = u.noegle.sign(til_signering, ec.ECDSA(hashes.SHA256()))
            sig_algo = "sha256_ecdsa"
        else:
            signatur = u.noegle.sign(til_signering, padding.PKCS1v15(), hashes.SHA256())
            sig_algo = "sha256_rsa"
    else:
        sig_algo = "sha256_ecdsa" if isinstance(u.noegle, ec.EllipticCurvePrivateKey) else "sha256_rsa"
    a = a_cert(cert)
    si = cms.SignerInfo({
        "version": "v1",
        "sid": cms.SignerIdentifier(name="issuer_and_serial_number",
                                    value={"issuer": a.issuer, "serial_number": a.serial_number}),
        "digest_algorithm": {"algorithm": digest_algo},
        "signed_attrs": signed_attrs,
        "signature_algorithm": {"algorithm": sig_algo},
        "signature": signatur,
    })
    certs = certifikater if certifikater is not None else [cert, *u.kaede]
    sd = cms.SignedData({
        "version": "v1",
        "digest_algorithms": [{"algorithm": digest_algo}],
        "encap_content_info": {"content_type": "data"},
        "certificates": [c if isinstance(c, a_x509.Certificate) else a_cert(c) for c in certs],
        "signer_infos": [si],
    })
    return cms.ContentInfo({"content_type": "signed_data", "content": sd}).dump()


def gensigner(
    kilde: dict[str, bytes],
    u: signering.Underskriver,
    tid: datetime,
    *,
    aendr: dict[str, bytes] | None = None,
    udvidelser: dict[str, str] | None = None,
    signatur=None,
    navne: list[str] | None = None,
) -> bytes:
    """A container with the data members of `kilde` (changed by `aendr`), a fresh manifest
    keeping kilde's extension values (changed by `udvidelser`), signed by `u` at `tid` with
    pyHanko, or with `signatur(manifest) -> bytes` when given."""
    data = {n: (aendr or {}).get(n, kilde[n]) for n in (navne or DATA) if n in kilde or n in (aendr or {})}
    udv = dict(asic.laes_manifest(kilde[asic.MANIFEST]).udvidelser)
    udv.update(udvidelser or {})
    manifest = asic.lav_manifest(data, udv)
    sig = signatur(manifest) if signatur else signering.signer(manifest, u, tid)
    return asic.zip_bytes(data, manifest, sig, tid)


def gensigner_bundet(
    kilde: dict[str, bytes],
    u: signering.Underskriver,
    tid: datetime,
    grundlag,
    beregning,
    aendr: dict[str, bytes],
) -> bytes:
    """A container with the JSON members of `kilde` changed by `aendr`, bound as a careful forger
    (or a driftsherre's own other tool) would bind them: the PDF and the takstskema printed with the
    new fingerprint (from `grundlag` and `beregning`), the manifest naming it, signed by `u`. Every
    check of the container, the signature and the binding then holds; only the content can fail."""
    from takstberegner.export import rapport, revision_pdf, takstskema_xlsx

    json_ = {n: aendr.get(n, kilde[n]) for n in (indmelding.MEDLEM_GRUNDLAG, indmelding.MEDLEM_TAKSTER)}
    fp = indmelding.fingeraftryk(json_[indmelding.MEDLEM_GRUNDLAG], json_[indmelding.MEDLEM_TAKSTER])
    rp = rapport.lav_rapport(grundlag, beregning, fingeraftryk=fp, dannet=tid)
    return gensigner(kilde, u, tid, udvidelser={indmelding.UDV_FINGERAFTRYK: fp}, aendr={
        **json_, indmelding.MEDLEM_SKEMA: takstskema_xlsx.lav_xlsx(rp), indmelding.MEDLEM_PDF: revision_pdf.lav_pdf(rp)})


def selvsigneret_ca(navn: str, cvr: str, tid: datetime) -> signering.Underskriver:
    """What `openssl req -x509` makes: a self-signed certificate with CA:TRUE and no key usage."""
    from datetime import timedelta

    from cryptography.x509.oid import NameOID

    k = ec.generate_private_key(ec.SECP256R1())
    n = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, navn),
                   x509.NameAttribute(signering.ORGANISATIONS_ID, f"NTRDK-{cvr}"),
                   x509.NameAttribute(NameOID.COMMON_NAME, navn)])
    c = (x509.CertificateBuilder().subject_name(n).issuer_name(n).public_key(k.public_key())
         .serial_number(x509.random_serial_number())
         .not_valid_before(tid - timedelta(days=30)).not_valid_after(tid + timedelta(days=365))
         .add_extension(x509.SubjectKeyIdentifier.from_public_key(k.public_key()), critical=False)
         .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
         .sign(k, hashes.SHA256()))
    return signering.Underskriver(k, c, ())


def udsted_fra(udsteder: signering.Underskriver, navn: str, cvr: str, tid: datetime) -> signering.Underskriver:
    """A leaf for `cvr` issued by `udsteder` (who may be anyone's key)."""
    from datetime import timedelta

    from cryptography.x509.oid import NameOID

    k = ec.generate_private_key(ec.SECP256R1())
    n = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, navn),
                   x509.NameAttribute(signering.ORGANISATIONS_ID, f"NTRDK-{cvr}"),
                   x509.NameAttribute(NameOID.COMMON_NAME, navn + " - takstindmelding")])
    c = (x509.CertificateBuilder().subject_name(n).issuer_name(udsteder.certifikat.subject).public_key(k.public_key())
         .serial_number(x509.random_serial_number())
         .not_valid_before(tid - timedelta(days=1)).not_valid_after(tid + timedelta(days=365))
         .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
         .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True)
         .sign(udsteder.noegle, hashes.SHA256()))
    return signering.Underskriver(k, c, (udsteder.certifikat,))


def med_tbs(cert: x509.Certificate, aendr, noegle=None) -> a_x509.Certificate:
    """The certificate with its TBS changed by `aendr(tbs)`, re-signed by `noegle` when given
    (else the old signature is kept, which no longer fits)."""
    a = a_cert(cert)
    tbs = a["tbs_certificate"]
    aendr(tbs)
    tbs = a_x509.TbsCertificate.load(tbs.dump(force=True))
    sig = a["signature_value"].native
    if noegle is not None:
        if isinstance(noegle, ec.EllipticCurvePrivateKey):
            sig = noegle.sign(tbs.dump(), ec.ECDSA(hashes.SHA256()))
        elif isinstance(noegle, rsa.RSAPrivateKey):
            sig = noegle.sign(tbs.dump(), padding.PKCS1v15(), hashes.SHA256())
    return a_x509.Certificate({"tbs_certificate": tbs, "signature_algorithm": a["signature_algorithm"],
                               "signature_value": sig})


def dublet_udvidelse(u: signering.Underskriver) -> a_x509.Certificate:
    def f(tbs):
        exts = list(tbs["extensions"])
        tbs["extensions"] = exts + [exts[0]]
    return med_tbs(u.certifikat, f, u.noegle)


def fremmed_kurve(u: signering.Underskriver, oid: str) -> a_x509.Certificate:
    """The certificate with its EC key's curve replaced by `oid` (SM2: 1.2.156.10197.1.301,
    secp112r1: 1.3.132.0.6)."""
    def f(tbs):
        spki = tbs["subject_public_key_info"]
        tbs["subject_public_key_info"] = a_keys.PublicKeyInfo({
            "algorithm": {"algorithm": "ec", "parameters": a_keys.ECDomainParameters(name="named", value=oid)},
            "public_key": spki["public_key"]})
    return med_tbs(u.certifikat, f, u.noegle)


# -- raw ZIPs -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Deflateret:
    """A member's data already deflated (a bomb is never held inflated)."""

    komp: bytes
    crc: int
    stoerrelse: int


def bombe(stoerrelse: int) -> Deflateret:
    """Zeros of `stoerrelse` bytes, deflated in 1 MiB steps (about 1 KiB per MiB)."""
    return _bombe(stoerrelse)


@lru_cache(maxsize=4)
def _bombe(stoerrelse: int) -> Deflateret:
    """Full flushes reset the compressor, so every whole MiB deflates to the same bytes: the
    stream is one MiB's block repeated (a 1 GiB bomb is built in well under a second)."""
    mib = 1 << 20
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    blok = c.compress(bytes(mib)) + c.flush(zlib.Z_FULL_FLUSH)
    assert c.compress(bytes(mib)) + c.flush(zlib.Z_FULL_FLUSH) == blok
    hele, rest = divmod(stoerrelse, mib)
    hale = c.compress(bytes(rest)) + c.flush()
    crc, nul = 0, bytes(mib)
    for _ in range(hele):
        crc = zlib.crc32(nul, crc)
    crc = zlib.crc32(bytes(rest), crc)
    return Deflateret(blok * hele + hale, crc, stoerrelse)


def zip_raa(poster: list[tuple[str | bytes, bytes | Deflateret]], *, metode: int | None = None,
            erklaeret: dict[str, int] | None = None, efter_forste: bytes = b"") -> bytes:
    """A ZIP written byte by byte (so names and sizes can be anything zipfile refuses to write):
    `poster` are (name, content); `erklaeret` overrides a member's declared inflated size;
    `efter_forste` is hidden between the first member and the second."""
    ud = bytearray()
    central = bytearray()
    for nr, (navn, indhold) in enumerate(poster):
        if nr == 1:
            ud += efter_forste
        nb = navn if isinstance(navn, bytes) else navn.encode("utf-8")
        n_str = navn if isinstance(navn, str) else navn.decode("latin-1")
        m = metode if metode is not None else (0 if n_str == "mimetype" else 8)
        if isinstance(indhold, Deflateret):
            m, komp, crc, stoer = 8, indhold.komp, indhold.crc, indhold.stoerrelse
        elif m == 8:
            c = zlib.compressobj(9, zlib.DEFLATED, -15)
            komp = c.compress(indhold) + c.flush()
            crc, stoer = zlib.crc32(indhold), len(indhold)
        else:
            komp, crc, stoer = indhold, zlib.crc32(indhold), len(indhold)
        stoer = (erklaeret or {}).get(n_str, stoer)
        flag = 0x800 if any(b > 127 for b in nb) else 0
        offset = len(ud)
        ud += struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, flag, m, 0, 0x5A21, crc, len(komp), stoer, len(nb), 0)
        ud += nb + komp
        central += struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 0x0314, 20, flag, m, 0, 0x5A21, crc,
                               len(komp), stoer, len(nb), 0, 0, 0, 0, 0o644 << 16, offset)
        central += nb
    slut = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(poster), len(poster), len(central), len(ud), 0)
    return bytes(ud + central + slut)
