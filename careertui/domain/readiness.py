"""Review readiness (docs/FORMULAS.md): five parts, a score, a band, and the gaps that cost points.

The store counts the review period's wins in SQL and hands over the totals (`ReadinessFacts`);
this module owns the period rules, the points and the wording. Points are exact fractions, so a
sum of exactly 62.5 rounds up to 63 instead of falling either side of it in floating point.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction

PERIOD_DAYS = 365
VISIBILITY_DAYS = 90
SELF_CHECK_FULL_DAYS = 30
SELF_CHECK_HALF_DAYS = 90
KEY_INFLUENCES = ("decision-maker", "sponsor")
FULL_MARKS = {"coverage": 40, "evidence": 20, "consistency": 15, "visibility": 15, "self_check": 10}
"""The parts in the order they are listed (and ranked, among gaps of equal points)."""
BANDS = ((90, "rock it"), (70, "ready"), (40, "getting there"), (0, "not ready"))
MONTHS_NAMED = 3
"""At most this many missing months are named in a consistency gap (the latest ones)."""


CHOSEN = {
    "set": "your review start and review date",
    "year": "the 365 days up to the review date (or today)",
    "first entry": "since your first entry, under 365 days ago",
}
"""How the period was chosen, as the dashboard says it."""


@dataclass(frozen=True, slots=True)
class ReviewPeriod:
    start: date
    end: date
    chosen: str = field(default="set", compare=False)
    """A key of CHOSEN."""

    def counted(self, today: date) -> tuple[date, date] | None:
        """The dates whose wins count: in the period and not after today; None if none do."""
        end = min(self.end, today)
        return (self.start, end) if self.start <= end else None


def review_period(
    review_start: date | None,
    review_date: date | None,
    today: date,
    first_entry: date | None = None,
) -> ReviewPeriod:
    """[review_start, review_date]; without a start, from the later of 365 days before the review
    date and the `first_entry`'s date (a new journal is not held to months before it existed);
    without a review date, the same ending today (a start alone is not enough)."""
    if review_date is not None and review_start is not None:
        return ReviewPeriod(review_start, review_date)
    end = review_date or today
    start = end - timedelta(days=PERIOD_DAYS)
    if first_entry is not None and start < first_entry <= end:
        return ReviewPeriod(first_entry, end, "first entry")
    return ReviewPeriod(start, end, "year")


def months_reached(period: ReviewPeriod, today: date) -> list[str]:
    """Every calendar month (`YYYY-MM`) the period has reached by today, oldest first."""
    window = period.counted(today)
    if window is None:
        return []
    first, last = window
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


@dataclass(frozen=True, slots=True)
class KeyContact:
    """A decision-maker or sponsor, and the date of their latest interaction up to today."""

    name: str
    influence: str
    last_seen: date | None


@dataclass(frozen=True, slots=True)
class ReadinessFacts:
    """What the store counted for the review period (wins up to today only)."""

    responsibilities: Mapping[int, str]
    """Active responsibilities, id → title, in the job description's order."""
    covered: frozenset[int]
    """Active responsibilities with at least one counted win."""
    wins: int
    """Counted wins."""
    measured: int
    """Counted wins whose impact contains a digit."""
    win_months: frozenset[str]
    """`YYYY-MM` of every counted win."""
    key_contacts: Sequence[KeyContact]
    last_perception: date | None
    """The latest perception check up to today."""
    unmeasured_example: str = ""
    """The title of the latest counted win without a measured impact, to name in the gap."""


@dataclass(frozen=True, slots=True)
class Gap:
    part: str
    points: Fraction
    """The points the part misses."""
    text: str
    """One concrete next step."""


@dataclass(frozen=True, slots=True)
class Readiness:
    score: int
    band: str
    parts: dict[str, Fraction] = field(default_factory=dict)
    gaps: tuple[Gap, ...] = ()
    days_to_review: int | None = None
    period: ReviewPeriod | None = None


def band(score: int) -> str:
    for low, name in BANDS:
        if score >= low:
            return name
    return BANDS[-1][1]


def round_half_up(value: Fraction) -> int:
    return math.floor(value + Fraction(1, 2))


def _share(full: int, part: int, whole: int) -> Fraction:
    return Fraction(full * part, whole) if whole else Fraction(0)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _days_ago(last: date | None, today: date) -> str:
    if last is None:
        return "never seen"
    days = (today - last).days
    return "last seen today" if days == 0 else f"last seen {_plural(days, 'day')} ago"


def _coverage(facts: ReadinessFacts) -> tuple[Fraction, str]:
    active = facts.responsibilities
    points = _share(40, len(facts.covered & set(active)), len(active))
    if not active:
        return points, "Add the lines of your job description as responsibilities"
    uncovered = [title for rid, title in active.items() if rid not in facts.covered]
    return points, f"Link a win to: {uncovered[0]}" if uncovered else ""


def _evidence(facts: ReadinessFacts) -> tuple[Fraction, str]:
    points = _share(20, facts.measured, facts.wins)
    if not facts.wins:
        return points, "Log a win with a measured impact (a number)"
    missing = facts.wins - facts.measured
    example = f', e.g. "{facts.unmeasured_example}"' if facts.unmeasured_example else ""
    return points, f"Add a measured impact to {_plural(missing, 'win')}{example}"


def _consistency(facts: ReadinessFacts, period: ReviewPeriod, today: date) -> tuple[Fraction, str]:
    reached = months_reached(period, today)
    points = _share(15, sum(1 for m in reached if m in facts.win_months), len(reached))
    if not reached:
        return points, f"Log wins once the review period starts on {period.start.isoformat()}"
    missing = [m for m in reached if m not in facts.win_months]
    named = ", ".join(missing[-MONTHS_NAMED:])
    more = len(missing) - MONTHS_NAMED
    return points, f"Log a win in: {named}" + (f" (and {more} more)" if more > 0 else "")


def _visibility(facts: ReadinessFacts, today: date) -> tuple[Fraction, str]:
    contacts = [c for c in facts.key_contacts if c.influence in KEY_INFLUENCES]
    since = today - timedelta(days=VISIBILITY_DAYS)
    unseen = [c for c in contacts if c.last_seen is None or not since <= c.last_seen <= today]
    points = _share(15, len(contacts) - len(unseen), len(contacts))
    if not contacts:
        return points, "Add a decision-maker or sponsor of your promotion to your network"
    if not unseen:
        return points, ""
    # Never seen first, then the longest unseen; names break ties so the text is stable.
    who = min(unseen, key=lambda c: (c.last_seen or date.min, c.name.casefold()))
    return points, f"Talk to {who.name} ({who.influence}), {_days_ago(who.last_seen, today)}"


def _self_check(facts: ReadinessFacts, today: date) -> tuple[Fraction, str]:
    last = facts.last_perception
    age = None if last is None or last > today else (today - last).days
    if age is not None and age <= SELF_CHECK_FULL_DAYS:
        return Fraction(10), ""
    points = Fraction(5) if age is not None and age <= SELF_CHECK_HALF_DAYS else Fraction(0)
    when = "" if age is None else f", the last one was {_plural(age, 'day')} ago"
    return points, f"Do a perception check{when}"


def review_readiness(
    facts: ReadinessFacts, period: ReviewPeriod, review_date: date | None, today: date
) -> Readiness:
    """The five parts with their points, the score (their sum rounded half up), the band, the
    gaps (largest first; equal ones in the order of the parts) and the days to the review."""
    earned = {
        "coverage": _coverage(facts),
        "evidence": _evidence(facts),
        "consistency": _consistency(facts, period, today),
        "visibility": _visibility(facts, today),
        "self_check": _self_check(facts, today),
    }
    parts = {name: points for name, (points, _text) in earned.items()}
    gaps = [
        Gap(name, FULL_MARKS[name] - points, text)
        for name, (points, text) in earned.items()
        if points < FULL_MARKS[name]
    ]
    order = list(FULL_MARKS)
    gaps.sort(key=lambda gap: (-gap.points, order.index(gap.part)))
    score = round_half_up(sum(parts.values(), Fraction(0)))
    return Readiness(
        score=score,
        band=band(score),
        parts=parts,
        gaps=tuple(gaps),
        days_to_review=None if review_date is None else (review_date - today).days,
        period=period,
    )
