"""CareerApp: wiring only — the six screens as modes, global keys, palette, theme, checks."""

from __future__ import annotations

import asyncio
import gc
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from importlib import import_module
from pathlib import Path
from typing import Any

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.css.stylesheet import Stylesheet
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen, Screen
from textual.widget import AwaitMount
from textual.worker import WorkerFailed

from careertui.commands import EntrySearch
from careertui.domain.text import printable
from careertui.screens.dashboard import DashboardScreen
from careertui.widgets.footer import SCREENS as NAV_SCREENS

SCREENS_BY_KEY = tuple((key, mode, label) for key, mode, label, _short in NAV_SCREENS)

CHECK_WAIT = 30.0
"""Seconds a write waits at most for the start-up integrity check's verdict."""

WARM_START = 0.5
"""Seconds between the first screen's data and the warming: the dashboard shows a prefetched
read before its first layout, and that frame's last repaints come ~0.2–0.4 s after it."""

WARM_YIELD = 0.6
"""Seconds warming waits after a screen switch: the screen being shown gets the CPU first."""

SWITCH_HOLD = 0.5
"""Seconds a screen switch holds repaints at most while the new screen arrives (delay_update)."""

WARM_PAUSE = 0.05
"""Seconds between warming one screen and the next: keys typed meanwhile are handled first."""

MODE_OF_KIND = {
    "note": "dashboard",
    "checkin": "roadmap",
    "goal": "roadmap",
    "action": "roadmap",
    "requirement": "roadmap",
    "contact": "network",
    "interaction": "network",
    "win": "wins",
    "responsibility": "wins",
    "perception": "selfcheck",
    "security": "selfcheck",
    "review": "review",
}


class KeptStylesheet(Stylesheet):
    """Textual's stylesheet, keeping the sources it has parsed while the CSS variables stay the
    same. Textual parses every source again (~30 of them) at each CSS refresh, twice as a
    screen is first shown: setting the variables empties its cache of parsed sources even when
    they are unchanged, and `reparse` parses in a fresh stylesheet with an empty cache."""

    def set_variables(self, variables: dict[str, str]) -> None:
        if variables != self._variables:
            super().set_variables(variables)

    def reparse(self) -> None:
        """Textual's reparse (in a fresh stylesheet, so that an error leaves this one whole),
        the fresh one sharing this one's parsed sources."""
        fresh = KeptStylesheet(variables=self._variables)
        fresh._parse_cache = self._parse_cache
        fresh.source = self.source.copy()
        fresh._require_parse = True
        try:
            fresh.parse()
        except Exception:
            self._invalid_css.update(fresh._invalid_css)
            raise
        self._rules = fresh.rules
        self._rules_map = None
        self.source = fresh.source
        self._require_parse = False


def lazy_screen(module: str, name: str) -> Callable[[], Screen]:
    """A mode's screen, its module imported on the first visit: start-up imports only the
    dashboard's (the other five cost ~25 ms and their widgets' CSS before the first frame)."""

    def make() -> Screen:
        screen: Screen = getattr(import_module(f"careertui.screens.{module}"), name)()
        return screen

    make.__name__ = name
    return make


class CareerApp(App[None]):
    TITLE = "careertui"
    CSS_PATH = "app.tcss"
    SCREENS = {
        "roadmap": lazy_screen("roadmap", "RoadmapScreen"),
        "network": lazy_screen("network", "NetworkScreen"),
        "wins": lazy_screen("wins", "WinsScreen"),
        "selfcheck": lazy_screen("selfcheck", "SelfCheckScreen"),
        "review": lazy_screen("review", "ReviewScreen"),
    }
    """The five other screens, installed by name: made on their first visit, or earlier by
    `warm_screens`, and then the same screen object either way."""
    MODES = {"dashboard": DashboardScreen, **{mode: mode for mode in SCREENS}}
    COMMANDS = App.COMMANDS | {EntrySearch}
    BINDINGS = [
        # Shown in every screen's NavBar (widgets/footer.py), not in the Footer.
        *(Binding(key, f"go('{mode}')", label, show=False) for key, mode, label in SCREENS_BY_KEY),
        Binding("question_mark", "keys", "Keys", show=False),
        Binding("q", "quit_app", "Quit", show=False),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(
        self,
        db_path: Path,
        *,
        start_mode: str = "dashboard",
        warm: bool = False,
        first_read: Future[Any] | None = None,
        saved_theme: str = "",
    ) -> None:
        super().__init__()
        self.stylesheet = KeptStylesheet(variables=self.get_css_variables())
        self.db_path = Path(db_path)
        self.start_mode = start_mode
        self.warm = warm
        """Whether to build the other screens in the background once the first has loaded
        (`careertui` does; tests ask for it where they test it)."""
        self.warmed = asyncio.Event()
        """Set when the warming is over (see warm_screens)."""
        self.read_only = ""
        """Why the app refuses to write (a failing integrity check), or "" when it may."""
        self._checked = False
        self._switched_at = 0.0
        self.freeze = False
        """Whether to freeze the objects built at start-up (keep_objects): `careertui` does."""
        self._switching = False
        self.held_switches = 0
        """Screen switches holding repaints until the new screen has arrived (delay_update)."""
        self.file_checked = threading.Event()
        """Set once the start-up integrity check is over (see refusal)."""
        self._crash: BaseException | None = None
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

    def on_mount(self) -> None:
        self.use_theme(self.saved_theme)
        super().switch_mode(self.start_mode)  # not a switch that warming waits after: WARM_START

    def use_theme(self, theme: str) -> None:
        """Switch to the profile's saved theme, if it is one Textual knows."""
        if theme and theme in self.available_themes and theme != self.theme:
            self.theme = theme

    # -- start-up ----------------------------------------------------------------------------------
    def screen_loaded(self, screen: Screen) -> None:
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

    def switch_mode(self, mode: str) -> AwaitMount:
        self._switched_at = time.monotonic()
        held = self.held_switches
        self._switching = True
        try:
            return super().switch_mode(mode)
        finally:
            self._switching = False
            if self.held_switches > held:  # Textual asked for its delay (a real switch)
                release = self._batch_release()
                self.set_timer(SWITCH_HOLD, release)
                self.screen.call_later(release)  # after the ScreenResume switch_mode posted

    def delay_update(self, delay: float = 0.05) -> None:
        """Textual's switch_mode holds repaints 50 ms (a timer) so that the new screen is not
        shown half-arrived. A switch here holds them until the new screen has handled its
        arrival (its ScreenResume; SWITCH_HOLD at most): the same frame, ~50 ms sooner."""
        if self._switching:
            self._begin_batch()
            self.held_switches += 1
        else:
            super().delay_update(delay)

    def _batch_release(self) -> Callable[[], None]:
        """Ends the batch begun by delay_update, once, however many times it is called."""
        held = True

        def release() -> None:
            nonlocal held
            if held:
                held = False
                self.held_switches -= 1
                self._end_batch()
                screen = self.screen
                getattr(screen, "_repaint", screen.refresh)()

        return release

    async def wait_quiet(self) -> None:
        """Wait until no screen switch has happened for WARM_YIELD seconds: warming makes way
        for the screen being shown (a warming step meanwhile slowed its paint ~2-3x)."""
        while (left := self._switched_at + WARM_YIELD - time.monotonic()) > 0:
            await asyncio.sleep(left)

    @work(group="warm")
    async def warm_screens(self) -> None:
        """Build each screen not yet visited while the first one is shown: compose, style, lay
        out and load it off screen, one at a time, so that its first visit only paints it
        (~0.1–0.2 s instead of ~1 s). Keys typed meanwhile go to the screen shown, between
        one step and the next.

        Textual starts an installed screen when it is first pushed; `_get_screen` is how it
        does so (a screen not on a stack is composed and mounted but never painted)."""
        from careertui.screens.base import CareerScreen

        await asyncio.sleep(WARM_START - WARM_PAUSE)
        try:
            for mode in self.SCREENS:
                await asyncio.sleep(WARM_PAUSE)
                await self.wait_quiet()
                if mode in self._screen_stacks or not self.is_running:
                    continue  # visited already: it was built then
                screen, mounted = self._get_screen(mode)
                self._add_screen_css(screen)
                await mounted
                if isinstance(screen, CareerScreen):
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

    def _add_screen_css(self, screen: Screen) -> None:
        """Add a screen's TCSS to the stylesheet, as Textual's `_load_screen_css` does for a
        screen it shows, but without restyling every widget of the app after it (~0.2 s with
        the dashboard up): each screen's TCSS is scoped to that screen (and its own forms),
        whose widgets are styled as they mount."""
        if screen.CSS:
            self._load_screen_css(screen)
            return
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

    def watch_theme(self, theme: str) -> None:
        if self.is_mounted and not self.read_only:
            self.save_theme(theme)

    @work(thread=True, group="theme", exclusive=True)
    def save_theme(self, theme: str) -> None:
        from careertui.clock import today
        from careertui.store import Store, StoreError

        try:
            with Store(self.db_path) as store:
                if store.profile().get("theme") != theme:
                    store.set_profile({"theme": theme}, today())
        except StoreError:
            pass  # the theme is a preference; a busy or refused file just keeps the old one

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every toast: plain text (markup=False, how user text is passed) and the title have
        their control characters replaced, like all text on screen (Toast shows them raw)."""
        if not markup:
            message = printable(message)
        super().notify(
            message, title=printable(title), severity=severity, timeout=timeout, markup=markup
        )

    # -- navigation --------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Screen keys and `q` do nothing while a form or dialog is open."""
        if action in ("go", "keys", "quit_app") and isinstance(self.screen, ModalScreen):
            return False
        return True

    def action_go(self, mode: str) -> None:
        if self.current_mode != mode:
            self.switch_mode(mode)

    def action_keys(self) -> None:
        from careertui.widgets.help import HelpScreen

        self.push_screen(HelpScreen(self.screen))

    async def action_quit_app(self) -> None:
        await self.action_quit()

    def open_entry(self, kind: str, record_id: int) -> None:
        """Jump to an entry found by search: its screen, then its form."""
        mode = MODE_OF_KIND.get(kind, "dashboard")
        self.switch_mode(mode)

        def open_it() -> None:
            screen = self.screen
            opener = getattr(screen, "open_record", None)
            if opener is not None:
                opener(kind, record_id)
            elif hasattr(screen, "open_form"):
                screen.open_form(kind, record_id)

        self.call_after_refresh(open_it)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for key, mode, label in SCREENS_BY_KEY:
            yield SystemCommand(
                f"Go to {label}",
                f"Switch to the {label} screen ({key})",
                lambda m=mode: self.action_go(m),
            )
        yield from super().get_system_commands(screen)

    # -- crashes -----------------------------------------------------------------------------------
    def _handle_exception(self, error: Exception) -> None:
        # a failed worker's own error carries the traceback (WorkerFailed has none)
        self._crash = error.error if isinstance(error, WorkerFailed) else error
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        """Never print a traceback with locals (note text) to the terminal: log it privately."""
        from careertui.crashlog import write_crash_log

        log = write_crash_log(self._crash)
        where = f" Details: {log}" if log else ""
        self.bell()
        self._exit_renderables.append(
            f"careertui stopped on an internal error; what you saved is safe.{where}"
        )
        self._close_messages_no_wait()
        self._return_code = 1


def run(db_path: Path, first_read: Future[Any] | None = None, saved_theme: str = "") -> None:
    """Open the app on `db_path`, with the dashboard's first read and the saved theme if they
    were read already (cli.py reads both before it imports Textual)."""
    app = CareerApp(db_path, warm=True, first_read=first_read, saved_theme=saved_theme)
    if first_read is None:
        app.prefetch_dashboard()
    app.freeze = True
    app.keep_objects()  # what was imported
    app.run()
    if app.return_code:
        raise SystemExit(app.return_code)
