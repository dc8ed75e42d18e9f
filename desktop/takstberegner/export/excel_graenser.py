"""Excel's limits, checked before a workbook built from many submissions is written (the samlede
takstbilag): 1.048.576 rows and 16.384 columns in a sheet, 32.767 characters in a cell, sheet
names of at most 31 characters without []:*?/\\ and unique however they are cased.

Excel opens a workbook past them with a repair that drops rows, columns or text, or not at all;
so nothing is written then, and the refusal says, in Danish, which files made it too large (each
row of a sheet knows the submission it came from: `Raekke.kilde`).
"""
from __future__ import annotations

from collections import Counter

from takstberegner import dansk
from takstberegner.fejl import Fejl

RAEKKER = 1_048_576
KOLONNER = 16_384
TEGN = 32_767
ARKNAVN = 31
_ULOVLIGE_I_ARKNAVN = set("[]:*?/\\")
_VIS_FILER = 5  # the files named in a refusal: the ones that add the most


class ForStortRegneark(Fejl):
    """The workbook would exceed what Excel can hold; `besked` names the files and what to do."""


def _filer(taelling: Counter, filnavne: dict[int, str], ental: str, flertal: str) -> str:
    """'nr. 3 (a.indmelding) med 600.000 rækker og nr. 5 (b.indmelding) med 400.000 rækker'."""
    dele = [f"nr. {nr} ({filnavne.get(nr, '?')}) med {dansk.tal(n, 0)} {ental if n == 1 else flertal}"
            for nr, n in taelling.most_common(_VIS_FILER) if nr]
    if not dele:
        return ""
    flere = len([nr for nr in taelling if nr]) - len(dele)
    if flere > 0:
        dele.append(f"{dansk.tal(flere, 0)} andre")
    return " Mest fra " + dansk.opremsning(dele) + "."


_HVAD_NU = (" Lav takstbilaget af færre indmeldinger ad gangen, eller bed driftsherren om en rettet "
            "indmelding.")


def kontroller(ark: list, filnavne: dict[int, str]) -> None:
    """Raise `ForStortRegneark` when the sheets (export/takstbilag_ark.Ark) would not fit in
    Excel; `filnavne` maps a submission's number to its file name."""
    set_: set[str] = set()
    for a in ark:
        if not a.navn or len(a.navn) > ARKNAVN or _ULOVLIGE_I_ARKNAVN & set(a.navn) or a.navn.casefold() in set_:
            raise ForStortRegneark(
                f"Takstbilaget kan ikke laves: arknavnet '{a.navn}' kan ikke bruges i Excel (højst {ARKNAVN} tegn, "
                "ingen af tegnene [ ] : * ? / \\, og forskellig fra de andre arks navne, også med store og små "
                "bogstaver).")
        set_.add(a.navn.casefold())
        raekker = 3 + max(len(a.raekker), 1) + (a.slutraekke is not None)
        if raekker > RAEKKER:
            antal = Counter(r.kilde for r in a.raekker)
            raise ForStortRegneark(
                f"Takstbilaget kan ikke laves: arket {a.navn} ville få {dansk.tal(raekker, 0)} rækker, men Excel kan "
                f"højst have {dansk.tal(RAEKKER, 0)} rækker i et ark." + _filer(antal, filnavne, "række", "rækker") + _HVAD_NU)
        if len(a.kolonner) > KOLONNER:
            brugt: Counter = Counter()
            for r in a.raekker:
                brugt[r.kilde] += sum(1 for v in r.liste(a.kolonner) if v not in (None, ""))
            raise ForStortRegneark(
                f"Takstbilaget kan ikke laves: arket {a.navn} ville få {dansk.tal(len(a.kolonner), 0)} kolonner, men "
                f"Excel kan højst have {dansk.tal(KOLONNER, 0)} kolonner i et ark." + _filer(brugt, filnavne, "udfyldt celle", "udfyldte celler")
                + _HVAD_NU)
        lange: Counter = Counter()
        eksempel = ""
        for k in a.kolonner:
            if len(k.navn) > TEGN:
                lange[0] += 1
        for r in a.raekker:
            for k, v in zip(a.kolonner, r.liste(a.kolonner)):
                if isinstance(v, str) and len(v) > TEGN:
                    lange[r.kilde] += 1
                    eksempel = eksempel or k.navn
        if lange:
            raise ForStortRegneark(
                f"Takstbilaget kan ikke laves: arket {a.navn} har tekst på mere end {dansk.tal(TEGN, 0)} tegn "
                f"(fx i kolonnen {eksempel}), og så meget kan en celle i Excel ikke rumme."
                + _filer(lange, filnavne, "for lang tekst", "for lange tekster")
                + " Bed driftsherren om en indmelding med kortere tekst, eller lav takstbilaget uden den.")
