"""New takstår from last year ("rul frem", SPEC §2, §4.8; SA 5.3): next year's takstgrundlag
made from this year's and its beregning. Pure domain logic; storage/ only persists the result and
tjeneste.rul_frem is the use case the app and the command line call.

Same tilbud, ydelser, anlæg, overheadpuljer and budget lines (kept for editing); last year's
computed takst of each ydelse becomes its `forrige_takst`, the pladser become
`pladser_forrige_aar`, and bemærkninger are cleared. Past results carry only what is left of them
(SA 5.3): the part hensat this year becomes a hensættelse, what entered this year's takst is added
to `indregnet_tidligere`, and a result with nothing left is dropped, so nothing is regulated twice.

SPEC v2: a new tilbud keeps its `foerste_driftsaar` (one read as this takstår gets this takstår), so
next year's file is an ordinary tilbud; the P/L-fremskrivning is the new year's to set (cleared).
On request the budget is fremskrevet: personale lines (and their tjenestemand amounts) by a løn
rate, the other lines by a price rate, financing lines not at all (interest follows rates, not
prices), each amount rounded to øre; the rates are recorded in every tilbud's bemærkninger in the
regelsæt's words, a note the engine does not count as the user's own bemærkning.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from takstberegner import dansk
from takstberegner.domain.model import Hensaettelse, Omkostningslinje, Resultat, Takstgrundlag, Tilbud
from takstberegner.domain.penge import afrund
from takstberegner.domain.regelsaet import Regelsaet
from takstberegner.domain.resultat import Beregning, TilbudResultat

_IKKE_FREMSKREVET = ("finansieringsindtaegter", "finansieringsudgifter")


@dataclass(frozen=True)
class Fremskrivning:
    """The rates the user types for next year's budget, in percent (SPEC v2, issue 10 item 5)."""

    loen_pct: Decimal  # personale lines
    pris_pct: Decimal  # the other lines but financing


def _frem(x: Decimal | None, pct: Decimal) -> Decimal | None:
    return None if x is None else afrund(x * (1 + pct / 100))


def fremskriv_linje(x: Omkostningslinje, f: Fremskrivning) -> Omkostningslinje:
    if x.kategori == "personale":
        return replace(x, beloeb=_frem(x.beloeb, f.loen_pct), tjenestemand_loen=_frem(x.tjenestemand_loen, f.loen_pct),
                       tjenestemandspension=_frem(x.tjenestemandspension, f.loen_pct))
    if x.kategori in _IKKE_FREMSKREVET:
        return x
    return replace(x, beloeb=_frem(x.beloeb, f.pris_pct))


def fremskrivningsnote(fra_aar: int, f: Fremskrivning, rs: Regelsaet) -> str:
    return rs.rul_frem_bemaerkning.format(fra=fra_aar, til=fra_aar + 1, loen=dansk.tal(f.loen_pct, 2),
                                          pris=dansk.tal(f.pris_pct, 2))


@lru_cache(maxsize=8)
def _note_moenster(skabelon: str) -> re.Pattern:
    dele = re.split(r"\{[a-z_]+\}", skabelon)
    return re.compile("^" + "[^\n]*?".join(re.escape(d) for d in dele) + "$")


def brugerens_bemaerkning(tekst: str, rs: Regelsaet) -> str:
    """The bemærkning without the lines rul frem wrote: what the user explained (SA 2.2.3, 5.5.2)."""
    if not rs.rul_frem_bemaerkning or not tekst:
        return tekst
    m = _note_moenster(rs.rul_frem_bemaerkning)
    return "\n".join(linje for linje in tekst.splitlines() if not m.match(linje.strip()))


def _resterende(t: Tilbud, r_ud: TilbudResultat | None) -> tuple[tuple[Resultat, ...], tuple[Hensaettelse, ...]]:
    """The results still to be handled next year, and the hensættelser including this year's."""
    if r_ud is None:
        return t.resultater, t.hensaettelser
    resultater: list[Resultat] = []
    hensaettelser = list(t.hensaettelser)
    for r, x in zip(t.resultater, r_ud.reguleringer):
        if x.hensat > 0 and not any(h.aar == r.aar for h in hensaettelser):
            hensaettelser.append(Hensaettelse(aar=r.aar, beloeb=x.hensat))
        indregnet = r.indregnet_tidligere + abs(x.i_aar)
        tilbage = abs(x.skal_indregnes) - indregnet
        if tilbage <= 0:
            continue
        # Next year is at least Y + 2, when the mandatory part must be in the takst: "indregn".
        # An overskud's hensat part is now a hensættelse, so only the mandatory rest is left.
        tidligere = r.resultat - tilbage if r.resultat > 0 else indregnet
        resultater.append(replace(r, valg="indregn", indregnet_tidligere=tidligere))
    return tuple(resultater), tuple(hensaettelser)


def naeste_aar(grundlag: Takstgrundlag, takster: Beregning, fremskrivning: Fremskrivning | None = None,
               regelsaet: Regelsaet | None = None) -> Takstgrundlag:
    """The takstgrundlag for takstaar + 1 (pure; see the module docstring). With `fremskrivning`
    the budget lines are fremskrevet and the note is written in `regelsaet`'s words."""
    takst_for = {(r.id, k.ydelse): k.takst for r in takster.tilbud for k in r.takster}
    note = ""
    if fremskrivning is not None:
        if regelsaet is None:
            raise ValueError("fremskrivning needs the regelsæt for the note")
        note = fremskrivningsnote(grundlag.takstaar, fremskrivning, regelsaet)
    tilbud = []
    for t in grundlag.tilbud:
        resultater, hensaettelser = _resterende(t, takster.tilbud_resultat(t.id))
        foerste = t.foerste_driftsaar
        if t.nyt_tilbud and foerste is None:
            foerste = grundlag.takstaar  # SPEC v2 §2: it was read as this takstår
        omkostninger = t.omkostninger
        if fremskrivning is not None:
            omkostninger = tuple(fremskriv_linje(x, fremskrivning) for x in omkostninger)
        tilbud.append(replace(
            t,
            pladser_forrige_aar=t.pladser,
            bemaerkninger=note,
            ydelser=tuple(replace(y, forrige_takst=takst_for.get((t.id, y.id))) for y in t.ydelser),
            omkostninger=omkostninger,
            resultater=resultater,
            hensaettelser=hensaettelser,
            foerste_driftsaar=foerste,
        ))
    tilbud = tuple(tilbud)
    satser = replace(grundlag.satser, pl_fremskrivning_pct=None)  # next year's P/L is not this year's
    return replace(grundlag, takstaar=grundlag.takstaar + 1, satser=satser, tilbud=tilbud)
