"""The app's save dialogs refuse a name Windows would not write as chosen, as the command line does
(tests/test_cli/test_windows_filnavne.py): 'CON' (with the ending added: CON.xlsx, a device),
'skema:2027' (a colon writes a hidden part of a file 'skema'), 'skema.xlsx.' is said in Danish, and
the dialog opens again in the same folder; nothing is written under the refused name."""
from __future__ import annotations

from PySide6.QtWidgets import QFileDialog


def test_gem_dialog_afviser_windows_navne(demo_vindue, beskeder, tmp_path, monkeypatch):
    valgt = [tmp_path / "CON", tmp_path / "skema:2027.xlsx", tmp_path / "lpt1.xlsx", tmp_path / "skema.xlsx"]
    mapper: list[str] = []

    def gem(parent, titel, forslag="", *a, **k):
        mapper.append(forslag)
        return str(valgt.pop(0)), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", gem)
    xlsx = demo_vindue.handlinger.eksporter_xlsx()
    assert xlsx == tmp_path / "skema.xlsx" and xlsx.read_bytes().startswith(b"PK")
    advarsler = [b[2] for b in beskeder if b[0] == "warning"]
    assert advarsler == [
        "Filen kan ikke hedde CON.xlsx. CON er et navn, Windows har reserveret til en enhed (ligesom CON, PRN, "
        "AUX, NUL, COM1 og LPT1), også med en endelse efter; vælg et andet navn.",
        "Filen kan ikke hedde skema:2027.xlsx. Windows tillader ikke ‘:’ i et filnavn (ingen af tegnene "
        "< > : \" / \\ | ? *); vælg et andet navn.",
        "Filen kan ikke hedde lpt1.xlsx. lpt1 er et navn, Windows har reserveret til en enhed (ligesom CON, PRN, "
        "AUX, NUL, COM1 og LPT1), også med en endelse efter; vælg et andet navn."]
    assert mapper[1:] == [str(tmp_path)] * 3  # asked again in the folder the user was in
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".xlsx" or "CON" in p.name) == ["skema.xlsx"]


def test_ny_noegle_afviser_windows_navne(qtbot, tmp_path):
    """The new key's place is typed in a field: 'CON' became CON.p12, a device on Windows, so the key
    was never kept while its fingerprint was shown to be read to the secretariat."""
    from takstberegner.app import signering_dialog

    m = tmp_path / "mappe"
    m.mkdir()
    for skrevet, grund in (("CON", "Nøglen kan ikke hedde CON.p12. CON er et navn, Windows har reserveret"),
                           ("nøgle:2027", "Nøglen kan ikke hedde nøgle:2027.p12. Windows tillader ikke ‘:’"),
                           ("lpt1.pfx", "Nøglen kan ikke hedde lpt1.pfx. lpt1 er et navn, Windows har reserveret")):
        d = signering_dialog.NyNoegleDialog(None, "Demokommune", "12345678")
        qtbot.addWidget(d)
        d.sti.setText(str(m / skrevet))
        d.kode1.setText("hemmelig æøå 1")
        d.kode2.setText("hemmelig æøå 1")
        d._lav()
        assert d.underskriver is None and d.fejl.text().startswith(grund), d.fejl.text()
    assert list(m.iterdir()) == []


def test_tillidsfil_afviser_windows_navne(qtbot, tmp_path, monkeypatch):
    """A new tillidsfil named 'NUL' (NUL.pem: the device that swallows what is written) would have
    been remembered, and every fingerprint registered in it lost."""
    from takstberegner.app import sekretariat

    m = tmp_path / "mappe"
    m.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(m / "NUL"), ""))
    sekretariat.husk_tillidsfil(m / "tillid.pem")
    d = sekretariat.TillidsfilDialog(None)
    qtbot.addWidget(d)
    d._vaelg()
    assert d.fejl.text().startswith("Tillidsfilen kan ikke hedde NUL.pem. NUL er et navn, Windows har reserveret")
    assert sekretariat.tillidsfil() == m / "tillid.pem" and list(m.iterdir()) == []
