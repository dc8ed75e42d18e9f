"""Sammenligning med andre driftsherrer (SA 1.2): the open file's takster beside those of the other
driftsherrers' tilbud with the same paragraf, tilbudstype and enhed in last year's samlede
takstbilag. Without an open file, every takst in the bilag is set beside the others.

The dialog only shows: reading the bilag is export.takstbilag_laes, the comparison is
domain.sammenligning. The chosen bilag is remembered and read again next time.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from takstberegner.app import fremskridt, settings
from takstberegner.app.models.raekker import Kolonne, RaekkeModel
from takstberegner.app.tabel import TabelVisning
from takstberegner.domain import navne
from takstberegner.domain import sammenligning as sml

NOEGLE = "sammenligning/takstbilag"


def _gruppe(e: sml.Sammenligningstakst) -> str:
    """'SEL § 108, døgn, pr. døgn': what a takst is compared by."""
    return (f"{e.paragraf}, {navne.vis(e.tilbudstype, navne.TILBUDSTYPER).lower()}, "
            f"pr. {navne.vis(e.enhed, navne.ENHEDER).lower()}")


def _k(titel: str, hent, slags: str = "tekst", bredde: int = 0, tip: str = "") -> Kolonne:
    return Kolonne(titel, titel, slags=slags, redigerbar=False, hent=hent, bredde=bredde, vaerktoejstip=tip)


_ANDRE = "hos de andre driftsherrers tilbud med samme paragraf, tilbudstype og enhed"
EGNE_KOLONNER = (
    _k("Driftsherre", lambda s: s.egen.driftsherre, bredde=140),
    _k("Tilbud", lambda s: s.egen.tilbud, bredde=170),
    _k("Ydelse", lambda s: s.egen.ydelse, bredde=130),
    _k("Sammenlignes med", lambda s: _gruppe(s.egen)),
    _k("Takst (kr.)", lambda s: s.egen.takst, "tal"),
    _k("Andre", lambda s: s.takst.antal, "heltal", tip=f"Antal takster {_ANDRE}"),
    _k("Laveste", lambda s: s.takst.laveste, "tal", tip=f"Laveste takst {_ANDRE} (kr.)"),
    _k("Median", lambda s: s.takst.median, "tal", tip=f"Mediantaksten {_ANDRE} (kr.)"),
    _k("Højeste", lambda s: s.takst.hoejeste, "tal", tip=f"Højeste takst {_ANDRE} (kr.)"),
    _k("Ift. median (%)", lambda s: s.takst_ift_median_pct, "tal",
       tip="Hvor mange procent taksten ligger over (+) eller under (−) medianen hos de andre"),
    _k("Pris pr. støttetime", lambda s: s.egen.pris_pr_stoettetime, "tal", tip="Pris pr. direkte støttetime (kr.)"),
    _k("Median pris", lambda s: s.pris.median, "tal", tip=f"Medianprisen pr. støttetime {_ANDRE} (kr.)"),
    _k("Pris ift. median (%)", lambda s: s.pris_ift_median_pct, "tal",
       tip="Hvor mange procent prisen pr. støttetime ligger over (+) eller under (−) medianen hos de andre"),
)
ANDRE_KOLONNER = (
    _k("Driftsherre", lambda s: s.driftsherre, bredde=160),
    _k("Tilbud", lambda s: s.tilbud, bredde=220),
    _k("Ydelse", lambda s: s.ydelse, bredde=160),
    _k("Paragraf", lambda s: s.paragraf),
    _k("Takst (kr.)", lambda s: s.takst, "tal"),
    _k("Pris pr. støttetime (kr.)", lambda s: s.pris_pr_stoettetime, "tal"),
)


class SammenligningDialog(QDialog):
    def __init__(self, vindue=None):
        super().__init__(vindue)
        self.v = vindue
        self.bilag = None  # takstbilag_laes.LaestTakstbilag
        self.setWindowTitle("Sammenligning med andre driftsherrer")
        self.setObjectName("sammenligning")
        skaerm = self.screen().availableGeometry() if self.screen() else None
        self.resize(min(1340, skaerm.width() - 20) if skaerm else 1200, 620)
        self.kilde = QLabel()
        self.kilde.setTextFormat(Qt.TextFormat.PlainText)  # names from a takstbilag as written, never as HTML
        self.kilde.setWordWrap(True)
        self.kilde.setObjectName("kilde")
        self.indlaes_knap = QPushButton("Indlæs takstbilag …")
        self.indlaes_knap.setObjectName("indlaes")
        self.indlaes_knap.clicked.connect(lambda: self.indlaes())
        top = QHBoxLayout()
        top.addWidget(self.kilde, 1)
        top.addWidget(self.indlaes_knap)
        self.forklaring = QLabel()
        self.forklaring.setTextFormat(Qt.TextFormat.PlainText)  # names from a takstbilag as written, never as HTML
        self.forklaring.setWordWrap(True)
        self.egne = RaekkeModel(EGNE_KOLONNER, self)
        self.egne_tabel = TabelVisning(self.egne, navn="Egne takster")
        self.egne_tabel.setObjectName("egne")
        self.egne_tabel.setSelectionBehavior(TabelVisning.SelectRows)
        self.egne_tabel.setSelectionMode(TabelVisning.SingleSelection)
        self.andre = RaekkeModel(ANDRE_KOLONNER, self)
        self.andre_tabel = TabelVisning(self.andre, navn="Andre driftsherrers takster")
        self.andre_tabel.setObjectName("andre")
        self.andre_titel = QLabel()
        self.andre_titel.setTextFormat(Qt.TextFormat.PlainText)  # names from a takstbilag as written, never as HTML
        self.egne_tabel.selectionModel().currentRowChanged.connect(lambda nu, _: self.vis_andre(nu.row()))
        nederst = QWidget()
        nl = QVBoxLayout(nederst)
        nl.setContentsMargins(0, 0, 0, 0)
        nl.addWidget(self.andre_titel)
        nl.addWidget(self.andre_tabel)
        deler = QSplitter(Qt.Orientation.Vertical)
        deler.addWidget(self.egne_tabel)
        deler.addWidget(nederst)
        deler.setStretchFactor(0, 3)
        deler.setStretchFactor(1, 2)
        knapper = QDialogButtonBox(QDialogButtonBox.Close)
        knapper.button(QDialogButtonBox.Close).setText("Luk")
        knapper.rejected.connect(self.reject)
        lag = QVBoxLayout(self)
        lag.addLayout(top)
        lag.addWidget(self.forklaring)
        lag.addWidget(deler, 1)
        lag.addWidget(knapper)
        dok = getattr(vindue, "dok", None)
        if dok is not None:
            dok.aendret.connect(self.opdater)
        husket = settings.indstillinger().value(NOEGLE, "")
        if husket and Path(str(husket)).is_file():
            self.indlaes(str(husket), stille=True)
        self.opdater()

    # -- what the user does ------------------------------------------------------------------
    def indlaes(self, sti: str | None = None, stille: bool = False) -> bool:
        """Read a samlede takstbilag (asked for when not given). A file that is not one shows a
        Danish message, unless `stille` (the remembered file, read at opening)."""
        from takstberegner.export.takstbilag_laes import TakstbilagFejl, laes_takstbilag

        if sti is None:
            sti, _ = QFileDialog.getOpenFileName(self, "Vælg sidste års samlede takstbilag", "", "Excel (*.xlsx)")
            if not sti:
                return False
        try:
            # in a worker behind the busy dialog: a large bilag takes seconds to read (one refused at
            # its limits up to 6 s), and the window stood still meanwhile, without a word
            self.bilag = fremskridt.koer(self, "Læser sidste års takstbilag ...", lambda: laes_takstbilag(sti))
        except TakstbilagFejl as e:
            if not stille:
                QMessageBox.warning(self, "Takstbilaget kan ikke bruges", e.besked)
            return False
        settings.indstillinger().setValue(NOEGLE, str(Path(sti).resolve()))
        self.opdater()
        return True

    def opdater(self) -> None:
        dok = getattr(self.v, "dok", None)
        if self.bilag is None:
            self.kilde.setText("Intet takstbilag indlæst. Vælg sidste års samlede takstbilag fra sekretariatet.")
            self.forklaring.setText("")
            self.egne.saet_raekker(())
            self.vis_andre(-1)
            return
        aar = f" for {self.bilag.takstaar}" if self.bilag.takstaar else ""
        self.kilde.setText(f"Takstbilag{aar}: {Path(self.bilag.fil).name} ({len(self.bilag.takster)} takster)")
        alle = list(self.bilag.takster)
        if dok is not None:
            egne = sml.fra_beregning(dok.grundlag, dok.beregning)
            hvem = f"{dok.grundlag.driftsherre.navn}s takster for {dok.grundlag.takstaar}"
        else:
            egne = alle
            hvem = "Hver takst i takstbilaget"
        self.forklaring.setText(
            f"{hvem} ved siden af de andre driftsherrers tilbud med samme paragraf, tilbudstype og enhed i "
            f"takstbilaget{aar} (SA 1.2). Vælg en række for at se de andre tilbud.")
        self.egne_tabel.setColumnHidden(0, dok is not None)  # one's own name on every row says nothing
        valgt = self.egne_tabel.currentIndex().row()
        self.egne.saet_raekker(sml.sammenlign(egne, alle))
        if self.egne.rowCount():
            self.egne_tabel.selectRow(min(max(valgt, 0), self.egne.rowCount() - 1))
        self.vis_andre(self.egne_tabel.currentIndex().row())

    def vis_andre(self, raekke: int) -> None:
        if not (0 <= raekke < len(self.egne.raekker)):
            self.andre_titel.setText("")
            self.andre.saet_raekker(())
            return
        s = self.egne.raekker[raekke]
        e = s.egen
        self.andre_titel.setText(f"Andre driftsherrers tilbud som {e.tilbud} › {e.ydelse} ({_gruppe(e)}): {len(s.andre)}")
        self.andre.saet_raekker(sorted(s.andre, key=lambda a: (a.takst is None, a.takst or 0)))


def vis(vindue) -> SammenligningDialog:
    """Open the sammenligning beside the main window (not modal: the user may go on editing)."""
    dialog = SammenligningDialog(vindue)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    vindue._sammenligning = dialog
    dialog.show()
    return dialog
