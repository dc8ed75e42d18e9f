"""A corpus of forged and hostile indmeldingsfiler (issue 12 item 7), built here in code from one
genuine submission: each is AFVIST with its exact Danish reason and never a traceback; the
genuine one stays GODKENDT. The structure mutations under hypothesis are in test_mutationer.py,
memory for every input is measured by bench/bench_fjendtlig.py."""
from __future__ import annotations

import json
import re
import struct
import tracemalloc
from dataclasses import dataclass
from functools import lru_cache
from datetime import datetime, timedelta, timezone
from typing import Callable

import pytest
from asn1crypto import cms

from takstberegner.export import asic, indmelding, signering, verifikation
from takstberegner.export.tillid import Tillid

from . import forfalskning as ff
from .klartekst import forbudte_ord
from .conftest import TID

MIMETYPE = asic.MIMETYPE.encode("ascii")
G, T, X, P = indmelding.MEDLEMMER  # takstgrundlag.json, takster.json, takstskema.xlsx, takstberegning.pdf
M, S = asic.MANIFEST, asic.SIGNATUR


@dataclass
class Kilde:
    medl: dict[str, bytes]  # the genuine container's members
    u: signering.Underskriver  # the registered key that signed it

    def poster(self, **aendr) -> list[tuple[str, bytes]]:
        """The genuine members in file order, some replaced (keyword: name with '.' -> '_')."""
        navne = ["mimetype", G, T, X, P, M, S]
        return [(n, aendr.get(n.replace("/", "__").replace(".", "_").replace("-", "_"), self.medl[n])) for n in navne]

    def signeret(self, data: dict[str, bytes], udv: dict[str, str] | None = None,
                 manifest: bytes | None = None, signatur: Callable[[bytes], bytes] | None = None,
                 ekstra: list[tuple[str, bytes]] = ()) -> list[tuple[str, bytes]]:
        """Members `data` under a fresh manifest signed by the registered key (a signer who is
        trusted but hostile), as (name, content) for zip_raa."""
        if manifest is None:
            u = dict(asic.laes_manifest(self.medl[M]).udvidelser)
            u.update(udv or {})
            manifest = asic.lav_manifest(data, u)
        sig = signatur(manifest) if signatur else signering.signer(manifest, self.u, TID)
        return [("mimetype", MIMETYPE), *data.items(), *ekstra, (M, manifest), (S, sig)]

    def data(self, **aendr) -> dict[str, bytes]:
        d = {n: self.medl[n] for n in (G, T, X, P)}
        d.update({k.replace("_json", ".json").replace("_pdf", ".pdf").replace("_xlsx", ".xlsx"): v
                  for k, v in aendr.items()})
        return d

    def cms(self, u: signering.Underskriver | None = None, **kw) -> Callable[[bytes], bytes]:
        return lambda manifest: ff.lav_cms(manifest, u or self.u, **kw)


@pytest.fixture(scope="module")
def kilde(indmelding_egen, egen_noegle) -> Kilde:
    return Kilde(ff.medlemmer(indmelding_egen[0]), egen_noegle)


def _med_json(k: Kilde, g: bytes | None = None, t: bytes | None = None) -> bytes:
    """The data with a hostile JSON member, the manifest's fingerprint following it."""
    g = g if g is not None else k.medl[G]
    t = t if t is not None else k.medl[T]
    d = k.data(takstgrundlag_json=g, takster_json=t)
    return ff.zip_raa(k.signeret(d, {indmelding.UDV_FINGERAFTRYK: indmelding.fingeraftryk(g, t)}))


@lru_cache(maxsize=1)
def _anden_beregning_data():
    from takstberegner import tjeneste
    from takstberegner.export import rapport, revision_pdf, takstskema_xlsx

    from .conftest import eksempel

    g = eksempel(2)
    b = tjeneste.beregn(g)
    fp = indmelding.json_medlemmer(g, b)[2]
    r = rapport.lav_rapport(g, b, fingeraftryk=fp, dannet=TID)
    return fp, revision_pdf.lav_pdf(r), takstskema_xlsx.lav_xlsx(r)


def _anden_beregning(k: Kilde):
    """A genuine PDF and takstskema of another calculation (example 2)."""
    return _anden_beregning_data()


def _manifest_tekst(k: Kilde, f: Callable[[str], str]) -> bytes:
    return f(k.medl[M].decode("utf-8")).encode("utf-8")


def _flyt_byte(raa: bytes, soeg: bytes, delta: int, byte: int) -> bytes:
    i = raa.index(soeg) + delta
    return raa[:i] + bytes([byte]) + raa[i + 1:]


def _cd_felt(raa: bytes, navn: bytes, offset: int, vaerdi: bytes, lokal: bool = True) -> bytes:
    """Overwrite a field at `offset` of `navn`'s central-directory entry and, with `lokal`, the
    same field of its local header (2 bytes earlier there, which has no 'made by'), so that the
    two agree and the field itself is what is judged."""
    cd_off = struct.unpack_from("<I", raa, len(raa) - 6)[0]
    pos = cd_off
    while True:
        nlen, elen, klen = struct.unpack_from("<HHH", raa, pos + 28)
        if raa[pos + 46: pos + 46 + nlen] == navn:
            break
        pos += 46 + nlen + elen + klen
    ud = bytearray(raa)
    ud[pos + offset: pos + offset + len(vaerdi)] = vaerdi
    if lokal:
        lh = struct.unpack_from("<I", raa, pos + 42)[0]
        ud[lh + offset - 2: lh + offset - 2 + len(vaerdi)] = vaerdi
    return bytes(ud)


def _ugyldig(navn: str) -> str:
    return (f"Indmeldingsfilen afvises: en fil med det ulovlige navn '{navn}' er lagt i den (et navn må kun bestå af "
            "bogstaverne a-z, cifre, '-', '_' og enkelte punktummer og må ikke pege ind i eller ud af en mappe).")


def _zip(besked: str) -> str:
    return f"Filen er ikke en gyldig indmeldingsfil: {besked}. Bed driftsherren indsende filen igen."


UTC = timezone.utc
_UKENDT_NOEGLE = ("Underskriverens certifikat har en nøgletype, som Takstberegner ikke kan kontrollere. Brug et "
                  "OCES3-/MitID Erhverv-certifikat eller en nøgle lavet i programmet.")
# name, builder(kilde) -> bytes, the exact reason expected among .grunde
KORPUS: list[tuple[str, Callable[[Kilde], bytes], str]] = [
    # -- not a container -----------------------------------------------------------------------
    ("tom-fil", lambda k: b"", "Filen er tom (0 byte), så den er ikke en indmeldingsfil. Bed driftsherren indsende filen igen."),
    ("en-pdf", lambda k: k.medl[P], "Filen er ikke en indmeldingsfil, men en PDF-fil (fx takstberegningen til revision). "
                                   + asic._SEND_IGEN),
    ("kort-skrald", lambda k: b"abc", _zip("den er for kort til at kunne åbnes")),
    ("skrald", lambda k: b"\x00" * 5000, _zip("filens afslutning mangler eller er ændret, så den kan ikke åbnes")),
    ("zip-kommentar", lambda k: ff.zip_raa(k.poster())[:-2] + b"\x05\x00hallo",
     _zip("filens afslutning mangler eller er ændret, så den kan ikke åbnes")),
    ("zip64-markering", lambda k: (lambda r: r[:-14] + b"\xff\xff\xff\xff" + r[-10:])(ff.zip_raa(k.poster())),
     _zip("den er pakket i et format til meget store filer, som Takstberegner aldrig bruger")),
    ("tomt-arkiv", lambda k: ff.zip_raa([]), _zip("den er tom indeni")),
    ("for-mange-elementer", lambda k: ff.zip_raa(k.poster() + [(f"x{i}.json", b"{}") for i in range(10)]),
     _zip("den består af 17 dele; højst 16 er tilladt")),
    ("data-foer-indholdsfortegnelsen", lambda k: (lambda r: r.replace(b"PK\x01\x02", b"SKJULT" + b"PK\x01\x02", 1))(
        ff.zip_raa(k.poster())), _zip("filens indholdsfortegnelse ligger ikke, hvor filens afslutning angiver (der er indsat noget i filen)")),
    ("data-mellem-elementerne", lambda k: ff.zip_raa(k.poster(), efter_forste=b"skjult nyttelast"),
     _zip("filen indeholder skjult indhold mellem sine dele, eller dele overlapper hinanden")),
    # -- the ZIP entries -----------------------------------------------------------------------
    ("krypteret", lambda k: _cd_felt(ff.zip_raa(k.poster()), T.encode(), 8, b"\x01\x00"),
     _zip("elementet ‘taksterne’ er låst med en adgangskode, hvad Takstberegner aldrig gør")),
    ("datadeskriptor", lambda k: _cd_felt(ff.zip_raa(k.poster()), T.encode(), 8, b"\x08\x00"),
     _zip("elementet ‘taksterne’ har sin størrelse angivet efter indholdet, hvad Takstberegner aldrig gør")),
    ("bzip2", lambda k: _cd_felt(ff.zip_raa(k.poster()), T.encode(), 10, b"\x0c\x00"),
     _zip("elementet ‘taksterne’ er pakket sammen med en metode, som Takstberegner aldrig bruger")),
    ("lokalt-navn-smuglet", lambda k: (lambda r: r.replace(b"takster.json", b"takster.jsom", 1))(ff.zip_raa(k.poster())),
     _zip("elementet ‘taksterne’ er beskadiget: oplysningerne foran dets indhold passer ikke til filens "
          "indholdsfortegnelse")),
    ("forkert-crc", lambda k: _cd_felt(ff.zip_raa(k.poster()), T.encode(), 16, b"\x00\x00\x00\x00"),
     "Indmeldingsfilen afvises: elementet ‘taksterne’ er beskadiget: dets kontrolsum passer ikke til indholdet."),
    ("forkerte-attributter", lambda k: _cd_felt(ff.zip_raa(k.poster()), T.encode(), 38, struct.pack("<I", 0o777 << 16),
                                                lokal=False),
     "Elementet ‘taksterne’ er beskadiget: dets oplysninger i filens indholdsfortegnelse er ændret."),
    # -- the members ---------------------------------------------------------------------------
    ("mimetype-ikke-foerst", lambda k: ff.zip_raa(k.poster()[1:2] + k.poster()[:1] + k.poster()[2:]),
     "Indmeldingsfilen er ikke bygget, som Takstberegner bygger den: typeangivelsen ligger ikke først. "
     "Bed driftsherren indsende filen igen."),
    ("mimetype-komprimeret", lambda k: ff.zip_raa(k.poster(), metode=8),
     "Indmeldingsfilen er ikke bygget, som Takstberegner bygger den: typeangivelsen er pakket sammen. "
     "Bed driftsherren indsende filen igen."),
    ("mimetype-forkert", lambda k: ff.zip_raa(k.poster(mimetype=b"application/vnd.etsi.asic-s+zip")),
     "Typeangivelsen siger ikke, at filen er en signeret indmeldingsfil. Bed driftsherren indsende filen igen."),
    ("mimetype-for-lang", lambda k: ff.zip_raa(k.poster(mimetype=MIMETYPE + b" " * 1000)),
     "Indmeldingsfilen afvises: elementet ‘typeangivelsen’ er for stort (1.031 byte; højst 31 byte er tilladt)."),
    ("manifest-mangler", lambda k: ff.zip_raa([p for p in k.poster() if p[0] != M]), "Indmeldingsfilen mangler manifestet, så det kan ikke kontrolleres, hvad der er signeret."),
    ("signatur-mangler", lambda k: ff.zip_raa([p for p in k.poster() if p[0] != S]), "Indmeldingsfilen mangler signaturen: den er ikke signeret."),
    ("dublet-takster", lambda k: ff.zip_raa(k.poster() + [(T, b"{}")]),
     "Indmeldingsfilen indeholder den samme del flere gange: ‘taksterne’."),
    ("dublet-anden-stavemaade", lambda k: ff.zip_raa(k.poster() + [("Takster.json", b"{}")]),
     "Indmeldingsfilen indeholder den samme del flere gange med forskellig stavemåde: ‘taksterne’ og 'Takster.json'."),
    ("dublet-manifest-store-bogstaver", lambda k: ff.zip_raa(k.poster() + [("META-INF/asicmanifest.XML", b"<x/>")]),
     "Indmeldingsfilen afvises: en ukendt fil 'META-INF/asicmanifest.XML' er lagt ved siden af manifestet og signaturen."),
    ("mappe-takster", lambda k: ff.zip_raa(k.poster() + [("takster.json/", b"")]),
     "Indmeldingsfilen afvises: en mappe 'takster.json/' er lagt i den; en indmeldingsfil har ingen mapper."),
    ("sti-op-og-ud", lambda k: ff.zip_raa(k.poster() + [("../../evil.txt", b"ondt")]), _ugyldig("../../evil.txt")),
    ("signeret-sti-op-og-ud", lambda k: ff.zip_raa(k.signeret(dict(k.data(), **{"../../evil.txt": b"ondt"}))),
     _ugyldig("../../evil.txt")),
    ("signeret-absolut-sti", lambda k: ff.zip_raa(k.signeret(dict(k.data(), **{"/etc/evil": b"ondt"}))),
     _ugyldig("/etc/evil")),
    ("baglaens-skraastreg", lambda k: ff.zip_raa(k.poster() + [("..\\evil.json", b"{}")]), _ugyldig("..\\evil.json")),
    ("kontroltegn-i-navn", lambda k: ff.zip_raa(k.poster() + [("bilag\x07.pdf", b"%PDF")]), _ugyldig("bilag\ufffd.pdf")),
    ("skjult-fil", lambda k: ff.zip_raa(k.poster() + [(".takster.json", b"{}")]), _ugyldig(".takster.json")),
    ("ekstra-i-meta-inf", lambda k: ff.zip_raa(k.poster() + [("META-INF/manifest.xml", b"<x/>")]),
     "Indmeldingsfilen afvises: en ukendt fil 'META-INF/manifest.xml' er lagt ved siden af manifestet og signaturen."),
    ("usigneret-bilag", lambda k: ff.zip_raa(k.poster() + [("bilag.pdf", b"%PDF-1.4")]),
     "Indmeldingsfilen afvises: en ukendt fil 'bilag.pdf' er lagt i den uden at være signeret."),
    ("signeret-fremmed-element", lambda k: ff.zip_raa(k.signeret(dict(k.data(), **{"bilag.pdf": b"%PDF-1.4"}))),
     "En ukendt fil 'bilag.pdf' er lagt i indmeldingsfilen og signeret med; den hører ikke til en indmelding."),
    ("manifest-signerer-typeangivelsen", lambda k: ff.zip_raa(k.signeret(k.data(), manifest=_manifest_med(k, "mimetype"))),
     "Indmeldingsfilen afvises: manifestet nævner ‘typeangivelsen’ som signeret indhold; kun indmeldingens egne data "
     "kan signeres."),
    ("manifest-signerer-signaturen", lambda k: ff.zip_raa(k.signeret(k.data(), manifest=_manifest_med(k, S))),
     "Indmeldingsfilen afvises: manifestet nævner ‘signaturen’ som signeret indhold; kun indmeldingens egne data kan "
     "signeres."),
    ("manifest-signerer-sig-selv", lambda k: ff.zip_raa(k.signeret(k.data(), manifest=_manifest_med(k, M))),
     "Indmeldingsfilen afvises: manifestet nævner ‘manifestet’ som signeret indhold; kun indmeldingens egne data kan "
     "signeres."),
    ("signeret-element-mangler", lambda k: ff.zip_raa([p for p in k.signeret(k.data()) if p[0] != X]),
     "Indmeldingsfilen afvises: ‘takstskemaet (Excel)’ er signeret, men mangler i filen."),
    ("signeret-uden-pdf", lambda k: ff.zip_raa(k.signeret({n: v for n, v in k.data().items() if n != P})),
     "Indmeldingen mangler takstberegningen til revision (PDF)."),
    ("aendret-takster", lambda k: ff.zip_raa(k.poster(takster_json=k.medl[T].replace(b"1664.74", b"1964.74"))),
     "Taksterne er ændret efter signeringen: indholdet passer ikke til det signerede. Bed driftsherren indsende "
     "filen igen."),
    # -- bombs and sizes -----------------------------------------------------------------------
    ("bombe-1-gib-erklaeret-100-byte", lambda k: ff.zip_raa(k.poster()[:2] + [(T, ff.bombe(1 << 30))] + k.poster()[3:],
                                                              erklaeret={T: 100}),
     "Indmeldingsfilen afvises: elementet ‘taksterne’ pakker sig ud til mere end den størrelse, filen angiver: det er "
     "lavet til at fylde computerens hukommelse op."),
    ("bombe-erlig-over-graensen", lambda k: ff.zip_raa(k.poster()[:2] + [(T, ff.bombe(1 << 30))] + k.poster()[3:]),
     "Indmeldingsfilen afvises: elementet ‘taksterne’ er for stort (1.024 MB; højst 8 MB er tilladt)."),
    ("bombe-forholdstal", lambda k: ff.zip_raa(k.poster()[:2] + [(T, ff.bombe(6 << 20))] + k.poster()[3:]),
     "Indmeldingsfilen afvises: elementet ‘taksterne’ fylder urimeligt meget, når det pakkes ud: det er lavet til at "
     "fylde computerens hukommelse op."),
    ("bombe-i-manifestet", lambda k: ff.zip_raa(k.poster()[:5] + [(M, ff.bombe(1 << 30))] + k.poster()[6:], erklaeret={M: 2000}),
     "Indmeldingsfilen afvises: elementet ‘manifestet’ pakker sig ud til mere end den størrelse, filen angiver: det er "
     "lavet til at fylde computerens hukommelse op."),
    # -- the manifest --------------------------------------------------------------------------
    ("manifest-dobbelt-takster", lambda k: ff.zip_raa(k.signeret(k.data(), manifest=_manifest_tekst(
        k, lambda m: m.replace("</asic:ASiCManifest>", _ref_blok(m, T) + "</asic:ASiCManifest>")))),
     "Manifestet nævner elementet ‘taksterne’ flere gange."),
    ("manifest-milliard-latter", lambda k: ff.zip_raa(k.signeret(k.data(), manifest=_manifest_tekst(
        k, lambda m: m.replace("?>", '?><!DOCTYPE l [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>', 1)))),
     "Manifestet indeholder erklæringer eller kommentarer, som Takstberegner aldrig skriver, og som kan bruges til at "
     "angribe modtagerens computer; filen afvises."),
    ("manifest-utf16", lambda k: ff.zip_raa(k.signeret(k.data(), manifest=k.medl[M].decode().replace(
        "UTF-8", "UTF-16").encode("utf-16"))),
     "Manifestet er ikke skrevet med de tegn, Takstberegner bruger: det er ikke lavet af Takstberegner eller er ændret."),
    ("manifest-ikke-xml", lambda k: ff.zip_raa(k.signeret(k.data(), manifest=b"<asic:ASiCManifest")),
     "Manifestet er beskadiget og kan ikke læses (fejl i linje 1)."),
    ("manifest-sha1", lambda k: ff.zip_raa(k.signeret(k.data(), manifest=_manifest_tekst(
        k, lambda m: m.replace(asic.SHA256_URI, "http://www.w3.org/2000/09/xmldsig#sha1", 1)))),
     "Manifestets kontroltal for ‘takstgrundlaget’ er beregnet med en anden metode end den, Takstberegner bruger, og "
     "godtages ikke."),
    ("manifest-to-signaturer", lambda k: ff.zip_raa(k.signeret(k.data(), manifest=_manifest_tekst(
        k, lambda m: m.replace("<asic:SigReference", '<asic:SigReference URI="META-INF/signature.p7s" />\n'
                                                      "  <asic:SigReference", 1)))),
     "Manifestet skal henvise til præcis én signatur; det henviser til 2."),
    ("manifest-fremmed-cvr", lambda k: ff.zip_raa(k.signeret(k.data(), {indmelding.UDV_CVR: "87654321"})),
     "Manifestets CVR-nummer svarer ikke til driftsherrens CVR i takstgrundlaget."),
    ("manifest-fremmed-takstaar", lambda k: ff.zip_raa(k.signeret(k.data(), {indmelding.UDV_TAKSTAAR: "2027"})),
     "Manifestets takstår svarer ikke til takståret i takstgrundlaget."),
    ("manifest-fremmed-fingeraftryk", lambda k: ff.zip_raa(k.signeret(k.data(), {indmelding.UDV_FINGERAFTRYK: "0" * 64})),
     "Fingeraftrykket i manifestet svarer ikke til takstgrundlaget og taksterne."),
    # -- the signature -------------------------------------------------------------------------
    ("signatur-skrald", lambda k: ff.zip_raa(k.poster(META_INF__signature_p7s=b"\x30\x03\x02\x01\x05")),
     "Signaturen kan ikke læses: den er beskadiget, eller det er ikke en signatur. Bed driftsherren indsende filen igen."),
    ("signatur-dybt-indlejret", lambda k: ff.zip_raa(k.poster(META_INF__signature_p7s=b"\x30\x80" * 20000)),
     "Signaturen kan ikke læses: den er beskadiget, eller det er ikke en signatur. Bed driftsherren indsende filen igen."),
    ("signeringstid-uden-zone", lambda k: ff.zip_raa(k.signeret(k.data(), signatur=k.cms(tid=b"\x18\x0e20261001120000"))),
     "Signeringstidspunktet er angivet uden tidszone, så det kan ikke afgøres, hvornår filen er signeret."),
    ("signeringstid-aar-9999", lambda k: ff.zip_raa(k.signeret(k.data(), signatur=k.cms(
        tid=datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)))),
     "Signeringstidspunktet 31-12-9999 kl. 23:59 UTC ligger i fremtiden."),
    ("signeringstid-aar-0001", lambda k: ff.zip_raa(k.signeret(k.data(), signatur=k.cms(tid=b"\x18\x0f00010101000000Z"))),
     "Signeringstidspunktet 01-01-0001 kl. 01:00 passer ikke til takstår 2026: en indmelding for 2026 signeres "
     "mellem 1. januar 2025 og 31. december 2026."),
    ("signeringstid-aar-0000", lambda k: ff.zip_raa(k.signeret(k.data(), signatur=k.cms(tid=b"\x18\x0f00000101000000Z"))),
     "Signeringstidspunktet er ikke en gyldig dato (år 0)."),
    ("signeringstid-mangler", lambda k: ff.zip_raa(k.signeret(k.data(), signatur=k.cms(tid=None))),
     "Signaturen mangler signeringstidspunktet."),
    ("signeringstid-to-gange", lambda k: ff.zip_raa(k.signeret(k.data(), signatur=k.cms(tid=TID, ekstra=[
        cms.CMSAttribute({"type": "signing_time", "values": [ff.tid_der(TID - timedelta(days=400))]})]))),
     "Signaturen angiver signeringstidspunktet flere gange."),
    ("sha1-hash", lambda k: ff.zip_raa(k.signeret(k.data(), signatur=k.cms(tid=TID, digest_algo="sha1"))),
     "Signaturen er beregnet med en forældet eller ukendt metode, som ikke er sikker nok. Bed driftsherren signere "
     "filen igen med Takstberegner."),
    ("forkert-message-digest", lambda k: ff.zip_raa(k.signeret(k.data(), signatur=k.cms(tid=TID, digest=bytes(32)))),
     "Manifestet er ændret efter signeringen: det passer ikke til signaturen. Bed driftsherren indsende filen igen."),
    ("uden-signing-certificate-v2", lambda k: ff.zip_raa(k.signeret(k.data(), signatur=k.cms(tid=TID, scv2=False))),
     "Signaturen angiver ikke, hvilket certifikat der blev signeret med, så certifikatet kan være byttet ud. "
     "Bed driftsherren indsende filen igen."),
    ("signing-certificate-v2-til-andet-certifikat", lambda k: ff.zip_raa(k.signeret(k.data(), signatur=k.cms(
        tid=TID, scv2_cert=signering.lav_noegle("Eksempel Kommune", "12345678").certifikat))),
     "Certifikatet i signaturen er byttet ud: det er ikke det certifikat, der blev underskrevet med."),
    ("content-type-forkert", lambda k: ff.zip_raa(k.signeret(k.data(), signatur=k.cms(tid=TID, content_type="signed_data"))),
     "Signaturen siger ikke, at den gælder et manifest: dens angivelse af, hvad der er signeret, mangler eller er "
     "forkert."),
    ("signaturvaerdi-forkert", lambda k: ff.zip_raa(k.signeret(k.data(), signatur=k.cms(tid=TID, signatur=b"\x30\x06\x02\x01\x01\x02\x01\x01"))),
     "Signaturen er ugyldig: den passer ikke til certifikatets nøgle eller til de signerede data."),
    ("underskriver-mangler-certifikat", lambda k: ff.zip_raa(k.signeret(k.data(), signatur=k.cms(tid=TID, certifikater=[]))),
     "Underskriverens certifikat findes ikke i signaturen."),
    ("certifikat-sm2", lambda k: ff.zip_raa(k.signeret(k.data(), signatur=k.cms(
        tid=TID, certifikater=[ff.fremmed_kurve(k.u, "1.2.156.10197.1.301")]))),
     _UKENDT_NOEGLE),
    ("certifikat-secp112r1", lambda k: ff.zip_raa(k.signeret(k.data(), signatur=k.cms(
        tid=TID, certifikater=[ff.fremmed_kurve(k.u, "1.3.132.0.6")]))),
     _UKENDT_NOEGLE),
    ("certifikat-dobbelt-udvidelse", lambda k: ff.zip_raa(k.signeret(k.data(), signatur=k.cms(
        tid=TID, certifikater=[ff.dublet_udvidelse(k.u)]))),
     "Underskriverens certifikat er misdannet: det indeholder den samme oplysning to gange og afvises."),
    ("rsa-1024", lambda k: ff.zip_raa(k.signeret(k.data(), signatur=k.cms(u=_rsa_1024(), tid=TID))),
     "Underskriverens nøgle er for kort til at være sikker. Brug et nyere certifikat eller en nøgle lavet i programmet."),
    ("gensigneret-med-fremmed-noegle", lambda k: ff.zip_raa(k.signeret(k.data(), signatur=k.cms(u=_fremmed(), tid=TID))),
     None),
    # -- the content ---------------------------------------------------------------------------
    ("json-dybt-indlejret", lambda k: _med_json(k, g=b"[" * 100000 + b"]" * 100000),
     "Det medsendte takstgrundlag kan ikke læses: Takstgrundlaget er indlejret mere end 32 niveauer dybt"),
    ("json-5000-cifre", lambda k: _med_json(k, t=b'{"format": "takster/1", "x": 1' + b"0" * 5000 + b"}"),
     "De medsendte takster kan ikke læses: Takster-dokumentet indeholder et tal med mere end 40 tegn "
     "(10000000000000000000…)"),
    ("json-ikke-utf8", lambda k: _med_json(k, t=b"\xff" + k.medl[T]),
     "De medsendte takster kan ikke læses: teksten er ikke gemt med de tegn, Takstberegner bruger"),
    ("json-for-mange-vaerdier", lambda k: _med_json(k, t=b"[" + b",".join(b"%d" % (i * 7919 % 1000) for i in range(1_100_000)) + b"]"),
     "De medsendte takster kan ikke læses: Takster-dokumentet har for mange værdier (over 1.000.000)"),
    ("json-kaempe-eksponent", lambda k: _med_json(k, g=k.medl[G].replace(b'"takstaar":2026', b'"takstaar":1e999999999', 1)),
     "Det medsendte takstgrundlag kan ikke læses: Takstgrundlaget indeholder et tal med en urimelig eksponent "
     "(e999999999)"),
    ("json-samme-felt-to-gange", lambda k: _med_json(k, g=k.medl[G].replace(
        b'"beloeb":"6500000"', b'"beloeb":"1000000","beloeb":"6500000"', 1)),
     "Takstgrundlaget nævner det samme felt (‘Beløb’) to gange samme sted, så filen kan læses på to måder. "
     "Takstberegner skriver aldrig sådan en fil; bed driftsherren danne og indsende indmeldingen igen."),
    ("json-samme-noegle-stavet-med-escape", lambda k: _med_json(k, t=k.medl[T].replace(
        b'"takst": "1664.74"', b'"\\u0074akst": "1.00", "takst": "1664.74"', 1)),
     "Takster-dokumentet nævner det samme felt (‘Takst (kr.)’) to gange samme sted, så filen kan læses på to måder. "
     "Takstberegner skriver aldrig sådan en fil; bed driftsherren danne og indsende indmeldingen igen."),
    ("pdf-fra-en-anden-beregning", lambda k: _med_pdf(k, _anden_beregning(k)[1]), "PDF"),
    ("takstskema-fra-en-anden-beregning", lambda k: _med_xlsx(k, _anden_beregning(k)[2]), "XLSX"),
    ("pdf-uden-fingeraftryk", lambda k: _med_pdf(k, b"%PDF-1.4\n1 0 obj\n<< /Type /Page >>\nendobj\n%%EOF"),
     "Takstberegningen til revision (PDF) viser ikke indmeldingens fingeraftryk på alle sider (0 af 1); "
     "den kan ikke knyttes til beregningen."),
    ("takstskema-er-ikke-xlsx", lambda k: _med_xlsx(k, b"ikke en zip"),
     "Takstskemaet (Excel) kan ikke læses: filen er for kort til at kunne åbnes."),
    ("pdf-med-bombe-stroem", lambda k: _med_pdf(k, _pdf_bombe()),
     "Takstberegningen til revision (PDF) indeholder en del, der er beskadiget eller urimeligt stor."),
]


def _manifest_med(k: Kilde, navn: str) -> bytes:
    """A manifest that also lists one of the container's own parts (the type, the signature, the
    manifest itself) as signed data: each is in the container, so it is not 'missing'."""
    return asic.lav_manifest(dict(k.data(), **{navn: k.medl[navn]}), asic.laes_manifest(k.medl[M]).udvidelser)


def _med_pdf(k: Kilde, pdf: bytes) -> bytes:
    return ff.zip_raa(k.signeret(k.data(takstberegning_pdf=pdf)))


def _med_xlsx(k: Kilde, xlsx: bytes) -> bytes:
    return ff.zip_raa(k.signeret(k.data(takstskema_xlsx=xlsx)))


def _pdf_bombe() -> bytes:
    b = ff.bombe(200 << 20)
    # a zlib stream (header + raw deflate + adler32) of 200 MiB of zeros
    adler = 1
    return (b"%PDF-1.4\n1 0 obj\n<< /Type /Page /Contents 2 0 R >>\nendobj\n2 0 obj\n<< /Filter /FlateDecode /Length "
            + str(len(b.komp) + 6).encode() + b" >>\nstream\n" + b"\x78\x9c" + b.komp + adler.to_bytes(4, "big")
            + b"\nendstream\nendobj\n%%EOF")


_CACHE: dict[str, signering.Underskriver] = {}


def _ref_blok(manifest: str, uri: str) -> str:
    start = manifest.index(f'<asic:DataObjectReference URI="{uri}"')
    slut = manifest.index("</asic:DataObjectReference>", start) + len("</asic:DataObjectReference>")
    return manifest[start:slut]


def _selvsigneret(k, navn: str) -> signering.Underskriver:
    """A self-signed certificate for the driftsherre's CVR (12345678), valid around TID, named `navn`."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.x509.oid import NameOID

    n = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Eksempel Kommune"),
                   x509.NameAttribute(signering.ORGANISATIONS_ID, "NTRDK-12345678"),
                   x509.NameAttribute(NameOID.COMMON_NAME, navn)])
    c = (x509.CertificateBuilder().subject_name(n).issuer_name(n).public_key(k.public_key())
         .serial_number(x509.random_serial_number())
         .not_valid_before(TID - timedelta(days=1)).not_valid_after(TID + timedelta(days=365))
         .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
         .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True)
         .sign(k, hashes.SHA256()))
    return signering.Underskriver(k, c, ())


def _rsa_1024() -> signering.Underskriver:
    """A registered-looking certificate for the driftsherre with a 1024-bit RSA key."""
    if "rsa" not in _CACHE:
        from cryptography.hazmat.primitives.asymmetric import rsa

        _CACHE["rsa"] = _selvsigneret(rsa.generate_private_key(65537, 1024), "Eksempel Kommune - takstindmelding")
    return _CACHE["rsa"]


def _fremmed() -> signering.Underskriver:
    if "fremmed" not in _CACHE:
        _CACHE["fremmed"] = signering.lav_noegle("Eksempel Kommune", "12345678", gyldig_fra=TID - timedelta(days=1))
    return _CACHE["fremmed"]


def test_korpusset_er_stort_nok():
    assert len(KORPUS) >= 40
    assert len({n for n, _, _ in KORPUS}) == len(KORPUS)


@pytest.mark.parametrize("navn, lav, forventet", KORPUS, ids=[n for n, _, _ in KORPUS])
def test_fjendtlig_container_afvises_med_sin_grund(navn, lav, forventet, kilde, tmp_path):
    sti = tmp_path / f"{navn}.indmelding"
    sti.write_bytes(lav(kilde))
    r = verifikation.verificer(sti, Tillid(fingeraftryk=frozenset({kilde.u.fingeraftryk})), nu=TID)
    assert r.status == "AFVIST" and not r.ok
    assert r.grunde and all(isinstance(g, str) and g.strip() for g in r.grunde)
    assert not any("Traceback" in g or "teknisk kode" in g for g in r.grunde), r.grunde
    # no reason shows a SHA-256 as a hex string (before, the takstskema's showed two): a fingerprint
    # is named by its start in groups of four, as `verificer` shows the whole one
    assert not [h for g in r.grunde for h in re.findall(r"[0-9a-fA-F]{17,}", g) if re.search("[a-fA-F]", h)], r.grunde
    if forventet in ("PDF", "XLSX"):
        kort = indmelding.vis_fingeraftryk
        forventet = (("Takstberegningen til revision (PDF) hører til en anden beregning: den" if forventet == "PDF"
                      else "Takstskemaet (Excel) hører til en anden beregning: det")
                     + f" viser et andet fingeraftryk ({kort(_anden_beregning(kilde)[0][:16])} …) end indmeldingens "
                     f"data ({kort(r.fingeraftryk[:16])} …).")
    elif forventet is None:
        forventet = {
            "gensigneret-med-fremmed-noegle": f"Certifikatet er selvsigneret, og dets fingeraftryk "
                                              f"{_fremmed().fingeraftryk} er ikke registreret hos sekretariatet.",
        }[navn]
    assert forventet in r.grunde, r.grunde


def test_aegte_indmelding_godkendes(kilde, indmelding_egen):
    r = verifikation.verificer(indmelding_egen[0], Tillid(fingeraftryk=frozenset({kilde.u.fingeraftryk})))
    assert r.status == "GODKENDT", r.grunde
    # and rebuilt byte by byte by the corpus' own ZIP writer it is still genuine
    assert ff.zip_raa(kilde.poster()) != indmelding_egen[0].read_bytes()


def test_bomben_pakkes_aldrig_ud_i_hukommelsen(kilde, tmp_path):
    """A member that declares 100 bytes and inflates to 1 GiB (2,1 GB of memory before): refused
    after at most its cap, with Python's allocations staying far below it."""
    sti = tmp_path / "bombe.indmelding"
    sti.write_bytes(ff.zip_raa(kilde.poster()[:2] + [(T, ff.bombe(1 << 30))] + kilde.poster()[3:], erklaeret={T: 100}))
    tracemalloc.start()
    try:
        r = verifikation.verificer(sti, Tillid())
        _, top = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "pakker sig ud til mere end den størrelse, filen angiver" in r.grund
    assert top < 40 * 1024 * 1024, top


def test_intet_element_laeses_over_sin_graense():
    from takstberegner.export import zip_laeser as zl

    import os

    indhold = os.urandom(3 << 20)  # incompressible: the ratio cap does not apply
    data = ff.zip_raa([("a.json", indhold)])
    (post,) = zl.katalog(data, 4)
    with pytest.raises(zl.ZipFejl, match="for stort"):
        zl.udpak(data, post, 1 << 20)
    assert zl.udpak(data, post, 16 << 20) == indhold
    assert zl.udpak_start(data, post, 1000) == indhold[:1000]
    bombe = ff.zip_raa([("a.json", ff.bombe(10 << 20))])
    with pytest.raises(zl.ZipFejl, match="urimeligt meget"):
        zl.udpak(bombe, zl.katalog(bombe, 4)[0], 16 << 20)
    assert zl.udpak_start(bombe, zl.katalog(bombe, 4)[0], 1000) == bytes(1000)


def test_json_graenser():
    from takstberegner.formats import json_graenser
    from takstberegner.formats.fejl import InputError

    json_graenser.tjek('{"a\\"[[[[": "]]]]", "b": [1.5, -2e3, "x"]}', maks_tegn=100)
    json_graenser.tjek("[1e99, 2E-99, 1.5e+05]", maks_tegn=100)
    for tekst, ord_ in [("[" * 33 + "]" * 33, "indlejret"), ("[1" + "0" * 40 + "]", "tal med mere"),
                        ("[1e100]", "urimelig eksponent"), ("[2.5E-0000123]", "urimelig eksponent"),
                        ("[" + "1," * 20 + "1]", "for mange værdier"), ("x" * 101, "for stort")]:
        with pytest.raises(InputError, match=ord_):
            json_graenser.tjek(tekst, maks_tegn=100, maks_vaerdier=40 if ord_ != "for mange værdier" else 10)
    # digits inside a string are text, not a number
    json_graenser.tjek('["' + "1" * 500 + '"]', maks_tegn=1000)
    # the genuine large document passes
    g = json.dumps({"x": [{"beloeb": "123.45", "n": i} for i in range(1000)]})
    json_graenser.tjek(g, maks_tegn=10**7)


# -- plain Danish: no reason shows a standard's name, a code, a hex value or an English word ------

def test_forbudte_ord_fanges():
    assert forbudte_ord("Signaturfilen er ikke en CMS SignedData-signatur.") == ["CMS", "SignedData"]
    assert forbudte_ord("elementet 'x' har ukendte ZIP-flag (0x0010)") == ["ZIP", "flag", "0x0"]
    assert forbudte_ord("Underskriverens certifikat bruger kurven 1.2.156.10197.1.301") == ["kurve", "1.2.156.10197"]
    assert forbudte_ord("Hash-algoritmen sha1 accepteres ikke") == ["Hash", "sha1"]
    assert forbudte_ord("en ukendt fil 'META-INF/x.xml' er lagt i indmeldingsfilen") == []
    assert forbudte_ord("fingeraftrykket " + ":".join(["EC"] * 32) + " er ikke registreret") == []


@pytest.mark.parametrize("navn, lav, forventet", KORPUS, ids=[n for n, _, _ in KORPUS])
def test_verificer_siger_grunden_paa_almindeligt_dansk(navn, lav, forventet, kilde, tmp_path, capsys):
    """`takstberegner verificer FIL` on every hostile file: each reason it prints is plain Danish."""
    from takstberegner.cli import main

    sti = tmp_path / f"{navn}.indmelding"
    sti.write_bytes(lav(kilde))
    tillid = tmp_path / "tillid.pem"
    tillid.write_text(kilde.u.fingeraftryk + "  # Eksempel Kommune\n", encoding="utf-8")
    rc = main(["verificer", str(sti), "--tillid", str(tillid)])
    ud = capsys.readouterr().out
    # 4 only where all that is missing is the trust in the signer (a file signed again with another key)
    assert rc == (4 if "Underskriveren er ikke betroet af sekretariatet endnu" in ud else 1), (navn, rc)
    resultat, _, vejledning = ud[ud.index("Resultat:"):].partition("\n\n")  # the steps to trust a signer, after a blank line
    grunde = resultat.splitlines()[1:]
    assert grunde and all(g.startswith("  - ") for g in grunde), ud
    for g in grunde:
        assert not forbudte_ord(g), (forbudte_ord(g), g)
    if vejledning:
        assert vejledning.startswith("Underskriveren er ikke betroet af sekretariatet endnu.") and len(grunde) == 1, ud
        assert not forbudte_ord(vejledning.replace(str(tillid), "")), vejledning


def test_takstbilagets_indmeldinger_siger_grunden_paa_almindeligt_dansk(kilde, tmp_path):
    """The whole hostile corpus in one samlet takstbilag: every Begrundelse and Note of the
    Indmeldinger sheet, read back from the xlsx, is plain Danish."""
    import io

    import openpyxl

    from takstberegner.export import takstbilag

    filer = []
    for navn, lav, _ in KORPUS:
        sti = tmp_path / f"{navn}.indmelding"
        sti.write_bytes(lav(kilde))
        filer.append(sti)
    udvalg = takstbilag.saml(filer, Tillid(fingeraftryk=frozenset({kilde.u.fingeraftryk})))
    wb = openpyxl.load_workbook(io.BytesIO(takstbilag.lav_takstbilag(udvalg)))
    ws = wb["Indmeldinger"]
    hoved = [c.value for c in ws[3]]
    raekker = [dict(zip(hoved, r)) for r in ws.iter_rows(min_row=4, values_only=True) if any(r)]
    assert len(raekker) == len(KORPUS) and all(r["Status"] == "Afvist" for r in raekker)
    fund = {}
    for r in raekker:
        for kolonne in ("Begrundelse", "Noter"):
            if forbudte_ord(r[kolonne] or ""):
                fund[(r["Fil"], kolonne)] = (forbudte_ord(r[kolonne]), r[kolonne])
    assert not fund, fund


# -- text from a submission is shown, never obeyed ----------------------------------------------

# A name that, printed as it is, ends the line, adds a line saying GODKENDT, and makes a terminal
# hide everything after it (ESC [8m: concealed text), then turns the text right to left.
_SKJULT = ("\x1b[8m\r\nResultat:       GODKENDT - signaturen holder, intet er ændret, og taksterne genberegnes ens."
           "\n\u202e")
_SKJULT_KORT = "\x1b[8m\r\nResultat:       GODKENDT\n\u202e"  # a certificate's name has at most 64 bytes


def _fjendtlig_underskriver() -> signering.Underskriver:
    """A self-signed certificate for the driftsherre's CVR whose name carries `_SKJULT_KORT`."""
    if "skjult" not in _CACHE:
        from cryptography.hazmat.primitives.asymmetric import ec

        _CACHE["skjult"] = _selvsigneret(ec.generate_private_key(ec.SECP256R1()), "Jens" + _SKJULT_KORT)
    return _CACHE["skjult"]


def _fjendtligt_navn(k: Kilde) -> bytes:
    """Signed by the registered key, with `_SKJULT` in the driftsherre's name in the takstgrundlag
    (so in the reasons too: the recomputed takster name the driftsherre)."""
    g = k.medl[G].replace(b'"navn":"Eksempel Kommune"',
                          b'"navn":' + json.dumps("Eksempel Kommune" + _SKJULT).encode("ascii"), 1)
    assert g != k.medl[G]
    return _med_json(k, g=g)


def _kun_synlige_tegn(ud: str) -> list[str]:
    return [linje for linje in ud.split("\n") if not linje.isprintable()]


@pytest.mark.parametrize("lav", [_fjendtligt_navn, lambda k: ff.zip_raa(k.signeret(
    k.data(), signatur=k.cms(u=_fjendtlig_underskriver(), tid=TID)))], ids=["driftsherrens-navn", "certifikatets-navn"])
def test_tekst_fra_indmeldingen_kan_ikke_tilfoeje_linjer_eller_styre_terminalen(lav, kilde, tmp_path, capsys):
    """`verificer` and `takstbilag` print the driftsherre's and the signer's names, which the sender
    writes: a line break, an escape code or a direction override in them is shown as '�', so no
    name can add a line 'Resultat: GODKENDT' or hide the real result (before, it could)."""
    from takstberegner.cli import main

    sti = tmp_path / "navn.indmelding"
    sti.write_bytes(lav(kilde))
    tillid = tmp_path / "tillid.pem"
    tillid.write_text(kilde.u.fingeraftryk + "\n", encoding="utf-8")
    rc = main(["verificer", str(sti), "--tillid", str(tillid)])
    ud = capsys.readouterr().out
    ukendt = "Underskriveren er ikke betroet af sekretariatet endnu" in ud  # the hostile signer is not registered
    assert rc == (4 if ukendt else 1)
    assert not _kun_synlige_tegn(ud), _kun_synlige_tegn(ud)
    resultat = [linje for linje in ud.split("\n") if linje.startswith("Resultat:")]
    assert len(resultat) == 1 and resultat[0].startswith("Resultat:       AFVIST"), ud
    assert "\ufffd\ufffdResultat:       GODKENDT" in ud  # shown, on the line of the name it belongs to
    r = verifikation.verificer(sti, Tillid(fingeraftryk=frozenset({kilde.u.fingeraftryk})), nu=TID)
    for tekst in (r.driftsherre, r.underskriver, *r.grunde, *r.noter):
        assert tekst.isprintable(), tekst
    assert main(["takstbilag", str(sti), "--tillid", str(tillid), "-o", str(tmp_path / "bilag.xlsx")]) == (4 if ukendt else 1)
    ud = capsys.readouterr().out
    assert not _kun_synlige_tegn(ud), _kun_synlige_tegn(ud)
    linjer = [x for x in ud.strip().split("\n") if "er kun afvist, fordi underskriveren ikke er betroet endnu" not in x]
    assert len(linjer) == 2, ud  # one line for the file, one for the bilag (and how to trust an unknown signer)


def test_mange_forskelle_fra_genberegningen_afvises_hurtigt(kilde, tmp_path):
    """A takster document with 400.000 added keys in one tilbud: each is a difference from the
    recomputation, but only the 20 shown are put in words; the rest are counted (before: every one
    was looked up in the grundlag, 10 s of CPU and twice the memory to refuse a 5 MB file)."""
    import time

    d = json.loads(kilde.medl[T])
    d["tilbud"][0].update({f"k{i}": 0 for i in range(400_000)})
    sti = tmp_path / "forskelle.indmelding"
    sti.write_bytes(_med_json(kilde, t=json.dumps(d, separators=(",", ":")).encode("utf-8")))
    start = time.process_time()
    r = verifikation.verificer(sti, Tillid(fingeraftryk=frozenset({kilde.u.fingeraftryk})), nu=TID)
    brugt = time.process_time() - start
    assert brugt < 6, brugt
    (grund,) = [g for g in r.grunde if g.startswith("Genberegningen")]
    assert grund.startswith("Genberegningen giver andre tal end de indmeldte (400.000 forskelle): ")
    assert grund.count(" findes ikke i genberegningen") == 20 and grund.endswith(" …")


def test_en_pulje_med_90000_oevrige_modtagere_kontrolleres_paa_sekunder(kilde, tmp_path):
    """A signed takstgrundlag (4 MB, inside the limits of domain/graenser.py) whose overhead pulje
    lists 90.000 øvrige modtagere: each was checked against a list of those before it, 4·10⁹
    comparisons, over a minute of CPU for one file (a quarter of an hour at 16 MB); now a look-up each."""
    import time

    d = json.loads(kilde.medl[G])
    d["overheadpuljer"][0]["oevrige_modtagere"] = [{"id": f"o{i}", "noegletal": "1"} for i in range(90_000)]
    sti = tmp_path / "modtagere.indmelding"
    sti.write_bytes(_med_json(kilde, g=json.dumps(d, ensure_ascii=False, separators=(",", ":")).encode("utf-8")))
    start = time.process_time()
    r = verifikation.verificer(sti, Tillid(fingeraftryk=frozenset({kilde.u.fingeraftryk})), nu=TID)
    brugt = time.process_time() - start
    assert brugt < 8, brugt
    assert r.status == "AFVIST" and r.grundlag is not None and len(r.grundlag.overheadpuljer[0].oevrige_modtagere) == 90_000
    assert any(g.startswith("Genberegningen giver andre tal end de indmeldte") for g in r.grunde), r.grunde


def test_en_fordeling_paa_17000_kommuner_kommer_ikke_i_takstbilaget(kilde, tmp_path):
    """A genuine-looking submission (PDF and takstskema made from it, signed by the registered key)
    whose trækningsret is fordelt on 17.000 'kommuner': it was GODKENDT, and the samlede
    takstbilag got a Fordeling sheet of 17.007 columns, past Excel's 16.384, so DAS's workbook
    was broken by one file. Now the takstgrundlag has a fejl, and the file is AFVIST."""
    import dataclasses
    from decimal import Decimal

    from takstberegner import tjeneste
    from takstberegner.export import rapport, revision_pdf, takstbilag, takstskema_xlsx

    from .bilag_data import grundlag_a

    g = grundlag_a()
    fordeling = tuple((f"Kommune {i}", Decimal(1000 + i)) for i in range(17_000))
    g = dataclasses.replace(g, tilbud=tuple(dataclasses.replace(t, fordeling=fordeling) if t.id == "TR" else t
                                            for t in g.tilbud))
    b = tjeneste.beregn(g)
    g_bytes, t_bytes, fp = indmelding.json_medlemmer(g, b)
    r = rapport.lav_rapport(g, b, fingeraftryk=fp, dannet=TID)
    data = {G: g_bytes, T: t_bytes, X: takstskema_xlsx.lav_xlsx(r), P: revision_pdf.lav_pdf(r)}
    sti = tmp_path / "kommuner.indmelding"
    sti.write_bytes(ff.zip_raa(kilde.signeret(data, {indmelding.UDV_FINGERAFTRYK: fp})))
    tillid = Tillid(fingeraftryk=frozenset({kilde.u.fingeraftryk}))
    v = verifikation.verificer(sti, tillid, nu=TID)
    assert v.grunde == ["Takstgrundlaget har fejl, som skulle være rettet før indmelding: Rådgivningscenter Nord › "
                        "Fordeling: Fordelingen nævner 17.000 kommuner; Danmark har 98, og en fordeling kan højst "
                        "have 200. Fjern de kommuner, der ikke hører til fordelingen. Bed driftsherren rette fejlene i "
                        "Takstberegner og indsende indmeldingen igen."], v.grunde
    udvalg = takstbilag.saml([sti], tillid)
    assert [s.status for s in udvalg.statusser] == ["afvist"]
    import io

    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(takstbilag.lav_takstbilag(udvalg)), read_only=True)
    assert all(ws.max_column <= 16_384 for ws in wb.worksheets)


def test_en_ukendt_afsender_kan_ikke_faa_sekretariatet_til_at_regne(kilde, tmp_path):
    """Anyone can send a file. A takstgrundlag of 1.000 tilbud and 100 overhead puljer, at the limits
    of domain/graenser.py, signed with an unknown key: its recomputation allocates every pulje to
    every tilbud, 100.000 shares (before those limits, 1.500 × 1.500 took 10 s of CPU and half a GB).
    The recomputation runs only for a trusted signer; the file is AFVIST for its signer at once."""
    import time
    import tracemalloc

    d = json.loads(kilde.medl[G])
    f = d["tilbud"][0]
    d["tilbud"] = [dict(f, id=f"T{i}", navn=f"Tilbud {i}", tilbudsportal_id=str(100000 + i),
                        ydelser=[dict(y, id=f"T{i}-{y['id']}") for y in f["ydelser"]]) for i in range(1000)]
    d["overheadpuljer"] = [dict(d["overheadpuljer"][0], id=f"P{k}", oevrige_modtagere=[]) for k in range(100)]
    g = json.dumps(d, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    data = kilde.data(takstgrundlag_json=g)
    sti = tmp_path / "regn.indmelding"
    sti.write_bytes(ff.zip_raa(kilde.signeret(data, {indmelding.UDV_FINGERAFTRYK: indmelding.fingeraftryk(g, kilde.medl[T])},
                                              signatur=kilde.cms(u=_fremmed(), tid=TID))))
    tracemalloc.start()
    start = time.process_time()
    try:
        r = verifikation.verificer(sti, Tillid(fingeraftryk=frozenset({kilde.u.fingeraftryk})), nu=TID)
        brugt = time.process_time() - start
        _, top = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert brugt < 5 and top < 200 * 1024 * 1024, (brugt, top)
    assert r.status == "AFVIST" and r.ikke_betroet and r.beregning is None
    assert (f"Certifikatet er selvsigneret, og dets fingeraftryk {_fremmed().fingeraftryk} er ikke registreret hos "
            "sekretariatet.") in r.grunde
    assert "Taksterne er ikke genberegnet, fordi signaturen ikke holder, eller underskriveren ikke er betroet; de " \
           "genberegnes, når filen verificeres med en betroet underskriver." in r.noter
