"""The command line `takstberegner`: no arguments opens the app; subcommands for everything else.

Each area registers its subcommands from takstberegner/kommandoer/<area>.py and declares which
arguments are inputs and outputs (kommandoer/stier.py), checked before the command runs. Exit
codes: 0 done, 1 findings or a failed check, 2 input or output refused (one Danish line on
stderr), 70 unexpected program error (one Danish line naming the crash log, kommandoer/krasj.py),
130 interrupted, 141 the reader of the output closed it. Help and usage errors are Danish (kommandoer/dansk_hjaelp.py).
"""
from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys

from takstberegner import __version__

_OMRAADER = ("beregning", "lager", "indmelding", "app", "selvtest")


def byg_parser() -> argparse.ArgumentParser:
    from takstberegner.kommandoer import dansk_hjaelp

    dansk_hjaelp.installer()
    p = argparse.ArgumentParser(
        prog="takstberegner",
        description="Takstberegning efter Styringsaftalen for Nordjysk Socialaftale. Uden KOMMANDO åbnes "
                    "programmet; 'takstberegner KOMMANDO -h' viser hjælpen til en kommando.",
        epilog="Afslutningskoder: 0 udført, 1 fund af niveau fejl eller en afvist kontrol, 2 inddata eller "
               "uddata afvist, 3 og 4 (verificer og takstbilag) noget skal ses efter eller en underskriver er ikke "
               "betroet endnu (se 'takstberegner takstbilag -h'), 70 uventet programfejl (se fejlloggen), 130 "
               "afbrudt, 141 modtageren af uddata lukkede.",
    )
    p.add_argument("--version", action="version", version=f"Takstberegner {__version__}",
                   help="vis programmets version og afslut")
    p.add_argument("--selvtest", action="store_true", help="kør selvtesten (efter installation) og afslut")
    sub = p.add_subparsers(dest="kommando", metavar="KOMMANDO", title="kommandoer")
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
    from takstberegner.fejl import Fejl
    from takstberegner.kommandoer import krasj, stier

    for strøm in (sys.stdout, sys.stderr):
        try:
            strøm.reconfigure(encoding="utf-8")
        except (AttributeError, ValueError):
            pass
    try:
        # Parsing imports the command's modules: thousands of new objects (classes, functions,
        # record classes), none of them garbage, which the cyclic collector would walk over a
        # few times while they are made (about 10 mio. instructions). It runs again before the
        # command does.
        gc_var_aktiv = gc.isenabled()
        gc.disable()
        try:
            args = byg_parser().parse_args(argv)
        finally:
            if gc_var_aktiv:
                gc.enable()
        if args.selvtest:
            from takstberegner.kommandoer.selvtest import koer_selvtest

            return koer_selvtest()
        if args.kommando is None:
            from takstberegner.kommandoer.app import start_app

            return start_app(None)
        stier.kontroller(args)
        kode = args.func(args)
        if argv is None and getattr(args, "afslut_straks", False):
            _afslut_straks(kode)
        return kode
    except Fejl as e:  # a refused input or output: storage, formats, import, export, paths
        from takstberegner.domain.usynlige_tegn import til_terminal

        print(til_terminal(f"takstberegner: {e}"), file=sys.stderr)  # a file's heading or name may be in it
        return 2
    except KeyboardInterrupt:
        print("takstberegner: afbrudt.", file=sys.stderr)
        return krasj.AFBRUDT
    except BrokenPipeError:  # the reader of our output stopped (`takstberegner beregn X | head`)
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return krasj.ROER_LUKKET
    except SystemExit:
        raise
    except BaseException as e:  # a program error: crash log, one Danish line, its own exit code
        return krasj.meld(e)


def _afslut_straks(kode: int) -> None:
    """End the process now, without the interpreter's teardown, which for a large takstgrundlag
    frees about a million objects (≈ 94 mio. instructions, 10 ms) for nothing: the operating
    system takes the memory back. Only the program itself does this (main() without argv: the
    console script, python -m and the frozen program), never a caller in the same process, and
    only after a command that says it may (`afslut_straks`: it has written all it writes, its
    output file closed, and holds no .takst lock, database or temporary folder). What teardown
    would still do is done here: the standard streams are flushed and the atexit handlers run
    (logging, weakref.finalize). Any doubt leaves the ordinary exit: another thread still running
    (teardown would wait for it), or a stream that cannot be flushed (teardown reports that)."""
    threading = sys.modules.get("threading")  # not imported: no thread was started by it
    if threading is not None and threading.active_count() > 1:
        return
    try:
        for strøm in (sys.stdout, sys.stderr):
            if strøm is not None:
                strøm.flush()
    except (OSError, ValueError):
        return
    import atexit

    atexit._run_exitfuncs()
    os._exit(kode)


if __name__ == "__main__":
    sys.exit(main())
