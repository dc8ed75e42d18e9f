"""A small region of driftsherrer for the takstbilag and sammenligning tests, signed for real with
keys made here (no checked-in blobs).

- A "Eksempel Kommune" (12345678): eksempel 1's differentierede Bostedet Nord with særlige vilkår,
  40 % objektiv finansiering, and Niveau 2 as korte forløb with its own belægning (SPEC v2), the
  year's P/L of 3,2 % (a real change beside the nominal one); a trækningsret tilbud shared by three
  kommuner; and a kategori-1 tilbud (never in the bilag).
- B a driftsherre named like a formula (22223333): eksempel 2's gennemsnitstakst, korte forløb.
- C "Hjørring Kommune" (33334444): eksempel 3's nyt tilbud in its first driftsår 2026, SEL § 108
  like Bostedet Nord.
- D "Thisted Kommune" (44445555): eksempel 2 for takstår 2025 (wrong year in a 2026 bilag).
"""
from __future__ import annotations

import dataclasses
import io
import json
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from takstberegner import tjeneste
from takstberegner.domain import model as m
from takstberegner.export import asic, indmelding, rapport, revision_pdf, takstskema_xlsx, ur

from .conftest import eksempel

FORMEL_NAVN = '=HYPERLINK("http://x","klik")'
TRAEKNING = {"Aalborg": Decimal("220000"), "Rebild": Decimal("31000"), "Jammerbugt": Decimal("38000")}
OBJEKTIV = {"Aalborg": Decimal("220000"), "Brønderslev": Decimal("36000"), "Hjørring": Decimal("64000")}


def grundlag_a() -> m.Takstgrundlag:
    g = eksempel(1)
    n1, n2 = g.tilbud[0].ydelser
    n2 = dataclasses.replace(n2, korte_forloeb=True, belaegning=m.Belaegning(
        "forventet", pct=Decimal("92"), begrundelse="Aflastningspladser med skiftende ophold"))
    t = dataclasses.replace(g.tilbud[0], saerlige_vilkaar=m.SaerligeVilkaar(
        "Skærmet afdeling med ekstra nattevagt", date(2025, 9, 5)), ydelser=(n1, n2),
        objektiv_finansiering=m.ObjektivFinansiering(Decimal("40"), tuple(OBJEKTIV.items())),
        bemaerkninger="Niveau 2 er aflastning; 40 % er objektivt finansieret efter aftale med KKR.")
    g = dataclasses.replace(g, satser=dataclasses.replace(g.satser, pl_fremskrivning_pct=Decimal("3.2")))
    tr = dataclasses.replace(
        g.tilbud[0], id="TR", navn="Rådgivningscenter Nord", tilbudsportal_id="654321", paragraf="SEL § 12",
        tilbudstype="ambulant", takststruktur="traekningsret", belaegning=None, ydelser=(),
        fordeling=tuple(TRAEKNING.items()), resultater=(), hensaettelser=(), tillaegsydelser=(),
        omkostninger=g.tilbud[0].omkostninger[:3], anlaeg=(), driftskapital=None, saerlige_vilkaar=None,
        objektiv_finansiering=None, bemaerkninger="Trækningsret efter aftale med KKR.")
    k1 = dataclasses.replace(eksempel(2).tilbud[0], id="K1", navn="Kommunens eget botilbud", kategori=1)
    return dataclasses.replace(g, tilbud=(t, tr, k1))


def grundlag_b(bemaerkning: str = "") -> m.Takstgrundlag:
    g = eksempel(2)
    t = dataclasses.replace(g.tilbud[0], korte_forloeb=True, bemaerkninger=bemaerkning)
    return dataclasses.replace(g, driftsherre=m.Driftsherre(FORMEL_NAVN, "22223333"), tilbud=(t,))


def grundlag_c() -> m.Takstgrundlag:
    g = eksempel(3)
    return dataclasses.replace(g, driftsherre=m.Driftsherre("Hjørring Kommune", "33334444"),
                               tilbud=(dataclasses.replace(g.tilbud[0], foerste_driftsaar=2026),))


def grundlag_d() -> m.Takstgrundlag:
    g = eksempel(2)
    return dataclasses.replace(g, takstaar=2025, driftsherre=m.Driftsherre("Thisted Kommune", "44445555"))


def _uden_kontroltegn(g: m.Takstgrundlag) -> m.Takstgrundlag:
    from takstberegner.export.regneark import tekst

    # and at most 1.000 characters: the revision PDF cannot lay out one of 30.000 (LayoutError)
    return dataclasses.replace(g, tilbud=tuple(dataclasses.replace(t, bemaerkninger=tekst(t.bemaerkninger)[0][:1000])
                                               for t in g.tilbud))


def signer(g: m.Takstgrundlag, underskriver, sti: Path, tid: datetime | None = None, med_fejl: bool = False) -> Path:
    """A genuine indmeldingsfil for `g`. Bemærkninger with control characters are carried as they
    are in the JSON members (as a hostile or careless sender could), while the enclosed PDF and
    takstskema are made from a cleaned (and for very long ones shortened) twin with the same fingerprint.
    `med_fejl`: signed although the validation refuses it, as only a hostile sender's own program does."""
    b = tjeneste.beregn(g)
    assert med_fejl or not b.har_fejl, [(f.kode, f.felt) for f in b.alle_fund() if f.er_fejl]
    ren = _uden_kontroltegn(g)
    if ren == g and not med_fejl:
        return indmelding.lav_indmelding(g, b, underskriver, sti, tid).sti
    g_bytes, t_bytes, fp = indmelding.json_medlemmer(g, b)
    tid = tid or ur.nu().astimezone().replace(microsecond=0)  # the clock the tests may hold (tests/conftest)
    r = rapport.lav_rapport(ren, tjeneste.beregn(ren), fingeraftryk=fp, dannet=tid)
    medlemmer = {indmelding.MEDLEM_GRUNDLAG: g_bytes, indmelding.MEDLEM_TAKSTER: t_bytes,
                 indmelding.MEDLEM_SKEMA: takstskema_xlsx.lav_xlsx(r), indmelding.MEDLEM_PDF: revision_pdf.lav_pdf(r)}
    udv = {indmelding.UDV_FINGERAFTRYK: fp, indmelding.UDV_CVR: g.driftsherre.cvr,
           indmelding.UDV_TAKSTAAR: str(g.takstaar), indmelding.UDV_VERSION: "test"}
    sti.write_bytes(asic.pak(medlemmer, underskriver, udv, tid))
    return sti


def dokumenter(sti: Path) -> tuple[dict, dict]:
    """The signed takstgrundlag and takster documents of a file, read straight from the container."""
    with zipfile.ZipFile(io.BytesIO(sti.read_bytes())) as z:
        return (json.loads(z.read(indmelding.MEDLEM_GRUNDLAG)), json.loads(z.read(indmelding.MEDLEM_TAKSTER)))
