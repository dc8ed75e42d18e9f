"""Checks a detached CMS/CAdES signature (RFC 5652 §5.4, ETSI EN 319 122) over given content.

`kontroller(signatur, indhold) -> CmsResultat`: the signer's certificate, the certificates the
signature carries, the claimed signing time and a list of Danish reasons why it does not hold
(empty when the signature is mathematically valid over `indhold`). Trust in the certificate is
judged separately, in tillid.py.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

_HASH = {"sha256": hashes.SHA256, "sha384": hashes.SHA384, "sha512": hashes.SHA512}


@dataclass
class CmsResultat:
    certifikat: x509.Certificate | None = None
    certifikater: tuple[x509.Certificate, ...] = ()
    signeringstid: datetime | None = None
    grunde: list[str] = field(default_factory=list)


def kontroller(signatur: bytes, indhold: bytes) -> CmsResultat:
    from asn1crypto import cms
    from asn1crypto import tsp  # noqa: F401 - registers the signing-certificate-v2 attribute

    r = CmsResultat()
    try:
        ci = cms.ContentInfo.load(signatur)
        if ci["content_type"].native != "signed_data":
            r.grunde.append("Signaturfilen er ikke en CMS SignedData-signatur.")
            return r
        sd = ci["content"]
        signer_infos = list(sd["signer_infos"])
        certs_asn = [c.chosen for c in sd["certificates"]] if sd["certificates"].native else []
        r.certifikater = tuple(x509.load_der_x509_certificate(c.dump()) for c in certs_asn)
        if sd["encap_content_info"]["content"].native is not None:
            r.grunde.append("Signaturen er ikke løsrevet (detached): den indeholder selv data.")
        if len(signer_infos) != 1:
            r.grunde.append(f"Signaturen skal have præcis én underskriver; den har {len(signer_infos)}.")
            return r
        si = signer_infos[0]
        cert_idx = _find_cert(si["sid"], certs_asn)
        if cert_idx is None:
            r.grunde.append("Underskriverens certifikat findes ikke i signaturen.")
            return r
        cert = r.certifikater[cert_idx]
        r.certifikat = cert
        algo = si["digest_algorithm"]["algorithm"].native
        if algo not in _HASH:
            r.grunde.append(f"Hash-algoritmen {algo} accepteres ikke (brug SHA-256).")
            return r
        attrs = si["signed_attrs"]
        if not attrs.native:
            r.grunde.append("Signaturen mangler signerede attributter (CAdES).")
            return r
        attr = {a["type"].native: a["values"] for a in attrs}
        if "content_type" not in attr or attr["content_type"][0].native != "data":
            r.grunde.append("Signaturens content-type-attribut mangler eller er forkert.")
        md = attr.get("message_digest")
        if md is None:
            r.grunde.append("Signaturen mangler message-digest-attributten.")
        elif md[0].native != hashlib.new(algo, indhold).digest():
            r.grunde.append("Manifestet er ændret efter signeringen: dets hashværdi svarer ikke til signaturen.")
        st = attr.get("signing_time")
        if st is not None:
            r.signeringstid = st[0].native
        else:
            r.grunde.append("Signaturen mangler signeringstidspunkt (signing-time).")
        scv2 = attr.get("signing_certificate_v2")
        if scv2 is None:
            r.grunde.append("Signaturen mangler signing-certificate-v2-attributten (CAdES).")
        else:
            cid = scv2[0]["certs"][0]
            h_algo = cid["hash_algorithm"]["algorithm"].native
            if cid["cert_hash"].native != hashlib.new(h_algo, certs_asn[cert_idx].dump()).digest():
                r.grunde.append(
                    "Certifikatet i signaturen er byttet ud: det er ikke det certifikat, der blev "
                    "underskrevet med (signing-certificate-v2)."
                )
        signed_bytes = b"\x31" + attrs.dump()[1:]
        if not _verificer_signatur(cert, si, signed_bytes, algo):
            r.grunde.append(
                "Signaturen er ugyldig: den passer ikke til certifikatets nøgle eller til de "
                "signerede data."
            )
    except (ValueError, TypeError, KeyError, IndexError) as e:
        r.grunde.append(f"Signaturfilen kan ikke læses som CMS ({type(e).__name__}: {e}).")
    return r


def _find_cert(sid, certs_asn) -> int | None:
    if sid.name == "issuer_and_serial_number":
        isn = sid.chosen
        for i, c in enumerate(certs_asn):
            if c.issuer == isn["issuer"] and c.serial_number == isn["serial_number"].native:
                return i
    else:
        ski = sid.chosen.native
        for i, c in enumerate(certs_asn):
            if c.key_identifier == ski:
                return i
    return None


def _verificer_signatur(cert: x509.Certificate, si, data: bytes, digest_algo: str) -> bool:
    sig = si["signature"].native
    sig_algo = si["signature_algorithm"]
    navn = sig_algo["algorithm"].native
    pub = cert.public_key()
    h = _HASH[digest_algo]()
    try:
        if isinstance(pub, rsa.RSAPublicKey):
            if navn == "rsassa_pss":
                p = sig_algo["parameters"]
                ph = _HASH.get(p["hash_algorithm"]["algorithm"].native, hashes.SHA256)()
                pad = padding.PSS(mgf=padding.MGF1(ph), salt_length=p["salt_length"].native)
                pub.verify(sig, data, pad, ph)
            else:
                pub.verify(sig, data, padding.PKCS1v15(), h)
        elif isinstance(pub, ec.EllipticCurvePublicKey):
            pub.verify(sig, data, ec.ECDSA(h))
        else:
            return False
    except InvalidSignature:
        return False
    return True
