"""The use cases that read or make documents, for the app and the command line alike: the
takstberegning til revision (rapport), the signed indmeldingsfil (indmeld), the import of a
takstgrundlag/1 file into a new .takst file (importer), and the budget import from the finance
system (budget_*: the import dialog and `takstberegner importer BUDGET` both go through here). They
sit above export/ and importers/ (the layers contract in pyproject.toml), which in turn may use
tjeneste.beregning; the import logic stays in importers/."""
from __future__ import annotations

from pathlib import Path

from takstberegner.domain.model import Takstgrundlag
from takstberegner.domain.resultat import Beregning
from takstberegner.fejl import Fejl
from takstberegner.tjeneste.beregning import beregn


def rapport(grundlag: Takstgrundlag, beregning: Beregning | None = None, forrige=None):
    """Every input and step of the takstberegning, with the fingerprint the indmelding will carry.
    `forrige`: last year's takstfil (a path, read with `laes_forrige`, or what it returned); then
    last year's budget and takstgrundlag stand beside this year's."""
    from takstberegner.export import indmelding
    from takstberegner.export import rapport as rapport_mod
    from takstberegner.tjeneste import klar

    beregning = beregning or beregn(grundlag)
    if forrige is not None and not hasattr(forrige, "beregning"):
        forrige = laes_forrige(forrige, grundlag)
    _, _, fp = indmelding.json_medlemmer(grundlag, beregning)
    try:
        # what blocks the indmelding besides the findings (no rente, an empty budget: the
        # checklist of kontroller and indmeld), so the paper never looks ready when the file is not
        aabne = tuple((m.sted(grundlag), m.tekst, m.reference) for m in klar.ikke_udfyldt(grundlag, beregning))
        r = rapport_mod.lav_rapport(grundlag, beregning, fingeraftryk=fp, aabne=aabne)
    except ArithmeticError as e:  # an amount that cannot be computed with (uendelig, 1E+999999)
        raise RapportFejl.af(grundlag, beregning) from e
    if forrige is not None:
        from takstberegner.export import sidste_aar

        r = sidste_aar.tilfoej(r, grundlag, beregning, forrige)
    return r


class RapportFejl(Fejl):
    """The report cannot be made from this takstgrundlag: a figure in it cannot be computed with."""

    @classmethod
    def af(cls, grundlag: Takstgrundlag, beregning: Beregning) -> RapportFejl:
        from takstberegner.domain import navne

        fejl = [f for f in beregning.alle_fund() if f.kode == "INPUT" and f.er_fejl]
        linjer = [f"• {navne.felt_tekst(f.felt, grundlag)}: {f.tekst}" for f in fejl[:8]]
        if len(fejl) > 8:
            linjer.append(f"• og {len(fejl) - 8} fejl mere (se Fund).")
        return cls("Takstberegningen kan ikke dannes, fordi grundlaget har tal, der ikke kan regnes med. "
                   "Ret først fejlene i grundlaget:\n" + "\n".join(linjer or ["(se Fund)"]))


class ForrigeAarFejl(Fejl):
    """Last year's takstfil cannot be used: unreadable, or not the year before."""


def laes_forrige(sti, grundlag: Takstgrundlag):
    """Last year's takstfil (.takst or takstgrundlag .json) read and calculated for the report
    (export.sidste_aar.Forrige). ForrigeAarFejl, in Danish, when it cannot be read, is for another
    takstår than the one before `grundlag`'s, or for another driftsherre (another CVR)."""
    from takstberegner.export.sidste_aar import Forrige
    from takstberegner.tjeneste.beregning import laes_grundlag

    p = Path(sti)
    try:
        g = laes_grundlag(p)
    except Fejl as e:
        raise ForrigeAarFejl(_ulaeselig(p, _saetning(e.besked))) from None
    except OSError as e:
        from takstberegner.fejltekst import os_fejl

        raise ForrigeAarFejl(f"Sidste års takstfil {p.name} kan ikke læses: {os_fejl(e)}.") from None
    if g.takstaar != grundlag.takstaar - 1:
        raise ForrigeAarFejl(
            f"{p.name} er for takstår {g.takstaar}, men sidste års takstfil til takstår {grundlag.takstaar} skal være "
            f"for takstår {grundlag.takstaar - 1}; vælg den fil.")
    cvr_for, cvr_nu = (g.driftsherre.cvr or "").strip(), (grundlag.driftsherre.cvr or "").strip()
    if cvr_for and cvr_nu and cvr_for != cvr_nu:
        raise ForrigeAarFejl(
            f"{p.name} er for {g.driftsherre.navn} (CVR {cvr_for}), ikke for {grundlag.driftsherre.navn} "
            f"(CVR {cvr_nu}); vælg driftsherrens egen takstfil for takstår {grundlag.takstaar - 1}.")
    return Forrige(g, beregn(g), p.name)


_RAAD_SIDSTE_AAR = "Vælg sidste års takstfil (.takst) eller takstgrundlag (.json)."


def _ulaeselig(p: Path, besked: str) -> str:
    """The reader's message about last year's file, with the file named once: the readers name
    the file themselves in some messages (by name or by the whole path, 'Filen x.takst …' or
    'filen /sti/x.json …'), call it just 'filen' in others, and name no file in the rest. A file
    plainly of another kind is named as such, with advice for this choice: the readers' own advice
    (import a budget, rename the file) is for opening a file, not for last year's."""
    from takstberegner.formats import filart
    from takstberegner.storage.repository import RAAD_IKKE_TAKSTFIL

    slags = filart.slags(_hoved(p))
    if slags not in (None, filart.TAKSTFIL, filart.TAKSTGRUNDLAG, filart.JSON):
        return f"Sidste års takstfil {p.name} er {filart.NAVNE[slags]}, ikke en takstfil. {_RAAD_SIDSTE_AAR}"
    besked = besked.replace(RAAD_IKKE_TAKSTFIL, _RAAD_SIDSTE_AAR)
    if besked.startswith(p.name):  # "x.json er en mappe, …"
        return f"Sidste års takstfil {besked}"
    if p.name in besked or str(p) in besked:
        return f"Sidste års takstfil: {besked[0].upper()}{besked[1:]}"
    if besked.lower().startswith("filen "):
        return f"Sidste års takstfil {p.name}{besked[len('filen'):]}"
    return f"Sidste års takstfil {p.name} kan ikke læses: {besked}"


def _hoved(p: Path) -> bytes:
    """The first 4 kB of a regular file (nothing of a device, a pipe or what cannot be read)."""
    import os
    import stat

    try:
        if not stat.S_ISREG(os.stat(p).st_mode):
            return b""
        with open(p, "rb") as f:
            return f.read(4096)
    except OSError:
        return b""


def _saetning(tekst: str) -> str:
    tekst = tekst.strip()
    return tekst if tekst.endswith((".", "!", "?")) else tekst + "."


def kontroller_indmelding(grundlag: Takstgrundlag, beregning: Beregning) -> None:
    """IndmeldingAfvist (with the list, each place in words) while a fejl remains or the submission
    would be meaningless (tjeneste.klar: the app's checklist); the app and the command line check
    with this before they ask for a key."""
    from takstberegner.export import indmelding
    from takstberegner.tjeneste import klar

    mangler = klar.mangler(grundlag, beregning)
    if not mangler:
        return
    linjer = [f"- {m.linje(grundlag)}" for m in mangler]
    raise indmelding.IndmeldingAfvist([f for f in beregning.alle_fund() if f.er_fejl], grundlag, linjer)


def indmeld(grundlag: Takstgrundlag, underskriver, maal: Path, beregning: Beregning | None = None):
    """The signed indmeldingsfil; IndmeldingAfvist while kontroller_indmelding refuses."""
    from takstberegner.export import indmelding

    beregning = beregning or beregn(grundlag)
    kontroller_indmelding(grundlag, beregning)
    return indmelding.lav_indmelding(grundlag, beregning, underskriver, maal)


def laes_import(kilde: Path) -> Takstgrundlag:
    """The takstgrundlag of a takstgrundlag/1 file, before it becomes a file: InputError for syntax
    and for any value the one validation refuses (Danish, each value named). The app reads with
    this before it asks where to save."""
    from takstberegner.importers import takstgrundlag_json

    return takstgrundlag_json.laes(Path(kilde))


def importer(kilde: Path, maal: Path):
    """A takstgrundlag/1 file as a new .takst file. Refused (InputError, nothing created) for syntax
    and for any value the one validation refuses; a .takst file that already holds bad values
    still opens and shows them, so it can be mended."""
    from takstberegner.importers.takstgrundlag_json import importer_json

    return importer_json(Path(kilde), Path(maal))


# ---- the budget import (.xlsx, .csv): one way through for the import dialog and the command line
def budget_forhaandsvisning(sti: Path, grundlag: Takstgrundlag, **valg):
    """The lines of a budget file with a kategori proposed for each, nothing written: columns by
    heading or letter, or found from the headings (importers/excel_budget.forhaandsvis; the
    dialog reaches the same Forhaandsvisning step by step through importers/forloeb.py)."""
    from takstberegner.importers import excel_budget

    return excel_budget.forhaandsvis(Path(sti), valg.pop("ark", None), valg.pop("konto", None),
                                     valg.pop("tekst", None), valg.pop("beloeb", None), grundlag, **valg)


def budget_aendringer(grundlag: Takstgrundlag, forhaandsvisning, maade: str | None = None) -> list:
    """The edits that import the previewed budget into `grundlag` (replace by default, or add),
    once every line has a kategori and the one validation accepts the takstgrundlag after it;
    InputError (Danish, each refused value named, "Intet er importeret.") otherwise. The caller
    saves them in one transaction (the command line's TakstFil, the app's Dokument: one undo)."""
    from takstberegner.importers import excel_budget

    return excel_budget.afvis_hvis_ugyldig(grundlag, forhaandsvisning, maade or excel_budget.ERSTAT)

