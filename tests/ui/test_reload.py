"""Arriving on a screen reads nothing again when nothing it shows can have changed (the day, the
database file, the theme, the terminal's size); any write, by this app's screens or by another
process, and a new day make the next visit read again."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from careertui.app import CareerApp
from careertui.screens.base import CareerScreen
from careertui.store import Store, overview
from careertui.widgets.timeline import JournalTimeline

TODAY = date(2026, 11, 23)
ORDER = ["2", "3", "4", "5", "6", "1"]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "r.db"
    with Store(path) as store:
        store.insert("note", {"date": "2026-11-20", "text": "First note"}, TODAY)
        store.insert("win", {"date": "2026-11-19", "title": "Shipped the beta"}, TODAY)
    return path


async def settle(pilot: Pilot[Any]) -> None:
    for _ in range(2):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def visit_all(pilot: Pilot[Any]) -> None:
    for key in ORDER:
        await pilot.press(key)
        await settle(pilot)


def journal_titles(app: CareerApp) -> list[str]:
    journal = app.screen.query_one(JournalTimeline)
    return [str(entry["title"]) for entry in journal.entries]


@pytest.mark.usefixtures("settled_at_once")
async def test_a_second_visit_reads_nothing_when_nothing_changed(
    db: Path, reads: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await visit_all(pilot)
        assert set(reads) >= {"DashboardScreen", "RoadmapScreen", "WinsScreen", "ReviewScreen"}
        reads.clear()
        await visit_all(pilot)
        assert reads == Counter()
        # a new day: every screen reads again on its next visit
        monkeypatch.setenv("CAREERTUI_TODAY", "2026-11-24")
        await pilot.press("4")
        await settle(pilot)
        assert reads["WinsScreen"] > 0


@pytest.mark.parametrize("trusted", [True, False], ids=["settled", "just-written"])
async def test_an_edit_on_one_screen_shows_on_the_next(
    db: Path, trusted: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if trusted:
        monkeypatch.setattr(overview, "SETTLED_NS", 0)
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await visit_all(pilot)
        assert "Closed the big deal" not in journal_titles(app)
        await pilot.press("4")
        await settle(pilot)
        app.screen.open_form("win", values={"title": "Closed the big deal"})  # type: ignore[attr-defined]
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.current_mode == "wins" and not app.screen.is_modal
        await pilot.press("1")
        await settle(pilot)
        assert "Closed the big deal" in journal_titles(app)


@pytest.mark.usefixtures("settled_at_once")
async def test_a_write_by_another_process_shows_on_return(db: Path) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await visit_all(pilot)
        await pilot.press("4")
        await settle(pilot)
        with Store(db) as store:  # e.g. `careertui add note …` in another terminal
            store.insert("note", {"date": "2026-11-23", "text": "Captured from the CLI"}, TODAY)
        await pilot.press("1")
        await settle(pilot)
        assert "Captured from the CLI" in journal_titles(app)


@pytest.mark.usefixtures("settled_at_once")
async def test_an_own_edit_always_reloads_the_screen(db: Path, reads: Counter[str]) -> None:
    """A save on a screen reloads it even when its arrival check would skip (the reload after
    a change does not look at the file's signature)."""
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CareerScreen)
        reads.clear()
        screen.refresh_data()
        await settle(pilot)
        assert reads["DashboardScreen"] > 0


async def test_a_second_visit_does_not_restyle_the_app(db: Path, css_refreshes: list[str]) -> None:
    """Textual re-parsed the stylesheet on each screen's second visit (its mark of the CSS it
    was styled with was never set on the first); CareerScreen sets it when it mounts."""
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await visit_all(pilot)
        css_refreshes.clear()
        await visit_all(pilot)
        assert css_refreshes == []
        app.theme = "catppuccin-latte" if app.theme != "catppuccin-latte" else "nord"
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        assert "wins" in css_refreshes  # a new theme still restyles the next screen shown


async def test_the_prefetched_first_read_is_used_unless_the_file_changed(
    db: Path, reads: Counter[str]
) -> None:
    app = CareerApp(db)
    app.prefetch_dashboard()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert reads["DashboardScreen"] == 0
        assert "First note" in journal_titles(app)

    reads.clear()
    app = CareerApp(db)
    app.prefetch_dashboard()
    assert app._prefetch is not None
    app._prefetch.result(timeout=10)
    with Store(db) as store:  # written after the prefetch read: it must not be shown
        store.insert("note", {"date": "2026-11-23", "text": "Written meanwhile"}, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert reads["DashboardScreen"] == 1
        assert "Written meanwhile" in journal_titles(app)


SCREEN_CLASSES = (
    "RoadmapScreen",
    "NetworkScreen",
    "WinsScreen",
    "SelfCheckScreen",
    "ReviewScreen",
    "DashboardScreen",
)


@pytest.mark.usefixtures("settled_at_once")
async def test_an_arrival_looks_at_the_file_once(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Textual runs each class's on_screen_resume in turn: a screen whose own handler also
    called CareerScreen's ran the arrival twice (two looks at the file, two repaints, and two
    loads when it had changed, the second cancelling the first). And Textual resumes a mode's
    screen twice as it is first shown: the second is absorbed. A first visit looks once on
    arrival and once as its load starts; a visit after that only on arrival."""
    looks: Counter[str] = Counter()
    original = CareerScreen.load_key

    def counting(self: CareerScreen) -> tuple[object, ...] | None:
        looks[type(self).__name__] += 1
        return original(self)

    monkeypatch.setattr(CareerScreen, "load_key", counting)
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await visit_all(pilot)  # the dashboard, shown first, is visited again at the end
        assert looks == Counter({name: 2 for name in SCREEN_CLASSES}) + Counter(["DashboardScreen"])
        looks.clear()
        await visit_all(pilot)
        assert looks == Counter({name: 1 for name in SCREEN_CLASSES})
