"""A terminal resized under a list screen refits its columns (CareerScreen.on_resize →
fit_columns) and reads the rows again, cut to the new widths."""

from collections import Counter
from datetime import date
from pathlib import Path

from textual import events
from ui_helpers import settle_past_modals as settle

from careertui.app import CareerApp
from careertui.store import Store

TODAY = date(2026, 11, 23)


async def test_network_drops_and_restores_columns_as_the_terminal_resizes(
    tmp_path: Path,
) -> None:
    db = tmp_path / "c.db"
    with Store(db) as store:
        store.insert("contact", {"name": "Dana Lee", "org": "Acme", "circle": "leadership"}, TODAY)
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#contacts-table")
        wide = [str(key.value) for key in table.columns]
        assert "circle" in wide
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        narrow = [str(key.value) for key in table.columns]
        assert "circle" not in narrow and "name" in narrow and "next" in narrow
        assert table.row_count == 1  # the rows were read again for the new columns
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [str(key.value) for key in table.columns] == wide


async def test_self_check_refills_its_notes_only_when_their_width_changes(
    tmp_path: Path, reads: Counter[str]
) -> None:
    """Its notes are cut to the table's width. A Resize at the same size (warming and a first
    showing send them) refilled the tables and emptied the render caches warming had filled."""
    db = tmp_path / "c.db"
    with Store(db) as store:
        store.insert(
            "perception",
            {
                "date": "2026-11-20",
                "behaviour": 3,
                "language": 4,
                "attitude": 3,
                "notes": "Steady in the incident review; " * 8,
            },
            TODAY,
        )
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5")
        await settle(pilot)
        screen = app.screen
        wide = screen.notes_widths["perception"]
        reads.clear()
        screen.post_message(events.Resize(app.size, app.size))
        await settle(pilot)
        assert reads["SelfCheckScreen"] == 0
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert reads["SelfCheckScreen"] > 0
        assert screen.notes_widths["perception"] != wide  # at 80 columns the panels stack


async def test_weekly_review_refits_its_tables_without_reading_again(
    tmp_path: Path, reads: Counter[str]
) -> None:
    """Its cells are cut to each table's width: a resize refills the tables at the new width
    from what was read; a Resize at the same size (warming sends one just before the arrival's
    load) does nothing, where it read the whole week a second time."""
    db = tmp_path / "c.db"
    with Store(db) as store:
        store.insert(
            "win",
            {
                "date": "2026-11-23",
                "title": "Shipped the quarterly migration plan " * 3,
                "impact": "Cut the batch window by 40 minutes " * 3,
            },
            TODAY,
        )
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("6")
        await settle(pilot)
        screen = app.screen
        table = screen.query_one("#wins-table")
        wide = screen.filled_at["wins-table"]
        wide_title = table.get_row_at(0)[1].cell_len
        reads.clear()
        screen.post_message(events.Resize(app.size, app.size))
        await settle(pilot)
        assert reads["ReviewScreen"] == 0
        assert screen.filled_at["wins-table"] == wide
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert reads["ReviewScreen"] == 0
        assert screen.filled_at["wins-table"] < wide
        assert table.row_count == 1
        assert table.get_row_at(0)[1].cell_len < wide_title
