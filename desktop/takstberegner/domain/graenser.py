"""How large a takstgrundlag may be, whatever door it comes through: one definition for the .takst
file (storage/kontrol.py counts its rows against it), the JSON format, the signed indmelding and
the app (domain/validering.py refuses a larger one with INPUT findings, and the engine computes
nothing of it).

The large benchmark driftsherre has 60 tilbud, 5 overheadpuljer and about 25.000 records. Each
overheadpulje is allocated over every tilbud in its scope, so the work grows with puljer × tilbud:
2.000 × 2.000 (a 5 MB document) took 18 s and 1 GB; parts of the use cases go through all tilbud
once per tilbud (60.000 tilbud took 230 s). At 450.000 rows that were all findings `kontroller`
took 116 s and 1,6 GB; at 100.000, 30 s.

`for_stor(g)` counts with one len() per list (never per value), so it costs nothing beside a full
recompute: (how many, of what, the most) for the first limit crossed, or None.
"""
from __future__ import annotations

from operator import attrgetter

from takstberegner.domain import model as m

MAKS_TILBUD = 1_000
MAKS_PULJER = 1_000  # overheadpuljer
# Records in all: tilbud, puljer and every element of their lists (budget lines, anlæg, ydelser,
# modtagere, andele, omfang, fordelinger, ...); in a .takst file, its rows in all tables together.
MAKS_RAEKKER = 100_000
# Overhead allocations: each pulje to each tilbud in its scope and each of its øvrige modtagere,
# over all puljer (the large benchmark: 300). At 1.000 × 1.000, within the limits above, a full
# recompute took 5,8 s and 270 MB; at 100.000 allocations, well under a second.
MAKS_FORDELINGER = 100_000


_LISTER = tuple(map(attrgetter, ("ydelser", "omkostninger", "anlaeg", "oevrige_indtaegter", "resultater",
                                  "hensaettelser", "tillaegsydelser", "noegletal", "fordeling")))


def antal_poster(g: m.Takstgrundlag) -> int:
    """Tilbud, puljer and the elements of all their lists (one len() per list, in C where it can)."""
    tilbud, puljer = g.tilbud, g.overheadpuljer
    n = 2 + len(tilbud) + len(puljer)  # + the file's own details and the driftsherre's
    for p in puljer:
        n += len(p.oevrige_modtagere) + len(p.andele) + (0 if p.omfang is None else len(p.omfang))
    for liste in _LISTER:
        n += sum(map(len, map(liste, tilbud)))
    for t in tilbud:
        if t.belaegning is not None:
            n += len(t.belaegning.faktisk_pct)
        if t.objektiv_finansiering is not None:
            n += len(t.objektiv_finansiering.fordeling)
        for x in t.tillaegsydelser:
            n += len(x.tidsrum)
        for y in t.ydelser:
            if y.belaegning is not None:
                n += len(y.belaegning.faktisk_pct)
    return n


def for_stor(g: m.Takstgrundlag) -> tuple[int, str, int] | None:
    """(how many, of what, the most) for the first limit the takstgrundlag crosses: "tilbud",
    "overheadpuljer", "poster" or "fordelinger"; None when it is within every limit."""
    if len(g.tilbud) > MAKS_TILBUD:
        return len(g.tilbud), "tilbud", MAKS_TILBUD
    if len(g.overheadpuljer) > MAKS_PULJER:
        return len(g.overheadpuljer), "overheadpuljer", MAKS_PULJER
    n = antal_poster(g)
    if n > MAKS_RAEKKER:
        return n, "poster", MAKS_RAEKKER
    n = antal_fordelinger(g)
    if n > MAKS_FORDELINGER:
        return n, "fordelinger", MAKS_FORDELINGER
    return None


def antal_fordelinger(g: m.Takstgrundlag) -> int:
    """How many shares the overhead is allocated in: per pulje, its tilbud and øvrige modtagere."""
    alle = len(g.tilbud)
    return sum((alle if p.omfang is None else len(p.omfang)) + len(p.oevrige_modtagere) for p in g.overheadpuljer)
