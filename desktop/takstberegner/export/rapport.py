"""One prepared report of a takstberegning (SPEC §4, §6; SA 5.6) that both the xlsx and the PDF render.

`lav_rapport(grundlag, beregning, fingeraftryk, dannet) -> Rapport` gathers every input and every
published figure into sections of typed cells, grouped by the app's own steps (Driftsherre og
satser, Stamdata og pladser, Budget, ..., Bemærkninger). The renderers only lay them out, so the
takstskema and the takstberegning til revision cannot disagree.

A number cell (`Tal`) may carry a formula for the workbook: a template with `{0}`, `{1}`, ...
and the cells it refers to (`Ref`: section, row key, column; on the same sheet, another
tilbud's sheet or the front sheet). Its value is what the formula gives: the engine's published
figure, or for the few figures of the takst bridge the engine does not publish (a ydelse's own
costs, its share of the takstgrundlag) the same arithmetic on the inputs, so the PDF can show
the bridge. The tests evaluate every formula of the workbook and compare it with these values,
and the takster with the engine's.

All text shown is Danish (`domain.navne`): no code or field path reaches the reader.
"""
from __future__ import annotations

import dataclasses
import gc
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import lru_cache

from takstberegner import dansk
from takstberegner.domain import navne
from takstberegner.domain.model import (
    KATEGORI_NAVNE, KATEGORIER, POST_TAP, POSTER_IKKE_TAKST, REGULERING_LINJE, Takstgrundlag, Tilbud,
)
from takstberegner.domain.resultat import Beregning, Fund, TilbudResultat

KR, PCT, TAL, HELTAL, AAR = "kr", "pct", "tal", "heltal", "aar"
# a ratio the reader multiplies by (takstgrundlag ÷ omkostningsgrundlag): shown with FAKTOR_DECIMALER
# decimals, so that an amount of millions times the shown factor gives the øre the takst was computed with
FAKTOR = "faktor"
FAKTOR_DECIMALER = 10
NAVN_REGULERING = navne.TAKST_LINJER[REGULERING_LINJE]
_ZERO = Decimal(0)

# The app's steps, in the app's order (app/steps, the step list of the navigator).
TRIN = (
    "Driftsherre og satser", "Stamdata og pladser", "Budget", "Belægning", "Overhead", "Anlæg",
    "Regulering", "Takststruktur", "Tillægsydelser", "Bemærkninger",
)
BILAG = "Bilag: alle budgetlinjer"
IKKE_I_TAKSTEN = "Indgår ikke i taksten"
MANGLER = "Mangler før indmelding"  # a checklist point (tjeneste.klar) in the table of findings
_SPREDT = "Nyt tilbuds underskud fordelt over tre år"


@dataclass(frozen=True)
class Ref:
    """A cell of the report for a workbook formula: section `sektion`, row `raekke` (its key or
    index; None with `til` None = every data row, the total row excluded), column `kolonne`.
    `til` makes a range down to that row, `til_kolonne` a range across. `tilbud` names another
    tilbud's sheet ("" = the front sheet); None = the same sheet."""

    sektion: str
    raekke: str | int | None
    kolonne: int
    til: str | int | None = None
    tilbud: str | None = None
    til_kolonne: int | None = None


@dataclass(frozen=True)
class Tal:
    """A number cell; `fmt` is KR (2 decimals), PCT (percent units, 2 decimals; a real percentage
    in the workbook), AAR (a year, no separator), TAL (2 decimals), HELTAL (whole number),
    FAKTOR (FAKTOR_DECIMALER decimals).
    `formel` (with `refs`) makes it a live formula in the workbook."""

    v: Decimal | int | None
    fmt: str = KR
    formel: str = ""
    refs: tuple[Ref, ...] = ()


def _ref_init(self, sektion: str, raekke: str | int | None, kolonne: int, til: str | int | None = None,
              tilbud: str | None = None, til_kolonne: int | None = None) -> None:
    d = self.__dict__
    d["sektion"], d["raekke"], d["kolonne"], d["til"], d["tilbud"], d["til_kolonne"] = (
        sektion, raekke, kolonne, til, tilbud, til_kolonne)


def _tal_init(self, v: Decimal | int | None, fmt: str = KR, formel: str = "", refs: tuple[Ref, ...] = ()) -> None:
    d = self.__dict__
    d["v"], d["fmt"], d["formel"], d["refs"] = v, fmt, formel, refs


# A frozen dataclass's own __init__ sets each field through object.__setattr__; the report of a
# large driftsherre makes 100.000 of these cells, so they fill their __dict__ directly (the same
# fields and defaults, still frozen afterwards; a test compares them with the dataclass's own).
_REF_INIT, _TAL_INIT = Ref.__init__, Tal.__init__
Ref.__init__, Tal.__init__ = _ref_init, _tal_init


@dataclass(frozen=True)
class Sektion:
    titel: str
    kolonner: tuple[str, ...]
    raekker: tuple[tuple, ...]  # cells: Tal, str or None
    note: str = ""
    sum_raekke: bool = False  # the last row is a total (bold)
    noegle: str = ""  # a stable name for formulas, tests and renderers
    trin: str = ""  # the app's step it belongs to
    raekke_noegler: tuple[str | None, ...] = ()  # per row, for formulas
    fede: tuple[int, ...] = ()  # other rows printed bold (subtotals)
    kun_regneark: tuple[int, ...] = ()  # columns the PDF leaves out (helper columns of formulas)

    def indeks(self, noegle: str | int) -> int:
        if isinstance(noegle, int):
            return noegle if noegle >= 0 else len(self.raekker) + noegle
        return self.raekke_noegler.index(noegle)


@dataclass(frozen=True)
class TilbudRapport:
    id: str
    navn: str
    kategori: int
    sektioner: tuple[Sektion, ...]
    har_fejl: bool
    bilag: tuple[Sektion, ...] = ()  # every budget line: after all tilbud in the PDF


@dataclass(frozen=True)
class Rapport:
    driftsherre: str
    cvr: str
    takstaar: int
    regelsaet: str
    version: str
    dannet: datetime
    fingeraftryk: str
    grundlag_sha256: str
    stamdata: Sektion
    oversigt: Sektion
    faelles: tuple[Sektion, ...]
    tilbud: tuple[TilbudRapport, ...]
    fund: Sektion
    antal_fejl: int = 0  # > 0: a draft that cannot be submitted
    i_alt: Sektion | None = None  # the driftsherre total
    bindende: str = ""  # which takst is binding
    sidste_aar: str = ""  # what of last year the report can show
    sidste_aar_oversigt: Sektion | None = None  # takstgrundlag per tilbud, both years (with last year's file)
    regler: Sektion | None = None  # the regelsæt's parameters the calculation used


@contextmanager
def uden_gc():
    """Pause the cyclic garbage collector while a large report is rendered: the renderers
    allocate hundreds of thousands of short-lived objects, and the full collections that
    triggers walk the whole takstgrundlag each time (0,5 s of 3 s for the large driftsherre)."""
    var_aktiv = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if var_aktiv:
            gc.enable()


def _ja(b: bool) -> str:
    return "Ja" if b else "Nej"


FUND_KOLONNER = ("Kontrol", "Niveau", "Reference", "Felt", "Tekst")


def _fund_raekker(fund: list[Fund], grundlag) -> tuple[tuple, ...]:
    """A finding by its Danish name (navne.FUND), never its code."""
    return tuple((navne.vis(f.kode, navne.FUND), navne.vis(f.niveau, navne.NIVEAUER), f.reference,
                  navne.felt_tekst(f.felt, grundlag), f.tekst) for f in fund)


def _regler(rs) -> Sektion:
    """The regelsæt's parameters the calculation and its checks used: an auditor can hold each
    limit, default, lifetime and rounding against the agreement without the program. Values as
    Danish text (one column of mixed units reads best as text)."""
    kr = lambda d: f"{dansk.tal(d, 2 if d < 1 else 0)} kr."  # noqa: E731
    pct = dansk.procent
    aar = lambda n: f"{n} år"  # noqa: E731
    raekker = [
        ("Aftale", rs.navn, ""),
        ("Aftalens version", rs.version, ""),
        ("Gælder for takstårene", dansk.opremsning([str(a) for a in rs.takstaar]), ""),
        ("Dage pr. år", str(rs.dage_pr_aar), "SA 5.1"),
        ("Mindste belægning, dag- og døgntilbud", pct(rs.bel_min_pct), "SA 5.2"),
        ("Mindste belægning, korte forløb, akut- og aflastningstilbud", pct(rs.bel_min_korte_forloeb_pct), "SA 5.2"),
        ("Anbefalet højeste belægning", pct(rs.bel_anbefalet_max_pct), "SA 5.2"),
        ("Højeste belægning", pct(rs.bel_max_pct), "SA 5.2"),
        ("Grænse for over- og underskud (af takstberegningsgrundlaget)", pct(rs.reg_graense_pct), "SA 5.3"),
        ("Over- og underskud over grænsen indregnes senest efter resultatåret", aar(rs.reg_frist_aar), "SA 5.3"),
        ("Hensatte overskud anvendes inden for", aar(rs.hensaettelse_aar), "SA 5.3.1"),
        ("Et nyt tilbuds underskud i første driftsår fordeles over", aar(rs.nyt_tilbud_spredning_aar), "SA 6.1.2"),
        ("Tjenestemandspension, standard (af lønnen)", pct(rs.std_tjenestemandspension_pct), "SA 5.5.6"),
        ("Forrentning af driftskapital, standard", f"{dansk.kort_tal(rs.std_driftskapital_maaneder)} måneder",
         "SA 5.5.5"),
        ("VFO i ATA-timetakster, standard", pct(rs.std_vfo_pct), "SA 9.2"),
        ("Væsentlighedsgrænse for real ændring, standard", pct(rs.std_vaesentlighed_pct), "SA 3.1"),
        ("P/L-fremskrivning af sidste års takst, standard", pct(rs.std_pl_fremskrivning_pct), "SA 3.1, 5.5.2"),
        ("Overhead uden angivet kategori indgår i", navne.vis(rs.std_overhead_kategori, navne.OMKOSTNINGSKATEGORIER),
         "SA 5.5.7"),
    ]
    for art, (fra, til) in sorted(rs.levetid_aar.items(), key=lambda x: navne.vis(x[0], navne.ANLAEG_TYPER)):
        raekker.append((f"Levetid, {navne.vis(art, navne.ANLAEG_TYPER)}", f"{fra}–{til} år" if fra != til else aar(fra),
                        "SA 5.5.4"))
    raekker += [
        ("Afrunding af taksten", kr(rs.afrunding_takst), ""),
        ("Afrunding af taksten i takstbilaget (kun visning)", kr(rs.afrunding_takst_kr), ""),
        ("Afrunding af taksten fordelt på kategorier", kr(rs.afrunding_fordeling), "SA 5.5.1"),
        ("Afrunding af trækningsret", kr(rs.afrunding_traekningsret), ""),
        ("Afrunding af kommunernes andele af objektiv finansiering", kr(rs.afrunding_objektiv), ""),
    ]
    return Sektion("Regelsættets parametre", ("Parameter", "Værdi", "Reference"), tuple(raekker), noegle="regler",
                   note="Grænser, standarder og afrunding fra regelsættet, som beregningen og kontrollerne har brugt. "
                        "Satser, som driftsherren selv har angivet, står i 'Driftsherre og satser' og bruges i stedet "
                        "for regelsættets standard.")


def _regelsaet(b: Beregning, takstaar: int):
    from takstberegner.formats.regelsaet import alle_regelsaet, regelsaet_for

    for rs in alle_regelsaet():
        if rs.id == b.regelsaet_id:
            return rs
    return regelsaet_for(takstaar)


BINDENDE = ("Den bindende takst er taksten i kroner og øre (2 decimaler), afrundet én gang fra den "
            "uafrundede beregning. Takstbilaget viser den desuden i hele kroner; det er kun en visning. Også hele "
            "kroner er afrundet fra den uafrundede takst, ikke fra taksten i øre: en uafrundet takst på 1.664,495 kr. "
            "er 1.664,50 kr. og i hele kroner 1.664 kr. Den uafrundede takst står under hvert tilbuds takster "
            "fordelt på omkostningskategorier.")
SIDSTE_AAR = ("Sidste års takst (pr. ydelse) og pladser er fra takstgrundlaget. Sidste års budget indgår ikke i "
              "takstgrundlaget og er ikke vist her. Takstberegningen til revision (PDF) viser det ved siden af årets, når "
              "den dannes med sidste års takstfil (i programmet vælges filen ved udskrivningen, på kommandolinjen med "
              "--forrige); ellers sammenlign med sidste års takstberegning til revision.")


def lav_rapport(
    grundlag: Takstgrundlag,
    beregning: Beregning,
    fingeraftryk: str = "",
    dannet: datetime | None = None,
    aabne: tuple[tuple[str, str, str], ...] = (),
) -> Rapport:
    """The report; last year's takstfil beside it: export.sidste_aar.tilfoej (tjeneste.dokumenter.rapport).
    `aabne`: (place, text, SA reference) of what blocks the indmelding besides the findings (the
    checklist of tjeneste.klar, which sits above export): fejl in the findings table and the count."""
    from takstberegner import __version__

    dannet = dannet or dansk.nu_utc()  # shown in Danish time (dansk.tidspunkt), whatever the PC's zone
    rs = _regelsaet(beregning, grundlag.takstaar)
    tilbud_input = {t.id: t for t in grundlag.tilbud}
    s = grundlag.satser
    pension = s.tjenestemandspension_pct if s.tjenestemandspension_pct is not None else rs.std_tjenestemandspension_pct
    vaesentlig = s.vaesentlighed_pct if s.vaesentlighed_pct is not None else rs.std_vaesentlighed_pct
    pl = s.pl_fremskrivning_pct if s.pl_fremskrivning_pct is not None else rs.std_pl_fremskrivning_pct
    std = " (regelsættets standard)"
    stamdata = Sektion(
        "Driftsherre og satser",
        ("Felt", "Værdi"),
        (
            ("Driftsherre", grundlag.driftsherre.navn),
            ("CVR", grundlag.driftsherre.cvr),
            ("Type", navne.vis(grundlag.driftsherre.type, navne.DRIFTSHERRE_TYPER)),
            ("Takstår", Tal(grundlag.takstaar, AAR)),
            ("Regelsæt", rs.navn),
            ("Rente til forrentning af anlæg (%)", Tal(s.rente_anlaeg_pct, PCT)),
            ("Kort rente (%)", Tal(s.rente_kort_pct or _ZERO, PCT)),
            ("Tjenestemandspension (%)" + (std if s.tjenestemandspension_pct is None else ""), Tal(pension, PCT)),
            ("Væsentlighedsgrænse (%)" + (std if s.vaesentlighed_pct is None else ""), Tal(vaesentlig, PCT)),
            ("Dage pr. år (SA 5.1)", Tal(rs.dage_pr_aar, HELTAL)),
            ("P/L-fremskrivning af sidste års takst (%)" + (std if s.pl_fremskrivning_pct is None else ""), Tal(pl, PCT)),
        ),
        noegle="stamdata", trin=TRIN[0],
        raekke_noegler=("navn", "cvr", "type", "takstaar", "regelsaet", "rente_anlaeg", "rente_kort", "pension",
                        "vaesentlighed", "dage", "pl"),
    )
    tilbud = tuple(
        TilbudRapport(tr.id, tr.navn, tr.kategori, *_tilbud(tilbud_input[tr.id], tr, beregning, grundlag, rs, pension))
        for tr in beregning.tilbud
    )
    return Rapport(
        driftsherre=grundlag.driftsherre.navn,
        cvr=grundlag.driftsherre.cvr,
        takstaar=grundlag.takstaar,
        regelsaet=rs.navn,
        version=__version__,
        dannet=dannet,
        fingeraftryk=fingeraftryk,
        grundlag_sha256=beregning.grundlag_sha256,
        stamdata=stamdata,
        oversigt=_oversigt(beregning, tilbud_input),
        faelles=tuple(_overhead_sektioner(beregning)),
        tilbud=tilbud,
        fund=Sektion("Fund (kontroller)", FUND_KOLONNER, _fund_raekker(beregning.alle_fund(), grundlag) + tuple(
                         (MANGLER, navne.vis("fejl", navne.NIVEAUER), ref, sted, tekst) for sted, tekst, ref in aabne),
                     noegle="fund"),  # after the overhead: under no step heading
        antal_fejl=sum(1 for f in beregning.alle_fund() if f.er_fejl) + len(aabne),
        i_alt=_i_alt(beregning),
        bindende=BINDENDE,
        sidste_aar=SIDSTE_AAR,
        regler=_regler(rs),
    )


# Columns of the Oversigt over takster.
OV_TAKST, OV_FORRIGE = 9, 11


def _oversigt(b: Beregning, tilbud_input: dict[str, Tilbud]) -> Sektion:
    raekker, noegler = [], []
    pl = Ref("stamdata", "pl", 1, tilbud="")
    for tr in b.tilbud:
        t = tilbud_input[tr.id]
        for j, tk in enumerate(tr.takster):
            takst_ref = Ref("takster", j, TAKST_KOL[tr.takststruktur], tilbud=tr.id)
            i = len(raekker)
            forrige = Ref("oversigt", i, OV_FORRIGE, tilbud="")
            takst_her = Ref("oversigt", i, OV_TAKST, tilbud="")
            raekker.append((
                tr.id, tr.navn, Tal(tr.kategori, HELTAL), tk.ydelse, tk.ydelse_navn, navne.vis(tk.enhed, navne.ENHEDER),
                Tal(tk.pladser, HELTAL), Tal(tk.belaegning_pct, PCT), Tal(tk.pladsdoegn, TAL),
                Tal(tk.takst, KR, "{0}", (takst_ref,)),
                Tal(tk.takst_kr, HELTAL, "ROUND({0},0)", (takst_ref,)), Tal(tk.forrige_takst),
                _aendring(tk.aendring_pct, takst_her, forrige), _real_aendring(tk.aendring_real_pct, takst_her, forrige, pl),
                Tal(t.pladser_forrige_aar, HELTAL),
            ))
            noegler.append(f"{tr.id}/{tk.ydelse}")
        if not tr.takster:
            raekker.append((tr.id, tr.navn, Tal(tr.kategori, HELTAL), "",
                            "(ingen takst: " + navne.vis(tr.takststruktur, navne.TAKSTSTRUKTURER) + ")", "",
                            Tal(tr.pladser, HELTAL), None, None, None, None, None, None, None,
                            Tal(t.pladser_forrige_aar, HELTAL)))
            noegler.append(tr.id)
    return Sektion(
        "Oversigt over takster",
        ("Tilbud", "Tilbudsnavn", "Kategori", "Ydelse", "Ydelsesnavn", "Enhed", "Pladser", "Belægning", "Pladsdøgn",
         "Takst (kr., bindende)", "Takst i hele kr. (visning)", "Sidste års takst", "Ændring",
         "Real ændring (efter P/L)", "Pladser sidste år"),
        tuple(raekker), noegle="oversigt", trin=TRIN[0], raekke_noegler=tuple(noegler),
        note="Taksten i kroner og øre er bindende; hele kroner er takstbilagets visning. Real ændring er ændringen "
             "mod sidste års takst fremskrevet med årets P/L (SA 3.1, 5.5.2). Takstgrundlaget pr. tilbud står i tabellen "
             "'I alt for driftsherren' (én gang pr. tilbud, så kolonnerne kan summeres).",
    )


def _real_aendring(real_pct, takst: Ref, forrige: Ref, pl: Ref) -> Tal:
    """The real change: against last year's takst fremskrevet with the year's P/L (SPEC §5)."""
    if real_pct is None:
        return Tal(None, PCT)
    return Tal(real_pct, PCT, "ROUND(({0}-{1}*(1+{2}))/({1}*(1+{2}))*100,2)/100", (takst, forrige, pl))  # {2}: a percent cell


def _fremskrevet(tk, forrige: Ref, pl: Ref) -> Tal:
    """Last year's takst × (1 + P/L), as the engine publishes it (øre)."""
    if tk.forrige_fremskrevet is None:
        return Tal(None)
    return Tal(tk.forrige_fremskrevet, KR, "ROUND({0}*(1+{1}),2)", (forrige, pl))


def _aendring(aendring_pct, takst: Ref, forrige: Ref) -> Tal:
    """The nominal change, as the engine publishes it (percent, 2 decimals)."""
    if aendring_pct is None:
        return Tal(None, PCT)
    return Tal(aendring_pct, PCT, "ROUND(({0}-{1})/{1}*100,2)/100", (takst, forrige))


def _i_alt(b: Beregning) -> Sektion:
    raekker, noegler = [], []
    for tr in b.tilbud:
        def bro(k: str, tr=tr) -> Ref:
            return Ref("bro", k, 1, tilbud=tr.id)

        raekker.append((tr.id, tr.navn, Tal(tr.kategori, HELTAL),
                        Tal(tr.omkostningsgrundlag, KR, "{0}", (bro("omk"),)),
                        Tal(tr.regulering, KR, "{0}", (bro("reg"),)),
                        Tal(tr.oevrige_indtaegter, KR, "{0}", (bro("ind"),)),
                        Tal(tr.takstgrundlag, KR, "{0}", (bro("tg"),)),
                        Tal(tr.hensat)))
        noegler.append(tr.id)
    n = len(raekker)

    def kol(j: int, v) -> Tal:
        return Tal(sum(v, _ZERO), KR, "SUM({0})", (Ref("i_alt", 0, j, til=n - 1, tilbud=""),)) if n else Tal(_ZERO)

    raekker.append(("I alt for driftsherren", "", None,
                    kol(3, (t.omkostningsgrundlag for t in b.tilbud)), kol(4, (t.regulering for t in b.tilbud)),
                    kol(5, (t.oevrige_indtaegter for t in b.tilbud)), kol(6, (t.takstgrundlag for t in b.tilbud)),
                    kol(7, (t.hensat for t in b.tilbud))))
    noegler.append("i_alt")
    return Sektion(
        "I alt for driftsherren", ("Tilbud", "Navn", "Kategori", "Omkostningsgrundlag", "Regulering",
                                   "Øvrige indtægter", "Takstgrundlag", "Hensat (ikke i taksten)"),
        tuple(raekker), sum_raekke=True, noegle="i_alt", trin=TRIN[0], raekke_noegler=tuple(noegler),
        note="Takstgrundlag = omkostningsgrundlag + regulering − øvrige indtægter. Hensat indgår ikke i takstgrundlaget.",
    )


def _overhead_sektioner(b: Beregning):
    """Per pulje: each modtager's nøgletal, its share of the key and its andel in kroner."""
    for o in b.overhead:
        n = len(o.andele)
        noegle = f"overhead:{o.pulje_id}"
        i_alt = sum((a.noegletal for a in o.andele), _ZERO)

        def andel_pct(i: int, v: Decimal):
            if not i_alt:
                return None
            return Tal(v / i_alt * 100, PCT, "{0}/{1}", (Ref(noegle, i, 3, tilbud=""), Ref(noegle, n, 3, tilbud="")))

        raekker = [
            (a.modtager_id, a.modtager_navn, "Tilbud" if a.er_tilbud else "Øvrig modtager",
             Tal(a.noegletal, TAL), andel_pct(i, a.noegletal), Tal(a.beloeb)) for i, a in enumerate(o.andele)
        ]
        raekker.append(("I alt", "", "",
                        Tal(i_alt, TAL, "SUM({0})", (Ref(noegle, 0, 3, til=n - 1, tilbud=""),)) if n else None,
                        Tal(Decimal(100), PCT, "SUM({0})", (Ref(noegle, 0, 4, til=n - 1, tilbud=""),)) if n and i_alt
                        else None,
                        Tal(o.fordelt, KR, "SUM({0})", (Ref(noegle, 0, 5, til=n - 1, tilbud=""),)) if n else Tal(o.fordelt)))
        noegle_navn = navne.vis(o.noegle, navne.NOEGLER)
        yield Sektion(
            f"Overheadpulje {o.pulje_id}: {o.navn}",
            ("Modtager", "Navn", "Art", f"Nøgletal ({noegle_navn})", "Andel af nøglen", "Andel (kr.)"),
            tuple(raekker),
            note=(f"Puljens beløb {dansk.kr(o.beloeb)} × driftsandel {dansk.procent(o.driftsandel_pct)} = "
                  f"{dansk.kr(o.fordelt)} fordelt efter nøglen '{noegle_navn}': andel (kr.) = "
                  f"{dansk.kr(o.fordelt)} × modtagerens nøgletal ÷ nøgletal i alt (SA 5.5.7, 9.1); øre efter "
                  "største rest."),
            sum_raekke=True, noegle=noegle, trin=TRIN[4],
        )


# The column of the binding takst in the "takster" section, per takststruktur.
TAKST_KOL = {"gennemsnit": 9, "differentieret": 10, "enhed": 4, "traekningsret": 0}


def _tilbud(t: Tilbud, tr: TilbudResultat, b: Beregning, g: Takstgrundlag, rs, pension_sats) -> tuple:
    """(sections, har_fejl, appendix) of one tilbud."""
    from takstberegner.domain.belaegning import belaegning as vurder_belaegning

    ydelse_nr = {y.id: i + 1 for i, y in enumerate(t.ydelser)}
    sek: list[Sektion] = []
    T = TRIN
    bres = vurder_belaegning(t, g.takstaar, rs, "tilbud")  # the exact b and b_i the engine divides by
    of = t.objektiv_finansiering

    # --- Stamdata og pladser
    sv = t.saerlige_vilkaar
    stam = [
        ("Tilbud", f"{t.id} {t.navn}"), ("Tilbudsportal-id", t.tilbudsportal_id), ("Lovgrundlag", t.paragraf),
        ("Kategori", Tal(t.kategori, HELTAL)), ("Tilbudstype", navne.vis(t.tilbudstype, navne.TILBUDSTYPER)),
        ("Takststruktur", navne.vis(t.takststruktur, navne.TAKSTSTRUKTURER)),
        ("Korte forløb", _ja(t.korte_forloeb)), ("Nyt tilbud", _ja(t.nyt_tilbud)),
        ("Særlige vilkår", sv.beskrivelse if sv else "Nej"),
        ("Pladser i takståret", Tal(t.pladser, HELTAL)),
        ("Pladser sidste år", Tal(t.pladser_forrige_aar, HELTAL)),
    ]
    stam_n = ["tilbud", "tp", "paragraf", "kategori", "type", "struktur", "korte", "nyt", "sv", "pladser", "forrige"]
    if t.nyt_tilbud:
        stam.append(("Første driftsår" + (" (ikke angivet: takståret)" if t.foerste_driftsaar is None else ""),
                     Tal(t.foerste_driftsaar or g.takstaar, AAR)))
        stam_n.append("foerste")
    if of is not None:
        stam.append(("Objektiv finansiering: kommunernes andel af takstgrundlaget (%)", Tal(of.andel_pct, PCT)))
        stam_n.append("objektiv")
    if t.pladser_forrige_aar is not None:
        stam.append(("Ændring i pladser", Tal(t.pladser - t.pladser_forrige_aar, HELTAL, "{0}-{1}",
                                              (Ref("stamdata", "pladser", 1), Ref("stamdata", "forrige", 1)))))
        stam_n.append("aendring")
    if t.driftskapital is not None:
        mdr = t.driftskapital.maaneder
        stam.append(("Driftskapital, måneder" + (" (regelsættets standard)" if mdr is None else ""),
                     Tal(rs.std_driftskapital_maaneder if mdr is None else mdr, TAL)))
        stam_n.append("dk_mdr")
    for k, v in t.noegletal:
        stam.append((f"Nøgletal: {navne.vis(k, navne.NOEGLETAL)}", Tal(v, TAL)))
        stam_n.append(None)
    for k, v in t.fordeling:
        stam.append((f"Trækningsret, fordelingsnøgle: {k}", Tal(v, TAL)))
        stam_n.append(None)
    sek.append(Sektion("Stamdata", ("Felt", "Værdi"), tuple(stam), noegle="stamdata", trin=T[1],
                       raekke_noegler=tuple(stam_n)))
    if t.ydelser:
        dage = Ref("stamdata", "dage", 1, tilbud="")
        yr = []
        for i, (y, b_i) in enumerate(zip(t.ydelser, bres.ydelser)):
            if y.belaegning is not None:
                egen = navne.vis(y.belaegning.metode, navne.BELAEGNING_METODER)
                if y.belaegning.metode == "beregnet":
                    egen += " (" + ", ".join(f"{aar}: {dansk.procent(v)}" for aar, v in y.belaegning.faktisk_pct) + ")"
                if y.belaegning.begrundelse:
                    egen += ". " + y.belaegning.begrundelse
                b_tal = Tal(b_i, PCT)
            else:
                egen = "Tilbuddets"
                b_tal = Tal(b_i, PCT, "{0}", (Ref("belaegning", "b", 1),)) if b_i is not None else Tal(None, PCT)
            pd_i = Tal(Decimal(y.pladser * rs.dage_pr_aar) * b_i / 100, TAL, "{0}*{1}*{2}",
                       (Ref("ydelser", i, YD_PLADSER), dage, Ref("ydelser", i, YD_BEL))) if b_i is not None else Tal(None)
            yr.append((Tal(i + 1, HELTAL), y.id, y.navn, Tal(y.pladser, HELTAL), Tal(y.stoettetimer_uge, TAL), b_tal,
                       egen, pd_i, _ja(y.korte_forloeb), Tal(y.forrige_takst), y.sundhedsydelser))
        sek.append(Sektion(
            "Ydelser",
            ("Nr.", "Ydelse", "Navn", "Pladser", "Støttetimer pr. uge", "Belægning", "Ydelsens egen belægning",
             "Pladsdøgn", "Korte forløb", "Sidste års takst", "Sundhedsydelser"),
            tuple(yr), noegle="ydelser", trin=T[1], raekke_noegler=tuple(y.id for y in t.ydelser),
            note="En ydelse med egen belægning (fx aflastning) regner sine pladsdøgn med den; de andre bruger "
                 "tilbuddets (SA 5.2). Sidste års takst er den, der står i takstgrundlaget.",
        ))

    # --- Budget (summary per post; every line in the appendix)
    grupper: dict[tuple, list] = defaultdict(lambda: [0, _ZERO])
    kat_nr = {k: i for i, k in enumerate(KATEGORIER)}
    for x in t.omkostninger:
        gr = grupper[(kat_nr.get(x.kategori, 99), x.kategori, x.post, x.del_effektiv, x.ydelse or "")]
        gr[0] += 1
        gr[1] += x.beloeb
    raekker = [_linje_navne(kat, post, del_)[:3] + (ydelse, Tal(n, HELTAL), Tal(beloeb))
               for (_, kat, post, del_, ydelse), (n, beloeb) in sorted(grupper.items())]
    m = len(raekker)
    raekker.append(("I alt", "", "", "", Tal(len(t.omkostninger), HELTAL, "SUM({0})", (Ref("budget", 0, 4, til=m - 1),)) if m else Tal(0, HELTAL),
                    Tal(sum((x.beloeb for x in t.omkostninger), _ZERO), KR, "SUM({0})", (Ref("budget", 0, 5, til=m - 1),)) if m else Tal(_ZERO)))
    sek.append(Sektion(
        "Budget pr. kategori, post, del og ydelse (SA 5.5.1)", ("Kategori", "Post", "Del", "Ydelse", "Linjer", "Beløb (kr.)"),
        tuple(raekker), sum_raekke=True, noegle="budget", trin=T[2],
        note="Hver budgetlinje står i bilaget 'Alle budgetlinjer'. Linjer for tillægsydelser og individuelle valgfrie "
             "ydelser indgår ikke i taksten (SA 5.4.7, 5.5.2); administrativt TAP-personale tælles under "
             "administration (SA 5.5.1).",
    ))
    bilag = (_budgetlinjer(t, ydelse_nr, pension_sats),)

    # --- Belægning
    bel = t.belaegning
    raekker = [("Metode", navne.vis(bel.metode, navne.BELAEGNING_METODER) if bel else "Ingen (enhed eller trækningsret)")]
    rn: list[str | None] = ["metode"]
    b_formel = None
    if bel:
        aar = sorted((y for y, _ in bel.faktisk_pct if y < g.takstaar), reverse=True)[:2]
        for y, pct in bel.faktisk_pct:
            raekker.append((f"Faktisk belægning {y}", Tal(pct, PCT)))
            rn.append(f"faktisk{y}")
        if bel.metode == "beregnet" and len(aar) == 2:
            b_formel = ("({0}+{1})/2", (Ref("belaegning", f"faktisk{aar[0]}", 1), Ref("belaegning", f"faktisk{aar[1]}", 1)))
        if bel.pct is not None:
            raekker.append(("Angivet belægning", Tal(bel.pct, PCT)))
            rn.append("angivet")
            if bel.metode != "beregnet":
                b_formel = ("{0}", (Ref("belaegning", "angivet", 1),))
        if bel.begrundelse:
            raekker.append(("Begrundelse", bel.begrundelse))
            rn.append(None)
    if bres.pct is not None:
        raekker.append(("Belægningsprocent i takstberegningen", Tal(bres.pct, PCT, *(b_formel or ("", ())))))
        rn.append("b")
    if bres.egen and tr.belaegning_pct is not None:
        n_y = len(t.ydelser)
        raekker.append(("Pladsdøgn i alt (ydelserne har egen belægning)",
                        Tal(tr.pladsdoegn, TAL, "SUM({0})", (Ref("ydelser", 0, YD_PD, til=n_y - 1),))))
        rn.append("pd")
        raekker.append(("Belægning for tilbuddet i alt (pladsdøgn ÷ (pladser × dage))", Tal(tr.belaegning_pct, PCT)))
        rn.append(None)
    elif bres.pct is not None:
        raekker.append(("Pladsdøgn (pladser × dage × belægning)",
                        Tal(Decimal(t.pladser * rs.dage_pr_aar) * bres.pct / 100, TAL, "{0}*{1}*{2}",
                            (Ref("stamdata", "pladser", 1), Ref("stamdata", "dage", 1, tilbud=""), Ref("belaegning", "b", 1)))))
        rn.append("pd")
    if t.enheder:
        raekker.append((f"Forventede enheder ({navne.vis(t.enheder.enhed, navne.ENHEDER)})", Tal(t.enheder.antal, TAL)))
        rn.append("enheder")
    sek.append(Sektion("Belægning og pladsdøgn (SA 5.2)", ("Felt", "Værdi"), tuple(raekker), noegle="belaegning",
                       trin=T[3], raekke_noegler=tuple(rn)))

    # --- Overhead
    # each pulje's nøgletal in all (a link to the pulje's table on the front sheet) and the
    # tilbud's share of it, so its andel follows from the pulje: fordelt × share
    oh = []
    for o in b.overhead:
        i_alt = sum((a.noegletal for a in o.andele), _ZERO)
        for a in o.andele:
            if a.modtager_id == t.id:
                k = len(oh)
                oh.append((o.pulje_id, o.navn, navne.vis(o.noegle, navne.NOEGLER), Tal(a.noegletal, TAL),
                           Tal(i_alt, TAL, "{0}", (Ref(f"overhead:{o.pulje_id}", len(o.andele), 3, tilbud=""),)),
                           Tal(a.noegletal / i_alt * 100, PCT, "{0}/{1}", (Ref("overhead", k, 3), Ref("overhead", k, 4)))
                           if i_alt else None,
                           Tal(a.beloeb), KATEGORI_NAVNE.get(o.kategori, navne.vis(o.kategori))))
    n = len(oh)
    oh.append(("I alt", "", "", None, None, None,
               Tal(tr.overhead, KR, "SUM({0})", (Ref("overhead", 0, OH_KR, til=n - 1),)) if n else Tal(tr.overhead), ""))
    sek.append(Sektion("Tilbuddets andel af overhead (SA 5.5.7, 9.1)",
                       ("Pulje", "Navn", "Nøgle", "Tilbuddets nøgletal", "Puljens nøgletal i alt", "Andel af nøglen",
                        "Andel (kr.)", "Omkostningskategori"),
                       tuple(oh), sum_raekke=True, noegle="overhead", trin=T[4],
                       note="Andel (kr.) = puljens fordelte beløb × tilbuddets andel af nøglen; hver pulje står med alle "
                            "modtagere under driftsherrens overhead. Hver pulje lander i sin omkostningskategori "
                            "(SA 5.5.7); uden angivet kategori i administration."))

    # --- Anlæg: exact afskrivning and forrentning, so the workbook's sums equal the engine's
    inp = {a.id: a for a in t.anlaeg}
    raekker = []
    for a, (ai, x) in zip(tr.anlaeg, tr.anlaeg_tal):
        i = inp.get(a.id)
        raekker.append((
            a.id, a.navn, navne.vis(a.type, navne.ANLAEG_TYPER), navne.vis(a.finansiering, navne.FINANSIERINGER),
            Tal(i.anskaffelsesvaerdi) if i else None, dansk.dato(i.ibrugtagning) if i else "",
            Tal(i.levetid_aar, HELTAL) if i else None, Tal(i.restvaerdi) if i else None,
            Tal(a.andel_pct, PCT), Tal(x.aarlig), Tal(a.maaneder_i_aar, HELTAL),
            Tal(x.afskrivning), Tal(x.primo), Tal(x.ultimo), Tal(x.forrentning),
        ))
    n = len(raekker)
    if n:
        raekker.append(("I alt", "", "", "", None, "", None, None, None, None, None,
                        Tal(tr.afskrivninger, KR, "SUM({0})", (Ref("anlaeg", 0, 11, til=n - 1),)), None, None,
                        Tal(tr.forrentning_anlaeg, KR, "SUM({0})", (Ref("anlaeg", 0, 14, til=n - 1),))))
    sek.append(Sektion(
        "Anlægsskema: afskrivninger og forrentning (SA 5.5.4-5.5.5)",
        ("Id", "Navn", "Type", "Finansiering", "Anskaffelse", "Ibrugtaget", "Levetid", "Restværdi",
         "Andel", "Årlig afskr.", "Mdr. i år", "Afskrivning", "Bogført primo", "Bogført ultimo", "Forrentning"),
        tuple(raekker),
        note="Lineær afskrivning fra måneden efter ibrugtagning; forrentning = rente til forrentning af anlæg "
             f"({dansk.procent(g.satser.rente_anlaeg_pct or _ZERO)}) × gennemsnit af bogført værdi primo og ultimo × "
             "andel (SA 5.5.5). Beløbene vises i øre; summen regnes af de uafrundede beløb.",
        sum_raekke=bool(raekker), noegle="anlaeg", trin=T[5],
    ))

    # --- Regulering
    # one regulering per resultat, in order (domain/regulering.reguler); a nyt tilbud's first-year
    # underskud is spread over three takstår whatever its valg (SPEC §4.8), so the table says so
    spredt = ([x.resultat < 0 and x.nyt_tilbud_foerste_aar for x in t.resultater]
              if len(t.resultater) == len(tr.reguleringer) else [False] * len(tr.reguleringer))
    raekker = [(Tal(r.aar, AAR), Tal(r.resultat), Tal(r.grundlag), Tal(r.graense),
                _SPREDT if sp else navne.vis(r.valg, navne.RESULTAT_VALG),
                Tal(r.hensat), Tal(r.egenrisiko), Tal(r.skal_indregnes), Tal(r.i_aar), Tal(r.renter), Tal(r.regulering),
                Tal(r.udskudt), Tal(r.frist, AAR)) for r, sp in zip(tr.reguleringer, spredt)]
    rente_kort = dansk.procent(g.satser.rente_kort_pct or _ZERO)
    renteaar = "; ".join(f"{r.aar}: {max(0, g.takstaar - r.aar - 1)} år" for r in tr.reguleringer)
    n = len(raekker)
    raekker.append(("I alt", None, None, None, "", Tal(tr.hensat), None, None, None, None,
                    Tal(tr.regulering, KR, "SUM({0})", (Ref("regulering", 0, 10, til=n - 1),)) if n else Tal(tr.regulering),
                    None, None))
    sek.append(Sektion(
        "Regulering for tidligere års resultater (SA 5.3)",
        ("År", "Resultat", "Grundlag", "5 %-grænse", "Valg", "Hensat", "Egenrisiko", "Skal indregnes",
         "I år", "Renter", "Regulering", "Udskudt", "Frist"),
        tuple(raekker), sum_raekke=True, noegle="regulering", trin=T[6],
        note="Negativ regulering sænker taksten; overskud over 5 % skal tilbage, underskud op til 5 % er egen risiko. "
             "Hensat indgår ikke i taksten. Renter = i år × kort rente "
             f"({rente_kort}) × hele år fra resultatårets udgang til takstårets start"
             + (f" ({renteaar})" if renteaar else "") + " (SA 5.5.5)."
             + (f" {_SPREDT}: en tredjedel af det, der skal indregnes, i hvert af årene resultatår + 2 til + 4; det "
                "sidste år resten (SA 6.1.2)." if any(spredt) else ""),
    ))
    if t.resultater or t.hensaettelser:
        sek.append(Sektion(
            "Tidligere års resultater og hensættelser (indtastet)",
            ("Art", "År", "Beløb (kr.)", "Takstberegningsgrundlag", "Valg", "Indregnet tidligere / brugt",
             "Nyt tilbuds første driftsår"),
            tuple(("Resultat", Tal(x.aar, AAR), Tal(x.resultat), Tal(x.grundlag), navne.vis(x.valg, navne.RESULTAT_VALG),
                   Tal(x.indregnet_tidligere), _ja(x.nyt_tilbud_foerste_aar)) for x in t.resultater)
            + tuple(("Hensættelse", Tal(h.aar, AAR), Tal(h.beloeb), None, "", Tal(h.brugt), "") for h in t.hensaettelser),
            noegle="resultater_input", trin=T[6],
        ))
    if tr.hensaettelser or tr.tidligere_hensaettelser:
        sek.append(Sektion("Hensættelser og sidste anvendelsesår (SA 5.3.1)",
                           ("År", "Til rådighed (kr.)", "Sidste anvendelsesår", "Oprindelse"),
                           tuple((Tal(h.aar, AAR), Tal(h.beloeb), Tal(h.sidste_anvendelsesaar, AAR), "Tidligere hensat")
                                 for h in tr.tidligere_hensaettelser)
                           + tuple((Tal(h.aar, AAR), Tal(h.beloeb), Tal(h.sidste_anvendelsesaar, AAR), "Hensat i år")
                                   for h in tr.hensaettelser),
                           noegle="hensaettelser", trin=T[6]))
    indt = [(navne.vis(i.post, navne.OEVRIGE_POSTER), Tal(i.beloeb)) for i in t.oevrige_indtaegter]
    n = len(indt)
    indt.append(("I alt", Tal(tr.oevrige_indtaegter, KR, "SUM({0})", (Ref("indtaegter", 0, 1, til=n - 1),)) if n else Tal(tr.oevrige_indtaegter)))
    sek.append(Sektion("Øvrige indtægter (trækkes fra omkostningsgrundlaget)", ("Post", "Beløb (kr.)"), tuple(indt),
                       sum_raekke=True, noegle="indtaegter", trin=T[6]))

    # --- Takststruktur: the omkostningsgrundlag by category, the bridge, the takster
    oh_kat: dict[str, Decimal] = {}
    for o in b.overhead:
        for a in o.andele:
            if a.modtager_id == t.id:
                oh_kat[o.kategori] = oh_kat.get(o.kategori, _ZERO) + a.beloeb
    omk_sek, o_eks, tg_w = _omkostningsgrundlag(t, tr, rs, g, pension_sats, oh_kat)
    sek.extend(omk_sek)
    tg_takst = tg_w * (1 - of.andel_pct / 100) if of is not None else tg_w
    sek.extend(_takster(t, tr, rs, ydelse_nr, o_eks, tg_takst, pension_sats, bres, tg_w))

    # --- Tillægsydelser
    if tr.tillaegsydelser:
        sek.append(Sektion(
            "Tillægsydelser: ATA-timetakster (SA 9.2)",
            ("Personalekategori", "Tidsrum", "Timeomkostning", "Døgnkoefficient", "VFO", "Fravær", "ATA-timetakst"),
            tuple((a.personalekategori, navne.vis(a.tidsrum, navne.TIDSRUM), Tal(a.timeomkostning),
                   Tal(a.doegnkoefficient_pct, PCT), Tal(a.vfo_pct, PCT), Tal(a.fravaer_pct, PCT),
                   Tal(a.ata_timetakst, KR, "ROUND({0}*(1+{1}+{2}+{3}),2)",
                       (Ref("tillaeg", j, 2), Ref("tillaeg", j, 3), Ref("tillaeg", j, 4), Ref("tillaeg", j, 5))))
                  for j, a in enumerate(tr.tillaegsydelser)),
            noegle="tillaeg", trin=T[8],
            note="ATA-timetakst = timeomkostning × (1 + døgnkoefficient + VFO + fravær), afrundet til øre.",
        ))

    # --- Bemærkninger
    sek.append(Sektion("Fund for tilbuddet", FUND_KOLONNER, _fund_raekker(list(tr.fund), g), noegle="fund", trin=T[9]))
    sek.append(Sektion("Bemærkninger til takstberegningen", ("Tekst",),
                       tuple((x,) for x in _stykker(t.bemaerkninger or "(ingen)")), noegle="bemaerkninger",
                       trin=T[9]))
    return tuple(sek), tr.har_fejl, bilag


MAKS_STYKKE = 30_000  # characters of a bemærkning in one row: a workbook cell holds 32.767


def _stykker(tekst: str, maks: int = MAKS_STYKKE) -> list[str]:
    """A bemærkning in rows of at most `maks` characters, split after a line break or else a space
    (which ends its row), so the workbook holds all of it (a cell takes 32.767 characters, and a
    longer text was cut there); the rows joined are the text, which is what the PDF prints."""
    ud = []
    while len(tekst) > maks:
        k = tekst.rfind("\n", 0, maks + 1)
        if k < maks // 2:
            k = tekst.rfind(" ", 0, maks + 1)
        if k < maks // 2:  # no break near the end: cut between characters
            ud.append(tekst[:maks])
            tekst = tekst[maks:]
            continue
        ud.append(tekst[:k + 1])
        tekst = tekst[k + 1:]
    ud.append(tekst)
    return ud


# Columns of the tilbud's overhead table: the andel in kroner and its omkostningskategori.
OH_KR, OH_KAT = 6, 7

# Columns of the ydelser table.
YD_PLADSER, YD_BEL, YD_PD = 3, 5, 7

# Columns of the budget appendix.
BL_BELOEB, BL_PENSION, BL_KAT, BL_I_TAKST, BL_DEL, BL_YNR = 8, 10, 11, 12, 4, 6


@lru_cache(maxsize=4096)
def _linje_navne(kategori: str, post: str, del_: str) -> tuple[str, str, str, str, bool]:
    """A budget line's Danish names (kategori, post, del), the category it counts under in the
    takst, and whether it is outside the takst: looked up once per combination."""
    ikke = post in POSTER_IKKE_TAKST
    kat_takst = "administration" if (post == POST_TAP and kategori == "personale") else kategori
    som = IKKE_I_TAKSTEN if ikke else KATEGORI_NAVNE[kat_takst] if kat_takst in KATEGORI_NAVNE else navne.vis(kat_takst)
    return (navne.vis(kategori, navne.OMKOSTNINGSKATEGORIER), navne.post_navn(kategori, post),
            navne.vis(del_, navne.DELE), som, ikke)


def _budgetlinjer(t: Tilbud, ydelse_nr: dict[str, int], pension_sats: Decimal) -> Sektion:
    """Every budget line, with what enters the takst: its amount (a formula on the amount) under
    its category in the takst, and its tjenestemandspension (a formula on the salary).
    One pass; the Danish names are looked up once per (kategori, post, del)."""
    raekker = []
    pension_sum = beloeb_sum = i_takst = _ZERO
    ynr: dict[str | None, Tal] = {}
    pension_ref = Ref("stamdata", "pension", 1, tilbud="")
    ja, nej = _ja(True), _ja(False)
    for i, x in enumerate(t.omkostninger):
        kat_navn, post_navn, del_navn, som, ikke = _linje_navne(x.kategori, x.post, x.del_effektiv)
        y = ynr.get(x.ydelse)
        if y is None:
            y = ynr[x.ydelse] = Tal(ydelse_nr.get(x.ydelse or "", 0), HELTAL)
        beloeb_sum += x.beloeb
        if ikke:
            pension = None
            i_tal = Tal(_ZERO)
        else:
            i_takst += x.beloeb
            i_tal = Tal(x.beloeb, KR, "{0}", (Ref("budgetlinjer", i, BL_BELOEB),))
            if x.tjenestemandspension is not None:
                pension = Tal(x.tjenestemandspension)
                pension_sum += x.tjenestemandspension
            elif x.tjenestemand_loen is not None:
                pv = x.tjenestemand_loen * pension_sats / 100
                pension = Tal(pv, KR, "{0}*{1}", (Ref("budgetlinjer", i, 9), pension_ref))
                pension_sum += pv
            else:
                pension = None
        raekker.append((
            Tal(i + 1, HELTAL), kat_navn, post_navn, x.tekst, del_navn, x.ydelse or "", y,
            ja if x.vagtlag else nej, Tal(x.beloeb), Tal(x.tjenestemand_loen) if x.tjenestemand_loen is not None else None,
            pension, som, i_tal,
        ))
    n = len(raekker)

    def s(j: int, v) -> Tal | None:
        return Tal(v, KR, "SUM({0})", (Ref("budgetlinjer", 0, j, til=n - 1),)) if n else Tal(v)

    raekker.append(("I alt", "", "", "", "", "", None, "", s(BL_BELOEB, beloeb_sum),
                    None, s(BL_PENSION, pension_sum), "", s(BL_I_TAKST, i_takst)))
    return Sektion(
        f"Alle budgetlinjer: {t.id} {t.navn}",
        ("Nr.", "Kategori", "Post", "Tekst", "Del", "Ydelse", "Ydelse nr.", "Vagtlag", "Beløb (kr.)",
         # the long headings may break after 'Tjenestemands-' (as in the omkostningsgrundlag): unbroken
         # they were 170 points, and a budget with a Tekst on its lines (the finance system's account
         # texts) no longer fitted the page: 'I taksten (kr.)' was printed as a second part of the table
         "Tjenestemands-løn", "Tjenestemands-pension", "Indgår i taksten som", "I taksten (kr.)"),
        tuple(raekker), sum_raekke=True, noegle="budgetlinjer", trin=BILAG, kun_regneark=(BL_YNR,),
        note="Tjenestemandspension = tjenestemandsløn × satsen, når den ikke er angivet (SA 5.5.6). 'I taksten' er "
             "beløbet for linjer, der indgår i taksten, under den kategori de tælles i.",
    )


def _alle(sek: str, kol: int) -> Ref:
    return Ref(sek, None, kol)


def _omkostningsgrundlag(t: Tilbud, tr: TilbudResultat, rs, g: Takstgrundlag, pension_sats: Decimal,
                         oh_kat: dict[str, Decimal]) -> tuple[list[Sektion], Decimal, Decimal]:
    """The omkostningsgrundlag by category and step (live sums in the workbook), and the bridge
    omkostningsgrundlag + regulering − øvrige indtægter = takstgrundlag (less a lovhjemlet
    objektiv finansiering: the grundlag of the takster). `oh_kat`: the tilbud's overhead by the
    category each pulje lands in."""
    T = TRIN[7]
    har_linjer = bool(t.omkostninger)
    budget = dict.fromkeys(KATEGORIER, _ZERO)
    pension = _ZERO
    for x in t.omkostninger:
        if x.post in POSTER_IKKE_TAKST:
            continue
        kat = "administration" if (x.post == POST_TAP and x.kategori == "personale") else x.kategori
        budget[kat] = budget.get(kat, _ZERO) + x.beloeb
        if x.tjenestemandspension is not None:
            pension += x.tjenestemandspension
        elif x.tjenestemand_loen is not None:
            pension += x.tjenestemand_loen * pension_sats / 100
    afskr = sum((x.afskrivning for _, x in tr.anlaeg_tal), _ZERO)
    forr = sum((x.forrentning for _, x in tr.anlaeg_tal), _ZERO)
    foer_dk = sum(budget.values(), _ZERO) + pension + afskr + forr + tr.overhead
    dk = _ZERO
    if t.driftskapital is not None:
        mdr = t.driftskapital.maaneder if t.driftskapital.maaneder is not None else rs.std_driftskapital_maaneder
        dk = foer_dk * mdr / 12 * (g.satser.rente_kort_pct or _ZERO) / 100
    # the basis of the forrentning af driftskapital, in figures (SA 5.5.5): what an auditor multiplies
    dk_note = "" if t.driftskapital is None else (
        f" Forrentning af driftskapital = budget, tjenestemandspension, afskrivninger, forrentning af anlæg og overhead "
        f"{dansk.tal(foer_dk)} kr. × {dansk.tal(mdr, 0 if Decimal(mdr) == Decimal(mdr).to_integral_value() else 2)} mdr. "
        "÷ 12 × kort rente "
        f"({dansk.procent(g.satser.rente_kort_pct or _ZERO)}) = {dansk.tal(dk)} kr. (SA 5.5.5).")
    n_anl = len(tr.anlaeg_tal)
    raekker = []
    for k in KATEGORIER:
        navn = KATEGORI_NAVNE[k]
        celler = [navn,
                  Tal(budget[k], KR, f'SUMIFS({{0}},{{1}},"{navn}")',
                      (_alle("budgetlinjer", BL_I_TAKST), _alle("budgetlinjer", BL_KAT))) if har_linjer else Tal(budget[k]),
                  None, None, None, None, None]
        if k == "personale":
            celler[2] = Tal(pension, KR, "{0}", (Ref("budgetlinjer", -1, BL_PENSION),)) if har_linjer else Tal(_ZERO)
        if k == "kapital":
            celler[3] = Tal(afskr, KR, "{0}", (Ref("anlaeg", -1, 11),)) if n_anl else Tal(_ZERO)
        if k == "finansieringsudgifter":
            celler[4] = Tal(forr, KR, "{0}", (Ref("anlaeg", -1, 14),)) if n_anl else Tal(_ZERO)
            celler[6] = (Tal(dk, KR, "SUM({0})*{1}/12*{2}",
                             (Ref("omk", 0, 1, til=len(KATEGORIER) - 1, til_kolonne=5), Ref("stamdata", "dk_mdr", 1),
                              Ref("stamdata", "rente_kort", 1, tilbud="")))
                         if t.driftskapital is not None else Tal(_ZERO))
        if k in oh_kat:
            celler[5] = Tal(oh_kat[k], KR, f'SUMIFS({{0}},{{1}},"{navn}")', (_alle("overhead", OH_KR), _alle("overhead", OH_KAT)))
        i = len(raekker)
        total = sum((c.v for c in celler[1:] if isinstance(c, Tal)), _ZERO)
        celler.append(Tal(total, KR, "SUM({0})", (Ref("omk", i, 1, til_kolonne=6),)))
        celler.append(Tal(tr.omkostninger.get(k)))
        raekker.append(tuple(celler))
    n = len(raekker)
    kol_sum = ["I alt"]
    for j in range(1, 9):
        v = sum((r[j].v for r in raekker if isinstance(r[j], Tal) and r[j].v is not None), _ZERO)
        kol_sum.append(Tal(v, KR, "SUM({0})", (Ref("omk", 0, j, til=n - 1),)))
    raekker.append(tuple(kol_sum))
    omk = Sektion(
        "Omkostningsgrundlag fordelt på omkostningskategorier og trin (SA 5.5.1, tabel 4)",
        ("Kategori", "Budget", "Tjenestemands-pension", "Afskrivninger", "Forrentning af anlæg", "Overhead",
         "Forrentning af driftskapital", "I alt", "Offentliggjort (øre)"),
        tuple(raekker), sum_raekke=True, noegle="omk", trin=T, raekke_noegler=tuple(KATEGORIER) + ("i_alt",),
        note="Kolonnerne regnes af de uafrundede beløb og vises i øre. 'Offentliggjort' er kategorierne afrundet efter "
             "største rest, så de summer præcis til omkostningsgrundlaget." + dk_note,
    )
    # The bridge prints what its cells compute in the workbook: the table's I alt above, not the
    # published omkostningsgrundlag, which is 0 for a tilbud the engine refused (an INPUT fejl), so a
    # draft's bridge added up as printed there too (0 − 2.000.000 printed as 6.000.000).
    tg_w = foer_dk + dk + tr.regulering - tr.oevrige_indtaegter  # what the workbook's bridge computes
    bro = Sektion(
        "Fra omkostningsgrundlag til takstgrundlag (SA 5.3, 5.5)",
        ("Post", "Beløb (kr.)", "Fra trin"),
        (
            ("Omkostningsgrundlag", Tal(foer_dk + dk, KR, "{0}", (Ref("omk", -1, 7),)),
             "Budget, Overhead, Anlæg, Takststruktur"),
            ("+ Regulering for tidligere års resultater", Tal(tr.regulering, KR, "{0}", (Ref("regulering", -1, 10),)),
             "Regulering"),
            ("− Øvrige indtægter", Tal(tr.oevrige_indtaegter, KR, "{0}", (Ref("indtaegter", -1, 1),)), "Regulering"),
            ("= Takstgrundlag", Tal(tg_w, KR, "{0}+{1}-{2}",
                                    (Ref("bro", "omk", 1), Ref("bro", "reg", 1), Ref("bro", "ind", 1))), ""),
        ),
        sum_raekke=True, noegle="bro", trin=T, raekke_noegler=("omk", "reg", "ind", "tg"),
    )
    of = t.objektiv_finansiering
    if of is not None:  # SA 4.2.1, SPEC §4.12a: the kommuner pay a share; the takster carry the rest
        obj = tg_w * of.andel_pct / 100
        bro = dataclasses.replace(
            bro, raekker=bro.raekker + (
                (f"− Objektiv finansiering ({dansk.procent(of.andel_pct)} af takstgrundlaget, betales af kommunerne)",
                 Tal(obj, KR, "{0}*{1}", (Ref("bro", "tg", 1), Ref("stamdata", "objektiv", 1))), "Stamdata og pladser"),
                ("= Grundlag for taksterne", Tal(tg_w - obj, KR, "{0}-{1}", (Ref("bro", "tg", 1), Ref("bro", "obj", 1))), ""),
            ),
            raekke_noegler=bro.raekke_noegler + ("obj", "tgt"), fede=(3,),
        )
    memo = Sektion(
        "Til orientering (indgår ikke i summen ovenfor)",
        ("Post", "Beløb (kr.)"),
        (("Hensat i år (ikke i taksten, SA 5.3.1)", Tal(tr.hensat)),
         ("Heraf basisdel af takstgrundlaget", Tal(tr.basis_andel)),
         ("Heraf borgerrettet del af takstgrundlaget", Tal(tr.borgerrettet_andel))),
        noegle="bro_memo", trin=T,
    )
    return [omk, bro, memo], foer_dk + dk, tg_w


def _egne_tabel(t: Tilbud, pension_sats: Decimal) -> dict[tuple[str | None, str], Decimal]:
    """The lines in the takst (with their tjenestemandspension) summed by (ydelse, del), in one
    pass over the budget: ydelse None = lines for no ydelse."""
    ud: dict[tuple[str | None, str], Decimal] = defaultdict(lambda: _ZERO)
    for x in t.omkostninger:
        if x.post in POSTER_IKKE_TAKST:
            continue
        v = x.beloeb
        if x.tjenestemandspension is not None:
            v += x.tjenestemandspension
        elif x.tjenestemand_loen is not None:
            v += x.tjenestemand_loen * pension_sats / 100
        ud[(x.ydelse, x.del_effektiv)] += v
    return ud


def _egne(tabel: dict[tuple[str | None, str], Decimal], ydelse_id: str | None, del_: str | None = None) -> Decimal:
    """A ydelse's own lines in the takst (with their tjenestemandspension); ydelse None: untagged."""
    return sum((v for (y, d), v in tabel.items() if y == ydelse_id and (del_ is None or d == del_)), _ZERO)


def _uafrundede_dele(t: Tilbud, tr: TilbudResultat, linjer: list[str], o: Decimal, tg: Decimal) -> Sektion:
    """The exact parts each takst's category split rounds (SA 5.5.1, SPEC §1): with them the auditor
    can follow the largest remainder øre by øre, and each part by the note's formula."""
    raekker = [(navne.TAKST_LINJER[k],) + tuple(Tal(tk.pr_kategori_eksakt[i], FAKTOR) for tk in tr.takster)
               for i, k in enumerate(linjer)]
    raekker.append(("Uafrundet takst (sum af delene)",) + tuple(
        Tal(sum(tk.pr_kategori_eksakt, _ZERO), FAKTOR, "SUM({0})",
            (Ref("takst_kategorier_uafrundet", 0, j + 1, til=len(linjer) - 1),)) for j, tk in enumerate(tr.takster)))
    hvad = {
        "gennemsnit": "ydelsens omkostninger i kategorien (egne linjer og andelen af de fælles efter pladsdøgn) ÷ "
                      "pladsdøgn",
        "differentieret": "kategoriens basisomkostninger ÷ alle pladsdøgn + kategoriens borgerrettede omkostninger × "
                          "støttetimer ÷ Σ(pladsdøgn × støttetimer) + ydelsens egne omkostninger i kategorien ÷ pladsdøgn",
        "enhed": "kategoriens omkostninger ÷ forventede enheder",
    }.get(t.takststruktur, "")
    of = t.objektiv_finansiering
    if of is not None:
        hvad += f", × (100 % − {dansk.procent(of.andel_pct)}) for den objektive finansiering"
    regel = (f"Hver kategoris del = {hvad}. " if hvad else "")
    if o:
        regel += ("'Regulering og øvrige indtægter' = summen af kategoriernes dele × (takstgrundlag − "
                  f"omkostningsgrundlag) ÷ omkostningsgrundlag ({dansk.tal(tr.takstgrundlag)} − {dansk.tal(o)}) ÷ "
                  f"{dansk.tal(o)}. ")
    return Sektion(
        "Takster fordelt på omkostningskategorier, uafrundet (SA 5.5.1)",
        ("Kategori",) + tuple(f"{tk.ydelse} {tk.ydelse_navn}".strip() for tk in tr.takster), tuple(raekker),
        noegle="takst_kategorier_uafrundet", trin=TRIN[7], fede=(len(linjer),),
        note=regel + "Den bindende takst er summen afrundet til øre. Hver del rundes ned til hele øre; de øre, der så "
                     "mangler op til den bindende takst, gives én til hver af de dele, der har de største rester (ved lige "
                     "store rester den øverste). Det giver tabellen ovenfor.",
    )


def _hele_kr_rest(hvad: str) -> str:
    """The largest remainder in whole kroner, in words (SPEC §1)."""
    return (f"Hver andel rundes ned til hele kroner; de kroner, der så mangler op til {hvad} i hele kroner, gives én til "
            "hver af de andele, der har de største rester (ved lige store rester den øverste).")


def _kommuner(noegle: str, raekker: list[tuple[str, Decimal | None, Decimal]], i_alt: Decimal, noegler_i_alt: Decimal,
              i_alt_ref: Ref) -> list[tuple]:
    """A share in whole kroner per kommune (trækningsret, objektiv finansiering) beside its exact share,
    which the workbook computes from the amount and the keys: what the largest remainder rounds."""
    n = len(raekker)
    ud = []
    for j, (kommune, v, afrundet) in enumerate(raekker):
        eksakt = i_alt * v / noegler_i_alt if v is not None and noegler_i_alt else None
        ud.append((kommune, Tal(v, TAL),
                   Tal(eksakt, FAKTOR, "{0}*{1}/SUM({2})", (i_alt_ref, Ref(noegle, j, 1), Ref(noegle, 0, 1, til=n - 1))),
                   Tal(afrundet, HELTAL)))
    return ud


def _takster(t: Tilbud, tr: TilbudResultat, rs, ydelse_nr: dict[str, int], o: Decimal, tg: Decimal,
             pension_sats: Decimal, bres, takstgrundlag: Decimal) -> list[Sektion]:
    """From takstgrundlag to takster, by takststruktur (SA 4.1, 4.2.2, 5.4): live formulas that
    give the engine's takster, the category split as the engine's figures with a check. `tg` is
    the grundlag of the takster (the takstgrundlag less a lovhjemlet objektiv finansiering);
    pladsdøgn use each ydelse's own belægning b_i where it has one (`bres`, SPEC §4.10)."""
    T = TRIN[7]
    ud: list[Sektion] = []
    gns_basis: tuple[Decimal, Decimal] | None = None  # gennemsnit: basisomkostninger, alle pladsdøgn
    bi, bp, bk, bd, by = (_alle("budgetlinjer", BL_I_TAKST), _alle("budgetlinjer", BL_PENSION),
                          _alle("budgetlinjer", BL_KAT), _alle("budgetlinjer", BL_DEL), _alle("budgetlinjer", BL_YNR))
    har_linjer = bool(t.omkostninger)
    O = Ref("omk", -1, 7)
    TG = Ref("bro", "tgt" if t.objektiv_finansiering is not None else "tg", 1)
    dage = Ref("stamdata", "dage", 1, tilbud="")
    pl = Ref("stamdata", "pl", 1, tilbud="")
    y_af = {y.id: y for y in t.ydelser}
    b_af = {y.id: b_i for y, b_i in zip(t.ydelser, bres.ydelser)}

    def b_celle(y) -> Tal:
        """A takst row's belægning: its ydelse's (own or the tilbud's), or the tilbud's."""
        if y is not None:
            return Tal(b_af[y.id], PCT, "{0}", (Ref("ydelser", y.id, YD_BEL),))
        return Tal(bres.pct, PCT, "{0}", (Ref("belaegning", "b", 1),))

    def real(tk, j: int, takst_kol: int, forrige_kol: int) -> tuple[Tal, Tal]:
        forrige = Ref("takster", j, forrige_kol)
        return (_fremskrevet(tk, forrige, pl),
                _real_aendring(tk.aendring_real_pct, Ref("takster", j, takst_kol), forrige, pl))

    faktor = tg / o if o else _ZERO
    egne_tabel = _egne_tabel(t, pension_sats)
    # What the takster divide: the takstgrundlag, or with a lovhjemlet objektiv finansiering what is
    # left of it (the bridge's '= Grundlag for taksterne'); every label and note names the figure the
    # auditor finds printed, so the factor is that figure ÷ the omkostningsgrundlag.
    tg_navn = "grundlag for taksterne" if t.objektiv_finansiering is not None else "takstgrundlag"
    tg_navn_stort = tg_navn[0].upper() + tg_navn[1:]
    andel_af = "grundlaget for taksterne" if t.objektiv_finansiering is not None else "takstgrundlaget"

    def egne_tal(nr: int, v: Decimal) -> Tal:
        if not har_linjer:
            return Tal(_ZERO)
        return Tal(v, KR, f"SUMIFS({{0}},{{2}},{nr})+SUMIFS({{1}},{{2}},{nr})", (bi, bp, by))

    def aendring(tk, j: int, takst_kol: int, forrige_kol: int) -> Tal:
        return _aendring(tk.aendring_pct, Ref("takster", j, takst_kol), Ref("takster", j, forrige_kol))

    if t.takststruktur == "gennemsnit" and tr.takster:
        pd = {tk.ydelse: (Decimal(y_af[tk.ydelse].pladser * rs.dage_pr_aar) * b_af[tk.ydelse] / 100 if tk.ydelse in y_af
                          else Decimal(t.pladser * rs.dage_pr_aar) * bres.pct / 100)
              for tk in tr.takster}
        pd_sum = (sum((Decimal(y.pladser * rs.dage_pr_aar) * b_af[y.id] / 100 for y in t.ydelser), _ZERO) if t.ydelser
                  else sum(pd.values(), _ZERO))
        egne = {tk.ydelse: (_egne(egne_tabel, tk.ydelse) if tk.ydelse in y_af else _ZERO) for tk in tr.takster}
        faelles = o - sum(egne.values(), _ZERO)
        # the basistakst's basis (SPEC §4.13a): the untagged basis costs, as in a differentieret takst
        gns_basis = (faelles - _egne(egne_tabel, None, "borgerrettet"), pd_sum)
        n = len(tr.takster)
        raekker = []
        for j, tk in enumerate(tr.takster):
            y = y_af.get(tk.ydelse)
            pladser = (Tal(y.pladser, HELTAL, "{0}", (Ref("ydelser", y.id, 3),)) if y else
                       Tal(t.pladser, HELTAL, "{0}", (Ref("stamdata", "pladser", 1),)))
            p = pd[tk.ydelse]
            andel = faelles * p / pd_sum if pd_sum else _ZERO
            i_alt = egne[tk.ydelse] + andel
            tg_i = i_alt * faktor if o else tg * p / pd_sum
            r = lambda k: Ref("takster", j, k)  # noqa: E731
            raekker.append((
                tk.ydelse, tk.ydelse_navn, pladser, b_celle(y),
                Tal(p, TAL, "{0}*{1}*{2}", (r(2), dage, r(3))),
                egne_tal(ydelse_nr.get(tk.ydelse, 0), egne[tk.ydelse]) if y else Tal(_ZERO),
                Tal(andel, KR, "({0}-SUM({1}))*{2}/SUM({3})",
                    (O, Ref("takster", 0, 5, til=n - 1), r(4), Ref("takster", 0, 4, til=n - 1))),
                Tal(i_alt, KR, "{0}+{1}", (r(5), r(6))),
                Tal(tg_i, KR, "IF({0}=0,{1}*{2}/SUM({3}),{4}*{1}/{0})", (O, TG, r(4), Ref("takster", 0, 4, til=n - 1), r(7))),
                Tal(tk.takst, KR, "ROUND({0}/{1},2)", (r(8), r(4))),
                Tal(tk.takst_kr, HELTAL, "ROUND({0}/{1},0)", (r(8), r(4))),
                Tal(tk.forrige_takst), aendring(tk, j, 9, 11), *real(tk, j, 9, 11),
            ))
        ud.append(Sektion(
            "Fra takstgrundlag til takster (gennemsnitstakst, SA 5.4.3)",
            ("Ydelse", "Navn", "Pladser", "Belægning", "Pladsdøgn", "Egne omkostninger", "Andel af fælles omkostninger",
             "Omkostninger i alt", f"Andel af {andel_af}", "Takst (kr., bindende)", "Hele kr. (visning)",
             "Sidste års takst", "Ændring", "Sidste års takst fremskrevet (P/L)", "Real ændring"),
            tuple(raekker), noegle="takster", trin=T, raekke_noegler=tuple(tk.ydelse for tk in tr.takster),
            note="Hver ydelse får sine egne budgetlinjer og en andel af de fælles omkostninger efter pladsdøgn; "
                 f"andelen af {andel_af} = omkostninger i alt × {tg_navn} ÷ omkostningsgrundlag; "
                 "takst = andel ÷ pladsdøgn, afrundet én gang til øre.",
        ))
    elif t.takststruktur == "differentieret" and tr.takster:
        ydelser = t.ydelser
        pd_all = [Decimal(y.pladser * rs.dage_pr_aar) * b_af[y.id] / 100 for y in ydelser]
        pd_sum = sum(pd_all, _ZERO)
        h_raa = [y.stoettetimer_uge or _ZERO for y in ydelser]
        ingen_h = sum((Decimal(y.pladser) * h for y, h in zip(ydelser, h_raa)), _ZERO) == 0
        h = [Decimal(1)] * len(ydelser) if ingen_h else h_raa
        vaegt_sum = sum((p * hi for p, hi in zip(pd_all, h)), _ZERO)
        egne = {y.id: _egne(egne_tabel, y.id) for y in ydelser}
        r_tot = _egne(egne_tabel, None, "borgerrettet")
        b_tot = o - r_tot - sum(egne.values(), _ZERO)
        basis = (b_tot * faktor if o else tg) / pd_sum
        dele_rk = ("b_tot", "r_tot", "faktor", "basis")
        D = lambda k: Ref("takst_dele", k, 1)  # noqa: E731
        n = len(tr.takster)
        pd_rng, v_rng, e_rng = (Ref("takster", 0, 4, til=n - 1), Ref("takster", 0, 6, til=n - 1),
                                Ref("takster", 0, 7, til=n - 1))
        ud.append(Sektion(
            "Takstgrundlagets dele (basistakst + differentierede takster, SA 5.4.4-5.4.5)",
            ("Post", "Værdi"),
            (("Basisomkostninger (uden ydelsernes egne linjer)",
              Tal(b_tot, KR, "{0}-{1}-SUM({2})", (O, D("r_tot"), e_rng))),
             ("Borgerrettede omkostninger (uden ydelsernes egne linjer)",
              Tal(r_tot, KR, 'SUMIFS({0},{2},"Borgerrettet",{3},0)+SUMIFS({1},{2},"Borgerrettet",{3},0)', (bi, bp, bd, by))
              if har_linjer else Tal(_ZERO)),
             (f"{tg_navn_stort} ÷ omkostningsgrundlag (faktor)", Tal(faktor, FAKTOR, "IF({0}=0,0,{1}/{0})", (O, TG))),
             ("Basistakst, uafrundet", Tal(basis, FAKTOR, "IF({0}=0,{1},{2}*{3})/SUM({4})", (O, TG, D("b_tot"), D("faktor"), pd_rng)))),
            noegle="takst_dele", trin=T, raekke_noegler=dele_rk,
        ))
        raekker = []
        idx = {y.id: i for i, y in enumerate(ydelser)}
        for j, tk in enumerate(tr.takster):
            i = idx[tk.ydelse]
            y = ydelser[i]
            r = lambda k: Ref("takster", j, k)  # noqa: E731
            raekker.append((
                tk.ydelse, tk.ydelse_navn, Tal(y.pladser, HELTAL, "{0}", (Ref("ydelser", y.id, YD_PLADSER),)), b_celle(y),
                Tal(pd_all[i], TAL, "{0}*{1}*{2}", (r(2), dage, r(3))),
                Tal(h[i], TAL, "{0}" if not ingen_h else "", (Ref("ydelser", y.id, 4),) if not ingen_h else ()),
                Tal(pd_all[i] * h[i], TAL, "{0}*{1}", (r(4), r(5))),
                egne_tal(ydelse_nr[y.id], egne[y.id]),
                Tal(tk.basistakst, KR, "ROUND({0},2)", (D("basis"),)),
                Tal(tk.ydelsestakst, KR, "{0}-{1}", (r(10), r(8))),
                Tal(tk.takst, KR, "ROUND({0}+{1}*{2}*{3}/SUM({4})+IF({5}=0,0,{6}*{2}/{5}),2)",
                    (D("basis"), D("r_tot"), D("faktor"), r(5), v_rng, r(4), r(7))),
                Tal(tk.takst_kr, HELTAL, "ROUND({0}+{1}*{2}*{3}/SUM({4})+IF({5}=0,0,{6}*{2}/{5}),0)",
                    (D("basis"), D("r_tot"), D("faktor"), r(5), v_rng, r(4), r(7))),
                Tal(tk.forrige_takst), aendring(tk, j, 10, 12), *real(tk, j, 10, 12),
            ))
        ud.append(Sektion(
            "Fra takstgrundlag til takster (basistakst + differentierede takster, SA 5.4.4-5.4.5)",
            ("Ydelse", "Navn", "Pladser", "Belægning", "Pladsdøgn", "Støttetimer pr. uge" + (" (ingen angivet: 1)" if ingen_h else ""),
             "Pladsdøgn × støttetimer", "Egne omkostninger", "Basistakst", "Ydelsestakst", "Takst (kr., bindende)",
             "Hele kr. (visning)", "Sidste års takst", "Ændring", "Sidste års takst fremskrevet (P/L)", "Real ændring"),
            tuple(raekker), noegle="takster", trin=T, raekke_noegler=tuple(tk.ydelse for tk in tr.takster),
            note="Basistakst = basisomkostninger × faktor ÷ alle pladsdøgn (ens for alle borgere). Takst = basistakst + "
                 "borgerrettede omkostninger × faktor × støttetimer ÷ Σ(pladsdøgn × støttetimer) + egne omkostninger × "
                 "faktor ÷ pladsdøgn, afrundet én gang; ydelsestakst = takst − basistakst.",
        ))
    elif t.takststruktur == "enhed" and tr.takster:
        raekker = []
        for j, tk in enumerate(tr.takster):
            r = lambda k: Ref("takster", j, k)  # noqa: E731
            raekker.append((tk.ydelse, tk.ydelse_navn, navne.vis(tk.enhed, navne.ENHEDER),
                            Tal(t.enheder.antal, TAL, "{0}", (Ref("belaegning", "enheder", 1),)),
                            Tal(tk.takst, KR, "ROUND({0}/{1},2)", (TG, r(3))),
                            Tal(tk.takst_kr, HELTAL, "ROUND({0}/{1},0)", (TG, r(3))),
                            Tal(tk.forrige_takst), aendring(tk, j, 4, 6), *real(tk, j, 4, 6)))
        ud.append(Sektion(
            "Fra takstgrundlag til takst (enhedstakst, SA 4.1)",
            ("Ydelse", "Navn", "Enhed", "Forventede enheder", "Takst (kr., bindende)", "Hele kr. (visning)",
             "Sidste års takst", "Ændring", "Sidste års takst fremskrevet (P/L)", "Real ændring"),
            tuple(raekker), noegle="takster", trin=T, raekke_noegler=tuple(tk.ydelse for tk in tr.takster),
            note=f"Takst = {tg_navn} ÷ forventede enheder, afrundet én gang til øre.",
        ))
    if tr.takster:
        linjer = list(KATEGORIER) + [REGULERING_LINJE]
        tk_kol = TAKST_KOL[t.takststruktur]
        raekker = [(navne.TAKST_LINJER[k],) + tuple(Tal(tk.pr_kategori.get(k)) for tk in tr.takster) for k in linjer]
        nl = len(linjer)
        raekker.append(("Takst (sum af delene)",) + tuple(
            Tal(tk.takst, KR, "SUM({0})", (Ref("takst_kategorier", 0, j + 1, til=nl - 1),)) for j, tk in enumerate(tr.takster)))
        raekker.append(("Kontrol: sum − bindende takst (skal være 0,00)",) + tuple(
            Tal(_ZERO, KR, "{0}-{1}", (Ref("takst_kategorier", nl, j + 1), Ref("takster", j, tk_kol)))
            for j, tk in enumerate(tr.takster)))
        ud.append(Sektion(
            "Takster fordelt på omkostningskategorier (SA 5.5.1)",
            ("Kategori",) + tuple(f"{tk.ydelse} {tk.ydelse_navn}".strip() for tk in tr.takster), tuple(raekker),
            noegle="takst_kategorier", trin=T, fede=(nl,),
            note="Fordelingen er programmets beregning: hver kategori afrundet efter største rest, så delene summer præcis til den "
                 "bindende takst. Største rest kan ikke skrives som en enkel formel, så delene står som tal; "
                 "kontrolrækken viser, at de summer til taksten, og de uafrundede dele står i tabellen nedenfor.",
        ))
        if all(tk.pr_kategori_eksakt is not None for tk in tr.takster):
            ud.append(_uafrundede_dele(t, tr, linjer, o, tg))
    if tr.fordeling:
        noegler_i_alt = sum((v for k, v in t.fordeling if k in tr.fordeling), _ZERO)
        raekker = _kommuner("traekningsret", [(k, v, tr.fordeling[k]) for k, v in t.fordeling if k in tr.fordeling],
                            tg, noegler_i_alt, TG)
        n = len(raekker)
        raekker.append(("I alt", None, Tal(tg, FAKTOR, "SUM({0})", (Ref("traekningsret", 0, 2, til=n - 1),)),
                        Tal(sum(tr.fordeling.values(), _ZERO), HELTAL, "SUM({0})",
                            (Ref("traekningsret", 0, 3, til=n - 1),))))
        raekker.append(("Kontrol: fordelt − takstgrundlag i hele kr. (skal være 0)", None, None,
                        Tal(_ZERO, HELTAL, "{0}-ROUND({1},0)", (Ref("traekningsret", n, 3), TG))))
        ud.append(Sektion(
            "Trækningsret: takstgrundlaget fordelt på kommunerne (SA 4.2.2)",
            ("Kommune", "Fordelingsnøgle", "Andel, uafrundet (kr.)", "Andel (hele kr.)"),
            tuple(raekker), noegle="traekningsret", trin=T, fede=(n,),
            note=f"Andel, uafrundet = {tg_navn} × kommunens nøgle ÷ nøglerne i alt. " + _hele_kr_rest(andel_af)
                 + " Kontrolrækken viser, at andelene summer til det.",
        ))
    of = t.objektiv_finansiering
    if of is not None and tr.objektiv_fordeling is not None:
        noegler = dict(of.fordeling)
        obj = takstgrundlag * of.andel_pct / 100
        raekker = _kommuner("objektiv", [(k, noegler.get(k), v) for k, v in tr.objektiv_fordeling.items()], obj,
                            sum(noegler.values(), _ZERO), Ref("bro", "obj", 1))
        n = len(raekker)
        cifre = max(0, -rs.afrunding_objektiv.normalize().as_tuple().exponent)
        raekker.append(("I alt", None, Tal(obj, FAKTOR, "SUM({0})", (Ref("objektiv", 0, 2, til=n - 1),)),
                        Tal(sum(tr.objektiv_fordeling.values(), _ZERO), HELTAL, "SUM({0})",
                            (Ref("objektiv", 0, 3, til=n - 1),))))
        raekker.append(("Kontrol: fordelt − objektiv finansiering afrundet (skal være 0)", None, None,
                        Tal(_ZERO, HELTAL, f"{{0}}-ROUND({{1}},{cifre})", (Ref("objektiv", n, 3), Ref("bro", "obj", 1)))))
        ud.append(Sektion(
            "Objektiv finansiering: kommunernes andel fordelt (SA 4.2.1)",
            ("Kommune", "Fordelingsnøgle", "Andel, uafrundet (kr.)", "Andel (hele kr.)"),
            tuple(raekker), noegle="objektiv", trin=T, fede=(n,),
            note=f"Andelen af takstgrundlaget ({dansk.procent(of.andel_pct)}) fordelt på kommunerne efter nøglen (SA 4.2.1); "
                 "taksterne regnes af resten. Andel, uafrundet = objektiv finansiering × kommunens nøgle ÷ nøglerne i "
                 "alt. " + _hele_kr_rest("den objektive finansiering"),
        ))
    ekstra = []
    if tr.pris_pr_stoettetime is not None:
        ekstra.append(("Pris pr. direkte støttetime (SA 5.4.7)", Tal(tr.pris_pr_stoettetime)))
    if t.takststruktur == "gennemsnit" and tr.basistakst is not None:
        ekstra.append(("Basistakst: udgangspunkt for en forhandlet takst (SA 5.4.6)", Tal(tr.basistakst)))
    note = ""
    if tr.pris_pr_stoettetime is not None and all(b_af.get(y.id) is not None for y in t.ydelser if y.stoettetimer_uge):
        # the numerator and the denominator in figures (SPEC §4.13): the borgerrettet part of what the
        # takster divide (with an objektiv finansiering the rest after the kommuners' share, which the
        # memo's 'Heraf borgerrettet del af takstgrundlaget' is not) and the hours it is divided by
        timer = sum((Decimal(y.pladser) * y.stoettetimer_uge * rs.dage_pr_aar / 7 * b_af[y.id] / 100
                     for y in t.ydelser if y.stoettetimer_uge), _ZERO)
        if of is not None:
            borger = tr.borgerrettet_andel * (1 - of.andel_pct / 100)
            taeller = (f"{dansk.tal(tr.borgerrettet_andel)} kr. × (100 % − {dansk.procent(of.andel_pct)}) = "
                       f"{dansk.tal(borger)} kr.")
        else:
            taeller = f"{dansk.tal(tr.borgerrettet_andel)} kr."
        note = (f"Pris pr. direkte støttetime = den borgerrettede del af {andel_af} ({taeller}) ÷ direkte støttetimer "
                f"om året, Σ(pladser × støttetimer pr. uge × {rs.dage_pr_aar}/7 × belægning) = {dansk.tal(timer, FAKTOR_DECIMALER)} timer "
                "(SA 5.4.7).")
    if t.takststruktur == "gennemsnit" and tr.basistakst is not None and gns_basis is not None and o:
        # the gennemsnit's basistakst came with no figures behind it (SPEC §4.13a)
        b_tot, pd_sum = gns_basis
        note = (note + " " if note else "") + (
            f"Basistakst = basisomkostninger uden ydelsernes egne linjer {dansk.tal(b_tot)} kr. × {tg_navn} ÷ "
            f"omkostningsgrundlag ({dansk.tal(tg)} ÷ {dansk.tal(o)}) ÷ alle pladsdøgn {dansk.tal(pd_sum)} = "
            f"{dansk.tal(tr.basistakst)} kr. (SA 5.4.6).")
    if ekstra:
        ud.append(Sektion("Pris pr. støttetime og basistakst", ("Felt", "Værdi"), tuple(ekstra), noegle="ekstra", trin=T,
                          note=note))
    return ud

