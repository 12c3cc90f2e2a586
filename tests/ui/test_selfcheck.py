"""Self-check: perception and security histories, trends, forms and safety, driven by keys."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static, TextArea
from ui_helpers import cells, open_screen, text_of, type_text
from ui_helpers import settle_past_forms as settle
from ui_helpers import sql_rows as rows

from careertui.app import CareerApp
from careertui.screens.selfcheck import SelfCheckScreen
from careertui.store import Store
from careertui.store.selfcheck import PAGE
from careertui.widgets.confirm import ConfirmDialog
from careertui.widgets.form import EntryForm
from careertui.widgets.selfcheck.perception import PerceptionForm

TODAY = date(2026, 11, 26)
SIZE = (120, 40)
PAYLOADS = ("[@click=app.quit]x[/]", "[bold]loud[/bold]", "[/", "\x1b]0;T\x07")


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREERTUI_TODAY", TODAY.isoformat())


def seed(path: Path) -> None:
    with Store(path) as store:
        for n, (b, lang, a) in enumerate([(2, 3, 3), (3, 3, 4), (4, 2, 5)]):
            store.insert(
                "perception",
                {
                    "date": TODAY - timedelta(days=60 - 20 * n),
                    "behaviour": b,
                    "language": lang,
                    "attitude": a,
                    "notes": f"check {n}",
                    "q1": "As the one who makes launches predictable" if n == 1 else "",
                    "q2": "Closer" if n == 2 else "",
                },
                TODAY,
            )
        store.insert(
            "security",
            {
                "date": TODAY - timedelta(days=200),
                "skills": 4,
                "performance": 3,
                "network": 3,
                "job_search": 2,
                "finances": 4,
                "notes": "old",
            },
            TODAY,
        )
        store.insert(
            "security",
            {
                "date": TODAY - timedelta(days=120),
                "skills": 5,
                "performance": 4,
                "network": 2,
                "job_search": 3,
                "finances": 4,
                "notes": "thin network",
            },
            TODAY,
        )


@pytest.fixture
def seeded(db_path: Path) -> Path:
    seed(db_path)
    return db_path


async def arrive(app: CareerApp, pilot: Pilot[Any]) -> SelfCheckScreen:
    screen: SelfCheckScreen = await open_screen(pilot, "5", SelfCheckScreen, settle)
    assert app.screen is screen
    return screen


async def test_arrival_shows_histories_trends_and_last_answers(seeded: Path) -> None:
    app = CareerApp(seeded)
    async with app.run_test(size=SIZE) as pilot:
        await arrive(app, pilot)
        assert app.focused is not None and app.focused.id == "perception-table"
        perception = cells(app, "perception-table")
        assert [row[:4] for row in perception] == [
            [(TODAY - timedelta(days=20)).isoformat(), "4", "2", "5"],
            [(TODAY - timedelta(days=40)).isoformat(), "3", "3", "4"],
            [(TODAY - timedelta(days=60)).isoformat(), "2", "3", "3"],
        ]
        trend = text_of(app, "#perception-trend")
        assert "Behaviour" in trend and "4/5" in trend and "avg 3.0" in trend
        assert "▃▃▄▄▆▆" in trend  # behaviour 2, 3, 4 on the fixed 1-5 scale
        answers = text_of(app, "#perception-answers")
        assert "How must others perceive you to reach your current goal?" in answers
        assert "As the one who makes launches predictable" in answers
        assert "Closer" in answers and "not answered yet" in answers
        security = cells(app, "security-table")
        assert security[0] == [(TODAY - timedelta(days=120)).isoformat(), "5", "4", "2", "3", "4"]
        assert "thin network" in text_of(app, "#security-notes")
        advice = text_of(app, "#security-advice")
        assert "Business network" in advice and "2/5" in advice
        assert "Book two coffees with people outside your team this month." in advice
        subtitle = app.screen.query_one("#security-trend").border_subtitle
        assert "DUE" in str(subtitle)  # the last check is 120 days old


async def test_p_adds_a_perception_check_with_the_last_answers_beside(seeded: Path) -> None:
    app = CareerApp(seeded)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await arrive(app, pilot)
        await pilot.press("p")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PerceptionForm)
        # a new record's form opens on its first field without a value (the date has today)
        assert app.focused is not None and app.focused.id == "field-behaviour"
        assert form.query_one("#field-date", Input).value == TODAY.isoformat()
        beside = str(form.query_one("#perception-form-last Static:last-of-type", Static).render())
        assert "As the one who makes launches predictable" in beside
        await pilot.press("5", "tab", "4", "tab", "3", "tab")
        assert isinstance(app.focused, TextArea)
        await type_text(pilot, "As a calm owner")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SelfCheckScreen)
        assert cells(app, "perception-table")[0][:4] == [TODAY.isoformat(), "5", "4", "3"]
        assert "As a calm owner" in text_of(app, "#perception-answers")
    saved = rows(
        seeded,
        "SELECT behaviour, language, attitude, q1 FROM perceptions WHERE date = ?",
        TODAY.isoformat(),
    )
    assert saved == [{"behaviour": 5, "language": 4, "attitude": 3, "q1": "As a calm owner"}]


async def test_s_adds_a_security_check_and_the_due_badge_goes(seeded: Path) -> None:
    app = CareerApp(seeded)
    async with app.run_test(size=SIZE) as pilot:
        await arrive(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, EntryForm)
        assert app.screen.query_one("#field-date", Input).value == TODAY.isoformat()
        assert app.focused is not None and app.focused.id == "field-skills"  # date is today
        await pilot.press("4", "tab", "4", "tab", "4", "tab", "4", "tab", "1")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert cells(app, "security-table")[0] == [TODAY.isoformat(), "4", "4", "4", "4", "1"]
        advice = text_of(app, "#security-advice")
        assert "Finances" in advice and "1/5" in advice and "emergency fund" in advice
        assert "next check in 90 days" in str(
            app.screen.query_one("#security-trend").border_subtitle
        )
    assert len(rows(seeded, "SELECT id FROM security_checks")) == 3


async def test_a_adds_to_the_focused_history_and_edit_and_delete_work(seeded: Path) -> None:
    app = CareerApp(seeded)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await arrive(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, PerceptionForm)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "security-table"
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, EntryForm) and app.screen.kind.name == "security"
        await pilot.press("escape")
        await pilot.pause()
        # e edits the selected security check; the form holds its values.
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EntryForm)
        assert app.screen.query_one("#field-network", Input).value == "2"
        await pilot.press("tab", "tab", "tab", "backspace", "3", "ctrl+s")
        await settle(pilot)
        assert app.focused is not None and app.focused.id == "security-table"
        assert cells(app, "security-table")[0][3] == "3"
        # delete asks first, then the row is gone from the file.
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert len(cells(app, "security-table")) == 1
        # enter on the perception table edits that check.
        await pilot.press("shift+tab")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PerceptionForm)
        assert app.screen.query_one("#field-behaviour", Input).value == "4"
    assert [r["notes"] for r in rows(seeded, "SELECT notes FROM security_checks")] == ["old"]


async def test_no_security_check_yet_is_due(db_path: Path) -> None:
    Store(db_path).close()
    app = CareerApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await arrive(app, pilot)
        assert "No security check yet" in text_of(app, "#security-advice")
        assert "DUE" in str(app.screen.query_one("#security-trend").border_subtitle)
        assert cells(app, "perception-table") == []


async def test_slash_filters_both_histories(seeded: Path) -> None:
    app = CareerApp(seeded)
    async with app.run_test(size=SIZE) as pilot:
        await arrive(app, pilot)
        await pilot.press("slash")
        await type_text(pilot, "predictable")
        await settle(pilot)
        assert [row[4] for row in cells(app, "perception-table")] == ["check 1"]
        assert cells(app, "security-table") == []
        await pilot.press("enter")
        assert app.focused is not None and app.focused.id == "perception-table"
        await pilot.press("escape")
        await settle(pilot)
        assert len(cells(app, "perception-table")) == 3


async def test_long_history_loads_a_page_at_a_time(db_path: Path) -> None:
    with Store(db_path) as store, store.write() as conn:
        for n in range(PAGE * 2 + 50):
            day = (TODAY - timedelta(days=n)).isoformat()
            conn.execute(
                "INSERT INTO perceptions (uuid, created_at, updated_at, date, behaviour, "
                "language, attitude) VALUES (?, ?, ?, ?, 3, 3, 3)",
                (f"u{n}", day, day, day),
            )
    app = CareerApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await arrive(app, pilot)
        table = app.screen.query_one("#perception-table", DataTable)
        assert table.row_count == PAGE
        assert str(PAGE * 2 + 50) in str(app.screen.query_one("#perception-history").border_title)
        await pilot.press("ctrl+end")
        await settle(pilot)
        assert table.row_count == PAGE * 2
        await pilot.press("ctrl+end")
        await settle(pilot)
        assert table.row_count == PAGE * 2 + 50


async def test_user_text_is_shown_literally(db_path: Path) -> None:
    with Store(db_path) as store:
        for n, payload in enumerate(PAYLOADS):
            store.insert(
                "perception",
                {
                    "date": TODAY - timedelta(days=n),
                    "behaviour": 3,
                    "language": 3,
                    "attitude": 3,
                    "notes": payload,
                    f"q{n + 1}": payload,
                },
                TODAY,
            )
            store.insert(
                "security",
                {
                    "date": TODAY - timedelta(days=n),
                    "skills": 3,
                    "performance": 3,
                    "network": 3,
                    "job_search": 3,
                    "finances": 3,
                    "notes": payload,
                },
                TODAY,
            )
    app = CareerApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await arrive(app, pilot)
        notes = [row[4] for row in cells(app, "perception-table")]
        assert notes[:3] == list(PAYLOADS[:3])
        assert notes[3] == "\ufffd]0;T\ufffd"
        answers = text_of(app, "#perception-answers")
        for payload in PAYLOADS[:3]:
            assert payload in answers
        assert "\x1b" not in answers and "\ufffd]0;T\ufffd" in answers
        await pilot.click("#perception-answers", offset=(6, 2))  # on the [@click=…] answer
        await pilot.pause()
        assert app.is_running
        assert "[@click=app.quit]x[/]" in text_of(app, "#security-notes")
        await pilot.press("slash")
        await type_text(pilot, "[/")
        await settle(pilot)
        assert "[/" in str(app.screen.query_one("#perception-history").border_title)
        await pilot.press("enter", "p")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PerceptionForm)
        beside = str(form.query_one("#perception-form-last Static:last-of-type", Static).render())
        assert "[bold]loud[/bold]" in beside and "\x1b" not in beside
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running


def test_security_status_matches_the_stats(seeded: Path) -> None:
    """The screen reads the security status without computing every other figure of the stats;
    it must say what `careertui stats` says, before, at and long after the checks."""
    from careertui.store.selfcheck import security_overview
    from careertui.store.stats import compute_stats

    with Store(seeded, write=False) as store:
        for day in (
            TODAY - timedelta(days=300),
            TODAY - timedelta(days=150),
            TODAY,
            TODAY + timedelta(days=400),
        ):
            assert security_overview(store, day) == compute_stats(store, day)["security"]
