"""Warming: once the first screen has shown its data, `careertui` builds the other five off
screen (composed, sized, loaded and rendered once), so that a first visit only repaints. What
a warmed screen shows must be exactly what a cold first visit shows, keys typed meanwhile must
reach the screen that is shown, and a write after warming must still show."""

from __future__ import annotations

import asyncio
import gc
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable
from ui_helpers import cells, press_text, settle, table_cells

from careertui.app import CareerApp
from careertui.screens.base import CareerScreen
from careertui.screens.dashboard import DashboardScreen
from careertui.screens.roadmap import RoadmapScreen
from careertui.store import Store
from careertui.widgets.form import EntryForm

TODAY = date(2026, 11, 23)
KEYS = {"roadmap": "2", "network": "3", "wins": "4", "selfcheck": "5", "review": "6"}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "w.db"
    with Store(path) as store:
        goal = store.insert(
            "goal",
            {"title": "Lead the platform team", "kind": "goal", "due": "2027-06-30"},
            TODAY,
        )
        store.insert("action", {"title": "Write the weekly update", "cadence": "weekly"}, TODAY)
        ada = store.insert("contact", {"name": "Ada Lovelace", "influence": "sponsor"}, TODAY)
        store.insert(
            "interaction",
            {"contact_id": ada, "date": "2026-11-02", "channel": "coffee", "notes": "Roadmap"},
            TODAY,
        )
        duty = store.insert("responsibility", {"title": "Run the on-call rota"}, TODAY)
        for day in range(1, 30):
            store.insert(
                "win",
                {
                    "date": f"2026-10-{day:02d}",
                    "title": f"Win number {day}",
                    "impact": "Cut pages by 40%",
                    "responsibility_id": duty,
                    "goal_id": goal,
                },
                TODAY,
            )
            store.insert("note", {"date": f"2026-10-{day:02d}", "text": f"Note {day}"}, TODAY)
        store.insert(
            "perception",
            {"date": "2026-11-01", "behaviour": 4, "language": 3, "attitude": 5, "notes": "Calm"},
            TODAY,
        )
        store.insert(
            "security",
            {
                "date": "2026-10-01",
                "skills": 4,
                "performance": 3,
                "network": 2,
                "job_search": 3,
                "finances": 4,
            },
            TODAY,
        )
    return path


async def warmed(pilot: Pilot[Any]) -> None:
    """Wait until the warming is over."""
    app = pilot.app
    assert isinstance(app, CareerApp)
    await settle(pilot)
    await asyncio.wait_for(app.warmed.wait(), timeout=60)
    await settle(pilot)


def built(app: CareerApp, mode: str) -> CareerScreen | None:
    """The mode's screen if it has been made (installed screens start as factories)."""
    screen = app._installed_screens.get(mode)
    return screen if isinstance(screen, CareerScreen) else None


@pytest.mark.usefixtures("settled_at_once")
async def test_every_screen_is_built_and_loaded_off_screen(db: Path) -> None:
    app = CareerApp(db, warm=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await warmed(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.current_mode == "dashboard"
        for mode in KEYS:
            screen = built(app, mode)
            assert screen is not None and screen.is_running, mode
            assert screen._loaded_for is not None, mode
            assert screen.size == app.size
            assert screen.has_class("-wide") and screen.has_class("-tall"), mode
        roadmap = built(app, "roadmap")
        assert roadmap is not None
        goals = roadmap.query_one("#goals-table", DataTable)
        assert [row[0] for row in table_cells(goals)] == ["◆ Lead the platform team"]


async def test_without_warm_nothing_else_is_built(db: Path) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.pause(0.3)
        assert all(built(app, mode) is None for mode in KEYS)


@pytest.mark.usefixtures("settled_at_once")
async def test_a_first_visit_after_warming_reads_nothing(db: Path, reads: Counter[str]) -> None:
    app = CareerApp(db, warm=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await warmed(pilot)
        assert set(reads) >= {"RoadmapScreen", "NetworkScreen", "WinsScreen"}
        reads.clear()
        for key in KEYS.values():
            await pilot.press(key)
            await settle(pilot)
        assert reads == Counter()


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
@pytest.mark.usefixtures("settled_at_once")
async def test_a_warmed_screen_shows_exactly_what_a_cold_one_does(
    db: Path, size: tuple[int, int]
) -> None:
    """Every screen's first visit, warmed or not, gives the same terminal picture."""
    pictures: dict[bool, dict[str, str]] = {}
    for warm in (False, True):
        app = CareerApp(db, warm=warm)
        async with app.run_test(size=size) as pilot:
            if warm:
                await warmed(pilot)
            else:
                await settle(pilot)
            pictures[warm] = {}
            for mode, key in KEYS.items():
                await pilot.press(key)
                await settle(pilot)
                assert app.current_mode == mode
                pictures[warm][mode] = app.export_screenshot()
    for mode in KEYS:
        assert pictures[True][mode] == pictures[False][mode], mode


@pytest.mark.usefixtures("settled_at_once")
async def test_a_write_after_warming_shows_on_the_first_visit(db: Path) -> None:
    app = CareerApp(db, warm=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await warmed(pilot)
        with Store(db) as store:  # e.g. `careertui add goal …` in another terminal
            store.insert("goal", {"title": "Publish the design guide", "kind": "goal"}, TODAY)
        await pilot.press("2")
        await settle(pilot)
        assert isinstance(app.screen, RoadmapScreen)
        titles = [row[0] for row in cells(app, "goals-table")]
        assert "◆ Publish the design guide" in titles


async def test_keys_typed_while_warming_reach_the_screen_shown(db: Path) -> None:
    """`n` pressed as soon as the dashboard is up opens the note form over the dashboard,
    whatever the warming is doing; the form saves, and the warming still completes."""
    app = CareerApp(db, warm=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, EntryForm)
        assert app.current_mode == "dashboard"
        await press_text(pilot, "Typed while warming")  # the form opens on the text
        await pilot.press("ctrl+s")
        for _ in range(100):
            await pilot.pause(0.02)
            if not isinstance(app.screen, EntryForm):
                break
        await warmed(pilot)
        assert isinstance(app.screen, DashboardScreen)
        with Store(db) as store:
            texts = [row["text"] for row in store.rows("note")]
        assert "Typed while warming" in texts
        assert all(built(app, mode) is not None for mode in KEYS)


@pytest.mark.parametrize("mode", ["roadmap", "selfcheck", "review"])
async def test_a_screen_visited_while_it_is_warming_shows_its_data(db: Path, mode: str) -> None:
    app = CareerApp(db, warm=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for _ in range(200):  # the moment its warming has begun
            if built(app, mode) is not None:
                break
            await pilot.pause(0.01)
        await pilot.press(KEYS[mode])
        await warmed(pilot)
        assert app.current_mode == mode
        assert isinstance(app.screen, CareerScreen)
        if mode == "roadmap":
            assert [row[0] for row in cells(app, "goals-table")] == ["◆ Lead the platform team"]
        elif mode == "selfcheck":
            assert len(cells(app, "perception-table")) == 1
        else:
            assert len(cells(app, "actions-table")) == 1
        await pilot.press("1")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)


@pytest.mark.usefixtures("settled_at_once")
async def test_a_resize_after_warming_refits_the_screen_on_its_visit(db: Path) -> None:
    app = CareerApp(db, warm=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await warmed(pilot)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        screen = app.screen
        assert screen.size.width == 80
        assert screen.has_class("-narrow") and not screen.has_class("-wide")


async def test_warming_makes_way_for_a_screen_switch(db: Path) -> None:
    """A warming step waits until no switch has happened for WARM_YIELD seconds, so that the
    screen being shown is not slowed by a screen being built off screen."""
    import time

    from careertui.tui import switching as app_module

    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        pressed = time.monotonic()
        await pilot.press("2")  # the switch happens after `pressed`, inside the press
        await app.wait_quiet()
        assert time.monotonic() - pressed >= app_module.WARM_YIELD
        started = time.monotonic()
        await app.wait_quiet()  # no switch since: at once
        assert time.monotonic() - started < 0.05


@pytest.fixture
def visits(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Layouts and paints of the screen shown, counted as "layout" and "paint"."""
    counts: Counter[str] = Counter()
    layout, paint = Screen._refresh_layout, Screen._compositor_refresh

    def counting_layout(self: Screen, *args: Any, **kwargs: Any) -> None:
        if self.is_current:
            counts["layout"] += 1
        layout(self, *args, **kwargs)

    def counting_paint(self: Screen) -> None:
        if self.is_current:
            counts["paint"] += 1
        paint(self)

    monkeypatch.setattr(Screen, "_refresh_layout", counting_layout)
    monkeypatch.setattr(Screen, "_compositor_refresh", counting_paint)
    return counts


@pytest.mark.usefixtures("settled_at_once")
async def test_a_visit_is_one_paint_and_no_layout(db: Path, visits: Counter[str]) -> None:
    """After warming, every switch, a first visit or a later one, paints the screen once and
    lays nothing out. A layout left for the visit (a table's scrollbars, the toast rack), a
    focus given again, a footer or a screen repainted twice would each be one more."""
    app = CareerApp(db, warm=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await warmed(pilot)
        for visit in ("first", "again"):
            for key in (*KEYS.values(), "1"):
                visits.clear()
                await pilot.press(key)
                await settle(pilot)
                await pilot.pause(0.1)
                assert visits == Counter(paint=1), (visit, app.current_mode)
                assert app.held_switches == 0 and app._batch_count == 0


@pytest.mark.parametrize("freeze", [True, False])
async def test_careertui_freezes_what_start_up_built(
    db: Path, freeze: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`careertui` moves what it built out of the garbage collector's sight after the first
    screen's data and after each warmed screen (a full collection walked it all, 30-90 ms in
    the middle of a switch at 100,000 entries); apps made by tests do not."""
    frozen: list[str] = []
    app = CareerApp(db, warm=True)
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(str(app.current_mode)))
    app.freeze = freeze
    async with app.run_test(size=(120, 40)) as pilot:
        await warmed(pilot)
    assert len(frozen) == (1 + len(KEYS) if freeze else 0)


async def test_a_repaint_held_by_a_batch_comes_when_the_batch_ends(
    db: Path, visits: Counter[str]
) -> None:
    """A screen arriving with nothing to read repaints itself; while another widget holds a
    batch update (a screen being built off screen) Textual keeps that repaint until the screen
    next idles, and nothing else may come to the screen: it must paint once the batch ends."""
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CareerScreen)
        visits.clear()
        with app.batch_update():
            screen._repaint()
            await asyncio.sleep(0.1)
            assert visits["paint"] == 0
        await asyncio.sleep(0.1)
        assert visits == Counter(paint=1)
