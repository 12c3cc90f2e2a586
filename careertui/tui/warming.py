"""Warming: a screen built, laid out, loaded and rendered off screen while another is shown, so
that its first visit only repaints it (CareerApp.warm_screens runs it for each screen)."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from textual import events
from textual.geometry import Region, Size
from textual.widget import Widget
from textual.widgets import DataTable
from textual.worker import Worker, WorkerCancelled

from careertui.tui.data import DataScreen
from careertui.tui.internals import (
    layout_asked,
    layout_off_screen,
    visible_regions,
)

WARM_LAYOUTS = 3
"""Layouts a warming screen runs at most until one asks for no other (see WarmScreen.warm)."""
WARM_LINES = 6
"""Lines of a widget a warming screen renders in one go (see WarmScreen._render_widgets)."""


class WarmScreen(DataScreen):
    """A screen that can arrive off screen (see warm)."""

    async def warm(self, size: Size) -> None:
        """Make the first visit only a repaint: while another screen is shown (the app's
        `warm_screens`), arrive off screen (the terminal's size and size classes, the arrival's
        focus and load) and render every widget once, so that their render caches hold what
        the visit will show.

        A Resize event is how Textual gives a screen its size classes and ScreenResume how it
        tells a screen it arrives; its layout (internals.layout_off_screen) and each widget's
        `render_lines` are what it runs to show a screen: off screen they only place and
        render the widgets, writing nothing to the terminal. Every step makes way for a screen
        switch (_still_off_screen)."""
        if not await self._still_off_screen():
            return  # visited while it was being built: its arrival loads it
        layout_off_screen(self, size)
        if not await self._still_off_screen():
            return
        if not await self._settled(events.Resize(size, size), events.ScreenResume()):
            return
        while loads := self._loading():
            try:
                await loads[-1].wait()
            except WorkerCancelled:
                pass  # a later load replaced it (a refill at the new width): wait for that
            if self.is_current:
                return  # visited while it was loading: that visit shows it
        self._hide_toasts()
        for _round in range(WARM_LAYOUTS):
            # A table that got its rows gets its scrollbars at the next layout, and a list
            # measures its lines as it first renders them: either asks for one more layout
            # (which Textual runs only on screen: the visit laid out again and repainted).
            # Tables that changed size get a Resize, which empties their caches: render after
            # they have handled it.
            if not await self._still_off_screen():
                return
            layout_off_screen(self, size)
            if not await self._settled():
                return
            if not layout_asked(self) and not await self._render_widgets():
                return
            if not await self._flushed():
                return
            if not layout_asked(self):
                break

    async def _render_widgets(self) -> bool:
        """Render each widget the screen shows into its cache, as the compositor's full update
        does, but a few lines at a time, making way for a key in between: in one go it took
        50-200 ms at 100,000 entries (a table's first lines ~2-3 ms each), and a screen switch
        asked for meanwhile waited for it. False if the screen became the one shown."""
        for widget, region, clip in visible_regions(self):
            shown = region.intersection(clip).translate(-region.offset)
            for top in range(shown.y, shown.bottom, WARM_LINES):
                if not await self._still_off_screen():
                    return False
                widget.render_lines(
                    Region(shown.x, top, shown.width, min(WARM_LINES, shown.bottom - top))
                )
        return True

    def _hide_toasts(self) -> None:
        """Hide the screen's toast rack, as Textual does as it shows the screen while no
        notification is up (the rack starts shown: hiding it then asked for a layout). A
        notification up at the visit shows it again, as it would have anyway."""
        for rack in self.query("ToastRack"):
            rack.display = False

    async def _still_off_screen(self) -> bool:
        """Wait for quiet (each step of the warming makes way for a screen switch made
        meanwhile, so that a switch waits for one step, not for a whole screen's warming);
        False if this screen became the one shown meanwhile."""
        await asyncio.sleep(0)  # a key read meanwhile is handled first
        wait_quiet = getattr(self.app, "wait_quiet", None)  # CareerApp's
        if wait_quiet is not None:
            await wait_quiet()
        return not self.is_current

    def _loading(self) -> list[Worker[Any]]:
        """This screen's loads still under way."""
        return [
            worker
            for worker in self.app.workers
            if worker.node is self and worker.group == "load" and not worker.is_finished
        ]

    async def _flushed(self) -> bool:
        """Have the widgets act on the refreshes asked of them (Textual does as each next
        idles: some hidden fields of the weekly review had not by the visit, which then laid
        out again); False if the screen became the one shown meanwhile. Every widget is
        prompted (which of them have a refresh pending is Textual's private state): one that
        has none idles with nothing to do."""
        widgets = list(self.walk_children(Widget))
        for widget in widgets:
            widget.check_idle()
        return await self._settled(pumps=widgets)

    async def _settled(self, *messages: events.Event, pumps: Sequence[Widget] = ()) -> bool:
        """Post `messages` and wait until this screen and its tables have handled
        them and all they had queued, and then idled (a DataTable measures new rows when
        idle): a second round of callbacks runs only after the idle that followed the first.
        False if the screen became the one shown meanwhile (its visit then takes over)."""
        for message in messages:
            self.post_message(message)
        for _round in range(2):
            handled = []
            for pump in (self, *self.query(DataTable), *pumps):
                event = asyncio.Event()
                pump.call_later(event.set)
                handled.append(event.wait())
            await asyncio.gather(*handled)
        return not self.is_current
