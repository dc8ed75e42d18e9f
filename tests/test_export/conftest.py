"""Fixtures for the export tests: the worked examples computed, keys, a test CA, built files."""
from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from takstberegner import tjeneste
from takstberegner.export import signering
from takstberegner.formats import takstgrundlag as tg_format

EKSEMPLER = Path(__file__).resolve().parents[1] / "data" / "eksempler"
NU = datetime.now(timezone.utc).replace(microsecond=0)
# when the fixtures sign: now, or the end of takstår 2026's signing window once that has passed
TID = min(NU, datetime(2026, 12, 31, 12, 0, tzinfo=timezone.utc))


@pytest.fixture(autouse=True)
def _ingen_standard_tillid(tmp_path, monkeypatch):
    """No test may pick up a real tillidsfil from the user's config folder."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("APPDATA", raising=False)


def eksempel(n: int):
    sti = next(EKSEMPLER.glob(f"eksempel-{n}-*.takstgrundlag.json"))
    return tg_format.laes_fil(sti)


@pytest.fixture(scope="session")
def grundlag1():
    return eksempel(1)


@pytest.fixture(scope="session")
def beregning1(grundlag1):
    return tjeneste.beregn(grundlag1)


@pytest.fixture(scope="session")
def egen_noegle(grundlag1):
    return signering.lav_noegle(grundlag1.driftsherre.navn, grundlag1.driftsherre.cvr,
                                gyldig_fra=TID - timedelta(days=1))


@dataclasses.dataclass
class TestCA:
    rod: x509.Certificate
    rod_noegle: object
    mellem: x509.Certificate
    mellem_noegle: object

    def udsted(self, navn: str, cvr: str | None, fra: datetime | None = None, til: datetime | None = None,
               rsa_noegle: bool = True, *, ca: bool = False, key_usage: str | None = "signatur",
               direkte: bool = False) -> signering.Underskriver:
        """A signer's certificate (an OCES3 employee certificate: CN a person, O the driftsherre,
        organizationIdentifier NTRDK-<cvr>) issued by the intermediate, or by the root itself with
        `direkte`. `key_usage`: "signatur" (digitalSignature + nonRepudiation), "kryptering"
        (keyEncipherment only) or None (no extension); `cvr` None leaves the CVR out."""
        noegle = rsa.generate_private_key(65537, 2048) if rsa_noegle else ec.generate_private_key(ec.SECP256R1())
        fra = fra or TID - timedelta(days=30)
        til = til or TID + timedelta(days=365)
        attrs = [x509.NameAttribute(NameOID.COUNTRY_NAME, "DK"), x509.NameAttribute(NameOID.ORGANIZATION_NAME, navn)]
        if cvr is not None:
            attrs.append(x509.NameAttribute(signering.ORGANISATIONS_ID, f"NTRDK-{cvr}"))
        attrs.append(x509.NameAttribute(NameOID.COMMON_NAME, "Jens Hansen"))
        udsteder, udsteder_noegle = (self.rod, self.rod_noegle) if direkte else (self.mellem, self.mellem_noegle)
        b = (
            x509.CertificateBuilder().subject_name(x509.Name(attrs)).issuer_name(udsteder.subject)
            .public_key(noegle.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(fra).not_valid_after(til)
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        )
        if key_usage is not None:
            signatur = key_usage == "signatur"
            b = b.add_extension(x509.KeyUsage(signatur, signatur, not signatur, False, False, ca, ca, False, False),
                                critical=True)
        cert = b.sign(udsteder_noegle, hashes.SHA256())
        return signering.Underskriver(noegle, cert, () if direkte else (self.mellem,))


def _ca_cert(navn, noegle, udsteder_navn, udsteder_noegle, fra, til):
    return (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, navn)]))
        .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, udsteder_navn)]))
        .public_key(noegle.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(fra).not_valid_after(til)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(True, False, False, False, False, True, True, False, False), critical=True)
        .sign(udsteder_noegle, hashes.SHA256())
    )


def lav_ca(navn: str = "Test OCES3 Root CA") -> TestCA:
    rk = ec.generate_private_key(ec.SECP256R1())
    mk = ec.generate_private_key(ec.SECP256R1())
    fra, til = TID - timedelta(days=3650), TID + timedelta(days=3650)
    rod = _ca_cert(navn, rk, navn, rk, fra, til)
    mellem = _ca_cert(navn + " - udsteder", mk, navn, rk, fra, til)
    return TestCA(rod, rk, mellem, mk)


@pytest.fixture(scope="session")
def test_ca():
    return lav_ca()


def skriv_pem(sti: Path, *certs: x509.Certificate) -> Path:
    sti.write_text("".join(signering.certifikat_pem(c) for c in certs), encoding="ascii")
    return sti


@pytest.fixture(scope="session")
def indmelding_egen(tmp_path_factory, grundlag1, beregning1, egen_noegle):
    """A submission signed with a self-made key: (path, info)."""
    from takstberegner.export import indmelding

    sti = tmp_path_factory.mktemp("ind") / "egen.indmelding"
    info = indmelding.lav_indmelding(grundlag1, beregning1, egen_noegle, sti, tid=TID)
    return sti, info


@pytest.fixture(scope="session")
def ca_underskriver(test_ca, grundlag1):
    return test_ca.udsted(grundlag1.driftsherre.navn, grundlag1.driftsherre.cvr)


@pytest.fixture(scope="session")
def indmelding_ca(tmp_path_factory, grundlag1, beregning1, ca_underskriver):
    from takstberegner.export import indmelding

    sti = tmp_path_factory.mktemp("ind") / "ca.indmelding"
    info = indmelding.lav_indmelding(grundlag1, beregning1, ca_underskriver, sti, tid=TID)
    return sti, info
