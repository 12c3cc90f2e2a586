"""Weekly review: the five steps driven by keys on a seeded file, saving, resuming, safety."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from fast_keys import burst
from textual.pilot import Pilot
from textual.widgets import ContentSwitcher, Input, TextArea
from ui_helpers import cells, text_of, type_text
from ui_helpers import settle_past_forms as settle
from ui_helpers import sql_rows as rows

from careertui.app import CareerApp
from careertui.screens.review import ReviewScreen
from careertui.store import Store
from careertui.widgets.form import EntryForm
from careertui.widgets.paged import PagedTable
from careertui.widgets.review.ticks import FocusTicks

TODAY = date(2026, 11, 26)  # Thursday of ISO week 2026-W48
MONDAY = date(2026, 11, 23)
SIZE = (120, 40)
PAYLOADS = ("[@click=app.quit]x[/]", "[bold]loud[/bold]", "[/", "\x1b]0;T\x07")


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREERTUI_TODAY", TODAY.isoformat())


def seed(path: Path) -> dict[str, int]:
    """A week in progress: wins (one measured), interactions, a follow-up due, key actions,
    last week's review."""
    ids: dict[str, int] = {}
    with Store(path) as store:
        resp = store.insert("responsibility", {"title": "Deliver the payments roadmap"}, TODAY)
        ids["win_measured"] = store.insert(
            "win",
            {
                "date": MONDAY,
                "title": "Shipped refunds API",
                "impact": "cut refunds from 5 to 1 days",
                "responsibility_id": resp,
            },
            TODAY,
        )
        ids["win_vague"] = store.insert(
            "win",
            {
                "date": MONDAY + timedelta(days=1),
                "title": "Ran the incident review",
                "impact": "team was happier",
            },
            TODAY,
        )
        ids["win_bare"] = store.insert("win", {"date": TODAY, "title": "Mentored Sam"}, TODAY)
        store.insert(
            "win",
            {"date": MONDAY - timedelta(days=1), "title": "Last week's win", "impact": "10%"},
            TODAY,
        )
        dana = store.insert("contact", {"name": "Dana Lee", "influence": "decision-maker"}, TODAY)
        ids["dana"] = dana
        ids["coffee"] = store.insert(
            "interaction",
            {
                "contact_id": dana,
                "date": MONDAY + timedelta(days=1),
                "channel": "coffee",
                "notes": "Q4 metrics",
                "follow_up": TODAY,
            },
            TODAY,
        )
        ids["weekly"] = store.insert(
            "action", {"title": "Coffee outside my team", "cadence": "weekly"}, TODAY
        )
        ids["daily"] = store.insert(
            "action", {"title": "Read one article", "cadence": "daily"}, TODAY
        )
        store.check_in(ids["daily"], MONDAY, TODAY)
        store.insert(
            "review",
            {
                "week": "2026-W47",
                "date": MONDAY - timedelta(days=3),
                "focus": "1. Close the refunds launch\n- Prep Q4 metrics",
                "notes": "",
            },
            TODAY,
        )
        store.insert(
            "review",
            {"week": "2026-W46", "date": MONDAY - timedelta(days=10), "focus": "Ship", "notes": ""},
            TODAY,
        )
    return ids


@pytest.fixture
def seeded(db_path: Path) -> dict[str, int]:
    return seed(db_path)


def review(app: CareerApp) -> ReviewScreen:
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    return screen


async def open_review(app: CareerApp, pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await pilot.press("6")
    await settle(pilot)


def ratings(app: CareerApp) -> list[str]:
    return [
        app.screen.query_one(f"#rating-{n}", Input).value
        for n in ("behaviour", "language", "attitude")
    ]


# -- steps and keys --------------------------------------------------------------------------------
async def test_pagedown_pageup_and_n_p_move_between_steps(db_path: Path, seeded: dict) -> None:
    app = CareerApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)
        screen = review(app)
        assert screen.step == 0 and app.focused is not None
        assert app.focused.id == "wins-table"
        assert "1/5" in text_of(app, "#review-position")
        await pilot.press("pagedown")
        await settle(pilot)
        assert screen.step == 1 and app.focused.id == "follow-ups-table"
        assert screen.query_one(ContentSwitcher).current == "step-people"
        await pilot.press("n")
        await settle(pilot)
        assert screen.step == 2 and app.focused.id == "actions-table"
        await pilot.press("p")
        await settle(pilot)
        assert screen.step == 1
        await pilot.press("n", "n")
        await settle(pilot)
        assert screen.step == 3 and app.focused.id == "rating-behaviour"
        await pilot.press("pagedown")
        await settle(pilot)
        assert screen.step == 4 and app.focused.id == "priority-1"
        assert "5/5" in text_of(app, "#review-position")
        # In a text field n and p are letters, not steps; pageup still moves.
        await pilot.press("n", "p")
        await settle(pilot)
        assert screen.step == 4
        assert screen.query_one("#priority-1", Input).value == "np"
        await pilot.press("pagedown")  # the last step: nowhere further to go
        await settle(pilot)
        assert screen.step == 4
        await pilot.press("pageup")
        await settle(pilot)
        assert screen.step == 3 and app.focused.id == "rating-behaviour"


async def test_step_one_lists_this_weeks_wins_and_flags_unmeasured(
    db_path: Path, seeded: dict
) -> None:
    app = CareerApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)
        table = cells(app, "wins-table")
        assert [row[1] for row in table] == [
            "Shipped refunds API",
            "Ran the incident review",
            "Mentored Sam",
        ]
        flags = {row[1]: row[3] for row in table}
        assert flags["Shipped refunds API"] == ""
        assert "unmeasured" in flags["Ran the incident review"]
        assert flags["Mentored Sam"] == "⚠ unmeasured"  # one word for it everywhere
        assert "2 of 3 wins are unmeasured" in text_of(app, "#wins-summary")


async def test_the_whole_sequence_saves_the_week(db_path: Path, seeded: dict) -> None:
    app = CareerApp(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_review(app, pilot)
        # (a) add a win: the form opens dated today.
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, EntryForm)
        await type_text(pilot, "Demoed the ledger")
        assert app.screen.query_one("#field-date", Input).value == TODAY.isoformat()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert "Demoed the ledger" in [row[1] for row in cells(app, "wins-table")]
        # (b) mark the follow-up done.
        await pilot.press("pagedown")
        await settle(pilot)
        assert cells(app, "interactions-table")[0][1] == "Dana Lee"
        assert "Follow up with Dana Lee" in cells(app, "follow-ups-table")[0][2]
        await pilot.press("d")
        await settle(pilot)
        assert (
            rows(db_path, "SELECT done FROM interactions WHERE id = ?", seeded["coffee"])[0]["done"]
            == 1
        )
        assert cells(app, "follow-ups-table") == []
        # (c) check in the first action, skip the second.
        await pilot.press("pagedown")
        await settle(pilot)
        titles = [row[0] for row in cells(app, "actions-table")]
        assert titles == ["Coffee outside my team", "Read one article"]
        await pilot.press("space")
        await settle(pilot)
        await pilot.press("down", "s")
        await settle(pilot)
        marks = rows(
            db_path, "SELECT action_id, skip FROM checkins WHERE date = ?", TODAY.isoformat()
        )
        assert {(m["action_id"], m["skip"]) for m in marks} == {
            (seeded["weekly"], 0),
            (seeded["daily"], 1),
        }
        assert "✓ 1/1 week" in cells(app, "actions-table")[0][3]
        # (d) three ratings.
        await pilot.press("pagedown")
        await settle(pilot)
        await pilot.press("4", "tab", "3", "tab", "5")
        # (e) priorities and notes, then save from the notes field.
        await pilot.press("pagedown")
        await settle(pilot)
        await type_text(pilot, "Book two coffees")
        await pilot.press("tab")
        await type_text(pilot, "Send the Q4 deck")
        await pilot.press("tab", "tab")
        assert isinstance(app.focused, TextArea)
        await type_text(pilot, "Good week")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any(n.message == "Saved week 2026-W48" for n in app._notifications)
    saved = rows(db_path, "SELECT * FROM reviews WHERE week = '2026-W48'")
    assert len(saved) == 1
    assert saved[0]["focus"] == "Book two coffees\nSend the Q4 deck"
    assert saved[0]["notes"] == "Good week"
    assert saved[0]["date"] == TODAY.isoformat()
    checks = rows(db_path, "SELECT date, behaviour, language, attitude FROM perceptions")
    assert checks == [{"date": TODAY.isoformat(), "behaviour": 4, "language": 3, "attitude": 5}]


async def test_opening_again_resumes_and_saving_again_updates(db_path: Path, seeded: dict) -> None:
    with Store(db_path) as store:
        store.insert(
            "review",
            {"week": "2026-W48", "date": MONDAY, "focus": "One\nTwo", "notes": "draft"},
            TODAY,
        )
        store.insert(
            "perception",
            {"date": MONDAY, "behaviour": 2, "language": 3, "attitude": 4, "q1": "kept"},
            TODAY,
        )
    app = CareerApp(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_review(app, pilot)
        screen = review(app)
        assert screen.query_one("#priority-1", Input).value == "One"
        assert screen.query_one("#priority-2", Input).value == "Two"
        assert screen.query_one("#priority-3", Input).value == ""
        assert screen.query_one("#review-notes", TextArea).text == "draft"
        assert [
            screen.query_one(f"#rating-{n}", Input).value
            for n in ("behaviour", "language", "attitude")
        ] == ["2", "3", "4"]
        assert "saved Mon 23 Nov" in text_of(app, "#review-status")
        await pilot.press("pagedown", "pagedown", "pagedown")
        await settle(pilot)
        await pilot.press("backspace", "5")  # behaviour 2 → 5
        await pilot.press("pagedown")
        await settle(pilot)
        await pilot.press("tab", "tab")
        await type_text(pilot, "Three")
        assert "draft, not saved" in text_of(app, "#review-status")
        # Leaving and coming back keeps what was typed but not saved.
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "saved Thu 26 Nov" in text_of(app, "#review-status")
    saved = rows(db_path, "SELECT * FROM reviews WHERE week = '2026-W48'")
    assert len(saved) == 1 and saved[0]["focus"] == "One\nTwo\nThree"
    assert saved[0]["date"] == TODAY.isoformat()
    checks = rows(db_path, "SELECT date, behaviour, language, attitude, q1 FROM perceptions")
    assert checks == [
        {"date": MONDAY.isoformat(), "behaviour": 5, "language": 3, "attitude": 4, "q1": "kept"}
    ]


async def test_leaving_the_screen_keeps_unsaved_typing(db_path: Path, seeded: dict) -> None:
    app = CareerApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)
        await pilot.press("pageup")  # nothing before the first step
        await settle(pilot)
        for _ in range(4):
            await pilot.press("pagedown")
        await settle(pilot)
        await type_text(pilot, "Draft")
        app.action_go("dashboard")
        await settle(pilot)
        app.action_go("review")
        await settle(pilot)
        screen = review(app)
        assert screen.query_one("#priority-1", Input).value == "Draft"
        assert app.focused is not None and app.focused.id == "priority-1"
    assert rows(db_path, "SELECT * FROM reviews WHERE week = '2026-W48'") == []


async def test_ratings_typed_without_pauses_are_all_kept_and_saved(
    db_path: Path, seeded: dict
) -> None:
    """Keys a terminal delivers in one read: each rating lands in its own field and is saved."""
    app = CareerApp(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_review(app, pilot)
        await pilot.press("pagedown", "pagedown", "pagedown")
        await settle(pilot)
        assert app.focused is not None and app.focused.id == "rating-behaviour"
        burst(app, "4", "tab", "3", "tab", "5")
        await settle(pilot)
        assert ratings(app) == ["4", "3", "5"]
        # back over them, replacing each (a field selects its text when tabbed into)
        burst(app, "shift+tab", "shift+tab", "backspace", "1", "tab", "backspace", "2")
        burst(app, "enter", "backspace", "1", "ctrl+s")
        await settle(pilot)
        assert ratings(app) == ["1", "2", "1"]
        assert any(n.message == "Saved week 2026-W48" for n in app._notifications)
    checks = rows(db_path, "SELECT behaviour, language, attitude FROM perceptions")
    assert checks == [{"behaviour": 1, "language": 2, "attitude": 1}]


async def test_focus_typed_without_pauses_is_all_saved(db_path: Path, seeded: dict) -> None:
    app = CareerApp(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_review(app, pilot)
        for _ in range(4):
            await pilot.press("pagedown")
        await settle(pilot)
        burst(app, *"First", "tab", *"Second", "enter", *"Third", "tab", *"A note", "ctrl+s")
        await settle(pilot)
        assert any(n.message == "Saved week 2026-W48" for n in app._notifications)
    saved = rows(db_path, "SELECT focus, notes FROM reviews WHERE week = '2026-W48'")
    assert saved == [{"focus": "First\nSecond\nThird", "notes": "A note"}]


@pytest.mark.parametrize(
    ("step", "field_ids", "panel"),
    [
        (3, ("rating-behaviour", "rating-language", "rating-attitude"), "ratings-panel"),
        (4, ("priority-1", "priority-2", "priority-3", "review-notes"), "focus-panel"),
    ],
)
async def test_escape_leaves_a_text_field_so_step_and_screen_keys_work(
    db_path: Path, seeded: dict, step: int, field_ids: tuple[str, ...], panel: str
) -> None:
    app = CareerApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)
        screen = review(app)
        for _ in range(step):
            await pilot.press("pagedown")
        await settle(pilot)
        for field_id in field_ids:
            screen.query_one(f"#{field_id}").focus()
            await pilot.pause()
            keys = {b.binding.key: b for b in screen.active_bindings.values()}
            assert keys["escape"].enabled and keys["escape"].binding.show, "the footer shows esc"
            await pilot.press("escape")
            await pilot.pause()
            assert app.focused is not None and app.focused.id == panel, field_id
            keys = {b.binding.key: b for b in screen.active_bindings.values()}
            assert "escape" not in keys or not keys["escape"].enabled
            assert "1" in keys and "p" in keys and keys["p"].enabled
        await pilot.press("p")
        await settle(pilot)
        assert screen.step == step - 1
        screen.step = step
        await settle(pilot)
        assert app.focused is not None and app.focused.id == field_ids[0]
        typed = "2" if step == 3 else "Thirdp"
        burst(app, *typed, "escape", "1")  # typed at once: the 1 is a key again, not a letter
        await settle(pilot)
        assert app.current_mode == "dashboard"
        app.action_go("review")
        await settle(pilot)
        assert screen.query_one(f"#{field_ids[0]}", Input).value == typed
    assert rows(db_path, "SELECT * FROM reviews WHERE week = '2026-W48'") == []


async def test_half_filled_ratings_are_refused_and_nothing_is_written(
    db_path: Path, seeded: dict
) -> None:
    app = CareerApp(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_review(app, pilot)
        await pilot.press("pagedown", "pagedown", "pagedown")
        await settle(pilot)
        await pilot.press("4")
        await pilot.press("pagedown")
        await settle(pilot)
        await type_text(pilot, "Focus")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert review(app).step == 3
        assert app.focused is not None and app.focused.id == "rating-language"
        assert any("rate all three" in n.message for n in app._notifications)
    assert rows(db_path, "SELECT * FROM reviews WHERE week = '2026-W48'") == []
    assert rows(db_path, "SELECT * FROM perceptions") == []


async def test_streak_and_last_weeks_focus(db_path: Path, seeded: dict) -> None:
    app = CareerApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)
        assert "Weekly review streak: 2 weeks" in text_of(app, "#review-status")
        assert "not saved yet" in text_of(app, "#review-status")
        ticks = app.screen.query_one(FocusTicks)  # one row per priority, to tick off
        assert ticks.items == ["Close the refunds launch", "Prep Q4 metrics"]  # markers dropped
        for _ in range(4):
            await pilot.press("pagedown")
        await type_text(pilot, "Next")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Weekly review streak: 3 weeks" in text_of(app, "#review-status")


async def test_user_text_is_shown_literally(db_path: Path) -> None:
    with Store(db_path) as store:
        for n, payload in enumerate(PAYLOADS):
            store.insert("win", {"date": TODAY, "title": payload, "impact": payload}, TODAY)
            contact = store.insert("contact", {"name": f"{payload} {n}"}, TODAY)
            store.insert(
                "interaction",
                {"contact_id": contact, "date": TODAY, "notes": payload, "follow_up": TODAY},
                TODAY,
            )
            store.insert("action", {"title": payload, "cadence": "daily"}, TODAY)
        store.insert(
            "review",
            {
                "week": "2026-W47",
                "date": MONDAY - timedelta(days=2),
                "focus": "\n".join(PAYLOADS[:3]),
                "notes": PAYLOADS[3],
            },
            TODAY,
        )
        store.insert(
            "review",
            {
                "week": "2026-W48",
                "date": MONDAY,
                "focus": "\n".join(PAYLOADS[:3]),
                "notes": PAYLOADS[3],
            },
            TODAY,
        )
    app = CareerApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)
        wins = [row[1] for row in cells(app, "wins-table")]
        assert sorted(wins) == sorted(
            p.replace("\x1b", "\ufffd").replace("\x07", "\ufffd") for p in PAYLOADS
        )
        for _ in range(4):
            await pilot.press("pagedown")
            await settle(pilot)
        await pilot.click("#last-week", offset=(6, 0))  # on "[@click=app.quit]": just text
        await pilot.pause()
        assert app.is_running
        screen = review(app)
        assert screen.query_one("#priority-1", Input).value == "[@click=app.quit]x[/]"
        assert screen.query_one("#priority-3", Input).value == "[/"
        assert "\x1b" not in screen.query_one("#review-notes", TextArea).text
        last = " ".join(c for row in cells(app, "last-focus") for c in row)  # the ticks list
        assert "[@click=app.quit]x[" in last and "[bold]loud[/bold]" in last  # cut, literal
        people = " ".join(c for row in cells(app, "interactions-table") for c in row)
        assert "[/ 2" in people and "\x1b" not in people
        actions = [row[0] for row in cells(app, "actions-table")]
        assert "[bold]loud[/bold]" in actions
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.is_running


async def test_many_follow_ups_load_a_page_at_a_time(db_path: Path) -> None:
    """More follow-ups due than a page: the People step shows the first page, ctrl+end fetches
    the next until the newest one, and d marks that one done."""
    total = PagedTable.PAGE_SIZE * 2 + 15
    stamp = "2026-01-01T00:00:00+00:00"
    with Store(db_path) as store, store.write() as conn:
        conn.executemany(
            "INSERT INTO contacts (uuid, created_at, updated_at, name) VALUES (?, ?, ?, ?)",
            [(f"c{n}", stamp, stamp, f"Person {n:04d}") for n in range(total)],
        )
        conn.executemany(
            "INSERT INTO interactions (uuid, created_at, updated_at, contact_id, date, channel, "
            "follow_up) VALUES (?, ?, ?, ?, ?, 'call', ?)",
            [
                (
                    f"i{n}",
                    stamp,
                    stamp,
                    n + 1,
                    "2026-01-01",
                    (TODAY - timedelta(days=total - n)).isoformat(),
                )
                for n in range(total)
            ],
        )
        newest = conn.execute("SELECT max(id) FROM interactions").fetchone()[0]
    app = CareerApp(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_review(app, pilot)
        await pilot.press("pagedown")
        await settle(pilot)
        table = review(app).query_one("#follow-ups-table", PagedTable)
        assert app.focused is table
        assert table.row_count == PagedTable.PAGE_SIZE
        assert f"Follow-ups due · {total}" in str(
            review(app).query_one("#follow-ups-panel").border_title
        )
        for _ in range(10):
            await pilot.press("ctrl+end")
            await settle(pilot)
        shown = cells(app, "follow-ups-table")
        assert len(shown) == total
        assert f"Person {total - 1:04d}" in shown[-1][2]
        await pilot.press("d")
        await settle(pilot)
        assert rows(db_path, "SELECT done FROM interactions WHERE id = ?", newest)[0]["done"] == 1
        assert any(f"Person {total - 1:04d}" in n.message for n in app._notifications)
        assert len(cells(app, "follow-ups-table")) == total - 1
