from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careertui.domain.dates import DateError, iso_week, parse_date

MONDAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-01", date(2026, 3, 1)),
        ("today", MONDAY),
        ("Yesterday", date(2026, 11, 22)),
        ("tomorrow", date(2026, 11, 24)),
        ("-3d", date(2026, 11, 20)),
        ("+2w", date(2026, 12, 7)),
        ("+1m", date(2026, 12, 23)),
        ("-1y", date(2025, 11, 23)),
        ("Mar 3", date(2026, 3, 3)),
        ("3 March 2026", date(2026, 3, 3)),
        ("fri", date(2026, 11, 20)),
        ("friday", date(2026, 11, 20)),
        ("monday", date(2026, 11, 16)),
        ("sunday", date(2026, 11, 22)),
    ],
)
def test_entry_dates(text: str, expected: date) -> None:
    assert parse_date(text, MONDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("fri", date(2026, 11, 27)), ("monday", date(2026, 11, 30)), ("tue", date(2026, 11, 24))],
)
def test_follow_up_weekdays_are_the_next_one(text: str, expected: date) -> None:
    assert parse_date(text, MONDAY, future=True) == expected


def test_month_offset_clamps_to_month_end() -> None:
    assert parse_date("+1m", date(2027, 1, 31)) == date(2027, 2, 28)


@pytest.mark.parametrize(
    "text",
    [
        "2026-02-30",
        "someday",
        "",
        "   ",
        "met Bob on 5th about 10 reports",
        "x" * 200,
        "99999999999999999999",
        "+99999y",
        "2026-13-01",
        "1800-01-01",
        "no",
    ],
)
def test_unreadable_dates_are_refused_naming_the_input(text: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text, MONDAY)
    if text.strip() and len(text) < 64:
        assert text.strip() in str(caught.value)


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2150, 12, 31)))
def test_iso_round_trip(day: date) -> None:
    assert parse_date(day.isoformat(), MONDAY) == day


@given(st.integers(min_value=-3000, max_value=3000), st.dates(date(1990, 1, 1), date(2100, 1, 1)))
def test_day_offsets_move_exactly(days: int, today: date) -> None:
    text = f"{'+' if days >= 0 else '-'}{abs(days)}d"
    assert parse_date(text, today) == today + timedelta(days=days)


@given(
    st.sampled_from(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]),
    st.dates(date(2000, 1, 1), date(2100, 1, 1)),
)
def test_weekdays_land_within_a_week_on_the_right_side(word: str, today: date) -> None:
    past = parse_date(word, today)
    future = parse_date(word, today, future=True)
    assert 1 <= (today - past).days <= 7
    assert 1 <= (future - today).days <= 7
    assert past.strftime("%a").lower() == word == future.strftime("%a").lower()


@given(st.text(max_size=80))
def test_any_text_is_a_date_or_a_date_error(text: str) -> None:
    try:
        result = parse_date(text, MONDAY)
    except DateError:
        return
    assert 1900 <= result.year <= 2200


def test_iso_week_across_the_year_boundary() -> None:
    assert iso_week(date(2026, 12, 31)) == "2026-W53"
    assert iso_week(date(2027, 1, 4)) == "2027-W01"
    assert iso_week(date(2021, 1, 1)) == "2020-W53"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("9999-12-31", r"out of range \(1900-2200\)"),
        ("1066-10-14", r"out of range"),
        ("2026-02-30", "no such day"),
    ],
)
def test_a_refused_date_says_why(text: str, reason: str) -> None:
    with pytest.raises(DateError, match=reason):
        parse_date(text, MONDAY)
