"""The one clock of signing and verification: `nu()` is the current time, aware UTC.

Signing (signering, indmelding) and verification (verifikation, tillid) read the time only
here, so a test of a submission for a fixed takstår can hold the clock inside that takstår's
signing window (tests/conftest.py does so once the real date has passed it).
"""
from __future__ import annotations

from datetime import datetime, timezone


def nu() -> datetime:
    return datetime.now(timezone.utc)
