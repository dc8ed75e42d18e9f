"""The import as the app walks through it, without Qt: grid, heading row, columns by heading, a
remembered layout, per-line choices, replace or add, and the edits only when nothing stops them."""
from __future__ import annotations

from decimal import Decimal

import pytest

from takstberegner.formats.fejl import InputError
from takstberegner.importers.budget import ERSTAT, TILFOEJ
from takstberegner.importers.forloeb import ImportForloeb

from .conftest import BUDGET, skriv_budget


def test_forloeb_fra_fil_til_aendringer(tmp_path, grundlag):
    husk: dict[str, dict] = {}
    sti = skriv_budget(tmp_path / "b.xlsx", raekker=BUDGET + [("Z9", "Ukendt", 7, "T1")])
    f = ImportForloeb(sti, grundlag, "T1", husket=husk.get)
    assert f.ark_navne == ["Budget 2026", "Noter"] and f.overskrift == 3 and not f.husket_brugt
    assert (f.valg.konto, f.valg.tekst, f.valg.beloeb, f.valg.tilbud) == (1, 2, 3, 4)
    assert f.rolle(3) == "beloeb" and f.kolonnevalg_tekst(3) == "Beløb (kolonne C)"
    f.saet_tilbud("T1")
    assert f.valg.tilbud == 0
    fv = f.laes()
    assert len(fv.linjer) == 10 and f.problemer() == [
        "Række 13: kontoplanen kender ikke kontoen 'Z9'; vælg en kategori."]
    with pytest.raises(InputError, match="Række 13"):
        f.aendringer()
    f.saet_linje(9, kategori="ignorer")
    assert f.problemer() == []
    f.saet_maade(TILFOEJ)
    n = len(grundlag.tilbud[0].omkostninger)
    assert len(f.efter().tilbud[0].omkostninger) == n + 7
    f.saet_maade(ERSTAT)
    assert len(f.efter().tilbud[0].omkostninger) == 7
    netto = [s for s in f.sammenligning() if s.hvad.startswith("I alt")][0]
    assert netto.efter == Decimal("7653095.76")  # 7.665.096,26 kr. of costs minus 12.000,50 of øvrige indtægter
    assert f.aendringer()[0].__class__.__name__ == "SletSidste"
    noegle, vaerdi = f.husk()
    assert vaerdi == {"kolonner": {"konto": "Konto", "tekst": "Tekst", "beloeb": "Beløb"}, "overskrift": 3}
    husk[noegle] = {"kolonner": {"konto": "Konto", "tekst": "Tilbud", "beloeb": "Beløb"}}
    igen = ImportForloeb(sti, grundlag, "T1", husket=husk.get)
    assert igen.husket_brugt and igen.valg.tekst == 4
    with pytest.raises(ValueError):
        igen.saet_kolonne("noget", 1)
