"""The order of pages and where a field path lives, without a window: Næste/Forrige trin walk the
overview, the driftsherre's page and each tilbud's steps; a path finds its tilbud and step."""
from __future__ import annotations

from takstberegner.app.sidefoelge import OVERBLIK, Sidefoelge
from takstberegner.app.stier import placering
from takstberegner.app.steps.alle import DRIFTSHERRE_TRIN, TRIN

FELTER = [k.felter for k in TRIN]
F = Sidefoelge([k.kort_titel or k.titel for k in TRIN], FELTER, DRIFTSHERRE_TRIN)


def test_placering_af_feltstier():
    assert placering("tilbud[2].omkostninger[3].beloeb", FELTER) == (2, 2, "omkostninger[3].beloeb")
    assert placering("satser.rente_anlaeg_pct", FELTER) == (None, 0, "satser.rente_anlaeg_pct")
    assert placering("tilbud[0]", FELTER) == (0, None, "")
    assert placering("", FELTER) == (None, None, "")


def test_raekkefoelge_og_naboer():
    ids = ["A", "B"]
    sider = F.sider(ids)
    assert sider[:3] == [(None, OVERBLIK), (None, 0), ("A", 1)] and sider[-1] == ("B", len(TRIN) - 1)
    assert len(sider) == 2 + 2 * (len(TRIN) - 1)
    assert F.nabo("A", len(TRIN) - 1, ids, +1) == ("B", 1)  # from A's last step to B's first
    assert F.nabo("B", len(TRIN) - 1, ids, +1) == (None, OVERBLIK)  # round to the overview
    assert F.nabo("A", OVERBLIK, ids, -1) == ("B", len(TRIN) - 1)
    assert F.nabo("A", 0, ids, -1) == (None, OVERBLIK)  # the driftsherre page belongs to no tilbud
    assert F.trin_tekst(2) == f"Trin 2 af {len(TRIN) - 1}" and F.trin_tekst(OVERBLIK) == ""
    assert F.trin_navn("tilbud[1].belaegning") == "Belægning" and F.trin_navn("ukendt") == ""
