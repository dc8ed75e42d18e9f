"""Packaging (issue 6): the self-test passes as IT runs it, and the spec and the installer
definition hold what a Windows installation needs. The frozen build itself runs after pytest in
scripts/test.sh (scripts/byg_frossen.sh), with the self-test on the built binary."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROD = Path(__file__).resolve().parents[2]
WIX = "{http://schemas.microsoft.com/wix/2006/wi}"


def test_selvtest_ukomprimeret_giver_en_linje_og_exit_0(tmp_path):
    """And it leaves the user's settings alone: the window it opens put its temporary file in the
    user's Seneste filer and its 800×800 window in the remembered geometry (here: the settings
    file under a HOME of the test's own)."""
    hjem = tmp_path / "hjem"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TAKSTBEREGNER_DATA=str(tmp_path / "data"),
               HOME=str(hjem), XDG_CONFIG_HOME=str(hjem / ".config"))
    r = subprocess.run([sys.executable, "-m", "takstberegner", "--selvtest"], env=env, capture_output=True,
                       text=True, encoding="utf-8", timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    linjer = [x for x in r.stdout.splitlines() if x.strip()]
    assert len(linjer) == 1 and linjer[0].startswith("Selvtest OK:"), r.stdout
    assert "Traceback" not in r.stderr
    assert not (hjem / ".config" / "Nordjysk Socialaftale").exists()


def test_selvtest_fejler_med_en_linje_naar_en_ressource_mangler(tmp_path):
    # A frozen app without its demo file must say so in its one line, and exit 1.
    kopi = tmp_path / "resources"
    kopi.mkdir()
    (kopi / "regelsaet").symlink_to(ROD / "resources" / "regelsaet")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TAKSTBEREGNER_DATA=str(tmp_path / "d"),
               TAKSTBEREGNER_RESOURCES=str(kopi), HOME=str(tmp_path / "hjem"),
               XDG_CONFIG_HOME=str(tmp_path / "hjem" / ".config"))
    r = subprocess.run([sys.executable, "-m", "takstberegner", "--selvtest"], env=env, capture_output=True,
                       text=True, encoding="utf-8", timeout=120)
    assert r.returncode == 1
    assert r.stdout.startswith("Selvtest FEJL i trin 'beregning'") and "Traceback" not in r.stderr


def test_build_spec_tager_version_fra_pyproject_og_har_ressourcerne():
    spec = (ROD / "build.spec").read_text(encoding="utf-8")
    compile(spec, "build.spec", "exec")
    assert 'name="takstberegner"' in spec and '"takstberegner-kommando"' in spec
    assert "qtbase_da.qm" in spec and '"resources"' in spec
    for d in ("regelsaet", "demo", "kontoplan", "ikoner"):
        assert any((ROD / "resources" / d).iterdir()), d
    version = re.search(r'^version = "([^"]+)"', (ROD / "pyproject.toml").read_text(), re.M).group(1)
    import takstberegner

    assert takstberegner.__version__ == version


def test_msi_definitionen_er_pr_bruger_med_filtyper_og_opgradering():
    rod = ET.parse(ROD / "installer" / "takstberegner.wxs").getroot()
    pakke = rod.find(f"{WIX}Product/{WIX}Package")
    assert pakke.get("InstallScope") == "perUser"
    produkt = rod.find(f"{WIX}Product")
    assert produkt.find(f"{WIX}MajorUpgrade") is not None and produkt.get("UpgradeCode")
    vaerdier = {(r.get("Root"), r.get("Key")): r.get("Value") for r in rod.iter(f"{WIX}RegistryValue")}
    assert all(root == "HKCU" for root, _ in vaerdier)
    for endelse in ("takst", "indmelding"):
        klasse = vaerdier[("HKCU", rf"Software\Classes\.{endelse}")]
        kommando = vaerdier[("HKCU", rf"Software\Classes\{klasse}\shell\open\command")]
        assert kommando == '"[INSTALLDIR]takstberegner.exe" aabn "%1"'
    mapper = {d.get("Id"): d for d in rod.iter(f"{WIX}Directory")}
    assert "LocalAppDataFolder" in mapper and mapper["INSTALLDIR"].get("Name") == "Takstberegner"
    assert any(s.get("Directory") == "ProgramMenuFolder" for s in rod.iter(f"{WIX}Shortcut"))


def test_versionen_er_den_samme_som_i_pyproject():
    import tomllib

    import takstberegner

    with open(Path(__file__).parents[2] / "pyproject.toml", "rb") as f:
        assert takstberegner.__version__ == tomllib.load(f)["project"]["version"]
