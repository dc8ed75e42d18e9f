"""Step: belægningsprocent by one of the three methods, for the tilbud and, where a ydelse has its
own (aflastnings- or akutpladser beside permanent places), for that ydelse (Styringsaftalen 5.2,
6.1.2; SPEC v2 §4.10-4.11)."""
from __future__ import annotations

from dataclasses import replace
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLabel, QPlainTextEdit

from takstberegner import dansk
from takstberegner.app.models.raekker import Kolonne, RaekkeModel
from takstberegner.app.steps.base import Trin, del_sti
from takstberegner.app.tabel import TabelVisning
from takstberegner.app.widgets import TalFelt, ValgFelt, vaerdi_label
from takstberegner.domain import aendringer as ae
from takstberegner.domain.model import Belaegning

METODE_VALG = (("", "Ingen (enhedstakst/trækningsret)"), ("beregnet", "Beregnet: gennemsnit af de to seneste år"),
               ("forventet", "Forventet belægning (med begrundelse)"), ("nyt_tilbud", "Nyt tilbud: forventet i første driftsår"))
HELE = ""  # the choice "the tilbud as a whole" in the list of whose belægning is shown


class BegrundelseFelt(QPlainTextEdit):
    """A multi-line text that reports its text when it loses focus."""

    def __init__(self, paa_aendring, parent=None):
        super().__init__(parent)
        self._paa = paa_aendring
        self.setTabChangesFocus(True)

    def focusOutEvent(self, e):
        super().focusOutEvent(e)
        self._paa(self.toPlainText())


class YdelseBelaegningModel(RaekkeModel):
    """Each ydelse's belægning b_i and pladsdøgn as computed, and whose belægning it uses."""

    def __init__(self, parent=None):
        super().__init__((
            Kolonne("navn", "Ydelse", redigerbar=False, bredde=170),
            Kolonne("pladser", "Pladser", "heltal", redigerbar=False, bredde=60),
            Kolonne("kilde", "Belægning fra", redigerbar=False, bredde=120),
            Kolonne("korte", "Korte forløb", redigerbar=False, bredde=90),
            Kolonne("pct", "Belægning (%)", "tal", redigerbar=False, bredde=100),
            Kolonne("pladsdoegn", "Pladsdøgn", "tal", redigerbar=False, bredde=100),
        ), parent)


class _Raekke:
    def __init__(self, y, t, takst):
        self.navn = y.navn or y.id
        self.pladser = y.pladser
        self.kilde = "Egen" if y.belaegning is not None else "Tilbuddets"
        self.korte = "Ja" if (y.korte_forloeb or t.korte_forloeb) else ""
        self.pct = takst.belaegning_pct if takst else None
        self.pladsdoegn = takst.pladsdoegn if takst else None


class BelaegningTrin(Trin):
    titel = "Belægning"
    afsnit = "5.2"
    hjaelpetekst = ("Taksten beregnes ud fra en belægningsprocent på mindst 95 % (90 % for korte forløb), "
                    "anbefalet 95-98 %. Normalt bruges gennemsnittet af de to seneste års faktiske belægning; "
                    "en forventet belægning eller et nyt tilbuds første driftsår skal begrundes. En belægning under "
                    "95 % med en begrundelse vurderes af Den Administrative Styregruppe; ved korte forløb er 90 % et "
                    "minimum, også med en begrundelse. Har tilbuddet både faste pladser "
                    "og aflastnings- eller akutpladser, kan hver ydelse have sin egen belægning og sine korte forløb.")
    felter = ("belaegning", "ydelser.belaegning", "ydelser.korte_forloeb")

    def byg(self) -> None:
        self._valgt = HELE  # "" for the tilbud, else a ydelse id
        hvem = QGroupBox("Belægning for")
        hf = QFormLayout(hvem)
        self.hvem = ValgFelt(((HELE, "Hele tilbuddet"),))
        self.hvem.setObjectName("belaegning_for")
        self.hvem.valgt.connect(self._vaelg)
        hf.addRow("Vis og ret:", self.hvem)
        self.egen = QCheckBox("Ydelsen har sin egen belægning (ellers bruges tilbuddets)")
        self.egen.setObjectName("egen_belaegning")
        self.egen.clicked.connect(self._egen)
        self.korte = QCheckBox("Korte forløb: aflastnings-, akut- eller korte ophold (krav 90 %)")
        self.korte.setObjectName("ydelse_korte_forloeb")
        self.korte.clicked.connect(lambda v: self._ret_ydelse(korte_forloeb=v))
        hf.addRow("", self.egen)
        hf.addRow("", self.korte)
        self.indhold.addWidget(hvem)

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
        self.begrundelse = BegrundelseFelt(
            lambda s: self._ret(begrundelse=s) if self._bel() and s != self._bel().begrundelse else None)
        self.begrundelse.setObjectName("begrundelse")
        self.begrundelse.setMaximumHeight(90)
        self.begrundelse.setPlaceholderText("Hvorfor denne belægning? (kræves ved forventet belægning og nyt tilbud; "
                                            "ved under 95 % vurderer DAS begrundelsen)")
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
        self.regel.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.indhold.addWidget(self.regel)
        self.ydelse_model = YdelseBelaegningModel(self)
        self.ydelse_tabel = TabelVisning(self.ydelse_model, navn="Ydelsernes belægning")
        self.ydelse_tabel.setObjectName("ydelse_belaegning")
        self.ydelse_tabel.setMinimumHeight(110)
        self.ydelse_tabel.aabn.connect(lambda i: self._vaelg(self.tilbud.ydelser[i.row()].id))
        self.ydelse_boks = QGroupBox("Ydelsernes belægning (dobbeltklik for at rette)")
        QFormLayout(self.ydelse_boks).addRow(self.ydelse_tabel)
        self.indhold.addWidget(self.ydelse_boks)
        self.indhold.addStretch(1)
        self.felt_widgets = {"belaegning": self.metode}

    # -- whose belægning ----------------------------------------------------------------------
    def _ydelse_index(self) -> int | None:
        t = self.tilbud
        if t is None or not self._valgt:
            return None
        for j, y in enumerate(t.ydelser):
            if y.id == self._valgt:
                return j
        return None

    def _bel(self) -> Belaegning | None:
        t = self.tilbud
        if t is None:
            return None
        j = self._ydelse_index()
        return t.belaegning if j is None else t.ydelser[j].belaegning

    def _saet_bel(self, b: Belaegning | None) -> None:
        j = self._ydelse_index()
        if j is None:
            self.ret_tilbud(belaegning=b)
        else:
            self._ret_ydelse(belaegning=b)

    def _ret_ydelse(self, **felter) -> None:
        j = self._ydelse_index()
        if j is not None:
            y = replace(self.tilbud.ydelser[j], **felter)
            self.dok.anvend(ae.OpdaterElement(self.tilbud_id, "ydelser", j, y))

    def _vaelg(self, ydelse_id) -> None:
        self._valgt = ydelse_id or HELE
        self.vis()

    def _egen(self, til: bool) -> None:
        if til:  # start from the tilbud's own, which the ydelse used so far
            t = self.tilbud
            self._ret_ydelse(belaegning=t.belaegning or Belaegning("forventet"))
        else:
            self._ret_ydelse(belaegning=None)

    # -- editing ----------------------------------------------------------------------------
    def _aar(self) -> tuple[int, int]:
        aar = self.dok.grundlag.takstaar
        return aar - 3, aar - 2

    def _metode(self, metode: str) -> None:
        b = self._bel()
        if not metode:
            if self._ydelse_index() is None:
                self._saet_bel(None)
        elif b is None:
            self._saet_bel(Belaegning(metode))
        else:
            self._saet_bel(replace(b, metode=metode))

    def _ret(self, **felter) -> None:
        b = self._bel() or Belaegning("forventet")
        self._saet_bel(replace(b, **felter))

    def _faktisk(self, n: int, v) -> None:
        b = self._bel() or Belaegning("beregnet")
        aar = dict(b.faktisk_pct)
        aar_liste = sorted(aar) if len(aar) >= 2 else list(self._aar())
        if v is None:
            aar.pop(aar_liste[n], None)
        else:
            aar[aar_liste[n]] = v
        self._saet_bel(replace(b, faktisk_pct=tuple(sorted(aar.items()))))

    # -- findings -----------------------------------------------------------------------------
    def fokuser(self, rest: str) -> bool:
        navn, nr, under = del_sti(rest)
        if navn == "ydelser" and nr is not None and self.tilbud is not None and nr < len(self.tilbud.ydelser):
            self._vaelg(self.tilbud.ydelser[nr].id)
            w = self.korte if under == "korte_forloeb" else self.metode
            self._frem(w)
            w.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        if navn == "belaegning":
            self._vaelg(HELE)
        return super().fokuser(rest)

    # -- showing ------------------------------------------------------------------------------
    def vis(self) -> None:
        t = self.tilbud
        self.setEnabled(t is not None)
        if t is None:
            return
        valg = ((HELE, "Hele tilbuddet"),) + tuple((y.id, f"Ydelsen {y.navn or y.id}") for y in t.ydelser)
        if [(self.hvem.itemData(i), self.hvem.itemText(i)) for i in range(self.hvem.count())] != list(valg):
            self.hvem.blockSignals(True)
            self.hvem.clear()
            for v, tekst in valg:
                self.hvem.addItem(tekst, v)
            self.hvem.blockSignals(False)
        j = self._ydelse_index()
        if j is None:
            self._valgt = HELE
        self.hvem.vis(self._valgt)
        self.hvem.setEnabled(bool(t.ydelser))
        y = t.ydelser[j] if j is not None else None
        self.egen.setVisible(y is not None)
        self.korte.setVisible(y is not None)
        self.egen.setChecked(y is not None and y.belaegning is not None)
        self.korte.setChecked(y is not None and (y.korte_forloeb or t.korte_forloeb))
        self.korte.setEnabled(y is not None and not t.korte_forloeb)  # the tilbud's korte forløb covers all
        b = self._bel()
        redigerbar = y is None or y.belaegning is not None
        vist = b if y is None or b is not None else t.belaegning  # a ydelse without its own shows the tilbud's
        self.metode.vis(vist.metode if vist else "")
        self.metode.setEnabled(redigerbar)
        faktisk = dict(vist.faktisk_pct) if vist else {}
        aar_liste = sorted(faktisk) if len(faktisk) >= 2 else list(self._aar())
        beregnet = vist is not None and vist.metode == "beregnet"
        for (lbl, f), aar in zip(self.aar_felter, aar_liste[-2:]):
            lbl.setText(f"Faktisk belægning {aar} (%):")
            f.vis(faktisk.get(aar))
            f.setEnabled(redigerbar and beregnet)
        self.pct.vis(vist.pct if vist else None)
        self.pct.setEnabled(redigerbar and vist is not None and not beregnet)
        self.begrundelse.setEnabled(redigerbar and vist is not None)  # SPEC v2: a begrundelse for every method
        if not self.begrundelse.hasFocus():
            self.begrundelse.setPlainText(vist.begrundelse if vist else "")
        r = self.resultat
        takst = None
        if y is not None and r is not None:
            takst = next((tk for tk in r.takster if tk.ydelse == y.id), None)
        if y is None:
            self.procent.setText(dansk.procent(r.belaegning_pct) if r and r.belaegning_pct is not None else "–")
            self.pladsdoegn.setText(dansk.tal(r.pladsdoegn) if r and r.pladsdoegn is not None else "–")
            felt = self.sti_prefix() + "belaegning"
        else:
            self.procent.setText(dansk.procent(takst.belaegning_pct) if takst and takst.belaegning_pct is not None else "–")
            self.pladsdoegn.setText(dansk.tal(takst.pladsdoegn) if takst and takst.pladsdoegn is not None else "–")
            felt = self.sti_prefix() + f"ydelser[{j}].belaegning"
        fund = [f for f in (r.fund if r else ()) if f.felt == felt]
        if y is not None and y.belaegning is None:
            self.regel.setText("Ydelsen bruger tilbuddets belægning. Sæt flueben ovenfor for at give den sin egen.")
        elif fund:
            farve = "#a01818" if any(f.er_fejl for f in fund) else "#7a5a00"
            self.regel.setText("<br>".join(f"<span style='color:{farve}'>{escape(f.tekst_med_reference)}</span>"
                                             for f in fund))
        else:
            self.regel.setText("<span style='color:#1b6e2a'>Belægningsprocenten overholder Styringsaftalens krav (SA 5.2).</span>")
        takster = {tk.ydelse: tk for tk in (r.takster if r else ())}
        self.ydelse_model.saet_raekker(tuple(_Raekke(x, t, takster.get(x.id)) for x in t.ydelser))
        self.ydelse_boks.setVisible(bool(t.ydelser))
