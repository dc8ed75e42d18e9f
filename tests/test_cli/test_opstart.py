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
