"""The demo's key actions and their check-ins: streaks that are alive today, a few skips and
misses."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from careertui.demo.network import CONTACTS
from careertui.demo.year import ACTIONS_SINCE, Year

POSTS = (
    "Why our payment retries are idempotent",
    "Reading an SLO dashboard in five minutes",
    "What we learned from the first game day",
    "Designing for rollback",
    "How we review designs before we build",
    "Event bus migration: the checklist",
    "On-call without heroics",
    "Cost per transaction, explained",
    "The ledger service in one page",
    "Writing ADRs people read",
    "Payouts API: the design choices",
    "Three habits of calm incident commanders",
)


def actions(year: Year, goals: list[dict[str, Any]]) -> list[dict[str, Any]]:
    promotion, reliability, visibility = (g["uuid"] for g in goals[:3])
    since = year.ago(ACTIONS_SINCE)
    return [
        year.record(
            since, title="Write 30 min of notes", goal_uuid=promotion, cadence="daily", active=1
        ),
        year.record(
            since,
            title="Review one PR deeply",
            goal_uuid=reliability,
            cadence="weekdays",
            active=1,
        ),
        year.record(
            since,
            title="Coffee with someone outside the team",
            goal_uuid=visibility,
            cadence="weekly:2",
            active=1,
        ),
        year.record(
            since,
            title="Publish an internal post",
            goal_uuid=visibility,
            cadence="monthly",
            active=1,
        ),
    ]


def checkin(
    year: Year, action: dict[str, Any], day: date, *, skip: bool = False, note: str = ""
) -> dict[str, Any]:
    return year.record(
        day, action_uuid=action["uuid"], date=day.isoformat(), skip=int(skip), note=note
    )


def _days(year: Year, since: date) -> Iterator[date]:
    """Every day from `since` to yesterday: today is left to check in."""
    day = since
    while day < year.today:
        yield day
        day += timedelta(days=1)


def checkins(year: Year, actions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    notes, review, coffee, post = actions
    since = year.ago(ACTIONS_SINCE)
    rows: list[dict[str, Any]] = []
    # Daily notes: a 3-week run up to yesterday around a two-day skip, misses before it.
    for day in _days(year, since):
        age = (year.today - day).days
        if age in (9, 10):
            rows.append(checkin(year, notes, day, skip=True, note="Offsite, no laptop"))
        elif age in (150, 151, 152):
            rows.append(checkin(year, notes, day, skip=True, note="Holiday"))
        elif age <= 23 or year.rng.random() < 0.8:
            rows.append(checkin(year, notes, day))
    # Weekdays: the last three weeks in a row, one planned skip.
    for day in _days(year, since):
        if day.weekday() >= 5:
            continue
        age = (year.today - day).days
        if age in (150, 151):
            rows.append(checkin(year, review, day, skip=True, note="Holiday"))
        elif age <= 21 or year.rng.random() < 0.75:
            rows.append(checkin(year, review, day))
    # Twice a week: the last six weeks met, one of two this week so far.
    monday = year.today - timedelta(days=year.today.weekday())
    week = since - timedelta(days=since.weekday())
    people = [c[0] for c in CONTACTS if c[4] in ("peer", "mentor", "other")]
    while week <= monday:
        days = [week + timedelta(days=n) for n in range(5)]
        days = [d for d in days if since <= d < year.today]
        weeks_ago = (monday - week).days // 7
        if week == monday:
            wanted = min(1, len(days))
        elif weeks_ago <= 6:
            wanted = 2
        else:
            wanted = year.rng.choices((0, 1, 2), weights=(1, 2, 5))[0]
        for day in sorted(year.rng.sample(days, min(wanted, len(days)))):
            who = year.rng.choice(people)
            rows.append(checkin(year, coffee, day, note=f"Coffee with {who}"))
        week += timedelta(days=7)
    # Monthly posts: one skipped month (holiday), the rest published.
    month = date(since.year, since.month, 1)
    titles = iter(POSTS)
    while month <= year.today:
        day = month + timedelta(days=year.rng.randint(2, 24))
        if since <= day < year.today:
            if (year.today - day).days in range(135, 165):
                rows.append(checkin(year, post, day, skip=True, note="Holiday month"))
            else:
                rows.append(checkin(year, post, day, note=f"Posted: {next(titles, 'Notes')}"))
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return rows
