"""The budget import as the app walks through it, without Qt (a presenter, as moneyguru's): open the
file, show its first rows, find the heading row, pick columns by heading (a remembered layout
first), read the lines, let the user change kategori, post, vagtlag and del per line, choose to
replace or add, compare before and after, and give the edits once the one validation accepts them.

The dialog (app/importdialog.py) only shows this state and calls these methods.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any, Callable

from takstberegner.domain import model as m
from takstberegner.domain.usynlige_tegn import synlig
from takstberegner.formats.fejl import InputError
from takstberegner.importers import ark as A
from takstberegner.importers import excel_budget as eb
from takstberegner.importers.budget import (ERSTAT, MAADER, Forhaandsvisning, Sammenligning, ingen_kolonne, kontroller,
                                           laes_linjer)
from takstberegner.importers.graenser import STANDARD, Graenser
from takstberegner.importers.kontoplan import Kontoplan, laes_kontoplan

ROLLE_NAVNE = {"konto": "Konto eller art", "tekst": "Tekst", "beloeb": "Beløb", "tilbud": "Tilbud"}


class ImportForloeb:
    """One import from one file into one takstgrundlag. Raises `Fejl` (Danish) where the file is refused."""

    def __init__(self, sti: Path | str, grundlag: m.Takstgrundlag, tilbud_id: str | None,
                 husket: Callable[[str], dict | None] = lambda noegle: None, kontoplan: Kontoplan | None = None,
                 graenser: Graenser = STANDARD):
        self.sti = Path(sti)
        self.grundlag = grundlag
        ids = [t.id for t in grundlag.tilbud]
        self.tilbud_id = tilbud_id if tilbud_id in ids else (ids[0] if ids else None)
        self._husket = husket
        self._kontoplan = kontoplan
        self.graenser = graenser
        self.er_csv = eb.filtype(self.sti) == "csv"
        self.ark_navne = eb.ark_navne(self.sti, graenser)
        if not self.ark_navne:
            raise InputError("", f"Regnearket {self.sti.name} har ingen ark.")
        self.maade = ERSTAT
        self.fv: Forhaandsvisning | None = None
        self.husket_brugt = False
        self.vaelg_ark(self.ark_navne[0])

    # ---- step 1: the grid and the columns
    def vaelg_ark(self, navn: str) -> None:
        self.ark = navn
        self.grid = eb.laes_ark(self.sti, None if self.er_csv else navn, maks_raekker=eb.GRID_RAEKKER,
                                kolonner=set(range(1, eb.GRID_KOLONNER + 1)), graenser=self.graenser)
        self.saet_overskrift(A.find_overskrift(self.grid) or 0)

    def saet_overskrift(self, raekke: int) -> None:
        """The heading row (0: none). The columns are the remembered ones for these headings, else a guess."""
        self.overskrift = raekke
        self.titler = A.overskrifter(self.grid, raekke or None)
        self.noegle = A.layout_noegle(self.ark, self.titler)
        husket = self._husket(self.noegle) if raekke else None
        valg = None
        if husket:
            valg = A.Kolonnevalg.fra_titler(husket.get("kolonner", {}), self.titler, raekke)
        self.husket_brugt = valg is not None
        if valg is None:
            valg = A.gaet_kolonner(self.grid, raekke or None, {t.navn for t in self.grundlag.tilbud})
        self.valg = valg
        self.fv = None

    def saet_kolonne(self, rolle: str, kolonne: int) -> None:
        if rolle not in ROLLE_NAVNE:
            raise ValueError(rolle)
        self.valg = replace(self.valg, **{rolle: kolonne})
        self.fv = None

    def saet_tilbud(self, tilbud_id: str) -> None:
        """Every line to this tilbud (no tilbud column)."""
        self.tilbud_id = tilbud_id
        self.valg = replace(self.valg, tilbud=0)
        self.fv = None

    def mangler(self) -> str:
        """Why the lines cannot be read yet (no column for the amount or the konto), in the command
        line's words (budget.ingen_kolonne); empty when they can."""
        for rolle in ("beloeb", "konto"):
            if not getattr(self.valg, rolle):
                return ingen_kolonne(self.grid.navn, rolle)
        return ""

    def rolle(self, kolonne: int) -> str | None:
        for r in ("konto", "tekst", "beloeb", "tilbud"):
            if getattr(self.valg, r) == kolonne:
                return r
        return None

    def kolonnevalg_tekst(self, kolonne: int) -> str:
        """How a column is offered in a choice: its heading and letter, 'Budget 2026 (kolonne C)'."""
        return f"{synlig(self.titler.get(kolonne, ''))} (kolonne {A.bogstav(kolonne)})"

    # ---- step 2: the lines
    def laes(self) -> Forhaandsvisning:
        """Read the chosen columns of the whole sheet; ExcelFejl/AfvistFil/InputError in Danish."""
        fuld = eb.laes_ark(self.sti, None if self.er_csv else self.ark, kolonner=self.valg.brugte(),
                           graenser=self.graenser)
        kp = self._kontoplan or laes_kontoplan()
        self.fv = laes_linjer(fuld, self.valg, self.grundlag, None if self.valg.tilbud else self.tilbud_id, kp)
        return self.fv

    def husk(self) -> tuple[str, dict[str, Any]]:
        """(key, what to remember) for this file layout: the columns by their headings."""
        return self.noegle, {"kolonner": self.valg.som_titler(self.titler), "overskrift": self.overskrift}

    def saet_linje(self, i: int, **felter: Any) -> None:
        self.fv = self.fv.med_linje(i, **felter)

    def saet_maade(self, maade: str) -> None:
        if maade not in MAADER:
            raise ValueError(maade)
        self.maade = maade

    def tilbud_navne(self) -> list[str]:
        navn = {t.id: t.navn for t in self.grundlag.tilbud}
        return [navn[t] for t in self.fv.tilbud_ids()] if self.fv else []

    def efter(self) -> m.Takstgrundlag:
        return self.fv.efter(self.grundlag, self.maade)

    def sammenligning(self) -> list[Sammenligning]:
        return self.fv.sammenligning(self.grundlag, self.maade) if self.fv else []

    def problemer(self) -> list[str]:
        """What stops the import, in Danish: kategorier to choose, and what the one validation refuses."""
        if self.fv is None:
            return ["Læs linjerne først."]
        p = self.fv.problemer()
        return p or kontroller(self.grundlag, self.efter())

    def aendringer(self) -> list:
        """The edits to save in one transaction; InputError (Danish) if anything stops the import."""
        p = self.problemer()
        if p:
            raise InputError("", "\n".join(p[:10]) + "\nIntet er importeret.")
        return self.fv.aendringer(self.grundlag, self.maade)
