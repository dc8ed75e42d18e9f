"""Importér budget (.xlsx or .csv): two pages over the presenter importers/forloeb.py.

1. *Vælg kolonner*: the sheet's first rows in a grid, the heading row found by itself, and the
   columns chosen by their headings (remembered per file layout in the app's settings).
2. *Kontrollér*: every line with its kategori, post, vagtlag and del (editable by their Danish
   names), replace (the default) or add, the budget per kategori before and after, and the takster
   before and after. *Importér* saves it in one transaction, one undo step, after the one validation.
"""
from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from takstberegner import dansk
from takstberegner.app import settings
from takstberegner.app.importmodeller import GridModel, LinjeModel, SammenligningModel, ValgDelegate
from takstberegner.app.tabel import MAALTE_RAEKKER
from takstberegner.app.widgets import etiket
from takstberegner.domain.usynlige_tegn import synlig
from takstberegner.fejl import Fejl
from takstberegner.importers.budget import ERSTAT, TILFOEJ
from takstberegner.importers.forloeb import ROLLE_NAVNE, ImportForloeb

_NOEGLE = "import/layout/"


def husket_layout(noegle: str) -> dict | None:
    v = settings.indstillinger().value(_NOEGLE + noegle)
    try:
        return json.loads(v) if isinstance(v, str) else None
    except ValueError:
        return None


def husk_layout(noegle: str, vaerdi: dict) -> None:
    settings.indstillinger().setValue(_NOEGLE + noegle, json.dumps(vaerdi, ensure_ascii=False))


def _antal(n: int, ental: str, flertal: str) -> str:
    return f"{dansk.tal(n, 0)} {ental if n == 1 else flertal}"


def _tabel(model, navn: str, redigerbar: bool = False) -> QTableView:
    """A table of the dialog; `navn` says what it holds (its name for a screen reader)."""
    t = QTableView()
    t.setAccessibleName(navn)
    t.setModel(model)
    t.setAlternatingRowColors(True)
    t.verticalHeader().setDefaultSectionSize(22)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
    t.horizontalHeader().setStretchLastSection(True)
    t.horizontalHeader().setResizeContentsPrecision(MAALTE_RAEKKER)  # fitting reads no more rows than this
    if redigerbar:
        t.setItemDelegate(ValgDelegate(t))
        t.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.SelectedClicked
                          | QAbstractItemView.EditKeyPressed)
    else:
        t.setEditTriggers(QAbstractItemView.NoEditTriggers)
    return t


def _fejl_label() -> QLabel:
    lbl = QLabel()
    lbl.setWordWrap(True)
    lbl.setStyleSheet("color: #a00000;")
    lbl.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return lbl


class ImportDialog(QDialog):
    def __init__(self, dok, sti: Path, tilbud_id: str | None, parent=None):
        super().__init__(parent)
        self.dok = dok
        self.sti = Path(sti)
        self.setWindowTitle(f"Importér budget fra {self.sti.name}")
        skaerm = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(1100, skaerm.width() - 40), min(620, skaerm.height() - 60))  # fits 1280x650 with its frame
        self.setMinimumSize(min(760, skaerm.width() - 40), min(480, skaerm.height() - 60))
        self.forloeb: ImportForloeb | None = None
        self._fylder = True  # the widgets are being filled from the presenter: their signals change nothing
        self._mangler_vist = ""  # the text shown for a missing amount or konto column
        lag = QVBoxLayout(self)
        self.fejl = _fejl_label()
        try:
            self.forloeb = ImportForloeb(self.sti, dok.grundlag, tilbud_id, husket=husket_layout)
        except Fejl as e:
            self.fejl.setText(e.besked)
            lag.addWidget(self.fejl)
            knapper = QDialogButtonBox(QDialogButtonBox.Close)
            knapper.rejected.connect(self.reject)
            lag.addWidget(knapper, 0)
            return
        self.sider = QStackedWidget()
        self.sider.addWidget(self._byg_kolonner())
        self.sider.addWidget(self._byg_kontrol())
        lag.addWidget(self.sider, 1)
        lag.addWidget(self.fejl)
        self.knapper = QDialogButtonBox()
        self.tilbage_knap = self.knapper.addButton("< Tilbage", QDialogButtonBox.ResetRole)
        self.naeste_knap = self.knapper.addButton("Næste: kontrollér linjerne >", QDialogButtonBox.ActionRole)
        self.tilbage_knap.setAccessibleName("Tilbage")  # a screen reader reads "<" as "mindre end"
        self.naeste_knap.setAccessibleName("Næste: kontrollér linjerne")
        self.importer_knap = self.knapper.addButton("Importér", QDialogButtonBox.AcceptRole)
        self.knapper.addButton("Annullér", QDialogButtonBox.RejectRole)
        self.tilbage_knap.clicked.connect(self.tilbage)
        self.naeste_knap.clicked.connect(self.naeste)
        self.importer_knap.clicked.connect(self.importer)
        self.knapper.rejected.connect(self.reject)
        lag.addWidget(self.knapper)
        self._vis_kolonnevalg()
        self._side(0)

    # ---- page 1 -----------------------------------------------------------------------------
    def _byg_kolonner(self) -> QWidget:
        f = self.forloeb
        side = QWidget()
        lag = QVBoxLayout(side)
        lag.setContentsMargins(0, 0, 0, 0)
        vejledning = QLabel("Vælg de kolonner, der har konto, tekst og beløb; overskrifterne er fundet af sig "
                            "selv. Ret rækken med overskrifter, hvis den er forkert. Næste side viser linjerne, "
                            "før noget gemmes.")
        vejledning.setWordWrap(True)
        lag.addWidget(vejledning)
        top = QHBoxLayout()
        self.ark = QComboBox()
        for navn in f.ark_navne:  # a sheet's name shown with its invisible characters as codes
            self.ark.addItem(synlig(navn), navn)
        self.ark.currentIndexChanged.connect(lambda i: self._nyt_ark(self.ark.itemData(i)))
        if not f.er_csv:
            top.addWidget(etiket("Ark:", self.ark))
            top.addWidget(self.ark)
        self.overskrift = QSpinBox()
        top.addWidget(etiket("Overskrifterne står i række:", self.overskrift))
        self.overskrift.setRange(0, 1_048_576)
        self.overskrift.setSpecialValueText("ingen overskrift")
        self.overskrift.setValue(f.overskrift)
        self.overskrift.valueChanged.connect(self._ny_overskrift)
        top.addWidget(self.overskrift)
        self.husket_label = QLabel()
        top.addWidget(self.husket_label, 1)
        lag.addLayout(top)
        self.grid_model = GridModel(f, self)
        self.grid = _tabel(self.grid_model, "Filens første rækker")
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.grid.horizontalHeader().setStretchLastSection(False)
        lag.addWidget(self.grid, 1)
        form = QFormLayout()
        self.kolonne: dict[str, QComboBox] = {}
        for rolle in ("konto", "tekst", "beloeb"):
            cb = QComboBox()
            cb.currentIndexChanged.connect(lambda _i, r=rolle: self._ny_kolonne(r))
            self.kolonne[rolle] = cb
            form.addRow(f"{ROLLE_NAVNE[rolle]}:", cb)
        self.tilbud = QComboBox()
        self.tilbud.currentIndexChanged.connect(self._nyt_tilbud)
        form.addRow("Tilbud:", self.tilbud)
        lag.addLayout(form)
        return side

    def _vis_kolonnevalg(self) -> None:
        """Fill the column choices from the presenter (headings and the chosen columns)."""
        f = self.forloeb
        self._fylder = True
        try:
            for rolle, cb in self.kolonne.items():
                cb.clear()
                cb.addItem("(ingen)" if rolle == "tekst" else "(vælg kolonne)", 0)
                for k in f.titler:
                    cb.addItem(f.kolonnevalg_tekst(k), k)
                cb.setCurrentIndex(max(0, cb.findData(getattr(f.valg, rolle))))
            self.tilbud.clear()
            for t in f.grundlag.tilbud:
                self.tilbud.addItem(f"Alle linjer til {t.navn}", ("tilbud", t.id))
            for k in f.titler:
                self.tilbud.addItem(f"Står i kolonnen {f.kolonnevalg_tekst(k)}", ("kolonne", k))
            valgt = ("kolonne", f.valg.tilbud) if f.valg.tilbud else ("tilbud", f.tilbud_id)
            self.tilbud.setCurrentIndex(max(0, self.tilbud.findData(valgt)))
            if self.overskrift.value() != f.overskrift:
                self.overskrift.setValue(f.overskrift)
        finally:
            self._fylder = False
        self.husket_label.setText("Kolonnerne fra sidste import af filer med disse overskrifter." if f.husket_brugt
                                  else "")
        self.grid_model.nulstil()
        self.grid.resizeColumnsToContents()
        for k in range(self.grid_model.columnCount()):
            self.grid.setColumnWidth(k, min(self.grid.columnWidth(k), 260))
        self._opdater_knapper()

    def _nyt_ark(self, navn: str) -> None:
        if self._fylder or not navn:
            return
        self._proev(lambda: self.forloeb.vaelg_ark(navn))
        self._vis_kolonnevalg()

    def _ny_overskrift(self, raekke: int) -> None:
        if self._fylder:
            return
        self.forloeb.saet_overskrift(raekke)
        self._vis_kolonnevalg()

    def _ny_kolonne(self, rolle: str) -> None:
        if self._fylder:
            return
        self.forloeb.saet_kolonne(rolle, self.kolonne[rolle].currentData() or 0)
        self.grid_model.nulstil()
        self._opdater_knapper()

    def _nyt_tilbud(self, _i: int) -> None:
        if self._fylder or self.tilbud.currentData() is None:
            return
        slags, v = self.tilbud.currentData()
        if slags == "tilbud":
            self.forloeb.saet_tilbud(v)
        else:
            self.forloeb.saet_kolonne("tilbud", v)
        self.grid_model.nulstil()

    # ---- page 2 -----------------------------------------------------------------------------
    def _byg_kontrol(self) -> QWidget:
        side = QWidget()
        lag = QVBoxLayout(side)
        lag.setContentsMargins(0, 0, 0, 0)
        maade = QHBoxLayout()
        self.erstat = QRadioButton()
        self.tilfoej = QRadioButton("Tilføj linjerne til det nuværende budget")
        self.erstat.setChecked(True)
        gruppe = QButtonGroup(self)
        gruppe.addButton(self.erstat)
        gruppe.addButton(self.tilfoej)
        self.erstat.toggled.connect(self._ny_maade)
        maade.addWidget(self.erstat)
        maade.addWidget(self.tilfoej)
        maade.addStretch(1)
        lag.addLayout(maade)
        self.linje_info = QLabel()
        self.linje_info.setWordWrap(True)
        lag.addWidget(self.linje_info)
        split = QSplitter(Qt.Orientation.Vertical)
        self.linje_model = LinjeModel(self.forloeb, self._linjer_aendret, self)
        self.linjer = _tabel(self.linje_model, "Budgetlinjer, der importeres", redigerbar=True)
        split.addWidget(self.linjer)
        nederst = QWidget()
        n = QHBoxLayout(nederst)
        n.setContentsMargins(0, 0, 0, 0)
        self.sml_model = SammenligningModel(self.forloeb, self)
        self.sammenligning = _tabel(self.sml_model, "Budget før og efter importen")
        self.sammenligning.verticalHeader().hide()
        self._navn_behov = 340
        self.sammenligning.viewport().installEventFilter(self)  # fitted to its width (_fordel_sammenligning)
        n.addWidget(self.sammenligning, 3)
        self.takster = QLabel()
        self.takster.setWordWrap(True)
        self.takster.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.takster.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.takster.setMinimumWidth(220)
        n.addWidget(self.takster, 1)
        split.addWidget(nederst)
        split.setSizes([330, 220])
        lag.addWidget(split, 1)
        return side

    def _fordel_sammenligning(self) -> None:
        """The kategori's name gives way so the amounts are whole: at 150 % its 340 pixels pushed
        Forskel, the figure the user checks, out of view ('-950.000' of -950.000,00)."""
        t = self.sammenligning
        # Forskel stretches, never narrower than Qt's default section (its size when set to stretch)
        forskel = max(t.sizeHintForColumn(4) + 6, t.horizontalHeader().defaultSectionSize())
        beloeb = sum(t.columnWidth(k) for k in (2, 3)) + forskel
        tilbud = 0 if t.isColumnHidden(0) else t.columnWidth(0)
        bredde = max(120, min(self._navn_behov, t.viewport().width() - beloeb - tilbud))
        if bredde != t.columnWidth(1):
            t.setColumnWidth(1, bredde)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Resize and obj is self.sammenligning.viewport():
            self._fordel_sammenligning()
        return super().eventFilter(obj, event)

    def _ny_maade(self) -> None:
        self.forloeb.saet_maade(ERSTAT if self.erstat.isChecked() else TILFOEJ)
        self._linjer_aendret()

    def _linjer_aendret(self) -> None:
        f = self.forloeb
        if f.fv is None:
            return
        fv = f.fv
        self.sml_model.nulstil()
        en = len(fv.tilbud_ids()) == 1  # one tilbud: its name is in the choice above, not in every row
        self.sammenligning.setColumnHidden(0, en)
        self.sammenligning.resizeColumnsToContents()
        self._navn_behov = min(self.sammenligning.columnWidth(1), 340)
        self._fordel_sammenligning()
        ikke = len(fv.linjer) - len(fv.importerede)
        tekst = f"{_antal(len(fv.importerede), 'linje', 'linjer')} importeres."
        if ikke:
            tekst += f" {_antal(ikke, 'linje', 'linjer')} importeres ikke (vist med gråt, fx takstindtægter)."
        if fv.sprunget_over:
            tekst += f" {_antal(len(fv.sprunget_over), 'række', 'rækker')} er ikke budgetlinjer (fx sumlinjer)."
        tekst += " "
        tekst += "Dobbeltklik på Kategori, Post eller Del for at ændre; sæt flueben ved Vagtlag."
        for note in fv.noter:  # what the import changed in the texts (invisible characters removed)
            tekst += " " + note
        self.linje_info.setText(tekst)
        self.takster.setText(self._takst_tekst())
        self._opdater_knapper()

    def _takst_tekst(self) -> str:
        """The takster of the tilbud the import changes, before and after (the engine, not the dialog)."""
        from takstberegner.domain.beregning import beregn
        from takstberegner.formats.regelsaet import regelsaet_for

        f = self.forloeb
        try:
            efter = beregn(f.efter(), regelsaet_for(f.grundlag.takstaar))
        except Exception:  # the engine is total; a surprise here must not stop the dialog
            return ""
        foer = {t.id: t for t in self.dok.beregning.tilbud}
        linjer = ["<b>Takster før → efter</b>"]
        for t1 in efter.tilbud:
            if t1.id not in f.fv.tilbud_ids():
                continue
            t0 = foer.get(t1.id)
            gamle = {x.ydelse: x for x in t0.takster} if t0 else {}
            for x in t1.takster:
                g = gamle.get(x.ydelse)
                fra = dansk.kr(g.takst) if g else "–"
                pct = ""
                if g and g.takst:
                    pct = f" ({'+' if x.takst >= g.takst else ''}{dansk.tal((x.takst - g.takst) / g.takst * 100, 1)} %)"
                linjer.append(f"{t1.navn}, {x.ydelse_navn}: {fra} → {dansk.kr(x.takst)}{pct}")
        return "<br>".join(linjer)

    # ---- moving between the pages and importing -----------------------------------------------
    def _side(self, i: int) -> None:
        self.sider.setCurrentIndex(i)
        self._opdater_knapper()

    def _opdater_knapper(self) -> None:
        if self.forloeb is None or not hasattr(self, "knapper"):
            return
        side = self.sider.currentIndex()
        self.tilbage_knap.setVisible(side == 1)
        self.naeste_knap.setVisible(side == 0)
        self.importer_knap.setVisible(side == 1)
        mangler = self.forloeb.mangler()
        self.naeste_knap.setEnabled(not mangler)
        if side == 0 and (mangler or self.fejl.text() == self._mangler_vist):
            # why Næste is greyed, in the command line's words; cleared once a column is chosen
            self.fejl.setText(mangler)
            self._mangler_vist = mangler
        if side == 1:
            problemer = self.forloeb.fv.problemer() if self.forloeb.fv else ["Læs linjerne først."]
            self.importer_knap.setEnabled(not problemer)
            self.fejl.setText("\n".join(problemer[:5]))
        navne = ", ".join(self.forloeb.tilbud_navne()) or "tilbuddet"
        self.erstat.setText(f"Erstat budgettet for {navne} (anbefalet)")

    def _proev(self, handling) -> bool:
        try:
            handling()
        except Fejl as e:
            self.fejl.setText(e.besked)
            return False
        self.fejl.setText("")
        return True

    def naeste(self) -> bool:
        """Read the lines in the chosen columns and show them; a Danish message if the sheet is refused."""
        if not self._proev(self.forloeb.laes):
            return False
        self.linje_model.nulstil()
        self.linjer.setColumnHidden(4, len(self.forloeb.fv.tilbud_ids()) == 1)
        self.linjer.resizeColumnsToContents()
        for k, bredde in ((1, 130), (2, 200), (5, 200), (6, 190), (8, 170)):
            self.linjer.setColumnWidth(k, min(self.linjer.columnWidth(k), bredde))
        self._side(1)
        self._linjer_aendret()
        return True

    def tilbage(self) -> None:
        self._side(0)
        self.fejl.setText("")

    def importer(self) -> bool:
        """Validate and save in one transaction and one undo step; False (with the reason) otherwise."""
        from takstberegner.tjeneste import dokumenter

        f = self.forloeb
        if f.fv is None:
            self.fejl.setText("Læs linjerne først.")
            return False
        try:  # the command line's door: every line has a kategori, the one validation accepts it
            aendringer = dokumenter.budget_aendringer(self.dok.grundlag, f.fv, f.maade)
        except Fejl as e:
            self.fejl.setText(e.besked)
            return False
        n = len(f.fv.importerede)
        tekst = f"Importér budget fra {self.sti.name} ({dansk.tal(n, 0)} linjer)"
        svar = self.dok.anvend_mange(aendringer, tekst)
        if not svar:  # the document's own check, or the file could not be written: say why here too
            self.fejl.setText(str(svar) if isinstance(svar, str) else "Budgettet kunne ikke gemmes i filen.")
            return False
        husk_layout(*f.husk())
        self.accept()
        return True
