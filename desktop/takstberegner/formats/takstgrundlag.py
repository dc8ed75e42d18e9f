"""The takstgrundlag/1 JSON format: read and validate into the domain model, and write it back.

Reading rejects unknown keys, wrong types, negative pladser, years in the future, missing
required satser and dangling references with an InputError naming the field path and value
(finding INPUT, SPEC §5). Writing gives one canonical document: every key, in a fixed order,
amounts as decimal strings; `kanonisk_bytes` (sorted keys, no whitespace) is what is hashed.
"""
from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from takstberegner.domain import model as m
from takstberegner.formats import laeser as L
from takstberegner.formats.fejl import InputError

FORMAT = "takstgrundlag/1"
_HUNDRED = Decimal(100)
_ZERO = Decimal(0)


# ---------------------------------------------------------------- reading
def laes_fil(sti: str | Path) -> m.Takstgrundlag:
    p = Path(sti)
    try:
        tekst = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError("", f"filen {p} findes ikke") from None
    except UnicodeDecodeError:
        raise InputError("", f"filen {p.name} er ikke UTF-8-tekst (er det en JSON-fil?)") from None
    except OSError as e:
        raise InputError("", f"filen {p} kan ikke læses: {e.strerror or e}") from None
    return laes_tekst(tekst)


def laes_tekst(tekst: str) -> m.Takstgrundlag:
    if not tekst.strip():
        raise InputError("", "filen er tom; den skal indeholde et takstgrundlag i JSON")
    try:
        d = json.loads(tekst, parse_float=Decimal)
    except json.JSONDecodeError as e:
        raise InputError("", f"filen er ikke gyldig JSON: linje {e.lineno}, kolonne {e.colno}{_json_fejl(e.msg)}") from None
    return laes_dict(d)


# The json module's messages are English; the user reads Danish (the position says where).
_JSON_FEJL = {
    "Expecting value": "her mangler en værdi",
    "Expecting property name enclosed in double quotes": "feltnavne skal stå i dobbelte anførselstegn",
    "Expecting ',' delimiter": "her mangler et komma",
    "Expecting ':' delimiter": "her mangler et kolon",
    "Extra data": "der står mere efter JSON-dokumentets slutning",
    "Unterminated string starting at": "en tekst mangler sit afsluttende anførselstegn",
    "Invalid control character at": "ugyldigt kontroltegn i en tekst",
}


def _json_fejl(msg: str) -> str:
    dansk = _JSON_FEJL.get(msg)
    return f": {dansk}" if dansk else ""


def laes_dict(d: Any) -> m.Takstgrundlag:
    L.objekt(d, "", ("format", "takstaar", "driftsherre", "satser", "overheadpuljer", "tilbud"),
             ("format", "takstaar", "driftsherre", "satser"))
    if d["format"] != FORMAT:
        raise InputError("format", f"værdien {L.vis(d['format'])} er ikke understøttet; forventet '{FORMAT}'")
    aar = L.heltal(d, "takstaar", "", kraevet=True, min_=2000, max_=2100, hvad="takståret")
    dh = _driftsherre(d["driftsherre"])
    tilbud = tuple(_tilbud(t, f"tilbud[{i}]", aar) for i, t in enumerate(L.liste(d.get("tilbud"), "tilbud")))
    _unikke([t.id for t in tilbud], "tilbud", "id", "tilbud")
    _unikke([y.id for t in tilbud for y in t.ydelser], "tilbud", "ydelser[].id", "ydelse")
    satser = _satser(d["satser"], tilbud, aar)
    puljer = tuple(
        _pulje(p, f"overheadpuljer[{i}]", tilbud)
        for i, p in enumerate(L.liste(d.get("overheadpuljer"), "overheadpuljer"))
    )
    _unikke([p.id for p in puljer], "overheadpuljer", "id", "overheadpulje")
    return m.Takstgrundlag(takstaar=aar, driftsherre=dh, satser=satser, tilbud=tilbud, overheadpuljer=puljer)


def _unikke(ids: list[str], sti: str, felt: str, hvad: str) -> None:
    set_: set[str] = set()
    for i in ids:
        if i in set_:
            raise InputError(f"{sti}", f"id {L.vis(i)} bruges af mere end ét {hvad} ({felt}); hvert id skal være unikt")
        set_.add(i)


def _driftsherre(v: Any) -> m.Driftsherre:
    s = "driftsherre"
    L.objekt(v, s, ("navn", "cvr", "type"), ("navn", "cvr"))
    cvr = L.tekst(v, "cvr", s, kraevet=True)
    if not (len(cvr) == 8 and cvr.isdigit()):
        raise InputError(f"{s}.cvr", f"værdien {L.vis(cvr)} er ikke et CVR-nummer; det skal være 8 cifre")
    return m.Driftsherre(
        navn=L.tekst(v, "navn", s, kraevet=True),
        cvr=cvr,
        type=L.valg(v, "type", s, m.DRIFTSHERRE_TYPER, kraevet=False, standard="kommune"),
    )


def _satser(v: Any, tilbud: tuple[m.Tilbud, ...], aar: int) -> m.Satser:
    s = "satser"
    L.objekt(v, s, ("rente_anlaeg_pct", "rente_kort_pct", "tjenestemandspension_pct", "vaesentlighed_pct"))
    if v.get("rente_anlaeg_pct") is None:
        raise InputError(
            f"{s}.rente_anlaeg_pct",
            "årets rente til forrentning af anlæg mangler; den har ingen standardværdi (SA 5.5.5). "
            "Angiv årets rente for takstberegning, fx \"3.0\"",
        )
    rente_kort = L.tal(v, "rente_kort_pct", s, min_=_ZERO, max_=_HUNDRED, hvad="renten")
    if rente_kort is None:
        for i, t in enumerate(tilbud):
            if t.driftskapital is not None:
                raise InputError(
                    f"{s}.rente_kort_pct",
                    f"den korte rente mangler, men tilbud[{i}] ({t.id}) har forrentning af driftskapital",
                )
            for r in t.resultater:
                if aar - r.aar - 1 > 0:
                    raise InputError(
                        f"{s}.rente_kort_pct",
                        f"den korte rente mangler, men resultatet for {r.aar} i tilbud[{i}] ({t.id}) skal forrentes",
                    )
    return m.Satser(
        rente_anlaeg_pct=L.tal(v, "rente_anlaeg_pct", s, min_=_ZERO, max_=_HUNDRED, hvad="renten"),
        rente_kort_pct=rente_kort,
        tjenestemandspension_pct=L.tal(v, "tjenestemandspension_pct", s, min_=_ZERO, max_=_HUNDRED, hvad="satsen"),
        vaesentlighed_pct=L.tal(v, "vaesentlighed_pct", s, min_=_ZERO, max_=_HUNDRED, hvad="grænsen"),
    )


def _pulje(v: Any, s: str, tilbud: tuple[m.Tilbud, ...]) -> m.Overheadpulje:
    L.objekt(v, s, ("id", "navn", "beloeb", "driftsandel_pct", "noegle", "omfang", "oevrige_modtagere", "andele"),
             ("id", "beloeb", "noegle"))
    noegle = L.valg(v, "noegle", s, m.NOEGLER)
    tilbud_ids = [t.id for t in tilbud]
    omfang_v = v.get("omfang", "alle")
    if omfang_v is None or omfang_v == "alle":
        omfang = None
        i_omfang = list(tilbud)
    elif isinstance(omfang_v, list):
        for j, tid in enumerate(omfang_v):
            if tid not in tilbud_ids:
                raise InputError(f"{s}.omfang[{j}]", f"tilbuddet {L.vis(tid)} findes ikke i filen")
        omfang = tuple(omfang_v)
        i_omfang = [t for t in tilbud if t.id in omfang]
    else:
        raise InputError(f"{s}.omfang", f"skal være \"alle\" eller en liste af tilbud-id'er, men er {L.vis(omfang_v)}")
    oevrige = []
    for j, o in enumerate(L.liste(v.get("oevrige_modtagere"), f"{s}.oevrige_modtagere")):
        so = f"{s}.oevrige_modtagere[{j}]"
        L.objekt(o, so, ("id", "navn", "noegletal"), ("id",))
        oevrige.append(m.OevrigModtager(
            id=L.tekst(o, "id", so, kraevet=True),
            navn=L.tekst(o, "navn", so),
            noegletal=L.tal(o, "noegletal", so, kraevet=(noegle != "fast"), standard=_ZERO, min_=_ZERO,
                            hvad="nøgletallet"),
        ))
    modtagere = tilbud_ids_i = [t.id for t in i_omfang] + [o.id for o in oevrige]
    _unikke(modtagere, f"{s}.oevrige_modtagere", "id", "modtager")
    andele: tuple[tuple[str, Decimal], ...] = ()
    if noegle == "fast":
        a = v.get("andele")
        if not isinstance(a, dict) or not a:
            raise InputError(f"{s}.andele", "nøglen 'fast' kræver andele: modtager-id -> procent")
        par = []
        for k, pv in a.items():
            if k not in tilbud_ids_i:
                raise InputError(f"{s}.andele.{k}", f"modtageren {L.vis(k)} er hverken et tilbud i puljens omfang eller en øvrig modtager")
            par.append((k, L.decimal_af(pv, f"{s}.andele.{k}")))
            if par[-1][1] < 0:
                raise InputError(f"{s}.andele.{k}", f"værdien {L.vis(pv)} er negativ; en andel skal være mindst 0")
        total = sum((x for _, x in par), _ZERO)
        if total != _HUNDRED:
            raise InputError(f"{s}.andele", f"andelene summer til {format(total, 'f')} %, men skal summe til 100 %")
        andele = tuple(par)
    elif v.get("andele") is not None:
        raise InputError(f"{s}.andele", "andele bruges kun med nøglen 'fast'")
    if noegle in ("aarsvaerk", "m2"):
        for t in i_omfang:
            if t.noegletal_for(noegle) is None:
                i = tilbud.index(t)
                raise InputError(
                    f"tilbud[{i}].noegletal.{noegle}",
                    f"overheadpuljen {L.vis(v['id'])} fordeles efter '{noegle}', men tilbuddet {L.vis(t.id)} har ikke dette nøgletal",
                )
    return m.Overheadpulje(
        id=L.tekst(v, "id", s, kraevet=True),
        navn=L.tekst(v, "navn", s),
        beloeb=L.tal(v, "beloeb", s, kraevet=True, min_=_ZERO),
        noegle=noegle,
        driftsandel_pct=L.tal(v, "driftsandel_pct", s, standard=_HUNDRED, min_=_ZERO, max_=_HUNDRED,
                              hvad="driftsandelen"),
        omfang=omfang,
        oevrige_modtagere=tuple(oevrige),
        andele=andele,
    )


_TILBUD_FELTER = (
    "id", "navn", "tilbudsportal_id", "paragraf", "kategori", "tilbudstype", "korte_forloeb", "nyt_tilbud",
    "saerlige_vilkaar", "pladser", "pladser_forrige_aar", "belaegning", "noegletal", "takststruktur", "enheder",
    "fordeling", "ydelser", "omkostninger", "anlaeg", "driftskapital", "oevrige_indtaegter", "resultater",
    "hensaettelser", "tillaegsydelser", "bemaerkninger",
)


def _tilbud(v: Any, s: str, aar: int) -> m.Tilbud:
    L.objekt(v, s, _TILBUD_FELTER, ("id", "navn", "kategori", "tilbudstype", "pladser", "takststruktur"))
    struktur = L.valg(v, "takststruktur", s, m.TAKSTSTRUKTURER)
    ydelser = tuple(_ydelse(y, f"{s}.ydelser[{i}]") for i, y in enumerate(L.liste(v.get("ydelser"), f"{s}.ydelser")))
    ydelse_ids = {y.id for y in ydelser}
    anlaeg = tuple(_anlaeg(a, f"{s}.anlaeg[{i}]") for i, a in enumerate(L.liste(v.get("anlaeg"), f"{s}.anlaeg")))
    _unikke([a.id for a in anlaeg], f"{s}.anlaeg", "id", "anlæg")
    anlaeg_ids = {a.id for a in anlaeg}
    linjer = tuple(
        _linje(x, f"{s}.omkostninger[{i}]", ydelse_ids, anlaeg_ids)
        for i, x in enumerate(L.liste(v.get("omkostninger"), f"{s}.omkostninger"))
    )
    enheder = None
    if struktur == "enhed":
        e = v.get("enheder")
        se = f"{s}.enheder"
        L.objekt(e, se, ("enhed", "antal"), ("enhed", "antal"))
        antal = L.tal(e, "antal", se, kraevet=True, min_=_ZERO, hvad="antallet")
        if antal == 0:
            raise InputError(f"{se}.antal", "antallet af enheder skal være større end 0")
        enheder = m.Enheder(enhed=L.tekst(e, "enhed", se, kraevet=True), antal=antal)
    elif v.get("enheder") is not None:
        raise InputError(f"{s}.enheder", "enheder bruges kun med takststrukturen 'enhed'")
    fordeling: tuple[tuple[str, Decimal], ...] = ()
    if struktur == "traekningsret":
        f = v.get("fordeling")
        if not isinstance(f, dict) or not f:
            raise InputError(f"{s}.fordeling", "trækningsret kræver en fordeling: kommune -> nøgletal (fx indbyggertal)")
        fordeling = tuple((k, L.decimal_af(x, f"{s}.fordeling.{k}")) for k, x in f.items())
        for k, x in fordeling:
            if x < 0:
                raise InputError(f"{s}.fordeling.{k}", f"værdien {format(x, 'f')} er negativ")
        if sum((x for _, x in fordeling), _ZERO) == 0:
            raise InputError(f"{s}.fordeling", "fordelingsnøglen summer til 0, så intet kan fordeles")
    elif v.get("fordeling") is not None:
        raise InputError(f"{s}.fordeling", "fordeling bruges kun med takststrukturen 'traekningsret'")
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
            (k, L.tal(nt, k, f"{s}.noegletal", min_=_ZERO, hvad="nøgletallet")) for k in ("aarsvaerk", "m2")
            if nt.get(k) is not None
        )
    dk = v.get("driftskapital")
    driftskapital = None
    if dk is not None:
        L.objekt(dk, f"{s}.driftskapital", ("maaneder",))
        driftskapital = m.Driftskapital(
            maaneder=L.tal(dk, "maaneder", f"{s}.driftskapital", min_=_ZERO, max_=Decimal(12), hvad="antal måneder")
        )
    return m.Tilbud(
        id=L.tekst(v, "id", s, kraevet=True),
        navn=L.tekst(v, "navn", s, kraevet=True),
        tilbudsportal_id=L.tekst(v, "tilbudsportal_id", s),
        paragraf=L.tekst(v, "paragraf", s),
        kategori=L.heltal(v, "kategori", s, kraevet=True, min_=1, max_=3, hvad="kategorien"),
        tilbudstype=L.valg(v, "tilbudstype", s, m.TILBUDSTYPER),
        korte_forloeb=L.sandhed(v, "korte_forloeb", s),
        nyt_tilbud=L.sandhed(v, "nyt_tilbud", s),
        saerlige_vilkaar=saerlige,
        pladser=L.heltal(v, "pladser", s, kraevet=True, min_=0, hvad="antal pladser"),
        pladser_forrige_aar=L.heltal(v, "pladser_forrige_aar", s, min_=0, hvad="antal pladser"),
        belaegning=_belaegning(v.get("belaegning"), f"{s}.belaegning", aar),
        noegletal=noegletal,
        takststruktur=struktur,
        enheder=enheder,
        fordeling=fordeling,
        ydelser=ydelser,
        omkostninger=linjer,
        anlaeg=anlaeg,
        driftskapital=driftskapital,
        oevrige_indtaegter=tuple(
            _indtaegt(x, f"{s}.oevrige_indtaegter[{i}]")
            for i, x in enumerate(L.liste(v.get("oevrige_indtaegter"), f"{s}.oevrige_indtaegter"))
        ),
        resultater=tuple(
            _resultat(x, f"{s}.resultater[{i}]", aar)
            for i, x in enumerate(L.liste(v.get("resultater"), f"{s}.resultater"))
        ),
        hensaettelser=tuple(
            _hensaettelse(x, f"{s}.hensaettelser[{i}]", aar)
            for i, x in enumerate(L.liste(v.get("hensaettelser"), f"{s}.hensaettelser"))
        ),
        tillaegsydelser=tuple(
            _tillaeg(x, f"{s}.tillaegsydelser[{i}]")
            for i, x in enumerate(L.liste(v.get("tillaegsydelser"), f"{s}.tillaegsydelser"))
        ),
        bemaerkninger=L.tekst(v, "bemaerkninger", s),
    )


def _belaegning(v: Any, s: str, aar: int) -> m.Belaegning | None:
    if v is None:
        return None
    L.objekt(v, s, ("metode", "faktisk_pct", "pct", "begrundelse"), ("metode",))
    metode = L.valg(v, "metode", s, m.BELAEGNING_METODER)
    faktisk: list[tuple[int, Decimal]] = []
    if metode == "beregnet":
        f = v.get("faktisk_pct")
        if not isinstance(f, dict):
            raise InputError(f"{s}.faktisk_pct", "metoden 'beregnet' kræver de faktiske belægningsprocenter pr. år, fx {\"2023\": \"96.2\", \"2024\": \"97.8\"}")
        for k, x in f.items():
            try:
                y = int(k)
            except ValueError:
                raise InputError(f"{s}.faktisk_pct.{k}", f"{L.vis(k)} er ikke et årstal") from None
            if y >= aar:
                raise InputError(f"{s}.faktisk_pct.{k}", f"året {y} ligger ikke før takståret {aar}; faktisk belægning kendes kun for tidligere år")
            pv = L.decimal_af(x, f"{s}.faktisk_pct.{k}")
            if pv < 0 or pv > 200:
                raise InputError(f"{s}.faktisk_pct.{k}", f"værdien {L.vis(x)} er ikke en belægningsprocent")
            faktisk.append((y, pv))
    elif v.get("faktisk_pct") is not None:
        raise InputError(f"{s}.faktisk_pct", f"faktisk_pct bruges kun med metoden 'beregnet', ikke '{metode}'")
    pct = None
    if metode in ("forventet", "nyt_tilbud"):
        pct = L.tal(v, "pct", s, kraevet=True, hvad="belægningsprocenten")
    elif v.get("pct") is not None:
        raise InputError(f"{s}.pct", "pct bruges kun med metoderne 'forventet' og 'nyt_tilbud'")
    return m.Belaegning(metode=metode, faktisk_pct=tuple(faktisk), pct=pct, begrundelse=L.tekst(v, "begrundelse", s))


def _ydelse(v: Any, s: str) -> m.Ydelse:
    L.objekt(v, s, ("id", "navn", "pladser", "stoettetimer_uge", "forrige_takst", "sundhedsydelser"), ("id",))
    return m.Ydelse(
        id=L.tekst(v, "id", s, kraevet=True),
        navn=L.tekst(v, "navn", s),
        pladser=L.heltal(v, "pladser", s, standard=0, min_=0, hvad="antal pladser"),
        stoettetimer_uge=L.tal(v, "stoettetimer_uge", s, min_=_ZERO, max_=Decimal(168), hvad="støttetimer pr. uge"),
        forrige_takst=L.tal(v, "forrige_takst", s, min_=_ZERO, hvad="sidste års takst"),
        sundhedsydelser=L.tekst(v, "sundhedsydelser", s),
    )


def _linje(v: Any, s: str, ydelse_ids: set[str], anlaeg_ids: set[str]) -> m.Omkostningslinje:
    L.objekt(v, s, ("kategori", "post", "beloeb", "vagtlag", "del", "ydelse", "tjenestemand_loen",
                    "tjenestemandspension", "anlaeg", "tekst"), ("kategori", "post", "beloeb"))
    kategori = L.valg(v, "kategori", s, m.KATEGORIER)
    ydelse = L.tekst(v, "ydelse", s) or None
    if ydelse is not None and ydelse not in ydelse_ids:
        raise InputError(f"{s}.ydelse", f"ydelsen {L.vis(ydelse)} findes ikke i tilbuddet")
    anlaeg = L.tekst(v, "anlaeg", s) or None
    if anlaeg is not None and anlaeg not in anlaeg_ids:
        raise InputError(f"{s}.anlaeg", f"anlægget {L.vis(anlaeg)} findes ikke i tilbuddets anlægskartotek")
    loen = L.tal(v, "tjenestemand_loen", s, min_=_ZERO, hvad="tjenestemandslønnen")
    pension = L.tal(v, "tjenestemandspension", s, min_=_ZERO, hvad="tjenestemandspensionen")
    if (loen is not None or pension is not None) and kategori != "personale":
        raise InputError(s, "tjenestemandsløn og -pension kan kun angives på personalelinjer")
    if loen is not None and pension is not None:
        raise InputError(s, "angiv enten tjenestemand_loen (25 % beregnes) eller de faktiske tjenestemandspension, ikke begge")
    return m.Omkostningslinje(
        kategori=kategori,
        post=L.tekst(v, "post", s, kraevet=True),
        beloeb=L.tal(v, "beloeb", s, kraevet=True),
        vagtlag=L.sandhed(v, "vagtlag", s),
        del_=L.valg(v, "del", s, m.DELE, kraevet=False),
        ydelse=ydelse,
        tjenestemand_loen=loen,
        tjenestemandspension=pension,
        anlaeg=anlaeg,
        tekst=L.tekst(v, "tekst", s),
    )


def _anlaeg(v: Any, s: str) -> m.Anlaeg:
    L.objekt(v, s, ("id", "navn", "type", "anskaffelsesvaerdi", "ibrugtagning", "levetid_aar", "restvaerdi",
                    "finansiering", "andel_pct"), ("id", "type", "anskaffelsesvaerdi", "ibrugtagning"))
    typ = L.valg(v, "type", s, m.ANLAEG_TYPER)
    fin = v.get("finansiering")
    if fin == "operationel_leasing":
        raise InputError(f"{s}.finansiering", "operationel leasing er ikke et anlæg; før leasingydelsen som en almindelig budgetlinje (SA 5.5.2)")
    værdi = L.tal(v, "anskaffelsesvaerdi", s, kraevet=True, min_=_ZERO, hvad="anskaffelsesværdien")
    levetid = L.heltal(v, "levetid_aar", s, kraevet=(typ != "grund"), min_=1, max_=200, hvad="levetiden")
    rest = L.tal(v, "restvaerdi", s, standard=_ZERO, min_=_ZERO, hvad="restværdien")
    if rest > værdi:
        raise InputError(f"{s}.restvaerdi", f"restværdien {format(rest, 'f')} er større end anskaffelsesværdien {format(værdi, 'f')}")
    return m.Anlaeg(
        id=L.tekst(v, "id", s, kraevet=True),
        navn=L.tekst(v, "navn", s),
        type=typ,
        anskaffelsesvaerdi=værdi,
        ibrugtagning=L.dato(v, "ibrugtagning", s, kraevet=True),
        finansiering=L.valg(v, "finansiering", s, m.FINANSIERINGER, kraevet=False, standard="ejet"),
        levetid_aar=levetid,
        restvaerdi=rest,
        andel_pct=L.tal(v, "andel_pct", s, standard=_HUNDRED, min_=_ZERO, max_=_HUNDRED, hvad="andelen"),
    )


def _indtaegt(v: Any, s: str) -> m.OevrigIndtaegt:
    L.objekt(v, s, ("post", "beloeb"), ("post", "beloeb"))
    return m.OevrigIndtaegt(post=L.tekst(v, "post", s, kraevet=True), beloeb=L.tal(v, "beloeb", s, kraevet=True))


def _resultat(v: Any, s: str, aar: int) -> m.Resultat:
    L.objekt(v, s, ("aar", "resultat", "grundlag", "valg", "indregnet_tidligere", "nyt_tilbud_foerste_aar"),
             ("aar", "resultat", "grundlag"))
    y = L.heltal(v, "aar", s, kraevet=True, min_=1990, hvad="året")
    if y >= aar:
        raise InputError(f"{s}.aar", f"året {y} ligger ikke før takståret {aar}; kun tidligere års resultater kan reguleres")
    r = L.tal(v, "resultat", s, kraevet=True)
    g = L.tal(v, "grundlag", s, kraevet=True, min_=_ZERO, hvad="takstberegningsgrundlaget")
    if g == 0:
        raise InputError(f"{s}.grundlag", "takstberegningsgrundlaget for året skal være større end 0 (5 %-grænsen beregnes af det)")
    tidl = L.tal(v, "indregnet_tidligere", s, standard=_ZERO, min_=_ZERO, hvad="det tidligere indregnede")
    if tidl > abs(r):
        raise InputError(f"{s}.indregnet_tidligere", f"værdien {format(tidl, 'f')} er større end hele resultatet {format(abs(r), 'f')}")
    return m.Resultat(
        aar=y, resultat=r, grundlag=g,
        valg=L.valg(v, "valg", s, m.RESULTAT_VALG, kraevet=False, standard="indregn"),
        indregnet_tidligere=tidl,
        nyt_tilbud_foerste_aar=L.sandhed(v, "nyt_tilbud_foerste_aar", s),
    )


def _hensaettelse(v: Any, s: str, aar: int) -> m.Hensaettelse:
    L.objekt(v, s, ("aar", "beloeb", "brugt"), ("aar", "beloeb"))
    y = L.heltal(v, "aar", s, kraevet=True, min_=1990, hvad="året")
    if y >= aar:
        raise InputError(f"{s}.aar", f"året {y} ligger ikke før takståret {aar}")
    b = L.tal(v, "beloeb", s, kraevet=True, min_=_ZERO)
    brugt = L.tal(v, "brugt", s, standard=_ZERO, min_=_ZERO, hvad="det brugte beløb")
    if brugt > b:
        raise InputError(f"{s}.brugt", f"der er brugt {format(brugt, 'f')}, mere end hensættelsen på {format(b, 'f')}")
    return m.Hensaettelse(aar=y, beloeb=b, brugt=brugt)


def _tillaeg(v: Any, s: str) -> m.Tillaegsydelse:
    L.objekt(v, s, ("personalekategori", "timeomkostning", "fravaer_pct", "vfo_pct", "tidsrum"),
             ("personalekategori", "timeomkostning", "tidsrum"))
    t = v["tidsrum"]
    if not isinstance(t, dict) or not t:
        raise InputError(f"{s}.tidsrum", "angiv mindst ét tidsrum med døgnkoefficient i procent, fx {\"hverdag\": \"25\"}")
    tidsrum = []
    for k, x in t.items():
        d = L.decimal_af(x, f"{s}.tidsrum.{k}")
        if d < 0:
            raise InputError(f"{s}.tidsrum.{k}", f"værdien {L.vis(x)} er negativ")
        tidsrum.append((k, d))
    return m.Tillaegsydelse(
        personalekategori=L.tekst(v, "personalekategori", s, kraevet=True),
        timeomkostning=L.tal(v, "timeomkostning", s, kraevet=True, min_=_ZERO, hvad="timeomkostningen"),
        tidsrum=tuple(tidsrum),
        fravaer_pct=L.tal(v, "fravaer_pct", s, standard=_ZERO, min_=_ZERO, max_=_HUNDRED, hvad="fraværet"),
        vfo_pct=L.tal(v, "vfo_pct", s, min_=_ZERO, max_=_HUNDRED, hvad="vfo"),
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
    return d


def _skriv_tilbud(t: m.Tilbud) -> dict:
    b = t.belaegning
    bel = None
    if b is not None:
        bel = {"metode": b.metode}
        if b.metode == "beregnet":
            bel["faktisk_pct"] = {str(y): _d(p) for y, p in b.faktisk_pct}
        else:
            bel["pct"] = _d(b.pct)
        bel["begrundelse"] = b.begrundelse
    return {
        "id": t.id, "navn": t.navn, "tilbudsportal_id": t.tilbudsportal_id, "paragraf": t.paragraf,
        "kategori": t.kategori, "tilbudstype": t.tilbudstype, "korte_forloeb": t.korte_forloeb,
        "nyt_tilbud": t.nyt_tilbud,
        "saerlige_vilkaar": None if t.saerlige_vilkaar is None else {
            "beskrivelse": t.saerlige_vilkaar.beskrivelse,
            "godkendt": t.saerlige_vilkaar.godkendt.isoformat() if t.saerlige_vilkaar.godkendt else None,
        },
        "pladser": t.pladser, "pladser_forrige_aar": t.pladser_forrige_aar,
        "belaegning": bel,
        "noegletal": {k: _d(v) for k, v in t.noegletal},
        "takststruktur": t.takststruktur,
        "enheder": None if t.enheder is None else {"enhed": t.enheder.enhed, "antal": _d(t.enheder.antal)},
        "fordeling": {k: _d(v) for k, v in t.fordeling} if t.takststruktur == "traekningsret" else None,
        "ydelser": [
            {"id": y.id, "navn": y.navn, "pladser": y.pladser, "stoettetimer_uge": _d(y.stoettetimer_uge),
             "forrige_takst": _d(y.forrige_takst), "sundhedsydelser": y.sundhedsydelser}
            for y in t.ydelser
        ],
        "omkostninger": [_skriv_linje(x) for x in t.omkostninger],
        "anlaeg": [
            {"id": a.id, "navn": a.navn, "type": a.type, "anskaffelsesvaerdi": _d(a.anskaffelsesvaerdi),
             "ibrugtagning": a.ibrugtagning.isoformat(), "levetid_aar": a.levetid_aar,
             "restvaerdi": _d(a.restvaerdi), "finansiering": a.finansiering, "andel_pct": _d(a.andel_pct)}
            for a in t.anlaeg
        ],
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
    }


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
    return json.dumps(skriv_dict(g), ensure_ascii=False, indent=2) + "\n"


def kanonisk_bytes(g: m.Takstgrundlag) -> bytes:
    return json.dumps(skriv_dict(g), ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def sha256(g: m.Takstgrundlag) -> str:
    return hashlib.sha256(kanonisk_bytes(g)).hexdigest()
