"""The driftsherre overview, the home page of an open file: every tilbud with its takster, last
year's, the change, belægning and status; the checklist before submission; what blocks the
indmelding, each with "Gå til"; and the Indmeld button (SA 2.2.1, 5.6)."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from takstberegner import dansk
from takstberegner.tjeneste import klar
from takstberegner.app.models.overblik import SAMLES, OverblikModel
from takstberegner.app.models.raekker import kolonne_for
from takstberegner.app.maalt_etiket import MaaltEtiket
from takstberegner.app.rulleflade import RulleFlade
from takstberegner.app.tabel import TabelVisning
from takstberegner.app.widgets import hjaelp, vaerktoejstip
from takstberegner.domain import navne

_OK, _IKKE_OK = "✔", "✘"
MAKS_MANGLER = 100  # points listed with a Gå til button; the rest are counted
KNAPPER_FORUD = 20  # Gå til buttons made below the last point in view
MAKS_TJEK = 12  # tilbud named in the checklist; the rest are counted (Det skal rettes lists them)


class Overblik(QWidget):
    gaa_til = Signal(str)  # a field path
    aabn_tilbud = Signal(str)  # a tilbud id
    indmeld = Signal()

    def __init__(self, trin_navn=None, parent=None):
        """trin_navn(felt) -> the title of the step that owns a field path ("" when none)."""
        super().__init__(parent)
        self.trin_navn = trin_navn or (lambda felt: "")
        self.grundlag = None
        side = QWidget()
        rulle = RulleFlade(side, self)
        QVBoxLayout(self).addWidget(rulle)
        self.layout().setContentsMargins(0, 0, 0, 0)
        lag = QVBoxLayout(side)
        lag.setContentsMargins(10, 6, 10, 6)
        self.titel = QLabel("Overblik")
        self.titel.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.titel.setTextFormat(Qt.TextFormat.PlainText)  # the driftsherre's name as written, never as HTML
        self.titel.setWordWrap(True)  # a long name wraps instead of widening the page past the window
        lag.addWidget(self.titel)
        self.hjaelpeboks = hjaelp("Her ser du alle driftsherrens tilbud og deres takster. Når alle punkter i tjeklisten er "
                             "opfyldt, og der ikke er flere fejl, kan du indmelde taksterne til sekretariatet "
                             "(<b>Styringsaftalen 2.2.1 og 5.6</b>). Dobbeltklik et tilbud, eller vælg det og tryk Enter, for at åbne det.")
        lag.addWidget(self.hjaelpeboks)
        self.model = OverblikModel(self)
        self.tabel = TabelVisning(self.model, navn="Driftsherrens tilbud og takster")
        self.tabel.setObjectName("overblik_tabel")
        self.tabel.setMinimumHeight(140)
        self.tabel.aabn.connect(self._tilbud_klikket)
        # The names wrap onto more lines instead of being cut to 'Bostedet …': the amounts keep
        # their columns, so at 1366×768 a tilbud or ydelse column is narrower than its names.
        self.tabel.ombryd()  # at 125 % the columns to the right were scrolled out of view
        self._hoejder = QTimer(self)  # the rows' heights once after the columns have changed
        self._hoejder.setSingleShot(True)
        self._hoejder.setInterval(0)
        self._hoejder.timeout.connect(self.tabel.pas_hoejder)
        self.tabel.horizontalHeader().sectionResized.connect(self._hoejder.start)
        # at 150 % (about 420 pixels) eight columns do not fit: last year's takst and the real
        # change go under the takst and the change (OverblikModel.saml) while the table is narrow
        self._form = QTimer(self)
        self._form.setSingleShot(True)
        self._form.setInterval(0)
        self._form.timeout.connect(self._tilpas_formen)
        self._hel_behov = 0  # the width the eight columns needed
        self.tabel.viewport().installEventFilter(self)
        lag.addWidget(self.tabel, 2)

        nederst = QHBoxLayout()
        venstre = QVBoxLayout()
        venstre.addWidget(QLabel("<b>Tjekliste før indmelding</b>"))
        self.tjek = MaaltEtiket()  # its HTML table of a point per tilbud is laid out once per width
        self.tjek.setObjectName("tjekliste")
        self.tjek.setTextFormat(Qt.TextFormat.RichText)
        self.tjek.setWordWrap(True)
        self.tjek.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.tjek.linkActivated.connect(self.gaa_til.emit)
        # its Gå til links are reached with Tab and followed with Enter, as with the mouse
        self.tjek.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                          | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.tjek.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.tjek.setAccessibleName("Tjekliste før indmelding")
        venstre.addWidget(self.tjek, 1)
        nederst.addLayout(venstre, 2)
        hoejre = QVBoxLayout()
        hoejre.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.status = QLabel()
        self.status.setObjectName("indmeld_status")
        self.status.setWordWrap(True)
        hoejre.addWidget(self.status)
        self.mangler = QTableWidget(0, 2)
        self.mangler.setObjectName("mangler")
        self.mangler.setAccessibleName("Det skal rettes før indmelding")
        self.mangler.setHorizontalHeaderLabels(["Det skal rettes (tilbud › trin)", ""])
        self.mangler.verticalHeader().hide()
        self.mangler.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.mangler.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.mangler.setWordWrap(True)
        self.mangler.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        h = self.mangler.horizontalHeader()
        h.setSectionResizeMode(0, QHeaderView.Stretch)
        h.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        h.sectionResized.connect(lambda *_: self.mangler.resizeRowsToContents())
        self.mangler.setMinimumHeight(120)
        # Enter on a point (and a double click) goes to its field: Tab moves from cell to cell in
        # a table and never reaches the Gå til buttons, so the keyboard needs the row itself
        self.mangler.activated.connect(lambda i: self._gaa(i.row()))
        self.mangler.verticalScrollBar().valueChanged.connect(self._knapper_i_syne)
        self.mangler.viewport().installEventFilter(self)
        self._knapper = QTimer(self)
        self._knapper.setSingleShot(True)
        self._knapper.setInterval(0)
        self._knapper.timeout.connect(self._knapper_i_syne)
        hoejre.addWidget(self.mangler, 1)
        knapper = QHBoxLayout()
        knapper.addStretch(1)
        self.indmeld_knap = QPushButton("&Indmeld takster …")
        self.indmeld_knap.setObjectName("overblik_indmeld")
        self.indmeld_knap.setToolTip("Dan den signerede indmeldingsfil til sekretariatet (SA 2.2.1, 5.6).")
        self.indmeld_knap.clicked.connect(self.indmeld.emit)
        knapper.addWidget(self.indmeld_knap)
        hoejre.addLayout(knapper)
        nederst.addLayout(hoejre, 3)
        lag.addLayout(nederst, 3)
        self._lag = lag
        self._mangler: list[klar.Mangel] = []

    # -- showing the file ---------------------------------------------------------------------
    def vis(self, grundlag, beregning, mangler: list | None = None) -> None:
        """mangler: klar.mangler(grundlag, beregning) when the caller has found them already."""
        self.grundlag = grundlag
        d = grundlag.driftsherre
        self.titel.setText(f"Overblik · {d.navn} · takstår {grundlag.takstaar}")
        self.model.vis(grundlag, beregning)
        self._form.start()  # first the columns' form, then the rows' heights to it
        self._hoejder.start()  # once, after the columns are fitted to the new rows too
        punkter = _kortet(klar.tjekliste(grundlag, beregning))
        self.tjek.setText("<table cellpadding='2'>" + "".join(self._punkt(p) for p in punkter) + "</table>")
        self._mangler = klar.mangler(grundlag, beregning) if mangler is None else mangler
        self._vis_mangler()

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Resize and obj is self.tabel.viewport():
            self._form.start()
        elif event.type() == QEvent.Type.Resize and obj is self.mangler.viewport():
            self._knapper.start()  # a taller list shows more points
        return super().eventFilter(obj, event)

    def _tilpas_formen(self) -> None:
        """Eight columns while they fit the table's width (wrapped names, whole figures), else six:
        last year's takst and the real change as second lines. Back to eight only with a scroll
        bar's width to spare, so a scroll bar that comes or goes does not switch it to and fro."""
        t, m = self.tabel, self.model
        if m.rowCount() == 0:
            return
        behov = t.mindste_bredde(range(m.columnCount()))
        plads = t.viewport().width()
        if m.samlet:  # the six columns' headings are narrower: what the eight needed when last shown
            behov = max(behov, self._hel_behov)
            plads -= t.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, t)
        else:
            self._hel_behov = behov
        if m.saml(behov > plads):
            for felt in SAMLES:
                t.setColumnHidden(kolonne_for(m, felt), m.samlet)
            t.pas_i_bredden()
            self._hoejder.start()

    def _punkt(self, p: klar.Punkt) -> str:
        farve, tegn = ("#1b6e2a", _OK) if p.ok else ("#a01818", _IKKE_OK)
        hvor = "" if p.hvor == "Driftsherre" else f"{escape(p.hvor)}: "
        link = "" if p.ok or not p.felt else f" <a href='{escape(p.felt)}'>Gå til</a>"
        return (f"<tr><td style='color:{farve}'>{tegn}</td>"
                f"<td>{hvor}<span style='color:{farve}'>{escape(p.tekst)}</span>{link}</td></tr>")

    def _vis_mangler(self) -> None:
        m = self._mangler
        # A row with its own button per point: 90.000 fejl took minutes and gigabytes to show.
        # The first MAKS_MANGLER are listed; the rest are counted (the Kontrol panel has them all).
        vist = m[:MAKS_MANGLER]
        self.mangler.setRowCount(len(vist) + (1 if len(m) > len(vist) else 0))
        if len(m) > len(vist):
            resten = QTableWidgetItem(f"… og {dansk.tal(len(m) - len(vist), 0)} mere. Se dem alle under Kontrol "
                                      "i siden til højre, eller med takstberegner kontroller.")
            resten.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.mangler.setItem(len(vist), 0, resten)
            self.mangler.removeCellWidget(len(vist), 1)
        for r, x in enumerate(vist):
            trin = self.trin_navn(x.felt)
            hvor = f"{x.hvor} › {trin}" if trin else x.hvor
            item = QTableWidgetItem(f"{hvor}\n{x.tekst}" + (f" ({x.reference})" if x.reference else ""))
            item.setToolTip(vaerktoejstip(navne.felt_tekst(x.felt, self.grundlag)))
            item.setData(Qt.ItemDataRole.UserRole, (x.hvor, trin))
            self.mangler.setItem(r, 0, item)
        self._knapper_i_syne()
        self.mangler.resizeRowsToContents()
        self.mangler.setVisible(bool(m))
        # with nothing to list, the checklist needs only its lines: the takster get the height
        # (at 125 % the table showed three rows above an empty half page)
        self._lag.setStretch(self._lag.count() - 1, 3 if m else 0)
        self.indmeld_knap.setEnabled(not m)
        if m:
            self.status.setText(f"<b style='color:#a01818'>Ikke klar til indmelding.</b> "
                                f"{_antal(len(m))} skal rettes først:")
        else:
            self.status.setText("<b style='color:#1b6e2a'>Klar til indmelding.</b> Alle punkter er opfyldt.")

    def _knapper_i_syne(self, *_) -> None:
        """A Gå til button for each point in view and the KNAPPER_FORUD below it, the rest as they
        are scrolled into view (a row keeps its button): 100 buttons made at once held the window
        when a large file opened."""
        t = self.mangler
        n = min(len(self._mangler), MAKS_MANGLER)
        fra = max(t.rowAt(0), 0)
        til = t.rowAt(t.viewport().height() - 1)
        for r in range(fra, min(n, (til if til >= 0 else fra) + KNAPPER_FORUD)):
            if t.cellWidget(r, 1) is not None:
                continue
            knap = QPushButton("Gå til")
            knap.setObjectName(f"gaa_til_{r}")
            knap.clicked.connect(lambda _=False, r=r: self._gaa(r))
            celle = QWidget()
            cl = QVBoxLayout(celle)
            cl.setContentsMargins(4, 2, 4, 2)
            cl.addWidget(knap, 0, Qt.AlignmentFlag.AlignTop)
            t.setCellWidget(r, 1, celle)

    def _gaa(self, raekke: int) -> None:
        if 0 <= raekke < min(len(self._mangler), MAKS_MANGLER):
            self.gaa_til.emit(self._mangler[raekke].felt)

    def _tilbud_klikket(self, index) -> None:
        r = self.model.raekker[index.row()]
        self.aabn_tilbud.emit(r.tilbud_id)


def _kortet(punkter: list[klar.Punkt]) -> list[klar.Punkt]:
    """The checklist with its first MAKS_TJEK tilbud that are not ready and a line counting the
    rest: a line per tilbud made 60 tilbud a list longer than the page, and laying it out held the
    window when a large file opened."""
    tilbud = [i for i, p in enumerate(punkter) if not p.ok and p.hvor != "Driftsherre"]
    if len(tilbud) <= MAKS_TJEK:
        return punkter
    skjult = set(tilbud[MAKS_TJEK:])
    resten = klar.Punkt(f"… og {dansk.tal(len(skjult), 0)} tilbud mere. De står alle under Det skal rettes.", False)
    ud = [p for i, p in enumerate(punkter) if i not in skjult]
    ud.insert(tilbud[MAKS_TJEK - 1] + 1, resten)
    return ud


def _antal(n: int) -> str:
    return "1 ting" if n == 1 else f"{dansk.tal(n, 0)} ting"
