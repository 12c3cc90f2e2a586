"""PagedTable: a page at a time, the next fetched near the end (keys and scroll), cells cut."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult
from textual.geometry import Size
from textual.widgets.data_table import ColumnKey

from careertui.widgets.paged import MAX_CELL, Page, PagedTable, cell_width, clip

TOTAL = 333


class ListApp(App[None]):
    CSS = "PagedTable { height: 1fr; }"

    def __init__(self, total: int = TOTAL) -> None:
        super().__init__()
        self.total = total
        self.asked: list[tuple[int, int]] = []

    def compose(self) -> ComposeResult:
        yield PagedTable(id="list")

    async def page(self, offset: int, limit: int) -> Page:
        self.asked.append((offset, limit))
        end = min(offset + limit, self.total)
        return [(f"r{n}", (Text(f"row {n}"), Text("x" * 500))) for n in range(offset, end)]

    async def on_mount(self) -> None:
        table = self.query_one(PagedTable)
        table.add_column("Row", key="row")
        table.add_column("Text", key="text", width=20)
        table.focus()
        await table.reload(self.page)


async def settle(pilot: Any) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_page_size_fits_a_tall_screen_with_a_margin() -> None:
    assert 60 <= PagedTable.PAGE_SIZE <= 100
    assert 40 <= PagedTable.MARGIN < PagedTable.PAGE_SIZE


async def test_pagedown_reaches_the_end_a_page_at_a_time() -> None:
    app = ListApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.query_one(PagedTable)
        assert table.row_count == PagedTable.PAGE_SIZE
        for _ in range(100):
            if table.cursor_row == TOTAL - 1:
                break
            await pilot.press("pagedown")
            await settle(pilot)
            assert table.row_count - table.cursor_row > 1 or table.row_count == TOTAL, (
                "the next page is fetched before the cursor gets to the end"
            )
        assert table.row_count == TOTAL
        assert table.current_key() == f"r{TOTAL - 1}"
        assert table.exhausted
        offsets = [offset for offset, _limit in app.asked]
        assert offsets == sorted(set(offsets)), "each page fetched once"


async def test_ctrl_end_and_scrolling_fetch_more() -> None:
    app = ListApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.query_one(PagedTable)
        await pilot.press("ctrl+end")
        await settle(pilot)
        assert table.row_count == 2 * PagedTable.PAGE_SIZE
        for _ in range(10):
            await pilot.press("ctrl+end")
            await settle(pilot)
        assert table.row_count == TOTAL
        assert table.current_key() == f"r{TOTAL - 1}"

    app = ListApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.query_one(PagedTable)
        for _ in range(10):
            table.scroll_end(animate=False, immediate=True)  # the scrollbar dragged down
            await settle(pilot)
        assert table.row_count == TOTAL
        assert table.cursor_row == 0, "scrolling fetched the pages, not the cursor"


async def test_a_table_taller_than_a_page_fetches_until_it_is_full() -> None:
    app = ListApp()
    async with app.run_test(size=(80, PagedTable.PAGE_SIZE + 30)) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert app.query_one(PagedTable).row_count == 2 * PagedTable.PAGE_SIZE


async def test_reveal_fetches_down_to_a_row() -> None:
    app = ListApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.query_one(PagedTable)
        assert await table.reveal("r300")
        assert table.current_key() == "r300"
        assert table.row_count < TOTAL or table.exhausted
        assert not await table.reveal("r9999")
        assert table.current_key() == "r300"


async def test_long_cells_are_cut() -> None:
    app = ListApp(total=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.query_one(PagedTable)
        text = table.get_row_at(0)[1]
        assert isinstance(text, Text) and text.cell_len == MAX_CELL
        assert text.plain.endswith("…")
    long = Text("y" * 1000, style="bold")
    cut = clip(long)
    assert cut.cell_len == MAX_CELL and long.cell_len == 1000, "the original is left alone"
    assert clip("z" * 1000) == "z" * (MAX_CELL - 1) + "…"
    assert clip(5) == 5


async def test_rows_are_measured_as_they_are_added() -> None:
    """A page's rows size their columns at once, not when the table next idles: a line drawn
    in between stayed cached at the header's width ("Row" cut "row 1…") for good."""
    app = ListApp(total=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.query_one(PagedTable)
        table.clear()
        table._append([("wide", (Text("a row label wider than its header"), Text("x")))])
        assert table.columns[ColumnKey("row")].content_width == 33
        line = table.render_line(1).text  # drawn before the table idles
        assert "a row label wider than its header" in line
        assert table.virtual_size == Size(33 + 2 + 20 + 2, 1 + 1)  # its scrollbars at once
        await settle(pilot)  # DataTable's own measuring, when it idles, agrees
        assert table.columns[ColumnKey("row")].content_width == 33
        assert table.virtual_size == Size(57, 2)


def test_a_cell_is_as_wide_as_datatable_shows_it() -> None:
    assert cell_width(Text("日本")) == 4
    assert cell_width("plain") == 5
    assert cell_width("[b]bold[/b]") == 4  # DataTable reads a string as markup
    assert cell_width(3.14159) == 4
    assert cell_width(42) == 2


def test_the_main_text_column_gets_the_free_width_first() -> None:
    from careertui.widgets.paged import fit_widths

    columns = (("date", 10, 10), ("title", 12, 36), ("impact", 10, 24), ("tags", 6, 12))
    widths = fit_widths(60, columns, first=("title",))
    assert widths == {"date": 10, "title": 26, "impact": 10, "tags": 6}  # 60 - 8 padding
    assert fit_widths(60, columns) != widths  # shared in proportion without it
