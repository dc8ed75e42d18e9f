"""Import of a budget from the finance system as Excel (.xlsx): preview first, then one transaction.

The user names the sheet and the columns (kontonummer/art, tekst, beløb, optionally tilbud).
`forhaandsvis` reads the sheet (openpyxl, read-only, cached values) and proposes an
omkostningskategori for each line from the kontoplan (importers/kontoplan.py), with totals,
without writing anything. Bad cells (text in an amount, merged cells, formulas without a cached
value, error values), an empty sheet or too many rows raise ExcelFejl naming sheet, row and
column. `importer` then writes the previewed lines into a .takst file in one transaction.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from takstberegner import dansk
from takstberegner.domain import aendringer as ae
from takstberegner.domain import model as m
from takstberegner.formats.fejl import InputError
from takstberegner.importers.kontoplan import IGNORER, OEVRIG_INDTAEGT, Kontoplan, art_af, laes_kontoplan

MAKS_RAEKKER = 60_000
MAKS_FEJL = 50


@dataclass(frozen=True)
class CelleFejl:
    ark: str
    raekke: int
    kolonne: str  # "C", or "" for the whole row/sheet
    besked: str

    def __str__(self) -> str:
        sted = f"Arket '{self.ark}'"
        if self.raekke:
            sted += f", række {self.raekke}"
        if self.kolonne:
            sted += f", kolonne {self.kolonne}"
        return f"{sted}: {self.besked}"


class ExcelFejl(InputError):
    """One or more bad cells; nothing has been imported. .fejl lists them all (up to MAKS_FEJL)."""

    def __init__(self, fejl: list[CelleFejl]):
        self.fejl = tuple(fejl)
        f0 = fejl[0]
        sti = f"{f0.ark}!{f0.kolonne}{f0.raekke}" if f0.raekke else f0.ark
        linjer = [str(f) if str(f).endswith(".") else f"{f}." for f in fejl[:10]]
        if len(fejl) > 10:
            linjer.append(f"... og {len(fejl) - 10} fejl mere.")
        besked = "\n".join(linjer)
        if len(fejl) > 1:
            besked = f"{len(fejl)} fejl i regnearket; intet er importeret:\n" + besked
        else:
            besked += " Intet er importeret."
        super().__init__("", besked)
        self.sti = sti


@dataclass(frozen=True)
class BudgetLinje:
    raekke: int
    konto: str
    art: str
    tekst: str
    beloeb: Decimal  # as in the finance system (income negative)
    tilbud_id: str
    kategori: str  # one of the eight, or "oevrig_indtaegt"
    post: str

    def element(self) -> tuple[str, Any]:
        """(samling, record) to add to the tilbud."""
        tekst = f"{self.konto} {self.tekst}".strip()
        if self.kategori == OEVRIG_INDTAEGT:
            return "oevrige_indtaegter", m.OevrigIndtaegt(post=self.tekst or self.post, beloeb=-self.beloeb)
        return "omkostninger", m.Omkostningslinje(kategori=self.kategori, post=self.post, beloeb=self.beloeb,
                                                  tekst=tekst)


@dataclass(frozen=True)
class Forhaandsvisning:
    ark: str
    linjer: tuple[BudgetLinje, ...]
    sprunget_over: tuple[tuple[int, str], ...]  # (row, why) of rows that are not imported
    totaler: dict[str, Decimal] = field(default_factory=dict)  # kategori -> sum (over all tilbud)
    totaler_pr_tilbud: dict[tuple[str, str], Decimal] = field(default_factory=dict)

    def aendringer(self) -> list[ae.TilfoejElement]:
        ud = []
        for x in self.linjer:
            samling, element = x.element()
            ud.append(ae.TilfoejElement(x.tilbud_id, samling, element))
        return ud

    def tekst(self) -> str:
        """The preview as Danish text (for the command line)."""
        linjer = [f"Ark '{self.ark}': {dansk.tal(len(self.linjer), 0)} linjer importeres, "
                  f"{dansk.tal(len(self.sprunget_over), 0)} springes over."]
        for x in self.linjer[:20]:
            linjer.append(f"  række {x.raekke:>6}  {x.konto:<14} {x.tekst[:34]:<34} {dansk.kr(x.beloeb):>20}  "
                          f"-> {x.tilbud_id} / {x.kategori}")
        if len(self.linjer) > 20:
            linjer.append(f"  ... og {dansk.tal(len(self.linjer) - 20, 0)} linjer mere")
        linjer.append("Total pr. kategori:")
        for k, v in self.totaler.items():
            navn = m.KATEGORI_NAVNE.get(k, "Øvrige indtægter (gemmes med modsat fortegn)" if k == OEVRIG_INDTAEGT
                                        else k)
            linjer.append(f"  {navn:<52} {dansk.kr(v):>20}")
        linjer.append(f"  {'I alt (som i regnearket)':<52} {dansk.kr(sum(self.totaler.values(), Decimal(0))):>20}")
        for raekke, grund in self.sprunget_over[:20]:
            linjer.append(f"  springes over: række {raekke}: {grund}")
        if len(self.sprunget_over) > 20:
            linjer.append(f"  ... og {len(self.sprunget_over) - 20} rækker mere springes over")
        return "\n".join(linjer)


_KOL = re.compile(r"^[A-Z]{1,3}$")


def _kolonne_nr(bogstav: str, hvad: str) -> int:
    s = (bogstav or "").strip().upper()
    if not _KOL.match(s):
        raise InputError(hvad, f"'{bogstav}' er ikke et kolonnebogstav (fx A, B eller AA)")
    n = 0
    for ch in s:
        n = n * 26 + ord(ch) - 64
    if n > 16384:
        raise InputError(hvad, f"kolonnen '{bogstav}' findes ikke i Excel")
    return n


def _bogstav(n: int) -> str:
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


_CELLE = re.compile(r"([A-Z]+)(\d+)")


def _omraade(ref: str) -> tuple[int, int, int, int]:
    dele = ref.split(":")
    a = _CELLE.fullmatch(dele[0])
    b = _CELLE.fullmatch(dele[-1])
    return (_kolonne_nr(a.group(1), ""), int(a.group(2)), _kolonne_nr(b.group(1), ""), int(b.group(2)))


_FLET = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+\d+(?::[A-Z]+\d+)?)"')
_FORMEL_UDEN_VAERDI = re.compile(
    rb'<(?:\w+:)?c\s+r="([A-Z]+)(\d+)"[^>]*>\s*<(?:\w+:)?f(?:\s[^>]*)?(?:/>|>[^<]*</(?:\w+:)?f>)'
    rb'\s*(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>')


def _xml_fund(wb: Any, ws: Any) -> tuple[list[str], set[tuple[str, int]]]:
    """Merged ranges and formula cells without a cached value, from the sheet's XML."""
    try:
        data = wb._archive.read(ws._worksheet_path)
    except (AttributeError, KeyError):
        return [], set()
    fletninger = [x.decode() for x in _FLET.findall(data)]
    formler = {(k.decode(), int(r)) for k, r in _FORMEL_UDEN_VAERDI.findall(data)}
    return fletninger, formler


def _beloeb(v: Any) -> Decimal:
    """An amount cell as an exact Decimal; ValueError with a Danish reason."""
    if isinstance(v, bool):
        raise ValueError(f"værdien {'SAND' if v else 'FALSK'} er ikke et beløb")
    if isinstance(v, int):
        return Decimal(v)
    if isinstance(v, float):
        if v != v or v in (float("inf"), float("-inf")):  # float-ok: Excel cells arrive as doubles
            raise ValueError("værdien er ikke et tal")
        return Decimal(repr(v))  # the shortest decimal that is this double: 96.25 -> 96.25
    if isinstance(v, (datetime, date, time)):
        raise ValueError("cellen indeholder en dato, ikke et beløb")
    if isinstance(v, str):
        s = v.strip()
        if s.startswith("#"):
            raise ValueError(f"cellen viser fejlen {s}; ret formlen i Excel")
        try:
            return dansk.laes_tal(s)
        except (ValueError, InvalidOperation):
            raise ValueError(f"teksten '{s[:40]}' er ikke et beløb") from None
    raise ValueError(f"værdien {v!r} er ikke et beløb")


def _tekst(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def forhaandsvis(
    sti: Path | str,
    ark: str,
    konto: str,
    tekst: str | None,
    beloeb: str,
    grundlag: m.Takstgrundlag,
    tilbud: str | None = None,
    tilbud_id: str | None = None,
    kontoplan: Kontoplan | None = None,
    fra_raekke: int | None = None,
    maks_raekker: int = MAKS_RAEKKER,
) -> Forhaandsvisning:
    """Read and check the sheet; the lines that would be imported, with kategori and totals.

    `tilbud` is the column naming each line's tilbud (its id, tilbudsportal-id or name);
    `tilbud_id` the tilbud for all lines (or for lines with an empty tilbud cell).
    `fra_raekke`: first data row (1-based); by default the row after a heading row, if any.
    """
    import openpyxl  # heavy: only when importing
    from openpyxl.utils.exceptions import InvalidFileException

    p = Path(sti)
    k_konto = _kolonne_nr(konto, "--konto")
    k_tekst = _kolonne_nr(tekst, "--tekst") if tekst else None
    k_beloeb = _kolonne_nr(beloeb, "--beloeb")
    k_tilbud = _kolonne_nr(tilbud, "--tilbud") if tilbud else None
    if tilbud_id is not None and tilbud_id not in {t.id for t in grundlag.tilbud}:
        raise InputError("--tilbud-id", f"tilbuddet '{tilbud_id}' findes ikke i takstfilen; "
                                        f"der er: {', '.join(t.id for t in grundlag.tilbud) or 'ingen'}")
    if k_tilbud is None and tilbud_id is None:
        if len(grundlag.tilbud) == 1:
            tilbud_id = grundlag.tilbud[0].id
        else:
            raise InputError("--tilbud", "angiv hvilken kolonne der siger, hvilket tilbud en linje hører til, "
                                         "eller ét tilbud til alle linjer (--tilbud-id)")
    kontoplan = kontoplan or laes_kontoplan()
    opslag: dict[str, str] = {}
    for t in grundlag.tilbud:
        for n in (t.navn, t.tilbudsportal_id, t.id):
            if n:
                opslag[n.strip().casefold()] = t.id
    try:
        wb = openpyxl.load_workbook(p, read_only=True, data_only=True)
    except FileNotFoundError:
        raise InputError("", f"filen {p} findes ikke") from None
    except (InvalidFileException, OSError, KeyError, ValueError) as e:
        raise InputError("", f"filen {p.name} kan ikke læses som et Excel-regneark (.xlsx): {e}") from None
    except Exception as e:  # zipfile.BadZipFile and friends from a damaged file
        raise InputError("", f"filen {p.name} er ikke et gyldigt Excel-regneark (.xlsx): {e}") from None
    try:
        if ark not in wb.sheetnames:
            raise InputError("--ark", f"arket '{ark}' findes ikke i {p.name}; arkene hedder: "
                                      f"{', '.join(repr(n) for n in wb.sheetnames)}")
        ws = wb[ark]
        return _laes_ark(wb, ws, ark, k_konto, k_tekst, k_beloeb, k_tilbud, tilbud_id, opslag, kontoplan,
                         fra_raekke, maks_raekker)
    finally:
        wb.close()


def _laes_ark(wb, ws, ark, k_konto, k_tekst, k_beloeb, k_tilbud, tilbud_id, opslag, kontoplan, fra_raekke,
              maks_raekker) -> Forhaandsvisning:
    fejl: list[CelleFejl] = []
    kol_beloeb = _bogstav(k_beloeb)
    max_row = ws.max_row
    if max_row is not None and max_row > maks_raekker + (fra_raekke or 1) + 10:
        raise ExcelFejl([CelleFejl(ark, max_row, "",
                                   f"der er {dansk.tal(max_row, 0)} rækker; der kan højst importeres "
                                   f"{dansk.tal(maks_raekker, 0)}. Del budgettet op, eller fjern tomme rækker")])
    fletninger, formler = _xml_fund(wb, ws)
    brugte = {k for k in (k_konto, k_tekst, k_beloeb, k_tilbud) if k}
    max_col = max(brugte)
    linjer: list[BudgetLinje] = []
    sprunget: list[tuple[int, str]] = []
    start = fra_raekke
    antal = 0
    for nr, raekke in enumerate(ws.iter_rows(min_row=1, max_col=max_col, values_only=True), start=1):
        if len(fejl) >= MAKS_FEJL:
            break
        celle = {k: (raekke[k - 1] if k - 1 < len(raekke) else None) for k in brugte}
        v_beloeb = celle[k_beloeb]
        if start is None:  # before the first data row: titles and a heading row are skipped
            if v_beloeb is None and (kol_beloeb, nr) not in formler:
                continue
            if v_beloeb is not None and art_af(celle[k_konto]) is None:
                try:
                    _beloeb(v_beloeb)
                except ValueError:
                    if isinstance(v_beloeb, str) and not v_beloeb.strip().startswith("#"):
                        start = nr + 1  # the heading ("Konto", "Tekst", "Beløb")
                        continue
            start = nr
        if nr < start:
            continue
        antal += 1
        if antal > maks_raekker:
            fejl.append(CelleFejl(ark, nr, "", f"der er flere end {dansk.tal(maks_raekker, 0)} rækker med data; "
                                               "del budgettet op"))
            break
        v_konto = celle[k_konto]
        if v_beloeb is None:
            if (kol_beloeb, nr) in formler:
                fejl.append(CelleFejl(ark, nr, kol_beloeb, "formlen i cellen har ingen gemt værdi. Åbn filen i "
                                                           "Excel, og gem den igen, så resultatet gemmes med"))
            elif v_konto is not None:
                sprunget.append((nr, "intet beløb"))
            continue
        try:
            b = _beloeb(v_beloeb)
        except ValueError as e:
            fejl.append(CelleFejl(ark, nr, kol_beloeb, str(e)))
            continue
        if v_konto is None:
            sprunget.append((nr, f"beløb {dansk.kr(b)} uden konto (sumlinje?)"))
            continue
        art = art_af(v_konto)
        mapping = kontoplan.slaa_op(art)
        if mapping is None:
            fejl.append(CelleFejl(ark, nr, _bogstav(k_konto),
                                  f"'{_tekst(v_konto)[:30]}' indeholder ingen art, som kontoplanen kender"))
            continue
        if mapping.kategori == IGNORER:
            sprunget.append((nr, f"art {art} ({mapping.navn}) indgår ikke i takstgrundlaget"))
            continue
        tid = tilbud_id
        if k_tilbud is not None:
            v_t = _tekst(celle[k_tilbud])
            if v_t:
                tid = opslag.get(v_t.casefold())
                if tid is None:
                    fejl.append(CelleFejl(ark, nr, _bogstav(k_tilbud),
                                          f"tilbuddet '{v_t[:40]}' findes ikke i takstfilen"))
                    continue
            elif tid is None:
                fejl.append(CelleFejl(ark, nr, _bogstav(k_tilbud), "tilbuddet mangler"))
                continue
        linjer.append(BudgetLinje(raekke=nr, konto=_tekst(v_konto), art=art, tekst=_tekst(celle[k_tekst]) if k_tekst else "",
                                  beloeb=b, tilbud_id=tid, kategori=mapping.kategori, post=mapping.post))
    if start is not None:
        for ref in fletninger:
            c1, r1, c2, r2 = _omraade(ref)
            if r2 >= start and any(c1 <= k <= c2 for k in brugte):
                fejl.append(CelleFejl(ark, max(r1, start), _bogstav(max(c1, min(brugte))),
                                      f"cellerne {ref} er flettet; ophæv fletningen i Excel, så hver linje har "
                                      "sine egne celler"))
    if fejl:
        fejl.sort(key=lambda f: (f.raekke, f.kolonne))
        raise ExcelFejl(fejl)
    if not linjer:
        raise ExcelFejl([CelleFejl(ark, 0, "", "der er ingen budgetlinjer (kontonummer og beløb) i de "
                                               "valgte kolonner")])
    totaler: dict[str, Decimal] = {}
    pr_tilbud: dict[tuple[str, str], Decimal] = {}
    for x in linjer:
        totaler[x.kategori] = totaler.get(x.kategori, Decimal(0)) + x.beloeb
        pr_tilbud[(x.tilbud_id, x.kategori)] = pr_tilbud.get((x.tilbud_id, x.kategori), Decimal(0)) + x.beloeb
    orden = {k: i for i, k in enumerate(m.KATEGORIER + (OEVRIG_INDTAEGT,))}
    totaler = dict(sorted(totaler.items(), key=lambda kv: orden[kv[0]]))
    return Forhaandsvisning(ark=ark, linjer=tuple(linjer), sprunget_over=tuple(sprunget), totaler=totaler,
                            totaler_pr_tilbud=pr_tilbud)


def importer(takstfil: Any, forhaandsvisning: Forhaandsvisning) -> m.Takstgrundlag:
    """Write the previewed lines into an open TakstFil, in one transaction (all or nothing)."""
    return takstfil.anvend_alle(forhaandsvisning.aendringer())
