"""`takstberegner --selvtest`: what IT runs after installing (also in the frozen app).

Computes the demo driftsherre and checks its takster to the øre, opens and closes the main window
offscreen on a demo .takst file, writes a signed indmeldingsfil in a temporary folder and verifies
it. Prints one line, `Selvtest OK: ...` or `Selvtest FEJL: ...`, and exits 0 or 1.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from decimal import Decimal
from pathlib import Path

from takstberegner.fejl import Fejl

# The demo driftsherre is the three worked examples; these are their published takster.
FORVENTET = {
    ("T1", "T1-N1"): Decimal("1664.74"),
    ("T1", "T1-N2"): Decimal("2655.70"),
    ("X", "X-1"): Decimal("2200.43"),
    ("NY", "NY-1"): Decimal("3206.49"),
}


def registrer(sub: argparse._SubParsersAction) -> None:
    """--selvtest is an option of the main parser (cli.py); no subcommand."""


def _beregning(mappe: Path):
    from takstberegner import tjeneste
    from takstberegner.formats.takstgrundlag import laes_fil
    from takstberegner.paths import resource

    grundlag = laes_fil(resource("demo", "demokommune.takstgrundlag.json"))
    beregning = tjeneste.beregn(grundlag)
    fundet = {(t.id, k.ydelse): k.takst for t in beregning.tilbud for k in t.takster}
    for noegle, takst in FORVENTET.items():
        if fundet.get(noegle) != takst:
            raise AssertionError(f"taksten for {noegle[1]} er {fundet.get(noegle)}, forventet {takst}")
    return grundlag, beregning


def _vindue(mappe: Path, grundlag) -> None:
    if not os.environ.get("DISPLAY") and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from takstberegner.kommandoer.app import lav_app
    from takstberegner.storage.repository import TakstFil

    app = lav_app()
    from takstberegner.app import settings
    from takstberegner.app.main_window import HovedVindue

    sti = mappe / "Selvtest.takst"
    TakstFil.opret(sti, grundlag).luk()
    settings.brug_fil(mappe / "indstillinger.ini")  # never the user's Seneste filer or window size
    try:
        vindue = HovedVindue()
        vindue.show()
        if not vindue.aabn_fil(sti):
            raise AssertionError("hovedvinduet kunne ikke åbne en takstfil")
        app.processEvents()
        vindue.close()
        app.processEvents()
    finally:
        settings.brug_fil(None)


def _indmelding(mappe: Path, grundlag, beregning) -> None:
    from datetime import timedelta

    from takstberegner.export import indmelding, signering, tillid as tillid_mod, ur, verifikation

    # the demo is for a fixed takstår, which may only be signed inside its window (tillid.vindue):
    # sign at the latest moment of that window that is not in the future
    tid = min(ur.nu(), tillid_mod.vindue(grundlag.takstaar)[1] - timedelta(hours=1)).replace(microsecond=0)
    underskriver = signering.lav_noegle(grundlag.driftsherre.navn, grundlag.driftsherre.cvr,
                                        gyldig_fra=tid - timedelta(days=1))
    tillid = mappe / "tillid.pem"
    tillid.write_text(signering.certifikat_pem(underskriver.certifikat), encoding="ascii")
    fil = mappe / "selvtest.indmelding"
    indmelding.lav_indmelding(grundlag, beregning, underskriver, fil, tid=tid)
    r = verifikation.verificer(fil, tillid)
    if not r.ok:
        raise AssertionError("den signerede indmeldingsfil blev ikke godkendt: " + "; ".join(r.grunde))


def koer_selvtest() -> int:
    from takstberegner import __version__

    start = time.perf_counter()
    trin = "beregning"
    try:
        gammel_data = os.environ.get("TAKSTBEREGNER_DATA")
        import tempfile  # lazy: every command registers this one

        with tempfile.TemporaryDirectory(prefix="takstberegner-selvtest-") as tmp:
            mappe = Path(tmp)
            os.environ["TAKSTBEREGNER_DATA"] = str(mappe / "data")  # backups stay in the temp folder
            try:
                grundlag, beregning = _beregning(mappe)
                trin = "hovedvindue"
                _vindue(mappe, grundlag)
                trin = "indmelding"
                _indmelding(mappe, grundlag, beregning)
            finally:
                if gammel_data is None:
                    os.environ.pop("TAKSTBEREGNER_DATA", None)
                else:
                    os.environ["TAKSTBEREGNER_DATA"] = gammel_data
    except Exception as e:  # the one line says which step failed and why
        besked = e.besked if isinstance(e, Fejl) else f"{type(e).__name__}: {e}"
        print(f"Selvtest FEJL i trin '{trin}': {besked} (Takstberegner {__version__})", flush=True)
        return 1
    sek = f"{time.perf_counter() - start:.2f}".replace(".", ",")
    print(f"Selvtest OK: demo-takster regnet til øren, hovedvindue åbnet og lukket, signeret "
          f"indmeldingsfil dannet og verificeret (Takstberegner {__version__}, {sek} s)", flush=True)
    return 0
