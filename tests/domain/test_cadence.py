"""Cadences and their periods (docs/FORMULAS.md, "Key actions")."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careertui.domain.cadence import (
    Cadence,
    CadenceError,
    half_life,
    history_start,
    parse_cadence,
    period_at,
    period_of,
    period_start,
)

D = date.fromisoformat


@pytest.mark.parametrize(
    ("text", "unit", "times", "normal"),
    [
        ("daily", "daily", 1, "daily"),
        ("weekdays", "weekdays", 1, "weekdays"),
        ("weekly", "weekly", 1, "weekly"),
        ("weekly:1", "weekly", 1, "weekly"),
        ("Weekly: 3", "weekly", 3, "weekly:3"),
        ("weekly:7", "weekly", 7, "weekly:7"),
        ("monthly", "monthly", 1, "monthly"),
        ("monthly:31", "monthly", 31, "monthly:31"),
    ],
)
def test_parse_cadence(text: str, unit: str, times: int, normal: str) -> None:
    cadence = parse_cadence(text)
    assert (cadence.unit, cadence.times, cadence.text) == (unit, times, normal)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("hourly", "unknown cadence 'hourly'"),
        ("", "unknown cadence ''"),
        ("weekly:x", "unknown cadence 'weekly:x'"),
        ("daily:2", "unknown cadence 'daily:2': daily takes no count"),
        ("weekdays:3", "unknown cadence 'weekdays:3': weekdays takes no count"),
        ("weekly:0", "cadence 'weekly:0': the count must be between 1 and 7"),
        ("weekly:8", "cadence 'weekly:8': the count must be between 1 and 7"),
        ("monthly:32", "cadence 'monthly:32': the count must be between 1 and 31"),
    ],
)
def test_parse_cadence_refuses_with_the_value_named(text: str, message: str) -> None:
    with pytest.raises(CadenceError) as caught:
        parse_cadence(text)
    assert str(caught.value).startswith(message)


DAILY, WEEKDAYS, WEEKLY, MONTHLY = (Cadence(u) for u in ("daily", "weekdays", "weekly", "monthly"))


@pytest.mark.parametrize(
    ("cadence", "first", "second", "apart"),
    [
        # daily: every date is its own period
        (DAILY, "2026-02-28", "2026-03-01", 1),
        (DAILY, "2025-12-31", "2026-01-01", 1),
        # weekdays: Friday and the next Monday are consecutive periods
        (WEEKDAYS, "2026-03-13", "2026-03-16", 1),
        (WEEKDAYS, "2026-03-09", "2026-03-13", 4),
        (WEEKDAYS, "2026-03-09", "2026-03-16", 5),
        # weekly: ISO weeks, Monday to Sunday, across a year boundary
        (WEEKLY, "2025-12-29", "2026-01-04", 0),  # Mon and Sun of ISO week 2026-W01
        (WEEKLY, "2026-01-04", "2026-01-05", 1),  # Sunday to Monday
        (WEEKLY, "2020-12-31", "2021-01-03", 0),  # both in 2020-W53
        (WEEKLY, "2020-12-27", "2020-12-28", 1),  # 2020-W52 to 2020-W53
        # monthly: calendar months, month ends
        (MONTHLY, "2026-01-31", "2026-02-01", 1),
        (MONTHLY, "2024-02-01", "2024-02-29", 0),
        (MONTHLY, "2025-12-31", "2026-01-01", 1),
        (MONTHLY, "2025-01-15", "2026-01-15", 12),
    ],
)
def test_periods_are_consecutive_integers(
    cadence: Cadence, first: str, second: str, apart: int
) -> None:
    one, two = period_of(cadence, D(first)), period_of(cadence, D(second))
    assert one is not None and two is not None
    assert two - one == apart


@pytest.mark.parametrize("weekend", ["2026-03-14", "2026-03-15", "2027-01-02"])
def test_weekend_days_count_for_nothing_and_belong_to_the_friday_before(weekend: str) -> None:
    day = D(weekend)
    friday = day - timedelta(days=day.weekday() - 4)
    assert period_of(WEEKDAYS, day) is None
    assert period_at(WEEKDAYS, day) == period_of(WEEKDAYS, friday)
    assert period_start(WEEKDAYS, period_at(WEEKDAYS, day)) == friday


@pytest.mark.parametrize(
    ("cadence", "day", "start"),
    [
        (DAILY, "2026-03-15", "2026-03-15"),
        (WEEKDAYS, "2026-03-13", "2026-03-13"),
        (WEEKLY, "2026-01-01", "2025-12-29"),
        (WEEKLY, "2026-03-15", "2026-03-09"),
        (MONTHLY, "2024-02-29", "2024-02-01"),
        (MONTHLY, "2025-12-31", "2025-12-01"),
    ],
)
def test_period_start(cadence: Cadence, day: str, start: str) -> None:
    assert period_start(cadence, period_at(cadence, D(day))) == D(start)


@given(
    st.sampled_from([DAILY, WEEKDAYS, WEEKLY, MONTHLY]),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)),
)
def test_period_start_is_the_inverse_of_period_at(cadence: Cadence, day: date) -> None:
    index = period_at(cadence, day)
    start = period_start(cadence, index)
    assert start <= day
    assert period_of(cadence, start) == index
    assert period_at(cadence, day + timedelta(days=1)) in (index, index + 1)


@pytest.mark.parametrize(
    ("cadence", "created", "first", "start"),
    [
        (DAILY, "2026-03-10", None, "2026-03-10"),
        (DAILY, "2026-03-10", "2026-03-02", "2026-03-02"),  # imported history before creation
        (DAILY, "2026-03-10", "2026-03-12", "2026-03-10"),
        (WEEKLY, "2026-03-15", None, "2026-03-09"),
        (MONTHLY, "2026-03-10", "2026-02-28", "2026-02-01"),
        (WEEKDAYS, "2026-03-14", None, "2026-03-13"),  # created on a Saturday
    ],
)
def test_history_starts_at_the_period_of_creation_or_first_checkin(
    cadence: Cadence, created: str, first: str | None, start: str
) -> None:
    index = history_start(cadence, D(created), D(first) if first else None)
    assert period_start(cadence, index) == D(start)


@pytest.mark.parametrize(
    ("text", "periods"),
    [("daily", 14), ("weekdays", 14), ("weekly", 4), ("weekly:3", 4), ("monthly:2", 2)],
)
def test_half_lives(text: str, periods: int) -> None:
    assert half_life(parse_cadence(text)) == periods
