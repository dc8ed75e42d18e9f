"""Checks of a .takst file before anything in it is used or changed: the file is treated as hostile.

1. Its schema must be exactly the one this program makes for the file's schema version: every
   table, index, trigger and view in sqlite_master is compared with a reference database built in
   memory by the program's own DDL (schema.py + the steps in migrations.py), so a new migration
   needs no list kept by hand. A trigger, view, table or index the program did not create is
   refused (`FremmedSkema`), naming what was found.
2. Its size is bounded: at most MAKS_RAEKKER rows, MAKS_ANTAL tilbud and overheadpuljer, no value
   longer than MAKS_VAERDI bytes
   (SQLite's own length limit on every connection, so a 100 MB cell is refused without reading it).
3. Every value has the type its column holds: integers in range, 0/1 for yes/no, text where text
   is stored, decimal text for amounts and percentages (never NaN: not a number, and every
   ordering comparison with it raises), ISO dates. A wrong one is `Beskadiget`,
   naming the place in Danish ("Tilbud 'Bostedet Nord' › Budget › linje 3 › Beløb"). A value of
   the right type that breaks a rule (an amount of 10^30, Infinity) is not damage: the file opens
   and the domain's validation reports it as a finding, so the user can mend it.

The checks only read; the caller turns the exceptions into its Danish messages.
"""
from __future__ import annotations

import functools
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from decimal import InvalidOperation
from types import SimpleNamespace

from takstberegner import dansk
from takstberegner.domain import graenser, navne
from takstberegner.storage import mapping
from takstberegner.storage.migrations import opret_skema

MAKS_FIL = 64 * 1024 * 1024  # bytes in a file (the large benchmark driftsherre is 1,7 MB)
MAKS_VAERDI = 1_000_000        # bytes in one text value (SQLITE_LIMIT_LENGTH)
# Rows in all tables together, and tilbud and overheadpuljer: the limits of every door, defined
# once in the domain (domain/graenser.py, where the reasons are), which the validation holds too.
MAKS_RAEKKER = graenser.MAKS_RAEKKER
MAKS_ANTAL = {"tilbud": (graenser.MAKS_TILBUD, "tilbud"), "overheadpulje": (graenser.MAKS_PULJER, "overheadpuljer")}
MAKS_OBJEKTER = 10_000         # rows of sqlite_master read at most
_HELTAL = (-(2**31), 2**31 - 1)  # a count, a year, a number of places: well inside 32 bits

_TYPER = {"table": "tabel", "index": "indeks", "trigger": "udløser (trigger)", "view": "visning (view)"}


class FremmedSkema(Exception):
    """The file holds schema objects the program did not make (or lacks some); .detalje is Danish."""

    def __init__(self, detalje: str):
        super().__init__(detalje)
        self.detalje = detalje


class Beskadiget(Exception):
    """A value or row that cannot be in a file the program wrote; .detalje is Danish."""

    def __init__(self, detalje: str):
        super().__init__(detalje)
        self.detalje = detalje


def begraens(conn: sqlite3.Connection) -> None:
    """Limits and safety switches for every connection to a .takst file."""
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAKS_VAERDI)
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA cell_size_check = ON")


# ---------------------------------------------------------------- the reference schema
@dataclass(frozen=True)
class Kolonne:
    navn: str
    art: str          # "heltal", "noegle" (row id or parent), "bool", "tekst", "tal", "dato", "tidspunkt"
    paakraevet: bool


@dataclass(frozen=True)
class Reference:
    objekter: dict[tuple[str, str], tuple[str, str]]     # (type, name) -> (tbl_name, normalised sql)
    kolonner: dict[str, tuple[Kolonne, ...]]             # table -> its columns
    foraelder: dict[str, tuple[str, str]]                # table -> (parent table, column)


def _norm(sql: str | None) -> str:
    return " ".join((sql or "").split())


# Text columns that hold a Decimal (str(Decimal)) or a date, beyond the record classes mapping.py
# describes from their type hints (SAMLINGER); a column not named here still gets its type checked.
_TAL = {
    "grundlag": {"rente_anlaeg_pct", "rente_kort_pct", "tjenestemandspension_pct", "vaesentlighed_pct",
                 "pl_fremskrivning_pct"},
    "overheadpulje": {"beloeb", "driftsandel_pct"},
    "pulje_modtager": {"noegletal"},
    "pulje_andel": {"pct"},
    "tilbud": {"belaegning_pct", "enheder_antal", "driftskapital_maaneder", "objektiv_andel_pct"},
    "belaegning_aar": {"pct"},
    "ydelse": {"belaegning_pct"},  # a ydelse's own belægning (schema 3); its other decimals come from mapping
    "ydelse_belaegning_aar": {"pct"},
    "objektiv_fordeling": {"vaerdi"},
    "noegletal": {"vaerdi"},
    "fordeling": {"vaerdi"},
    "tillaeg_tidsrum": {"pct"},
}
_DATOER = {"tilbud": {"saerlige_godkendt"}}
_TIDSPUNKTER = {"metadata": {"oprettet", "aendret"}}


def _arter_fra_mapping() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    tal = {t: set(k) for t, k in _TAL.items()}
    datoer = {t: set(k) for t, k in _DATOER.items()}
    for tabel, cls in mapping.SAMLINGER.values():
        for _, kol, art in mapping._FELTER[cls]:
            if art == "dec":
                tal.setdefault(tabel, set()).add(kol)
            elif art == "date":
                datoer.setdefault(tabel, set()).add(kol)
    return tal, datoer


@functools.cache
def reference(version: int) -> Reference:
    """The schema the program makes for `version`, built in memory by its own DDL."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        conn.execute("BEGIN")
        opret_skema(conn, version)
        conn.execute("COMMIT")
        objekter = {(t, n): (tb, _norm(s)) for t, n, tb, s in
                    conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")}
        tal, datoer = _arter_fra_mapping()
        kolonner: dict[str, tuple[Kolonne, ...]] = {}
        foraelder: dict[str, tuple[str, str]] = {}
        for (typ, tabel), (_, sql) in objekter.items():
            if typ != "table":
                continue
            fk = {r[3]: r[2] for r in conn.execute(f"PRAGMA foreign_key_list({tabel})")}
            for kol, mor in fk.items():
                foraelder[tabel] = (mor, kol)
            ks = []
            for _, navn, decl, notnull, _, pk in conn.execute(f"PRAGMA table_info({tabel})"):
                if pk and decl.upper() == "INTEGER":
                    continue  # the rowid itself: always an integer
                if navn in fk:
                    art = "noegle"
                elif decl.upper() == "INTEGER":
                    art = "bool" if f"CHECK ({navn} IN (0, 1))" in sql else "heltal"
                elif navn in tal.get(tabel, ()):
                    art = "tal"
                elif navn in datoer.get(tabel, ()):
                    art = "dato"
                elif navn in _TIDSPUNKTER.get(tabel, ()):
                    art = "tidspunkt"
                else:
                    art = "tekst"
                ks.append(Kolonne(navn, art, bool(notnull or pk)))
            kolonner[tabel] = tuple(ks)
        return Reference(objekter, kolonner, foraelder)
    finally:
        conn.close()


# ---------------------------------------------------------------- 1. the schema
def _beskriv_objekt(typ: str, navn: str, tabel: str) -> str:
    hvad = _TYPER.get(typ, typ)
    if typ in ("trigger", "index") and tabel:
        return f"{hvad} '{navn}' på tabellen '{tabel}'"
    return f"{hvad} '{navn}'"


def kontroller_skema(conn: sqlite3.Connection, version: int) -> None:
    """FremmedSkema unless sqlite_master holds exactly the reference objects of `version`."""
    ref = reference(version)
    fundet = conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master LIMIT ?", (MAKS_OBJEKTER + 1,)).fetchall()
    fremmede, aendrede = [], []
    sete = set()
    for typ, navn, tabel, sql in fundet:
        noegle = (str(typ), str(navn))
        sete.add(noegle)
        forventet = ref.objekter.get(noegle)
        if forventet is None:
            fremmede.append(_beskriv_objekt(str(typ), str(navn), str(tabel)))
        elif forventet != (tabel, _norm(sql)):
            aendrede.append(_beskriv_objekt(str(typ), str(navn), str(tabel)))
    mangler = [_beskriv_objekt(t, n, ref.objekter[(t, n)][0]) for (t, n) in ref.objekter if (t, n) not in sete]
    dele = []
    if fremmede:
        dele.append(_opremsning("den indeholder", fremmede, ", som Takstberegner ikke har lavet"))
    if aendrede:
        dele.append(_opremsning("", aendrede, "er ændret i forhold til det, Takstberegner laver"))
    if mangler:
        dele.append(_opremsning("", mangler, "mangler"))
    if dele:
        raise FremmedSkema("; ".join(d.strip() for d in dele))


def _opremsning(foer: str, ting: list[str], efter: str) -> str:
    vis = ting[:5] + ([f"{len(ting) - 5} andre"] if len(ting) > 5 else [])
    return f"{foer} {dansk.opremsning(vis)}{efter if efter.startswith(',') else ' ' + efter}"


# ---------------------------------------------------------------- 2.-3. sizes and values
_KRAV = {
    "heltal": "et helt tal", "noegle": "et helt tal", "bool": "ja eller nej (0 eller 1)", "tekst": "tekst",
    "tal": "et tal", "dato": "en dato", "tidspunkt": "et tidspunkt",
}
_TYPENAVN = {"integer": "et helt tal", "real": "et kommatal (REAL)", "text": "tekst", "blob": "binære data",
             "null": "ingen værdi"}


def _q(navn: str) -> str:
    return '"' + navn.replace('"', '""') + '"'


def _udtryk(k: Kolonne) -> list[tuple[str, str]]:
    """(SQL condition that is true for a bad value, problem code) for one column. Only cheap tests
    (typeof, anchored patterns): a decimal text that passes here and still cannot be read is found
    by find_uparselig after reading failed."""
    c = _q(k.navn)
    typ = "integer" if k.art in ("heltal", "noegle", "bool") else "text"
    ud = [(f"(typeof({c}) <> '{typ}'" + ("" if k.paakraevet else f" AND {c} IS NOT NULL") + ")", "type")]
    if k.art == "bool":
        ud.append((f"{c} NOT IN (0, 1)", "bool"))
    elif k.art == "heltal":
        ud.append((f"{c} NOT BETWEEN {_HELTAL[0]} AND {_HELTAL[1]}", "omraade"))
    elif typ == "text":
        ud.append((f"length({c}) < 0", "type"))  # reads the value's size: over MAKS_VAERDI fails here
    if k.art == "tal":  # a decimal starts with a digit, sign or point, or is Infinity; NaN and sNaN
        ud.append((f"{c} NOT GLOB '[-+0-9.Ii]*' OR instr(upper({c}), 'NAN') > 0", "tal"))  # are no number
    elif k.art == "dato":
        ud.append((f"{c} NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'", "dato"))
    elif k.art == "tidspunkt":
        ud.append((f"{c} NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'", "dato"))
    return ud


@functools.cache
def _skanning(version: int, tabel: str) -> tuple[str, str]:
    """The query for the first bad row in a range of rowids, and the one naming its problem."""
    ref = reference(version)
    betingelser = [(b, f"{k.navn}|{kode}") for k in ref.kolonner[tabel] for b, kode in _udtryk(k)]
    find = (f"SELECT rowid FROM {_q(tabel)} WHERE rowid BETWEEN ? AND ? AND "
            f"({' OR '.join(b for b, _ in betingelser)}) LIMIT 1")
    grene = " ".join(f"WHEN {b} THEN '{kode}'" for b, kode in betingelser)
    hvad = f"SELECT CASE {grene} END FROM {_q(tabel)} WHERE rowid = ?"
    return find, hvad


def _for_stor(e: sqlite3.Error) -> bool:
    return getattr(e, "sqlite_errorcode", None) == sqlite3.SQLITE_TOOBIG or "too big" in str(e)


def for_stor(conn: sqlite3.Connection, version: int) -> tuple[str, str, str] | None:
    """(how many, of what, the most) when the file holds more rows in all, or more tilbud or
    puljer, than the reader opens; None when it is within the bounds. The writer asks it too
    before it commits, so a change never makes a file the reader refuses."""
    i_alt = 0
    for tabel in reference(version).kolonner:
        n = conn.execute(f"SELECT count(*) FROM {_q(tabel)}").fetchone()[0]
        i_alt += n
        if i_alt > MAKS_RAEKKER:
            return f"over {dansk.tal(MAKS_RAEKKER, 0)}", "rækker", dansk.tal(MAKS_RAEKKER, 0)
        maks, hvad = MAKS_ANTAL.get(tabel, (None, ""))
        if maks is not None and n > maks:
            return dansk.tal(n, 0), hvad, dansk.tal(maks, 0)
    return None


def kontroller_raekker(conn: sqlite3.Connection, version: int) -> None:
    """Beskadiget for too many rows, a missing or doubled single row, or a value of the wrong type."""
    ref = reference(version)
    for_mange = for_stor(conn, version)
    if for_mange is not None:
        antal, hvad, maks = for_mange
        if hvad == "rækker":
            raise Beskadiget(f"den har {antal} rækker, langt flere end en takstberegning kan have")
        raise Beskadiget(f"den har {antal} {hvad}, langt flere end en driftsherre kan have (højst {maks})")
    for tabel, hvad in (("metadata", "filens oplysninger"), ("grundlag", "driftsherre og satser")):
        raekker = conn.execute(f"SELECT rowid FROM {tabel} LIMIT 2").fetchall()
        if raekker != [(1,)]:
            raise Beskadiget(f"{hvad} {'mangler' if not raekker else 'findes flere gange'}")
    for tabel in ref.kolonner:
        fund = _find_fejl(conn, version, tabel)
        if fund is not None:
            rowid, kol, kode = fund
            raise Beskadiget(_beskriv_fejl(conn, ref, tabel, rowid, kol, kode))
    _kontroller_par(conn, ref)


def _find_fejl(conn: sqlite3.Connection, version: int, tabel: str) -> tuple[int, str, str] | None:
    """The first bad value of a table as (rowid, column, code); a value too big to read is found
    by halving the range of rows until one row is left."""
    find, hvad = _skanning(version, tabel)
    lav, hoej = conn.execute(f"SELECT min(rowid), max(rowid) FROM {_q(tabel)}").fetchone()
    if lav is None:
        return None
    try:
        r = conn.execute(find, (lav, hoej)).fetchone()
    except sqlite3.DataError as e:
        if not _for_stor(e):
            raise
        while lav < hoej:
            midt = (lav + hoej) // 2
            try:
                conn.execute(find, (lav, midt)).fetchone()
                lav = midt + 1
            except sqlite3.DataError:
                hoej = midt
        return lav, _stor_kolonne(conn, version, tabel, lav), "stor"
    if r is None:
        return None
    svar = conn.execute(hvad, (r[0],)).fetchone()
    if svar is None or svar[0] is None:  # the row found by a scan is not there by its rowid: a broken tree
        raise Beskadiget("filens indre opbygning er ødelagt")
    kol, _, kode = svar[0].partition("|")
    return r[0], kol, kode


def _stor_kolonne(conn: sqlite3.Connection, version: int, tabel: str, rowid: int) -> str:
    for k in reference(version).kolonner[tabel]:
        try:
            conn.execute(f"SELECT length({_q(k.navn)}) FROM {_q(tabel)} WHERE rowid = ?", (rowid,)).fetchone()
        except sqlite3.DataError:
            return k.navn
    return ""


def _kontroller_par(conn: sqlite3.Connection, ref: Reference) -> None:
    """Columns that must be set together (mapping.py reads them as one object)."""
    if "tilbud" in ref.kolonner:
        r = conn.execute("SELECT rowid FROM tilbud WHERE enheder_enhed IS NOT NULL AND enheder_antal IS NULL "
                         "LIMIT 1").fetchone()
        if r is not None:
            raise Beskadiget(_beskriv_fejl(conn, ref, "tilbud", r[0], "enheder_antal", "mangler"))


# ---------------------------------------------------------------- naming the place in Danish
# Table -> the name of its list in the takstgrundlag (field path); column -> field path.
_SAMLING: dict[str, str] = {
    **{tabel: samling for samling, (tabel, _) in mapping.SAMLINGER.items()},
    "tilbud": "tilbud", "overheadpulje": "overheadpuljer", "belaegning_aar": "belaegning.faktisk_pct",
    "noegletal": "noegletal", "fordeling": "fordeling", "pulje_omfang": "omfang",
    "pulje_modtager": "oevrige_modtagere", "pulje_andel": "andele", "tillaeg_tidsrum": "tidsrum",
    # schema 3 (SPEC v2): a ydelse's own belægning years, the objektiv finansiering's kommuner
    "ydelse_belaegning_aar": "belaegning.faktisk_pct", "objektiv_fordeling": "objektiv_finansiering.fordeling",
}
# Tables named by _sted itself (one row each, no collection).
ENKELTE: frozenset[str] = frozenset(("metadata", "grundlag"))
_KOLONNE: dict[str, str] = {
    "driftsherre_navn": "driftsherre.navn", "driftsherre_cvr": "driftsherre.cvr",
    "driftsherre_type": "driftsherre.type", "saerlige_beskrivelse": "saerlige_vilkaar.beskrivelse",
    "saerlige_godkendt": "saerlige_vilkaar.godkendt", "belaegning_metode": "belaegning.metode",
    "belaegning_pct": "belaegning.pct", "belaegning_begrundelse": "belaegning.begrundelse",
    "enheder_enhed": "enheder.enhed", "enheder_antal": "enheder.antal",
    "driftskapital_maaneder": "driftskapital.maaneder", "del_": "del", "omfang_alle": "omfang",
    "tilbud_id": "tilbud",
    **{k: f"satser.{k}" for k in ("rente_anlaeg_pct", "rente_kort_pct", "tjenestemandspension_pct",
                                   "vaesentlighed_pct", "pl_fremskrivning_pct")},
}
_METADATA = {"oprettet": "Oprettet", "aendret": "Sidst gemt", "skemaversion": "Filformat",
             "app_version": "Programversion"}


def _tekst(v: object) -> object:
    """A value read as bytes (CAST(x AS BLOB)) as text, with � where it is not UTF-8."""
    return v.decode("utf-8", errors="replace") if isinstance(v, bytes) else v


def _sikker_tekst(v: object, maks: int = 40) -> str:
    s = "".join(ch if ch.isprintable() else "?" for ch in str(v))
    return s if len(s) <= maks else s[:maks] + "…"


def _sti(conn: sqlite3.Connection, ref: Reference, tabel: str, rowid: int, navne_: dict) -> str:
    """The field path of a row ("tilbud[0].omkostninger[2]"), noting tilbud and pulje names."""
    led = _SAMLING.get(tabel, tabel)
    mor = ref.foraelder.get(tabel)
    kols = {k.navn for k in ref.kolonner.get(tabel, ())}
    orden = "position" if "position" in kols else "rowid"
    if mor is not None:
        mor_tabel, kol = mor
        mor_id = conn.execute(f"SELECT {_q(kol)} FROM {_q(tabel)} WHERE rowid = ?", (rowid,)).fetchone()[0]
        foer = _sti(conn, ref, mor_tabel, mor_id, navne_) + "."
        hvor, args = f"{_q(kol)} IS ?", [mor_id]
    else:
        foer, hvor, args = "", "1", []
    egen = conn.execute(f"SELECT {orden} FROM {_q(tabel)} WHERE rowid = ?", (rowid,)).fetchone()
    if egen is None:
        return foer + led
    nr = conn.execute(f"SELECT count(*) FROM {_q(tabel)} WHERE {hvor} AND ({orden} < ? OR ({orden} IS ? AND rowid < ?))",
                      (*args, egen[0], egen[0], rowid)).fetchone()[0]
    if tabel in ("tilbud", "overheadpulje") and "navn" in kols:
        navn = conn.execute(f"SELECT CASE WHEN typeof(navn) = 'text' AND length(navn) <= 200 THEN "
                            f"CAST(navn AS BLOB) END FROM {_q(tabel)} WHERE rowid = ?", (rowid,)).fetchone()[0]
        navn = _tekst(navn)
        if navn and "\ufffd" not in navn:  # a name that is not UTF-8 is no name to show
            navne_.setdefault(led, {})[nr] = SimpleNamespace(navn=_sikker_tekst(navn, 80))
    return f"{foer}{led}[{nr}]"


def _sted(conn: sqlite3.Connection, ref: Reference, tabel: str, rowid: int, kol: str) -> str:
    if tabel == "metadata":
        return "Filens oplysninger › " + _METADATA.get(kol, navne.laesbar(kol))
    felt = _KOLONNE.get(kol, kol)
    if tabel == "grundlag":
        return navne.felt_tekst(felt)
    navne_: dict[str, dict[int, SimpleNamespace]] = {}
    try:
        sti = _sti(conn, ref, tabel, rowid, navne_)
    except (sqlite3.Error, TypeError):
        sti = _SAMLING.get(tabel, tabel)
    grundlag = {k: [v.get(i) for i in range(max(v) + 1)] for k, v in navne_.items()}
    return navne.felt_tekst(f"{sti}.{felt}" if felt else sti, grundlag or None)


def _beskriv_fejl(conn: sqlite3.Connection, ref: Reference, tabel: str, rowid: int, kol: str, kode: str) -> str:
    sted = _sted(conn, ref, tabel, rowid, kol)
    art = next((k.art for k in ref.kolonner[tabel] if k.navn == kol), "tekst")
    if kode == "stor":
        return f"{sted} er over {MAKS_VAERDI // 1_000_000} MB, langt mere end en takstberegning kan indeholde"
    if kode == "mangler":
        return f"{sted} mangler"
    if kode == "utf8":
        return f"{sted} indeholder tegn, der ikke kan læses"
    typ, vaerdi = conn.execute(f"SELECT typeof({_q(kol)}), CASE WHEN typeof({_q(kol)}) IN ('text', 'integer', "
                               f"'real') THEN CAST(substr({_q(kol)}, 1, 60) AS BLOB) END FROM {_q(tabel)} "
                               "WHERE rowid = ?", (rowid,)).fetchone()
    vaerdi = _tekst(vaerdi)
    if kode == "type":
        if typ == "null":
            return f"{sted} mangler"
        return f"{sted} indeholder {_TYPENAVN.get(typ, typ)}, hvor der skal stå {_KRAV[art]}"
    vist = _sikker_tekst(vaerdi)
    if kode == "omraade":
        return f"{sted} indeholder {vist}, som er uden for det mulige område"
    return f"{sted} indeholder '{vist}', som ikke er {_KRAV.get(art, 'gyldigt')}"


# ---------------------------------------------------------------- after a failed read
def find_ulaeselig(conn: sqlite3.Connection, version: int) -> str | None:
    """The place of the first value Python cannot read: text that is not UTF-8, then a decimal or
    date it cannot parse (only called after reading the model failed, so the normal opening stays
    fast)."""
    return find_ugyldig_tekst(conn, version) or find_uparselig(conn, version)


def find_ugyldig_tekst(conn: sqlite3.Connection, version: int) -> str | None:
    """The place of a text that is not UTF-8 (SQLite stores any bytes as text; Python's sqlite3
    cannot decode them, so reading the row fails), read as bytes value by value."""
    ref = reference(version)
    for tabel, kolonner in ref.kolonner.items():
        for k in kolonner:
            if k.art in ("heltal", "noegle", "bool"):
                continue
            c = _q(k.navn)
            for rowid, v in conn.execute(f"SELECT rowid, CAST({c} AS BLOB) FROM {_q(tabel)} "
                                         f"WHERE typeof({c}) = 'text'"):
                try:
                    v.decode("utf-8")
                except UnicodeDecodeError:
                    return _beskriv_fejl(conn, ref, tabel, rowid, k.navn, "utf8")
    return None


def find_uparselig(conn: sqlite3.Connection, version: int) -> str | None:
    """The place of a decimal or date text that Python cannot read, found value by value (only
    called after reading the model failed, so the normal opening stays fast)."""
    ref = reference(version)
    for tabel, kolonner in ref.kolonner.items():
        for k in kolonner:
            if k.art not in ("tal", "dato", "tidspunkt"):
                continue
            for rowid, v in conn.execute(f"SELECT rowid, {_q(k.navn)} FROM {_q(tabel)} WHERE {_q(k.navn)} IS NOT NULL"):
                try:
                    if k.art == "tal":
                        mapping.fra_dec(v)
                    elif k.art == "dato":
                        date.fromisoformat(v)
                    else:
                        datetime.fromisoformat(v)
                except (InvalidOperation, ValueError, TypeError):
                    return _beskriv_fejl(conn, ref, tabel, rowid, k.navn, k.art)
    return None

