"""Store access for the screens: reads and writes off the UI thread, the load each arrival
runs, and the errors a user can act on.

Screens never build SQL: they pass a function of a `Store` to `fetch`/`change`, which runs it in a
worker thread on a Store opened for that call (a sqlite3 connection cannot cross threads).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from textual import work
from textual.css.query import NoMatches
from textual.screen import Screen

from careertui.store import Ambiguous, NotFound, Store, StoreError
from careertui.store.overview import file_signature

if TYPE_CHECKING:
    from careertui.app import CareerApp

T = TypeVar("T")


class ReadOnlyError(Exception):
    """The file failed its integrity check at start: the app refuses to write to it."""


def user_message(exc: BaseException) -> str | None:
    """The one-line message for an error the user can act on; None for a real bug."""
    from careertui.domain.dates import DateError
    from careertui.domain.records import ValidationError
    from careertui.domain.text import TextError

    if isinstance(exc, ValidationError):
        return exc.message
    if isinstance(exc, StoreError | DateError | TextError | ReadOnlyError):
        return str(exc)
    if isinstance(exc, NotFound | Ambiguous):
        return str(exc.args[0] if exc.args else exc)
    if isinstance(exc, OSError):
        return f"cannot access the file: {exc.strerror or exc}"
    return None


def with_store(path: Path, write: bool, fn: Callable[..., T], args: tuple[Any, ...]) -> T:
    with Store(path, write=write) as store:
        return fn(store, *args)


class DataScreen(Screen[Any]):
    """A screen that reads its data from the file in a worker (`load`) and writes through
    `change`; base of CareerScreen."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._loaded_for: tuple[object, ...] | None = None
        """What the data shown was read for (the day, the file's signature, the theme, the
        terminal's size): a visit with none of them changed reads nothing again."""

    @property
    def career(self) -> CareerApp:
        return cast("CareerApp", self.app)

    def today(self) -> date:
        from careertui.clock import today

        return today()

    async def fetch(self, fn: Callable[..., T], *args: Any) -> T:
        """Run `fn(store, *args)` on a read-only Store in a thread."""
        return await asyncio.to_thread(with_store, self.career.db_path, False, fn, args)

    async def change(self, fn: Callable[..., T], *args: Any) -> T:
        """Run `fn(store, *args)` on a writable Store in a thread (refused on a failing file)."""
        return await asyncio.to_thread(self._write, fn, args)

    def _write(self, fn: Callable[..., T], args: tuple[Any, ...]) -> T:
        refused = self.career.refusal()
        if refused:
            raise ReadOnlyError(refused)
        try:
            return with_store(self.career.db_path, True, fn, args)
        finally:
            live = getattr(self.app, "live", None)
            if live is not None:
                live.own_write()  # this screen reads again itself (careertui/tui/live.py)

    def report(self, exc: BaseException) -> None:
        """Tell the user about a refused read or write; re-raise a real bug."""
        message = user_message(exc)
        if message is None:
            raise exc
        self.notify(message, severity="error", markup=False)

    def load_key(self) -> tuple[object, ...] | None:
        """What the data on screen depends on besides the screen's own state (its filters and
        sort, which reload it when they change): the day, the database file (any commit, by
        this app or another process, changes its signature), the theme (colours are baked into
        cells) and the terminal's size. None when it cannot be told (the file was just
        written)."""
        signature = file_signature(self.career.db_path)
        if signature is None:
            return None
        return (self.today(), signature, self.app.theme, self.app.size)

    @work(exclusive=True, group="load")
    async def refresh_data(self) -> None:
        """Reload what the screen shows (in a worker); called on arrival and after a change.
        Always reads: the arrival check that skips it is in on_screen_resume."""
        key = self.load_key()  # before the read: a commit during it makes the next visit read
        self._loaded_for = None
        try:
            await self.load()
            self._loaded_for = key
        except NoMatches:
            if self.display:  # False once the screen is closing
                raise
            # closed (escape) while it was loading: its widgets are gone, nothing to show
        except Exception as exc:  # noqa: BLE001 - refused reads become a notification
            self.report(exc)
        loaded = getattr(self.app, "screen_loaded", None)
        if loaded is not None:  # also after a refused read: the app then checks the file
            loaded(self)

    async def load(self) -> None:
        """Fetch and show this screen's data. Subclasses override."""
