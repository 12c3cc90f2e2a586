"""The Roadmap's Target role tab: what the role you want next requires, as have / partial /
gap, with your plan to close each."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.content import Content

from careertui.widgets.roadmap.common import (
    Columns,
    RoadmapData,
    RoadmapTab,
    Row,
    narrowed,
    plural,
    tab_label,
)
from careertui.widgets.safe import cell, compose, line

REQUIREMENT_COLUMNS: Columns = (
    ("Requirement", "title", 38),
    ("Status", "status", 9),
    ("Evidence", "wins", 18),
    ("Plan to close it", "plan", None),
)
# Below the width the columns above need, the plan goes (the detail panel shows it) and the
# requirement takes the room left.
NARROW_REQUIREMENT_COLUMNS = narrowed(REQUIREMENT_COLUMNS, {"title": None}, drop=("plan",))
EVIDENCE_SHOWN = 4
"""Evidencing wins the fixed-height detail lists (the rest are counted)."""
REQUIREMENT_LOOK = {
    "have": ("● have", "green"),
    "partial": ("◐ partial", "yellow"),
    "gap": ("○ gap", "red"),
}


def requirement_row(requirement: dict[str, Any]) -> Row:
    look, style = REQUIREMENT_LOOK.get(requirement["status"], (requirement["status"] or "", ""))
    plan = requirement["plan"] or ""
    return f"requirement-{requirement['id']}", [
        cell(requirement["title"], 44),
        Text(look, style=style),
        evidence_cell(requirement),
        cell(plan, 70)
        if plan.strip()
        else Text(
            "no plan yet" if requirement["status"] != "have" else "",
            style="dim italic",
        ),
    ]


def evidence_cell(requirement: dict[str, Any]) -> Text:
    """How many wins evidence it, and the status they suggest ("2 wins → partial?")."""
    count = len(requirement.get("wins") or ())
    text = Text(plural(count, "win") if count else "none yet", style="" if count else "dim")
    if requirement.get("suggested"):
        text.append(f" → {requirement['suggested']}?", style="bold cyan")
    return text


def evidence_lines(found: dict[str, Any]) -> list[Content]:
    """The detail's lines about the wins that evidence a requirement, and the suggestion."""
    wins = list(found.get("wins") or ())
    lines = []
    if found.get("suggested"):
        lines.append(
            Content.from_markup(
                "[b $accent]$n wins suggest $s[/]: [b]u[/] accepts (nothing changes until then)",
                n=str(len(wins)),
                s=str(found["suggested"]),
            )
        )
    if not wins:
        lines.append(
            Content("No win evidences it yet: link one from the win form (4, e).").stylize(
                "dim italic"
            )
        )
    for win in wins[-EVIDENCE_SHOWN:][::-1]:
        impact = f" ({win['impact']})" if str(win["impact"] or "").strip() else ""
        lines.append(
            compose(("✓ ", "$success"), (f"{win['date']} ", "dim"), f"{win['title']}{impact}")
        )
    hidden = len(wins) - EVIDENCE_SHOWN
    if hidden > 0:
        lines.append(Content(f"… and {plural(hidden, 'older win')}").stylize("dim italic"))
    return lines


def case_text(case: Any) -> Content:
    """The promotion case: requirements evidenced / all, and the first next step."""
    if case is None or not case.total:
        return Content("")
    head = Content(f"Promotion case: {case.text}").stylize("bold")
    if not case.next_steps:
        return head
    return Content("").join(
        [head, Content("  next: ").stylize("dim"), line(case.next_steps[0], 80)]
    )


class TargetTab(RoadmapTab):
    """The skills and responsibilities of the role you want next, and your plan for each."""

    DEFAULT_CSS = """
    TargetTab #requirement-detail { text-wrap: nowrap; text-overflow: ellipsis; }
    """
    """One line per item in the fixed-height detail: a long win is cut, not wrapped."""

    KIND = "requirement"
    TABLE_ID = "requirements-table"
    DETAIL_ID = "requirement-detail"

    def __init__(self) -> None:
        super().__init__(tab_label("Target role", "t"), id="target")

    async def show(self, data: RoadmapData, filter_text: str) -> None:
        await super().show(data, filter_text)
        shown = [
            requirement
            for requirement in data.requirements["rows"]
            if self.matches(requirement["title"], requirement["plan"], requirement["status"])
        ]
        table = await self.fill(
            REQUIREMENT_COLUMNS, shown, requirement_row, NARROW_REQUIREMENT_COLUMNS
        )
        counts = data.requirements["counts"]
        role = str(data.profile.get("target_role") or "").strip()
        summary = (
            f" — {plural(counts.get('gap', 0), 'gap')}, {counts.get('partial', 0)} partial, "
            f"{counts.get('have', 0)} have"
        )
        table.border_title = self.titled(
            compose(("Target role", ""), *((": ", ""), role) if role else (), (summary, ""))
        )
        table.border_subtitle = (
            case_text(data.requirements.get("case"))
            if data.requirements["rows"]
            else Content("Study the role you want next: a adds a skill or responsibility it needs")
        )

    def detail(self) -> Content:
        found = self.data.requirement(self.picked_id())
        if found is None:
            return Content(
                "The skills and responsibilities of the role you want next, and your plan for each."
            ).stylize("dim italic")
        look, style = REQUIREMENT_LOOK.get(found["status"], (found["status"] or "", ""))
        plan = str(found["plan"] or "").strip()
        body = (
            line(plan, 200)  # one line: the detail has a fixed height
            if plan
            else Content("No plan yet: e to write how you will close it.").stylize("dim italic")
        )
        heading = Content("").join(
            [line(found["title"], 100, "bold"), compose((f"   {look}", style))]
        )
        return Content("\n").join([heading, body, *evidence_lines(found)])
