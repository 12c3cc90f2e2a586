"""Helpers shared by the UI tests: waiting for workers, typing, reading tables and the database,
opening a screen by its key. A plain module, imported as `from ui_helpers import ...`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from careertui.store import Store

WAITING_GROUPS = ("form", "delete")
"""Workers that wait for a modal's answer: waiting for them while the modal is open would hang."""


# -- waiting -------------------------------------------------------------------------------------
async def settle(pilot: Pilot[Any]) -> None:
    """Let the keys land, every worker finish (forms and dialogs do not hold one) and the
    tables shown measure their new rows (they do when they idle: on a busy machine that could
    come after the pause)."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    for _ in range(200):
        if not any(table._require_update_dimensions for table in pilot.app.screen.query(DataTable)):
            break
        await pilot.pause(0.01)
    else:
        return
    await pilot.pause()


async def settle_past_modals(pilot: Pilot[Any]) -> None:
    """Let workers (loads, saves) finish and the screen repaint, never waiting for a worker that
    waits for a modal's answer (WAITING_GROUPS)."""
    for _ in range(3):
        busy = [w for w in pilot.app.workers if w.group not in WAITING_GROUPS]
        await pilot.app.workers.wait_for_complete(busy)
        await pilot.pause()


async def settle_past_forms(pilot: Pilot[Any]) -> None:
    """Wait for loads and saves, never for a form's worker (it waits for the form to close)."""
    for _ in range(3):
        busy = [w for w in pilot.app.workers if w.group != "form" and not w.is_finished]
        await pilot.app.workers.wait_for_complete(busy)
        await pilot.pause()


# -- keys ----------------------------------------------------------------------------------------
async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Type `text` one key press at a time (Pilot waits for idle after each)."""
    for char in text:
        await pilot.press("space" if char == " " else char)


async def press_text(pilot: Pilot[Any], text: str) -> None:
    """Type `text` in a single `pilot.press` call."""
    await pilot.press(*("space" if ch == " " else ch for ch in text))


async def open_screen(pilot: Pilot[Any], key: str, kind: type[Any], wait: Any = settle) -> Any:
    """Settle, press the screen's key, settle again and return the screen, checked to be `kind`."""
    await wait(pilot)
    await pilot.press(key)
    await wait(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, kind)
    return screen


# -- reading what is shown -----------------------------------------------------------------------
def plain(cell: Any) -> str:
    return str(getattr(cell, "plain", cell))


def table_cells(table: DataTable[Any]) -> list[list[str]]:
    """Every row of a DataTable, each cell as plain text."""
    return [[plain(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def column(table: DataTable[Any], index: int) -> list[str]:
    return [plain(table.get_row_at(i)[index]) for i in range(table.row_count)]


def cells(app: Any, table_id: str) -> list[list[str]]:
    """The cells of the DataTable `#table_id` on the current screen."""
    return table_cells(app.screen.query_one(f"#{table_id}", DataTable))


def text_of(app: Any, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


# -- reading the database ------------------------------------------------------------------------
def records(path: Path, kind: str) -> list[dict[str, Any]]:
    with Store(path, write=False) as store:
        return store.rows(kind, newest_first=False)


def sql_rows(path: Path, sql: str, *params: Any) -> list[dict[str, Any]]:
    with Store(path, write=False) as store:
        return store.query(sql, params)
