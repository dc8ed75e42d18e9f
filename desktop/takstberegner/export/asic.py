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
MAKS_UDPAKKET = 500 * 1024 * 1024  # guard against ZIP bombs

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
    if b"<!DOCTYPE" in xml or b"<!ENTITY" in xml:
        raise ContainerFejl("Manifestet indeholder en DOCTYPE/ENTITY-erklæring og afvises.")
    try:
        rod = ET.fromstring(xml)
    except ET.ParseError as e:
        raise ContainerFejl(f"Manifestet {MANIFEST} er ikke gyldig XML ({e}).") from None
    if rod.tag != f"{{{NS_ASIC}}}ASiCManifest":
        raise ContainerFejl(f"{MANIFEST} er ikke et ASiCManifest.")
    sig = rod.find(f"{{{NS_ASIC}}}SigReference")
    refs = []
    for ref in rod.findall(f"{{{NS_ASIC}}}DataObjectReference"):
        dm = ref.find(f"{{{NS_DS}}}DigestMethod")
        dv = ref.find(f"{{{NS_DS}}}DigestValue")
        try:
            digest = base64.b64decode((dv.text or "") if dv is not None else "", validate=True)
        except ValueError:
            digest = b""
        refs.append(
            Reference(
                uri=ref.get("URI", ""),
                mimetype=ref.get("MimeType", ""),
                algoritme=dm.get("Algorithm", "") if dm is not None else "",
                digest=digest,
            )
        )
    udv = {}
    for v in rod.iter(f"{{{NS_TAKST}}}Vaerdi"):
        udv[v.get("Navn", "")] = (v.text or "").strip()
    return Manifest(sig.get("URI", "") if sig is not None else "", tuple(refs), udv)


def pak(
    medlemmer: dict[str, bytes],
    underskriver,
    udvidelser: dict[str, str] | None = None,
    tid: datetime | None = None,
) -> bytes:
    """Build the manifest, sign it with `underskriver` and return the container's bytes."""
    from takstberegner.export import signering

    tid = tid or datetime.now(timezone.utc)
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


def aabn(data: bytes) -> Container:
    """Unpack and check the ZIP shape; digests and the signature are checked by verifikation."""
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        infos = z.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, UnicodeDecodeError, IndexError, struct_fejl()):
        raise ContainerFejl("Filen er ikke en indmeldingsfil: den er ikke en gyldig ZIP-container.") from None
    if not infos or infos[0].filename != "mimetype":
        raise ContainerFejl("Containerens første element skal være 'mimetype' (ASiC-E); det er det ikke.")
    if infos[0].compress_type != zipfile.ZIP_STORED:
        raise ContainerFejl("Elementet 'mimetype' skal være gemt ukomprimeret (ASiC-E).")
    if sum(i.file_size for i in infos) > MAKS_UDPAKKET:
        raise ContainerFejl("Containeren er urimeligt stor udpakket og afvises (over 500 MB).")
    navne = [i.filename for i in infos]
    dubletter = sorted({n for n in navne if navne.count(n) > 1})
    if dubletter:
        raise ContainerFejl(f"Containeren indeholder samme element flere gange: {', '.join(dubletter)}.")
    try:
        indhold = {i.filename: z.read(i) for i in infos}
    except (zipfile.BadZipFile, zlib_fejl(), OSError, EOFError, ValueError, NotImplementedError) as e:
        raise ContainerFejl(f"Containeren er beskadiget og kan ikke pakkes ud ({e}).") from None
    except RuntimeError:  # zipfile: a member marked as encrypted
        raise ContainerFejl("Containeren er beskadiget: et element er markeret som krypteret.") from None
    _tjek_layout(data, z, infos)
    for i in infos:
        if i.compress_type == zipfile.ZIP_DEFLATED and not _deflate_afsluttet(data, i):
            raise ContainerFejl(f"Elementet '{i.filename}' er beskadiget: dets komprimerede data er ændret.")
    if indhold["mimetype"] != MIMETYPE.encode("ascii"):
        raise ContainerFejl(f"Elementet 'mimetype' skal indeholde '{MIMETYPE}'.")
    for krav in (MANIFEST, SIGNATUR):
        if krav not in indhold:
            raise ContainerFejl(f"Containeren mangler {krav}.")
    medlemmer = {
        n: d for n, d in indhold.items() if n not in ("mimetype", MANIFEST, SIGNATUR) and not n.endswith("/")
    }
    return Container(medlemmer, indhold[MANIFEST], indhold[SIGNATUR], tuple(navne))


def _tjek_layout(data: bytes, z: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> None:
    """Every byte is accounted for: each local header equals its central-directory entry, the
    members lie back to back from offset 0, and the central directory follows the last one.
    (zipfile trusts the central directory and never reads these header fields.)"""
    import struct

    pos = 0
    for i in sorted(infos, key=lambda x: x.header_offset):
        h = i.header_offset
        hoved = data[h : h + 30]
        navn = i.filename.encode("utf-8" if i.flag_bits & 0x800 else "cp437")
        aar, md, dag, t, mi, sek = i.date_time
        forventet = struct.pack(
            "<4sHHHHHIIIHH", b"PK\x03\x04", i.extract_version, i.flag_bits, i.compress_type,
            (t << 11) | (mi << 5) | (sek // 2), ((aar - 1980) << 9) | (md << 5) | dag,
            i.CRC, i.compress_size, i.file_size, len(navn), len(i.extra),
        )
        if h != pos or hoved != forventet or data[h + 30 : h + 30 + len(navn)] != navn \
                or data[h + 30 + len(navn) : h + 30 + len(navn) + len(i.extra)] != i.extra:
            raise ContainerFejl(f"Elementet '{i.filename}' er beskadiget: dets lokale ZIP-hoved er ændret.")
        if i.flag_bits & 0x08:
            raise ContainerFejl(f"Elementet '{i.filename}' bruger en datadeskriptor, som indmeldingsfiler ikke har.")
        pos = h + 30 + len(navn) + len(i.extra) + i.compress_size
    if pos != z.start_dir:
        raise ContainerFejl("Containeren indeholder data uden for sine elementer; den er ændret.")
    _tjek_central(data, z, infos)


_TILLADTE_ATTRIBUTTER = (0o600 << 16, 0o644 << 16)  # what zip_bytes writes (mimetype, the rest)


def _tjek_central(data: bytes, z: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> None:
    """The central directory and end record hold exactly what zip_bytes writes: no comment, one
    disk, made by zipfile on Windows (0) or Unix (3), the attributes we set, then end of file."""
    import struct

    pos = z.start_dir
    for i in infos:
        (_, lavet_af, *_felter, nlen, elen, clen, disk, intern, ekstern, _offset) = struct.unpack(
            "<4sHHHHHHIIIHHHHHII", data[pos : pos + 46])
        if (lavet_af >> 8) not in (0, 3) or (lavet_af & 0xFF) != 20 or i.reserved or clen or disk or intern \
                or ekstern not in _TILLADTE_ATTRIBUTTER:
            raise ContainerFejl(f"Elementet '{i.filename}' er beskadiget: dets post i ZIP-indholdsfortegnelsen er ændret.")
        pos += 46 + nlen + elen + clen
    slut = data[pos : pos + 22]
    forventet = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(infos), len(infos), pos - z.start_dir,
                            z.start_dir, 0)
    if slut != forventet or pos + 22 != len(data):
        raise ContainerFejl("Containerens ZIP-afslutning er ændret.")


def _deflate_afsluttet(data: bytes, info: zipfile.ZipInfo) -> bool:
    """The member's deflate stream ends exactly where the ZIP says (zipfile does not check)."""
    import zlib

    h = info.header_offset
    start = h + 30 + int.from_bytes(data[h + 26 : h + 28], "little") + int.from_bytes(data[h + 28 : h + 30], "little")
    d = zlib.decompressobj(-15)
    try:
        d.decompress(data[start : start + info.compress_size])
        d.flush()
    except zlib.error:
        return False
    return d.eof and not d.unused_data


def struct_fejl():
    import struct

    return struct.error


def zlib_fejl():
    import zlib

    return zlib.error
