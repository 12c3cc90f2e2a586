"""The review packet: the year's evidence as Markdown, to paste into a review form.

Pure rendering from plain data (`careertui.store.exchange.packet_data` gathers it). It is written
for people, not parsers: headings and one line per entry, no tables, no emphasis markers, so it
reads the same rendered or pasted as plain text. User text is written literally (this is a file,
not the terminal), with control characters replaced and line breaks folded inside an entry.
"""

from __future__ import annotations

from dataclasses import dataclass

from careertui.domain.text import printable


@dataclass(frozen=True)
class PacketWin:
    date: str
    title: str
    impact: str
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class PacketResponsibility:
    title: str
    active: bool
    wins: tuple[PacketWin, ...]


@dataclass(frozen=True)
class PacketGoal:
    title: str
    kind: str
    status: str
    due: str | None
    metric: str
    target: float | None
    current: float | None
    milestones: tuple[PacketGoal, ...] = ()
    """The milestones reached in the period (for a goal or an opportunity)."""


@dataclass(frozen=True)
class PacketInteraction:
    date: str
    channel: str
    notes: str


@dataclass(frozen=True)
class PacketContact:
    name: str
    org: str
    role: str
    influence: str
    interactions: tuple[PacketInteraction, ...]


@dataclass(frozen=True)
class PacketGap:
    part: str
    points: float
    text: str


@dataclass(frozen=True)
class Packet:
    start: str
    end: str
    today: str
    current_role: str
    target_role: str
    score: int
    band: str
    days_to_review: int | None
    responsibilities: tuple[PacketResponsibility, ...]
    """Active responsibilities in job-description order, and inactive ones that have wins."""
    unlinked_wins: tuple[PacketWin, ...]
    goals: tuple[PacketGoal, ...]
    """Goals and opportunities reached in the period, or holding milestones reached in it."""
    relationships: tuple[PacketContact, ...]
    """Decision-makers and sponsors met in the period, with those interactions."""
    gaps: tuple[PacketGap, ...]


NONE_YET = "None in this period."


def _inline(value: object) -> str:
    """User text for one line: literal, control characters replaced, line breaks folded."""
    return " ".join(printable(value).split())


def _sentence(value: object) -> str:
    text = _inline(value)
    return text if not text or text[-1] in ".!?…" else text + "."


def _number(value: float) -> str:
    return f"{value:g}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _win_line(win: PacketWin) -> str:
    parts = [f"- {win.date}: {_sentence(win.title)}"]
    if _inline(win.impact):
        parts.append(f"Impact: {_sentence(win.impact)}")
    if win.tags:
        parts.append(f"Tags: {_inline(', '.join(win.tags))}.")
    return " ".join(parts)


def _header(packet: Packet) -> list[str]:
    lines = [f"# Review packet: {packet.start} to {packet.end}", ""]
    roles = [_inline(packet.current_role), _inline(packet.target_role)]
    if roles[0] and roles[1]:
        lines += [f"Role: {roles[0]}, working towards {roles[1]}.", ""]
    elif roles[0] or roles[1]:
        lines += [f"Role: {roles[0]}." if roles[0] else f"Working towards {roles[1]}.", ""]
    readiness = f"Review readiness: {packet.score}/100 ({packet.band})"
    days = packet.days_to_review
    if days is not None:
        if days > 0:
            readiness += f", {_plural(days, 'day')} to the review on {packet.end}"
        elif days == 0:
            readiness += ", the review is today"
        else:
            readiness += f", the review date passed {_plural(-days, 'day')} ago"
    lines += [readiness + f". Prepared on {packet.today}.", ""]
    return lines


def _wins(packet: Packet) -> list[str]:
    lines = ["## Wins by responsibility", ""]
    if not packet.responsibilities:
        lines += ["No responsibilities recorded yet.", ""]
    for responsibility in packet.responsibilities:
        title = _inline(responsibility.title)
        if not responsibility.active:
            title += " (no longer in the job description)"
        lines += [f"### {title}", ""]
        lines += [_win_line(w) for w in responsibility.wins] or [NONE_YET]
        lines.append("")
    lines += ["## Other wins", ""]
    lines += [_win_line(w) for w in packet.unlinked_wins] or [NONE_YET]
    lines.append("")
    return lines


def _progress(goal: PacketGoal) -> str:
    metric = _inline(goal.metric)
    unit = f" {metric}." if metric else "."
    if goal.current is None and goal.target is None:
        return f" Metric: {metric}." if metric else ""
    if goal.current is None:
        return f" Target: {_number(goal.target or 0)}{unit}"
    target = "" if goal.target is None else f" of {_number(goal.target)}"
    return f" Progress: {_number(goal.current)}{target}{unit}"


def _goal_line(goal: PacketGoal, indent: str = "") -> str:
    state = "reached" if goal.status == "done" else "in progress"
    due = f", due {goal.due}" if goal.due else ""
    return f"{indent}- {_inline(goal.title)} ({goal.kind}, {state}{due}).{_progress(goal)}"


def _goals(packet: Packet) -> list[str]:
    lines = ["## Goals and milestones reached", ""]
    if not packet.goals:
        lines.append(NONE_YET)
    for goal in packet.goals:
        lines.append(_goal_line(goal))
        lines += [_goal_line(m, "  ") for m in goal.milestones]
    return lines + [""]


def _relationships(packet: Packet) -> list[str]:
    lines = ["## Key relationships built", ""]
    if not packet.relationships:
        lines.append(NONE_YET)
    for contact in packet.relationships:
        role = ", ".join(p for p in (_inline(contact.role), _inline(contact.org)) if p)
        who = f"{_inline(contact.name)}" + (f", {role}" if role else "")
        count = len(contact.interactions)
        last = contact.interactions[-1].date if contact.interactions else ""
        lines.append(
            f"- {who} ({contact.influence}): {_plural(count, 'interaction')}, the latest on {last}."
        )
        for interaction in contact.interactions:
            notes = _sentence(interaction.notes)
            lines.append(
                f"  - {interaction.date}, {interaction.channel}" + (f": {notes}" if notes else ".")
            )
    return lines + [""]


def _gaps(packet: Packet) -> list[str]:
    lines = ["## Readiness gaps left", ""]
    if not packet.gaps:
        lines.append("None: every part of the readiness score has full marks.")
    for gap in packet.gaps:
        part = gap.part.replace("_", " ")
        lines.append(f"- {_inline(gap.text)} ({part}, {_number(gap.points)} points).")
    return lines + [""]


def render_packet(packet: Packet) -> str:
    """The packet as Markdown, ending with one newline."""
    lines = [
        *_header(packet),
        *_wins(packet),
        *_goals(packet),
        *_relationships(packet),
        *_gaps(packet),
    ]
    return "\n".join(lines).rstrip("\n") + "\n"
