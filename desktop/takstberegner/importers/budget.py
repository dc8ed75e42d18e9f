"""An imported budget (SA 5.5.1, tabel 4): the lines read from a sheet, each with a kategori the
user can change, replacing or adding to a tilbud's budget, the totals before and after, and the
one validation every door runs before anything is saved.

Pure: no Qt and no file I/O. The readers (xlsx_laeser, csv_laeser) give an `Ark`; `laes_linjer`
turns the chosen columns into `BudgetLinje`s with the kontoplan's proposal; the app and the
command line show the `Forhaandsvisning`, and `aendringer` gives the edits that are saved in one
transaction and undone as one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from takstberegner import dansk
from takstberegner.domain import aendringer as ae
from takstberegner.domain import model as m
from takstberegner.domain import navne, usynlige_tegn
from takstberegner.formats.fejl import InputError
from takstberegner.formats.laeser import MAKS_DECIMALER, urimelig
from takstberegner.importers.ark import (FORMEL_UDEN_VAERDI, Ark, Dato, Fejlvaerdi, Kolonnevalg, Procent, Tal, bogstav,
                                        procent_tekst)
from takstberegner.importers.kontoplan import IGNORER, OEVRIG_INDTAEGT, Kontoplan, art_af

ERSTAT = "erstat"
TILFOEJ = "tilfoej"
MAADER = {ERSTAT: "Erstat tilbuddets budget", TILFOEJ: "Tilføj til det nuværende budget"}
UVALGT = ""  # a line whose art the kontoplan does not know: the user chooses its kategori
KATEGORI_VALG: tuple[str, ...] = m.KATEGORIER + (OEVRIG_INDTAEGT, IGNORER)
MAKS_BELOEB = Decimal(10) ** 12  # 1.000 milliarder kr.
MAKS_FEJL = 50


# ---- bad cells ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class CelleFejl:
    ark: str
    raekke: int
    kolonne: str  # "C", or "" for the whole row/sheet
    besked: str

    def __str__(self) -> str:
        sted = f"Arket '{usynlige_tegn.synlig(self.ark)}'"
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


# ---- one line ----------------------------------------------------------------------------------

def kategori_navn(kategori: str) -> str:
    return navne.IMPORT_KATEGORIER.get(kategori, "Vælg kategori") if kategori else "Vælg kategori"


@dataclass(frozen=True)
class BudgetLinje:
    raekke: int
    konto: str
    art: str | None
    tekst: str
    beloeb: Decimal  # as in the finance system (income negative)
    tilbud_id: str
    kategori: str  # one of KATEGORI_VALG, or UVALGT
    post: str
    vagtlag: bool = False
    del_: str | None = None  # None: from vagtlag
    forslag: str = ""  # what the kontoplan calls the art ("Fødevarer"), for the preview
    formel: str = ""  # the amount's cell ('C6') when a formula in the sheet gave it, for the preview

    @property
    def importeres(self) -> bool:
        return self.kategori not in (IGNORER, UVALGT)

    @cached_property
    def element(self) -> tuple[str, Any]:
        """(samling, record) to add to the tilbud (made once: an import of 50.000 lines asks often)."""
        if self.kategori == OEVRIG_INDTAEGT:
            return "oevrige_indtaegter", m.OevrigIndtaegt(post=self.tekst or self.post, beloeb=-self.beloeb)
        tekst = f"{self.konto} {self.tekst}".strip()
        return "omkostninger", m.Omkostningslinje(kategori=self.kategori, post=self.post, beloeb=self.beloeb,
                                                  vagtlag=self.vagtlag, del_=self.del_, tekst=tekst)

    def med(self, **felter: Any) -> "BudgetLinje":
        """The line with the user's choice of kategori, post, vagtlag or del (checked)."""
        if "kategori" in felter:
            k = felter["kategori"]
            if k not in KATEGORI_VALG:
                raise ValueError(f"ukendt kategori {k!r}")
            if "post" not in felter:
                poster = dict(navne.poster_for(k))
                if poster:
                    felter["post"] = self.post if self.post in poster else next(iter(poster))
                elif not self.post:
                    felter["post"] = "indtaegter" if k == OEVRIG_INDTAEGT else k
        if "del_" in felter and felter["del_"] not in (None,) + m.DELE:
            raise ValueError(f"ukendt del {felter['del_']!r}")
        if "post" in felter and not str(felter["post"] or "").strip():
            raise ValueError("posten må ikke være tom")
        ukendte = set(felter) - {"kategori", "post", "vagtlag", "del_"}
        if ukendte:
            raise ValueError(f"kan ikke ændres: {', '.join(sorted(ukendte))}")
        return replace(self, **felter)


# ---- the preview -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Sammenligning:
    """One row of the totals before and after the import, for one tilbud."""

    tilbud: str  # the tilbud's name
    hvad: str  # Danish: a kategori's name, "Øvrige indtægter", "I alt, netto", "Antal linjer"
    foer: Decimal
    efter: Decimal

    @property
    def forskel(self) -> Decimal:
        return self.efter - self.foer


@dataclass(frozen=True)
class Forhaandsvisning:
    ark: str
    linjer: tuple[BudgetLinje, ...]  # every row with a konto and an amount, also those not imported
    sprunget_over: tuple[tuple[int, str], ...] = ()  # (row, why) of rows that are not budget lines
    kilde: str = ""  # the file's name
    kolonner: tuple[tuple[str, str], ...] = ()  # (role in Danish, 'C (Beløb)') of the columns read, for the text
    noter: tuple[str, ...] = ()  # what the import changed in the texts (Danish), shown before anything is saved

    def med_linje(self, i: int, **felter: Any) -> "Forhaandsvisning":
        linjer = list(self.linjer)
        linjer[i] = linjer[i].med(**felter)
        return replace(self, linjer=tuple(linjer))

    @property
    def importerede(self) -> tuple[BudgetLinje, ...]:
        return tuple(x for x in self.linjer if x.importeres)

    @property
    def totaler(self) -> dict[str, Decimal]:
        """kategori -> sum of the lines imported (as in the sheet: income negative), in tabel 4's order."""
        ud: dict[str, Decimal] = {}
        for x in self.importerede:
            ud[x.kategori] = ud.get(x.kategori, Decimal(0)) + x.beloeb
        orden = {k: i for i, k in enumerate(KATEGORI_VALG)}
        return dict(sorted(ud.items(), key=lambda kv: orden[kv[0]]))

    def tilbud_ids(self) -> tuple[str, ...]:
        """The tilbud the import is for, in the order they first appear."""
        return tuple(dict.fromkeys(x.tilbud_id for x in self.linjer))

    def problemer(self) -> list[str]:
        """What must be chosen before the lines can be imported (Danish, one per line)."""
        return [f"Række {x.raekke}: kontoplanen kender ikke kontoen '{x.konto[:30]}'; vælg en kategori."
                for x in self.linjer if x.kategori == UVALGT]

    # -- what the import does to the takstgrundlag
    def aendringer(self, grundlag: m.Takstgrundlag, maade: str = ERSTAT) -> list[ae.Aendring]:
        """The edits, in one list (saved in one transaction, undone as one): with ERSTAT first the
        tilbud's present budget lines and øvrige indtægter are removed (one step each), then the
        imported lines are added."""
        if maade not in MAADER:
            raise ValueError(f"ukendt måde {maade!r}")
        ud: list[ae.Aendring] = []
        if maade == ERSTAT:
            for tid in self.tilbud_ids():
                t = _tilbud(grundlag, tid)
                for samling in ("omkostninger", "oevrige_indtaegter"):
                    if getattr(t, samling):
                        ud.append(ae.SletSidste(tid, samling, len(getattr(t, samling))))
        for x in self.importerede:
            samling, element = x.element
            ud.append(ae.TilfoejElement(x.tilbud_id, samling, element))
        return ud

    def efter(self, grundlag: m.Takstgrundlag, maade: str = ERSTAT) -> m.Takstgrundlag:
        """The takstgrundlag after the import (built at once, in linear time)."""
        nye: dict[str, dict[str, list]] = {}
        for x in self.importerede:
            samling, element = x.element
            nye.setdefault(x.tilbud_id, {"omkostninger": [], "oevrige_indtaegter": []})[samling].append(element)
        tilbud = []
        for t in grundlag.tilbud:
            if t.id in self.tilbud_ids():
                n = nye.get(t.id, {"omkostninger": [], "oevrige_indtaegter": []})
                gamle_o = () if maade == ERSTAT else t.omkostninger
                gamle_i = () if maade == ERSTAT else t.oevrige_indtaegter
                t = replace(t, omkostninger=gamle_o + tuple(n["omkostninger"]),
                            oevrige_indtaegter=gamle_i + tuple(n["oevrige_indtaegter"]))
            tilbud.append(t)
        return replace(grundlag, tilbud=tuple(tilbud))

    def sammenligning(self, grundlag: m.Takstgrundlag, maade: str = ERSTAT) -> list[Sammenligning]:
        """Per tilbud: the budget per kategori, the øvrige indtægter, the net total and the number of
        lines, before and after the import."""
        efter = self.efter(grundlag, maade)
        ud: list[Sammenligning] = []
        for tid in self.tilbud_ids():
            t0, t1 = _tilbud(grundlag, tid), _tilbud(efter, tid)
            s0, s1 = _summer(t0), _summer(t1)
            for k in m.KATEGORIER:
                if s0[k] or s1[k]:
                    ud.append(Sammenligning(t0.navn, navne.OMKOSTNINGSKATEGORIER[k], s0[k], s1[k]))
            ud.append(Sammenligning(t0.navn, navne.IMPORT_KATEGORIER[OEVRIG_INDTAEGT], s0["indtaegter"],
                                    s1["indtaegter"]))
            ud.append(Sammenligning(t0.navn, "I alt, netto (omkostninger minus øvrige indtægter)", s0["netto"],
                                    s1["netto"]))
            ud.append(Sammenligning(t0.navn, "Antal linjer", Decimal(s0["antal"]), Decimal(s1["antal"])))
        return ud

    def tekst(self, grundlag: m.Takstgrundlag | None = None, maade: str = ERSTAT) -> str:
        """The preview as Danish text (for the command line)."""
        navn = {t.id: t.navn for t in grundlag.tilbud} if grundlag is not None else {}
        ikke = len(self.linjer) - len(self.importerede)
        ud = [f"Ark '{usynlige_tegn.synlig(self.ark)}': {_antal(len(self.importerede), 'linje', 'linjer')} importeres, "
              f"{_antal(ikke, 'linje', 'linjer')} importeres ikke, "
              f"{_antal(len(self.sprunget_over), 'række', 'rækker')} springes over."]
        if self.kolonner:
            ud.append("Kolonner: " + ", ".join(f"{rolle} i {usynlige_tegn.synlig(k)}" for rolle, k in self.kolonner) + ".")
        ud.extend(self.noter)
        for x in self.linjer[:20]:
            ud.append(f"  række {x.raekke:>6}  {x.konto[:18]:<18} {x.tekst[:30]:<30} {dansk.kr(x.beloeb):>20}"
                      f"{' (formel)' if x.formel else '':<9}  -> {navn.get(x.tilbud_id, x.tilbud_id)} / "
                      f"{kategori_navn(x.kategori)}")
        if len(self.linjer) > 20:
            ud.append(f"  ... og {dansk.tal(len(self.linjer) - 20, 0)} linjer mere")
        ud.append("Total pr. kategori (som i regnearket):")
        for k, v in self.totaler.items():
            tekst = kategori_navn(k) + (" (gemmes med modsat fortegn)" if k == OEVRIG_INDTAEGT else "")
            ud.append(f"  {tekst:<52} {dansk.kr(v):>20}")
        ud.append(f"  {'I alt':<52} {dansk.kr(sum(self.totaler.values(), Decimal(0))):>20}")
        for raekke, grund in self.sprunget_over[:20]:
            ud.append(f"  springes over: række {raekke}: {grund}")
        if len(self.sprunget_over) > 20:
            ud.append(f"  ... og {len(self.sprunget_over) - 20} rækker mere springes over")
        if grundlag is not None:
            ud.append(f"{MAADER[maade]} — før og efter:")
            for s in self.sammenligning(grundlag, maade):
                tal = (lambda d: dansk.tal(d, 0)) if s.hvad == "Antal linjer" else dansk.kr
                ud.append(f"  {s.tilbud[:24]:<24} {s.hvad[:50]:<50} {tal(s.foer):>18} {tal(s.efter):>18}")
        return "\n".join(ud)


def _antal(n: int, ental: str, flertal: str) -> str:
    return f"{dansk.tal(n, 0)} {ental if n == 1 else flertal}"


def _tilbud(grundlag: m.Takstgrundlag, tilbud_id: str) -> m.Tilbud:
    for t in grundlag.tilbud:
        if t.id == tilbud_id:
            return t
    raise InputError("tilbud", f"tilbuddet '{tilbud_id}' findes ikke i takstfilen")


def _summer(t: m.Tilbud) -> dict[str, Any]:
    s: dict[str, Any] = {k: Decimal(0) for k in m.KATEGORIER}
    for x in t.omkostninger:
        s[x.kategori] = s.get(x.kategori, Decimal(0)) + x.beloeb
    s["indtaegter"] = sum((x.beloeb for x in t.oevrige_indtaegter), Decimal(0))
    s["netto"] = sum((s[k] for k in m.KATEGORIER), Decimal(0)) - s["indtaegter"]
    s["antal"] = len(t.omkostninger) + len(t.oevrige_indtaegter)
    return s


# ---- the one validation ------------------------------------------------------------------------

def kontroller(foer: m.Takstgrundlag, efter: m.Takstgrundlag) -> list[str]:
    """What the domain's validation refuses in the takstgrundlag after the import and did not refuse
    before it, in Danish with the field named. Empty: the import may be saved."""
    try:
        from takstberegner.domain.validering import valider  # the one validation (kerne), once it is there
    except ImportError:
        valider = None
    if valider is not None:
        from takstberegner.formats.regelsaet import regelsaet_for

        rs = regelsaet_for(efter.takstaar)

        def fund(g: m.Takstgrundlag) -> list:
            return [f for f in valider(g, rs) if getattr(f, "niveau", "fejl") == "fejl"]

        gamle = {(f.kode, f.felt, f.tekst) for f in fund(foer)}
        return [f"{navne.felt_tekst(f.felt, efter)}: {f.tekst}" for f in fund(efter)
                if (f.kode, f.felt, f.tekst) not in gamle]
    # Until domain/validering.py lands: the takstgrundlag format's reader is the validation.
    from takstberegner.formats import takstgrundlag as tg_format

    def fejl(g: m.Takstgrundlag) -> tuple[str, str] | None:
        try:
            tg_format.laes_dict(tg_format.skriv_dict(g))
        except InputError as e:
            return (e.sti, e.besked)
        return None

    f1 = fejl(efter)
    if f1 is None or f1 == fejl(foer):
        return []
    return [f"{navne.felt_tekst(f1[0], efter)}: {f1[1]}"]


def kontroller_import(grundlag: m.Takstgrundlag, fv: "Forhaandsvisning", maade: str = ERSTAT) -> list[str]:
    """`kontroller` of the takstgrundlag after the import."""
    return kontroller(grundlag, fv.efter(grundlag, maade))


# ---- reading the lines from a sheet ------------------------------------------------------------

_TAL = re.compile(r"-?\d{1,20}(\.\d{1,20})?([eE][-+]?\d{1,3})?")
_KORT_TAL = re.compile(r"-?\d{1,12}(\.\d{0,10})?")
_TEKST_TAL = re.compile(r"[-−+]?[\d.,\s\u00a0]{1,40}(kr\.?)?")
# The shapes laes_tal reads that are a Danish amount: groups of three digits (1.234.567,89 or
# 1 234 567,89), no groups (1234567,89), or a decimal point without a comma (96.25). laes_tal drops
# every dot and space, so '1.234.5' or '1 2 3' would be another amount without a word.
_GRUPPERET = re.compile(r"[-−+]?\s*(\d{1,3}(\.\d{3})+|\d{1,3}([ \u00a0]\d{3})+|\d*)(,\d*)?\s*(kr\.?)?"
                        r"|[-−+]?\s*(\d+\.\d*|\.\d+)\s*(kr\.?)?")


def beloeb_af(v: Any) -> Decimal:
    """An amount cell as an exact Decimal; ValueError with a Danish reason.

    A number cell is read from its digits, rounded to Excel's 15 significant digits (a double like
    12500.499999999998 is the 12500,5 Excel shows); text is read the Danish way (1.234,56)."""
    if v is FORMEL_UDEN_VAERDI:
        raise ValueError("formlen i cellen har ingen gemt værdi. Åbn filen i Excel, og gem den igen, så "
                         "resultatet gemmes med")
    if isinstance(v, bool):
        raise ValueError(f"værdien {'SAND' if v else 'FALSK'} er ikke et beløb")
    if isinstance(v, Dato):
        # (a time of day is a date format too: h:mm shows 0,5 as 12:00)
        raise ValueError("cellen indeholder en dato eller et klokkeslæt, ikke et beløb")
    if isinstance(v, Fejlvaerdi):
        raise ValueError(f"cellen viser fejlen {v[:20]}; ret formlen i Excel")
    if isinstance(v, Procent):  # 50 % is the number 0,5: read as kroner it would be 0,50 kr.
        raise ValueError(f"cellen er formateret som procent (den viser {procent_tekst(v)[:40]}), men et beløb er i "
                         "kroner; importen læser ikke en procent som et beløb. Formatér cellen som tal i Excel, tjek "
                         "beløbet, og gem filen igen")
    if isinstance(v, Tal):
        if len(v) <= 13 and _KORT_TAL.fullmatch(v):  # the common case: at most 12 digits, no exponent
            return Decimal(v)
        if not _TAL.fullmatch(v):
            raise ValueError(f"tallet '{v[:40]}' kan ikke læses")
        d = Decimal(v)
        if d and d.adjusted() >= 12:
            raise ValueError(_FOR_STORT)
        if len(d.as_tuple().digits) > 15:
            d = d.quantize(Decimal(1).scaleb(d.adjusted() - 14), rounding=ROUND_HALF_UP).normalize()
        d = _uden_eksponent(d)
        if urimelig(d):  # the storage and every other door refuse it: saved, the file would not open
            raise ValueError(f"tallet '{v[:40]}' har mere end {MAKS_DECIMALER} decimaler; det kan ikke være et beløb")
    elif isinstance(v, str):
        s = v.strip()
        if s.startswith("#"):
            raise ValueError(f"cellen viser fejlen {s[:20]}; ret formlen i Excel")
        if not _TEKST_TAL.fullmatch(s):
            raise ValueError(f"teksten '{s[:40]}' er ikke et beløb")
        if not _GRUPPERET.fullmatch(s):
            raise ValueError(f"teksten '{s[:40]}' er ikke et beløb: punktum og mellemrum i et beløb deler det i "
                             "grupper på tre cifre (fx 1.234.567,89)")
        try:
            d = dansk.laes_tal(s)
        except (ValueError, InvalidOperation):
            raise ValueError(f"teksten '{s[:40]}' er ikke et beløb") from None
    else:
        raise ValueError("cellen er ikke et beløb")
    if abs(d) >= MAKS_BELOEB:
        raise ValueError(_FOR_STORT)
    return d


# A heading that says the amounts are in thousands or millions ('Budget (1.000 kr.)', 't.kr.', 'mio. kr.').
_I_TUSINDER = re.compile(r"1[.\s\u00a0]?000\s*kr|\bt\.?\s?kr\b|\btkr\b|\btusind|\bmio\b|\bmill?\b|\bmillion")

_FOR_STORT = "beløbet er på 1.000 milliarder kr. eller mere; det kan ikke være et budgetbeløb"


def _uden_eksponent(d: Decimal) -> Decimal:
    """1.5E+3 -> 1500; trailing zeros after the decimal point are kept as the file has them."""
    if d.as_tuple().exponent > 0:
        return d.quantize(Decimal(1))
    return d


def tekst(v: Any, maks: int = 500) -> str:
    """A text cell for the takstgrundlag: invisible characters removed, spaces folded, at most `maks`."""
    if v is None or v is FORMEL_UDEN_VAERDI:
        return ""
    if isinstance(v, Tal):
        s = str(v)
        if re.fullmatch(r"-?\d+\.0+", s):
            s = s.split(".")[0]
    else:
        s = str(v)
    if s.isprintable() and "  " not in s and s == s.strip():  # the common case, at C speed
        return s[:maks]
    # control and format characters (a direction override, a zero-width space; a cp1252 export read
    # as Latin-1 has U+0080-U+009F) removed, as the one validation refuses them in a text (domain/
    # usynlige_tegn); tab, line feed and the line separators become spaces
    s = " ".join(usynlige_tegn.rens(s).split())
    return s[:maks]


# ---- which sign a file's text amounts use before the decimals -----------------------------------
# '1.500' is 1.500 kr. the Danish way and 1,5 kr. the English way ('1,500' the other way round).
# Rule: such an amount is read the Danish way (as every other text amount) when the file shows that
# it is Danish: a ';'-separated CSV (Danish Excel's) or a workbook, or other amounts with a decimal
# comma or several groups (12,5; 1.234.567); it is refused when the file shows decimal points
# (96.25), or shows nothing (a ',' or tab separated file of whole amounts). Never guessed.
_TVETYDIG = re.compile(r"\d{1,3}[.,]\d{3}")
_KR_TIL_SLUT = re.compile(r"\s*(kr\.?)?\s*$")


def _decimaltegn(s: str) -> str | None:
    """'tvetydig' ('1.500', '1,500'), 'dansk' ('12,5', '1.234.567'), 'engelsk' ('96.25') or None."""
    kerne = _KR_TIL_SLUT.sub("", s.strip().lstrip("-−+").strip())
    if _TVETYDIG.fullmatch(kerne):
        return "tvetydig"
    if "," in kerne or kerne.count(".") >= 2:
        return "dansk"
    if "." in kerne:
        return "engelsk"
    return None


def _tvetydige_beloeb(ark: Ark, fundet: dict[str, list[tuple[int, str]]], kolonne: str) -> CelleFejl | None:
    """The refusal of the rule above, or None when the amounts can be read."""
    tvetydige = fundet.get("tvetydig")
    if not tvetydige:
        return None
    dansk_, engelsk = fundet.get("dansk"), fundet.get("engelsk")
    if dansk_ is None and engelsk is None and ark.separator not in ("", ";"):
        hvorfor = (f"filen er {'kommasepareret' if ark.separator == ',' else 'tabulatorsepareret'}, og intet beløb "
                   "viser, om den bruger komma eller punktum før decimalerne")
    elif engelsk is None:
        return None
    elif dansk_ is None:
        hvorfor = (f"kolonnen har beløb med punktum før decimalerne (fx '{engelsk[0][1][:20]}' i række "
                   f"{engelsk[0][0]})")
    else:
        hvorfor = (f"kolonnen blander punktum før decimalerne (fx '{engelsk[0][1][:20]}' i række {engelsk[0][0]}) og "
                   f"komma (fx '{dansk_[0][1][:20]}' i række {dansk_[0][0]})")
    nr, s = tvetydige[0]
    kerne = _KR_TIL_SLUT.sub("", s.strip())
    dk = dansk.laes_tal(kerne)
    en = Decimal(kerne.replace("−", "-").replace(",", "")) if "," in kerne else Decimal(kerne.replace("−", "-"))
    andre = len(tvetydige) - 1
    flere = f" ({dansk.tal(andre, 0)} {'andet beløb' if andre == 1 else 'andre beløb'} ligner det)" if andre else ""
    return CelleFejl(ark.navn, nr, kolonne, (
        f"beløbet '{s[:20]}' kan læses både som {dansk.kr(dk)} og som {dansk.kr(en)}{flere}, og {hvorfor}. Gem "
        "budgettet i Excel som CSV (semikolonsepareret), eller ret beløbene, så de alle skrives på dansk med komma "
        "før decimalerne (fx 1.500,00)"))


def _raekker_tekst(raekker: list[int]) -> str:
    """'række 3', 'række 3, 5 og 6', 'række 3, 5, ... m.fl.' (at most 10 named)."""
    vist = [str(r) for r in raekker[:10]]
    return "række " + (", ".join(vist) + " m.fl." if len(raekker) > 10 else dansk.opremsning(vist))


def _usynlige_note(raekker: list[int]) -> str:
    return (f"Usynlige tegn (fx tegn, der vender skriveretningen, eller mellemrum uden bredde) er fjernet fra "
            f"teksterne i {_raekker_tekst(raekker)}; ingen navne eller tekster i takstfilen må have dem. Tjek teksterne.")


def _formel_note(raekker: list[int]) -> str:
    n = len(raekker)
    hvad = "1 beløb er" if n == 1 else f"{dansk.tal(n, 0)} beløb er"
    return (f"{hvad} resultatet af en formel i regnearket ({_raekker_tekst(raekker)}; markeret med 'formel'); "
            f"importen bruger resultatet, som Excel sidst gemte i filen. Tjek {'det' if n == 1 else 'dem'}.")


def _uden_vaerdi_fejl(ark: str, celler: list[tuple[int, int]]) -> CelleFejl:
    """Formulas whose result the file does not hold (a workbook written by a program that does not
    calculate): read as empty, a line would be lost (a konto) or given to another tilbud, and the
    import does not calculate formulas itself, so the file must be saved by Excel first."""
    hvor = [f"{bogstav(k)}{r}" for r, k in celler[:10]]
    raekke, kol = celler[0]
    if len(celler) == 1:
        hvad = f"formlen i celle {hvor[0]} har ingen gemt værdi"
    else:
        hvad = (f"{dansk.tal(len(celler), 0)} celler har en formel uden gemt værdi ("
                + (", ".join(hvor) + " m.fl." if len(celler) > 10 else dansk.opremsning(hvor)) + ")")
    return CelleFejl(ark, raekke, bogstav(kol),
                     f"{hvad}: filen er gemt af et program, der ikke regner formler ud, og importen regner dem ikke "
                     "ud selv. Åbn filen i Excel, og gem den igen, før du importerer den; så gemmes formlernes "
                     "resultater med")


def _skjulte_tekst(raekker: list[int]) -> str:
    """Why rows hidden in Excel stop the import: '3 rækker med beløb er skjult i Excel (række 3, 5 og 6), ...'."""
    n = len(raekker)
    hvad = "1 række med beløb er" if n == 1 else f"{dansk.tal(n, 0)} rækker med beløb er"
    return (f"{hvad} skjult i Excel ({_raekker_tekst(raekker)}), fx af et filter; vis alle rækker i Excel, eller "
            "slet dem, der ikke hører til budgettet, og gem filen igen")


def _raa_konto(v: Any) -> Any:
    """The konto cell for art_af: a number cell's digits as text ('2.2'), else the value."""
    return str(v) if isinstance(v, Tal) else v


_ROLLER = {"beloeb": ("beløbet", "--beloeb", "Beløb"), "konto": ("kontonummer eller art", "--konto", "Konto eller art")}


def ingen_kolonne(ark: str, rolle: str, kommandolinje: bool = False, ekstra: str = "") -> str:
    """The one wording of a sheet without a column for the amount or the konto (`rolle` 'beloeb' or
    'konto'), for the command line and the app's import dialog alike; only how the column is
    chosen differs: a flag there, a list here. `ekstra` is added before the full stop."""
    hvad, flag, liste = _ROLLER[rolle]
    hvordan = (f"angiv kolonnen med {flag} (overskrift eller bogstav)" if kommandolinje
               else f"vælg kolonnen i listen {liste} under tabellen")
    return f"Arket '{ark}' har ingen kolonne, der ligner {hvad}; {hvordan}{ekstra}. Intet er importeret."


def laes_linjer(ark: Ark, valg: Kolonnevalg, grundlag: m.Takstgrundlag, tilbud_id: str | None,
                kontoplan: Kontoplan, fra_raekke: int | None = None) -> Forhaandsvisning:
    """The budget lines of the sheet in the chosen columns, with the kontoplan's kategori.

    `tilbud_id`: the tilbud of every line (or of lines with an empty tilbud cell). Rows before
    `fra_raekke` (default: after the heading row) are not read. Bad cells raise ExcelFejl listing
    them all; nothing is imported then."""
    for rolle in ("beloeb", "konto"):
        if not getattr(valg, rolle):
            raise InputError("", ingen_kolonne(ark.navn, rolle))
    if tilbud_id is not None and tilbud_id not in {t.id for t in grundlag.tilbud}:
        raise InputError("tilbud", f"tilbuddet '{tilbud_id}' findes ikke i takstfilen; der er: "
                                   f"{', '.join(t.id for t in grundlag.tilbud) or 'ingen'}")
    if not valg.tilbud and tilbud_id is None:
        if len(grundlag.tilbud) == 1:
            tilbud_id = grundlag.tilbud[0].id
        else:
            raise InputError("tilbud", "vælg det tilbud, linjerne hører til, eller kolonnen, der siger det")
    # a tilbud by name, tilbudsportal-id or id; two tilbud may share a name, and then it says neither
    opslag: dict[str, str] = {}
    flere: dict[str, list[str]] = {}
    for t in grundlag.tilbud:
        for n in {(n or "").strip().casefold() for n in (t.navn, t.tilbudsportal_id)} - {""}:
            if n in opslag and opslag[n] != t.id:
                flere.setdefault(n, [opslag[n]]).append(t.id)
            opslag[n] = t.id
    for t in grundlag.tilbud:  # an id is unique: it names its tilbud whatever other tilbud are called
        if t.id:
            opslag[t.id.strip().casefold()] = t.id
            flere.pop(t.id.strip().casefold(), None)
    navn = ark.navn
    fejl: list[CelleFejl] = []
    linjer: list[BudgetLinje] = []
    sprunget: list[tuple[int, str]] = []
    start = fra_raekke or (valg.overskrift + 1 if valg.overskrift else None)
    arter: dict[str, tuple] = {}  # konto text -> (art, the kontoplan's proposal): budgets repeat their konti
    kb, kk = bogstav(valg.beloeb), bogstav(valg.konto)
    skjulte, formler = ark.skjulte, ark.formler
    skjulte_linjer: list[int] = []  # hidden rows that would be budget lines: the user cannot see them
    fundet_tegn: dict[str, list[tuple[int, str]]] = {}  # text amounts by their decimal sign
    usynlige: list[int] = []  # rows whose texts had invisible characters removed
    brugte = sorted(valg.brugte())
    uden_vaerdi: list[tuple[int, int]] = []  # (row, column) of formulas whose result the file does not hold
    for nr, celler in ark.raekker:
        if len(fejl) >= MAKS_FEJL:
            break
        v_beloeb = celler.get(valg.beloeb)
        v_konto = celler.get(valg.konto)
        if start is None:  # no heading row: titles and a heading before the first amount are skipped
            if v_beloeb is None:
                continue
            if art_af(_raa_konto(v_konto)) is None and isinstance(v_beloeb, str) and not isinstance(
                    v_beloeb, (Tal, Fejlvaerdi, Dato)):
                try:
                    beloeb_af(v_beloeb)
                except ValueError:
                    continue
            start = nr
        if nr < start:
            continue
        tomme = [k for k in brugte if celler.get(k) is FORMEL_UDEN_VAERDI] if v_beloeb is not None else ()
        if tomme:  # a formula's result not in the file: the line would be lost, or read without it
            uden_vaerdi += [(nr, k) for k in tomme]
            continue
        if v_beloeb is None:
            if v_konto is not None:
                sprunget.append((nr, "intet beløb"))
            continue
        if skjulte and nr in skjulte and v_konto is not None:
            skjulte_linjer.append(nr)
        try:
            b = beloeb_af(v_beloeb)
        except ValueError as e:
            fejl.append(CelleFejl(navn, nr, kb, str(e)))
            continue
        if type(v_beloeb) is str:  # typed text, not a number cell: which decimal sign (_tvetydige_beloeb)
            slags = _decimaltegn(v_beloeb)
            if slags is not None:
                fundet_tegn.setdefault(slags, []).append((nr, v_beloeb.strip()))
        if v_konto is None or v_konto is FORMEL_UDEN_VAERDI:
            sprunget.append((nr, f"beløb {dansk.kr(b)} uden konto (sumlinje?)"))
            continue
        if isinstance(v_konto, (Dato, Fejlvaerdi)):  # shown as '46054' it was a konto no one could find
            fejl.append(CelleFejl(navn, nr, kk, f"cellen viser fejlen {v_konto[:20]}; ret formlen i Excel"
                                  if isinstance(v_konto, Fejlvaerdi) else
                                  "cellen indeholder en dato, ikke en konto eller art (Excel gør fx 2.2 til 2. "
                                  "februar, når det skrives i en celle); formatér kolonnen som tekst i Excel, og "
                                  "skriv kontoen igen"))
            continue
        konto = tekst(v_konto, 60)
        if not konto:  # only spaces (or control characters): no konto, as an empty cell
            sprunget.append((nr, f"beløb {dansk.kr(b)} uden konto (sumlinje?)"))
            continue
        kendt = arter.get(konto)
        if kendt is None:
            art = art_af(_raa_konto(v_konto) if isinstance(v_konto, Tal) else konto)  # konto: without control characters
            kendt = arter[konto] = (art, kontoplan.slaa_op(art))
        art, forslag = kendt
        tid = tilbud_id
        if valg.tilbud:
            v_t = tekst(celler.get(valg.tilbud), 200)
            if v_t:
                tid = opslag.get(v_t.casefold())
                if v_t.casefold() in flere:
                    ids = flere[v_t.casefold()]
                    fejl.append(CelleFejl(navn, nr, bogstav(valg.tilbud), f"'{v_t[:40]}' passer på {len(ids)} tilbud i "
                                          f"takstfilen ({', '.join(ids[:-1])} og {ids[-1]}); skriv tilbuddets id i "
                                          "stedet"))
                    continue
                if tid is None:
                    fejl.append(CelleFejl(navn, nr, bogstav(valg.tilbud), f"tilbuddet '{v_t[:40]}' findes ikke i "
                                                                           "takstfilen"))
                    continue
            elif tid is None:
                fejl.append(CelleFejl(navn, nr, bogstav(valg.tilbud), "tilbuddet mangler"))
                continue
        if any(type(v) is str and usynlige_tegn.har_usynlige(v)
               for v in (v_konto, celler.get(valg.tekst), celler.get(valg.tilbud))):
            usynlige.append(nr)
        linjer.append(BudgetLinje(
            raekke=nr, konto=konto, art=art, tekst=tekst(celler.get(valg.tekst)) if valg.tekst else "",
            beloeb=b, tilbud_id=tid, kategori=forslag.kategori if forslag else UVALGT,
            post=forslag.post if forslag else "", forslag=forslag.navn if forslag else "",
            formel=f"{kb}{nr}" if (nr, valg.beloeb) in formler else ""))
    if valg.overskrift:
        for nr, celler in ark.raekker:
            if nr == valg.overskrift:
                titel = tekst(celler.get(valg.beloeb), 80)
                fundet = _I_TUSINDER.search(titel.casefold())
                if fundet:
                    gange = "1000000" if fundet.group().startswith("mi") else "1000"
                    fejl.append(CelleFejl(navn, nr, kb, f"overskriften '{titel}' siger, at beløbene ikke er i hele "
                                                        "kroner; importen læser hvert beløb som kroner. Regn om til "
                                                        f"hele kroner i en ny kolonne i Excel (fx ={kb}{nr + 1}*{gange}), "
                                                        "og vælg den"))
                break
    if uden_vaerdi:
        fejl.append(_uden_vaerdi_fejl(navn, uden_vaerdi))
    if start is not None:
        for c1, r1, c2, r2 in ark.flettede:
            if r2 >= start and any(c1 <= k <= c2 for k in brugte) and (c1, r1) != (c2, r2):
                ref = f"{bogstav(c1)}{r1}:{bogstav(c2)}{r2}"
                fejl.append(CelleFejl(navn, max(r1, start), bogstav(max(c1, min(brugte))),
                                      f"cellerne {ref} er flettet; ophæv fletningen i Excel, så hver linje har "
                                      "sine egne celler"))
    tvetydig = _tvetydige_beloeb(ark, fundet_tegn, kb)
    if tvetydig is not None:
        fejl.append(tvetydig)
    if skjulte_linjer:
        fejl.append(CelleFejl(navn, 0, "", _skjulte_tekst(skjulte_linjer)))
    if fejl:
        fejl.sort(key=lambda f: (f.raekke, f.kolonne))
        raise ExcelFejl(fejl)
    if not linjer:
        raise ExcelFejl([CelleFejl(navn, 0, "", f"der er ingen budgetlinjer (konto og beløb) i kolonnerne {kk} "
                                                f"og {kb}")])
    noter = [_usynlige_note(usynlige)] if usynlige else []
    fra_formler = [x.raekke for x in linjer if x.formel]
    if fra_formler:
        noter.append(_formel_note(fra_formler))
    return Forhaandsvisning(ark=navn, linjer=tuple(linjer), sprunget_over=tuple(sprunget), kilde=ark.kilde,
                            noter=tuple(noter))
