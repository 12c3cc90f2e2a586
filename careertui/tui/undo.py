"""ctrl+z: the changes made in this app since it started (adds, edits, deletes, check-ins,
follow-ups done, saved reviews), undone newest first, each with a notification naming what came
back. The history is in memory only: a deleted record's text is never written anywhere to be
undone later, so once the app exits, deleted means gone."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from careertui.store.undo import Restore, restore, snapshot

if TYPE_CHECKING:
    from careertui.store import Store

T = TypeVar("T")

LIMIT = 100
"""Changes kept to undo; the oldest are forgotten."""


@dataclass(frozen=True)
class Undo:
    what: str
    """What the undo brings back, e.g. `deleted win “Shipped the beta”`."""
    run: Restore


class UndoHistory:
    def __init__(self) -> None:
        self.entries: list[Undo] = []

    def push(self, what: str, run: Restore) -> None:
        """Called after a change succeeded (from the thread that made it)."""
        self.entries.append(Undo(what, run))
        del self.entries[:-LIMIT]


def remember(app: Any, what: str, run: Restore) -> None:
    """Keep what undoes a change just made (from the thread that made it)."""
    history = getattr(app, "undo_history", None)
    if history is not None:
        history.push(what, run)


def undoable(
    app: Any, what: str, kind: str, record_id: int, fn: Callable[..., T]
) -> Callable[..., T]:
    """`fn(store, ...)`, which changes or deletes the record, made undoable: the record (and
    what a delete takes with it) is kept as it was, in memory, before `fn` runs."""

    def run(store: Store, *args: Any) -> T:
        before = snapshot(store, kind, record_id)
        result = fn(store, *args)
        remember(app, what, restore(before))
        return result

    return run


async def undo_last(app: Any) -> None:
    """Undo the newest change left (the app's ctrl+z), then let the screen at hand read again."""
    from careertui.store import Store
    from careertui.tui.data import user_message

    history: UndoHistory = app.undo_history
    if not history.entries:
        app.notify("Nothing to undo.", severity="warning")
        return
    entry = history.entries.pop()
    refused = app.refusal()
    if refused:
        history.entries.append(entry)
        app.notify(refused, severity="error", markup=False)
        return

    def run() -> None:
        with Store(app.db_path) as store:
            entry.run(store)

    try:
        await asyncio.to_thread(run)
    except Exception as exc:  # noqa: BLE001 - a refused undo is told, the rest re-raised
        message = user_message(exc)
        if message is None:
            raise
        app.notify(f"Could not undo {entry.what}: {message}", severity="error", markup=False)
        return
    finally:
        app.live.own_write()
    app.notify(f"Undone: {entry.what}", markup=False)
    screen = app.screen
    for candidate in reversed(app.screen_stack):
        if hasattr(candidate, "refresh_data"):
            screen = candidate
            break
    refresh = getattr(screen, "refresh_data", None)
    if refresh is not None:
        refresh()
