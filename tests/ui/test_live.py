"""Another process's write shows on the screen at hand by itself, within about a second, without
a key press; the cursor stays on its row and a half-typed field keeps its text."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input
from ui_helpers import type_text

from careertui.app import CareerApp
from careertui.store import Store
from careertui.tui import live

TODAY = date(2026, 11, 26)


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREERTUI_TODAY", TODAY.isoformat())
    monkeypatch.setattr(live, "POLL", 0.05)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "l.db"
    with Store(path) as store:
        for n in range(3):
            store.insert("win", {"date": TODAY, "title": f"Win {n}"}, TODAY)
    return path


async def until(pilot: Pilot[Any], done: Any) -> bool:
    for _ in range(100):  # ~2 s at most
        await pilot.pause(0.02)
        if done():
            return True
    return False


def titles(app: CareerApp) -> str:
    table = app.screen.query_one("#wins-table", DataTable)
    return " ".join(str(table.get_row_at(i)) for i in range(table.row_count))


async def test_another_process_write_shows_without_a_key(db: Path) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: "Win 2" in titles(app))
        table = app.screen.query_one("#wins-table", DataTable)
        table.focus()
        table.move_cursor(row=1)
        key_before = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        app.live.start()
        await pilot.pause(0.2)
        with Store(db) as store:  # "another process": not through the app
            store.insert("win", {"date": "2026-11-01", "title": "From the CLI"}, TODAY)
        assert await until(pilot, lambda: "From the CLI" in titles(app))
        assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key == key_before


async def test_a_half_typed_review_field_is_kept(db: Path) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("6")
        await pilot.pause(0.3)
        await pilot.app.workers.wait_for_complete()
        await pilot.press("pagedown", "pagedown", "pagedown", "pagedown")
        await pilot.pause(0.2)
        await type_text(pilot, "Half")
        app.live.start()
        await pilot.pause(0.2)
        with Store(db) as store:
            store.insert("win", {"date": TODAY, "title": "Typed elsewhere"}, TODAY)
        wins = app.screen.query_one("#wins-table", DataTable)
        assert await until(
            pilot,
            lambda: "Typed elsewhere" in str(wins.get_row_at(3)) if wins.row_count > 3 else False,
        )
        assert app.screen.query_one("#priority-1", Input).value == "Half"
        assert app.focused is not None and app.focused.id == "priority-1"


ADD_NOTE = """
import sys
from datetime import date
from careertui.store import Store
with Store(sys.argv[1]) as store:
    store.insert("note", {"date": date(2026, 11, 26), "text": sys.argv[2]}, date(2026, 11, 26))
"""


def journal(app: CareerApp) -> list[str]:
    from careertui.widgets.timeline import JournalTimeline

    return [str(entry["title"]) for entry in app.screen.query_one(JournalTimeline).entries]


async def test_writes_keep_showing_after_screen_switches(db: Path) -> None:
    """Each screen's read opened and closed the file, which dropped this process's SQLite lock:
    another process's connection then deleted the `-wal`/`-shm` the watch still read as it
    closed, and no later write showed by itself. The writer must be another process (POSIX
    locks belong to a process)."""
    import subprocess
    import sys

    app = CareerApp(db)
    async with app.run_test(size=(120, 36)) as pilot:
        app.live.start()
        for n, keys in enumerate([("6", "1"), ("4", "1"), ("2", "3", "1"), ()]):
            for key in keys:
                await pilot.press(key)
                await pilot.pause(0.1)
                await app.workers.wait_for_complete()
            await pilot.pause(0.2)
            subprocess.run([sys.executable, "-c", ADD_NOTE, str(db), f"J{n}"], check=True)
            assert await until(pilot, lambda n=n: f"J{n}" in journal(app)), f"J{n}"
