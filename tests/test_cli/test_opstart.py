"""What `takstberegner beregn` costs beyond its work (issue 9 item 7): it imports no logging
(only storage writes log lines, and sets their handler itself), and the garbage collector it
pauses while a large takstgrundlag is read and computed is running again afterwards, also when
the command fails."""
from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

from takstberegner import cli

EKSEMPEL_1 = Path(__file__).parents[1] / "data" / "eksempler" / "eksempel-1-bostedet-nord.takstgrundlag.json"


def test_beregn_importerer_ikke_logging(tmp_path):
    ud = tmp_path / "takster.json"
    kode = ("import sys\nfrom takstberegner.cli import main\n"
            f"kode = main(['beregn', {str(EKSEMPEL_1)!r}, '-o', {str(ud)!r}])\n"
            "print(kode, 'logging' in sys.modules)")
    r = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, timeout=120, check=True)
    assert r.stdout.split() == ["0", "False"]
    assert json.loads(ud.read_text(encoding="utf-8"))["format"] == "takster/1"


def test_lagerets_loglinjer_har_en_handler_uden_cli():
    r = subprocess.run([sys.executable, "-c", "import logging, takstberegner.storage\n"
                        "print([type(h).__name__ for h in logging.getLogger('takstberegner').handlers])"],
                       capture_output=True, text=True, timeout=120, check=True)
    assert r.stdout.strip() == "['NullHandler']"


def test_beregn_slaar_garbage_collector_til_igen(tmp_path):
    assert gc.isenabled()
    assert cli.main(["beregn", str(EKSEMPEL_1), "-o", str(tmp_path / "takster.json")]) == 0
    assert gc.isenabled()
    (tmp_path / "tom.json").write_text("", encoding="utf-8")
    assert cli.main(["beregn", str(tmp_path / "tom.json"), "-o", str(tmp_path / "t2.json")]) == 2
    assert gc.isenabled()


def _som_program(args: list[str], cwd: Path, **kw) -> subprocess.CompletedProcess:
    """The command line as a program (python -m takstberegner: main() without argv)."""
    return subprocess.run([sys.executable, "-m", "takstberegner", *args], capture_output=True, timeout=120,
                          cwd=cwd, **kw)


def test_beregn_som_program_afslutter_straks_med_alt_skrevet(tmp_path):
    # The program ends without the interpreter's teardown after beregn of a .json file
    # (cli._afslut_straks): the file and stdout are whole, the exit code is the command's, the
    # atexit handlers ran. The same bytes as main() in this process writes.
    forventet = tmp_path / "forventet.json"
    assert cli.main(["beregn", str(EKSEMPEL_1), "-o", str(forventet)]) == 0
    til_fil = _som_program(["beregn", str(EKSEMPEL_1), "-o", str(tmp_path / "ud.json")], tmp_path)
    assert (til_fil.returncode, til_fil.stderr) == (0, b"")
    assert (tmp_path / "ud.json").read_bytes() == forventet.read_bytes()
    til_skaerm = _som_program(["beregn", str(EKSEMPEL_1)], tmp_path)
    assert (til_skaerm.returncode, til_skaerm.stdout) == (0, forventet.read_bytes())
    # The atexit handlers ran, the teardown did not (it would have deleted `rest` and printed).
    kode = ("import atexit, sys\natexit.register(lambda: print('atexit kørte', file=sys.stderr))\n"
            "class Rest:\n    def __del__(self):\n        print('nedlukning', file=sys.stderr)\n"
            "rest = Rest()\n"
            "from takstberegner.cli import main\nsys.argv = ['takstberegner', 'beregn', sys.argv[1]]\n"
            "sys.exit(main())")
    r = subprocess.run([sys.executable, "-c", kode, str(EKSEMPEL_1)], capture_output=True, timeout=120)
    assert (r.returncode, r.stdout, r.stderr) == (0, forventet.read_bytes(), "atexit kørte\n".encode())
    # a .takst file's database is left to the ordinary exit; `kontroller` ends the ordinary way
    r = subprocess.run([sys.executable, "-c", kode.replace("'beregn'", "'kontroller'"), str(EKSEMPEL_1)],
                       capture_output=True, timeout=120)
    assert r.stderr.decode("utf-8").splitlines() == ["atexit kørte", "nedlukning"]


def test_afvist_inddata_som_program_har_sin_kode_og_besked(tmp_path):
    tom = tmp_path / "tom.json"
    tom.write_text("", encoding="utf-8")
    r = _som_program(["beregn", str(tom), "-o", str(tmp_path / "ud.json")], tmp_path)
    assert r.returncode == 2
    assert "filen tom.json er tom" in r.stderr.decode("utf-8")
    assert not (tmp_path / "ud.json").exists()


def test_msgspec_importeres_uden_typing_extensions():
    kode = ("import sys\nimport takstberegner.formats.hurtig_laesning\n"
            "print('typing_extensions' in sys.modules)\n"
            "import typing_extensions\nprint(typing_extensions.__name__)")
    r = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, timeout=120, check=True)
    assert r.stdout.split() == ["False", "typing_extensions"]


def test_hjaelpens_bredde_som_shutil(monkeypatch):
    import shutil

    from takstberegner.kommandoer import dansk_hjaelp

    for kolonner in ("", "0", "-3", "abc", "40", "200"):
        monkeypatch.setenv("COLUMNS", kolonner)
        assert dansk_hjaelp.terminal_bredde() == shutil.get_terminal_size().columns, kolonner
    monkeypatch.delenv("COLUMNS")
    assert dansk_hjaelp.terminal_bredde() == shutil.get_terminal_size().columns


def test_cli_importerer_ikke_shutil():
    kode = "import sys\nfrom takstberegner import cli\ncli.byg_parser()\nprint('shutil' in sys.modules)"
    r = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, timeout=120, check=True)
    assert r.stdout.strip() == "False"


def test_beregn_importerer_ikke_inspect(tmp_path):
    # dataclasses is imported with a stand-in for inspect (takstberegner/dataclasses_uden_inspect.py),
    # and every record class the command makes has a docstring, so nothing imports the real one
    ud = tmp_path / "takster.json"
    kode = ("import sys\nfrom takstberegner.cli import main\n"
            f"kode = main(['beregn', {str(EKSEMPEL_1)!r}, '-o', {str(ud)!r}])\n"
            "print(kode, *(m in sys.modules for m in ('inspect', 'ast', 'dis', 'tokenize')))\n"
            "import inspect, dataclasses\nprint(inspect.__name__, hasattr(inspect, 'signature'), "
            "dataclasses.inspect is not inspect)")
    r = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, timeout=120, check=True)
    if sys.version_info[:2] == (3, 12):
        assert r.stdout.split() == ["0", "False", "False", "False", "False", "inspect", "True", "True"]
    assert json.loads(ud.read_text(encoding="utf-8"))["format"] == "takster/1"


_DATAKLASSER = r"""
import json, sys
import takstberegner, dataclasses
from dataclasses import dataclass, field
from typing import ClassVar
stand_in = dataclasses.inspect

@dataclass(frozen=True)
class UdenDoc:
    navn: str
    antal: int = 0
    liste: list = field(default_factory=list)
    k: ClassVar[int] = 3

@dataclass(frozen=True)
class Arvet(UdenDoc):
    mere: str = ""

class Intet:
    pass

class Ingen:
    __annotations__ = None

ud = {"doc": [UdenDoc.__doc__, Arvet.__doc__], "felter": [f.name for f in dataclasses.fields(Arvet)],
      "repr": repr(Arvet("a", 2, [1], "b")), "stand_in": stand_in.__name__,
      "ann": [repr(stand_in.get_annotations(c)) for c in (UdenDoc, Arvet, Intet, Ingen, int)]}
import inspect
ud["ann_inspect"] = [repr(inspect.get_annotations(c)) for c in (UdenDoc, Arvet, Intet, Ingen, int)]
ud["modul"] = repr(stand_in.get_annotations(json))
ud["modul_inspect"] = repr(inspect.get_annotations(json))
print(json.dumps(ud))
"""


def test_dataclasses_uden_inspect_som_med_inspect():
    # The stand-in gives the annotations inspect gives, and hands the rest (signature: the
    # docstring of a record class without one) to the real inspect: the same record classes
    # as when dataclasses is imported the ordinary way (-c "import inspect" first)
    def koer(foerst: str) -> dict:
        r = subprocess.run([sys.executable, "-c", foerst + _DATAKLASSER], capture_output=True, text=True,
                           timeout=120, check=True)
        return json.loads(r.stdout)

    med_stand_in, almindeligt = koer(""), koer("import inspect\n")
    if sys.version_info[:2] == (3, 12):
        assert med_stand_in["stand_in"] == "inspect" and almindeligt["stand_in"] == "inspect"
    assert med_stand_in["doc"][0] == "UdenDoc(navn: str, antal: int = 0, liste: list = <factory>)"
    assert {**med_stand_in, "stand_in": 0} == {**almindeligt, "stand_in": 0}
    assert med_stand_in["ann"] == med_stand_in["ann_inspect"]
    assert med_stand_in["modul"] == med_stand_in["modul_inspect"]
