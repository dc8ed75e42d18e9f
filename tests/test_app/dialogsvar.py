"""Answers for the signing and secretariat dialogs in GUI tests: only the modal exec() is replaced;
the answer types into the real dialog's widgets and clicks its real buttons, so the dialog's own
slots (validation, signering, tillid) run as they do for a user."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QPushButton

from takstberegner.app import sekretariat, signering_dialog


def noegle(monkeypatch, sti=None, *koder: str, ny: dict | None = None) -> list:
    """VaelgNoegleDialog: the key file `sti` and each password in turn until one opens it (the
    dialog stays open after a wrong one); Cancel when none does. With `ny` (sti, kode, kode2)
    the user clicks "Lav en ny nøgle …" instead. Returns the messages the dialog showed."""
    vist: list[str] = []

    def exec_(self):
        if ny is not None:
            self.findChild(QPushButton, "ny_noegle").click()
            return self.result()
        self.sti.setText(str(sti))
        for kode in koder:
            self.kode.setText(kode)
            self.findChild(QPushButton, "signer").click()
            if self.fejl.text():
                vist.append(self.fejl.text())
            if self.result() == QDialog.DialogCode.Accepted:
                return self.result()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(signering_dialog.VaelgNoegleDialog, "exec", exec_)
    if ny is not None:
        ny_noegle(monkeypatch, **ny, vist=vist)
    return vist


def ny_noegle(monkeypatch, sti, kode: str, kode2: str | None = None, forsoeg: list | None = None,
              vist: list | None = None) -> list:
    """NyNoegleDialog: the key's path and password typed twice (`forsoeg` first tries other
    (kode, kode2) pairs, which the dialog refuses in place). The FingeraftrykDialog after it is
    recorded in the returned list as the fingerprint it showed."""
    vist = vist if vist is not None else []

    def exec_(self):
        self.sti.setText(str(sti))
        for k1, k2 in [*(forsoeg or []), (kode, kode if kode2 is None else kode2)]:
            self.kode1.setText(k1)
            self.kode2.setText(k2)
            self.findChild(QPushButton, "lav_noegle").click()
            if self.fejl.text() and self.result() != QDialog.DialogCode.Accepted:
                vist.append(self.fejl.text())
            if self.result() == QDialog.DialogCode.Accepted:
                return self.result()
        return QDialog.DialogCode.Rejected

    def fp_exec(self):
        vist.append(self.fingeraftryk.text())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(signering_dialog.NyNoegleDialog, "exec", exec_)
    monkeypatch.setattr(signering_dialog.FingeraftrykDialog, "exec", fp_exec)
    return vist


def verifikation(monkeypatch, handling=None) -> list:
    """VerifikationsDialog: records each dialog shown (its list, details and guidance); `handling`
    (dialog) may act in it first, e.g. click Registrér."""
    vist: list = []

    def exec_(self):
        if handling is not None:
            handling(self)
        vist.append(self)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(sekretariat.VerifikationsDialog, "exec", exec_)
    return vist
