"""Step: bemærkninger and a summary of the whole tilbud (Styringsaftalen 2.2.3, 3.1, 5.5.2, 5.6)."""
from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QPushButton, QTextBrowser

from takstberegner import dansk
from takstberegner.tjeneste import klar
from takstberegner.app.steps.base import Trin
from takstberegner.app.steps.belaegning import BegrundelseFelt
from takstberegner.app.widgets import etiket

_STRUKTUR = {"gennemsnit": "gennemsnitstakst", "differentieret": "differentierede takster",
             "enhed": "enhedstakst", "traekningsret": "trækningsret"}


class BemaerkningerTrin(Trin):
    titel = "Bemærkninger og opsummering"
    kort_titel = "Bemærkninger"
    afsnit = "2.2.3, 3.1 og 5.5.2"
    hjaelpetekst = ("Ændres pladser, eller ændres en takst mere end væsentlighedsgrænsen fra sidste år, skal det "
                    "forklares her. Bemærkningerne følger taksterne til sekretariatet.")
    felter = ("bemaerkninger",)

    def byg(self) -> None:
        self.tekst = BegrundelseFelt(self._gem)
        self.tekst.setObjectName("bemaerkninger")
        self.tekst.setMaximumHeight(140)
        self.indhold.addWidget(etiket("&Bemærkninger", self.tekst, fed=True))
        self.indhold.addWidget(self.tekst)
        self.opsummering = QTextBrowser()
        self.indhold.addWidget(etiket("&Opsummering", self.opsummering, fed=True))
        self.indhold.addWidget(self.opsummering, 1)
        self.indmeld_knap = QPushButton("&Indmeld takster …")
        self.indmeld_knap.setObjectName("indmeld_knap")
        self.indmeld_knap.setToolTip("Dan den signerede indmeldingsfil til sekretariatet (SA 2.2.1, 5). "
                                     "Afvises så længe der er fejl.")
        self.indmeld_knap.clicked.connect(lambda: self.window().handlinger.indmeld())
        self.indhold.addWidget(self.indmeld_knap)
        self.felt_widgets = {"bemaerkninger": self.tekst}

    def _gem(self, s: str) -> None:
        t = self.tilbud
        if t is not None and s != t.bemaerkninger:
            self.ret_tilbud(bemaerkninger=s)

    def vis(self) -> None:
        t = self.tilbud
        self.setEnabled(t is not None)
        if t is None:
            return
        if not self.tekst.hasFocus():
            self.tekst.setPlainText(t.bemaerkninger)
        self.opsummering.setHtml(opsummering_html(t, self.resultat))


def opsummering_html(t, r) -> str:
    if r is None:
        return ""
    linjer = [
        ("Lovgrundlag og kategori", f"{escape(t.paragraf)}, kategori {t.kategori}"),
        ("Pladser", f"{t.pladser}" + (f" (sidste år {t.pladser_forrige_aar})" if t.pladser_forrige_aar is not None else "")),
        ("Belægningsprocent", dansk.procent(r.belaegning_pct) or "–"),
        ("Takststruktur", _STRUKTUR.get(t.takststruktur, t.takststruktur)),
        ("Direkte omkostninger", dansk.kr(r.direkte_omkostninger)),
        ("Tjenestemandspension", dansk.kr(r.tjenestemandspension)),
        ("Afskrivninger", dansk.kr(r.afskrivninger)),
        ("Forrentning af anlæg", dansk.kr(r.forrentning_anlaeg)),
        ("Overhead", dansk.kr(r.overhead)),
        ("Forrentning af driftskapital", dansk.kr(r.forrentning_driftskapital)),
        ("Omkostningsgrundlag", dansk.kr(r.omkostningsgrundlag)),
        ("Regulering", dansk.kr(r.regulering)),
        ("Hensat (indgår ikke i taksten)", dansk.kr(r.hensat)),
        ("Øvrige indtægter", dansk.kr(r.oevrige_indtaegter)),
        ("Takstgrundlag", dansk.kr(r.takstgrundlag)),
        ("Pris pr. direkte støttetime", dansk.kr(r.pris_pr_stoettetime) or "–"),
    ]
    rows = "".join(f"<tr><td>{n}</td><td align='right'><b>{v}</b></td></tr>" for n, v in linjer)
    takster = "".join(
        f"<tr><td>{escape(tk.ydelse_navn or tk.ydelse)}</td><td align='right'><b>{dansk.kr(tk.takst)}</b></td>"
        f"<td align='right'>{dansk.procent(tk.aendring_pct) if tk.aendring_pct is not None else ''}</td></tr>"
        for tk in r.takster)
    fejl = sum(1 for f in r.fund if f.niveau == "fejl")
    adv = sum(1 for f in r.fund if f.niveau == "advarsel")
    if t.kategori == 1:
        status = "<p>Kategori 1-tilbud indmeldes ikke.</p>"
    elif fejl:
        status = f"<p style='color:#a01818'><b>Ikke klar til indmelding:</b> {fejl} fejl skal rettes.</p>"
    elif not klar.tilbud_status(0, t, r)[1]:
        status = f"<p style='color:#a01818'><b>Ikke klar til indmelding:</b> {escape(klar.tilbud_status(0, t, r)[0])}.</p>"
    else:
        status = "<p style='color:#1b6e2a'><b>Klar til indmelding.</b>" + (f" ({adv} advarsel{'er' if adv != 1 else ''})" if adv else "") + "</p>"
    return (f"<h3>{escape(t.navn)}</h3>{status}<table cellspacing='2' cellpadding='3'>{rows}</table>"
            f"<h4>Takster</h4><table cellpadding='3'><tr><th align='left'>Ydelse</th><th>Takst</th><th>Ændring</th></tr>"
            f"{takster}</table>")
