"""The fast way to read a takstgrundlag/1 text (issue 9 item 7): decoded in C by msgspec into
typed mirrors of the format, then turned into the domain's records column by column.

`laes(tekst)` gives exactly the records the field readers (formats/takstgrundlag.py) give for the
same text, or None when it cannot be sure: then the ordinary reader (the limits check, json.loads,
the field readers) reads the text and names what is wrong in Danish. No msgspec message ever
reaches a user. It says None for any text that

- the limits check (json_graenser) might refuse: more than 64 MiB, maybe more than 4 mio. values,
  or a run of more than 12 digits anywhere (strings are looked at too, so a doubtful one goes the
  ordinary way; see _sikker_tekst);
- msgspec refuses: not JSON, a lone surrogate escape, a BOM, NaN, an unknown key, a missing
  required key, null in a required field, a wrong type, an integer written as "3" or 3.0;
- holds a value whose meaning the field readers decide otherwise: a required text that is blank,
  an amount that is not finite or is unreasonable (laeser.urimelig; cleared in bulk with a margin,
  so a doubtful one goes the ordinary way too), a date that date.fromisoformat refuses (an anlæg's
  ibrugtagning: any but YYYY-MM-DD, which msgspec reads), a year in
  faktisk_pct that int() refuses, an omfang other than "alle", "" where the reader gives None, or
  null for a budget line's vagtlag or tekst.

As it reads the budget lines it makes their columns (domain/linjekolonner, for the validation and
the calculation), and msgspec writes the canonical text of the lines and anlæg (`kanonisk`, for the
fingerprint: formats/takstgrundlag.kanonisk_bytes): the fields of the mirrors are in the canonical
text's key order.

Typed decoding has no free-form values, so the nesting is the format's (at most seven levels) and
a text of the wrong shape stops at its first wrong value. The equivalence is a hypothesis property
in tests/test_formats/test_hurtig_laesning.py.
"""
# No `from __future__ import annotations` here: msgspec would evaluate each annotation's text when
# it builds the decoder, about 2 ms more at every start.

import gc
from collections import deque
from datetime import date
from decimal import (Clamped, Context, Decimal, Inexact, InvalidOperation, Overflow, Rounded, Subnormal,
                     Underflow)
from itertools import chain, compress, repeat
from operator import is_, is_not, itemgetter, setitem
from typing import Annotated, Literal, Optional, Union

from takstberegner.formats.msgspec_uden_tillaeg import msgspec

from takstberegner.domain import linjekolonner
from takstberegner.domain import model as m

FORMAT = "takstgrundlag/1"
MAKS_TEGN = 64 * 1024 * 1024  # as laes_tekst's limits check
MAKS_VAERDIER = 4_000_000
_HUNDRED = Decimal(100)
_ZERO = Decimal(0)

_Tekst = Annotated[str, msgspec.Meta(min_length=1)]  # "" is None after the reader's `or None`


class _Struct(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    """Mirrors of the format's objects: no cycles, so the garbage collector need not track them."""


class _Driftsherre(_Struct, kw_only=True):
    navn: str
    cvr: str
    type: Optional[str] = None


class _Satser(_Struct, kw_only=True):
    rente_anlaeg_pct: Decimal
    rente_kort_pct: Optional[Decimal] = None
    tjenestemandspension_pct: Optional[Decimal] = None
    vaesentlighed_pct: Optional[Decimal] = None
    pl_fremskrivning_pct: Optional[Decimal] = None


class _OevrigModtager(_Struct, kw_only=True):
    id: str
    navn: Optional[str] = None
    noegletal: Optional[Decimal] = None


class _Pulje(_Struct, kw_only=True):
    id: str
    navn: Optional[str] = None
    beloeb: Decimal
    driftsandel_pct: Optional[Decimal] = None
    noegle: str
    omfang: Union[str, list[str], None] = "alle"
    oevrige_modtagere: Optional[list[_OevrigModtager]] = None
    andele: Optional[dict[str, Decimal]] = None
    kategori: Optional[str] = None


class _Belaegning(_Struct, kw_only=True):
    metode: str
    faktisk_pct: Optional[dict[str, Decimal]] = None
    pct: Optional[Decimal] = None
    begrundelse: Optional[str] = None


class _SaerligeVilkaar(_Struct, kw_only=True):
    beskrivelse: str
    godkendt: Optional[str] = None


class _Noegletal(_Struct, kw_only=True):
    aarsvaerk: Optional[Decimal] = None
    m2: Optional[Decimal] = None


class _Enheder(_Struct, kw_only=True):
    enhed: str
    antal: Decimal


class _Driftskapital(_Struct, kw_only=True):
    maaneder: Optional[Decimal] = None


class _Ydelse(_Struct, kw_only=True):
    id: str
    navn: Optional[str] = None
    pladser: Optional[int] = None
    stoettetimer_uge: Optional[Decimal] = None
    forrige_takst: Optional[Decimal] = None
    sundhedsydelser: Optional[str] = None
    belaegning: Optional[_Belaegning] = None
    korte_forloeb: Optional[bool] = None


class _Linje(_Struct, kw_only=True, rename={"del_": "del"}):
    """A budget line: the attributes are the record's and each default the reader's (null in
    vagtlag or tekst, and "" for a None, are left to the reader), so its asdict is the record's
    __dict__ once a missing tekst (UNSET) is made "" (_linjer). The fields are in the order of
    their keys in the canonical text (sorted), so that msgspec writes the line's canonical text:
    a missing tekst is left out, as that text leaves out an empty one (a tekst written "" is taken
    out afterwards, and an amount in exponent notation declined: _kanonisk)."""

    anlaeg: Optional[_Tekst] = None
    beloeb: Decimal
    del_: Optional[Literal[m.DELE]] = None
    kategori: Literal[m.KATEGORIER]  # another is read (and judged by the validation) the ordinary way
    post: str
    tekst: Union[str, msgspec.UnsetType] = msgspec.UNSET  # "" in the record
    tjenestemand_loen: Optional[Decimal] = None
    tjenestemandspension: Optional[Decimal] = None
    vagtlag: bool = False
    ydelse: Optional[_Tekst] = None


class _Anlaeg(_Struct, kw_only=True):
    """An anlæg: the attributes are the record's and each default the reader's (null but in
    levetid_aar is left to the reader), so its to_builtins is the record's __dict__. In the
    canonical text's order, as _Linje; msgspec reads only a date written YYYY-MM-DD, and writes it
    so (date.isoformat); any other date is left to the ordinary reader."""

    andel_pct: Decimal = _HUNDRED
    anskaffelsesvaerdi: Decimal
    finansiering: str = "ejet"
    ibrugtagning: date
    id: str
    levetid_aar: Optional[int] = None
    navn: str = ""
    restvaerdi: Decimal = _ZERO
    type: Literal[m.ANLAEG_TYPER]


class _Indtaegt(_Struct, kw_only=True):
    post: str
    beloeb: Decimal


class _Resultat(_Struct, kw_only=True):
    aar: int
    resultat: Decimal
    grundlag: Decimal
    valg: Optional[str] = None
    indregnet_tidligere: Optional[Decimal] = None
    nyt_tilbud_foerste_aar: Optional[bool] = None


class _Hensaettelse(_Struct, kw_only=True):
    aar: int
    beloeb: Decimal
    brugt: Optional[Decimal] = None


class _Tillaeg(_Struct, kw_only=True):
    personalekategori: str
    timeomkostning: Decimal
    fravaer_pct: Optional[Decimal] = None
    vfo_pct: Optional[Decimal] = None
    tidsrum: dict[str, Decimal]


class _Objektiv(_Struct, kw_only=True):
    andel_pct: Decimal
    fordeling: dict[str, Decimal]


class _Tilbud(_Struct, kw_only=True):
    id: str
    navn: str
    tilbudsportal_id: Optional[str] = None
    paragraf: Optional[str] = None
    kategori: int
    tilbudstype: str
    korte_forloeb: Optional[bool] = None
    nyt_tilbud: Optional[bool] = None
    saerlige_vilkaar: Optional[_SaerligeVilkaar] = None
    pladser: int
    pladser_forrige_aar: Optional[int] = None
    belaegning: Optional[_Belaegning] = None
    noegletal: Optional[_Noegletal] = None
    takststruktur: str
    enheder: Optional[_Enheder] = None
    fordeling: Optional[dict[str, Decimal]] = None
    ydelser: Optional[list[_Ydelse]] = None
    omkostninger: Optional[list[_Linje]] = None
    anlaeg: Optional[list[_Anlaeg]] = None
    driftskapital: Optional[_Driftskapital] = None
    oevrige_indtaegter: Optional[list[_Indtaegt]] = None
    resultater: Optional[list[_Resultat]] = None
    hensaettelser: Optional[list[_Hensaettelse]] = None
    tillaegsydelser: Optional[list[_Tillaeg]] = None
    bemaerkninger: Optional[str] = None
    foerste_driftsaar: Optional[int] = None
    objektiv_finansiering: Optional[_Objektiv] = None


class _Dokument(_Struct, kw_only=True):
    format: str
    takstaar: int
    driftsherre: _Driftsherre
    satser: _Satser
    overheadpuljer: Optional[list[_Pulje]] = None
    tilbud: Optional[list[_Tilbud]] = None


_DEKODER = msgspec.json.Decoder(_Dokument)


class _Afvist(Exception):
    """A value the field readers might read otherwise: the ordinary reader reads the text."""


# ---- the text: what the limits check (json_graenser.tjek) could refuse ------------------------
# digits as "0", e and E as "e", signs as "+", all else " "
_SOM_CIFRE = bytes(0x30 if b in b"0123456789" else 0x65 if b in b"eE" else 0x2B if b in b"+-" else 0x20
                   for b in range(256))
_CIFRE = b"0" * 13
_EKSPONENTER = (b"e000", b"e+000")  # an exponent of three digits or more


def _sikker_tekst(b: bytes) -> bool:
    """True when the limits check surely passes the text whose UTF-8 is b.

    The typed decoding takes only valid JSON, where the number characters outside strings are the
    numbers, each at most three runs of digits (before and after the point, the exponent) and a
    sign, a point, an e and a sign. Where no run of more than 12 digits occurs anywhere (strings
    included), no number has more than 40 characters, and where no exponent has three digits, none
    is above 99; a number of more than 12 digits that the check would take is beyond what
    _rimelige lets through (|adjusted exponent| > 50, or a zero's exponent clamped). A text has no more
    characters than bytes; at most MAKS_VAERDIER commas, colons and bracket pairs, strings
    included, bound the values; the nesting is the format's, which the typed decoding holds to."""
    if len(b) > MAKS_TEGN:
        return False
    # An exponent of three digits anywhere (strings included) goes the ordinary way: the limits
    # check refuses one above 99 wherever it is, also in the first of two values of a key written
    # twice, which the typed decoding drops unread ("rente_anlaeg_pct": 1E+150, "rente_anlaeg_pct": 1).
    former = b.translate(_SOM_CIFRE)
    if _CIFRE in former or _EKSPONENTER[0] in former or _EKSPONENTER[1] in former:
        return False
    return len(b) < MAKS_VAERDIER or (
        b.count(b",") + b.count(b":") + (b.count(b"[") + b.count(b"]") + b.count(b"{") + b.count(b"}")) // 2
        + 1 <= MAKS_VAERDIER)


# ---- the values: what the field readers would read otherwise ----------------------------------
# A finite amount that `plus` in this context takes without a signal has at most 50 digits and an
# adjusted exponent within ±50, so its exponent is at least -99: not laeser.urimelig. (A zero with
# a large exponent, which urimelig allows, is declined: the ordinary reader reads it.)
_RIMELIG = Context(prec=50, Emax=50, Emin=-50,
                   traps=[Clamped, Inexact, InvalidOperation, Overflow, Rounded, Subnormal, Underflow])


def _rimelige(tal: list) -> None:
    if not all(map(Decimal.is_finite, tal)):
        raise _Afvist
    try:
        deque(map(_RIMELIG.plus, tal), maxlen=0)
    except ArithmeticError:
        raise _Afvist from None


def _kraevet(s: str) -> str:
    if not s.strip():
        raise _Afvist
    return s


def _kraevede(tekster) -> None:
    if not all(map(str.strip, set(tekster))):
        raise _Afvist


def _dato(s: str | None) -> date | None:
    if s is None:
        return None
    try:
        return date.fromisoformat(s)
    except ValueError:
        raise _Afvist from None


class _Laeser:
    """One document's conversion; `tal` gathers the amounts outside the column-read lists, to be
    checked together at the end."""

    def __init__(self) -> None:
        self.tal: list[Decimal] = []

    def d(self, x: Decimal) -> Decimal:
        self.tal.append(x)
        return x

    def d_eller(self, x: Decimal | None, standard: Decimal | None) -> Decimal | None:
        if x is None:
            return standard
        self.tal.append(x)
        return x

    def tabel(self, v: dict | None) -> tuple:
        if v is None:
            return ()
        self.tal.extend(v.values())
        return tuple(v.items())

    def grundlag(self, d: _Dokument) -> m.Takstgrundlag:
        if d.format != FORMAT:
            raise _Afvist
        dh = d.driftsherre
        s = d.satser
        g = m.Takstgrundlag(
            takstaar=d.takstaar,
            driftsherre=m.Driftsherre(navn=_kraevet(dh.navn), cvr=_kraevet(dh.cvr),
                                      type="kommune" if dh.type is None else dh.type),
            satser=m.Satser(rente_anlaeg_pct=self.d(s.rente_anlaeg_pct),
                            rente_kort_pct=self.d_eller(s.rente_kort_pct, None),
                            tjenestemandspension_pct=self.d_eller(s.tjenestemandspension_pct, None),
                            vaesentlighed_pct=self.d_eller(s.vaesentlighed_pct, None),
                            pl_fremskrivning_pct=self.d_eller(s.pl_fremskrivning_pct, None)),
            tilbud=tuple(map(self.tilbud, d.tilbud or ())),
            overheadpuljer=tuple(map(self.pulje, d.overheadpuljer or ())),
        )
        _rimelige(self.tal)
        return g

    def pulje(self, p: _Pulje) -> m.Overheadpulje:
        omfang = p.omfang
        if isinstance(omfang, str):
            if omfang != "alle":
                raise _Afvist
            omfang = None
        return m.Overheadpulje(
            id=_kraevet(p.id), navn=p.navn or "", beloeb=self.d(p.beloeb), noegle=_kraevet(p.noegle),
            driftsandel_pct=self.d_eller(p.driftsandel_pct, _HUNDRED),
            omfang=None if omfang is None else tuple(omfang),
            oevrige_modtagere=tuple(
                m.OevrigModtager(id=_kraevet(o.id), navn=o.navn or "", noegletal=self.d_eller(o.noegletal, _ZERO))
                for o in p.oevrige_modtagere or ()),
            andele=self.tabel(p.andele),
            kategori=p.kategori or None,
        )

    def belaegning(self, b: _Belaegning | None) -> m.Belaegning | None:
        if b is None:
            return None
        faktisk = ()
        if b.faktisk_pct is not None:
            try:
                faktisk = tuple((int(k), self.d(x)) for k, x in b.faktisk_pct.items())
            except ValueError:
                raise _Afvist from None
        return m.Belaegning(metode=_kraevet(b.metode), faktisk_pct=faktisk, pct=self.d_eller(b.pct, None),
                            begrundelse=b.begrundelse or "")

    def ydelse(self, y: _Ydelse) -> m.Ydelse:
        return m.Ydelse(
            id=_kraevet(y.id), navn=y.navn or "", pladser=0 if y.pladser is None else y.pladser,
            stoettetimer_uge=self.d_eller(y.stoettetimer_uge, None),
            forrige_takst=self.d_eller(y.forrige_takst, None),
            sundhedsydelser=y.sundhedsydelser or "", belaegning=self.belaegning(y.belaegning),
            korte_forloeb=bool(y.korte_forloeb),
        )

    def tilbud(self, t: _Tilbud) -> m.Tilbud:
        sv = t.saerlige_vilkaar
        nt = t.noegletal
        e = t.enheder
        dk = t.driftskapital
        of = t.objektiv_finansiering
        noegletal = () if nt is None else tuple(
            (k, self.d(x)) for k, x in (("aarsvaerk", nt.aarsvaerk), ("m2", nt.m2)) if x is not None)
        return m.Tilbud(
            id=_kraevet(t.id), navn=_kraevet(t.navn), tilbudsportal_id=t.tilbudsportal_id or "",
            paragraf=t.paragraf or "", kategori=t.kategori, tilbudstype=_kraevet(t.tilbudstype),
            korte_forloeb=bool(t.korte_forloeb), nyt_tilbud=bool(t.nyt_tilbud),
            saerlige_vilkaar=None if sv is None else m.SaerligeVilkaar(
                beskrivelse=_kraevet(sv.beskrivelse), godkendt=_dato(sv.godkendt)),
            pladser=t.pladser, pladser_forrige_aar=t.pladser_forrige_aar,
            belaegning=self.belaegning(t.belaegning), noegletal=noegletal,
            takststruktur=_kraevet(t.takststruktur),
            enheder=None if e is None else m.Enheder(enhed=_kraevet(e.enhed), antal=self.d(e.antal)),
            fordeling=self.tabel(t.fordeling),
            ydelser=tuple(map(self.ydelse, t.ydelser or ())),
            omkostninger=_linjer(t.omkostninger),
            anlaeg=_anlaeg(t.anlaeg),
            driftskapital=None if dk is None else m.Driftskapital(maaneder=self.d_eller(dk.maaneder, None)),
            oevrige_indtaegter=tuple(m.OevrigIndtaegt(post=_kraevet(x.post), beloeb=self.d(x.beloeb))
                                     for x in t.oevrige_indtaegter or ()),
            resultater=tuple(m.Resultat(
                aar=r.aar, resultat=self.d(r.resultat), grundlag=self.d(r.grundlag),
                valg="indregn" if r.valg is None else r.valg,
                indregnet_tidligere=self.d_eller(r.indregnet_tidligere, _ZERO),
                nyt_tilbud_foerste_aar=bool(r.nyt_tilbud_foerste_aar)) for r in t.resultater or ()),
            hensaettelser=tuple(m.Hensaettelse(aar=h.aar, beloeb=self.d(h.beloeb),
                                               brugt=self.d_eller(h.brugt, _ZERO)) for h in t.hensaettelser or ()),
            tillaegsydelser=tuple(m.Tillaegsydelse(
                personalekategori=_kraevet(x.personalekategori), timeomkostning=self.d(x.timeomkostning),
                tidsrum=self.tabel(x.tidsrum), fravaer_pct=self.d_eller(x.fravaer_pct, _ZERO),
                vfo_pct=self.d_eller(x.vfo_pct, None)) for x in t.tillaegsydelser or ()),
            bemaerkninger=t.bemaerkninger or "",
            foerste_driftsaar=t.foerste_driftsaar,
            objektiv_finansiering=None if of is None else m.ObjektivFinansiering(
                andel_pct=self.d(of.andel_pct), fordeling=self.tabel(of.fordeling)),
        )


_ASDICT, _ASTUPLE = msgspec.structs.asdict, msgspec.structs.astuple
_UNSET = msgspec.UNSET
_ID, _ANSKAFFELSE = itemgetter("id"), itemgetter("anskaffelsesvaerdi")
_REST, _ANDEL = itemgetter("restvaerdi"), itemgetter("andel_pct")


def _linjer(raa: list[_Linje] | None) -> tuple:
    """The budget lines, column by column: each struct's asdict is a record's __dict__ once the
    posts and amounts are checked (kategori and del are known codes, checked in the decoding).
    The columns (domain/linjekolonner) and the canonical text are kept for the validation, the
    calculation and the fingerprint."""
    if not raa:
        return ()
    (anlaeg, beloeb, del_, kategori, post, tekst, tj_loen, tj_pension, vagtlag,
     ydelse) = map(list, zip(*map(_ASTUPLE, raa)))
    _kraevede(post)
    n = len(raa)
    saerlige: set[int] = set()
    for kolonne in (anlaeg, tj_loen, tj_pension):  # None but on a few lines: their positions
        if kolonne.count(None) != n:
            saerlige.update(compress(range(n), map(is_not, kolonne, repeat(None))))
    saerlige_ = sorted(saerlige)
    tal = beloeb + [x for x in chain(map(tj_loen.__getitem__, saerlige_), map(tj_pension.__getitem__, saerlige_))
                    if x is not None]
    _rimelige(tal)
    felter = list(map(_ASDICT, raa))
    # A missing tekst (UNSET, which msgspec leaves out of the canonical text, as that text leaves
    # out an empty one) is the record's "": in its __dict__ and in the column.
    uden_tekst = tekst.count(_UNSET)
    tom_skrevet = uden_tekst != n and "" in tekst
    if uden_tekst == n:
        deque(map(setitem, felter, repeat("tekst"), repeat("")), maxlen=0)
        tekst = [""] * n
    elif uden_tekst:
        for j in compress(range(n), map(is_, tekst, repeat(_UNSET))):
            felter[j]["tekst"] = tekst[j] = ""
    linjer = tuple(m.byg_mange(m.Omkostningslinje, felter))
    linjekolonner.husk(linjer, linjekolonner.Linjekolonner(kategori, post, beloeb, vagtlag, del_, ydelse, tekst,
                                                           saerlige_))
    # a tekst written "" is in msgspec's text (',"tekst":""'), which the canonical text leaves out
    _husk_kanonisk(linjer, raa, tal, uden_tom_tekst=not tom_skrevet)
    return linjer


def _anlaeg(raa: list[_Anlaeg] | None) -> tuple:
    """The anlæg, column by column: the structs with every field (a default amount such as 100
    is the class's Decimal(100), but "100.0" is kept as written) and the dates read by msgspec."""
    if not raa:
        return ()
    poster = msgspec.to_builtins(raa, builtin_types=(Decimal, date))
    _kraevede(map(_ID, poster))
    tal = list(map(_ANSKAFFELSE, poster)) + list(map(_REST, poster)) + list(map(_ANDEL, poster))
    _rimelige(tal)
    anlaeg = tuple(m.byg_mange(m.Anlaeg, poster))
    _husk_kanonisk(anlaeg, raa, tal)
    return anlaeg


# ---- the canonical text of the budget lines and anlæg, kept for the fingerprint ---------------
# (id of the records' tuple) -> (the tuple, its elements' canonical texts joined by commas), for
# the last text read: each reading forgets what the one before kept and the fingerprint did not take
_KANONISK: dict[int, tuple[tuple, bytes]] = {}


def _kanonisk(raa: list, tal: list[Decimal], uden_tom_tekst: bool) -> bytes | None:
    """The canonical texts of the decoded lines or anlæg, joined by commas: what
    formats/takstgrundlag writes of their records (keys sorted, json's escaping, which msgspec's
    equals). An amount is written there as format(x, "f"), and by msgspec as str(x): the same
    text unless str writes an exponent ("1E+3"); then None. `tal` are the records' amounts;
    `uden_tom_tekst`: no line has a tekst written "" (which that text leaves out)."""
    tekst = msgspec.json.encode(raa)
    if b"E" in tekst and "E" in "".join(map(str, tal)):  # one memchr; the amounts only if an E is anywhere
        return None
    if uden_tom_tekst:
        return tekst[1:-1]
    # ',"tekst":""' is a key and its empty value wherever it is: in a string its quotes are escaped
    return tekst[1:-1].replace(b',"tekst":""', b"")


def _husk_kanonisk(poster: tuple, raa: list, tal: list[Decimal], uden_tom_tekst: bool = True) -> None:
    tekst = _kanonisk(raa, tal, uden_tom_tekst)
    if tekst is not None:
        _KANONISK[id(poster)] = (poster, tekst)


def kanonisk(poster: tuple) -> bytes | None:
    """The canonical text this reader made of the records `poster` (a tilbud's omkostninger or
    anlaeg, the same tuple), given once: the fingerprint keeps what it has written. None for
    records it did not read."""
    husket = _KANONISK.pop(id(poster), None)
    if husket is None or husket[0] is not poster:
        return None
    return husket[1]


def laes(tekst: str) -> m.Takstgrundlag | None:
    """The records of a takstgrundlag/1 text, the same as the field readers give; or None, and the
    ordinary reader reads it (and names what is wrong)."""
    if len(tekst) > MAKS_TEGN:
        return None
    try:
        b = tekst.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate in the text itself
        return None
    return _laes(b, b)


_BOM = b"\xef\xbb\xbf"


def laes_utf8(b: bytes) -> m.Takstgrundlag | None:
    """The same for a file's bytes, as laes_fil reads them (UTF-8, a BOM at the start left out):
    msgspec refuses what is not UTF-8, so the ordinary reader names it."""
    return _laes(b, memoryview(b)[3:] if b.startswith(_BOM) else b)


def _laes(b: bytes, json_tekst) -> m.Takstgrundlag | None:
    _KANONISK.clear()
    if not _sikker_tekst(b):
        return None
    # A large text is about a million objects without cycles (the mirrors, the records, their
    # columns): the cyclic garbage collector's passes over them while they are made free nothing.
    gc_var_aktiv = gc.isenabled()
    gc.disable()
    try:
        try:
            d = _DEKODER.decode(json_tekst)
        except (msgspec.MsgspecError, ValueError, TypeError, RecursionError):
            return None
        try:
            return _Laeser().grundlag(d)
        except _Afvist:
            return None
    finally:
        if gc_var_aktiv:
            gc.enable()
