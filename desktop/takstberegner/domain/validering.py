"""Every semantic invariant of a takstgrundlag, checked once, whatever door it came through (SPEC §5
finding INPUT; DESIGN.md Habits 5).

`valider(grundlag, regelsaet)` returns INPUT findings (level fejl) with the field path and a
Danish text that says how to fix it; it never raises, for any model the storage can hold. The
JSON reader (formats/) checks only syntax; the .takst reader, the app's edits, the Excel import
and rul frem go through here too, and the engine (beregning.py) leaves out what this refuses.
Texts are templates in the regelsæt (`validering`); the bounds below keep every figure far from
the limits of Decimal arithmetic (28 digits), so the engine cannot overflow.
"""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from itertools import compress, repeat
from operator import is_, le
from typing import Any, Iterable

from takstberegner import dansk
from takstberegner.domain import fund as fund_mod
from takstberegner.domain import graenser
from takstberegner.domain import model as m
from takstberegner.domain import navne
from takstberegner.domain.linjekolonner import Linjekolonner, anlaegkolonner, linjekolonner
from takstberegner.domain.regelsaet import Regelsaet
from takstberegner.domain.resultat import Fund
from takstberegner.domain.usynlige_tegn import I_FRI_TEKST, USYNLIGE, hvilket, synlig

MAX_BELOEB = Decimal("999999999999.99")  # every amount and key: |x| < 10^12
MAX_PLADSER = 100_000
MAX_LEVETID = 100
MIN_AAR, MAX_AAR = 2000, 2100  # takstår
MIN_RESULTATAAR = 1990
MIN_DATO, MAX_DATO = date(1800, 1, 1), date(2200, 12, 31)
MAX_STOETTETIMER = Decimal(168)
MAX_BELAEGNING = Decimal(1000)  # above 100 is BEL-UGYLDIG; this only bounds the arithmetic
MAX_FAKTISK = Decimal(200)
MAX_KOMMUNER = 200  # in one fordeling: Danmark har 98 kommuner (the takstbilag gives each a column)
_0 = Decimal(0)
_100 = Decimal(100)
_12 = Decimal(12)
_KONTROL = USYNLIGE  # control and format characters (domain/usynlige_tegn: one rule for every door)
_KATEGORIER = frozenset(m.KATEGORIER)
_DELE = frozenset(m.DELE)
_ANLAEG_TYPER = frozenset(m.ANLAEG_TYPER)
_DELE_ELLER_INGEN = frozenset(m.DELE + (None,))
_INGEN = frozenset((None,))
_FINANSIERINGER = frozenset(m.FINANSIERINGER)


def _vis(v: Any) -> str:
    """A value for a text; Danish numbers where they are sane, else as written."""
    if isinstance(v, Decimal):
        if v.is_finite() and (not v or v.adjusted() < 15):
            return fund_mod.vis(v)
        return _stort_tal(v)
    if isinstance(v, date):
        return v.strftime("%d-%m-%Y")
    if isinstance(v, str):
        return f"‘{synlig(v)}’"
    return fund_mod.vis(v)


def _stort_tal(v: Decimal) -> str:
    """A number too large for the ordinary display, still the Danish way: 1E+30 as
    1.000.000.000.000.000.000.000.000.000.000 (exact, no context rounding), or, beyond 40
    digits, how many digits it has; never Python's '1E+30' or 'Infinity'."""
    if v.is_nan():
        return "ikke et tal"
    if v.is_infinite():
        return "minus uendelig" if v.is_signed() else "uendelig"
    fortegn = "-" if v.is_signed() else ""
    if v.adjusted() >= 40:
        return f"et {'negativt ' if fortegn else ''}tal med {dansk.tal(v.adjusted() + 1, 0)} cifre"
    heltal, _, decimaler = format(abs(v), "f").partition(".")
    grupper = [heltal[max(0, i - 3):i] for i in range(len(heltal), 0, -3)][::-1]
    return fortegn + ".".join(grupper) + ("," + decimaler if decimaler.strip("0") else "")


class _Fund:
    """Collects the findings of one run."""

    def __init__(self, rs: Regelsaet):
        self.rs = rs
        self.ud: list[Fund] = []
        self._input = rs.fund["INPUT"]

    def tilfoej(self, felt: str, kode: str, hvad: str | None = None, **v: Any) -> None:
        """`hvad`: what the message calls the value, when the field's name does not say it."""
        if hvad is not None:
            v["hvad"] = hvad
        skabelon = self.rs.validering.get(kode, "{hvad}")
        tekst = skabelon.format_map(_Vaerdier(felt, v))
        self.ud.append(Fund(kode="INPUT", niveau=self._input.niveau, tekst=tekst,
                            reference=self._input.reference, felt=felt))

    # ---- checks of one value ------------------------------------------------------------------
    def tekst(self, v: Any, felt: str, kraevet: bool = False, hvad: str | None = None) -> None:
        if v is None or not isinstance(v, str):
            if kraevet:
                self.tilfoej(felt, "mangler", hvad=hvad)
            return
        if kraevet and not v.strip():
            self.tilfoej(felt, "tom", hvad=hvad)
        elif not _ren(v):
            self.tilfoej(felt, "kontroltegn", hvad=hvad, tegn=hvilket(v))

    def fri_tekst(self, v: Any, felt: str) -> None:
        """A free text of several lines (bemærkninger, a begrundelse): tab and line breaks are
        allowed, no other invisible character (a direction override would make it show on the
        screen otherwise than it prints and is read)."""
        if isinstance(v, str) and not _fri_ren(v):
            self.tilfoej(felt, "kontroltegn", tegn=hvilket(v, I_FRI_TEKST))

    def tal(self, v: Decimal | None, felt: str, kraevet: bool = False, min_: Decimal | None = -MAX_BELOEB,
            max_: Decimal | None = MAX_BELOEB, positiv: bool = False, hvad: str | None = None) -> bool:
        """True when v is usable (present, finite, within bounds)."""
        if v is None:
            if kraevet:
                self.tilfoej(felt, "mangler", hvad=hvad)
            return False
        if not v.is_finite():
            self.tilfoej(felt, "ikke_tal", vaerdi=v, hvad=hvad)
            return False
        if positiv and v <= 0:
            self.tilfoej(felt, "ikke_positiv", vaerdi=v, hvad=hvad)
            return False
        if min_ is not None and v < min_:
            self.tilfoej(felt, "for_lille", vaerdi=v, min=min_, hvad=hvad)
            return False
        if max_ is not None and v > max_:
            self.tilfoej(felt, "for_stor", vaerdi=v, max=max_, hvad=hvad)
            return False
        return True

    def pct(self, v: Decimal | None, felt: str, kraevet: bool = False) -> bool:
        return self.tal(v, felt, kraevet, min_=_0, max_=_100)

    def heltal(self, v: int | None, felt: str, min_: int, max_: int, kraevet: bool = False) -> bool:
        if v is None:
            if kraevet:
                self.tilfoej(felt, "mangler")
            return False
        if v < min_:
            self.tilfoej(felt, "for_lille", vaerdi=v, min=min_)
            return False
        if v > max_:
            self.tilfoej(felt, "for_stor", vaerdi=v, max=max_)
            return False
        return True

    def valg(self, v: Any, felt: str, muligheder: Iterable[str]) -> bool:
        mulige = tuple(muligheder)
        if v in mulige:
            return True
        if v is None:
            self.tilfoej(felt, "mangler")
        else:
            self.tilfoej(felt, "ukendt_valg", vaerdi=v, muligheder=", ".join(navne.vis(x) for x in mulige))
        return False

    def dato(self, v: date | None, felt: str, kraevet: bool = False) -> None:
        if v is None:
            if kraevet:
                self.tilfoej(felt, "mangler")
        elif not MIN_DATO <= v <= MAX_DATO:
            self.tilfoej(felt, "dato", vaerdi=v, min=MIN_DATO, max=MAX_DATO)


_CITERES = frozenset(("vaerdi", "pulje", "tilbud", "anlaeg"))


class _Vaerdier(dict):
    """Template values: {hvad} is the Danish name of the field; numbers in Danish."""

    def __init__(self, felt: str, v: dict[str, Any]):
        super().__init__({k: _vis(x) if not isinstance(x, str) or k in _CITERES else x for k, x in v.items()})
        self._felt = felt

    def __missing__(self, k: str) -> str:
        if k == "hvad":
            navn = re.split(r"[.\[]", self._felt.rsplit(".", 1)[-1])[0] if self._felt else ""
            return navne.FELTER.get(navn, navne.laesbar(navn) if navn else "Værdien")
        return ""


# ---- the model --------------------------------------------------------------------------------
def valider(grundlag: m.Takstgrundlag, regelsaet: Regelsaet) -> list[Fund]:
    """Every INPUT finding of the takstgrundlag, in document order; for a takstgrundlag larger than
    the limits (domain/graenser.py), only that finding: nothing else of it is looked at."""
    ud = valider_graenser(grundlag, regelsaet)
    if ud:
        return ud
    ud = valider_top(grundlag, regelsaet)
    for i, t in enumerate(grundlag.tilbud):
        ud.extend(valider_tilbud(t, f"tilbud[{i}]", grundlag.takstaar, regelsaet))
    ud.extend(valider_puljer(grundlag, regelsaet))
    return ud


# The finding's field: the list that is too long, or the file as a whole for too many records.
_GRAENSE_FELT = {"tilbud": "tilbud", "overheadpuljer": "overheadpuljer", "poster": "", "fordelinger": "overheadpuljer"}


def valider_graenser(g: m.Takstgrundlag, rs: Regelsaet) -> list[Fund]:
    """The INPUT finding (fejl) of a takstgrundlag larger than the limits of domain/graenser.py,
    or []; counted with one len() per list, so it costs nothing for a takstgrundlag within them."""
    over = graenser.for_stor(g)
    if over is None:
        return []
    antal, hvad, maks = over
    f = _Fund(rs)
    f.tilfoej(_GRAENSE_FELT[hvad], f"for_mange_{hvad}", antal=dansk.tal(antal, 0), max=dansk.tal(maks, 0))
    return f.ud


def valider_top(g: m.Takstgrundlag, rs: Regelsaet) -> list[Fund]:
    """Takstår, driftsherre, satser and the ids across tilbud."""
    f = _Fund(rs)
    f.heltal(g.takstaar, "takstaar", MIN_AAR, MAX_AAR, kraevet=True)
    dh = g.driftsherre
    f.tekst(dh.navn, "driftsherre.navn", kraevet=True)
    if not (isinstance(dh.cvr, str) and len(dh.cvr) == 8 and dh.cvr.isascii() and dh.cvr.isdigit()):
        f.tilfoej("driftsherre.cvr", "cvr", vaerdi=str(dh.cvr))
    f.valg(dh.type, "driftsherre.type", m.DRIFTSHERRE_TYPER)
    s = g.satser
    if s.rente_anlaeg_pct is None:
        f.tilfoej("satser.rente_anlaeg_pct", "rente_anlaeg_mangler")
    else:
        f.pct(s.rente_anlaeg_pct, "satser.rente_anlaeg_pct")
    f.pct(s.rente_kort_pct, "satser.rente_kort_pct")
    f.pct(s.tjenestemandspension_pct, "satser.tjenestemandspension_pct")
    f.pct(s.vaesentlighed_pct, "satser.vaesentlighed_pct")
    # SPEC v2 §5: the year's P/L; a fall of more than half in a year is no P/L.
    f.tal(s.pl_fremskrivning_pct, "satser.pl_fremskrivning_pct", min_=-_100 / 2, max_=_100)
    if s.rente_kort_pct is None:
        hvorfor = _kraever_kort_rente(g)
        if hvorfor:
            f.tilfoej("satser.rente_kort_pct", "rente_kort_mangler", hvorfor=hvorfor)
    set_: set[str] = set()
    for i, t in enumerate(g.tilbud):
        if t.id in set_:
            f.tilfoej(f"tilbud[{i}].id", "dobbelt_id", vaerdi=t.id, hvad="ét tilbud")
        set_.add(t.id)
    ydelser: set[str] = set()
    for i, t in enumerate(g.tilbud):
        for j, y in enumerate(t.ydelser):
            if y.id in ydelser:
                f.tilfoej(f"tilbud[{i}].ydelser[{j}].id", "dobbelt_id", vaerdi=y.id, hvad="én ydelse")
            ydelser.add(y.id)
    return f.ud


def _kraever_kort_rente(g: m.Takstgrundlag) -> str:
    for t in g.tilbud:
        if t.driftskapital is not None:
            return f"tilbuddet ‘{t.navn or t.id}’ har forrentning af driftskapital"
        for r in t.resultater:
            if g.takstaar - r.aar - 1 > 0:
                return f"resultatet for {r.aar} i tilbuddet ‘{t.navn or t.id}’ skal forrentes"
    return ""


def valider_tilbud(t: m.Tilbud, s: str, takstaar: int, rs: Regelsaet,
                   kolonner: Linjekolonner | None = None) -> list[Fund]:
    """One tilbud's own invariants; `s` is its path ("tilbud[3]"); `kolonner` its budget lines'
    columns, when the caller has them."""
    f = _Fund(rs)
    f.tekst(t.id, f"{s}.id", kraevet=True)
    f.tekst(t.navn, f"{s}.navn", kraevet=True)
    f.tekst(t.paragraf, f"{s}.paragraf")
    f.tekst(t.tilbudsportal_id, f"{s}.tilbudsportal_id")
    f.heltal(t.kategori, f"{s}.kategori", 1, 3, kraevet=True)
    f.valg(t.tilbudstype, f"{s}.tilbudstype", m.TILBUDSTYPER)
    struktur_ok = f.valg(t.takststruktur, f"{s}.takststruktur", m.TAKSTSTRUKTURER)
    f.heltal(t.pladser, f"{s}.pladser", 0, MAX_PLADSER, kraevet=True)
    f.heltal(t.pladser_forrige_aar, f"{s}.pladser_forrige_aar", 0, MAX_PLADSER)
    if t.saerlige_vilkaar is not None:
        f.tekst(t.saerlige_vilkaar.beskrivelse, f"{s}.saerlige_vilkaar.beskrivelse", kraevet=True)
        f.dato(t.saerlige_vilkaar.godkendt, f"{s}.saerlige_vilkaar.godkendt")
    _belaegning(f, t.belaegning, f"{s}.belaegning", takstaar)
    f.fri_tekst(t.bemaerkninger, f"{s}.bemaerkninger")
    # SPEC v2 §2: a first driftsår after the takstår cannot be (the tilbud has not started).
    if t.foerste_driftsaar is not None and f.heltal(t.foerste_driftsaar, f"{s}.foerste_driftsaar", MIN_RESULTATAAR,
                                                    MAX_AAR) and t.foerste_driftsaar > takstaar:
        f.tilfoej(f"{s}.foerste_driftsaar", "foerste_driftsaar_efter", vaerdi=t.foerste_driftsaar, aar=takstaar)
    if t.objektiv_finansiering is not None:  # SPEC v2 §4.12a
        so = f"{s}.objektiv_finansiering"
        f.pct(t.objektiv_finansiering.andel_pct, f"{so}.andel_pct", kraevet=True)
        _fordeling(f, t.objektiv_finansiering.fordeling, f"{so}.fordeling", "objektiv_fordeling_mangler",
                   "objektiv_fordeling_nul")
    for k, v in t.noegletal:
        if f.valg(k, f"{s}.noegletal", navne.NOEGLETAL):
            f.tal(v, f"{s}.noegletal.{k}", min_=_0)
    if struktur_ok and t.takststruktur == "enhed":
        if t.enheder is None:
            f.tilfoej(f"{s}.enheder", "enheder_mangler")
        else:
            f.tekst(t.enheder.enhed, f"{s}.enheder.enhed", kraevet=True)
            f.tal(t.enheder.antal, f"{s}.enheder.antal", kraevet=True, positiv=True)
    if struktur_ok and t.takststruktur == "traekningsret":
        _fordeling(f, t.fordeling, f"{s}.fordeling", "fordeling_mangler", "fordeling_nul")
    if t.driftskapital is not None:
        f.tal(t.driftskapital.maaneder, f"{s}.driftskapital.maaneder", min_=_0, max_=_12)
    ydelse_ids = set()
    for j, y in enumerate(t.ydelser):
        ydelse_ids.add(y.id)
        if _almindelig_ydelse(y):
            continue
        sy = f"{s}.ydelser[{j}]"
        f.tekst(y.id, f"{sy}.id", kraevet=True)
        f.tekst(y.navn, f"{sy}.navn")
        f.heltal(y.pladser, f"{sy}.pladser", 0, MAX_PLADSER)
        f.tal(y.stoettetimer_uge, f"{sy}.stoettetimer_uge", min_=_0, max_=MAX_STOETTETIMER)
        f.tal(y.forrige_takst, f"{sy}.forrige_takst", min_=_0)
        f.fri_tekst(y.sundhedsydelser, f"{sy}.sundhedsydelser")
        _belaegning(f, y.belaegning, f"{sy}.belaegning", takstaar)  # SPEC v2 §4.10
    anlaeg_ids: set[str] = set()
    if not _anlaegene_er_almindelige(t.anlaeg, anlaeg_ids):
        for j, a in enumerate(t.anlaeg):
            _anlaeg(f, a, f"{s}.anlaeg[{j}]", anlaeg_ids)
    _linjer(f, t.omkostninger, f"{s}.omkostninger", ydelse_ids, anlaeg_ids, kolonner)
    for j, x in enumerate(t.oevrige_indtaegter):
        f.tekst(x.post, f"{s}.oevrige_indtaegter[{j}].post", kraevet=True)
        f.tal(x.beloeb, f"{s}.oevrige_indtaegter[{j}].beloeb", kraevet=True)
    for j, r in enumerate(t.resultater):
        _resultat(f, r, f"{s}.resultater[{j}]", takstaar)
    for j, h in enumerate(t.hensaettelser):
        sh = f"{s}.hensaettelser[{j}]"
        _aar_foer(f, h.aar, f"{sh}.aar", takstaar, "en hensættelse er lavet i et tidligere år")
        b_ok = f.tal(h.beloeb, f"{sh}.beloeb", kraevet=True, min_=_0)
        if f.tal(h.brugt, f"{sh}.brugt", min_=_0) and b_ok and h.brugt > h.beloeb:
            f.tilfoej(f"{sh}.brugt", "brugt_for_meget", vaerdi=h.brugt, beloeb=h.beloeb)
    for j, x in enumerate(t.tillaegsydelser):
        sx = f"{s}.tillaegsydelser[{j}]"
        f.tekst(x.personalekategori, f"{sx}.personalekategori", kraevet=True)
        f.tal(x.timeomkostning, f"{sx}.timeomkostning", kraevet=True, min_=_0)
        f.pct(x.fravaer_pct, f"{sx}.fravaer_pct")
        f.pct(x.vfo_pct, f"{sx}.vfo_pct")
        if not x.tidsrum:
            f.tilfoej(f"{sx}.tidsrum", "tidsrum_mangler")
        for k, d in x.tidsrum:
            # A tidsrum's name is the user's text: it goes into the path only as a plain key, and
            # the message names it itself (a name with '.' or braces is no field name)
            er_noegle = isinstance(k, str) and navne.er_noegle(k)
            st = f"{sx}.tidsrum.{k}" if er_noegle else f"{sx}.tidsrum"
            f.tekst(k, st, kraevet=True, hvad="Tidsrummets navn")
            navn = navne.vis(k, navne.TIDSRUM) if er_noegle else _citat(k)
            f.tal(d, st, min_=_0, max_=MAX_BELAEGNING, hvad=f"Tidsrummet {navn}".rstrip())
    return f.ud


def _almindelig_ydelse(y: m.Ydelse) -> bool:
    """Whether the checks of a ydelse find nothing, decided in one expression for the common
    ydelse (a large file has 300): an id, a clean name, pladser, støttetimer and forrige takst in
    range, and no belægning of its own."""
    pladser, timer, forrige = y.pladser, y.stoettetimer_uge, y.forrige_takst
    return bool(
        y.belaegning is None and isinstance(y.id, str) and y.id.strip() and _ren(y.id)
        and (y.navn is None or _ren(y.navn))
        and (not isinstance(y.sundhedsydelser, str) or _fri_ren(y.sundhedsydelser))
        and (pladser is None or 0 <= pladser <= MAX_PLADSER)
        and (timer is None or (timer.is_finite() and _0 <= timer <= MAX_STOETTETIMER))
        and (forrige is None or (forrige.is_finite() and _0 <= forrige <= MAX_BELOEB))
    )


def _citat(navn: Any) -> str:
    """A name the user wrote, quoted for a message; "" when it cannot be shown (no text, blank,
    control characters: their own finding says so)."""
    return f"‘{navn}’" if isinstance(navn, str) and navn.strip() and _ren(navn) else ""


def _fordeling(f: _Fund, fordeling: tuple[tuple[str, Decimal], ...], s: str, mangler: str, nul: str) -> None:
    """kommune -> key: not empty, at most MAX_KOMMUNER kommuner, every kommune named, every key at
    least 0, not all 0."""
    if not fordeling:
        f.tilfoej(s, mangler)
        return
    if len(fordeling) > MAX_KOMMUNER:
        f.tilfoej(s, "fordeling_for_mange", antal=dansk.tal(len(fordeling), 0), max=MAX_KOMMUNER)
        return
    ok = True
    for k, v in fordeling:
        # the kommune's name is the user's text: the message names it (quoted) rather than taking
        # it for the field's name; the path keeps it, as the app's new rows are found by it
        f.tekst(k, f"{s}.{k}", kraevet=True, hvad="Kommunens navn")
        navn = _citat(k)
        ok = f.tal(v, f"{s}.{k}", min_=_0, hvad=f"Nøglen for {navn}" if navn else "Nøglen") and ok
    if ok and sum((v for _, v in fordeling), _0) == 0:
        f.tilfoej(s, nul)


def _belaegning(f: _Fund, b: m.Belaegning | None, s: str, takstaar: int) -> None:
    if b is None:
        return
    f.fri_tekst(b.begrundelse, f"{s}.begrundelse")
    if not f.valg(b.metode, f"{s}.metode", m.BELAEGNING_METODER):
        return
    if b.metode == "beregnet":
        for y, p in b.faktisk_pct:
            felt = f"{s}.faktisk_pct.{y}"
            if f.heltal(y, felt, MIN_RESULTATAAR, MAX_AAR):
                _aar_foer(f, y, felt, takstaar, "faktisk belægning kendes kun for tidligere år")
            f.tal(p, felt, min_=_0, max_=MAX_FAKTISK)
    else:
        f.tal(b.pct, f"{s}.pct", min_=-MAX_BELAEGNING, max_=MAX_BELAEGNING)  # missing: BEL-UGYLDIG


def _aar_foer(f: _Fund, y: int, felt: str, takstaar: int, hvorfor: str) -> None:
    if y < MIN_RESULTATAAR:
        f.tilfoej(felt, "aar_for_tidligt", vaerdi=y, min=MIN_RESULTATAAR)
    elif y >= takstaar:
        f.tilfoej(felt, "aar_ikke_foer", vaerdi=y, aar=takstaar, hvorfor=hvorfor)




def _anlaegene_er_almindelige(anlaeg: tuple[m.Anlaeg, ...], ids: set[str]) -> bool:
    """True (and their ids in `ids`) when every anlæg passes every check: the 3.000 anlæg of a
    large file are checked column by column at C speed; otherwise each is checked by _anlaeg."""
    if not anlaeg:
        return True
    k = anlaegkolonner(anlaeg)
    id_, navn, typ, fin, vaerdi, rest, andel, lt, ib = (k.id, k.navn, k.type, k.finansiering, k.anskaffelsesvaerdi,
                                                        k.restvaerdi, k.andel_pct, k.levetid_aar, k.ibrugtagning)
    try:  # a text or amount of another type fails where it is used (str.strip, join, hash, Decimal.is_finite)
        # Restværdi, andel and levetid take few values (0, 100, the types' levetider): each distinct
        # value is checked once; restværdi ≤ anskaffelsesværdi needs the pairs only when one is not 0.
        unikke_id, restvaerdier, andele, levetider = set(id_), set(rest), set(andel), set(lt)
        uden_levetid = None in levetider
        levetider.discard(None)
        almindelige = (
            all(map(str.strip, id_)) and _alle_rene(id_) and _alle_rene(navn) and len(unikke_id) == len(id_)
            and set(typ) <= _ANLAEG_TYPER and set(fin) <= _FINANSIERINGER
            and all(map(Decimal.is_finite, vaerdi)) and min(vaerdi) >= _0 and max(vaerdi) <= MAX_BELOEB
            and all(map(Decimal.is_finite, restvaerdier)) and min(restvaerdier) >= _0
            and (max(restvaerdier) == _0 or all(map(le, rest, vaerdi)))
            and all(map(Decimal.is_finite, andele)) and min(andele) >= _0 and max(andele) <= _100
            and (not uden_levetid or set(compress(typ, map(is_, lt, repeat(None)))) <= {"grund"})
            and (not levetider or (min(levetider) >= 1 and max(levetider) <= MAX_LEVETID))
            and None not in ib and min(ib) >= MIN_DATO and max(ib) <= MAX_DATO
        )
    except TypeError:
        return False
    if not almindelige:
        return False
    ids |= unikke_id
    return True


def _anlaeg(f: _Fund, a: m.Anlaeg, s: str, ids: set[str]) -> None:
    v, rest, andel, lt = a.anskaffelsesvaerdi, a.restvaerdi, a.andel_pct, a.levetid_aar
    if (  # the common asset, decided in one expression (3.000 of them in a large file)
        a.id and a.id not in ids and a.type in _ANLAEG_TYPER and a.finansiering in _FINANSIERINGER
        and v.is_finite() and _0 <= v <= MAX_BELOEB and rest.is_finite() and _0 <= rest <= v
        and andel.is_finite() and _0 <= andel <= _100
        and ((lt is None and a.type == "grund") or (lt is not None and 1 <= lt <= MAX_LEVETID))
        and a.ibrugtagning is not None and MIN_DATO <= a.ibrugtagning <= MAX_DATO
        and a.id.strip() and _ren(a.id) and _ren(a.navn)
    ):
        ids.add(a.id)
        return
    f.tekst(a.id, f"{s}.id", kraevet=True)
    if a.id in ids:
        f.tilfoej(f"{s}.id", "dobbelt_id", vaerdi=a.id, hvad="ét anlæg")
    ids.add(a.id)
    f.tekst(a.navn, f"{s}.navn")
    typ_ok = f.valg(a.type, f"{s}.type", m.ANLAEG_TYPER)
    if a.finansiering == "operationel_leasing":
        f.tilfoej(f"{s}.finansiering", "operationel_leasing")
    else:
        f.valg(a.finansiering, f"{s}.finansiering", m.FINANSIERINGER)
    vaerdi_ok = f.tal(a.anskaffelsesvaerdi, f"{s}.anskaffelsesvaerdi", kraevet=True, min_=_0)
    f.dato(a.ibrugtagning, f"{s}.ibrugtagning", kraevet=True)
    if a.levetid_aar is None:
        if typ_ok and a.type != "grund":
            f.tilfoej(f"{s}.levetid_aar", "levetid_mangler", anlaeg=a.navn or a.id, max=MAX_LEVETID)
    else:
        f.heltal(a.levetid_aar, f"{s}.levetid_aar", 1, MAX_LEVETID)
    if f.tal(a.restvaerdi, f"{s}.restvaerdi", min_=_0) and vaerdi_ok and a.restvaerdi > a.anskaffelsesvaerdi:
        f.tilfoej(f"{s}.restvaerdi", "restvaerdi", rest=a.restvaerdi, vaerdi=a.anskaffelsesvaerdi)
    f.pct(a.andel_pct, f"{s}.andel_pct", kraevet=True)


def _ren(tekst: str) -> bool:
    """A text without control characters (the common, printable text is decided without the
    pattern); False for what is no text, which the full checks then name."""
    return isinstance(tekst, str) and (tekst.isprintable() or not _KONTROL.search(tekst))


def _fri_ren(tekst: str) -> bool:
    """_ren for a free text, in which tab and line breaks are allowed."""
    return tekst.isprintable() or not I_FRI_TEKST.search(tekst)


def _alle_rene(tekster: list[str] | set[str]) -> bool:
    """_ren of every text: printable all together (one pass in C), else each distinct one checked;
    False when one is no text (join refuses it), so the line-by-line checks name it."""
    try:
        return "".join(tekster).isprintable() or all(map(_ren, set(tekster)))
    except TypeError:
        return False


def _linjer(f: _Fund, linjer: tuple[m.Omkostningslinje, ...], s: str, ydelser: set[str], anlaeg: set[str],
            k: Linjekolonner | None = None) -> None:
    """The budget lines: the whole budget checked column by column at C speed, then the full checks
    on the few lines with a tjenestemand amount or an anlæg; a budget with another problem is gone
    through line by line. Posts and texts repeat, so each distinct one is checked once."""
    max_, min_ = MAX_BELOEB, -MAX_BELOEB
    if not linjer:
        return
    if k is None:
        k = linjekolonner(linjer)
    beloeb = k.beloeb
    poster = set(k.post)
    if (
        set(k.kategori) <= _KATEGORIER
        and all(map(Decimal.is_finite, beloeb))
        # every |beløb| < 10^11 is decided by the exponents alone; else compared with the bounds
        and (max(map(Decimal.adjusted, beloeb)) < 11 or (min(beloeb) >= min_ and max(beloeb) <= max_))
        # (a column of None, the common case, is counted in C without building a set)
        and (k.del_.count(None) == len(k.del_) or set(k.del_) <= _DELE_ELLER_INGEN)
        and (k.ydelse.count(None) == len(k.ydelse) or set(k.ydelse) <= ydelser | _INGEN)
        # a post of only spaces is as empty as "" (_linje: "tom"); each distinct post stripped once
        and _alle_rene(poster) and all(map(str.strip, poster)) and _alle_rene(k.tekst)
    ):
        for j in k.saerlige:
            x = linjer[j]
            if not _saerlig_linje_er_almindelig(x, anlaeg):
                _linje(f, x, f"{s}[{j}]", ydelser, anlaeg)
        return
    _linjer_en_ad_gangen(f, linjer, s, ydelser, anlaeg)


def _saerlig_linje_er_almindelig(x: m.Omkostningslinje, anlaeg: set[str]) -> bool:
    """Whether _linje finds nothing on a line with a tjenestemand amount or an anlæg, whose other
    fields the column checks have passed (a large file has hundreds of them)."""
    loen, pension = x.tjenestemand_loen, x.tjenestemandspension
    if loen is not None:
        if pension is not None or not (loen.is_finite() and _0 <= loen <= MAX_BELOEB):
            return False
    elif pension is not None and not (pension.is_finite() and _0 <= pension <= MAX_BELOEB):
        return False
    return ((x.anlaeg is None or x.anlaeg in anlaeg) and (x.kategori == "personale" or loen is pension is None)
            and isinstance(x.post, str) and bool(x.post.strip()) and isinstance(x.tekst, str))


def _linjer_en_ad_gangen(f: _Fund, linjer: tuple[m.Omkostningslinje, ...], s: str, ydelser: set[str],
                         anlaeg: set[str]) -> None:
    """Line by line: the full checks on each line that fails the lean test."""
    max_, min_ = MAX_BELOEB, -MAX_BELOEB
    rene: set[str] = {""}
    rene_poster: set[str] = set()  # not blank either
    for j, x in enumerate(linjer):
        b, post, tekst = x.beloeb, x.post, x.tekst
        if (
            x.kategori in _KATEGORIER
            and b.is_finite() and min_ <= b <= max_
            and (x.del_ is None or x.del_ in _DELE)
            and (x.ydelse is None or x.ydelse in ydelser)
            and x.anlaeg is None and x.tjenestemand_loen is None and x.tjenestemandspension is None
            and (post in rene_poster
                 or (isinstance(post, str) and post.strip() and _ren(post) and not rene_poster.add(post)))
            and (tekst in rene or (_ren(tekst) and not rene.add(tekst)))
        ):
            continue
        _linje(f, x, f"{s}[{j}]", ydelser, anlaeg)


def _linje(f: _Fund, x: m.Omkostningslinje, s: str, ydelser: set[str], anlaeg: set[str]) -> None:
    kat_ok = f.valg(x.kategori, f"{s}.kategori", m.KATEGORIER)
    f.tekst(x.post, f"{s}.post", kraevet=True)
    f.tal(x.beloeb, f"{s}.beloeb", kraevet=True)
    if x.del_ is not None:
        f.valg(x.del_, f"{s}.del", m.DELE)
    if x.ydelse is not None and x.ydelse not in ydelser:
        f.tilfoej(f"{s}.ydelse", "ukendt_ydelse", vaerdi=x.ydelse)
    if x.anlaeg is not None and x.anlaeg not in anlaeg:
        f.tilfoej(f"{s}.anlaeg", "ukendt_anlaeg", vaerdi=x.anlaeg)
    f.tal(x.tjenestemand_loen, f"{s}.tjenestemand_loen", min_=_0)
    f.tal(x.tjenestemandspension, f"{s}.tjenestemandspension", min_=_0)
    if x.tjenestemand_loen is not None or x.tjenestemandspension is not None:
        if kat_ok and x.kategori != "personale":
            f.tilfoej(s, "tjenestemand_personale")
        if x.tjenestemand_loen is not None and x.tjenestemandspension is not None:
            f.tilfoej(s, "tjenestemand_begge")
    f.tekst(x.tekst, f"{s}.tekst")


def _resultat(f: _Fund, r: m.Resultat, s: str, takstaar: int) -> None:
    _aar_foer(f, r.aar, f"{s}.aar", takstaar, "kun tidligere års resultater kan reguleres")
    r_ok = f.tal(r.resultat, f"{s}.resultat", kraevet=True)
    f.tal(r.grundlag, f"{s}.grundlag", kraevet=True, positiv=True)
    f.valg(r.valg, f"{s}.valg", m.RESULTAT_VALG)
    if f.tal(r.indregnet_tidligere, f"{s}.indregnet_tidligere", min_=_0) and r_ok \
            and r.indregnet_tidligere > abs(r.resultat):
        f.tilfoej(f"{s}.indregnet_tidligere", "indregnet_for_meget", vaerdi=r.indregnet_tidligere,
                  resultat=abs(r.resultat))


def valider_puljer(g: m.Takstgrundlag, rs: Regelsaet) -> list[Fund]:
    f = _Fund(rs)
    # sets and an index by position: a pulje's lists come from the file (a signed submission may list
    # 400.000 øvrige modtagere), so every look-up in them is constant, never a scan (issue 12)
    tilbud_ids = {t.id for t in g.tilbud}
    tilbud_nr = {id(t): i for i, t in enumerate(g.tilbud)}
    pulje_ids: set[str] = set()
    for k, p in enumerate(g.overheadpuljer):
        s = f"overheadpuljer[{k}]"
        f.tekst(p.id, f"{s}.id", kraevet=True)
        if p.id in pulje_ids:
            f.tilfoej(f"{s}.id", "dobbelt_id", vaerdi=p.id, hvad="én overheadpulje")
        pulje_ids.add(p.id)
        f.tekst(p.navn, f"{s}.navn")
        f.tal(p.beloeb, f"{s}.beloeb", kraevet=True, min_=_0)
        noegle_ok = f.valg(p.noegle, f"{s}.noegle", m.NOEGLER)
        if p.kategori is not None:  # SPEC v2 §4.5
            f.valg(p.kategori, f"{s}.kategori", m.KATEGORIER)
        f.pct(p.driftsandel_pct, f"{s}.driftsandel_pct", kraevet=True)
        if p.omfang is None:
            i_omfang = list(g.tilbud)
        else:
            for j, tid in enumerate(p.omfang):
                if tid not in tilbud_ids:
                    f.tilfoej(f"{s}.omfang[{j}]", "ukendt_tilbud", vaerdi=tid)
            omfang = set(p.omfang)
            i_omfang = [t for t in g.tilbud if t.id in omfang]
        modtagere = {t.id for t in i_omfang}
        for j, o in enumerate(p.oevrige_modtagere):
            so = f"{s}.oevrige_modtagere[{j}]"
            f.tekst(o.id, f"{so}.id", kraevet=True)
            f.tekst(o.navn, f"{so}.navn")
            f.tal(o.noegletal, f"{so}.noegletal", kraevet=p.noegle != "fast", min_=_0)
            if o.id in modtagere:
                f.tilfoej(f"{so}.id", "dobbelt_id", vaerdi=o.id, hvad="én modtager")
            modtagere.add(o.id)
        if noegle_ok and p.noegle == "fast":
            if not p.andele:
                f.tilfoej(f"{s}.andele", "andele_mangler")
            ok = True
            for mid, v in p.andele:
                if mid not in modtagere:
                    f.tilfoej(f"{s}.andele.{mid}", "ukendt_modtager", vaerdi=mid)
                ok = f.tal(v, f"{s}.andele.{mid}", min_=_0, max_=_100) and ok
            total = sum((v for _, v in p.andele), _0) if ok else None
            if p.andele and total is not None and total != _100:
                f.tilfoej(f"{s}.andele", "andele_sum", sum=total)
        if noegle_ok and p.noegle in ("aarsvaerk", "m2"):
            for t in i_omfang:
                if t.noegletal_for(p.noegle) is None:
                    f.tilfoej(f"tilbud[{tilbud_nr[id(t)]}].noegletal.{p.noegle}", "noegletal_mangler",
                              pulje=p.navn or p.id, noegle=navne.vis(p.noegle), tilbud=t.navn or t.id)
    return f.ud


def input_fejl_for_beregning(rs: Regelsaet, felt: str) -> Fund:
    """The finding for a tilbud whose figures are too far apart to compute (a last safeguard)."""
    f = _Fund(rs)
    f.tilfoej(felt, "beregning")
    return f.ud[0]
