"""`?` explains the numbers of the screen in one sentence each; visibility names whom it
counts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from ui_helpers import settle, text_of

from careertui.app import CareerApp
from careertui.store import Store
from careertui.widgets.help import HelpScreen

TODAY = date(2026, 11, 26)


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREERTUI_TODAY", TODAY.isoformat())


async def test_question_mark_explains_the_dashboards_numbers(tmp_path: Path) -> None:
    db = tmp_path / "e.db"
    with Store(db) as store:
        store.insert("contact", {"name": "Dana Lee", "influence": "decision-maker"}, TODAY)
        store.insert("contact", {"name": "Sam Ortiz", "influence": "peer"}, TODAY)
    app = CareerApp(db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = text_of(app, "#help-numbers")
        assert "halves after a half-life" in text and "14 for daily" in text
        assert "Review readiness (0-100)" in text and "Consistency (15)" in text
        assert "decision-makers and sponsors you talked to in the last 90 days: Dana Lee." in text
        assert "Sam Ortiz" not in text
