"""The app's clock: the only place below the CLI/TUI edge that knows what day it is.

`CAREERTUI_TODAY=YYYY-MM-DD` pins today (demos, tests) and the date of every `created_at`
written while it is set.
"""

from __future__ import annotations

import os
from datetime import date, datetime

TODAY_ENV = "CAREERTUI_TODAY"


class ClockError(ValueError):
    """CAREERTUI_TODAY holds something that is not a date."""


def today() -> date:
    raw = os.environ.get(TODAY_ENV, "").strip()
    if not raw:
        return date.today()
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise ClockError(f"{TODAY_ENV}={raw!r} is not a date (use YYYY-MM-DD)") from None


def now() -> datetime:
    """Local time with its offset, on the pinned day when CAREERTUI_TODAY is set."""
    current = datetime.now().astimezone()
    pinned = today()
    if pinned != current.date():
        current = current.replace(year=pinned.year, month=pinned.month, day=pinned.day)
    return current.replace(microsecond=0)


def timestamp() -> str:
    return now().isoformat()
