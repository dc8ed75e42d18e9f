"""The PDF til revision at the edges of what a takst file holds: a tilbud with 5.000 ydelser
(a column per ydelse), names and bemærkninger of 10.000 characters with a word of 500 and
characters the fonts lack, amounts at the domain's bound. Every case is built, read back with
pdftotext, and the figures found in it."""
from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from takstberegner import dansk, tjeneste
from takstberegner.domain import model as m
from takstberegner.export import rapport, revision_pdf
from takstberegner.export.pdf_tabel import AFKORTET, ERSTATNING, FONT, ombryd, skrifter, synlig

from .conftest import eksempel
from .test_revision_pdf import pdftekst

ORD_500 = "Lang" + "x" * 496
TEKST_10K = ("Bemærkning om belægningen og budgettet. " * 250)[:10_000]
BEM_10K = " ".join(f"Sætning {i} om belægningen." for i in range(360))  # 9.969 characters
SVAER = "Hebraisk שלום, arabisk مرحبا, emoji 👍🏽, kinesisk 漢字.\n"


def _pdf(g) -> tuple[object, bytes]:
    b = tjeneste.beregn(g)
    return b, revision_pdf.lav_pdf(rapport.lav_rapport(g, b, "0" * 64))


def test_tilbud_med_5000_ydelser_udskrives_med_en_kolonne_pr_ydelse_i_dele(tmp_path):
    """Known defect: 5.000 ydelser gave reportlab's LayoutError ('Gitter ... too large on page
    678'): the takst per kategori has a column per ydelse, each squeezed to a fraction of a point
    until its heading was taller than a page. Now the table is printed in parts of as many
    columns as fit, the kategori column repeated, and every ydelse's takst can be read."""
    g = eksempel(1)
    t = g.tilbud[0]
    ydelser = tuple(m.Ydelse(id=f"Y{i}", navn=f"Ydelse {i}", pladser=1) for i in range(5000))
    g = dataclasses.replace(g, tilbud=(dataclasses.replace(t, ydelser=ydelser, pladser=5000),) + g.tilbud[1:])
    b, data = _pdf(g)
    tekst = pdftekst(tmp_path, data, layout=False)
    titler = re.findall(r"Takster fordelt på omkostningskategorier \(SA 5\.5\.1\) \(del (\d+) af ([\d.]+): "
                        r"kolonne (?:1 og )?([\d.]+)–([\d.]+) af 5\.001\)", tekst)
    assert titler and [int(d) for d, *_ in titler] == list(range(1, len(titler) + 1))
    assert titler[0][2] == "1" and titler[-1][3] == "5.001"
    for (_, _, _, til), (_, _, fra, _) in zip(titler, titler[1:]):  # no column left out
        assert int(fra.replace(".", "")) == int(til.replace(".", "")) + 1
    assert tekst.count("Takst (sum af delene)") == len(titler)
    takster = {tk.ydelse: dansk.tal(tk.takst) for tk in b.tilbud[0].takster}
    for y in ("Y0", "Y1234", "Y4999"):
        assert re.search(rf"\b{y}\s+Ydelse\s+{y[1:]}\b", tekst) and takster[y] in tekst


def test_lange_navne_og_bemaerkninger_ombrydes_eller_afkortes_synligt(tmp_path):
    """A name of 10.000 characters with a word of 500, a bemærkning of 10.000 with newlines and
    characters in other scripts, amounts of ±999.999.999.999,99: the PDF is made, a name cut to
    its room ends with the mark '[… afkortet]', the bemærkning is printed whole, both amounts are
    there, and a character the fonts lack is '�', never the bytes of its UTF-8 ('ðŸ')."""
    g = eksempel(1)
    t = g.tilbud[0]
    linje = t.omkostninger[0]
    t = dataclasses.replace(
        t, navn="Bostedet " + ORD_500 + " " + TEKST_10K,
        bemaerkninger="START " + SVAER + ORD_500 + "\nny linje\n" + BEM_10K + " SLUT",
        ydelser=tuple(dataclasses.replace(y, navn=y.navn + " " + ORD_500) for y in t.ydelser),
        omkostninger=t.omkostninger + (dataclasses.replace(linje, beloeb=Decimal("999999999999.99"), tekst=TEKST_10K),
                                       dataclasses.replace(linje, beloeb=Decimal("-999999999999.99"), tekst=SVAER)))
    g = dataclasses.replace(g, driftsherre=dataclasses.replace(g.driftsherre, navn="Kommune " + SVAER + TEKST_10K),
                            tilbud=(t,) + g.tilbud[1:])
    _, data = _pdf(g)
    tekst = pdftekst(tmp_path, data, layout=False)
    assert AFKORTET in tekst
    assert "999.999.999.999,99" in tekst and "-999.999.999.999,99" in tekst
    assert "START Hebraisk" in tekst and "SLUT" in tekst  # the bemærkning from its first word to its last
    uden_brud = re.sub(r"\s", "", tekst)
    assert ORD_500 in uden_brud  # the long word broken between characters, none lost
    assert [int(i) for i in re.findall(r"Sætning\s+(\d+)\s+om\b", tekst)] == list(range(360))
    assert "漢" not in tekst and "ðŸ" not in tekst and "æ¼" not in tekst and ERSTATNING in tekst
    for side in tekst.split("\f")[1:-1]:  # the running header: cut to its room, one line
        assert len(side.splitlines()[0]) < 300


def test_tegn_uden_glyf_vises_som_erstatningstegn():
    skrifter()
    assert synlig("a漢b👍🏽c") == f"a{ERSTATNING}b{ERSTATNING}{ERSTATNING}c"
    assert synlig("Ærø − Åbybro › Øster αβγ Жж € ½ ✓") == "Ærø − Åbybro › Øster αβγ Жж € ½ ✓"
    # right to left, beyond U+FFFF (an emoji DejaVu draws), format characters (left out)
    assert synlig("שלום مرحبا 😀 a\u200bb\u202ec\ufe0f") == f"{ERSTATNING * 4} {ERSTATNING * 5} {ERSTATNING} abc"


def test_kort_ascii_tekst_med_linjeskift_i_en_celle_bliver_to_linjer(tmp_path):
    """A short ASCII text with a line break was taken as fitting on one line (the quick path) and
    printed with the break as a glyph; it is two lines, as a longer or Danish one already was."""
    s = rapport.Sektion("Linjeskift", ("Felt", "Tekst", "Beløb"),
                        (("a", "en\nto", rapport.Tal(Decimal(1))), ("b", "lang tekst " * 8, rapport.Tal(Decimal(2)))),
                        noegle="x", trin=rapport.TRIN[1])
    g = eksempel(1)
    b = tjeneste.beregn(g)
    r = rapport.lav_rapport(g, b, "0" * 64)
    t0 = r.tilbud[0]
    r = dataclasses.replace(r, tilbud=(dataclasses.replace(t0, sektioner=(s,) + t0.sektioner),) + r.tilbud[1:])
    linjer = [x.strip() for x in pdftekst(tmp_path, revision_pdf.lav_pdf(r)).splitlines()]
    i = next(i for i, x in enumerate(linjer) if x.startswith("a ") and x.endswith("1,00"))
    assert linjer[i].split() == ["a", "en", "1,00"] and linjer[i + 1] == "to"


def test_ombrydning_med_hoejst_et_antal_linjer_afkorter_med_maerke():
    skrifter()
    linjer = ombryd("ord " * 5000 + "x" * 100_000, FONT, 7, 100, maks_linjer=5)
    assert len(linjer) == 5 and linjer[-1].endswith(AFKORTET)
    assert ombryd("kort tekst", FONT, 7, 100, maks_linjer=5) == ["kort tekst"]
    assert ombryd("x" * 200, FONT, 7, 5, maks_linjer=3)[-1] in ("…", "[…]")


def test_en_blok_hoejere_end_en_side_ved_sidens_fod_flyttes_ikke_til_en_fejl():
    """A section kept together (heading, title, table) that is taller than a page, met where the
    page has only a few points left, was split into its parts and its heading placed there
    without room: reportlab's 'Splitting error'. Found by the property with a long tilbud name."""
    import io

    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import SimpleDocTemplate, Spacer

    from takstberegner.export.pdf_tabel import Blok, Gitter, Tekst

    skrifter()
    doc = SimpleDocTemplate(io.BytesIO(), pagesize=landscape(A4))
    ramme_h = doc.height - 12
    tabel = Gitter.af(["Tekst"], [[f"række {i}" for i in range(80)]], [False], [200.0])
    doc.build([Spacer(1, ramme_h - 8), Blok([Tekst("Overskrift", FONT, 12), tabel], ramme_h)])
