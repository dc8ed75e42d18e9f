"""Where a field path lives in the window: 'tilbud[2].omkostninger[3].beloeb' -> the tilbud's
index, the step that owns 'omkostninger', and the rest of the path for that step to focus.
Pure Python (no Qt), so the mapping is tested without a window."""
from __future__ import annotations

import re
from typing import Iterable, NamedTuple

_TILBUD_STI = re.compile(r"^tilbud\[(\d+)\]\.?(.*)$")


class Placering(NamedTuple):
    tilbud_index: int | None  # None: a driftsherre field
    trin: int | None  # the step's number in the window's list of steps; None: no step owns it
    rest: str  # the path within the step ('omkostninger[3].beloeb')


def placering(felt: str, trin_felter: Iterable[tuple[str, ...]]) -> Placering:
    """trin_felter: for each step in order, the first parts of the field paths it owns."""
    m = _TILBUD_STI.match(felt or "")
    if m:
        i, rest = int(m.group(1)), m.group(2)
    else:
        i, rest = None, felt or ""
    trin_felter = list(trin_felter)
    # A step may own a deeper path ("ydelser.belaegning": a ydelse's own belægning lives on the
    # Belægning step, the ydelse itself on Takststruktur); the longest match wins.
    uden_index = re.sub(r"\[\d+\]", "", rest)
    for nr, felter in enumerate(trin_felter):
        for f in felter:
            if "." in f and (uden_index == f or uden_index.startswith(f + ".")):
                return Placering(i, nr, rest)
    navn = re.split(r"[\[.]", rest, maxsplit=1)[0]
    for nr, felter in enumerate(trin_felter):
        if navn in felter:
            return Placering(i, nr, rest)
    return Placering(i, None, rest)
