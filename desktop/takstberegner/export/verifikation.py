"""The secretariat's check of an indmeldingsfil (SPEC §6; SA 2.2.1, 5.6; issue 12).

API: `verificer(sti, tillid=None, *, beregn_igen=True, nu=None) -> VerifikationsResultat`.
It never raises: every parse, crypto or I/O problem is a Danish reason in `.grunde`, and
`.status` is "GODKENDT" only when everything holds:

1. the container is strict (asic.aabn: exact members, flat names, streamed and capped);
   the data members are exactly the four of an indmelding and match the signed manifest;
2. the CAdES signature over the manifest is valid (cms_kontrol);
3. the signer holds under the trust model (tillid.vurder: registered certificate or a path to
   a trusted root; not a CA; key usage; CVR equal to the driftsherre's; signing-time inside the
   certificate's validity, not in the future, inside the takstår's window);
4. the JSON members are within limits, name no key twice in one object (else they can be read
   two ways: json_graenser.dublet) and are readable, the manifest's fingerprint, CVR and
   takstår match them, the PDF and the takstskema print the same fingerprint (binding);
5. the takster recompute to the same figures with this engine, without `fejl` findings (only when
   the signature holds and the signer is trusted: an unknown sender cannot make it compute).

For the takstbilag: `.status`, `.grund` (all reasons in one line), `.underskriver`,
`.signeringstid`, `.fingeraftryk`, `.certifikat_fingeraftryk`, and the documents `.grundlag`,
`.takster`, `.beregning` (trust them only when `.ok`). `.ikke_betroet` is True when the only
thing missing may be the secretariat's trust in the signer (the app then offers to register it).
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

from takstberegner import dansk
from takstberegner.domain import navne
from takstberegner.domain.model import Takstgrundlag
from takstberegner.domain.resultat import Beregning
from takstberegner.fejltekst import os_fejl

GODKENDT, AFVIST = "GODKENDT", "AFVIST"
MAKS_GRUNDLAG = 16 * 1024 * 1024  # takstgrundlag.json, bytes (the large driftsherre is 4 MB)
MAKS_TAKSTER = 8 * 1024 * 1024  # takster.json, bytes


@dataclass
class VerifikationsResultat:
    fil: str
    ok: bool = False
    underskriver: str = ""
    cvr: str = ""  # the CVR the certificate names
    driftsherre: str = ""
    driftsherre_cvr: str = ""
    takstaar: int | None = None
    signeringstid: datetime | None = None  # aware UTC
    certifikat_fingeraftryk: str = ""
    fingeraftryk: str = ""  # the indmelding's fingerprint (indmelding.fingeraftryk)
    sha256: str = ""  # of the whole file
    grunde: list[str] = field(default_factory=list)  # why it does not hold; empty when ok
    noter: list[str] = field(default_factory=list)  # how trust was established etc.
    grundlag: Takstgrundlag | None = None
    beregning: Beregning | None = None  # recomputed by this engine
    takster: dict | None = None  # the enclosed takster document
    ikke_betroet: bool = False  # the signer is not (yet) trusted by the secretariat

    @property
    def status(self) -> str:
        return GODKENDT if self.ok else AFVIST

    @property
    def kan_registreres(self) -> bool:
        """The signer's trust is all that is missing: registering its certificate (after its
        fingerprint was confirmed another way) makes the file hold. The app offers Registrér and
        the command prints the steps only then; with another reason too, registering helps nothing."""
        return self.ikke_betroet and bool(self.certifikat_fingeraftryk) and len(self.grunde) == 1

    @property
    def grund(self) -> str:
        return " ".join(self.grunde)

    def tekst(self) -> str:
        """The Danish summary `takstberegner verificer` prints."""
        from takstberegner import dansk
        from takstberegner.export.fingeraftryk import vis_fingeraftryk

        tid = dansk.tidspunkt(self.signeringstid, sekunder=True, zone=True) if self.signeringstid else ""
        linjer = [
            f"Fil:            {synlig(self.fil)}",
            f"Driftsherre:    {self.driftsherre} (CVR {self.driftsherre_cvr})" if self.driftsherre else "",
            f"Takstår:        {self.takstaar}" if self.takstaar else "",
            f"Underskriver:   {self.underskriver}" if self.underskriver else "",
            f"Certifikat-CVR: {self.cvr or 'ikke angivet'}" if self.underskriver else "",
            f"Signeret:       {tid}" if tid else "",
            f"Certifikat:     SHA-256 {self.certifikat_fingeraftryk}" if self.certifikat_fingeraftryk else "",
            f"Fingeraftryk:   {vis_fingeraftryk(self.fingeraftryk)}" if self.fingeraftryk else "",
            f"Filens SHA-256: {self.sha256}" if self.sha256 else "",
        ]
        linjer = [x for x in linjer if x]
        linjer += [f"  {n}" for n in self.noter]
        if self.ok:
            linjer.append("Resultat:       GODKENDT - signaturen holder, intet er ændret, og taksterne genberegnes ens.")
        else:
            linjer.append(f"Resultat:       AFVIST ({len(self.grunde)} grund{'e' if len(self.grunde) != 1 else ''}):")
            linjer += [f"  - {g}" for g in self.grunde]
        return "\n".join(linjer)


def verificer(
    sti: str | Path,
    tillid=None,
    *,
    beregn_igen: bool = True,
    nu: datetime | None = None,
) -> VerifikationsResultat:
    """Verify one indmeldingsfil; never raises (see the module docstring)."""
    r = VerifikationsResultat(fil=str(sti))
    try:
        _verificer(Path(sti), r, tillid, beregn_igen, nu or _nu())
    except RecursionError:
        r.grunde.append("Filen er urimeligt dybt indlejret og afvises.")
    except MemoryError:
        r.grunde.append("Filen kræver urimeligt meget hukommelse at kontrollere og afvises.")
    except Exception:  # noqa: BLE001 - verification never ends in a traceback
        r.grunde.append("Filen kunne ikke kontrolleres færdig og afvises. Bed driftsherren indsende filen igen.")
    from takstberegner.export.indmelding import i_ord

    r.grunde[:] = [synlig(i_ord(g)) for g in r.grunde]  # a part of the container is named in words, not by its name
    r.noter[:] = [synlig(n) for n in r.noter]
    r.driftsherre, r.driftsherre_cvr, r.underskriver = synlig(r.driftsherre), synlig(r.driftsherre_cvr), synlig(r.underskriver)
    if r.ok and r.grunde:
        r.ok = False
    return r


def synlig(tekst: str) -> str:
    """Text from a submission made safe to show: every character that is not printable (a line
    break, an escape sequence that a terminal obeys, a right-to-left override) as '\ufffd'; a
    space of any width stays. A
    driftsherre's name or a certificate's name is the sender's own text; printed as it was, a name
    with a line break and an escape code could add a line 'Resultat: GODKENDT' to the output of
    `verificer` and hide the real result after it."""
    import unicodedata

    if tekst.isprintable():
        return tekst
    return "".join(c if c.isprintable() or unicodedata.category(c) == "Zs" else "\ufffd" for c in tekst)


def _nu() -> datetime:
    from takstberegner.export import ur

    return ur.nu()


def _verificer(p: Path, r: VerifikationsResultat, tillid, beregn_igen: bool, nu: datetime) -> None:
    from takstberegner.export import asic, binding, cms_kontrol, indmelding, signering
    from takstberegner.export import tillid as tillid_mod

    try:
        if p.stat().st_size > asic.MAKS_FIL:
            r.grunde.append(f"Filen er for stor til at være en indmeldingsfil (over {asic.MAKS_FIL // asic.MiB} MB).")
            return
        data = p.read_bytes()
    except OSError as e:
        r.grunde.append(f"Filen kan ikke læses: {os_fejl(e)}")
        return
    r.sha256 = hashlib.sha256(data).hexdigest()
    try:
        c = asic.aabn(data, {indmelding.MEDLEM_GRUNDLAG: MAKS_GRUNDLAG, indmelding.MEDLEM_TAKSTER: MAKS_TAKSTER})
    except asic.ContainerFejl as e:
        r.grunde.append(e.besked)
        return
    del data
    manifest = c.manifest_info

    # 1. the data members are exactly an indmelding's, each as the signed manifest says
    for navn in c.medlemmer:
        if navn not in indmelding.MEDLEMMER:
            r.grunde.append(f"En ukendt fil '{navn}' er lagt i indmeldingsfilen og signeret med; den hører ikke til en indmelding.")
    for krav in indmelding.MEDLEMMER:
        if krav not in c.medlemmer:
            r.grunde.append(f"Indmeldingen mangler {indmelding.medlem_navn(krav)}.")
    aendret = False  # a member is not what was signed: what follows from that is not said again
    for ref in manifest.referencer:
        if hashlib.sha256(c.medlemmer[ref.uri]).digest() != ref.digest:
            hvad = indmelding.medlem_navn(ref.uri)
            r.grunde.append(f"{hvad[:1].upper()}{hvad[1:]} er ændret efter signeringen: indholdet passer ikke til det "
                            "signerede. Bed driftsherren indsende filen igen.")
            aendret = True

    # 2. the signature over the manifest
    cr = cms_kontrol.kontroller(c.signatur, c.manifest)
    r.grunde.extend(cr.grunde)
    r.signeringstid = cr.signeringstid

    # 3. the PDF and the takstskema belong to this calculation (then their bytes are let go,
    #    so the JSON members are parsed with as little else in memory as possible)
    g_bytes = c.medlemmer.get(indmelding.MEDLEM_GRUNDLAG)
    t_bytes = c.medlemmer.get(indmelding.MEDLEM_TAKSTER)
    if g_bytes is not None and t_bytes is not None and not aendret:
        r.fingeraftryk = indmelding.fingeraftryk(g_bytes, t_bytes)
        if manifest.udvidelser.get(indmelding.UDV_FINGERAFTRYK) != r.fingeraftryk:
            r.grunde.append("Fingeraftrykket i manifestet svarer ikke til takstgrundlaget og taksterne.")
        for kontrol, navn in ((binding.kontroller_pdf, indmelding.MEDLEM_PDF),
                              (binding.kontroller_xlsx, indmelding.MEDLEM_SKEMA)):
            if navn in c.medlemmer:
                grund = kontrol(c.medlemmer[navn], r.fingeraftryk)
                if grund:
                    r.grunde.append(grund)
    c.medlemmer.pop(indmelding.MEDLEM_PDF, None)
    c.medlemmer.pop(indmelding.MEDLEM_SKEMA, None)

    # 4. the content (read before trust: the driftsherre's CVR and takstår are in it)
    if g_bytes is not None and t_bytes is not None:
        _laes_indhold(r, g_bytes, t_bytes)
    del g_bytes, t_bytes
    if r.grundlag is not None and not aendret:
        if manifest.udvidelser.get(indmelding.UDV_CVR) != r.driftsherre_cvr:
            r.grunde.append("Manifestets CVR-nummer svarer ikke til driftsherrens CVR i takstgrundlaget.")
        if manifest.udvidelser.get(indmelding.UDV_TAKSTAAR) != str(r.takstaar):
            r.grunde.append("Manifestets takstår svarer ikke til takståret i takstgrundlaget.")

    # 5. the signer, under the trust model
    betroet = False  # the signature holds and the signer is trusted
    if cr.certifikat is not None:
        cert = cr.certifikat
        r.underskriver = signering.navn_af(cert)
        r.cvr = signering.cvr_af(cert)
        r.certifikat_fingeraftryk = signering.fingeraftryk(cert)
        try:
            t = _tillid(tillid, tillid_mod)
        except tillid_mod.TillidsFejl as e:
            r.grunde.append(e.besked)
            t = None
        if t is not None:
            mellemled = tuple(x for x in cr.certifikater if x != cert)
            cvr = r.driftsherre_cvr if r.grundlag is not None else manifest.udvidelser.get(indmelding.UDV_CVR)
            v = tillid_mod.vurder(cert, mellemled, cr.signeringstid, t, cvr=cvr, takstaar=r.takstaar, nu=nu)
            r.grunde.extend(v.grunde)
            r.noter.extend(v.noter)
            r.ikke_betroet = v.ikke_betroet
            betroet = not cr.grunde and not v.grunde

    # 6. recompute, only for a trusted signer: the recomputation's time and memory grow with the
    #    product of the file's puljer and tilbud (a 5 MB grundlag took 18 s and 1 GB), and anyone
    #    can send a file; a trusted driftsherre answers for what it signs
    if beregn_igen and r.grundlag is not None and r.takster is not None:
        if aendret:
            r.noter.append("Taksterne er ikke genberegnet, fordi indmeldingsfilen er ændret efter signeringen.")
        elif betroet:
            _beregn_igen(r)
        else:
            r.noter.append("Taksterne er ikke genberegnet, fordi signaturen ikke holder, eller underskriveren ikke er "
                           "betroet; de genberegnes, når filen verificeres med en betroet underskriver.")
    r.ok = not r.grunde


def _tillid(tillid, tillid_mod):
    if isinstance(tillid, tillid_mod.Tillid):
        return tillid
    if tillid is not None:
        return tillid_mod.laes_tillid(tillid)
    std = tillid_mod.standard_tillidsfil()
    if std.exists():
        return tillid_mod.laes_tillid(std)
    return tillid_mod.Tillid()


def _laes_indhold(r: VerifikationsResultat, g_bytes: bytes, t_bytes: bytes) -> None:
    from takstberegner.formats import json_graenser
    from takstberegner.formats import takster as tk_format
    from takstberegner.formats import takstgrundlag as tg_format
    from takstberegner.formats.fejl import InputError

    try:
        tekst = g_bytes.decode("utf-8")
        json_graenser.tjek(tekst, "Takstgrundlaget", maks_tegn=MAKS_GRUNDLAG)
        dublet = json_graenser.dublet(tekst)
        if dublet is None:
            r.grundlag = tg_format.laes_tekst(tekst)
    except (InputError, UnicodeDecodeError, ValueError, RecursionError) as e:
        r.grunde.append(f"Det medsendte takstgrundlag kan ikke læses: {_besked(e)}")
        return
    if dublet is not None:
        r.grunde.append(_tvetydig("Takstgrundlaget", dublet))
        return
    r.driftsherre = r.grundlag.driftsherre.navn
    r.driftsherre_cvr = r.grundlag.driftsherre.cvr
    r.takstaar = r.grundlag.takstaar
    for_stor = _for_stor(r.grundlag)
    if for_stor:
        # larger than any driftsherre's (domain/graenser.py): refused, and never recomputed
        r.grunde.append(f"Det medsendte takstgrundlag er for stort: {for_stor}")
        r.grundlag = None
        return
    try:
        tekst = t_bytes.decode("utf-8")
        json_graenser.tjek(tekst, "Takster-dokumentet", maks_tegn=MAKS_TAKSTER)
        dublet = json_graenser.dublet(tekst)
        if dublet is None:
            r.takster = tk_format.laes_tekst(tekst)
    except (InputError, UnicodeDecodeError, ValueError, RecursionError) as e:
        r.grunde.append(f"De medsendte takster kan ikke læses: {_besked(e)}")
        return
    if dublet is not None:
        r.grunde.append(_tvetydig("Takster-dokumentet", dublet))


def _tvetydig(dokument: str, dublet) -> str:
    """The reason for a document that names a key twice in one object. json.loads and msgspec keep
    the last value, a person or another tool may read the first: what was signed can be read two
    ways, so it is refused whichever value the engine would take. A field is named only by its
    Danish name (domain/navne.py), never by the key the file has; a key of a map whose keys are
    the user's names (a kommune in a fordeling, a tidsrum) is that name, quoted, even when it
    happens to be spelled as a field ('navnet ‘tekst’ står to gange i samme fordeling', not
    'det samme felt (‘Tekst’)')."""
    slut = (", så filen kan læses på to måder. Takstberegner skriver aldrig sådan en fil; bed driftsherren danne "
            "og indsende indmeldingen igen.")
    noegle = dublet.noegle
    hvor = _BRUGERNAVNE.get(dublet.under or "")
    if hvor:
        vist = navne.TIDSRUM.get(noegle, noegle) if dublet.under == "tidsrum" else noegle
        vist = f"‘{vist[:60]}{'…' if len(vist) > 60 else ''}’" if vist.strip() else "(uden navn)"
        return f"{dokument} nævner navnet {vist} to gange i samme {hvor}{slut}"
    navn = navne.FELTER.get(noegle)
    felt = f"det samme felt (‘{navn}’)" if navn else "det samme felt"
    return f"{dokument} nævner {felt} to gange samme sted{slut}"


# The maps whose keys are the user's names, not fields: what one of them is called in a reason.
_BRUGERNAVNE = {"fordeling": "fordeling", "objektiv_fordeling": "fordeling af den objektive finansiering",
                "tidsrum": "liste over tidsrum", "andele": "liste over faste andele"}


def _for_stor(g: Takstgrundlag) -> str:
    """The validation's Danish text when the takstgrundlag is larger than the limits, else ""."""
    from takstberegner.domain import validering
    from takstberegner.formats.regelsaet import regelsaet_for

    if not isinstance(g.takstaar, int):
        return ""
    fund = validering.valider_graenser(g, regelsaet_for(g.takstaar))
    return fund[0].tekst if fund else ""


def _besked(e: Exception) -> str:
    from takstberegner.fejl import Fejl

    if isinstance(e, Fejl):
        return str(e)
    if isinstance(e, UnicodeDecodeError):
        return "teksten er ikke gemt med de tegn, Takstberegner bruger"
    return "indholdet er beskadiget"


def _beregn_igen(r: VerifikationsResultat) -> None:
    from takstberegner import tjeneste
    from takstberegner.formats import takster as tk_format

    try:
        r.beregning = tjeneste.beregn(r.grundlag)
    except Exception:  # noqa: BLE001 - a grundlag this engine cannot compute
        r.grunde.append("Taksterne kan ikke genberegnes med denne version af programmet; kontakt den, der driver Takstberegner hos jer.")
        return
    ny = json.loads(json.dumps(tk_format.skriv_dict(r.beregning), ensure_ascii=False))
    # only the differences shown are put in words (a place in words costs a look-up in the
    # grundlag: a takster document with 450.000 added keys took 12 s to refuse); the rest are counted
    vist, antal = [], 0
    for x in _forskelle(r.takster, ny, ""):
        antal += 1
        if antal <= 20:
            vist.append(_i_ord(x, r.grundlag, r.beregning))
    if antal:
        r.grunde.append(
            f"Genberegningen giver andre tal end de indmeldte ({dansk.tal(antal, 0)} forskel"
            f"{'le' if antal != 1 else ''}): " + "; ".join(vist)
            + (" …" if antal > 20 else "")
        )
    fejl = [f for f in r.beregning.alle_fund() if f.er_fejl]
    if fejl:
        # before, only the first 10 were named, with no word of the rest
        flere = len(fejl) - 10
        r.grunde.append(
            "Takstgrundlaget har fejl, som skulle være rettet før indmelding: "
            + "; ".join(f"{navne.felt_tekst(f.felt, r.grundlag)}: {f.tekst}" for f in fejl[:10])
            + (f" … og {dansk.tal(flere, 0)} fejl mere." if flere > 0 else "")
            + " Bed driftsherren rette fejlene i Takstberegner og indsende indmeldingen igen."
        )


def _i_ord(forskel: str, grundlag, beregning: Beregning | None = None) -> str:
    """A difference with its place in the takster document in words ("Bostedet Nord › Takster ›
    ydelse ‘Niveau 1’ › Takst: indmeldt …"), never the path. A takst is named by its ydelse's
    name as the recomputation has it (the name the takstbilag shows), by its number only when
    there is none to show."""
    sti, _, rest = forskel.partition(" ")
    ren = sti.rstrip(":")
    if not ren:
        return rest if sti == ":" else forskel
    takst = _TAKST_STI.match(ren)
    navn = _ydelse_navn(beregning, int(takst[2]), int(takst[3])) if takst else None
    if navn:
        sted = f"{navne.felt_tekst(takst[1], grundlag)} › ydelse ‘{navn}’"
        if takst[4]:
            sted += f" › {navne.felt_tekst(takst[4].lstrip('.'))}"
        return f"{sted}{sti[len(ren):]} {rest}"
    return f"{navne.felt_tekst(ren, grundlag)}{sti[len(ren):]} {rest}"


_TAKST_STI = re.compile(r"(tilbud\[(\d+)\]\.takster)\[(\d+)\](.*)", re.S)  # a place in one takst


def _ydelse_navn(beregning: Beregning | None, i: int, j: int) -> str | None:
    """The recomputed name of tilbud i's takst j, or None when there is none to show (no such
    takst, a blank name, control characters, too long: as navne names a tilbud)."""
    try:
        tk = beregning.tilbud[i].takster[j] if beregning is not None else None
    except (IndexError, AttributeError):
        return None
    navn = getattr(tk, "ydelse_navn", None)
    if not isinstance(navn, str) or len(navn) > 80 or not navn.strip() or not navn.isprintable():
        return None
    return navn


def _forskelle(a, b, sti: str):
    if isinstance(a, dict) and isinstance(b, dict):
        for k in list(a) + [k for k in b if k not in a]:
            if (k not in a or k not in b) and k not in navne.FELTER and not sti.endswith(_KORT):
                # a key no table names is the sender's text: quoted, not dressed up as a field
                # ("Ekstra findes ikke i genberegningen" read as if the document had such a field)
                ukendt = f"‘{k[:60]}{'…' if len(k) > 60 else ''}’"
                yield (f"{sti}: et felt, programmet ikke kender ({ukendt}), "
                       + ("mangler i det indmeldte" if k not in a else "findes ikke i genberegningen"))
            elif k not in a:
                yield f"{sti}.{k} mangler i det indmeldte"
            elif k not in b:
                yield f"{sti}.{k} findes ikke i genberegningen"
            else:
                yield from _forskelle(a[k], b[k], f"{sti}.{k}" if sti else k)
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            yield f"{sti}: {dansk.tal(len(a), 0)} indmeldt, {dansk.tal(len(b), 0)} genberegnet"
        for i, (x, y) in enumerate(zip(a, b)):
            yield from _forskelle(x, y, f"{sti}[{i}]")
    elif a != b:
        if sti == "grundlag_sha256" and isinstance(a, str) and isinstance(b, str):
            from takstberegner.export.fingeraftryk import kort_fingeraftryk

            yield (f"{sti}: taksterne er ikke beregnet af det medsendte takstgrundlag (de nævner fingeraftrykket "
                   f"{kort_fingeraftryk(a)}, takstgrundlaget har {kort_fingeraftryk(b)})")
        else:
            felt = sti.rpartition(".")[2]
            yield f"{sti}: indmeldt {_vis(a, felt)}, genberegnet {_vis(b, felt)}"


_KORT = ("fordeling", "tidsrum")  # maps whose keys are the user's names (navne.felt_tekst quotes them)
_TAL = re.compile(r"-?\d{1,30}(?:\.\d{1,6})?")  # as the takster document writes a number


# The fields of the takster document that hold a code: shown by its Danish name (navne), as the
# takstskema shows it ('Døgn', not ‘doegn’); a code no table knows is quoted as the sender's text.
_KODER = {"enhed": navne.ENHEDER, "tidsrum": navne.TIDSRUM, "kode": navne.FUND, "niveau": navne.NIVEAUER}


def _vis(v, felt: str = "") -> str:
    """A value of the takster document in a reason: a text quoted, null, true and false in Danish,
    never Python's None, True or 'x'; a code by its Danish name, a place by its words."""
    if isinstance(v, str) and felt in _KODER and v in _KODER[felt]:
        return _KODER[felt][v]
    if isinstance(v, str) and felt == "felt":  # a finding's place
        return navne.felt_tekst(v) if v else "intet sted"
    if v is None:
        return "intet"
    if isinstance(v, bool):
        return "ja" if v else "nej"
    if isinstance(v, str) and _TAL.fullmatch(v):  # an amount, a percentage: in Danish, 1.664,74
        return dansk.tal(Decimal(v), len(v.partition(".")[2]))
    if isinstance(v, str):
        return f"‘{v[:60]}{'…' if len(v) > 60 else ''}’"
    if isinstance(v, (list, dict)):
        return "en liste" if isinstance(v, list) else "en gruppe af værdier"
    return str(v)
