"""A block of cells copied from Excel, LibreOffice or Google Sheets, as the clipboard holds it:
rows end with a line break, cells are separated by a tab, and a cell whose text holds a line break
(Alt+Enter) or a tab is put in double quotes with its own quotes doubled ('"Vikar\nog afløser"').
Split at every line break, such a cell became two rows and every cell below it landed one row too
low, silently. Pure Python, no Qt."""
from __future__ import annotations

_SLUT = ("\t", "\n")


def _citeret(tekst: str, i: int) -> tuple[str, int] | None:
    """The quoted cell starting at tekst[i] ('"') as (its text, the index after its closing quote),
    or None when it is no quoted cell: no closing quote right before a tab, a line break or the end,
    or nothing in it that made the program quote it (a line break, a tab or a doubled quote), so a
    cell typed as "citat" keeps its quotes."""
    dele: list[str] = []
    j = i + 1
    while True:
        k = tekst.find('"', j)
        if k < 0:
            return None
        if tekst.startswith('""', k):
            dele.append(tekst[j:k + 1])
            j = k + 2
            continue
        dele.append(tekst[j:k])
        slut = k + 1
        if slut < len(tekst) and tekst[slut] not in _SLUT:
            return None
        indhold = "".join(dele)
        if len(dele) == 1 and "\n" not in indhold and "\t" not in indhold:
            return None
        return indhold, slut


def celler(tekst: str) -> list[list[str]]:
    """The rows of cells of a copied block; blank lines at the end are left out."""
    tekst = tekst.replace("\r\n", "\n").replace("\r", "\n")
    if '"' not in tekst:
        linjer = tekst.split("\n")
        while linjer and not linjer[-1].strip():
            linjer.pop()
        return [linje.split("\t") for linje in linjer]
    raekker: list[list[str]] = []
    raekke: list[str] = []
    i, n = 0, len(tekst)
    while True:
        citat = _citeret(tekst, i) if i < n and tekst[i] == '"' else None
        if citat is not None:
            celle, i = citat
        else:
            slut = min((k for k in (tekst.find("\t", i), tekst.find("\n", i)) if k >= 0), default=n)
            celle, i = tekst[i:slut], slut
        raekke.append(celle)
        if i >= n:
            raekker.append(raekke)
            break
        ny_linje = tekst[i] == "\n"
        if ny_linje:
            raekker.append(raekke)
            raekke = []
        i += 1
        if i >= n:
            if not ny_linje:  # a tab at the very end: one more, empty cell
                raekker.append([*raekke, ""])
            break
    while raekker and not "".join(raekker[-1]).strip():
        raekker.pop()
    return raekker
