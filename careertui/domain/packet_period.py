"""The week and month packets: a manager's weekly update and a skip-level monthly update.

Pure rendering from plain data, as the review packet (`packet.py`) is: blocks written out as
Markdown or HTML, user text literal and folded, names redacted when asked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from careertui.domain.cadence import CadenceError, parse_cadence
from careertui.domain.evidence import measured
from careertui.domain.packet import (
    PacketWin,
    Writer,
    plural,
    role_blocks,
    win_blocks,
    wins_list,
)
from careertui.domain.packet_doc import Block, h1, h2, h3, li, p


@dataclass(frozen=True, slots=True)
class PacketSeen:
    """An interaction of the period, with the contact it was with."""

    date: str
    channel: str
    name: str
    org: str
    role: str
    notes: str


@dataclass(frozen=True, slots=True)
class PacketActionWeek:
    title: str
    cadence: str
    done: int
    """Check-ins (not skips) in the week."""


@dataclass(frozen=True, slots=True)
class WeekPacket:
    week: str
    start: date
    end: date
    today: date
    current_role: str
    target_role: str
    wins: tuple[PacketWin, ...]
    people: tuple[PacketSeen, ...]
    actions: tuple[PacketActionWeek, ...]
    focus: tuple[str, ...]
    """Next week's priorities from this week's review (none: no review yet)."""
    audience: str = ""


@dataclass(frozen=True, slots=True)
class MonthPacket:
    start: date
    end: date
    today: date
    current_role: str
    target_role: str
    wins: tuple[PacketWin, ...]
    """Oldest first, each with its goal and responsibility titles."""
    goals: tuple[str, ...]
    """Goal titles in the order the month's wins are grouped by (the goals' order)."""
    responsibilities: tuple[str, ...]
    """Active responsibilities in job-description order, and inactive ones with wins in it."""
    audience: str = ""


def expected_in_week(cadence: str, start: date, today: date) -> int | None:
    """Check-ins the cadence asks for in the week starting `start`, counting the days up to
    today only for the current week; None for a monthly cadence (a week is not its period)."""
    try:
        parsed = parse_cadence(cadence)
    except CadenceError:
        return None
    days = min(7, max(0, (today - start).days + 1))
    if parsed.unit == "daily":
        return days
    if parsed.unit == "weekdays":
        return min(5, days)
    if parsed.unit == "weekly":
        return parsed.times
    return None


def _audience(audience: str, w: Writer) -> list[Block]:
    return [p(f"Only the wins that involve {w.inline(audience)}.")] if audience else []


def _summary(wins: tuple[PacketWin, ...]) -> str:
    count = sum(1 for win in wins if measured(win.impact))
    return f"{plural(len(wins), 'win')}, {count} with a measured impact."


def _action_line(action: PacketActionWeek, week: WeekPacket) -> str:
    expected = expected_in_week(action.cadence, week.start, week.today)
    head = f"{action.title} ({action.cadence}): "
    if expected is None:
        return head + f"{plural(action.done, 'check-in')} this week."
    whole = expected_in_week(action.cadence, week.start, week.end) or expected
    so_far = " so far" if expected < whole else ""
    state = ", met" if action.done >= expected else ""
    return head + f"{action.done} of {expected}{so_far}{state}."


def week_blocks(week: WeekPacket, w: Writer) -> list[Block]:
    """A manager update: the ISO week's wins, the people seen (the interaction's notes left out
    when redacting), how each key action did against its cadence so far, next week's focus."""
    span = f"{week.start:%a %d %b} to {week.end:%a %d %b %Y}"
    blocks = [
        h1(f"Week update: {week.week}"),
        p(f"{span}. Prepared on {week.today.isoformat()}."),
        *role_blocks(week.current_role, week.target_role, w),
        *_audience(week.audience, w),
        h2("Wins this week"),
    ]
    if week.wins:
        blocks.append(p(_summary(week.wins)))
    blocks += wins_list(week.wins, w, "No wins recorded this week yet.")
    blocks.append(h2("People seen"))
    for seen in week.people:
        notes = "" if w.redacting else w.sentence(seen.notes)
        who = w.person(seen.name, w.inline(seen.org), w.inline(seen.role))
        blocks.append(li(f"{seen.date}, {seen.channel}: {who}." + (f" {notes}" if notes else "")))
    if not week.people:
        blocks.append(p("Nobody this week."))
    blocks.append(h2("Key actions"))
    blocks += [li(w.inline(_action_line(a, week))) for a in week.actions]
    if not week.actions:
        blocks.append(p("No key actions."))
    blocks.append(h2("Next week's focus"))
    blocks += [li(w.inline(item)) for item in week.focus]
    if not week.focus:
        blocks.append(p("Not set yet: the weekly review's last step sets it."))
    return blocks


def month_blocks(month: MonthPacket, w: Writer) -> list[Block]:
    """A skip-level update: the calendar month's wins under their goals (in the goals' order,
    then those linked to none), then a count of them per responsibility."""
    blocks = [
        h1(f"Month update: {month.start:%B %Y}"),
        p(f"{month.start.isoformat()} to {month.end.isoformat()}. Prepared on {month.today}."),
        *role_blocks(month.current_role, month.target_role, w),
        *_audience(month.audience, w),
        p(_summary(month.wins)),
        h2("Wins by goal"),
    ]
    for goal in (*month.goals, ""):
        wins = tuple(win for win in month.wins if win.goal == goal)
        if not wins:
            continue
        blocks.append(h3(w.inline(goal) if goal else "Not linked to a goal"))
        for win in wins:
            extra = f"For: {w.sentence(win.responsibility)}" if win.responsibility else ""
            blocks += win_blocks(win, w, extra=extra)
    if not month.wins:
        blocks.append(p("No wins recorded this month yet."))
    blocks.append(h2("Wins by responsibility"))
    for title in month.responsibilities:
        count = sum(1 for win in month.wins if win.responsibility == title)
        blocks.append(li(f"{w.inline(title)}: {plural(count, 'win')}."))
    unlinked = sum(1 for win in month.wins if not win.responsibility)
    if unlinked:
        blocks.append(li(f"Not linked to a responsibility: {plural(unlinked, 'win')}."))
    if not month.responsibilities and not unlinked:
        blocks.append(p("No responsibilities recorded yet."))
    return blocks
