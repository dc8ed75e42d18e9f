"""The secretariat's takstbilag collects several driftsherrer's verified submissions."""
from __future__ import annotations

import dataclasses
import io
from decimal import Decimal

import openpyxl

from takstberegner import tjeneste
from takstberegner.domain import model as m
from takstberegner.export import indmelding, signering, takstbilag, verifikation
from takstberegner.export.tillid import Tillid

from .conftest import eksempel


def test_takstbilag_samler_flere_driftsherrer(tmp_path):
    g1 = eksempel(1)
    # a second driftsherre: a big takst increase and fewer pladser, both explained
    g2 = eksempel(1)
    t = g2.tilbud[0]
    ydelser = (dataclasses.replace(t.ydelser[0], forrige_takst=Decimal("1400.00")),) + t.ydelser[1:]
    t = dataclasses.replace(t, ydelser=ydelser, pladser_forrige_aar=14,
                            bemaerkninger="Nyt nattevagtslag; to pladser nedlagt efter aftale med KKR.")
    g2 = dataclasses.replace(g2, driftsherre=m.Driftsherre("Nordby Kommune", "22223333"), tilbud=(t,))
    g3 = eksempel(2)
    filer, fps = [], set()
    for i, g in enumerate((g1, g2, g3)):
        b = tjeneste.beregn(g)
        assert not b.har_fejl, b.alle_fund()
        u = signering.lav_noegle(g.driftsherre.navn, g.driftsherre.cvr)
        fps.add(u.fingeraftryk)
        filer.append(indmelding.lav_indmelding(g, b, u, tmp_path / f"{i}.indmelding").sti)
    # the third one is tampered with after signing
    raa = bytearray(filer[2].read_bytes())
    idx = raa.index(b"takstberegning.pdf") + 40
    raa[idx] ^= 0xFF
    filer[2].write_bytes(bytes(raa))
    tillid = Tillid(fingeraftryk=frozenset(fps))
    resultater = [verifikation.verificer(f, tillid) for f in filer]
    assert [r.ok for r in resultater] == [True, True, False]
    wb = openpyxl.load_workbook(io.BytesIO(takstbilag.lav_takstbilag(resultater)))
    assert wb.sheetnames == ["Indmeldinger", "Takster", "Pladser"]
    ind = [r for r in wb["Indmeldinger"].iter_rows(min_row=4, values_only=True)]
    assert [r[9] for r in ind] == ["Godkendt", "Godkendt", "AFVIST"]
    assert ind[2][10]
    takster = [r for r in wb["Takster"].iter_rows(min_row=4, values_only=True)]
    assert {r[0] for r in takster} == {"Eksempel Kommune", "Nordby Kommune"}
    assert len(takster) == 4
    b2 = resultater[1].beregning.tilbud[0].takster[0]
    nord = [r for r in takster if r[0] == "Nordby Kommune" and r[8] == b2.ydelse][0]
    assert Decimal(str(nord[12])).quantize(Decimal("0.01")) == b2.takst
    assert nord[14] == 1400 and nord[15] > 5
    assert nord[17].startswith("Stigning over 5")
    assert "nattevagtslag" in nord[20]
    eks = [r for r in takster if r[0] == "Eksempel Kommune"]
    assert all(r[17] == "" or r[17] is None for r in eks)
    pladser = [r for r in wb["Pladser"].iter_rows(min_row=4, values_only=True)]
    nord_p = [r for r in pladser if r[0] == "Nordby Kommune"][0]
    assert nord_p[4:8] == (12, 14, -2, "Pladser ændret")
    assert wb["Takster"].freeze_panes == "A4"
