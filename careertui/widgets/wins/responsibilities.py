"""The Wins screen's responsibilities: the lines of the job description, each with its wins in
the review period (a line without one is a gap)."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from careertui.widgets.columns import columns_and_fit
from careertui.widgets.paged import current_key, restore_cursor
from careertui.widgets.safe import cell, compose

RESPONSIBILITY_COLUMNS, RESPONSIBILITY_FIT = columns_and_fit(
    (" ", "mark", 1, 1),
    ("Responsibility", "title", 14, 33),
    ("In period", "period", 9, 9),
    ("All", "all", 3, 3),
)


class ResponsibilitiesPanel(Vertical):
    """The responsibilities table (▶ marks the one the wins are filtered by)."""

    def __init__(self, *, id: str, classes: str) -> None:
        super().__init__(id=id, classes=classes)
        self.rows: list[dict[str, Any]] = []

    def compose(self) -> ComposeResult:
        yield DataTable(id="responsibilities-table", cursor_type="row")
        yield Static("", id="responsibilities-empty", classes="empty")

    def title_of(self, responsibility_id: int) -> str:
        for row in self.rows:
            if row["id"] == responsibility_id:
                return str(row["title"])
        return "(a removed responsibility)"

    def selected(self) -> dict[str, Any] | None:
        """The responsibility under the cursor."""
        key = current_key(self.query_one("#responsibilities-table", DataTable))
        return next((r for r in self.rows if str(r["id"]) == key), None)

    def show(self, rows: list[dict[str, Any]], chosen_id: int, palette: dict[str, str]) -> None:
        self.rows = rows
        table = self.query_one("#responsibilities-table", DataTable)
        key = current_key(table)
        table.clear()
        for row in rows:
            active = bool(row["active"])
            chosen = row["id"] == chosen_id
            gap = active and not row["wins"]
            table.add_row(
                Text("▶" if chosen else " ", style=f"bold {palette['accent']}"),
                cell(
                    row["title"] + ("" if active else " (retired)"),
                    34,
                    "bold" if active else "dim strike",
                ),
                Text(
                    str(row["wins"]).rjust(9),
                    style=f"bold {palette['warning']}" if gap else palette["success"],
                ),
                Text(str(row["total"]).rjust(3), style="dim"),
                key=str(row["id"]),
            )
        restore_cursor(table, key)
        active_rows = [r for r in rows if r["active"]]
        covered = sum(1 for r in active_rows if r["wins"])
        self.border_title = compose(
            ("Responsibilities ", ""),
            (f"{covered}/{len(active_rows)}", "bold"),
            (" covered in the review period", "dim"),
        )
        self.border_subtitle = "a add · e edit · t retire · r show wins"
        empty = self.query_one("#responsibilities-empty", Static)
        empty.display = not rows
        empty.update("Add the lines of your job description (R): each win links to one.")
