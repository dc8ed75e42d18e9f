"""TabelVisning: a QTableView for the step tables. Tab/Enter move on through the cells, combo
boxes for choices, Danish number editors that keep what is typed and refuse, with the reason, a
text that is no number, and Ctrl+V pastes a block of cells copied from Excel (one undoable edit)."""
from __future__ import annotations

from PySide6.QtCore import SIGNAL, QEvent, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QTableView,
    QToolTip,
    QWidget,
)

from takstberegner.app import udklip
from takstberegner.app.models.raekker import RaekkeModel
from takstberegner.app.widgets import vis_afvisning

_TAL = ("tal", "heltal")  # the kinds of column that show numbers, never cut off
TEKST_MINDST = 90  # a text column is never made narrower than this to keep the amounts in view
OVERSKRIFT_MINDST = 48  # nor a column of a table that has no rows yet
OMBRUD_MINDST = 64  # nor a wrapping one (TabelVisning.ombryd_tekst) when its words do not fit


def celle_navn(index) -> str:
    """A cell editor's name for a screen reader: its column's heading and its row ('Beløb (kr.),
    række 3'), so the user hears where the typing goes."""
    titel = index.model().headerData(index.column(), Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    return f"{' '.join(str(titel or '').split())}, række {index.row() + 1}"


class DanskDelegate(QStyledItemDelegate):
    sidste_editor: QLineEdit | None = None

    def _kolonne(self, index):
        model = index.model()
        return model.kolonner[index.column()] if isinstance(model, RaekkeModel) else None

    def createEditor(self, parent, option, index):
        k = self._kolonne(index)
        if k is not None and k.slags == "valg":
            cb = QComboBox(parent)
            cb.setAccessibleName(celle_navn(index))
            for v, tekst in index.model().valg(index):
                cb.addItem(tekst, v)
            cb.setMaxVisibleItems(16)
            return cb
        editor = QLineEdit(parent)
        self.sidste_editor = editor  # (for _aaben_igen: the editor view.edit() just made)
        editor.setAccessibleName(celle_navn(index))
        if k is not None and k.slags in ("tal", "heltal", "dato"):
            # No validator: it would drop what it does not take ("1e30" shows as "130"). The text
            # stays as typed; Enter and Tab are refused with the reason until it can be read (a
            # date too: Tab closed the cell and the date typed was gone).
            editor.setProperty("raekke_kolonne", (index.row(), index.column()))
        if k is not None and k.slags in _TAL:
            editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return editor

    def eventFilter(self, editor, event):
        if (event.type() == QEvent.Type.KeyPress and isinstance(editor, QLineEdit)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)):
            besked = self._afvisning(editor)
            if besked:
                vis_afvisning(editor, besked)
                return True
        return super().eventFilter(editor, event)

    def _afvisning(self, editor: QLineEdit) -> str:
        """Why a number cell's editor cannot be saved as it reads ("" when it can)."""
        sted = editor.property("raekke_kolonne")
        view = self.parent()
        model = view.model() if isinstance(view, QTableView) else None
        if not sted or not isinstance(model, RaekkeModel) or not (0 <= sted[0] < len(model.raekker)):
            return ""
        try:
            model.kolonner[sted[1]].laes(editor.text(), model.raekker[sted[0]])
        except ValueError as e:
            return str(e)
        return ""

    def setEditorData(self, editor, index):
        if isinstance(editor, QComboBox):
            i = editor.findData(index.data(Qt.ItemDataRole.EditRole))
            editor.setCurrentIndex(max(i, 0))
        else:
            editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            ok = model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            ok = model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
        besked = getattr(model, "sidste_fejl", "")
        if not ok and besked:  # why the value was not saved, at the cell (the status bar says it too)
            view = self.parent()
            if isinstance(editor, QLineEdit) and isinstance(view, QTableView):
                # The cell closes (Tab has moved on) before the file refuses the value: open it
                # again with what was typed, marked with the reason, so it is mended, not retyped.
                tekst, sted = editor.text(), QPersistentModelIndex(index)
                QTimer.singleShot(0, lambda: self._aaben_igen(view, sted, tekst, besked))
            elif isinstance(view, QTableView):
                rect = view.visualRect(index)
                QToolTip.showText(view.viewport().mapToGlobal(rect.bottomLeft()), besked, view.viewport(), rect, 8000)
                if getattr(view, "paa_besked", None):  # the document's refusal says 'Ikke gemt: ' itself
                    view.paa_besked(besked if besked.startswith("Ikke gemt: ") else f"Ikke gemt: {besked}")


    def _aaben_igen(self, view: QTableView, sted: QPersistentModelIndex, tekst: str, besked: str) -> None:
        if not sted.isValid() or not view.isVisible():
            return
        idx = view.model().index(sted.row(), sted.column())
        self.sidste_editor = None
        view.setCurrentIndex(idx)
        view.edit(idx)
        editor = self.sidste_editor
        if editor is None:
            return
        editor.setText(tekst)
        vis_afvisning(editor, besked.removeprefix("Ikke gemt: "))


MAALTE_RAEKKER = 200
HOEJDE_RAEKKER = 100  # pas_hoejder fits so many rows from the first in view
_ENKELTVIS = 20  # _tal_ses_helt measures up to so many changed rows cell by cell


class TabelVisning(QTableView):
    aabn = Signal(QModelIndex)  # a double click, or Enter on a cell that cannot be edited

    def __init__(self, model: RaekkeModel, parent=None, navn: str = ""):
        """`navn`: what the table holds, in Danish; a screen reader says it when the table gets focus."""
        super().__init__(parent)
        self.setAccessibleName(navn)
        self.setModel(model)
        self.doubleClicked.connect(self.aabn)
        self.setItemDelegate(DanskDelegate(self))
        self.setTabKeyNavigation(True)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectItems)
        self.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
                             | QAbstractItemView.AnyKeyPressed | QAbstractItemView.SelectedClicked)
        self.verticalHeader().setDefaultSectionSize(24)
        # A column's width is fitted to the cells of at most MAALTE_RAEKKER rows (Qt's default is
        # 1.000, and the table is fitted on every resize): a longer text further down is cut with
        # … and shown whole in its tooltip.
        self.horizontalHeader().setResizeContentsPrecision(MAALTE_RAEKKER)
        h = self.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.Interactive)
        h.setStretchLastSection(True)
        if not any(k.redigerbar for k in model.kolonner):
            self.verticalHeader().hide()
            self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        for i, k in enumerate(model.kolonner):
            if k.bredde:
                self.setColumnWidth(i, k.bredde)
        self.paa_besked = None  # callable(str) for paste errors
        self.i_syne_til: str | None = None  # the field of the last column that must be in view (None: the last)
        self.ombryd_tekst = False  # see ombryd()
        self._hoejder_foelger = False  # pas_hoejder follows the scrolling
        self._tilpasset = False
        self._strakt_saenket = False  # the stretched last column's least width lowered (_pas_overskrifter)
        self._behov_kendt: dict = {}  # a column's need, until the rows change
        self._hoejde_passet: set[int] = set()  # rows pas_hoejder has fitted to the columns as they are
        self._celle_foer: tuple[int, int] | None = None
        model.modelAboutToBeReset.connect(self._husk_celle)
        # forgotten before anything below measures the new rows: the overview measured its 300
        # rows twice on opening, once with the old needs forgotten after the fitting
        for signal in (model.modelReset, model.dataChanged, model.rowsInserted, model.rowsRemoved,
                       model.layoutChanged, model.headerDataChanged):
            signal.connect(self._behov_kendt.clear)
            signal.connect(self._hoejde_passet.clear)
        self.horizontalHeader().sectionResized.connect(lambda *_: self._hoejde_passet.clear())
        model.modelReset.connect(self._tilpas_bredder)
        model.modelReset.connect(self._genskab_celle)
        # a wrapping table fits its columns to new rows (a status that became longer: Indmeldes ikke)
        for signal in (model.modelReset, model.dataChanged):
            signal.connect(lambda *_: self.pas_i_bredden() if self.ombryd_tekst and self._tilpasset else None)
        # after the needs are forgotten, so that pas_i_bredden measures the new amounts
        model.modelReset.connect(lambda: self._tal_ses_helt(0, MAALTE_RAEKKER - 1, 0, model.columnCount() - 1))
        model.dataChanged.connect(lambda a, b, *_: self._tal_ses_helt(a.row(), b.row(), a.column(), b.column()))

    def _husk_celle(self) -> None:
        cur = self.currentIndex()
        self._celle_foer = (cur.row(), cur.column()) if cur.isValid() else None

    def _genskab_celle(self) -> None:
        """The rows changed in number (a pasted block added lines, Fortryd took them away) and the
        table was left with no current cell: the next Ctrl+V did nothing and said nothing, and the
        arrow keys began from nowhere. The cell is current again (the last row when its row is gone)."""
        sted, self._celle_foer = self._celle_foer, None
        m = self.model()
        if sted is not None and m.rowCount() and not self.currentIndex().isValid():
            self.setCurrentIndex(m.index(min(sted[0], m.rowCount() - 1), sted[1]))

    def ombryd(self) -> None:
        """Text columns wrap onto more lines instead of pushing the amounts out of view: every
        column is fitted anew to the table's width, the text columns (the stretched last one too)
        wrapping down to their longest word and, if need be, further (the overblik at 125 %)."""
        self.ombryd_tekst = True
        self.setWordWrap(True)
        h = self.horizontalHeader()
        # Qt never makes the stretched last column narrower than it was when it was set to stretch
        h.setStretchLastSection(False)
        h.resizeSection(self.model().columnCount() - 1, OMBRUD_MINDST)
        h.setStretchLastSection(True)

    def pas_hoejder(self) -> None:
        """Fit the rows' heights to their wrapped text (ombryd): the HOEJDE_RAEKKER rows from the
        first in view, more than a screen holds, the rest as they are scrolled into view. Fitting
        all of them held the window 0,1 s for the overview's 300 rows when a file opened, and more
        for more rows."""
        if not self._hoejder_foelger:
            self._hoejder_foelger = True
            self.verticalScrollBar().valueChanged.connect(self.pas_hoejder)
        fra = max(self.rowAt(0), 0)
        for r in range(fra, min(self.model().rowCount(), fra + HOEJDE_RAEKKER)):
            if r not in self._hoejde_passet:
                self.resizeRowToContents(r)
                self._hoejde_passet.add(r)

    def _tilpas_bredder(self) -> None:
        """Fit the columns to their content the first time there are rows (the user's widths stay)."""
        if self._tilpasset or self.model().rowCount() == 0:
            return
        self._tilpasset = True
        # fitted to the rows, no heading is cut: Qt's own drawing (eliding a heading of two lines
        # cut 'Real / ændring %' that fitted, at 125 %)
        self.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideNone)
        n = self.model().columnCount()
        sidste = n - 1 if self.horizontalHeader().stretchLastSection() else n
        kolonner = getattr(self.model(), "kolonner", ())
        for i in range(sidste):
            if self.isColumnHidden(i):
                continue
            loft = kolonner[i].bredde if i < len(kolonner) and kolonner[i].bredde else 240  # a column's width is its most
            # what resizeColumnsToContents gave (cells and heading) and 12 pixels, measured once
            # with the needs pas_i_bredden reads next (_behov adds 6 of them)
            self.setColumnWidth(i, max(60, min(self._behov(i) + 6, loft)))
        self.pas_i_bredden()

    def _tal_ses_helt(self, fra: int, til: int, kol_fra: int, kol_til: int) -> None:
        """Widen a number column that is narrower than an amount in rows fra..til (at most
        MAALTE_RAEKKER of them): a column fitted to '0,00' when a line was added showed the amount
        typed next as '5.000.000…'. An amount is never cut; text columns give way (pas_i_bredden)."""
        model = self.model()
        if not self._tilpasset or model is None:
            return
        kolonner = getattr(model, "kolonner", ())
        til = min(til, fra + MAALTE_RAEKKER - 1, model.rowCount() - 1)
        bredere = False
        for k in range(max(kol_fra, 0), min(kol_til, len(kolonner) - 1) + 1):
            if kolonner[k].slags not in _TAL or self.isColumnHidden(k):
                continue
            if til - fra + 1 > _ENKELTVIS:  # many rows (a new file, the overview's form): the column's own
                behov = self._indhold(k) + 6  # measure of as many rows, which pas_i_bredden reads too
            else:
                behov = max((self.sizeHintForIndex(model.index(r, k)).width() for r in range(fra, til + 1)),
                            default=0) + 6
            if behov > self.columnWidth(k):
                self.setColumnWidth(k, behov)
                bredere = True
        if bredere:
            self.pas_i_bredden()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.pas_i_bredden()

    def changeEvent(self, event) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._behov_kendt.clear()
        super().changeEvent(event)

    def _behov(self, i: int) -> int:
        """The width column i needs: its heading and the cells shown, with a little air. Kept until
        the rows change: the table is fitted on every resize, and measuring reads every cell."""
        b = self._behov_kendt.get(i)
        if b is None:
            b = self._behov_kendt[i] = max(self._indhold(i), self.horizontalHeader().sectionSizeHint(i)) + 6
        return b

    def _indhold(self, i: int) -> int:
        """The width column i's cells need (Qt's measure of at most MAALTE_RAEKKER rows, the ones in
        view first), kept with _behov's."""
        noegle = ("indhold", i)
        b = self._behov_kendt.get(noegle)
        if b is None:
            b = self._behov_kendt[noegle] = self.sizeHintForColumn(i)
        return b

    def pas_i_bredden(self) -> None:
        """When the columns are wider than the table shows, narrow them so the amounts at the right
        stay in view: first every column to what its heading and cells need, then, if that makes
        the columns up to `i_syne_til` fit, the text columns before it (cut off with …, the whole
        text in the cell's tooltip)."""
        model = self.model()
        if model is None:
            return
        if model.rowCount() == 0:
            self._pas_overskrifter()
            return
        synlige = [i for i in range(model.columnCount()) if not self.isColumnHidden(i)]
        if not synlige:
            return
        plads = self.viewport().width()
        strakt = synlige[-1] if self.horizontalHeader().stretchLastSection() else None
        behov = {i: self._behov(i) for i in synlige}
        ombryd = self.ombryd_tekst and self.wordWrap()
        bredder = {i: (behov[i] if i == strakt or ombryd else self.columnWidth(i)) for i in synlige}
        kolonner = getattr(model, "kolonner", ())
        er_tekst = {i for i in synlige if i < len(kolonner) and kolonner[i].slags in ("tekst", "valg")}
        if sum(bredder.values()) <= plads:
            if ombryd:  # wide enough again: every column as wide as it needs
                self._saet_bredder(bredder, strakt)
            return
        for i in synlige:  # 1: nothing wider than it needs
            bredder[i] = min(bredder[i], behov[i])
        felter = [k.felt for k in kolonner]
        maal = felter.index(self.i_syne_til) if self.i_syne_til in felter else synlige[-1]
        # a text column gives up no more than down to TEKST_MINDST, and never cuts off its heading
        mindst = {i: max(TEKST_MINDST, self.horizontalHeader().sectionSizeHint(i) + 6) for i in synlige}
        if ombryd:  # a wrapping column down to its longest word; the stretched one fills what is left
            for i in er_tekst:
                mindst[i] = min(behov[i], max(self.horizontalHeader().sectionSizeHint(i) + 6, self._ord_behov(i)))
            if strakt in er_tekst:
                bredder[strakt] = mindst[strakt]
        tekst = [i for i in synlige if i in er_tekst and (i != strakt or ombryd) and (i < maal or ombryd)
                 and bredder[i] > mindst[i]]
        over = sum(b for i, b in bredder.items() if i <= maal) - plads
        kan = sum(bredder[i] - mindst[i] for i in tekst)
        if 0 < over <= kan:  # 2: the text columns give up the rest, in proportion to what they can
            for i in tekst:
                bredder[i] -= -(-over * (bredder[i] - mindst[i]) // kan)
        elif ombryd and over > 0:
            # 2b: a wrapping table's text columns down to their longest word, then on down to
            # OMBRUD_MINDST, the long words cut with … (whole in the tooltip): the amounts first
            for i in tekst:
                over -= bredder[i] - mindst[i]
                bredder[i] = mindst[i]
            sidst = {i: max(OMBRUD_MINDST, self.horizontalHeader().sectionSizeHint(i) + 6,
                            self._hele_ord(i) if kolonner[i].hele_ord else 0) for i in er_tekst}
            kan = sum(max(0, bredder[i] - sidst[i]) for i in er_tekst)
            if over > 0 and kan:
                del_ = min(over, kan)
                for i in er_tekst:
                    bredder[i] -= -(-del_ * max(0, bredder[i] - sidst[i]) // kan)
        self._saet_bredder(bredder, strakt)

    def mindste_bredde(self, kolonner) -> int:
        """The least width columns `kolonner` (hidden ones too) take in a wrapping table (ombryd):
        a number column its figures and heading, a text column what pas_i_bredden narrows it to
        at most (its heading, OMBRUD_MINDST, a hele_ord column its longest word)."""
        h, ks = self.horizontalHeader(), getattr(self.model(), "kolonner", ())
        ud = 0
        for i in kolonner:
            if i < len(ks) and ks[i].slags in ("tekst", "valg"):
                ud += min(self._behov(i), max(OMBRUD_MINDST, h.sectionSizeHint(i) + 6,
                                              self._hele_ord(i) if ks[i].hele_ord else 0))
            else:
                ud += self._behov(i)
        return ud

    def viewportEvent(self, event) -> bool:
        # a wrapping table's rows grow taller when it narrows its columns; the vertical scroll bar
        # that may then appear takes width from the viewport, not from the table: fit again
        if event.type() == QEvent.Type.Resize and self.ombryd_tekst:
            QTimer.singleShot(0, self.pas_i_bredden)
        return super().viewportEvent(event)

    def _pas_overskrifter(self) -> None:
        """A table with no rows yet (a new tilbud's ydelser) has only its headings to show: the
        columns keep their planned widths while they fit, else they narrow to what their headings
        need and then share the width (a heading cut with …), so the table never scrolls sideways
        with a heading cut at the edge ('ngstal (fx' at 125 %). Its first rows fit it anew."""
        if self._tilpasset:
            return
        h = self.horizontalHeader()
        # a heading wider than its column ends in … (Qt's default clipped it at both ends, centred:
        # 'ttetimer pr. u' in a new tilbud's empty ydelser at 125 %); the whole in its tooltip
        h.setTextElideMode(Qt.TextElideMode.ElideRight)
        synlige = [i for i in range(self.model().columnCount()) if not self.isColumnHidden(i)]
        if not synlige:
            return
        strakt = synlige[-1] if h.stretchLastSection() else None
        if strakt is not None and not self._strakt_saenket:
            # Qt never makes the stretched last column narrower than when it was set to stretch
            self._strakt_saenket = True
            h.setStretchLastSection(False)
            h.resizeSection(strakt, OVERSKRIFT_MINDST)
            h.setStretchLastSection(True)
        kolonner = getattr(self.model(), "kolonner", ())
        overskrift = {i: max(OVERSKRIFT_MINDST, h.sectionSizeHint(i) + 6) for i in synlige}
        # as planned, whatever a narrower moment made them; the stretched one gets at least its heading
        bredder = {i: (overskrift[i] if i == strakt else kolonner[i].bredde if i < len(kolonner) and kolonner[i].bredde
                       else h.defaultSectionSize()) for i in synlige}
        plads = self.viewport().width()
        if sum(bredder.values()) > plads:
            for i in synlige:
                bredder[i] = min(bredder[i], overskrift[i])
            over = sum(bredder.values()) - max(plads, 0)
            kan = sum(b - OVERSKRIFT_MINDST for b in bredder.values() if b > OVERSKRIFT_MINDST)
            if over > 0 and kan:
                del_ = min(over, kan)
                for i in synlige:
                    if bredder[i] > OVERSKRIFT_MINDST:
                        bredder[i] -= -(-del_ * (bredder[i] - OVERSKRIFT_MINDST) // kan)
        self._saet_bredder(bredder, strakt)

    def _saet_bredder(self, bredder: dict[int, int], strakt: int | None) -> None:
        for i, b in bredder.items():
            if i != strakt and b != self.columnWidth(i):
                self.setColumnWidth(i, b)
        kolonner = getattr(self.model(), "kolonner", ())
        if strakt is not None and strakt < len(kolonner) and kolonner[strakt].hele_ord and self.ombryd_tekst:
            # the stretched last column gets what is left, down to Qt's minimum section (the
            # overview's Status at 150 %: 'Indmeldes ikke' cut to 'Indmel…'); Qt never makes it
            # narrower than it was when it was set to stretch
            h = self.horizontalHeader()
            hele = min(self._behov(strakt), max(h.sectionSizeHint(strakt) + 6, self._hele_ord(strakt)))
            if self.columnWidth(strakt) < hele:
                h.setStretchLastSection(False)
                h.resizeSection(strakt, hele)
                h.setStretchLastSection(True)

    def _hele_ord(self, i: int) -> int:
        """The least width that shows column i's longest word whole: the word and the cell's
        margins (Qt's 2 × 2 pixels and the grid line), with a little air, not _ord_behov's room."""
        return self._ord_behov(i) - 8

    def _ord_behov(self, i: int) -> int:
        """The width of column i's longest word in the rows shown (at most MAALTE_RAEKKER), with the
        cell's margins: a wrapping column narrower than that cuts the word with …"""
        noegle = -1 - i
        b = self._behov_kendt.get(noegle)
        if b is None:
            model, fm = self.model(), self.fontMetrics()
            ord_ = {o for r in range(min(model.rowCount(), MAALTE_RAEKKER))
                    for o in str(model.index(r, i).data() or "").split()}
            b = self._behov_kendt[noegle] = max((fm.horizontalAdvance(o) for o in ord_), default=0) + 18
        return b

    def closeEditor(self, editor, hint):
        # Enter commits and moves down, like a spreadsheet; Tab moves right (Qt's default).
        if hint == QAbstractItemDelegate.SubmitModelCache:
            cur = self.currentIndex()
            super().closeEditor(editor, QAbstractItemDelegate.NoHint)
            nxt = self.model().index(cur.row() + 1, cur.column())
            if nxt.isValid():
                self.setCurrentIndex(nxt)
            return
        super().closeEditor(editor, hint)

    def keyPressEvent(self, event):
        if event.matches(QKeySequence.Paste):
            self.indsaet_udklip()
            return
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and event.key() in (Qt.Key.Key_Tab,
                                                                                       Qt.Key.Key_Backtab):
            # Tab goes from cell to cell; Ctrl+Tab (Ctrl+Shift+Tab) leaves the table, as where
            # Tab is taken in other programs, so a keyboard user is never caught in a long budget
            frem = event.key() == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            QWidget.focusNextPrevChild(self, frem)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.EditingState:
            cur = self.currentIndex()
            aabner = self.receivers(SIGNAL("aabn(QModelIndex)")) > 0
            if aabner and cur.isValid() and not cur.flags() & Qt.ItemFlag.ItemIsEditable:
                self.aabn.emit(cur)  # a cell that opens something: Enter opens it as a double click does
                return
            nxt = self.model().index(cur.row() + 1, cur.column())
            if nxt.isValid():
                self.setCurrentIndex(nxt)
            return
        super().keyPressEvent(event)

    def indsaet_udklip(self, tekst: str | None = None) -> str:
        if tekst is None:
            tekst = QGuiApplication.clipboard().text()
        celler = udklip.celler(tekst)
        cur = self.currentIndex()
        if not celler:
            return ""
        if not cur.isValid():
            fejl = "Vælg først den celle, hvor det indsatte skal begynde (klik på den), og tryk så Ctrl+V igen."
            if self.paa_besked:
                self.paa_besked(fejl)
            return fejl
        fejl = self.model().indsaet_blok(cur.row(), cur.column(), celler)
        if fejl and self.paa_besked:
            self.paa_besked(fejl)
        return fejl

    def fokuser_celle(self, raekke: int, kolonne: int) -> None:
        idx: QModelIndex = self.model().index(raekke, kolonne)
        if idx.isValid():
            self.setCurrentIndex(idx)
            self.scrollTo(idx)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
