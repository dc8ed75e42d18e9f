"""Takstberegner: takstberegning efter Styringsaftalen for Nordjysk Socialaftale."""

# The version, written here and in pyproject.toml (tests/test_packaging checks they agree):
# reading it through importlib.metadata cost a tenth of a second at every start of the command.
__version__ = "0.1.0"

# Record classes compile their generated methods once, not at every start (dataklassekode.py).
from takstberegner import dataklassekode as _dataklassekode  # noqa: E402

_dataklassekode.installer()
