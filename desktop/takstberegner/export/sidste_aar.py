"""Last year beside this year in the takstberegning til revision (issue 13 item 1).

The takstgrundlag holds last year's takst per ydelse and last year's pladser, not last year's
budget. When the user gives last year's takstfil (the .takst or .json of takstår − 1), the report
shows per tilbud, matched by the tilbud's id: the budget per kategori and post, the
omkostningsgrundlag per kategori, regulering, øvrige indtægter, takstgrundlag, pladser,
belægning and the takst per ydelse, last year's beside this year's with the change. A tilbud
that has no match says so, on its own pages and in the driftsherre's overview.

`Forrige` is last year's takstgrundlag with its calculation (read and checked by
tjeneste.dokumenter.laes_forrige); `tilfoej(rapport, forrige)` returns the report with the
comparison sections inserted under the app's steps (Budget, Takststruktur) and the cover's text
about last year replaced. Nothing here is a workbook formula: last year's figures are inputs.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal

from takstberegner.domain import navne
from takstberegner.domain.model import KATEGORI_NAVNE, KATEGORIER, Takstgrundlag, Tilbud
from takstberegner.domain.resultat import Beregning, TilbudResultat
from takstberegner.export.rapport import HELTAL, KR, PCT, TAL, TRIN, Rapport, Sektion, Tal, TilbudRapport

_ZERO = Decimal(0)
_ORE = Decimal("0.01")


@dataclass(frozen=True)
class Forrige:
    """Last year's takstgrundlag and its calculation; `filnavn` is the file's name (no folder)."""

    grundlag: Takstgrundlag
    beregning: Beregning
    filnavn: str


def _aendring_pct(foer: Decimal | None, nu: Decimal | None) -> Tal:
    if foer is None or nu is None or not foer:
        return Tal(None, PCT)
    return Tal(((Decimal(nu) - Decimal(foer)) / abs(Decimal(foer)) * 100).quantize(_ORE), PCT)


def _raekke(navn, foer, nu, fmt: str = KR, *foran) -> tuple:
    """A row: its name(s), last year, this year, the change and the change in percent."""
    diff = Tal(Decimal(nu) - Decimal(foer), fmt) if foer is not None and nu is not None else Tal(None, fmt)
    aendring = _aendring_pct(foer, nu) if fmt != PCT else Tal(None, PCT)
    return (*foran, navn, Tal(foer, fmt), Tal(nu, fmt), diff, aendring)


def _budget(t_for: Tilbud, t_nu: Tilbud) -> dict[tuple[int, str, str], list[Decimal]]:
    kat_nr = {k: i for i, k in enumerate(KATEGORIER)}
    ud: dict[tuple[int, str, str], list[Decimal]] = {}
    for i, t in enumerate((t_for, t_nu)):
        for x in t.omkostninger:
            v = ud.setdefault((kat_nr.get(x.kategori, 99), x.kategori, x.post), [_ZERO, _ZERO])
            v[i] += x.beloeb
    return ud


def _budget_sektion(t_for: Tilbud, t_nu: Tilbud, aar: int) -> Sektion:
    """The budget per kategori and post, last year's beside this year's, a subtotal per kategori."""
    raekker, fede = [], []
    grupper = _budget(t_for, t_nu)
    kategorier: dict[str, list] = {}
    for (nr, kat, post), v in sorted(grupper.items(), key=lambda kv: (kv[0][0], kv[0][1],
                                                                      navne.post_navn(kv[0][1], kv[0][2]))):
        kategorier.setdefault(kat, []).append((post, v))
    i_alt = [_ZERO, _ZERO]
    for kat, poster in kategorier.items():
        kat_navn = navne.vis(kat, navne.OMKOSTNINGSKATEGORIER)
        for post, (foer, nu) in poster:
            raekker.append(_raekke(navne.post_navn(kat, post), foer, nu, KR, kat_navn))
        foer_sum = sum((v[0] for _, v in poster), _ZERO)
        nu_sum = sum((v[1] for _, v in poster), _ZERO)
        if len(poster) > 1:
            fede.append(len(raekker))
            raekker.append(_raekke("I alt", foer_sum, nu_sum, KR, kat_navn))
        i_alt[0] += foer_sum
        i_alt[1] += nu_sum
    raekker.append(_raekke("", i_alt[0], i_alt[1], KR, "Budget i alt"))
    return Sektion(
        f"Budget sammenlignet med sidste år (takstår {aar - 1} og {aar})",
        ("Kategori", "Post", f"Budget {aar - 1} (kr.)", f"Budget {aar} (kr.)", "Ændring (kr.)", "Ændring (%)"),
        tuple(raekker), sum_raekke=True, noegle="sidste_aar_budget", trin=TRIN[2], fede=tuple(fede),
        note=f"Sidste års budget er fra sidste års takstfil; begge år med alle budgetlinjer, også dem der ikke "
             f"indgår i taksten. En post, der ikke fandtes i {aar - 1} eller ikke findes i {aar}, står med 0,00.",
    )


def _grundlag_sektion(t_nu: Tilbud, tr_for: TilbudResultat, tr_nu: TilbudResultat, aar: int) -> Sektion:
    """Pladser, belægning, the omkostningsgrundlag per kategori, the bridge and the takster."""
    raekker = [
        _raekke("Pladser", tr_for.pladser, tr_nu.pladser, HELTAL),
        _raekke("Belægning (%)", tr_for.belaegning_pct, tr_nu.belaegning_pct, PCT),
        _raekke("Pladsdøgn", tr_for.pladsdoegn, tr_nu.pladsdoegn, TAL),
    ]
    for k in KATEGORIER:
        foer, nu = tr_for.omkostninger.get(k), tr_nu.omkostninger.get(k)
        if foer or nu:
            raekker.append(_raekke(f"Omkostningsgrundlag: {KATEGORI_NAVNE[k]}", foer or _ZERO, nu or _ZERO))
    fede = [len(raekker)]
    raekker += [
        _raekke("Omkostningsgrundlag", tr_for.omkostningsgrundlag, tr_nu.omkostningsgrundlag),
        _raekke("+ Regulering for tidligere års resultater", tr_for.regulering, tr_nu.regulering),
        _raekke("− Øvrige indtægter", tr_for.oevrige_indtaegter, tr_nu.oevrige_indtaegter),
    ]
    fede.append(len(raekker))
    raekker.append(_raekke("= Takstgrundlag", tr_for.takstgrundlag, tr_nu.takstgrundlag))
    if tr_for.objektiv_andel is not None or tr_nu.objektiv_andel is not None:  # SA 4.2.1: paid by the kommuner
        raekker.append(_raekke("Heraf objektiv finansiering (betales af kommunerne, hele kr.)",
                               tr_for.objektiv_andel or _ZERO, tr_nu.objektiv_andel or _ZERO))
    takst_for = {tk.ydelse: tk for tk in tr_for.takster}
    afviger, mangler = [], []
    for tk in tr_nu.takster:
        f = takst_for.get(tk.ydelse)
        navn = f"Takst {tk.ydelse} {tk.ydelse_navn}".strip() + f" ({navne.vis(tk.enhed, navne.ENHEDER).lower()})"
        if f is None:
            mangler.append(tk.ydelse)
            raekker.append(_raekke(navn, None, tk.takst))
            continue
        raekker.append(_raekke(navn, f.takst, tk.takst))
        if tk.forrige_takst is not None and tk.forrige_takst != f.takst:
            afviger.append(tk.ydelse)
    note = (f"Sidste år: beregnet af sidste års takstfil (takstår {aar - 1}) med dette program. Ændring i procent "
            "er ændringen mod sidste år; for belægningen står ændringen i procentpoint.")
    if mangler:
        note += (" Ydelse " + ", ".join(mangler) + f" findes ikke i tilbuddet i sidste års fil, så der er ingen "
                 "takst at sammenligne med.")
    if afviger:
        note += (" Bemærk: for ydelse " + ", ".join(afviger) + " er sidste års takst i årets takstgrundlag en anden "
                 "end den, sidste års fil giver; taksttabellens ændring regnes af takstgrundlagets.")
    return Sektion(
        f"Takstgrundlag og takster sammenlignet med sidste år (takstår {aar - 1} og {aar})",
        ("Post", f"{aar - 1}", f"{aar}", "Ændring", "Ændring (%)"),
        tuple(raekker), noegle="sidste_aar_grundlag", trin=TRIN[7], fede=tuple(fede), note=note,
    )


def _uden_match(t: TilbudRapport, aar: int, filnavn: str) -> Sektion:
    return Sektion(
        "Sammenligning med sidste år", ("Tekst",),
        ((f"Tilbud {t.id} findes ikke i sidste års takstfil ({filnavn}, takstår {aar - 1}), så der er intet "
          "budget eller takstgrundlag at sammenligne med. Er tilbuddet nyt, eller har det fået et nyt id?",),),
        noegle="sidste_aar_budget", trin=TRIN[2],
    )


def _indsaet(sektioner: tuple[Sektion, ...], efter: str, ny: Sektion) -> tuple[Sektion, ...]:
    """`ny` right after the section `efter` (or after the last section of its step)."""
    liste = list(sektioner)
    pos = next((i + 1 for i, s in enumerate(liste) if s.noegle == efter), None)
    if pos is None:
        pos = max((i + 1 for i, s in enumerate(liste) if s.trin == ny.trin), default=len(liste))
    liste.insert(pos, ny)
    return tuple(liste)


def _oversigt(r: Rapport, b_nu: Beregning, forrige: Forrige) -> Sektion:
    """The takstgrundlag per tilbud, both years, matched by id; unmatched tilbud say so."""
    aar = r.takstaar
    for_af = {tr.id: tr for tr in forrige.beregning.tilbud}
    raekker = []
    sum_for = sum_nu = _ZERO
    for tr in b_nu.tilbud:
        f = for_af.get(tr.id)
        if f is None:
            raekker.append(_raekke(tr.navn, None, tr.takstgrundlag, KR, tr.id) + (f"Ikke i sidste års fil ({aar - 1})",))
        else:
            raekker.append(_raekke(tr.navn, f.takstgrundlag, tr.takstgrundlag, KR, tr.id) + ("",))
            sum_for += f.takstgrundlag
        sum_nu += tr.takstgrundlag
    nu_ids = {tr.id for tr in b_nu.tilbud}
    for f in forrige.beregning.tilbud:
        if f.id not in nu_ids:
            raekker.append(_raekke(f.navn, f.takstgrundlag, None, KR, f.id) + (f"Ikke i år ({aar})",))
            sum_for += f.takstgrundlag
    raekker.append(_raekke("", sum_for, sum_nu, KR, "I alt for driftsherren") + ("",))
    return Sektion(
        f"Takstgrundlag pr. tilbud, takstår {aar - 1} og {aar}",
        ("Tilbud", "Navn", f"Takstgrundlag {aar - 1}", f"Takstgrundlag {aar}", "Ændring (kr.)", "Ændring (%)",
         "Bemærkning"),
        tuple(raekker), sum_raekke=True, noegle="sidste_aar_oversigt", trin=TRIN[0],
        note="Tilbuddene er parret efter deres id. Hvert tilbuds budget og takstgrundlag står ved siden af sidste års "
             "under trinene Budget og Takststruktur.",
    )


def tekst(r: Rapport, forrige: Forrige) -> str:
    """The cover's paragraph about last year, when last year's file was given."""
    g = forrige.grundlag
    return (f"Sidste års tal er fra sidste års takstfil {forrige.filnavn} ({g.driftsherre.navn}, takstår {g.takstaar}; "
            f"takstgrundlagets kontrolsum (SHA-256) {forrige.beregning.grundlag_sha256}), beregnet med dette program. For hvert tilbud "
            f"står sidste års budget pr. kategori og post, omkostningsgrundlag, takstgrundlag og takster ved siden af "
            f"årets med ændringen; tilbuddene er parret efter deres id. Sidste års takst i taksttabellerne er den, "
            f"der står i årets takstgrundlag.")


def tilfoej(r: Rapport, grundlag: Takstgrundlag, beregning: Beregning, forrige: Forrige) -> Rapport:
    """The report with last year beside this year (see the module's doc)."""
    aar = r.takstaar
    t_for = {t.id: t for t in forrige.grundlag.tilbud}
    tr_for = {tr.id: tr for tr in forrige.beregning.tilbud}
    t_nu = {t.id: t for t in grundlag.tilbud}
    tr_nu = {tr.id: tr for tr in beregning.tilbud}
    tilbud = []
    for tr in r.tilbud:
        sek = tr.sektioner
        if tr.id in t_for and tr.id in tr_for:
            sek = _indsaet(sek, "budget", _budget_sektion(t_for[tr.id], t_nu[tr.id], aar))
            sek = _indsaet(sek, "bro_memo", _grundlag_sektion(t_nu[tr.id], tr_for[tr.id], tr_nu[tr.id], aar))
        else:
            sek = _indsaet(sek, "budget", _uden_match(tr, aar, forrige.filnavn))
        tilbud.append(dataclasses.replace(tr, sektioner=sek))
    return dataclasses.replace(r, tilbud=tuple(tilbud), sidste_aar=tekst(r, forrige),
                               sidste_aar_oversigt=_oversigt(r, beregning, forrige))
