"""Last week's focus, ticked off item by item on the review's last step: done, carried (offered
as one of next week's priorities) or dropped. `space` or `t` moves the highlighted item on.

Its value is text, one line per ticked item (`done: …`), so the review's fields, its draft and
the saved review (`looked_back`) hold it as they hold any text field."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable

from careertui.widgets.paged import current_key, restore_cursor
from careertui.widgets.safe import cell

STATES = ("", "done", "carried", "dropped")
MARKS = {"": ("·", "dim"), "done": ("✓ done", "green"), "carried": ("→ carried", "yellow")}
MARKS["dropped"] = ("✗ dropped", "dim")
MARK_WIDTH = 9


class FocusTicks(DataTable[object]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space,t", "cycle", "Done / carried / dropped"),
    ]

    @dataclass
    class Changed(Message):
        ticks: FocusTicks
        item: str
        state: str

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.items: list[str] = []
        self.states: dict[str, str] = {}

    def on_mount(self) -> None:
        self.add_column("", width=MARK_WIDTH)
        self.add_column("Last week's priority")

    def on_resize(self) -> None:
        self._fill()  # the items are cut to the width: no horizontal scrolling

    @property
    def text(self) -> str:
        return "\n".join(f"{s}: {item}" for item in self.items if (s := self.states.get(item)))

    def set_text(self, text: str) -> None:
        self.states = {}
        for line in text.splitlines():
            state, _, item = line.partition(": ")
            if state in STATES and item:
                self.states[item] = state
        self._fill()

    def show_items(self, items: list[str]) -> None:
        self.items = items
        self._fill()

    def _fill(self) -> None:
        if not self.is_mounted:
            return
        keep = current_key(self)
        self.clear()
        room = max(8, (self.size.width or 40) - MARK_WIDTH - 2 * self.cell_padding * 2 - 1)
        for index, item in enumerate(self.items):
            mark, style = MARKS[self.states.get(item, "")]
            self.add_row(cell(mark, style=style), cell(item, room), key=str(index))
        restore_cursor(self, keep)

    def action_cycle(self) -> None:
        key = current_key(self)
        if key is None or not self.items:
            return
        item = self.items[int(key)]
        state = STATES[(STATES.index(self.states.get(item, "")) + 1) % len(STATES)]
        if state:
            self.states[item] = state
        else:
            self.states.pop(item, None)
        self._fill()
        self.post_message(self.Changed(self, item, state))
