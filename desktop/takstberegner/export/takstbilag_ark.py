"""What the samlede takstbilag holds, sheet by sheet, as ready rows (SA 2.2.1, 3.1, 4.2, 5, 9.2).

`byg(udvalg)` reads the verified documents of the counted submissions (takstgrundlag and the
takster computed from it, which verification found equal to the signed takster document) and
returns `Ark`s of plain values: text, Decimal, int, datetime. The workbook writer
(export/takstbilag.py) only renders them; nothing here knows openpyxl.

Sheets: Takster (one row per tilbud and ydelse of kategori 2 and 3; a trækningsret tilbud gets one
row without takst), Tilbud (one row per tilbud: pladser, belægning, the bridge from
omkostningsgrundlag to takstgrundlag), Fordeling (trækningsret as a matrix tilbud × kommune with
totals), ATA-timetakster, Sammenligning (each takst beside the other driftsherrer' with the same
paragraf and tilbudstype), Indmeldinger (every file given: status, why, signer, time, fingerprints).
Text from a submission that had to be cleaned (control characters) or that looks like a formula is
noted on the Indmeldinger sheet.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from takstberegner import dansk
from takstberegner.domain import navne, sammenligning
from takstberegner.domain.model import KATEGORIER, REGULERING_LINJE
from takstberegner.export import regneark
from takstberegner.export.takstbilag_udvalg import AFVIST, ANDET_AAR, GODKENDT, Status, Udvalg, lokal_tid

# kinds of column: how the writer formats a value
TEKST, KR, HELE_KR, ANTAL, PCT, TAL, TID = "tekst", "kr", "hele_kr", "antal", "pct", "tal", "tid"


@dataclass(frozen=True)
class Kolonne:
    navn: str
    bredde: float
    art: str = TEKST


@dataclass
class Raekke:
    vaerdier: list | dict  # in column order, or by column name (missing names are empty)
    fremhaev: bool = False
    kilde: int = 0  # the number of the submission it comes from (0: none), named when Excel cannot hold it

    def liste(self, kolonner: list[Kolonne]) -> list:
        if isinstance(self.vaerdier, list):
            return self.vaerdier
        ukendte = set(self.vaerdier) - {k.navn for k in kolonner}
        if ukendte:
            raise ValueError(f"ukendte kolonner: {sorted(ukendte)}")
        return [self.vaerdier.get(k.navn) for k in kolonner]


@dataclass
class Ark:
    navn: str  # sheet name (≤ 31 characters)
    titel: str
    forklaring: str
    tabel: str  # the Excel table's name
    kolonner: list[Kolonne]
    raekker: list[Raekke] = field(default_factory=list)
    frys_kolonner: int = 0  # columns kept in view when scrolling right, and repeated on every printed page
    grupper: tuple[str, ...] = ()  # headings that start a group of columns kept on one printed page
    slutraekke: list | None = None  # a totals row below the table


@dataclass
class Takstbilag:
    takstaar: int | None
    dannet: datetime
    ark: list[Ark]
    udvalg: Udvalg


def _ja(b: bool) -> str:
    return "Ja" if b else ""


class _Tekster:
    """Takes text from a submission and notes, per submission, what had to be cleaned."""

    def __init__(self):
        self.noter: dict[int, list[str]] = {}

    def __call__(self, nr: int, felt: str, vaerdi, kort: bool = False) -> str:
        """`kort`: a text longer than a cell holds is shortened (and noted); else it is kept, and
        the workbook is refused naming the file (export/excel_graenser): a counted takst's
        texts are never cut, while a rejected file's name on the Indmeldinger sheet may be."""
        if vaerdi is None:
            return ""
        fuld, aendret = regneark.tekst(vaerdi, kort=False)
        renset = regneark.tekst(fuld)[0] if kort else fuld
        if aendret:
            self._noter(nr, f"Kontroltegn er fjernet fra teksten i {felt}.")
        if renset != fuld:
            self._noter(nr, f"Teksten i {felt} er forkortet til {dansk.tal(len(renset), 0)} tegn, "
                            "det meste en celle i Excel kan rumme.")
        if regneark.er_formel_lignende(renset.lstrip()):
            self._noter(nr, f"Teksten i {felt} ligner en formel; den er skrevet som tekst.")
        return renset

    def _noter(self, nr: int, note: str) -> None:
        liste = self.noter.setdefault(nr, [])
        if note not in liste:
            liste.append(note)


def _vaesentlighed(st: Status) -> Decimal:
    g = st.indmelding.grundlag
    if g.satser.vaesentlighed_pct is not None:
        return g.satser.vaesentlighed_pct
    from takstberegner.formats.regelsaet import regelsaet_for

    return regelsaet_for(g.takstaar).std_vaesentlighed_pct


def _tilbud_par(st: Status):
    """(input tilbud, result) for the kategori 2 and 3 tilbud of a counted submission."""
    inp = {t.id: t for t in st.indmelding.grundlag.tilbud}
    for tr in st.indmelding.beregning.tilbud:
        t = inp.get(tr.id)
        if t is not None and t.kategori != 1:
            yield t, tr


def _nyt(t, takstaar: int) -> str:
    """'Ja, første driftsår 2026' in the first driftsår (SA 6.1.2); after it the tilbud is ordinary."""
    foerste = t.foerste_driftsaar or (takstaar if t.nyt_tilbud else None)
    if foerste is None:
        return ""
    return f"Ja, første driftsår {foerste}" if foerste == takstaar else f"Første driftsår {foerste}"


def _objektiv_andel(t) -> Decimal | None:
    return t.objektiv_finansiering.andel_pct if t.objektiv_finansiering is not None else None


def _saerlige(t) -> str:
    sv = t.saerlige_vilkaar
    if sv is None:
        return ""
    if sv.godkendt is not None:
        return f"{sv.beskrivelse} (godkendt {sv.godkendt:%d-%m-%Y})"
    return sv.beskrivelse or "Ja"


TAKST_KOLONNER = [
    Kolonne("Driftsherre", 16), Kolonne("CVR", 9), Kolonne("Tilbud", 20), Kolonne("Ydelse", 16),
    Kolonne("Tilbudsportal-id", 9), Kolonne("Paragraf", 9), Kolonne("Kategori", 7, ANTAL), Kolonne("Tilbudstype", 8),
    Kolonne("Takststruktur", 13), Kolonne("Enhed", 6), Kolonne("Pladser", 6, ANTAL),
    Kolonne("Belægning", 8, PCT), Kolonne("Pladsdøgn", 9, TAL), Kolonne("Takst (kr.)", 9, KR),
    Kolonne("Takst (hele kr.)", 8, HELE_KR),
    Kolonne("Basistakst (kr.)", 9, KR), Kolonne("Ydelsestakst (kr.)", 9, KR),
    Kolonne("Støttetimer pr. uge", 8, TAL), Kolonne("Pris pr. støttetime (kr.)", 9, KR),
    Kolonne("Sidste års takst (kr.)", 9, KR), Kolonne("Ændring (nominel)", 8, PCT),
    Kolonne("Ændring (real)", 8, PCT), Kolonne("Heraf regulering og øvrige indtægter (kr.)", 10, KR),
    *[Kolonne(f"{navne.TAKST_LINJER_KORT[k]} (kr.)", 10, KR) for k in KATEGORIER],
    Kolonne("Nyt tilbud", 10), Kolonne("Korte forløb", 6), Kolonne("Særlige vilkår", 14),
    Kolonne("Objektiv finansiering", 9, PCT), Kolonne("Sundhedsydelser", 12), Kolonne("Markering", 22),
    Kolonne("Bemærkninger", 30),
]


def _kat(k: str) -> str:
    return f"{navne.TAKST_LINJER_KORT[k]} (kr.)"


def _takster(udvalg: Udvalg, tekst: _Tekster) -> Ark:
    ark = Ark("Takster", "Takster", "Én række pr. tilbud og ydelse (kategori 2 og 3). Kategorifordelingen er taksten "
              "fordelt på de otte omkostningskategorier plus regulering og øvrige indtægter; tilsammen giver de taksten.",
              "Takster", TAKST_KOLONNER, frys_kolonner=4,
              grupper=("Takst (kr.)", "Heraf regulering og øvrige indtægter (kr.)", "Nyt tilbud"))
    # the category split's headings are short; the full names (SA 5.5.1, tabel 4) are these
    ark.forklaring += " Kategorierne: " + "; ".join(navne.TAKST_LINJER[k] for k in KATEGORIER) + "."
    for st in udvalg.godkendte:
        nr, ind = st.nr, st.indmelding
        graense = _vaesentlighed(st)
        for t, tr in _tilbud_par(st):
            tilbud = {
                "Driftsherre": tekst(nr, "Driftsherre", ind.driftsherre), "CVR": tekst(nr, "CVR", ind.cvr),
                "Tilbud": tekst(nr, f"tilbuddets navn ({t.id})", t.navn),
                "Tilbudsportal-id": tekst(nr, f"Tilbudsportal-id ({t.navn})", t.tilbudsportal_id),
                "Paragraf": tekst(nr, f"Paragraf ({t.navn})", t.paragraf), "Kategori": t.kategori,
                "Tilbudstype": navne.vis(t.tilbudstype, navne.TILBUDSTYPER),
                "Takststruktur": navne.vis(t.takststruktur, navne.TAKSTSTRUKTURER),
                "Belægning": tr.belaegning_pct, "Pris pr. støttetime (kr.)": tr.pris_pr_stoettetime,
                "Nyt tilbud": _nyt(t, ind.grundlag.takstaar), "Korte forløb": _ja(t.korte_forloeb),
                "Særlige vilkår": tekst(nr, f"Særlige vilkår ({t.navn})", _saerlige(t)),
                "Objektiv finansiering": _objektiv_andel(t),
                "Bemærkninger": tekst(nr, f"Bemærkninger ({t.navn})", t.bemaerkninger),
            }
            if not tr.takster:
                ark.raekker.append(Raekke({**tilbud, "Pladser": t.pladser, "Markering": (
                    "Trækningsret: takstgrundlaget fordeles på kommunerne (arket Fordeling)"
                    if tr.fordeling is not None else "Ingen takst")}, kilde=nr))
                continue
            ydelser = {y.id: y for y in t.ydelser}
            for tk in tr.takster:
                markering, fremhaev = "", False
                # SPEC v2 §5: the change that matters is the real one (against last year's takst
                # fremskrevet with the year's P/L); the nominal one where there is no real one
                real = tk.aendring_real_pct is not None
                aendring = tk.aendring_real_pct if real else tk.aendring_pct
                if aendring is not None and abs(aendring) > graense:
                    retning = {(True, True): "Real stigning", (True, False): "Realt fald",
                               (False, True): "Stigning", (False, False): "Fald"}[(real, aendring > 0)]
                    markering = f"{retning} over væsentlighedsgrænsen ({dansk.kort_tal(graense)} %)"
                    fremhaev = True
                elif tk.forrige_takst is None:
                    markering = "Ny takst (ingen takst sidste år)"
                y = ydelser.get(tk.ydelse)
                ark.raekker.append(Raekke({
                    **tilbud, "Ydelse": tekst(nr, f"ydelsens navn ({t.navn})", tk.ydelse_navn),
                    "Enhed": navne.vis(tk.enhed, navne.ENHEDER), "Pladser": tk.pladser,
                    "Belægning": tk.belaegning_pct, "Pladsdøgn": tk.pladsdoegn,
                    "Korte forløb": _ja(t.korte_forloeb or (y is not None and y.korte_forloeb)),
                    "Takst (kr.)": tk.takst, "Takst (hele kr.)": tk.takst_kr, "Basistakst (kr.)": tk.basistakst,
                    "Ydelsestakst (kr.)": tk.ydelsestakst, "Støttetimer pr. uge": tk.stoettetimer_uge,
                    "Sidste års takst (kr.)": tk.forrige_takst, "Ændring (nominel)": tk.aendring_pct,
                    "Ændring (real)": tk.aendring_real_pct,
                    "Heraf regulering og øvrige indtægter (kr.)": tk.pr_kategori.get(REGULERING_LINJE),
                    **{_kat(k): tk.pr_kategori.get(k) for k in KATEGORIER},
                    "Sundhedsydelser": tekst(nr, f"Sundhedsydelser ({t.navn})", tk.sundhedsydelser),
                    "Markering": markering,
                }, fremhaev, nr))
    return ark


TILBUD_KOLONNER = [
    Kolonne("Driftsherre", 16), Kolonne("CVR", 9), Kolonne("Tilbud", 20), Kolonne("Tilbudsportal-id", 9),
    Kolonne("Paragraf", 9), Kolonne("Kategori", 7, ANTAL), Kolonne("Tilbudstype", 8),
    Kolonne("Takststruktur", 13), Kolonne("Pladser", 6, ANTAL), Kolonne("Pladser sidste år", 7, ANTAL),
    Kolonne("Ændring i pladser", 7, ANTAL), Kolonne("Belægning", 8, PCT), Kolonne("Pladsdøgn", 9, TAL),
    Kolonne("Omkostningsgrundlag (kr.)", 12, KR), Kolonne("Regulering (kr.)", 11, KR),
    Kolonne("Hensat (kr.)", 11, KR), Kolonne("Øvrige indtægter (kr.)", 11, KR),
    Kolonne("Takstgrundlag (kr.)", 12, KR), Kolonne("Objektiv finansiering", 9, PCT),
    Kolonne("Heraf objektivt finansieret (kr.)", 12, KR), Kolonne("Pris pr. støttetime (kr.)", 9, KR),
    Kolonne("Nyt tilbud", 10), Kolonne("Korte forløb", 6), Kolonne("Særlige vilkår", 14),
    Kolonne("Markering", 14), Kolonne("Bemærkninger", 30),
]


def _tilbud(udvalg: Udvalg, tekst: _Tekster) -> Ark:
    ark = Ark("Tilbud", "Tilbud", "Én række pr. tilbud (kategori 2 og 3): pladser og vejen fra omkostningsgrundlag "
              "til takstgrundlag (omkostningsgrundlag + regulering − øvrige indtægter = takstgrundlag). Ved objektiv "
              "finansiering betaler kommunerne den viste del af takstgrundlaget efter nøgle (arket Fordeling); "
              "taksterne regnes af resten.",
              "Tilbud", TILBUD_KOLONNER, frys_kolonner=3, grupper=("Omkostningsgrundlag (kr.)", "Nyt tilbud"))
    for st in udvalg.godkendte:
        nr, ind = st.nr, st.indmelding
        for t, tr in _tilbud_par(st):
            aendring = None if t.pladser_forrige_aar is None else t.pladser - t.pladser_forrige_aar
            markering = "Pladser ændret" if aendring else ("Ingen pladser sidste år" if aendring is None else "")
            ark.raekker.append(Raekke([
                tekst(nr, "Driftsherre", ind.driftsherre), tekst(nr, "CVR", ind.cvr),
                tekst(nr, f"tilbuddets navn ({t.id})", t.navn), tekst(nr, f"Tilbudsportal-id ({t.navn})", t.tilbudsportal_id),
                tekst(nr, f"Paragraf ({t.navn})", t.paragraf), t.kategori, navne.vis(t.tilbudstype, navne.TILBUDSTYPER),
                navne.vis(t.takststruktur, navne.TAKSTSTRUKTURER), t.pladser, t.pladser_forrige_aar, aendring,
                tr.belaegning_pct, tr.pladsdoegn, tr.omkostningsgrundlag, tr.regulering, tr.hensat,
                tr.oevrige_indtaegter, tr.takstgrundlag, _objektiv_andel(t), tr.objektiv_andel, tr.pris_pr_stoettetime,
                _nyt(t, ind.grundlag.takstaar), _ja(t.korte_forloeb or any(y.korte_forloeb for y in t.ydelser)),
                tekst(nr, f"Særlige vilkår ({t.navn})", _saerlige(t)),
                markering, tekst(nr, f"Bemærkninger ({t.navn})", t.bemaerkninger),
            ], bool(aendring), nr))
    return ark


def _unikke(navne_: list[str], optaget: set[str]) -> list[str]:
    """Column names for kommuner: never empty, never equal to another column (case-insensitive)."""
    ud, brugt = [], {x.casefold() for x in optaget}
    for n in navne_:
        base = (n.strip() or "Uden navn")[:240]
        kandidat, i = base, 2
        while kandidat.casefold() in brugt:
            kandidat, i = f"{base} ({i})", i + 1
        brugt.add(kandidat.casefold())
        ud.append(kandidat)
    return ud


def _fordeling(udvalg: Udvalg, tekst: _Tekster) -> Ark:
    faste = [Kolonne("Driftsherre", 22), Kolonne("Tilbud", 26), Kolonne("Finansiering", 22)]
    raekker = []  # (nr, driftsherre, tilbud, art, {kommune: beløb})
    for st in udvalg.godkendte:
        nr, ind = st.nr, st.indmelding
        for t, tr in _tilbud_par(st):
            for art, fordeling_ in (
                    (navne.vis("traekningsret", navne.TAKSTSTRUKTURER), tr.fordeling),
                    (f"Objektiv finansiering ({dansk.kort_tal(_objektiv_andel(t) or 0)} %)", tr.objektiv_fordeling)):
                if fordeling_ is None:
                    continue
                fordeling: dict[str, Decimal] = {}
                for k, v in fordeling_.items():
                    k = tekst(nr, f"kommunens navn i fordelingen ({t.navn})", k).strip()
                    fordeling[k] = fordeling.get(k, Decimal(0)) + v
                raekker.append((nr, tekst(nr, "Driftsherre", ind.driftsherre),
                                tekst(nr, f"tilbuddets navn ({t.id})", t.navn), art, fordeling))
    kommuner = sorted({k for *_, f in raekker for k in f}, key=str.casefold)
    overskrifter = _unikke(kommuner, {k.navn for k in faste} | {"I alt"})
    kolonner = faste + [Kolonne(o, max(11, min(len(o) + 2, 20)), HELE_KR) for o in overskrifter]
    kolonner.append(Kolonne("I alt", 13, HELE_KR))
    ark = Ark("Fordeling", "Trækningsret og objektiv finansiering fordelt på kommuner",
              "Hele kroner pr. kommune efter tilbuddets fordelingsnøgle (største brøkdels metode); rækken I alt under "
              "tabellen summerer hver kommune.",
              "Fordeling", kolonner, frys_kolonner=2)
    totaler = [Decimal(0)] * (len(kommuner) + 1)
    for nr, drift, tilbud, art, f in raekker:
        beloeb = [f.get(k) for k in kommuner]
        i_alt = sum(f.values(), Decimal(0))
        ark.raekker.append(Raekke([drift, tilbud, art, *beloeb, i_alt], kilde=nr))
        for j, v in enumerate([*beloeb, i_alt]):
            totaler[j] += v or 0
    if raekker:
        ark.slutraekke = ["I alt", "", "", *totaler]
    return ark


ATA_KOLONNER = [
    Kolonne("Driftsherre", 22), Kolonne("CVR", 10), Kolonne("Tilbud", 26), Kolonne("Personalekategori", 20),
    Kolonne("Tidsrum", 12), Kolonne("Timeomkostning (kr.)", 12, KR), Kolonne("Døgnkoefficient", 11, PCT),
    Kolonne("VFO", 8, PCT), Kolonne("Fravær", 8, PCT), Kolonne("ATA-timetakst (kr.)", 12, KR),
]


def _ata(udvalg: Udvalg, tekst: _Tekster) -> Ark:
    ark = Ark("ATA-timetakster", "ATA-timetakster (tillægsydelser)",
              "ATA-timetakst = timeomkostning × (1 + døgnkoefficient + VFO + fravær), afrundet til øre (SA 9.2).",
              "ATA", ATA_KOLONNER, frys_kolonner=3)
    for st in udvalg.godkendte:
        nr, ind = st.nr, st.indmelding
        for t, tr in _tilbud_par(st):
            for a in tr.tillaegsydelser:
                ark.raekker.append(Raekke([
                    tekst(nr, "Driftsherre", ind.driftsherre), tekst(nr, "CVR", ind.cvr),
                    tekst(nr, f"tilbuddets navn ({t.id})", t.navn),
                    tekst(nr, f"Personalekategori ({t.navn})", a.personalekategori),
                    tekst(nr, f"Tidsrum ({t.navn})", navne.vis(a.tidsrum, navne.TIDSRUM)), a.timeomkostning,
                    a.doegnkoefficient_pct, a.vfo_pct, a.fravaer_pct, a.ata_timetakst,
                ], kilde=nr))
    return ark


SAMMENLIGNING_KOLONNER = [
    Kolonne("Paragraf", 12), Kolonne("Tilbudstype", 10), Kolonne("Enhed", 8), Kolonne("Driftsherre", 22),
    Kolonne("Tilbud", 26), Kolonne("Ydelse", 22), Kolonne("Takst (kr.)", 12, KR),
    Kolonne("Pris pr. støttetime (kr.)", 12, KR), Kolonne("Sammenlignelige hos andre", 11, ANTAL),
    Kolonne("Laveste takst hos andre (kr.)", 12, KR), Kolonne("Median takst hos andre (kr.)", 12, KR),
    Kolonne("Højeste takst hos andre (kr.)", 12, KR), Kolonne("Takst ift. median", 10, PCT),
    Kolonne("Median pris pr. støttetime hos andre (kr.)", 13, KR), Kolonne("Pris pr. støttetime ift. median", 11, PCT),
]


def sammenligningstakster(udvalg: Udvalg) -> list[sammenligning.Sammenligningstakst]:
    ud = []
    for st in udvalg.godkendte:
        ud.extend(sammenligning.fra_beregning(st.indmelding.grundlag, st.indmelding.beregning))
    return ud


def _sammenligning(udvalg: Udvalg, tekst: _Tekster) -> Ark:
    ark = Ark("Sammenligning", "Sammenligning af takster (SA 1.2)",
              "Hver takst ved siden af de andre driftsherrers tilbud med samme paragraf, tilbudstype og enhed. "
              "Ift. median: hvor meget taksten ligger over (+) eller under (−) medianen hos de andre.",
              "Sammenligning", SAMMENLIGNING_KOLONNER, frys_kolonner=0)
    alle = sammenligningstakster(udvalg)
    nr_for = {st.indmelding.cvr: st.nr for st in udvalg.godkendte}
    for s in sammenligning.sammenlign(alle, alle):
        e, nr = s.egen, nr_for.get(s.egen.cvr, 0)
        ark.raekker.append(Raekke([
            tekst(nr, "Paragraf", e.paragraf), navne.vis(e.tilbudstype, navne.TILBUDSTYPER),
            navne.vis(e.enhed, navne.ENHEDER), tekst(nr, "Driftsherre", e.driftsherre),
            tekst(nr, f"tilbuddets navn ({e.tilbud_id})", e.tilbud), tekst(nr, "ydelsens navn", e.ydelse),
            e.takst, e.pris_pr_stoettetime, s.takst.antal, s.takst.laveste, s.takst.median, s.takst.hoejeste,
            s.takst_ift_median_pct, s.pris.median, s.pris_ift_median_pct,
        ], kilde=nr))
    return ark


STATUS_KOLONNER = [
    Kolonne("Nr.", 4, ANTAL), Kolonne("Fil", 18), Kolonne("Status", 12), Kolonne("Begrundelse", 40),
    Kolonne("Driftsherre", 16), Kolonne("CVR", 9), Kolonne("Takstår", 6, ANTAL), Kolonne("Underskriver", 18),
    Kolonne("Certifikatets CVR", 9), Kolonne("Signeret", 15, TID),
    Kolonne("Indmeldingens fingeraftryk", 22), Kolonne("Certifikatets fingeraftryk (SHA-256)", 26),
    Kolonne("Filens SHA-256", 22), Kolonne("Noter", 30),
]


def _status(udvalg: Udvalg, tekst: _Tekster) -> Ark:
    from takstberegner.export.indmelding import vis_fingeraftryk

    n = len(udvalg.statusser)
    ark = Ark("Indmeldinger", "Indmeldinger",
              f"{n} fil{'er' if n != 1 else ''} givet: {udvalg.antal(GODKENDT)} godkendt og med i takstbilaget, "
              + (f"{udvalg.antal(ANDET_AAR)} for et andet takstår, " if udvalg.antal(ANDET_AAR) else "")
              + f"{udvalg.antal(AFVIST)} afvist, {udvalg.antal('erstattet')} erstattet af en nyere, "
              f"{udvalg.antal('dublet')} dublet. Signeret er dansk tid." + _obs(udvalg),
              "Indmeldinger", STATUS_KOLONNER, frys_kolonner=3)
    tekst_ = tekst

    def tekst(nr: int, felt: str, vaerdi) -> str:  # any file given, also a hostile one: shortened
        return tekst_(nr, felt, vaerdi, kort=True)

    for st in udvalg.statusser:
        ind, nr = st.indmelding, st.nr
        tid = lokal_tid(ind.signeringstid)
        if tid is not None and not 1900 <= tid.year <= 9998:  # not a date a spreadsheet can hold
            tid = dansk.tidspunkt(ind.signeringstid, sekunder=True)
        raekke = [
            nr, tekst(nr, "filnavnet", _filnavn(ind.fil)), st.status_navn, tekst(nr, "begrundelsen", "\n".join(st.grunde)),
            tekst(nr, "Driftsherre", ind.driftsherre), tekst(nr, "CVR", ind.cvr), ind.takstaar,
            tekst(nr, "underskriverens navn", ind.underskriver), tekst(nr, "certifikatets CVR", ind.certifikat_cvr), tid,
            vis_fingeraftryk(ind.fingeraftryk) if ind.fingeraftryk else "", ind.certifikat_fingeraftryk, ind.sha256,
        ]
        ark.raekker.append(Raekke(raekke, st.status == AFVIST, nr))
    # notes last: every other sheet (and this one's own texts) has been read by now
    for st, r in zip(udvalg.statusser, ark.raekker):
        noter = [*st.noter, *tekst_.noter.get(st.nr, [])]
        if len(noter) > _MAKS_NOTER:  # a cell holds 32.767 characters; a file with 1.000 cleaned names
            noter[_MAKS_NOTER:] = [f"... og {dansk.tal(len(noter) - _MAKS_NOTER, 0)} noter mere af samme slags."]
        r.vaerdier.append(regneark.tekst("\n".join(noter))[0])  # names quoted in notes may be long
    return ark


_MAKS_NOTER = 100


def _obs(udvalg: Udvalg) -> str:
    """What the secretariat must look into before the bilag is passed on (the rows' notes say which)."""
    n = sum(1 for st in udvalg.statusser if st.nyere_afvist)
    t = sum(st.tilbud_udeladt for st in udvalg.statusser)
    ud = ""
    if n:
        ud += (f" Obs: {n} godkendt{'e' if n != 1 else ''} indmelding{'er' if n != 1 else ''} har en nyere, afvist "
               "indmelding fra samme CVR; indtil den er rettet, er taksterne fra den ældre (se Noter).")
    if t:
        ud += (f" Obs: {t} tilbud fra en erstattet indmelding er ikke i den nyere og er derfor ikke med i "
               "takstbilaget (se Begrundelse).")
    d = sum(1 for st in udvalg.statusser if st.dobbelt)
    if d:
        ud += (f" Obs: {d} godkendte indmeldinger fra forskellige CVR har samme tilbud eller samme driftsherre, så "
               "noget står to gange i takstbilaget (se Noter).")
    return ud


def _filnavn(fil: str) -> str:
    from pathlib import Path

    return Path(fil).name or fil


def byg(udvalg: Udvalg, nu: datetime | None = None) -> Takstbilag:
    tekst = _Tekster()
    ark = [_takster(udvalg, tekst), _tilbud(udvalg, tekst), _fordeling(udvalg, tekst), _ata(udvalg, tekst),
           _sammenligning(udvalg, tekst)]
    ark.append(_status(udvalg, tekst))
    return Takstbilag(udvalg.takstaar, nu or dansk.nu_utc(), ark, udvalg)
