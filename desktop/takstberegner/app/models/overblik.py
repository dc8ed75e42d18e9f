"""Table model of the driftsherre overview: one row per takst of every tilbud, with last
year's takst, the change, the belægning and the tilbud's status (SA 5.4, 5.6)."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from takstberegner.tjeneste import klar
from takstberegner.app.models.raekker import Kolonne, RaekkeModel
from takstberegner.domain import navne


@dataclass(frozen=True)
class OverblikRaekke:
    tilbud_id: str
    tilbud: str
    ydelse: str
    enhed: str
    takst: Decimal | None
    forrige_takst: Decimal | None
    aendring_pct: Decimal | None
    aendring_real_pct: Decimal | None
    belaegning_pct: Decimal | None
    status: str
    klar: bool
    status_kort: str = ""  # what the Status column shows: short words that fit it at 125 %


def raekker(grundlag, beregning) -> list[OverblikRaekke]:
    ud = []
    for i, t in enumerate(grundlag.tilbud):
        r = beregning.tilbud_resultat(t.id)
        status, ok, kort = klar.tilbud_status(i, t, r)
        takster = r.takster if r is not None else ()
        bel = r.belaegning_pct if r is not None else None
        if not takster:
            ud.append(OverblikRaekke(t.id, t.navn, "", "", None, None, None, None, bel, status, ok, kort))
        for n, tk in enumerate(takster):
            ud.append(OverblikRaekke(
                t.id, t.navn if n == 0 else "", tk.ydelse_navn or "", _enhed(tk.enhed), tk.takst, tk.forrige_takst,
                tk.aendring_pct, tk.aendring_real_pct, tk.belaegning_pct if tk.belaegning_pct is not None else
                (bel if n == 0 else None),
                status if n == 0 else "", ok, kort if n == 0 else ""))
    return ud


def _enhed(kode: str) -> str:
    return f"pr. {navne.vis(kode, navne.ENHEDER).lower()}" if kode else ""


class OverblikModel(RaekkeModel):
    def __init__(self, parent=None):
        kol = [
            Kolonne("tilbud", "Tilbud", redigerbar=False, bredde=160,
                    vis_for=lambda x: f"{'✔' if x.klar else '✘'} {x.tilbud}" if x.tilbud else "",
                    vaerktoejstip="✔ klar til indmelding, ✘ noget skal rettes (se Status)"),
            Kolonne("ydelse", "Ydelse", redigerbar=False, bredde=140,
                    vis_for=lambda x: f"{x.ydelse} ({x.enhed})" if x.enhed else x.ydelse),
            Kolonne("takst", "Takst\n(kr.)", "tal", redigerbar=False, bredde=90),
            Kolonne("forrige_takst", "Sidste\når", "tal", redigerbar=False, bredde=85),
            Kolonne("aendring_pct", "Ændring\n%", "tal", redigerbar=False, bredde=80,
                    vaerktoejstip="Nominel ændring fra sidste års takst"),
            Kolonne("aendring_real_pct", "Real\nændring %", "tal", redigerbar=False, bredde=100,
                    vaerktoejstip="Ændring fra sidste års takst fremskrevet med årets P/L (SA 3.1)"),
            Kolonne("belaegning_pct", "Belægning\n%", "tal", redigerbar=False, bredde=90),
            Kolonne("status", "Status", redigerbar=False, vis_for=lambda x: x.status_kort,
                    tip_for=lambda x: x.status, hele_ord=True),
        ]
        super().__init__(tuple(kol), parent)

    def vis(self, grundlag, beregning) -> None:
        rows = raekker(grundlag, beregning)
        self.fremhaev = {i for i, x in enumerate(rows) if not x.klar}
        self.saet_raekker(rows)
