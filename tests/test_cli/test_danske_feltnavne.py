"""A takstgrundlag JSON with a field missing or unknown is refused by `importer` and `beregn` with
the field's Danish name (navne.FELTER), never its JSON key: "Anskaffelsesværdi", not
"anskaffelsesvaerdi"; and the fields allowed in its place are listed by their Danish names. The
tilbud and anlæg are named by the names the file gives them, not by their position."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

KOMMANDO = Path(sys.executable).parent / "takstberegner"
DEMO = Path(__file__).parents[2] / "resources" / "demo" / "demokommune.takstgrundlag.json"


def _med(tmp_path, ret) -> Path:
    d = json.loads(DEMO.read_text(encoding="utf-8"))
    ret(d["tilbud"][0]["anlaeg"][0])
    p = tmp_path / "grundlag.json"
    p.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    return p


@pytest.mark.parametrize("ret,sted,besked,noegler", [
    (lambda a: a.pop("anskaffelsesvaerdi"), "Bostedet Nord › Anlæg › anlæg ‘Hovedbygning’ › Anskaffelsesværdi",
     "feltet ‘Anskaffelsesværdi’ mangler og skal udfyldes", ("anskaffelsesvaerdi",)),
    # an unknown key is no field: the place is the anlæg that holds it (not "› Levetid", a real field)
    (lambda a: a.update(levetid=50), "Bostedet Nord › Anlæg › anlæg ‘Hovedbygning’",
     "ukendt felt 'levetid'. Tilladte felter her: Id, Navn, Type, Anskaffelsesværdi, Ibrugtagning, Levetid, "
     "Restværdi, Finansiering, Andel", ("levetid_aar", "anskaffelsesvaerdi", "andel_pct", "restvaerdi")),
    (lambda a: a.update(navn=""), None, None, ()),  # an empty name is allowed: imported
])
def test_importer_og_beregn_naevner_feltet_paa_dansk(tmp_path, ret, sted, besked, noegler):
    p = _med(tmp_path, ret)
    miljoe = dict(os.environ, TAKSTBEREGNER_DATA=str(tmp_path / "data"))
    imp = subprocess.run([str(KOMMANDO), "importer", str(p), "--til", str(tmp_path / "ny.takst")],
                         capture_output=True, timeout=120, env=miljoe)
    ber = subprocess.run([str(KOMMANDO), "beregn", str(p)], capture_output=True, timeout=120, env=miljoe)
    if besked is None:
        assert imp.returncode == 0 and ber.returncode == 0
        return
    for r in (imp, ber):
        fejl = r.stderr.decode("utf-8")
        assert r.returncode == 2 and fejl == f"takstberegner: {sted}: {besked}\n", fejl
        assert not any(k in fejl for k in noegler)
    assert not (tmp_path / "ny.takst").exists()


@pytest.mark.parametrize("navn", [5, "", "   ", "Bo\x00sted", "x" * 81, ["Bostedet"]])
def test_et_navn_der_ikke_kan_vises_giver_tilbuddets_nummer(navn):
    """A tilbud or anlæg whose name is no text, blank, holds a control character or is too long is
    named by its number (the name itself may be what is wrong)."""
    from takstberegner.formats.fejl import InputError
    from takstberegner.formats.takstgrundlag import laes_dict

    d = json.loads(DEMO.read_text(encoding="utf-8"))
    d["tilbud"][0]["navn"] = navn
    d["tilbud"][0]["anlaeg"][0]["navn"] = navn
    d["tilbud"][0]["anlaeg"][0].pop("anskaffelsesvaerdi")
    with pytest.raises(InputError) as e:
        laes_dict(d)
    assert str(e.value).startswith("Tilbud 1 › "), str(e.value)
