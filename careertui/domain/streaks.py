"""Streaks and strength (docs/FORMULAS.md): the journaling streak, each key action's streak and
strength, and the streak of weekly reviews.

Pure functions over dates the store has already selected; `today` is always an argument.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from careertui.domain.cadence import (
    Cadence,
    half_life,
    history_start,
    period_at,
    period_of,
    period_start,
    periods_of,
)


@dataclass(frozen=True, slots=True)
class Streak:
    current: int
    longest: int


def journaling_streak(days: Iterable[date], today: date) -> Streak:
    """`current`: the run of consecutive active days ending today, else yesterday, else 0;
    `longest`: the longest run ever. Days after today are ignored; duplicates are harmless."""
    last = today.toordinal()
    ordinals = sorted({day.toordinal() for day in days if day <= today})
    longest = run = 0
    previous = None
    for ordinal in ordinals:
        run = run + 1 if previous == ordinal - 1 else 1
        longest = max(longest, run)
        previous = ordinal
    current = run if previous is not None and previous >= last - 1 else 0
    return Streak(current, longest)


_ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def parse_iso_week(text: str) -> date | None:
    """The Monday of ISO week `YYYY-Www`, or None when the text is not one."""
    match = _ISO_WEEK.match((text or "").strip().upper())
    if not match:
        return None
    try:
        return date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
    except ValueError:
        return None


def weekly_review_streak(weeks: Iterable[str], today: date) -> int:
    """Consecutive ISO weeks with a review record, ending this week or, if this week has none
    yet, last week (the week is not over, so it does not break the streak)."""
    mondays = {monday for monday in map(parse_iso_week, weeks) if monday is not None}
    week = today - timedelta(days=today.weekday())
    if week not in mondays:
        week -= timedelta(days=7)
    count = 0
    while week in mondays:
        count += 1
        week -= timedelta(days=7)
    return count


# -- key actions ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Tallies:
    """An action's check-ins counted per period: `done` those that are not skips, `skips` the
    skips. Check-ins after today and weekend days of `weekdays` are not in them."""

    done: Mapping[int, int]
    skips: Mapping[int, int]

    def met(self, index: int, target: int) -> bool:
        return self.done.get(index, 0) >= target

    def skipped(self, index: int, target: int) -> bool:
        return index in self.skips and self.done.get(index, 0) < target


def _until(days: Collection[int], last: int) -> Collection[int]:
    """The day numbers up to `last` (usually all of them: the store asks for no later ones)."""
    return days if not days or max(days) <= last else [d for d in days if d <= last]


def tally(cadence: Cadence, done: Collection[int], skips: Collection[int], today: date) -> Tallies:
    """Count check-ins per period; `done` and `skips` are day numbers (`date.toordinal()`)."""
    last = today.toordinal()
    return Tallies(
        Counter(periods_of(cadence, _until(done, last))),
        Counter(periods_of(cadence, _until(skips, last))),
    )


def action_streak(cadence: Cadence, tallies: Tallies, start: int, today: date) -> int:
    """Consecutive met periods back from the current one if it is met, else from the previous
    one (a period only breaks the streak once the next has begun); skipped periods are stepped
    over; the first period neither met nor skipped, or the start of the history, ends it."""
    target = cadence.times
    current = period_at(cadence, today)
    index = current if tallies.met(current, target) else current - 1
    count = 0
    while index >= start:
        if tallies.met(index, target):
            count += 1
        elif not tallies.skipped(index, target):
            break
        index -= 1
    return count


def strength_value(cadence: Cadence, tallies: Tallies, start: int, today: date) -> float:
    """`s` in [0, 1]: walk the periods from `start` to the previous one (and the current one if
    met) with `s = s*m + c*(1-m)`, skipped periods leaving `s` unchanged.

    Only periods with check-ins are visited: `k` empty periods in a row are `s *= m**k`, so the
    cost is the number of check-ins, not the length of the history.
    """
    m = 0.5 ** (1 / half_life(cadence))
    target = cadence.times
    current = period_at(cadence, today)
    last = current if tallies.met(current, target) else current - 1
    done = tallies.done
    skipped = {index for index in tallies.skips if done.get(index, 0) < target}
    s = 0.0
    previous = start - 1
    for index in sorted(i for i in done.keys() | skipped if start <= i <= last):
        if index - previous > 1:
            s *= m ** (index - previous - 1)
        if index not in skipped:
            count = done[index]
            s = s * m + (1.0 if count >= target else count / target) * (1 - m)
        previous = index
    return s * m ** (last - previous) if last > previous else s


def half_up(value: float) -> int:
    """Round half up (Python's round() rounds half to even)."""
    return math.floor(value + 0.5)


@dataclass(frozen=True, slots=True)
class ActionProgress:
    streak: int
    strength: int
    """round(100 * s), 0-100."""
    met_this_period: int
    """Check-ins that are not skips in the current period."""
    target: int
    period_start: date
    """The first day of the current period."""
    due_today: bool
    """The current period is neither met nor skipped, and a check-in today would count toward
    it (not on a weekend for `weekdays`)."""


def action_progress(
    cadence: Cadence,
    created: date,
    done: Collection[int],
    skips: Collection[int],
    today: date,
) -> ActionProgress:
    """Everything the dashboard shows for one key action. `done` and `skips` are the day
    numbers (`date.toordinal()`) of its check-ins that are not skips, and of its skips."""
    last = today.toordinal()
    done, skips = _until(done, last), _until(skips, last)
    tallies = tally(cadence, done, skips, today)
    first = min(min(done, default=last + 1), min(skips, default=last + 1))
    start = history_start(cadence, created, date.fromordinal(first) if first <= last else None)
    current = period_at(cadence, today)
    return ActionProgress(
        streak=action_streak(cadence, tallies, start, today),
        strength=half_up(100 * strength_value(cadence, tallies, start, today)),
        met_this_period=tallies.done.get(current, 0),
        target=cadence.times,
        period_start=period_start(cadence, current),
        due_today=(
            not tallies.met(current, cadence.times)
            and not tallies.skipped(current, cadence.times)
            and period_of(cadence, today) is not None
        ),
    )
