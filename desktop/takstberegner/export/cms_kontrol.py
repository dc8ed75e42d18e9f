"""Checks a detached CMS/CAdES signature (RFC 5652 §5.4, ETSI EN 319 122) over given content.

`kontroller(signatur, indhold) -> CmsResultat`: the signer's certificate, the certificates the
signature carries, the claimed signing time (aware UTC, or None with a reason) and a list of
Danish reasons why it does not hold (empty when the signature is mathematically valid over
`indhold`). Never raises: a malformed structure, an unknown algorithm or curve, a certificate
that cannot be read or a time without zone is a reason. Trust is judged in tillid.py.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timezone

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

_HASH = {"sha256": hashes.SHA256, "sha384": hashes.SHA384, "sha512": hashes.SHA512}
# signature algorithms accepted in a SignerInfo, by the asn1crypto name
_RSA = {"rsassa_pkcs1v15", "sha256_rsa", "sha384_rsa", "sha512_rsa"}
_ECDSA = {"ecdsa", "sha256_ecdsa", "sha384_ecdsa", "sha512_ecdsa"}
MAKS_CERTIFIKATER = 10
# what a reason calls the signed attributes (never their names in the standard)
_ATTRIBUT_NAVN = {
    "content_type": "hvad der er signeret", "message_digest": "kontroltallet for manifestet",
    "signing_time": "signeringstidspunktet", "signing_certificate_v2": "underskriverens certifikat",
}


@dataclass
class CmsResultat:
    certifikat: x509.Certificate | None = None
    certifikater: tuple[x509.Certificate, ...] = ()
    signeringstid: datetime | None = None
    grunde: list[str] = field(default_factory=list)


class _Afvist(Exception):
    """Stop checking: the reason is already recorded."""


def kontroller(signatur: bytes, indhold: bytes) -> CmsResultat:
    r = CmsResultat()
    try:
        _kontroller(signatur, indhold, r)
    except _Afvist:
        pass
    except RecursionError:
        r.grunde.append("Signaturen er bygget urimeligt dybt i lag og afvises: den er ikke lavet af Takstberegner.")
    except Exception:  # noqa: BLE001 - any malformed DER is a rejection, never a traceback
        r.grunde.append("Signaturen kan ikke læses: den er beskadiget, eller det er ikke en signatur. Bed driftsherren indsende filen igen.")
    return r


def _stop(r: CmsResultat, grund: str):
    r.grunde.append(grund)
    raise _Afvist


def _kontroller(signatur: bytes, indhold: bytes, r: CmsResultat) -> None:
    from asn1crypto import cms
    from asn1crypto import tsp  # noqa: F401 - registers the signing-certificate-v2 attribute

    ci = cms.ContentInfo.load(signatur, strict=True)
    if ci["content_type"].native != "signed_data":
        _stop(r, "Signaturen er ikke lavet på den måde, Takstberegner signerer: filen er ikke dannet af Takstberegner eller er ændret. Bed driftsherren indsende filen igen.")
    sd = ci["content"]
    signer_infos = list(sd["signer_infos"])
    certs_asn = [c.chosen for c in sd["certificates"]] if sd["certificates"].native else []
    if len(certs_asn) > MAKS_CERTIFIKATER:
        _stop(r, f"Signaturen medbringer {len(certs_asn)} certifikater; højst {MAKS_CERTIFIKATER} er tilladt.")
    certs = []
    for c in certs_asn:
        if c.__class__.__name__ != "Certificate":
            _stop(r, "Signaturen medbringer et certifikat af en slags, som ikke bruges til at signere indmeldinger.")
        try:
            certs.append(x509.load_der_x509_certificate(c.dump()))
        except ValueError:
            _stop(r, "Et certifikat i signaturen er beskadiget og kan ikke læses.")
    r.certifikater = tuple(certs)
    if sd["encap_content_info"]["content"].native is not None:
        r.grunde.append("Signaturen indeholder selv en kopi af det signerede; en indmeldingsfils signatur må kun henvise til manifestet.")
    if len(signer_infos) != 1:
        _stop(r, f"Signaturen skal have præcis én underskriver; den har {len(signer_infos)}.")
    si = signer_infos[0]
    cert_idx = _find_cert(si["sid"], certs_asn)
    if cert_idx is None:
        _stop(r, "Underskriverens certifikat findes ikke i signaturen.")
    cert = certs[cert_idx]
    r.certifikat = cert
    try:
        cert.extensions  # noqa: B018 - parsed lazily; tillid.vurder reports what is wrong
    except (ValueError, x509.DuplicateExtension):
        pass
    noegle = _offentlig_noegle(cert, certs_asn[cert_idx], r)
    algo = si["digest_algorithm"]["algorithm"].native
    if algo not in _HASH:
        _stop(r, "Signaturen er beregnet med en forældet eller ukendt metode, som ikke er sikker nok. Bed driftsherren signere filen igen med Takstberegner.")
    attrs = si["signed_attrs"]
    if not attrs.native:
        _stop(r, "Signaturen mangler de oplysninger, Takstberegner altid signerer med (tidspunkt, certifikat og indhold): den er ikke lavet af Takstberegner. Bed driftsherren indsende filen igen.")
    typer = [a["type"].native for a in attrs]
    dubletter = sorted({t for t in typer if typer.count(t) > 1})
    if dubletter:
        _stop(r, f"Signaturen angiver {' og '.join(_ATTRIBUT_NAVN.get(d, 'en ukendt oplysning') for d in dubletter)} flere gange.")
    attr = {a["type"].native: a["values"] for a in attrs}
    for navn, vaerdier in attr.items():
        if navn in ("content_type", "message_digest", "signing_time", "signing_certificate_v2") and len(vaerdier) != 1:
            _stop(r, f"Signaturen angiver flere værdier for {_ATTRIBUT_NAVN[navn]}.")
    if "content_type" not in attr or attr["content_type"][0].native != "data":
        r.grunde.append("Signaturen siger ikke, at den gælder et manifest: dens angivelse af, hvad der er signeret, mangler eller er forkert.")
    md = attr.get("message_digest")
    if md is None:
        r.grunde.append("Signaturen mangler kontroltallet for manifestet, så den kan ikke knyttes til indholdet.")
    elif md[0].native != hashlib.new(algo, indhold).digest():
        r.grunde.append("Manifestet er ændret efter signeringen: det passer ikke til signaturen. Bed driftsherren indsende filen igen.")
    st = attr.get("signing_time")
    if st is None:
        r.grunde.append("Signaturen mangler signeringstidspunktet.")
    else:
        r.signeringstid = _normaliser_tid(st[0], r)
    scv2 = attr.get("signing_certificate_v2")
    if scv2 is None:
        r.grunde.append("Signaturen angiver ikke, hvilket certifikat der blev signeret med, så certifikatet kan være byttet ud. Bed driftsherren indsende filen igen.")
    else:
        cid = scv2[0]["certs"][0]
        h_algo = cid["hash_algorithm"]["algorithm"].native
        if h_algo not in _HASH:
            r.grunde.append("Signaturens henvisning til underskriverens certifikat er beregnet med en forældet eller ukendt metode, som ikke godtages.")
        elif cid["cert_hash"].native != hashlib.new(h_algo, certs_asn[cert_idx].dump()).digest():
            r.grunde.append(
                "Certifikatet i signaturen er byttet ud: det er ikke det certifikat, der blev "
                "underskrevet med."
            )
    if noegle is None:
        return
    signed_bytes = b"\x31" + attrs.dump()[1:]
    if not _verificer_signatur(noegle, si, signed_bytes, algo, r):
        r.grunde.append(
            "Signaturen er ugyldig: den passer ikke til certifikatets nøgle eller til de "
            "signerede data."
        )


def _normaliser_tid(vaerdi, r: CmsResultat) -> datetime | None:
    """The signing-time as an aware UTC datetime; None with a reason when it is not one."""
    try:
        t = vaerdi.native
    except (ValueError, TypeError, OverflowError):
        r.grunde.append("Signeringstidspunktet kan ikke læses.")
        return None
    if not isinstance(t, datetime):  # asn1crypto's extended_datetime for year 0
        r.grunde.append("Signeringstidspunktet er ikke en gyldig dato (år 0).")
        return None
    if t.tzinfo is None or t.utcoffset() is None:
        r.grunde.append("Signeringstidspunktet er angivet uden tidszone, så det kan ikke afgøres, hvornår filen er signeret.")
        return None
    try:
        return t.astimezone(timezone.utc)
    except (OverflowError, ValueError):
        r.grunde.append("Signeringstidspunktet ligger uden for det mulige tidsrum.")
        return None


def _offentlig_noegle(cert: x509.Certificate, cert_asn, r: CmsResultat):
    try:
        noegle = cert.public_key()
    except (UnsupportedAlgorithm, ValueError):
        r.grunde.append(
            "Underskriverens certifikat har en nøgletype, som Takstberegner ikke kan kontrollere. Brug et "
            "OCES3-/MitID Erhverv-certifikat eller en nøgle lavet i programmet."
        )
        return None
    if isinstance(noegle, ec.EllipticCurvePublicKey):
        if noegle.curve.name not in ("secp256r1", "secp384r1", "secp521r1"):
            r.grunde.append("Underskriverens certifikat har en nøgletype, som ikke godtages til indmeldinger. Brug et "
                            "OCES3-/MitID Erhverv-certifikat eller en nøgle lavet i programmet.")
            return None
    elif isinstance(noegle, rsa.RSAPublicKey):
        if noegle.key_size < 2048:
            r.grunde.append("Underskriverens nøgle er for kort til at være sikker. Brug et nyere certifikat eller en nøgle lavet i programmet.")
            return None
    else:
        r.grunde.append("Underskriverens certifikat har en nøgletype, som Takstberegner ikke kan kontrollere. Brug et "
                        "OCES3-/MitID Erhverv-certifikat eller en nøgle lavet i programmet.")
        return None
    return noegle


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


def _verificer_signatur(pub, si, data: bytes, digest_algo: str, r: CmsResultat) -> bool:
    sig = si["signature"].native
    sig_algo = si["signature_algorithm"]
    navn = sig_algo["algorithm"].native
    h = _HASH[digest_algo]()
    try:
        if isinstance(pub, rsa.RSAPublicKey) and navn == "rsassa_pss":
            p = sig_algo["parameters"]
            ph_navn = p["hash_algorithm"]["algorithm"].native
            if ph_navn not in _HASH:
                r.grunde.append("Signaturen er regnet ud med en forældet eller ukendt metode, som ikke godtages.")
                return True  # the reason is given; do not add "ugyldig" as well
            ph = _HASH[ph_navn]()
            pub.verify(sig, data, padding.PSS(mgf=padding.MGF1(ph), salt_length=p["salt_length"].native), ph)
        elif isinstance(pub, rsa.RSAPublicKey) and navn in _RSA:
            pub.verify(sig, data, padding.PKCS1v15(), h)
        elif isinstance(pub, ec.EllipticCurvePublicKey) and navn in _ECDSA:
            pub.verify(sig, data, ec.ECDSA(h))
        else:
            r.grunde.append("Signaturen er lavet med en metode, som ikke godtages eller ikke passer til certifikatets nøgle.")
            return True
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True
