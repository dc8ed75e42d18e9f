"""Takstberegner: takstberegning efter Styringsaftalen for Nordjysk Socialaftale."""
from importlib import metadata as _metadata

try:
    __version__ = _metadata.version("takstberegner")
except _metadata.PackageNotFoundError:  # frozen app or source tree without install
    __version__ = "0.1.0"
