"""Every step page in the order the user goes through them: first the driftsherre's own page,
then a tilbud's steps (Styringsaftalen 2025-2026 kap. 5 and 9)."""
from __future__ import annotations

from takstberegner.app.steps.anlaeg import AnlaegTrin
from takstberegner.app.steps.belaegning import BelaegningTrin
from takstberegner.app.steps.bemaerkninger import BemaerkningerTrin
from takstberegner.app.steps.budget import BudgetTrin
from takstberegner.app.steps.driftsherre import DriftsherreTrin
from takstberegner.app.steps.overhead import OverheadTrin
from takstberegner.app.steps.regulering import ReguleringTrin
from takstberegner.app.steps.stamdata import StamdataTrin
from takstberegner.app.steps.takststruktur import TakststrukturTrin
from takstberegner.app.steps.tillaeg import TillaegTrin

TRIN = (DriftsherreTrin, StamdataTrin, BudgetTrin, BelaegningTrin, OverheadTrin, AnlaegTrin, ReguleringTrin,
        TakststrukturTrin, TillaegTrin, BemaerkningerTrin)
DRIFTSHERRE_TRIN = 1  # the first steps are the driftsherre's own pages; the rest are a tilbud's
