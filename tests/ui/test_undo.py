"""ctrl+z undoes this app's changes newest first (an edit, a delete with what went with it, a
check-in), each with a notification naming what came back; the confirm dialog says its keys
and has the safe choice focused."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Button
from ui_helpers import settle_past_forms as settle
from ui_helpers import sql_rows as rows

from careertui.app import CareerApp
from careertui.store import Store
from careertui.widgets.confirm import ConfirmDialog

TODAY = date(2026, 11, 26)


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREERTUI_TODAY", TODAY.isoformat())


@pytest.fixture
def db(tmp_path: Path) -> dict[str, Any]:
    path = tmp_path / "u.db"
    with Store(path) as store:
        contact = store.insert("contact", {"name": "Dana Lee"}, TODAY)
        store.insert("interaction", {"contact_id": contact, "date": TODAY, "notes": "1:1"}, TODAY)
        win = store.insert("win", {"date": TODAY, "title": "Shipped refunds"}, TODAY)
        store.insert("goal", {"title": "Staff"}, TODAY)
        action = store.insert("action", {"title": "Write weekly", "cadence": "weekly"}, TODAY)
    return {"path": path, "contact": contact, "win": win, "action": action}


def messages(app: CareerApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_ctrl_z_undoes_newest_first_and_names_what_came_back(db: dict[str, Any]) -> None:
    path = db["path"]
    app = CareerApp(path)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        screen = app.screen
        # 1. a check-in, 2. an edit, 3. a delete taking the contact's interaction with it
        await screen.change(screen.check_in_undoable, db["action"], TODAY, False, "check-in")
        edit = screen.undoable(
            "edited win",
            "win",
            db["win"],
            lambda s: s.update("win", db["win"], {"title": "Renamed"}, TODAY),
        )
        await screen.change(edit)
        screen.confirm_delete("contact", db["contact"], "Dana Lee")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert app.focused is not None and app.focused.id == "no"  # the safe choice
        labels = [str(b.label) for b in dialog.query(Button)]
        assert labels == ["Delete (y)", "Cancel (n/esc)"]
        await pilot.press("y")
        await settle(pilot)
        assert rows(path, "SELECT * FROM interactions") == []

        await pilot.press("ctrl+z")
        await settle(pilot)
        assert [r["name"] for r in rows(path, "SELECT name FROM contacts")] == ["Dana Lee"]
        assert [r["notes"] for r in rows(path, "SELECT notes FROM interactions")] == ["1:1"]
        assert "Undone: deleted contact “Dana Lee”" in messages(app)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert rows(path, "SELECT title FROM wins") == [{"title": "Shipped refunds"}]
        assert len(rows(path, "SELECT * FROM checkins")) == 1
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert rows(path, "SELECT * FROM checkins") == []
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert "Nothing to undo." in messages(app)
