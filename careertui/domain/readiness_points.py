"""The numbers of review readiness (docs/FORMULAS.md): the period, the points of each part and
the score, from plain values. The one place these formulas live: domain/readiness.py builds
the dashboard's parts, gaps and wording on them, and `careertui status`, which runs on every
shell prompt, computes its score with them alone. So this module imports no dataclasses and no
fractions (they were most of that command's time): points are exact (numerator, denominator)
pairs, and the score their exact sum rounded half up (62.5 is 63, never either side of it).
"""

from __future__ import annotations

from datetime import date, timedelta

TYPE_CHECKING = False  # `careertui status` imports this module: typing is 2 ms
if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Sequence

PERIOD_DAYS = 365
VISIBILITY_DAYS = 90
SELF_CHECK_FULL_DAYS = 30
SELF_CHECK_HALF_DAYS = 90
KEY_INFLUENCES = ("decision-maker", "sponsor")
FULL_MARKS = {"coverage": 40, "evidence": 20, "consistency": 15, "visibility": 15, "self_check": 10}
"""The parts in the order they are listed (and ranked, among gaps of equal points)."""

Points = tuple[int, int]
"""Points as an exact fraction: (numerator, denominator), the denominator above 0."""


def period_bounds(
    review_start: date | None,
    review_date: date | None,
    today: date,
    first_entry: date | None = None,
) -> tuple[date, date, str]:
    """(start, end, how it was chosen): [review_start, review_date] ("set"); without a start,
    from the later of 365 days before the review date and the `first_entry`'s date (a new
    journal is not held to months before it existed: "first entry", else "year"); without a
    review date, the same ending today (a start alone is not enough)."""
    if review_date is not None and review_start is not None:
        return review_start, review_date, "set"
    end = review_date or today
    start = end - timedelta(days=PERIOD_DAYS)
    if first_entry is not None and start < first_entry <= end:
        return first_entry, end, "first entry"
    return start, end, "year"


def counted(start: date, end: date, today: date) -> tuple[date, date] | None:
    """The dates whose wins count: in the period and not after today; None if none do."""
    last = min(end, today)
    return (start, last) if start <= last else None


def months_between(window: tuple[date, date] | None) -> list[str]:
    """Every calendar month (`YYYY-MM`) from the window's first day to its last, oldest first."""
    if window is None:
        return []
    first, last = window
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def seen_recently(last_seen: date | None, today: date) -> bool:
    """A key contact counts as seen when their latest interaction is in the last 90 days."""
    return last_seen is not None and today - timedelta(days=VISIBILITY_DAYS) <= last_seen <= today


def perception_age(last: date | None, today: date) -> int | None:
    """Days since the last perception check; None without one (or with one after today)."""
    return None if last is None or last > today else (today - last).days


def _share(full: int, part: int, whole: int) -> Points:
    return (full * part, whole) if whole else (0, 1)


def self_check_points(age: int | None) -> Points:
    """Full marks within 30 days of a perception check, half within 90, else none."""
    if age is not None and age <= SELF_CHECK_FULL_DAYS:
        return FULL_MARKS["self_check"], 1
    if age is not None and age <= SELF_CHECK_HALF_DAYS:
        return FULL_MARKS["self_check"], 2
    return 0, 1


def part_points(
    *,
    active: Collection[int],
    covered: Collection[int],
    wins: int,
    measured: int,
    reached: Sequence[str],
    win_months: Collection[str],
    key_last_seen: Sequence[date | None],
    last_perception: date | None,
    today: date,
) -> dict[str, Points]:
    """The points of each part, in FULL_MARKS' order: coverage (active responsibilities with a
    counted win), evidence (counted wins measured), consistency (months reached with a win),
    visibility (key contacts seen recently), self-check (the last perception check's age)."""
    actives = set(active)
    linked = len(actives.intersection(covered))
    seen = sum(1 for last in key_last_seen if seen_recently(last, today))
    return {
        "coverage": _share(FULL_MARKS["coverage"], linked, len(actives)),
        "evidence": _share(FULL_MARKS["evidence"], measured, wins),
        "consistency": _share(
            FULL_MARKS["consistency"], sum(1 for m in reached if m in win_months), len(reached)
        ),
        "visibility": _share(FULL_MARKS["visibility"], seen, len(key_last_seen)),
        "self_check": self_check_points(perception_age(last_perception, today)),
    }


def score(points: Iterable[Points]) -> int:
    """The exact sum of `points`, rounded half up."""
    numerator, denominator = 0, 1
    for n, d in points:
        numerator, denominator = numerator * d + n * denominator, denominator * d
    return (2 * numerator + denominator) // (2 * denominator)
