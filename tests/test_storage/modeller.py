"""Hypothesis strategies for every takstgrundlag the model (and so a .takst file) can hold,
valid or not: amounts from -10^30 to 10^30, unknown codes, missing levetid, enhed without
enheder, antal 0, control characters, dates in year 1 to 9999. Used by the storage round trip,
the engine's never-raises property and the app's opening of a bad file."""
from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from takstberegner.domain import model as m

_SAERLIGE = [Decimal("0.01"), Decimal("96.50"), Decimal("1E+3"), Decimal("-0"), Decimal("0E-7"), Decimal("0"),
             Decimal("1E+26"), Decimal("-1E+26"), Decimal("1E+30"), Decimal("1E-30"), Decimal("1E+12"),
             Decimal("999999999999.99"), Decimal("100"), Decimal("Infinity"), Decimal("-Infinity")]
dec = st.decimals(allow_nan=False, allow_infinity=False, places=None, min_value=Decimal("-1e15"),
                  max_value=Decimal("1e15")) | st.sampled_from(_SAERLIGE)
tekst = st.text(max_size=12)
_id = st.text(alphabet="ABCXYZ0123", min_size=1, max_size=4)
opt_dec = st.none() | dec


def _koder(kendte) -> st.SearchStrategy[str]:
    """Mostly a known code, sometimes one the program does not know."""
    return st.sampled_from(tuple(kendte)) | st.sampled_from(("", "ukendt", "operationel_leasing"))


heltal = st.integers(0, 500) | st.integers(-10, 10**7)
linje = st.builds(m.Omkostningslinje, kategori=_koder(m.KATEGORIER), post=tekst, beloeb=dec,
                  vagtlag=st.booleans(), del_=st.none() | _koder(m.DELE), ydelse=st.none() | _id,
                  tjenestemand_loen=opt_dec, tjenestemandspension=opt_dec, anlaeg=st.none() | _id, tekst=tekst)
tilbud = st.builds(
    m.Tilbud, id=_id, navn=tekst, paragraf=tekst, kategori=st.integers(0, 4), tilbudsportal_id=tekst,
    korte_forloeb=st.booleans(), nyt_tilbud=st.booleans(),
    tilbudstype=_koder(m.TILBUDSTYPER), pladser=heltal,
    takststruktur=_koder(m.TAKSTSTRUKTURER),
    saerlige_vilkaar=st.none() | st.builds(m.SaerligeVilkaar, beskrivelse=tekst, godkendt=st.none() | st.dates()),
    pladser_forrige_aar=st.none() | heltal,
    belaegning=st.none() | st.builds(m.Belaegning, metode=_koder(m.BELAEGNING_METODER),
                                     faktisk_pct=st.lists(st.tuples(st.integers(1980, 2110), dec), max_size=3)
                                     .map(tuple), pct=opt_dec, begrundelse=tekst),
    noegletal=st.lists(st.tuples(st.sampled_from(["aarsvaerk", "m2"]), dec), max_size=2).map(tuple),
    enheder=st.none() | st.builds(m.Enheder, enhed=tekst, antal=dec),
    fordeling=st.lists(st.tuples(tekst, dec), max_size=3).map(tuple),
    ydelser=st.lists(st.builds(m.Ydelse, id=_id, navn=tekst, pladser=st.integers(-5, 99),
                               stoettetimer_uge=opt_dec, forrige_takst=opt_dec, sundhedsydelser=tekst),
                     max_size=3).map(tuple),
    omkostninger=st.lists(linje, max_size=5).map(tuple),
    anlaeg=st.lists(st.builds(m.Anlaeg, id=_id, navn=tekst, type=_koder(m.ANLAEG_TYPER),
                              anskaffelsesvaerdi=dec, ibrugtagning=st.dates(),
                              finansiering=_koder(m.FINANSIERINGER),
                              levetid_aar=st.none() | st.integers(-1, 200), restvaerdi=dec, andel_pct=dec),
                    max_size=2).map(tuple),
    driftskapital=st.none() | st.builds(m.Driftskapital, maaneder=opt_dec),
    oevrige_indtaegter=st.lists(st.builds(m.OevrigIndtaegt, post=tekst, beloeb=dec), max_size=2).map(tuple),
    resultater=st.lists(st.builds(m.Resultat, aar=st.integers(1980, 2110), resultat=dec, grundlag=dec,
                                  valg=_koder(m.RESULTAT_VALG), indregnet_tidligere=dec,
                                  nyt_tilbud_foerste_aar=st.booleans()), max_size=2).map(tuple),
    hensaettelser=st.lists(st.builds(m.Hensaettelse, aar=st.integers(1980, 2110), beloeb=dec, brugt=dec),
                           max_size=2).map(tuple),
    tillaegsydelser=st.lists(st.builds(m.Tillaegsydelse, personalekategori=tekst, timeomkostning=dec,
                                       tidsrum=st.lists(st.tuples(tekst, dec), max_size=3).map(tuple),
                                       fravaer_pct=dec, vfo_pct=opt_dec), max_size=2).map(tuple),
    bemaerkninger=tekst,
)
pulje = st.builds(m.Overheadpulje, id=_id, navn=tekst, beloeb=dec, noegle=_koder(m.NOEGLER),
                  driftsandel_pct=dec, omfang=st.none() | st.lists(_id, max_size=3).map(tuple),
                  oevrige_modtagere=st.lists(st.builds(m.OevrigModtager, id=_id, navn=tekst, noegletal=dec),
                                             max_size=2).map(tuple),
                  andele=st.lists(st.tuples(_id, dec), max_size=3).map(tuple))
grundlag = st.builds(
    m.Takstgrundlag, takstaar=st.integers(2000, 2100) | st.integers(1900, 2300),
    driftsherre=st.builds(m.Driftsherre, navn=tekst, cvr=tekst | st.text("0123456789", min_size=8, max_size=8),
                          type=_koder(m.DRIFTSHERRE_TYPER)),
    satser=st.builds(m.Satser, rente_anlaeg_pct=dec, rente_kort_pct=opt_dec,
                     tjenestemandspension_pct=opt_dec, vaesentlighed_pct=opt_dec),
    tilbud=st.lists(tilbud, max_size=3, unique_by=lambda t: t.id).map(tuple),  # the file keeps ids unique
    overheadpuljer=st.lists(pulje, max_size=2).map(tuple),
)
