"""Roadmap (2): tabs, goals and milestones, key actions and check-ins, target role, space."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static, TabbedContent
from ui_helpers import press_text as type_text
from ui_helpers import settle_past_modals as settle
from ui_helpers import table_cells

from careertui.app import CareerApp
from careertui.screens.roadmap import RoadmapScreen
from careertui.store import Store
from careertui.store.stats import compute_stats
from careertui.widgets.form import EntryForm
from careertui.widgets.paged import PagedTable

SIZE = (120, 40)


async def open_roadmap(pilot: Pilot, tab_key: str | None = None) -> RoadmapScreen:
    await pilot.press("2")
    await settle(pilot)
    if tab_key:
        await pilot.press(tab_key)
        await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, RoadmapScreen)
    return screen


def rows(table: DataTable) -> list[str]:
    """Each row's cells as plain text joined with " | "."""
    return [" | ".join(row) for row in table_cells(table)]


def table(screen: RoadmapScreen, name: str) -> DataTable:
    return screen.query_one(f"#{name}-table", DataTable)


async def test_tabs_by_key_and_focus(db_path: Path, today: date) -> None:
    Store(db_path).close()
    app = CareerApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_roadmap(pilot)
        tabs = screen.query_one(TabbedContent)
        assert tabs.active == "goals"
        assert app.focused is table(screen, "goals")
        for key, tab, focused in (
            ("c", "actions", "actions-table"),
            ("t", "target", "requirements-table"),
            ("p", "space", "space-answers"),
            ("right_square_bracket", "goals", "goals-table"),
            ("left_square_bracket", "space", "space-answers"),
            ("left_square_bracket", "opportunities", "opportunity-table"),
            ("left_square_bracket", "target", "requirements-table"),
            ("o", "opportunities", "opportunity-table"),
            ("g", "goals", "goals-table"),
        ):
            await pilot.press(key)
            await pilot.pause()
            assert tabs.active == tab, key
            assert app.focused is not None and app.focused.id == focused, key
        # leaving and coming back keeps the tab and focuses its list
        await pilot.press("1")
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        assert tabs.active == "goals"
        assert app.focused is table(screen, "goals")


async def test_add_goal_then_milestone_through_the_form(db_path: Path, today: date) -> None:
    Store(db_path).close()
    app = CareerApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_roadmap(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, EntryForm)
        await type_text(pilot, "Ship the platform")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        with Store(db_path) as store:
            goals = store.rows("goal")
        assert [(g["title"], g["kind"], g["status"]) for g in goals] == [
            ("Ship the platform", "goal", "active")
        ]
        assert "Ship the platform" in rows(table(screen, "goals"))[0]

        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, EntryForm)
        await type_text(pilot, "Beta to 3 teams")
        await pilot.press("ctrl+s")
        await settle(pilot)
        with Store(db_path) as store:
            milestone = store.find("goal", "Beta to 3 teams")
        assert milestone["kind"] == "milestone"
        assert milestone["parent_id"] == goals[0]["id"]
        shown = rows(table(screen, "goals"))
        assert len(shown) == 2
        assert shown[0].startswith("◆ Ship the platform")
        assert "└ Beta to 3 teams" in shown[1]
        # the new milestone is selected: `d` marks it done
        await pilot.press("d")
        await settle(pilot)
        with Store(db_path) as store:
            assert store.get("goal", milestone["id"])["status"] == "done"


async def test_bad_date_is_refused_in_place(db_path: Path, today: date) -> None:
    Store(db_path).close()
    app = CareerApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_roadmap(pilot)
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EntryForm)
        await type_text(pilot, "Speak at a conference")
        for _ in range(10):
            if app.focused is not None and app.focused.id == "field-due":
                break
            await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "field-due"
        await type_text(pilot, "31 Febtember")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form, "the form stays open"
        error = form.query_one("#error-due", Static)
        assert error.display
        assert "Due" in str(error.render())
        assert form.query_one("#field-due", Input).value == "31 Febtember"
        assert form.query_one("#field-title", Input).value == "Speak at a conference"
        with Store(db_path) as store:
            assert store.count("goal") == 0
        # fixing the date saves it
        due = form.query_one("#field-due", Input)
        due.value = ""
        await type_text(pilot, "2026-12-31")
        await pilot.press("ctrl+s")
        await settle(pilot)
        with Store(db_path) as store:
            assert [g["due"] for g in store.rows("goal")] == ["2026-12-31"]


async def test_add_action_and_check_in_with_space(db_path: Path, today: date) -> None:
    Store(db_path).close()
    app = CareerApp(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_roadmap(pilot, "c")
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, EntryForm)
        await type_text(pilot, "Write 30 minutes")
        await pilot.press("ctrl+s")
        await settle(pilot)
        with Store(db_path) as store:
            action = store.find("action", "Write 30 minutes")
        assert action["cadence"] == "daily"
        assert app.focused is table(screen, "actions")

        await pilot.press("space")
        await settle(pilot)
        with Store(db_path) as store:
            checkins = store.rows("checkin")
            stats = compute_stats(store, today)
        assert [(c["action_id"], c["date"], c["skip"]) for c in checkins] == [
            (action["id"], today.isoformat(), 0)
        ]
        [shown] = rows(table(screen, "actions"))
        assert shown.startswith("Write 30 minutes | daily")
        [figures] = stats["actions"]
        assert figures["streak"] == 1
        assert f"| {figures['streak']:>3} |" in shown
        assert f" {figures['strength']:>3}% |" in shown
        assert shown.rstrip().endswith("✓"), "today's check-in ends the history strip"
        assert any("Checked in" in n.message for n in app._notifications)

        await pilot.press("s")
        await settle(pilot)
        with Store(db_path) as store:
            assert [c["skip"] for c in store.rows("checkin")] == [1]
        assert rows(table(screen, "actions"))[0].rstrip().endswith("–")


async def test_streak_and_strength_are_the_stats_figures(db_path: Path, today: date) -> None:
    with Store(db_path) as store:
        daily = store.insert("action", {"title": "Read", "cadence": "daily"}, today)
        weekly = store.insert("action", {"title": "Coffee", "cadence": "weekly:2"}, today)
        for days in (1, 2, 3, 5, 6):
            store.check_in(daily, today - timedelta(days=days), today)
        store.check_in(daily, today - timedelta(days=4), today, skip=True)
        for days in (7, 8, 14, 16, 30):
            store.check_in(weekly, today - timedelta(days=days), today)
        stats = {a["id"]: a for a in compute_stats(store, today)["actions"]}
    app = CareerApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_roadmap(pilot, "c")
        shown = rows(table(screen, "actions"))
        for line, action_id in zip(shown, (daily, weekly), strict=True):
            cells = [c.strip() for c in line.split(" | ")]
            assert cells[3] == str(stats[action_id]["streak"])
            assert cells[4].endswith(f"{stats[action_id]['strength']}%")  # bar and percentage
        assert stats[daily]["streak"] == 5  # the skip is stepped over
        # the strip: 4 weeks of 7 days, a skip shown as –
        strip = shown[0].split(" | ")[-1]
        assert len(strip.replace(" ", "")) == 22  # Mon 3 weeks ago … today, a Monday
        assert strip.count("–") == 1 and strip.count("✓") == 5


async def test_target_role_counts_and_requirements(db_path: Path, today: date) -> None:
    with Store(db_path) as store:
        store.set_profile({"target_role": "Staff Engineer"}, today)
        for title, status in (
            ("Budgeting", "gap"),
            ("Strategy", "partial"),
            ("Design", "have"),
            ("Speaking", "gap"),
        ):
            store.insert("requirement", {"title": title, "status": status}, today)
    app = CareerApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_roadmap(pilot, "t")
        requirements = table(screen, "requirements")
        assert [r.split(" | ")[0] for r in rows(requirements)] == [
            "Budgeting",
            "Speaking",
            "Strategy",
            "Design",
        ]
        title = str(requirements.border_title)
        assert "Staff Engineer" in title and "2 gaps, 1 partial" in title
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntryForm)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("delete")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        with Store(db_path) as store:
            assert [r["title"] for r in store.rows("requirement", newest_first=False)] == [
                "Strategy",
                "Design",
                "Speaking",
            ]
        assert "1 gaps" not in str(requirements.border_title)
        assert "1 gap, 1 partial" in str(requirements.border_title)


async def test_space_shows_and_edits_the_profile(db_path: Path, today: date) -> None:
    with Store(db_path) as store:
        store.set_profile({"domain": "Developer platforms", "brand_message": "Fast teams"}, today)
    app = CareerApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_roadmap(pilot, "p")
        assert "Developer platforms" in str(screen.query_one("#space-text", Static).render())
        assert "Fast teams" in str(screen.query_one("#brand", Static).render())
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EntryForm)
        assert app.focused is not None and app.focused.id == "field-current_role"
        await type_text(pilot, "Senior engineer")
        await pilot.press("ctrl+s")
        await settle(pilot)
        with Store(db_path) as store:
            profile = store.profile()
        assert profile["current_role"] == "Senior engineer"
        assert profile["domain"] == "Developer platforms"
        assert "Senior engineer" in str(screen.query_one("#space-facts", Static).render())


async def test_filter_narrows_the_tab(db_path: Path, today: date) -> None:
    with Store(db_path) as store:
        parent = store.insert("goal", {"title": "Get promoted"}, today)
        store.insert(
            "goal", {"title": "Design docs", "kind": "milestone", "parent_id": parent}, today
        )
        store.insert("goal", {"title": "Run a marathon"}, today)
    app = CareerApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_roadmap(pilot)
        assert len(rows(table(screen, "goals"))) == 3
        await pilot.press("slash")
        await type_text(pilot, "design")
        await pilot.pause()
        shown = rows(table(screen, "goals"))
        assert len(shown) == 2 and "Get promoted" in shown[0] and "Design docs" in shown[1]
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is table(screen, "goals")
        await pilot.press("escape")
        await pilot.pause()
        assert len(rows(table(screen, "goals"))) == 3


async def test_user_text_is_shown_literally(db_path: Path, today: date) -> None:
    payloads = ["[@click=app.quit]click[/]", "[bold]loud", "[/", "\x1b]0;T\x07title"]
    with Store(db_path) as store:
        store.set_profile(
            {"target_role": payloads[0], "brand_message": payloads[1], "domain": payloads[3]}, today
        )
        goal = store.insert(
            "goal", {"title": payloads[0], "metric": payloads[2], "notes": payloads[1]}, today
        )
        store.insert("goal", {"title": payloads[2], "kind": "milestone", "parent_id": goal}, today)
        store.insert("action", {"title": payloads[3], "cadence": "daily", "goal_id": goal}, today)
        store.insert("requirement", {"title": payloads[1], "plan": payloads[2]}, today)
    app = CareerApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_roadmap(pilot)
        goals = rows(table(screen, "goals"))
        assert "[@click=app.quit]click[/]" in goals[0] and "| [/ |" in goals[0]
        assert "[/" in goals[1]
        await pilot.click("#goals-table", offset=(10, 2))
        await settle(pilot)
        assert app.is_running
        if isinstance(app.screen, EntryForm):
            await pilot.press("escape")
            await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert "\ufffd]0;T\ufffdtitle" in rows(table(screen, "actions"))[0]
        await pilot.press("t")
        await settle(pilot)
        assert rows(table(screen, "requirements"))[0].startswith("[bold]loud")
        # border_title reads back as escaped markup; what is drawn is its plain text
        drawn = Content.from_markup(str(table(screen, "requirements").border_title)).plain
        assert "Target role: [@click=app.quit]click[/] — 1 gap" in drawn
        await pilot.press("p")
        await settle(pilot)
        assert "[bold]loud" in str(screen.query_one("#brand", Static).render())
        assert "\ufffd]0;T\ufffdtitle" in str(screen.query_one("#space-text", Static).render())
        await pilot.press("g")
        await pilot.press("slash")
        await type_text(pilot, "[/")
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, RoadmapScreen)
        svg = app.export_screenshot()
        assert "\x1b" not in svg


async def test_a_search_hit_opens_in_its_tab(db_path: Path, today: date) -> None:
    with Store(db_path) as store:
        store.insert("goal", {"title": "First"}, today)
        wanted = store.insert("goal", {"title": "Second", "due": "2027-01-01"}, today)
        requirement = store.insert("requirement", {"title": "Budgeting"}, today)
    app = CareerApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_entry("goal", wanted)
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EntryForm) and form.initial["id"] == wanted
        await pilot.press("escape")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RoadmapScreen)
        assert screen.query_one(TabbedContent).active == "goals"
        assert screen.selected() == ("goal", wanted)
        app.open_entry("requirement", requirement)
        await settle(pilot)
        assert isinstance(app.screen, EntryForm) and app.screen.kind.name == "requirement"
        await pilot.press("escape")
        await settle(pilot)
        assert screen.query_one(TabbedContent).active == "target"


async def test_a_long_goal_list_loads_a_page_at_a_time(db_path: Path, today: date) -> None:
    """More goals than a page: the first page is shown, ctrl+end fetches the next until the
    last goal, whose keys act on it; a search hit beyond the first page is selected."""
    total = PagedTable.PAGE_SIZE * 2 + 25
    stamp = "2026-01-01T00:00:00+00:00"
    with Store(db_path) as store, store.write() as conn:
        conn.executemany(
            "INSERT INTO goals (uuid, created_at, updated_at, title, kind, status) "
            "VALUES (?, ?, ?, ?, 'goal', 'active')",
            [(f"g{n}", stamp, stamp, f"Goal {n:04d}") for n in range(total)],
        )
        last_id = conn.execute("SELECT max(id) FROM goals").fetchone()[0]
        far = f"Goal {total - 10:04d}"  # on the last page
        far_id = conn.execute("SELECT id FROM goals WHERE title = ?", (far,)).fetchone()[0]
    app = CareerApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_roadmap(pilot)
        goals = table(screen, "goals")
        assert isinstance(goals, PagedTable)
        assert goals.row_count == PagedTable.PAGE_SIZE
        assert f"{total} active" in str(goals.border_title)
        for _ in range(10):
            await pilot.press("ctrl+end")
            await settle(pilot)
        assert goals.row_count == total
        assert rows(goals)[-1].startswith(f"◆ Goal {total - 1:04d}")
        assert screen.selected() == ("goal", last_id)
        detail = str(screen.query_one("#goal-detail", Static).render())
        assert f"Goal {total - 1:04d}" in detail
        await pilot.press("d")
        await settle(pilot)
        with Store(db_path) as store:
            assert store.get("goal", last_id)["status"] == "done"

    app = CareerApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_entry("goal", far_id)
        await settle(pilot)
        assert isinstance(app.screen, EntryForm) and app.screen.initial["id"] == far_id
        await pilot.press("escape")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RoadmapScreen)
        assert screen.selected() == ("goal", far_id)
        assert far in str(screen.query_one("#goal-detail", Static).render())


async def test_moving_the_cursor_keeps_the_goals_table_size(db_path: Path, today: date) -> None:
    """The detail below the table keeps one height whatever the row (a resized DataTable
    renders every visible cell again)."""
    with Store(db_path) as store:
        rich = {"title": "Rich", "metric": "talks", "target": 4, "notes": "why\nand how"}
        parent = store.insert("goal", rich, today)
        store.insert("goal", {"title": "Step", "kind": "milestone", "parent_id": parent}, today)
        store.insert("action", {"title": "Write", "cadence": "daily", "goal_id": parent}, today)
        store.insert("goal", {"title": "Bare"}, today)
    app = CareerApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_roadmap(pilot)
        goals = table(screen, "goals")
        heights = set()
        for key in ("down", "down", "up", "up"):
            heights.add(goals.size.height)
            await pilot.press(key)
            await pilot.pause()
        assert len(heights) == 1
