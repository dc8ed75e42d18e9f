"""The ASiC-E container (ETSI EN 319 162-1) that carries a signed indmeldingsfil (SPEC §6).

A ZIP whose first member is `mimetype` (stored, `application/vnd.etsi.asic-e+zip`), then the data
members, `META-INF/ASiCManifest.xml` (a SHA-256 digest of every data member, plus extension
values such as the indmelding's fingerprint) and `META-INF/signature.p7s`, a detached CAdES
signature over the manifest. This module only packs and unpacks; it knows nothing of takster.

API: `pak(medlemmer, underskriver, udvidelser, tid) -> bytes`, `lav_manifest(...)`,
`laes_manifest(xml) -> Manifest`, `aabn(data) -> Container` (raises `ContainerFejl`, Danish).
"""
from __future__ import annotations

import base64
import hashlib
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone

from takstberegner.fejl import Fejl

MIMETYPE = "application/vnd.etsi.asic-e+zip"
MANIFEST = "META-INF/ASiCManifest.xml"
SIGNATUR = "META-INF/signature.p7s"
NS_ASIC = "http://uri.etsi.org/02918/v1.2.1#"
NS_DS = "http://www.w3.org/2000/09/xmldsig#"
NS_TAKST = "urn:takstberegner:indmelding:1"
SHA256_URI = "http://www.w3.org/2001/04/xmlenc#sha256"

MIMETYPER = {
    ".json": "application/json",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pdf": "application/pdf",
}


class ContainerFejl(Fejl):
    """The file is not a well-formed container; the message is Danish."""


@dataclass(frozen=True)
class Reference:
    uri: str
    mimetype: str
    algoritme: str
    digest: bytes


@dataclass(frozen=True)
class Manifest:
    signatur_uri: str
    referencer: tuple[Reference, ...]
    udvidelser: dict[str, str]


@dataclass(frozen=True)
class Container:
    medlemmer: dict[str, bytes]  # the data members, by name, in file order
    manifest: bytes
    signatur: bytes
    navne: tuple[str, ...]  # every member name in file order
    manifest_info: Manifest | None = None  # the manifest as read (aabn has checked it)


def _mimetype_for(navn: str) -> str:
    for endelse, mt in MIMETYPER.items():
        if navn.lower().endswith(endelse):
            return mt
    return "application/octet-stream"


def lav_manifest(medlemmer: dict[str, bytes], udvidelser: dict[str, str] | None = None) -> bytes:
    """The ASiCManifest.xml naming the signature and the SHA-256 of every member."""
    ET.register_namespace("asic", NS_ASIC)
    ET.register_namespace("ds", NS_DS)
    ET.register_namespace("takst", NS_TAKST)
    rod = ET.Element(f"{{{NS_ASIC}}}ASiCManifest")
    ET.SubElement(rod, f"{{{NS_ASIC}}}SigReference", URI=SIGNATUR, MimeType="application/pkcs7-signature")
    for navn, data in medlemmer.items():
        ref = ET.SubElement(rod, f"{{{NS_ASIC}}}DataObjectReference", URI=navn, MimeType=_mimetype_for(navn))
        ET.SubElement(ref, f"{{{NS_DS}}}DigestMethod", Algorithm=SHA256_URI)
        dv = ET.SubElement(ref, f"{{{NS_DS}}}DigestValue")
        dv.text = base64.b64encode(hashlib.sha256(data).digest()).decode("ascii")
    if udvidelser:
        ext = ET.SubElement(rod, f"{{{NS_ASIC}}}ASiCManifestExtensions")
        for noegle, vaerdi in udvidelser.items():
            e = ET.SubElement(ext, f"{{{NS_ASIC}}}Extension", Critical="false")
            v = ET.SubElement(e, f"{{{NS_TAKST}}}Vaerdi", Navn=noegle)
            v.text = vaerdi
    ET.indent(rod)
    return ET.tostring(rod, encoding="UTF-8", xml_declaration=True) + b"\n"


def laes_manifest(xml: bytes) -> Manifest:
    """Read an ASiCManifest strictly: UTF-8, no DTD/entities/comments, one SigReference, at most
    `MAKS_REFERENCER` data references, each with one SHA-256 digest of 32 bytes, no URI twice
    (also in another case), no extension value twice. Raises `ContainerFejl` (Danish)."""
    from takstberegner.export.zip_laeser import vis_navn

    if len(xml) > MAKS_MANIFEST:
        raise ContainerFejl("Manifestet er urimeligt stort og afvises.")
    try:
        tekst = xml.decode("utf-8")
    except UnicodeDecodeError:
        raise ContainerFejl("Manifestet er ikke skrevet med de tegn, Takstberegner bruger: det er ikke lavet af Takstberegner eller er ændret.") from None
    if "<!" in tekst:
        raise ContainerFejl("Manifestet indeholder erklæringer eller kommentarer, som Takstberegner aldrig skriver, og som kan bruges til at angribe modtagerens computer; filen afvises.")
    try:
        rod = ET.fromstring(xml)
    except ET.ParseError as e:
        raise ContainerFejl(f"Manifestet er beskadiget og kan ikke læses (fejl i linje {e.position[0]}).") from None
    if rod.tag != f"{{{NS_ASIC}}}ASiCManifest":
        raise ContainerFejl("Manifestet er ikke af den slags, Takstberegner skriver: filen er ikke lavet af Takstberegner eller er ændret.")
    sigs = rod.findall(f"{{{NS_ASIC}}}SigReference")
    if len(sigs) != 1:
        raise ContainerFejl(f"Manifestet skal henvise til præcis én signatur; det henviser til {len(sigs)}.")
    if sigs[0].get("URI", "") != SIGNATUR:
        raise ContainerFejl("Manifestet henviser ikke til indmeldingsfilens signatur.")
    refs_xml = rod.findall(f"{{{NS_ASIC}}}DataObjectReference")
    if len(refs_xml) > MAKS_REFERENCER:
        raise ContainerFejl(f"Manifestet nævner {len(refs_xml)} elementer; højst {MAKS_REFERENCER} er tilladt.")
    refs: list[Reference] = []
    set_: dict[str, str] = {}
    for ref in refs_xml:
        uri = ref.get("URI", "")
        vist = vis_navn(uri)
        if uri.casefold() in set_:
            raise ContainerFejl(f"Manifestet nævner elementet '{vist}' flere gange.")
        set_[uri.casefold()] = uri
        dms = ref.findall(f"{{{NS_DS}}}DigestMethod")
        dvs = ref.findall(f"{{{NS_DS}}}DigestValue")
        if len(dms) != 1 or len(dvs) != 1:
            raise ContainerFejl(f"Manifestets oplysning om '{vist}' skal have præcis ét kontroltal.")
        algoritme = dms[0].get("Algorithm", "")
        if algoritme != SHA256_URI:
            raise ContainerFejl(
                f"Manifestets kontroltal for '{vist}' er beregnet med en anden metode end den, "
                "Takstberegner bruger, og godtages ikke."
            )
        try:
            digest = base64.b64decode((dvs[0].text or "").strip(), validate=True)
        except ValueError:
            digest = b""
        if len(digest) != 32:
            raise ContainerFejl(f"Manifestets kontroltal for '{vist}' er ugyldigt.")
        refs.append(Reference(uri=uri, mimetype=ref.get("MimeType", ""), algoritme=algoritme, digest=digest))
    udv: dict[str, str] = {}
    for v in rod.iter(f"{{{NS_TAKST}}}Vaerdi"):
        navn = v.get("Navn", "")
        if navn in udv:
            raise ContainerFejl(f"Manifestet angiver værdien '{vis_navn(navn)}' flere gange.")
        udv[navn] = (v.text or "").strip()
    return Manifest(SIGNATUR, tuple(refs), udv)


def pak(
    medlemmer: dict[str, bytes],
    underskriver,
    udvidelser: dict[str, str] | None = None,
    tid: datetime | None = None,
) -> bytes:
    """Build the manifest, sign it with `underskriver` and return the container's bytes."""
    from takstberegner.export import signering

    from takstberegner.export import ur

    tid = tid or ur.nu()
    manifest = lav_manifest(medlemmer, udvidelser)
    signatur = signering.signer(manifest, underskriver, tid)
    return zip_bytes(medlemmer, manifest, signatur, tid)


def zip_bytes(medlemmer: dict[str, bytes], manifest: bytes, signatur: bytes, tid: datetime) -> bytes:
    lokal = tid.astimezone(timezone.utc)
    dt = (max(lokal.year, 1980), lokal.month, lokal.day, lokal.hour, lokal.minute, lokal.second)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        mi = zipfile.ZipInfo("mimetype", dt)
        mi.compress_type = zipfile.ZIP_STORED
        z.writestr(mi, MIMETYPE.encode("ascii"))
        for navn, data in list(medlemmer.items()) + [(MANIFEST, manifest), (SIGNATUR, signatur)]:
            zi = zipfile.ZipInfo(navn, dt)
            # xlsx and the compressed PDF are already deflated: store them as they are
            komprimeret = navn.endswith((".xlsx", ".pdf"))
            zi.compress_type = zipfile.ZIP_STORED if komprimeret else zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data, compresslevel=6)
    return buf.getvalue()


# -- reading a container someone sent: strict, streamed, capped (issue 12) ------------------------

KiB, MiB = 1024, 1024 * 1024
MAKS_FIL = 64 * MiB  # the whole container file
MAKS_UDPAKKET = 64 * MiB  # all members inflated together
MAKS_POSTER = 16  # mimetype, manifest, signature and a handful of data members
MAKS_MANIFEST = 64 * KiB
MAKS_SIGNATUR = 512 * KiB
MAKS_REFERENCER = 12
MAKS_MEDLEM = {".json": 16 * MiB, ".xlsx": 16 * MiB, ".pdf": 32 * MiB}
MAKS_ANDET = 1 * MiB
# a data member's name: flat (no folders), ASCII letters, digits, '-', '_' and single dots
FLAD_NAVN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*")
MAKS_NAVN = 64
_TILLADTE_ATTRIBUTTER = (0o600 << 16, 0o644 << 16)  # what zip_bytes writes (mimetype, the rest)


def maks_for(navn: str) -> int:
    """The inflated size a data member may have, by its kind."""
    for endelse, maks in MAKS_MEDLEM.items():
        if navn.lower().endswith(endelse):
            return maks
    return MAKS_ANDET


_SEND_IGEN = ("Bed driftsherren sende selve indmeldingsfilen (filen, der ender på .indmelding), som Takstberegner "
              "danner under Indmeld takster.")


def anden_slags(data: bytes) -> str | None:
    """The reason for a file that is plainly something else than an indmeldingsfil, by what it is:
    the files a secretariat receives by mistake (the PDF or the takstskema sent on its own, the
    takstgrundlag, the driftsherre's .takst file, an empty file). None for anything else, which the
    strict reading then refuses with the exact reason (before, a PDF or a takstgrundlag was called
    a damaged indmeldingsfil: 'filens afslutning mangler eller er ændret')."""
    if not data:
        return "Filen er tom (0 byte), så den er ikke en indmeldingsfil. Bed driftsherren indsende filen igen."
    from takstberegner.formats import filart

    hvad = {
        filart.PDF: "en PDF-fil (fx takstberegningen til revision)",
        filart.TAKSTFIL: "en takstfil (.takst), som driftsherren arbejder i",
        filart.EXCEL: "et Excel-regneark (fx takstskemaet eller et takstbilag)",
        filart.WORD: "et Word-dokument",
        filart.OFFICE: "et Office-dokument",
        filart.TAKSTGRUNDLAG: "et takstgrundlag uden signatur",
        filart.TAKSTER: "et takster-dokument uden signatur",
        filart.JSON: "en datafil uden signatur",
    }.get(filart.slags(data))
    return f"Filen er ikke en indmeldingsfil, men {hvad}. {_SEND_IGEN}" if hvad else None


def aabn(data: bytes, graenser: dict[str, int] | None = None) -> Container:
    """Unpack a container strictly; raises `ContainerFejl` with the exact Danish reason.

    The members are exactly `mimetype`, the manifest, the signature and the manifest's data
    references: no duplicates (also in another case), no folders, no name outside the flat
    pattern, nothing else in META-INF. Every byte of the ZIP is accounted for; every member is
    inflated as a stream within its cap (`graenser` by name, else `maks_for`) and the ratio cap.
    Digests and the signature are checked by verifikation."""
    from takstberegner.export import zip_laeser as zl

    if len(data) > MAKS_FIL:
        raise ContainerFejl(f"Filen er for stor til at være en indmeldingsfil (over {MAKS_FIL // MiB} MB).")
    anden = anden_slags(data)
    if anden:
        raise ContainerFejl(anden)
    try:
        poster = zl.katalog(data, MAKS_POSTER)
    except zl.ZipFejl as e:
        raise ContainerFejl(f"Filen er ikke en gyldig indmeldingsfil: {e.besked}. Bed driftsherren indsende filen igen.") from None
    if not poster:
        raise ContainerFejl("Filen er ikke en gyldig indmeldingsfil: den er tom indeni. Bed driftsherren indsende filen igen.")
    _tjek_navne(poster)
    _tjek_zip_felter(poster)
    efter_navn = {p.navn: p for p in poster}
    forste = min(poster, key=lambda p: p.offset)
    if forste.navn != "mimetype":
        raise ContainerFejl("Indmeldingsfilen er ikke bygget, som Takstberegner bygger den: typeangivelsen ligger ikke først. Bed driftsherren indsende filen igen.")
    if forste.metode != zl.STORED:
        raise ContainerFejl("Indmeldingsfilen er ikke bygget, som Takstberegner bygger den: typeangivelsen er pakket sammen. Bed driftsherren indsende filen igen.")
    for krav in (MANIFEST, SIGNATUR):
        if krav not in efter_navn:
            raise ContainerFejl(("Indmeldingsfilen mangler manifestet, så det kan ikke kontrolleres, hvad der er signeret." if krav == MANIFEST
                                 else "Indmeldingsfilen mangler signaturen: den er ikke signeret."))

    def udpak(p, maks: int) -> bytes:
        try:
            return zl.udpak(data, p, maks)
        except zl.ZipFejl as e:
            raise ContainerFejl(f"Indmeldingsfilen afvises: {e.besked}.") from None

    if udpak(forste, len(MIMETYPE)) != MIMETYPE.encode("ascii"):
        raise ContainerFejl("Typeangivelsen siger ikke, at filen er en signeret indmeldingsfil. Bed driftsherren indsende filen igen.")
    manifest_xml = udpak(efter_navn[MANIFEST], MAKS_MANIFEST)
    signatur = udpak(efter_navn[SIGNATUR], MAKS_SIGNATUR)
    manifest = laes_manifest(manifest_xml)
    refererede = [ref.uri for ref in manifest.referencer]
    egne = [n for n in refererede if n in ("mimetype", MANIFEST, SIGNATUR)]
    if egne:
        raise ContainerFejl(
            "Indmeldingsfilen afvises: manifestet nævner " + " og ".join(f"'{n}'" for n in egne)
            + " som signeret indhold; kun indmeldingens egne data kan signeres."
        )
    data_navne = [p.navn for p in poster if p.navn not in ("mimetype", MANIFEST, SIGNATUR)]
    tilfoejet = [n for n in data_navne if n not in refererede]
    if tilfoejet:
        raise ContainerFejl(
            "Indmeldingsfilen afvises: " + ", ".join(f"en ukendt fil '{zl.vis_navn(n)}'" for n in tilfoejet)
            + " er lagt i den uden at være signeret."
        )
    mangler = [n for n in refererede if n not in efter_navn]
    if mangler:
        raise ContainerFejl(
            "Indmeldingsfilen afvises: " + ", ".join(f"'{zl.vis_navn(n)}'" for n in mangler)
            + " er signeret, men mangler i filen."
        )
    graenser = graenser or {}
    loft = {n: graenser.get(n, maks_for(n)) for n in data_navne}
    if sum(min(efter_navn[n].stoerrelse, loft[n]) for n in data_navne) > MAKS_UDPAKKET:
        raise ContainerFejl(f"Indmeldingsfilen fylder urimeligt meget, når den pakkes ud (over {MAKS_UDPAKKET // MiB} MB), og afvises.")
    medlemmer = {n: udpak(efter_navn[n], loft[n]) for n in sorted(data_navne, key=lambda n: efter_navn[n].offset)}
    navne = tuple(p.navn for p in sorted(poster, key=lambda p: p.offset))
    return Container(medlemmer, manifest_xml, signatur, navne, manifest)


def _tjek_navne(poster) -> None:
    from takstberegner.export.zip_laeser import vis_navn

    set_: dict[str, str] = {}
    for p in poster:
        n = p.navn
        if n in ("mimetype", MANIFEST, SIGNATUR):
            pass
        elif n.endswith("/") or n.endswith("\\"):
            raise ContainerFejl(f"Indmeldingsfilen afvises: en mappe '{vis_navn(n)}' er lagt i den; en indmeldingsfil har ingen mapper.")
        elif n.upper().startswith("META-INF/"):
            raise ContainerFejl(f"Indmeldingsfilen afvises: en ukendt fil '{vis_navn(n)}' er lagt ved siden af manifestet og signaturen.")
        elif len(n) > MAKS_NAVN or not FLAD_NAVN.fullmatch(n):
            raise ContainerFejl(
                f"Indmeldingsfilen afvises: en fil med det ulovlige navn '{vis_navn(n)}' er lagt i den (et navn må kun "
                "bestå af bogstaverne a-z, cifre, '-', '_' og enkelte punktummer og må ikke pege ind i eller ud af en mappe)."
            )
        noegle = n.casefold()
        if noegle in set_:
            if set_[noegle] == n:
                raise ContainerFejl(f"Indmeldingsfilen indeholder den samme del flere gange: '{vis_navn(n)}'.")
            raise ContainerFejl(
                f"Indmeldingsfilen indeholder den samme del flere gange med forskellig stavemåde: "
                f"'{vis_navn(set_[noegle])}' og '{vis_navn(n)}'."
            )
        set_[noegle] = n


def _tjek_zip_felter(poster) -> None:
    """The central-directory fields that the local header does not repeat hold what zip_bytes
    writes (made by zipfile on Windows (0) or Unix (3), version 2.0, our attributes)."""
    from takstberegner.export.zip_laeser import vis_navn

    for p in poster:
        if (p.lavet_af >> 8) not in (0, 3) or (p.lavet_af & 0xFF) != 20 or p.intern \
                or p.ekstern not in _TILLADTE_ATTRIBUTTER:
            raise ContainerFejl(
                f"Elementet '{vis_navn(p.navn)}' er beskadiget: dets oplysninger i filens indholdsfortegnelse er ændret."
            )
