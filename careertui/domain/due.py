"""What is due (docs/FORMULAS.md): follow-ups, milestones in the next two weeks, the security
check."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from careertui.domain.records import SECURITY_PILLARS
from careertui.domain.text import one_line

MILESTONE_HORIZON_DAYS = 14
SECURITY_INTERVAL_DAYS = 90
NOTE_PREVIEW = 60


@dataclass(frozen=True, slots=True)
class OpenFollowUp:
    """An interaction with a follow-up date that is not done."""

    interaction_id: int
    contact_id: int
    contact: str
    follow_up: date
    notes: str = ""


@dataclass(frozen=True, slots=True)
class KeepInTouch:
    """A contact with a stay-in-touch cadence; `last_seen` is their latest interaction up to
    today, `created` the day the contact was added (the clock starts there if never seen)."""

    contact_id: int
    contact: str
    every: int
    last_seen: date | None
    created: date


@dataclass(frozen=True, slots=True)
class FollowUp:
    kind: str
    """`interaction` (its follow-up date) or `contact` (the stay-in-touch cadence)."""
    contact_id: int
    contact: str
    interaction_id: int | None
    due: date
    days_overdue: int
    text: str


def _ago(days: int) -> str:
    if days == 0:
        return "today"
    return f"{days} day ago" if days == 1 else f"{days} days ago"


def follow_ups_due(
    open_follow_ups: Iterable[OpenFollowUp], keep_in_touch: Iterable[KeepInTouch], today: date
) -> list[FollowUp]:
    """Follow-up dates on or before today, and contacts whose `every` days have passed since
    they were last seen (or added, if never); the most overdue first."""
    due: list[FollowUp] = []
    for item in open_follow_ups:
        if item.follow_up > today:
            continue
        notes = one_line(item.notes, NOTE_PREVIEW)
        due.append(
            FollowUp(
                "interaction",
                item.contact_id,
                item.contact,
                item.interaction_id,
                item.follow_up,
                (today - item.follow_up).days,
                f"Follow up with {item.contact}" + (f": {notes}" if notes else ""),
            )
        )
    for contact in keep_in_touch:
        since = contact.last_seen or contact.created
        when = since + timedelta(days=contact.every)
        if when > today:
            continue
        seen = (
            "never seen"
            if contact.last_seen is None
            else (f"last seen {_ago((today - contact.last_seen).days)}")
        )
        due.append(
            FollowUp(
                "contact",
                contact.contact_id,
                contact.contact,
                None,
                when,
                (today - when).days,
                f"Get in touch with {contact.contact} (every {contact.every} days), {seen}",
            )
        )
    due.sort(
        key=lambda f: (f.due, f.kind != "interaction", f.contact.casefold(), f.interaction_id or 0)
    )
    return due


@dataclass(frozen=True, slots=True)
class Milestone:
    id: int
    title: str
    goal: str | None
    due: date


@dataclass(frozen=True, slots=True)
class MilestoneDue:
    id: int
    title: str
    goal: str | None
    due: date
    days: int
    """Days until due; negative when overdue."""


def milestones_due(milestones: Iterable[Milestone], today: date) -> list[MilestoneDue]:
    """Active milestones due within the next 14 days, overdue ones included; soonest first.
    (The caller passes active milestones only: status is the store's filter.)"""
    horizon = today + timedelta(days=MILESTONE_HORIZON_DAYS)
    due = [
        MilestoneDue(m.id, m.title, m.goal, m.due, (m.due - today).days)
        for m in milestones
        if m.due <= horizon
    ]
    due.sort(key=lambda m: (m.due, m.id))
    return due


@dataclass(frozen=True, slots=True)
class SecurityStatus:
    due: bool
    last_date: date | None
    weakest: str | None
    """The pillar with the lowest score in the last check; ties go to the pillar lower in the
    hierarchy (job skills first), the foundation the others stand on."""
    weakest_score: int | None
    days_since: int | None


def security_status(
    last_date: date | None, scores: Mapping[str, int] | None, today: date
) -> SecurityStatus:
    """Due when there is no check up to today or the last is older than 90 days."""
    if last_date is None or last_date > today or not scores:
        return SecurityStatus(True, None, None, None, None)
    weakest = min(SECURITY_PILLARS, key=lambda pillar: scores[pillar])
    days = (today - last_date).days
    return SecurityStatus(days > SECURITY_INTERVAL_DAYS, last_date, weakest, scores[weakest], days)


LOOK_BACK_DAYS = 90
LOOKED_BACK_ON = ("accepted", "declined")
"""The decisions looked back on: a choice made, as opposed to one still open or let go."""


@dataclass(frozen=True, slots=True)
class Decided:
    """An opportunity's latest decision (the caller passes the latest one per opportunity)."""

    goal_id: int
    title: str
    choice: str
    date: date
    answered: bool
    """Whether "how did it turn out?" has been answered."""


@dataclass(frozen=True, slots=True)
class LookBack:
    goal_id: int
    title: str
    choice: str
    decided: date
    due: date
    text: str


def look_backs_due(decisions: Iterable[Decided], today: date) -> list[LookBack]:
    """Accepted or declined opportunities 90 days on, not yet looked back on; oldest first."""
    due = []
    for d in decisions:
        when = d.date + timedelta(days=LOOK_BACK_DAYS)
        if d.choice in LOOKED_BACK_ON and not d.answered and when <= today:
            text = f"How did the choice of {one_line(d.title, NOTE_PREVIEW)} turn out?"
            due.append(LookBack(d.goal_id, d.title, d.choice, d.date, when, text))
    due.sort(key=lambda item: (item.due, item.goal_id))
    return due


MEASURE_AGES = (30, 60, 90)
"""Ages (days) at which a win without a measured impact asks for its number."""
MEASURE_WINDOW_DAYS = 7
"""How long each of those reminders stays due: a week, so a weekly review sees it."""


@dataclass(frozen=True, slots=True)
class UnmeasuredWin:
    id: int
    title: str
    date: date


@dataclass(frozen=True, slots=True)
class MeasureDue:
    win_id: int
    title: str
    date: date
    age: int
    """The reminder's age (30, 60 or 90 days): the win is `age` to `age + 6` days old."""
    text: str


def measure_due(wins: Iterable[UnmeasuredWin], today: date) -> list[MeasureDue]:
    """Wins without a measured impact (no digit) that are 30, 60 or 90 days old, or were so
    less than a week ago: "Measure: TITLE", so a result that was "TBD" gets its number while it
    can still be found. The oldest first."""
    due = []
    for win in wins:
        days = (today - win.date).days
        for age in MEASURE_AGES:
            if age <= days < age + MEASURE_WINDOW_DAYS:
                text = f"Measure: {one_line(win.title, NOTE_PREVIEW)} ({age} days old)"
                due.append(MeasureDue(win.id, win.title, win.date, age, text))
    due.sort(key=lambda m: (m.date, m.win_id))
    return due
