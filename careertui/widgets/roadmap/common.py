"""What the Roadmap's tabs share: the data read for them, table filling, cells, the message."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Static, TabbedContent, TabPane
from textual.widgets.data_table import RowDoesNotExist

from careertui.widgets.paged import PagedTable, in_memory
from careertui.widgets.safe import line

Columns = Sequence[tuple[str, str, int | None]]
"""(label, key, width); the one column of width None takes the room that is left."""
Row = tuple[str, list[Any]]
"""(row key, cells) of a tab's table."""
FLEXIBLE_MIN = 20
"""The flexible column's width below which a table switches to its narrow columns."""


@dataclass
class RoadmapData:
    """One read of everything the four tabs show (the screen reads it in one worker)."""

    profile: dict[str, Any] = field(default_factory=dict)
    goals: list[dict[str, Any]] = field(default_factory=list)
    actions: list[dict[str, Any]] = field(default_factory=list)
    requirements: dict[str, Any] = field(default_factory=lambda: {"rows": [], "counts": {}})
    milestones_due: int = 0
    days_to_review: int | None = None
    action_stats: dict[int, dict[str, Any]] = field(default_factory=dict)
    opportunities: dict[str, Any] = field(default_factory=dict)
    """Every opportunity with its assessment and decision, the space, the score's weights."""
    """Only the figures shown are kept, not the whole stats (follow-ups, journal figures…)."""
    loaded_on: date | None = None

    def goal(self, goal_id: int) -> dict[str, Any] | None:
        """A goal or a milestone by id."""
        for goal in self.goals:
            if goal["id"] == goal_id:
                return goal
            for milestone in goal["milestones"]:
                if milestone["id"] == goal_id:
                    return milestone
        return None

    def action(self, action_id: int) -> dict[str, Any] | None:
        return next((a for a in self.actions if a["id"] == action_id), None)

    def requirement(self, requirement_id: int | None) -> dict[str, Any] | None:
        return next((r for r in self.requirements["rows"] if r["id"] == requirement_id), None)

    def title_of(self, kind: str, record_id: int) -> str:
        found = {"goal": self.goal, "action": self.action}.get(kind, self.requirement)(record_id)
        return str(found["title"]) if found else ""


@dataclass
class RecordChosen(Message):
    """The user chose a row of a tab's table (enter or a click on the highlighted row)."""

    kind: str
    record_id: int


def meter(fraction: float, colour: str, width: int = 6) -> Text:
    """A small progress bar: the done part in `colour`, the rest dim."""
    filled = round(max(0.0, min(1.0, fraction)) * width)
    return Text.assemble(("━" * filled, colour), ("━" * (width - filled), "dim"))


def number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def plural(count: int, word: str, many: str = "") -> str:
    return f"{count} {word if count == 1 else many or word + 's'}"


def tab_label(title: str, key: str) -> Content:
    return Content.from_markup("$title [dim]$key[/]", title=title, key=key)


def fit_columns(table: DataTable[Any], columns: Columns, width: int) -> list[int]:
    """Give the flexible column what `width` leaves; rebuilt (rows too) when the widths change.
    Returns the widths."""
    padding = 2 * table.cell_padding * len(columns)
    fixed = sum(w or 0 for _label, _key, w in columns)
    flexible = max(16, width - fixed - padding)
    widths = [w or flexible for _label, _key, w in columns]
    if [c.width for c in table.columns.values()] != widths:
        table.clear(columns=True)
        for (label, key, _w), column_width in zip(columns, widths, strict=True):
            table.add_column(label, key=key, width=column_width)
    return widths


def narrowed(columns: Columns, widths: dict[str, int | None], drop: Sequence[str] = ()) -> Columns:
    """`columns` for a narrow table (`RoadmapTab.fill`): those in `drop` left out, those in
    `widths` given that width, the others as they are."""
    return tuple(
        (label, key, widths.get(key, width)) for label, key, width in columns if key not in drop
    )


def cut_cells(values: Sequence[Any], widths: Sequence[int]) -> list[Any]:
    """Cells cut with … to their columns' widths (not cropped by the table)."""
    for value, column_width in zip(values, widths, strict=True):
        if isinstance(value, Text):
            value.truncate(column_width, overflow="ellipsis")
    return list(values)


def row_key(table: DataTable[Any]) -> str | None:
    """The key of the row under the cursor ("goal-12"), or None for an empty table."""
    if not 0 <= table.cursor_row < table.row_count:
        return None
    return table.ordered_rows[table.cursor_row].key.value


def select_key(table: DataTable[Any], key: str) -> bool:
    try:
        table.move_cursor(row=table.get_row_index(key))
    except RowDoesNotExist:  # not (yet) in the table
        return False
    return True


class RoadmapTab(TabPane):
    """A tab listing one kind of record in a table, with the selected row's detail below."""

    KIND = ""
    """The record kind its rows are ("goal"); "" for a tab without a table."""
    TABLE_ID = ""
    DETAIL_ID = ""
    """The Static below the table that describes the row under the cursor."""

    def __init__(self, title: Content, *, id: str) -> None:
        super().__init__(title, id=id)
        self.data = RoadmapData()
        self.filter_text = ""

    @property
    def table(self) -> PagedTable:
        return self.query_one(f"#{self.TABLE_ID}", PagedTable)

    def selected(self) -> tuple[str, int] | None:
        """(kind, id) of the row under the cursor, or None."""
        key = row_key(self.table) if self.TABLE_ID else None
        if key is None:
            return None
        kind, _, record_id = key.partition("-")
        return kind, int(record_id)

    def picked_id(self) -> int | None:
        picked = self.selected()
        return picked[1] if picked else None

    async def show(self, data: RoadmapData, filter_text: str) -> None:
        """Show `data`, its rows narrowed to those matching `filter_text`."""
        self.data, self.filter_text = data, filter_text

    def compose(self) -> ComposeResult:
        """The table, and the detail below it (a tab without a table composes its own)."""
        yield PagedTable(id=self.TABLE_ID, classes="panel")
        yield Static(id=self.DETAIL_ID, classes="panel detail")

    def show_detail(self) -> None:
        """Describe the row under the cursor below the table."""
        if self.DETAIL_ID:
            self.query_one(f"#{self.DETAIL_ID}", Static).update(self.detail())

    def detail(self) -> Content:
        """What the detail says of the row under the cursor. Tabs with a table override."""
        return Content("")

    @on(DataTable.RowHighlighted)
    def _row_moved(self) -> None:
        self.show_detail()

    @on(DataTable.RowSelected)
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        picked = self.selected()
        if picked is not None:
            self.post_message(RecordChosen(*picked))

    def matches(self, *texts: object) -> bool:
        wanted = self.filter_text.casefold()
        return not wanted or any(wanted in str(t or "").casefold() for t in texts)

    def titled(self, title: str | Content) -> Content:
        """The table's title, with the filter in force after it."""
        if not self.filter_text:
            return Content(title) if isinstance(title, str) else title
        label = line(self.filter_text, 40, "bold $accent")
        if isinstance(title, str):
            return Content("").join([Content(title + "  filter: "), label])
        return Content("").join([title, Content("  filter: "), label])

    async def fill(
        self,
        columns: Columns,
        items: Sequence[Any],
        to_row: Callable[[Any], Row],
        narrow: Columns | None = None,
    ) -> PagedTable:
        """Fill the tab's table a page at a time (cells are built for the rows fetched), its
        columns fitted to the width the tabs have now (the `narrow` columns, a subset, when the
        full ones would leave the flexible one too little). The cursor stays on its record."""
        table = self.table
        at = table.position()  # before the columns change, which empties the table
        # The tabs' width, not the pane's: a hidden pane has none.
        room = self.query_ancestor(TabbedContent).size.width - 2 - 1  # border, scrollbar
        padding = 2 * table.cell_padding * len(columns)
        need = sum(w or FLEXIBLE_MIN for _l, _k, w in columns) + padding
        keep: list[int] | None = None
        if narrow is not None and room < need:
            keys = [key for _label, key, _w in columns]
            keep = [keys.index(key) for _label, key, _w in narrow]
            columns = narrow
        widths = fit_columns(table, columns, room)

        def fitted(item: Any) -> Row:
            key, values = to_row(item)
            if keep is not None:
                values = [values[i] for i in keep]
            return key, cut_cells(values, widths)

        await table.reload(in_memory(items, fitted), at=at)
        return table
