"""The Network's follow-ups view: every follow-up due, oldest first (`d` done, `z` snooze)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from careertui.widgets.columns import columns_and_fit
from careertui.widgets.network.common import follow_key, late
from careertui.widgets.paged import PagedTable, in_memory
from careertui.widgets.safe import cell, compose

if TYPE_CHECKING:
    from careertui.domain.due import FollowUp

FOLLOW_COLUMNS, FOLLOW_FIT = columns_and_fit(
    ("Due", "due", 10, 10),
    ("Overdue", "late", 7, 7),
    ("Contact", "contact", 8, 16),
    ("Kind", "kind", 13, 13),
    ("What", "what", 10, 64),
)


class FollowView(Vertical):
    """The follow-ups table and what it says when empty."""

    def compose(self) -> ComposeResult:
        yield PagedTable(id="follow-table")
        yield Static("", id="follow-empty", classes="empty")

    def on_mount(self) -> None:
        self.border_title = "Follow-ups due"

    async def show(self, items: list[FollowUp], palette: dict[str, str]) -> None:
        def follow_row(item: FollowUp) -> tuple[str, Sequence[Any]]:
            return follow_key(item), (
                Text(item.due.isoformat()),
                late(item, palette),
                cell(item.contact, 24, "bold"),
                Text("follow-up" if item.kind == "interaction" else "stay in touch", style="dim"),
                cell(item.text, 64),
            )

        await self.query_one("#follow-table", PagedTable).reload(in_memory(items, follow_row))
        self.border_title = compose(
            ("Follow-ups due ", ""), (f"{len(items)}", "bold"), (" · oldest first", "dim")
        )
        self.border_subtitle = "d done · z snooze 7 days · i log interaction"
        empty = self.query_one("#follow-empty", Static)
        empty.display = not items
        empty.update(
            "Nothing due. Follow-up dates you set on interactions show up here on the day."
        )
