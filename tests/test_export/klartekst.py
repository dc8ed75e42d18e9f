"""Plain Danish for finance staff: the words no rejection reason may contain (a standard's name,
a code, a hex value, an English word). Used by the corpus, mutation and byte-flip tests."""
from __future__ import annotations

import re

# What a finance officer must never read in a rejection reason (a name an attacker added to the
# file is quoted with '…' and shown as it is: it identifies the tampering, so it is left out).
FORBUDT = re.compile(
    r"CMS|CAdES|ASiC|X\.509|ZIP|CRC|SignedData|[Ss]igning|[Ss]igned|[Cc]ertificate|content-type|"
    r"message-digest|key ?[Uu]sage|nonRepudiation|digitalSignature|\bOID\b|0x[0-9A-Fa-f]|CA:|\bCA\b|"
    r"CA-|\bPEM\b|\bDER\b|\bp12\b|PKCS|\bXML\b|DOCTYPE|ENTITY|CDATA|UTF-|[Hh]ash|\bPSS\b|\bRSA\b|\bEC\b|"
    r"secp|[Dd]etached|[Aa]ttribut|\bbit\b|\d+\.\d+\.\d+\.\d+|teknisk kode|\bJSON\b|META-INF|mimetype|"
    r"\.p7s|\b[a-z]+_[a-z_]+\b|\w=|SHA|[Ss]ha1|\bdisk\b|deskriptor|[Ee]xtension|[Bb]omb|[Ff]lag\b|"
    r"\bfile\b|\bthe\b|\bis\b|\bnot\b|\bof\b|\bkey\b|\btime\b|\bdigest\b|\bcurve\b|\bkurve"
)


def forbudte_ord(tekst: str) -> list[str]:
    """The forbidden words in `tekst`, outside quoted names ('…') and shown fingerprints (hex the
    user compares with what the driftsherre reads aloud)."""
    uden_navne = re.sub(r"'[^']*'", "''", tekst)
    uden_navne = re.sub(r"\b[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){31}\b|\b[0-9a-f]{64}\b|\b(?:[0-9a-f]{4} ){15}[0-9a-f]{4}\b",
                        "#", uden_navne)
    return FORBUDT.findall(uden_navne)
