"""The weekly review keeps what is typed as a draft in the file: a new app (after a quit, a crash
or kill -9) returns to the step and the field with the text in place; ctrl+s makes it the week's
review and leaves the field."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea
from ui_helpers import sql_rows as rows
from ui_helpers import text_of, type_text

from careertui.app import CareerApp
from careertui.store import Store
from careertui.store.review_draft import load_draft, save_draft
from careertui.widgets.review import draft

TODAY = date(2026, 11, 26)  # ISO week 2026-W48
WEEK = "2026-W48"


@pytest.fixture(autouse=True)
def _fast(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREERTUI_TODAY", TODAY.isoformat())
    monkeypatch.setattr(draft, "THROTTLE", 0.05)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "d.db"
    with Store(path) as store:
        store.insert("win", {"date": TODAY, "title": "Shipped refunds"}, TODAY)
    return path


async def settle(pilot: Pilot[Any]) -> None:
    for _ in range(3):
        await pilot.pause(0.06)
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_typing_is_kept_and_a_new_app_returns_to_it(db: Path) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("6")
        await settle(pilot)
        await pilot.press("pagedown", "pagedown", "pagedown", "pagedown")
        await settle(pilot)
        summary = text_of(app, "#week-summary")  # the week, before it is saved
        assert "1 win, 0 of them measured" in summary and "0 of 0 key actions met" in summary
        await pilot.press("tab")  # priority 2
        await type_text(pilot, "Hire")
        await settle(pilot)
        assert "✎" in str(app.screen.query_one("CareerFooter").render())
    # The app is gone without a save: the draft is in the file.
    with Store(db, write=False) as store:
        kept = load_draft(store, WEEK)
    assert kept is not None and kept.fields["priority-2"] == "Hire"
    assert (kept.step, kept.field) == (4, "priority-2")
    assert rows(db, "SELECT * FROM reviews") == []

    app = CareerApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("6")
        await settle(pilot)
        screen = app.screen
        assert screen.query_one("#priority-2", Input).value == "Hire"
        assert app.focused is not None and app.focused.id == "priority-2"
        assert "draft, not saved" in text_of(app, "#review-status")  # at 80 columns too
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "✓ saved" in text_of(app, "#review-status")
        assert not isinstance(app.focused, Input | TextArea)  # the screen's keys work at once
    assert [r["focus"] for r in rows(db, "SELECT focus FROM reviews")] == ["Hire"]
    assert rows(db, "SELECT * FROM review_drafts") == []


DRAFTER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from careertui.store import Store
    from careertui.store.review_draft import save_draft
    text = ""
    with Store(Path(sys.argv[1])) as store:
        for n in range(10_000):
            text += "x"
            save_draft(store, "2026-W48", 4, "review-notes", {"review-notes": text}, "t")
            print(n + 1, flush=True)
    """
)


def test_kill_9_while_drafting_keeps_every_committed_keystroke(db: Path) -> None:
    """Each draft write is committed before the next: a kill -9 keeps the last one written."""
    with Store(db) as store:  # the file is current (the draft table made) before the race
        save_draft(store, WEEK, 0, "", {}, "t")
    child = subprocess.Popen(
        [sys.executable, "-c", DRAFTER, str(db)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    written = 0
    while written < 20:
        written = int(child.stdout.readline())
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    with Store(db, write=False) as store:
        kept = load_draft(store, WEEK)
    assert kept is not None and len(kept.fields["review-notes"]) >= written


async def test_people_step_lists_follow_ups_of_the_next_7_days_and_snoozes(db: Path) -> None:
    with Store(db) as store:
        dana = store.insert("contact", {"name": "Dana Lee"}, TODAY)
        store.insert(
            "interaction",
            {
                "contact_id": dana,
                "date": TODAY,
                "notes": "Send the deck",
                "follow_up": "2026-11-29",
            },
            TODAY,
        )
    app = CareerApp(db)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("6")
        await settle(pilot)
        await pilot.press("pagedown")
        await settle(pilot)
        panel = app.screen.query_one("#follow-ups-panel")
        assert "1 in 7 days" in str(panel.border_title)
        await pilot.press("z")
        await settle(pilot)
    assert rows(db, "SELECT follow_up FROM interactions") == [{"follow_up": "2026-12-06"}]


async def test_last_weeks_focus_is_ticked_and_carried_items_are_offered(db: Path) -> None:
    with Store(db) as store:
        store.insert(
            "review",
            {"week": "2026-W47", "date": "2026-11-20", "focus": "Ship it\nHire\nWrite"},
            TODAY,
        )
    app = CareerApp(db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("6")
        await settle(pilot)
        await pilot.press("pagedown", "pagedown", "pagedown", "pagedown")
        await settle(pilot)
        app.screen.query_one("#last-focus").focus()
        await pilot.press("space")  # Ship it: done
        await pilot.press("down", "space", "space")  # Hire: carried
        await settle(pilot)
        assert app.screen.query_one("#priority-1", Input).value == "Hire"  # offered
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = rows(db, "SELECT focus, looked_back FROM reviews WHERE week = ?", WEEK)
    assert saved == [{"focus": "Hire", "looked_back": "done: Ship it\ncarried: Hire"}]
