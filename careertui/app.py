"""CareerApp: wiring only — the six screens as modes, global keys, palette, theme.

Start-up (the integrity check, warming, crashes) is in careertui/tui/startup.py, screen switches
that paint once in careertui/tui/switching.py."""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen, Screen

from careertui.commands import ActionCommands, EntrySearch
from careertui.domain.text import printable
from careertui.screens.dashboard import DashboardScreen
from careertui.tui.internals import KeptStylesheet
from careertui.tui.live import LiveRefresh
from careertui.tui.screenshot import PrivateScreenshots
from careertui.tui.startup import lazy_screen, run_logged
from careertui.tui.syncing import SyncingApp
from careertui.tui.themes import offer_readable_themes
from careertui.tui.undo import UndoHistory, undo_last
from careertui.widgets.footer import SCREENS as NAV_SCREENS

SCREENS_BY_KEY = tuple((key, mode, label) for key, mode, label, _short in NAV_SCREENS)

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


class CareerApp(PrivateScreenshots, SyncingApp):
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
    COMMANDS = App.COMMANDS | {ActionCommands, EntrySearch}
    BINDINGS = [
        # Shown in every screen's NavBar (widgets/footer.py), not in the Footer.
        *(Binding(key, f"go('{mode}')", label, show=False) for key, mode, label in SCREENS_BY_KEY),
        Binding("question_mark", "keys", "Keys", show=False),
        Binding("q", "quit_app", "Quit", show=False),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
        Binding("ctrl+z", "undo", "Undo", show=False),
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
        super().__init__(db_path, warm=warm, first_read=first_read, saved_theme=saved_theme)
        offer_readable_themes(self)
        self.stylesheet = KeptStylesheet(variables=self.get_css_variables())
        self.start_mode = start_mode
        self.unsaved_modes: set[str] = set()
        self.live = LiveRefresh(self, db_path)
        self.undo_history = UndoHistory()
        """The screens holding unsaved work (the review's draft): the nav line marks them."""

    def on_mount(self) -> None:
        self.use_theme(self.saved_theme)
        if not self.is_headless:  # tests start it themselves (tests/ui/test_live.py)
            self.live.start()
        # Textual's own switch: not one that holds repaints, nor one warming waits after
        App.switch_mode(self, self.start_mode)

    def on_unmount(self) -> None:
        self.live.stop()

    def watch_theme(self, theme: str) -> None:
        """Keep a theme chosen in the app (the palette's "Change theme") in the profile."""
        if theme != self.saved_theme:
            self.save_theme(theme)

    @work(thread=True, group="theme", exclusive=True)
    def save_theme(self, theme: str) -> None:
        """Write the theme once the start-up integrity check has passed: never before it, and
        never to a file that failed it."""
        from careertui.clock import today
        from careertui.store import Store, StoreError

        if self.refusal():
            return
        try:
            with Store(self.db_path) as store:
                if store.profile().get("theme") != theme:
                    store.set_profile({"theme": theme}, today())
            self.saved_theme = theme
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

    async def action_undo(self) -> None:
        await undo_last(self)

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

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        for key, mode, label in SCREENS_BY_KEY:
            yield SystemCommand(
                f"Go to {label}",
                f"Switch to the {label} screen ({key})",
                lambda m=mode: self.action_go(m),
            )
        yield from super().get_system_commands(screen)


def run(db_path: Path, first_read: Future[Any] | None = None, saved_theme: str = "") -> None:
    """Open the app on `db_path`, with the dashboard's first read and the saved theme if they
    were read already (cli.py reads both before it imports Textual)."""
    app = CareerApp(db_path, warm=True, first_read=first_read, saved_theme=saved_theme)
    if first_read is None:
        app.prefetch_dashboard()
    app.freeze = True
    app.keep_objects()  # what was imported
    run_logged(app)
