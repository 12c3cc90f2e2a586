"""CareerScreen, the base of the six area screens: size classes from the start, and an arrival
that reads nothing when the day, the file, the theme and the size are unchanged.

Its other parts are in careertui/tui/: store access (data.py), forms and deletes (forms.py) and
warming off screen (warming.py).
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.types import NoActiveAppError

from careertui.tui.forms import FormsScreen
from careertui.tui.internals import (
    SameSizeScreen,
    css_update_count,
    laid_out_size,
    mark_styles_current,
)
from careertui.tui.warming import WarmScreen
from careertui.widgets.footer import CareerFooter

REPAINT_NUDGE = 0.02
REPAINT_NUDGES = 50
"""How often and how many times a repaint is prompted (see CareerScreen._repaint): for a
second, longer than the slowest screen's build off screen (~0.3 s at 100,000 entries)."""


class CareerScreen(FormsScreen, WarmScreen, SameSizeScreen):
    """Base of the six area screens."""

    TITLE = "careertui"
    HELP = ""
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-medium"), (120, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (35, "-tall")]
    """Size classes the screens' TCSS styles: 80×24 is -narrow -short, 120×40 -wide -tall."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._resumed_for: object = None
        """The screen switch (CareerApp's `_switched_at`) this screen last arrived with while
        shown: a second ScreenResume for the same switch is Textual's duplicate."""
        try:
            app = self.app
        except NoActiveAppError:
            return  # made outside an app: Textual's defaults
        # A new screen has no styles to bring up to date: its widgets are styled as they mount.
        # Without this, its first showing refreshes the whole app's CSS twice (`_init_mode` and
        # `switch_mode` each see a screen that is not yet mounted).
        mark_styles_current(self, app)
        # Its widgets are styled for the terminal's size classes from the start, rather than
        # styled, laid out and then all restyled when its first Resize brings the classes.
        self.add_class(*self.size_classes(app.size.width, app.size.height), update=False)

    @classmethod
    def size_classes(cls, width: int, height: int) -> list[str]:
        """The size classes of a screen `width` × `height` (what Textual gives on a Resize)."""
        return [
            next(name for edge, name in sorted(breakpoints, reverse=True) if size >= edge)
            for breakpoints, size in (
                (cls.HORIZONTAL_BREAKPOINTS, width),
                (cls.VERTICAL_BREAKPOINTS, height),
            )
        ]

    # -- styles and size -----------------------------------------------------------------------
    def on_mount(self) -> None:
        """Mark the CSS this screen was just styled with as current. Textual marks a mode's new
        screen only if it is mounted when `refresh_css` runs, which it is not on its first
        visit, so its second visit re-parsed the whole stylesheet and restyled every widget of
        the app (~0.15–0.3 s per screen at 120×40). Its widgets got their styles as they
        mounted, from the stylesheet `switch_mode` had just loaded this screen's CSS into."""
        mark_styles_current(self, self.app)

    def width_now(self) -> int:
        """The screen's width, also before its first layout (a first visit's load sizes its
        tables' columns before it: at width 0 they were all cut to their narrowest)."""
        return self.size.width or self.app.size.width

    def fit_columns(self) -> bool:
        """Size the screen's tables to its width; True when a column's width changed (its cells,
        cut to the old width, are then read and laid out again). Screens without such tables
        keep this one."""
        return False

    def on_resize(self) -> None:
        if self.fit_columns():
            self.refresh_data()

    # -- arriving ------------------------------------------------------------------------------
    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Reload on arrival, unless nothing the data depends on changed since the last load.

        Textual calls each class's own handler in turn, a screen's before this one: a screen's
        `on_screen_resume` must not call this one again (it ran twice, and a second load
        cancelled the first).

        Runs before Textual's own `Screen._on_screen_resume` (handlers go down the MRO), which
        re-applies every style of every widget on each mode switch; that empties each
        DataTable's render caches, so all its visible cells are rendered again (~0.3 s for the
        Network screen). `switch_mode` has already refreshed the CSS if the theme or the
        stylesheet changed since this screen was last shown, so once the screen's CSS is
        current there is nothing for that pass to change."""
        switch = getattr(self.app, "_switched_at", None)
        if self._resumed_for == switch and self.is_current and laid_out_size(self):
            # Textual resumes a mode's screen twice as it is first shown: the first arrival
            # has done all there is to do, and Textual's own handler would repaint it all.
            event.prevent_default()
            return
        self._resumed_for = switch if self.is_current else None
        if self.is_mounted and css_update_count(self) == css_update_count(self.app):
            event.refresh_styles = False
        for footer in self.query(CareerFooter):
            footer.arrive()  # it highlights the current screen: a warmed one drew another
        if self.show_ready_data():
            return
        key = self.load_key()
        if key is not None and key == self._loaded_for:
            self._repaint()
        else:
            self.refresh_data()

    def on_screen_suspend(self) -> None:
        self._resumed_for = None  # back from a form or another screen: a new arrival

    def show_ready_data(self) -> bool:
        """Show data read for this screen before it was made, if there is some, as it first
        arrives (before its first layout); True if it did, and then nothing is read. Screens
        without such data keep this one."""
        return False

    def _repaint(self) -> None:
        """Repaint what is shown (nothing was read again). A repaint asked for while another
        widget holds a batch update (a recompose, or a screen being built off screen by the
        warming) waits in Textual until this screen next idles after the batch, and nothing
        else may come to this screen: prompted every REPAINT_NUDGE seconds for a while, it acts
        on the repaint once the batch is over (a prompt with nothing to do costs nothing
        seen). A screen switch holding repaints repaints as it ends (CareerApp.delay_update)."""
        if getattr(self.app, "held_switches", 0):
            return
        self.refresh()
        self.set_interval(REPAINT_NUDGE, self.check_idle, repeat=REPAINT_NUDGES)
