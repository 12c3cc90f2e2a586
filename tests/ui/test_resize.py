"""A terminal resized under a list screen refits its columns (CareerScreen.on_resize →
fit_columns) and reads the rows again, cut to the new widths."""

from datetime import date
from pathlib import Path

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
