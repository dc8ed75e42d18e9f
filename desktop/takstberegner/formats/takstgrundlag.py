"""The takstgrundlag/1 JSON format: read into the domain model, and write it back.

Reading checks syntax only: the document's shape, known keys, required keys, types, parseable
numbers and dates; anything else raises an InputError naming the field path and value. What the
values mean (ranges, references, unique ids, what a takststruktur needs) is checked by
domain/validering.py for every door alike, so a document with a bad value loads and shows
INPUT findings. Writing gives one canonical document: every key, in a fixed order,
amounts as decimal strings; `kanonisk_bytes` (sorted keys, no whitespace) is what is hashed.
The v2 fields (SPEC v2) are optional additions: they are written only when set, so a v1
document's canonical form, and so its fingerprint, is unchanged.
"""
from __future__ import annotations

import hashlib
import json
import sys
from collections import deque
from dataclasses import replace
from datetime import date
from decimal import Decimal
from itertools import chain, compress, repeat
from json.encoder import encode_basestring as _js
from pathlib import Path
from typing import Any

from takstberegner.domain import model as m
from takstberegner.domain import navne
from takstberegner.domain.linjekolonner import anlaegkolonner, linjekolonner
from takstberegner.fejltekst import os_fejl
from takstberegner.formats import laeser as L
from takstberegner.formats.fejl import InputError, json_syntaksfejl

FORMAT = "takstgrundlag/1"
_HUNDRED = Decimal(100)
_ZERO = Decimal(0)


# ---------------------------------------------------------------- reading
MAKS_FIL = 64 * 1024 * 1024  # bytes of a takstgrundlag file (the large driftsherre's is 4 MB)


def laes_fil(sti: str | Path) -> m.Takstgrundlag:
    """The file's bytes decoded in C when they surely read the same (formats/hurtig_laesning.py);
    otherwise read as UTF-8 text (a BOM left out, universal newlines) by laes_tekst_almindeligt.
    Only a regular file within MAKS_FIL is read, and at most that much of it: a 3 GB file took
    6 GB of memory and half a minute before it was refused, and a device or a pipe was read for ever.
    A file of another kind (a .takst, a workbook, a PDF, an indmelding) is named as such."""
    p = Path(sti)
    try:
        data = _laes_begraenset(p)
    except FileNotFoundError:
        raise InputError("", f"filen {p} findes ikke") from None
    except OSError as e:
        raise InputError("", f"filen {p} kan ikke læses: {os_fejl(e)}") from None
    from takstberegner.formats import hurtig_laesning

    hurtigt = hurtig_laesning.laes_utf8(data)
    if hurtigt is not None:
        return hurtigt
    _ikke_et_takstgrundlag(p, data)
    try:
        tekst = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("", f"filen {p.name} kan ikke læses som et takstgrundlag: "
                         "den er ikke tekst, eller teksten er gemt i en anden tegnkodning") from None
    del data
    if "\r" in tekst:  # as read_text reads it
        tekst = tekst.replace("\r\n", "\n").replace("\r", "\n")
    try:
        return _laes_tekst(tekst, hurtigt=False)
    except InputError as e:
        if e.sti or not e.besked.startswith(("filen ", "Takstgrundlaget ")):
            raise
        # the text's own messages do not know the file's name: "filen x.json kan ikke læses …"
        hvad = "filen" if e.besked.startswith("filen ") else "Takstgrundlaget"
        raise InputError("", f"{hvad} {p.name}{e.besked[len(hvad):]}") from None


def _laes_begraenset(p: Path) -> bytes:
    import os
    import stat

    if not stat.S_ISREG(os.stat(p).st_mode):  # before open(), which waits for a pipe's writer
        if p.is_dir():
            raise InputError("", f"{p.name} er en mappe, ikke et takstgrundlag")
        raise InputError("", f"{p.name} er ikke en almindelig fil, men fx en enhed eller en kanal, og ikke et "
                         "takstgrundlag")
    with open(p, "rb") as f:
        stoerrelse = os.fstat(f.fileno()).st_size
        data = f.read(MAKS_FIL + 1) if stoerrelse <= MAKS_FIL else b""
    if stoerrelse > MAKS_FIL or len(data) > MAKS_FIL:
        mb = max(stoerrelse, len(data)) // (1024 * 1024)
        raise InputError("", f"filen {p.name} fylder {mb:_} MB, langt mere end et takstgrundlag kan (højst "
                         f"{MAKS_FIL // (1024 * 1024)} MB), og læses ikke".replace("_", "."))
    return data


def _ikke_et_takstgrundlag(p: Path, data: bytes) -> None:
    """InputError naming what the file is, when it is plainly another kind of file."""
    from takstberegner.formats import filart

    slags = filart.slags(data[:4096])
    if slags is None or slags in (filart.TAKSTGRUNDLAG, filart.JSON):
        return
    raad = {
        filart.TAKSTFIL: f"; omdøb den, så navnet ender på .takst, og vælg den igen",
        filart.EXCEL: ". Et budget i et regneark indlæses i en takstfil med Importér budget fra Excel",
        filart.INDMELDING: ". En indmeldingsfil kontrolleres med Kontrollér indmelding (verificer)",
        filart.TAKSTER: ". Vælg takstgrundlaget (.json) eller takstfilen (.takst), som taksterne er beregnet af",
    }.get(slags, ". Vælg en takstfil (.takst) eller et takstgrundlag (.json)")
    raise InputError("", f"filen {p.name} er {filart.NAVNE[slags]}, ikke et takstgrundlag{raad}")


def laes_tekst(tekst: str) -> m.Takstgrundlag:
    """The text decoded in C when it surely reads the same (formats/hurtig_laesning.py); otherwise,
    and for every text with something wrong, read here, where the message names what is wrong."""
    return _laes_tekst(tekst, hurtigt=True)


def _laes_tekst(tekst: str, hurtigt: bool) -> m.Takstgrundlag:
    if not tekst.strip():
        raise InputError("", "filen er tom; den skal indeholde et takstgrundlag")
    if hurtigt:
        from takstberegner.formats import hurtig_laesning

        g = hurtig_laesning.laes(tekst)
        if g is not None:
            return g
    return laes_tekst_almindeligt(tekst)


def laes_tekst_almindeligt(tekst: str) -> m.Takstgrundlag:
    """The limits check, json.loads and the field readers: the reading every error message comes
    from, and what the fast reading must equal (tests/test_formats/test_hurtig_laesning.py)."""
    from takstberegner.formats import json_graenser

    json_graenser.tjek(tekst, "Takstgrundlaget", maks_tegn=64 * 1024 * 1024, maks_vaerdier=4_000_000)
    try:
        d = json.loads(tekst, parse_float=Decimal)
    except json.JSONDecodeError as e:
        raise InputError("", f"filen kan ikke læses som et takstgrundlag: {json_syntaksfejl(e)}") from None
    return laes_dict(d)


def laes_dict(d: Any) -> m.Takstgrundlag:
    """The records of a parsed takstgrundlag; an InputError names its place in words with the
    names the file gives (a tilbud by its navn: "Bostedet Nord › Budget › linje 2 › Post")."""
    try:
        return _laes_dict(d)
    except InputError as e:
        if e.stedets_sti and e.sted is None:
            e.sted = navne.felt_tekst(e.stedets_sti, d)
        raise


def _andet_format(v: Any) -> str:
    """Why a file whose "format" is not ours is refused, about the file (not a field named Format):
    another version of our format is likely a newer Takstberegner's; the value is quoted as written."""
    if isinstance(v, str) and v.startswith(FORMAT.split("/")[0] + "/"):
        return (f"filen er skrevet i en anden udgave af Takstberegners filformat ({L.vis(v)}), som denne version "
                f"ikke kan læse (den læser {L.vis(FORMAT)}); er filen lavet med en nyere Takstberegner, så opdatér "
                "programmet")
    return f"filen er ikke et takstgrundlag fra Takstberegner (den siger, den er {L.vis(v)})"


def _laes_dict(d: Any) -> m.Takstgrundlag:
    if not isinstance(d, dict):  # the whole file: said as such, not as a field without a place
        indhold = "intet (skrevet null)" if d is None else L.vis(d)
        raise InputError("", f"filen skal indeholde et takstgrundlag ({{…}}), men indeholder {indhold}")
    L.objekt(d, "", ("format", "takstaar", "driftsherre", "satser", "overheadpuljer", "tilbud"),
             ("format", "takstaar", "driftsherre", "satser"))
    if d["format"] != FORMAT:
        raise InputError("", _andet_format(d["format"]))
    aar = L.heltal(d, "takstaar", "", kraevet=True)
    dh = _driftsherre(d["driftsherre"])
    tilbud = tuple(_tilbud(t, f"tilbud[{i}]") for i, t in enumerate(L.liste(d.get("tilbud"), "tilbud")))
    satser = _satser(d["satser"])
    puljer = tuple(
        _pulje(p, f"overheadpuljer[{i}]")
        for i, p in enumerate(L.liste(d.get("overheadpuljer"), "overheadpuljer"))
    )
    return m.Takstgrundlag(takstaar=aar, driftsherre=dh, satser=satser, tilbud=tilbud, overheadpuljer=puljer)


def _driftsherre(v: Any) -> m.Driftsherre:
    s = "driftsherre"
    L.objekt(v, s, ("navn", "cvr", "type"), ("navn", "cvr"))
    return m.Driftsherre(
        navn=L.tekst(v, "navn", s, kraevet=True),
        cvr=L.tekst(v, "cvr", s, kraevet=True),
        type=L.tekst(v, "type", s, standard="kommune"),
    )


def _satser(v: Any) -> m.Satser:
    s = "satser"
    L.objekt(v, s, ("rente_anlaeg_pct", "rente_kort_pct", "tjenestemandspension_pct", "vaesentlighed_pct",
                    "pl_fremskrivning_pct"))
    if v.get("rente_anlaeg_pct") is None:
        raise InputError(
            f"{s}.rente_anlaeg_pct",
            "årets rente til forrentning af anlæg mangler; den har ingen standardværdi (SA 5.5.5). "
            "Angiv årets rente for takstberegning, fx \"3.0\"",
        )
    return m.Satser(
        rente_anlaeg_pct=L.tal(v, "rente_anlaeg_pct", s),
        rente_kort_pct=L.tal(v, "rente_kort_pct", s),
        tjenestemandspension_pct=L.tal(v, "tjenestemandspension_pct", s),
        vaesentlighed_pct=L.tal(v, "vaesentlighed_pct", s),
        pl_fremskrivning_pct=L.tal(v, "pl_fremskrivning_pct", s),
    )


def _tal_tabel(v: Any, s: str, hvad: str) -> tuple[tuple[str, Decimal], ...]:
    """An object of names to numbers ({"Aalborg": "120000"}), as pairs in document order."""
    if v is None:
        return ()
    if not isinstance(v, dict):
        raise InputError(s, f"skal være et objekt med {hvad}, men er {L.vis(v)}")
    return tuple((k, L.decimal_af(x, f"{s}.{k}")) for k, x in v.items())


def _pulje(v: Any, s: str) -> m.Overheadpulje:
    L.objekt(v, s, ("id", "navn", "beloeb", "driftsandel_pct", "noegle", "omfang", "oevrige_modtagere", "andele",
                    "kategori"), ("id", "beloeb", "noegle"))
    omfang_v = v.get("omfang", "alle")
    if omfang_v is None or omfang_v == "alle":
        omfang = None
    elif isinstance(omfang_v, list):
        for j, tid in enumerate(omfang_v):
            if not isinstance(tid, str):
                raise InputError(f"{s}.omfang[{j}]", f"skal være et tilbuds id (tekst), men er {L.vis(tid)}")
        omfang = tuple(omfang_v)
    else:
        raise InputError(f"{s}.omfang", f"skal være \"alle\" eller en liste af tilbud-id'er, men er {L.vis(omfang_v)}")
    oevrige = []
    for j, o in enumerate(L.liste(v.get("oevrige_modtagere"), f"{s}.oevrige_modtagere")):
        so = f"{s}.oevrige_modtagere[{j}]"
        L.objekt(o, so, ("id", "navn", "noegletal"), ("id",))
        oevrige.append(m.OevrigModtager(
            id=L.tekst(o, "id", so, kraevet=True),
            navn=L.tekst(o, "navn", so),
            noegletal=L.tal(o, "noegletal", so, standard=_ZERO),
        ))
    return m.Overheadpulje(
        id=L.tekst(v, "id", s, kraevet=True),
        navn=L.tekst(v, "navn", s),
        beloeb=L.tal(v, "beloeb", s, kraevet=True),
        noegle=L.tekst(v, "noegle", s, kraevet=True),
        driftsandel_pct=L.tal(v, "driftsandel_pct", s, standard=_HUNDRED),
        omfang=omfang,
        oevrige_modtagere=tuple(oevrige),
        andele=_tal_tabel(v.get("andele"), f"{s}.andele", "modtager-id og procent"),
        kategori=L.tekst(v, "kategori", s) or None,
    )


_TILBUD_FELTER = (
    "id", "navn", "tilbudsportal_id", "paragraf", "kategori", "tilbudstype", "korte_forloeb", "nyt_tilbud",
    "saerlige_vilkaar", "pladser", "pladser_forrige_aar", "belaegning", "noegletal", "takststruktur", "enheder",
    "fordeling", "ydelser", "omkostninger", "anlaeg", "driftskapital", "oevrige_indtaegter", "resultater",
    "hensaettelser", "tillaegsydelser", "bemaerkninger", "foerste_driftsaar", "objektiv_finansiering",
)


def _tilbud(v: Any, s: str) -> m.Tilbud:
    L.objekt(v, s, _TILBUD_FELTER, ("id", "navn", "kategori", "tilbudstype", "pladser", "takststruktur"))
    enheder = None
    e = v.get("enheder")
    if e is not None:
        se = f"{s}.enheder"
        L.objekt(e, se, ("enhed", "antal"), ("enhed", "antal"))
        enheder = m.Enheder(enhed=L.tekst(e, "enhed", se, kraevet=True), antal=L.tal(e, "antal", se, kraevet=True))
    sv = v.get("saerlige_vilkaar")
    saerlige = None
    if sv is not None:
        L.objekt(sv, f"{s}.saerlige_vilkaar", ("beskrivelse", "godkendt"), ("beskrivelse",))
        saerlige = m.SaerligeVilkaar(
            beskrivelse=L.tekst(sv, "beskrivelse", f"{s}.saerlige_vilkaar", kraevet=True),
            godkendt=L.dato(sv, "godkendt", f"{s}.saerlige_vilkaar"),
        )
    nt = v.get("noegletal")
    noegletal: tuple[tuple[str, Decimal], ...] = ()
    if nt is not None:
        L.objekt(nt, f"{s}.noegletal", ("aarsvaerk", "m2"))
        noegletal = tuple(
            (k, L.tal(nt, k, f"{s}.noegletal")) for k in ("aarsvaerk", "m2") if nt.get(k) is not None
        )
    dk = v.get("driftskapital")
    driftskapital = None
    if dk is not None:
        L.objekt(dk, f"{s}.driftskapital", ("maaneder",))
        driftskapital = m.Driftskapital(maaneder=L.tal(dk, "maaneder", f"{s}.driftskapital"))

    def samling(navn: str, laes, skema: tuple | None = None) -> tuple:
        raa = L.liste(v.get(navn), f"{s}.{navn}")
        hurtigt = None if skema is None else _mange(raa, skema)
        if hurtigt is not None:
            return hurtigt
        return tuple(laes(x, f"{s}.{navn}[{i}]") for i, x in enumerate(raa))

    return m.Tilbud(
        id=L.tekst(v, "id", s, kraevet=True),
        navn=L.tekst(v, "navn", s, kraevet=True),
        tilbudsportal_id=L.tekst(v, "tilbudsportal_id", s),
        paragraf=L.tekst(v, "paragraf", s),
        kategori=L.heltal(v, "kategori", s, kraevet=True),
        tilbudstype=L.tekst(v, "tilbudstype", s, kraevet=True),
        korte_forloeb=L.sandhed(v, "korte_forloeb", s),
        nyt_tilbud=L.sandhed(v, "nyt_tilbud", s),
        saerlige_vilkaar=saerlige,
        pladser=L.heltal(v, "pladser", s, kraevet=True),
        pladser_forrige_aar=L.heltal(v, "pladser_forrige_aar", s),
        belaegning=_belaegning(v.get("belaegning"), f"{s}.belaegning"),
        noegletal=noegletal,
        takststruktur=L.tekst(v, "takststruktur", s, kraevet=True),
        enheder=enheder,
        fordeling=_tal_tabel(v.get("fordeling"), f"{s}.fordeling", "kommune og nøgletal"),
        ydelser=samling("ydelser", _ydelse),
        omkostninger=samling("omkostninger", _linje, _LINJE_SKEMA),
        anlaeg=samling("anlaeg", _anlaeg, _ANLAEG_SKEMA),
        driftskapital=driftskapital,
        oevrige_indtaegter=samling("oevrige_indtaegter", _indtaegt),
        resultater=samling("resultater", _resultat),
        hensaettelser=samling("hensaettelser", _hensaettelse),
        tillaegsydelser=samling("tillaegsydelser", _tillaeg),
        bemaerkninger=L.tekst(v, "bemaerkninger", s),
        foerste_driftsaar=L.heltal(v, "foerste_driftsaar", s),
        objektiv_finansiering=_objektiv(v.get("objektiv_finansiering"), f"{s}.objektiv_finansiering"),
    )


def _objektiv(v: Any, s: str) -> m.ObjektivFinansiering | None:
    if v is None:
        return None
    L.objekt(v, s, ("andel_pct", "fordeling"), ("andel_pct", "fordeling"))
    return m.ObjektivFinansiering(andel_pct=L.tal(v, "andel_pct", s, kraevet=True),
                                  fordeling=_tal_tabel(v["fordeling"], f"{s}.fordeling", "kommune og nøgletal"))


def _belaegning(v: Any, s: str) -> m.Belaegning | None:
    if v is None:
        return None
    L.objekt(v, s, ("metode", "faktisk_pct", "pct", "begrundelse"), ("metode",))
    faktisk: list[tuple[int, Decimal]] = []
    f = v.get("faktisk_pct")
    if f is not None:
        if not isinstance(f, dict):
            raise InputError(f"{s}.faktisk_pct", "skal være de faktiske belægningsprocenter pr. år, fx {\"2023\": \"96.2\", \"2024\": \"97.8\"}")
        for k, x in f.items():
            try:
                y = int(k)
            except ValueError:
                raise InputError(f"{s}.faktisk_pct.{k}", f"{L.vis(k)} er ikke et årstal") from None
            faktisk.append((y, L.decimal_af(x, f"{s}.faktisk_pct.{k}")))
    return m.Belaegning(metode=L.tekst(v, "metode", s, kraevet=True), faktisk_pct=tuple(faktisk),
                        pct=L.tal(v, "pct", s), begrundelse=L.tekst(v, "begrundelse", s))


def _ydelse(v: Any, s: str) -> m.Ydelse:
    L.objekt(v, s, ("id", "navn", "pladser", "stoettetimer_uge", "forrige_takst", "sundhedsydelser", "belaegning",
                    "korte_forloeb"), ("id",))
    return m.Ydelse(
        id=L.tekst(v, "id", s, kraevet=True),
        navn=L.tekst(v, "navn", s),
        pladser=L.heltal(v, "pladser", s, standard=0),
        stoettetimer_uge=L.tal(v, "stoettetimer_uge", s),
        forrige_takst=L.tal(v, "forrige_takst", s),
        sundhedsydelser=L.tekst(v, "sundhedsydelser", s),
        belaegning=_belaegning(v.get("belaegning"), f"{s}.belaegning"),
        korte_forloeb=L.sandhed(v, "korte_forloeb", s),
    )


_LINJE_FELTER = ("kategori", "post", "beloeb", "vagtlag", "del", "ydelse", "tjenestemand_loen",
                 "tjenestemandspension", "anlaeg", "tekst")


def _linje(v: Any, s: str) -> m.Omkostningslinje:
    L.objekt(v, s, _LINJE_FELTER, ("kategori", "post", "beloeb"))
    return m.Omkostningslinje(
        kategori=L.tekst(v, "kategori", s, kraevet=True),
        post=L.tekst(v, "post", s, kraevet=True),
        beloeb=L.tal(v, "beloeb", s, kraevet=True),
        vagtlag=L.sandhed(v, "vagtlag", s),
        del_=L.tekst(v, "del", s) or None,
        ydelse=L.tekst(v, "ydelse", s) or None,
        tjenestemand_loen=L.tal(v, "tjenestemand_loen", s),
        tjenestemandspension=L.tal(v, "tjenestemandspension", s),
        anlaeg=L.tekst(v, "anlaeg", s) or None,
        tekst=L.tekst(v, "tekst", s),
    )


def _anlaeg(v: Any, s: str) -> m.Anlaeg:
    L.objekt(v, s, ("id", "navn", "type", "anskaffelsesvaerdi", "ibrugtagning", "levetid_aar", "restvaerdi",
                    "finansiering", "andel_pct"), ("id", "type", "anskaffelsesvaerdi", "ibrugtagning"))
    return m.Anlaeg(
        id=L.tekst(v, "id", s, kraevet=True),
        navn=L.tekst(v, "navn", s),
        type=L.tekst(v, "type", s, kraevet=True),
        anskaffelsesvaerdi=L.tal(v, "anskaffelsesvaerdi", s, kraevet=True),
        ibrugtagning=L.dato(v, "ibrugtagning", s, kraevet=True),
        finansiering=L.tekst(v, "finansiering", s, standard="ejet"),
        levetid_aar=L.heltal(v, "levetid_aar", s),
        restvaerdi=L.tal(v, "restvaerdi", s, standard=_ZERO),
        andel_pct=L.tal(v, "andel_pct", s, standard=_HUNDRED),
    )


# ---- many records in one go -------------------------------------------------------------------
# 20.000 budget lines and 3.000 anlæg are read column by column at C speed: each column's values
# are checked and converted together, and the records are built from their dicts
# (model.byg_mange). The same values as the field readers above, or None: then the field readers
# go through the list one record at a time and name the first field that is wrong.
_KRAEVET_TEKST, _TEKST, _TEKST_ELLER_INGEN, _KRAEVET_TAL, _TAL, _HELTAL, _SANDHED, _KRAEVET_DATO = range(8)
_KRAEVEDE = frozenset((_KRAEVET_TEKST, _KRAEVET_TAL, _KRAEVET_DATO))
_INGEN_TYPE = type(None)
_TAL_TYPER = frozenset((str, int, Decimal))
_MANGLER = object()  # a key the record does not have
_SLAGS_TYPE = {_TEKST: str, _TEKST_ELLER_INGEN: str, _HELTAL: int, _SANDHED: bool}


class _Afvist(Exception):
    """A column the batch reader leaves to the field readers."""


def _tal(kol: list, typer: set) -> list:
    """Decimals of a column of numbers (str, int or Decimal), finite and not unreasonable
    (laeser._urimelig): checked in bulk by their exponents and lengths, one by one only for a
    column that mixes types."""
    if not kol:
        return []
    try:
        tal = list(map(Decimal, kol))
    except (ArithmeticError, ValueError, TypeError):
        raise _Afvist from None
    if not all(map(Decimal.is_finite, tal)):
        raise _Afvist
    if typer == {str}:  # at most 50 characters and |adjusted| <= 50: fewer than 100 decimals
        stoerrelser = list(map(Decimal.adjusted, tal))
        rimelige = max(map(len, kol)) <= 50 and min(stoerrelser) >= -50 and max(stoerrelser) <= 50
    elif typer == {int}:
        rimelige = max(map(Decimal.adjusted, tal)) <= L.MAKS_STOERRELSE
    else:
        rimelige = not any(map(L.urimelig, tal))
    if not rimelige:
        raise _Afvist
    return tal


def _kolonne(kol: list, slags: int, standard: Any, alle: bool) -> list | dict | None:
    """A column's values for the records: None (as read, or left to the class's default where the
    key is missing), a list (every record; with `alle` always), a dict (position -> value, only
    those records); or _Afvist. `kol` holds _MANGLER where a record lacks the key."""
    typer = set(map(type, kol))
    mangler = object in typer
    typer.discard(object)
    if slags in _KRAEVEDE:
        if mangler or _INGEN_TYPE in typer:
            raise _Afvist
        if slags == _KRAEVET_TAL:
            if not typer <= _TAL_TYPER:
                raise _Afvist
            return _tal(kol, typer)
        if typer != {str}:
            raise _Afvist
        if slags == _KRAEVET_DATO:
            try:
                return list(map(date.fromisoformat, kol))
            except ValueError:
                raise _Afvist from None
        if not all(x.strip() for x in set(kol)):
            raise _Afvist
        return None
    til_standard = {None: standard, _MANGLER: standard}
    if slags == _TAL:
        if not typer - {_INGEN_TYPE} <= _TAL_TYPER:
            raise _Afvist
        if not mangler and _INGEN_TYPE not in typer:
            return _tal(kol, typer)
        if standard is not None:  # Decimal(standard) is standard's value
            return _tal(list(map(til_standard.get, kol, kol)), typer | {Decimal})
        steder = list(compress(range(len(kol)), map(_TAL_TYPER.__contains__, map(type, kol))))
        tal = dict(zip(steder, _tal(list(map(kol.__getitem__, steder)), typer - {_INGEN_TYPE})))
        return [tal.get(i) for i in range(len(kol))] if alle else tal
    if not typer <= {_SLAGS_TYPE[slags], _INGEN_TYPE}:
        raise _Afvist
    if slags == _TEKST_ELLER_INGEN:
        til_standard[""] = None
        saet = alle or "" in set(kol)
    else:
        saet = alle or (standard is not None and _INGEN_TYPE in typer)
    return list(map(til_standard.get, kol, kol)) if saet else None


def _skema(cls: type, *felter: tuple[str, str, int, Any]) -> tuple:
    """(record class, its fields as (JSON key, attribute, kind, default), the keys, the attributes
    whose default the class holds)."""
    standarder = m.klassens_standarder(cls)
    fra_klassen = frozenset(a for _, a, _, std in felter if a in standarder
                            and type(standarder[a]) is type(std) and standarder[a] == std)
    return cls, felter, frozenset(n for n, _, _, _ in felter), fra_klassen


_LINJE_SKEMA = _skema(
    m.Omkostningslinje, ("kategori", "kategori", _KRAEVET_TEKST, None), ("post", "post", _KRAEVET_TEKST, None),
    ("beloeb", "beloeb", _KRAEVET_TAL, None), ("vagtlag", "vagtlag", _SANDHED, False),
    ("del", "del_", _TEKST_ELLER_INGEN, None), ("ydelse", "ydelse", _TEKST_ELLER_INGEN, None),
    ("tjenestemand_loen", "tjenestemand_loen", _TAL, None),
    ("tjenestemandspension", "tjenestemandspension", _TAL, None),
    ("anlaeg", "anlaeg", _TEKST_ELLER_INGEN, None), ("tekst", "tekst", _TEKST, ""))
_ANLAEG_SKEMA = _skema(
    m.Anlaeg, ("id", "id", _KRAEVET_TEKST, None), ("navn", "navn", _TEKST, ""), ("type", "type", _KRAEVET_TEKST, None),
    ("anskaffelsesvaerdi", "anskaffelsesvaerdi", _KRAEVET_TAL, None),
    ("ibrugtagning", "ibrugtagning", _KRAEVET_DATO, None), ("levetid_aar", "levetid_aar", _HELTAL, None),
    ("restvaerdi", "restvaerdi", _TAL, _ZERO), ("finansiering", "finansiering", _TEKST, "ejet"),
    ("andel_pct", "andel_pct", _TAL, _HUNDRED))


def _mange(raa: list, skema: tuple) -> tuple | None:
    """The records of a list of JSON objects read column by column, or None when some value needs
    the field readers (to be read one by one, or to name what is wrong)."""
    if not raa:
        return ()
    cls, felter, tilladte, fra_klassen = skema
    if set(map(type, raa)) != {dict}:
        return None
    noegler = set().union(*raa)
    if not noegler <= tilladte:
        return None
    poster = list(map(dict.copy, raa))
    try:
        for noegle, attr, slags, standard in felter:
            if noegle not in noegler:
                if slags in _KRAEVEDE:
                    return None
                if attr not in fra_klassen:
                    deque(map(dict.__setitem__, poster, repeat(attr), repeat(standard)), maxlen=0)
                continue
            omdoebt = attr != noegle
            ny = _kolonne(list(map(dict.get, raa, repeat(noegle), repeat(_MANGLER))), slags, standard,
                          omdoebt or attr not in fra_klassen)
            if omdoebt:
                deque(map(dict.pop, poster, repeat(noegle), repeat(None)), maxlen=0)
            if type(ny) is dict:
                for i, x in ny.items():
                    poster[i][attr] = x
            elif ny is not None:
                deque(map(dict.__setitem__, poster, repeat(attr), ny), maxlen=0)
    except _Afvist:
        return None
    return tuple(m.byg_mange(cls, poster))


def _indtaegt(v: Any, s: str) -> m.OevrigIndtaegt:
    L.objekt(v, s, ("post", "beloeb"), ("post", "beloeb"))
    return m.OevrigIndtaegt(post=L.tekst(v, "post", s, kraevet=True), beloeb=L.tal(v, "beloeb", s, kraevet=True))


def _resultat(v: Any, s: str) -> m.Resultat:
    L.objekt(v, s, ("aar", "resultat", "grundlag", "valg", "indregnet_tidligere", "nyt_tilbud_foerste_aar"),
             ("aar", "resultat", "grundlag"))
    return m.Resultat(
        aar=L.heltal(v, "aar", s, kraevet=True),
        resultat=L.tal(v, "resultat", s, kraevet=True),
        grundlag=L.tal(v, "grundlag", s, kraevet=True),
        valg=L.tekst(v, "valg", s, standard="indregn"),
        indregnet_tidligere=L.tal(v, "indregnet_tidligere", s, standard=_ZERO),
        nyt_tilbud_foerste_aar=L.sandhed(v, "nyt_tilbud_foerste_aar", s),
    )


def _hensaettelse(v: Any, s: str) -> m.Hensaettelse:
    L.objekt(v, s, ("aar", "beloeb", "brugt"), ("aar", "beloeb"))
    return m.Hensaettelse(aar=L.heltal(v, "aar", s, kraevet=True), beloeb=L.tal(v, "beloeb", s, kraevet=True),
                          brugt=L.tal(v, "brugt", s, standard=_ZERO))


def _tillaeg(v: Any, s: str) -> m.Tillaegsydelse:
    L.objekt(v, s, ("personalekategori", "timeomkostning", "fravaer_pct", "vfo_pct", "tidsrum"),
             ("personalekategori", "timeomkostning", "tidsrum"))
    return m.Tillaegsydelse(
        personalekategori=L.tekst(v, "personalekategori", s, kraevet=True),
        timeomkostning=L.tal(v, "timeomkostning", s, kraevet=True),
        tidsrum=_tal_tabel(v["tidsrum"], f"{s}.tidsrum", "tidsrum og døgnkoefficient i procent"),
        fravaer_pct=L.tal(v, "fravaer_pct", s, standard=_ZERO),
        vfo_pct=L.tal(v, "vfo_pct", s),
    )


# ---------------------------------------------------------------- writing
def _d(x: Decimal | None) -> str | None:
    return None if x is None else format(x, "f")


def skriv_dict(g: m.Takstgrundlag) -> dict:
    return {
        "format": FORMAT,
        "takstaar": g.takstaar,
        "driftsherre": {"navn": g.driftsherre.navn, "cvr": g.driftsherre.cvr, "type": g.driftsherre.type},
        "satser": {
            "rente_anlaeg_pct": _d(g.satser.rente_anlaeg_pct),
            "rente_kort_pct": _d(g.satser.rente_kort_pct),
            "tjenestemandspension_pct": _d(g.satser.tjenestemandspension_pct),
            "vaesentlighed_pct": _d(g.satser.vaesentlighed_pct),
            **_hvis("pl_fremskrivning_pct", _d(g.satser.pl_fremskrivning_pct)),
        },
        "overheadpuljer": [_skriv_pulje(p) for p in g.overheadpuljer],
        "tilbud": [_skriv_tilbud(t) for t in g.tilbud],
    }


def _skriv_pulje(p: m.Overheadpulje) -> dict:
    d = {
        "id": p.id, "navn": p.navn, "beloeb": _d(p.beloeb), "driftsandel_pct": _d(p.driftsandel_pct),
        "noegle": p.noegle, "omfang": "alle" if p.omfang is None else list(p.omfang),
        "oevrige_modtagere": [{"id": o.id, "navn": o.navn, "noegletal": _d(o.noegletal)} for o in p.oevrige_modtagere],
    }
    if p.noegle == "fast":
        d["andele"] = {k: _d(v) for k, v in p.andele}
    d.update(_hvis("kategori", p.kategori))
    return d


def _hvis(k: str, v: Any) -> dict:
    """A v2 key only when it is set (None/False leave it out): v1 documents keep their bytes."""
    return {} if v is None or v is False else {k: v}


def _skriv_belaegning(b: m.Belaegning | None) -> dict | None:
    if b is None:
        return None
    bel: dict[str, Any] = {"metode": b.metode}
    if b.metode == "beregnet":
        bel["faktisk_pct"] = {str(y): _d(p) for y, p in b.faktisk_pct}
    else:
        bel["pct"] = _d(b.pct)
    bel["begrundelse"] = b.begrundelse
    return bel


def _skriv_ydelse(y: m.Ydelse) -> dict:
    return {
        "id": y.id, "navn": y.navn, "pladser": y.pladser, "stoettetimer_uge": _d(y.stoettetimer_uge),
        "forrige_takst": _d(y.forrige_takst), "sundhedsydelser": y.sundhedsydelser,
        **_hvis("belaegning", _skriv_belaegning(y.belaegning)), **_hvis("korte_forloeb", y.korte_forloeb),
    }


def _skriv_tilbud(t: m.Tilbud, linjer_og_anlaeg: bool = True) -> dict:
    """The tilbud's dict; without `linjer_og_anlaeg`, "omkostninger" and "anlaeg" are empty (the
    fingerprint writes them itself)."""
    of = t.objektiv_finansiering
    return {
        "id": t.id, "navn": t.navn, "tilbudsportal_id": t.tilbudsportal_id, "paragraf": t.paragraf,
        "kategori": t.kategori, "tilbudstype": t.tilbudstype, "korte_forloeb": t.korte_forloeb,
        "nyt_tilbud": t.nyt_tilbud,
        "saerlige_vilkaar": None if t.saerlige_vilkaar is None else {
            "beskrivelse": t.saerlige_vilkaar.beskrivelse,
            "godkendt": t.saerlige_vilkaar.godkendt.isoformat() if t.saerlige_vilkaar.godkendt else None,
        },
        "pladser": t.pladser, "pladser_forrige_aar": t.pladser_forrige_aar,
        "belaegning": _skriv_belaegning(t.belaegning),
        "noegletal": {k: _d(v) for k, v in t.noegletal},
        "takststruktur": t.takststruktur,
        "enheder": None if t.enheder is None else {"enhed": t.enheder.enhed, "antal": _d(t.enheder.antal)},
        "fordeling": {k: _d(v) for k, v in t.fordeling} if t.takststruktur == "traekningsret" else None,
        "ydelser": [_skriv_ydelse(y) for y in t.ydelser],
        "omkostninger": [_skriv_linje(x) for x in t.omkostninger] if linjer_og_anlaeg else [],
        "anlaeg": [_skriv_anlaeg(a) for a in t.anlaeg] if linjer_og_anlaeg else [],
        "driftskapital": None if t.driftskapital is None else {"maaneder": _d(t.driftskapital.maaneder)},
        "oevrige_indtaegter": [{"post": x.post, "beloeb": _d(x.beloeb)} for x in t.oevrige_indtaegter],
        "resultater": [
            {"aar": r.aar, "resultat": _d(r.resultat), "grundlag": _d(r.grundlag), "valg": r.valg,
             "indregnet_tidligere": _d(r.indregnet_tidligere), "nyt_tilbud_foerste_aar": r.nyt_tilbud_foerste_aar}
            for r in t.resultater
        ],
        "hensaettelser": [{"aar": h.aar, "beloeb": _d(h.beloeb), "brugt": _d(h.brugt)} for h in t.hensaettelser],
        "tillaegsydelser": [
            {"personalekategori": x.personalekategori, "timeomkostning": _d(x.timeomkostning),
             "fravaer_pct": _d(x.fravaer_pct), "vfo_pct": _d(x.vfo_pct),
             "tidsrum": {k: _d(v) for k, v in x.tidsrum}}
            for x in t.tillaegsydelser
        ],
        "bemaerkninger": t.bemaerkninger,
        **_hvis("foerste_driftsaar", t.foerste_driftsaar),
        **_hvis("objektiv_finansiering", None if of is None else {
            "andel_pct": _d(of.andel_pct), "fordeling": {k: _d(v) for k, v in of.fordeling}}),
    }


def _skriv_anlaeg(a: m.Anlaeg) -> dict:
    return {"id": a.id, "navn": a.navn, "type": a.type, "anskaffelsesvaerdi": _d(a.anskaffelsesvaerdi),
            "ibrugtagning": a.ibrugtagning.isoformat(), "levetid_aar": a.levetid_aar,
            "restvaerdi": _d(a.restvaerdi), "finansiering": a.finansiering, "andel_pct": _d(a.andel_pct)}


def _skriv_linje(x: m.Omkostningslinje) -> dict:
    d = {
        "kategori": x.kategori, "post": x.post, "beloeb": _d(x.beloeb), "vagtlag": x.vagtlag, "del": x.del_,
        "ydelse": x.ydelse, "tjenestemand_loen": _d(x.tjenestemand_loen),
        "tjenestemandspension": _d(x.tjenestemandspension), "anlaeg": x.anlaeg,
    }
    if x.tekst:
        d["tekst"] = x.tekst
    return d


def skriv_tekst(g: m.Takstgrundlag) -> str:
    """json.dumps(skriv_dict(g), ensure_ascii=False, indent=2) + newline, written faster (json_skriv)."""
    from takstberegner.formats import json_skriv

    return json_skriv.indrykket(skriv_dict(g), 2) + "\n"


def _kanonisk(d: Any) -> str:
    return json.dumps(d, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _decimaltekster(kolonne) -> list[str]:
    """format(x, "f") of each Decimal: str writes the same text but for 1E+3 and 1E-7 (where the
    canonical text has 1000 and 0.0000001), so str is used unless it wrote an exponent. TypeError
    for a value that is no Decimal (Decimal.__str__ checks each)."""
    tekster = list(map(Decimal.__str__, kolonne))
    if "E" in "".join(tekster):
        tekster = list(map(format, kolonne, repeat("f")))
    return tekster


def _json(x: Any) -> str:
    """x as json.dumps writes it (a text with json's own escaping, without ensure_ascii)."""
    if x is None:
        return "null"
    return _js(x) if type(x) is str else json.dumps(x, ensure_ascii=False)


def _dec_json(x: Decimal | None) -> str:
    """json.dumps of _d(x)."""
    return "null" if x is None else f'"{format(x, "f")}"'


class _Tekster(dict):
    """Canonical pieces of one column's values, each written once (a column repeats few values)."""

    __slots__ = ("skriv",)

    def __init__(self, skriv) -> None:
        super().__init__()
        self.skriv = skriv

    def __missing__(self, v: Any) -> str:
        self[v] = tekst = self.skriv(v)
        return tekst


_LINJE_START = '{"anlaeg":null,"beloeb":"'
_VAGTLAG = {id(True): 'true,"ydelse":', id(False): 'false,"ydelse":'}  # by identity: 1 is no bool


def _linjedele() -> tuple[_Tekster, ...]:
    """The pieces of a budget line after its amount, by its del_, kategori, post, tekst and ydelse;
    each piece ends with the next key (json.dumps's order: the keys sorted)."""
    return (_Tekster(lambda v: f'","del":{_json(v)},"kategori":'), _Tekster(lambda v: f'{_json(v)},"post":'),
            _Tekster(_json),
            _Tekster(lambda v: (f',"tekst":{_json(v)}' if v else "")
                     + ',"tjenestemand_loen":null,"tjenestemandspension":null,"vagtlag":'),
            _Tekster(lambda v: f"{_json(v)}}},"))


def _kanonisk_linjer(linjer: tuple[m.Omkostningslinje, ...], dele: tuple[_Tekster, ...]) -> str:
    """The budget lines' canonical texts joined by commas, written directly and column by column:
    the same characters as _kanonisk of _skriv_linje (keys sorted, json's own string escaping).
    The columns are the ones the validation and the calculation use (domain/linjekolonner.py); a
    line's text is its columns' pieces one after the other (`dele`, kept between tilbud); the few
    lines with an anlæg or a tjenestemand amount (`saerlige`) get their own start and piece after
    tekst. Every line is written as json.dumps writes it when an amount is no Decimal or a
    vagtlag no bool. The text
    columns' pieces are kept by value: a text column holds texts or None (the model's types)."""
    if not linjer:
        return ""
    k = linjekolonner(linjer)
    d, kat, post, tekst, yd = (t.__getitem__ for t in dele)
    try:
        kolonner = [repeat(_LINJE_START), _decimaltekster(k.beloeb), map(d, k.del_), map(kat, k.kategori),
                    map(post, k.post), map(tekst, k.tekst), list(map(_VAGTLAG.__getitem__, map(id, k.vagtlag))),
                    map(yd, k.ydelse)]
    except (TypeError, KeyError):
        return ",".join(_kanonisk(_skriv_linje(x)) for x in linjer)
    if k.saerlige:
        # their anlæg is in the start and their tjenestemand amounts in the piece after tekst
        kolonner[0], kolonner[5] = [_LINJE_START] * len(linjer), list(kolonner[5])
        for j in k.saerlige:
            x = linjer[j]
            kolonner[0][j] = f'{{"anlaeg":{_json(x.anlaeg)},"beloeb":"'
            kolonner[5][j] = ((f',"tekst":{_json(x.tekst)}' if x.tekst else "")
                              + f',"tjenestemand_loen":{_dec_json(x.tjenestemand_loen)},'
                              f'"tjenestemandspension":{_dec_json(x.tjenestemandspension)},"vagtlag":')
    # start, amount, del, kategori, post, tekst, vagtlag, ydelse and "}," for each line; the last comma is cut off
    return "".join(chain.from_iterable(zip(*kolonner)))[:-1]


_ANLAEG_NOEGLER = ('{"andel_pct":"', '","anskaffelsesvaerdi":"', '","finansiering":', ',"ibrugtagning":"', '","id":',
                   ',"levetid_aar":', ',"navn":', ',"restvaerdi":"', '","type":')
_HELTAL_ELLER_INGEN = frozenset((int, type(None)))


def _kanonisk_anlaeg(anlaeg: tuple[m.Anlaeg, ...]) -> str:
    """The anlæg's canonical texts joined by commas, written column by column (in the keys' sorted
    order, from the columns the validation and calculation use): each column's values
    are written together (Decimals as format(x, "f"), texts with json's own escaping, which refuses
    anything but a text) and the texts interleaved with the keys. A column of other types than
    the model's is written as json.dumps writes each anlæg."""
    if not anlaeg:
        return ""
    k = anlaegkolonner(anlaeg)  # shared with the validation and the calculation
    andel, anskaffelse, finansiering, ibrugtagning, id_, levetid, navn, rest, type_ = (
        k.andel_pct, k.anskaffelsesvaerdi, k.finansiering, k.ibrugtagning, k.id, k.levetid_aar, k.navn, k.restvaerdi,
        k.type)
    try:
        if set(map(type, ibrugtagning)) != {date} or not set(map(type, levetid)) <= _HELTAL_ELLER_INGEN:
            raise TypeError
        lt = list(map(str, levetid))
        if None in levetid:
            lt = ["null" if x is None else s for x, s in zip(levetid, lt)]
        vaerdier = (_decimaltekster(andel), _decimaltekster(anskaffelse), list(map(_js, finansiering)),
                    map(date.isoformat, ibrugtagning), list(map(_js, id_)), lt, list(map(_js, navn)),
                    _decimaltekster(rest), list(map(_js, type_)))
    except TypeError:
        return ",".join(_kanonisk(_skriv_anlaeg(a)) for a in anlaeg)
    dele: list = []
    for noegle, kolonne in zip(_ANLAEG_NOEGLER, vaerdier):
        dele += (repeat(noegle), kolonne)
    dele.append(repeat("},"))
    # key, value, key, value, ..., "}," for each anlæg; the last comma is cut off
    return "".join(chain.from_iterable(zip(*dele)))[:-1]


_UDEN_START = '{"anlaeg":[],'


def _kanonisk_tilbud(t: m.Tilbud, linjedele: tuple[_Tekster, ...]) -> bytes:
    """A tilbud's canonical text as UTF-8; its anlæg and budget lines (most of a large file) are
    written directly, or taken from the fast reader when it read these records (it writes them
    with msgspec as it reads them; formats/hurtig_laesning.kanonisk). "anlaeg" is the first key
    of the sorted tilbud, and "omkostninger":[] occurs once outside any string (inside one its
    quotes are escaped; a dict's values are texts or null)."""
    uden = _kanonisk(_skriv_tilbud(t, linjer_og_anlaeg=False))
    assert uden.startswith(_UDEN_START)
    foer, _, efter = uden[len(_UDEN_START):].partition('"omkostninger":[]')
    hurtig = sys.modules.get("takstberegner.formats.hurtig_laesning")  # not imported: it read nothing
    anlaeg = hurtig.kanonisk(t.anlaeg) if hurtig is not None and t.anlaeg else None
    if anlaeg is None:
        anlaeg = _kanonisk_anlaeg(t.anlaeg).encode("utf-8", "surrogatepass")
    linjer = hurtig.kanonisk(t.omkostninger) if hurtig is not None and t.omkostninger else None
    if linjer is None:
        linjer = _kanonisk_linjer(t.omkostninger, linjedele).encode("utf-8", "surrogatepass")
    return b"".join((b'{"anlaeg":[', anlaeg, b"],", foer.encode("utf-8", "surrogatepass"), b'"omkostninger":[',
                     linjer, b"]", efter.encode("utf-8", "surrogatepass")))


def kanonisk_bytes(g: m.Takstgrundlag, dele: dict | None = None) -> bytes:
    """Sorted keys, no whitespace, UTF-8: what is hashed (the parts of kanonisk_dele joined)."""
    return b"".join(kanonisk_dele(g, dele))


def kanonisk_dele(g: m.Takstgrundlag, dele: dict | None = None) -> list[bytes]:
    """The canonical text in parts (its start, each tilbud's text and the commas between them, its
    end), which a hash takes one by one without joining 4 MB first. `dele` (id of a tilbud record ->
    (record, its canonical text)) keeps each tilbud's text between calls, so that after an edit only
    the edited tilbud is written again; "tilbud" is the last key, so the texts are joined at the
    end. Each part is encoded by itself (UTF-8 encodes character by character, so the bytes are
    the same as the whole text's)."""
    hoved = skriv_dict(replace(g, tilbud=()))
    tekster = []
    nye = {}
    linjedele = _linjedele()
    for t in g.tilbud:
        gammel = dele.get(id(t)) if dele is not None else None
        tekst = gammel[1] if gammel is not None and gammel[0] is t else _kanonisk_tilbud(t, linjedele)
        nye[id(t)] = (t, tekst)
        tekster.append(tekst)
    if dele is not None:
        dele.clear()
        dele.update(nye)
    start = _kanonisk(hoved)
    assert start.endswith(',"tilbud":[]}')
    # surrogatepass: a lone surrogate from a JSON escape is refused by the validation, not here
    ud = [start[:-len("]}")].encode("utf-8", "surrogatepass")]
    for i, tekst in enumerate(tekster):
        if i:
            ud.append(b",")
        ud.append(tekst)
    ud.append(b"]}")
    return ud


def sha256(g: m.Takstgrundlag, dele: dict | None = None) -> str:
    """SHA-256 of the canonical text (kanonisk_bytes), in hex."""
    h = hashlib.sha256()
    for del_ in kanonisk_dele(g, dele):
        h.update(del_)
    return h.hexdigest()
