"""What goes into the calendar (`careertui export --format ics`): dated reminders, no notes.

Every event is a whole day, named by a UID made from the uuid of the record it comes from, so a
calendar that imports the file again updates its events instead of doubling them. Only titles,
names and dates go in: a calendar is often synced to someone else's servers, so the text of
notes (a contact's notes above all) never does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from careertui.domain.due import SECURITY_INTERVAL_DAYS

UID_DOMAIN = "careertui"
REVIEW_WEEKDAY = 4
"""Friday: the weekly review's day when no review has been recorded yet."""
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    uid: str
    summary: str
    day: date
    description: str = ""
    category: str = ""
    weekly: bool = False
    """Repeats every week on the same weekday (RRULE:FREQ=WEEKLY)."""


def _uid(record_uuid: str, what: str) -> str:
    return f"{record_uuid}-{what}@{UID_DOMAIN}"


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _occasion(channel: str | None) -> str:
    """An interaction's channel as the event says it: "the coffee", "the call"; "other" (or
    none) is "the conversation"."""
    return channel if channel and channel != "other" else "conversation"


def follow_up_events(follow_ups: Sequence[Mapping[str, Any]]) -> list[CalendarEvent]:
    """Open follow-ups: `uuid`, `name` (the contact), `follow_up`, `date`, `channel`."""
    events = []
    for row in follow_ups:
        when = _day(row["follow_up"])
        if when is not None:
            events.append(
                CalendarEvent(
                    _uid(row["uuid"], "follow-up"),
                    f"Follow up with {row['name']}",
                    when,
                    f"After the {_occasion(row['channel'])} of {row['date']}.",
                    "follow-up",
                )
            )
    return events


def keep_in_touch_events(contacts: Sequence[Mapping[str, Any]]) -> list[CalendarEvent]:
    """Stay-in-touch dates: `uuid`, `name`, `follow_up_days` and `keep_in_touch` (the date)."""
    return [
        CalendarEvent(
            _uid(row["uuid"], "keep-in-touch"),
            f"Get in touch with {row['name']}",
            when,
            f"Stay in touch every {row['follow_up_days']} days.",
            "follow-up",
        )
        for row in contacts
        if (when := _day(row["keep_in_touch"])) is not None
    ]


def goal_events(goals: Sequence[Mapping[str, Any]]) -> list[CalendarEvent]:
    """Active goals, milestones and opportunities with a due date: `uuid`, `title`, `kind`,
    `due`, `parent` (a milestone's goal, or empty)."""
    events = []
    for row in goals:
        when = _day(row["due"])
        if when is None:
            continue
        label = {"milestone": "Milestone due", "opportunity": "Opportunity due"}
        summary = f"{label.get(row['kind'], 'Goal due')}: {row['title']}"
        description = f"A milestone of {row['parent']}." if row.get("parent") else ""
        events.append(CalendarEvent(_uid(row["uuid"], "due"), summary, when, description, "goal"))
    return events


def journal_events(
    journal_uuid: str,
    today: date,
    *,
    review_date: date | None,
    last_security: date | None,
    last_review: date | None,
) -> list[CalendarEvent]:
    """The review date, the next security check and the weekly review (every week on the day
    of the last one, else Friday, from this week on)."""
    events = []
    if review_date is not None:
        events.append(
            CalendarEvent(
                _uid(journal_uuid, "performance-review"),
                "Performance review",
                review_date,
                "careertui export --format markdown prints the review packet.",
                "review",
            )
        )
    check = today if last_security is None else last_security
    check += timedelta(days=SECURITY_INTERVAL_DAYS if last_security else 0)
    events.append(
        CalendarEvent(
            _uid(journal_uuid, "security-check"),
            "Employment security check",
            max(check, today),
            "Rate job skills, job performance, business network, job-search skills, finances.",
            "self-check",
        )
    )
    weekday = last_review.weekday() if last_review else REVIEW_WEEKDAY
    start = today - timedelta(days=today.weekday()) + timedelta(days=weekday)
    events.append(
        CalendarEvent(
            _uid(journal_uuid, "weekly-review"),
            "Weekly review",
            start,
            "This week's wins, interactions, key actions, a perception check, next week's focus.",
            "review",
            weekly=True,
        )
    )
    return events
