"""The pages of an open file in reading order, and where a field path is: the overview, the
driftsherre's own page, then each tilbud's steps. Næste/Forrige trin walk this order; findings
and the overview's "Gå til" find their step here. Pure Python (no Qt)."""
from __future__ import annotations

from takstberegner.app.stier import placering

OVERBLIK = "overblik"  # the overview page; the other pages are step numbers


class Sidefoelge:
    def __init__(self, titler: list[str], felter: list[tuple[str, ...]], driftsherre_trin: int):
        """titler/felter: each step's title and the first parts of the field paths it owns;
        the first `driftsherre_trin` steps are the driftsherre's, the rest are a tilbud's."""
        self.titler = titler
        self.felter = felter
        self.driftsherre_trin = driftsherre_trin

    def er_tilbudsside(self, side) -> bool:
        return side != OVERBLIK and side >= self.driftsherre_trin

    def sider(self, tilbud_ids: list[str]) -> list[tuple[str | None, object]]:
        ud: list[tuple[str | None, object]] = [(None, OVERBLIK)] + [(None, nr) for nr in range(self.driftsherre_trin)]
        for tid in tilbud_ids:
            ud += [(tid, nr) for nr in range(self.driftsherre_trin, len(self.titler))]
        return ud

    def nabo(self, tilbud_id, side, tilbud_ids: list[str], retning: int) -> tuple[str | None, object]:
        """The page before (-1) or after (+1) this one; round to the overview at the ends."""
        sider = self.sider(tilbud_ids)
        her = (tilbud_id if self.er_tilbudsside(side) else None, side)
        i = sider.index(her) if her in sider else 0
        return sider[(i + retning) % len(sider)]

    def navn(self, side) -> str:
        return "Overblik" if side == OVERBLIK else self.titler[side]

    def trin_tekst(self, side) -> str:
        """'Trin 2 af 9' on a tilbud's step."""
        if not self.er_tilbudsside(side):
            return ""
        return f"Trin {side - self.driftsherre_trin + 1} af {len(self.titler) - self.driftsherre_trin}"

    def trin_navn(self, felt: str) -> str:
        """The title of the step that owns a field path ("" when none does)."""
        p = placering(felt, self.felter)
        return "" if p.trin is None else self.titler[p.trin]

    def fejl_steder(self, grundlag, mangler) -> set[tuple[str | None, int | None]]:
        """(tilbud id or None, step) of every blocking problem, for the navigator's marks."""
        ud = set()
        for m in mangler:
            p = placering(m.felt, self.felter)
            i = p.tilbud_index
            ud.add((grundlag.tilbud[i].id if i is not None and i < len(grundlag.tilbud) else None, p.trin))
        return ud
