"""Signing in the app (issue 11 item 5; SA 2.2.1): choose the driftsherre's key file or make a new
one, without a terminal.

- `VaelgNoegleDialog`: an existing .p12/.pfx (OCES3/MitID Erhverv, or one made here) and its
  password. A wrong password is said in the dialog and asked again; the indmeld flow goes on.
- `NyNoegleDialog`: a new key for the open file's driftsherre: where it is kept, the password
  twice (at least `signering.MIN_KODEORD` characters; never empty). The key is written by
  `signering.gem_p12` and its fingerprint is shown at once.
- `FingeraftrykDialog`: the certificate's fingerprint to read to the secretariat, with Kopiér
  and Gem certifikat (PEM).
`vaelg_underskriver(v, grundlag) -> Underskriver | None` runs the choice; the slots only call
signering and settings.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QVBoxLayout, QWidget,
)

from takstberegner.app.filnavne import filnavn, med_endelse
from takstberegner.app.widgets import etiket, fejl_linje, ok_annuller
from takstberegner.domain.usynlige_tegn import synlig
from takstberegner.fejl import Fejl
from takstberegner.fejltekst import os_fejl
from takstberegner.paths import windows_navnefejl

_NOEGLE_INDSTILLING = "signering/noeglefil"


def standard_noeglemappe() -> Path:
    """Where a new key is suggested: the user's documents folder, 'Takstberegner nøgler'."""
    from PySide6.QtCore import QStandardPaths

    dok = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
    return Path(dok) / "Takstberegner nøgler"


def _mono(tekst: str) -> QLabel:
    lbl = QLabel(tekst)
    f = QFont("monospace")
    f.setStyleHint(QFont.StyleHint.Monospace)
    lbl.setFont(f)
    lbl.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    lbl.setWordWrap(True)
    return lbl


def vis_fingeraftryk(fp: str) -> str:
    """'AB:CD:…' (95 characters) in two lines of 16 pairs, for reading aloud."""
    dele = fp.split(":")
    return ":".join(dele[:16]) + "\n" + ":".join(dele[16:])


class FingeraftrykDialog(QDialog):
    """The fingerprint of a key's certificate, to send to the secretariat by another channel."""

    def __init__(self, foraelder: QWidget | None, underskriver, ny: bool = False):
        super().__init__(foraelder)
        self.setObjectName("fingeraftryk_dialog")
        self.setWindowTitle("Certifikatets fingeraftryk")
        self.underskriver = underskriver
        lag = QVBoxLayout(self)
        indledning = ("Nøglen er lavet og gemt. " if ny else "") + (
            f"Certifikatet tilhører {underskriver.navn} (CVR {underskriver.cvr or 'ikke angivet'}). "
            "Sekretariatet skal kende dette fingeraftryk, før det kan godkende jeres indmeldinger. "
            "Send det ad en anden vej end indmeldingsfilen, fx læst op i telefonen eller i et brev, "
            "så sekretariatet kan registrere det.")
        tekst = QLabel(indledning)
        tekst.setWordWrap(True)
        lag.addWidget(tekst)
        self.fingeraftryk = _mono(vis_fingeraftryk(underskriver.fingeraftryk))
        self.fingeraftryk.setObjectName("fingeraftryk")
        lag.addWidget(self.fingeraftryk)
        knapper = QHBoxLayout()
        self.kopier = QPushButton("&Kopiér fingeraftrykket")
        self.kopier.clicked.connect(self._kopier)
        self.gem_pem = QPushButton("&Gem certifikatet (til sekretariatet) …")
        self.gem_pem.clicked.connect(self._gem_pem)
        knapper.addWidget(self.kopier)
        knapper.addWidget(self.gem_pem)
        lag.addLayout(knapper)
        bb = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        bb.accepted.connect(self.accept)
        lag.addWidget(bb)

    def _kopier(self) -> None:
        QGuiApplication.clipboard().setText(self.underskriver.fingeraftryk)

    def _gem_pem(self) -> None:
        from takstberegner.app.gem_dialog import gem_som
        from takstberegner.export import signering
        from takstberegner.export.atomisk import skriv_atomisk

        forslag = filnavn(self.underskriver.navn, "certifikat") + ".pem"
        sti = gem_som(self, "Gem certifikatet", forslag, "Certifikat (*.pem)", ".pem", ".crt")
        if sti:
            try:
                skriv_atomisk(sti, signering.certifikat_pem(self.underskriver.certifikat).encode("ascii"))
            except OSError as e:
                self.fingeraftryk.setToolTip(f"Kunne ikke gemme: {os_fejl(e)}")


class NyNoegleDialog(QDialog):
    """A new key and self-signed certificate for the driftsherre, kept in a password-protected file."""

    def __init__(self, foraelder: QWidget | None, navn: str, cvr: str):
        super().__init__(foraelder)
        self.setObjectName("ny_noegle_dialog")
        self.setWindowTitle("Lav en ny nøgle til indmelding")
        self.setMinimumWidth(560)  # the key file's whole path readable in its field
        self.navn, self.cvr = navn, cvr
        self.underskriver = None
        lag = QVBoxLayout(self)
        forklaring = QLabel(
            "Nøglen bruges til at signere jeres indmeldinger. Den gemmes i en fil, som er beskyttet af en "
            "adgangskode; gem filen et sikkert sted, og tag en kopi. Har I et medarbejdercertifikat fra MitID "
            "Erhverv, kan I bruge det i stedet.")
        forklaring.setWordWrap(True)
        lag.addWidget(forklaring)
        form = QFormLayout()
        hvem = QLabel(f"{navn} (CVR {cvr})")
        hvem.setTextFormat(Qt.TextFormat.PlainText)  # the name as written, never as HTML
        form.addRow("Driftsherre:", hvem)
        self.sti = QLineEdit(str(standard_noeglemappe() / (filnavn(f"{navn} {cvr}", "noegle") + ".p12")))
        self.sti.setObjectName("noegle_sti")
        vaelg = QPushButton("&Vælg …")
        vaelg.clicked.connect(self._vaelg_sti)
        raekke = QHBoxLayout()
        raekke.addWidget(self.sti, 1)
        raekke.addWidget(vaelg)
        form.addRow(etiket("Gem nøglen &i:", self.sti), raekke)
        self.kode1 = QLineEdit()
        self.kode1.setObjectName("kodeord")
        self.kode1.setEchoMode(QLineEdit.EchoMode.Password)
        self.kode2 = QLineEdit()
        self.kode2.setObjectName("kodeord_igen")
        self.kode2.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow("&Adgangskode:", self.kode1)
        form.addRow("&Gentag adgangskoden:", self.kode2)
        lag.addLayout(form)
        self.fejl = fejl_linje()
        lag.addWidget(self.fejl)
        lag.addWidget(ok_annuller("Lav nøglen", self._lav, self.reject, "lav_noegle"))
        self.kode1.setFocus()  # the place is proposed: the password is what is to be typed

    def _vaelg_sti(self) -> None:
        sti, _ = QFileDialog.getSaveFileName(self, "Gem nøglen", self.sti.text(), "Nøglefil (*.p12)")
        if sti:
            self.sti.setText(med_endelse(sti, ".p12", ".pfx"))

    def _lav(self) -> None:
        from takstberegner.export import signering

        kode = self.kode1.text()
        self.fejl.setText("")
        try:
            signering.tjek_nyt_kodeord(kode)
        except signering.SigneringsFejl as e:
            self.kode1.setFocus()  # (after a click on Lav nøglen the focus was left on the button)
            return self._sig(e.besked)
        if kode != self.kode2.text():
            self.kode2.clear()
            self.kode2.setFocus()
            return self._sig("De to adgangskoder er ikke ens. Skriv adgangskoden igen i det nederste felt.")
        if not self.sti.text().strip():
            return self._sig("Vælg, hvor nøglen skal gemmes.")
        # a key file typed without its ending (or as 'noegle.pem') is named as what it is: a .p12
        sti = Path(med_endelse(self.sti.text().strip(), ".p12", ".pfx"))
        if grund := windows_navnefejl(sti.name):
            self.sti.setFocus()
            return self._sig(f"Nøglen kan ikke hedde {synlig(sti.name)}. {grund}")
        if sti.exists():
            return self._sig(f"{sti.name} findes allerede. Vælg et andet filnavn; en nøgle overskrives aldrig.")
        try:
            u = signering.lav_noegle(self.navn, self.cvr)
            sti.parent.mkdir(parents=True, exist_ok=True)
            signering.gem_p12(u, sti, kode)
        except Fejl as e:
            return self._sig(e.besked)
        except OSError as e:
            return self._sig(f"Nøglen kan ikke gemmes i {sti}: {os_fejl(e)}.")
        self.underskriver = u
        self.gemt_i = sti
        self.accept()

    def _sig(self, tekst: str) -> None:
        self.fejl.setText(tekst)


class VaelgNoegleDialog(QDialog):
    """Sign with which key: an existing key file and its password, or a new key."""

    def __init__(self, foraelder: QWidget | None, navn: str, cvr: str, takstaar: int, sti: str = ""):
        super().__init__(foraelder)
        self.setObjectName("vaelg_noegle_dialog")
        self.setWindowTitle("Signér indmeldingen")
        self.setMinimumWidth(560)
        self.navn, self.cvr, self.takstaar = navn, cvr, takstaar
        self.underskriver = None
        lag = QVBoxLayout(self)
        tekst = QLabel(
            f"Indmeldingen for {navn} (CVR {cvr}) signeres med driftsherrens nøgle: et medarbejdercertifikat fra "
            "MitID Erhverv (en nøglefil) eller en nøgle lavet her i programmet.")
        tekst.setWordWrap(True)
        lag.addWidget(tekst)
        form = QFormLayout()
        self.sti = QLineEdit(sti)
        self.sti.setObjectName("noegle_sti")
        vaelg = QPushButton("&Vælg …")
        vaelg.setObjectName("vaelg_fil")
        vaelg.clicked.connect(self._vaelg_fil)
        raekke = QHBoxLayout()
        raekke.addWidget(self.sti, 1)
        raekke.addWidget(vaelg)
        form.addRow(etiket("&Nøglefil:", self.sti), raekke)
        self.kode = QLineEdit()
        self.kode.setObjectName("kodeord")
        self.kode.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow("&Adgangskode:", self.kode)
        lag.addLayout(form)
        self.fejl = fejl_linje()
        lag.addWidget(self.fejl)
        ny = QPushButton("&Lav en ny nøgle …")
        ny.setObjectName("ny_noegle")
        ny.clicked.connect(self._ny)
        # beside the box, not in it: in the box its place (and Tab's order) differed by platform
        bund = QHBoxLayout()
        bund.addWidget(ny)
        bund.addStretch(1)
        bund.addWidget(ok_annuller("Signér", self._aabn, self.reject, "signer"))
        lag.addLayout(bund)
        if sti:  # the key file used last time: only its password is to be typed
            self.kode.setFocus()

    def _vaelg_fil(self) -> None:
        sti, _ = QFileDialog.getOpenFileName(self, "Vælg nøglefil", self.sti.text(), "Nøglefil (*.p12 *.pfx)")
        if sti:
            self.sti.setText(sti)
            self.kode.setFocus()

    def _aabn(self) -> None:
        from takstberegner.export import signering

        self.fejl.setText("")
        if not self.sti.text().strip():
            self.fejl.setText("Vælg en nøglefil, eller lav en ny nøgle.")
            return
        try:
            u = signering.laes_p12(self.sti.text().strip(), self.kode.text())
        except Fejl as e:
            # a wrong password asks again: the dialog stays, the password field is emptied
            self.fejl.setText(e.besked + " Prøv igen.")
            self.kode.clear()
            self.kode.setFocus()
            return
        from takstberegner.export import tillid, ur

        grunde = tillid.egnet_til_signering(u.certifikat, self.cvr, self.takstaar, ur.nu())
        if grunde:  # the secretariat would refuse it: say so now, and let the user choose another
            self.fejl.setText("Dette certifikat kan ikke bruges: " + " ".join(grunde))
            return
        self.underskriver = u
        self.accept()

    def _ny(self) -> None:
        d = NyNoegleDialog(self, self.navn, self.cvr)
        if d.exec() == QDialog.DialogCode.Accepted and d.underskriver is not None:
            FingeraftrykDialog(self, d.underskriver, ny=True).exec()
            self.underskriver = d.underskriver
            self.sti.setText(str(d.gemt_i))
            self.accept()


def vaelg_underskriver(v, navn: str, cvr: str, takstaar: int):
    """The key to sign with, or None when the user cancels. The chosen file is remembered."""
    from takstberegner.app.settings import indstillinger

    s = indstillinger()
    d = VaelgNoegleDialog(v, navn, cvr, takstaar, str(s.value(_NOEGLE_INDSTILLING, "") or ""))
    if d.exec() != QDialog.DialogCode.Accepted or d.underskriver is None:
        return None
    s.setValue(_NOEGLE_INDSTILLING, d.sti.text().strip())
    return d.underskriver


def lav_noegle(v) -> None:
    """Filer → Lav nøgle til indmelding …: a new key for the open file's driftsherre."""
    if v.dok is None:
        return
    from takstberegner.app.settings import indstillinger

    d = v.dok.grundlag.driftsherre
    dlg = NyNoegleDialog(v, d.navn, d.cvr)
    if dlg.exec() == QDialog.DialogCode.Accepted and dlg.underskriver is not None:
        indstillinger().setValue(_NOEGLE_INDSTILLING, str(dlg.gemt_i))
        FingeraftrykDialog(v, dlg.underskriver, ny=True).exec()
