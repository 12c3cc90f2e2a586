"""Evidence-grade wins in the TUI: the win form's evidence list (enter opens with the system
opener, as an argument list) and requirement multi-select, the Target role's suggestion taken
with `u`, and `x` on Wins writing the packet chosen."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Input, OptionList, SelectionList
from ui_helpers import column, open_screen, records, settle, type_text

from careertui.app import CareerApp
from careertui.screens.dashboard import DashboardScreen
from careertui.screens.roadmap import RoadmapScreen
from careertui.screens.wins import WinsScreen
from careertui.store import Store
from careertui.store.evidence import requirement_ids, set_requirements
from careertui.widgets.win_form import EvidenceList, WinForm

TODAY = date(2026, 11, 23)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Two requirements (a gap evidenced by two wins, a partial by none), one contact."""
    path = tmp_path / "t.db"
    with Store(path) as store:
        direction = store.insert("requirement", {"title": "Set direction"}, TODAY)
        store.insert("requirement", {"title": "Mentor", "status": "partial"}, TODAY)
        dana = store.insert("contact", {"name": "Dana Lee", "role": "VP Engineering"}, TODAY)
        store.insert(
            "interaction",
            {"contact_id": dana, "date": "2026-11-23", "notes": "Asked Dana about the org"},
            TODAY,
        )
        first = store.insert(
            "win",
            {
                "date": "2026-11-20",
                "title": "Ran the RFC review",
                "impact": "3 teams aligned",
                "evidence": "https://wiki.example.com/rfc\n~/notes/rfc.md",
                "shared_with": "Dana Lee",
            },
            TODAY,
        )
        second = store.insert(
            "win",
            {"date": "2026-11-23", "title": "Wrote the plan", "impact": "1 page", "evidence": "x"},
            TODAY,
        )
        store.insert(
            "win", {"date": "2026-10-24", "title": "Fixed flaky CI", "impact": "TBD"}, TODAY
        )
        set_requirements(store, first, [direction])
        set_requirements(store, second, [direction])
    return path


async def open_win_form(pilot: Any) -> WinForm:
    await open_screen(pilot, "4", WinsScreen)
    await pilot.press("down", "e")  # the older win: "Ran the RFC review"
    await settle(pilot)
    form = pilot.app.screen
    assert isinstance(form, WinForm)
    return form


async def test_the_win_form_edits_evidence_and_requirements(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Any] = []
    monkeypatch.setattr(subprocess, "Popen", lambda argv, **kw: opened.append(argv))
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_win_form(pilot)
        assert form.query_one(EvidenceList).items == [
            "https://wiki.example.com/rfc",
            "~/notes/rfc.md",
        ]
        options = form.query_one("#evidence-list", OptionList)
        options.focus()
        options.highlighted = 0
        await pilot.press("enter")  # opens, never through a shell
        assert opened == [["xdg-open", "https://wiki.example.com/rfc"]]
        await pilot.press("delete")
        form.query_one("#evidence-new", Input).focus()
        await type_text(pilot, "./deck.pdf")
        await pilot.press("enter")
        await type_text(pilot, "b.md")  # typed, not entered: saved all the same
        picker = form.query_one("#win-requirements", SelectionList)
        assert list(picker.selected) == [1]
        picker.focus()
        picker.highlighted = 1
        await pilot.press("space")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, WinForm)
        titles = column(app.screen.query_one("#wins-table", DataTable), 1)
        assert [t.strip() for t in titles[:2]] == ["Wrote the plan ⧉1", "Ran the RFC review ⧉3"]
    win = next(r for r in records(db, "win") if r["title"] == "Ran the RFC review")
    assert win["evidence"] == "~/notes/rfc.md\n./deck.pdf\nb.md"
    with Store(db, write=False) as store:
        assert requirement_ids(store, win["id"]) == [1, 2]


async def test_u_takes_the_status_the_wins_suggest(db: Path) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_screen(pilot, "2", RoadmapScreen)
        await pilot.press("t")
        await settle(pilot)
        detail = str(screen.query_one("#requirement-detail").render())
        assert "2 wins suggest partial" in detail and "Ran the RFC review" in detail
        assert records(db, "requirement")[0]["status"] == "gap"  # nothing changed by itself
        await pilot.press("u")
        await settle(pilot)
    assert records(db, "requirement")[0]["status"] == "partial"


async def test_x_writes_the_packet_chosen(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_screen(pilot, "4", WinsScreen)
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("down", "enter")  # week
        await pilot.press("tab", "down", "enter")  # HTML
        await pilot.press("tab", "tab", "space")  # redact
        await pilot.press("ctrl+s")
        await settle(pilot)
    page = (db.parent / "exports" / f"careertui-week-packet-{TODAY.isoformat()}.html").read_text()
    assert page.startswith("<!DOCTYPE html>") and "<h1>Week update: 2026-W48</h1>" in page
    assert "Wrote the plan" in page and "a VP Engineering" in page
    assert "Dana" not in page and "org" not in page and "Evidence on file: 1 item." in page


async def test_a_win_to_measure_is_due_on_the_dashboard_and_opens_its_form(db: Path) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_screen(pilot, "1", DashboardScreen)
        due = screen.query_one("#due", OptionList)
        assert "Due · 2" in str(due.border_title)  # the measure reminder and the security check
        texts = [str(due.get_option_at_index(i).prompt) for i in range(due.option_count)]
        assert "# Measure: Fixed flaky CI  30 days old" in texts
        due.focus()
        due.highlighted = texts.index("# Measure: Fixed flaky CI  30 days old")
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, WinForm) and form.initial["title"] == "Fixed flaky CI"
