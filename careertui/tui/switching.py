"""Screen switches that paint once: a switch holds repaints until the new screen has arrived
(instead of Textual's 50 ms timer), and warming waits for a quiet moment after a switch."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

from textual.app import App
from textual.widget import AwaitMount

WARM_YIELD = 0.6
"""Seconds warming waits after a screen switch: the screen being shown gets the CPU first."""

SWITCH_HOLD = 0.5
"""Seconds a screen switch holds repaints at most while the new screen arrives (delay_update)."""


class SwitchingApp(App[None]):
    """An App whose mode switches hold repaints until the new screen has arrived."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._switched_at = 0.0
        """When the last screen switch began (time.monotonic())."""
        self._switching = False
        self._holds: list[AbstractContextManager[None]] = []
        """The batch updates (Textual's `batch_update`) of the screen switches holding
        repaints until their new screen has arrived (delay_update)."""

    @property
    def held_switches(self) -> int:
        """Screen switches holding repaints until the new screen has arrived."""
        return len(self._holds)

    def switch_mode(self, mode: str) -> AwaitMount:
        self._switched_at = time.monotonic()
        held = len(self._holds)
        self._switching = True
        try:
            return super().switch_mode(mode)
        finally:
            self._switching = False
            if len(self._holds) > held:  # Textual asked for its delay (a real switch)
                release = self._batch_release(self._holds[-1])
                self.set_timer(SWITCH_HOLD, release)
                self.screen.call_later(release)  # after the ScreenResume switch_mode posted

    def delay_update(self, delay: float = 0.05) -> None:
        """Textual's switch_mode holds repaints 50 ms (a timer) so that the new screen is not
        shown half-arrived. A switch here holds them until the new screen has handled its
        arrival (its ScreenResume; SWITCH_HOLD at most): the same frame, ~50 ms sooner."""
        if self._switching:
            hold = self.batch_update()
            hold.__enter__()
            self._holds.append(hold)
        else:
            super().delay_update(delay)

    def _batch_release(self, hold: AbstractContextManager[None]) -> Callable[[], None]:
        """Ends the batch `hold` begun by delay_update, once, however many times it is called."""
        held = True

        def release() -> None:
            nonlocal held
            if held:
                held = False
                self._holds.remove(hold)
                hold.__exit__(None, None, None)
                screen = self.screen
                getattr(screen, "_repaint", screen.refresh)()

        return release

    async def wait_quiet(self) -> None:
        """Wait until no screen switch has happened for WARM_YIELD seconds: warming makes way
        for the screen being shown (a warming step meanwhile slowed its paint ~2-3x)."""
        while (left := self._switched_at + WARM_YIELD - time.monotonic()) > 0:
            await asyncio.sleep(left)
