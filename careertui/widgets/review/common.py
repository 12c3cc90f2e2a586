"""What the weekly review's steps share: table sizing, the messages they post, the step base."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from textual import on
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import DataTable

from careertui.store.reviews import split_focus
from careertui.widgets.safe import compose

FALLBACK_WIDTH = 100
MIN_ROOM = 10


STEPS = (
    ("wins", "Wins", "wins-table"),
    ("people", "People", "follow-ups-table"),
    ("actions", "Actions", "actions-table"),
    ("perception", "Perception", "rating-behaviour"),
    ("focus", "Focus", "priority-1"),
)
"""(id, label, the field focused on arriving at the step)."""
INTROS = {
    "wins": "What did you get done this week? Add what is missing, and give every win a "
    "measured impact: numbers, not modesty.",
    "people": "Who did you meet, and what do you owe them? Mark follow-ups done with d; "
    "a stay-in-touch reminder is done by logging the conversation.",
    "actions": "How did each key action's period go? space checks in today, s skips today.",
    "perception": "How did you come across this week? Rate 1 (poorly) to 5 (very well). Saved "
    "with the review as a perception check; the four questions are on screen 5.",
    "focus": "What are the three things that matter most next week?",
}


def step_bar(current: int) -> Content:
    """`1 Wins › 2 People › …` with the current step highlighted."""
    parts = []
    for index, (_, label, _) in enumerate(STEPS):
        if index == current:
            parts.append(Content(f" {index + 1} {label} ").stylize("bold reverse $accent"))
        else:
            parts.append(Content(f" {index + 1} {label} ").stylize("$text-muted"))
    return Content(" › ").stylize("$text-muted").join(parts)


@dataclass
class RecordChosen(Message):
    """A row standing for one record (a win, an interaction, a key action) was chosen."""

    kind: str
    record_id: int
    focus: str = ""
    """The field its form opens on ("" for the form's own choice)."""


@dataclass
class FollowUpChosen(Message):
    """A follow-up due was chosen: to edit it (`edit`) or to mark it done."""

    item: dict[str, Any]
    edit: bool


def room(table: DataTable[Any], fixed: int, columns: int) -> int:
    """Cells left for a table's flexible columns once `fixed` cells and every column's padding
    are taken, so rows fit their panel without a horizontal scroll."""
    width = table.scrollable_content_region.width or FALLBACK_WIDTH
    return max(MIN_ROOM, width - fixed - 2 * table.cell_padding * columns - 2)


def add_columns(table: DataTable[Any], *columns: tuple[str, int | None]) -> None:
    for label, width in columns:
        table.add_column(label, width=width)


def focus_lines(focus: str | None) -> list[Content]:
    """A stored focus as numbered priorities (user text, shown literally)."""
    priorities = [p for p in split_focus(focus) if p]
    lines = [compose((f"{n}. ", "bold $accent"), p) for n, p in enumerate(priorities, 1)]
    return lines or [Content("No priorities were set.").stylize("dim")]


def day_label(text: str) -> str:
    return date.fromisoformat(text).strftime("%a %d")


class ReviewStep(Widget):
    """A step of the review: its tables (filled one at a time, each cut to its width) and the
    panels beside them."""

    TABLES: tuple[str, ...] = ()
    """The ids of the tables the step fills, in order."""
    KINDS: dict[str, str] = {}
    """The record kind each table's rows are, by table id (keys are record ids)."""

    async def fill_table(self, table_id: str, data: dict[str, Any], today: date) -> None:
        """Fill the table `table_id` from the week's `data` (its cells cut to its width)."""

    def show(self, data: dict[str, Any]) -> None:
        """Show the week's `data` outside the tables."""

    def choose(self, table_id: str, key: str | None) -> None:
        """Post what choosing the row `key` of `table_id` means (enter, a click, `e`)."""
        if key is not None and table_id in self.KINDS:
            self.post_message(RecordChosen(self.KINDS[table_id], int(key)))

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id:
            self.choose(event.data_table.id, event.row_key.value)


class HorizontalStep(ReviewStep, Horizontal):
    """A step whose panels sit side by side."""


class VerticalStep(ReviewStep, Vertical):
    """A step whose panels are stacked."""
