"""The secretariat's trust model: which signers it trusts, and whether a signer holds (issue 12).

A tillidsfil is text. Lines with a SHA-256 certificate fingerprint (64 hex digits, colons and
spaces allowed, '#' starts a comment) *register* one driftsherre's own certificate: that exact
certificate is trusted as a signer and never as an issuer. PEM certificates with CA:TRUE are
trusted *roots* (e.g. the OCES3/MitID Erhverv root): a signer's certificate issued under one of
them is trusted after a full RFC 5280 path validation (pyhanko-certvalidator, offline, at the
signing time). A PEM certificate without CA:TRUE counts as a registered certificate.

Whoever is trusted, the signer must hold (`vurder`):
- its certificate is not a CA (no CA:TRUE) and its key usage allows digitalSignature or
  nonRepudiation (a certificate without key usage is refused);
- it names a CVR (organizationIdentifier NTRDK-…, or CVR: in serialNumber/O) equal to the
  driftsherre's;
- the signing-time is a time with a zone, not later than now plus `SKEW`, inside the
  certificate's validity, and inside the takstår's window: from 1 January of the year before
  the takstår to 31 December of the takstår (UTC).
Anything else is a Danish reason for AFVIST. Revocation is not checked (the secretariat works
offline); the signing-time is the signer's own claim, so the secretariat records receipt.

API: `laes_tillid(sti) -> Tillid`, `standard_tillidsfil() -> Path`, `registrer(sti, fp,
kommentar)`, `vurder(cert, mellemled, tid, tillid, cvr=, takstaar=, nu=) -> Vurdering`.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from cryptography import x509

from takstberegner.domain.usynlige_tegn import synlig
from takstberegner.export.signering import cvr_af, fingeraftryk, normaliser_fingeraftryk
from takstberegner.fejl import Fejl
from takstberegner.fejltekst import os_fejl

SKEW = timedelta(minutes=5)  # a signer's clock may run this much ahead of ours
MAKS_TILLIDSFIL = 4 * 1024 * 1024


class TillidsFejl(Fejl):
    """The tillidsfil cannot be read or written; `besked` is Danish."""


@dataclass(frozen=True)
class Tillid:
    roedder: tuple[x509.Certificate, ...] = ()  # CA certificates trusted to issue signers
    fingeraftryk: frozenset[str] = frozenset()  # registered signer certificates (never issuers)
    kilde: str = ""

    @property
    def tom(self) -> bool:
        return not self.roedder and not self.fingeraftryk


@dataclass
class Vurdering:
    grunde: list[str] = field(default_factory=list)  # Danish reasons for AFVIST
    noter: list[str] = field(default_factory=list)  # how trust was established
    ikke_betroet: bool = False  # the only thing missing may be the secretariat's trust


def standard_tillidsfil() -> Path:
    """%APPDATA%\\Takstberegner\\tillid.pem on Windows, ~/.config/takstberegner/tillid.pem else."""
    if sys.platform == "win32" and os.environ.get("APPDATA"):
        return Path(os.environ["APPDATA"]) / "Takstberegner" / "tillid.pem"
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "takstberegner" / "tillid.pem"


def _er_ca(c: x509.Certificate) -> bool:
    try:
        return bool(c.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def er_ca(c: x509.Certificate) -> bool:
    """Is it an issuer's certificate (CA:TRUE)? A malformed extension counts as no (the app's choice
    of a root: such a certificate is then refused as no root)."""
    try:
        return _er_ca(c)
    except (ValueError, x509.DuplicateExtension):
        return False


def laes_tillid(sti: str | Path) -> Tillid:
    """The tillidsfil (`--tillid`, Sekretariat → Tillidsfil): its CA certificates are roots, its other
    certificates and its fingerprints registered signers. Read by `_laes_indhold`, as a certificate
    file chosen in the app is (`laes_certifikatfil`)."""
    p = Path(sti)
    raa = _laes_fil(p, MAKS_TILLIDSFIL, "Tillidsfilen", f"Tillidsfilen {p} er for stor til at være en tillidsfil.")
    ind = _laes_indhold(raa, p, _TILLIDSFIL)
    roedder: list[x509.Certificate] = []
    fps = set(ind.fingeraftryk)
    kendte: set[str] = set()
    try:
        for c in ind.certifikater:
            fp = fingeraftryk(c)
            if not _er_ca(c):
                fps.add(fp)
            elif fp not in kendte:  # the same root added twice is one root
                kendte.add(fp)
                roedder.append(c)
    except (ValueError, x509.DuplicateExtension):  # a malformed extension; cryptography's reason is English
        raise TillidsFejl(f"Tillidsfilen {p.name} indeholder et certifikat, der ikke kan læses.") from None
    return Tillid(tuple(roedder), frozenset(fps), str(p))


MAKS_CERTIFIKATFIL = 1_000_000  # a certificate is a few kB, a bundle far below 1 MB


def laes_certifikatfil(sti: str | Path) -> list[x509.Certificate]:
    """The certificates of a file chosen in the app (Tilføj rodcertifikat …, Hent fra certifikatfil …),
    read by the same rules as the tillidsfil: PEM blocks (each line outside them a '#' comment or
    blank; before, the app passed any text around a block while `--tillid` refused the same file,
    naming the line), or one DER certificate (.cer). A larger file than a certificate (a film chosen
    by mistake) is refused after reading just over 1 MB of it. TillidsFejl with the Danish reason."""
    p = Path(sti)
    raa = _laes_fil(p, MAKS_CERTIFIKATFIL, "Certifikatfilen",
                    f"Filen {p.name} er for stor til at være et certifikat (et certifikat fylder nogle få kB).")
    ind = _laes_indhold(raa, p, _CERTIFIKATFIL)
    if ind.fingeraftryk:
        raise TillidsFejl(f"Filen {p.name} indeholder fingeraftryk, ikke kun certifikater. Er det en tillidsfil, så "
                          "vælg den under Tillidsfil; et fingeraftryk registreres med Registrér fingeraftryk …")
    if not ind.certifikater:
        raise TillidsFejl(f"Filen {p.name} indeholder intet certifikat.")
    return list(ind.certifikater)


@dataclass(frozen=True)
class _Art:
    """How a file read by `_laes_indhold` is named in its messages."""
    hvad: str  # 'Tillidsfilen'
    som: str  # 'som tillidsfil'


_TILLIDSFIL = _Art("Tillidsfilen", "som tillidsfil")
_CERTIFIKATFIL = _Art("Certifikatfilen", "som certifikat")


@dataclass(frozen=True)
class _Indhold:
    certifikater: tuple[x509.Certificate, ...]
    fingeraftryk: frozenset[str]


def _laes_fil(p: Path, maks: int, hvad: str, for_stor: str) -> bytes:
    try:
        with open(p, "rb") as f:
            raa = f.read(maks + 1)
    except FileNotFoundError:
        raise TillidsFejl(f"{hvad} {p} findes ikke.") from None
    except OSError as e:
        raise TillidsFejl(f"{hvad} {p} kan ikke læses: {os_fejl(e)}") from None
    if len(raa) > maks:
        raise TillidsFejl(for_stor)
    return raa


def _laes_indhold(raa: bytes, p: Path, art: _Art) -> _Indhold:
    """The one reader of a file of certificates and fingerprints, for both doors. Text: every line is
    a fingerprint (64 hex digits, colons and spaces allowed, '#' starts a comment), a comment, blank,
    or part of a PEM certificate block. Anything else is refused naming its line and how many more
    there are: in a file that decides whom the secretariat trusts nothing is passed over unseen (a
    mistyped fingerprint, OpenSSL's description around a certificate). Not text: one DER certificate."""
    try:
        tekst = raa.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _et_certifikat(raa, p, art)
    if "\0" in tekst:  # NUL is no text (4 MB of zeros decode as UTF-8): a binary file, not a list
        return _et_certifikat(raa, p, art)
    fps: set[str] = set()
    i_pem = False
    pem: list[str] = []  # the lines of the PEM blocks, each beginning on a line of its own
    fremmede: list[tuple[int, str]] = []  # lines that are none of the above
    for nr, linje in enumerate(tekst.splitlines(), 1):
        s = linje.strip()
        if s.startswith("-----BEGIN"):
            if s not in _CERTIFIKAT_BLOKKE:  # a key, a request, OpenSSL's TRUSTED CERTIFICATE: was read as nothing
                raise TillidsFejl(
                    f"{art.hvad} {p.name}, linje {nr}: '{_vist(s)}' er ikke et certifikat. En tillidsfil "
                    f"indeholder kun fingeraftryk og certifikater; en nøglefil kan ikke bruges {art.som}.")
            i_pem = True
            pem.append(s)
            continue
        if s.startswith("-----END"):
            i_pem = False
            pem.append(s)
            continue
        if i_pem:
            pem.append(s)
            continue
        if not s or s.startswith("#"):
            continue
        fp = normaliser_fingeraftryk(s.split("#", 1)[0])
        if fp is None:
            fremmede.append((nr, s))
        else:
            fps.add(fp)
    if fremmede:
        nr, s = fremmede[0]
        flere = len(fremmede) - 1
        raise TillidsFejl(
            f"{art.hvad} {p.name}, linje {nr}: '{_vist(s)}' er hverken et certifikat eller et fingeraftryk "
            "(64 tegn 0-9 og A-F)" + (f"; det samme gælder {flere} linje{'r' if flere != 1 else ''} mere" if flere else "")
            + ". Slet tekst uden for certifikaterne, eller sæt # foran den, så den er en kommentar.")
    certs: tuple[x509.Certificate, ...] = ()
    # only the blocks: a comment is text (a registration's comment is a driftsherre's name from a
    # submission, and '-----BEGIN CERTIFICATE-----' in one made the whole file unreadable)
    if pem:
        try:
            certs = tuple(x509.load_pem_x509_certificates(("\n".join(pem) + "\n").encode("utf-8")))
        except ValueError:  # cryptography's reason is English
            raise TillidsFejl(f"{art.hvad} {p.name} indeholder et certifikat, der ikke kan læses.") from None
    return _Indhold(certs, frozenset(fps))


_CERTIFIKAT_BLOKKE = ("-----BEGIN CERTIFICATE-----", "-----BEGIN X509 CERTIFICATE-----")


def _vist(linje: str) -> str:
    """A line of the file quoted in a message: its first 40 characters, the invisible ones as their codes."""
    return synlig(linje[:40])


def _et_certifikat(raa: bytes, p: Path, art: _Art) -> _Indhold:
    """A file that is not text: one certificate as Windows exports it and the OCES3 root is
    downloaded (.cer, DER). (Before, `--tillid rod.cer` was refused: 'filen er ikke tekst'.)"""
    try:
        c = x509.load_der_x509_certificate(raa)
    except ValueError:
        raise TillidsFejl(
            f"{art.hvad} {p if art is _TILLIDSFIL else p.name} kan ikke læses: den er hverken en tekstfil med "
            "fingeraftryk og certifikater eller ét certifikat (.cer). En nøglefil (.p12) eller en indmeldingsfil "
            f"kan ikke bruges {art.som}."
        ) from None
    return _Indhold((c,), frozenset())


def registrer(sti: str | Path, fp: str, kommentar: str = "") -> bool:
    """Add a registered fingerprint line to the tillidsfil (made when missing). False when it
    was there already. The comment is one line of plain text (the driftsherre's name)."""
    norm = normaliser_fingeraftryk(fp)
    if norm is None:
        raise TillidsFejl("Fingeraftrykket skal være 64 tegn 0-9 og A-F (certifikatets SHA-256 fingeraftryk), fx AB:CD:…")
    p = Path(sti)
    t, gammel = _nuvaerende(p)
    if norm in t.fingeraftryk:
        return False
    ren = " ".join("".join(c for c in kommentar if c.isprintable()).split())[:120]
    linje = norm + (f"  # {ren}" if ren else "") + "\n"
    _skriv(p, gammel + linje)
    return True


def tilfoej_roedder(sti: str | Path, certs: list[x509.Certificate]) -> int:
    """Add the CA certificates `certs` to the tillidsfil as trusted roots (made when missing); how
    many were new. The file must read as a tillidsfil first (a key file is never written to), a
    root it holds already is not added again, and the result must stay a tillidsfil that can be read."""
    from takstberegner.export.signering import certifikat_pem

    p = Path(sti)
    t, gammel = _nuvaerende(p)
    kendte = {fingeraftryk(c) for c in t.roedder}
    nye = []
    for c in certs:
        if fingeraftryk(c) not in kendte:
            kendte.add(fingeraftryk(c))
            nye.append(c)
    if nye:
        _skriv(p, gammel + "".join(f"# Rodcertifikat: {vist_navn(c.subject)}\n{certifikat_pem(c)}" for c in nye))
    return len(nye)


def _nuvaerende(p: Path) -> tuple[Tillid, str]:
    """What the tillidsfil `p` trusts and its text to write on from, ending in a line break
    (empty when the file does not exist; one certificate (.cer) is kept, written as text)."""
    if not p.exists():
        return Tillid(kilde=str(p)), ""
    t = laes_tillid(p)
    try:
        gammel = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):  # one certificate (.cer): kept, written as text
        from takstberegner.export.signering import certifikat_pem

        gammel = "".join(certifikat_pem(c) for c in t.roedder) + "".join(f"{f}\n" for f in t.fingeraftryk)
    if gammel and not gammel.endswith("\n"):
        gammel += "\n"
    return t, gammel


def _skriv(p: Path, tekst: str) -> None:
    from takstberegner.export.atomisk import skriv_atomisk

    data = tekst.encode("utf-8")
    if len(data) > MAKS_TILLIDSFIL:  # written, the file would be refused as too large at its next reading
        raise TillidsFejl(f"Tillidsfilen {p} kan ikke rumme mere: den må højst fylde "
                          f"{MAKS_TILLIDSFIL // (1024 * 1024)} MB. Fjern rodcertifikater, der ikke bruges, fra filen.")
    try:
        skriv_atomisk(p, data)
    except OSError as e:
        raise TillidsFejl(f"Tillidsfilen {p} kan ikke skrives: {os_fejl(e)}") from None


# Danish winter time (UTC+1), which Denmark keeps from the last Sunday of October to the last Sunday
# of March, so on every 1 January and 31 December (dansk.dansk_tid).
_VINTERTID = timezone(timedelta(hours=1))


def vindue(takstaar: int) -> tuple[datetime, datetime]:
    """When an indmelding for `takstaar` may be signed: from 1 January of the year before to
    31 December of the takstår, by the Danish clock, as the refusal says it (a file signed at
    00:30 on 1 January was refused while UTC still had 31 December)."""
    return (datetime(takstaar - 1, 1, 1, tzinfo=_VINTERTID),
            datetime(takstaar, 12, 31, 23, 59, 59, tzinfo=_VINTERTID))


def vurder(
    cert: x509.Certificate,
    mellemled: tuple[x509.Certificate, ...],
    tid: datetime | None,
    tillid: Tillid,
    *,
    cvr: str | None = None,
    takstaar: int | None = None,
    nu: datetime | None = None,
) -> Vurdering:
    """Whether `cert` may sign an indmelding for driftsherre `cvr` and `takstaar` at `tid`
    (aware UTC, or None when the signature had no usable signing-time). Never raises."""
    v = Vurdering()
    from takstberegner.export import ur

    nu = nu or ur.nu()
    try:
        cert.extensions  # noqa: B018 - parsed lazily; a duplicate extension raises here
    except x509.DuplicateExtension as e:
        v.grunde.append("Underskriverens certifikat er misdannet: det indeholder den samme oplysning to gange og afvises.")
        return v
    except ValueError:
        v.grunde.append("Underskriverens certifikat indeholder oplysninger, der ikke kan læses, og afvises.")
        return v
    _egnet(cert, v)
    _cvr(cert, cvr, v)
    if tid is not None:
        _tid(cert, tid, takstaar, nu, v)
    _betroet(cert, mellemled, tid or nu, tillid, v)
    return v


def egnet_til_signering(cert: x509.Certificate, cvr: str, takstaar: int, tid: datetime) -> list[str]:
    """What the secretariat would refuse about this signer before trust is considered (for the
    driftsherre's side: refuse to sign with it at all). Empty when it may sign."""
    v = Vurdering()
    try:
        cert.extensions  # noqa: B018
    except (ValueError, x509.DuplicateExtension):
        return ["Certifikatet indeholder oplysninger, der ikke kan læses; vælg et andet certifikat."]
    _egnet(cert, v)
    _cvr(cert, cvr, v)
    _tid(cert, tid, takstaar, tid, v)
    return v.grunde


def _egnet(cert: x509.Certificate, v: Vurdering) -> None:
    if _er_ca(cert):
        v.grunde.append(
            "Underskriverens certifikat er et udstedercertifikat, der kan udstede andre certifikater, og det må ikke "
            "underskrive en indmelding; lav en nøgle i programmet (Filer → Lav nøgle til indmelding …)."
        )
    try:
        ku = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        v.grunde.append(
            "Underskriverens certifikat angiver ikke, at nøglen må bruges til at underskrive; vælg et certifikat "
            "til digital signatur."
        )
        return
    if not (ku.digital_signature or ku.content_commitment):
        v.grunde.append(
            "Underskriverens certifikat må ikke bruges til at underskrive (det er beregnet til noget andet, fx "
            "kryptering); vælg et certifikat til digital signatur."
        )


def _cvr(cert: x509.Certificate, cvr: str | None, v: Vurdering) -> None:
    eget = cvr_af(cert)
    if not eget:
        v.grunde.append(
            "Underskriverens certifikat angiver intet CVR-nummer. En indmelding skal signeres med et certifikat "
            f"for driftsherrens CVR{' ' + cvr if cvr else ''} (et medarbejder- eller organisationscertifikat "
            "eller en nøgle lavet i programmet)."
        )
    elif cvr is not None and eget != cvr:
        v.grunde.append(f"Certifikatet tilhører CVR {eget}, men indmeldingen er for driftsherren med CVR {cvr}.")


def _tid(cert: x509.Certificate, tid: datetime, takstaar: int | None, nu: datetime, v: Vurdering) -> None:
    from takstberegner.dansk import tidspunkt

    if tid > nu + SKEW:
        v.grunde.append(f"Signeringstidspunktet {tidspunkt(tid)} ligger i fremtiden.")
    if tid < cert.not_valid_before_utc:
        v.grunde.append(
            f"Certifikatet var endnu ikke gyldigt ved signeringen (gyldigt fra {tidspunkt(cert.not_valid_before_utc)}, "
            f"signeret {tidspunkt(tid)})."
        )
    elif tid > cert.not_valid_after_utc:
        v.grunde.append(
            f"Certifikatet var udløbet ved signeringen (udløb {tidspunkt(cert.not_valid_after_utc)}, "
            f"signeret {tidspunkt(tid)})."
        )
    if takstaar is not None:
        try:
            fra, til = vindue(takstaar)
        except (ValueError, OverflowError):
            return
        if not fra <= tid <= til:
            v.grunde.append(
                f"Signeringstidspunktet {tidspunkt(tid)} passer ikke til takstår {takstaar}: en indmelding for "
                f"{takstaar} signeres mellem 1. januar {takstaar - 1} og 31. december {takstaar}."
            )


def _betroet(cert: x509.Certificate, mellemled, tid: datetime, tillid: Tillid, v: Vurdering) -> None:
    fp = fingeraftryk(cert)
    if fp in tillid.fingeraftryk:
        v.noter.append(f"Underskriverens certifikat er registreret hos sekretariatet (fingeraftryk {fp}).")
        return
    # a self-signed certificate (a key made in the program) has no path to a root: it is not
    # registered, said as such, and may be (before, with the OCES3 root in the tillidsfil, a new
    # driftsherre's own key was 'Certifikatkæden … holder ikke: en udsteder må ikke udstede …')
    if tillid.roedder and (cert.issuer != cert.subject or cert in tillid.roedder):
        rod = _sti_til_rod(cert, mellemled, tid, tillid, v)
        if rod is not None:
            v.noter.append(f"Certifikatet er udstedt af et betroet rodcertifikat: {vist_navn(rod.subject)}.")
        return
    v.ikke_betroet = True
    if tillid.tom:
        v.grunde.append(
            "Sekretariatet har ingen tillidsliste: hverken registrerede fingeraftryk eller betroede "
            f"rodcertifikater (tillidsfilen {tillid.kilde or standard_tillidsfil()} findes ikke eller er tom). "
            f"Underskriverens certifikat har fingeraftrykket {fp}."
        )
    elif cert.issuer == cert.subject:
        v.grunde.append(
            f"Certifikatet er selvsigneret, og dets fingeraftryk {fp} er ikke registreret hos sekretariatet."
        )
    else:
        v.grunde.append(
            f"Certifikatet er ikke udstedt af et betroet rodcertifikat (udstedt af {vist_navn(cert.issuer)}), "
            f"og dets fingeraftryk {fp} er ikke registreret hos sekretariatet."
        )


def vist_navn(navn: x509.Name) -> str:
    """A certificate's subject or issuer as a person reads it: its common name, else its
    organisation (never 'CN=…,O=…')."""
    from cryptography.x509.oid import NameOID

    try:
        for oid in (NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME):
            vaerdier = [str(a.value) for a in navn.get_attributes_for_oid(oid)]
            if vaerdier:
                return "".join(c for c in vaerdier[0] if c.isprintable())[:120]
        return "(uden navn)"
    except Exception:  # noqa: BLE001 - an undecodable name
        return "(navnet kan ikke læses)"


def _sti_til_rod(cert, mellemled, tid: datetime, tillid: Tillid, v: Vurdering):
    """RFC 5280 path validation from a trusted root to `cert` at `tid`, offline, with the
    certificates the signature carries as candidates. The root it reached, or None (reason added)."""
    import asyncio

    from asn1crypto import x509 as a_x509
    from cryptography.hazmat.primitives.serialization import Encoding
    from pyhanko_certvalidator import CertificateValidator, ValidationContext
    from pyhanko_certvalidator import errors as cv_fejl

    def a(c):
        return a_x509.Certificate.load(c.public_bytes(Encoding.DER))

    fp = fingeraftryk(cert)
    try:
        vc = ValidationContext(
            trust_roots=[a(r) for r in tillid.roedder],
            other_certs=[a(c) for c in mellemled],
            moment=tid,
            allow_fetching=False,
            revocation_mode="soft-fail",
        )
        sti = asyncio.run(CertificateValidator(a(cert), validation_context=vc).async_validate_path())
        rod_der = sti.first.dump()
        return next((r for r in tillid.roedder if r.public_bytes(Encoding.DER) == rod_der), tillid.roedder[0])
    except cv_fejl.PathBuildingError:
        v.ikke_betroet = True
        v.grunde.append(
            f"Certifikatet er ikke udstedt af et betroet rodcertifikat (udstedt af {vist_navn(cert.issuer)}), "
            f"og dets fingeraftryk {fp} er ikke registreret hos sekretariatet."
        )
    except (cv_fejl.ExpiredError, cv_fejl.NotYetValidError) as e:
        if not e.is_ee_cert:  # the signer's own validity is reported by _tid
            v.grunde.append("Et udstedercertifikat i kæden op til det betroede rodcertifikat var ikke gyldigt ved signeringen.")
    except cv_fejl.RevokedError:
        v.grunde.append("Et certifikat i kæden er spærret.")
    except cv_fejl.DisallowedAlgorithmError:
        v.grunde.append("Certifikatkæden er lavet med en forældet metode, som ikke længere er sikker.")
    except (cv_fejl.PathValidationError, cv_fejl.InvalidCertificateError):
        v.grunde.append(
            "Certifikatkæden fra det betroede rodcertifikat til underskriveren holder ikke: en udsteder må ikke "
            "udstede certifikater, en underskrift i kæden passer ikke, eller en begrænsning brydes."
        )
    except Exception:  # noqa: BLE001 - unsupported algorithm or curve, malformed certificate
        v.grunde.append(
            "Certifikatkæden kan ikke kontrolleres: den bruger en nøgletype eller metode, som ikke understøttes, "
            "eller et certifikat i den er beskadiget."
        )
    return None
