"""The Roadmap's Goals tab: goals and their milestones as a tree, progress, due dates, status."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from rich.text import Text
from textual.content import Content

from careertui.clock import today as clock_today
from careertui.widgets.roadmap.common import (
    Columns,
    RoadmapData,
    RoadmapTab,
    Row,
    meter,
    narrowed,
    number,
    plural,
    tab_label,
)
from careertui.widgets.safe import cell, compose, line

GOAL_COLUMNS: Columns = (
    ("Goal", "title", None),
    ("Metric", "metric", 18),
    ("Progress", "progress", 20),
    ("Due", "due", 17),
    ("Status", "status", 9),
)
# Below the width the columns above need, text columns shrink, so the status and dates stay
# in view.
NARROW_GOAL_COLUMNS = narrowed(GOAL_COLUMNS, {"metric": 10, "progress": 14, "status": 7})
STATUS_LOOK = {
    "active": ("active", ""),
    "done": ("✓ done", "green"),
    "dropped": ("dropped", "dim strike"),
}


def due_cell(due: str | None, status: str, today: date) -> Text:
    """The due date and how far off it is; red when an active item is overdue."""
    if not due:
        return Text("")
    try:
        days = (date.fromisoformat(due) - today).days
    except ValueError:
        return cell(due)
    if status != "active":
        return Text(due, style="dim")
    span = f"{abs(days)}d" if abs(days) < 100 else f"{abs(days) // 30}mo"
    when = "today" if days == 0 else f"in {span}" if days > 0 else f"{span} late"
    style = "red" if days < 0 else "yellow" if days <= 14 else ""
    return Text.assemble((due, style), (f" {when}", style or "dim"))


def progress_cell(goal: dict[str, Any]) -> Text:
    """current/target with a meter, or milestones done/total for a goal measured by them."""
    target, current = goal.get("target"), goal.get("current")
    if target:
        fraction = (current or 0) / target
        return Text.assemble(
            meter(fraction, "green" if fraction >= 1 else "cyan"),
            f" {number(current or 0)}/{number(target)}",
        )
    milestones = goal.get("milestones") or []
    if milestones:
        done = sum(1 for m in milestones if m["status"] == "done")
        return Text.assemble(
            meter(done / len(milestones), "cyan"), (f" {done}/{len(milestones)} milestones", "dim")
        )
    return Text(number(current), style="dim")


def goal_title_cell(goal: dict[str, Any], depth: int, last: bool) -> Text:
    if depth:
        branch = "  └ " if last else "  ├ "
        style = {"dropped": "dim strike", "done": "dim"}.get(goal["status"], "")
        return Text.assemble((branch, "dim"), cell(goal["title"], 60, style))
    marker = ("★ ", "bold yellow") if goal["kind"] == "opportunity" else ("◆ ", "bold cyan")
    style = "bold" if goal["status"] == "active" else "dim"
    if goal["status"] == "dropped":
        style = "dim strike"
    return Text.assemble(marker, cell(goal["title"], 60, style))


def goal_cells(goal: dict[str, Any], depth: int, last: bool, today: date) -> list[Any]:
    status, style = STATUS_LOOK.get(goal["status"], (goal["status"] or "", ""))
    return [
        goal_title_cell(goal, depth, last),
        cell(goal["metric"], 24),
        progress_cell(goal),
        due_cell(goal["due"], goal["status"], today),
        Text(status, style=style),
    ]


def goal_entries(
    goals: Sequence[dict[str, Any]], matches: Callable[..., bool]
) -> list[tuple[dict[str, Any], int, bool]]:
    """The goal tree as table rows: (goal, depth, last of its goal's milestones). A goal the
    filter misses stays when one of its milestones matches (only those are listed)."""
    entries: list[tuple[dict[str, Any], int, bool]] = []
    for goal in goals:
        listed = goal["milestones"]
        if not matches(goal["title"], goal["metric"]):
            listed = [m for m in listed if matches(m["title"], m["metric"])]
            if not listed:
                continue
        entries.append((goal, 0, False))
        entries.extend(
            (milestone, 1, position == len(listed) - 1) for position, milestone in enumerate(listed)
        )
    return entries


class GoalsTab(RoadmapTab):
    """Goals you can measure, broken into milestones with dates."""

    KIND = "goal"
    TABLE_ID = "goals-table"
    DETAIL_ID = "goal-detail"

    def __init__(self) -> None:
        super().__init__(tab_label("Goals", "g"), id="goals")

    async def show(self, data: RoadmapData, filter_text: str) -> None:
        await super().show(data, filter_text)
        today = data.loaded_on or clock_today()

        def to_row(entry: tuple[dict[str, Any], int, bool]) -> Row:
            goal, depth, last = entry
            return f"goal-{goal['id']}", goal_cells(goal, depth, last, today)

        table = await self.fill(
            GOAL_COLUMNS, goal_entries(data.goals, self.matches), to_row, NARROW_GOAL_COLUMNS
        )
        count = sum(1 for g in data.goals if g["status"] == "active")
        opportunities = sum(
            1 for g in data.goals if g["kind"] == "opportunity" and g["status"] == "active"
        )
        title = f"Goals — {count} active" + (
            f", {plural(opportunities, 'opportunity', 'opportunities')}" if opportunities else ""
        )
        table.border_title = self.titled(title)
        table.border_subtitle = (
            Content.from_markup(
                "[b $accent]◆[/] goal  [b yellow]★[/] opportunity  [dim]└[/] milestone"
            )
            if data.goals
            else Content("No goals yet: press a to add one, then m for its milestones")
        )

    def detail(self) -> Content:
        goal_id = self.picked_id()
        goal = self.data.goal(goal_id) if goal_id is not None else None
        if goal is None:
            return Content("Goals you can measure, broken into milestones with dates.").stylize(
                "dim italic"
            )
        due = f" · due {goal['due']}" if goal["due"] else ""
        lines = [
            Content("").join(
                [
                    line(goal["title"], 100, "bold"),
                    Content(f"   {goal['kind']} · {goal['status']}{due}").stylize("dim"),
                ]
            )
        ]
        if goal["metric"] or goal["target"] is not None:
            lines.append(
                compose(
                    ("Metric  ", "dim"),
                    str(goal["metric"] or "—"),
                    (f"   {number(goal['current']) or '0'} of {number(goal['target']) or '?'}", ""),
                )
            )
        milestones = goal.get("milestones") or []
        if milestones:
            done = sum(1 for m in milestones if m["status"] == "done")
            upcoming = [m for m in milestones if m["status"] == "active"]
            parts: list[tuple[str, str] | str] = [
                ("Milestones  ", "dim"),
                (f"{done} of {len(milestones)} done", ""),
            ]
            if upcoming:
                parts += [("   next: ", "dim"), str(upcoming[0]["title"])]
                if upcoming[0]["due"]:
                    parts.append((f" ({upcoming[0]['due']})", "dim"))
            lines.append(compose(*parts))
        linked = [a for a in self.data.actions if a["goal_id"] == goal["id"]]
        if linked:
            parts = [("Key actions  ", "dim")]
            for position, action in enumerate(linked):
                stats = self.data.action_stats.get(action["id"])
                parts.append(str(action["title"]))
                if stats:
                    parts.append((f" (streak {stats['streak']})", "dim"))
                if position < len(linked) - 1:
                    parts.append((", ", "dim"))
            lines.append(compose(*parts))
        if str(goal["notes"] or "").strip():
            lines.append(line(goal["notes"], 300, "italic"))
        return Content("\n").join(lines)
