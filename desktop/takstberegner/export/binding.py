"""The PDF and the workbook inside an indmeldingsfil belong to its calculation (issue 12, SA 5.6).

The signature covers whatever the signer put in the container, so a PDF or a takstskema from
another calculation could ride along in a validly signed file. Both documents print the
indmelding's fingerprint (indmelding.fingeraftryk: SHA-256 over the SHA-256 of
takstgrundlag.json and of takster.json), which the verifier recomputes from the JSON members:

- the PDF (revision_pdf) prints `Fingeraftryk: <hex in groups of four>` at the foot of every
  page in a standard font; every page's content stream must show exactly the recomputed one;
- the takstskema (takstskema_xlsx) states `Indmeldingens fingeraftryk (SHA-256): <hex>` in the
  first rows of every sheet; every sheet must state exactly the recomputed one, and the workbook
  must hold exactly the parts the program writes (takstskema_dele: no other member, sheet,
  relationship or content type; no hidden sheet), so no sheet escapes this check.

What is bound, and what is not. The secretariat relies on the two JSON members: they are signed,
recomputed with this engine (for a trusted signer) and are what the samlede takstbilag is built
from. The PDF and the takstskema are the driftsherre's presentation of that calculation for
revision and for reading; binding ties each to it by the fingerprint, page by page and sheet by
sheet, and keeps the takstskema to the program's own parts. Their figures are NOT compared with
the calculation: a signer who edits a cell or a PDF page and keeps the fingerprint line passes
this check, as a signed paper would. (Both are deterministic for a given calculation and signing
time, so a later version could render them again and compare bytes; that would refuse every file
made by another version of the program, so it is not done.) Read figures from the takstbilag or
from `verificer`, not from the attached documents.

Both are read with the capped readers of zip_laeser and bounded inflation, never with a full
PDF or Excel library. API: `kontroller_pdf(pdf, fp) -> str | None` and
`kontroller_xlsx(xlsx, fp) -> str | None` give the Danish reason, or None when it holds.
"""
from __future__ import annotations

import re

from takstberegner.export import takstskema_dele
from takstberegner.export import zip_laeser as zl
from takstberegner.export.fingeraftryk import kort_fingeraftryk, vis_fingeraftryk

MAKS_STROEMME = 20_000  # content streams in one PDF (the large driftsherre has about 530)
MAKS_PDF_UDPAKKET = 96 * 1024 * 1024  # all content streams inflated together
MAKS_STROEM = 8 * 1024 * 1024  # one content stream inflated (a page of the large driftsherre: ~50 KB)
MAKS_ARK = 500
XLSX_HOVED = 64 * 1024  # the first bytes of each sheet, where its header rows are

_PDF_FP = re.compile(rb"\(Fingeraftryk: ((?:[0-9a-f]{4} ){15}[0-9a-f]{4})\)")
_PDF_SIDE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
_STROEM = re.compile(rb">>\s*stream\r?\n")
_LAENGDE = re.compile(rb"/Length\s+(\d{1,10})(?!\s+\d+\s+R)")
_XLSX_FP = re.compile(rb"Indmeldingens fingeraftryk \(SHA-256\): ([0-9a-f]{64}|\(ikke indmeldt\))")
_ARK = re.compile(r"xl/worksheets/sheet\d{1,4}\.xml")


def kontroller_pdf(pdf: bytes, fp: str) -> str | None:
    hvad = "Takstberegningen til revision (PDF)"
    if not pdf.startswith(b"%PDF-"):
        return f"{hvad} er ikke en PDF-fil."
    sider = len(_PDF_SIDE.findall(pdf))
    if sider == 0:
        return f"{hvad} har ingen sider."
    fundne: list[bytes] = []
    brugt = 0
    for antal, m in enumerate(_STROEM.finditer(pdf), 1):
        if antal > MAKS_STROEMME:
            return f"{hvad} består af urimeligt mange dele og afvises."
        ordbog_start = pdf.rfind(b"<<", max(0, m.start() - 400), m.start())
        ordbog = pdf[ordbog_start: m.start()] if ordbog_start >= 0 else b""
        lm = _LAENGDE.search(ordbog)
        if lm is None:
            return f"{hvad} kan ikke læses: en af dens dele mangler sin længde."
        start, laengde = m.end(), int(lm.group(1))
        raa = pdf[start: start + laengde]
        if b"/Filter" in ordbog:
            if not re.search(rb"/Filter\s*(?:\[\s*)?/FlateDecode\s*\]?\s*(?:/|$)", ordbog) \
                    or ordbog.count(b"/FlateDecode") != 1 or b"/DecodeParms" in ordbog:
                return f"{hvad} er pakket på en måde, som Takstberegner ikke kan kontrollere."
            try:
                indhold = zl.inflate(raa, min(MAKS_STROEM, MAKS_PDF_UDPAKKET - brugt), zlib_hoved=True)
            except zl.InflateFejl:
                return f"{hvad} indeholder en del, der er beskadiget eller urimeligt stor."
        else:
            indhold = raa
        brugt += len(indhold)
        fundne += _PDF_FP.findall(indhold)
    forventet = vis_fingeraftryk(fp).encode("ascii")
    andre = {f for f in fundne if f != forventet}
    if andre:
        anden = next(iter(sorted(andre))).decode().replace(" ", "")
        return f"{hvad} hører til en anden beregning: {_andet_fingeraftryk('den', anden, fp)}"
    if len(fundne) < sider:
        return (f"{hvad} viser ikke indmeldingens fingeraftryk på alle sider ({len(fundne)} af {sider}); "
                "den kan ikke knyttes til beregningen.")
    return None


def _filen(besked: str) -> str:
    """A reason of the ZIP reader about the workbook: 'den er for kort …' -> 'filen er for kort …'
    (after 'Takstskemaet (Excel) kan ikke læses:' a bare 'den' would not say what is meant)."""
    return "filen " + besked[4:] if besked.startswith("den ") else besked


def kontroller_xlsx(xlsx: bytes, fp: str) -> str | None:
    hvad = "Takstskemaet (Excel)"
    try:
        poster = zl.katalog(xlsx, MAKS_ARK + 30, streng=False)
    except zl.ZipFejl as e:
        return f"{hvad} kan ikke læses: {_filen(e.besked)}."
    ark = [p for p in poster if _ARK.fullmatch(p.navn)]
    if not ark:
        return f"{hvad} har ingen ark."
    grund = takstskema_dele.kontroller(xlsx, [p.navn for p in poster])
    if grund:
        return f"{hvad} {grund}"
    forventet = fp.encode("ascii")
    for p in ark:
        try:
            hoved = zl.udpak_start(xlsx, p, XLSX_HOVED)
        except zl.ZipFejl as e:
            return f"{hvad} kan ikke læses: {_filen(e.besked)}."
        fundne = _XLSX_FP.findall(hoved)
        if not fundne:
            return f"{hvad} viser ikke indmeldingens fingeraftryk i alle sine ark; det kan ikke knyttes til beregningen."
        andre = [f for f in fundne if f != forventet]
        if andre:
            if andre[0] == b"(ikke indmeldt)":
                return (f"{hvad} er lavet uden for en indmelding (det viser intet fingeraftryk) og kan ikke knyttes "
                        "til beregningen.")
            return f"{hvad} hører til en anden beregning: {_andet_fingeraftryk('det', andre[0].decode(), fp)}"
    return None


def _andet_fingeraftryk(den: str, vist: str, fp: str) -> str:
    """Which fingerprint a document shows against the indmelding's, by their start in groups of
    four, as `verificer` shows the whole one (never two 64-character hex strings)."""
    return (f"{den} viser et andet fingeraftryk ({kort_fingeraftryk(vist)}) end indmeldingens data "
            f"({kort_fingeraftryk(fp)}).")
