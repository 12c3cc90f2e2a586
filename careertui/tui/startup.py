"""Start-up: the first screen's prefetched read, the integrity check once it has shown its data,
the other screens warmed off screen after it, and a crash logged privately (run_logged)."""

from __future__ import annotations

import asyncio
import gc
import io
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future
from importlib import import_module
from pathlib import Path
from typing import Any

from textual import work
from textual.app import App
from textual.screen import Screen

from careertui.tui.internals import start_screen
from careertui.tui.switching import SwitchingApp
from careertui.tui.warming import WarmScreen

CHECK_WAIT = 30.0
"""Seconds a write waits at most for the start-up integrity check's verdict."""

WARM_START = 0.5
"""Seconds between the first screen's data and the warming: the dashboard shows a prefetched
read before its first layout, and that frame's last repaints come ~0.2–0.4 s after it."""

WARM_PAUSE = 0.05
"""Seconds between warming one screen and the next: keys typed meanwhile are handled first."""


def lazy_screen(module: str, name: str) -> Callable[[], Screen[Any]]:
    """A mode's screen, its module imported on the first visit: start-up imports only the
    dashboard's (the other five cost ~25 ms and their widgets' CSS before the first frame)."""

    def make() -> Screen[Any]:
        screen: Screen[Any] = getattr(import_module(f"careertui.screens.{module}"), name)()
        return screen

    make.__name__ = name
    return make


class StartupApp(SwitchingApp):
    """An App on one file that checks it and warms its screens as it starts."""

    def __init__(
        self,
        db_path: Path,
        *,
        warm: bool = False,
        first_read: Future[Any] | None = None,
        saved_theme: str = "",
    ) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.warm = warm
        """Whether to build the other screens in the background once the first has loaded
        (`careertui` does; tests ask for it where they test it)."""
        self.warmed = asyncio.Event()
        """Set when the warming is over (see warm_screens)."""
        self.read_only = ""
        """Why the app refuses to write (a failing integrity check), or "" when it may."""
        self._checked = False
        self.freeze = False
        """Whether to freeze the objects built at start-up (keep_objects): `careertui` does."""
        self.file_checked = threading.Event()
        """Set once the start-up integrity check is over (see refusal)."""
        self._prefetch = first_read
        """The dashboard's first read if it was started already (store.overview.prefetch)."""
        self.saved_theme = saved_theme
        """The theme the profile holds, when it was read before the app (else the integrity
        check reads it): used before the first frame."""

    def prefetch_dashboard(self) -> None:
        """Start the dashboard's first read (store.overview.prefetch; `careertui` starts it
        before it imports Textual and passes it in)."""
        from careertui.store.overview import prefetch

        self._prefetch = prefetch(self.db_path)

    def ready_prefetch(self) -> Future[Any] | None:
        """The read prefetch_dashboard started, once, if it is finished (else None, and it is
        left for take_prefetch)."""
        future = self._prefetch
        if future is None or not future.done():
            return None
        self._prefetch = None
        return future

    def take_prefetch(self) -> Future[Any] | None:
        """The read prefetch_dashboard started, once (later loads read for themselves)."""
        future, self._prefetch = self._prefetch, None
        return future

    def use_theme(self, theme: str) -> None:
        """Switch to the profile's saved theme, if it is one Textual knows."""
        if theme and theme in self.available_themes and theme != self.theme:
            self.theme = theme

    def screen_loaded(self, screen: Screen[Any]) -> None:
        """A screen has shown its data (CareerScreen calls this after each load): after the
        first, check the file and warm the others (neither competes with the first frame)."""
        if not self._checked:
            self._checked = True
            # `careertui` (which warms) checks after the first frame's last repaints: at
            # 100,000 entries the check's ~0.1 s of SQLite made that frame ~0.08 s later.
            if self.warm:
                self.set_timer(WARM_START, self.check_file)
            else:
                self.check_file()
        if self.warm and screen is self.screen:
            self.warm = False
            self.keep_objects()
            self.call_after_refresh(self.warm_screens)  # after its data is on screen

    def keep_objects(self) -> None:
        """Move every object so far out of the garbage collector's sight (`gc.freeze`) in
        `careertui` (`freeze`): the modules, screens and widgets built at start-up live as long
        as the app. A full collection walks every object it sees: at 100,000 entries one took
        30-90 ms, before the first frame, while a screen was warming or in the middle of a
        screen switch; after this it walks only what was made since. (Garbage frozen with them
        is never collected: start-up makes little. Tests, which make many apps, do not.)"""
        if self.freeze:
            gc.freeze()

    @work(group="warm")
    async def warm_screens(self) -> None:
        """Build each screen not yet visited while the first one is shown: compose, style, lay
        out and load it off screen, one at a time, so that its first visit only paints it
        (~0.1–0.2 s instead of ~1 s). Keys typed meanwhile go to the screen shown, between
        one step and the next.

        Textual starts an installed screen when it is first pushed; internals.start_screen
        does so without pushing it (composed and mounted, never painted)."""
        await asyncio.sleep(WARM_START - WARM_PAUSE)
        try:
            for mode in self.SCREENS:
                await asyncio.sleep(WARM_PAUSE)
                await self.wait_quiet()
                if self.visited(mode) or not self.is_running:
                    continue  # visited already: it was built then
                screen, mounted = start_screen(self, mode)
                self._add_screen_css(screen)
                await mounted
                if isinstance(screen, WarmScreen):
                    await screen.warm(self.size)
                self.keep_objects()
        finally:
            self.warmed.set()

    def refusal(self) -> str:
        """Why this app will not write to the file ("" if it will): called by every write, in
        its thread, it waits for the start-up integrity check (which starts once the first
        screen has loaded, so as not to slow its frame)."""
        self.file_checked.wait(CHECK_WAIT)
        return self.read_only

    def visited(self, mode: str) -> bool:
        """Whether the mode's screen was shown (Textual made its stack then)."""
        try:
            self.get_screen_stack(mode)
        except KeyError:
            return False
        return True

    def _add_screen_css(self, screen: Screen[Any]) -> None:
        """Add a screen's TCSS files (CSS_PATH: the screens keep no CSS in their class) to the
        stylesheet, as Textual does for a screen it shows, but without restyling every widget
        of the app after it (~0.2 s with the dashboard up): each screen's TCSS is scoped to
        that screen (and its own forms), whose widgets are styled as they mount."""
        for path in screen.css_path:
            if not self.stylesheet.has_source(str(path), ""):
                self.stylesheet.read(path)

    @work(thread=True, group="startup")
    def check_file(self) -> None:
        """PRAGMA quick_check off the UI thread; a failing file is opened read-only."""
        from careertui.store import Store

        try:
            with Store(self.db_path) as store:
                verdict = store.quick_check()
                theme = store.profile().get("theme") or ""
        finally:
            self.file_checked.set()
        if verdict != "ok":
            self.read_only = (
                f"{self.db_path} failed its integrity check ({verdict}); careertui will not write "
                "to it. Restore a backup made with `careertui backup`."
            )
            self.call_from_thread(
                self.notify, self.read_only, severity="error", timeout=30, markup=False
            )
        if not self.saved_theme:  # not read before the app (tests): apply it now
            self.call_from_thread(self.use_theme, theme)


def run_logged(app: App[Any]) -> None:
    """Run `app`; if it stops on an error, log the traceback privately and say so in one line.
    Textual prints the traceback of an unhandled error, with its local variables (note text),
    to its error console as it exits: here that console writes into memory, never to the
    terminal, and what it got goes to the crash log (a private 0600 file)."""
    from rich.console import Console

    from careertui.crashlog import write_crash_text

    caught = io.StringIO()
    app.error_console = Console(file=caught, width=120, color_system=None, markup=False)
    app.run()
    if app.return_code:
        log = write_crash_text(caught.getvalue())
        where = f" Details: {log}" if log else ""
        print(
            f"careertui stopped on an internal error; what you saved is safe.{where}",
            file=sys.stderr,
        )
        raise SystemExit(app.return_code)
