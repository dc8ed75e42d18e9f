"""Import of a budget from the finance system (.xlsx or Danish .csv): the door the app and the
command line use.

`laes_ark` reads a sheet safely (xlsx_laeser / csv_laeser, within `graenser.Graenser`; hostile
files are refused with a Danish reason); `budget.laes_linjer` turns the chosen columns into lines
with the kontoplan's kategori; `forhaandsvis` does both for the command line, where columns are
named by their heading ("Beløb") or letter ("C"). `importer` runs the one validation and writes
the edits into a .takst file in one transaction: by default the tilbud's budget is replaced.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from takstberegner.domain import model as m
from takstberegner.formats.fejl import InputError
from takstberegner.importers import ark as ark_
from takstberegner.importers.ark import Ark, Kolonnevalg
from takstberegner.importers.budget import (  # noqa: F401  (the names callers use)
    ERSTAT,
    MAADER,
    TILFOEJ,
    BudgetLinje,
    CelleFejl,
    ExcelFejl,
    Forhaandsvisning,
    ingen_kolonne,
    kontroller,
    laes_linjer,
)
from takstberegner.importers.graenser import STANDARD, AfvistFil, Graenser
from takstberegner.importers.kontoplan import Kontoplan, laes_kontoplan

MAKS_RAEKKER = STANDARD.raekker
GRID_RAEKKER = 200  # rows read for the grid the user picks columns in
GRID_KOLONNER = 100  # columns offered there (a budget export has far fewer)
XLSX = (".xlsx", ".xlsm")
CSV = (".csv", ".txt")


def filtype(sti: Path | str) -> str:
    """'xlsx' or 'csv'; AfvistFil for anything else."""
    p = Path(sti)
    endelse = p.suffix.lower()
    if endelse in XLSX:
        return "xlsx"
    if endelse in CSV:
        return "csv"
    raise AfvistFil(f"Filen {p.name} kan ikke importeres som budget: vælg et Excel-regneark (.xlsx) eller en "
                    "CSV-fil (.csv).")


def ark_navne(sti: Path | str, graenser: Graenser = STANDARD) -> list[str]:
    """The worksheets of an .xlsx file; a CSV file is one sheet named after the file."""
    if filtype(sti) == "csv":
        return [Path(sti).stem]
    from takstberegner.importers.xlsx_laeser import Projektmappe

    with Projektmappe(sti, graenser) as pm:
        return pm.ark_navne


def laes_ark(sti: Path | str, ark: str | None = None, kolonner: set[int] | None = None,
             maks_raekker: int | None = None, graenser: Graenser = STANDARD) -> Ark:
    """One sheet (the first when `ark` is None), all or only some columns, all or only the first rows."""
    if filtype(sti) == "csv":
        from takstberegner.importers.csv_laeser import laes_csv

        return laes_csv(sti, graenser, maks_raekker, kolonner)
    from takstberegner.importers.xlsx_laeser import Projektmappe

    with Projektmappe(sti, graenser) as pm:
        if ark is None:
            if not pm.ark_navne:
                raise AfvistFil(f"Regnearket {Path(sti).name} har ingen ark med celler.")
            ark = pm.ark_navne[0]
        return pm.laes_ark(ark, kolonner, maks_raekker)


def _kolonne(vaerdi: str | None, titler: dict[int, str], hvad: str) -> int:
    """A column named by its heading ('Beløb', any case) or by its letter ('C')."""
    if not vaerdi:
        return 0
    s = " ".join(vaerdi.split()).casefold()
    for k, t in titler.items():
        if t.casefold() == s:
            return k
    n = ark_.kolonne_nr(vaerdi)
    if n is not None:
        return n
    kendte = ", ".join(f"'{t}'" for t in list(titler.values())[:12])
    raise InputError(hvad, f"der er ingen kolonne med overskriften '{vaerdi}'; overskrifterne er {kendte}")


def forhaandsvis(
    sti: Path | str,
    ark: str | None,
    konto: str | None,
    tekst: str | None,
    beloeb: str | None,
    grundlag: m.Takstgrundlag,
    tilbud: str | None = None,
    tilbud_id: str | None = None,
    kontoplan: Kontoplan | None = None,
    fra_raekke: int | None = None,
    maks_raekker: int | None = None,
    graenser: Graenser = STANDARD,
) -> Forhaandsvisning:
    """Read the file and propose a kategori for each line, without writing anything.

    Columns are given by heading or letter; those not given are found from the headings and the
    content. `tilbud` is the column naming each line's tilbud (id, tilbudsportal-id or name);
    `tilbud_id` the tilbud of all lines."""
    if maks_raekker is not None:
        graenser = replace(graenser, raekker=maks_raekker)
    forsmag = laes_ark(sti, ark, kolonner=set(range(1, GRID_KOLONNER + 1)), maks_raekker=GRID_RAEKKER,
                       graenser=graenser)
    overskrift = ark_.find_overskrift(forsmag)
    titler = ark_.overskrifter(forsmag, overskrift)
    gaet = ark_.gaet_kolonner(forsmag, overskrift, {t.navn for t in grundlag.tilbud})
    valg = Kolonnevalg(
        konto=_kolonne(konto, titler, "--konto") or gaet.konto,
        tekst=_kolonne(tekst, titler, "--tekst") or (gaet.tekst if tekst is None else 0),
        beloeb=_kolonne(beloeb, titler, "--beloeb") or gaet.beloeb,
        tilbud=_kolonne(tilbud, titler, "--tilbud") if tilbud else (gaet.tilbud if tilbud_id is None else 0),
        overskrift=overskrift or 0,
    )
    if not valg.beloeb or not valg.konto:
        _ingen_kolonne(sti, forsmag.navn, "beloeb" if not valg.beloeb else "konto", ark is None, graenser)
    fuld = laes_ark(sti, forsmag.navn if filtype(sti) == "xlsx" else None, kolonner=valg.brugte(),
                    graenser=graenser)
    fv = laes_linjer(fuld, valg, grundlag, tilbud_id, kontoplan or laes_kontoplan(), fra_raekke)
    roller = (("konto", valg.konto), ("tekst", valg.tekst), ("beløb", valg.beloeb), ("tilbud", valg.tilbud))
    return replace(fv, kolonner=tuple((r, f"{ark_.bogstav(k)} ({titler.get(k, '')})") for r, k in roller if k))


def _ingen_kolonne(sti: Path | str, ark: str, rolle: str, standard: bool, graenser: Graenser) -> None:
    """No column for `rolle` (budget.ingen_kolonne, the app's wording too): say which sheet was read,
    and, when it was only the first one, the others."""
    andre = [n for n in ark_navne(sti, graenser) if n != ark] if standard and filtype(sti) == "xlsx" else []
    ekstra = f", eller vælg arket med budgettet med --ark (de andre ark hedder {', '.join(repr(n) for n in andre)})" \
        if andre else ""
    raise InputError("", ingen_kolonne(ark, rolle, kommandolinje=True, ekstra=ekstra))


def afvis_hvis_ugyldig(grundlag: m.Takstgrundlag, fv: Forhaandsvisning, maade: str) -> list[Any]:
    """The edits of the import, after the one validation; InputError when anything is refused."""
    if fv.problemer():
        raise InputError("", "\n".join(fv.problemer()) + "\nIntet er importeret.")
    fund = kontroller(grundlag, fv.efter(grundlag, maade))
    if fund:
        raise InputError("", "Importen kan ikke gemmes:\n" + "\n".join(fund[:10]) + "\nIntet er importeret.")
    return fv.aendringer(grundlag, maade)


def importer(takstfil: Any, forhaandsvisning: Forhaandsvisning, maade: str = ERSTAT) -> m.Takstgrundlag:
    """Write the previewed lines into an open TakstFil, in one transaction (all or nothing)."""
    aendringer = afvis_hvis_ugyldig(takstfil.hent(), forhaandsvisning, maade)
    return takstfil.anvend_alle(aendringer)
