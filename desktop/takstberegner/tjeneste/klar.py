"""Is the file ready to be submitted (indmeldes)? The checklist the overview shows before
Indmeld (SA 2.2.1, 5.6): the driftsherre's name and CVR, the rente, the takstår, and every tilbud
that is submitted (kategori 2 and 3) with a budget and takster above 0 — and every finding of
level fejl. Each problem carries the field path it is about, so the user can go to it.
Pure Python over the takstgrundlag and the beregning: no Qt."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from takstberegner import dansk
from takstberegner.domain.navne import tilbud_navn

_CVR = re.compile(r"\d{8}")
_STANDARDNAVNE = {"", "ny driftsherre"}


@dataclass(frozen=True)
class Punkt:
    """One line of the checklist."""

    tekst: str
    ok: bool
    felt: str = ""  # where to fix it
    hvor: str = "Driftsherre"  # tilbud name, or Driftsherre


@dataclass(frozen=True)
class Mangel:
    """One thing that blocks the indmelding, said in Danish, with the field it is about."""

    hvor: str  # the tilbud as places name it (navne.tilbud_navn), or "Driftsherre"
    tekst: str
    felt: str
    reference: str = ""
    status: str = ""  # as a tilbud's status ('Budgettet er tomt'); "" for the whole text
    kort: str = ""  # in a few words, for the overview's Status column ('Tomt budget')

    def sted(self, grundlag) -> str:
        """'Bostedet Nord › Budget': the place in words, never a path."""
        from takstberegner.domain.navne import felt_tekst

        sted = felt_tekst(self.felt, grundlag) if self.felt else self.hvor
        if self.hvor != "Driftsherre" and not sted.startswith(self.hvor):
            sted = f"{self.hvor} › {sted}"
        return sted

    def linje(self, grundlag) -> str:
        """'Bostedet Nord › Budget: Budgettet er tomt. … (SA 5.5.1)': the place in words, never a path."""
        return f"{self.sted(grundlag)}: {self.tekst}" + (f" ({self.reference})" if self.reference else "")


def indmeldes(tilbud) -> bool:
    """Kategori 1 tilbud carry their overhead but are not submitted (SA 2.2)."""
    return tilbud.kategori != 1


def tilbud_mangler(i: int, t, r) -> list[Mangel]:
    """What makes a submitted tilbud's takster meaningless: no budget, or a takst of 0 or less."""
    if not indmeldes(t):
        return []
    if r is not None and "INPUT" in r.koder:
        return []  # its INPUT findings say what to fix first (and its raw amounts may be anything)
    ud = []
    hvor = tilbud_navn(t, i)
    direkte = r.direkte_omkostninger if r is not None else sum((x.beloeb for x in t.omkostninger), Decimal(0))
    if not t.omkostninger or direkte <= 0:
        ud.append(Mangel(hvor, "Budgettet er tomt. Indtast tilbuddets omkostninger.", f"tilbud[{i}].omkostninger",
                         "SA 5.5.1", "Budgettet er tomt", "Tomt budget"))
    if r is not None:
        if not r.takster:
            ud.append(Mangel(hvor, "Tilbuddet har ingen takst. Angiv ydelser og pladser.", f"tilbud[{i}].ydelser",
                             "SA 5.4", "Tilbuddet har ingen takst", "Ingen takst"))
        ydelser = {y.id: k for k, y in enumerate(t.ydelser)}
        for tk in r.takster:
            if tk.takst <= 0:
                k = ydelser.get(tk.ydelse)
                status = f"Taksten for {tk.ydelse_navn or 'ydelsen'} er {dansk.kr(tk.takst)}"
                ud.append(Mangel(hvor, f"{status}; en takst skal være over 0 kr.",
                                 f"tilbud[{i}].ydelser[{k}]" if k is not None else f"tilbud[{i}].omkostninger", "SA 5.4",
                                 status, "Takst 0 kr. eller under"))
    return ud


def tjekliste(grundlag, beregning) -> list[Punkt]:
    """The checklist before submission, in the order the user would work through it."""
    d = grundlag.driftsherre
    navn_ok = d.navn.strip().lower() not in _STANDARDNAVNE
    cvr_ok = bool(_CVR.fullmatch(d.cvr or "")) and d.cvr != "00000000"
    punkter = [
        Punkt("Driftsherrens navn er udfyldt" if navn_ok else "Skriv driftsherrens navn", navn_ok, "driftsherre.navn"),
        Punkt("CVR-nummeret er udfyldt" if cvr_ok else "Skriv driftsherrens CVR-nummer (8 cifre)", cvr_ok,
              "driftsherre.cvr"),
        Punkt(f"Takståret er {grundlag.takstaar}", bool(grundlag.takstaar), "takstaar"),
    ]
    rente = grundlag.satser.rente_anlaeg_pct
    rente_ok = rente is not None and rente > 0
    punkter.append(Punkt("Renten til forrentning af anlæg er sat" if rente_ok else
                         "Sæt årets rente til forrentning af anlæg (SA 5.5.5)", rente_ok, "satser.rente_anlaeg_pct"))
    indmeldte = [(i, t) for i, t in enumerate(grundlag.tilbud) if indmeldes(t)]
    if not indmeldte:
        punkter.append(Punkt("Tilføj mindst ét tilbud i kategori 2 eller 3", False, "tilbud"))
    klare = 0
    for i, t in indmeldte:
        r = beregning.tilbud_resultat(t.id)
        mangler = tilbud_mangler(i, t, r)
        fejl = r.fejl if r else ()
        if mangler:
            punkter.append(Punkt(mangler[0].tekst, False, mangler[0].felt, t.navn))
        elif fejl:
            punkter.append(Punkt(f"{dansk.tal(len(fejl), 0)} fejl skal rettes", False, fejl[0].felt, t.navn))
        else:
            klare += 1
    if indmeldte and klare == len(indmeldte):
        tekst = "Tilbuddet har" if klare == 1 else f"Alle {klare} tilbud har"
        punkter.append(Punkt(f"{tekst} budget og takster over 0 kr. og ingen fejl", True))
    elif klare:
        punkter.append(Punkt(f"{klare} af {len(indmeldte)} tilbud har budget og takster over 0 kr. og ingen fejl",
                             True))
    return punkter


def ikke_udfyldt(grundlag, beregning) -> list[Mangel]:
    """The checklist's open points that are not findings: what makes a submission meaningless
    (the driftsherre's name, CVR, rente; a submitted tilbud without budget or with a takst of 0 or
    less). The command line's kontroller lists them beside the findings, and indmeld refuses them,
    as the app's overview does."""
    ud = [Mangel("Driftsherre", p.tekst, p.felt) for p in tjekliste(grundlag, beregning)
          if not p.ok and p.hvor == "Driftsherre"]
    for i, t in enumerate(grundlag.tilbud):
        ud.extend(tilbud_mangler(i, t, beregning.tilbud_resultat(t.id)))
    return ud


def mangler(grundlag, beregning) -> list[Mangel]:
    """Everything that blocks the indmelding: the checklist's open points and every fejl."""
    ud: list[Mangel] = []
    for p in tjekliste(grundlag, beregning):
        if not p.ok and p.hvor == "Driftsherre":
            ud.append(Mangel("Driftsherre", p.tekst, p.felt))
    for f in beregning.fund:
        if f.er_fejl:
            ud.append(Mangel("Driftsherre", f.tekst, f.felt, f.reference))
    for i, t in enumerate(grundlag.tilbud):
        if not indmeldes(t):
            continue
        r = beregning.tilbud_resultat(t.id)
        ud.extend(tilbud_mangler(i, t, r))
        hvor = tilbud_navn(t, i)  # once per tilbud, not per finding (90.000 fejl: 0,7 s at every redraw)
        ud.extend(Mangel(hvor, f.tekst, f.felt, f.reference) for f in (r.fejl if r else ()))
    return ud


def klar(grundlag, beregning) -> bool:
    return not mangler(grundlag, beregning)


class Status(NamedTuple):
    """One tilbud's readiness: the status in words, whether it is ready, and the status in a few
    words for the overview's Status column ('Klar til indmelding' was cut there at 125 %)."""

    tekst: str
    ok: bool
    kort: str


def tilbud_status(i: int, t, r) -> Status:
    """A short Danish status for one tilbud and whether it is ready."""
    if not indmeldes(t):
        return Status("Kategori 1: indmeldes ikke", True, "Indmeldes ikke")
    m = tilbud_mangler(i, t, r)
    if m:
        return Status(m[0].status or m[0].tekst, False, m[0].kort or m[0].status or m[0].tekst)
    fejl = len(r.fejl) if r else 0
    if fejl:
        antal = dansk.tal(fejl, 0)
        return Status(f"{antal} fejl skal rettes", False, f"{antal} fejl")
    return Status("Klar til indmelding", True, "Klar")
