"""What the Network screen's views and the contact page share."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from careertui.widgets.paged import PagedTable, in_memory

if TYPE_CHECKING:
    from careertui.domain.due import FollowUp


def ago(days: int | None) -> str:
    if days is None:
        return "never"
    if days < 0:
        return f"in {-days}d"
    return "today" if days == 0 else f"{days}d ago"


def follow_key(item: FollowUp) -> str:
    """The row key of a follow-up: `i<interaction id>`, or `c<contact id>` for a cadence."""
    if item.kind == "interaction":
        return f"i{item.interaction_id}"
    return f"c{item.contact_id}"


def late(item: FollowUp, palette: dict[str, str]) -> Text:
    """How overdue a follow-up is, red after a week."""
    return Text(
        "today" if item.days_overdue == 0 else f"{item.days_overdue}d",
        style=palette["error"] if item.days_overdue > 7 else palette["warning"],
    )


class TablePanel(Vertical):
    """A titled table and, laid over it, what it says when it has no rows: `#PREFIX-table` and
    `#PREFIX-empty`."""

    def __init__(self, prefix: str, title: str, *, id: str, classes: str = "") -> None:
        super().__init__(id=id, classes=classes)
        self.prefix = prefix
        self.title = title

    def compose(self) -> ComposeResult:
        yield PagedTable(id=f"{self.prefix}-table")
        yield Static("", id=f"{self.prefix}-empty", classes="empty")

    def on_mount(self) -> None:
        self.border_title = self.title

    async def fill(
        self,
        items: Sequence[Any],
        to_row: Callable[[Any], tuple[str, Sequence[Any]]],
        title: Content,
        empty: str,
    ) -> None:
        """Show `items` (a row each, by `to_row`) under `title`, or the `empty` text."""
        await self.query_one(f"#{self.prefix}-table", PagedTable).reload(in_memory(items, to_row))
        self.border_title = title
        note = self.query_one(f"#{self.prefix}-empty", Static)
        note.display = not items
        note.update(empty)
