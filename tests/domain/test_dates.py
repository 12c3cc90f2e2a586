"""The date language: its forms, the direction each date field reads in, and what it refuses."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careertui.domain.dates import FORWARD, PAST, DateError, iso_week, parse_date
from careertui.domain.records import KINDS, ValidationError, validate

MONDAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-01", date(2026, 3, 1)),
        ("today", MONDAY),
        ("Yesterday", date(2026, 11, 22)),
        ("-3d", date(2026, 11, 20)),
        ("-1y", date(2025, 11, 23)),
        ("-2w", date(2026, 11, 9)),
        ("Mar 3", date(2026, 3, 3)),
        ("march 3", date(2026, 3, 3)),
        ("3 March", date(2026, 3, 3)),
        ("Nov 23", MONDAY),  # today is the latest one not after today
        ("Nov 24", date(2025, 11, 24)),
        ("Dec 31", date(2025, 12, 31)),
        ("15 Feb", date(2026, 2, 15)),
        ("Feb 29", date(2024, 2, 29)),
        ("3 March 2026", date(2026, 3, 3)),
        ("Mar 3 2026", date(2026, 3, 3)),
        ("Mar 3, 2026", date(2026, 3, 3)),
        ("Sept 4, 2025", date(2025, 9, 4)),
        ("fri", date(2026, 11, 20)),
        ("friday", date(2026, 11, 20)),
        ("monday", date(2026, 11, 16)),
        ("sunday", date(2026, 11, 22)),
    ],
)
def test_past_dates(text: str, expected: date) -> None:
    assert parse_date(text, MONDAY, direction=PAST) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fri", date(2026, 11, 27)),
        ("monday", date(2026, 11, 30)),
        ("tue", date(2026, 11, 24)),
        ("tomorrow", date(2026, 11, 24)),
        ("+2w", date(2026, 12, 7)),
        ("+1m", date(2026, 12, 23)),
        ("Nov 23", MONDAY),  # today included
        ("Nov 22", date(2027, 11, 22)),
        ("Jan 5", date(2027, 1, 5)),
        ("15 Feb", date(2027, 2, 15)),
        ("Mar 31", date(2027, 3, 31)),
        ("Dec 1", date(2026, 12, 1)),
        ("Feb 29", date(2028, 2, 29)),
        # A planned day in the past is taken as written (a finished milestone backfilled).
        ("2026-03-01", date(2026, 3, 1)),
        ("Mar 3 2026", date(2026, 3, 3)),
        ("yesterday", date(2026, 11, 22)),
    ],
)
def test_forward_dates(text: str, expected: date) -> None:
    assert parse_date(text, MONDAY, direction=FORWARD) == expected


@pytest.mark.parametrize(
    "text", ["tomorrow", "+1d", "+2w", "2026-11-24", "Nov 24 2026", "24 November 2026"]
)
def test_a_past_date_after_today_is_refused_naming_the_date_and_the_rule(text: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text, MONDAY, direction=PAST)
    message = str(caught.value)
    assert "is after today (2026-11-23)" in message
    assert "happened" in message
    assert message.split(" ")[0] == parse_date(text, MONDAY, direction=FORWARD).isoformat()


def test_month_offset_clamps_to_month_end() -> None:
    assert parse_date("+1m", date(2027, 1, 31), direction=FORWARD) == date(2027, 2, 28)
    assert parse_date("-1m", date(2027, 3, 31), direction=PAST) == date(2027, 2, 28)


@pytest.mark.parametrize(
    "text",
    [
        "2026-02-30",
        "someday",
        "",
        "   ",
        "monday at 99",
        "the 45th",
        "1999",
        "45",
        "Mar 32",
        "Feb 30",
        "Apr 31",
        "Feb 30 2024",
        "3/4",
        "13 13",
        "jun",
        "Mar",
        "next friday",
        "Mar 3rd",
        "ma 3",
        "met Bob on 5th about 10 reports",
        "x" * 200,
        "99999999999999999999",
        "+99999y",
        "2026-13-01",
        "1800-01-01",
        "no",
    ],
)
@pytest.mark.parametrize("direction", [PAST, FORWARD])
def test_unreadable_dates_are_refused_naming_the_input(text: str, direction: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text, MONDAY, direction=direction)
    if text.strip() and len(text) < 64:
        assert text.strip() in str(caught.value)


def test_an_unknown_direction_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown date direction"):
        parse_date("today", MONDAY, direction="sideways")


# -- every date field, in the direction it reads ------------------------------------------------

DATE_FIELDS = {
    ("profile", "review_start"): PAST,
    ("profile", "review_date"): FORWARD,
    ("goal", "due"): FORWARD,
    ("checkin", "date"): PAST,
    ("win", "date"): PAST,
    ("interaction", "date"): PAST,
    ("interaction", "follow_up"): FORWARD,
    ("perception", "date"): PAST,
    ("security", "date"): PAST,
    ("note", "date"): PAST,
    ("review", "date"): PAST,
}


def test_the_table_names_every_date_field() -> None:
    every = {
        (kind.name, field.name): field.direction
        for kind in KINDS.values()
        for field in kind.fields
        if field.type == "date"
    }
    missing = set(every) - set(DATE_FIELDS)
    # A date field added later reads back unless it says otherwise; the ones this table names
    # must read as it says.
    assert all(every[key] == PAST for key in missing), missing
    for key, direction in DATE_FIELDS.items():
        assert every[key] == direction, key


@pytest.mark.parametrize(("kind", "field"), sorted(DATE_FIELDS))
@pytest.mark.parametrize(
    ("text", "past", "forward"),
    [
        ("Jan 5", "2026-01-05", "2027-01-05"),
        ("15 Feb", "2026-02-15", "2027-02-15"),
        ("Nov 23", "2026-11-23", "2026-11-23"),
        ("fri", "2026-11-20", "2026-11-27"),
        ("2026-03-01", "2026-03-01", "2026-03-01"),
        ("2026-12-24", None, "2026-12-24"),
        ("+1w", None, "2026-11-30"),
        ("tomorrow", None, "2026-11-24"),
    ],
)
def test_every_date_field_reads_in_its_direction(
    kind: str, field: str, text: str, past: str | None, forward: str
) -> None:
    expected = forward if DATE_FIELDS[kind, field] == FORWARD else past
    if expected is None:
        with pytest.raises(ValidationError, match="is after today") as caught:
            validate(kind, {field: text}, MONDAY, partial=True)
        assert caught.value.field == field
    else:
        assert validate(kind, {field: text}, MONDAY, partial=True)[field] == expected


# -- properties ----------------------------------------------------------------------------------


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2150, 12, 31)))
def test_iso_round_trip(day: date) -> None:
    assert parse_date(day.isoformat(), MONDAY, direction=FORWARD) == day


@given(st.integers(min_value=-3000, max_value=3000), st.dates(date(1990, 1, 1), date(2100, 1, 1)))
def test_day_offsets_move_exactly(days: int, today: date) -> None:
    text = f"{'+' if days >= 0 else '-'}{abs(days)}d"
    assert parse_date(text, today, direction=FORWARD) == today + timedelta(days=days)


@given(
    st.sampled_from(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]),
    st.dates(date(2000, 1, 1), date(2100, 1, 1)),
)
def test_weekdays_land_within_a_week_on_the_right_side(word: str, today: date) -> None:
    past = parse_date(word, today, direction=PAST)
    future = parse_date(word, today, direction=FORWARD)
    assert 1 <= (today - past).days <= 7
    assert 1 <= (future - today).days <= 7
    assert past.strftime("%a").lower() == word == future.strftime("%a").lower()


@given(st.dates(date(1950, 1, 1), date(2150, 12, 31)), st.dates(date(2000, 1, 1), date(2100, 1, 1)))
def test_a_month_day_is_the_nearest_one_on_its_side(day: date, today: date) -> None:
    text = day.strftime("%b %d")
    past = parse_date(text, today, direction=PAST)
    future = parse_date(text, today, direction=FORWARD)
    assert (past.month, past.day) == (future.month, future.day) == (day.month, day.day)
    assert past <= today <= future
    limit = 366 * (8 if (day.month, day.day) == (2, 29) else 1)
    assert (today - past).days < limit and (future - today).days < limit


@given(st.text(max_size=80), st.sampled_from([PAST, FORWARD]))
def test_any_text_is_a_date_or_a_date_error(text: str, direction: str) -> None:
    try:
        result = parse_date(text, MONDAY, direction=direction)
    except DateError:
        return
    assert 1900 <= result.year <= 2200
    assert direction == FORWARD or result <= MONDAY


def test_iso_week_across_the_year_boundary() -> None:
    assert iso_week(MONDAY) == "2026-W48"
    assert iso_week(date(2026, 12, 31)) == "2026-W53"
    assert iso_week(date(2027, 1, 4)) == "2027-W01"
    assert iso_week(date(2021, 1, 1)) == "2020-W53"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("9999-12-31", r"out of range \(1900-2200\)"),
        ("1066-10-14", r"out of range"),
        ("2026-02-30", "no such day"),
        ("Feb 30 2026", "no such day"),
        ("Mar 3 1066", "out of range"),
        ("jux 3", "'jux' is not a month"),
    ],
)
def test_a_refused_date_says_why(text: str, reason: str) -> None:
    with pytest.raises(DateError, match=reason):
        parse_date(text, MONDAY, direction=FORWARD)
