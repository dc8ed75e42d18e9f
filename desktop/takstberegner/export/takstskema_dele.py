"""Which parts the takstskema (xlsx) in an indmelding may hold: the parts takstskema_xlsx writes
(export/xlsx_xml.pak), and no other (issue 12; SA 5.6).

binding.py checks that every worksheet states the indmelding's fingerprint; that says nothing of a
part it does not read. A signer could add a sheet the verifier never looks at (a chartsheet, an
Excel 4 macro sheet, a worksheet named otherwise, a hidden sheet, a link to another workbook), or
point a sheet of the workbook at such a part, and show figures there. So the takstskema must have
exactly the package of xlsx_xml.pak:

- its members are `[Content_Types].xml`, `_rels/.rels`, `docProps/core.xml`, `docProps/app.xml`,
  `xl/workbook.xml`, `xl/_rels/workbook.xml.rels`, `xl/styles.xml` and `xl/worksheets/sheet1.xml`
  … `sheetN.xml`, each once, and nothing else;
- the package's relationships are the workbook, the core and the extended properties; the
  workbook's are its N worksheets (sheet1 … sheetN, each once) and its styles, none external;
- the workbook lists N sheets, each a worksheet relationship of its own, none hidden;
- the content types declare each part as what it is (a worksheet as a worksheet).

API: `kontroller(xlsx, navne) -> str | None`: the Danish reason (to follow "Takstskemaet (Excel) "),
or None. `navne` are the member names the strict ZIP reader found (zip_laeser.katalog).
"""
from __future__ import annotations

import re

from takstberegner.export import regneark_laes as rl
from takstberegner.export import xlsx_xml as X

FASTE = ("[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "xl/workbook.xml",
         "xl/_rels/workbook.xml.rels", "xl/styles.xml")
ARK = re.compile(r"xl/worksheets/sheet([1-9][0-9]{0,3})\.xml")
_GRAENSER = rl.Graenser(udpakket_bytes=8 * rl.MIB, medlemmer=600, dybde=8)
_IKKE_VORES = "er ikke lavet af Takstberegner eller er ændret bagefter"


def kontroller(xlsx: bytes, navne: list[str]) -> str | None:
    ukendte = [n for n in navne if n not in FASTE and not ARK.fullmatch(n)]
    if ukendte:
        from takstberegner.export.zip_laeser import vis_navn

        return (f"indeholder en del, som Takstberegner aldrig skriver ('{vis_navn(ukendte[0])}'); "
                "tal i den kontrolleres ikke, så skemaet afvises.")
    nr = sorted(int(ARK.fullmatch(n).group(1)) for n in navne if ARK.fullmatch(n))
    if len(set(navne)) != len(navne) or any(n not in navne for n in FASTE) or nr != list(range(1, len(nr) + 1)):
        return f"{_IKKE_VORES}: det har ikke de dele, Takstberegner skriver."
    try:
        return _relationer_og_ark(rl._Mappe(xlsx, _GRAENSER), len(nr))
    except rl.RegnearkFejl:
        return f"{_IKKE_VORES}: en af dets dele kan ikke læses."


def _elementer(m: rl._Mappe, navn: str) -> list[tuple[str, dict]]:
    ud: list[tuple[str, dict]] = []
    m.parse(navn, lambda n, a: ud.append((n, a)))
    return ud


def _relationer(m: rl._Mappe, navn: str) -> dict[str, tuple[str, str]] | None:
    """Id -> (type, target) of a .rels part; None when one is external or doubled."""
    ud: dict[str, tuple[str, str]] = {}
    for n, a in _elementer(m, navn):
        if n != "Relationship":
            continue
        if a.get("TargetMode", "Internal") != "Internal" or a.get("Id") in ud:
            return None
        ud[a.get("Id", "")] = (a.get("Type", ""), a.get("Target", ""))
    return ud


def _relationer_og_ark(m: rl._Mappe, antal: int) -> str | None:
    pakke = _relationer(m, "_rels/.rels")
    if pakke is None or sorted(pakke.values()) != sorted(X.PAKKENS_RELATIONER):
        return f"{_IKKE_VORES}: dets indholdsfortegnelse henviser til andet end projektmappen."
    bog = _relationer(m, "xl/_rels/workbook.xml.rels")
    ark_rel = {i: t for i, (typ, t) in (bog or {}).items() if typ == X.TYPE_ARK}
    if bog is None or sorted(bog.values()) != sorted([(X.TYPE_STIL, "styles.xml")] + [
            (X.TYPE_ARK, f"worksheets/sheet{k}.xml") for k in range(1, antal + 1)]):
        return f"{_IKKE_VORES}: projektmappen henviser til andre dele end sine ark og sin formatering."
    ark = [a for n, a in _elementer(m, "xl/workbook.xml") if n == "sheet"]
    ider = [rl._attr(a, "id") for a in ark]
    if len(ark) != antal or sorted(ider, key=str) != sorted(ark_rel, key=str):
        return f"{_IKKE_VORES}: projektmappens ark svarer ikke til de ark, den indeholder."
    if any(a.get("state", "visible") != "visible" for a in ark):
        return "har et skjult ark, hvad Takstberegner aldrig skriver; skjulte tal kontrolleres ikke, så skemaet afvises."
    typer = {}
    for n, a in _elementer(m, "[Content_Types].xml"):
        if n == "Default":
            typer["." + a.get("Extension", "").casefold()] = a.get("ContentType", "")
        elif n == "Override":
            typer[a.get("PartName", "")] = a.get("ContentType", "")
    forventet = dict(X.INDHOLDSTYPER) | {f"/xl/worksheets/sheet{k}.xml": X.CT_ARK for k in range(1, antal + 1)}
    if typer != forventet:
        return f"{_IKKE_VORES}: dets dele er angivet som noget andet, end de er."
    return None
