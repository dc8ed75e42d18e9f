"""A daily backup that cannot be taken does not stop the user's work, but the user is told (before,
it was only written to the log, and a user without backups did not know): opening the file says
why in Danish, and edits are still saved in the file."""
from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path

from takstberegner.domain import aendringer as ae
from takstberegner.formats import takstgrundlag as tg
from takstberegner.storage import TakstFil
from takstberegner.storage.repository import laes_grundlag

EKSEMPEL = Path(__file__).parents[1] / "data" / "eksempler" / "eksempel-1-bostedet-nord.takstgrundlag.json"


def test_ingen_sikkerhedskopi_siges_og_arbejdet_gaar_videre(vindue, beskeder, tmp_path):
    sti = tmp_path / "a.takst"
    TakstFil.opret(sti, tg.laes_fil(EKSEMPEL)).luk()
    data = Path(os.environ["TAKSTBEREGNER_DATA"])
    shutil.rmtree(data / "sikkerhedskopier")  # made when the file was made
    (data / "sikkerhedskopier").write_text("ikke en mappe", encoding="utf-8")  # the backups' folder cannot be made
    assert vindue.aabn_fil(sti)
    advarsler = [b for b in beskeder if b[0] == "warning"]
    assert len(advarsler) == 1, beskeder
    _, titel, tekst = advarsler[0]
    assert titel == "Ingen sikkerhedskopi i dag"
    assert tekst.startswith("Dagens sikkerhedskopi af a.takst kunne ikke tages i ") and "Errno" not in tekst
    assert tekst.endswith("Dine ændringer gemmes stadig i filen.")
    t = vindue.dok.grundlag.tilbud[0]
    ny = replace(t.omkostninger[0], beloeb=t.omkostninger[0].beloeb + 1)
    assert vindue.dok.anvend(ae.OpdaterElement(t.id, "omkostninger", 0, ny))
    assert laes_grundlag(sti).tilbud[0].omkostninger[0] == ny


def test_med_sikkerhedskopi_intet_at_sige(vindue, beskeder, tmp_path):
    sti = tmp_path / "a.takst"
    TakstFil.opret(sti, tg.laes_fil(EKSEMPEL)).luk()
    assert vindue.aabn_fil(sti) and beskeder == []
