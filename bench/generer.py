"""A large, deterministic driftsherre for benchmarks: 60 tilbud, 300 ydelser, 20.000
omkostningslinjer, 3.000 anlæg and 5 overheadpuljer (issue 2, point 7).

`generer_stor_driftsherre(seed)` returns the takstgrundlag/1 document as a dict (so a benchmark
can time reading too) and `generer_model(seed)` the domain model.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

KATEGORIER = ("personale", "aktivitet", "administration", "kompetenceudvikling", "ejendom", "kapital",
              "finansieringsindtaegter", "finansieringsudgifter")
ANLAEG = (("bygning", 50), ("installation", 15), ("inventar", 8), ("it", 4), ("transportmiddel", 6), ("grund", None))


def generer_stor_driftsherre(seed: int = 1, tilbud: int = 60, ydelser_pr_tilbud: int = 5,
                             linjer: int = 20_000, anlaeg: int = 3_000, puljer: int = 5) -> dict:
    rnd = random.Random(seed)
    linjer_pr = linjer // tilbud
    anlaeg_pr = anlaeg // tilbud
    alle = []
    for i in range(tilbud):
        tid = f"T{i + 1:03d}"
        struktur = ("gennemsnit", "differentieret")[i % 2]
        ydelser = []
        for j in range(ydelser_pr_tilbud):
            ydelser.append({
                "id": f"{tid}-Y{j + 1}", "navn": f"Ydelse {j + 1}", "pladser": rnd.randint(2, 10),
                "stoettetimer_uge": str(rnd.randint(5, 40)),
                "forrige_takst": f"{rnd.randint(1200, 4000)}.{rnd.randint(0, 99):02d}",
            })
        pladser = sum(y["pladser"] for y in ydelser)
        omk = []
        for k in range(linjer_pr + (1 if i < linjer % tilbud else 0)):
            kat = KATEGORIER[k % 6] if k % 50 else "finansieringsindtaegter"
            beloeb = f"{rnd.randint(1_000, 400_000)}.{rnd.randint(0, 99):02d}"
            linje = {"kategori": kat, "post": f"post_{k % 40}", "beloeb": beloeb if kat != "finansieringsindtaegter" else "-" + beloeb}
            if kat == "personale":
                linje["vagtlag"] = k % 3 != 0
                if k % 17 == 0:
                    linje["tjenestemand_loen"] = str(rnd.randint(100_000, 400_000))
                if k % 11 == 0:
                    linje["post"] = "tap_administrativt"
            if struktur == "gennemsnit" and k % 9 == 0:
                linje["ydelse"] = ydelser[k % ydelser_pr_tilbud]["id"]
            omk.append(linje)
        anl = []
        for k in range(anlaeg_pr):
            typ, levetid = ANLAEG[k % len(ANLAEG)]
            a = {"id": f"{tid}-A{k + 1}", "navn": f"Anlæg {k + 1}", "type": typ,
                 "anskaffelsesvaerdi": str(rnd.randint(20_000, 5_000_000)),
                 "ibrugtagning": (date(2000, 1, 1) + timedelta(days=rnd.randint(0, 9300))).isoformat(),
                 "finansiering": "ejet", "andel_pct": str(rnd.choice((100, 100, 50, 75)))}
            if levetid:
                a["levetid_aar"] = levetid
            anl.append(a)
        alle.append({
            "id": tid, "navn": f"Tilbud {i + 1}", "paragraf": rnd.choice(("SEL § 107", "SEL § 108", "SEL § 104")),
            "kategori": rnd.choice((2, 3)), "tilbudstype": "doegn", "pladser": pladser,
            "pladser_forrige_aar": pladser,
            "belaegning": {"metode": "beregnet", "faktisk_pct": {"2023": str(rnd.randint(950, 990) / 10), "2024": str(rnd.randint(950, 990) / 10)}},
            "noegletal": {"aarsvaerk": str(rnd.randint(5, 60)), "m2": str(rnd.randint(300, 3000))},
            "takststruktur": struktur, "ydelser": ydelser, "omkostninger": omk, "anlaeg": anl,
            "driftskapital": {"maaneder": "2"},
            "resultater": [{"aar": 2024, "resultat": str(rnd.randint(-900_000, 900_000)), "grundlag": "9000000",
                            "valg": rnd.choice(("hensaet", "indregn"))}],
            "hensaettelser": [{"aar": 2022, "beloeb": "100000", "brugt": "20000"}],
            "tillaegsydelser": [{"personalekategori": "Socialpædagog", "timeomkostning": "206", "fravaer_pct": "33",
                                 "tidsrum": {"hverdag": "25", "aften_nat": "45", "weekend": "55"}}],
            "bemaerkninger": "Genereret til benchmark.",
        })
    noegler = ("loensum", "pladser", "pladsdoegn", "m2", "direkte_omkostninger", "aarsvaerk")
    pl = [{"id": f"P{k + 1}", "navn": f"Pulje {k + 1}", "beloeb": str(rnd.randint(1_000_000, 9_000_000)),
           "driftsandel_pct": str(rnd.randint(30, 90)), "noegle": noegler[k % len(noegler)], "omfang": "alle",
           "oevrige_modtagere": [{"id": "OEVRIG", "navn": "Øvrig drift", "noegletal": "1000"}]}
          for k in range(puljer)]
    return {"format": "takstgrundlag/1", "takstaar": 2026,
            "driftsherre": {"navn": "Stor Kommune", "cvr": "29189978", "type": "kommune"},
            "satser": {"rente_anlaeg_pct": "3.0", "rente_kort_pct": "2.0"},
            "overheadpuljer": pl, "tilbud": alle}


def generer_model(seed: int = 1, **kw):
    from takstberegner.formats.takstgrundlag import laes_dict

    return laes_dict(generer_stor_driftsherre(seed, **kw))
