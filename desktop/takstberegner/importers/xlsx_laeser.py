"""Reading an Excel workbook (.xlsx) safely: our own streaming reader, within `Graenser`.

openpyxl is not used for reading: its read-only mode trusts the sheet's `<dimension>` (a stale one
silently drops rows), it holds whole members in memory, and malformed XML reached lxml. Here the
zip's central directory is checked before zipfile reads it; each member is inflated as a stream
and counted against its own cap (declared sizes are not trusted); the XML is parsed by expat
(pyexpat, no DTDs or entities, no lxml) chunk by chunk with caps on depth, cells, rows, strings
and the bytes read without progress; the sheet's `<dimension>` is never read. Every rejection is
an `AfvistFil` with a Danish reason; time and memory grow linearly with the capped input.
"""
from __future__ import annotations

import posixpath
import re
import struct
import zipfile
from pathlib import Path
from typing import Any, Callable

import pyexpat

from takstberegner.fejltekst import os_fejl
from takstberegner.importers.ark import FORMEL_UDEN_VAERDI, Ark, Dato, Fejlvaerdi, Procent, Tal
from takstberegner.importers.ark import bogstav as _bogstav
from takstberegner.importers.graenser import (
    STANDARD,
    AfvistFil,
    Graenser,
    antal,
    beskadiget,
    for_stort,
    mb,
)

_BID = 64 * 1024
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# Built-in number formats that show a date or time (ECMA-376 18.8.30).
_DATO_FORMATER = set(range(14, 23)) | set(range(27, 37)) | set(range(45, 48)) | set(range(50, 59))
_PROCENT_FORMATER = {9, 10}  # 0% and 0.00%


class _Stop(Exception):
    """Enough rows have been read (the grid shows only the first ones)."""


class _UkendtFaellesTekst(Exception):
    """A cell's shared-string index is not the number of one of the shared strings."""


def _lokal(navn: str) -> str:
    return navn.rpartition(":")[2]


def _kolonne(ref: str) -> int:
    n = 0
    for ch in ref:
        o = ord(ch) - 64
        if 0 < o < 27:
            n = n * 26 + o
        elif 96 < ord(ch) < 123:
            n = n * 26 + ord(ch) - 96
        else:
            break
    return n


_CITAT = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')  # quoted text, an escaped character, [colour] or [$-406]


def _er_datoformat(kode: str) -> bool:
    s = _CITAT.sub("", kode.lower())
    return bool(re.search(r"[dmyhs]", s)) and "general" not in s


def _er_procentformat(kode: str) -> bool:
    """'0%', '0,00 %', '#,##0.0%;-0%': a '%' that is not quoted or escaped multiplies by 100."""
    return "%" in _CITAT.sub("", kode)


class Projektmappe:
    """An open .xlsx file. `ark_navne` lists its worksheets; `laes_ark` reads one."""

    def __init__(self, sti: Path | str, graenser: Graenser = STANDARD):
        self.sti = Path(sti)
        self.navn = self.sti.name
        self.g = graenser
        self._zip: zipfile.ZipFile | None = None
        self._fh = None
        self._ark: dict[str, str] = {}  # sheet name -> member
        self._skjulte_ark: set[str] = set()  # sheets hidden in Excel (state hidden or veryHidden)
        self._delte_sti: str | None = None
        self._typer_sti: str | None = None
        self._delte: list[str] | None = None
        self._dato_typer: set[int] | None = None
        self._procent_typer: set[int] = set()  # cell formats that show a number as a percentage
        self._aabn()

    # ---------------------------------------------------------------- the container
    def _aabn(self) -> None:
        try:
            stoerrelse = self.sti.stat().st_size
        except FileNotFoundError:
            raise AfvistFil(f"Filen {self.navn} findes ikke.") from None
        except OSError as e:
            raise AfvistFil(f"Filen {self.navn} kan ikke læses: {os_fejl(e)}.") from None
        if self.sti.is_dir():
            raise AfvistFil(f"{self.navn} er en mappe, ikke et regneark.")
        if not self.sti.is_file():  # a device or a pipe: open() waits for a pipe's writer
            raise AfvistFil(f"{self.navn} er ikke en almindelig fil, men fx en enhed eller en kanal, og ikke et "
                            "regneark.")
        if stoerrelse > self.g.fil_bytes:
            raise for_stort(self.navn, f"filen fylder {mb(stoerrelse)}; der kan højst importeres {mb(self.g.fil_bytes)}")
        try:
            self._fh = open(self.sti, "rb")
        except OSError as e:
            raise AfvistFil(f"Filen {self.navn} kan ikke læses: {os_fejl(e)}.") from None
        try:
            hoved = self._fh.read(8)
            if hoved == _OLE:
                raise AfvistFil(f"Filen {self.navn} er en ældre Excel-fil (.xls) eller beskyttet med adgangskode. "
                                "Åbn den i Excel, og gem den som Excel-projektmappe (.xlsx) uden adgangskode.")
            if not hoved.startswith(b"PK"):
                raise AfvistFil(f"Filen {self.navn} er ikke et Excel-regneark (.xlsx). Gem budgettet i Excel som "
                                "Excel-projektmappe (.xlsx) eller som CSV (semikolonsepareret).")
            self._tjek_katalog(stoerrelse)
            try:
                self._zip = zipfile.ZipFile(self._fh)
                medlemmer = self._zip.infolist()
            except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, struct.error,
                    NotImplementedError, UnicodeDecodeError):
                raise beskadiget(self.navn, "zip-filens indholdsfortegnelse kan ikke læses") from None
            set_: set[str] = set()
            for m in medlemmer:
                n = m.filename.casefold()
                if n in set_:
                    raise beskadiget(self.navn, f"delen '{m.filename[:60]}' findes to gange")
                set_.add(n)
            self._laes_struktur()
        except BaseException:
            self.luk()
            raise

    def _tjek_katalog(self, stoerrelse: int) -> None:
        """The end-of-central-directory record, read before zipfile builds one object per member."""
        f = self._fh
        hale = min(stoerrelse, 22 + 65_535)
        f.seek(stoerrelse - hale)
        data = f.read(hale)
        i = data.rfind(b"PK\x05\x06")
        if i < 0 or len(data) - i < 22:
            raise beskadiget(self.navn, "zip-filens indholdsfortegnelse mangler (filen er afkortet)")
        _, _, _, _, antal_ialt, katalog, _, _ = struct.unpack("<4s4H2LH", data[i:i + 22])
        if antal_ialt == 0xFFFF or katalog == 0xFFFFFFFF:  # zip64: the real figures are in the zip64 record
            j = data.rfind(b"PK\x06\x07", 0, i)
            if j < 0 or len(data) - j < 20:
                raise beskadiget(self.navn, "zip-filens indholdsfortegnelse kan ikke læses")
            (pos,) = struct.unpack("<Q", data[j + 8:j + 16])
            if pos > stoerrelse - 56:
                raise beskadiget(self.navn, "zip-filens indholdsfortegnelse kan ikke læses")
            f.seek(pos)
            rec = f.read(56)
            if rec[:4] != b"PK\x06\x06":
                raise beskadiget(self.navn, "zip-filens indholdsfortegnelse kan ikke læses")
            antal_ialt, katalog = struct.unpack("<QQ", rec[32:48])
        if antal_ialt > self.g.zip_medlemmer or katalog > self.g.zip_katalog_bytes:
            raise for_stort(self.navn, f"zip-filen har {antal(antal_ialt)} dele; et regneark har højst "
                                       f"{antal(self.g.zip_medlemmer)}")
        f.seek(0)

    def _info(self, navn: str) -> zipfile.ZipInfo | None:
        try:
            return self._zip.getinfo(navn)
        except KeyError:
            low = navn.casefold()
            for m in self._zip.infolist():
                if m.filename.casefold() == low:
                    return m
            return None

    def _laes_struktur(self) -> None:
        """Which members are the workbook, its sheets (by name), the shared strings and the styles."""
        rod = self._relationer("_rels/.rels", "")
        bog = next((m for t, m in rod.values() if t.endswith("/officeDocument")), "xl/workbook.xml")
        if self._info(bog) is None:
            raise AfvistFil(f"Filen {self.navn} er ikke et Excel-regneark (.xlsx): den har ingen projektmappe. "
                            "Gem budgettet i Excel som Excel-projektmappe (.xlsx).")
        mappe = posixpath.dirname(bog)
        rel = self._relationer(posixpath.join(mappe, "_rels", posixpath.basename(bog) + ".rels"), mappe)
        ark: list[tuple[str, str]] = []

        def start(navn: str, attr: dict) -> None:
            if _lokal(navn) == "sheet":
                rid = next((v for k, v in attr.items() if _lokal(k) == "id"), None)
                ark.append((attr.get("name", ""), rid))
                if attr.get("state") in ("hidden", "veryHidden"):
                    self._skjulte_ark.add(attr.get("name", ""))

        self._parse(bog, "projektmappen", self.g.lille_xml_bytes, start)
        for navn, rid in ark:
            t, maal = rel.get(rid, ("", ""))
            if t.endswith("/worksheet") and navn and navn not in self._ark:
                self._ark[navn] = maal
        for t, maal in rel.values():
            if t.endswith("/sharedStrings"):
                self._delte_sti = maal
            elif t.endswith("/styles"):
                self._typer_sti = maal
        if self._delte_sti is None and self._info(posixpath.join(mappe, "sharedStrings.xml")):
            self._delte_sti = posixpath.join(mappe, "sharedStrings.xml")

    def _relationer(self, sti: str, mappe: str) -> dict[str, tuple[str, str]]:
        """Id -> (type, member) of a .rels part; {} when it is missing."""
        if self._info(sti) is None:
            return {}
        ud: dict[str, tuple[str, str]] = {}

        def start(navn: str, attr: dict) -> None:
            if _lokal(navn) == "Relationship" and attr.get("TargetMode") != "External":
                maal = attr.get("Target", "")
                maal = maal[1:] if maal.startswith("/") else posixpath.join(mappe, maal)
                maal = posixpath.normpath(maal)
                if maal.startswith("..") or len(ud) > 10_000:
                    raise beskadiget(self.navn, "en henvisning peger uden for projektmappen")
                ud[attr.get("Id", "")] = (attr.get("Type", ""), maal)

        self._parse(sti, "en oversigt over dele", self.g.lille_xml_bytes, start)
        return ud

    @property
    def ark_navne(self) -> list[str]:
        """The sheets the user sees in Excel, in order; a hidden sheet is read only when named."""
        return [n for n in self._ark if n not in self._skjulte_ark]

    # ---------------------------------------------------------------- streaming XML
    def _parse(self, sti: str, hvad: str, graense: int, start: Callable, slut: Callable | None = None,
               tekst: Callable | None = None, dybde: list[int] | None = None) -> None:
        """Feed one member through expat as a stream, within the caps; handlers may raise _Stop.

        `dybde` = [depth, elements begun]: given, the (fast) handlers keep it themselves and check
        the depth limit; else the handlers are wrapped to do so."""
        info = self._info(sti)
        if info is None:
            raise beskadiget(self.navn, f"{hvad} mangler")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise beskadiget(self.navn, f"{hvad} er pakket på en måde, Excel ikke bruger")
        if info.flag_bits & 0x1:
            raise AfvistFil(f"Filen {self.navn} er beskyttet med adgangskode. Gem den i Excel uden adgangskode.")
        if info.file_size > graense:
            raise for_stort(self.navn, f"{hvad} fylder udpakket {mb(info.file_size)}; grænsen er {mb(graense)}")
        p = pyexpat.ParserCreate()
        p.buffer_text = True
        p.buffer_size = _BID
        selv = dybde is None
        if dybde is None:
            dybde = [0, 0]  # depth, elements begun

        def start_(navn: str, attr: dict) -> None:
            dybde[0] += 1
            dybde[1] += 1
            if dybde[0] > self.g.xml_dybde:
                raise beskadiget(self.navn, f"{hvad} har elementer inde i hinanden uden ende")
            start(navn, attr)

        def slut_(navn: str) -> None:
            dybde[0] -= 1
            if slut is not None:
                slut(navn)

        def doctype(*_: Any) -> None:
            raise beskadiget(self.navn, f"{hvad} indeholder en DTD, som et regneark aldrig har")

        p.StartElementHandler = start_ if selv else start
        p.EndElementHandler = slut_ if selv else slut
        if tekst is not None:
            p.CharacterDataHandler = tekst
        p.StartDoctypeDeclHandler = doctype
        p.EntityDeclHandler = doctype
        laest = 0
        sidst_laest, sidst_begyndt = 0, 0
        try:
            with self._zip.open(info) as s:
                while True:
                    bid = s.read(_BID)
                    if not bid:
                        break
                    laest += len(bid)
                    if laest > graense:
                        raise for_stort(self.navn, f"{hvad} fylder udpakket mere end {mb(graense)}")
                    p.Parse(bid, False)
                    if dybde[1] > self.g.elementer:
                        raise for_stort(self.navn, f"{hvad} har mere end {antal(self.g.elementer)} elementer")
                    if dybde[1] != sidst_begyndt:
                        sidst_begyndt, sidst_laest = dybde[1], laest
                    elif laest - sidst_laest > self.g.uden_fremskridt_bytes:
                        raise beskadiget(self.navn, f"{hvad} har mere end {mb(self.g.uden_fremskridt_bytes)} uden "
                                                    "et eneste nyt element (fyld eller en celle uden ende)")
                p.Parse(b"", True)
        except _Stop:
            return
        except AfvistFil:
            raise
        except pyexpat.ExpatError as e:
            raise beskadiget(self.navn, f"{hvad} er ikke gyldig XML (linje {e.lineno}, tegn {e.offset + 1})") from None
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, struct.error):
            raise beskadiget(self.navn, f"{hvad} kan ikke pakkes ud") from None
        except RecursionError:
            raise beskadiget(self.navn, f"{hvad} har elementer inde i hinanden uden ende") from None

    # ---------------------------------------------------------------- shared strings and styles
    def _delte_tekster(self) -> list[str]:
        if self._delte is not None:
            return self._delte
        ud: list[str] = []
        self._delte = ud
        if self._delte_sti is None:
            return ud
        g = self.g
        tilstand = {"si": False, "t": False, "rph": 0, "tegn": 0, "ialt": 0}
        buf: list[str] = []

        def start(navn: str, attr: dict) -> None:
            n = _lokal(navn)
            if n == "t":
                tilstand["t"] = tilstand["si"] and not tilstand["rph"]
            elif n == "si":
                if len(ud) >= g.delte_tekster:
                    raise for_stort(self.navn, f"der er mere end {antal(g.delte_tekster)} forskellige tekster "
                                               "(fælles tekster)")
                tilstand["si"] = True
                tilstand["tegn"] = 0
                buf.clear()
            elif n == "rPh":
                tilstand["rph"] += 1
            elif n == "sst":
                try:
                    unikke = int(attr.get("uniqueCount", "0") or 0)
                except ValueError:
                    unikke = 0
                if unikke > g.delte_tekster:
                    raise for_stort(self.navn, f"der er {antal(unikke)} forskellige tekster (fælles tekster); "
                                               f"grænsen er {antal(g.delte_tekster)}")

        def slut(navn: str) -> None:
            n = _lokal(navn)
            if n == "t":
                tilstand["t"] = False
            elif n == "si":
                tilstand["si"] = False
                ud.append("".join(buf))
            elif n == "rPh":
                tilstand["rph"] -= 1

        def tekst(data: str) -> None:
            if tilstand["t"]:
                tilstand["tegn"] += len(data)
                tilstand["ialt"] += len(data)
                if tilstand["tegn"] > g.tegn_pr_celle:
                    raise for_stort(self.navn, f"en tekst har mere end {antal(g.tegn_pr_celle)} tegn, "
                                               "som er det højeste, en celle i Excel kan have")
                if tilstand["ialt"] > g.delte_tekster_tegn:
                    raise for_stort(self.navn, f"de fælles tekster har tilsammen mere end "
                                               f"{antal(g.delte_tekster_tegn)} tegn")
                buf.append(data)

        self._parse(self._delte_sti, "tabellen med fælles tekster", g.xml_bytes, start, slut, tekst)
        return ud

    def _datotyper(self) -> set[int]:
        """The indexes of the cell formats (cellXfs) that show a number as a date (and, in
        `_procent_typer`, those that show it as a percentage)."""
        if self._dato_typer is not None:
            return self._dato_typer
        ud: set[int] = set()
        self._dato_typer = ud
        if self._typer_sti is None or self._info(self._typer_sti) is None:
            return ud
        egne: dict[int, bool] = {}
        egne_pct: dict[int, bool] = {}
        pct = self._procent_typer
        tilstand = {"xfs": False, "n": 0}

        def start(navn: str, attr: dict) -> None:
            n = _lokal(navn)
            if n == "numFmt":
                try:
                    kode = attr.get("formatCode", "")[:255]
                    egne[int(attr.get("numFmtId", "-1"))] = _er_datoformat(kode)
                    egne_pct[int(attr.get("numFmtId", "-1"))] = _er_procentformat(kode)
                except ValueError:
                    pass
            elif n == "cellXfs":
                tilstand["xfs"] = True
            elif n == "xf" and tilstand["xfs"]:
                i = tilstand["n"]
                tilstand["n"] += 1
                if i >= self.g.typografier:
                    raise for_stort(self.navn, f"der er mere end {antal(self.g.typografier)} celleformater")
                try:
                    fmt = int(attr.get("numFmtId", "0"))
                except ValueError:
                    fmt = 0
                if egne.get(fmt, fmt in _DATO_FORMATER):
                    ud.add(i)
                elif egne_pct.get(fmt, fmt in _PROCENT_FORMATER):
                    pct.add(i)

        def slut(navn: str) -> None:
            if _lokal(navn) == "cellXfs":
                tilstand["xfs"] = False

        self._parse(self._typer_sti, "formateringen", self.g.lille_xml_bytes, start, slut)
        return ud

    # ---------------------------------------------------------------- one sheet
    def laes_ark(self, navn: str, kolonner: set[int] | None = None, maks_raekker: int | None = None) -> Ark:
        """Read the sheet `navn`. `kolonner`: keep only these columns (None: all). `maks_raekker`: stop
        after that many rows with content (for the grid); without it, more than the limit is refused."""
        if navn not in self._ark:
            raise AfvistFil(f"Arket '{navn}' findes ikke i {self.navn}; arkene hedder: "
                            f"{', '.join(repr(n) for n in self._ark) or 'ingen'}.")
        delte = self._delte_tekster()
        datoer = self._datotyper()
        procenter = self._procent_typer
        g = self.g
        fil = self.navn
        hvad = f"arket '{navn}'"
        raekker: list[tuple[int, dict[int, Any]]] = []
        flettede: list[tuple[int, int, int, int]] = []
        formler: list[tuple[int, int]] = []  # (row, column) of the cells read whose value a formula gave
        omraader: list[tuple[int, int, int, int]] = []  # ranges an array formula (or data table) fills
        skjulte: list[int] = []  # rows with content hidden in Excel (a filter, hidden rows)
        skjulte_kol: list[tuple[int, int]] = []  # ranges of columns hidden in Excel (<col hidden="1">)
        antal_kol = [0]  # <col> elements: Excel writes at most one per column
        dybde = [0, 0]
        maks_dybde, maks_celler, maks_kol, maks_tegn = g.xml_dybde, g.celler, g.kolonner, g.tegn_pr_celle
        maks_r = g.raekker
        # the state of the element being read: locals of this closure, for speed (one call per tag)
        raekke = kol = antal_celler = sidste_kol = 0
        typ, stil, formel, vaerdi, i_is, rph, saml, skjult = "n", None, False, None, False, 0, False, False
        celler: dict[int, Any] = {}
        buf: list[str] = []
        blen = 0

        def start(n: str, attr: dict) -> None:
            nonlocal raekke, kol, antal_celler, typ, stil, formel, vaerdi, i_is, rph, saml, celler, blen, skjult
            dybde[1] += 1
            dybde[0] += 1
            if dybde[0] > maks_dybde:
                raise beskadiget(fil, f"{hvad} har elementer inde i hinanden uden ende")
            if ":" in n:
                n = _lokal(n)
            if n == "c":
                antal_celler += 1
                if antal_celler > maks_celler:
                    raise for_stort(fil, f"{hvad} har mere end {antal(maks_celler)} celler")
                ref = attr.get("r")
                k = _kolonne(ref) if ref else kol + 1
                if k <= kol or k > maks_kol:
                    raise beskadiget(fil, f"{hvad} har en celle uden for sin plads (række {raekke})")
                kol = k
                typ = attr.get("t", "n")
                stil = attr.get("s")
                formel = False
                vaerdi = None
            elif n == "v":
                saml = True
                buf.clear()
                blen = 0
            elif n == "row":
                r = attr.get("r")
                try:
                    nr = int(r) if r else raekke + 1
                except ValueError:
                    raise beskadiget(fil, f"{hvad} har et ugyldigt rækkenummer") from None
                if nr <= raekke or nr > g.sidste_raekke:
                    raise beskadiget(fil, f"{hvad} har rækkerne i forkert rækkefølge (række {nr})")
                raekke = nr
                kol = 0
                celler = {}
                skjult = attr.get("hidden") in ("1", "true")
            elif n == "f":
                formel = True
                if attr.get("t") in ("array", "dataTable") and len(omraader) < _MAKS_FORMELOMRAADER:
                    # one formula whose results fill a range: the other cells hold only their value
                    dele = attr.get("ref", "").split(":")
                    a, b = _REF.fullmatch(dele[0]), _REF.fullmatch(dele[-1])
                    if a and b and len(dele) <= 2:
                        omraader.append((_kolonne(a.group(1).upper()), int(a.group(2)),
                                         _kolonne(b.group(1).upper()), int(b.group(2))))
            elif n == "is":
                i_is = True
                buf.clear()
                blen = 0
            elif n == "t":
                saml = i_is and not rph
            elif n == "rPh":
                rph += 1
            elif n == "col":
                antal_kol[0] += 1
                if antal_kol[0] > maks_kol:
                    raise beskadiget(fil, f"{hvad} beskriver flere kolonner, end et ark kan have")
                if attr.get("hidden") in ("1", "true"):
                    try:
                        skjulte_kol.append((int(attr.get("min", "0")), int(attr.get("max", "0"))))
                    except ValueError:
                        raise beskadiget(fil, f"{hvad} har en ugyldig kolonnebeskrivelse") from None
            elif n == "mergeCell":
                if len(flettede) >= g.flettede:
                    raise for_stort(fil, f"{hvad} har mere end {antal(g.flettede)} flettede områder")
                flettede.append(_omraade(attr.get("ref", ""), fil, hvad))

        def slut(n: str) -> None:
            nonlocal vaerdi, saml, i_is, rph, sidste_kol
            dybde[0] -= 1
            if ":" in n:
                n = _lokal(n)
            if n == "v":
                vaerdi = "".join(buf)
                saml = False
            elif n == "c":
                if kolonner is None or kol in kolonner:
                    try:
                        v = _vaerdi(typ, vaerdi, formel, stil, delte, datoer, procenter)
                    except _UkendtFaellesTekst:
                        raise beskadiget(fil, f"{hvad} henviser i celle {_bogstav(kol)}{raekke} til en fælles "
                                              "tekst, der ikke findes") from None
                    if v is not None:
                        celler[kol] = v
                        if formel and v is not FORMEL_UDEN_VAERDI:
                            formler.append((raekke, kol))
                i_is = False
            elif n == "row":
                if celler:
                    raekker.append((raekke, celler))
                    if skjult:
                        skjulte.append(raekke)
                    if kol > sidste_kol:
                        sidste_kol = max(sidste_kol, max(celler))
                    if maks_raekker is not None and len(raekker) >= maks_raekker:
                        raise _Stop
                    if len(raekker) > maks_r:
                        raise for_stort(fil, f"{hvad} har mere end {antal(maks_r)} rækker med indhold")
            elif n == "is":
                vaerdi = "".join(buf)
                i_is = False
            elif n == "t":
                saml = False
            elif n == "rPh":
                rph -= 1

        def tekst(data: str) -> None:
            nonlocal blen
            if saml:
                blen += len(data)
                if blen > maks_tegn:
                    raise for_stort(fil, f"en celle i {hvad} har mere end {antal(maks_tegn)} tegn, som er det "
                                         "højeste, en celle i Excel kan have")
                buf.append(data)

        self._parse(self._ark[navn], hvad, g.xml_bytes, start, slut, tekst, dybde)
        if omraader:
            formler += _i_omraader(raekker, omraader)
        return Ark(navn=navn, raekker=raekker, flettede=tuple(flettede), kolonner=sidste_kol, skjulte=frozenset(skjulte),
                   formler=frozenset(formler),
                   skjulte_kolonner=tuple(skjulte_kol),
                   komplet=maks_raekker is None or len(raekker) < maks_raekker, kilde=self.navn)

    def luk(self) -> None:
        if self._zip is not None:
            self._zip.close()
            self._zip = None
        if self._fh is not None:
            self._fh.close()
            self._fh = None

    def __enter__(self) -> "Projektmappe":
        return self

    def __exit__(self, *exc: object) -> None:
        self.luk()


_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")
_MAKS_FORMELOMRAADER = 10_000  # array formulas remembered: beyond, their other cells are not marked


def _i_omraader(raekker: list[tuple[int, dict[int, Any]]], omraader: list[tuple[int, int, int, int]]
                ) -> list[tuple[int, int]]:
    """(row, column) of the cells read that lie in an array formula's range (its value is the
    formula's, though only the range's first cell holds the formula). Per column, the ranges'
    rows as sorted intervals, and each cell looked up by bisection: linear in cells and ranges."""
    from bisect import bisect_left, bisect_right

    pr_kol: dict[int, list[tuple[int, int]]] = {}
    kolonner = sorted({k for _, celler in raekker for k in celler})
    par = 0  # (range, column) pairs: bounded, as a hostile file may have 10.000 ranges over every column
    for c1, r1, c2, r2 in omraader:
        for k in kolonner[bisect_left(kolonner, min(c1, c2)):bisect_right(kolonner, max(c1, c2))]:
            pr_kol.setdefault(k, []).append((min(r1, r2), max(r1, r2)))
            par += 1
        if par > 200_000:
            break
    starter: dict[int, tuple[list[int], list[int]]] = {}
    for k, iv in pr_kol.items():
        iv.sort()
        s_, e_ = [iv[0][0]], [iv[0][1]]
        for a, b in iv[1:]:
            if a <= e_[-1] + 1:
                e_[-1] = max(e_[-1], b)
            else:
                s_.append(a)
                e_.append(b)
        starter[k] = (s_, e_)
    ud = []
    for nr, celler in raekker:
        for k, v in celler.items():
            se = starter.get(k)
            if se is not None and v is not FORMEL_UDEN_VAERDI:
                i = bisect_right(se[0], nr) - 1
                if i >= 0 and nr <= se[1][i]:
                    ud.append((nr, k))
    return ud


def _omraade(ref: str, fil: str, hvad: str) -> tuple[int, int, int, int]:
    dele = ref.split(":")
    a = _REF.fullmatch(dele[0]) if dele else None
    b = _REF.fullmatch(dele[-1]) if dele else None
    if a is None or b is None or len(dele) > 2:
        raise beskadiget(fil, f"{hvad} har et ugyldigt flettet område")
    return (_kolonne(a.group(1).upper()), int(a.group(2)), _kolonne(b.group(1).upper()), int(b.group(2)))


def _vaerdi(t: str, v: str | None, formel: bool, s: str | None, delte: list[str], datoer: set[int],
            procenter: set[int] = frozenset()) -> Any:
    if t == "s":
        if v is None or v == "":  # (a formula's result is never a shared text; a program may still say so)
            return FORMEL_UDEN_VAERDI if formel else None
        # only ASCII digits: int() reads '-1' (Python's last element), ' 3', '1_0' and '٣' too
        if v.isdigit() and v.isascii() and len(v) < 10 and int(v) < len(delte):
            return delte[int(v)]
        raise _UkendtFaellesTekst
    if v is None or v == "":
        return FORMEL_UDEN_VAERDI if formel else None
    if t == "n":
        if s is not None and (datoer or procenter):
            try:
                if int(s) in datoer:
                    return Dato(v)
                if int(s) in procenter:
                    return Procent(v)
            except ValueError:
                pass
        return Tal(v)
    if t in ("str", "inlineStr"):
        return v
    if t == "b":
        return v.strip() in ("1", "true")
    if t == "e":
        return Fejlvaerdi(v)
    if t == "d":
        return Dato(v)
    return v


def ark_navne(sti: Path | str, graenser: Graenser = STANDARD) -> list[str]:
    with Projektmappe(sti, graenser) as pm:
        return pm.ark_navne
