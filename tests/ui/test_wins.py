"""The Wins screen (4): wins, responsibilities, readiness, review dates, the packet export."""

from __future__ import annotations

import os
import stat
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input
from ui_helpers import column, open_screen, records, settle, type_text

from careertui.app import CareerApp
from careertui.screens.wins import WinsScreen
from careertui.store import Store
from careertui.store.wins import ALL, UNLINKED
from careertui.widgets.confirm import ConfirmDialog
from careertui.widgets.paged import PagedTable
from careertui.widgets.readiness import ReadinessMeter

TODAY = date(2026, 11, 23)
HOSTILE = ("[@click=app.quit]x[/]", "[bold]loud", "[/", "evil\x1b]0;T\x07title")


def ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Review period 2026-01-01 → 2026-12-15; three responsibilities (one retired); four wins,
    one of them before the period and one without a number in its impact."""
    path = tmp_path / "t.db"
    with Store(path) as store:
        store.set_profile({"review_start": "2026-01-01", "review_date": "2026-12-15"}, TODAY)
        ops = store.insert("responsibility", {"title": "Platform reliability"}, TODAY)
        rep = store.insert("responsibility", {"title": "Stakeholder reporting"}, TODAY)
        store.insert("responsibility", {"title": "Legacy billing", "active": 0}, TODAY)
        store.insert(
            "win",
            {
                "date": ago(3),
                "title": "Cut p95 latency",
                "impact": "-40% p95",
                "responsibility_id": ops,
                "tags": "perf",
            },
            TODAY,
        )
        store.insert(
            "win",
            {
                "date": ago(20),
                "title": "Monthly report",
                "impact": "well received",
                "responsibility_id": rep,
            },
            TODAY,
        )
        store.insert(
            "win", {"date": ago(40), "title": "Meetup talk", "impact": "", "tags": "brand"}, TODAY
        )
        store.insert(
            "win",
            {
                "date": "2025-11-01",
                "title": "Old migration",
                "impact": "2 TB moved",
                "responsibility_id": ops,
            },
            TODAY,
        )
    return path


async def open_wins(pilot: Pilot[Any]) -> WinsScreen:
    screen: WinsScreen = await open_screen(pilot, "4", WinsScreen)
    return screen


def title_of(widget: Any) -> str:
    """A border title as shown (the `border_title` property returns it as markup)."""
    return widget._border_title.plain if widget._border_title is not None else ""


# -- the wins list -------------------------------------------------------------------------------
async def test_wins_newest_first_with_unmeasured_impacts_marked(db: Path) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_wins(pilot)
        table = screen.query_one("#wins-table", PagedTable)
        assert app.focused is table
        assert column(table, 0) == [ago(3), ago(20), ago(40), "2025-11-01"]
        assert column(table, 1) == [
            "Cut p95 latency",
            "Monthly report",
            "Meetup talk",
            "Old migration",
        ]
        assert column(table, 2) == ["-40% p95", "⚠ well received", "⚠ unmeasured", "2 TB moved"]
        assert column(table, 3) == [
            "Platform reliability",
            "Stakeholder reporting",
            "—",
            "Platform reliability",
        ]
        assert column(table, 4)[0] == "#perf"


async def test_slash_filters_by_text(db: Path) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_wins(pilot)
        table = screen.query_one("#wins-table", PagedTable)
        await pilot.press("slash")
        assert app.focused is screen.query_one("#wins-filter", Input)
        await type_text(pilot, "late")  # a prefix of "latency"
        await settle(pilot)
        assert column(table, 1) == ["Cut p95 latency"]
        await pilot.press("backspace", "backspace", "backspace", "backspace")
        await type_text(pilot, "[/")  # not a valid FTS query on its own: no crash, no match
        await settle(pilot)
        assert table.row_count == 0 and app.is_running
        await pilot.press("escape")
        await settle(pilot)
        assert table.row_count == 4


async def test_r_cycles_the_responsibility_filter_and_p_the_period(db: Path) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_wins(pilot)
        table = screen.query_one("#wins-table", PagedTable)
        await pilot.press("r")
        await settle(pilot)
        assert screen.responsibility == 1
        assert column(table, 1) == ["Cut p95 latency", "Old migration"]
        await pilot.press("p")
        await settle(pilot)
        assert column(table, 1) == ["Cut p95 latency"]
        await pilot.press("p", "r")
        await settle(pilot)
        assert column(table, 1) == ["Monthly report"]
        await pilot.press("r", "r")  # the retired one, then the unlinked wins
        await settle(pilot)
        assert screen.responsibility == UNLINKED
        assert column(table, 1) == ["Meetup talk"]
        await pilot.press("r")
        await settle(pilot)
        assert screen.responsibility == ALL and table.row_count == 4


async def test_add_edit_delete_win(db: Path) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_wins(pilot)
        table = screen.query_one("#wins-table", PagedTable)
        await pilot.press("a")
        await settle(pilot)
        await type_text(pilot, "Closed the big deal")
        app.screen.query_one("#field-impact", Input).value = "$2M ARR"
        await pilot.press("ctrl+s")
        await settle(pilot)
        new = [r for r in records(db, "win") if r["title"] == "Closed the big deal"]
        assert len(new) == 1 and new[0]["date"] == TODAY.isoformat()
        assert column(table, 1)[0] == "Closed the big deal"
        assert column(table, 2)[0] == "$2M ARR"

        table.move_cursor(row=column(table, 1).index("Meetup talk"))
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#field-impact", Input).value = "120 attendees"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert {r["title"]: r["impact"] for r in records(db, "win")}[
            "Meetup talk"
        ] == "120 attendees"
        assert column(table, 2)[column(table, 1).index("Meetup talk")] == "120 attendees"

        table.move_cursor(row=column(table, 1).index("Monthly report"))
        await pilot.press("delete")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert "Monthly report" not in [r["title"] for r in records(db, "win")]
        assert "Monthly report" not in column(table, 1)


async def test_search_hit_opens_the_win_form(db: Path) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_entry("win", 2)
        await settle(pilot)
        await settle(pilot)
        assert app.screen.query_one("#field-title", Input).value == "Monthly report"


# -- responsibilities ----------------------------------------------------------------------------
async def test_responsibilities_panel_counts_wins_in_the_review_period(db: Path) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_wins(pilot)
        panel = screen.query_one("#responsibilities-table", DataTable)
        assert column(panel, 1) == [
            "Platform reliability",
            "Stakeholder reporting",
            "Legacy billing (retired)",
        ]
        assert [c.strip() for c in column(panel, 2)] == ["1", "1", "0"]  # 2025 win not counted
        assert [c.strip() for c in column(panel, 3)] == ["2", "1", "0"]


async def test_responsibility_keys_add_edit_retire_filter(db: Path) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_wins(pilot)
        panel = screen.query_one("#responsibilities-table", DataTable)
        await pilot.press("tab")
        assert app.focused is panel
        await pilot.press("a")
        await settle(pilot)
        await type_text(pilot, "Mentor juniors")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [r["title"] for r in records(db, "responsibility")][-1] == "Mentor juniors"
        assert "Mentor juniors" in column(panel, 1)

        panel.move_cursor(row=column(panel, 1).index("Stakeholder reporting"))
        await pilot.press("e")
        await settle(pilot)
        title = app.screen.query_one("#field-title", Input)
        title.value = "Stakeholder updates"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Stakeholder updates" in [r["title"] for r in records(db, "responsibility")]

        panel.move_cursor(row=column(panel, 1).index("Stakeholder updates"))
        await pilot.press("r")
        await settle(pilot)
        wins = screen.query_one("#wins-table", PagedTable)
        assert column(wins, 1) == ["Monthly report"]
        assert column(panel, 0)[column(panel, 1).index("Stakeholder updates")] == "▶"

        await pilot.press("t")
        await settle(pilot)
        retired = {r["title"]: r["active"] for r in records(db, "responsibility")}
        assert retired["Stakeholder updates"] == 0
        assert "Stakeholder updates (retired)" in column(panel, 1)
        panel.move_cursor(row=column(panel, 1).index("Stakeholder updates (retired)"))
        await pilot.press("t")
        await settle(pilot)
        assert {r["title"]: r["active"] for r in records(db, "responsibility")}[
            "Stakeholder updates"
        ] == 1

        await pilot.press("R")  # adds from anywhere
        await settle(pilot)
        assert app.screen.query_one("#field-title", Input) is app.focused
        await pilot.press("escape")


# -- readiness, review dates, export -------------------------------------------------------------
async def test_readiness_panel_shows_the_stats_figures(db: Path) -> None:
    from careertui.store.stats import compute_stats

    with Store(db, write=False) as store:
        readiness = compute_stats(store, TODAY)["readiness"]
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_wins(pilot)
        shown = str(screen.query_one("#readiness", ReadinessMeter).render())
        assert f"{readiness['score']} / 100" in shown
        assert readiness["band"] in shown
        assert "review in 22 days" in shown
        for label in ("Coverage", "Evidence", "Consistency", "Visibility", "Self-check"):
            assert label in shown
        assert readiness["gaps"]
        for gap in readiness["gaps"]:
            assert gap["text"][:30] in shown.replace("\n", " ")
        # the keys it names are the footer's: D Review dates, x Packet
        assert str(screen.query_one("#readiness-panel").border_subtitle).endswith(
            " · D dates · x packet"
        )


async def test_D_sets_the_review_dates(db: Path) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_wins(pilot)
        await pilot.press("D")
        await settle(pilot)
        start = app.screen.query_one("#field-review_start", Input)
        assert app.focused is start and start.value == "2026-01-01"
        start.value = "2026-06-01"
        app.screen.query_one("#field-review_date", Input).value = "2027-01-31"
        await pilot.press("ctrl+s")
        await settle(pilot)
        with Store(db, write=False) as store:
            profile = store.profile()
        assert (profile["review_start"], profile["review_date"]) == ("2026-06-01", "2027-01-31")
        assert "review in 69 days" in str(screen.query_one("#readiness").render())
        panel = screen.query_one("#responsibilities-table", DataTable)
        assert [c.strip() for c in column(panel, 2)] == ["1", "1", "0"]
        await pilot.press("D")
        await settle(pilot)
        app.screen.query_one("#field-review_date", Input).value = "not a date"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "not a date" in str(app.screen.query_one("#error-review_date").render())
        await pilot.press("escape")


async def test_x_exports_the_review_packet_to_a_private_file(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)
    app = CareerApp(db)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_wins(pilot)
        await pilot.press("x")  # the packet dialog: review, Markdown, for everyone
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        path = db.parent / "exports" / f"careertui-review-packet-{TODAY.isoformat()}.md"
        assert path.exists() and list(out.iterdir()) == []  # never the current folder unasked
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        text = path.read_text()
        assert "Cut p95 latency" in text and "Old migration" not in text
        assert any(str(path) in n.message for n in app._notifications)


async def test_x_replaces_a_file_only_once_confirmed(db: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine.md"
    mine.write_text("keep me")
    app = CareerApp(db)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_wins(pilot)
        for answer in ("n", "y"):
            await pilot.press("x")
            await settle(pilot)
            app.screen.query_one("#packet-path", Input).value = str(mine)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, ConfirmDialog)  # a second question
            await pilot.press(answer)
            await settle(pilot)
            if answer == "n":
                assert mine.read_text() == "keep me"
    assert "Cut p95 latency" in mine.read_text()


# -- safety and scale ----------------------------------------------------------------------------
async def test_user_text_is_shown_literally(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    with Store(path) as store:
        for n, text in enumerate(HOSTILE):
            rid = store.insert("responsibility", {"title": text}, TODAY)
            store.insert(
                "win",
                {
                    "date": ago(n),
                    "title": text,
                    "impact": text,
                    "tags": text,
                    "responsibility_id": rid,
                    "shared_with": text,
                },
                TODAY,
            )
    app = CareerApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_wins(pilot)
        table = screen.query_one("#wins-table", PagedTable)
        titles = column(table, 1)
        assert titles[:3] == ["[@click=app.quit]x[/]", "[bold]loud", "[/"]
        assert titles[3] == "evil\ufffd]0;T\ufffdtitle"
        await pilot.click("#wins-table", offset=(20, 2))
        await settle(pilot)
        await pilot.press("escape")
        await pilot.press("r")  # the filter names the responsibility in the border title
        await settle(pilot)
        assert "[@click=app.quit]x[/]" in title_of(screen.query_one("#wins-panel"))
        panel = screen.query_one("#responsibilities-table", DataTable)
        assert column(panel, 1)[2] == "[/"
        await pilot.click("#responsibilities-panel", offset=(6, 0))
        await settle(pilot)
        assert app.is_running


async def test_ten_thousand_wins_load_a_page_at_a_time(tmp_path: Path) -> None:
    path = tmp_path / "big.db"
    with Store(path) as store:
        rid = store.insert("responsibility", {"title": "Ship things"}, TODAY)
        with store.write() as conn:
            conn.executemany(
                "INSERT INTO wins (uuid, created_at, updated_at, date, title, impact, "
                "responsibility_id, tags) VALUES (?, ?, ?, ?, ?, ?, ?, 'perf')",
                [
                    (
                        f"w{n}",
                        "2026-01-01T00:00:00+00:00",
                        "2026-01-01T00:00:00+00:00",
                        ago(n % 700),
                        f"Win number {n}",
                        f"{n} users" if n % 2 else "nice",
                        rid if n % 3 else None,
                    )
                    for n in range(10_000)
                ],
            )
    app = CareerApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        started = time.perf_counter()
        await pilot.press("4")
        await settle(pilot)
        elapsed = time.perf_counter() - started
        screen = app.screen
        table = screen.query_one("#wins-table", PagedTable)
        assert table.row_count == PagedTable.PAGE_SIZE
        assert elapsed < 4.0, f"Wins took {elapsed:.2f}s at 10,000 wins"
        assert "10,000" in title_of(screen.query_one("#wins-panel"))
        await pilot.press("ctrl+end")
        await settle(pilot)
        assert table.row_count == 2 * PagedTable.PAGE_SIZE
        started = time.perf_counter()
        await pilot.press("slash")
        await type_text(pilot, "number 99")
        await settle(pilot)
        assert time.perf_counter() - started < 4.0
        matching = 111  # "99", "990"…"999", "9900"…"9999"
        assert f"{matching} of 10,000" in title_of(screen.query_one("#wins-panel"))
        assert table.row_count == min(matching, PagedTable.PAGE_SIZE)
        table.focus()
        await pilot.press("ctrl+end")
        await settle(pilot)
        assert table.row_count == matching
        assert all("number 99" in title for title in column(table, 1))
