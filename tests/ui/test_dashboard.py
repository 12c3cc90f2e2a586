"""Dashboard (1): the figures are compute_stats' own; the journal timeline pages, opens, adds."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Digits, OptionList, Static, TextArea
from ui_helpers import press_text as type_text
from ui_helpers import settle_past_modals as settle

from careertui.app import CareerApp
from careertui.domain.text import one_line
from careertui.screens.dashboard import DashboardScreen
from careertui.store import Store
from careertui.store.journal import PAGE, timeline
from careertui.store.stats import compute_stats
from careertui.widgets.form import EntryForm
from careertui.widgets.heatmap import Heatmap
from careertui.widgets.readiness import ReadinessMeter
from careertui.widgets.timeline import JournalTimeline

SIZE = (120, 40)


def seed(path: Path, today: date) -> dict[str, int]:
    """A few weeks of everything the dashboard shows."""
    ids: dict[str, int] = {}
    with Store(path) as store:
        store.set_profile({"review_date": (today + timedelta(days=40)).isoformat()}, today)
        reporting = store.insert("responsibility", {"title": "Stakeholder reporting"}, today)
        store.insert("responsibility", {"title": "Hiring"}, today)
        for days in (0, 1, 2, 4, 5, 6, 7, *range(20, 30), 45):
            store.insert(
                "note", {"date": today - timedelta(days=days), "text": f"note {days}"}, today
            )
        ids["win"] = store.insert(
            "win",
            {
                "date": today - timedelta(days=3),
                "title": "Shipped the cache",
                "impact": "builds 35% faster",
                "responsibility_id": reporting,
            },
            today,
        )
        store.insert("win", {"date": today - timedelta(days=9), "title": "Ran the review"}, today)
        dana = store.insert(
            "contact",
            {"name": "Dana Lee", "influence": "decision-maker", "follow_up_days": 30},
            today,
        )
        ids["interaction"] = store.insert(
            "interaction",
            {
                "contact_id": dana,
                "date": today - timedelta(days=50),
                "notes": "Promotion chat",
                "follow_up": today - timedelta(days=3),
            },
            today,
        )
        goal = store.insert("goal", {"title": "Get promoted"}, today)
        ids["milestone"] = store.insert(
            "goal",
            {
                "title": "Design doc adopted",
                "kind": "milestone",
                "parent_id": goal,
                "due": (today + timedelta(days=6)).isoformat(),
            },
            today,
        )
        ids["action"] = store.insert("action", {"title": "Write", "cadence": "daily"}, today)
        ids["weekly"] = store.insert("action", {"title": "Coffee", "cadence": "weekly"}, today)
        for days in (1, 2, 3):
            store.check_in(ids["action"], today - timedelta(days=days), today)
        store.check_in(ids["weekly"], today, today)
        store.insert(
            "security",
            {
                "date": today - timedelta(days=120),
                "skills": 4,
                "performance": 4,
                "network": 2,
                "job_search": 3,
                "finances": 3,
            },
            today,
        )
    return ids


def journal_keys(journal: JournalTimeline) -> list[str]:
    return [str(row.key.value) for row in journal.ordered_rows]


def option_ids(options: OptionList) -> list[str]:
    return [options.get_option_at_index(i).id or "" for i in range(options.option_count)]


def option_text(options: OptionList, index: int) -> str:
    return str(getattr(options.get_option_at_index(index).prompt, "plain", ""))


async def open_dashboard(app: CareerApp, pilot: Pilot) -> DashboardScreen:
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, DashboardScreen)
    return screen


async def test_figures_are_the_stats_figures(db_path: Path, today: date) -> None:
    ids = seed(db_path, today)
    with Store(db_path) as store:
        stats = compute_stats(store, today)
        first_page = timeline(store, limit=PAGE)
    app = CareerApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dashboard(app, pilot)
        assert stats["streak"] == {"current": 8, "longest": 10}  # days 0-7, then 20-29
        assert screen.query_one("#streak-now", Digits).value == "8"
        assert "longest 10 days" in str(screen.query_one("#streak-text", Static).render())

        readiness = str(screen.query_one(ReadinessMeter).render())
        assert readiness.startswith(f"{stats['readiness']['score']} / 100")
        assert stats["readiness"]["band"] in readiness
        assert f"review in {stats['readiness']['days_to_review']} days" in readiness
        for gap in stats["readiness"]["gaps"][:3]:
            assert one_line(gap["text"]) in readiness.replace("\n", " ")

        heatmap = screen.query_one(Heatmap)
        assert heatmap.first is not None and heatmap.first.isoformat() == stats["heatmap"]["first"]
        assert heatmap.days == stats["heatmap"]["days"]
        assert heatmap.active_days == sum(1 for n in stats["heatmap"]["days"].values() if n)

        due = screen.query_one("#due", OptionList)
        expected = [
            f"interaction-{f['interaction_id']}"
            if f["interaction_id"]
            else f"contact-{f['contact_id']}"
            for f in stats["follow_ups_due"]
        ]
        expected += [f"goal-{m['id']}" for m in stats["milestones_due"]]
        expected += ["security-new"] if stats["security"]["due"] else []
        assert [i for i in option_ids(due) if not i.startswith("tell-")] == expected
        assert len(expected) == 4  # a follow-up, keep in touch with Dana, a milestone, security
        assert expected[0] == f"contact-{stats['follow_ups_due'][0]['contact_id']}"  # 20 days late
        assert expected[1] == f"interaction-{ids['interaction']}"
        assert "Design doc adopted" in option_text(due, 2) and "in 6 days" in option_text(due, 2)
        assert "weakest: business network 2/5" in option_text(due, 3)

        actions = screen.query_one("#today", OptionList)
        assert option_ids(actions) == [f"action-{a['id']}" for a in stats["actions"]]
        for index, action in enumerate(stats["actions"]):
            text = option_text(actions, index)
            assert f"{action['streak']:>3} streak" in text
            assert text.rstrip().endswith(f"{action['strength']}%")  # bar and percentage
        assert option_text(actions, 1).startswith("✓ Coffee")  # met this week
        assert option_text(actions, 0).startswith("○ Write")  # due today

        journal = screen.query_one(JournalTimeline)
        assert journal_keys(journal) == [f"{r['kind']}-{r['id']}" for r in first_page]
        assert app.focused is journal


@pytest.mark.parametrize("size", [(120, 40), (80, 24), (99, 35)])
async def test_a_finished_first_read_is_shown_before_the_first_layout(
    db_path: Path, today: date, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`careertui` starts the dashboard's read before it imports Textual; finished when the
    dashboard arrives, it is shown before the screen's first layout: no load runs, and the
    widths guessed before that layout are the ones it gives, so nothing is cut again (and
    repainted) after it."""
    seed(db_path, today)
    calls: Counter[str] = Counter()
    load, show_due = DashboardScreen.load, DashboardScreen._show_due
    refresh_columns = JournalTimeline.refresh_columns

    async def counting_load(self: DashboardScreen) -> None:
        calls["load"] += 1
        await load(self)

    def counting_due(self: DashboardScreen, stats: dict[str, Any]) -> None:
        calls["due"] += 1
        show_due(self, stats)

    def counting_columns(self: JournalTimeline) -> None:
        calls["columns"] += bool(self.entries)
        refresh_columns(self)

    monkeypatch.setattr(DashboardScreen, "load", counting_load)
    monkeypatch.setattr(DashboardScreen, "_show_due", counting_due)
    monkeypatch.setattr(JournalTimeline, "refresh_columns", counting_columns)
    with Store(db_path) as store:
        first_page = timeline(store, limit=PAGE)
    app = CareerApp(db_path)
    app.prefetch_dashboard()
    assert app._prefetch is not None
    app._prefetch.result(timeout=30)
    async with app.run_test(size=size) as pilot:
        screen = await open_dashboard(app, pilot)
        assert calls == {"due": 1, "columns": 0}
        journal = screen.query_one(JournalTimeline)
        assert journal_keys(journal) == [f"{r['kind']}-{r['id']}" for r in first_page]
        assert screen._due_shown_at == screen.query_one("#due").size.width - 2
        assert app.focused is journal


async def test_n_adds_a_note(db_path: Path, today: date) -> None:
    seed(db_path, today)
    app = CareerApp(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_dashboard(app, pilot)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EntryForm)
        assert isinstance(app.focused, TextArea)  # on the text: the date is today already
        await type_text(pilot, "Asked Dana about the staff rubric")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        with Store(db_path) as store:
            newest = store.rows("note", limit=1)[0]
        assert newest["text"] == "Asked Dana about the staff rubric"
        assert newest["date"] == today.isoformat()
        journal = screen.query_one(JournalTimeline)
        assert f"note-{newest['id']}" in journal_keys(journal)[:2]
        with Store(db_path) as store:
            stats = compute_stats(store, today)
        assert (
            screen.query_one(Heatmap).days[today.isoformat()]
            == stats["heatmap"]["days"][today.isoformat()]
        )


async def test_enter_opens_an_entry_to_edit_and_delete_removes_it(
    db_path: Path, today: date
) -> None:
    ids = seed(db_path, today)
    app = CareerApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dashboard(app, pilot)
        journal = screen.query_one(JournalTimeline)
        journal.move_cursor(row=journal.get_row_index(f"win-{ids['win']}"))
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EntryForm)
        assert form.kind.name == "win"
        assert app.focused is not None and app.focused.id == "field-title"
        await pilot.press("end")
        await type_text(pilot, " to 12 teams")
        await pilot.press("ctrl+s")
        await settle(pilot)
        with Store(db_path) as store:
            assert store.get("win", ids["win"])["title"] == "Shipped the cache to 12 teams"
        row = journal.get_row(f"win-{ids['win']}")
        assert "Shipped the cache to 12 teams" in row[2].plain
        assert journal.selected() == ("win", ids["win"])

        await pilot.press("delete")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        with Store(db_path) as store:
            assert store.get("win", ids["win"]) is None
        assert f"win-{ids['win']}" not in journal_keys(journal)


async def test_space_checks_in_from_todays_actions(db_path: Path, today: date) -> None:
    ids = seed(db_path, today)
    app = CareerApp(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_dashboard(app, pilot)
        actions = screen.query_one("#today", OptionList)
        actions.focus()
        await pilot.pause()
        actions.highlighted = 0
        await pilot.press("space")
        await settle(pilot)
        with Store(db_path) as store:
            checkins = [c for c in store.rows("checkin") if c["action_id"] == ids["action"]]
            stats = compute_stats(store, today)
        assert today.isoformat() in [c["date"] for c in checkins]
        assert stats["actions"][0]["streak"] == 4
        assert option_text(actions, 0).startswith("✓ Write")
        assert "  4 streak" in option_text(actions, 0)
        assert screen.query_one("#streak-now", Digits).value == str(stats["streak"]["current"])


async def test_due_items_open_their_form(db_path: Path, today: date) -> None:
    ids = seed(db_path, today)
    app = CareerApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dashboard(app, pilot)
        due = screen.query_one("#due", OptionList)
        due.focus()
        due.highlighted = 1
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EntryForm) and form.kind.name == "interaction"
        assert form.initial["id"] == ids["interaction"]
        await pilot.press("escape")
        await settle(pilot)
        due.highlighted = 0  # keep in touch with Dana: a new interaction with her
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EntryForm) and "id" not in form.initial
        assert form.kind.name == "interaction" and form.initial["contact_id"] is not None
        await pilot.press("escape")
        await settle(pilot)
        due.highlighted = 2
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EntryForm) and form.initial["id"] == ids["milestone"]


async def test_the_journal_pages_as_you_scroll(db_path: Path, today: date) -> None:
    with Store(db_path) as store:
        for index in range(PAGE * 2 + 30):
            store.insert(
                "note",
                {"date": today - timedelta(days=index // 3), "text": f"entry {index}"},
                today,
            )
        every = [f"note-{r['id']}" for r in timeline(store, limit=1000)]
    app = CareerApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dashboard(app, pilot)
        journal = screen.query_one(JournalTimeline)
        assert journal.row_count == PAGE
        for _ in range(3):
            await pilot.press("ctrl+end")
            await settle(pilot)
        assert journal_keys(journal) == every
        assert journal.complete
        # a reload (after a save) starts again from the first page, cursor kept on its entry
        journal.move_cursor(row=150)
        screen.refresh_data()
        await settle(pilot)
        assert journal.selected() == ("note", int(every[150].split("-")[1]))
        assert journal_keys(journal) == every[: journal.row_count]


async def test_user_text_is_shown_literally(db_path: Path, today: date) -> None:
    payloads = ["[@click=app.quit]click[/]", "[bold]loud", "[/", "\x1b]0;T\x07title"]
    with Store(db_path) as store:
        store.insert("note", {"date": today, "text": payloads[0], "tags": "x"}, today)
        store.insert("win", {"date": today, "title": payloads[1], "impact": payloads[2]}, today)
        contact = store.insert("contact", {"name": payloads[2]}, today)
        store.insert(
            "interaction",
            {"contact_id": contact, "date": today, "notes": payloads[3], "follow_up": today},
            today,
        )
        action = store.insert("action", {"title": payloads[3], "cadence": "daily"}, today)
        store.check_in(action, today, today, note=payloads[0])
        goal = store.insert("goal", {"title": payloads[1]}, today)
        store.insert(
            "goal",
            {
                "title": payloads[0],
                "kind": "milestone",
                "parent_id": goal,
                "due": today.isoformat(),
            },
            today,
        )
    app = CareerApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dashboard(app, pilot)
        journal = screen.query_one(JournalTimeline)
        cells = [" | ".join(c.plain for c in journal.get_row_at(i)) for i in range(4)]
        text = "\n".join(cells)
        assert "[@click=app.quit]click[/]" in text
        assert "[bold]loud | [/" in text
        assert "[/: \ufffd]0;T\ufffdtitle" in text
        assert "\x1b" not in text
        due = screen.query_one("#due", OptionList)
        assert "Follow up with [/: \ufffd]0;T\ufffdtitle" in option_text(due, 0)
        assert "[@click=app.quit]click[/]" in option_text(due, 1)
        assert "[bold]loud" in option_text(due, 1)
        assert "\ufffd]0;T\ufffdtitle" in option_text(screen.query_one("#today", OptionList), 0)
        await pilot.click(JournalTimeline, offset=(40, 2))
        await pilot.click(JournalTimeline, offset=(40, 2))
        await settle(pilot)
        assert app.is_running
        if isinstance(app.screen, EntryForm):
            await pilot.press("escape")
            await settle(pilot)
        assert "\x1b" not in app.export_screenshot()
        assert app.is_running


def test_the_due_panel_lists_a_page_and_counts_the_rest() -> None:
    from careertui.widgets.dashboard_lists import DUE_SHOWN, due_options

    follow_ups = [
        {"text": f"Call {n}", "days_overdue": 900 - n, "interaction_id": n, "contact_id": None}
        for n in range(DUE_SHOWN + 25)
    ]
    stats = {"follow_ups_due": follow_ups, "milestones_due": [], "security": {"due": False}}
    options = due_options(stats, 56)
    assert [o.id for o in options[:DUE_SHOWN]] == [f"interaction-{n}" for n in range(DUE_SHOWN)]
    assert len(options) == DUE_SHOWN + 1
    more = options[-1]
    assert more.disabled and "25 more follow-ups due" in str(getattr(more.prompt, "plain", ""))
