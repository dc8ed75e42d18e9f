"""Change records apply themselves, undo themselves and describe themselves in Danish
(issue 9 item 6); an edit in the app is applied once."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from takstberegner.domain import aendringer as ae
from takstberegner.domain import model as m
from takstberegner.formats import takstgrundlag as tg

G = tg.laes_fil(sorted((Path(__file__).parents[1] / "data" / "eksempler").glob("*.takstgrundlag.json"))[0])
T = G.tilbud[0]
LINJE = m.Omkostningslinje("personale", "vikarer", Decimal("10"))


def _aendringer():
    return [
        ae.SaetDriftsherre(replace(G.driftsherre, navn="Ny")),
        ae.SaetSatser(replace(G.satser, rente_anlaeg_pct=Decimal("2"))),
        ae.OpdaterTilbud.af(T.id, pladser=T.pladser + 1, takststruktur="gennemsnit"),
        ae.TilfoejElement(T.id, "omkostninger", LINJE),
        ae.TilfoejElement(T.id, "omkostninger", LINJE, 0),
        ae.OpdaterElement(T.id, "omkostninger", 0, LINJE),
        ae.SletElement(T.id, "omkostninger", 0),
        ae.TilfoejElementer(T.id, "omkostninger", (LINJE, LINJE)),
        ae.SletSidste(T.id, "omkostninger", 1),
        ae.TilfoejTilbud(replace(T, id="NY")),
        ae.SletTilbud(T.id),
        ae.TilfoejPulje(G.overheadpuljer[0]),
        ae.OpdaterPulje(0, replace(G.overheadpuljer[0], beloeb=Decimal(1))),
        ae.SletPulje(0),
    ]


@pytest.mark.parametrize("a", _aendringer(), ids=lambda a: type(a).__name__)
def test_hver_aendring_anvender_fortryder_og_beskriver_sig_selv(a):
    efter = a.anvend(G)
    assert efter != G
    assert a.modsat(G).anvend(efter) == G
    tekst = a.beskriv()
    assert tekst[0].isupper() and "_" not in tekst  # Danish words, no field keys


def test_opdater_tilbud_beskrives_med_danske_feltnavne():
    assert ae.OpdaterTilbud.af("X", pladser=1, pladser_forrige_aar=2).beskriv() == "Ret pladser, pladser sidste år"


def test_tilfoejelser_samles_og_fortrydes_lineaert():
    aendringer = [ae.TilfoejElement(T.id, "omkostninger", LINJE) for _ in range(1000)]
    efter, trin = ae.anvend_alle(G, aendringer)
    assert len(trin) == 1 and isinstance(trin[0][0], ae.TilfoejElementer)
    assert len(efter.tilbud[0].omkostninger) == len(T.omkostninger) + 1000
    assert ae.modsatte_af(trin) == [ae.SletSidste(T.id, "omkostninger", 1000)]
    assert ae.anvend_alle(efter, ae.modsatte_af(trin))[0] == G


def test_en_rettelse_i_appen_anvendes_een_gang(monkeypatch, tmp_path):
    """Dokument applied each edit, threw the result away, and the storage applied it again."""
    monkeypatch.setenv("TAKSTBEREGNER_DATA", str(tmp_path / "data"))
    pytest.importorskip("PySide6")
    from takstberegner.app.dokument import Dokument
    from takstberegner.storage import TakstFil

    kald = []
    original = ae.OpdaterTilbud.anvend
    monkeypatch.setattr(ae.OpdaterTilbud, "anvend", lambda self, g: kald.append(1) or original(self, g))
    dok = Dokument(TakstFil.opret(tmp_path / "x.takst", G))
    try:
        assert dok.anvend(ae.OpdaterTilbud.af(T.id, pladser=T.pladser + 1))
        assert len(kald) == 1
        assert dok.fil.hent() is dok.grundlag and dok.grundlag.tilbud[0].pladser == T.pladser + 1
    finally:
        dok.luk()


def test_paa_hinanden_foelgende_tilfoejelser_samles_i_orden():
    """An import's appends become one change per collection, in order, and a change between them
    closes the batch; the result is the same grundlag as applying them one by one (the batch was
    built by copying its list at every append: 46.280 lines took 1,5 s)."""
    linjer = [replace(LINJE, beloeb=Decimal(i)) for i in range(5)]
    anlaeg = T.anlaeg[0] if T.anlaeg else None
    mellem = ae.OpdaterTilbud.af(T.id, pladser=T.pladser + 1)
    aendringer = [ae.TilfoejElement(T.id, "omkostninger", x) for x in linjer[:3]] + [mellem] + [
        ae.TilfoejElement(T.id, "omkostninger", x) for x in linjer[3:]]
    if anlaeg is not None:  # another collection does not close the batch
        aendringer.insert(1, ae.TilfoejElement(T.id, "anlaeg", anlaeg))
    samlet = ae.samlet(aendringer)
    forventet = ["TilfoejElementer", "TilfoejElementer"] if anlaeg is not None else ["TilfoejElementer"]
    assert [type(a).__name__ for a in samlet] == [*forventet, "OpdaterTilbud", "TilfoejElementer"]
    assert samlet[0].elementer == tuple(linjer[:3]) and samlet[-1].elementer == tuple(linjer[3:])
    en_ad_gangen = G
    for a in aendringer:
        en_ad_gangen = ae.anvend(en_ad_gangen, a)
    assert ae.anvend_alle(G, aendringer)[0] == en_ad_gangen
