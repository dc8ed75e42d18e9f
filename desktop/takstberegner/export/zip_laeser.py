"""A strict ZIP reader for hostile files (ETSI EN 319 162-1 containers and the workbook inside).

Python's zipfile trusts the sizes a file declares and inflates a member in one call, so a member
that declares 100 bytes may inflate to gigabytes in memory; it also parses every central-directory
entry into an object before anyone can count them. This module reads the end record first (count
and size checked before anything else), parses the central directory itself, checks each local
header against it, and inflates a member as a stream in bounded steps: never more than the
declared size, never more than the caller's cap, never a ratio above `MAKS_RATIO`, CRC checked.

API: `katalog(data, maks_poster) -> list[Post]`, `udpak(data, post, maks) -> bytes`,
`udpak_start(data, post, n) -> bytes` (the first n bytes only). Errors: `ZipFejl` (Danish).
"""
from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

from takstberegner.fejl import Fejl

STORED, DEFLATED = 0, 8
MAKS_RATIO = 200  # inflated / compressed, for members above RATIO_FRA bytes
RATIO_FRA = 1024 * 1024
_BID = 64 * 1024  # compressed bytes fed to zlib per step
_EOCD = struct.Struct("<4sHHHHIIH")
_CD = struct.Struct("<4sHHHHHHIIIHHHHHII")
_LOKAL = struct.Struct("<4sHHHHHIIIHH")


class ZipFejl(Fejl):
    """The ZIP structure is broken or hostile; `besked` is Danish."""


@dataclass(frozen=True)
class Post:
    """One central-directory entry, with where its data starts (after the local header)."""

    navn: str
    navn_bytes: bytes
    lavet_af: int
    version: int
    flag: int
    metode: int
    tid: int
    dato: int
    crc: int
    komprimeret: int
    stoerrelse: int
    intern: int
    ekstern: int
    extra: bytes
    offset: int  # of the local header
    data_start: int


def vis_navn(navn: str) -> str:
    """A member name safe to show: a control character as '�' (never a hex code a user cannot
    read), an overlong name cut with '…'."""
    ren = "".join(c if c.isprintable() else "\ufffd" for c in navn)
    return ren if len(ren) <= 80 else ren[:77] + "…"


def _stoerrelse(n: int) -> str:
    """A size in words a user can read: '31 byte', '16 MB', '1.024 MB'."""
    from takstberegner import dansk

    if n < 1024 * 1024:
        return f"{dansk.tal(n, 0)} byte"
    return f"{dansk.tal(n // (1024 * 1024), 0)} MB"


def katalog(data: bytes, maks_poster: int, *, streng: bool = True) -> list[Post]:
    """The entries of the ZIP in `data`, in central-directory order.

    Always: one end record at the very end (no comment, one disk, no ZIP64), at most
    `maks_poster` entries, every local header equal to its central entry, no encryption, no
    data descriptor, STORED or DEFLATED. With `streng`, also: no extra fields, and the members
    lie back to back from offset 0 with the central directory right after them (every byte of
    the file is accounted for)."""
    n = len(data)
    if n < _EOCD.size:
        raise ZipFejl("den er for kort til at kunne åbnes")
    sig, disk, disk_cd, antal_disk, antal, cd_str, cd_off, kommentar = _EOCD.unpack_from(data, n - _EOCD.size)
    if sig != b"PK\x05\x06":
        raise ZipFejl("filens afslutning mangler eller er ændret, så den kan ikke åbnes")
    if kommentar or disk or disk_cd or antal_disk != antal:
        raise ZipFejl("filens afslutning er ændret: der er tilføjet en kommentar eller en henvisning til flere filer")
    if antal == 0xFFFF or cd_off == 0xFFFFFFFF or cd_str == 0xFFFFFFFF:
        raise ZipFejl("den er pakket i et format til meget store filer, som Takstberegner aldrig bruger")
    if antal > maks_poster:
        raise ZipFejl(f"den består af {antal} dele; højst {maks_poster} er tilladt")
    if cd_off + cd_str != n - _EOCD.size:
        raise ZipFejl("filens indholdsfortegnelse ligger ikke, hvor filens afslutning angiver (der er indsat noget i filen)")
    poster: list[Post] = []
    pos = cd_off
    for _ in range(antal):
        if pos + _CD.size > cd_off + cd_str:
            raise ZipFejl("filens indholdsfortegnelse er afkortet")
        (sig, lavet_af, version, flag, metode, tid, dato, crc, komp, stoer, nlen, elen, klen, disk,
         intern, ekstern, offset) = _CD.unpack_from(data, pos)
        if sig != b"PK\x01\x02":
            raise ZipFejl("filens indholdsfortegnelse er beskadiget")
        navn_bytes = data[pos + _CD.size: pos + _CD.size + nlen]
        extra = data[pos + _CD.size + nlen: pos + _CD.size + nlen + elen]
        pos += _CD.size + nlen + elen + klen
        if pos > cd_off + cd_str:
            raise ZipFejl("filens indholdsfortegnelse er afkortet")
        try:
            navn = navn_bytes.decode("utf-8" if flag & 0x800 else "ascii")
        except UnicodeDecodeError:
            raise ZipFejl("navnet på en af filens dele kan ikke læses som tekst") from None
        vist = vis_navn(navn)
        if klen or disk:
            raise ZipFejl(f"elementet '{vist}' har en tilføjet kommentar eller henviser til en anden fil")
        if flag & 0x1 or flag & 0x40:
            raise ZipFejl(f"elementet '{vist}' er låst med en adgangskode, hvad Takstberegner aldrig gør")
        if flag & 0x8:
            raise ZipFejl(f"elementet '{vist}' har sin størrelse angivet efter indholdet, hvad Takstberegner aldrig gør")
        if flag & ~0x806:
            raise ZipFejl(f"elementet '{vist}' er mærket med indstillinger, som Takstberegner aldrig bruger")
        if metode not in (STORED, DEFLATED):
            raise ZipFejl(f"elementet '{vist}' er pakket sammen med en metode, som Takstberegner aldrig bruger")
        if metode == STORED and komp != stoer:
            raise ZipFejl(f"elementet '{vist}' angiver to forskellige størrelser for sit indhold")
        if streng and elen:
            raise ZipFejl(f"elementet '{vist}' har tilføjede ekstra oplysninger, som Takstberegner aldrig skriver")
        if offset + _LOKAL.size > cd_off:
            raise ZipFejl(f"elementet '{vist}' henviser til et sted uden for filen")
        lokal = _LOKAL.unpack_from(data, offset)
        if lokal[0] != b"PK\x03\x04" or lokal[1:9] != (version, flag, metode, tid, dato, crc, komp, stoer) \
                or lokal[9] != nlen:
            raise ZipFejl(f"elementet '{vist}' er beskadiget: oplysningerne foran dets indhold passer ikke til filens indholdsfortegnelse")
        lelen = lokal[10]
        if data[offset + _LOKAL.size: offset + _LOKAL.size + nlen] != navn_bytes or (streng and lelen):
            raise ZipFejl(f"elementet '{vist}' er beskadiget: oplysningerne foran dets indhold passer ikke til filens indholdsfortegnelse")
        start = offset + _LOKAL.size + nlen + lelen
        if start + komp > cd_off:
            raise ZipFejl(f"elementet '{vist}' fortsætter ud over filens slutning")
        poster.append(Post(navn, navn_bytes, lavet_af, version, flag, metode, tid, dato, crc, komp, stoer,
                           intern, ekstern, extra, offset, start))
    if pos != cd_off + cd_str:
        raise ZipFejl("filens indholdsfortegnelse indeholder mere end filens dele")
    if streng:
        naeste = 0
        for p in sorted(poster, key=lambda p: p.offset):
            if p.offset != naeste:
                raise ZipFejl("filen indeholder skjult indhold mellem sine dele, eller dele overlapper hinanden")
            naeste = p.data_start + p.komprimeret
        if naeste != cd_off:
            raise ZipFejl("filen indeholder skjult indhold efter sine dele")
    else:
        spaend = sorted((p.offset, p.data_start + p.komprimeret) for p in poster)
        for (_, slut), (start, _) in zip(spaend, spaend[1:]):
            if start < slut:
                raise ZipFejl("dele af filen overlapper hinanden")
    return poster


def udpak(data: bytes, post: Post, maks: int) -> bytes:
    """The member's content, inflated as a stream: at most `maks` bytes and the declared size,
    the deflate stream ending exactly at the declared compressed size, the CRC right."""
    vist = vis_navn(post.navn)
    if post.stoerrelse > maks:
        raise ZipFejl(f"elementet '{vist}' er for stort ({_stoerrelse(post.stoerrelse)}; højst {_stoerrelse(maks)} er tilladt)")
    if post.stoerrelse > RATIO_FRA and post.stoerrelse > MAKS_RATIO * max(post.komprimeret, 1):
        raise ZipFejl(f"elementet '{vist}' fylder urimeligt meget, når det pakkes ud: det er lavet til at fylde computerens hukommelse op")
    raa = memoryview(data)[post.data_start: post.data_start + post.komprimeret]
    if post.metode == STORED:
        ud = bytes(raa)
    else:
        ud = _inflate(raa, post.stoerrelse, vist, helt=True)
    if len(ud) != post.stoerrelse:
        raise ZipFejl(f"elementet '{vist}' har en anden størrelse end angivet i filen")
    if zlib.crc32(ud) != post.crc:
        raise ZipFejl(f"elementet '{vist}' er beskadiget: dets kontrolsum passer ikke til indholdet")
    return ud


def udpak_start(data: bytes, post: Post, n: int) -> bytes:
    """At most the first `n` bytes of the member (no CRC check: the rest is not read)."""
    raa = memoryview(data)[post.data_start: post.data_start + post.komprimeret]
    if post.metode == STORED:
        return bytes(raa[:n])
    return _inflate(raa, min(n, post.stoerrelse), vis_navn(post.navn), helt=False)


class InflateFejl(Exception):
    """Deflate data that does not hold; `hvad`: "for_stor" (inflates to more than allowed),
    "beskadiget" (cannot be inflated) or "slutter_ikke" (does not end where the data does)."""

    def __init__(self, hvad: str):
        super().__init__(hvad)
        self.hvad = hvad


def inflate(raa: bytes | memoryview, maks: int, *, helt: bool = True, zlib_hoved: bool = False) -> bytes:
    """Inflate deflate data (raw, as in a ZIP; with `zlib_hoved`, zlib-wrapped, as a PDF's
    FlateDecode stream), never holding more than maks + 1 inflated bytes at any moment. With
    `helt`, the data must be exactly one whole stream: it ends within `maks` bytes, nothing follows
    it and no input is left over; otherwise the first `maks` bytes are enough. InflateFejl when
    it does not hold. The one bounded inflation of the hostile-file readers (the ZIP members here,
    the PDF's content streams in binding.py)."""
    d = zlib.decompressobj(zlib.MAX_WBITS if zlib_hoved else -zlib.MAX_WBITS)
    ud = bytearray()
    pos = 0
    try:
        while True:
            if d.unconsumed_tail:
                bid = d.unconsumed_tail
            elif pos < len(raa):
                bid = raa[pos: pos + _BID]
                pos += len(bid)
            else:
                break
            ud += d.decompress(bid, maks + 1 - len(ud))
            if len(ud) > maks:
                if not helt:
                    return bytes(ud[:maks])
                raise InflateFejl("for_stor")
            if d.eof:
                break
    except zlib.error:
        raise InflateFejl("beskadiget") from None
    if helt and (not d.eof or d.unused_data or d.unconsumed_tail or pos < len(raa)):
        raise InflateFejl("slutter_ikke")
    return bytes(ud)


def _inflate(raa: memoryview, maks: int, vist: str, *, helt: bool) -> bytes:
    """inflate for a ZIP member, its failures as ZipFejl naming the member."""
    try:
        return inflate(raa, maks, helt=helt)
    except InflateFejl as e:
        raise ZipFejl(f"elementet '{vist}' " + _INFLATE_FEJL[e.hvad]) from None


_INFLATE_FEJL = {
    "for_stor": "pakker sig ud til mere end den størrelse, filen angiver: det er lavet til at fylde computerens "
                "hukommelse op",
    "beskadiget": "er beskadiget: dets sammenpakkede indhold kan ikke pakkes ud",
    "slutter_ikke": "er beskadiget: dets sammenpakkede indhold slutter ikke, hvor filen angiver",
}
