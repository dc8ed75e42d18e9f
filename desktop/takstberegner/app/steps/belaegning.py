"""Step: belægningsprocent by one of the three methods (Styringsaftalen 5.2, 6.1.2)."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QPlainTextEdit

from takstberegner import dansk
from takstberegner.app.steps.base import Trin
from takstberegner.app.widgets import TalFelt, ValgFelt, vaerdi_label
from takstberegner.domain.model import Belaegning

METODE_VALG = (("", "Ingen (enhedstakst/trækningsret)"), ("beregnet", "Beregnet: gennemsnit af de to seneste år"),
               ("forventet", "Forventet belægning (med begrundelse)"), ("nyt_tilbud", "Nyt tilbud: forventet i første driftsår"))


class BegrundelseFelt(QPlainTextEdit):
    """A multi-line text that reports its text when it loses focus."""

    def __init__(self, paa_aendring, parent=None):
        super().__init__(parent)
        self._paa = paa_aendring
        self.setTabChangesFocus(True)

    def focusOutEvent(self, e):
        super().focusOutEvent(e)
        self._paa(self.toPlainText())


class BelaegningTrin(Trin):
    titel = "Belægning"
    afsnit = "5.2"
    hjaelpetekst = ("Taksten beregnes ud fra en belægningsprocent på mindst 95 % (90 % for korte forløb), "
                    "anbefalet 95-98 %. Normalt bruges gennemsnittet af de to seneste års faktiske belægning; "
                    "en forventet belægning eller et nyt tilbuds første driftsår skal begrundes.")
    felter = ("belaegning",)

    def byg(self) -> None:
        grp = QGroupBox("Metode")
        form = QFormLayout(grp)
        self.metode = ValgFelt(METODE_VALG)
        self.metode.setObjectName("metode")
        self.metode.valgt.connect(self._metode)
        form.addRow("Metode:", self.metode)
        self.aar_felter = []
        for n in (0, 1):
            f = TalFelt(decimaler=None)
            f.vaerdi_aendret.connect(lambda v, n=n: self._faktisk(n, v))
            lbl = QLabel()
            form.addRow(lbl, f)
            self.aar_felter.append((lbl, f))
        self.pct = TalFelt(decimaler=None)
        self.pct.setObjectName("pct")
        self.pct.vaerdi_aendret.connect(lambda v: self._ret(pct=v))
        form.addRow("Forventet belægning (%):", self.pct)
        self.begrundelse = BegrundelseFelt(lambda s: self._ret(begrundelse=s) if self._bel() and s != self._bel().begrundelse else None)
        self.begrundelse.setMaximumHeight(90)
        form.addRow("Begrundelse:", self.begrundelse)
        self.indhold.addWidget(grp)
        res = QGroupBox("Resultat")
        form2 = QFormLayout(res)
        self.procent = vaerdi_label()
        self.procent.setObjectName("belaegning_resultat")
        self.pladsdoegn = vaerdi_label()
        self.regel = QLabel()
        self.regel.setWordWrap(True)
        form2.addRow("Belægningsprocent:", self.procent)
        form2.addRow("Pladsdøgn:", self.pladsdoegn)
        self.indhold.addWidget(res)
        self.regel.setMinimumHeight(self.regel.fontMetrics().lineSpacing() * 3 + 8)
        self.regel.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.indhold.addWidget(self.regel)
        self.indhold.addStretch(1)
        self.felt_widgets = {"belaegning": self.metode}

    def _bel(self) -> Belaegning | None:
        t = self.tilbud
        return None if t is None else t.belaegning

    def _aar(self) -> tuple[int, int]:
        aar = self.dok.grundlag.takstaar
        return aar - 3, aar - 2

    def _metode(self, metode: str) -> None:
        b = self._bel()
        if not metode:
            self.ret_tilbud(belaegning=None)
        elif b is None:
            self.ret_tilbud(belaegning=Belaegning(metode))
        else:
            self.ret_tilbud(belaegning=replace(b, metode=metode))

    def _ret(self, **felter) -> None:
        b = self._bel() or Belaegning("forventet")
        self.ret_tilbud(belaegning=replace(b, **felter))

    def _faktisk(self, n: int, v) -> None:
        b = self._bel() or Belaegning("beregnet")
        aar = dict(b.faktisk_pct)
        aar_liste = sorted(aar) if len(aar) >= 2 else list(self._aar())
        if v is None:
            aar.pop(aar_liste[n], None)
        else:
            aar[aar_liste[n]] = v
        self.ret_tilbud(belaegning=replace(b, faktisk_pct=tuple(sorted(aar.items()))))

    def vis(self) -> None:
        t = self.tilbud
        self.setEnabled(t is not None)
        if t is None:
            return
        b = t.belaegning
        self.metode.vis(b.metode if b else "")
        faktisk = dict(b.faktisk_pct) if b else {}
        aar_liste = sorted(faktisk) if len(faktisk) >= 2 else list(self._aar())
        beregnet = b is not None and b.metode == "beregnet"
        for (lbl, f), aar in zip(self.aar_felter, aar_liste[-2:]):
            lbl.setText(f"Faktisk belægning {aar} (%):")
            f.vis(faktisk.get(aar))
            f.setEnabled(beregnet)
        self.pct.vis(b.pct if b else None)
        self.pct.setEnabled(b is not None and not beregnet)
        self.begrundelse.setEnabled(b is not None and not beregnet)
        if not self.begrundelse.hasFocus():
            self.begrundelse.setPlainText(b.begrundelse if b else "")
        r = self.resultat
        self.procent.setText(dansk.procent(r.belaegning_pct) if r and r.belaegning_pct is not None else "–")
        self.pladsdoegn.setText(dansk.tal(r.pladsdoegn) if r and r.pladsdoegn is not None else "–")
        fund = [f for f in (r.fund if r else ()) if f.felt == self.sti_prefix() + "belaegning"]
        if fund:
            farve = "#a01818" if any(f.er_fejl for f in fund) else "#7a5a00"
            self.regel.setText("<br>".join(f"<span style='color:{farve}'>{f.tekst} ({f.reference})</span>" for f in fund))
        else:
            self.regel.setText("<span style='color:#1b6e2a'>Belægningsprocenten overholder Styringsaftalens krav (SA 5.2).</span>")
