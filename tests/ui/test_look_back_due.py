"""An opportunity accepted or declined 90 days ago is a due item on the dashboard ("How did the
choice of X turn out?"): counted in the Due title, and enter opens the line to answer it."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from textual.widgets import OptionList
from ui_helpers import press_text as type_text
from ui_helpers import settle_past_modals as settle

from careertui.app import CareerApp
from careertui.domain.records import SECURITY_PILLARS
from careertui.screens.dashboard import DashboardScreen
from careertui.store import Store
from careertui.store import opportunities as opp
from careertui.widgets.form import EntryForm


async def test_a_look_back_is_due_on_the_dashboard_and_answered_there(
    db_path: Path, today: date
) -> None:
    with Store(db_path) as store:
        store.insert("security", {"date": today, **dict.fromkeys(SECURITY_PILLARS, 3)}, today)
        offer = store.insert("goal", {"title": "Acme offer", "kind": "opportunity"}, today)
        opp.decide(store, offer, "declined", "too far", today - timedelta(days=90))
    app = CareerApp(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        due = screen.query_one("#due", OptionList)
        assert str(due.border_title) == "Due · 1"
        option = due.get_option_at_index(0)
        assert option.id == f"lookback-{offer}"
        assert str(option.prompt).startswith("↺ Look back: Acme offer  declined 2026-")
        due.focus()
        due.highlighted = 0
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EntryForm) and form.field_names == ["looking_back"]
        await type_text(pilot, "Right call")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert str(due.border_title) == "Due"
    with Store(db_path) as store:
        decision = opp.latest_decision(store, offer)
        assert decision is not None
        assert (decision["looking_back"], decision["looked_back"]) == ("Right call", str(today))
