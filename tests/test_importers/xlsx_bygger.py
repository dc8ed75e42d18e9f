"""Workbooks built member by member, so a test can make exactly the file it needs: a genuine minimal
.xlsx, or one with a stale dimension, malformed XML, a bomb, a DTD, lying sizes, ... (no blobs)."""
from __future__ import annotations

import struct
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

INDHOLD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
           '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
           '<Default Extension="xml" ContentType="application/xml"/>'
           '<Override PartName="/xl/workbook.xml" '
           'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
           '<Override PartName="/xl/worksheets/sheet1.xml" '
           'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
ROD_RELS = ('<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')


def projektmappe(ark: list[str] = ("Budget",)) -> str:
    s = "".join(f'<sheet name="{escape(n)}" sheetId="{i}" r:id="rId{i}"/>' for i, n in enumerate(ark, 1))
    return f'<?xml version="1.0" encoding="UTF-8"?><workbook {NS} {R_NS}><sheets>{s}</sheets></workbook>'


def bog_rels(ark: int = 1, delte: bool = True, typer: bool = False, maal: str | None = None) -> str:
    r = "".join(f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="{maal or f"worksheets/sheet{i}.xml"}"/>'
                for i in range(1, ark + 1))
    if delte:
        r += f'<Relationship Id="rIdS" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
    if typer:
        r += f'<Relationship Id="rIdT" Type="{REL}/styles" Target="styles.xml"/>'
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{r}</Relationships>')


def kol(n: int) -> str:
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def celle(ref: str, v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return f'<c r="{ref}" t="b"><v>{int(v)}</v></c>'
    if isinstance(v, (int, float)):
        return f'<c r="{ref}"><v>{v!r}</v></c>'
    if isinstance(v, str) and v.startswith("<"):
        return v  # raw XML for the cell
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(v)}</t></is></c>'


def ark_xml(raekker: list[list], dimension: str | None = None, efter: str = "", foer: str = "") -> str:
    rows = "".join(
        f'<row r="{i}">' + "".join(celle(f"{kol(k)}{i}", v) for k, v in enumerate(r, 1)) + "</row>"
        for i, r in enumerate(raekker, 1))
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}>{dim}{foer}<sheetData>{rows}</sheetData>{efter}</worksheet>'


BUDGET = [
    ["Konto", "Tekst", "Beløb"],
    ["1.1", "Løn pædagoger", 6500000],
    ["1.1", "Løn ledelse", 700000],
    ["2.2", "Fødevarer", 96.25],
    ["2.7", "Småanskaffelser", 60000],
    ["4.5", "Håndværkere", 410000],
    ["7.2", "Salg af kantinemad", -12000.5],
    ["8", "Renteindtægter", -5000],
    ["9.1", "Interne udgifter", 1234],
]


def dele(ark: str | bytes | None = None, delte: str | bytes | None = None, typer: str | bytes | None = None,
         **ekstra) -> dict[str, str | bytes]:
    """The members of a minimal workbook with one sheet 'Budget'."""
    d: dict[str, str | bytes] = {
        "[Content_Types].xml": INDHOLD,
        "_rels/.rels": ROD_RELS,
        "xl/workbook.xml": projektmappe(),
        "xl/_rels/workbook.xml.rels": bog_rels(delte=delte is not None, typer=typer is not None),
        "xl/worksheets/sheet1.xml": ark if ark is not None else ark_xml(BUDGET),
    }
    if delte is not None:
        d["xl/sharedStrings.xml"] = delte
    if typer is not None:
        d["xl/styles.xml"] = typer
    d.update(ekstra)
    return d


def skriv(sti: Path, medlemmer: dict[str, str | bytes] | list[tuple[str, str | bytes]],
          metode: int = zipfile.ZIP_DEFLATED) -> Path:
    import warnings

    par = medlemmer.items() if isinstance(medlemmer, dict) else medlemmer
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are what some tests want
        with zipfile.ZipFile(sti, "w", metode) as z:
            for navn, data in par:
                z.writestr(navn, data.encode("utf-8") if isinstance(data, str) else data)
    return sti


def skriv_stroem(sti: Path, medlemmer: dict[str, str | bytes], stor: str, stykker, bytes_i_alt: int | None = None
                 ) -> Path:
    """Like skriv, but member `stor` is written as a stream of the byte strings `stykker` (a generator),
    so a file of gigabytes inflated is made without holding it in memory."""
    with zipfile.ZipFile(sti, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for navn, data in medlemmer.items():
            if navn != stor:
                z.writestr(navn, data.encode("utf-8") if isinstance(data, str) else data)
        with z.open(stor, "w", force_zip64=True) as ud:
            for bid in stykker:
                ud.write(bid)
    return sti


def saet_erklaeret_stoerrelse(sti: Path, navn: str, stoerrelse: int) -> None:
    """Change the uncompressed size a member declares (central directory and local header): a zip
    that lies about its size, as a bomb does."""
    data = bytearray(sti.read_bytes())
    enc = navn.encode()
    i = data.find(b"PK\x01\x02")
    while i >= 0:
        nlen = struct.unpack("<H", data[i + 28:i + 30])[0]
        if data[i + 46:i + 46 + nlen] == enc:
            struct.pack_into("<L", data, i + 24, stoerrelse)
            lokal = struct.unpack("<L", data[i + 42:i + 46])[0]
            struct.pack_into("<L", data, lokal + 22, stoerrelse)
            break
        i = data.find(b"PK\x01\x02", i + 4)
    sti.write_bytes(bytes(data))


def saet_antal_dele(sti: Path, antal: int) -> None:
    """Make the end-of-central-directory record claim `antal` members."""
    data = bytearray(sti.read_bytes())
    i = data.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", data, i + 8, antal, antal)
    sti.write_bytes(bytes(data))


def saet_flag(sti: Path, navn: str, flag: int = 0, metode: int | None = None) -> None:
    """Set a member's general-purpose flag bits (1: encrypted) or compression method in both headers."""
    data = bytearray(sti.read_bytes())
    enc = navn.encode()
    i = data.find(b"PK\x01\x02")
    while i >= 0:
        nlen = struct.unpack("<H", data[i + 28:i + 30])[0]
        if data[i + 46:i + 46 + nlen] == enc:
            lokal = struct.unpack("<L", data[i + 42:i + 46])[0]
            if flag:
                struct.pack_into("<H", data, i + 8, flag)
                struct.pack_into("<H", data, lokal + 6, flag)
            if metode is not None:
                struct.pack_into("<H", data, i + 10, metode)
                struct.pack_into("<H", data, lokal + 8, metode)
            break
        i = data.find(b"PK\x01\x02", i + 4)
    sti.write_bytes(bytes(data))


def med_gemt_resultat(kilde: Path, maal: Path, formel: str, resultat: str) -> Path:
    """`kilde` (written by openpyxl: its formula `formel` has no result) as Excel saves it, with the
    formula's `resultat` beside it, in `maal`."""
    foer = f"<f>{formel}</f><v></v>".encode()
    with zipfile.ZipFile(kilde) as zin, zipfile.ZipFile(maal, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                assert foer in data
                data = data.replace(foer, f"<f>{formel}</f><v>{resultat}</v>".encode())
            zout.writestr(item, data)
    return maal
