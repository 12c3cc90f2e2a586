"""The review keeps what is typed as a draft in the file (careertui/store/review_draft.py), at
most once a second: a crash or `kill -9` loses at most the last second of typing. Coming back
to the review the same week restores the text, the step and the field.

Each write is one short transaction run in a thread (as every write of the app); writes are
queued one after the other, each with the fields as they are when it runs."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from careertui.store.review_draft import Draft, drop_draft, save_draft
from careertui.widgets.review.fields import set_field

THROTTLE = 1.0
"""Seconds between two writes of the draft at most."""


class DraftKeeper:
    """Writes the review screen's draft, throttled; restores it once per week."""

    def __init__(self, screen: Any) -> None:
        """`screen`: the review screen (its `fields`, `step`, `change`, timers and workers)."""
        self.screen = screen
        self.pending = False
        self.last_write = -THROTTLE
        self.timer: Any = None
        self.lock = asyncio.Lock()
        self.restored_week = ""
        self.kept = False
        """Whether the file holds a draft of the week (written or restored, not yet saved)."""

    def touched(self) -> None:
        """A field, the step or the focus changed: write within THROTTLE seconds."""
        if not self.screen.fields.week:
            return
        self.pending = True
        if self.timer is None:
            delay = max(0.05, self.last_write + THROTTLE - time.monotonic())
            self.timer = self.screen.set_timer(delay, self.flush)

    def flush(self) -> None:
        """Write now what is pending (leaving the screen, the timer)."""
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        if not self.pending:
            return
        self.pending = False
        self.last_write = time.monotonic()
        self.screen.run_worker(self._write(), group="review-draft", exit_on_error=False)

    async def _write(self) -> None:
        async with self.lock:
            fields, screen = self.screen.fields, self.screen
            week, values = fields.week, fields.values()
            focused = getattr(screen.focused, "id", None) or ""
            from careertui.clock import timestamp

            try:
                if fields.changed():
                    await screen.change(save_draft, week, screen.step, focused, values, timestamp())
                    self.kept = True
                elif self.kept:
                    await screen.change(drop_draft, week)
                    self.kept = False
            except Exception:  # noqa: BLE001 - a refused draft write: the fields still hold it
                self.pending = True

    def saved(self, week: str) -> None:
        """The review was saved (its draft is deleted with it): nothing left to write."""
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        self.pending = False
        self.kept = False
        self.restored_week = week

    def restore(self, draft: Draft | None) -> tuple[int, str] | None:
        """Put the week's draft in the fields the person has not touched since the load, once
        per week; the (step, field id) to return to, None when there was no draft."""
        fields = self.screen.fields
        if fields.week == self.restored_week:
            return None
        self.restored_week = fields.week
        if draft is None or draft.week != fields.week:
            return None
        self.kept = True
        current = fields.values()
        for widget in fields.widgets():
            field_id = widget.id or ""
            if field_id in draft.fields and current[field_id] == fields.baseline.get(field_id, ""):
                set_field(widget, draft.fields[field_id])
        return draft.step, draft.field
