"""Findings carried across an edit (domain/nye_fund.py): every change record says where a field
path lies after it (`Aendring.flyt`), so an edit is judged by the INPUT findings it brings, not by
those that only moved (a line deleted above a bad line) or that it mends."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from takstberegner.domain import aendringer as ae
from takstberegner.domain import model as m
from takstberegner.domain import nye_fund
from takstberegner.domain.resultat import Fund

from .test_aendringer import G, LINJE, T, _aendringer


def _stier(g: m.Takstgrundlag):
    """(path, the element there) for every tilbud, collection element and pulje."""
    for i, t in enumerate(g.tilbud):
        yield f"tilbud[{i}]", t
        for s in ae.SAMLINGER:
            for j, x in enumerate(getattr(t, s)):
                yield f"tilbud[{i}].{s}[{j}]", x
    for k, p in enumerate(g.overheadpuljer):
        yield f"overheadpuljer[{k}]", p


G2 = replace(G, tilbud=G.tilbud + (replace(T, id="ANDET", navn="Andet"),))


def _slaa_op(g: m.Takstgrundlag, sti: str):
    return dict(_stier(g)).get(sti)


@pytest.mark.parametrize("a", _aendringer(), ids=lambda a: type(a).__name__)
def test_flyt_foerer_hvert_element_til_dets_plads_efter_aendringen(a):
    efter = a.anvend(G2)
    bevaret = 0
    for sti, x in _stier(G2):
        ny = a.flyt(G2, sti + ".beloeb")
        if ny is None:
            continue
        assert ny.endswith(".beloeb")
        ny = ny[: -len(".beloeb")]
        fundet = _slaa_op(efter, ny)
        if isinstance(x, m.Tilbud) or fundet is x:
            bevaret += 1
            continue
        # the one element the change edits is replaced in place, everything else is the same object
        assert isinstance(a, (ae.OpdaterElement, ae.OpdaterPulje)) and fundet is not None, (sti, ny)
    assert bevaret > 10
    # what a deletion removes has no place after it
    if isinstance(a, ae.SletElement):
        assert a.flyt(G2, f"tilbud[0].{a.samling}[{a.position}].beloeb") is None
    if isinstance(a, ae.SletTilbud):
        assert a.flyt(G2, "tilbud[0].omkostninger[3].beloeb") is None
        assert a.flyt(G2, "tilbud[1].navn") == "tilbud[0].navn"


def _f(felt: str) -> Fund:
    return Fund(kode="INPUT", niveau="fejl", tekst="t", reference="", felt=felt)


def test_fund_der_kun_flytter_er_ikke_nye_og_et_nyt_sted_er():
    g = replace(G, tilbud=(replace(T, omkostninger=(LINJE,) * 5),) + G.tilbud[1:])
    a = ae.SletElement(T.id, "omkostninger", 1)
    _, trin = ae.anvend_alle(g, [a])
    foer = [_f("tilbud[0].omkostninger[3].beloeb"), _f("tilbud[0].omkostninger[1].post")]
    assert nye_fund.nye(foer, trin, [_f("tilbud[0].omkostninger[2].beloeb")]) == []
    ny = _f("tilbud[0].omkostninger[3].beloeb")  # the line below the moved one: new
    assert nye_fund.nye(foer, trin, [_f("tilbud[0].omkostninger[2].beloeb"), ny]) == [ny]
    # one finding before carries one after: two at the same place are one new
    assert nye_fund.nye([_f("x.y")], [], [_f("x.y"), _f("x.y")]) == [_f("x.y")]
    # a finding inside one that was there (enheder -> enheder.antal) is carried
    assert nye_fund.nye([_f("tilbud[0].enheder")], [], [_f("tilbud[0].enheder.antal")]) == []


def test_krav_tillader_det_manglende_og_det_tilfoejede_men_ikke_en_sat_vaerdi():
    a = ae.OpdaterTilbud.af(T.id, takststruktur="enhed")
    _, trin = ae.anvend_alle(G, [a])
    enheder = _f("tilbud[0].enheder")
    assert nye_fund.nye([], trin, [enheder]) == [enheder]
    assert nye_fund.nye([], trin, [enheder], krav=True) == []
    # a value the edit sets is never excused, missing or not
    b = ae.OpdaterTilbud.af(T.id, navn="")
    _, trin = ae.anvend_alle(G, [b])
    assert nye_fund.nye([], trin, [_f("tilbud[0].navn")], krav=True) == [_f("tilbud[0].navn")]
    # a new line is to be filled in; a bad value elsewhere is not excused
    c = ae.TilfoejElement(T.id, "resultater", m.Resultat(2024, Decimal(0), Decimal(0), "indregn"))
    _, trin = ae.anvend_alle(G, [c])
    n = len(T.resultater)
    inde = _f(f"tilbud[0].resultater[{n}].grundlag")
    andet = _f("tilbud[0].omkostninger[0].beloeb")
    assert nye_fund.nye([], trin, [inde, andet], krav=True) == [andet]


def test_mangler():
    g = replace(G, tilbud=(replace(T, enheder=None, navn="", noegletal=(("m2", Decimal(5)),)),) + G.tilbud[1:])
    assert nye_fund.mangler(g, "tilbud[0].enheder") and nye_fund.mangler(g, "tilbud[0].navn")
    assert nye_fund.mangler(g, "tilbud[0].noegletal.aarsvaerk") and not nye_fund.mangler(g, "tilbud[0].noegletal.m2")
    assert nye_fund.mangler(g, "tilbud[9].navn") and not nye_fund.mangler(g, "tilbud[0].pladser")


def _fund(niveau: str, felt: str, kode: str = "X") -> Fund:
    return Fund(kode, niveau, f"Tekst om {felt}.", "", felt)


def test_efter_aendring_siger_hvad_aendringen_gav_og_rettede():
    """The status bar's sentence after a saved edit: new fejl and advarsler (Danish number and
    plural), one named with its place, else the fejl mended; nothing when neither changed."""
    gammel = [_fund("fejl", "tilbud[0].pladser"), _fund("info", "tilbud[0].kategori")]
    ef = nye_fund.efter_aendring
    assert ef(gammel, [], gammel, G) == ""
    assert ef(gammel, [], gammel + [_fund("info", "tilbud[0].navn")], G) == ""  # an info is not news
    en = ef(gammel, [], gammel + [_fund("advarsel", "tilbud[0].belaegning")], G)
    assert en.startswith("Gemt. Ny advarsel: ") and en.endswith(": Tekst om tilbud[0].belaegning.")
    assert "tilbud[0]" not in en.split(": ")[1]  # the place in words, not the path
    tre = gammel + [_fund("fejl", "tilbud[0].navn"), _fund("fejl", "tilbud[0].paragraf"), _fund("advarsel", "satser")]
    assert ef(gammel, [], tre, G) == "Gemt. Ændringen gav 2 nye fejl og 1 ny advarsel; de står under Kontrol."
    to_adv = gammel + [_fund("advarsel", "tilbud[0].navn"), _fund("advarsel", "satser")]
    assert ef(gammel, [], to_adv, G) == "Gemt. Ændringen gav 2 nye advarsler; de står under Kontrol."
    assert ef(gammel, [], gammel[1:], G) == "Gemt. 1 fejl er rettet; der er ingen fejl tilbage."
    to = [_fund("fejl", "a"), _fund("fejl", "b"), _fund("fejl", "c")]
    assert ef(to, [], to[2:], G) == "Gemt. 2 fejl er rettet; 1 tilbage."
    mange = [_fund("fejl", f"tilbud[0].omkostninger[{i}].beloeb") for i in range(1_200)]  # a pasted column
    assert ef([], [], mange, G) == "Gemt. Ændringen gav 1.200 nye fejl; de står under Kontrol."
    assert ef(mange, [], mange[1_100:], G) == "Gemt. 1.100 fejl er rettet; 100 tilbage."
    assert ef(mange + to, [], to, G) == "Gemt. 1.200 fejl er rettet; 3 tilbage."


def test_en_anden_slags_fejl_samme_sted_er_ny_i_statuslinjen():
    """A belægning that was not filled in (BEL-UGYLDIG) typed as 93 % (BEL-UNDER-95): the status
    bar said nothing, and went on showing the last message. The same kind with other figures is no
    news; the app's refusal (nye without samme_slags) still matches by place alone."""
    foer = [_fund("fejl", "tilbud[0].belaegning", "BEL-UGYLDIG")]
    efter = [_fund("fejl", "tilbud[0].belaegning", "BEL-UNDER-95")]
    besked = nye_fund.efter_aendring(foer, [], efter, G)
    assert besked.startswith("Gemt. Ny fejl: ") and besked.endswith(": Tekst om tilbud[0].belaegning.")
    assert nye_fund.efter_aendring(foer, [], list(foer), G) == ""
    assert nye_fund.nye(foer, [], efter) == []


def test_pladser_0_er_ikke_udfyldt():
    """A new tilbud or ydelse has 0 pladser until they are typed: missing, for a choice that asks
    for something (a takststruktur switched back to one that needs pladser)."""
    g = replace(G, tilbud=(replace(T, pladser=0),) + G.tilbud[1:])
    assert nye_fund.mangler(g, "tilbud[0].pladser") and not nye_fund.mangler(G, "tilbud[0].pladser")
