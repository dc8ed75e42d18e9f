"""The secretariat's check of an indmeldingsfil (SPEC §6; SA 2.2.1, 5.6).

API: `verificer(sti, tillid=None, *, beregn_igen=True) -> VerifikationsResultat`. Checks the
ASiC-E structure, every member's SHA-256 against the manifest (and that no member is added or
missing), the CAdES signature over the manifest, the certificate (valid at the signing time,
trusted through the tillidsfil — `tillid` as a path or a `Tillid`, default the configured
`tillid.standard_tillidsfil()` —, CVR equal to the driftsherre's), the fingerprint, and finally
recomputes the takster from the enclosed takstgrundlag with this engine and reports every
difference. `ok` is True only when all holds; `grunde` lists in Danish why not.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from takstberegner.domain.model import Takstgrundlag
from takstberegner.domain.resultat import Beregning


@dataclass
class VerifikationsResultat:
    fil: str
    ok: bool = False
    underskriver: str = ""
    cvr: str = ""  # the CVR the certificate names
    driftsherre: str = ""
    driftsherre_cvr: str = ""
    takstaar: int | None = None
    signeringstid: datetime | None = None
    certifikat_fingeraftryk: str = ""
    fingeraftryk: str = ""  # the indmelding's fingerprint (indmelding.fingeraftryk)
    sha256: str = ""  # of the whole file
    grunde: list[str] = field(default_factory=list)  # why it does not hold; empty when ok
    noter: list[str] = field(default_factory=list)  # how trust was established etc.
    grundlag: Takstgrundlag | None = None
    beregning: Beregning | None = None  # recomputed by this engine
    takster: dict | None = None  # the enclosed takster document

    def tekst(self) -> str:
        """The Danish summary `takstberegner verificer` prints."""
        from takstberegner import dansk
        from takstberegner.export.indmelding import vis_fingeraftryk

        tid = ""
        if self.signeringstid:
            lokal = self.signeringstid.astimezone()
            tid = f"{dansk.dato(lokal.date())} kl. {lokal:%H:%M:%S} ({lokal:%Z})"
        linjer = [
            f"Fil:            {self.fil}",
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
    from takstberegner.export import asic, cms_kontrol, indmelding, signering
    from takstberegner.export import tillid as tillid_mod

    p = Path(sti)
    r = VerifikationsResultat(fil=str(p))
    try:
        data = p.read_bytes()
    except OSError as e:
        r.grunde.append(f"Filen kan ikke læses: {e.strerror or e}")
        return r
    r.sha256 = hashlib.sha256(data).hexdigest()
    try:
        c = asic.aabn(data)
        manifest = asic.laes_manifest(c.manifest)
    except asic.ContainerFejl as e:
        r.grunde.append(str(e))
        return r

    # 1. the manifest covers exactly the members, with right digests
    refs = {ref.uri: ref for ref in manifest.referencer}
    if manifest.signatur_uri != asic.SIGNATUR:
        r.grunde.append(f"Manifestet henviser ikke til signaturen {asic.SIGNATUR}.")
    for navn in c.medlemmer:
        if navn not in refs:
            r.grunde.append(f"Elementet '{navn}' er tilføjet: det er ikke omfattet af signaturen.")
    for uri, ref in refs.items():
        if uri not in c.medlemmer:
            r.grunde.append(f"Elementet '{uri}' mangler i containeren, men er omfattet af signaturen.")
            continue
        if ref.algoritme != asic.SHA256_URI:
            r.grunde.append(f"Elementet '{uri}' har en ukendt hash-algoritme i manifestet.")
        elif hashlib.sha256(c.medlemmer[uri]).digest() != ref.digest:
            r.grunde.append(f"Elementet '{uri}' er ændret efter signeringen (SHA-256 passer ikke).")
    for krav in indmelding.MEDLEMMER:
        if krav not in refs:
            r.grunde.append(f"Indmeldingen mangler '{krav}'.")

    # 2. the signature over the manifest
    cr = cms_kontrol.kontroller(c.signatur, c.manifest)
    r.grunde.extend(cr.grunde)
    r.signeringstid = cr.signeringstid
    if cr.certifikat is not None:
        cert = cr.certifikat
        r.underskriver = signering.navn_af(cert)
        r.cvr = signering.cvr_af(cert)
        r.certifikat_fingeraftryk = signering.fingeraftryk(cert)
        nu = nu or datetime.now(timezone.utc)
        if cr.signeringstid and cr.signeringstid > nu + timedelta(days=1):
            r.grunde.append("Signeringstidspunktet ligger i fremtiden.")
        # 3. the certificate
        try:
            t = _tillid(tillid, tillid_mod)
        except tillid_mod.TillidsFejl as e:
            r.grunde.append(e.besked)
            t = None
        if t is not None:
            mellemled = tuple(x for x in cr.certifikater if x != cert)
            grunde, noter = tillid_mod.vurder(cert, mellemled, cr.signeringstid, t)
            r.grunde.extend(grunde)
            r.noter.extend(noter)

    # 4. the content: fingerprint, driftsherre, recomputation
    g_bytes = c.medlemmer.get(indmelding.MEDLEM_GRUNDLAG)
    t_bytes = c.medlemmer.get(indmelding.MEDLEM_TAKSTER)
    if g_bytes is not None and t_bytes is not None:
        r.fingeraftryk = indmelding.fingeraftryk(g_bytes, t_bytes)
        angivet = manifest.udvidelser.get(indmelding.UDV_FINGERAFTRYK)
        if angivet != r.fingeraftryk:
            r.grunde.append("Fingeraftrykket i manifestet svarer ikke til indholdet af de to JSON-filer.")
        _indhold(r, g_bytes, t_bytes, beregn_igen)
    if r.cvr and r.driftsherre_cvr and r.cvr != r.driftsherre_cvr:
        r.grunde.append(
            f"Certifikatet tilhører CVR {r.cvr}, men indmeldingen er for driftsherren med CVR {r.driftsherre_cvr}."
        )
    r.ok = not r.grunde
    return r


def _tillid(tillid, tillid_mod):
    if isinstance(tillid, tillid_mod.Tillid):
        return tillid
    if tillid is not None:
        return tillid_mod.laes_tillid(tillid)
    std = tillid_mod.standard_tillidsfil()
    if std.exists():
        return tillid_mod.laes_tillid(std)
    return tillid_mod.Tillid()


def _indhold(r: VerifikationsResultat, g_bytes: bytes, t_bytes: bytes, beregn_igen: bool) -> None:
    from takstberegner.formats import takster as tk_format
    from takstberegner.formats import takstgrundlag as tg_format
    from takstberegner.formats.fejl import InputError

    try:
        r.grundlag = tg_format.laes_tekst(g_bytes.decode("utf-8"))
    except (InputError, UnicodeDecodeError) as e:
        r.grunde.append(f"Det medsendte takstgrundlag kan ikke læses: {e}")
        return
    r.driftsherre = r.grundlag.driftsherre.navn
    r.driftsherre_cvr = r.grundlag.driftsherre.cvr
    r.takstaar = r.grundlag.takstaar
    try:
        r.takster = tk_format.laes_tekst(t_bytes.decode("utf-8"))
    except (InputError, UnicodeDecodeError) as e:
        r.grunde.append(f"De medsendte takster kan ikke læses: {e}")
        return
    if not beregn_igen:
        return
    from takstberegner import tjeneste

    try:
        r.beregning = tjeneste.beregn(r.grundlag)
    except Exception as e:  # noqa: BLE001 - a grundlag this engine cannot compute
        r.grunde.append(f"Taksterne kan ikke genberegnes med denne version af programmet: {e}")
        return
    ny = json.loads(json.dumps(tk_format.skriv_dict(r.beregning), ensure_ascii=False))
    forskelle = list(_forskelle(r.takster, ny, ""))
    if forskelle:
        vist = forskelle[:20]
        r.grunde.append(
            f"Genberegningen giver andre tal end de indmeldte ({len(forskelle)} forskel"
            f"{'le' if len(forskelle) != 1 else ''}): " + "; ".join(vist)
            + (" …" if len(forskelle) > 20 else "")
        )
    fejl = [f for f in r.beregning.alle_fund() if f.er_fejl]
    if fejl:
        r.grunde.append(
            "Takstgrundlaget har fejl, som skulle være rettet før indmelding: "
            + "; ".join(f"{f.kode} {f.felt}" for f in fejl[:10])
        )


def _forskelle(a, b, sti: str):
    if isinstance(a, dict) and isinstance(b, dict):
        for k in list(a) + [k for k in b if k not in a]:
            if k not in a:
                yield f"{sti}.{k} mangler i det indmeldte"
            elif k not in b:
                yield f"{sti}.{k} findes ikke i genberegningen"
            else:
                yield from _forskelle(a[k], b[k], f"{sti}.{k}" if sti else k)
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            yield f"{sti}: {len(a)} elementer indmeldt, {len(b)} genberegnet"
        for i, (x, y) in enumerate(zip(a, b)):
            yield from _forskelle(x, y, f"{sti}[{i}]")
    elif a != b:
        yield f"{sti}: indmeldt {a!r}, genberegnet {b!r}"
