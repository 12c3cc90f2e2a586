"""The review packet: the year's evidence, to paste into a review form.

Pure rendering from plain data (the store's packet data gathers it) into blocks (`packet_doc`),
written out as Markdown or HTML. User text is written literally (this is a file, not the
terminal), with control characters replaced and line breaks folded inside an entry; a redacted
packet names no contact (`redact.Redactor`) and leaves out notes and evidence links.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from careertui.domain.evidence import evidence_items, is_web_link, star_paragraph
from careertui.domain.packet_doc import (
    Block,
    h1,
    h2,
    h3,
    li,
    more,
    p,
    render_html,
    render_markdown,
)
from careertui.domain.records import split_tags
from careertui.domain.redact import Person, Redactor
from careertui.domain.text import printable

FORMATS = ("markdown", "html")


@dataclass(frozen=True, slots=True)
class PacketWin:
    date: str
    title: str
    impact: str
    tags: tuple[str, ...] = ()
    situation: str = ""
    action: str = ""
    result: str = ""
    evidence: tuple[str, ...] = ()
    """Links or file paths, one each."""
    id: int = 0
    responsibility: str = ""
    goal: str = ""


def packet_win(row: Mapping[str, Any]) -> PacketWin:
    """A win as a packet shows it, from a `wins` row (with `responsibility` and `goal` titles
    when the query joined them)."""
    return PacketWin(
        date=row["date"],
        title=row["title"],
        impact=row["impact"] or "",
        tags=tuple(split_tags(row["tags"])),
        situation=row.get("situation") or "",
        action=row.get("action") or "",
        result=row.get("result") or "",
        evidence=tuple(evidence_items(row.get("evidence"))),
        id=int(row.get("id") or 0),
        responsibility=row.get("responsibility") or "",
        goal=row.get("goal") or "",
    )


@dataclass(frozen=True, slots=True)
class PacketResponsibility:
    title: str
    active: bool
    wins: tuple[PacketWin, ...]


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class PacketInteraction:
    date: str
    channel: str
    notes: str


@dataclass(frozen=True, slots=True)
class PacketContact:
    name: str
    org: str
    role: str
    influence: str
    interactions: tuple[PacketInteraction, ...]


@dataclass(frozen=True, slots=True)
class PacketGap:
    part: str
    points: float
    text: str


@dataclass(frozen=True, slots=True)
class PacketRequirement:
    title: str
    status: str
    plan: str
    wins: tuple[PacketWin, ...]


@dataclass(frozen=True, slots=True)
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
    requirements: tuple[PacketRequirement, ...] = ()
    """The target role's requirements with the wins that evidence them (none: no section)."""
    audience: str = ""
    """The contact a peer-review packet (`--with`) is about; its wins all involve them."""


NONE_YET = "None in this period."


class Writer:
    """User text as a packet writes it: literal, control characters replaced, line breaks
    folded, and names redacted when the redactor is active."""

    def __init__(self, redactor: Redactor | None = None) -> None:
        self.redactor = redactor or Redactor((), active=False)

    @property
    def redacting(self) -> bool:
        return self.redactor.active

    def inline(self, value: object) -> str:
        return self.redactor.text(" ".join(printable(value or "").split()))

    def sentence(self, value: object) -> str:
        text = self.inline(value)
        return text if not text or text[-1] in ".!?…" else text + "."

    def person(self, name: str, org: str = "", role: str = "") -> str:
        return self.redactor.person(Person(self.inline(name), org, role))


def number(value: float) -> str:
    return f"{value:g}"


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def win_line(win: PacketWin, w: Writer, *, extra: str = "") -> str:
    parts = [f"{win.date}: {w.sentence(win.title)}"]
    if w.inline(win.impact):
        parts.append(f"Impact: {w.sentence(win.impact)}")
    if win.tags:
        parts.append(f"Tags: {w.inline(', '.join(win.tags))}.")
    if extra:
        parts.append(extra)
    return " ".join(parts)


def win_blocks(win: PacketWin, w: Writer, depth: int = 0, *, extra: str = "") -> list[Block]:
    """A win's line, its STAR paragraph, and its evidence (links as items under it; a redacted
    packet only counts them: links and paths are private)."""
    blocks = [li(win_line(win, w, extra=extra), depth)]
    star = w.redactor.text(star_paragraph(win.situation, win.action, win.result))
    if star:
        blocks.append(more(star, depth))
    if win.evidence and w.redacting:
        blocks.append(more(f"Evidence on file: {plural(len(win.evidence), 'item')}.", depth))
    elif win.evidence:
        for item in win.evidence:
            text = printable(item)
            blocks.append(li(f"Evidence: {text}", depth + 1, text if is_web_link(text) else ""))
    return blocks


def wins_list(wins: tuple[PacketWin, ...], w: Writer, empty: str = NONE_YET) -> list[Block]:
    blocks = [b for win in wins for b in win_blocks(win, w)]
    return blocks or [p(empty)]


def role_blocks(current: str, target: str, w: Writer) -> list[Block]:
    """ "Role: X, working towards Y." (or the half that is known; nothing without either)."""
    roles = [w.inline(current), w.inline(target)]
    if roles[0] and roles[1]:
        return [p(f"Role: {roles[0]}, working towards {roles[1]}.")]
    if roles[0] or roles[1]:
        return [p(f"Role: {roles[0]}." if roles[0] else f"Working towards {roles[1]}.")]
    return []


def _header(packet: Packet, w: Writer) -> list[Block]:
    blocks = [h1(f"Review packet: {packet.start} to {packet.end}")]
    blocks += role_blocks(packet.current_role, packet.target_role, w)
    if packet.audience:
        who = w.inline(packet.audience)
        blocks.append(p(f"Peer review: only the wins that involve {who}."))
    readiness = f"Review readiness: {packet.score}/100 ({packet.band})"
    days = packet.days_to_review
    if days is not None:
        if days > 0:
            readiness += f", {plural(days, 'day')} to the review on {packet.end}"
        elif days == 0:
            readiness += ", the review is today"
        else:
            readiness += f", the review date passed {plural(-days, 'day')} ago"
    blocks.append(p(readiness + f". Prepared on {packet.today}."))
    return blocks


def _wins(packet: Packet, w: Writer) -> list[Block]:
    blocks = [h2("Wins by responsibility")]
    if not packet.responsibilities:
        blocks.append(p("No responsibilities recorded yet."))
    for responsibility in packet.responsibilities:
        title = w.inline(responsibility.title)
        if not responsibility.active:
            title += " (no longer in the job description)"
        blocks += [h3(title), *wins_list(responsibility.wins, w)]
    return [*blocks, h2("Other wins"), *wins_list(packet.unlinked_wins, w)]


def _requirements(packet: Packet, w: Writer) -> list[Block]:
    """Evidence for the next role: each requirement, its status and plan, and its wins."""
    if not packet.requirements:
        return []
    evidenced = sum(1 for r in packet.requirements if r.wins)
    blocks = [
        h2("Evidence for the next role"),
        p(f"{evidenced} of {plural(len(packet.requirements), 'requirement')} evidenced by wins."),
    ]
    for requirement in packet.requirements:
        blocks.append(h3(f"{w.inline(requirement.title)} ({requirement.status})"))
        plan = w.sentence(requirement.plan)
        if plan and not w.redacting:
            blocks.append(p(f"Plan: {plan}"))
        blocks += wins_list(requirement.wins, w, "No win evidences it yet.")
    return blocks


def _progress(goal: PacketGoal, w: Writer) -> str:
    metric = w.inline(goal.metric)
    unit = f" {metric}." if metric else "."
    if goal.current is None and goal.target is None:
        return f" Metric: {metric}." if metric else ""
    if goal.current is None:
        return f" Target: {number(goal.target or 0)}{unit}"
    target = "" if goal.target is None else f" of {number(goal.target)}"
    return f" Progress: {number(goal.current)}{target}{unit}"


def _goal_line(goal: PacketGoal, w: Writer) -> str:
    state = "reached" if goal.status == "done" else "in progress"
    due = f", due {goal.due}" if goal.due else ""
    return f"{w.inline(goal.title)} ({goal.kind}, {state}{due}).{_progress(goal, w)}"


def _goals(packet: Packet, w: Writer) -> list[Block]:
    blocks = [h2("Goals and milestones reached")]
    if not packet.goals:
        blocks.append(p(NONE_YET))
    for goal in packet.goals:
        blocks.append(li(_goal_line(goal, w)))
        blocks += [li(_goal_line(m, w), 1) for m in goal.milestones]
    return blocks


def _relationships(packet: Packet, w: Writer) -> list[Block]:
    blocks = [h2("Key relationships built")]
    if not packet.relationships:
        blocks.append(p(NONE_YET))
    for contact in packet.relationships:
        who = w.person(contact.name, w.inline(contact.org), w.inline(contact.role))
        count = len(contact.interactions)
        last = contact.interactions[-1].date if contact.interactions else ""
        times = plural(count, "interaction")
        blocks.append(li(f"{who} ({contact.influence}): {times}, the latest on {last}."))
        for interaction in contact.interactions:
            notes = "" if w.redacting else w.sentence(interaction.notes)
            head = f"{interaction.date}, {interaction.channel}"
            blocks.append(li(head + (f": {notes}" if notes else "."), 1))
    return blocks


def _gaps(packet: Packet, w: Writer) -> list[Block]:
    blocks = [h2("Readiness gaps left")]
    if not packet.gaps:
        blocks.append(p("None: every part of the readiness score has full marks."))
    for gap in packet.gaps:
        part = gap.part.replace("_", " ")
        blocks.append(li(f"{w.inline(gap.text)} ({part}, {number(gap.points)} points)."))
    return blocks


def review_blocks(packet: Packet, w: Writer) -> list[Block]:
    """The review packet: the period's wins by responsibility, the evidence for the next role,
    goals reached, relationships built and the readiness gaps left."""
    return [
        *_header(packet, w),
        *_wins(packet, w),
        *_requirements(packet, w),
        *_goals(packet, w),
        *_relationships(packet, w),
        *_gaps(packet, w),
    ]


def render(blocks: list[Block], fmt: str = "markdown") -> str:
    """Blocks as Markdown, or as an HTML page titled by the first heading."""
    if fmt == "html":
        title = next((b.text for b in blocks if b.kind == "h1"), "careertui packet")
        return render_html(blocks, title)
    return render_markdown(blocks)


def render_packet(
    packet: Packet, *, redactor: Redactor | None = None, fmt: str = "markdown"
) -> str:
    """The review packet as Markdown (or HTML), ending with one newline."""
    return render(review_blocks(packet, Writer(redactor)), fmt)
