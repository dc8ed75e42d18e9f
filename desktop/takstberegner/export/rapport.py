"""One prepared report of a takstberegning (SPEC §4, §6) that both the xlsx and the PDF render.

`lav_rapport(grundlag, beregning, fingeraftryk, dannet) -> Rapport` gathers every input and every
published figure into sections of typed cells; the renderers only lay them out, so the takstskema
and the takstberegning til revision cannot disagree. Nothing here computes a figure: it reads the
takstgrundlag (inputs) and the Beregning (published results), and at most adds up input lines
for display.
"""
from __future__ import annotations

import gc
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from takstberegner import dansk
from takstberegner.domain.model import KATEGORI_NAVNE, KATEGORIER, REGULERING_LINJE, Takstgrundlag, Tilbud
from takstberegner.domain.resultat import Beregning, Fund, TilbudResultat

KR, PCT, TAL, HELTAL, AAR = "kr", "pct", "tal", "heltal", "aar"
NAVN_REGULERING = "Regulering og øvrige indtægter"


@dataclass(frozen=True)
class Tal:
    """A number cell; `fmt` is KR (2 decimals), PCT (percent units, 2 decimals), AAR (a year, no separator), TAL
    (2 decimals), HELTAL (whole number)."""

    v: Decimal | int | None
    fmt: str = KR




@dataclass(frozen=True)
class Sektion:
    titel: str
    kolonner: tuple[str, ...]
    raekker: tuple[tuple, ...]  # cells: Tal, str or None
    note: str = ""
    sum_raekke: bool = False  # the last row is a total (bold)
    noegle: str = ""  # a stable name for tests and renderers


@dataclass(frozen=True)
class TilbudRapport:
    id: str
    navn: str
    kategori: int
    sektioner: tuple[Sektion, ...]
    har_fejl: bool


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


def _fund_raekker(fund: list[Fund]) -> tuple[tuple, ...]:
    return tuple((f.kode, f.niveau, f.reference, f.felt, f.tekst) for f in fund)


FUND_KOLONNER = ("Kode", "Niveau", "Reference", "Felt", "Tekst")


def lav_rapport(
    grundlag: Takstgrundlag,
    beregning: Beregning,
    fingeraftryk: str = "",
    dannet: datetime | None = None,
) -> Rapport:
    from takstberegner import __version__

    dannet = dannet or datetime.now().astimezone()
    tilbud_input = {t.id: t for t in grundlag.tilbud}
    s = grundlag.satser
    stamdata = Sektion(
        "Driftsherre og satser",
        ("Felt", "Værdi"),
        (
            ("Driftsherre", grundlag.driftsherre.navn),
            ("CVR", grundlag.driftsherre.cvr),
            ("Type", dansk.vis(grundlag.driftsherre.type)),
            ("Takstår", Tal(grundlag.takstaar, AAR)),
            ("Regelsæt", beregning.regelsaet_id),
            ("Rente, anlæg (%)", Tal(s.rente_anlaeg_pct, PCT)),
            ("Rente, kort (%)", Tal(s.rente_kort_pct, PCT)),
            ("Tjenestemandspension (%)", Tal(s.tjenestemandspension_pct, PCT) if s.tjenestemandspension_pct is not None else "regelsættets standard"),
            ("Væsentlighedsgrænse (%)", Tal(s.vaesentlighed_pct, PCT) if s.vaesentlighed_pct is not None else "regelsættets standard"),
        ),
        noegle="stamdata",
    )
    oversigt_raekker = []
    for tr in beregning.tilbud:
        for tk in tr.takster:
            oversigt_raekker.append(
                (tr.id, tr.navn, Tal(tr.kategori, HELTAL), tk.ydelse, tk.ydelse_navn, tk.enhed,
                 Tal(tk.pladser, HELTAL), Tal(tk.takst), Tal(tk.takst_kr, HELTAL), Tal(tk.forrige_takst),
                 Tal(tk.aendring_pct, PCT), Tal(tr.takstgrundlag))
            )
        if not tr.takster:
            oversigt_raekker.append(
                (tr.id, tr.navn, Tal(tr.kategori, HELTAL), "", "(ingen takst: " + dansk.vis(tr.takststruktur) + ")", "",
                 Tal(tr.pladser, HELTAL), None, None, None, None, Tal(tr.takstgrundlag))
            )
    oversigt = Sektion(
        "Oversigt over takster",
        ("Tilbud", "Navn", "Kategori", "Ydelse", "Ydelsesnavn", "Enhed", "Pladser", "Takst (kr.)",
         "Takst (hele kr.)", "Sidste års takst", "Ændring (%)", "Takstgrundlag (kr.)"),
        tuple(oversigt_raekker),
        noegle="oversigt",
    )
    faelles = tuple(_overhead_sektioner(beregning))
    tilbud = tuple(
        TilbudRapport(tr.id, tr.navn, tr.kategori, tuple(_tilbud_sektioner(tilbud_input[tr.id], tr, beregning)), tr.har_fejl)
        for tr in beregning.tilbud
    )
    fund = Sektion("Fund (kontroller)", FUND_KOLONNER, _fund_raekker(beregning.alle_fund()), noegle="fund")
    return Rapport(
        driftsherre=grundlag.driftsherre.navn,
        cvr=grundlag.driftsherre.cvr,
        takstaar=grundlag.takstaar,
        regelsaet=beregning.regelsaet_id,
        version=__version__,
        dannet=dannet,
        fingeraftryk=fingeraftryk,
        grundlag_sha256=beregning.grundlag_sha256,
        stamdata=stamdata,
        oversigt=oversigt,
        faelles=faelles,
        tilbud=tilbud,
        fund=fund,
        antal_fejl=sum(1 for f in beregning.alle_fund() if f.er_fejl),
    )


def _overhead_sektioner(b: Beregning):
    for o in b.overhead:
        raekker = [
            (a.modtager_id, a.modtager_navn, "tilbud" if a.er_tilbud else "øvrig modtager",
             Tal(a.noegletal, TAL), Tal(a.beloeb)) for a in o.andele
        ]
        raekker.append(("I alt", "", "", Tal(sum((a.noegletal for a in o.andele), Decimal(0)), TAL), Tal(o.fordelt)))
        yield Sektion(
            f"Overheadpulje {o.pulje_id}: {o.navn}",
            ("Modtager", "Navn", "Art", f"Nøgletal ({dansk.vis(o.noegle)})", "Andel (kr.)"),
            tuple(raekker),
            note=(f"Puljens beløb {_kr(o.beloeb)} × driftsandel {_pct(o.driftsandel_pct)} = {_kr(o.fordelt)} "
                  f"fordelt efter nøglen '{dansk.vis(o.noegle)}' (SA 5.5.7, 9.1); øre efter største rest."),
            sum_raekke=True,
            noegle=f"overhead:{o.pulje_id}",
        )


def _kr(v):
    from takstberegner import dansk

    return dansk.kr(v)


def _pct(v):
    from takstberegner import dansk

    return dansk.procent(v)


def _tilbud_sektioner(t: Tilbud, tr: TilbudResultat, b: Beregning):
    sv = t.saerlige_vilkaar
    aendring = None
    if t.pladser_forrige_aar is not None:
        aendring = Tal(t.pladser - t.pladser_forrige_aar, HELTAL)
    yield Sektion(
        "Stamdata", ("Felt", "Værdi"),
        (
            ("Tilbud", f"{t.id} {t.navn}"),
            ("Tilbudsportal-id", t.tilbudsportal_id),
            ("Lovgrundlag", t.paragraf),
            ("Kategori", Tal(t.kategori, HELTAL)),
            ("Tilbudstype", dansk.vis(t.tilbudstype)),
            ("Takststruktur", dansk.vis(t.takststruktur)),
            ("Korte forløb", _ja(t.korte_forloeb)),
            ("Nyt tilbud", _ja(t.nyt_tilbud)),
            ("Særlige vilkår", sv.beskrivelse if sv else "Nej"),
            ("Pladser i takståret", Tal(t.pladser, HELTAL)),
            ("Pladser sidste år", Tal(t.pladser_forrige_aar, HELTAL)),
            ("Ændring i pladser", aendring),
        ) + tuple((f"Nøgletal: {k}", Tal(v, TAL)) for k, v in t.noegletal)
        + tuple((f"Trækningsret, fordelingsnøgle: {k}", Tal(v, TAL)) for k, v in t.fordeling)
        + ((("Driftskapital, måneder", Tal(t.driftskapital.maaneder, TAL) if t.driftskapital.maaneder is not None
             else "regelsættets standard"),) if t.driftskapital else ()),
        noegle="stamdata",
    )
    bel = t.belaegning
    raekker = [("Metode", dansk.vis(bel.metode) if bel else "ingen (enhed/trækningsret)")]
    if bel:
        for aar, pct in bel.faktisk_pct:
            raekker.append((f"Faktisk belægning {aar} (%)", Tal(pct, PCT)))
        if bel.pct is not None:
            raekker.append(("Angivet belægning (%)", Tal(bel.pct, PCT)))
        if bel.begrundelse:
            raekker.append(("Begrundelse", bel.begrundelse))
    raekker.append(("Belægningsprocent i takstberegningen (%)", Tal(tr.belaegning_pct, PCT)))
    raekker.append(("Pladsdøgn (pladser × 365 × belægning)", Tal(tr.pladsdoegn, TAL)))
    if t.enheder:
        raekker.append((f"Forventede enheder ({t.enheder.enhed})", Tal(t.enheder.antal, TAL)))
    yield Sektion("Belægning (SA 5.2, trin 10-11)", ("Felt", "Værdi"), tuple(raekker), noegle="belaegning")

    if t.ydelser:
        yield Sektion(
            "Ydelser (input)",
            ("Ydelse", "Navn", "Pladser", "Støttetimer pr. uge", "Sidste års takst", "Sundhedsydelser"),
            tuple((y.id, y.navn, Tal(y.pladser, HELTAL), Tal(y.stoettetimer_uge, TAL), Tal(y.forrige_takst), y.sundhedsydelser)
                  for y in t.ydelser),
            noegle="ydelser",
        )

    grupper: dict[tuple, list] = defaultdict(lambda: [0, Decimal(0)])
    for x in t.omkostninger:
        g = grupper[(KATEGORIER.index(x.kategori) if x.kategori in KATEGORIER else 99, x.kategori, x.post, x.del_effektiv, x.ydelse or "")]
        g[0] += 1
        g[1] += x.beloeb
    raekker = [
        (KATEGORI_NAVNE.get(kat, kat), post, dansk.vis(del_), ydelse, Tal(n, HELTAL), Tal(beloeb))
        for (_, kat, post, del_, ydelse), (n, beloeb) in sorted(grupper.items())
    ]
    raekker.append(("I alt", "", "", "", Tal(len(t.omkostninger), HELTAL), Tal(sum((x.beloeb for x in t.omkostninger), Decimal(0)))))
    yield Sektion(
        "Trin 1: Direkte omkostninger (budgetlinjer pr. kategori, post, del og ydelse)",
        ("Kategori", "Post", "Del", "Ydelse", "Linjer", "Beløb (kr.)"),
        tuple(raekker),
        note="Linjer for tillægsydelser og individuelle valgfrie ydelser indgår ikke i taksten (SA 5.4.7, 5.5.2). "
             "Hver enkelt linje findes i takstgrundlag.json.",
        sum_raekke=True, noegle="omkostningslinjer",
    )

    if True:  # the anlæg schedule is always shown, empty or not
        inp = {a.id: a for a in t.anlaeg}
        raekker = []
        for a in tr.anlaeg:
            i = inp.get(a.id)
            raekker.append((
                a.id, a.navn, dansk.vis(a.type), dansk.vis(a.finansiering),
                Tal(i.anskaffelsesvaerdi) if i else None,
                i.ibrugtagning.strftime("%d-%m-%Y") if i else "",
                Tal(i.levetid_aar, HELTAL) if i else None,
                Tal(i.restvaerdi) if i else None,
                Tal(a.andel_pct, PCT), Tal(a.aarlig_afskrivning), Tal(a.maaneder_i_aar, HELTAL),
                Tal(a.afskrivning), Tal(a.bogfoert_primo), Tal(a.bogfoert_ultimo), Tal(a.forrentning),
            ))
        if raekker:
            raekker.append(("I alt", "", "", "", None, "", None, None, None, None, None,
                            Tal(tr.afskrivninger), None, None, Tal(tr.forrentning_anlaeg)))
        yield Sektion(
            "Trin 3-4: Anlægsskema, afskrivninger og forrentning (SA 5.5.4-5.5.5)",
            ("Id", "Navn", "Type", "Finansiering", "Anskaffelse", "Ibrugtaget", "Levetid", "Restværdi",
             "Andel (%)", "Årlig afskr.", "Mdr. i år", "Afskrivning", "Bogført primo", "Bogført ultimo", "Forrentning"),
            tuple(raekker),
            note="Lineær afskrivning fra måneden efter ibrugtagning; forrentning = rente × gennemsnit af bogført "
                 "værdi primo og ultimo × andel.",
            sum_raekke=bool(raekker), noegle="anlaeg",
        )

    oh = []
    for o in b.overhead:
        for a in o.andele:
            if a.modtager_id == t.id:
                oh.append((o.pulje_id, o.navn, dansk.vis(o.noegle), Tal(a.noegletal, TAL), Tal(a.beloeb)))
    oh.append(("I alt", "", "", None, Tal(tr.overhead)))
    yield Sektion("Trin 5: Overhead (SA 5.5.7, 9.1)", ("Pulje", "Navn", "Nøgle", "Tilbuddets nøgletal", "Andel (kr.)"),
                  tuple(oh), sum_raekke=True, noegle="overhead")

    yield Sektion(
        "Trin 1-7: Omkostningsgrundlag",
        ("Trin", "Beløb (kr.)"),
        (
            ("1. Direkte omkostninger", Tal(tr.direkte_omkostninger)),
            ("2. Tjenestemandspension (SA 5.5.6)", Tal(tr.tjenestemandspension)),
            ("3. Afskrivninger (SA 5.5.4)", Tal(tr.afskrivninger)),
            ("4. Forrentning af anlæg (SA 5.5.5)", Tal(tr.forrentning_anlaeg)),
            ("5. Overhead (SA 5.5.7)", Tal(tr.overhead)),
            ("6. Forrentning af driftskapital (SA 5.5.5)", Tal(tr.forrentning_driftskapital)),
            ("7. Omkostningsgrundlag", Tal(tr.omkostningsgrundlag)),
        ),
        sum_raekke=True, noegle="trin",
    )
    yield Sektion(
        "Omkostningsgrundlag fordelt på omkostningskategorier (SA 5.5.1, tabel 4)",
        ("Kategori", "Beløb (kr.)"),
        tuple((KATEGORI_NAVNE[k], Tal(tr.omkostninger.get(k))) for k in KATEGORIER)
        + (("I alt", Tal(tr.omkostningsgrundlag)),),
        sum_raekke=True, noegle="kategorier",
    )

    if True:  # shown also when there is nothing to regulate
        yield Sektion(
            "Trin 8: Regulering for tidligere års resultater (SA 5.3)",
            ("År", "Resultat", "Grundlag", "5 %-grænse", "Valg", "Hensat", "Egenrisiko", "Skal indregnes",
             "I år", "Renter", "Regulering", "Udskudt", "Frist"),
            tuple((Tal(r.aar, AAR), Tal(r.resultat), Tal(r.grundlag), Tal(r.graense), dansk.vis(r.valg), Tal(r.hensat),
                   Tal(r.egenrisiko), Tal(r.skal_indregnes), Tal(r.i_aar), Tal(r.renter), Tal(r.regulering),
                   Tal(r.udskudt), Tal(r.frist, AAR)) for r in tr.reguleringer),
            note="Negativ regulering sænker taksten; overskud over 5 % skal tilbage, underskud op til 5 % er egen risiko.",
            noegle="reguleringer",
        )
    if t.resultater or t.hensaettelser:
        yield Sektion(
            "Tidligere års resultater og hensættelser (input)",
            ("Art", "År", "Beløb (kr.)", "Takstberegningsgrundlag", "Valg", "Indregnet tidligere / brugt",
             "Nyt tilbuds første driftsår"),
            tuple(("Resultat", Tal(x.aar, AAR), Tal(x.resultat), Tal(x.grundlag), dansk.vis(x.valg), Tal(x.indregnet_tidligere),
                   _ja(x.nyt_tilbud_foerste_aar)) for x in t.resultater)
            + tuple(("Hensættelse", Tal(h.aar, AAR), Tal(h.beloeb), None, "", Tal(h.brugt), "") for h in t.hensaettelser),
            noegle="resultater_input",
        )
    if tr.hensaettelser or tr.tidligere_hensaettelser:
        yield Sektion("Hensættelser og sidste anvendelsesår (SA 5.3.1)",
                      ("År", "Til rådighed (kr.)", "Sidste anvendelsesår", "Oprindelse"),
                      tuple((Tal(h.aar, AAR), Tal(h.beloeb), Tal(h.sidste_anvendelsesaar, AAR), "tidligere hensat")
                            for h in tr.tidligere_hensaettelser)
                      + tuple((Tal(h.aar, AAR), Tal(h.beloeb), Tal(h.sidste_anvendelsesaar, AAR), "hensat i år")
                              for h in tr.hensaettelser),
                      noegle="hensaettelser")
    indt = tuple((i.post, Tal(i.beloeb)) for i in t.oevrige_indtaegter)
    trin9 = (
        ("Omkostningsgrundlag", Tal(tr.omkostningsgrundlag)),
        ("+ Regulering", Tal(tr.regulering)),
        ("− Øvrige indtægter", Tal(tr.oevrige_indtaegter)),
        ("Hensat (ikke i taksten)", Tal(tr.hensat)),
        ("Heraf basisdel", Tal(tr.basis_andel)),
        ("Heraf borgerrettet del", Tal(tr.borgerrettet_andel)),
        ("Takstgrundlag", Tal(tr.takstgrundlag)),
    )
    yield Sektion(
        "Trin 9: Takstgrundlag",
        ("Post", "Beløb (kr.)"),
        ((("Øvrige indtægter (input):", None),) + indt if indt else ()) + trin9,
        sum_raekke=True, noegle="takstgrundlag",
    )
    if tr.takster:
        yield Sektion(
            f"Trin 12: Takster ({dansk.vis(tr.takststruktur)}, SA 5.4)",
            ("Ydelse", "Navn", "Enhed", "Pladser", "Takst (kr.)", "Hele kr.", "Basistakst", "Ydelsestakst",
             "Støttetimer/uge", "Sidste års takst", "Ændring (%)", "Sundhedsydelser"),
            tuple((tk.ydelse, tk.ydelse_navn, dansk.vis(tk.enhed), Tal(tk.pladser, HELTAL), Tal(tk.takst), Tal(tk.takst_kr, HELTAL),
                   Tal(tk.basistakst), Tal(tk.ydelsestakst), Tal(tk.stoettetimer_uge, TAL), Tal(tk.forrige_takst),
                   Tal(tk.aendring_pct, PCT), tk.sundhedsydelser) for tk in tr.takster),
            noegle="takster",
        )
        linjer = list(KATEGORIER) + [REGULERING_LINJE]
        navne = dict(KATEGORI_NAVNE, **{REGULERING_LINJE: NAVN_REGULERING})
        raekker = [(navne[k],) + tuple(Tal(tk.pr_kategori.get(k)) for tk in tr.takster) for k in linjer]
        raekker.append(("Takst",) + tuple(Tal(tk.takst) for tk in tr.takster))
        yield Sektion("Takster fordelt på omkostningskategorier (SA 5.5.1)",
                      ("Kategori",) + tuple(tk.ydelse for tk in tr.takster), tuple(raekker),
                      sum_raekke=True, noegle="takst_kategorier")
    ekstra = [("Pris pr. direkte støttetime (SA 5.4.7)", Tal(tr.pris_pr_stoettetime))] if tr.pris_pr_stoettetime is not None else []
    if tr.fordeling:
        ekstra += [(f"Trækningsret: {k}", Tal(v, HELTAL)) for k, v in tr.fordeling.items()]
    if ekstra:
        yield Sektion("Trin 13: Støttetimepris og trækningsret", ("Felt", "Værdi"), tuple(ekstra), noegle="ekstra")
    if tr.tillaegsydelser:
        yield Sektion(
            "Trin 14: Tillægsydelser, ATA-timetakster (SA 9.2)",
            ("Personalekategori", "Tidsrum", "Timeomkostning", "Døgnkoefficient (%)", "VFO (%)", "Fravær (%)", "ATA-timetakst"),
            tuple((a.personalekategori, a.tidsrum, Tal(a.timeomkostning), Tal(a.doegnkoefficient_pct, PCT),
                   Tal(a.vfo_pct, PCT), Tal(a.fravaer_pct, PCT), Tal(a.ata_timetakst)) for a in tr.tillaegsydelser),
            noegle="tillaeg",
        )
    yield Sektion("Fund for tilbuddet", FUND_KOLONNER, _fund_raekker(list(tr.fund)), noegle="fund")
    yield Sektion("Bemærkninger", ("Bemærkninger",), ((t.bemaerkninger or "(ingen)",),), noegle="bemaerkninger")
