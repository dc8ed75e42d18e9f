"""Danish display of numbers and dates (SPEC §1): 1.234.567,89 kr., 96,50 %, 31-12-2026.

Pure functions, no Qt and no locale: the same text in the engine's findings, the UI, the
spreadsheet and the PDF. Decimals are rounded half up here, before they are formatted.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation


def tal(vaerdi: Decimal | int | None, decimaler: int = 2) -> str:
    """1234567.891 -> '1.234.567,89'; None -> ''."""
    if vaerdi is None:
        return ""
    d = Decimal(vaerdi)
    if not d.is_finite():  # a value the validation refuses may still be shown (and mended)
        return "ikke et tal" if d.is_nan() else ("-∞" if d < 0 else "∞")
    # Enough digits for any finite value, so that showing 10^30 never raises (the usual 28 digits
    # in a context made once: making one per call was a third of the time).
    praecision = d.adjusted() + decimaler + 2
    ctx = _KONTEKST if praecision <= 28 else Context(prec=praecision)
    enhed = _ENHED.get(decimaler)
    if enhed is None:
        enhed = Decimal(1).scaleb(-decimaler) if decimaler > 0 else Decimal(1)
    d = d.quantize(enhed, rounding=ROUND_HALF_UP, context=ctx)
    # Grouped by the format itself (1,234,567.89), then the marks swapped: the same text as
    # grouping the digits by hand, at C speed (a finding's amount, every cell of a report).
    heltal, _, brok = f"{abs(d):,.{decimaler}f}".partition(".")
    ud = heltal.replace(",", ".") + "," + brok if brok else heltal.replace(",", ".")
    if d < 0:  # a -0,00 that rounding leaves is shown as 0,00
        ud = "-" + ud
    return ud


_KONTEKST = Context(prec=28)
_ENHED = {n: Decimal(1).scaleb(-n) if n > 0 else Decimal(1) for n in range(7)}


def kr(vaerdi: Decimal | None, decimaler: int = 2) -> str:
    """'1.234.567,89 kr.'"""
    if vaerdi is None:
        return ""
    return f"{tal(vaerdi, decimaler)} kr."


def procent(vaerdi: Decimal | None, decimaler: int = 2) -> str:
    """'96,50 %'"""
    if vaerdi is None:
        return ""
    return f"{tal(vaerdi, decimaler)} %"


def kort_tal(vaerdi: Decimal | None) -> str:
    """A number with only the decimals it needs: 96.5 -> '96,5', 12 -> '12'."""
    if vaerdi is None:
        return ""
    d = Decimal(vaerdi)
    if d == d.to_integral_value():
        return tal(d, 0)
    eksponent = -d.normalize().as_tuple().exponent
    return tal(d, max(0, min(eksponent, 6)))


def dato(d: date | None) -> str:
    """'31-12-2026'"""
    if d is None:
        return ""
    return f"{d.day:02d}-{d.month:02d}-{d.year:04d}"  # strftime drops the zeros of year 1-999


def _sidste_soendag(aar: int, maaned: int) -> datetime:
    """01:00 UTC on the last Sunday of the month (March or October: both have 31 days)."""
    d = datetime(aar, maaned, 31, 1, tzinfo=timezone.utc)
    return d - timedelta(days=(d.weekday() + 1) % 7)


def dansk_tid(t: datetime) -> datetime:
    """An aware time as Danish wall-clock time without zone: UTC+1, and UTC+2 from the last Sunday of
    March to the last Sunday of October at 01:00 UTC (the EU rule Denmark has followed since 1996). Computed here, not
    with the machine's zone, so a PC set to another zone still shows Danish time, and no
    time-zone database is needed on Windows. A naive time is taken as it is. May raise OverflowError
    at the ends of the calendar."""
    if t.tzinfo is None:
        return t
    u = t.astimezone(timezone.utc)
    sommer = _sidste_soendag(u.year, 3) <= u < _sidste_soendag(u.year, 10)
    return (u + timedelta(hours=2 if sommer else 1)).replace(tzinfo=None)


def nu_utc() -> datetime:
    """Now, aware UTC: what an output's 'dannet' and a lock's 'åbnet' are taken from, never the PC's zone."""
    return datetime.now(timezone.utc)


def tidspunkt(t: datetime, sekunder: bool = False, zone: bool = False) -> str:
    """'03-12-2026 kl. 12:10' (with `sekunder` '03-12-2026 kl. 12:10:05') in Danish time, whatever zone
    the PC is set to: every time an output or a message shows (the PDF's and the workbooks' 'dannet', a
    signing time, a save, a lock) is said this way. A time at the end of the calendar that cannot be
    moved to Danish time (year 9999 in a hostile file) is shown as it is, followed by UTC. `zone`: say
    '(dansk tid)' after it (verificer's Signeret line)."""
    fmt = "%H:%M:%S" if sekunder else "%H:%M"
    try:
        d = dansk_tid(t)
    except (OverflowError, ValueError):
        u = t.astimezone(timezone.utc) if t.tzinfo else t
        return f"{dato(u.date())} kl. {u:{fmt}} UTC"
    return f"{dato(d.date())} kl. {d:{fmt}}" + (" (dansk tid)" if zone else "")


def opremsning(ting: list[str]) -> str:
    """'a', 'a og b', 'a, b og c' (no list gives '')."""
    return " og ".join(ting) if len(ting) <= 2 else ", ".join(ting[:-1]) + " og " + ting[-1]


# More decimals than any door reads back (the JSON reader, the .takst file, the budget import): a
# number typed with more is refused here, as it would otherwise be saved in a file that then does
# not open.
MAKS_DECIMALER = 100

TILLADTE_TEGN = ("skriv kun cifre, evt. minus foran, punktum mellem tusinder og komma før decimalerne "
                 "(fx -1.234.567,89).")
_TALTEGN = re.compile(r"[-+]?(?=[0-9.,]*[0-9])[0-9.]*(,[0-9]*)?")


def laes_tal(tekst: str) -> Decimal:
    """Read a number typed the Danish way ('1.234.567,89', '-5000', '96,5 %', '1 234,5 kr.').

    Also accepts a plain decimal point when there is no comma and the dots do not look like
    thousands separators ('96.5'). Raises ValueError with a Danish message.
    """
    s = (tekst or "").strip().replace("\u00a0", " ")
    for suffix in ("kr.", "kr", "%"):
        if s.endswith(suffix):
            s = s[: -len(suffix)].strip()
    s = s.replace(" ", "")
    if s.startswith("\u2212"):
        s = "-" + s[1:]
    if not s:
        raise ValueError("Feltet er tomt; skriv et tal.")
    if not _TALTEGN.fullmatch(s):  # Decimal itself would read '1e30', '1_000' and '١٢'
        raise ValueError(f"'{tekst.strip()[:40]}' er ikke et tal: {TILLADTE_TEGN}")
    if "," in s:
        s = s.replace(".", "").replace(",", ".")
    elif s.count(".") > 1 or _ligner_tusindtal(s):
        s = s.replace(".", "")
    try:
        d = Decimal(s)
    except InvalidOperation:
        raise ValueError(f"'{tekst.strip()[:40]}' er ikke et tal: {TILLADTE_TEGN}") from None
    if not d.is_finite():
        raise ValueError(f"'{tekst.strip()[:40]}' er ikke et tal: {TILLADTE_TEGN}")
    if d and d.as_tuple().exponent < -MAKS_DECIMALER:
        raise ValueError(f"'{tekst.strip()[:40]}…' har flere end {MAKS_DECIMALER} decimaler; skriv tallet med "
                         "færre decimaler.")
    return d


def _ligner_tusindtal(s: str) -> bool:
    """'1.234' and '12.500' are thousands in Danish; '96.5' and '3.0' are decimals."""
    if s.count(".") != 1:
        return False
    foer, efter = s.lstrip("-").split(".")
    return len(efter) == 3 and foer.isdigit() and efter.isdigit() and len(foer) >= 1 and foer != "0"


# Display names of the format's keys, for every front end (UI, spreadsheet, PDF).
VISNINGSNAVNE: dict[str, str] = {
    # tilbudstype
    "doegn": "Døgn", "dag": "Dag", "ambulant": "Ambulant",
    # takststruktur
    "gennemsnit": "Gennemsnitstakst", "differentieret": "Basistakst + differentierede takster",
    "enhed": "Enhedstakst", "traekningsret": "Trækningsret",
    # belægningsmetode
    "beregnet": "Beregnet (gennemsnit af to år)", "forventet": "Forventet belægning",
    "nyt_tilbud": "Nyt tilbud (første driftsår)",
    # fordelingsnøgle
    "pladser": "Pladser", "pladsdoegn": "Pladsdøgn", "loensum": "Lønsum", "aarsvaerk": "Årsværk",
    "m2": "Kvadratmeter", "direkte_omkostninger": "Direkte omkostninger", "fast": "Faste andele",
    # anlæg
    "grund": "Grund", "bygning": "Bygning", "installation": "Installation", "inventar": "Inventar",
    "it": "IT", "transportmiddel": "Transportmiddel", "andet": "Andet",
    "ejet": "Ejet", "finansiel_leasing": "Finansiel leasing",
    # regulering
    "hensaet": "Hensæt (op til 5 %)", "indregn": "Indregn", "udskyd": "Udskyd",
    # del
    "basis": "Basis", "borgerrettet": "Borgerrettet",
    # driftsherre
    "kommune": "Kommune", "region": "Region",
}


def vis(noegle: str | None) -> str:
    """The Danish display name of a format key ('doegn' -> 'Døgn'); unknown keys unchanged."""
    if noegle is None:
        return ""
    return VISNINGSNAVNE.get(noegle, noegle)
