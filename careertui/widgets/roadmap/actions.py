"""The Roadmap's Actions tab: key actions with their cadence, streak, strength, this period's
check-ins and the last weeks a day at a time (`space` checks today in: the screen's action)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from rich.text import Text
from textual.content import Content

from careertui.clock import today as clock_today
from careertui.store.roadmap import HISTORY_WEEKS, history_first
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
from careertui.widgets.strength import strength_cell

ACTION_COLUMNS: Columns = (
    ("Action", "title", None),
    ("Cadence", "cadence", 9),
    ("Goal", "goal", 16),
    ("Streak", "streak", 6),
    ("Strength", "strength", 10),
    ("Period", "period", 6),
    (f"Last {HISTORY_WEEKS} weeks", "history", HISTORY_WEEKS * 8 - 1),
)
# Below the width the columns above need, the history strip goes (the detail panel counts the
# same weeks) and the goal shrinks.
NARROW_ACTION_COLUMNS = narrowed(ACTION_COLUMNS, {"goal": 12}, drop=("history",))


def history_strip(history: dict[str, bool], cadence: str, today: date) -> Text:
    """The last HISTORY_WEEKS ISO weeks, a glyph a day: ✓ checked in, – skipped, · nothing;
    weekends of a `weekdays` action dimmed; today underlined."""
    first = history_first(today)
    strip = Text(no_wrap=True)
    for offset in range(HISTORY_WEEKS * 7):
        day = first + timedelta(days=offset)
        if offset and offset % 7 == 0:
            strip.append(" ")
        if day > today:
            strip.append(" ")
            continue
        state = history.get(day.isoformat())
        glyph, style = (
            ("✓", "bold green") if state is False else ("–", "yellow") if state else ("·", "dim")
        )
        if state is None and cadence == "weekdays" and day.weekday() >= 5:
            glyph = " "
        if day == today:
            style += " underline"
        strip.append(glyph, style)
    return strip


def period_cell(stats: dict[str, Any] | None) -> Text:
    if stats is None:
        return Text("paused", style="dim")
    met, target = stats.get("met_this_period", 0), stats.get("target", 1)
    if met >= target:
        return Text(f"✓ {met}/{target}", style="green")
    return Text(f"{met}/{target}", style="yellow" if stats.get("due_today") else "")


def action_strength(stats: dict[str, Any] | None) -> Text:
    return Text("") if stats is None else strength_cell(int(stats.get("strength", 0)))


class ActionsTab(RoadmapTab):
    """Key actions you repeat daily, weekly or monthly."""

    KIND = "action"
    TABLE_ID = "actions-table"
    DETAIL_ID = "action-detail"

    def __init__(self) -> None:
        super().__init__(tab_label("Actions", "c"), id="actions")

    def on_mount(self) -> None:
        self.table.border_subtitle = Content.from_markup(
            "[b green]✓[/] done  [yellow]–[/] skipped  [dim]·[/] none  [u]today[/u]"
        )

    async def show(self, data: RoadmapData, filter_text: str) -> None:
        await super().show(data, filter_text)
        today = data.loaded_on or clock_today()

        def to_row(action: dict[str, Any]) -> Row:
            stats = data.action_stats.get(action["id"]) if action["active"] else None
            streak = (
                Text(f"{stats['streak']:>3}", style="bold" if stats["streak"] else "dim")
                if stats
                else Text("")
            )
            return f"action-{action['id']}", [
                cell(action["title"], 34, "" if action["active"] else "dim"),
                Text(action["cadence"] or "", style="cyan"),
                cell(action["goal"], 22, "dim"),
                streak,
                action_strength(stats),
                period_cell(stats),
                history_strip(action["history"], action["cadence"] or "", today),
            ]

        shown = [
            action
            for action in data.actions
            if self.matches(action["title"], action["goal"], action["cadence"])
        ]
        table = await self.fill(ACTION_COLUMNS, shown, to_row, NARROW_ACTION_COLUMNS)
        due = sum(1 for s in data.action_stats.values() if s.get("due_today"))
        table.border_title = self.titled(
            f"Key actions — {len(data.action_stats)} active" + (f", {due} due today" if due else "")
        )
        if not data.actions:
            table.border_subtitle = Content("No key actions yet: press a to add one")
        else:
            table.border_subtitle = Content("")

    def detail(self) -> Content:
        action_id = self.picked_id()
        action = self.data.action(action_id) if action_id is not None else None
        if action is None:
            return Content("Key actions you repeat daily, weekly or monthly.").stylize("dim italic")
        goal: list[tuple[str, str] | str] = (
            [("   for ", "dim"), str(action["goal"])] if action["goal"] else []
        )
        lines = [
            Content("").join(
                [
                    line(action["title"], 100, "bold"),
                    compose((f"   {action['cadence']}", "dim"), *goal),
                ]
            )
        ]
        stats = self.data.action_stats.get(action["id"])
        if stats is None:
            lines.append(
                Content("Paused: edit it and tick Active to track it again.").stylize("dim")
            )
        else:
            state = (
                "met"
                if stats["met_this_period"] >= stats["target"]
                else "due today"
                if stats["due_today"]
                else "open"
            )
            lines.append(
                Content.from_markup(
                    "[dim]Streak[/] [b]$streak[/]   [dim]strength[/] [b]$strength[/]/100   "
                    "[dim]this period[/] $met/$target ($state)",
                    streak=str(stats["streak"]),
                    strength=str(stats["strength"]),
                    met=str(stats["met_this_period"]),
                    target=str(stats["target"]),
                    state=state,
                )
            )
        done = sum(1 for skip in action["history"].values() if not skip)
        skips = len(action["history"]) - done
        lines.append(
            Content.from_markup(
                "[dim]Last $weeks weeks[/] $done, $skips   "
                "[b]space[/b] [dim]check in today[/]  [b]s[/b] [dim]skip today[/]",
                weeks=str(HISTORY_WEEKS),
                done=plural(done, "check-in"),
                skips=plural(skips, "skip"),
            )
        )
        return Content("\n").join(lines)
