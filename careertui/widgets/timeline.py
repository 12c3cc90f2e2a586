"""JournalTimeline: notes, wins, interactions and check-ins as one list, newest first.

The widget never reads the store: it shows the rows it is given (`store.journal.timeline`) and,
when the cursor comes near the end of what is loaded, posts `MoreWanted` with the last row so the
screen can fetch the next page (keyset paging: as fast at the 10,000th entry as at the first).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from careertui.widgets.paged import fit_to_content
from careertui.widgets.safe import cell

KIND_LOOK = {
    "note": ("✎ note", "#6CB6FF"),
    "win": ("★ win", "#F2CC60"),
    "interaction": ("☍ talk", "#D2A8FF"),
    "checkin": ("✓ check-in", "#56D364"),
}
PRELOAD = 10
"""Ask for the next page when the cursor (or the bottom of the view) is this many rows from the
end: ctrl+end, pagedown, the arrows and the mouse wheel all reach every entry."""


def day_label(value: str | None, today: date) -> str:
    """ "today", "yesterday", "Fri 20 Nov", or with the year when it is not this year."""
    try:
        day = date.fromisoformat(str(value))
    except ValueError:
        return str(value or "")
    delta = (today - day).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "yesterday"
    if day.year == today.year:
        return day.strftime("%a %d %b")
    return day.strftime("%d %b %Y")


class JournalTimeline(DataTable[Any]):
    """The journal as a table of (when, kind, entry, detail); row keys are "kind-id"."""

    @dataclass
    class MoreWanted(Message):
        """The cursor is near the end of the loaded rows; `after` is the last one."""

        timeline: JournalTimeline
        after: dict[str, Any]
        generation: int
        """Which `show` the request belongs to: a page that arrives after a reload is dropped."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.entries: list[dict[str, Any]] = []
        self.today = date.today()
        self.complete = False
        """True once a page came back shorter than asked: there is nothing more to load."""
        self._asked = False
        self._filling = False
        self.generation = 0

    def on_mount(self) -> None:
        self.add_column("When", key="date", width=10)
        self.add_column("Kind", key="kind", width=10)
        self.add_column("Entry", key="title")
        self.add_column("Detail", key="detail")

    # -- filling -------------------------------------------------------------------------------
    def show(self, rows: Sequence[dict[str, Any]], today: date, *, page: int) -> None:
        """Replace the rows with a first page, keeping the cursor on the same entry."""
        keep = self.selected()
        self.today = today
        self.generation += 1
        self.entries = []
        self.clear()
        self.complete = False
        self.append(rows, page=page, generation=self.generation)
        if keep is not None:
            key = f"{keep[0]}-{keep[1]}"
            if key in self.rows:
                self.move_cursor(row=self.get_row_index(key))

    def append(self, rows: Sequence[dict[str, Any]], *, page: int, generation: int) -> None:
        """Add the next page under what is shown (unless the list was reloaded meanwhile)."""
        if generation != self.generation:
            return
        self._asked = False
        if len(rows) < page:
            self.complete = True
        start = self.row_count
        self._filling = True
        try:
            for row in rows:
                key = f"{row['kind']}-{row['id']}"
                if key in self.rows:
                    continue
                self.entries.append(row)
                self.add_row(*self._cells(row), key=key)
        finally:
            self._filling = False
        fit_to_content(self, start)  # a first page: its height and scrollbar in the first layout
        self._want_more(self.cursor_row)

    def fit(self, width: int) -> None:
        """Share `width` between the entry and detail columns."""
        columns = list(self.columns.values())
        if len(columns) != 4:
            return
        room = max(30, width - 10 - 10 - 4 * 2 * self.cell_padding - 1)
        entry, detail = room * 2 // 3, room - room * 2 // 3
        if (columns[2].width, columns[3].width) != (entry, detail):
            for column, size in ((columns[2], entry), (columns[3], detail)):
                column.width = size
                column.auto_width = False
            self.refresh_columns()

    def refresh_columns(self) -> None:
        """Re-draw every row at the new column widths."""
        keep = self.cursor_row
        self._filling = True
        try:
            self.clear()
            for row in self.entries:
                self.add_row(*self._cells(row), key=f"{row['kind']}-{row['id']}")
        finally:
            self._filling = False
        if self.row_count:
            self.move_cursor(row=min(keep, self.row_count - 1))

    def _cells(self, row: dict[str, Any]) -> list[Text]:
        label, colour = KIND_LOOK.get(row["kind"], (row["kind"], ""))
        when = day_label(row["date"], self.today)
        detail_style = "dim"
        if row["kind"] == "checkin" and str(row["detail"] or "").startswith("skipped"):
            detail_style = "yellow"
        columns = list(self.columns.values())
        entry_width = columns[2].width if len(columns) == 4 and columns[2].width else 60
        detail_width = columns[3].width if len(columns) == 4 and columns[3].width else 30
        return [
            Text(when, style="bold" if when == "today" else "dim"),
            Text(label, style=colour),
            cell(row["title"], entry_width),
            cell(row["detail"], detail_width, detail_style),
        ]

    # -- reading -------------------------------------------------------------------------------
    def selected(self) -> tuple[str, int] | None:
        """(kind, id) of the entry under the cursor."""
        if not 0 <= self.cursor_row < self.row_count:
            return None
        key = str(self.ordered_rows[self.cursor_row].key.value)
        kind, _, record_id = key.rpartition("-")
        return kind, int(record_id)

    def watch_cursor_coordinate(self, old: Any, new: Any) -> None:
        super().watch_cursor_coordinate(old, new)
        if not self._filling:
            self._want_more(new.row)

    def watch_scroll_y(self, old: float, new: float) -> None:
        """Scrolling with the mouse near the end also loads the next page."""
        super().watch_scroll_y(old, new)
        if not self._filling:
            self._want_more(int(new) + self.scrollable_content_region.height)

    def _want_more(self, row: int) -> None:
        near_end = row >= self.row_count - PRELOAD
        if near_end and self.entries and not self.complete and not self._asked:
            self._asked = True
            self.post_message(self.MoreWanted(self, self.entries[-1], self.generation))
