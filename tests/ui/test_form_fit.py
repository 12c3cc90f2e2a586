"""Forms at 80x24: the focused field is in view and the save/cancel keys stay on screen; a form
opens on the field a person fills first."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from ui_helpers import settle_past_forms as settle

from careertui.app import CareerApp
from careertui.store import Store

TODAY = date(2026, 11, 26)


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREERTUI_TODAY", TODAY.isoformat())


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "f.db"
    with Store(path) as store:
        store.insert("contact", {"name": "Dana Lee"}, TODAY)
        store.insert("win", {"date": TODAY, "title": "Shipped refunds"}, TODAY)
    return path


def inside(outer: Any, inner: Any) -> bool:
    return bool(outer.contains_region(inner))


async def open_form(pilot: Pilot[Any], kind: str, **values: Any) -> Any:
    pilot.app.screen.open_form(kind, values=values or None)
    await settle(pilot)
    await pilot.pause()
    return pilot.app.screen


async def test_the_focused_field_and_the_keys_are_on_screen_at_80x24(db: Path) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        form = await open_form(pilot, "interaction", contact_id=1)
        assert app.focused is not None and app.focused.id == "field-notes"  # contact chosen
        while app.focused.id != "field-follow_up":
            await pilot.press("tab")
        await pilot.pause()
        fields = form.query_one(".form-fields").region
        assert inside(fields, app.focused.region)  # scrolled into view, not typed blind
        assert inside(app.screen.region, form.query_one(".form-keys").region)


async def test_a_new_note_opens_on_its_text(db: Path) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await open_form(pilot, "note")
        assert app.focused is not None and app.focused.id == "field-text"


async def test_add_the_number_from_the_review_opens_on_the_impact(db: Path) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("6")
        await settle(pilot)
        await pilot.press("e")  # the unmeasured win highlighted
        await settle(pilot)
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "field-impact"
