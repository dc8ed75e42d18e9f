"""The signed indmeldingsfil of one driftsherre and takstår (SPEC §6; SA 2.2.1, 5).

API for the app and the CLI:
- `lav_indmelding(grundlag, beregning, underskriver, maal, tid=None) -> IndmeldingsInfo`: writes
  the ASiC-E container (takstgrundlag.json, takster.json, takstskema.xlsx, takstberegning.pdf,
  manifest, CAdES signature). Raises `IndmeldingAfvist(fund)` while any `fejl` finding remains
  (`str(e)` lists them in Danish), and `SigneringsFejl` when the certificate does not fit.
- `fingeraftryk(grundlag_bytes, takster_bytes) -> str`: the indmelding's fingerprint,
  SHA-256(SHA-256(takstgrundlag.json) ‖ SHA-256(takster.json)) in hex. It is printed on every
  page of the PDF, written in the xlsx and in the signed manifest, and shown by `verificer`: it
  ties the paper to the data that the signed file holds, without the PDF having to contain a
  hash of itself.
- `vis_fingeraftryk(hex)`: the fingerprint in groups of four for reading aloud.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
import re
from pathlib import Path

from takstberegner.domain.model import Takstgrundlag
from takstberegner.fejl import Fejl
from takstberegner.export.fingeraftryk import fingeraftryk, vis_fingeraftryk  # noqa: F401 (used by callers)
from takstberegner.domain.resultat import Beregning, Fund
from takstberegner.export.atomisk import skriv_atomisk  # noqa: F401 - re-exported for callers

MEDLEM_GRUNDLAG = "takstgrundlag.json"
MEDLEM_TAKSTER = "takster.json"
MEDLEM_SKEMA = "takstskema.xlsx"
MEDLEM_PDF = "takstberegning.pdf"
MEDLEMMER = (MEDLEM_GRUNDLAG, MEDLEM_TAKSTER, MEDLEM_SKEMA, MEDLEM_PDF)
# What a reason calls the parts of an indmeldingsfil (never their names in the container).
MEDLEM_NAVNE = {
    MEDLEM_GRUNDLAG: "takstgrundlaget", MEDLEM_TAKSTER: "taksterne", MEDLEM_SKEMA: "takstskemaet (Excel)",
    MEDLEM_PDF: "takstberegningen til revision (PDF)", "META-INF/ASiCManifest.xml": "manifestet",
    "META-INF/signature.p7s": "signaturen", "mimetype": "typeangivelsen",
}
_CITERET = re.compile("'(" + "|".join(re.escape(n) for n in MEDLEM_NAVNE) + ")'")


def medlem_navn(navn: str) -> str:
    """A part of the container in words: 'takster.json' -> 'taksterne'; a name that is not one of
    an indmelding's parts (added by someone) is quoted as the file has it."""
    return MEDLEM_NAVNE.get(navn, f"den ukendte fil '{navn}'")


def i_ord(grund: str) -> str:
    """A reason with every quoted part of the container named in words: "elementet
    'takster.json' er krypteret" -> "elementet ‘taksterne’ er krypteret"."""
    return _CITERET.sub(lambda m: f"‘{MEDLEM_NAVNE[m.group(1)]}’", grund)


UDV_FINGERAFTRYK = "indmeldingens-fingeraftryk"
UDV_CVR = "driftsherre-cvr"
UDV_TAKSTAAR = "takstaar"
UDV_VERSION = "takstberegner-version"


class IndmeldingAfvist(Fejl):
    """Export refused because `fejl` findings (or open checklist points) remain; `fund` lists the
    findings, `besked` is Danish: one line per problem with its place in words (by its tilbud's
    name when the `grundlag` is given; tjeneste.kontroller_indmelding gives its own `linjer`),
    never a code or field path."""

    def __init__(self, fund: list[Fund], grundlag: Takstgrundlag | None = None, linjer: list[str] | None = None):
        from takstberegner.domain import navne

        self.fund = list(fund)
        if linjer is None:
            linjer = [f"- {navne.felt_tekst(f.felt, grundlag) + ': ' if f.felt else ''}{f.tekst}"
                      + (f" ({f.reference})" if f.reference else "") for f in self.fund]
        self.besked = (
            f"Indmeldingen kan ikke dannes: der er {len(linjer)} fejl, som skal rettes først:\n"
            + "\n".join(linjer)
        )
        super().__init__(self.besked)


@dataclass(frozen=True)
class IndmeldingsInfo:
    sti: Path
    sha256: str  # of the whole indmeldingsfil
    fingeraftryk: str  # the indmelding's fingerprint (see module docstring)
    signeringstid: datetime
    underskriver: str
    cvr: str
    certifikat_fingeraftryk: str
    stoerrelse: int


def json_medlemmer(grundlag: Takstgrundlag, beregning: Beregning) -> tuple[bytes, bytes, str]:
    """The two JSON members and the fingerprint over them.

    takstgrundlag.json is the takstgrundlag/1 document in compact JSON (keys in the format's
    order, which carries meaning for e.g. tidsrum; indenting 20.000 lines costs 0.15 s more);
    takster.json is the indented takster document.
    """
    import json

    from takstberegner.formats import takster as tk_format
    from takstberegner.formats import takstgrundlag as tg_format

    g = (json.dumps(tg_format.skriv_dict(grundlag), ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
    t = tk_format.skriv_tekst(beregning).encode("utf-8")
    return g, t, fingeraftryk(g, t)


def kontroller_fejl(beregning: Beregning, grundlag: Takstgrundlag | None = None) -> None:
    fejl = [f for f in beregning.alle_fund() if f.er_fejl]
    if fejl:
        raise IndmeldingAfvist(fejl, grundlag)


def lav_indmelding(
    grundlag: Takstgrundlag,
    beregning: Beregning,
    underskriver,
    maal: str | Path,
    tid: datetime | None = None,
) -> IndmeldingsInfo:
    from takstberegner.export.rapport import uden_gc

    with uden_gc():
        return _lav_indmelding(grundlag, beregning, underskriver, maal, tid)


def _lav_indmelding(grundlag, beregning, underskriver, maal, tid) -> IndmeldingsInfo:
    from takstberegner import __version__
    from takstberegner.export import asic, rapport, revision_pdf, takstskema_xlsx
    from takstberegner.export.signering import SigneringsFejl

    from takstberegner.export import tillid, ur

    kontroller_fejl(beregning, grundlag)
    cvr = underskriver.cvr
    if cvr and cvr != grundlag.driftsherre.cvr:
        raise SigneringsFejl(
            f"Certifikatet tilhører CVR {cvr}, men driftsherren {grundlag.driftsherre.navn} har CVR "
            f"{grundlag.driftsherre.cvr}. Signér med et certifikat for driftsherren."
        )
    tid = tid or ur.nu().replace(microsecond=0)
    grunde = tillid.egnet_til_signering(underskriver.certifikat, grundlag.driftsherre.cvr, grundlag.takstaar, tid)
    if grunde:
        raise SigneringsFejl("Sekretariatet vil afvise en indmelding signeret med dette certifikat: "
                             + " ".join(grunde))
    g_bytes, t_bytes, fp = json_medlemmer(grundlag, beregning)
    r = rapport.lav_rapport(grundlag, beregning, fingeraftryk=fp, dannet=tid)
    medlemmer = {
        MEDLEM_GRUNDLAG: g_bytes,
        MEDLEM_TAKSTER: t_bytes,
        MEDLEM_SKEMA: takstskema_xlsx.lav_xlsx(r),
        MEDLEM_PDF: revision_pdf.lav_pdf(r),
    }
    udvidelser = {
        UDV_FINGERAFTRYK: fp,
        UDV_CVR: grundlag.driftsherre.cvr,
        UDV_TAKSTAAR: str(grundlag.takstaar),
        UDV_VERSION: __version__,
    }
    data = asic.pak(medlemmer, underskriver, udvidelser, tid)
    maal = Path(maal)
    skriv_atomisk(maal, data)
    return IndmeldingsInfo(
        sti=maal,
        sha256=hashlib.sha256(data).hexdigest(),
        fingeraftryk=fp,
        signeringstid=tid,
        underskriver=underskriver.navn,
        cvr=cvr or grundlag.driftsherre.cvr,
        certifikat_fingeraftryk=underskriver.fingeraftryk,
        stoerrelse=len(data),
    )
