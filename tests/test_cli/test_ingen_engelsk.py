"""The command line refuses odd inputs in Danish: no English word, no internal key, no file-format
jargon (JSON, UTF-8) and no traceback reaches the user, whatever file is given in place of a
takstgrundlag. The user's own values are quoted ('...') and the words a file writes for yes, no and
empty are shown after 'skrevet' (so the user can find them in the file); the rest is our text.

The files are what a user may pick by mistake: empty, a BOM alone, binary bytes, a zip (an .xlsx or
an indmelding is one), a PDF, a text in Latin-1, null, a list, nested lists, a wrong type in every
kind of field, a .takst that is a takstgrundlag and the other way round."""
from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from takstberegner import cli

DEMO = Path(__file__).parents[2] / "resources" / "demo" / "demokommune.takstgrundlag.json"

# Words of the JSON format, of Python and English that a finance user should never read.
FORBUDT = re.compile(
    r"\b(true|false|null|none|nan|infinity|json|utf-?8|error|traceback|exception|object|array|string|"
    r"file|expected|invalid|value|key|line|column|not|the|and|of|is)\b"
    r"|\b[a-z]+_[a-z_]+\b"          # a snake_case key
    r"|\w\[\d+\]",                  # a field path: omkostninger[3]
    re.IGNORECASE,
)


def _tekst_uden_citater(tekst: str) -> str:
    """The message without what it quotes of the user's file: '…' and ‘…’ values, the words after
    'skrevet', and file endings (.json names the kind of file the user picks, as the help does)."""
    tekst = re.sub(r"\.(json|takst|xlsx|csv)\b", "", tekst)
    tekst = re.sub(r"\(skrevet [^)]*\)", "", tekst)
    tekst = re.sub(r"'[^'\n]*'|‘[^’\n]*’|\"[^\"\n]*\"", "", tekst)
    return tekst


def _med(tmp_path: Path, ret) -> bytes:
    d = json.loads(DEMO.read_text(encoding="utf-8"))
    ret(d)
    return json.dumps(d, ensure_ascii=False).encode("utf-8")


def _zip() -> bytes:
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w") as z:
        z.writestr("mimetype", "application/vnd.etsi.asic-e+zip")
    return b.getvalue()


def _saet(sti: list, v):
    def ret(d):
        for k in sti[:-1]:
            d = d[k]
        d[sti[-1]] = v
    return ret


FILER = {
    "tom.json": b"",
    "kun-bom.json": b"\xef\xbb\xbf",
    "binaer.json": bytes(range(256)),
    "zip.json": _zip(),
    "pdf.json": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
    "latin1.json": '{"format": "takstgrundlag/1", "driftsherre": {"navn": "Ærø"}}'.encode("latin-1"),
    "null.json": b"null",
    "liste.json": b"[]",
    "tal.json": b"42",
    "dyb.json": b"[" * 5000 + b"]" * 5000,
    "nan.json": b'{"takstaar": NaN}',
    "halv.json": b'{"format": "takstgrundlag/1", ',
    "to-dokumenter.json": b"{} {}",
}
RETTELSER = {
    "takstaar-null.json": _saet(["takstaar"], None),
    "takstaar-sand.json": _saet(["takstaar"], True),
    "pladser-falsk.json": _saet(["tilbud", 0, "pladser"], False),
    "vagtlag-tal.json": lambda d: d["tilbud"][0]["omkostninger"][0].update(vagtlag=1),
    "vagtlag-null-tekst.json": lambda d: d["tilbud"][0]["omkostninger"][0].update(vagtlag="null"),
    "beloeb-sand.json": lambda d: d["tilbud"][0]["omkostninger"][0].update(beloeb=True),
    "beloeb-liste.json": lambda d: d["tilbud"][0]["omkostninger"][0].update(beloeb=[1]),
    "driftsherre-null.json": _saet(["driftsherre"], None),
    "driftsherre-sand.json": _saet(["driftsherre"], True),
    "tilbud-null-i-listen.json": _saet(["tilbud", 0], None),
    "navn-tal.json": _saet(["tilbud", 0, "navn"], 5),
}


def _alle(tmp_path: Path) -> list[Path]:
    filer = []
    for navn, data in FILER.items():
        (tmp_path / navn).write_bytes(data)
        filer.append(tmp_path / navn)
    for navn, ret in RETTELSER.items():
        (tmp_path / navn).write_bytes(_med(tmp_path, ret))
        filer.append(tmp_path / navn)
    # a takstgrundlag named .takst, and a binary named .takst
    (tmp_path / "grundlag.takst").write_bytes(DEMO.read_bytes())
    (tmp_path / "zip.takst").write_bytes(_zip())
    filer += [tmp_path / "grundlag.takst", tmp_path / "zip.takst"]
    return filer


def test_afvisninger_er_danske_uden_noegler_og_engelsk(tmp_path, capsysbinary, monkeypatch):
    monkeypatch.setenv("TAKSTBEREGNER_DATA", str(tmp_path / "data"))
    ind = tmp_path / "ind"
    ind.mkdir()
    fundet = []
    for fil in _alle(ind):
        for args in (["beregn", str(fil), "-o", str(tmp_path / "takster.json")],
                     ["kontroller", str(fil)],
                     ["importer", str(fil), "--til", str(tmp_path / "ny.takst"), "--ja"]):
            kode = cli.main(args)
            ud = capsysbinary.readouterr()
            fejl = ud.err.decode("utf-8")
            assert kode == 2, (args, kode, fejl)
            assert fejl.startswith("takstberegner: ") and fejl.count("\n") == 1, (args, fejl)
            rest = _tekst_uden_citater(fejl.removeprefix("takstberegner: ").replace(fil.name, ""))
            if (m := FORBUDT.search(rest)) is not None:
                fundet.append(f"{args[0]} {fil.name}: {m.group(0)!r} i {fejl.strip()}")
            assert not (tmp_path / "ny.takst").exists()
    assert not fundet, "\n".join(fundet)


@pytest.mark.parametrize("tekst,ord_", [
    ("takstberegner: filen x.json er ikke UTF-8-tekst (er det en JSON-fil?)\n", "UTF-8"),
    ("takstberegner: Bostedet › Budget › linje 1 › Beløb: skal være et tal, men er true\n", "true"),
    ("takstberegner: skal være et objekt ({...}), men er null\n", "null"),
    ("takstberegner: tilbud[0].budget[3].beloeb: fejl\n", "tilbud[0]"),
    ("takstberegner: ukendt felt: levetid_aar\n", "levetid_aar"),
])
def test_kontrollen_fanger_de_gamle_tekster(tekst, ord_):
    """The check above finds the texts this product showed before (it can fail)."""
    m = FORBUDT.search(_tekst_uden_citater(tekst))
    assert m is not None and m.group(0).lower() in ord_.lower(), m


def test_takstbilag_naevner_en_fil_uden_driftsherre_med_ord(tmp_path, capsysbinary, monkeypatch):
    """A file that is no indmelding is listed as 'ukendt driftsherre - afvist', not '? - afvist'."""
    monkeypatch.setenv("TAKSTBEREGNER_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    (tmp_path / "z.indmelding").write_bytes(_zip())
    (tmp_path / "b.indmelding").write_bytes(bytes(range(256)))
    kode = cli.main(["takstbilag", str(tmp_path / "z.indmelding"), str(tmp_path / "b.indmelding"),
                     "-o", str(tmp_path / "takstbilag.xlsx")])
    ud = capsysbinary.readouterr().out.decode("utf-8")
    assert kode == 1, ud
    linjer = [linje for linje in ud.splitlines() if ".indmelding: " in linje]
    assert len(linjer) == 2, ud
    for linje in linjer:
        assert ": ukendt driftsherre - afvist: " in linje, linje
        rest = _tekst_uden_citater(linje.split(": ", 1)[1])
        assert "?" not in rest.split(" - ")[0] and not FORBUDT.search(rest), linje


@pytest.mark.parametrize("indhold,vist", [(b"null", "intet (skrevet null)"), (b"[1]", "en liste ([…])"),
                                          (b"42", "42"), (b'"takster"', "'takster'")])
def test_en_fil_uden_takstgrundlag_siges_som_hele_filen(tmp_path, capsysbinary, monkeypatch, indhold, vist):
    """A file holding something else than one takstgrundlag: the message is about the file (before:
    'skal være et objekt ({...}), men er null', a field's message with no place)."""
    monkeypatch.setenv("TAKSTBEREGNER_DATA", str(tmp_path / "data"))
    (tmp_path / "g.json").write_bytes(indhold)
    assert cli.main(["kontroller", str(tmp_path / "g.json")]) == 2
    fejl = capsysbinary.readouterr().err.decode("utf-8")
    assert fejl == f"takstberegner: filen g.json skal indeholde et takstgrundlag ({{…}}), men indeholder {vist}\n"
