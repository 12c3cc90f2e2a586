"""Review readiness (docs/FORMULAS.md): five parts, a score, a band, and the gaps that cost points.

The store counts the review period's wins in SQL and hands over the totals (`ReadinessFacts`);
this module owns the wording: the gaps and how the period was chosen. The period rules, the
points and the score are domain/readiness_points.py's (which `careertui status` uses alone);
points are exact fractions, so a sum of exactly 62.5 rounds up to 63.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

from careertui.domain.readiness_points import FULL_MARKS as FULL_MARKS
from careertui.domain.readiness_points import KEY_INFLUENCES as KEY_INFLUENCES
from careertui.domain.readiness_points import PERIOD_DAYS as PERIOD_DAYS
from careertui.domain.readiness_points import VISIBILITY_DAYS as VISIBILITY_DAYS
from careertui.domain.readiness_points import (
    counted,
    months_between,
    part_points,
    perception_age,
    score,
    seen_recently,
)

BANDS = ((90, "rock it"), (70, "ready"), (40, "getting there"), (0, "not ready"))
MONTHS_NAMED = 3
"""At most this many missing months are named in a consistency gap (the latest ones)."""


CHOSEN = {
    "set": "your review dates",
    "year": "the last 365 days",
    "first entry": "since your first entry",
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
        return counted(self.start, self.end, today)


def months_reached(period: ReviewPeriod, today: date) -> list[str]:
    """Every calendar month (`YYYY-MM`) the period has reached by today, oldest first."""
    return months_between(period.counted(today))


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


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _days_ago(last: date | None, today: date) -> str:
    if last is None:
        return "never seen"
    days = (today - last).days
    return "last seen today" if days == 0 else f"last seen {_plural(days, 'day')} ago"


def _key_contacts(facts: ReadinessFacts) -> list[KeyContact]:
    return [c for c in facts.key_contacts if c.influence in KEY_INFLUENCES]


def _coverage(facts: ReadinessFacts) -> str:
    active = facts.responsibilities
    if not active:
        return "Add the lines of your job description as responsibilities"
    uncovered = [title for rid, title in active.items() if rid not in facts.covered]
    return f"Link a win to: {uncovered[0]}" if uncovered else ""


def _evidence(facts: ReadinessFacts) -> str:
    if not facts.wins:
        return "Log a win with a measured impact (a number)"
    missing = facts.wins - facts.measured
    example = f', e.g. "{facts.unmeasured_example}"' if facts.unmeasured_example else ""
    return f"Add a measured impact to {_plural(missing, 'win')}{example}"


def _consistency(facts: ReadinessFacts, period: ReviewPeriod, reached: list[str]) -> str:
    if not reached:
        return f"Log wins once the review period starts on {period.start.isoformat()}"
    missing = [m for m in reached if m not in facts.win_months]
    named = ", ".join(missing[-MONTHS_NAMED:])
    more = len(missing) - MONTHS_NAMED
    return f"Log a win in: {named}" + (f" (and {more} more)" if more > 0 else "")


def _visibility(facts: ReadinessFacts, today: date) -> str:
    contacts = _key_contacts(facts)
    unseen = [c for c in contacts if not seen_recently(c.last_seen, today)]
    if not contacts:
        return "Add a decision-maker or sponsor of your promotion to your network"
    if not unseen:
        return ""
    # Never seen first, then the longest unseen; names break ties so the text is stable.
    who = min(unseen, key=lambda c: (c.last_seen or date.min, c.name.casefold()))
    return f"Talk to {who.name} ({who.influence}), {_days_ago(who.last_seen, today)}"


def _self_check(facts: ReadinessFacts, today: date) -> str:
    age = perception_age(facts.last_perception, today)
    when = "" if age is None else f", the last one was {_plural(age, 'day')} ago"
    return f"Do a perception check{when}"


def review_readiness(
    facts: ReadinessFacts, period: ReviewPeriod, review_date: date | None, today: date
) -> Readiness:
    """The five parts with their points, the score (their sum rounded half up), the band, the
    gaps (largest first; equal ones in the order of the parts) and the days to the review."""
    reached = months_reached(period, today)
    points = part_points(
        active=facts.responsibilities.keys(),
        covered=facts.covered,
        wins=facts.wins,
        measured=facts.measured,
        reached=reached,
        win_months=facts.win_months,
        key_last_seen=[c.last_seen for c in _key_contacts(facts)],
        last_perception=facts.last_perception,
        today=today,
    )
    texts = {
        "coverage": _coverage(facts),
        "evidence": _evidence(facts),
        "consistency": _consistency(facts, period, reached),
        "visibility": _visibility(facts, today),
        "self_check": _self_check(facts, today),
    }
    parts = {name: Fraction(*points[name]) for name in FULL_MARKS}
    gaps = [
        Gap(name, FULL_MARKS[name] - earned, texts[name])
        for name, earned in parts.items()
        if earned < FULL_MARKS[name]
    ]
    order = list(FULL_MARKS)
    gaps.sort(key=lambda gap: (-gap.points, order.index(gap.part)))
    total = score(points.values())
    return Readiness(
        score=total,
        band=band(total),
        parts=parts,
        gaps=tuple(gaps),
        days_to_review=None if review_date is None else (review_date - today).days,
        period=period,
    )
