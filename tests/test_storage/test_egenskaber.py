"""Property test: any takstgrundlag the model can hold comes back from a .takst file unchanged."""
from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from takstberegner.domain import model as m
from takstberegner.storage import TakstFil, laes_grundlag

_dec = st.decimals(allow_nan=False, allow_infinity=False, places=None, min_value=Decimal("-1e15"),
                   max_value=Decimal("1e15")) | st.sampled_from([Decimal("0.01"), Decimal("96.50"), Decimal("1E+3"),
                                                                  Decimal("-0"), Decimal("0E-7")])
_tekst = st.text(max_size=12)
_id = st.text(alphabet="ABCXYZ0123", min_size=1, max_size=4)
_opt_dec = st.none() | _dec


_linje = st.builds(m.Omkostningslinje, kategori=st.sampled_from(m.KATEGORIER), post=_tekst, beloeb=_dec,
                   vagtlag=st.booleans(), del_=st.none() | st.sampled_from(m.DELE), ydelse=st.none() | _id,
                   tjenestemand_loen=_opt_dec, tjenestemandspension=_opt_dec, anlaeg=st.none() | _id, tekst=_tekst)
_tilbud = st.builds(
    m.Tilbud, id=_id, navn=_tekst, paragraf=_tekst, kategori=st.integers(1, 3), tilbudsportal_id=_tekst,
    korte_forloeb=st.booleans(), nyt_tilbud=st.booleans(),
    tilbudstype=st.sampled_from(m.TILBUDSTYPER), pladser=st.integers(0, 500),
    takststruktur=st.sampled_from(m.TAKSTSTRUKTURER),
    saerlige_vilkaar=st.none() | st.builds(m.SaerligeVilkaar, beskrivelse=_tekst, godkendt=st.none() | st.dates()),
    pladser_forrige_aar=st.none() | st.integers(0, 500),
    belaegning=st.none() | st.builds(m.Belaegning, metode=st.sampled_from(m.BELAEGNING_METODER),
                                     faktisk_pct=st.lists(st.tuples(st.integers(2000, 2030), _dec), max_size=3)
                                     .map(tuple), pct=_opt_dec, begrundelse=_tekst),
    noegletal=st.lists(st.tuples(st.sampled_from(["aarsvaerk", "m2"]), _dec), max_size=2).map(tuple),
    enheder=st.none() | st.builds(m.Enheder, enhed=_tekst, antal=_dec),
    fordeling=st.lists(st.tuples(_tekst, _dec), max_size=3).map(tuple),
    ydelser=st.lists(st.builds(m.Ydelse, id=_id, navn=_tekst, pladser=st.integers(0, 99),
                               stoettetimer_uge=_opt_dec, forrige_takst=_opt_dec, sundhedsydelser=_tekst),
                     max_size=3).map(tuple),
    omkostninger=st.lists(_linje, max_size=5).map(tuple),
    anlaeg=st.lists(st.builds(m.Anlaeg, id=_id, navn=_tekst, type=st.sampled_from(m.ANLAEG_TYPER),
                              anskaffelsesvaerdi=_dec, ibrugtagning=st.dates(),
                              finansiering=st.sampled_from(m.FINANSIERINGER),
                              levetid_aar=st.none() | st.integers(1, 200), restvaerdi=_dec, andel_pct=_dec),
                    max_size=2).map(tuple),
    driftskapital=st.none() | st.builds(m.Driftskapital, maaneder=_opt_dec),
    oevrige_indtaegter=st.lists(st.builds(m.OevrigIndtaegt, post=_tekst, beloeb=_dec), max_size=2).map(tuple),
    resultater=st.lists(st.builds(m.Resultat, aar=st.integers(1990, 2030), resultat=_dec, grundlag=_dec,
                                  valg=st.sampled_from(m.RESULTAT_VALG), indregnet_tidligere=_dec,
                                  nyt_tilbud_foerste_aar=st.booleans()), max_size=2).map(tuple),
    hensaettelser=st.lists(st.builds(m.Hensaettelse, aar=st.integers(1990, 2030), beloeb=_dec, brugt=_dec),
                           max_size=2).map(tuple),
    tillaegsydelser=st.lists(st.builds(m.Tillaegsydelse, personalekategori=_tekst, timeomkostning=_dec,
                                       tidsrum=st.lists(st.tuples(_tekst, _dec), min_size=1, max_size=3).map(tuple),
                                       fravaer_pct=_dec, vfo_pct=_opt_dec), max_size=2).map(tuple),
    bemaerkninger=_tekst,
)
_pulje = st.builds(m.Overheadpulje, id=_id, navn=_tekst, beloeb=_dec, noegle=st.sampled_from(m.NOEGLER),
                   driftsandel_pct=_dec, omfang=st.none() | st.lists(_id, max_size=3).map(tuple),
                   oevrige_modtagere=st.lists(st.builds(m.OevrigModtager, id=_id, navn=_tekst, noegletal=_dec),
                                              max_size=2).map(tuple),
                   andele=st.lists(st.tuples(_id, _dec), max_size=3).map(tuple))
_grundlag = st.builds(
    m.Takstgrundlag, takstaar=st.integers(2000, 2100),
    driftsherre=st.builds(m.Driftsherre, navn=_tekst, cvr=_tekst, type=st.sampled_from(m.DRIFTSHERRE_TYPER)),
    satser=st.builds(m.Satser, rente_anlaeg_pct=_dec, rente_kort_pct=_opt_dec,
                     tjenestemandspension_pct=_opt_dec, vaesentlighed_pct=_opt_dec),
    tilbud=st.lists(_tilbud, max_size=3, unique_by=lambda t: t.id).map(tuple),
    overheadpuljer=st.lists(_pulje, max_size=2).map(tuple),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_grundlag)
def test_alt_modellen_kan_holde_kommer_uaendret_tilbage(g):
    with tempfile.TemporaryDirectory() as d:
        fil = Path(d) / "x.takst"
        TakstFil.opret(fil, g).luk()
        igen = laes_grundlag(fil)
        assert igen == g
        assert [[str(x.beloeb) for x in t.omkostninger] for t in igen.tilbud] == \
            [[str(x.beloeb) for x in t.omkostninger] for t in g.tilbud]
