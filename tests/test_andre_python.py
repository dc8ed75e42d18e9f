"""The package starts on other Pythons than the one it is built with (pyproject: requires-python
>= 3.11): the start-up hooks of dataclasses (dataklassekode.py, dataclasses_uden_inspect.py) leave a
Python they were not written for alone. Before, importing takstberegner on Python 3.13 stopped with
"module 'dataclasses' has no attribute '_create_fn'"."""
from __future__ import annotations

import dataclasses
import glob
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from takstberegner import dataklassekode

_DESKTOP = Path(__file__).resolve().parents[1] / "desktop"


def _andre_pythoner() -> list[str]:
    """Other CPythons on this machine (pyenv's and those on PATH), 3.11 and later."""
    fundne = {shutil.which(f"python3.{m}") for m in range(11, 16)}
    rod = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
    fundne.update(glob.glob(os.path.join(rod, "versions", "3.1[1-9]*", "bin", "python")))
    ud = []
    for sti in sorted(p for p in fundne if p):
        r = subprocess.run([sti, "-c", "import sys; print(sys.version_info >= (3, 11) and sys.version_info[:2] != "
                            f"{tuple(sys.version_info[:2])})"], capture_output=True, text=True)
        if r.stdout.strip() == "True":
            ud.append(sti)
    return ud


def test_uden_dataclasses_create_fn_starter_pakken_som_foer(monkeypatch):
    """A dataclasses without _create_fn (3.13 and later) is left alone, on any Python."""
    monkeypatch.delattr(dataclasses, "_create_fn", raising=False)
    dataklassekode.installer()  # raised AttributeError before
    assert not hasattr(dataclasses, "_create_fn")


@pytest.mark.parametrize("python", _andre_pythoner() or [pytest.param(None, marks=pytest.mark.skip(
    reason="ingen anden Python 3.11+ på maskinen"))])
def test_pakken_og_beregningen_indlaeses_paa_en_anden_python(python):
    proeve = ("import takstberegner, dataclasses\n"
              "from takstberegner.domain import beregning, model\n"
              "from decimal import Decimal\n"
              "x = model.Omkostningslinje(kategori='personale', post='loen', beloeb=Decimal('1.5'))\n"
              "print(x == dataclasses.replace(x), x.beloeb)\n")
    env = dict(os.environ, PYTHONPATH=str(_DESKTOP), PYTHONDONTWRITEBYTECODE="1")
    r = subprocess.run([python, "-c", proeve], env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["True", "1.5"]
