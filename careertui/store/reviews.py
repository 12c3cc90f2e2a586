"""The queries behind the Weekly review: this ISO week's record (one per week, get or upsert),
the week's wins, interactions and check-ins, the quick perception check, and last week's focus.

Streaks, per-action period status and follow-ups due come from `compute_stats`, so the review
shows the same figures as the dashboard and `careertui stats`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from careertui.domain.records import KINDS, PERCEPTION_RATINGS, ValidationError, validate
from careertui.store.connection import StoreError

if TYPE_CHECKING:
    from careertui.store.store import Row, Store

WEEK_ROWS = 500
"""Wins or interactions shown for one week; more than that is not a week anyone reviews by hand."""

MAX_PRIORITIES = 3
_MARKER = re.compile(r"^\s*(?:\d{1,2}[.)]|[-*•])\s+")
"""A list marker at the start of a priority, which the screen numbers itself."""


def iso_week(day: date) -> str:
    """`YYYY-Www`, the ISO week holding `day` (the key of a review record)."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_span(day: date) -> tuple[date, date]:
    """Monday and Sunday of the ISO week holding `day`."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _span_params(today: date) -> tuple[str, str]:
    monday, sunday = week_span(today)
    return monday.isoformat(), sunday.isoformat()


def join_focus(priorities: list[str]) -> str:
    """The review's `focus` field: the non-blank priorities, one per line."""
    return "\n".join(p.strip() for p in priorities if p.strip())


def split_focus(focus: str | None) -> list[str]:
    """Up to three priorities from a stored `focus`, without list markers ("1. ", "- "); extra
    lines (a focus written by hand or imported) join the third so nothing is hidden."""
    lines = [_MARKER.sub("", line).strip() for line in (focus or "").splitlines()]
    lines = [line for line in lines if line]
    if len(lines) > MAX_PRIORITIES:
        lines = [*lines[: MAX_PRIORITIES - 1], " / ".join(lines[MAX_PRIORITIES - 1 :])]
    return lines + [""] * (MAX_PRIORITIES - len(lines))


# -- reads ---------------------------------------------------------------------------------------
def review_of_week(store: Store, week: str) -> Row | None:
    return store.query_one("SELECT * FROM reviews WHERE week = ?", (week,))


def last_week_review(store: Store, today: date) -> Row | None:
    return review_of_week(store, iso_week(today - timedelta(days=7)))


def week_wins(store: Store, today: date) -> list[Row]:
    """This week's wins, oldest first."""
    return store.query(
        "SELECT id, date, title, impact FROM wins "
        "WHERE date BETWEEN ? AND ? ORDER BY date, id LIMIT ?",
        (*_span_params(today), WEEK_ROWS),
    )


def week_interactions(store: Store, today: date) -> list[Row]:
    """This week's interactions, oldest first, with the contact's name."""
    return store.query(
        "SELECT i.id, i.date, i.channel, i.notes, i.follow_up, i.done, c.name AS contact "
        "FROM interactions i JOIN contacts c ON c.id = i.contact_id "
        "WHERE i.date BETWEEN ? AND ? ORDER BY i.date, i.id LIMIT ?",
        (*_span_params(today), WEEK_ROWS),
    )


SOON_DAYS = 7
"""The People step also lists the follow-ups due in this many days."""


def follow_ups_soon(store: Store, today: date) -> list[dict[str, Any]]:
    """The open follow-ups due in the next SOON_DAYS days (after today), soonest first, shaped
    as the follow-ups due are (`days_overdue` negative: the days left)."""
    from careertui.domain.text import one_line

    rows = store.query(
        "SELECT i.id, i.contact_id, i.follow_up, i.notes, c.name AS contact "
        "FROM interactions i JOIN contacts c ON c.id = i.contact_id "
        "WHERE i.done = 0 AND i.follow_up > ? AND i.follow_up <= ? "
        "ORDER BY i.follow_up, i.id LIMIT ?",
        (today.isoformat(), (today + timedelta(days=SOON_DAYS)).isoformat(), WEEK_ROWS),
    )
    soon = []
    for row in rows:
        notes = one_line(str(row["notes"] or ""), 60)
        soon.append(
            {
                "kind": "interaction",
                "contact_id": row["contact_id"],
                "contact": row["contact"],
                "interaction_id": row["id"],
                "due": row["follow_up"],
                "days_overdue": (today - date.fromisoformat(row["follow_up"])).days,
                "text": f"Follow up with {row['contact']}" + (f": {notes}" if notes else ""),
            }
        )
    return soon


def week_checkins(store: Store, today: date) -> dict[int, dict[str, bool]]:
    """This week's check-ins per action: {action_id: {date: skip}}."""
    marks: dict[int, dict[str, bool]] = {}
    for row in store.query(
        "SELECT action_id, date, skip FROM checkins WHERE date BETWEEN ? AND ?",
        _span_params(today),
    ):
        marks.setdefault(int(row["action_id"]), {})[row["date"]] = bool(row["skip"])
    return marks


def week_days(today: date) -> list[date]:
    monday, _ = week_span(today)
    return [monday + timedelta(days=offset) for offset in range(7)]


def week_tally(cadence: str, marks: Mapping[str, bool], today: date) -> tuple[int, int] | None:
    """(check-ins, days that count) so far this week for a `daily` or `weekdays` action, whose
    own period is one day; skipped days do not count (a skip neither breaks nor counts). None
    for weekly and monthly actions: their period is the stats' `met_this_period`/`target`."""
    unit = cadence.split(":")[0]
    if unit not in ("daily", "weekdays"):
        return None
    days = [d for d in week_days(today) if d <= today and (unit == "daily" or d.weekday() < 5)]
    states = [marks.get(d.isoformat()) for d in days]
    return states.count(False), len(states) - states.count(True)


def week_perception(store: Store, today: date) -> Row | None:
    """The latest perception check dated this week up to today (the quick check resumes it)."""
    monday, _ = week_span(today)
    return store.query_one(
        "SELECT * FROM perceptions WHERE date BETWEEN ? AND ? ORDER BY date DESC, id DESC LIMIT 1",
        (monday.isoformat(), today.isoformat()),
    )


def review_overview(store: Store, today: date) -> dict[str, Any]:
    """Everything the Weekly review screen shows, in one read."""
    from careertui.store.overview import shared_stats
    from careertui.store.review_draft import load_draft
    from careertui.store.selfcheck import rating_series

    stats = shared_stats(store, today)
    week = iso_week(today)
    return {
        "week": week,
        "span": week_span(today),
        "review": review_of_week(store, week),
        "last_week": last_week_review(store, today),
        "streak": stats["weekly_reviews"]["current"],
        "wins": week_wins(store, today),
        "interactions": week_interactions(store, today),
        "follow_ups": stats["follow_ups_due"],
        "follow_ups_soon": follow_ups_soon(store, today),
        "look_backs": stats.get("look_backs_due", []),
        "actions": stats["actions"],
        "checkins": week_checkins(store, today),
        "perception": week_perception(store, today),
        "perception_series": rating_series(store, "perception", today),
        "draft": load_draft(store, week),
    }


# -- writes --------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ReviewSaved:
    id: int
    week: str
    created: bool
    perception_id: int | None


def check_ratings(ratings: Mapping[str, Any], today: date) -> dict[str, int] | None:
    """The quick perception check: None when all three are blank, the ratings when all three are
    given; one or two alone raise ValidationError naming the first blank one."""
    given = {name: ratings.get(name) for name in PERCEPTION_RATINGS}
    blank = [name for name, value in given.items() if value in (None, "")]
    if len(blank) == len(PERCEPTION_RATINGS):
        return None
    if blank:
        title = KINDS["perception"].field(blank[0]).title
        raise ValidationError(
            blank[0], f"{title} is blank: rate all three from 1 to 5, or leave all three blank"
        )
    cleaned = validate("perception", {"date": today, **given}, today)
    return {name: cleaned[name] for name in PERCEPTION_RATINGS}


def save_review(
    store: Store,
    today: date,
    priorities: list[str],
    notes: str,
    ratings: Mapping[str, Any] | None = None,
    looked_back: str = "",
) -> ReviewSaved:
    """Upsert this week's review (dated today) and, when rated, the week's quick perception check:
    the latest check of the week gets the new ratings, else a new one is dated today. Everything
    is validated before anything is written."""
    week = iso_week(today)
    values = validate(
        "review",
        {
            "week": week,
            "date": today,
            "focus": join_focus(priorities),
            "notes": notes,
            "looked_back": looked_back,
        },
        today,
    )
    scores = check_ratings(ratings or {}, today)
    review_id, created = _upsert(store, week, values, today)
    perception_id = _save_ratings(store, today, scores) if scores else None
    return ReviewSaved(review_id, week, created, perception_id)


def _upsert(store: Store, week: str, values: dict[str, Any], today: date) -> tuple[int, bool]:
    """(id, created). If another process inserted the week between the read and the insert
    (the UNIQUE index on week refuses the second row), its record is updated instead."""
    existing = review_of_week(store, week)
    if existing is None:
        try:
            return store.insert("review", values, today), True
        except StoreError:
            existing = review_of_week(store, week)
            if existing is None:
                raise
    store.update("review", int(existing["id"]), values, today)
    return int(existing["id"]), False


def _save_ratings(store: Store, today: date, scores: dict[str, int]) -> int:
    current = week_perception(store, today)
    if current is None:
        return store.insert("perception", {"date": today, **scores}, today)
    if any(current[name] != value for name, value in scores.items()):
        store.update("perception", int(current["id"]), scores, today)
    return int(current["id"])


def complete_follow_up(store: Store, interaction_id: int, today: date) -> None:
    """Mark an interaction's follow-up done."""
    store.update("interaction", interaction_id, {"done": True}, today)
