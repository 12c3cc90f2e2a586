"""The date language shared by the CLI, the TUI forms and import (docs/DATES.md says it for users).

Every date field reads in one direction. A *past* field records something that happened (the date
of a note, a win, an interaction, a check-in, a perception or security check, the review start);
a *forward* field plans something (a follow-up, a due date, the review date). The direction
decides the forms that could mean two days, and a past field refuses a day after today.

Accepted, and nothing else (no guessing: "someday", "monday at 99", "the 45th", "1999" are
refused):

- `YYYY-MM-DD`;
- `today`, `yesterday`, `tomorrow`;
- a weekday name or its first three letters or more (`fri`, `friday`): past fields the last one
  before today, forward fields the next one after today;
- a signed offset `-3d`, `+2w`, `+1m`, `-1y` (days, weeks, months, years);
- a month and a day, either order, month as its name or first three letters or more: `Mar 3`,
  `3 March`; past fields the latest one not after today, forward fields the next one from today
  on (today included);
- the same with a year: `Mar 3 2026`, `Mar 3, 2026`, `3 March 2026`.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

MAX_DATE_TEXT = 64
MIN_YEAR, MAX_YEAR = 1900, 2200

PAST = "past"
FORWARD = "forward"
DIRECTIONS = (PAST, FORWARD)

FORMS = "YYYY-MM-DD, today, yesterday, tomorrow, fri, -3d, +2w, +1m, Mar 3, 3 March 2026"
"""The forms in one line, for help texts and error messages."""

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# Patterns as text, compiled by `re` on first use and kept in its cache: a command that parses
# no date (a capture dated today) does not compile them.
_OFFSET = r"^([+-])\s*(\d{1,5})\s*([dwmy])$"
_ISO = r"^\d{4}-\d{2}-\d{2}$"
_MONTH_DAY = r"^([a-z]{3,9})\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?$"
_DAY_MONTH = r"^(\d{1,2})\s+([a-z]{3,9})\.?(?:,?\s+(\d{4}))?$"


class DateError(ValueError):
    """A date the user gave that cannot be read or is on the wrong side of today; the message
    names it."""


def direction_hint(direction: str) -> str:
    """How a field of this direction reads a date, in a few words (form previews, help)."""
    if direction == FORWARD:
        return "reads forward: the next fri, Mar 3…"
    return "reads back: the last fri, Mar 3… (≤ today)"


def placeholder(direction: str) -> str:
    """An empty date field's prompt: forms that fit its direction, and which way it reads."""
    if direction == FORWARD:
        return "tomorrow, +2w, fri, Mar 3, 2026-03-01 · reads forward"
    return "today, yesterday, -3d, fri, Mar 3, 2026-03-01 · reads back"


def _prefix_index(word: str, names: tuple[str, ...]) -> int | None:
    if len(word) < 3:
        return None
    for index, name in enumerate(names):
        if name.startswith(word):
            return index
    return None


def _checked(text: str, value: date) -> date:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise DateError(f"date {text!r} is out of range ({MIN_YEAR}-{MAX_YEAR})")
    return value


def parse_date(text: str, today: date, *, direction: str) -> date:
    """Read `text` as a date relative to `today`, for a field reading in `direction`.

    A past field refuses a day after today, whatever form named it; a forward field takes any
    day (a finished milestone may be backfilled with its past date)."""
    if direction not in DIRECTIONS:
        raise ValueError(f"unknown date direction {direction!r}")
    raw = (text or "").strip()
    if not raw:
        raise DateError("empty date")
    if len(raw) > MAX_DATE_TEXT:
        raise DateError(f"date {raw[:20]!r}... is too long to be a date")
    value = _read(raw, today, direction == FORWARD)
    if direction == PAST and value > today:
        raise DateError(
            f"{value.isoformat()} is after today ({today.isoformat()}): "
            "this date records something that happened, so it cannot be in the future"
        )
    return value


def _read(raw: str, today: date, forward: bool) -> date:
    word = " ".join(raw.lower().split())
    if word == "today":
        return today
    if word == "yesterday":
        return today - timedelta(days=1)
    if word == "tomorrow":
        return today + timedelta(days=1)

    weekday = _prefix_index(word, _WEEKDAYS)
    if weekday is not None:
        if forward:
            return today + timedelta(days=(weekday - today.weekday()) % 7 or 7)
        return today - timedelta(days=(today.weekday() - weekday) % 7 or 7)

    offset = re.match(_OFFSET, word)
    if offset:
        return _checked(raw, _offset(raw, today, offset.groups()))

    if re.match(_ISO, raw):
        try:
            value = date.fromisoformat(raw)
        except ValueError:
            raise DateError(f"invalid date {raw!r}: no such day") from None
        return _checked(raw, value)

    return _checked(raw, _month_day(raw, word, today, forward))


def _offset(raw: str, today: date, groups: tuple[str, ...]) -> date:
    sign, amount, unit = groups
    count = int(amount) * (1 if sign == "+" else -1)
    try:
        if unit == "d":
            return today + timedelta(days=count)
        if unit == "w":
            return today + timedelta(weeks=count)
        months = today.year * 12 + today.month - 1 + (count if unit == "m" else 12 * count)
        year, month = divmod(months, 12)
        return _clamped(year, month + 1, today.day)
    except (OverflowError, ValueError):
        raise DateError(f"date {raw!r} is out of range") from None


def _clamped(year: int, month: int, day: int) -> date:
    """`day` of the month, or its last day when the month is shorter (Jan 31 + 1m = Feb 28)."""
    for last in range(day, 27, -1):
        try:
            return date(year, month, last)
        except ValueError:
            continue
    return date(year, month, day)


def _month_day(raw: str, word: str, today: date, forward: bool) -> date:
    found = re.match(_MONTH_DAY, word)
    if found:
        month_word, day_text, year_text = found.groups()
    else:
        found = re.match(_DAY_MONTH, word)
        if not found:
            raise DateError(f"cannot read date {raw!r} (try {FORMS})")
        day_text, month_word, year_text = found.groups()
    month = _prefix_index(month_word, _MONTHS)
    if month is None:
        raise DateError(f"cannot read date {raw!r}: {month_word!r} is not a month")
    day = int(day_text)
    if year_text:
        try:
            return date(int(year_text), month + 1, day)
        except ValueError:
            raise DateError(f"invalid date {raw!r}: no such day") from None
    if not 1 <= day <= 31:
        raise DateError(f"invalid date {raw!r}: no such day")
    step = 1 if forward else -1
    for years in range(9):  # Feb 29 recurs within 8 years
        try:
            value = date(today.year + step * years, month + 1, day)
        except ValueError:
            continue
        if (value >= today) if forward else (value <= today):
            return value
    raise DateError(f"invalid date {raw!r}: no such day")


def iso_week(day: date) -> str:
    """`YYYY-Www`, the ISO week holding `day` (the weekly review's key)."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"
