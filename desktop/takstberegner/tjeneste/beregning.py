"""The beregn and kontroller use cases (SPEC §4-5): the regelsæt by takstår, the one validation
(domain/validering.py), the engine with its per-tilbud cache, and the fingerprint of the canonical
takstgrundlag, whose per-tilbud parts are cached too. The app's document keeps one
`Beregningstjeneste` for its file, so an edit recomputes and rehashes only the edited tilbud; the
command line makes one per run."""
from __future__ import annotations

from pathlib import Path

from takstberegner.domain import navne
from takstberegner.domain.beregning import Beregner
from takstberegner.domain.model import Takstgrundlag
from takstberegner.domain.regelsaet import Regelsaet
from takstberegner.domain.resultat import Beregning, Fund
from takstberegner.formats import takstgrundlag as tg_format
from takstberegner.domain.navne import felt_tekst
from takstberegner.formats.fejl import InputError
from takstberegner.formats.regelsaet import regelsaet_for


class Beregningstjeneste:
    """beregn/valider/sha256 for successive versions of one takstgrundlag, remembering the work
    on every tilbud record that did not change (the records are immutable)."""

    def __init__(self) -> None:
        self._beregner: Beregner | None = None
        self._hash_dele: dict = {}

    def _beregneren(self, takstaar: int) -> Beregner:
        rs: Regelsaet = regelsaet_for(takstaar)
        if self._beregner is None or self._beregner.regelsaet is not rs:
            self._beregner = Beregner(rs)
        return self._beregner

    def sha256(self, grundlag: Takstgrundlag) -> str:
        return tg_format.sha256(grundlag, self._hash_dele)

    def valider(self, grundlag: Takstgrundlag) -> list[Fund]:
        return self._beregneren(grundlag.takstaar).valider(grundlag)

    def beregn(self, grundlag: Takstgrundlag, med_fingeraftryk: bool = True) -> Beregning:
        sha = self.sha256(grundlag) if med_fingeraftryk else ""
        return self._beregneren(grundlag.takstaar).beregn(grundlag, grundlag_sha256=sha)


def beregn(grundlag: Takstgrundlag) -> Beregning:
    """Takster and findings of a takstgrundlag, with its fingerprint; never raises (total engine)."""
    return Beregningstjeneste().beregn(grundlag)


def input_fund(beregning: Beregning) -> list[Fund]:
    """The INPUT findings: values the validation refuses (the tilbud they are on has no takster)."""
    return [f for f in beregning.alle_fund() if f.kode == "INPUT"]


def kraev_gyldigt(beregning: Beregning, grundlag: Takstgrundlag | None = None) -> Beregning:
    """The beregning, or InputError naming the first refused field when any value is refused
    (takster computed without those values must not be published); with the grundlag, the place
    names the tilbud ("Bostedet Nord › Budget › linje 3 › Beløb")."""
    fund = input_fund(beregning)
    if fund:
        mere = f" (og {len(fund) - 1} fejl mere; se dem alle med takstberegner kontroller)" if len(fund) > 1 else ""
        sted = felt_tekst(fund[0].felt, grundlag) if grundlag is not None and fund[0].felt else None
        raise InputError(fund[0].felt, fund[0].tekst + mere, sted)
    return beregning


class UgyldigtGrundlag(InputError):
    """A takstgrundlag the one validation refuses; `besked` names every refused value in Danish."""

    def __init__(self, besked: str, fund: list[Fund]):
        super().__init__("", besked)
        self.fund = fund


MAKS_NAEVNTE = 10  # findings named in a refusal; the rest are counted (kontroller lists them all)


def afvisning(grundlag: Takstgrundlag, fund: list[Fund], hvad: str) -> str:
    """A Danish refusal that names every refused value by its place in words (no field paths):
    `hvad` first ("X.json kan ikke importeres"), then one line per finding."""
    linjer = [f"  {navne.felt_tekst(f.felt, grundlag)}: {f.tekst}" for f in fund[:MAKS_NAEVNTE]]
    if len(fund) > MAKS_NAEVNTE:
        linjer.append(f"  … og {len(fund) - MAKS_NAEVNTE} fejl mere (se dem alle med takstberegner kontroller).")
    antal = "en værdi" if len(fund) == 1 else f"{len(fund)} værdier"
    return f"{hvad}, fordi {antal} ikke kan bruges:\n" + "\n".join(linjer) + "\nIntet er gemt."


def kraev_gyldigt_grundlag(grundlag: Takstgrundlag, hvad: str,
                           tjeneste: Beregningstjeneste | None = None) -> Takstgrundlag:
    """The takstgrundlag, or InputError (Danish, every refused value named) when the one
    validation refuses anything: nothing the validation refuses is saved as a new file."""
    fund = [f for f in (tjeneste or Beregningstjeneste()).valider(grundlag) if f.kode == "INPUT"]
    if fund:
        raise UgyldigtGrundlag(afvisning(grundlag, fund, hvad), fund)
    return grundlag


def kontroller(grundlag: Takstgrundlag) -> tuple[Beregning, list[tuple[int | None, Fund]]]:
    """Every finding, the file's own first, then each tilbud's with its position in
    `beregning.tilbud` (not its id, which two tilbud may share): (beregning, findings)."""
    b = beregn(grundlag)
    ud: list[tuple[int | None, Fund]] = [(None, f) for f in b.fund]
    for i, t in enumerate(b.tilbud):
        ud.extend((i, f) for f in t.fund)
    return b, ud


def laes_grundlag(sti) -> Takstgrundlag:
    """A takstgrundlag from a .json file or a .takst document file (syntax errors: InputError or
    LagerFejl; values are the validation's business)."""
    p = Path(sti)
    if p.suffix.lower() == ".takst":
        from takstberegner.storage import laes_grundlag as fra_takst  # lazy: storage is optional here

        return fra_takst(p)
    return tg_format.laes_fil(p)
