"""RaekkeModel: a QAbstractTableModel over a tuple of frozen records, described by columns.

Editing builds a new record (dataclasses.replace) and hands it to a callback, which pushes an
undoable command; the model never changes its rows itself. Numbers are shown and typed Danish.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from takstberegner import dansk
from takstberegner.app.widgets import vaerktoejstip
from takstberegner.domain import navne




@dataclass(frozen=True)
class Kolonne:
    felt: str
    titel: str
    slags: str = "tekst"  # tekst, tal, heltal, bool, valg, dato
    decimaler: int | None = 2  # for tal; None: only the decimals the value has
    valg: tuple[tuple[Any, str], ...] = ()
    redigerbar: bool = True
    tom_ok: bool = False  # an empty number cell means None
    hent: Callable[[Any], Any] | None = None
    saet: Callable[[Any, Any], Any] | None = None
    bredde: int = 0
    vaerktoejstip: str = ""
    # choices that depend on the row (a budget line's post depends on its kategori)
    valg_for: Callable[[Any], tuple[tuple[Any, str], ...]] | None = None
    vis_for: Callable[[Any], str] | None = None  # the cell's text from the whole row
    tip_for: Callable[[Any], str] | None = None  # the cell's tooltip, when it says more than the cell
    hele_ord: bool = False  # a wrapping table never narrows it below its longest word (TabelVisning)

    def vaerdi(self, raekke: Any) -> Any:
        return self.hent(raekke) if self.hent else getattr(raekke, self.felt)

    def valg_til(self, raekke: Any) -> tuple[tuple[Any, str], ...]:
        """The choices of a 'valg' cell in this row."""
        return self.valg_for(raekke) if self.valg_for is not None else self.valg

    def tekst(self, raekke: Any) -> str:
        """What the cell shows (Danish; a code is shown by its name, never as its key)."""
        if self.vis_for is not None:
            return self.vis_for(raekke)
        v = self.vaerdi(raekke)
        if self.slags == "valg" and self.valg_for is not None:
            return dict(self.valg_for(raekke)).get(v, self.vis(v))
        return self.vis(v)

    def ny_raekke(self, raekke: Any, vaerdi: Any) -> Any:
        return self.saet(raekke, vaerdi) if self.saet else replace(raekke, **{self.felt: vaerdi})

    def vis(self, v: Any) -> str:
        if v is None:
            return ""
        if self.slags == "valg":
            return dict(self.valg).get(v) or navne.vis(v)
        if self.slags == "tal":
            return dansk.kort_tal(v) if self.decimaler is None else dansk.tal(v, self.decimaler)
        if self.slags == "heltal":
            return str(v)
        if self.slags == "dato":
            return dansk.dato(v)
        if self.slags == "bool":
            return ""
        return str(v)

    def laes(self, tekst: Any, raekke: Any = None) -> Any:
        """The cell's new value from what was typed or pasted (ValueError with Danish text when
        wrong). A choice is read from its key or its Danish name."""
        if self.slags == "valg":
            valg = self.valg_til(raekke) if raekke is not None else self.valg
            for v, navn in valg:
                if tekst == v:
                    return v
            s = str(tekst).strip().casefold()
            for v, navn in valg:
                if s in (str(v).casefold(), navn.casefold()):
                    return v
            raise ValueError("Vælg en af: " + ", ".join(navn for _, navn in valg) + ".")
        if self.slags == "bool":
            s = str(tekst).strip().casefold()
            if s in ("", "0", "nej", "n", "falsk", "false"):
                return False
            if s in ("1", "ja", "j", "x", "sand", "true", "✓", "✔"):
                return True
            raise ValueError("Skriv ja eller nej.")
        if self.slags in ("tal", "heltal"):
            s = str(tekst).strip()
            if not s:
                if self.tom_ok:
                    return None
                raise ValueError("Feltet skal udfyldes.")
            d = dansk.laes_tal(s)
            if self.slags == "heltal":
                if d != d.to_integral_value():
                    raise ValueError("Skriv et helt tal.")
                return int(d)
            return d
        if self.slags == "dato":
            s = str(tekst).strip()
            for fmt in ("%d-%m-%Y", "%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y"):
                try:
                    from datetime import datetime

                    return datetime.strptime(s, fmt).date()
                except ValueError:
                    continue
            if not s:
                raise ValueError("Skriv datoen som dd-mm-åååå, fx 15-06-2012.")
            raise ValueError(f"'{s[:20]}' er ikke en dato; skriv datoen som dd-mm-åååå, fx 15-06-2012.")
        if self.slags == "tekst":
            return str(tekst)
        return tekst


_TAL_SLAGS = ("tal", "heltal")
# PySide6 finds a short enum name (Qt.ItemDataRole.DisplayRole) through a slow compatibility lookup, several µs
# each, and data() is asked for every cell and role whenever a table is drawn or fits its columns:
# with the short names a budget of 1.000 lines took 12 s to paste. The full names, bound once.
_R = Qt.ItemDataRole
VIS, RET, AFKRYDS, JUSTER, BAGGRUND, FORGRUND, TIP = (_R.DisplayRole, _R.EditRole, _R.CheckStateRole,
                                                      _R.TextAlignmentRole, _R.BackgroundRole, _R.ForegroundRole,
                                                      _R.ToolTipRole)
_ROLLER = frozenset((VIS, RET, AFKRYDS, JUSTER, BAGGRUND, FORGRUND, TIP))
_VANDRET, _LODRET = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
_HOEJRE = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_MARKERET = QBrush(QColor("#fde8e8"))
_NEGATIV = QBrush(QColor("#a01818"))
_KAN_VAELGES = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class RaekkeModel(QAbstractTableModel):
    def __init__(self, kolonner: tuple[Kolonne, ...], parent=None):
        super().__init__(parent)
        self.kolonner = kolonner
        self.raekker: tuple = ()
        self.paa_rettelse: Callable[[int, Any], None] | None = None  # (row, new record)
        # several rows at once: (changed rows, new rows added at the end)
        self.paa_blok: Callable[[list[tuple[int, Any]], list[Any]], None] | None = None
        self.ny_raekke: Callable[[], Any] | None = None  # a new row, when pasting needs more rows
        self.fremhaev: set[int] = set()  # rows a finding is about
        self.sidste_fejl = ""

    # -- data in -------------------------------------------------------------------------
    def saet_raekker(self, raekker) -> None:
        raekker = tuple(raekker)
        if len(raekker) == len(self.raekker):
            gamle, self.raekker = self.raekker, raekker
            # only the rows that changed are redrawn (unchanged records keep their identity)
            aendrede = [i for i, (a, b) in enumerate(zip(gamle, raekker)) if a is not b and a != b]
            if aendrede:
                self.dataChanged.emit(self.index(aendrede[0], 0), self.index(aendrede[-1], len(self.kolonner) - 1))
            return
        self.beginResetModel()
        self.raekker = raekker
        self.endResetModel()

    # -- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.raekker)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.kolonner)

    def headerData(self, section, orientation, role=VIS):
        if orientation == _VANDRET and 0 <= section < len(self.kolonner):
            if role == VIS:
                return self.kolonner[section].titel
            if role == TIP:  # a heading cut with … in a narrow column can be read in full
                k = self.kolonner[section]
                return k.vaerktoejstip or " ".join(k.titel.split())
        if orientation == _LODRET and role == VIS:
            return str(section + 1)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        k = self.kolonner[index.column()]
        f = _KAN_VAELGES
        if k.redigerbar and self.paa_rettelse is not None:
            f |= Qt.ItemFlag.ItemIsUserCheckable if k.slags == "bool" else Qt.ItemFlag.ItemIsEditable
        return f

    def data(self, index, role=VIS):
        if role not in _ROLLER or not index.isValid() or not (0 <= index.row() < len(self.raekker)):
            return None
        k = self.kolonner[index.column()]
        raekke = self.raekker[index.row()]
        if role == VIS:
            return k.tekst(raekke)
        if role == TIP:  # a text cut off in a narrow column can be read in full
            if k.tip_for is not None:
                return vaerktoejstip(k.tip_for(raekke)) or None
            return (vaerktoejstip(k.tekst(raekke)) or None) if k.slags in ("tekst", "valg") else None
        v = k.vaerdi(raekke)
        if role == RET:
            if k.slags == "valg":
                return v
            if k.slags in _TAL_SLAGS:
                return "" if v is None else (str(v) if k.slags == "heltal" else dansk.kort_tal(v))
            return k.tekst(raekke)
        if role == AFKRYDS and k.slags == "bool":
            return Qt.CheckState.Checked if v else Qt.CheckState.Unchecked
        if role == JUSTER and k.slags in _TAL_SLAGS:
            return _HOEJRE
        if role == BAGGRUND and index.row() in self.fremhaev:
            return _MARKERET
        if role == FORGRUND and k.slags == "tal" and isinstance(v, Decimal) and v < 0:
            return _NEGATIV
        return None

    def valg(self, index) -> tuple[tuple[Any, str], ...]:
        """The choices of a 'valg' cell."""
        return self.kolonner[index.column()].valg_til(self.raekker[index.row()])

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.paa_rettelse is None:
            return False
        k = self.kolonner[index.column()]
        if not k.redigerbar:
            return False
        if role == Qt.ItemDataRole.CheckStateRole and k.slags == "bool":
            ny = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        elif role == Qt.ItemDataRole.EditRole:
            try:
                ny = k.laes(value, self.raekker[index.row()])
            except ValueError as e:
                self.sidste_fejl = str(e)
                return False
        else:
            return False
        raekke = self.raekker[index.row()]
        if k.vaerdi(raekke) == ny:
            return True
        svar = self.paa_rettelse(index.row(), k.ny_raekke(raekke, ny))
        if svar is not None and not svar:  # refused: the document says why (Dokument.Afvist)
            self.sidste_fejl = str(svar)
            return False
        return True

    # -- pasting a block from a spreadsheet ------------------------------------------------
    def indsaet_blok(self, raekke: int, kolonne: int, celler: list[list[str]]) -> str:
        """Set a block of typed cells (e.g. a column of amounts copied from Excel) in one edit;
        lines below the last row become new rows when the table can add rows. Returns a Danish
        error text, or "" when all cells were taken."""
        rettede: dict[int, Any] = {}
        for i, linje in enumerate(celler):
            r = raekke + i
            if r >= len(self.raekker) and self.ny_raekke is None:
                return f"Der er kun {len(self.raekker)} rækker; tilføj flere linjer og indsæt igen."
            ny = rettede.get(r) or (self.raekker[r] if r < len(self.raekker) else self.ny_raekke())
            for j, tekst in enumerate(linje):
                c = kolonne + j
                if c >= len(self.kolonner) or not self.kolonner[c].redigerbar:
                    continue
                k = self.kolonner[c]
                try:
                    ny = k.ny_raekke(ny, k.laes(tekst, ny))
                except ValueError as e:
                    return f"Række {r + 1}, {k.titel}: {e}"
            rettede[r] = ny
        aendrede = [(r, x) for r, x in sorted(rettede.items()) if r < len(self.raekker) and x != self.raekker[r]]
        nye = [x for r, x in sorted(rettede.items()) if r >= len(self.raekker)]
        if (aendrede or nye) and self.paa_blok is not None:
            self.paa_blok(aendrede, nye)
        return ""


def kolonne_for(model: RaekkeModel, felt: str) -> int:
    for i, k in enumerate(model.kolonner):
        if k.felt == felt:
            return i
    return 0


def iso(d: date | None) -> str:
    return "" if d is None else d.isoformat()
