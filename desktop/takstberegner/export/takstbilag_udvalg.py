"""Which submissions the samlede takstbilag is built from (SA 2.2.1; issue 12 item 5).

Every file given is accounted for, in the order given, with one status:
- `godkendt`: verified, for the bilag's takstår, and the latest from its CVR: its takster count;
- `afvist`: verification failed (forged, corrupt, hostile, unreadable): listed with the Danish
  reason, nothing of it counts; when it is signed later than the counted one from its CVR, both say
  that the older one's takster are in the bilag until it is put right (`nyere_afvist`);
- `andet_aar`: verified, but for another takstår than the bilag's: not counted, and not called
  rejected either (the driftsherre did nothing wrong; it belongs in that year's bilag);
- `erstattet`: verified, but a later-signed submission from the same CVR replaces it;
- `dublet`: byte-for-byte the same file as one listed before: it counts once.

Counted ones from different CVRs sharing a Tilbudsportal-id or a driftsherre name get an 'Obs:' note
each (`_dobbelte`): both count, so something stands twice, and only the secretariat can settle it.

`saml(filer, tillid)` verifies the files and never raises; `udvaelg(indmeldinger)` is the pure
choice over verification results (tested on its own). `fra_verifikation` is the one place that
knows the verification module's result type.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Callable

from takstberegner.domain.model import Takstgrundlag
from takstberegner.domain.resultat import Beregning
from takstberegner.fejltekst import os_fejl

GODKENDT, AFVIST, ERSTATTET, DUBLET = "godkendt", "afvist", "erstattet", "dublet"
ANDET_AAR = "andet_aar"
STATUS_NAVNE = {
    GODKENDT: "Godkendt",
    AFVIST: "Afvist",
    ANDET_AAR: "Andet takstår (ikke med)",
    ERSTATTET: "Erstattet af nyere indmelding",
    DUBLET: "Dublet (tælles én gang)",
}


@dataclass(frozen=True)
class Indmelding:
    """One file as the takstbilag sees it: what verification found, and the verified documents."""

    fil: str
    ok: bool
    grunde: tuple[str, ...] = ()
    underskriver: str = ""
    certifikat_cvr: str = ""
    driftsherre: str = ""
    cvr: str = ""
    takstaar: int | None = None
    signeringstid: datetime | None = None
    certifikat_fingeraftryk: str = ""
    fingeraftryk: str = ""
    sha256: str = ""
    grundlag: Takstgrundlag | None = None
    beregning: Beregning | None = None
    ikke_betroet: bool = False  # all that is missing may be the secretariat's trust in the signer


@dataclass(frozen=True)
class Status:
    nr: int  # 1-based position in the list of files given
    indmelding: Indmelding
    status: str
    grunde: tuple[str, ...] = ()  # why it is not counted (Danish)
    noter: tuple[str, ...] = field(default_factory=tuple)  # e.g. "Erstatter fil …"
    nyere_afvist: bool = False  # counted, though a later submission from its CVR was rejected
    tilbud_udeladt: int = 0  # tilbud of the submissions it replaces that it does not hold (not in the bilag)
    dobbelt: bool = False  # shares a Tilbudsportal-id or its driftsherre's name with another CVR's counted one

    @property
    def status_navn(self) -> str:
        return STATUS_NAVNE[self.status]


@dataclass(frozen=True)
class Udvalg:
    takstaar: int | None
    statusser: tuple[Status, ...]

    @property
    def godkendte(self) -> list[Status]:
        """The counted submissions, by driftsherre name and CVR (the order of the bilag)."""
        ok = [s for s in self.statusser if s.status == GODKENDT]
        return sorted(ok, key=lambda s: (s.indmelding.driftsherre.casefold(), s.indmelding.cvr))

    def antal(self, status: str) -> int:
        return sum(1 for s in self.statusser if s.status == status)

    def takstaar_optalt(self) -> dict[int, int]:
        """How many verified files (not counting a dublet twice) are for each takstår, by year."""
        aar = Counter(s.indmelding.takstaar for s in self.statusser
                      if s.status in (GODKENDT, ERSTATTET, ANDET_AAR) and s.indmelding.takstaar is not None)
        return dict(sorted(aar.items()))

    def for_takstaar(self, takstaar: int) -> Udvalg:
        """The same files chosen again for another takstår (no file is verified again)."""
        return udvaelg([s.indmelding for s in self.statusser], takstaar)


def lokal_tid(t: datetime | None) -> datetime | None:
    """A signing time in Danish time without zone, for display (`dansk.dansk_tid`: before, the
    machine's zone, which a PC set to UTC showed under 'Signeret er dansk tid'); a time so far
    out that it cannot be converted (year 1 or 9999 in a hostile file) is kept as it is."""
    from takstberegner.dansk import dansk_tid

    if t is None:
        return None
    try:
        return dansk_tid(t)
    except (OverflowError, ValueError, OSError):
        return t.replace(tzinfo=None)


def _tid(t: datetime | None) -> str:
    from takstberegner.dansk import tidspunkt

    if t is None:
        return "uden signeringstidspunkt"
    return f"signeret {tidspunkt(t, sekunder=True)}"


def _navn(fil: str) -> str:
    return Path(fil).name or fil


def _bilagets_aar(indmeldinger: list[Indmelding]) -> int | None:
    """The takstår most verified submissions are for (ties: the latest)."""
    aar = Counter(i.takstaar for i in indmeldinger if i.ok and i.takstaar is not None)
    if not aar:
        return None
    return max(aar, key=lambda a: (aar[a], a))


def udvaelg(indmeldinger: list[Indmelding], takstaar: int | None = None) -> Udvalg:
    """Give every submission its status (module docstring). `takstaar` None: the most common one."""
    if takstaar is None:
        takstaar = _bilagets_aar(indmeldinger)
    status: dict[int, Status] = {}
    set_foer: dict[str, int] = {}
    kandidater: dict[str, list[int]] = {}
    for i, ind in enumerate(indmeldinger):
        nr = i + 1
        if ind.sha256 and ind.sha256 in set_foer:
            foer = set_foer[ind.sha256]
            status[i] = Status(nr, ind, DUBLET, (
                f"Samme fil som nr. {foer + 1} ({_navn(indmeldinger[foer].fil)}); den tælles kun én gang.",))
            continue
        if ind.sha256:
            set_foer[ind.sha256] = i
        if not ind.ok:
            status[i] = Status(nr, ind, AFVIST, ind.grunde or ("Filen kunne ikke verificeres.",))
            continue
        if takstaar is not None and ind.takstaar != takstaar:
            status[i] = Status(nr, ind, ANDET_AAR, (
                f"Indmeldingen holder, men den er for takståret {ind.takstaar}, og takstbilaget er for {takstaar}; "
                f"den hører til takstbilaget for {ind.takstaar}.",))
            continue
        kandidater.setdefault(_cvr_noegle(ind), []).append(i)
    for idx in kandidater.values():
        # the latest signing time wins; equal times: the one given last
        vinder = max(idx, key=lambda i: (indmeldinger[i].signeringstid is not None,
                                         indmeldinger[i].signeringstid or datetime.min, i))
        v = indmeldinger[vinder]
        noter = []
        udeladte = 0
        for i in idx:
            if i == vinder:
                continue
            ind = indmeldinger[i]
            mangler = _tilbud_kun_i(ind, v)
            udeladt = (f"{_tilbud_navne(mangler)} er kun i denne indmelding, ikke i nr. {vinder + 1}, og er derfor "
                       f"ikke med i takstbilaget; spørg driftsherren, om {'de' if len(mangler) > 1 else 'det'} "
                       f"skal være med.",) if mangler else ()
            status[i] = Status(i + 1, ind, ERSTATTET, (
                f"Erstattet af nr. {vinder + 1} ({_navn(v.fil)}, {_tid(v.signeringstid)}) fra samme CVR "
                f"{v.cvr}; denne er {_tid(ind.signeringstid)}.", *udeladt))
            noter.append(f"Erstatter nr. {i + 1} ({_navn(ind.fil)}, {_tid(ind.signeringstid)}).")
            if mangler:
                udeladte += len(mangler)
                noter.append(f"Obs: {_tilbud_navne(mangler)} fra nr. {i + 1} er ikke i denne indmelding og er ikke "
                             f"med i takstbilaget.")
        status[vinder] = Status(vinder + 1, v, GODKENDT, (), tuple(noter), tilbud_udeladt=udeladte)
    _nyere_afviste(indmeldinger, status, takstaar)
    _dobbelte(status)
    return Udvalg(takstaar, tuple(status[i] for i in range(len(indmeldinger))))


def _nyere_afviste(indmeldinger: list[Indmelding], status: dict[int, Status], takstaar: int | None) -> None:
    """A rejected submission from the CVR of a counted one, signed later (a correction that failed, e.g.
    signed with a key not yet registered): the older one's takster count until it is put right, which both
    rows say. Before, the older one stood as plainly Godkendt and its outdated takster went in unremarked."""
    vindere = {_cvr_noegle(s.indmelding): i for i, s in status.items() if s.status == GODKENDT}
    for i, st in sorted(status.items()):
        ind = st.indmelding
        if st.status != AFVIST or not ind.cvr or ind.takstaar != takstaar or ind.cvr not in vindere:
            continue
        w = vindere[ind.cvr]
        v = indmeldinger[w]
        if ind.signeringstid is None or v.signeringstid is None:
            tid = "kan være nyere"
        elif ind.signeringstid > v.signeringstid:
            tid = "er nyere"
        else:
            continue
        status[i] = replace(st, grunde=(*st.grunde, (
            f"Indtil den er rettet, tæller den ældre indmelding nr. {w + 1} ({_navn(v.fil)}, {_tid(v.signeringstid)}) "
            f"fra samme CVR {ind.cvr} i takstbilaget.")))
        status[w] = replace(status[w], nyere_afvist=True, noter=(*status[w].noter, (
            f"Obs: nr. {i + 1} ({_navn(ind.fil)}, {_tid(ind.signeringstid)}) fra samme CVR {tid}, men afvist; "
            f"taksterne i takstbilaget er fra denne indmelding. Lav takstbilaget igen, når den nyere er godkendt.")))


def _tilbud_kun_i(erstattet: Indmelding, vinder: Indmelding) -> list[str]:
    """The names of the bilag's tilbud (kategori 2 and 3) in a replaced submission that the one replacing
    it does not hold (by id): before, they left the bilag with no word but 'Erstattet'."""
    if erstattet.grundlag is None or vinder.grundlag is None:
        return []
    har = {t.id for t in vinder.grundlag.tilbud}
    return [t.navn or t.id for t in erstattet.grundlag.tilbud if t.kategori != 1 and t.id not in har]


def _tilbud_navne(navne: list[str], citer: bool = True) -> str:
    vist = [f"‘{n}’" if citer else n for n in navne[:5]] + ([f"{len(navne) - 5} andre"] if len(navne) > 5 else [])
    tekst = vist[0] if len(vist) == 1 else ", ".join(vist[:-1]) + " og " + vist[-1]
    return f"Tilbuddet {tekst}" if len(navne) == 1 else f"Tilbuddene {tekst}"


def _dobbelte(status: dict[int, Status]) -> None:
    """Counted submissions from different CVRs that hold the same tilbud (by Tilbudsportal-id, which
    names one tilbud), or name the same driftsherre: both count, so the tilbud's takster stand twice
    in the bilag (e.g. a CVR corrected with a new key, and the old file still in the folder). Before,
    nothing said so; now each row's note names the other."""
    godkendte = sorted(i for i, s in status.items() if s.status == GODKENDT)
    portal: dict[str, list[tuple[int, str]]] = {}
    navne: dict[str, list[int]] = {}
    for i in godkendte:
        ind = status[i].indmelding
        for t in ind.grundlag.tilbud if ind.grundlag is not None else ():
            pid = (t.tilbudsportal_id or "").strip()
            if t.kategori != 1 and pid.isdigit() and pid.strip("0"):  # not '0', '-' or 'mangler' for none
                portal.setdefault(pid, []).append((i, t.navn or t.id))
        if ind.driftsherre.strip():
            navne.setdefault(ind.driftsherre.strip().casefold(), []).append(i)
    faelles: dict[tuple[int, int], list[str]] = {}  # (this, other): this one's tilbud also in the other
    for pid, hvor in portal.items():
        for i, navn in hvor:
            for j in sorted({j for j, _ in hvor if status[j].indmelding.cvr != status[i].indmelding.cvr}):
                faelles.setdefault((i, j), []).append(f"‘{navn}’ (Tilbudsportal-id {pid})")
    noter: dict[int, list[str]] = {}
    for (i, j), tilbud in sorted(faelles.items()):
        a = status[j].indmelding
        noter.setdefault(i, []).append(
            f"Obs: {_tilbud_navne(tilbud, citer=False)} er også i nr. {j + 1} ({a.driftsherre}, CVR {a.cvr}), så "
            f"{'dets' if len(tilbud) == 1 else 'deres'} takster står to gange i takstbilaget; et tilbud indmeldes "
            "af én driftsherre. Afklar med driftsherrerne, hvilken indmelding der gælder.")
    for ids in navne.values():
        for i in ids if len(ids) > 1 else ():
            andre = " og ".join(f"nr. {j + 1} (CVR {status[j].indmelding.cvr})" for j in ids if j != i)
            noter.setdefault(i, []).append(
                f"Obs: samme driftsherre som {andre}, men med et andet CVR, så begge er med i takstbilaget. Er det "
                "samme driftsherre, så afklar, hvilket CVR og hvilken indmelding der gælder.")
    for i, n in noter.items():
        status[i] = replace(status[i], dobbelt=True, noter=(*status[i].noter, *n))


def _cvr_noegle(ind: Indmelding) -> str:
    return ind.cvr or ind.driftsherre


def fra_verifikation(r) -> Indmelding:
    """The verification module's result as an `Indmelding` (the one adapter to its API)."""
    beregning = getattr(r, "beregning", None)
    grundlag = getattr(r, "grundlag", None)
    return Indmelding(
        fil=str(r.fil), ok=bool(r.ok), grunde=tuple(r.grunde), underskriver=r.underskriver or "",
        certifikat_cvr=r.cvr or "", driftsherre=r.driftsherre or "", cvr=r.driftsherre_cvr or "",
        takstaar=r.takstaar, signeringstid=r.signeringstid,
        certifikat_fingeraftryk=r.certifikat_fingeraftryk or "", fingeraftryk=r.fingeraftryk or "",
        sha256=r.sha256 or "", grundlag=grundlag, beregning=beregning,
        ikke_betroet=r.kan_registreres,
    )


def _filens_sha256(sti: Path) -> str:
    h = hashlib.sha256()
    with open(sti, "rb") as f:
        for blok in iter(lambda: f.read(1 << 20), b""):
            h.update(blok)
    return h.hexdigest()


def kontroller_fil(fil: str | Path, tillid=None) -> Indmelding:
    """Verify one file; never raises: whatever goes wrong is a rejection with a Danish reason."""
    from takstberegner.export import verifikation

    p = Path(fil)
    if not p.is_file():
        return Indmelding(str(fil), False, ("Det er en mappe, ikke en indmeldingsfil." if p.is_dir() else
                                            "Det er ikke en almindelig fil, men fx en enhed eller en kanal, og "
                                            "ikke en indmeldingsfil." if p.exists() else
                                            "Filen findes ikke (den er flyttet, omdøbt eller slettet).",))
    try:
        sha = _filens_sha256(p)
    except OSError as e:
        return Indmelding(str(fil), False, (f"Filen kan ikke læses: {os_fejl(e)}.",))
    try:
        ind = fra_verifikation(verifikation.verificer(p, tillid))
    except Exception as e:  # noqa: BLE001 - a hostile file must not stop the bilag
        return Indmelding(str(fil), False, (
            f"Filen kan ikke kontrolleres; den er beskadiget eller ikke en indmeldingsfil ({type(e).__name__}).",),
            sha256=sha)
    if ind.ok and (ind.grundlag is None or ind.beregning is None):
        return Indmelding(str(fil), False, ("Indmeldingens takstgrundlag og takster mangler.",), sha256=sha)
    if not ind.ok:
        # a rejected file's documents are never used (its row names it from the fields above); kept,
        # every file signed with a key anyone can make held its takstgrundlag until the bilag was
        # written: 14 MB for a large driftsherre, so a folder of hundreds of them took gigabytes
        ind = replace(ind, grundlag=None, beregning=None)
    return ind if ind.sha256 else replace(ind, sha256=sha)


def saml(filer: list[str | Path], tillid=None, takstaar: int | None = None,
         fremskridt: Callable[[int, int], None] | None = None) -> Udvalg:
    """Verify every file (a file already seen is not verified again) and choose (`udvaelg`);
    `fremskridt(i, n)` is told before the i'th of n files (from 0)."""
    set_: dict[str, Indmelding] = {}
    indmeldinger = []
    for i, fil in enumerate(filer):
        if fremskridt is not None:
            fremskridt(i, len(filer))
        try:
            sha = _filens_sha256(Path(fil)) if Path(fil).is_file() else ""
        except OSError:
            sha = ""
        if sha and sha in set_:
            foer = set_[sha]
            indmeldinger.append(replace(foer, fil=str(fil)))
            continue
        ind = kontroller_fil(fil, tillid)
        if sha:
            set_[sha] = ind
        indmeldinger.append(ind)
    return udvaelg(indmeldinger, takstaar)
