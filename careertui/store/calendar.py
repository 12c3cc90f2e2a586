"""The records behind the calendar export (domain.calendar): follow-ups, stay-in-touch dates,
due goals, the review date, the last security check and weekly review."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from careertui.domain.calendar import (
    CalendarEvent,
    follow_up_events,
    goal_events,
    journal_events,
    keep_in_touch_events,
)

if TYPE_CHECKING:
    from careertui.store.store import Store

JOURNAL_UID = "journal"
"""Stands for the profile's uuid in the journal's own events until there is a profile."""


def _latest(store: Store, table: str, today: date) -> date | None:
    row = store.conn.execute(
        f'SELECT max(date) FROM "{table}" WHERE date <= ?', (today.isoformat(),)
    ).fetchone()
    return date.fromisoformat(row[0]) if row and row[0] else None


def calendar_events(store: Store, today: date) -> list[CalendarEvent]:
    """Every event of the calendar export, by kind then date."""
    from careertui.store.network import _KEEP_IN_TOUCH, _PER_CONTACT

    follow_ups = store.query(
        "SELECT i.uuid, c.name, i.follow_up, i.date, i.channel FROM interactions i "
        "JOIN contacts c ON c.id = i.contact_id WHERE i.follow_up IS NOT NULL AND i.done = 0 "
        "ORDER BY i.follow_up, i.id"
    )
    keep = store.query(
        f"SELECT c.uuid, c.name, c.follow_up_days, {_KEEP_IN_TOUCH} AS keep_in_touch "
        f"FROM contacts c LEFT JOIN ({_PER_CONTACT}) s ON s.contact_id = c.id "
        "WHERE c.follow_up_days > 0 ORDER BY keep_in_touch, c.id",
        {"today": today.isoformat()},
    )
    goals = store.query(
        "SELECT g.uuid, g.title, g.kind, g.due, coalesce(p.title, '') AS parent FROM goals g "
        "LEFT JOIN goals p ON p.id = g.parent_id WHERE g.due IS NOT NULL "
        "AND g.status = 'active' ORDER BY g.due, g.id"
    )
    profile = store.profile()
    review_date = profile.get("review_date")
    return [
        *follow_up_events(follow_ups),
        *keep_in_touch_events(keep),
        *goal_events(goals),
        *journal_events(
            str(profile.get("uuid") or JOURNAL_UID),
            today,
            review_date=date.fromisoformat(review_date) if review_date else None,
            last_security=_latest(store, "security_checks", today),
            last_review=_latest(store, "reviews", today),
        ),
    ]
