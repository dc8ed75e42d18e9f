"""The secretariat's tools in the app (issue 11 item 5, issue 12; SA 2.2.1, 5.6), without a terminal:
the tillidsfil chosen and remembered, fingerprints registered and root certificates added,
one or many indmeldingsfiler verified with the reasons in Danish (and, for a signer not yet
trusted, how to trust it), and the takstbilag built. The work is done by takstberegner.export
(verifikation, tillid, takstbilag); this module asks for files and shows the answers.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QMessageBox, QPlainTextEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from takstberegner.app.filnavne import med_endelse
from takstberegner.app.gem_dialog import gem_som
from takstberegner.app import efter_eksport, fremskridt, takstaar_valg
from takstberegner.app.signering_dialog import vis_fingeraftryk as _vis_fingeraftryk
from takstberegner.app.widgets import etiket, fejl_linje, ok_annuller
from takstberegner import dansk
from takstberegner.domain.usynlige_tegn import synlig
from takstberegner.fejl import Fejl
from takstberegner.paths import windows_navnefejl

_TILLIDSFIL = "sekretariat/tillidsfil"
FILTER = "Indmelding (*.indmelding *.asice)"


# -- the tillidsfil ------------------------------------------------------------------------------

def tillidsfil() -> Path:
    """The remembered tillidsfil, else the standard one in the user's settings folder."""
    from takstberegner.app.settings import indstillinger
    from takstberegner.export import tillid

    gemt = indstillinger().value(_TILLIDSFIL, "")
    return Path(gemt) if gemt else tillid.standard_tillidsfil()


def husk_tillidsfil(sti: str | Path) -> None:
    from takstberegner.app.settings import indstillinger

    indstillinger().setValue(_TILLIDSFIL, str(Path(sti)))


def _tillid_til_verifikation():
    """What verificer gets: the file when it exists (a broken one is a reason), else no trust."""
    from takstberegner.export import tillid

    p = tillidsfil()
    return p if p.exists() else tillid.Tillid(kilde=str(p))


_VIST_ROEDDER = 8


def _beskriv_tillid(p: Path) -> str:
    from takstberegner.export import tillid

    if not p.exists():
        return "Filen findes ikke endnu; den oprettes, når du registrerer det første fingeraftryk."
    try:
        t = tillid.laes_tillid(p)
    except tillid.TillidsFejl as e:
        return e.besked
    # at most a few by name: a file with hundreds of roots made the dialog thousands of pixels tall
    roedder = "".join(f"\n  • {tillid.vist_navn(r.subject)}" for r in t.roedder[:_VIST_ROEDDER])
    if len(t.roedder) > _VIST_ROEDDER:
        roedder += f"\n  • og {dansk.tal(len(t.roedder) - _VIST_ROEDDER, 0)} andre"
    return (f"{len(t.fingeraftryk)} registrerede certifikater (fingeraftryk) og {len(t.roedder)} betroede "
            f"rodcertifikater{':' if roedder else '.'}{roedder}")


class RegistrerDialog(QDialog):
    """Register one driftsherre's certificate by its SHA-256 fingerprint (typed, pasted, or read
    from a certificate file the driftsherre sent)."""

    def __init__(self, foraelder: QWidget | None, fp: str = "", navn: str = ""):
        super().__init__(foraelder)
        self.setObjectName("registrer_dialog")
        self.setWindowTitle("Registrér fingeraftryk")
        self.setMinimumWidth(900)  # the whole SHA-256 fingerprint readable in its field
        lag = QVBoxLayout(self)
        tekst = QLabel("Registrér kun et fingeraftryk, som du har fået bekræftet af driftsherren ad en anden vej end "
                       "indmeldingsfilen (fx læst op i telefonen). Det registrerede certifikat kan derefter signere "
                       "driftsherrens indmeldinger; det kan aldrig udstede andre certifikater.")
        tekst.setWordWrap(True)
        lag.addWidget(tekst)
        form = QFormLayout()
        self.fp = QLineEdit(fp)
        self.fp.setObjectName("fingeraftryk")
        self.fp.setPlaceholderText("AB:CD:EF:… (64 tegn 0-9 og A-F)")
        fra_fil = QPushButton("Hent fra certifikatfil …")
        fra_fil.clicked.connect(self._fra_fil)
        raekke = QHBoxLayout()
        raekke.addWidget(self.fp, 1)
        raekke.addWidget(fra_fil)
        form.addRow(etiket("Fingeraftryk (SHA-256):", self.fp), raekke)
        self.navn = QLineEdit(navn)
        self.navn.setObjectName("navn")
        form.addRow("Driftsherre (til noten):", self.navn)
        lag.addLayout(form)
        self.fejl = fejl_linje()
        lag.addWidget(self.fejl)
        lag.addWidget(ok_annuller("Registrér", self._registrer, self.reject, "registrer"))

    def _fra_fil(self) -> None:
        from takstberegner.export import signering, tillid

        sti, _ = QFileDialog.getOpenFileName(self, "Certifikat fra driftsherren", "", "Certifikat (*.pem *.cer *.crt)")
        if not sti:
            return
        try:  # the same reader, by the same rules, as a tillidsfil given to `--tillid`
            certs = tillid.laes_certifikatfil(sti)
        except tillid.TillidsFejl as e:
            self.fejl.setText(e.besked)
            return
        if len(certs) > 1:
            self.fejl.setText(f"Filen {Path(sti).name} indeholder {len(certs)} certifikater. Vælg en fil med "
                              "driftsherrens ene certifikat.")
            return
        cert = certs[0]
        self.fejl.setText("")
        self.fp.setText(signering.fingeraftryk(cert))
        if not self.navn.text():
            self.navn.setText(f"{signering.navn_af(cert)} (CVR {signering.cvr_af(cert) or 'ikke angivet'})")

    def _registrer(self) -> None:
        from takstberegner.export import tillid

        try:
            tillid.registrer(tillidsfil(), self.fp.text(), self.navn.text())
        except Fejl as e:
            self.fejl.setText(e.besked)
            return
        self.accept()


class TillidsfilDialog(QDialog):
    """Which tillidsfil the secretariat uses, what it holds, and how to add to it."""

    def __init__(self, foraelder: QWidget | None):
        super().__init__(foraelder)
        self.setObjectName("tillidsfil_dialog")
        self.setWindowTitle("Tillidsfil")
        self.resize(640, 320)
        lag = QVBoxLayout(self)
        forklaring = QLabel(
            "Tillidsfilen bestemmer, hvem sekretariatet stoler på: registrerede fingeraftryk (en driftsherres egen "
            "nøgle – netop det certifikat må signere, aldrig udstede andre) og betroede rodcertifikater (fx OCES3 "
            "for medarbejdercertifikater fra MitID Erhverv). Programmet husker, hvilken fil du bruger.")
        forklaring.setWordWrap(True)
        lag.addWidget(forklaring)
        self.sti = QLabel()
        self.sti.setObjectName("sti")
        self.sti.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.indhold = QLabel()
        self.indhold.setObjectName("indhold")
        self.indhold.setWordWrap(True)
        self.indhold.setTextFormat(Qt.TextFormat.PlainText)
        self.sti.setTextFormat(Qt.TextFormat.PlainText)
        lag.addWidget(self.sti)
        lag.addWidget(self.indhold)
        knapper = QHBoxLayout()
        for tekst, navn, slot in (("Vælg en anden fil …", "vaelg", self._vaelg),
                                  ("Registrér fingeraftryk …", "registrer", self._registrer),
                                  ("Tilføj rodcertifikat …", "rod", self._tilfoej_rod)):
            k = QPushButton(tekst)
            k.setObjectName(navn)
            k.clicked.connect(slot)
            knapper.addWidget(k)
        lag.addLayout(knapper)
        self.fejl = QLabel("")
        self.fejl.setStyleSheet("color: #a01818")
        self.fejl.setTextFormat(Qt.TextFormat.PlainText)  # it may quote a line of the chosen file
        self.fejl.setWordWrap(True)
        lag.addWidget(self.fejl)
        bb = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        bb.button(QDialogButtonBox.StandardButton.Close).setText("Luk")  # also without Qt's Danish translation
        bb.rejected.connect(self.reject)
        lag.addWidget(bb)
        self.opdater()

    def opdater(self) -> None:
        p = tillidsfil()
        self.sti.setText(f"Tillidsfil: {p}")
        self.indhold.setText(_beskriv_tillid(p))

    def _vaelg(self) -> None:
        """Choose an existing tillidsfil or name a new one. The name ends in .pem or .txt (.pem is
        added, as the save dialogs add their ending), and an existing file is taken only when it
        reads as a tillidsfil: the app writes fingerprints and root certificates into it, and
        'noter.txt' chosen by mistake would have had them appended."""
        from takstberegner.export import tillid

        sti, _ = QFileDialog.getSaveFileName(self, "Vælg eller opret tillidsfil", str(tillidsfil()),
                                             "Tillidsfil (*.pem *.txt)", options=QFileDialog.Option.DontConfirmOverwrite)
        if not sti:
            return
        p = Path(med_endelse(sti, ".pem", ".txt"))
        if grund := windows_navnefejl(p.name):
            self.fejl.setText(f"Tillidsfilen kan ikke hedde {synlig(p.name)}. {grund}")
            return
        if p.exists():
            try:
                tillid.laes_tillid(p)
            except tillid.TillidsFejl as e:
                self.fejl.setText(f"{p.name} er ikke valgt som tillidsfil. {str(e).rstrip('.')}. Vælg en tillidsfil, "
                                  "eller skriv et nyt filnavn for at oprette en.")
                return
        self.fejl.setText("")
        husk_tillidsfil(p)
        self.opdater()

    def _registrer(self) -> None:
        if RegistrerDialog(self).exec() == QDialog.DialogCode.Accepted:
            self.opdater()

    def _tilfoej_rod(self) -> None:
        from takstberegner.export import tillid

        sti, _ = QFileDialog.getOpenFileName(self, "Rodcertifikat", "", "Certifikat (*.pem *.cer *.crt)")
        if not sti:
            return
        try:  # the same reader, by the same rules, as a tillidsfil given to `--tillid`
            ca = [c for c in tillid.laes_certifikatfil(sti) if tillid.er_ca(c)]
        except tillid.TillidsFejl as e:
            self.fejl.setText(e.besked)
            return
        if not ca:
            self.fejl.setText("Certifikatet er ikke et udstedercertifikat og kan ikke være et rodcertifikat. Er det en "
                              "driftsherres eget certifikat, så registrér dets fingeraftryk i stedet.")
            return
        try:
            nye = tillid.tilfoej_roedder(tillidsfil(), ca)
        except tillid.TillidsFejl as e:
            self.fejl.setText(e.besked)
            return
        self.fejl.setText("" if nye else "Rodcertifikatet står allerede i tillidsfilen.")
        self.opdater()


# -- verification --------------------------------------------------------------------------------

def _saadan_stoler_du(r) -> str:
    from takstberegner.export import signering

    fp = r.certifikat_fingeraftryk
    return (
        "Underskriveren er ikke betroet af sekretariatet endnu. Sådan gør du:\n"
        f"1. Kontakt {r.driftsherre or 'driftsherren'} ad en anden vej end filen (fx telefon), og få certifikatets "
        "fingeraftryk læst op. Driftsherren ser det i Takstberegner, når nøglen laves (Filer → Lav nøgle til "
        "indmelding).\n"
        "2. Sammenlign det med underskriverens fingeraftryk:\n   " + _vis_fingeraftryk(fp).replace("\n", "\n   ") + "\n"
        "3. Er de ens, så klik »Registrér underskriverens certifikat«. Fingeraftrykket skrives i tillidsfilen "
        f"({tillidsfil()}), og filen verificeres igen.\n"
        "Er certifikatet et medarbejdercertifikat fra MitID Erhverv, så tilføj i stedet OCES3-rodcertifikatet "
        "under Sekretariat → Tillidsfil."
    ) if fp and signering.normaliser_fingeraftryk(fp) else ""


class VerifikationsDialog(QDialog):
    """Every verified file with GODKENDT/AFVIST; the chosen one's details and reasons; for a signer
    not yet trusted, how to trust it and a button that registers it."""

    def __init__(self, foraelder: QWidget | None, resultater: list):
        super().__init__(foraelder)
        self.setObjectName("verifikation_dialog")
        self.setWindowTitle("Verifikation af indmeldingsfiler")
        self.resize(900, 560)
        self.resultater = list(resultater)
        lag = QVBoxLayout(self)
        self.opsummering = QLabel()
        self.opsummering.setObjectName("opsummering")
        lag.addWidget(self.opsummering)
        self.liste = QListWidget()
        self.liste.setObjectName("liste")
        self.liste.setAccessibleName("Indmeldingsfiler")
        self.liste.currentRowChanged.connect(self._vis)
        lag.addWidget(self.liste, 1)
        self.detaljer = QPlainTextEdit()
        self.detaljer.setObjectName("detaljer")
        self.detaljer.setAccessibleName("Den valgte fils kontrol")
        self.detaljer.setReadOnly(True)
        lag.addWidget(self.detaljer, 2)
        self.vejledning = QLabel()
        self.vejledning.setObjectName("vejledning")
        self.vejledning.setWordWrap(True)
        self.vejledning.setTextFormat(Qt.TextFormat.PlainText)  # names from the file as written, never as HTML
        self.vejledning.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The steps to trust a signer are long: on a small screen (1366x768 at 150 %) they scroll
        # instead of pushing the Luk and Registrér buttons below the screen's edge.
        self.vejledning_flade = QScrollArea()
        self.vejledning_flade.setObjectName("vejledning_flade")
        self.vejledning_flade.setWidgetResizable(True)
        self.vejledning_flade.setFrameShape(QScrollArea.Shape.NoFrame)
        self.vejledning_flade.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.vejledning_flade.setWidget(self.vejledning)
        lag.addWidget(self.vejledning_flade, 2)
        bb = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        bb.button(QDialogButtonBox.StandardButton.Close).setText("Luk")  # also without Qt's Danish translation
        self.registrer = QPushButton("Registrér underskriverens certifikat …")
        self.registrer.setObjectName("registrer")
        self.registrer.clicked.connect(self._registrer)
        bb.addButton(self.registrer, QDialogButtonBox.ButtonRole.ActionRole)
        bb.rejected.connect(self.reject)
        lag.addWidget(bb)
        self._fyld()
        skaerm = (foraelder.screen() if foraelder is not None else self.screen())
        if skaerm is not None:  # never larger than the screen's free area, its frame included
            ledig = skaerm.availableGeometry()
            self.resize(self.size().boundedTo(ledig.size() - QSize(20, 50)))

    def _fyld(self, valgt: int = 0) -> None:
        self.liste.blockSignals(True)
        self.liste.clear()
        for r in self.resultater:
            navn = Path(r.fil).name
            hvem = f" – {r.driftsherre} {r.takstaar or ''}".rstrip() if r.driftsherre else ""
            item = QListWidgetItem(f"{r.status}   {navn}{hvem}")
            item.setForeground(Qt.GlobalColor.darkGreen if r.ok else Qt.GlobalColor.darkRed)
            self.liste.addItem(item)
        self.liste.blockSignals(False)
        g = sum(1 for r in self.resultater if r.ok)
        self.opsummering.setText(f"{g} godkendt{'e' if g != 1 else ''} og {len(self.resultater) - g} afvist"
                                 f"{'e' if len(self.resultater) - g != 1 else ''} af {len(self.resultater)} "
                                 f"fil{'er' if len(self.resultater) != 1 else ''}.")
        self.liste.setCurrentRow(min(valgt, len(self.resultater) - 1))
        self._vis(self.liste.currentRow())

    def _vis(self, i: int) -> None:
        r = self.resultater[i] if 0 <= i < len(self.resultater) else None
        self.detaljer.setPlainText(r.tekst() if r else "")
        vejl = _saadan_stoler_du(r) if r is not None and r.kan_registreres else ""
        self.vejledning.setText(vejl)
        self.vejledning_flade.setVisible(bool(vejl))
        self.registrer.setVisible(bool(vejl))

    def _registrer(self) -> None:
        from takstberegner.export import tillid, verifikation

        i = self.liste.currentRow()
        r = self.resultater[i]
        svar = QMessageBox.question(
            self, "Registrér certifikatet",
            f"Har du fået fingeraftrykket\n\n{r.certifikat_fingeraftryk}\n\nbekræftet af {r.driftsherre or 'driftsherren'} "
            "ad en anden vej end indmeldingsfilen? Registrér kun, hvis de er ens.")
        if svar != QMessageBox.StandardButton.Yes:
            return
        try:
            tillid.registrer(tillidsfil(), r.certifikat_fingeraftryk,
                             f"{r.driftsherre} (CVR {r.driftsherre_cvr})" if r.driftsherre else r.underskriver)
        except Fejl as e:
            QMessageBox.warning(self, "Tillidsfilen", e.besked)
            return
        filer = [x.fil for x in self.resultater]
        t = _tillid_til_verifikation()
        self.resultater = fremskridt.koer(self, "Verificerer igen ...",
                                          lambda: [verifikation.verificer(f, t) for f in filer])
        self._fyld(i)


def verificer(v, filer: list[str | Path] | str | Path | None = None) -> list | None:
    """Verify one or many indmeldingsfiler (asked for when not given) against the remembered
    tillidsfil and show the results. Returns the results (never raises on a bad file)."""
    from takstberegner.export import verifikation

    if filer is None:
        valgt, _ = QFileDialog.getOpenFileNames(v, "Verificér indmeldingsfiler", "", FILTER)
        filer = valgt
    elif isinstance(filer, (str, Path)):
        filer = [filer]
    if not filer:
        return None
    t = _tillid_til_verifikation()
    resultater = fremskridt.koer(v, f"Verificerer {len(filer)} indmeldingsfil{'er' if len(filer) != 1 else ''} ...",
                                 lambda: [verifikation.verificer(f, t) for f in filer])
    VerifikationsDialog(v, resultater).exec()
    return resultater


MAKS_AFSNIT = 6  # files named in the takstbilag's closing message; the sheet Indmeldinger has them all


def takstbilag(v) -> Path | None:
    """Verify the chosen indmeldinger against the remembered tillidsfil and build the takstbilag;
    a bad file is listed with its reason and never stops the bilag."""
    from takstberegner.export import takstbilag as tb
    from takstberegner.export import takstbilag_udvalg

    filer, _ = QFileDialog.getOpenFileNames(v, "Vælg indmeldingsfiler til takstbilaget", "", FILTER)
    if not filer:
        return None
    t = _tillid_til_verifikation()
    udvalg = fremskridt.koer(v, f"Verificerer {len(filer)} indmeldingsfiler ...", lambda: tb.saml(filer, t))
    udvalg = takstaar_valg.vaelg_takstaar(v, udvalg)  # files for several takstår: which year's bilag
    if udvalg is None:
        return None
    try:  # built before asking where: a bilag Excel could not hold is refused, and nothing is written
        data = fremskridt.koer(v, "Danner takstbilag ...", lambda: tb.lav_takstbilag(udvalg))
    except Fejl as e:
        QMessageBox.warning(v, "Takstbilaget kan ikke laves", e.besked)
        return None
    p = _gem_som(v, "Gem takstbilag", "Excel (*.xlsx)", ".xlsx")
    if p and efter_eksport.gem(v, p, data):
        ikke = [s for s in udvalg.statusser if s.grunde]
        g = len(udvalg.statusser) - len(ikke)
        ukendte = sum(1 for s in ikke if s.status == takstbilag_udvalg.AFVIST and s.indmelding.ikke_betroet)
        # the first bilag of a season meets every new key before it is registered: say where to do it
        betro = (f"\n\n{ukendte} indmelding{'er' if ukendte != 1 else ''} er kun afvist, fordi underskriveren ikke er betroet "
                 "endnu. Vælg Sekretariat → Verificér indmeldingsfiler …, registrér underskriveren der, og lav så "
                 "takstbilaget igen.") if ukendte else ""
        # what counts but needs a look (the same tilbud from two CVRs, a newer rejected one): as on the sheet
        obs = [(s, [n for n in s.noter if n.startswith("Obs:")]) for s in udvalg.statusser if not s.grunde]
        afsnit = [f"{s.status_navn}: {Path(s.indmelding.fil).name}\n  " + "\n  ".join(s.grunde) for s in ikke]
        afsnit += [f"Godkendt, men se: {Path(s.indmelding.fil).name}\n  " + "\n  ".join(n) for s, n in obs if n]
        if len(afsnit) > MAKS_AFSNIT:  # 40 rejected files made the box taller than the screen, its OK below it
            resten = len(afsnit) - MAKS_AFSNIT + 1
            afsnit = afsnit[:MAKS_AFSNIT - 1] + [f"… og {dansk.tal(resten, 0)} filer mere: se arket Indmeldinger i "
                                                 f"{p.name}, som har dem alle med deres grund."]
        QMessageBox.information(v, "Takstbilag", f"{dansk.tal(g, 0)} {'godkendt' if g == 1 else 'godkendte'} af "
                                f"{dansk.tal(len(udvalg.statusser), 0)} indmeldinger er samlet i {p.name}." + betro
                                + "".join(f"\n\n{a}" for a in afsnit))
        return p
    return None


def _gem_som(v, titel: str, filter_: str, endelse: str) -> Path | None:
    return gem_som(v, titel, "", filter_, endelse)


def vis_tillidsfil(v) -> None:
    TillidsfilDialog(v).exec()


def registrer(v) -> None:
    RegistrerDialog(v).exec()
