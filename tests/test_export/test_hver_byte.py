"""Tampering is always caught: flipping any byte of the container's structure (every local
header, the central directory, the end record) and a stride of bytes through every member's data
makes verification fail."""
from __future__ import annotations

import zipfile
from pathlib import Path

from takstberegner import tjeneste
from takstberegner.export import indmelding, signering, verifikation
from takstberegner.formats.takstgrundlag import laes_fil

from .klartekst import forbudte_ord

EKSEMPEL = Path(__file__).parents[1] / "data" / "eksempler" / "eksempel-2-overskud.takstgrundlag.json"


def test_hver_byte_i_strukturen_og_stikproever_i_indholdet(tmp_path):
    g = laes_fil(EKSEMPEL)
    u = signering.lav_noegle(g.driftsherre.navn, g.driftsherre.cvr)
    fil = tmp_path / "x.indmelding"
    indmelding.lav_indmelding(g, tjeneste.beregn(g), u, fil)
    tillid = tmp_path / "tillid.pem"
    tillid.write_text(signering.certifikat_pem(u.certifikat), encoding="ascii")
    original = fil.read_bytes()
    assert verifikation.verificer(fil, tillid, beregn_igen=False).ok

    z = zipfile.ZipFile(fil)
    data_omraader = []
    for i in z.infolist():
        start = i.header_offset + 30 + len(i.filename.encode()) + len(i.extra)
        data_omraader.append(range(start, start + i.compress_size))
    struktur = [k for k in range(len(original)) if not any(k in r for r in data_omraader)]
    stikproever = [k for r in data_omraader for k in r[::211]] + [r[-1] for r in data_omraader if len(r)]
    assert len(struktur) > 500
    ufanget = []
    tekniske = []
    for k in struktur + stikproever:
        ændret = bytearray(original)
        ændret[k] ^= 0x01
        fil.write_bytes(bytes(ændret))
        r = verifikation.verificer(fil, tillid, beregn_igen=False)
        if r.ok:
            ufanget.append(k)
        else:
            assert r.grunde and all(isinstance(x, str) and x for x in r.grunde)
            tekniske += [(k, g) for g in r.grunde if forbudte_ord(g)]
    assert not tekniske, f"{len(tekniske)} grunde er ikke almindeligt dansk, fx {tekniske[:5]}"
    assert ufanget == [], f"{len(ufanget)} ændrede bytes blev ikke opdaget, fx ved {ufanget[:10]}"
