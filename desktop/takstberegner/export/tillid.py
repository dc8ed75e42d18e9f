"""Which signing certificates the secretariat trusts, and whether a signer's certificate holds.

A tillidsfil is text: PEM certificates (trusted roots, e.g. the OCES3 root CA) and/or lines with
registered SHA-256 certificate fingerprints (for driftsherrer's self-made certificates); lines
starting with '#' are comments. API: `laes_tillid(sti) -> Tillid`, `standard_tillidsfil() ->
Path` (the secretariat's configured file in the user's config folder), and
`vurder(cert, mellemled, tid, tillid) -> (grunde, bemaerkninger)`.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from cryptography import x509

from takstberegner.export.signering import fingeraftryk, normaliser_fingeraftryk
from takstberegner.fejl import Fejl


class TillidsFejl(Fejl):
    """The tillidsfil cannot be read; `besked` is Danish."""


@dataclass(frozen=True)
class Tillid:
    roedder: tuple[x509.Certificate, ...] = ()
    fingeraftryk: frozenset[str] = frozenset()
    kilde: str = ""

    @property
    def tom(self) -> bool:
        return not self.roedder and not self.fingeraftryk


def standard_tillidsfil() -> Path:
    """%APPDATA%\\Takstberegner\\tillid.pem on Windows, ~/.config/takstberegner/tillid.pem else."""
    if sys.platform == "win32" and os.environ.get("APPDATA"):
        return Path(os.environ["APPDATA"]) / "Takstberegner" / "tillid.pem"
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "takstberegner" / "tillid.pem"


def laes_tillid(sti: str | Path) -> Tillid:
    p = Path(sti)
    try:
        tekst = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise TillidsFejl(f"Tillidsfilen {p} findes ikke.") from None
    except (OSError, UnicodeDecodeError) as e:
        raise TillidsFejl(f"Tillidsfilen {p} kan ikke læses: {e}") from None
    roedder: list[x509.Certificate] = []
    fps: set[str] = set()
    i_pem = False
    for nr, linje in enumerate(tekst.splitlines(), 1):
        s = linje.strip()
        if s.startswith("-----BEGIN"):
            i_pem = True
            continue
        if s.startswith("-----END"):
            i_pem = False
            continue
        if i_pem or not s or s.startswith("#"):
            continue
        fp = normaliser_fingeraftryk(s.split("#", 1)[0])
        if fp is None:
            raise TillidsFejl(
                f"Tillidsfilen {p.name}, linje {nr}: '{s[:40]}' er hverken et PEM-certifikat eller "
                "et SHA-256-fingeraftryk (64 hex-cifre)."
            )
        fps.add(fp)
    if "-----BEGIN CERTIFICATE-----" in tekst:
        try:
            roedder = x509.load_pem_x509_certificates(tekst.encode("utf-8"))
        except ValueError as e:
            raise TillidsFejl(f"Tillidsfilen {p.name} indeholder et ugyldigt PEM-certifikat ({e}).") from None
    return Tillid(tuple(roedder), frozenset(fps), str(p))


def _gyldig(c: x509.Certificate, tid: datetime) -> bool:
    return c.not_valid_before_utc <= tid <= c.not_valid_after_utc


def _er_ca(c: x509.Certificate) -> bool:
    try:
        return bool(c.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def vurder(
    cert: x509.Certificate,
    mellemled: tuple[x509.Certificate, ...],
    tid: datetime | None,
    tillid: Tillid,
) -> tuple[list[str], list[str]]:
    """Reasons the certificate does not hold (Danish), and notes on how it was trusted."""
    from takstberegner.dansk import dato

    grunde: list[str] = []
    noter: list[str] = []
    tid = tid or datetime.now(timezone.utc)
    if tid.tzinfo is None:
        tid = tid.replace(tzinfo=timezone.utc)
    if tid < cert.not_valid_before_utc:
        grunde.append(
            f"Certifikatet var endnu ikke gyldigt ved signeringen (gyldigt fra {dato(cert.not_valid_before_utc.date())})."
        )
    elif tid > cert.not_valid_after_utc:
        grunde.append(
            f"Certifikatet var udløbet ved signeringen (udløb {dato(cert.not_valid_after_utc.date())})."
        )
    try:
        ku = cert.extensions.get_extension_for_class(x509.KeyUsage).value
        if not (ku.digital_signature or ku.content_commitment):
            grunde.append("Certifikatet må ikke bruges til signering (key usage).")
    except x509.ExtensionNotFound:
        pass
    fp = fingeraftryk(cert)
    if fp in tillid.fingeraftryk:
        noter.append(f"Certifikatet er registreret hos sekretariatet (fingeraftryk {fp}).")
        return grunde, noter
    rod_fps = {fingeraftryk(r): r for r in tillid.roedder}
    kandidater = list(mellemled) + list(tillid.roedder)
    aktuel = cert
    for _ in range(8):
        afp = fingeraftryk(aktuel)
        if afp in rod_fps or afp in tillid.fingeraftryk:
            if aktuel is not cert and not _gyldig(aktuel, tid):
                grunde.append(f"Rodcertifikatet {aktuel.subject.rfc4514_string()} var ikke gyldigt ved signeringen.")
            if aktuel is cert:
                noter.append("Certifikatet står selv i tillidsfilen.")
            else:
                noter.append(f"Certifikatet er udstedt af et betroet rodcertifikat: {aktuel.subject.rfc4514_string()}.")
            return grunde, noter
        udsteder = None
        for k in kandidater:
            if k.subject != aktuel.issuer or fingeraftryk(k) == afp:
                continue
            try:
                aktuel.verify_directly_issued_by(k)
            except Exception:  # noqa: BLE001 - InvalidSignature, unsupported key or algorithm
                continue
            udsteder = k
            break
        if udsteder is None:
            break
        if not _er_ca(udsteder):
            grunde.append(f"Udstederen {udsteder.subject.rfc4514_string()} er ikke en CA.")
            return grunde, noter
        if not _gyldig(udsteder, tid):
            grunde.append(f"Udstedercertifikatet {udsteder.subject.rfc4514_string()} var ikke gyldigt ved signeringen.")
        aktuel = udsteder
    if tillid.tom:
        grunde.append(
            "Der er ingen tillidsliste: angiv --tillid FIL.pem med betroede rodcertifikater eller "
            f"registrerede fingeraftryk, eller læg den i {standard_tillidsfil()}."
        )
    elif cert.issuer == cert.subject:
        grunde.append(
            f"Certifikatet er selvsigneret og dets fingeraftryk {fp} er ikke registreret hos sekretariatet."
        )
    else:
        grunde.append(
            f"Certifikatet er ikke udstedt af et betroet rodcertifikat (udsteder: {cert.issuer.rfc4514_string()})."
        )
    return grunde, noter
