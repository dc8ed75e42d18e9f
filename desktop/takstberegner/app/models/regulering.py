"""Table models of the Regulering step: past results, how each is handled this year, and
hensættelser with their last year of use (SA 5.3)."""
from __future__ import annotations

from takstberegner.app.models.raekker import Kolonne, RaekkeModel

VALG = (("hensaet", "Hensæt (overskud)"), ("indregn", "Indregn"), ("udskyd", "Udskyd"))


class ResultatModel(RaekkeModel):
    def __init__(self, parent=None):
        super().__init__((
            Kolonne("aar", "År", "heltal", bredde=60),
            Kolonne("resultat", "Resultat", "tal", bredde=150, vaerktoejstip="Overskud positivt, underskud negativt"),
            Kolonne("grundlag", "Årets grundlag", "tal", bredde=150),
            Kolonne("valg", "Valg", "valg", valg=VALG, bredde=150),
            Kolonne("indregnet_tidligere", "Indregnet før", "tal", bredde=140),
            Kolonne("nyt_tilbud_foerste_aar", "Nyt tilbud, 1. år", "bool", vaerktoejstip="Underskud fra et nyt tilbuds første driftsår: fordeles over tre takstår (SA 6.1.2)"),
        ), parent)


class ReguleringBeregningModel(RaekkeModel):
    def __init__(self, parent=None):
        k = lambda felt, titel, b=110: Kolonne(felt, titel, "tal", redigerbar=False, bredde=b)  # noqa: E731
        super().__init__((
            Kolonne("aar", "År", "heltal", redigerbar=False, bredde=50),
            k("resultat", "Resultat", 120),
            k("graense", "5 %-grænse"),
            k("hensat", "Hensat"),
            k("egenrisiko", "Egenrisiko"),
            k("skal_indregnes", "Skal indregnes", 120),
            k("i_aar", "I år"),
            k("renter", "Renter", 90),
            k("regulering", "Regulering"),
            k("udskudt", "Udskudt", 100),
            Kolonne("frist", "Senest i takst", "heltal", redigerbar=False),
        ), parent)


class HensaettelseModel(RaekkeModel):
    def __init__(self, parent=None):
        super().__init__((
            Kolonne("aar", "År", "heltal", bredde=60),
            Kolonne("beloeb", "Hensat beløb", "tal", bredde=140),
            Kolonne("brugt", "Heraf brugt", "tal",
                    vaerktoejstip="Det beløb af hensættelsen, der er anvendt (SA 5.3.1). Er hele beløbet brugt, "
                                  "er der ikke længere en frist for den."),
        ), parent)


class HensaettelseListeModel(RaekkeModel):
    def __init__(self, parent=None):
        super().__init__((
            Kolonne("aar", "År", "heltal", redigerbar=False, bredde=60),
            # two-line headings: beside the hensættelser at 150 % the table is about 190 pixels wide,
            # and 'Bruges senest' in one line was cut at both ends ('uges sen')
            Kolonne("beloeb", "Til\nrådighed", "tal", redigerbar=False, bredde=150),
            Kolonne("sidste_anvendelsesaar", "Bruges\nsenest", "heltal", redigerbar=False),
        ), parent)
