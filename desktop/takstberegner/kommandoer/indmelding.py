"""Subcommands for submission (SPEC §6): indmeld, rapport, takstskema, noegle (the driftsherre's
side) and verificer, takstbilag (the secretariat's side)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from takstberegner.domain.usynlige_tegn import til_terminal
from takstberegner.fejl import Fejl
from takstberegner.fejltekst import os_fejl
from takstberegner.kommandoer import fremskridt, stier, udfald
from takstberegner.kommandoer.dansk_hjaelp import takstaar


def registrer(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("indmeld", help="dan den signerede indmeldingsfil (ASiC-E) for en takstberegning")
    p.add_argument("grundlag", help="takstfil (.takst) eller takstgrundlag (.json)")
    p.add_argument("--cert", required=True, metavar="FIL.p12", help="certifikat med privat nøgle (.p12/.pfx)")
    p.add_argument("--kodeord-fil", metavar="FIL", help="fil hvis første linje er certifikatets adgangskode")
    p.add_argument("-o", "--output", required=True, metavar="FIL.indmelding",
                   help="indmeldingsfilen, fx kommune-2026.indmelding")
    p.set_defaults(func=_indmeld)
    stier.roller(p, ind=("grundlag", "cert", "kodeord_fil"), ud=("output",))

    r = sub.add_parser("rapport", help="dan PDF'en 'Takstberegning til revision'")
    r.add_argument("grundlag", help="takstfil (.takst) eller takstgrundlag (.json)")
    r.add_argument("-o", "--output", required=True, metavar="FIL.pdf", help="PDF-fil, fx takstberegning.pdf")
    r.add_argument("--forrige", metavar="SIDSTE_AARS_FIL",
                   help="sidste års takstfil (.takst eller .json for takståret før): vis sidste års budget og "
                        "takstgrundlag ved siden af årets")
    r.set_defaults(func=_rapport)
    stier.roller(r, ind=("grundlag", "forrige"), ud=("output",))

    s = sub.add_parser("takstskema", help="dan takstskemaet som Excel-fil")
    s.add_argument("grundlag", help="takstfil (.takst) eller takstgrundlag (.json)")
    s.add_argument("-o", "--output", required=True, metavar="FIL.xlsx", help="Excel-fil, fx takstskema.xlsx")
    s.set_defaults(func=_takstskema)
    stier.roller(s, ind=("grundlag",), ud=("output",))

    n = sub.add_parser("noegle", help="lav en lokal nøgle og et selvsigneret certifikat for driftsherren")
    n.add_argument("grundlag", nargs="?", help="tag navn og CVR fra denne takstfil/takstgrundlag")
    n.add_argument("--navn", metavar="NAVN", help="driftsherrens navn")
    n.add_argument("--cvr", metavar="CVR", help="driftsherrens CVR-nummer (8 cifre)")
    n.add_argument("--kodeord-fil", metavar="FIL", help="fil hvis første linje er den nye adgangskode")
    n.add_argument("--cert-ud", metavar="FIL.pem", help="skriv også certifikatet (PEM) hertil, til sekretariatet")
    n.add_argument("-o", "--output", required=True, metavar="FIL.p12", help="ny .p12-fil")
    n.set_defaults(func=_noegle)
    stier.roller(n, ind=("grundlag", "kodeord_fil"), ud=("output", "cert_ud"))

    v = sub.add_parser("verificer", help="kontrollér en indmeldingsfil: signatur, certifikat, indhold, genberegning",
                       epilog=udfald.HJAELP_VERIFICER, formatter_class=argparse.RawDescriptionHelpFormatter)
    v.add_argument("fil", help="indmeldingsfil")
    v.add_argument("--tillid", metavar="FIL.pem",
                   help="tillidsfil: betroede rodcertifikater og/eller registrerede fingeraftryk, "
                        "eller ét certifikat (.cer)")
    v.set_defaults(func=_verificer)
    stier.roller(v, ind=("fil", "tillid"))

    b = sub.add_parser("takstbilag", help="verificér indmeldinger og saml dem i ét takstbilag (Excel)",
                       epilog=udfald.HJAELP_TAKSTBILAG, formatter_class=argparse.RawDescriptionHelpFormatter)
    b.add_argument("filer", nargs="+", help="indmeldingsfiler, eller en mappe: så tages mappens indmeldingsfiler "
                                            "(.indmelding) med")
    b.add_argument("--tillid", metavar="FIL.pem",
                   help="tillidsfil: betroede rodcertifikater og/eller registrerede fingeraftryk, "
                        "eller ét certifikat (.cer)")
    b.add_argument("--takstaar", type=takstaar, metavar="ÅR",
                   help="takstbilagets takstår (standard: det, flest indmeldinger er for)")
    b.add_argument("-o", "--output", required=True, metavar="FIL.xlsx", help="Excel-fil, fx takstbilag.xlsx")
    b.set_defaults(func=_takstbilag)
    stier.roller(b, ind=("filer", "tillid"), ud=("output",))


def _ud(tekst: str) -> None:
    """A line for the user; what a submitted file holds in it is shown, never obeyed by the terminal."""
    sys.stdout.buffer.write((til_terminal(tekst) + "\n").encode("utf-8", "replace"))
    sys.stdout.flush()


def _fejl(tekst: str) -> None:
    sys.stderr.buffer.write(("takstberegner: " + til_terminal(tekst) + "\n").encode("utf-8", "replace"))
    sys.stderr.flush()


def _kodeord(fil: str | None, bekraeft: bool = False) -> str:
    if fil:
        return stier.laes_kodeord(fil)
    if sys.stdin.isatty():
        import getpass

        kode = getpass.getpass("Adgangskode: ")
        if bekraeft and getpass.getpass("Gentag adgangskode: ") != kode:
            raise _Fejl("de to adgangskoder er ikke ens")
        return kode
    return ""


class _Fejl(Fejl):
    pass


def _beregn(sti: str, f: fremskridt.Fremskridt | None = None):
    from takstberegner import tjeneste

    if f is not None:
        f.fase("Læser takstfilen" if stier.er_takstfil(sti) else "Læser takstgrundlaget")
    grundlag = tjeneste.laes_grundlag(sti)
    if f is not None:
        f.fase("Beregner taksterne")
    return grundlag, tjeneste.beregn(grundlag)


def _rapport_for(sti: str, forrige: str | None = None, f: fremskridt.Fremskridt | None = None):
    from takstberegner.tjeneste import dokumenter

    grundlag, beregning = _beregn(sti, f)
    if f is not None:
        f.fase("Samler rapporten" + (" med sidste år" if forrige else ""))
    return dokumenter.rapport(grundlag, beregning, forrige=forrige)


def _skriv(sti: str, data: bytes) -> None:
    stier.skriv(sti, data)


def _indmeld(args: argparse.Namespace) -> int:
    from takstberegner import dansk
    from takstberegner.export import indmelding, signering
    from takstberegner.tjeneste import dokumenter

    grundlag, beregning = _beregn(args.grundlag)
    try:
        dokumenter.kontroller_indmelding(grundlag, beregning)
    except indmelding.IndmeldingAfvist as e:
        _fejl(e.besked)
        return 1
    kode = _kodeord(args.kodeord_fil)
    try:
        underskriver = signering.laes_p12(args.cert, kode)
    except signering.KanIkkeAabnes:
        if kode:
            raise
        # run without a terminal to ask at and without --kodeord-fil: no password was given at all
        raise _Fejl(f"Certifikatfilen {Path(args.cert).name} kan ikke åbnes uden adgangskode. Angiv --kodeord-fil med "
                    "en fil, hvis første linje er adgangskoden (der er ingen terminal at spørge i).") from None
    try:
        with fremskridt.vis() as f:
            f.fase("Danner og signerer indmeldingsfilen")
            info = dokumenter.indmeld(grundlag, underskriver, args.output, beregning)
    except OSError as e:
        raise _Fejl(f"{args.output} kan ikke skrives: {os_fejl(e)}.") from None
    _ud(f"Indmeldingsfil: {info.sti} ({dansk.tal(info.stoerrelse, 0)} byte)")
    _ud(f"Underskriver:   {info.underskriver} (CVR {info.cvr})")
    _ud(f"Signeret:       {dansk.tidspunkt(info.signeringstid, sekunder=True, zone=True)}")
    _ud(f"Certifikat:     SHA-256 {info.certifikat_fingeraftryk}")
    _ud(f"Fingeraftryk:   {indmelding.vis_fingeraftryk(info.fingeraftryk)}")
    _ud(f"Filens SHA-256: {info.sha256}")
    return 0


def _rapport(args: argparse.Namespace) -> int:
    from takstberegner.export import revision_pdf

    with fremskridt.vis() as f:
        rapport = _rapport_for(args.grundlag, args.forrige, f)
        f.fase("Danner PDF'en")
        data = revision_pdf.lav_pdf(rapport)
        f.fase(f"Skriver {Path(args.output).name}")
        _skriv(args.output, data)
    _ud(f"Takstberegning til revision skrevet til {args.output}")
    return 0


def _takstskema(args: argparse.Namespace) -> int:
    from takstberegner.export import takstskema_xlsx

    with fremskridt.vis() as f:
        rapport = _rapport_for(args.grundlag, None, f)
        f.fase("Danner takstskemaet")
        data = takstskema_xlsx.lav_xlsx(rapport)
        f.fase(f"Skriver {Path(args.output).name}")
        _skriv(args.output, data)
    _ud(f"Takstskema skrevet til {args.output}")
    return 0


def _noegle(args: argparse.Namespace) -> int:
    from takstberegner import dansk
    from takstberegner.export import signering

    navn, cvr = args.navn, args.cvr
    if args.grundlag:
        from takstberegner import tjeneste

        g = tjeneste.laes_grundlag(args.grundlag)
        navn, cvr = navn or g.driftsherre.navn, cvr or g.driftsherre.cvr
    if not navn or not cvr:
        raise _Fejl("angiv driftsherrens navn og CVR (--navn og --cvr) eller en takstfil")
    if Path(args.output).exists():
        raise _Fejl(f"{args.output} findes allerede; vælg et andet filnavn")
    kode = _kodeord(args.kodeord_fil, bekraeft=True)
    if not kode:
        raise _Fejl("nøglefilen skal have en adgangskode: skriv den, når der spørges, eller angiv --kodeord-fil "
                    "med en fil, hvis første linje er adgangskoden")
    signering.tjek_nyt_kodeord(kode)
    u = signering.lav_noegle(navn, cvr)
    try:
        signering.gem_p12(u, args.output, kode)
    except OSError as e:
        raise _Fejl(f"{args.output} kan ikke skrives: {os_fejl(e)}. Nøglen er ikke gemt.") from None
    if args.cert_ud:
        try:
            stier.skriv(args.cert_ud, signering.certifikat_pem(u.certifikat).encode("ascii"))
        except stier.StiFejl as e:  # no half result: a rerun must not meet 'findes allerede'
            Path(args.output).unlink(missing_ok=True)
            raise _Fejl(f"{e.besked} Nøglen er ikke gemt.") from None
    _ud(f"Nøgle og selvsigneret certifikat skrevet til {args.output}")
    _ud(f"Certifikat:   {u.navn}, CVR {u.cvr}, gyldigt til {dansk.tidspunkt(u.certifikat.not_valid_after_utc)}")
    _ud(f"Fingeraftryk: SHA-256 {u.fingeraftryk}")
    _ud("Send fingeraftrykket til sekretariatet ad en anden vej (fx telefon eller brev), så det kan registreres.")
    return 0


def _verificer(args: argparse.Namespace) -> int:
    from takstberegner.export import verifikation

    if Path(args.fil).is_dir():
        raise _Fejl(f"{args.fil} er en mappe, ikke en indmeldingsfil. Angiv filen i mappen, fx {Path(args.fil) / 'navn.indmelding'}.")
    if not Path(args.fil).is_file():
        if Path(args.fil).exists():  # a device or a pipe: it exists, and reading it could never end
            raise _Fejl(f"{args.fil} er ikke en almindelig fil, men fx en enhed eller en kanal, og ikke en "
                        "indmeldingsfil")
        raise _Fejl(f"filen {args.fil} findes ikke")
    if args.tillid:  # the secretariat's own file: unreadable is refused input (exit 2), not AFVIST
        from takstberegner.export import tillid as tillid_mod

        tillid_mod.laes_tillid(args.tillid)
    r = verifikation.verificer(args.fil, args.tillid)
    _ud(r.tekst())
    if r.kan_registreres:
        _ud("\n" + _saadan_betros(r, args.tillid))
    return udfald.for_verifikation(r)


def _saadan_betros(r, tillid: str | None) -> str:
    """What to do about a signer the secretariat does not trust yet, as the app's verification dialog
    says it (there with a button): the fingerprint read aloud by the driftsherre, compared, and
    written in the tillidsfil. Before, `verificer` only said 'er ikke registreret hos sekretariatet'."""
    from takstberegner.export import tillid as tillid_mod

    fil = tillid or str(tillid_mod.standard_tillidsfil())
    return (
        "Underskriveren er ikke betroet af sekretariatet endnu. Sådan gør du:\n"
        f"  1. Kontakt {r.driftsherre or 'driftsherren'} ad en anden vej end filen (fx telefon), og få certifikatets "
        "fingeraftryk læst op. Driftsherren så det, da nøglen blev lavet.\n"
        f"  2. Sammenlign det med underskriverens fingeraftryk: {r.certifikat_fingeraftryk}\n"
        f"  3. Er de ens, så skriv fingeraftrykket på en linje for sig i tillidsfilen {fil} (eller brug Sekretariat → "
        "Registrér fingeraftryk … i programmet), og verificér filen igen.\n"
        "  Er certifikatet et medarbejdercertifikat fra MitID Erhverv, så tilføj i stedet OCES3-rodcertifikatet "
        "til tillidsfilen."
    )


ENDELSE = ".indmelding"


def _indmeldingsfiler(filer: list[str]) -> list[str]:
    """The files to verify, in the order given: a folder stands for the indmeldingsfiler directly in
    it (ending .indmelding, in name order). The folder's other files (a note, last year's bilag, a
    takstgrundlag) are not submissions: they are named as left out, not listed as AFVIST, and a
    folder without an indmeldingsfil is refused (before: the folder itself was one AFVIST file,
    'Filen findes ikke, eller det er en mappe', and a bilag of 0 godkendte was written)."""
    from takstberegner.export.verifikation import synlig

    ud: list[str] = []
    for fil in filer:
        mappe = Path(fil)
        if not mappe.is_dir():
            ud.append(fil)
            continue
        try:
            indhold = sorted((p for p in mappe.iterdir() if not p.name.startswith((".", "~$"))),
                             key=lambda p: (p.name.casefold(), p.name))
        except OSError as e:
            raise _Fejl(f"mappen {fil} kan ikke læses: {os_fejl(e)}") from None
        med = [p for p in indhold if p.suffix.lower() == ENDELSE and p.is_file()]
        uden = [p.name + ("/" if p.is_dir() else "") for p in indhold if p not in med]
        if not med:
            raise _Fejl(f"mappen {fil} indeholder ingen indmeldingsfiler (filer, der ender på {ENDELSE})")
        ud += [str(p) for p in med]
        if uden:
            vist = ", ".join(uden[:5]) + (" …" if len(uden) > 5 else "")
            _ud(synlig(f"{fil}: {len(med)} indmeldingsfil{'er' if len(med) != 1 else ''} tages med; "
                       + (f"{len(uden)} andre, der ikke er indmeldingsfiler, er" if len(uden) != 1
                          else "1 anden, der ikke er en indmeldingsfil, er") + f" ikke taget med: {vist}"))
    return ud


def _takstbilag(args: argparse.Namespace) -> int:
    """Verify every file, go on past a bad one, and always write the bilag of what passed."""
    from takstberegner import dansk
    from takstberegner.export import takstbilag, takstbilag_udvalg
    from takstberegner.export import tillid as tillid_mod
    from takstberegner.export.verifikation import synlig

    t = tillid_mod.laes_tillid(args.tillid) if args.tillid else None
    filer = _indmeldingsfiler(args.filer)
    with fremskridt.vis() as f:
        udvalg = takstbilag_udvalg.saml(
            filer, t, args.takstaar,
            fremskridt=lambda i, n: f.fase(f"Verificerer indmeldingsfil {dansk.tal(i + 1, 0)} af {dansk.tal(n, 0)}"))
        f.fase("Danner takstbilaget")
        data = takstbilag.lav_takstbilag(udvalg)
    for st in udvalg.statusser:
        ind = st.indmelding
        obs = [n for n in st.noter if n.startswith("Obs:")]
        grunde = (": " + " ".join((*st.grunde, *obs))) if st.grunde or obs else ""
        _ud(synlig(f"{ind.fil}: {ind.driftsherre or 'ukendt driftsherre'} - {st.status_navn.lower()}{grunde}"))
    _skriv(args.output, data)
    aar = f" for {udvalg.takstaar}" if udvalg.takstaar else ""
    _ud(f"Takstbilag{aar} skrevet til {args.output}: {_optaelling(udvalg)}.")
    ukendte = [st.indmelding.fil for st in udvalg.statusser
               if st.status == takstbilag_udvalg.AFVIST and st.indmelding.ikke_betroet]
    if ukendte:
        # the first bilag of a season meets every new key before it is registered
        def q(sti: str) -> str:
            return f'"{sti}"' if " " in sti else sti

        kommando = f"takstberegner verificer {q(synlig(ukendte[0])) if len(ukendte) == 1 else 'FIL'}" + (
            f" --tillid {q(args.tillid)}" if args.tillid else "")
        _ud(f"{len(ukendte)} indmelding{'er' if len(ukendte) != 1 else ''} er kun afvist, fordi underskriveren ikke "
            f"er betroet endnu; '{kommando}' viser, hvordan underskriveren betros. Lav derefter takstbilaget igen.")
    andre = [st.indmelding.takstaar for st in udvalg.statusser if st.status == takstbilag_udvalg.ANDET_AAR]
    if andre:
        # which year the bilag is for was chosen without a word when the files were for several
        aarene = sorted(set(andre))
        vist = " og ".join(str(a) for a in aarene)
        med = sum(1 for st in udvalg.statusser if st.status in (takstbilag_udvalg.GODKENDT, takstbilag_udvalg.ERSTATTET))
        lige = max(andre.count(a) for a in aarene) == med  # a tie goes to the latest year
        hvorfor = ("som valgt" if args.takstaar else "det seneste af de år, flest af indmeldingerne er for" if lige
                   else "det år, flest af indmeldingerne er for")
        _ud(f"{len(andre)} indmelding{'er' if len(andre) != 1 else ''} er for takståret {vist} og er ikke med: "
            f"takstbilaget er for {udvalg.takstaar}, {hvorfor}. Lav takstbilaget for {aarene[-1]} med "
            f"--takstaar {aarene[-1]}.")
    return udfald.for_takstbilag(udvalg, args.takstaar is not None)


def _optaelling(udvalg) -> str:
    """'1 godkendt, 2 afviste, 0 erstattede og 1 dublet': each count with its word in the number
    Danish gives it (was '1 godkendte … 1 dubletter'), and the files for another takstår when there
    are any (they were left out of the count)."""
    from takstberegner import dansk
    from takstberegner.export import takstbilag_udvalg as u

    dele = [(u.GODKENDT, "godkendt", "godkendte"), (u.AFVIST, "afvist", "afviste"),
            (u.ERSTATTET, "erstattet", "erstattede"), (u.ANDET_AAR, "for et andet takstår", "for et andet takstår"),
            (u.DUBLET, "dublet", "dubletter")]
    tekster = []
    for status, ental, flertal in dele:
        n = udvalg.antal(status)
        if n or status != u.ANDET_AAR:
            tekster.append(f"{dansk.tal(n, 0)} {ental if n == 1 else flertal}")
    return dansk.opremsning(tekster)
