"""Roadmap → Opportunities: the comparison at 80×24, weighing in the form, deciding, and the
offer to update the profile after accepting."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Static
from ui_helpers import press_text as type_text
from ui_helpers import settle_past_modals as settle
from ui_helpers import table_cells

from careertui.app import CareerApp
from careertui.screens.roadmap import RoadmapScreen
from careertui.store import Store
from careertui.store import opportunities as opp
from careertui.widgets.confirm import ConfirmDialog
from careertui.widgets.form import EntryForm

WEIGHED = {
    "Acme head of data": {"skills": 2, "finances": -1, "domain": 4, "pay": 140_000},
    "Globex staff engineer": {"skills": 1, "finances": 2, "domain": 5, "pay": 165_000},
    "Initech side project": {},
}


def journal(path: Path, today: date) -> dict[str, int]:
    ids = {}
    with Store(path) as store:
        store.set_profile({"target_salary": "150k", "domain": "fintech data"}, today)
        for title, values in WEIGHED.items():
            ids[title] = store.insert("goal", {"title": title, "kind": "opportunity"}, today)
            if values:
                opp.save_assessment(store, ids[title], values, today)
    return ids


async def open_tab(pilot) -> RoadmapScreen:
    await pilot.press("2")
    await settle(pilot)
    await pilot.press("o")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, RoadmapScreen)
    return screen


async def test_three_opportunities_side_by_side_at_80x24(db_path: Path, today: date) -> None:
    journal(db_path, today)
    app = CareerApp(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_tab(pilot)
        table = screen.query_one("#opportunity-table")
        cells = table_cells(table)
        assert [row[0] for row in cells][-3:] == ["Pay", "Timeframe", "Score"]
        assert cells[0][1:] == ["+2 ★", "+1", "—"]
        # Acme (1 + .25 + .75 + 14/15)/4 → 73; Globex (.75 + 1 + 1 + 1)/4 = 93.75 → 94
        assert cells[-1][1:] == ["73", "94 ★", "—"]  # every row, the score last, on screen
        assert table.region.bottom <= 22 and table.virtual_size.width <= table.size.width
        assert "Acme head of data" in str(screen.query_one("#opportunity-detail", Static).render())


async def test_weigh_then_decide_accepted_offers_the_profile(db_path: Path, today: date) -> None:
    ids = journal(db_path, today)
    app = CareerApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_tab(pilot)
        await pilot.press("right", "right", "right")  # Initech, the third column
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, EntryForm)
        assert "fintech data" in str(app.screen.query_one(".form-note", Static).render())
        await type_text(pilot, "+2")
        await pilot.press("ctrl+s")
        await settle(pilot)
        with Store(db_path) as store:
            assert opp.assessment_of(store, ids["Initech side project"])["skills"] == 2
        await pilot.press("d")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EntryForm)
        form.query_one("#field-choice").value = "accepted"
        form.query_one("#field-why").value = "the side project became a company"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, EntryForm)
        assert app.screen.query_one("#field-current_role").value == "Initech side project"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EntryForm) and app.screen.kind.name == "security"
        await pilot.press("escape")
        await settle(pilot)
    with Store(db_path) as store:
        decision = opp.latest_decision(store, ids["Initech side project"])
        assert (decision["choice"], decision["why"]) == (
            "accepted",
            "the side project became a company",
        )
        assert store.get("goal", ids["Initech side project"])["status"] == "done"
        assert store.profile()["current_role"] == "Initech side project"


async def test_the_weigh_form_keeps_its_keys_in_sight_at_80x24_and_reads_120k(
    db_path: Path, today: date
) -> None:
    """27 fields are longer than the screen: they scroll, the keys line (ctrl+s) stays; pay is
    typed as people say it."""
    ids = journal(db_path, today)
    app = CareerApp(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        await pilot.press("w")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EntryForm)
        keys = form.query_one(".form-keys")
        assert 0 < keys.region.bottom <= 24 and keys.region.height == 1
        form.query_one("#field-pay").focus()
        await pilot.press("ctrl+a", "ctrl+k")  # the Input's own keys: select all is not one
        await type_text(pilot, "120k")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, EntryForm)
        with Store(db_path) as store:
            assert opp.assessment_of(store, ids["Acme head of data"])["pay"] == 120_000
