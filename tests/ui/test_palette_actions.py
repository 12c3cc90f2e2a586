"""The command palette offers the app's actions: add a note (its form opens on the text), check
in a key action, start the weekly review, back up."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input
from ui_helpers import settle_past_forms as settle
from ui_helpers import sql_rows as rows

from careertui.app import CareerApp
from careertui.store import Store
from careertui.widgets.form import EntryForm

TODAY = date(2026, 11, 26)


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREERTUI_TODAY", TODAY.isoformat())


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "p.db"
    with Store(path) as store:
        store.insert("action", {"title": "Write weekly", "cadence": "weekly"}, TODAY)
    return path


async def run_command(pilot: Pilot[Any], words: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause(0.2)
    pilot.app.screen.query_one(Input).value = words  # as typed, without a search per key
    for _ in range(50):  # the providers answer in their own time
        await pilot.pause(0.05)
        if pilot.app.screen.query("CommandList Option"):
            break
    await pilot.pause(0.3)
    await pilot.press("enter")
    await settle(pilot)
    await pilot.pause(0.2)


async def test_palette_actions(db: Path) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await run_command(pilot, "Add a note")
        assert isinstance(app.screen, EntryForm) and app.screen.kind.name == "note"
        assert app.focused is not None and app.focused.id == "field-text"
        await pilot.press("escape")
        await settle(pilot)
        await run_command(pilot, "Check in: Write")
        assert len(rows(db, "SELECT * FROM checkins WHERE date = ?", TODAY.isoformat())) == 1
        await run_command(pilot, "Back up the journal")
        assert len(list((db.parent / "backups").glob("careertui-backup-*.db"))) == 1
        await run_command(pilot, "Start the weekly review")
        assert app.current_mode == "review"
