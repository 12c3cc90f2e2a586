"""Review step 3, Actions: how each key action's period went this week, a mark a day
(`space` checks in today, `s` skips today: the screen's keys)."""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable

from careertui.store.reviews import week_days, week_tally
from careertui.widgets.paged import current_key, fit_to_content, restore_cursor
from careertui.widgets.review.common import FALLBACK_WIDTH, VerticalStep, add_columns, room
from careertui.widgets.safe import cell
from careertui.widgets.strength import strength_cell

DAY_LETTERS = ("M", "T", "W", "T", "F", "S", "S")
WIDE_WEEK = 96
"""Table width from which the days of the week are spaced out in the Actions step."""


def day_mark(day: date, marks: dict[str, bool], today: date) -> Text:
    skip = marks.get(day.isoformat())
    if skip is False:
        return Text("✓", style="bold green")
    if skip is True:
        return Text("–", style="yellow")
    if day > today:
        return Text(" ")
    return Text("·", style="bold" if day == today else "dim")


def period_cell(action: dict[str, Any], marks: dict[str, bool], today: date) -> Text:
    tally = week_tally(action["cadence"], marks, today)
    met, target = int(action["met_this_period"]), int(action["target"])
    if tally is not None:
        done, days = tally
        text = f"{done}/{days} days"
        good = done == days
    else:
        unit = "month" if action["cadence"].startswith("monthly") else "week"
        text = f"{met}/{target} {unit}"
        good = met >= target
    if good:
        return cell(f"✓ {text}", style="green")
    return cell(
        text + (" · due" if action["due_today"] else ""),
        style="yellow" if action["due_today"] else "",
    )


class ActionsStep(VerticalStep):
    TABLES = ("actions-table",)
    KINDS = {"actions-table": "action"}

    def __init__(self, *, id: str, classes: str) -> None:
        super().__init__(id=id, classes=classes)
        self.action_titles: dict[str, str] = {}
        """The titles of the actions listed, by row key (for the check-in's notification)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="actions-panel", classes="panel"):
            yield DataTable(id="actions-table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        self.query_one("#actions-panel").border_title = "Key actions this week"

    def selected(self) -> str | None:
        """The row key (the action's id) under the cursor."""
        return current_key(self.query_one("#actions-table", DataTable))

    async def fill_table(self, table_id: str, data: dict[str, Any], today: date) -> None:
        actions, checkins = data["actions"], data["checkins"]
        table = self.query_one("#actions-table", DataTable)
        keep = current_key(table)
        # The week's days as one column: spaced out when there is room, else packed, so that
        # streak and strength still fit 80 columns.
        wide = (table.scrollable_content_region.width or FALLBACK_WIDTH) >= WIDE_WEEK
        gap = " " if wide else ""
        week = gap.join(DAY_LETTERS)
        table.clear(columns=True)
        add_columns(
            table,
            ("Action", None),
            ("Cadence", 8),
            (week, len(week)),
            ("This period", 14),
            ("Streak", 6),
            ("Strength", 10),
        )
        self.action_titles.clear()
        days = week_days(today)
        free = room(table, 8 + len(week) + 14 + 6 + 10, 6)
        for action in actions:
            marks = checkins.get(int(action["id"]), {})
            strip = Text(gap).join(day_mark(day, marks, today) for day in days)
            self.action_titles[str(action["id"])] = action["title"]
            table.add_row(
                cell(action["title"], free),
                cell(action["cadence"], style="dim"),
                strip,
                period_cell(action, marks, today),
                cell(str(action["streak"]), style="bold" if action["streak"] else "dim"),
                strength_cell(int(action["strength"])),
                key=str(action["id"]),
            )
        fit_to_content(table)
        restore_cursor(table, keep)
        self.query_one("#actions-panel").border_title = f"Key actions this week · {len(actions)}"
