"""Rows of the .takst tables <-> the domain model: write a whole takstgrundlag or one part of it,
and read it back exactly.

Decimals are stored as str(Decimal), which keeps the exponent ("96.50" stays "96.50", "1E+3"
stays 1E+3), so a takstgrundlag survives file round trips bit for bit. Nothing here opens or
commits a transaction: repository.py wraps every call in one.
"""
from __future__ import annotations

import typing
from dataclasses import fields
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

import sqlite3

from sqlite_utils import Database

from takstberegner import dansk
from takstberegner.domain import model as m
from takstberegner.domain.aendringer import AendringsFejl
from takstberegner.formats.laeser import urimelig

# samling (the Tilbud field) -> (table, record class). Tillaegsydelse has a child table of its own.
SAMLINGER: dict[str, tuple[str, type]] = {
    "ydelser": ("ydelse", m.Ydelse),
    "omkostninger": ("omkostningslinje", m.Omkostningslinje),
    "anlaeg": ("anlaeg", m.Anlaeg),
    "oevrige_indtaegter": ("oevrig_indtaegt", m.OevrigIndtaegt),
    "resultater": ("resultat", m.Resultat),
    "hensaettelser": ("hensaettelse", m.Hensaettelse),
    "tillaegsydelser": ("tillaegsydelse", m.Tillaegsydelse),
}


# A tilbud's own lists (not edited element by element): rewritten with its fields.
TILBUD_LISTER: tuple[str, ...] = ("belaegning_aar", "noegletal", "fordeling", "objektiv_fordeling")


# ------------------------------------------------------------ values
def dec(x: Decimal | None) -> str | None:
    if x is None:
        return None
    if not isinstance(x, Decimal):
        raise TypeError(f"forventede Decimal, fik {type(x).__name__}: {x!r}")
    if x.is_nan() or urimelig(x):  # what fra_dec reads as damage is never written: the file would not open
        raise AendringsFejl(f"{_hvilket_tal(x)} kan ikke gemmes, for filen kunne så ikke åbnes igen. Ret tallet; "
                            "intet er gemt.")
    return str(x)


def _hvilket_tal(x: Decimal) -> str:
    if x.is_nan():
        return "Et felt, der ikke er et tal,"
    if x.adjusted() > 0:
        return f"Et tal med {dansk.tal(x.adjusted() + 1, 0)} cifre før kommaet"
    return f"Et tal med {dansk.tal(-x.as_tuple().exponent, 0)} decimaler (højst {dansk.MAKS_DECIMALER})"


def fra_dec(s: str | None) -> Decimal | None:
    """A stored amount; NaN (no number: every ordering comparison with it raises) and one that no
    door accepts (formats.laeser.urimelig) are damage, as in JSON. Infinity is read: the validation
    reports it, so the user can mend it."""
    if s is None:
        return None
    x = Decimal(s)
    if x.is_nan() or urimelig(x):
        raise InvalidOperation(s)
    return x


def _art(hint: Any) -> str:
    """The storage kind of a model field from its type hint."""
    args = set(typing.get_args(hint)) - {type(None)}
    base = next(iter(args)) if args else hint
    if base is Decimal:
        return "dec"
    if base is bool:
        return "bool"
    if base is date:
        return "date"
    if base in (int, str):
        return "plain"
    return "special"


def _feltarter(cls: type) -> tuple[tuple[str, str, str], ...]:
    """(attribute, column, kind) for the scalar fields of a record class."""
    hints = typing.get_type_hints(cls)
    ud = []
    for f in fields(cls):
        art = _art(hints[f.name])
        if art != "special":
            ud.append((f.name, f.name, art))
    return tuple(ud)


_FELTER: dict[type, tuple[tuple[str, str, str], ...]] = {cls: _feltarter(cls) for _, cls in SAMLINGER.values()}


def _belaegning_kolonner(b: m.Belaegning | None) -> dict[str, Any]:
    return {
        "belaegning_metode": None if b is None else b.metode,
        "belaegning_pct": None if b is None else dec(b.pct),
        "belaegning_begrundelse": None if b is None else b.begrundelse,
    }


def _belaegning_af(r: dict[str, Any], aar: list[dict[str, Any]]) -> m.Belaegning | None:
    if r["belaegning_metode"] is None:
        return None
    return m.Belaegning(
        metode=r["belaegning_metode"],
        faktisk_pct=tuple((x["aar"], fra_dec(x["pct"])) for x in aar),
        pct=fra_dec(r["belaegning_pct"]),
        begrundelse=r["belaegning_begrundelse"],
    )


def til_raekke(obj: Any) -> dict[str, Any]:
    r: dict[str, Any] = {}
    for attr, kol, art in _FELTER[type(obj)]:
        v = getattr(obj, attr)
        if art == "dec":
            v = dec(v)
        elif art == "bool":
            v = 1 if v else 0
        elif art == "date":
            v = None if v is None else v.isoformat()
        r[kol] = v
    if isinstance(obj, m.Ydelse):
        r.update(_belaegning_kolonner(obj.belaegning))
    return r


def fra_raekke(cls: type, r: dict[str, Any], **ekstra: Any) -> Any:
    kw: dict[str, Any] = {}
    for attr, kol, art in _FELTER[cls]:
        v = r[kol]
        if art == "dec":
            v = fra_dec(v)
        elif art == "bool":
            v = bool(v)
        elif art == "date":
            v = None if v is None else date.fromisoformat(v)
        kw[attr] = v
    kw.update(ekstra)
    return cls(**kw)


# ------------------------------------------------------------ writing
def _indsaet(db: Database, tabel: str, raekke: dict[str, Any]) -> int:
    return int(db.table(tabel).insert(raekke).last_rowid)


def _indsaet_mange(db: Database, tabel: str, raekker: list[dict[str, Any]]) -> None:
    if not raekker:
        return
    db.table(tabel).insert_all(raekker, batch_size=500)


def skriv_grundlag_raekke(db: Database, g: m.Takstgrundlag, ny: bool = False) -> None:
    r = {
        "takstaar": g.takstaar,
        "driftsherre_navn": g.driftsherre.navn,
        "driftsherre_cvr": g.driftsherre.cvr,
        "driftsherre_type": g.driftsherre.type,
        "rente_anlaeg_pct": dec(g.satser.rente_anlaeg_pct),
        "rente_kort_pct": dec(g.satser.rente_kort_pct),
        "tjenestemandspension_pct": dec(g.satser.tjenestemandspension_pct),
        "vaesentlighed_pct": dec(g.satser.vaesentlighed_pct),
        "pl_fremskrivning_pct": dec(g.satser.pl_fremskrivning_pct),
    }
    if ny:
        _indsaet(db, "grundlag", {"id": 1, **r})
    else:
        db.conn.execute(f"UPDATE grundlag SET {', '.join(f'{k} = ?' for k in r)} WHERE id = 1", tuple(r.values()))


def skriv_alt(db: Database, g: m.Takstgrundlag) -> None:
    """Write a whole takstgrundlag into empty tables."""
    skriv_grundlag_raekke(db, g, ny=True)
    for i, p in enumerate(g.overheadpuljer):
        indsaet_pulje(db, p, i)
    for i, t in enumerate(g.tilbud):
        indsaet_tilbud(db, t, i)


def indsaet_pulje(db: Database, p: m.Overheadpulje, position: int) -> int:
    nr = _indsaet(db, "overheadpulje", {
        "position": position, "id": p.id, "navn": p.navn, "beloeb": dec(p.beloeb), "noegle": p.noegle,
        "driftsandel_pct": dec(p.driftsandel_pct), "omfang_alle": 1 if p.omfang is None else 0,
        "kategori": p.kategori,
    })
    _indsaet_mange(db, "pulje_omfang", [
        {"overheadpulje_nr": nr, "position": i, "tilbud_id": tid} for i, tid in enumerate(p.omfang or ())
    ])
    _indsaet_mange(db, "pulje_modtager", [
        {"overheadpulje_nr": nr, "position": i, "id": o.id, "navn": o.navn, "noegletal": dec(o.noegletal)}
        for i, o in enumerate(p.oevrige_modtagere)
    ])
    _indsaet_mange(db, "pulje_andel", [
        {"overheadpulje_nr": nr, "position": i, "modtager": k, "pct": dec(v)} for i, (k, v) in enumerate(p.andele)
    ])
    return nr


def _tilbud_felter(t: m.Tilbud) -> dict[str, Any]:
    sv, e, dk, of = t.saerlige_vilkaar, t.enheder, t.driftskapital, t.objektiv_finansiering
    return {
        "navn": t.navn, "paragraf": t.paragraf, "kategori": t.kategori, "tilbudstype": t.tilbudstype,
        "pladser": t.pladser, "takststruktur": t.takststruktur, "tilbudsportal_id": t.tilbudsportal_id,
        "korte_forloeb": int(t.korte_forloeb), "nyt_tilbud": int(t.nyt_tilbud),
        "saerlige_beskrivelse": None if sv is None else sv.beskrivelse,
        "saerlige_godkendt": None if sv is None or sv.godkendt is None else sv.godkendt.isoformat(),
        "pladser_forrige_aar": t.pladser_forrige_aar,
        **_belaegning_kolonner(t.belaegning),
        "enheder_enhed": None if e is None else e.enhed,
        "enheder_antal": None if e is None else dec(e.antal),
        "driftskapital": 0 if dk is None else 1,
        "driftskapital_maaneder": None if dk is None else dec(dk.maaneder),
        "bemaerkninger": t.bemaerkninger,
        "foerste_driftsaar": t.foerste_driftsaar,
        "objektiv_andel_pct": None if of is None else dec(of.andel_pct),
    }


def _skriv_tilbud_lister(db: Database, nr: int, t: m.Tilbud) -> None:
    faktisk = t.belaegning.faktisk_pct if t.belaegning is not None else ()
    _indsaet_mange(db, "belaegning_aar", [
        {"tilbud_nr": nr, "position": i, "aar": y, "pct": dec(p)} for i, (y, p) in enumerate(faktisk)
    ])
    _indsaet_mange(db, "noegletal", [
        {"tilbud_nr": nr, "position": i, "navn": k, "vaerdi": dec(v)} for i, (k, v) in enumerate(t.noegletal)
    ])
    _indsaet_mange(db, "fordeling", [
        {"tilbud_nr": nr, "position": i, "modtager": k, "vaerdi": dec(v)} for i, (k, v) in enumerate(t.fordeling)
    ])
    of = t.objektiv_finansiering
    _indsaet_mange(db, "objektiv_fordeling", [
        {"tilbud_nr": nr, "position": i, "modtager": k, "vaerdi": dec(v)}
        for i, (k, v) in enumerate(of.fordeling if of is not None else ())
    ])


def indsaet_tilbud(db: Database, t: m.Tilbud, position: int) -> int:
    nr = _indsaet(db, "tilbud", {"position": position, "id": t.id, **_tilbud_felter(t)})
    _skriv_tilbud_lister(db, nr, t)
    for samling in SAMLINGER:
        indsaet_elementer(db, nr, samling, getattr(t, samling), 0)
    return nr


def opdater_tilbud_felter(db: Database, nr: int, t: m.Tilbud) -> None:
    """Rewrite a tilbud's own fields (not its collections) from the record."""
    r = _tilbud_felter(t)
    db.conn.execute(f"UPDATE tilbud SET {', '.join(f'{k} = ?' for k in r)} WHERE nr = ?", (*r.values(), nr))
    for tabel in TILBUD_LISTER:
        db.conn.execute(f"DELETE FROM {tabel} WHERE tilbud_nr = ?", (nr,))
    _skriv_tilbud_lister(db, nr, t)


def indsaet_elementer(db: Database, tilbud_nr: int, samling: str, elementer: typing.Sequence,
                      fra_position: int) -> None:
    """Insert elements of one collection at positions fra_position, fra_position+1, ..."""
    tabel, _ = SAMLINGER[samling]
    if samling == "ydelser":  # one at a time: a ydelse's own belægning has its years as child rows
        for i, x in enumerate(elementer):
            ynr = _indsaet(db, tabel, {"tilbud_nr": tilbud_nr, "position": fra_position + i, **til_raekke(x)})
            faktisk = x.belaegning.faktisk_pct if x.belaegning is not None else ()
            _indsaet_mange(db, "ydelse_belaegning_aar", [
                {"ydelse_nr": ynr, "position": j, "aar": y, "pct": dec(p)} for j, (y, p) in enumerate(faktisk)
            ])
        return
    if samling == "tillaegsydelser":
        for i, x in enumerate(elementer):
            tnr = _indsaet(db, tabel, {"tilbud_nr": tilbud_nr, "position": fra_position + i, **til_raekke(x)})
            _indsaet_mange(db, "tillaeg_tidsrum", [
                {"tillaegsydelse_nr": tnr, "position": j, "navn": k, "pct": dec(v)}
                for j, (k, v) in enumerate(x.tidsrum)
            ])
        return
    _indsaet_mange(db, tabel, [
        {"tilbud_nr": tilbud_nr, "position": fra_position + i, **til_raekke(x)} for i, x in enumerate(elementer)
    ])


def forskyd(db: Database, tabel: str, parent: str | None, parent_nr: int | None, fra: int,
            delta: int) -> None:
    """Move the rows at position >= fra by delta (to make room, or to close a gap)."""
    where = "position >= ?"
    args: tuple = (fra,)
    if parent is not None:
        where += f" AND {parent}_nr = ?"
        args = (fra, parent_nr)
    db.conn.execute(f"UPDATE {tabel} SET position = position + ? WHERE {where}", (delta, *args))


# ------------------------------------------------------------ reading
def _alle(conn: sqlite3.Connection, sql: str, args: tuple = ()) -> list[dict[str, Any]]:
    cur = conn.execute(sql, args)
    navne = [d[0] for d in cur.description]
    return [dict(zip(navne, r)) for r in cur.fetchall()]


def _grupper(raekker: list[dict[str, Any]], noegle: str) -> dict[int, list[dict[str, Any]]]:
    ud: dict[int, list[dict[str, Any]]] = {}
    for r in raekker:
        ud.setdefault(r[noegle], []).append(r)
    return ud


def laes_alt(conn: sqlite3.Connection) -> m.Takstgrundlag:
    g = _alle(conn, "SELECT * FROM grundlag WHERE id = 1")[0]
    puljer = _alle(conn, "SELECT * FROM overheadpulje ORDER BY position")
    pb = {t: _grupper(_alle(conn, f"SELECT * FROM {t} ORDER BY overheadpulje_nr, position"), "overheadpulje_nr")
          for t in ("pulje_omfang", "pulje_modtager", "pulje_andel")}
    tilbud = _alle(conn, "SELECT * FROM tilbud ORDER BY position")
    tb = {t: _grupper(_alle(conn, f"SELECT * FROM {t} ORDER BY tilbud_nr, position"), "tilbud_nr")
          for t in TILBUD_LISTER + tuple(t for t, _ in SAMLINGER.values())}
    tidsrum = _grupper(_alle(conn, "SELECT * FROM tillaeg_tidsrum ORDER BY tillaegsydelse_nr, position"),
                       "tillaegsydelse_nr")
    ydelse_aar = _grupper(_alle(conn, "SELECT * FROM ydelse_belaegning_aar ORDER BY ydelse_nr, position"),
                          "ydelse_nr")
    return m.Takstgrundlag(
        takstaar=g["takstaar"],
        driftsherre=m.Driftsherre(navn=g["driftsherre_navn"], cvr=g["driftsherre_cvr"], type=g["driftsherre_type"]),
        satser=m.Satser(
            rente_anlaeg_pct=fra_dec(g["rente_anlaeg_pct"]),
            rente_kort_pct=fra_dec(g["rente_kort_pct"]),
            tjenestemandspension_pct=fra_dec(g["tjenestemandspension_pct"]),
            vaesentlighed_pct=fra_dec(g["vaesentlighed_pct"]),
            pl_fremskrivning_pct=fra_dec(g["pl_fremskrivning_pct"]),
        ),
        tilbud=tuple(_tilbud(r, tb, tidsrum, ydelse_aar) for r in tilbud),
        overheadpuljer=tuple(_pulje(r, pb) for r in puljer),
    )


def _pulje(r: dict[str, Any], pb: dict[str, dict[int, list]]) -> m.Overheadpulje:
    nr = r["nr"]
    return m.Overheadpulje(
        id=r["id"], navn=r["navn"], beloeb=fra_dec(r["beloeb"]), noegle=r["noegle"],
        driftsandel_pct=fra_dec(r["driftsandel_pct"]),
        omfang=None if r["omfang_alle"] else tuple(x["tilbud_id"] for x in pb["pulje_omfang"].get(nr, ())),
        oevrige_modtagere=tuple(
            m.OevrigModtager(id=x["id"], navn=x["navn"], noegletal=fra_dec(x["noegletal"]))
            for x in pb["pulje_modtager"].get(nr, ())
        ),
        andele=tuple((x["modtager"], fra_dec(x["pct"])) for x in pb["pulje_andel"].get(nr, ())),
        kategori=r["kategori"],
    )


def _tilbud(r: dict[str, Any], tb: dict[str, dict[int, list]], tidsrum: dict[int, list],
            ydelse_aar: dict[int, list]) -> m.Tilbud:
    nr = r["nr"]
    saml: dict[str, tuple] = {}
    for samling, (tabel, cls) in SAMLINGER.items():
        rows = tb[tabel].get(nr, ())
        if samling == "tillaegsydelser":
            saml[samling] = tuple(
                fra_raekke(cls, x, tidsrum=tuple((y["navn"], fra_dec(y["pct"])) for y in tidsrum.get(x["nr"], ())))
                for x in rows
            )
        elif samling == "ydelser":
            saml[samling] = tuple(fra_raekke(cls, x, belaegning=_belaegning_af(x, ydelse_aar.get(x["nr"], [])))
                                  for x in rows)
        else:
            saml[samling] = tuple(fra_raekke(cls, x) for x in rows)
    bel = _belaegning_af(r, tb["belaegning_aar"].get(nr, []))
    of = None
    if r["objektiv_andel_pct"] is not None:
        of = m.ObjektivFinansiering(
            andel_pct=fra_dec(r["objektiv_andel_pct"]),
            fordeling=tuple((x["modtager"], fra_dec(x["vaerdi"])) for x in tb["objektiv_fordeling"].get(nr, ())),
        )
    sv = None
    if r["saerlige_beskrivelse"] is not None:
        g = r["saerlige_godkendt"]
        sv = m.SaerligeVilkaar(beskrivelse=r["saerlige_beskrivelse"], godkendt=None if g is None else date.fromisoformat(g))
    return m.Tilbud(
        id=r["id"], navn=r["navn"], paragraf=r["paragraf"], kategori=r["kategori"], tilbudstype=r["tilbudstype"],
        pladser=r["pladser"], takststruktur=r["takststruktur"], tilbudsportal_id=r["tilbudsportal_id"],
        korte_forloeb=bool(r["korte_forloeb"]), nyt_tilbud=bool(r["nyt_tilbud"]), saerlige_vilkaar=sv,
        pladser_forrige_aar=r["pladser_forrige_aar"], belaegning=bel,
        noegletal=tuple((x["navn"], fra_dec(x["vaerdi"])) for x in tb["noegletal"].get(nr, ())),
        enheder=None if r["enheder_enhed"] is None else m.Enheder(r["enheder_enhed"], fra_dec(r["enheder_antal"])),
        fordeling=tuple((x["modtager"], fra_dec(x["vaerdi"])) for x in tb["fordeling"].get(nr, ())),
        driftskapital=m.Driftskapital(fra_dec(r["driftskapital_maaneder"])) if r["driftskapital"] else None,
        bemaerkninger=r["bemaerkninger"],
        foerste_driftsaar=r["foerste_driftsaar"],
        objektiv_finansiering=of,
        **saml,
    )
