"""Table models of the Takststruktur step: ydelser, trækningsret fordeling, and the takster with
their category split (SA 5.4)."""
from __future__ import annotations

from takstberegner.app.models.raekker import Kolonne, RaekkeModel
from takstberegner.domain.model import KATEGORI_NAVNE, KATEGORIER, REGULERING_LINJE  # noqa: F401


class YdelseModel(RaekkeModel):
    def __init__(self, parent=None):
        super().__init__((
            Kolonne("navn", "Ydelse", bredde=200),
            Kolonne("pladser", "Pladser", "heltal", bredde=70),
            Kolonne("stoettetimer_uge", "Støttetimer pr. uge", "tal", decimaler=None, tom_ok=True, bredde=140),
            Kolonne("forrige_takst", "Sidste års takst", "tal", tom_ok=True, bredde=130),
            Kolonne("sundhedsydelser", "Sundhedsydelser i taksten"),
        ), parent)


class FordelingModel(RaekkeModel):
    """Trækningsret: kommune -> fordelingstal, over the tilbud's `fordeling` pairs."""

    def __init__(self, parent=None):
        super().__init__((
            Kolonne("kommune", "Kommune", hent=lambda r: r[0], saet=lambda r, v: (v, r[1]), bredde=180),
            Kolonne("tal", "Fordelingstal (fx indbyggere)", "tal", decimaler=None,
                    hent=lambda r: r[1], saet=lambda r, v: (r[0], v)),
        ), parent)


class ObjektivModel(RaekkeModel):
    """Lovhjemlet objektiv finansiering (SA 4.2.1): kommune -> nøgletal, and the kommune's share in
    whole kroner from the beregning. Rows are (kommune, nøgletal, andel or None)."""

    def __init__(self, parent=None):
        super().__init__((
            Kolonne("kommune", "Kommune", hent=lambda r: r[0], saet=lambda r, v: (v, r[1], r[2]), bredde=160),
            Kolonne("tal", "Nøgletal (fx indbyggere)", "tal", decimaler=None,
                    hent=lambda r: r[1], saet=lambda r, v: (r[0], v, r[2]), bredde=160),
            Kolonne("andel", "Betaler (kr.)", "tal", decimaler=0, redigerbar=False, hent=lambda r: r[2],
                    vaerktoejstip="Kommunens del af den objektivt finansierede andel, i hele kroner"),
        ), parent)


KORTE_NAVNE = {"personale": "Personale", "aktivitet": "Aktivitet", "administration": "Administration",
               "kompetenceudvikling": "Kompetence", "ejendom": "Ejendom", "kapital": "Kapital",
               "finansieringsindtaegter": "Fin.indtægter", "finansieringsudgifter": "Fin.udgifter",
               REGULERING_LINJE: "Regulering"}


def _kategori(k):
    return Kolonne(k, KORTE_NAVNE[k], "tal", redigerbar=False, hent=lambda tk: tk.pr_kategori.get(k), bredde=100,
                   vaerktoejstip=KATEGORI_NAVNE.get(k, "Regulering og indtægter"))


class TakstKategoriModel(RaekkeModel):
    def __init__(self, parent=None):
        super().__init__((Kolonne("ydelse_navn", "Ydelse", redigerbar=False, bredde=160),
                          Kolonne("takst", "Takst", "tal", redigerbar=False, bredde=100))
                         + tuple(_kategori(k) for k in KATEGORIER + (REGULERING_LINJE,)), parent)
