"""At 80x24 the screens keep their panels' borders and their essential content, or let the
person scroll to it: the dashboard's key actions one line each; Self-check's sparklines, the
weakest pillar and the last answers in a column that scrolls."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from textual.widgets import OptionList
from ui_helpers import settle

from careertui.app import CareerApp
from careertui.store import Store

TODAY = date(2026, 11, 26)


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREERTUI_TODAY", TODAY.isoformat())


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "s.db"
    with Store(path) as store:
        for n in range(3):
            store.insert(
                "action",
                {"title": f"A key action with a long title {n}", "cadence": "weekdays"},
                TODAY,
            )
        for n in range(4):
            day = TODAY - timedelta(days=30 * n)
            values = {"date": day, "behaviour": 3, "language": 4, "attitude": 4, "q1": "Seen"}
            store.insert("perception", values, TODAY)
        security = {"skills": 4, "performance": 3, "network": 2, "job_search": 1, "finances": 4}
        store.insert("security", {"date": TODAY, **security}, TODAY)
    return path


async def test_the_dashboard_at_80x24(db: Path) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        actions = app.screen.query_one("#today", OptionList)
        for index in range(actions.option_count):
            prompt = actions.get_option_at_index(index).prompt
            assert "\n" not in str(prompt)
            assert prompt.cell_length <= actions.scrollable_content_region.width  # one line
        for panel in ("#due", "#today", "#readiness-panel", "#journal"):
            assert app.screen.query_one(panel).styles.border_bottom[0] != ""  # borders kept


async def test_self_check_at_80x24_scrolls_to_everything(db: Path) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        columns = app.screen.query_one("#selfcheck-columns")
        for part in ("#perception-trend", "#perception-answers", "#security-advice"):
            widget = app.screen.query_one(part)
            assert widget.display and widget.size.height > 0
            columns.scroll_to_widget(widget, animate=False)
            await pilot.pause()
            assert columns.region.contains_region(widget.region) or widget.region.height > 12
        assert "Job-search skills  1/5" in str(app.screen.query_one("#security-advice").render())
