"""The Udskriv, Eksportér and Sekretariat actions: the revision PDF, the takstskema, the signed
indmeldingsfil, and verifying indmeldinger into a takstbilag (SA 2.2.1, 5.6). The work is done
by takstberegner.export; this module only asks for files and shows the Danish answers."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from takstberegner import dansk
from takstberegner.app import efter_eksport, fremskridt
from takstberegner.app.filnavne import filnavn
from takstberegner.app.gem_dialog import gem_som
from takstberegner.app.mapper import ved_siden_af
from takstberegner.fejl import Fejl
from takstberegner.fejltekst import os_fejl


def _gem_som(v, titel: str, filter_: str, endelse: str, forslag: str = "") -> Path | None:
    return gem_som(v, titel, forslag, filter_, endelse)


def _forslag(v, endelse: str) -> str:
    g = v.dok.grundlag
    return str(ved_siden_af(v.dok.sti) / (filnavn(f"{g.driftsherre.navn} {g.takstaar}") + endelse))


def _beregnet(v):
    return v.dok.grundlag, v.dok.beregning_med_fingeraftryk()


def _rapport(v, forrige=None):
    from takstberegner.tjeneste import dokumenter

    grundlag, beregning = _beregnet(v)
    return dokumenter.rapport(grundlag, beregning, forrige=forrige)


def udskriv_pdf(v) -> Path | None:
    if v.dok is None:
        return None
    from takstberegner.app import sidste_aar_dialog
    from takstberegner.export import revision_pdf

    videre, forrige = sidste_aar_dialog.vaelg(v)  # last year's takstfil beside this year's, or not
    if not videre:
        return None
    p = _gem_som(v, "Takstberegning til revision", "PDF (*.pdf)", ".pdf", _forslag(v, " takstberegning.pdf"))
    data = p and _dan(v, "Danner takstberegning til revision ...", lambda: revision_pdf.lav_pdf(_rapport(v, forrige)))
    if data and efter_eksport.gem(v, p, data):
        return p
    return None


def _dan(v, tekst: str, arbejde):
    """The document's bytes, made behind a busy dialog; None (after saying why) when it is refused."""
    try:
        return fremskridt.koer(v, tekst, arbejde)
    except Fejl as e:  # a takstgrundlag the report cannot be made from (dokumenter.RapportFejl)
        QMessageBox.warning(v, "Kan ikke dannes", e.besked)
        return None


def eksporter_xlsx(v) -> Path | None:
    if v.dok is None:
        return None
    from takstberegner.export import takstskema_xlsx

    p = _gem_som(v, "Takstskema (Excel)", "Excel (*.xlsx)", ".xlsx", _forslag(v, " takstskema.xlsx"))
    data = p and _dan(v, "Danner takstskema ...", lambda: takstskema_xlsx.lav_xlsx(_rapport(v)))
    if data and efter_eksport.gem(v, p, data):
        return p
    return None


def indmeld(v) -> Path | None:
    """Build and sign the indmeldingsfil; refused with the list of errors while a fejl remains."""
    if v.dok is None:
        return None
    from takstberegner.export import indmelding
    from takstberegner.tjeneste import dokumenter

    grundlag, beregning = _beregnet(v)
    try:
        dokumenter.kontroller_indmelding(grundlag, beregning)
    except indmelding.IndmeldingAfvist as e:
        QMessageBox.warning(v, "Ikke klar til indmelding", e.besked)
        return None
    from takstberegner.app import signering_dialog

    d = grundlag.driftsherre
    underskriver = signering_dialog.vaelg_underskriver(v, d.navn, d.cvr, grundlag.takstaar)
    if underskriver is None:
        return None
    p = _gem_som(v, "Gem indmeldingsfil", "Indmelding (*.indmelding)", ".indmelding", _forslag(v, ".indmelding"))
    if not p:
        return None
    try:
        info = fremskridt.koer(v, "Danner og signerer indmeldingsfilen ...",
                               lambda: dokumenter.indmeld(grundlag, underskriver, p, beregning))
    except OSError as e:
        QMessageBox.critical(v, "Filen kan ikke gemmes", f"{p} kan ikke skrives: {os_fejl(e)}.")
        return None
    except Fejl as e:  # the certificate does not fit the driftsherre: its Danish message
        QMessageBox.critical(v, "Indmeldingen kan ikke signeres", e.besked)
        return None
    QMessageBox.information(
        v, "Indmeldingsfilen er dannet",
        f"Indmeldingsfil: {info.sti} ({dansk.tal(info.stoerrelse, 0)} byte)\n"
        f"Underskriver: {info.underskriver} (CVR {info.cvr})\n"
        f"Signeret: {dansk.tidspunkt(info.signeringstid, sekunder=True, zone=True)}\n"
        f"Fingeraftryk: {indmelding.vis_fingeraftryk(info.fingeraftryk)}\n\n"
        "Send filen til sekretariatet.")
    return p


def verificer(v, fil: str | Path | None = None):
    """Verify an indmeldingsfil (asked for when not given, e.g. from a double-click) and show why;
    Sekretariat → Verificér takes one or many (app/sekretariat.py). Returns the first result."""
    from takstberegner.app import sekretariat

    resultater = sekretariat.verificer(v, fil)
    return resultater[0] if resultater else None


def takstbilag(v) -> Path | None:
    """Verify the chosen indmeldinger and build the samlede takstbilag (app/sekretariat.py)."""
    from takstberegner.app import sekretariat

    return sekretariat.takstbilag(v)
