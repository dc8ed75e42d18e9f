"""Subcommands `beregn` and `kontroller`: compute a takstgrundlag, print takster or findings."""
from __future__ import annotations

import argparse
import sys
from collections import Counter

from takstberegner import dansk
from takstberegner.kommandoer import stier


def registrer(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("beregn", help="beregn taksterne for en takstgrundlag-fil (.json eller .takst)")
    p.add_argument("grundlag", help="takstgrundlag (.json) eller takstfil (.takst)")
    p.add_argument("-o", "--output", metavar="TAKSTER.json",
                   help="skriv takster-dokumentet hertil i stedet for til skærmen")
    p.set_defaults(func=_beregn)
    stier.roller(p, ind=("grundlag",), ud=("output",))
    k = sub.add_parser("kontroller", help="kontrollér en takstgrundlag-fil mod Styringsaftalen")
    k.add_argument("grundlag", help="takstgrundlag (.json) eller takstfil (.takst)")
    k.set_defaults(func=_kontroller)
    stier.roller(k, ind=("grundlag",))


def _beregn(args: argparse.Namespace) -> int:
    from takstberegner import tjeneste
    from takstberegner.formats import takster

    beregning = tjeneste.kraev_gyldigt(tjeneste.beregn(tjeneste.laes_grundlag(args.grundlag)))
    tekst = takster.skriv_tekst(beregning)
    if args.output:
        stier.skriv(args.output, tekst.encode("utf-8"))
    else:
        sys.stdout.buffer.write(tekst.encode("utf-8"))
    return 0


def _hvem(i: int, t, ids: Counter) -> str:
    """A tilbud by name and id; by its position too when another tilbud has the same id."""
    if ids[t.id] > 1:
        return f"tilbud nr. {i + 1}, {t.navn} ({t.id}) "
    return f"{t.navn} ({t.id}) "


_NIVEAU = {"fejl": "FEJL", "advarsel": "ADVARSEL", "info": "INFO"}


def _kontroller(args: argparse.Namespace) -> int:
    from takstberegner import tjeneste

    grundlag = tjeneste.laes_grundlag(args.grundlag)
    beregning, fund = tjeneste.kontroller(grundlag)
    ids = Counter(t.id for t in beregning.tilbud)
    linjer = []
    for i, f in fund:
        ref = f"{f.reference}; " if f.reference else ""
        hvem = "" if i is None else _hvem(i, beregning.tilbud[i], ids)
        linjer.append(f"{_NIVEAU.get(f.niveau, f.niveau):9} {hvem}{f.kode}: {f.tekst} ({ref}{f.felt})")
    fejl = sum(1 for f in beregning.alle_fund() if f.er_fejl)
    advarsler = sum(1 for f in beregning.alle_fund() if f.niveau == "advarsel")
    ud = "\n".join(linjer)
    if ud:
        ud += "\n"
    ud += (f"{grundlag.driftsherre.navn}, takstår {grundlag.takstaar}: {len(grundlag.tilbud)} tilbud, "
           f"{dansk.tal(fejl, 0)} fejl, {dansk.tal(advarsler, 0)} {'advarsel' if advarsler == 1 else 'advarsler'}.\n")
    sys.stdout.buffer.write(ud.encode("utf-8", "replace"))  # a lone surrogate from a JSON escape
    return 1 if fejl else 0
