"""New takstår from last year ("rul frem", SPEC §2, §4.8; SA 5.3): next year's takstgrundlag
made from this year's and its beregning. Pure domain logic; storage/ only persists the result and
tjeneste.rul_frem is the use case the app and the command line call.

Same tilbud, ydelser, anlæg, overheadpuljer and budget lines (kept for editing); last year's
computed takst of each ydelse becomes its `forrige_takst`, the pladser become
`pladser_forrige_aar`, and bemærkninger are cleared. Past results carry only what is left of them
(SA 5.3): the part hensat this year becomes a hensættelse, what entered this year's takst is added
to `indregnet_tidligere`, and a result with nothing left is dropped, so nothing is regulated twice.
"""
from __future__ import annotations

from dataclasses import replace

from takstberegner.domain.model import Hensaettelse, Resultat, Takstgrundlag, Tilbud
from takstberegner.domain.resultat import Beregning, TilbudResultat


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


def naeste_aar(grundlag: Takstgrundlag, takster: Beregning) -> Takstgrundlag:
    """The takstgrundlag for takstaar + 1 (pure; see the module docstring)."""
    takst_for = {(r.id, k.ydelse): k.takst for r in takster.tilbud for k in r.takster}
    tilbud = []
    for t in grundlag.tilbud:
        resultater, hensaettelser = _resterende(t, takster.tilbud_resultat(t.id))
        tilbud.append(replace(
            t,
            pladser_forrige_aar=t.pladser,
            bemaerkninger="",
            ydelser=tuple(replace(y, forrige_takst=takst_for.get((t.id, y.id))) for y in t.ydelser),
            resultater=resultater,
            hensaettelser=hensaettelser,
        ))
    tilbud = tuple(tilbud)
    return replace(grundlag, takstaar=grundlag.takstaar + 1, tilbud=tilbud)
