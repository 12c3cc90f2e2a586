"""What another process writes shows by itself: a thread asks the file twice a second whether
someone committed (careertui/store/watch.py) and, when so, the screen at hand reads again, as it
does after its own changes (its cursor and what is typed in its fields stay). A form or dialog
open is left alone: the screen under it reads again as it comes back.

The app's own writes are absorbed as they end (`own_write`): the screen that wrote reads again
anyway, so they do not make it read twice. A plain daemon thread, not a Textual worker: nothing
waits for it, and it stops with the app."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from textual.screen import ModalScreen

from careertui.store.watch import DataVersion

POLL = 0.5
"""Seconds between two asks: a change shows within about a second (the read included)."""


class LiveRefresh:
    def __init__(self, app: Any, path: Path) -> None:
        self.app = app
        self.version = DataVersion(path)
        self.stop_event = threading.Event()
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        self.thread = threading.Thread(target=self._poll, name="careertui-live", daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.stop_event.set()

    def own_write(self) -> None:
        """A write of this app just ended (in its thread): not a change to show."""
        self.version.changed()

    def _poll(self) -> None:
        try:
            self.version.changed()  # the starting point
            while not self.stop_event.wait(POLL):
                if self.version.changed():
                    try:
                        self.app.call_from_thread(self._show)
                    except RuntimeError:
                        return  # the app has ended
        finally:
            self.version.close()

    def _show(self) -> None:
        screen = self.app.screen
        if isinstance(screen, ModalScreen):
            return  # the screen under it compares the file's signature as it comes back
        refresh = getattr(screen, "refresh_data", None)
        if refresh is not None:
            refresh()
