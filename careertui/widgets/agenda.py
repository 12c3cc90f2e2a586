"""After an interaction is logged: which of the contact's open agenda items were discussed.

A checklist in a modal (`ModalScreen[list[int]]`): `space` ticks an item, `enter` saves the
ticked ones as discussed in that interaction, `escape` leaves every item open (they carry over).
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import SelectionList, Static

from careertui.widgets.safe import compose, line


class DiscussedDialog(ModalScreen[list[int]]):
    """Tick the agenda items an interaction discussed; dismissed with their ids."""

    BINDINGS = [
        Binding("enter", "done", "Save", priority=True),
        Binding("escape", "cancel", "None discussed"),
    ]

    def __init__(self, name: str, items: list[dict[str, Any]]) -> None:
        super().__init__(classes="dialog")
        self.contact_name = name
        self.items = items

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box form-box"):
            yield Static(
                compose(("Discussed with ", "bold"), self.contact_name, ("?", "bold")),
                classes="form-title",
            )
            yield SelectionList[int](
                *((line(item["topic"], 70), int(item["id"])) for item in self.items),
                id="discussed-list",
            )
            yield Static(
                Content.from_markup(
                    "[b]space[/b] tick   [b]enter[/b] save   [b]esc[/b] none: they carry over"
                )
            )

    def on_mount(self) -> None:
        self.query_one("#discussed-list").focus()

    def action_done(self) -> None:
        self.dismiss(list(self.query_one("#discussed-list", SelectionList).selected))

    def action_cancel(self) -> None:
        self.dismiss([])
