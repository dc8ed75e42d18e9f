"""How one change of the takstgrundlag (domain/aendringer.py) is written to the .takst tables.

The change has been applied in memory once already (aendringer.anvend_alle gives each step with
the state before and after); `gem` writes just the rows it touches, inside the transaction
repository.py opened. Appends come batched (TilfoejElementer), so a budget of 50.000 lines is one
multi-row insert.
"""
from __future__ import annotations

from sqlite_utils import Database

from takstberegner.domain import aendringer as ae
from takstberegner.domain.model import Takstgrundlag
from takstberegner.storage import mapping


def _tjek_element(samling: str, element: object) -> None:
    _, cls = mapping.SAMLINGER.get(samling, (None, None))
    if cls is not None and not isinstance(element, cls):
        raise ae.AendringsFejl(f"Et element i '{samling}' skal være {cls.__name__}, ikke {type(element).__name__}.")


def tjek(a: object) -> None:
    """Elements must be records of the collection's class before a row is written from them."""
    if isinstance(a, ae.TilfoejElementer):
        for x in a.elementer:
            _tjek_element(a.samling, x)
    elif isinstance(a, (ae.TilfoejElement, ae.OpdaterElement)):
        _tjek_element(a.samling, a.element)


def _tilbud_nr(db: Database, tilbud_id: str) -> int:
    return db.conn.execute("SELECT nr FROM tilbud WHERE id = ?", (tilbud_id,)).fetchone()[0]


def gem(db: Database, a: object, foer: Takstgrundlag, efter: Takstgrundlag) -> None:
    """Write one change that has already been applied in memory (foer -> efter)."""
    c = db.conn
    if isinstance(a, (ae.SaetDriftsherre, ae.SaetSatser)):
        mapping.skriv_grundlag_raekke(db, efter)
    elif isinstance(a, ae.TilfoejTilbud):
        pos = len(foer.tilbud) if a.position is None else a.position
        mapping.forskyd(db, "tilbud", None, None, pos, 1)
        mapping.indsaet_tilbud(db, a.tilbud, pos)
    elif isinstance(a, ae.SletTilbud):
        nr, pos = c.execute("SELECT nr, position FROM tilbud WHERE id = ?", (a.tilbud_id,)).fetchone()
        c.execute("DELETE FROM tilbud WHERE nr = ?", (nr,))
        mapping.forskyd(db, "tilbud", None, None, pos + 1, -1)
    elif isinstance(a, ae.OpdaterTilbud):
        i = ae._tilbud_index(efter, a.tilbud_id)
        mapping.opdater_tilbud_felter(db, _tilbud_nr(db, a.tilbud_id), efter.tilbud[i])
    elif isinstance(a, ae.TilfoejElementer):
        nr = _tilbud_nr(db, a.tilbud_id)
        start = len(getattr(foer.tilbud[ae._tilbud_index(foer, a.tilbud_id)], a.samling))
        mapping.indsaet_elementer(db, nr, a.samling, a.elementer, start)
    elif isinstance(a, ae.SletSidste):
        nr = _tilbud_nr(db, a.tilbud_id)
        tabel, _ = mapping.SAMLINGER[a.samling]
        efter_laengde = len(getattr(efter.tilbud[ae._tilbud_index(efter, a.tilbud_id)], a.samling))
        c.execute(f"DELETE FROM {tabel} WHERE tilbud_nr = ? AND position >= ?", (nr, efter_laengde))
    elif isinstance(a, (ae.TilfoejElement, ae.OpdaterElement, ae.SletElement)):
        nr = _tilbud_nr(db, a.tilbud_id)
        tabel, _ = mapping.SAMLINGER[a.samling]
        if isinstance(a, ae.TilfoejElement):
            pos = a.position
            mapping.forskyd(db, tabel, "tilbud", nr, pos, 1)
            mapping.indsaet_elementer(db, nr, a.samling, (a.element,), pos)
        else:
            c.execute(f"DELETE FROM {tabel} WHERE tilbud_nr = ? AND position = ?", (nr, a.position))
            if isinstance(a, ae.OpdaterElement):
                mapping.indsaet_elementer(db, nr, a.samling, (a.element,), a.position)
            else:
                mapping.forskyd(db, tabel, "tilbud", nr, a.position + 1, -1)
    elif isinstance(a, ae.TilfoejPulje):
        pos = len(foer.overheadpuljer) if a.position is None else a.position
        mapping.forskyd(db, "overheadpulje", None, None, pos, 1)
        mapping.indsaet_pulje(db, a.pulje, pos)
    elif isinstance(a, (ae.OpdaterPulje, ae.SletPulje)):
        c.execute("DELETE FROM overheadpulje WHERE position = ?", (a.position,))
        if isinstance(a, ae.OpdaterPulje):
            mapping.indsaet_pulje(db, a.pulje, a.position)
        else:
            mapping.forskyd(db, "overheadpulje", None, None, a.position + 1, -1)
    else:
        raise ae.AendringsFejl(f"Ukendt ændring: {a!r}")
