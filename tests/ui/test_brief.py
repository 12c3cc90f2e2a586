"""Issue 20 in the TUI: `b` opens a contact's brief, `t` there and on Network's "Tell them"
records a win as told, `a` adds an agenda item; lapsed cadences rank by overdue ratio."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from textual.widgets import OptionList
from ui_helpers import column, open_screen, settle, type_text

from careertui.app import CareerApp
from careertui.screens.brief import BriefScreen
from careertui.screens.network import NetworkScreen
from careertui.store import Store
from careertui.widgets.paged import PagedTable

TODAY = date(2026, 11, 23)


def ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Dana (decision-maker, every 30 days, seen 60 days ago: 1.0x), Bob (sponsor, every 7
    days, seen 21 days ago: 2.0x), two measured wins neither has heard of."""
    path = tmp_path / "t.db"
    with Store(path) as store:
        dana = store.insert(
            "contact",
            {"name": "Dana Lee", "influence": "decision-maker", "follow_up_days": 30},
            TODAY,
        )
        bob = store.insert(
            "contact", {"name": "Bob Stone", "influence": "sponsor", "follow_up_days": 7}, TODAY
        )
        store.insert("interaction", {"contact_id": dana, "date": ago(60), "notes": "x"}, TODAY)
        store.insert("interaction", {"contact_id": bob, "date": ago(21), "notes": "y"}, TODAY)
        for age, title in ((10, "Cut latency"), (3, "Saved $40k")):
            store.insert("win", {"date": ago(age), "title": title, "impact": "by 40%"}, TODAY)
    return path


def told(db: Path) -> list[tuple[int, int]]:
    with Store(db, write=False) as store:
        return [(r["contact_id"], r["win_id"]) for r in store.rows("told", newest_first=False)]


async def test_network_tell_them_and_the_brief(db: Path) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_screen(pilot, "3", NetworkScreen)
        await pilot.press("w")
        await settle(pilot)
        tell = screen.query_one("#tell-table", PagedTable)
        assert column(tell, 0) == ["Dana Lee", "Bob Stone"]  # decision-makers first
        assert column(tell, 2) == ["Saved $40k", "Saved $40k"]  # the newest measured win
        assert column(screen.query_one("#lapsed-table", PagedTable), 0) == ["Bob Stone", "Dana Lee"]
        tell.focus()
        await pilot.press("t")
        await settle(pilot)
        assert told(db) == [(1, 2)]
        assert column(tell, 2) == ["Cut latency", "Saved $40k"]  # Dana's next, Bob's still
        tell.move_cursor(row=1)
        await pilot.press("b")
        await settle(pilot)
        brief = app.screen
        assert isinstance(brief, BriefScreen) and brief.contact_id == 2
        await pilot.press("a")
        await settle(pilot)
        await type_text(pilot, "Q1 plans")
        await pilot.press("ctrl+s")
        await settle(pilot)
        ids = [o.id for o in brief.query_one(OptionList).options]
        assert "agenda-1" in ids and "win-2" in ids and "win-1" in ids
        options = brief.query_one(OptionList)
        options.highlighted = ids.index("win-1")
        await pilot.press("t")
        await settle(pilot)
        assert told(db) == [(1, 2), (2, 1)]
        assert "win-1" not in [o.id for o in options.options]


async def test_a_mention_completes_in_the_note_form_and_links_the_note(db: Path) -> None:
    from textual.widgets import Static, TextArea

    from careertui.widgets.form import EntryForm

    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EntryForm)
        form.query_one("#field-text", TextArea).focus()
        await type_text(pilot, "ask @Zz")
        hint = form.query_one("#hint-text", Static)
        assert "names no contact" in str(hint.render())
        for _ in range(2):
            await pilot.press("backspace")
        await type_text(pilot, "da")
        assert "Dana Lee" in str(hint.render())
        await pilot.press("ctrl+o")
        assert form.query_one("#field-text", TextArea).text == "ask @Dana Lee"
        await pilot.press("ctrl+s")
        await settle(pilot)
    with Store(db, write=False) as store:
        assert [(r["contact_id"], r["note_id"]) for r in store.rows("mention")] == [(1, 1)]


async def test_the_dashboard_lists_tell_them_and_t_records_it(db: Path) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        due = app.screen.query_one("#due", OptionList)
        ids = [o.id for o in due.options]
        assert ids[-2:] == ["tell-1-2", "tell-2-2"]  # after what is due
        due.focus()
        due.highlighted = ids.index("tell-2-2")
        await pilot.press("t")
        await settle(pilot)
        assert told(db) == [(2, 2)]
        due.highlighted = [o.id for o in due.options].index("tell-1-2")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, BriefScreen) and app.screen.contact_id == 1


async def test_logging_an_interaction_asks_which_agenda_items_it_discussed(db: Path) -> None:
    from careertui.widgets.agenda import DiscussedDialog
    from careertui.widgets.form import EntryForm

    with Store(db) as store:
        for topic in ("Budget", "Hiring"):
            store.insert("agenda", {"contact_id": 1, "date": TODAY, "topic": topic}, TODAY)
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_screen(pilot, "3", NetworkScreen)
        screen.query_one("#contacts-table", PagedTable).move_cursor(row=1)  # Dana Lee
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, EntryForm)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DiscussedDialog)
        await pilot.press("down", "space", "enter")
        await settle(pilot)
    with Store(db, write=False) as store:
        rows = store.query("SELECT topic, discussed_on, interaction_id FROM agenda_items")
    assert [(r["topic"], r["discussed_on"], r["interaction_id"]) for r in rows] == [
        ("Budget", None, None),
        ("Hiring", TODAY.isoformat(), 3),
    ]
