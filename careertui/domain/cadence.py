"""Action cadences (`daily`, `weekdays`, `weekly[:N]`, `monthly[:N]`) and their periods."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

_CADENCE = re.compile(r"^(daily|weekdays|weekly|monthly)(?::(\d{1,3}))?$")


class CadenceError(ValueError):
    """A cadence the app does not know; the message names it."""


@dataclass(frozen=True, slots=True)
class Cadence:
    unit: str
    """daily, weekdays, weekly or monthly."""
    times: int = 1
    """Check-ins needed in one period (weekly and monthly only)."""

    @property
    def text(self) -> str:
        if self.unit in ("weekly", "monthly") and self.times != 1:
            return f"{self.unit}:{self.times}"
        return self.unit


def parse_cadence(text: str) -> Cadence:
    raw = (text or "").strip().lower().replace(" ", "")
    match = _CADENCE.match(raw)
    if not match:
        raise CadenceError(
            f"unknown cadence {text!r} "
            "(use daily, weekdays, weekly, weekly:N, monthly or monthly:N)"
        )
    unit, times = match.group(1), match.group(2)
    if times is None:
        return Cadence(unit)
    count = int(times)
    if unit in ("daily", "weekdays"):
        raise CadenceError(f"unknown cadence {text!r}: {unit} takes no count")
    limit = 7 if unit == "weekly" else 31
    if not 1 <= count <= limit:
        raise CadenceError(f"cadence {text!r}: the count must be between 1 and {limit}")
    return Cadence(unit, count)


# -- periods -----------------------------------------------------------------------------------
#
# A period is an integer index, consecutive periods have consecutive indexes, so a history is a
# range of integers and "the previous period" is `index - 1`. Days are day numbers
# (`date.toordinal()`, 1 for 0001-01-01, a Monday), which makes weeks and weekdays plain integer
# arithmetic and lets a year of check-ins be tallied without building a date object for each.

HALF_LIVES = {"daily": 14, "weekdays": 14, "weekly": 4, "monthly": 2}
"""Half-life of an action's strength, in periods (docs/FORMULAS.md)."""


def half_life(cadence: Cadence) -> int:
    return HALF_LIVES[cadence.unit]


def _month(day: int) -> int:
    value = date.fromordinal(day)
    return value.year * 12 + value.month - 1


def periods_of(cadence: Cadence, days: Iterable[int]) -> Iterator[int]:
    """The period each day number counts toward; weekend days of `weekdays` are left out
    (a check-in on them counts for nothing and breaks nothing)."""
    if cadence.unit == "daily":
        return iter(days)
    if cadence.unit == "weekdays":
        return ((d - 1) // 7 * 5 + (d - 1) % 7 for d in days if (d - 1) % 7 < 5)
    if cadence.unit == "weekly":
        return ((d - 1) // 7 for d in days)
    return map(_month, days)


def period_of(cadence: Cadence, day: date) -> int | None:
    """The period a check-in dated `day` counts toward; None for a weekend day of `weekdays`."""
    return next(periods_of(cadence, (day.toordinal(),)), None)


def period_at(cadence: Cadence, day: date) -> int:
    """The period in force on `day`: its own, or on a weekend for `weekdays` the Friday before."""
    index = period_of(cadence, day)
    if index is None:
        return (day.toordinal() - 1) // 7 * 5 + 4
    return index


def period_start(cadence: Cadence, index: int) -> date:
    """The first day of period `index` (the inverse of `period_of`)."""
    if cadence.unit == "daily":
        return date.fromordinal(index)
    if cadence.unit == "weekdays":
        week, weekday = divmod(index, 5)
        return date.fromordinal(week * 7 + weekday + 1)
    if cadence.unit == "weekly":
        return date.fromordinal(index * 7 + 1)
    year, month = divmod(index, 12)
    return date(year, month + 1, 1)


def history_start(cadence: Cadence, created: date, first_checkin: date | None) -> int:
    """The first period of an action's history: the one holding the earlier of its creation
    date and its first check-in."""
    first = created if first_checkin is None else min(created, first_checkin)
    return period_at(cadence, first)
