"""The takstberegning, step by step (SPEC §4; Styringsaftalen 2025-2026 kap. 5 and 9).

`beregn(grundlag, regelsaet)` is a pure function from the takstgrundlag to the published
takster, the figures of every step and the findings. `Beregner` does the same but keeps each
tilbud's work between calls, keyed on the (immutable) tilbud record, so that after one edit only
the edited tilbud and the overhead shares are computed again.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from itertools import repeat
from operator import add
from typing import Any

from takstberegner import dansk
from takstberegner.domain import fund, validering
from takstberegner.domain.belaegning import BelaegningsResultat, belaegning
from takstberegner.domain.model import KATEGORIER, Satser, Takstgrundlag, Tilbud, bygger
from takstberegner.domain.omkostninger import (
    BASIS,
    I_FIN_UDG,
    Direkte,
    direkte_omkostninger,
    tom_vektor,
)
from takstberegner.domain.overhead import fordel_overhead
from takstberegner.domain.penge import afrund, fordel_dele
from takstberegner.domain.regelsaet import Regelsaet
from takstberegner.domain.regulering import reguler
from takstberegner.domain.resultat import Beregning, Fund, TilbudResultat
from takstberegner.domain.rul_frem import brugerens_bemaerkning
from takstberegner.domain.takststruktur import Grundlag, real_aendring, takster
from takstberegner.domain.tillaeg import ata_timetakster, tillaeg_fund

_ZERO = Decimal(0)
_12 = Decimal(12)


@dataclass(frozen=True)
class _Forberedt:
    """Per-tilbud work that does not depend on other tilbud (steps 1-4, belægning)."""

    direkte: Direkte
    belaegning: BelaegningsResultat
    noegler: dict[str, Decimal]


def _forbered(t: Tilbud, satser: Satser, takstaar: int, rs: Regelsaet, sti: str) -> _Forberedt:
    d = direkte_omkostninger(t, satser, takstaar, rs, sti)
    b = belaegning(t, takstaar, rs, sti)
    noegler = {
        "pladser": Decimal(t.pladser),
        "pladsdoegn": b.pladsdoegn(t, rs),
        "loensum": d.loensum,
        "aarsvaerk": t.noegletal_for("aarsvaerk") or _ZERO,
        "m2": t.noegletal_for("m2") or _ZERO,
        "direkte_omkostninger": d.direkte,
    }
    return _Forberedt(d, b, noegler)


def _afslut(t: Tilbud, f: _Forberedt, overhead_vek: tuple[Decimal, ...], g: Takstgrundlag, rs: Regelsaet,
            sti: str) -> TilbudResultat:
    """Steps 5-14 for one tilbud, given its overhead share by category."""
    d = f.direkte
    # The overhead lands in the untagged basis bucket, a new list (the other buckets are shared
    # with the prepared work and only read); each category summed over the buckets at C speed.
    spande = dict(d.spande)
    spande[BASIS] = basis = list(map(add, spande.get(BASIS) or tom_vektor(), overhead_vek))
    overhead = sum(overhead_vek, _ZERO)
    kategorier = list(map(sum, zip(*spande.values()), repeat(_ZERO)))
    driftskapital = _ZERO
    rente_kort = g.satser.rente_kort_pct or _ZERO
    if t.driftskapital is not None:
        maaneder = t.driftskapital.maaneder
        if maaneder is None:
            maaneder = rs.std_driftskapital_maaneder
        driftskapital = sum(kategorier, _ZERO) * maaneder / _12 * rente_kort / 100
        basis[I_FIN_UDG] += driftskapital
        kategorier[I_FIN_UDG] += driftskapital
    o = sum(kategorier, _ZERO)
    reg = reguler(t, g.takstaar, g.satser.rente_kort_pct, rs, sti)
    indtaegter = sum((x.beloeb for x in t.oevrige_indtaegter), _ZERO)
    tg = o + reg.regulering - indtaegter
    pl = g.satser.pl_fremskrivning_pct
    if pl is None:
        pl = rs.std_pl_fremskrivning_pct
    b = f.belaegning
    struktur = takster(t, Grundlag(spande, o, tg - o, b.pct, b.ydelser, b.egen, pl, 1 + pl / 100), rs, sti)
    fund_: list[Fund] = []
    if t.kategori == 1:
        fund_.append(fund.lav(rs, "KATEGORI-1", f"{sti}.kategori"))
    fund_.extend(f.belaegning.fund)
    fund_.extend(d.fund)
    fund_.extend(reg.fund)
    fund_.extend(struktur.fund)
    if t.tillaegsydelser:
        fund_.extend(tillaeg_fund(t.tillaegsydelser, rs, sti))
    # The note rul frem writes about its fremskrivning explains no change (SA 2.2.3, 5.5.2).
    ingen_bemaerkning = not brugerens_bemaerkning(t.bemaerkninger, rs).strip()
    if ingen_bemaerkning and t.pladser_forrige_aar is not None and t.pladser_forrige_aar != t.pladser:
        fund_.append(fund.lav(rs, "PLADSER-AENDRET", f"{sti}.bemaerkninger", foer=t.pladser_forrige_aar, nu=t.pladser))
    if ingen_bemaerkning:
        graense = g.satser.vaesentlighed_pct
        if graense is None:
            graense = rs.std_vaesentlighed_pct
        for tk in struktur.takster:
            # SPEC §5: measured against last year's takst fremskrevet with the year's P/L.
            real = real_aendring(tk.takst, tk.forrige_takst, pl) if tk.forrige_takst else None
            if real is not None and abs(real) > graense:
                # Just over the limit the published 2 decimals equal it; then show 3.
                vist = tk.aendring_real_pct if abs(tk.aendring_real_pct) != graense else dansk.tal(real, 3)
                fund_.append(fund.lav(rs, "TAKST-AENDRET", f"{sti}.bemaerkninger", variant=None if pl else "uden_pl",
                                      ydelse=tk.ydelse_navn or tk.ydelse,
                                      aendring=tk.aendring_pct, aendring_real=vist, pl=pl,
                                      fremskrevet=tk.forrige_fremskrevet, foer=tk.forrige_takst, nu=tk.takst,
                                      graense=graense))
    if t.kategori == 1:
        # SPEC §2: a kategori-1 tilbud is not submitted, so none of its findings blocks.
        fund_ = [x if x.kode == "KATEGORI-1" else replace(x, niveau=rs.kategori_1_niveau) for x in fund_]
    bel = b.samlet_pct(t, rs)
    return _ny_resultat({
        "id": t.id,
        "navn": t.navn,
        "kategori": t.kategori,
        "takststruktur": t.takststruktur,
        "pladser": t.pladser,
        "belaegning_pct": None if bel is None else afrund(bel),
        "pladsdoegn": None if bel is None else afrund(b.pladsdoegn(t, rs)),
        # (the categories' rounded sum is that of o, their sum in the same order)
        "omkostninger": dict(zip(KATEGORIER, fordel_dele(kategorier, rs.afrunding_fordeling,
                                                         afrund(o, rs.afrunding_fordeling)))),
        "direkte_omkostninger": afrund(d.direkte),
        "afskrivninger": afrund(d.afskrivning),
        "forrentning_anlaeg": afrund(d.forrentning),
        "overhead": afrund(overhead),
        "forrentning_driftskapital": afrund(driftskapital),
        "tjenestemandspension": afrund(d.pension),
        "omkostningsgrundlag": afrund(o),
        "regulering": afrund(reg.regulering),
        "hensat": afrund(reg.hensat),
        "oevrige_indtaegter": afrund(indtaegter),
        "takstgrundlag": afrund(tg),
        "basis_andel": afrund(struktur.basis_andel),
        "borgerrettet_andel": afrund(struktur.borgerrettet_andel),
        "pris_pr_stoettetime": struktur.pris_pr_stoettetime,
        "takster": struktur.takster,
        "fordeling": struktur.fordeling,
        "tillaegsydelser": ata_timetakster(t.tillaegsydelser, rs),
        "hensaettelser": reg.hensaettelser,
        "tidligere_hensaettelser": reg.tidligere,
        "anlaeg_tal": d.anlaeg,
        "reguleringer": reg.linjer,
        "fund": tuple(fund_),
        "objektiv_fordeling": struktur.objektiv_fordeling,
        "objektiv_andel": struktur.objektiv_andel,
        "basistakst": struktur.basistakst,
    })


# A TilbudResultat from a dict of its 34 fields without the frozen dataclass's __init__, which sets
# them one by one (8 µs of a tilbud's 150; model.bygger).
_ny_resultat = bygger(TilbudResultat)


def _samme(a: tuple, b: tuple, identiske: int) -> bool:
    """The first `identiske` items are immutable records compared by identity, the rest by value."""
    return all(x is y for x, y in zip(a[:identiske], b[:identiske])) and a[identiske:] == b[identiske:]


class Beregner:
    """Computes a takstgrundlag and remembers each tilbud's work for the next call.

    A tilbud is recomputed when its record, its position, the satser, the takstår or its
    overhead share changed; the records are immutable, so identity tells whether they did.
    Total: the takstgrundlag is validated first (validering.py); a tilbud with INPUT findings
    gets them and no takster, a pulje with INPUT findings allocates nothing, and nothing raises.
    A takstgrundlag larger than the limits (domain/graenser.py) gets that finding and no takster.
    """

    def __init__(self, regelsaet: Regelsaet | None = None):
        self.regelsaet = regelsaet
        self._forberedt: dict[int, tuple[Any, ...]] = {}
        self._afsluttet: dict[int, tuple[Any, ...]] = {}
        self._valideret: dict[int, tuple[Any, ...]] = {}

    def valider(self, g: Takstgrundlag, regelsaet: Regelsaet | None = None) -> list[Fund]:
        """valider(g) with each tilbud's own findings remembered by the tilbud record's identity."""
        rs = regelsaet or self.regelsaet
        ud = validering.valider_graenser(g, rs)
        if ud:  # larger than the limits (domain/graenser.py): nothing else of it is looked at
            self._valideret = {}
            return ud
        return self._valider(g, rs)

    def _valider(self, g: Takstgrundlag, rs: Regelsaet) -> list[Fund]:
        """valider, for a takstgrundlag within the limits."""
        ud = validering.valider_top(g, rs)
        valideret: dict[int, tuple[Any, ...]] = {}
        for i, t in enumerate(g.tilbud):
            sti = f"tilbud[{i}]"
            noegle = (t, sti, g.takstaar, rs)
            gammel = self._valideret.get(id(t))
            if gammel is not None and _samme(gammel[0], noegle, 1):
                f = gammel[1]
            else:
                f = validering.valider_tilbud(t, sti, g.takstaar, rs)
            valideret[id(t)] = (noegle, f)
            ud.extend(f)
        self._valideret = valideret
        ud.extend(validering.valider_puljer(g, rs))
        return ud

    def beregn(self, g: Takstgrundlag, regelsaet: Regelsaet | None = None, grundlag_sha256: str = "") -> Beregning:
        rs = regelsaet or self.regelsaet
        if rs is None:
            raise ValueError("Beregner needs a regelsaet")
        graense = validering.valider_graenser(g, rs)
        if graense:
            # Larger than the limits: its findings only. Nothing is computed or validated (the overhead
            # alone grows with puljer × tilbud: 2.000 × 2.000 took 18 s and 1 GB).
            self._forberedt, self._afsluttet, self._valideret = {}, {}, {}
            return Beregning(takstaar=g.takstaar, driftsherre_navn=g.driftsherre.navn,
                             driftsherre_cvr=g.driftsherre.cvr, regelsaet_id=rs.id, grundlag_sha256=grundlag_sha256,
                             tilbud=tuple(_uden_takster(t, ()) for t in g.tilbud), overhead=(), fund=tuple(graense))
        top_fund, pr_tilbud, alt_udelukket, udeladte_puljer = _fordel_fund(g, self._valider(g, rs))
        forberedt: dict[int, tuple[Any, ...]] = {}
        afsluttet: dict[int, tuple[Any, ...]] = {}
        forb: dict[int, _Forberedt] = {}
        for i, t in enumerate(g.tilbud):
            if alt_udelukket or i in pr_tilbud:
                continue
            sti = f"tilbud[{i}]"
            noegle = (t, g.satser, rs, g.takstaar, sti)
            gammel = self._forberedt.get(id(t))
            if gammel is not None and _samme(gammel[0], noegle, 3):
                f = gammel[1]
            else:
                try:
                    f = _forbered(t, g.satser, g.takstaar, rs, sti)
                except ArithmeticError:
                    pr_tilbud[i] = [validering.input_fejl_for_beregning(rs, sti)]
                    continue
            forberedt[id(t)] = (noegle, f)
            forb[i] = f
        tabeller, overhead, oh_fund = fordel_overhead(
            g, {g.tilbud[i].id: f.noegler for i, f in forb.items()}, rs, udeladte_puljer)
        top_fund.extend(oh_fund)
        if g.takstaar not in rs.takstaar:
            daekker = "-".join(str(a) for a in (min(rs.takstaar), max(rs.takstaar)))
            top_fund.insert(0, fund.lav(rs, "REGELSAET-AAR", "takstaar", aar=g.takstaar, navn=rs.navn,
                                        daekker=daekker))
        resultater = []
        for i, t in enumerate(g.tilbud):
            sti = f"tilbud[{i}]"
            f = forb.get(i)
            r = None
            if f is not None:
                oh = overhead[t.id]
                noegle = (t, g.satser, rs, f, g.takstaar, sti, oh, g.driftsherre)
                gammel = self._afsluttet.get(id(t))
                if gammel is not None and _samme(gammel[0], noegle, 4):
                    r = gammel[1]
                else:
                    try:
                        r = _afslut(t, f, oh, g, rs, sti)
                    except ArithmeticError:
                        pr_tilbud[i] = [validering.input_fejl_for_beregning(rs, sti)]
                if r is not None:
                    afsluttet[id(t)] = (noegle, r)
            if r is None:
                r = _uden_takster(t, pr_tilbud.get(i, ()))
            resultater.append(r)
        self._forberedt, self._afsluttet = forberedt, afsluttet
        return Beregning(
            takstaar=g.takstaar,
            driftsherre_navn=g.driftsherre.navn,
            driftsherre_cvr=g.driftsherre.cvr,
            regelsaet_id=rs.id,
            grundlag_sha256=grundlag_sha256,
            tilbud=tuple(resultater),
            overhead=tabeller,
            fund=tuple(top_fund),
        )


_TILBUD_STI = re.compile(r"tilbud\[(\d+)\]")
_PULJE_STI = re.compile(r"overheadpuljer\[(\d+)\]")


def _fordel_fund(g: Takstgrundlag, input_fund: list[Fund]) -> tuple[list[Fund], dict[int, list[Fund]], bool, frozenset[int]]:
    """Where each INPUT finding belongs: (findings of the whole file, findings per tilbud index,
    whether nothing can be computed, the puljer that cannot be allocated)."""
    top: list[Fund] = []
    pr_tilbud: dict[int, list[Fund]] = {}
    puljer: set[int] = set()
    alt = False
    for f in input_fund:
        m_ = _TILBUD_STI.match(f.felt)
        if m_:
            pr_tilbud.setdefault(int(m_.group(1)), []).append(f)
            continue
        top.append(f)
        m_ = _PULJE_STI.match(f.felt)
        if m_:
            puljer.add(int(m_.group(1)))
        elif f.felt == "takstaar" or (f.felt.startswith("satser")
                                      and not (f.felt == "satser.rente_kort_pct" and g.satser.rente_kort_pct is None)):
            alt = True  # without usable satser (or takstår) no tilbud can be computed
    return top, pr_tilbud, alt, frozenset(puljer)


def _uden_takster(t: Tilbud, fund_: Any) -> TilbudResultat:
    """A tilbud that cannot be computed: its findings, zero figures and no takster."""
    nul = _ZERO.quantize(Decimal("0.01"))
    return TilbudResultat(
        id=t.id, navn=t.navn, kategori=t.kategori, takststruktur=t.takststruktur, pladser=t.pladser,
        belaegning_pct=None, pladsdoegn=None, omkostninger={k: nul for k in KATEGORIER},
        direkte_omkostninger=nul, afskrivninger=nul, forrentning_anlaeg=nul, overhead=nul,
        forrentning_driftskapital=nul, tjenestemandspension=nul, omkostningsgrundlag=nul, regulering=nul,
        hensat=nul, oevrige_indtaegter=nul, takstgrundlag=nul, basis_andel=nul, borgerrettet_andel=nul,
        pris_pr_stoettetime=None, takster=(), fordeling=None, tillaegsydelser=(), hensaettelser=(),
        tidligere_hensaettelser=(), anlaeg_tal=(), reguleringer=(), fund=tuple(fund_),
    )


def beregn(g: Takstgrundlag, regelsaet: Regelsaet, grundlag_sha256: str = "") -> Beregning:
    """The takster of one driftsherre and takstår: a pure function of its inputs."""
    return Beregner(regelsaet).beregn(g, grundlag_sha256=grundlag_sha256)
