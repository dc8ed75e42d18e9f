"""Table models of the Anlæg step: the anlægskartotek and each asset's figures for the takstår
(SA 5.5.4-5.5.5)."""
from __future__ import annotations

from takstberegner.app.models.raekker import Kolonne, RaekkeModel

TYPE_VALG = (("grund", "Grund"), ("bygning", "Bygning"), ("installation", "Installation"), ("inventar", "Inventar"),
             ("it", "IT"), ("transportmiddel", "Transportmiddel"), ("andet", "Andet"))
FINANSIERING_VALG = (("ejet", "Ejet"), ("finansiel_leasing", "Finansiel leasing"))


class AnlaegModel(RaekkeModel):
    def __init__(self, parent=None):
        super().__init__((
            Kolonne("navn", "Navn", bredde=160),
            Kolonne("type", "Type", "valg", valg=TYPE_VALG, bredde=120),
            Kolonne("anskaffelsesvaerdi", "Anskaffelsesværdi", "tal", bredde=140),
            Kolonne("ibrugtagning", "Ibrugtaget", "dato", bredde=100),
            Kolonne("levetid_aar", "Levetid (år)", "heltal", tom_ok=True, bredde=90),
            Kolonne("restvaerdi", "Restværdi", "tal", bredde=110),
            Kolonne("finansiering", "Finansiering", "valg", valg=FINANSIERING_VALG, bredde=130),
            Kolonne("andel_pct", "Andel (%)", "tal", decimaler=None),
        ), parent)


class AnlaegBeregningModel(RaekkeModel):
    def __init__(self, parent=None):
        super().__init__((
            Kolonne("navn", "Anlæg", redigerbar=False, bredde=160),
            Kolonne("aarlig_afskrivning", "Årlig afskrivning", "tal", redigerbar=False, bredde=130),
            Kolonne("maaneder_i_aar", "Mdr. i året", "heltal", redigerbar=False, bredde=110),
            Kolonne("afskrivning", "Afskrivning", "tal", redigerbar=False, bredde=140),
            Kolonne("bogfoert_primo", "Bogført 1/1", "tal", redigerbar=False, bredde=130),
            Kolonne("bogfoert_ultimo", "Bogført 31/12", "tal", redigerbar=False, bredde=130),
            Kolonne("forrentning", "Forrentning", "tal", redigerbar=False),
        ), parent)
