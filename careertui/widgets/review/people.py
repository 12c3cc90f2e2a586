"""Review step 2, People: the follow-ups due (a page at a time) and this week's interactions."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable

from careertui.widgets.paged import (
    Page,
    PagedTable,
    current_key,
    fit_to_content,
    restore_cursor,
)
from careertui.widgets.review.common import (
    FollowUpChosen,
    HorizontalStep,
    add_columns,
    day_label,
    room,
)
from careertui.widgets.safe import cell


class PeopleStep(HorizontalStep):
    TABLES = ("follow-ups-table", "interactions-table")
    KINDS = {"interactions-table": "interaction"}

    def __init__(self, *, id: str, classes: str) -> None:
        super().__init__(id=id, classes=classes)
        self.follow_ups: list[dict[str, Any]] = []
        """The follow-ups due, oldest first; the table shows them a page at a time, each row
        keyed `kind-id-index`."""

    def compose(self) -> ComposeResult:
        with Vertical(id="follow-ups-panel", classes="panel"):
            yield PagedTable(id="follow-ups-table")
        with Vertical(id="interactions-panel", classes="panel"):
            yield DataTable(id="interactions-table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        add_columns(
            self.query_one("#follow-ups-table", DataTable),
            ("Due", 6),
            ("", 10),
            ("Follow-up", None),
        )
        add_columns(
            self.query_one("#interactions-table", DataTable),
            ("Day", 6),
            ("Who", None),
            ("Channel", 7),
            ("Notes", None),
        )
        self.query_one("#follow-ups-panel").border_title = "Follow-ups due"
        self.query_one("#interactions-panel").border_title = "Interactions this week"

    async def fill_table(self, table_id: str, data: dict[str, Any], today: date) -> None:
        if table_id == "follow-ups-table":
            await self.fill_follow_ups(data["follow_ups"], data.get("follow_ups_soon", []))
        else:
            self.fill_interactions(data["interactions"])

    async def fill_follow_ups(self, due: list[dict[str, Any]], soon: list[dict[str, Any]]) -> None:
        """The follow-ups due, then those due in the next 7 days, a page at a time (a file with
        years of contacts has thousands)."""
        table = self.query_one("#follow-ups-table", PagedTable)
        items = self.follow_ups = [*due, *soon]
        free = room(table, 6 + 10, 3)

        async def page(offset: int, limit: int) -> Page:
            rows: Page = []
            for index, item in enumerate(items[offset : offset + limit], start=offset):
                key = f"{item['kind']}-{item['interaction_id'] or item['contact_id']}-{index}"
                overdue = int(item["days_overdue"])
                late = (
                    cell(f"in {-overdue}d", style="dim")
                    if overdue < 0
                    else cell("today", style="bold")
                    if overdue == 0
                    else cell(f"{overdue}d late", style="bold red" if overdue > 7 else "yellow")
                )
                due = cell(date.fromisoformat(item["due"]).strftime("%d %b"))
                rows.append((key, (due, late, cell(item["text"], free))))
            return rows

        await table.reload(page, keep=True)
        fit_to_content(table)
        title = f"Follow-ups due · {len(due)}" + (f" · {len(soon)} in 7 days" if soon else "")
        panel = self.query_one("#follow-ups-panel")
        panel.border_title = title
        panel.border_subtitle = "d done · z snooze 7 days · e edit"

    def follow_up(self, key: str) -> dict[str, Any] | None:
        """The follow-up of the row `key` (`kind-id-index`)."""
        index = int(key.rsplit("-", 1)[1])
        return self.follow_ups[index] if 0 <= index < len(self.follow_ups) else None

    def selected_follow_up(self) -> dict[str, Any] | None:
        key = current_key(self.query_one("#follow-ups-table", DataTable))
        return self.follow_up(key) if key is not None else None

    def choose(self, table_id: str, key: str | None) -> None:
        if table_id == "follow-ups-table" and key is not None:
            item = self.follow_up(key)
            if item is not None:
                self.post_message(FollowUpChosen(item, edit=True))
            return
        super().choose(table_id, key)

    def fill_interactions(self, rows: list[dict[str, Any]]) -> None:
        table = self.query_one("#interactions-table", DataTable)
        keep = current_key(table)
        table.clear()
        free = room(table, 6 + 7, 4)
        for row in rows:
            table.add_row(
                cell(day_label(row["date"])),
                cell(row["contact"], free * 35 // 100),
                cell(row["channel"] or ""),
                cell(row["notes"], free * 65 // 100),
                key=str(row["id"]),
            )
        fit_to_content(table)
        restore_cursor(table, keep)
        self.query_one("#interactions-panel").border_title = f"Interactions this week · {len(rows)}"
