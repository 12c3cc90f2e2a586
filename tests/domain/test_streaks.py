"""Journaling streak, action streak and strength, weekly-review streak (docs/FORMULAS.md)."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careertui.domain.cadence import Cadence, parse_cadence
from careertui.domain.streaks import (
    ActionProgress,
    Streak,
    action_progress,
    journaling_streak,
    parse_iso_week,
    weekly_review_streak,
)

D = date.fromisoformat


def _days(texts: list[str] | str) -> list[date]:
    return [D(t) for t in (texts.split() if isinstance(texts, str) else texts)]


# -- journaling streak ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "today", "current", "longest"),
    [
        ("", "2026-03-13", 0, 0),
        ("2026-03-13", "2026-03-13", 1, 1),
        ("2026-03-12", "2026-03-13", 1, 1),  # yesterday still counts: today is not over
        ("2026-03-11", "2026-03-13", 0, 1),
        ("2026-03-11 2026-03-12 2026-03-13", "2026-03-13", 3, 3),
        ("2026-03-10 2026-03-11 2026-03-12", "2026-03-13", 3, 3),
        ("2026-03-01 2026-03-02 2026-03-03 2026-03-04 2026-03-12 2026-03-13", "2026-03-13", 2, 4),
        ("2025-12-30 2025-12-31 2026-01-01", "2026-01-01", 3, 3),  # across a year boundary
        ("2024-02-28 2024-02-29 2024-03-01", "2024-03-01", 3, 3),  # a leap day
        ("2026-03-13 2026-03-14 2026-03-15", "2026-03-13", 1, 1),  # days after today ignored
        ("2026-03-13 2026-03-13 2026-03-12", "2026-03-13", 2, 2),  # duplicates are harmless
    ],
)
def test_journaling_streak(days: str, today: str, current: int, longest: int) -> None:
    assert journaling_streak(_days(days), D(today)) == Streak(current, longest)


day_sets = st.sets(st.integers(min_value=0, max_value=60), max_size=40)
TODAY = date(2026, 3, 13)


def _from_offsets(offsets: set[int]) -> list[date]:
    return [TODAY - timedelta(days=n - 5) for n in offsets]  # a few days after today, too


@given(day_sets)
def test_current_streak_never_exceeds_longest(offsets: set[int]) -> None:
    streak = journaling_streak(_from_offsets(offsets), TODAY)
    assert 0 <= streak.current <= streak.longest


@given(day_sets, st.integers(min_value=0, max_value=60))
def test_adding_an_active_day_never_lowers_a_journaling_streak(
    offsets: set[int], extra: int
) -> None:
    before = journaling_streak(_from_offsets(offsets), TODAY)
    after = journaling_streak(_from_offsets(offsets | {extra}), TODAY)
    assert after.current >= before.current
    assert after.longest >= before.longest


# -- weekly reviews -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "monday"),
    [
        ("2026-W01", "2025-12-29"),
        ("2020-w53", "2020-12-28"),
        (" 2026-W11 ", "2026-03-09"),
        ("2026-W53", "2026-12-28"),  # 2026 starts on a Thursday: 53 ISO weeks
        ("2025-W53", None),  # 2025 has 52
        ("2026-W00", None),
        ("2026-11", None),
        ("", None),
    ],
)
def test_parse_iso_week(text: str, monday: str | None) -> None:
    assert parse_iso_week(text) == (D(monday) if monday else None)


@pytest.mark.parametrize(
    ("weeks", "today", "count"),
    [
        ([], "2026-03-13", 0),
        (["2026-W11"], "2026-03-13", 1),  # this week
        (["2026-W10"], "2026-03-13", 1),  # last week: this one is not over yet
        (["2026-W09"], "2026-03-13", 0),
        (["2026-W09", "2026-W10", "2026-W11"], "2026-03-15", 3),  # Sunday of W11
        (["2026-W08", "2026-W10", "2026-W11"], "2026-03-09", 2),
        (["2025-W52", "2026-W01", "2026-W02"], "2026-01-08", 3),  # across a year boundary
        (["2020-W52", "2020-W53", "2021-W01"], "2021-01-05", 3),  # a 53-week year
        (["2026-W12", "2026-W11"], "2026-03-13", 1),  # a future week is not counted
        (["not a week", "2026-W11"], "2026-03-13", 1),
    ],
)
def test_weekly_review_streak(weeks: list[str], today: str, count: int) -> None:
    assert weekly_review_streak(weeks, D(today)) == count


# -- key actions -----------------------------------------------------------------------------------


def progress(
    cadence: str, today: str, checkins: str = "", created: str = "2026-01-01"
) -> ActionProgress:
    """Check-ins as `YYYY-MM-DD` words; a `~` in front marks a skip."""
    words = checkins.split()
    done = [D(w).toordinal() for w in words if not w.startswith("~")]
    skips = [D(w[1:]).toordinal() for w in words if w.startswith("~")]
    return action_progress(parse_cadence(cadence), D(created), done, skips, D(today))


# 2026-03-09 is a Monday; 2026-03-13 a Friday.
@pytest.mark.parametrize(
    ("cadence", "today", "checkins", "streak", "met", "due"),
    [
        # daily: the current period only breaks a streak once tomorrow has begun
        ("daily", "2026-03-13", "2026-03-10 2026-03-11 2026-03-12", 3, 0, True),
        ("daily", "2026-03-13", "2026-03-10 2026-03-11 2026-03-12 2026-03-13", 4, 1, False),
        ("daily", "2026-03-13", "2026-03-09 2026-03-11 2026-03-12", 2, 0, True),
        ("daily", "2026-03-13", "2026-03-10 2026-03-11 2026-03-13", 1, 1, False),
        ("daily", "2026-03-13", "2026-03-10 2026-03-11", 0, 0, True),
        ("daily", "2026-03-13", "", 0, 0, True),
        ("daily", "2026-03-01", "2026-02-27 2026-02-28", 2, 0, True),  # month end
        # skips are stepped over: in the middle, at the start and at the end of a run
        ("daily", "2026-03-13", "2026-03-09 ~2026-03-10 2026-03-11 2026-03-12", 3, 0, True),
        ("daily", "2026-03-12", "~2026-03-09 2026-03-10 2026-03-11", 2, 0, True),
        ("daily", "2026-03-12", "2026-03-08 ~2026-03-09 2026-03-10 2026-03-11", 3, 0, True),
        ("daily", "2026-03-13", "2026-03-10 2026-03-11 ~2026-03-12", 2, 0, True),
        ("daily", "2026-03-13", "2026-03-10 2026-03-11 ~2026-03-12 ~2026-03-13", 2, 0, False),
        ("daily", "2026-03-13", "~2026-03-11 ~2026-03-12", 0, 0, True),
        # weekdays: weekend check-ins count for nothing and break nothing
        ("weekdays", "2026-03-16", "2026-03-12 2026-03-13 2026-03-16", 3, 1, False),
        ("weekdays", "2026-03-17", "2026-03-13 2026-03-16", 2, 0, True),
        ("weekdays", "2026-03-16", "2026-03-14 2026-03-15", 0, 0, True),
        ("weekdays", "2026-03-16", "2026-03-13 2026-03-14", 1, 0, True),
        # on a weekend the current period is the Friday before, and nothing is due today
        ("weekdays", "2026-03-14", "2026-03-12 2026-03-13", 2, 1, False),
        ("weekdays", "2026-03-15", "2026-03-12", 1, 0, False),
        ("weekdays", "2026-03-15", "2026-03-11", 0, 0, False),
        # weekly:N in ISO weeks, across the 2025/2026 boundary (2026-W01 starts 2025-12-29)
        (
            "weekly:2",
            "2026-01-07",
            "2025-12-22 2025-12-24 2025-12-29 2026-01-02 2026-01-05",
            2,
            1,
            True,
        ),
        (
            "weekly:2",
            "2026-01-07",
            "2025-12-24 2025-12-29 2026-01-02 2026-01-05 2026-01-06",
            2,
            2,
            False,
        ),
        ("weekly:2", "2026-01-07", "2025-12-29 2026-01-04", 1, 0, True),
        ("weekly", "2026-01-07", "2025-12-31", 1, 0, True),
        ("weekly", "2026-01-14", "2025-12-31", 0, 0, True),
        ("weekly:2", "2026-01-14", "2025-12-31 ~2026-01-08", 0, 0, True),  # W01 half done
        ("weekly:2", "2026-01-14", "2025-12-29 2025-12-30 2026-01-05 ~2026-01-08", 1, 0, True),
        # monthly:N in calendar months, month ends
        ("monthly", "2026-03-31", "2026-01-31 2026-02-28", 2, 0, True),
        ("monthly", "2026-03-01", "2026-01-31 2026-02-01", 2, 0, True),
        ("monthly:2", "2026-03-31", "2026-01-15 2026-02-01 2026-02-28", 1, 0, True),
        (
            "monthly:2",
            "2026-03-31",
            "2025-12-01 2025-12-31 ~2026-01-10 2026-02-01 2026-02-28",
            2,
            0,
            True,
        ),
        # check-ins after today are ignored
        ("daily", "2026-03-13", "2026-03-12 2026-03-14", 1, 0, True),
    ],
)
def test_action_streak(
    cadence: str, today: str, checkins: str, streak: int, met: int, due: bool
) -> None:
    result = progress(cadence, today, checkins)
    assert (result.streak, result.met_this_period, result.due_today) == (streak, met, due)


def test_history_start_bounds_the_walk() -> None:
    # Created before its first check-in: the periods before creation do not exist.
    result = progress("daily", "2026-03-12", "2026-03-10 2026-03-11", created="2026-03-10")
    assert result.streak == 2
    # A check-in dated before creation (imported history) starts the history earlier.
    result = progress(
        "daily", "2026-03-12", "2026-03-09 2026-03-10 2026-03-11", created="2026-03-11"
    )
    assert result.streak == 3
    # Created in the future of `today` (a pinned clock): nothing yet, nothing breaks.
    assert progress("daily", "2026-03-12", "", created="2026-04-01") == ActionProgress(
        streak=0,
        strength=0,
        met_this_period=0,
        target=1,
        period_start=D("2026-03-12"),
        due_today=True,
    )


M14, M4, M2 = (0.5 ** (1 / h) for h in (14, 4, 2))


def _run(last: str, count: int, mark: str = "") -> str:
    end = D(last)
    return " ".join(mark + (end - timedelta(days=n)).isoformat() for n in range(count))


def _pct(s: float) -> int:
    return math.floor(100 * s + 0.5)


# The history starts on 2026-01-01 (the creation date) in every case; empty periods before the
# first check-in leave s at 0.
@pytest.mark.parametrize(
    ("cadence", "today", "checkins", "s"),
    [
        ("daily", "2026-03-13", "", 0),
        ("daily", "2026-03-13", "2026-03-12", 1 - M14),  # 4.83 → 5
        ("daily", "2026-03-13", _run("2026-03-12", 14), 1 - M14**14),  # 0.5
        ("daily", "2026-03-13", _run("2026-03-13", 14), 1 - M14**14),  # current period, met
        ("daily", "2026-03-13", _run("2026-03-12", 13), 1 - M14**13),  # 47.46 → 47
        ("daily", "2026-03-13", _run("2026-02-26", 14), 0.5 * M14**14),  # then 14 misses: 0.25
        # ... or 14 skips, which leave it unchanged
        ("daily", "2026-03-13", _run("2026-02-26", 14) + " " + _run("2026-03-12", 14, "~"), 0.5),
        ("daily", "2026-03-13", _run("2026-03-12", 28), 1 - M14**28),  # 0.75
        # weekly:2, one check-in a week for four weeks: c = 1/2 each
        (
            "weekly:2",
            "2026-03-11",
            "2026-02-09 2026-02-16 2026-02-23 2026-03-02",
            0.5 * (1 - M4**4),
        ),
        # three check-ins in one week: c is capped at 1; then three empty weeks
        ("weekly:2", "2026-03-11", "2026-02-09 2026-02-10 2026-02-11", (1 - M4) * M4**3),
        ("weekly", "2026-03-11", "2026-02-09 2026-02-16 2026-02-23 2026-03-02", 1 - M4**4),
        ("monthly", "2026-03-15", "2026-01-05 2026-02-05", 1 - M2**2),
        ("monthly", "2026-03-15", "2026-01-05 2026-02-05 2026-03-05", 1 - M2**3),
        # weekdays: a run of seven days holds five weekday periods
        ("weekdays", "2026-03-16", _run("2026-03-13", 7), 1 - M14**5),
    ],
)
def test_strength(cadence: str, today: str, checkins: str, s: float) -> None:
    assert progress(cadence, today, checkins).strength == _pct(s)


@pytest.mark.parametrize(
    ("s", "shown"),
    [
        (1 - M14, 5),
        (1 - M14**13, 47),
        (0.5 * (1 - M4**4), 25),
        ((1 - M4) * M4**3, 9),
        (1 - M2**3, 65),
        (1 - M14**5, 22),
    ],
)
def test_strength_table_in_plain_numbers(s: float, shown: int) -> None:
    assert _pct(s) == shown


# -- properties against a walk written straight from the spec -----------------------------------


def _key(cadence: Cadence, day: date) -> object:
    """An independent period key: dates, ISO (year, week), (year, month)."""
    if cadence.unit == "daily":
        return day
    if cadence.unit == "weekdays":
        return day if day.weekday() < 5 else None
    if cadence.unit == "weekly":
        return day.isocalendar()[:2]
    return (day.year, day.month)


def _reference(
    cadence: Cadence, created: date, done: set[date], skips: set[date], today: date
) -> tuple[int, float]:
    """(streak, s) by walking every day from the start of the history, as docs/FORMULAS.md reads."""
    done = {d for d in done if d <= today}
    skips = {d for d in skips if d <= today}
    first = min([created, *done, *skips])
    while _key(cadence, first) is None:  # a weekend start belongs to the Friday before
        first -= timedelta(days=1)
    periods: list[object] = []
    if first > today:
        return 0, 0.0
    day = first
    while day <= today:
        key = _key(cadence, day)
        if key is not None and (not periods or periods[-1] != key):
            periods.append(key)
        day += timedelta(days=1)
    n = cadence.times
    count = {p: sum(1 for d in done if _key(cadence, d) == p) for p in periods}
    skipped = {p for p in periods if count[p] < n and any(_key(cadence, d) == p for d in skips)}
    met = {p for p in periods if count[p] >= n}

    walk = periods if periods[-1] in met else periods[:-1]
    m = 0.5 ** (1 / {"daily": 14, "weekdays": 14, "weekly": 4, "monthly": 2}[cadence.unit])
    s = 0.0
    for p in walk:
        if p not in skipped:
            s = s * m + min(count[p] / n, 1) * (1 - m)

    streak = 0
    for p in reversed(walk):
        if p in met:
            streak += 1
        elif p not in skipped:
            break
    return streak, s


cadences = st.sampled_from(["daily", "weekdays", "weekly", "weekly:2", "monthly", "monthly:3"])
offsets = st.sets(st.integers(min_value=-3, max_value=150), max_size=60)
BASE = date(2026, 1, 1)


def _split(days: set[int], skip_mask: int) -> tuple[set[date], set[date]]:
    """One check-in per day: some of them skips."""
    done, skips = set(), set()
    for i, offset in enumerate(sorted(days)):
        (skips if skip_mask >> (i % 60) & 1 else done).add(BASE + timedelta(days=offset))
    return done, skips


def _progress(cadence: Cadence, done: set[date], skips: set[date], today: date) -> ActionProgress:
    return action_progress(
        cadence,
        BASE + timedelta(days=20),
        [d.toordinal() for d in done],
        [d.toordinal() for d in skips],
        today,
    )


@settings(deadline=None)  # the reference walk is slow on purpose
@given(
    cadences,
    offsets,
    st.integers(min_value=0, max_value=2**60),
    st.integers(min_value=0, max_value=160),
)
def test_streak_and_strength_match_a_walk_over_every_period(
    text: str, days: set[int], skip_mask: int, today_offset: int
) -> None:
    cadence = parse_cadence(text)
    today = BASE + timedelta(days=today_offset)
    done, skips = _split(days, skip_mask)
    streak, s = _reference(cadence, BASE + timedelta(days=20), done, skips, today)
    result = _progress(cadence, done, skips, today)
    assert result.streak == streak
    assert result.strength == math.floor(100 * s + 0.5)
    assert 0 <= result.strength <= 100


@given(
    cadences,
    offsets,
    st.integers(min_value=0, max_value=2**60),
    st.integers(min_value=0, max_value=150),
    st.integers(min_value=0, max_value=160),
)
def test_adding_a_checkin_never_lowers_a_streak(
    text: str, days: set[int], skip_mask: int, extra: int, today_offset: int
) -> None:
    cadence = parse_cadence(text)
    today = BASE + timedelta(days=today_offset)
    done, skips = _split(days - {extra}, skip_mask)
    before = _progress(cadence, done, skips, today)
    after = _progress(cadence, done | {BASE + timedelta(days=extra)}, skips, today)
    assert after.streak >= before.streak
    assert after.met_this_period >= before.met_this_period
