"""Long lists: a DataTable filled a page at a time, a filter box that waits for a pause in the
typing, and the small helpers the list screens (Network, a contact's page, Wins) share."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import App
from textual.coordinate import Coordinate
from textual.dom import DOMNode
from textual.geometry import Size
from textual.message import Message
from textual.widgets import DataTable, Input
from textual.widgets.data_table import RowDoesNotExist

Page = list[tuple[str, Sequence[Any]]]
"""Rows of a PagedTable: (row key, cells)."""
PageLoader = Callable[[int, int], Awaitable[Page]]
"""Fetches `limit` rows from `offset`: `await loader(offset, limit)`."""

FILTER_DELAY = 0.15
"""Seconds of quiet typing before a filter applies: one query per pause, not per key."""


def tones(app: App[Any]) -> dict[str, str]:
    """The theme's colours as Rich styles, for DataTable cells (rich Text, not Content)."""
    variables = app.theme_variables
    return {
        name: variables.get(name, "") or "default"
        for name in ("accent", "warning", "error", "success", "primary")
    }


def in_memory(
    items: Sequence[Any], to_row: Callable[[Any], tuple[str, Sequence[Any]]]
) -> PageLoader:
    """A PageLoader over a list already fetched: cells are built only for the pages shown."""

    async def page(offset: int, limit: int) -> Page:
        return [to_row(item) for item in items[offset : offset + limit]]

    return page


def current_key(table: DataTable[Any]) -> str | None:
    """The key of the row under the cursor, or None in an empty table."""
    if not table.row_count:
        return None
    return table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key.value


def restore_cursor(table: DataTable[Any], key: str | None) -> None:
    """After a refill, put the cursor back on the row it was on (if it is still there)."""
    if key is None or not table.row_count:
        return
    try:
        table.move_cursor(row=table.get_row_index(key))
    except RowDoesNotExist:
        pass  # that row is gone: the cursor stays at the top


def fit_to_content(table: DataTable[Any], start: int = 0) -> None:
    """Size each column to its label and widest cell, and the table's scrollable size to its
    rows, now. DataTable measures new rows only when it next idles, and a line it draws before
    that is cached at the columns' old widths for good (on a busy machine a first visit showed
    names cut to their header's width); its clear() keeps the widest cell ever (columns would
    only grow). Sized here, a table filled before its screen's first layout has its height and
    scrollbar in that layout, and the idle's own measuring finds nothing to change. With
    `start`, rows were appended from there: the columns only grow to fit them. (Tables here
    have no row labels and rows one line high.)"""
    columns = table.ordered_columns
    widths = [column.label.cell_len for column in columns]
    if start:
        widths = [max(w, column.content_width) for w, column in zip(widths, columns, strict=True)]
    for index in range(start, table.row_count):
        for position, value in enumerate(table.get_row_at(index)):
            widths[position] = max(widths[position], cell_width(value))
    for column, width in zip(columns, widths, strict=True):
        column.content_width = width
    header = table.header_height if table.show_header else 0
    table.virtual_size = Size(
        sum(column.get_render_width(table) for column in columns), table.row_count + header
    )


def cell_width(value: Any) -> int:
    """The cells `value` takes in a DataTable: a string is read as markup there, as by
    DataTable's own measuring."""
    if isinstance(value, Text):
        return value.cell_len
    if isinstance(value, str):
        return Text.from_markup(value).cell_len if "[" in value else cell_len(value)
    return cell_len(f"{value:.2f}" if isinstance(value, float) else str(value))


MAX_CELL = 200
"""The most cells of text a table cell keeps: columns are narrower than that, and DataTable
measures and renders a cell's whole text however little of it is shown."""


def clip(value: Any, limit: int = MAX_CELL) -> Any:
    """A table cell cut to `limit` cells (with …); anything else as it is."""
    if isinstance(value, Text):
        if value.cell_len > limit:
            value = value.copy()
            value.truncate(limit, overflow="ellipsis")
        return value
    if isinstance(value, str) and len(value) > limit:
        return value[: limit - 1] + "…"
    return value


ColumnFit = tuple[str, int, int]
"""(key, narrowest, widest) of a table column, for `fit_widths`."""


def fit_widths(
    room: int,
    columns: Sequence[ColumnFit],
    *,
    drop: Sequence[str] = (),
    padding: int = 2,
    first: Sequence[str] = (),
) -> dict[str, int] | None:
    """Column widths that fit a table `room` cells wide, or None when every column fits at its
    widest (the table then sizes columns to their content, as at 120 columns).

    Each column gets its narrowest width and the cells left over in proportion to how much
    wider it could be (the rounding's remainder a cell each, first columns first); when even
    the narrowest widths do not fit, the columns in `drop` go, in that order. `padding` is the
    cells a column spends besides its text (cell padding). The columns in `first` (the main
    text, such as a win's title) get the cells left over before the others, up to their
    widest: the text a person reads is cut last."""
    kept = list(columns)
    if sum(widest for _key, _least, widest in kept) + padding * len(kept) <= room:
        return None
    for key in drop:
        if sum(least for _key, least, _widest in kept) + padding * len(kept) <= room:
            break
        kept = [column for column in kept if column[0] != key]
    spare = room - sum(least for _key, least, _widest in kept) - padding * len(kept)
    preferred = {}
    for key, least, widest in kept:
        if key in first and spare > 0:
            preferred[key] = least + min(spare, widest - least)
            spare -= preferred[key] - least
    kept_rest = [column for column in kept if column[0] not in preferred]
    widths = _share(spare, kept_rest)
    return {key: preferred.get(key, widths.get(key, 0)) for key, _least, _widest in kept}


def _share(spare: int, kept: Sequence[ColumnFit]) -> dict[str, int]:
    """The narrowest widths and `spare` cells shared in proportion to how much wider each
    column could be."""
    slack = sum(widest - least for _key, least, widest in kept)
    widths = {}
    for key, least, widest in kept:
        extra = (widest - least) * spare // slack if slack and spare > 0 else 0
        widths[key] = least + min(extra, widest - least)
    spare -= sum(widths.values()) - sum(least for _key, least, _widest in kept)
    while spare > 0 and any(widths[key] < widest for key, _least, widest in kept):
        for key, _least, widest in kept:  # what rounding left: a cell each, in order
            if spare > 0 and widths[key] < widest:
                widths[key] += 1
                spare -= 1
    return widths


def set_columns(
    table: DataTable[Any],
    columns: Sequence[tuple[str | Text, str]],
    widths: dict[str, int] | None = None,
) -> None:
    """Empty `table` and give it (label, key) columns sized to their content, or with `widths`
    (from `fit_widths`) the columns it names at those widths, the others left out."""
    table.clear(columns=True)
    for label, key in columns:
        if widths is None:
            table.add_column(label, key=key)
        elif key in widths:
            table.add_column(label, key=key, width=widths[key])


class PagedTable(DataTable[Any]):
    """A DataTable filled a page at a time: the next page is fetched when the cursor or the
    scroll comes near the end, so a list of 10,000 rows costs one page to show."""

    PAGE_SIZE: ClassVar[int] = 80
    """Rows fetched at a time: a tall screen's worth and a margin. Every row added costs its
    cells' measuring (~60 µs a cell), shown or not."""
    MARGIN: ClassVar[int] = 50
    """Rows from the end at which the next page is fetched: more than a page-down moves (a
    screen's height), so the next page is there before the cursor gets to the end."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, cursor_type="row", zebra_stripes=True)
        self.loader: PageLoader | None = None
        self.exhausted = True
        self._generation = 0
        self._fetching = False

    def current_key(self) -> str | None:
        return current_key(self)

    def set_columns(
        self, columns: Sequence[tuple[str | Text, str]], widths: dict[str, int] | None = None
    ) -> None:
        set_columns(self, columns, widths)

    def position(self) -> tuple[str | None, int, int]:
        """(key of the cursor's row, cursor row, rows shown), for `reload(at=...)` after the
        table was emptied (its columns set again)."""
        return self.current_key(), self.cursor_row, self.row_count

    async def reload(
        self,
        loader: PageLoader | None = None,
        *,
        keep: bool = True,
        at: tuple[str | None, int, int] | None = None,
    ) -> None:
        """Fetch rows again from the top. With `keep`, as many as were shown and the cursor
        stays on the same row (or index), or on the `position()` given as `at`; without, the
        first page and the cursor at the top."""
        if loader is not None:
            self.loader = loader
        if self.loader is None:
            return
        self._generation += 1
        generation = self._generation
        if at is None:
            at = self.position() if keep else (None, 0, 0)
        key, index, shown = at
        wanted = max(self.PAGE_SIZE, shown)
        rows = await self.loader(0, wanted)
        if generation != self._generation:
            return
        self.clear()
        self._append(rows)
        self.exhausted = len(rows) < wanted
        self._fetching = False
        if rows:
            target = index
            if key is not None:
                try:
                    target = self.get_row_index(key)
                except RowDoesNotExist:
                    pass  # the row is gone (deleted, filtered out): stay at its index
            self.move_cursor(row=max(0, min(target, self.row_count - 1)))

    def _append(self, rows: Page) -> None:
        start = self.row_count
        for key, cells in rows:
            if key not in self.rows:
                self.add_row(*(clip(value) for value in cells), key=key)
        fit_to_content(self, start)
        self.call_after_refresh(self._fill_view)

    def _fill_view(self) -> None:
        """A page shorter than the table is tall (a very tall terminal) fetches the next: the
        cursor and the scroll, which fetch more, cannot move past what is shown."""
        height = self.scrollable_content_region.height - (
            self.header_height if self.show_header else 0
        )
        if height > 0 and self.row_count < self.scroll_y + height:
            self.want_more()

    async def reveal(self, key: str) -> bool:
        """Put the cursor on the row `key`, fetching pages until it is there (a search hit far
        down the list); False when no page has it."""
        generation = self._generation
        while key not in self.rows and not self.exhausted and self.loader is not None:
            rows = await self.loader(self.row_count, self.PAGE_SIZE)
            if generation != self._generation:
                return False
            self._append(rows)
            self.exhausted = len(rows) < self.PAGE_SIZE
        if key not in self.rows:
            return False
        self.move_cursor(row=self.get_row_index(key))
        return True

    def want_more(self) -> None:
        """Fetch the next page unless every row is here or a fetch is under way."""
        if self.loader is None or self.exhausted or self._fetching:
            return
        self._fetching = True
        self.run_worker(self._more(self._generation), group="page")

    async def _more(self, generation: int) -> None:
        from careertui.tui.data import user_message

        assert self.loader is not None
        try:
            rows = await self.loader(self.row_count, self.PAGE_SIZE)
        except Exception as exc:  # noqa: BLE001 - a refused read becomes a notification
            message = user_message(exc)
            if message is None:
                raise
            self._fetching = False
            self.notify(message, severity="error", markup=False)
            return
        if generation != self._generation:
            return
        self._append(rows)
        self.exhausted = len(rows) < self.PAGE_SIZE
        self._fetching = False

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if self.row_count - event.cursor_row <= self.MARGIN:
            self.want_more()

    def on_resize(self) -> None:
        self.call_after_refresh(self._fill_view)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if new_value >= self.max_scroll_y - self.MARGIN:
            self.want_more()


class FilterBox(Input):
    """A filter typed over a list: hidden until `open()`, it posts `Applied` once the typing
    pauses for FILTER_DELAY (one query per pause), and `enter` hands the focus back to the
    list (`for_list`, a selector)."""

    class Applied(Message):
        """The filter text after a pause in the typing."""

        def __init__(self, box: FilterBox, text: str) -> None:
            super().__init__()
            self.box = box
            self.text = text

        @property
        def control(self) -> FilterBox:
            return self.box

    def __init__(self, *, placeholder: str, for_list: str, id: str | None = None) -> None:
        super().__init__(placeholder=placeholder, id=id, compact=True)
        self.for_list = for_list
        self.display = False

    @property
    def is_open(self) -> bool:
        return bool(self.display)

    def open(self) -> None:
        self.display = True
        self.focus()

    def close(self) -> None:
        """Empty, hidden, and the list focused again; `Applied("")` follows."""
        self.value = ""
        self.display = False
        self.screen.query_one(self.for_list).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        # A worker rather than a timer: each key cancels the last wait, and callers (tests)
        # can wait for the filter to land with the app's other workers.
        self.run_worker(self._applied(event.value), exclusive=True, group="filter")

    async def _applied(self, text: str) -> None:
        await asyncio.sleep(FILTER_DELAY)
        self.post_message(self.Applied(self, text))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.query_one(self.for_list).focus()


def filter_open(node: DOMNode) -> bool:
    """Whether a FilterBox below `node` is shown (its screen offers `escape` to clear it)."""
    return any(box.is_open for box in node.query(FilterBox))
