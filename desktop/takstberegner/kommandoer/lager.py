"""Subcommands for the .takst document file: `importer` (JSON or Excel budget), `eksporter`, `rul-frem`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from takstberegner import dansk
from takstberegner.domain.usynlige_tegn import til_terminal
from takstberegner.kommandoer import stier
from takstberegner.kommandoer.dansk_hjaelp import fra_et, procent


def registrer(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "importer",
        help="importér en takstgrundlag-fil (.json) til en ny takstfil, eller et budget (.xlsx, .csv) til en takstfil",
        description="En .json-fil bliver til en ny takstfil. Et budget fra økonomisystemet (.xlsx eller .csv med "
                    "semikolon) læses fra det valgte ark; kolonnerne findes ud fra overskrifterne eller angives. Du "
                    "ser linjerne med kategori og budgettet før og efter, før der skrives. Som standard erstatter "
                    "budgettet tilbuddets nuværende budget (--tilfoej lægger linjerne til).",
    )
    p.add_argument("kilde", help="takstgrundlag (.json) eller budget fra økonomisystemet (.xlsx eller .csv)")
    p.add_argument("--til", required=True, metavar="FIL.takst", help="takstfilen der skal oprettes (.json) eller "
                                                                     "have budgettet (.xlsx, .csv)")
    p.add_argument("--ark", help="arket med budgettet (.xlsx; standard: det første synlige)")
    p.add_argument("--konto", metavar="KOLONNE", help="kolonnen med kontonummer eller art: overskriften (fx Konto) "
                                                      "eller bogstavet (fx A); standard: findes af sig selv")
    p.add_argument("--tekst", metavar="KOLONNE", help="kolonnen med linjens tekst (overskrift eller bogstav)")
    p.add_argument("--beloeb", metavar="KOLONNE", help="kolonnen med beløbet (overskrift eller bogstav)")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--tilbud", metavar="KOLONNE", help="kolonnen med tilbuddets id, tilbudsportal-id eller navn")
    g.add_argument("--tilbud-id", metavar="ID", help="læg alle linjer på dette tilbud")
    p.add_argument("--fra-raekke", type=fra_et, metavar="N", help="første række med data (standard: efter overskriften)")
    p.add_argument("--kontoplan", metavar="FIL.csv", help="egen kontoplan-oversættelse (art;navn;kategori;post)")
    p.add_argument("--tilfoej", action="store_true", help="læg linjerne til tilbuddets budget i stedet for at "
                                                          "erstatte det")
    p.add_argument("--ja", action="store_true", help="importér uden at spørge")
    p.set_defaults(func=_importer)
    stier.roller(p, ind=("kilde", "kontoplan"), takst_ud=("til",))

    e = sub.add_parser("eksporter", help="skriv en takstfil (.takst) ud som takstgrundlag (.json)")
    e.add_argument("takstfil", help="takstfilen (.takst)")
    e.add_argument("-o", "--output", metavar="GRUNDLAG.json", help="filen der skrives (standard: skærmen)")
    e.set_defaults(func=_eksporter)
    stier.roller(e, ind=("takstfil",), ud=("output",))

    r = sub.add_parser("rul-frem", help="lav næste års takstfil ud fra dette års (sidste års takster bliver "
                                        "forrige takst)")
    r.add_argument("kilde", help="dette års takstfil (.takst)")
    r.add_argument("--til", required=True, metavar="FIL.takst", help="den nye takstfil")
    r.add_argument("--loen-pct", type=procent, metavar="PCT",
                   help="fremskriv budgettets personalelinjer med denne lønstigning i procent (fx 3,2)")
    r.add_argument("--pris-pct", type=procent, metavar="PCT",
                   help="fremskriv de øvrige budgetlinjer (ikke finansiering) med denne prisstigning i procent")
    r.set_defaults(func=_rul_frem)
    stier.roller(r, ind=("kilde",), takst_ud=("til",))


def _fejl(besked: str) -> int:
    _vis(f"takstberegner: {besked}", file=sys.stderr)
    return 2


def _importer(args: argparse.Namespace) -> int:
    kilde, til = Path(args.kilde), Path(args.til)
    endelse = kilde.suffix.lower()
    if til.suffix.lower() != ".takst":
        return _fejl(f"--til skal være en takstfil (.takst), ikke {til.name}")
    if endelse == ".json":
        from takstberegner.tjeneste.dokumenter import importer

        with importer(kilde, til) as f:
            g = f.hent()
        _vis(f"{til.name} er oprettet: {g.driftsherre.navn}, takstår {g.takstaar}, {len(g.tilbud)} tilbud.")
        return 0
    if endelse in (".xlsx", ".xlsm", ".csv"):
        return _importer_budget(args, kilde, til)
    return _fejl(f"{kilde.name} kan ikke importeres: vælg en takstgrundlag-fil (.json) eller et budget (.xlsx eller "
                 ".csv)")


def _importer_budget(args: argparse.Namespace, kilde: Path, til: Path) -> int:
    from takstberegner.importers import budget, kontoplan
    from takstberegner.storage import TakstFil
    from takstberegner.tjeneste import dokumenter

    maade = budget.TILFOEJ if args.tilfoej else budget.ERSTAT
    kp = kontoplan.laes_kontoplan(Path(args.kontoplan)) if args.kontoplan else None
    with TakstFil.aabn(til) as f:
        g = f.hent()
        fv = dokumenter.budget_forhaandsvisning(kilde, g, ark=args.ark, konto=args.konto, tekst=args.tekst,
                                                beloeb=args.beloeb, tilbud=args.tilbud, tilbud_id=args.tilbud_id,
                                                kontoplan=kp, fra_raekke=args.fra_raekke)
        _vis(fv.tekst(g, maade))
        aendringer = dokumenter.budget_aendringer(g, fv, maade)  # refused before anything is asked
        antal = dansk.tal(len(fv.importerede), 0)
        if not args.ja:
            if not sys.stdin.isatty():
                _vis("Intet er importeret. Tilføj --ja for at importere.")
                return 1
            hvad = "Tilføj" if args.tilfoej else "Erstat budgettet med"
            svar = input(f"{hvad} {antal} linjer i {til.name}? [j/N] ")
            if svar.strip().lower() not in ("j", "ja", "y", "yes"):
                _vis("Intet er importeret.")
                return 1
        f.anvend_alle(aendringer)
    _vis(f"{antal} linjer er importeret til {til.name}" + (" (lagt til budgettet)." if args.tilfoej
                                                             else " (budgettet er erstattet)."))
    return 0


def _eksporter(args: argparse.Namespace) -> int:
    from takstberegner.formats import takstgrundlag as tg_format
    from takstberegner.storage import laes_grundlag

    sti = Path(args.takstfil)
    if sti.suffix.lower() != ".takst":
        return _fejl(f"{sti.name} er ikke en takstfil (.takst)")
    tekst = tg_format.skriv_tekst(laes_grundlag(sti))
    if args.output:
        stier.skriv(args.output, tekst.encode("utf-8"))
    else:
        sys.stdout.buffer.write(tekst.encode("utf-8"))
    return 0


def _rul_frem(args: argparse.Namespace) -> int:
    from takstberegner.tjeneste.rul_frem import rul_frem

    from takstberegner.domain.rul_frem import Fremskrivning

    if (args.loen_pct is None) != (args.pris_pct is None):
        return _fejl("angiv både --loen-pct og --pris-pct for at fremskrive budgettet (0 for en sats, der ikke "
                     "skal bruges)")
    frem = None if args.loen_pct is None else Fremskrivning(args.loen_pct, args.pris_pct)
    with rul_frem(Path(args.kilde), Path(args.til), fremskrivning=frem) as f:
        g = f.hent()
    _vis(f"{Path(args.til).name} er oprettet for takstår {g.takstaar} med {len(g.tilbud)} tilbud.")
    if frem is not None:
        _vis(f"Budgettet er fremskrevet: personalelinjer {dansk.tal(frem.loen_pct, 2)} %, øvrige linjer "
              f"{dansk.tal(frem.pris_pct, 2)} % (noteret under Bemærkninger).")
    else:
        _vis("Budgettet er ikke fremskrevet (angiv --loen-pct og --pris-pct for at fremskrive det).")
    _vis(_pl_raad(g.takstaar))
    return 0


def _pl_raad(takstaar: int) -> str:
    """What rul frem leaves to the user: next year's P/L-fremskrivning is not this year's (the app's
    rul frem dialog says the same)."""
    from takstberegner.formats.regelsaet import regelsaet_for

    std = regelsaet_for(takstaar).std_pl_fremskrivning_pct
    return (f"P/L-fremskrivningen for {takstaar} er ikke sat: indtil den sættes under Satser, måles ændringen fra "
            f"sidste års takster med regelsættets standard på {dansk.tal(std, 2)} %. Sæt den, når KL har "
            "offentliggjort den.")


def _vis(*tekster: object, **k) -> None:
    """print, with what a file holds shown, never obeyed by the terminal (a heading or sheet name of
    an imported budget, a driftsherre's name)."""
    print(*(til_terminal(str(t)) for t in tekster), **k)
