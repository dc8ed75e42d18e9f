"""The exit codes of the secretariat's commands (verificer, takstbilag), so a script can tell 'all
fine' from 'something rejected' from 'someone must look'.

Before, `takstbilag` exited 1 whenever a file was not 'Godkendt': a driftsherre's later submission
that rightly replaces an earlier one, or the same file given twice, gave the same 1 as a forged one,
while an 'Obs' (a tilbud that left the bilag with a replaced submission, two CVRs with the same
tilbud) gave 0. Now, the worst outcome first:

- 1 AFVIST: a file is rejected (changed, forged, unreadable, not an indmelding ...);
- 4 IKKE_BETROET: a file is rejected only because its signer is not trusted yet (register it, then run
  again);
- 3 SE_EFTER: nothing is rejected, but something needs a person's look: an 'Obs' in the bilag, no
  file in it at all, or files for several takstår and the year chosen by the program (no --takstaar);
- 0 OK: every file approved, or only expected events: replaced by a later submission, the same file
  twice, files for another takstår than the --takstaar given (they are simply not in the bilag).

2 (refused input), 70, 130 and 141 are the command line's own (cli.py).
"""
from __future__ import annotations

OK = 0
AFVIST = 1
SE_EFTER = 3
IKKE_BETROET = 4

# The codes in Danish, for --help (RawDescriptionHelpFormatter keeps the lines) and the README.
_SLUT = "  70 uventet programfejl (se fejlloggen), 130 afbrudt, 141 modtageren af uddata lukkede"
HJAELP_VERIFICER = (
    "Afslutningskoder:\n"
    "  0  godkendt\n"
    "  1  afvist (grundene står i udskriften): fx ændret, forfalsket, signeret med et certifikat, der\n"
    "     ikke passer, eller ikke en indmeldingsfil\n"
    "  2  inddata afvist: fx en fil, der ikke findes, eller en tillidsfil, der ikke kan bruges\n"
    "  4  afvist, kun fordi underskriveren ikke er betroet endnu: følg vejledningen, og verificér igen\n"
    f"{_SLUT}"
)
HJAELP_TAKSTBILAG = (
    "Afslutningskoder:\n"
    "  0  alt i orden: alle filer er godkendt, eller der er kun det forventede: en indmelding er\n"
    "     erstattet af en nyere fra samme CVR, den samme fil er givet to gange, eller en fil er for\n"
    "     et andet takstår end det, der er valgt med --takstaar\n"
    "  1  mindst én fil er afvist (grundene står i udskriften og på arket Indmeldinger)\n"
    "  2  inddata eller uddata afvist (fx en tillidsfil, der ikke kan bruges); takstbilaget er ikke skrevet\n"
    "  3  intet er afvist, men en person skal se takstbilaget efter: der er en Obs (se Indmeldinger),\n"
    "     ingen fil er med, eller filerne er for flere takstår, og --takstaar er ikke angivet\n"
    "  4  filer er kun afvist, fordi underskriveren ikke er betroet endnu: registrér underskriveren\n"
    "     (se 'takstberegner verificer FIL'), og lav takstbilaget igen\n"
    f"{_SLUT}"
)


def for_verifikation(r) -> int:
    """verificer: OK, AFVIST, or IKKE_BETROET when all that is missing is the trust in the signer."""
    if r.ok:
        return OK
    return IKKE_BETROET if r.kan_registreres else AFVIST


def for_takstbilag(udvalg, takstaar_valgt: bool) -> int:
    """takstbilag, from the chosen statuses (export.takstbilag_udvalg)."""
    from takstberegner.export import takstbilag_udvalg as u

    afviste = [st for st in udvalg.statusser if st.status == u.AFVIST]
    if any(not st.indmelding.ikke_betroet for st in afviste):
        return AFVIST
    if afviste:
        return IKKE_BETROET
    obs = any(st.nyere_afvist or st.tilbud_udeladt or st.dobbelt for st in udvalg.statusser)
    flere_aar = not takstaar_valgt and any(st.status == u.ANDET_AAR for st in udvalg.statusser)
    tom = udvalg.antal(u.GODKENDT) == 0
    return SE_EFTER if obs or flere_aar or tom else OK
