"""The heading row found by itself, columns proposed from headings and content, and the key a file
layout is remembered by."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from takstberegner.importers import ark as A


def _ark(*raekker) -> A.Ark:
    r = [(i, {k: v for k, v in enumerate(row, 1) if v is not None}) for i, row in enumerate(raekker, 1)]
    r = [(i, c) for i, c in r if c]
    return A.Ark("Budget", r, kolonner=max((max(c) for _, c in r), default=0))


T = A.Tal


def test_overskrift_efter_titler_findes():
    a = _ark(["Budget 2026 for Bostedet Nord"], [None], ["Udskrevet af", "Økonomi"], [None],
             ["Art", "Kontotekst", "Oprindeligt budget", "Korrigeret"],
             ["1.1", "Løn", T("100"), T("110")], ["2.2", "Mad", T("5"), T("6")])
    assert A.find_overskrift(a) == 5
    titler = A.overskrifter(a, 5)
    assert titler == {1: "Art", 2: "Kontotekst", 3: "Oprindeligt budget", 4: "Korrigeret"}
    assert A.gaet_kolonner(a, 5) == A.Kolonnevalg(konto=1, tekst=2, beloeb=3, overskrift=5)


def test_uden_overskrift_gaettes_efter_indholdet():
    a = _ark(["5.38.50.001-1.1", "Løn pædagoger", T("6500000")], ["5.38.50.001-2.2", "Mad", T("96.25")])
    assert A.find_overskrift(a) is None
    assert A.overskrifter(a, None) == {1: "Kolonne A", 2: "Kolonne B", 3: "Kolonne C"}
    assert A.gaet_kolonner(a, None) == A.Kolonnevalg(konto=1, tekst=2, beloeb=3)


def test_art_foer_konto_naar_begge_findes():
    """A finance export with both a Konto (the funktion, 5.38.50.001) and an Art column: the
    kontoplan's kategori follows the art, so Art is proposed (found on a screenshot: Konto was
    taken, every line became hovedart 5, and the takstindtægt 7.6 was imported)."""
    a = _ark(["Konto", "Art", "Tekst", "Beløb"], ["5.38.50.001", "1.1", "Løn", T("100")],
             ["5.38.50.001", "7.6", "Takstindtægt", T("-8000000")])
    assert A.gaet_kolonner(a, 1) == A.Kolonnevalg(konto=2, tekst=3, beloeb=4, overskrift=1)
    # without headings the art column is found by its content too: a funktion's konto is no art
    b = _ark(["5.38.50.001", "1.1", "Løn", T("100")], ["5.38.50.001", "7.6", "Takstindtægt", T("-8000000")])
    assert A.gaet_kolonner(b, None).konto == 2


def test_en_funktions_konto_er_ingen_art():
    from takstberegner.importers.kontoplan import art_af

    assert [art_af(v) for v in ("5.38.50.001", "538", "2.2.", "5.38.50.001-2.2", "2.2 Fødevarer", "22", 2.2, "7")] == \
        [None, None, None, "2.2", "2.2", "2.2", "2.2", "7"]


def test_tilbudskolonne_genkendes_paa_navnene():
    a = _ark(["Konto", "Tekst", "Beløb", "Sted"], ["1.1", "Løn", T("1"), "Bostedet Nord"],
             ["2.2", "Mad", T("2"), "Tilbud X"])
    assert A.gaet_kolonner(a, 1).tilbud == 4
    b = _ark(["Konto", "Tekst", "Beløb", "Afd"], ["1.1", "Løn", T("1"), "Bostedet Nord"])
    assert A.gaet_kolonner(b, 1, {"Bostedet Nord", "Tilbud X"}).tilbud == 4


def test_husket_valg_findes_igen_efter_overskrift():
    titler = {1: "Art", 2: "Kontotekst", 3: "Oprindeligt budget", 4: "Korrigeret"}
    valg = A.Kolonnevalg(konto=1, tekst=2, beloeb=4, overskrift=5)
    husket = valg.som_titler(titler)
    assert husket == {"konto": "Art", "tekst": "Kontotekst", "beloeb": "Korrigeret"}
    flyttet = {1: "Kontotekst", 2: "Art", 3: "Korrigeret", 4: "Oprindeligt budget"}
    assert A.Kolonnevalg.fra_titler(husket, flyttet, 3) == A.Kolonnevalg(konto=2, tekst=1, beloeb=3, overskrift=3)
    assert A.Kolonnevalg.fra_titler(husket, {1: "Art", 2: "Tekst"}, 1) is None
    assert A.layout_noegle("Budget", titler) == A.layout_noegle("Andet ark", {k: f" {v.upper()} " for k, v in
                                                                            titler.items()})
    assert A.layout_noegle("Budget", titler) == A.layout_noegle("Budget", flyttet)  # moved columns: same layout
    assert A.layout_noegle("Budget", titler) != A.layout_noegle("Budget", {**titler, 5: "Tilbud"})


def test_tal_vises_dansk():
    assert [A.tekst_af(T(x)) for x in ("6500000", "-12000.5", "96.25", "1E-3")] == [
        "6.500.000", "-12.000,5", "96,25", "1E-3"]
    assert A.tekst_af(True) == "SAND" and A.tekst_af(A.FORMEL_UDEN_VAERDI) == ""
    assert [A.bogstav(n) for n in (1, 26, 27, 16384)] == ["A", "Z", "AA", "XFD"]
    assert [A.kolonne_nr(s) for s in ("a", "XFD", "XFE", "A1", "")] == [1, 16384, None, None, None]


celler = st.one_of(st.none(), st.text(max_size=12), st.integers(-10**9, 10**9).map(lambda i: T(str(i))),
                   st.booleans())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(celler, max_size=6), max_size=15))
def test_vilkaarligt_ark_giver_et_forslag_uden_fejl(raekker):
    """Any grid: a heading row inside it or none, headings for every column, columns inside the sheet."""
    a = _ark(*raekker)
    o = A.find_overskrift(a)
    assert o is None or any(nr == o for nr, _ in a.raekker)
    titler = A.overskrifter(a, o)
    assert set(titler) == set(range(1, a.kolonner + 1)) and all(titler.values())
    v = A.gaet_kolonner(a, o)
    assert v.brugte() <= set(titler) and len(v.brugte()) == len([k for k in (v.konto, v.tekst, v.beloeb, v.tilbud)
                                                                 if k])
