"""Danish help and usage errors for the command line: argparse's own strings in Danish.

argparse translates its texts ("usage: ", "options", "the following arguments are required: %s")
through gettext, which it imports into its own module as `_` and `ngettext`. `installer()` points
those two at the small catalogue below (every message of argparse in Python 3.11-3.13), so the
help of every subcommand and every usage error is Danish whatever the machine's language. A text
the catalogue does not know passes through unchanged; a test checks that none is left.
"""
from __future__ import annotations

import argparse

KATALOG: dict[str, str] = {
    "usage: ": "brug: ",
    "positional arguments": "argumenter",
    "options": "tilvalg",
    "optional arguments": "tilvalg",
    "subcommands": "kommandoer",
    "show this help message and exit": "vis denne hjælp og afslut",
    "show program's version number and exit": "vis programmets version og afslut",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fejl: %(message)s\n",
    "%(prog)s: warning: %(message)s\n": "%(prog)s: advarsel: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argumentet %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "disse argumenter skal angives: %s",
    "one of the arguments %s is required": "et af argumenterne %s skal angives",
    "unrecognized arguments: %s": "ukendte argumenter: %s",
    "not allowed with argument %s": "kan ikke bruges sammen med %s",
    "ignored explicit argument %r": "argumentet %r tager ingen værdi",
    "expected one argument": "mangler en værdi",
    "expected at most one argument": "højst én værdi",
    "expected at least one argument": "mindst én værdi",
    "ambiguous option: %(option)s could match %(matches)s":
        "tvetydigt tilvalg: %(option)s kan betyde %(matches)s",
    "unexpected option string: %s": "uventet tilvalg: %s",
    "invalid %(type)s value: %(value)r": "ugyldig værdi (%(type)s): %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "ukendt valg: %(value)r (vælg mellem %(choices)s)",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "ukendt kommando %(parser_name)r (vælg mellem %(choices)s)",
    "can't open '%(filename)s': %(error)s": "'%(filename)s' kan ikke åbnes: %(error)s",
    "%(heading)s:": "%(heading)s:",
    " (default: %(default)s)": " (standard: %(default)s)",
    "argument '%(argument_name)s' is deprecated": "argumentet '%(argument_name)s' udgår",
    "option '%(option)s' is deprecated": "tilvalget '%(option)s' udgår",
    "command '%(parser_name)s' is deprecated": "kommandoen '%(parser_name)s' udgår",
    "cannot have multiple subparser arguments": "kun én gruppe af kommandoer er tilladt",
    # Errors in the program's own parser definition (never seen by a user of a correct program).
    ".__call__() not defined": ".__call__() er ikke defineret",
    "conflicting subparser: %s": "kommandoen %s findes to gange",
    "conflicting subparser alias: %s": "kommandonavnet %s findes to gange",
    "argument \"-\" with mode %r": "argumentet \"-\" med tilstanden %r",
    "cannot merge actions - two groups are named %r": "to grupper hedder %r",
    "'required' is an invalid argument for positionals": "'required' kan ikke bruges for argumenter",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r":
        "ugyldigt tilvalg %(option)r: skal begynde med tegnet %(prefix_chars)r",
    "dest= is required for options like %r": "dest= skal angives for tilvalg som %r",
    "invalid conflict_resolution value: %r": "ugyldig værdi af conflict_resolution: %r",
    "mutually exclusive arguments must be optional": "argumenter, der udelukker hinanden, skal være tilvalg",
    "%r is not callable": "%r kan ikke kaldes",
}
FLERTAL: dict[tuple[str, str], tuple[str, str]] = {
    ("expected %s argument", "expected %s arguments"): ("mangler %s værdi", "mangler %s værdier"),
    ("conflicting option string: %s", "conflicting option strings: %s"):
        ("tilvalget findes to gange: %s", "tilvalgene findes to gange: %s"),
}


def oversaet(tekst: str) -> str:
    return KATALOG.get(tekst, tekst)


def oversaet_flertal(ental: str, flertal: str, n: int) -> str:
    da = FLERTAL.get((ental, flertal))
    if da is None:
        return ental if n == 1 else flertal
    return da[0] if n == 1 else da[1]


def installer() -> None:
    """Make argparse speak Danish in this process (idempotent), and let its help formatter find the
    terminal's width without importing shutil."""
    argparse._ = oversaet  # type: ignore[attr-defined]
    argparse.ngettext = oversaet_flertal  # type: ignore[attr-defined]
    if argparse.HelpFormatter.__init__ is not _formatter_init:
        global _argparse_init
        _argparse_init = argparse.HelpFormatter.__init__
        argparse.HelpFormatter.__init__ = _formatter_init  # type: ignore[method-assign]


def terminal_bredde() -> int:
    """The terminal's width in columns, as shutil.get_terminal_size(): $COLUMNS, else the
    terminal's, else 80."""
    import os
    import sys

    try:
        bredde = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        bredde = 0
    if bredde <= 0:
        try:
            bredde = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            bredde = 0
    return bredde or 80


_argparse_init = argparse.HelpFormatter.__init__


def _formatter_init(self, prog, indent_increment=2, max_help_position=24, width=None) -> None:
    # argparse makes a HelpFormatter for every add_argument, and without a width it imports shutil
    # (and with it bz2 and lzma: about 40 mio. instructions at every start) to ask for the
    # terminal's; the same width, found here.
    if width is None:
        width = terminal_bredde() - 2
    _argparse_init(self, prog, indent_increment, max_help_position, width)


def _heltal(tekst: str) -> int | None:
    """An integer written with the digits 0-9 and an optional sign (int() alone also takes '1_0',
    Arabic-Indic and full-width digits), or None."""
    s = tekst.strip()
    cifre = s[1:] if s[:1] in "+-" else s
    if not cifre or not all("0" <= c <= "9" for c in cifre) or len(cifre) > 18:
        return None
    return int(s)


def heltal(tekst: str) -> int:
    """type= for an integer argument, with a Danish message."""
    n = _heltal(tekst)
    if n is None:
        raise argparse.ArgumentTypeError(f"'{tekst}' er ikke et helt tal")
    return n


def fra_et(tekst: str) -> int:
    """type= for a row number: a whole number from 1."""
    n = heltal(tekst)
    if n < 1:
        raise argparse.ArgumentTypeError(f"'{tekst}' er ikke et rækkenummer (et helt tal fra 1)")
    return n


def takstaar(tekst: str) -> int:
    """type= for a takstår within the years the validation accepts (it said 'ugyldig værdi (int)'
    of 'abc' and wrote a takstbilag 'for 99999999999999999999')."""
    from takstberegner.domain.validering import MAX_AAR, MIN_AAR  # (only when the option is given)

    aar = _heltal(tekst)
    if aar is None or not MIN_AAR <= aar <= MAX_AAR:
        raise argparse.ArgumentTypeError(f"'{tekst}' er ikke et takstår (et årstal fra {MIN_AAR} til {MAX_AAR})")
    return aar


def procent(tekst: str):
    """type= for a percentage, read as the app reads it (dansk.laes_tal: "3,2", "3.2", "3,2 %", "-1").
    Decimal itself took '1e1' as 10 %, '2_5' as 25 % and Arabic-Indic digits, and '1.000' (a thousand,
    the Danish way) as 1 %, where the app's field refuses them."""
    from decimal import Decimal

    from takstberegner.dansk import laes_tal

    try:
        x = laes_tal(tekst)
    except ValueError:
        x = None
    if x is None or not Decimal(-50) <= x <= Decimal(100):
        raise argparse.ArgumentTypeError(f"'{tekst}' er ikke en procentsats mellem -50 og 100 (fx 3,2)")
    return x
