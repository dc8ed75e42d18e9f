"""Takstberegner: takstberegning efter Styringsaftalen for Nordjysk Socialaftale."""

# The version, written here and in pyproject.toml (tests/test_packaging checks they agree):
# reading it through importlib.metadata cost a tenth of a second at every start of the command.
__version__ = "0.1.0"

# dataclasses is imported without inspect (dataclasses_uden_inspect.py), and record classes
# compile their generated methods once, not at every start (dataklassekode.py).
from takstberegner import dataclasses_uden_inspect as _dataclasses_uden_inspect  # noqa: E402
from takstberegner import dataklassekode as _dataklassekode  # noqa: E402

_dataclasses_uden_inspect.installer()

_dataklassekode.installer()
