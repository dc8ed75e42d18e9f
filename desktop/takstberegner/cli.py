"""The command line `takstberegner`: no arguments opens the app; subcommands for everything else.

Each area registers its subcommands from takstberegner/kommandoer/<area>.py. Bad input ends with
a Danish message on stderr and exit code 2, never a traceback.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from takstberegner import __version__

_OMRAADER = ("beregning", "lager", "indmelding", "app", "selvtest")


def byg_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="takstberegner",
        description="Takstberegning efter Styringsaftalen for Nordjysk Socialaftale.",
    )
    p.add_argument("--version", action="version", version=f"Takstberegner {__version__}")
    p.add_argument("--selvtest", action="store_true", help="kør selvtesten (efter installation) og afslut")
    sub = p.add_subparsers(dest="kommando", metavar="KOMMANDO")
    for navn in _OMRAADER:
        try:
            modul = importlib.import_module(f"takstberegner.kommandoer.{navn}")
        except ModuleNotFoundError as e:
            if e.name == f"takstberegner.kommandoer.{navn}":
                continue
            raise
        modul.registrer(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    from takstberegner.formats.fejl import InputError

    for strøm in (sys.stdout, sys.stderr):
        try:
            strøm.reconfigure(encoding="utf-8")
        except (AttributeError, ValueError):
            pass
    args = byg_parser().parse_args(argv)
    try:
        if args.selvtest:
            from takstberegner.kommandoer.selvtest import koer_selvtest

            return koer_selvtest()
        if args.kommando is None:
            from takstberegner.kommandoer.app import start_app

            return start_app(None)
        return args.func(args)
    except InputError as e:
        print(f"takstberegner: {e}", file=sys.stderr)
        return 2
    except Exception as e:  # a user-facing error from storage, import or export
        besked = getattr(e, "besked", None)
        if besked:
            print(f"takstberegner: {besked}", file=sys.stderr)
            return 2
        raise


if __name__ == "__main__":
    sys.exit(main())
