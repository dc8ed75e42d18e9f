"""Subcommands `beregn` and `kontroller`: compute a takstgrundlag, print takster or findings."""
from __future__ import annotations

import argparse
import gc
import sys
from collections import Counter

from takstberegner import dansk
from takstberegner.domain.navne import felt_tekst, tilbud_navn
from takstberegner.domain.usynlige_tegn import synlig, til_terminal
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
    # A large takstgrundlag is a million records without cycles: the cyclic garbage collector's
    # passes over them while they are read and computed free nothing (about 5 % of the command);
    # nor while the modules that do it are imported.
    var_aktiv = gc.isenabled()
    gc.disable()
    try:
        from takstberegner import tjeneste
        from takstberegner.formats import takster

        grundlag = tjeneste.laes_grundlag(args.grundlag)
        beregning = tjeneste.kraev_gyldigt(tjeneste.beregn(grundlag), grundlag)
        tekst = takster.skriv_tekst(beregning)
    finally:
        if var_aktiv:
            gc.enable()
    if args.output:
        stier.skriv(args.output, tekst.encode("utf-8"))
    else:
        sys.stdout.buffer.write(tekst.encode("utf-8"))
    # A .json file was read whole and closed, the output file is closed: nothing is left for the
    # interpreter's teardown but freeing the records (cli._afslut_straks). A .takst file's
    # database connection is left to the ordinary exit.
    args.afslut_straks = not stier.er_takstfil(args.grundlag)
    return 0


def _sted(i: int | None, f, grundlag, ids: Counter) -> str:
    """Where a finding is, in words: "Bostedet Nord › Pladser" (navne.felt_tekst); a tilbud is
    also named by its position when another tilbud has the same id, and by its number only when
    its name cannot be shown (navne.tilbud_navn)."""
    sted = felt_tekst(f.felt, grundlag) if f.felt else ""
    if i is None:
        return sted or "Driftsherren"
    t = grundlag.tilbud[i] if i < len(grundlag.tilbud) else None
    navn = tilbud_navn(t, i)
    if t is not None and ids[t.id] > 1:
        dublet = f"tilbud nr. {i + 1}" + (f", {navn}" if navn == t.navn else "")
        return dublet + (sted[len(navn):] if sted.startswith(navn) else (f" › {sted}" if sted else ""))
    if not sted.startswith(navn):
        sted = f"{navn} › {sted}" if sted else navn
    return sted


_NIVEAU = {"fejl": "FEJL", "advarsel": "ADVARSEL", "info": "INFO"}


def _kontroller(args: argparse.Namespace) -> int:
    from takstberegner import tjeneste
    from takstberegner.tjeneste import klar

    grundlag = tjeneste.laes_grundlag(args.grundlag)
    beregning, fund = tjeneste.kontroller(grundlag)
    ids = Counter(t.id for t in beregning.tilbud)
    linjer = []
    for i, f in fund:
        ref = f" ({f.reference})" if f.reference else ""
        linjer.append(f"{_NIVEAU.get(f.niveau, f.niveau):9} {_sted(i, f, grundlag, ids)}: {f.tekst}{ref}")
    # What makes a submission meaningless (empty budget, a takst of 0, no CVR or rente) blocks the
    # indmelding as a fejl does, here as in the app's overview (tjeneste.klar).
    aabne = klar.ikke_udfyldt(grundlag, beregning)
    linjer.extend(f"{'FEJL':9} {m.linje(grundlag)}" for m in aabne)
    fejl = sum(1 for f in beregning.alle_fund() if f.er_fejl) + len(aabne)
    advarsler = sum(1 for f in beregning.alle_fund() if f.niveau == "advarsel")
    ud = "\n".join(linjer)
    if ud:
        ud += "\n"
    ud += (f"{synlig(grundlag.driftsherre.navn)}, takstår {grundlag.takstaar}: {len(grundlag.tilbud)} tilbud, "
           f"{dansk.tal(fejl, 0)} fejl, {dansk.tal(advarsler, 0)} {'advarsel' if advarsler == 1 else 'advarsler'}.\n")
    # names and values from the file: never an escape sequence or a turned line on the terminal
    sys.stdout.buffer.write(til_terminal(ud).encode("utf-8", "replace"))
    return 1 if fejl else 0
