"""What a file is, from its first bytes: the files users and the secretariat pick by mistake (a PDF,
an Excel workbook, a .takst under another name, a signed indmelding, a JSON document of ours). The
readers name it in their refusal instead of a syntax error about its first character; each reader
words the advice for its own door (formats/takstgrundlag.py, export/asic.py)."""
from __future__ import annotations

import re

SQLITE = b"SQLite format 3\x00"
INDMELDING_MIMETYPE = b"application/vnd.etsi.asic-e+zip"
_JSON_START = re.compile(rb'\{\s*["}]|\[\s*[\[{"\d\-\]]')  # how a JSON document begins, not any '{'
_OFFICE = ("[Content_Types].xml", "_rels/", "docProps/", "xl/", "word/", "ppt/")

# The kinds, and how a message names them ("Filen x er …").
PDF, TAKSTFIL, INDMELDING, EXCEL, WORD, OFFICE, TAKSTGRUNDLAG, TAKSTER, JSON = (
    "pdf", "takstfil", "indmelding", "excel", "word", "office", "takstgrundlag", "takster", "json")
NAVNE = {
    PDF: "en PDF-fil",
    TAKSTFIL: "en takstfil (.takst)",
    INDMELDING: "en indmeldingsfil (.indmelding)",
    EXCEL: "et Excel-regneark",
    WORD: "et Word-dokument",
    OFFICE: "et Office-dokument",
    TAKSTGRUNDLAG: "et takstgrundlag",
    TAKSTER: "et takster-dokument",
    JSON: "en datafil",
}


def slags(data: bytes) -> str | None:
    """The kind of file that begins with `data` (its first few kB are enough), or None."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(SQLITE):
        return TAKSTFIL
    if data.startswith(b"PK\x03\x04") and len(data) >= 30:
        n = int.from_bytes(data[26:28], "little")
        foerste = data[30:30 + n].decode("cp437", "replace")
        if foerste == "mimetype":
            return INDMELDING if INDMELDING_MIMETYPE in data[30 + n:30 + n + 200] else None
        if foerste.startswith(_OFFICE):
            return EXCEL if b"xl/workbook" in data else WORD if b"word/document" in data else OFFICE
        return None
    start = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if _JSON_START.match(start):
        return TAKSTGRUNDLAG if b'"takstgrundlag/' in start else TAKSTER if b'"takster/' in start else JSON
    return None
