"""The date language shared by the CLI and the TUI forms.

Accepted: `YYYY-MM-DD`; `today`, `yesterday`, `tomorrow`; weekday names (`mon`, `friday`: the last
one before today for entries, the next one after today for follow-ups); signed offsets `-3d`, `+2w`,
`+1m`, `+1y`; and what `dateutil.parser` reads without fuzzing ("Mar 3", "3 March 2026").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

MAX_DATE_TEXT = 64
MIN_YEAR, MAX_YEAR = 1900, 2200

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_OFFSET = re.compile(r"^([+-])\s*(\d{1,5})\s*([dwmy])$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class DateError(ValueError):
    """A date the user gave that cannot be read; the message names it."""


def _weekday_index(word: str) -> int | None:
    if len(word) < 3:
        return None
    for index, name in enumerate(_WEEKDAYS):
        if name.startswith(word):
            return index
    return None


def _checked(text: str, value: date) -> date:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise DateError(f"date {text!r} is out of range ({MIN_YEAR}-{MAX_YEAR})")
    return value


def parse_date(text: str, today: date, *, future: bool = False) -> date:
    """Read `text` as a date relative to `today`; `future` picks the next weekday, not the last."""
    raw = (text or "").strip()
    if not raw:
        raise DateError("empty date")
    if len(raw) > MAX_DATE_TEXT:
        raise DateError(f"date {raw[:20]!r}... is too long to be a date")
    word = raw.lower()

    if word == "today":
        return today
    if word == "yesterday":
        return today - timedelta(days=1)
    if word == "tomorrow":
        return today + timedelta(days=1)

    weekday = _weekday_index(word)
    if weekday is not None:
        if future:
            ahead = (weekday - today.weekday()) % 7 or 7
            return today + timedelta(days=ahead)
        back = (today.weekday() - weekday) % 7 or 7
        return today - timedelta(days=back)

    offset = _OFFSET.match(word)
    if offset:
        sign, amount, unit = offset.groups()
        count = int(amount) * (1 if sign == "+" else -1)
        try:
            if unit == "d":
                value = today + timedelta(days=count)
            elif unit == "w":
                value = today + timedelta(weeks=count)
            else:
                from dateutil.relativedelta import relativedelta

                months = count if unit == "m" else 12 * count
                value = today + relativedelta(months=months)
        except (OverflowError, ValueError):
            raise DateError(f"date {raw!r} is out of range") from None
        return _checked(raw, value)

    if _ISO.match(raw):
        try:
            value = date.fromisoformat(raw)
        except ValueError:
            raise DateError(f"invalid date {raw!r}: no such day") from None
        return _checked(raw, value)

    return _checked(raw, _parse_free(raw, today))


def _parse_free(raw: str, today: date) -> date:
    from datetime import datetime

    from dateutil import parser

    if not any(ch.isdigit() for ch in raw) and not any(
        month in raw.lower() for month in _MONTH_PREFIXES
    ):
        raise DateError(f"cannot read date {raw!r}")
    try:
        parsed = parser.parse(raw, default=datetime(today.year, today.month, today.day))
    except (ValueError, ArithmeticError, OverflowError, TypeError):
        raise DateError(f"cannot read date {raw!r}") from None
    return parsed.date()


_MONTH_PREFIXES = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)


def parse_optional_date(text: str | None, today: date, *, future: bool = False) -> date | None:
    """Like `parse_date`, but blank text means no date."""
    if text is None or not text.strip():
        return None
    return parse_date(text, today, future=future)


def iso_week(day: date) -> str:
    """`YYYY-Www`, the ISO week holding `day` (the weekly review's key)."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"
