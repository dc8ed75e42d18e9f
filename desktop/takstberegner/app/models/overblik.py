"""Table model of the driftsherre overview: one row per takst of every tilbud, with last
year's takst, the change, the belægning and the tilbud's status (SA 5.4, 5.6)."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import Qt

from takstberegner import dansk
from takstberegner.tjeneste import klar
from takstberegner.app.models.raekker import VIS, Kolonne, RaekkeModel
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


def _tal(v) -> str:
    return "–" if v is None else dansk.tal(v)


def _to_linjer(a, b) -> str:
    """Two figures one above the other ('1.664,74' over '1.620,00', – for none); nothing without a takst."""
    return "" if a is None else f"{_tal(a)}\n{_tal(b)}"


def _pct(v) -> str:
    return "ingen" if v is None else f"{dansk.tal(v)} %"


def _maerke(x) -> str:
    return "✔" if x.klar else "✘"


def _tilbud_og_ydelse(x) -> str:
    """The narrow form's first column: the tilbud's name on its first row, each ydelse under it."""
    ydelse = f"– {x.ydelse} ({x.enhed})" if x.enhed else (f"– {x.ydelse}" if x.ydelse else "")
    if not x.tilbud:
        return ydelse
    return f"{_maerke(x)} {x.tilbud}" + (f"\n{ydelse}" if ydelse else "")


# the columns that stand in another when the table is narrow (OverblikModel.saml): last year's
# takst under the takst, the real change under the nominal, the ydelse under the tilbud's name
SAMLES = ("forrige_takst", "aendring_real_pct", "ydelse")


class OverblikModel(RaekkeModel):
    """`saml(True)`: at 150 % the table is about 420 pixels wide and its eight columns scrolled
    sideways; last year's takst then stands under the takst, and the real change under the nominal,
    in the same cell (SAMLES are hidden by the view), each with its heading's second line."""

    def __init__(self, parent=None):
        kol = [
            # never narrower than its longest word: 'Botilbuddet Solsikken, afdeling Nord (Styrings…'
            # could not be told from its Syd at 125 %; the table takes the narrow form sooner
            Kolonne("tilbud", "Tilbud", redigerbar=False, bredde=160, hele_ord=True,
                    vis_for=lambda x: f"{_maerke(x)} {x.tilbud}" if x.tilbud else "",
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
        self.hver_for_sig = tuple(kol)
        # narrow: the tilbud's name over its ydelser in one column, the name as wide as both
        kol[0] = Kolonne("tilbud", "Tilbud og ydelse", redigerbar=False, bredde=200, hele_ord=True,
                         vis_for=_tilbud_og_ydelse, tip_for=_tilbud_og_ydelse,
                         vaerktoejstip="✔ klar til indmelding, ✘ noget skal rettes (se Status); "
                                       "under tilbuddet dets ydelser")
        kol[2] = Kolonne("takst", "Takst (kr.)\nsidste år", "tal", redigerbar=False, bredde=90,
                         vis_for=lambda x: _to_linjer(x.takst, x.forrige_takst),
                         tip_for=lambda x: "" if x.takst is None else
                         f"Takst {dansk.kr(x.takst)}, sidste år {'ingen' if x.forrige_takst is None else dansk.kr(x.forrige_takst)}",
                         vaerktoejstip="Øverst taksten, nederst sidste års takst")
        kol[4] = Kolonne("aendring_pct", "Ændring\n% (real)", "tal", redigerbar=False, bredde=80,
                         vis_for=lambda x: "" if x.takst is None else f"{_tal(x.aendring_pct)}\n{_tal(x.aendring_real_pct)}",
                         tip_for=lambda x: "" if x.takst is None else
                         f"Ændring {_pct(x.aendring_pct)}, real ændring {_pct(x.aendring_real_pct)} "
                         "(fra sidste års takst fremskrevet med årets P/L, SA 3.1)",
                         vaerktoejstip="Øverst den nominelle ændring, nederst den reale (SA 3.1)")
        # 'Belægning' is the widest word of the headings: hyphenated, the six columns fit 420 pixels
        kol[6] = Kolonne("belaegning_pct", "Belæg-\nning %", "tal", redigerbar=False, bredde=90,
                         vaerktoejstip="Belægning %")
        self.samlet_kolonner = tuple(kol)
        self.samlet = False
        # A cell's text, made once per row and form: fitting the columns and rows to 300 rows asks
        # for every cell's text many times, and each figure was written anew each time.
        self._tekster: dict[tuple[int, int], str] = {}
        super().__init__(self.hver_for_sig, parent)

    def data(self, index, role=VIS):
        if role == VIS:
            noegle = (index.row(), index.column())
            t = self._tekster.get(noegle)
            if t is None:
                t = super().data(index, role)
                if t is None:
                    return None
                self._tekster[noegle] = t
            return t
        return super().data(index, role)

    def saet_raekker(self, raekker) -> None:
        self._tekster.clear()
        super().saet_raekker(raekker)

    def saml(self, samlet: bool) -> bool:
        """Show last year's takst and the real change as second lines (True) or in their own
        columns; True when that changed the columns."""
        if samlet == self.samlet:
            return False
        self.samlet = samlet
        self.kolonner = self.samlet_kolonner if samlet else self.hver_for_sig
        self._tekster.clear()
        n = len(self.kolonner)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, n - 1)
        if self.raekker:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.raekker) - 1, n - 1))
        return True

    def vis(self, grundlag, beregning) -> None:
        rows = raekker(grundlag, beregning)
        self.fremhaev = {i for i, x in enumerate(rows) if not x.klar}
        self.saet_raekker(rows)
