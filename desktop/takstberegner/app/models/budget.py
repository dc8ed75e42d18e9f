"""Table models of the Budget step: omkostningslinjer, øvrige indtægter, totals by category
(SA 5.5.1-5.5.6).

The post is chosen from the list of its kategori (navne.poster_for), in which TAP, tillægsydelser
and individuelle valgfrie ydelser are explicit; the Beløb column comes right after it, so it is
in view on a small screen; the part of the takst (basis/borgerrettet) is shown as it counts."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from takstberegner.app.models.raekker import Kolonne, RaekkeModel
from takstberegner.domain import navne
from takstberegner.domain.model import KATEGORI_NAVNE, KATEGORIER

KATEGORI_VALG = tuple((k, KATEGORI_NAVNE[k]) for k in KATEGORIER)
DEL_VALG = (("", "Efter vagtlag"), ("basis", "Basis"), ("borgerrettet", "Borgerrettet"))
# Choosing one of these posts sets the vagtlag tick the way the post is normally used.
_VAGTLAG_FOR_POST = {
    "borgerrelateret_personale": True, "oeverste_ledelse": False, "teknisk_personale": False,
    navne.POST_TAP: False, "tillaegsydelse": False, "individuel_valgfri_ydelse": False,
}


def post_valg(linje) -> tuple[tuple[str, str], ...]:
    """The posts of the line's kategori; a post from an import that is not in the list stays a choice."""
    valg = tuple(navne.poster_for(linje.kategori))
    if linje.post and linje.post not in dict(valg):
        valg += ((linje.post, navne.post_navn(linje.kategori, linje.post)),)
    return valg


def _saet_kategori(linje, kategori: str):
    ny = replace(linje, kategori=kategori)
    poster = dict(navne.poster_for(kategori))
    if poster and linje.post not in poster:
        ny = replace(ny, post=next(iter(poster)))
    if kategori != "personale" and linje.kategori == "personale":
        ny = replace(ny, vagtlag=False)
    return ny


def _saet_post(linje, post: str):
    ny = replace(linje, post=post)
    if post in _VAGTLAG_FOR_POST:
        ny = replace(ny, vagtlag=_VAGTLAG_FOR_POST[post])
    return ny


def del_tekst(linje) -> str:
    """The part of the takst a line counts in, as it counts: 'Borgerrettet (vagtlag)'."""
    if linje.post in navne.POSTER_IKKE_TAKST:
        return "Indgår ikke i taksten"
    if linje.del_ is None:
        return "Borgerrettet (vagtlag)" if linje.vagtlag else "Basis"
    return navne.vis(linje.del_, navne.DELE) + " (valgt)"


def _ydelse_kolonne(ydelser=()) -> Kolonne:
    return Kolonne("ydelse", "Ydelse", "valg", valg=(("", "Alle ydelser"),) + tuple((y.id, y.navn or y.id) for y in ydelser),
                   hent=lambda x: x.ydelse or "", saet=lambda x, v: replace(x, ydelse=v or None), bredde=130)


def omkostning_kolonner(ydelser=()) -> tuple[Kolonne, ...]:
    return (
        Kolonne("kategori", "Kategori", "valg", valg=KATEGORI_VALG, bredde=180, saet=_saet_kategori),
        Kolonne("post", "Post", "valg", valg_for=post_valg, saet=_saet_post, bredde=220,
                vis_for=lambda x: navne.post_navn(x.kategori, x.post),
                vaerktoejstip="Vælg posten fra listen for kategorien. TAP tælles under administration; "
                              "tillægsydelser og individuelle valgfrie ydelser indgår ikke i taksten."),
        Kolonne("beloeb", "Beløb (kr.)", "tal", bredde=120),
        Kolonne("vagtlag", "Vagtlag", "bool", bredde=64,
                vaerktoejstip="Fagpersonale i vagtlag (borgerrettet del af takstgrundlaget)"),
        Kolonne("del_", "Del af taksten", "valg", valg=DEL_VALG, bredde=160, vis_for=del_tekst,
                hent=lambda x: x.del_ or "", saet=lambda x, v: replace(x, del_=v or None),
                vaerktoejstip="Basis eller borgerrettet del (SA 5.4.4). 'Efter vagtlag': borgerrettet, "
                              "når linjen er fagpersonale i vagtlag, ellers basis."),
        Kolonne("tekst", "Tekst", bredde=150),
        _ydelse_kolonne(ydelser),
        Kolonne("tjenestemand_loen", "Tjenestemandsløn", "tal", tom_ok=True, bredde=130,
                vaerktoejstip="Pensionsgivende løn til tjenestemænd; pension = sats × løn (SA 5.5.6)"),
        Kolonne("tjenestemandspension", "Faktisk pension", "tal", tom_ok=True, bredde=120),
    )


class OmkostningModel(RaekkeModel):
    def __init__(self, parent=None):
        super().__init__(omkostning_kolonner(), parent)

    def saet_ydelser(self, ydelser) -> None:
        ny = omkostning_kolonner(ydelser)
        if ny != self.kolonner:
            self.kolonner = ny


class IndtaegtModel(RaekkeModel):
    def __init__(self, parent=None):
        super().__init__((Kolonne("post", "Indtægt", bredde=260, vis_for=lambda x: navne.vis(x.post)),
                          Kolonne("beloeb", "Beløb (kr.)", "tal", bredde=140)),
                         parent)


class KategoriSumModel(RaekkeModel):
    """Omkostningsgrundlaget by category, as the engine published it; last row the total."""

    def __init__(self, parent=None):
        super().__init__((Kolonne("navn", "Kategori", redigerbar=False, hent=lambda r: r[0], bredde=330),
                          Kolonne("beloeb", "Beløb (kr.)", "tal", redigerbar=False, hent=lambda r: r[1])), parent)

    def vis_resultat(self, resultat) -> None:
        if resultat is None:
            self.saet_raekker(())
            return
        rows = [(KATEGORI_NAVNE[k], resultat.omkostninger.get(k, Decimal(0))) for k in KATEGORIER]
        rows.append(("Omkostningsgrundlag i alt", resultat.omkostningsgrundlag))
        self.saet_raekker(rows)
