"""The one clock of signing and verification: `nu()` is the current time, aware UTC.

Signing (signering, indmelding) and verification (verifikation, tillid) read the time only
here, so a test of a submission for a fixed takstår can hold the clock inside that takstår's
signing window (tests/conftest.py does so once the real date has passed it).
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone


def nu() -> datetime:
    return datetime.now(timezone.utc)


def _sidste_soendag(aar: int, maaned: int) -> datetime:
    """01:00 UTC on the last Sunday of the month (March or October: both have 31 days)."""
    d = datetime(aar, maaned, 31, 1, tzinfo=timezone.utc)
    return d - timedelta(days=(d.weekday() + 1) % 7)


def dansk_tid(t: datetime) -> datetime:
    """An aware time as Danish wall-clock time without zone: UTC+1, and UTC+2 from the last Sunday of
    March to the last Sunday of October at 01:00 UTC (the EU rule Denmark has followed since 1996). Computed here, not
    with the machine's zone, so a secretariat PC set to another zone still shows Danish time, and no
    time-zone database is needed on Windows. A naive time is taken as it is. May raise OverflowError
    at the ends of the calendar."""
    if t.tzinfo is None:
        return t
    u = t.astimezone(timezone.utc)
    sommer = _sidste_soendag(u.year, 3) <= u < _sidste_soendag(u.year, 10)
    return (u + timedelta(hours=2 if sommer else 1)).replace(tzinfo=None)
