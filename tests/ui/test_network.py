"""The Network screen (3) and the contact page, driven by real keys on a temp database."""

from __future__ import annotations

import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static, TextArea
from ui_helpers import column, open_screen, records, settle, type_text

from careertui.app import CareerApp
from careertui.screens.contact import ContactScreen
from careertui.screens.network import NetworkScreen
from careertui.store import Store
from careertui.widgets.paged import PagedTable

TODAY = date(2026, 11, 23)
HOSTILE = ("[@click=app.quit]x[/]", "[bold]loud", "[/", "evil\x1b]0;T\x07title")


def ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Three contacts: Dana (decision-maker, last seen 120 days ago, every 30 days), Bob (sponsor,
    seen 10 days ago, follow-up due 2 days ago), Zoe (peer at Initech, never seen)."""
    path = tmp_path / "t.db"
    with Store(path) as store:
        dana = store.insert(
            "contact",
            {
                "name": "Dana Lee",
                "org": "Acme",
                "role": "VP Engineering",
                "circle": "leadership",
                "influence": "decision-maker",
                "knows_me": 2,
                "follow_up_days": 30,
                "notes": "Cares about numbers",
            },
            TODAY,
        )
        bob = store.insert(
            "contact",
            {
                "name": "Bob Stone",
                "org": "Acme",
                "role": "Director",
                "influence": "sponsor",
                "knows_me": 3,
            },
            TODAY,
        )
        store.insert("contact", {"name": "Zoe Park", "org": "Initech", "influence": "peer"}, TODAY)
        store.insert(
            "interaction",
            {"contact_id": dana, "date": ago(200), "channel": "call", "notes": "old call"},
            TODAY,
        )
        store.insert(
            "interaction",
            {
                "contact_id": dana,
                "date": ago(120),
                "channel": "coffee",
                "notes": "coffee chat",
                "learned": "budget is tight",
                "gave": "an intro",
            },
            TODAY,
        )
        store.insert(
            "interaction",
            {
                "contact_id": bob,
                "date": ago(10),
                "channel": "meeting",
                "notes": "1:1 on scope",
                "follow_up": ago(2),
            },
            TODAY,
        )
        store.insert(
            "win",
            {
                "date": ago(5),
                "title": "Shipped refunds API",
                "impact": "4 teams",
                "shared_with": "dana lee, Bob",
            },
            TODAY,
        )
        store.insert(
            "win", {"date": ago(6), "title": "Private win", "shared_with": "nobody"}, TODAY
        )
    return path


async def open_network(pilot: Pilot[Any]) -> NetworkScreen:
    screen: NetworkScreen = await open_screen(pilot, "3", NetworkScreen)
    return screen


# -- contacts table ------------------------------------------------------------------------------
async def test_contacts_table_shows_each_column_and_is_focused(db: Path) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_network(pilot)
        table = screen.query_one("#contacts-table", PagedTable)
        assert app.focused is table
        assert column(table, 0) == ["Bob Stone", "Dana Lee", "Zoe Park"]
        dana = [getattr(c, "plain", c) for c in table.get_row("1")]
        assert dana[1:5] == ["Acme", "VP Engineering", "leadership", "decision-maker"]
        assert dana[5] == "●●○"
        assert dana[6] == "120d ago"
        # Stay in touch every 30 days after the last interaction: 120 - 30 = 90 days overdue.
        assert dana[7] == ago(90)
        zoe = [getattr(c, "plain", c) for c in table.get_row("3")]
        assert zoe[0] == "Zoe Park" and zoe[6] == "never" and zoe[7] == "—"
        assert column(table, 7)[0] == ago(2)  # Bob's open follow-up


async def test_o_cycles_the_sort_column_and_O_reverses(db: Path) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_network(pilot)
        table = screen.query_one("#contacts-table", PagedTable)
        await pilot.press("O")
        await settle(pilot)
        assert column(table, 0) == ["Zoe Park", "Dana Lee", "Bob Stone"]
        await pilot.press("o")  # by org, ascending
        await settle(pilot)
        assert screen.sort_key == "org" and not screen.descending
        assert column(table, 1) == ["Acme", "Acme", "Initech"]
        for _ in range(5):  # org → role → circle → influence → knows me → last seen
            await pilot.press("o")
        await settle(pilot)
        assert screen.sort_key == "last"
        assert column(table, 0) == ["Bob Stone", "Dana Lee", "Zoe Park"]  # 10d, 120d, never
        assert "Last seen ↑" in str(table.columns[table.ordered_columns[6].key].label)


async def test_header_click_sorts(db: Path) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_network(pilot)
        table = screen.query_one("#contacts-table", PagedTable)
        table.post_message(
            DataTable.HeaderSelected(
                table, table.ordered_columns[5].key, 5, table.ordered_columns[5].label
            )
        )
        await settle(pilot)
        assert screen.sort_key == "knows_me"
        assert column(table, 0) == ["Zoe Park", "Dana Lee", "Bob Stone"]


async def test_slash_filters_as_you_type_and_escape_clears(db: Path) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_network(pilot)
        table = screen.query_one("#contacts-table", PagedTable)
        await pilot.press("slash")
        box = screen.query_one("#contacts-filter", Input)
        assert box.display and app.focused is box
        await type_text(pilot, "acm")
        await settle(pilot)
        assert column(table, 0) == ["Bob Stone", "Dana Lee"]
        await type_text(pilot, " vp")
        await settle(pilot)
        assert column(table, 0) == ["Dana Lee"]
        await pilot.press("enter")
        assert app.focused is table
        await pilot.press("escape")
        await settle(pilot)
        assert not box.display and box.value == ""
        assert table.row_count == 3


async def test_add_edit_delete_contact(db: Path) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_network(pilot)
        table = screen.query_one("#contacts-table", PagedTable)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.focused, Input) and app.focused.id == "field-name"
        await type_text(pilot, "Carla Diaz")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [r["name"] for r in records(db, "contact")][-1] == "Carla Diaz"
        assert "Carla Diaz" in column(table, 0)

        table.move_cursor(row=column(table, 0).index("Zoe Park"))
        await pilot.press("e")
        await settle(pilot)
        org = app.screen.query_one("#field-org", Input)
        org.value = "Globex"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert {r["name"]: r["org"] for r in records(db, "contact")}["Zoe Park"] == "Globex"

        table.move_cursor(row=column(table, 0).index("Zoe Park"))
        await pilot.press("delete")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert "Zoe Park" not in [r["name"] for r in records(db, "contact")]
        assert "Zoe Park" not in column(table, 0)


# -- the contact page ----------------------------------------------------------------------------
async def test_enter_opens_the_contact_page(db: Path) -> None:
    from careertui.store.agenda import mark_told

    with Store(db) as store:  # a win she was told of: she has heard of it, as the brief says
        win = store.insert("win", {"date": ago(3), "title": "Cut p99", "impact": "2x"}, TODAY)
        mark_told(store, int(store.find("contact", "dana")["id"]), win, TODAY)
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_network(pilot)
        screen.query_one("#contacts-table", PagedTable).move_cursor(row=1)  # Dana
        await pilot.press("enter")
        await settle(pilot)
        page = app.screen
        assert isinstance(page, ContactScreen)
        interactions = page.query_one("#interactions-table", PagedTable)
        assert app.focused is interactions
        assert column(interactions, 0) == [ago(120), ago(200)]  # newest first
        assert column(interactions, 3)[0] == "coffee chat"
        assert column(interactions, 4)[0] == "budget is tight"
        assert column(interactions, 5)[0] == "an intro"
        details = str(page.query_one("#contact-details", Static).render())
        assert "VP Engineering" in details and "decision-maker" in details
        assert "Cares about numbers" in str(page.query_one("#contact-notes", Static).render())
        shared = page.query_one("#shared-table", DataTable)
        # told, and "dana lee" in a win's "shared with" (any case)
        assert column(shared, 1) == ["Cut p99", "Shipped refunds API"]
        assert column(shared, 3) == [f"told {TODAY}", "shared with"]
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen


async def test_contact_page_adds_an_interaction_and_marks_a_follow_up_done(db: Path) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_network(pilot)
        screen.query_one("#contacts-table", PagedTable).move_cursor(row=2)  # Zoe
        await pilot.press("enter")
        await settle(pilot)
        page = app.screen
        assert isinstance(page, ContactScreen)
        await pilot.press("i")
        await settle(pilot)
        form = app.screen
        assert form.query_one("#field-date", Input).value == "today"
        form.query_one("#field-notes").load_text("Met at the meetup")
        form.query_one("#field-follow_up", Input).value = "+1w"
        await pilot.press("ctrl+s")
        await settle(pilot)
        zoe = [r for r in records(db, "interaction") if r["notes"] == "Met at the meetup"]
        assert len(zoe) == 1
        assert zoe[0]["contact_id"] == 3 and zoe[0]["date"] == TODAY.isoformat()
        assert zoe[0]["follow_up"] == (TODAY + timedelta(days=7)).isoformat()
        table = page.query_one("#interactions-table", PagedTable)
        assert table.row_count == 1
        await pilot.press("d")
        await settle(pilot)
        assert [r["done"] for r in records(db, "interaction") if r["id"] == zoe[0]["id"]] == [1]
        assert column(table, 2)[0].startswith("✓")


async def test_contact_page_edits_the_contact_an_interaction_and_deletes_one(db: Path) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_network(pilot)
        screen.query_one("#contacts-table", PagedTable).move_cursor(row=1)  # Dana
        await pilot.press("enter")
        await settle(pilot)
        page = app.screen
        assert isinstance(page, ContactScreen)
        await pilot.press("E")
        await settle(pilot)
        app.screen.query_one("#field-role", Input).value = "CTO"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert {r["name"]: r["role"] for r in records(db, "contact")}["Dana Lee"] == "CTO"
        assert "CTO" in str(page.query_one("#contact-details", Static).render())

        await pilot.press("e")  # the highlighted (newest) interaction
        await settle(pilot)
        assert app.screen.query_one("#field-date", Input).value == ago(120)
        app.screen.query_one("#field-gave", TextArea).load_text("a referral")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [r["gave"] for r in records(db, "interaction") if r["date"] == ago(120)] == [
            "a referral"
        ]

        interactions = page.query_one("#interactions-table", PagedTable)
        interactions.move_cursor(row=1)
        await pilot.press("delete")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert [r["notes"] for r in records(db, "interaction") if r["contact_id"] == 1] == [
            "coffee chat"
        ]
        assert column(interactions, 0) == [ago(120)]

        await pilot.press("tab")  # to the wins shared with them; enter edits the win
        assert app.focused is page.query_one("#shared-table")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one("#field-title", Input).value == "Shipped refunds API"
        await pilot.press("escape")


async def test_search_hits_open_the_contact_page_and_the_interaction_form(db: Path) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_entry("contact", 2)
        await settle(pilot)
        assert isinstance(app.screen, ContactScreen) and app.screen.contact_id == 2
        app.open_entry("interaction", 2)  # Dana's coffee chat, from Bob's page
        await settle(pilot)
        await settle(pilot)
        assert app.screen.query_one("#field-date", Input).value == ago(120)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ContactScreen) and app.screen.contact_id == 1


# -- who needs to know you, follow-ups -----------------------------------------------------------
async def test_w_shows_key_people_by_days_since_with_the_unseen_highlighted(db: Path) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_network(pilot)
        await pilot.press("w")
        await settle(pilot)
        key = screen.query_one("#key-table", DataTable)
        assert app.focused is key
        assert column(key, 1) == ["Dana Lee", "Bob Stone"]  # longest unseen first
        assert column(key, 0) == ["⚠", ""]
        assert column(key, 6) == ["120d ago", "10d ago"]
        lapsed = screen.query_one("#lapsed-table", DataTable)
        assert column(lapsed, 0) == ["Dana Lee"]
        assert column(lapsed, 1) == ["30 days"]


async def test_f_lists_follow_ups_d_marks_done_z_snoozes(db: Path) -> None:
    with Store(db) as store:
        store.insert(
            "interaction",
            {"contact_id": 3, "date": ago(3), "notes": "send deck", "follow_up": ago(1)},
            TODAY,
        )
    app = CareerApp(db)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_network(pilot)
        await pilot.press("f")
        await settle(pilot)
        table = screen.query_one("#follow-table", DataTable)
        assert app.focused is table
        assert column(table, 0) == [ago(90), ago(2), ago(1)]  # in date order
        assert column(table, 2) == ["Dana Lee", "Bob Stone", "Zoe Park"]
        table.move_cursor(row=1)
        await pilot.press("d")
        await settle(pilot)
        bob = [r for r in records(db, "interaction") if r["contact_id"] == 2][0]
        assert bob["done"] == 1
        assert column(table, 2) == ["Dana Lee", "Zoe Park"]
        table.move_cursor(row=1)
        await pilot.press("z")
        await settle(pilot)
        zoe = [r for r in records(db, "interaction") if r["contact_id"] == 3][0]
        assert zoe["follow_up"] == (TODAY + timedelta(days=7)).isoformat()
        assert column(table, 2) == ["Dana Lee"]
        table.move_cursor(row=0)
        await pilot.press("z")  # a stay-in-touch cadence has nothing to snooze
        await settle(pilot)
        assert any("nothing" in n.message or "no date" in n.message for n in app._notifications)
        assert column(table, 2) == ["Dana Lee"]


async def test_i_logs_an_interaction_for_the_highlighted_contact(db: Path) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_network(pilot)
        await pilot.press("w")
        await settle(pilot)
        await pilot.press("i")  # Dana, the first of who needs to know you
        await settle(pilot)
        app.screen.query_one("#field-notes").load_text("caught up")
        await pilot.press("ctrl+s")
        await settle(pilot)
        row = [r for r in records(db, "interaction") if r["notes"] == "caught up"][0]
        assert row["contact_id"] == 1 and row["date"] == TODAY.isoformat()
        key = screen.query_one("#key-table", DataTable)
        assert column(key, 1) == ["Bob Stone", "Dana Lee"]
        assert column(key, 0) == ["", ""]  # seen today: no longer highlighted


# -- safety and scale ----------------------------------------------------------------------------
async def test_user_text_is_shown_literally(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    with Store(path) as store:
        for n, text in enumerate(HOSTILE):
            cid = store.insert(
                "contact",
                {
                    "name": text,
                    "org": text,
                    "role": text,
                    "circle": text,
                    "influence": "sponsor",
                    "notes": text,
                },
                TODAY,
            )
            store.insert(
                "interaction",
                {
                    "contact_id": cid,
                    "date": ago(n + 100),
                    "notes": text,
                    "learned": text,
                    "gave": text,
                    "follow_up": ago(1),
                },
                TODAY,
            )
            store.insert("win", {"date": ago(n), "title": text, "shared_with": text}, TODAY)
    app = CareerApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_network(pilot)
        names = column(screen.query_one("#contacts-table", PagedTable), 0)
        assert "[@click=app.quit]x[/]" in names and "[bold]loud" in names and "[/" in names
        assert "evil\ufffd]0;T\ufffdtitle" in names  # ESC and BEL never reach the terminal
        row = names.index("[@click=app.quit]x[/]")
        assert row > 0  # not the cursor row: a click there would open the contact page
        await pilot.click("#contacts-table", offset=(4, 1 + row))
        await settle(pilot)
        for view in ("w", "f", "c"):
            await pilot.press(view)
            await settle(pilot)
        screen.query_one("#contacts-table", PagedTable).move_cursor(row=0)
        await pilot.press("enter")
        await settle(pilot)
        page = app.screen
        assert isinstance(page, ContactScreen)
        assert "[" in str(page.query_one("#contact-notes", Static).render())
        assert "\x1b" not in page.sub_title
        await pilot.click("#contact-details", offset=(3, 1))
        await settle(pilot)
        assert app.is_running


async def test_ten_thousand_contacts_load_a_page_at_a_time(tmp_path: Path) -> None:
    path = tmp_path / "big.db"
    with Store(path) as store, store.write() as conn:
        conn.executemany(
            "INSERT INTO contacts (uuid, created_at, updated_at, name, org, influence, knows_me) "
            "VALUES (?, ?, ?, ?, ?, 'peer', 1)",
            [
                (
                    f"u{n}",
                    "2026-01-01T00:00:00+00:00",
                    "2026-01-01T00:00:00+00:00",
                    f"Person {n:05d}",
                    f"Org {n % 50}",
                )
                for n in range(10_000)
            ],
        )
        conn.executemany(
            "INSERT INTO interactions (uuid, created_at, updated_at, contact_id, date, channel) "
            "VALUES (?, ?, ?, ?, ?, 'call')",
            [
                (
                    f"i{n}",
                    "2026-01-01T00:00:00+00:00",
                    "2026-01-01T00:00:00+00:00",
                    n % 10_000 + 1,
                    ago(n % 400),
                )
                for n in range(20_000)
            ],
        )
    app = CareerApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        started = time.perf_counter()
        await pilot.press("3")
        await settle(pilot)
        elapsed = time.perf_counter() - started
        table = app.screen.query_one("#contacts-table", PagedTable)
        assert table.row_count == PagedTable.PAGE_SIZE
        assert elapsed < 4.0, f"Network took {elapsed:.2f}s at 10,000 contacts"
        await pilot.press("ctrl+end")
        await settle(pilot)
        assert table.row_count == 2 * PagedTable.PAGE_SIZE
        started = time.perf_counter()
        await pilot.press("O")
        await settle(pilot)
        assert time.perf_counter() - started < 4.0
        assert column(table, 0)[0] == "Person 09999"
