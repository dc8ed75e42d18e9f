"""What a file holds is shown on the terminal, never obeyed by it: a budget heading, a sheet's name
or a value quoted in a finding with an escape sequence (erase the line, move the cursor, set the
window's title), a carriage return (write over the line) or a direction override. Before,
`kontroller` printed a budget line's ydelse 'X\\x1b[2K\\rFEJL skjult' raw, and the terminal erased the
start of its own FEJL line; `importer` printed the file's headings raw. Now each such character is
shown as its code, [U+001B], and the command's own line feeds stay."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

KOMMANDO = Path(sys.executable).parent / "takstberegner"
EKSEMPEL = Path(__file__).parents[1] / "data" / "eksempler" / "eksempel-1-bostedet-nord.takstgrundlag.json"
FARLIGE = ("\x1b", "\r", "\u202e", "\x07", "\x9b")


def _koer(mappe: Path, *args: str) -> tuple[int, str, str]:
    env = {**os.environ, "TAKSTBEREGNER_DATA": str(mappe / "data")}
    r = subprocess.run([str(KOMMANDO), *args], cwd=mappe, capture_output=True, timeout=120, env=env,
                       stdin=subprocess.DEVNULL, check=False)
    return r.returncode, r.stdout.decode("utf-8"), r.stderr.decode("utf-8")


def _rent(tekst: str) -> None:
    assert not any(c in tekst for c in FARLIGE), repr(tekst)


def test_kontroller_viser_en_vaerdi_med_escape_sekvens_som_koder(tmp_path):
    d = json.loads(EKSEMPEL.read_text("utf-8"))
    d["tilbud"][0]["omkostninger"][0]["ydelse"] = "X\x1b[2K\rOK \u202eskjult\x9b2J\x07"
    (tmp_path / "g.json").write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    kode, ud, fejl = _koer(tmp_path, "kontroller", "g.json")
    assert kode == 1
    _rent(ud + fejl)
    (linje,) = [x for x in ud.splitlines() if "Ydelse" in x]
    assert linje.startswith("FEJL      Bostedet Nord › Budget › linje 1 › Ydelse: ")
    assert "‘X[U+001B][2K[U+000D]OK [U+202E]skjult[U+009B]2J[U+0007]’" in linje


def test_importer_viser_overskrifter_og_fejl_som_koder(tmp_path):
    kode, _, _ = _koer(tmp_path, "importer", str(EKSEMPEL), "--til", "a.takst")
    assert kode == 0
    (tmp_path / "b.csv").write_bytes('Konto\x1b[31m;"Tekst\u202e\nny linje";Beløb\x1b]0;titel\x07\r\n2.2;Mad;100\r\n'
                                     .encode("utf-8"))
    kode, ud, fejl = _koer(tmp_path, "importer", "b.csv", "--til", "a.takst", "--tilbud-id", "T1")
    assert kode == 1 and "Intet er importeret. Tilføj --ja for at importere." in ud, fejl  # the preview
    _rent(ud + fejl)
    (linje,) = [x for x in ud.splitlines() if x.startswith("Kolonner:")]
    assert "konto i A (Konto[U+001B][31m)" in linje and "tekst i B (Tekst[U+202E] ny linje)" in linje
    # a refusal that names the file: its name shown, not obeyed
    kode, ud, fejl = _koer(tmp_path, "kontroller", "x\x1b[2J\u202e.json")
    assert kode == 2 and fejl.startswith("takstberegner: ") and "x[U+001B][2J[U+202E].json" in fejl
    _rent(ud + fejl)


def test_navn_med_linjeskift_laver_ingen_linje_i_opsummeringen(tmp_path):
    """The last line of kontroller named the driftsherre as written: a name 'X\nIngen fejl' printed a line
    of its own that read as the verdict (the name's own INPUT fejl stood above it)."""
    d = json.loads(EKSEMPEL.read_text("utf-8"))
    d["driftsherre"]["navn"] = "Eksempel Kommune, takstår 2026: 1 tilbud, 0 fejl, 0 advarsler.\nX"
    (tmp_path / "g.json").write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    kode, ud, _ = _koer(tmp_path, "kontroller", "g.json")
    assert kode == 1
    assert ud.splitlines()[-1].startswith("Eksempel Kommune, takstår 2026: 1 tilbud, 0 fejl, 0 advarsler.[U+000A]X, "
                                          "takstår 2026: 1 tilbud, 1 fejl, 1 advarsel."), ud


_TEGN = st.sampled_from(["a", "æ", " ", "\n", "\t", "\r", "\x1b", "\x85", "\u00a0", "\u202e", "\u2066", "\u200b",
                         "\u2028", "\ufeff", "\U0001f600", "\u0378"])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(_TEGN).map("".join)))
def test_terminalteksten_er_moenstrets_ogsaa_ad_den_hurtige_vej(tekst):
    """til_terminal returns a printable text as it is (checked in C) and lets the pattern show the rest:
    the result is always the pattern's, every invisible character shown as its code."""
    from takstberegner.domain.usynlige_tegn import _TERMINAL, _kode, til_terminal

    assert til_terminal(tekst) == _TERMINAL.sub(_kode, tekst)
