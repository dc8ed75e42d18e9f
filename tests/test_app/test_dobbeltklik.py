"""A double-clicked file: `takstberegner aabn FIL` opens a .takst file in the window, and shows the
verification of an .indmelding file (the installer associates both with the app)."""
from __future__ import annotations

from pathlib import Path

from takstberegner import tjeneste
from takstberegner.export import indmelding, signering
from takstberegner.formats.takstgrundlag import laes_fil

from . import dialogsvar

EKSEMPEL = Path(__file__).parents[1] / "data" / "eksempler" / "eksempel-2-overskud.takstgrundlag.json"


def _indmeldingsfil(tmp_path: Path) -> tuple[Path, Path]:
    g = laes_fil(EKSEMPEL)
    u = signering.lav_noegle(g.driftsherre.navn, g.driftsherre.cvr)
    fil = tmp_path / "x.indmelding"
    indmelding.lav_indmelding(g, tjeneste.beregn(g), u, fil)
    tillid = tmp_path / "tillid.pem"
    tillid.write_text(signering.certifikat_pem(u.certifikat), encoding="ascii")
    return fil, tillid


def test_dobbeltklik_paa_indmelding_viser_verifikationen(vindue, beskeder, tmp_path, monkeypatch):
    from takstberegner.app import eksport
    from takstberegner.export import tillid as tillid_mod

    fil, tillid = _indmeldingsfil(tmp_path)
    monkeypatch.setattr(tillid_mod, "standard_tillidsfil", lambda: tillid)
    vist = dialogsvar.verifikation(monkeypatch)
    r = eksport.verificer(vindue, fil)
    assert r.ok, r.grunde
    assert vist[-1].liste.item(0).text().startswith("GODKENDT") and "Kommune X" in vist[-1].detaljer.toPlainText()


def test_dobbeltklik_paa_aendret_indmelding_afvises(vindue, beskeder, tmp_path, monkeypatch):
    from takstberegner.app import eksport
    from takstberegner.export import tillid as tillid_mod

    fil, tillid = _indmeldingsfil(tmp_path)
    monkeypatch.setattr(tillid_mod, "standard_tillidsfil", lambda: tillid)
    data = bytearray(fil.read_bytes())
    data[len(data) // 2] ^= 0xFF
    fil.write_bytes(bytes(data))
    vist = dialogsvar.verifikation(monkeypatch)
    r = eksport.verificer(vindue, fil)
    assert not r.ok
    assert vist[-1].liste.item(0).text().startswith("AFVIST") and r.grunde[0] in vist[-1].detaljer.toPlainText()
