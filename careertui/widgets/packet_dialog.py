"""Which packet to write (`x` on Wins): the same choices as `careertui packet`.

review, week or month; Markdown or HTML; only the wins that involve one contact (a peer-review
packet); redacted (contacts by their role, no notes, no evidence links); where to write it (a
folder, where it gets the next free name, or a file; pre-filled with the data folder's exports/).
`ctrl+s` writes, `escape` cancels; dismissed with a PacketChoice or None. Compact, to fit 80x24.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, RadioButton, RadioSet, Select, Static

from careertui.domain.text import printable
from careertui.widgets.form import FOCUS_BINDINGS

PACKETS = (
    ("review", "Review: the review period by responsibility, evidence for the next role"),
    ("week", "Week: this week's wins, people seen, key actions, next week's focus"),
    ("month", "Month: this month's wins by goal and by responsibility"),
)
FORMATS = (("markdown", "Markdown"), ("html", "HTML (one page, prints well)"))


@dataclass(frozen=True)
class PacketChoice:
    which: str
    fmt: str
    redact: bool
    with_name: str | None
    path: str = ""
    """Where to write: a folder (ending in /, or one that exists) or a file."""


class PacketDialog(ModalScreen[PacketChoice | None]):
    DEFAULT_CSS = """
    PacketDialog RadioSet { width: 100%; margin-bottom: 1; }
    PacketDialog Select { margin-bottom: 1; }
    """
    BINDINGS = [
        Binding("ctrl+s", "write", "Write", priority=True),
        Binding("escape", "cancel", "Cancel"),
        *FOCUS_BINDINGS,
    ]

    def __init__(self, contacts: Sequence[str], folder: str = "") -> None:
        super().__init__(classes="dialog")
        self.contacts = list(contacts)
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="packet-box"):
            yield Static(Content("Write a packet").stylize("bold"), classes="form-title")
            yield Label("Packet")
            with RadioSet(id="packet-which", compact=True):
                for index, (_, label) in enumerate(PACKETS):
                    yield RadioButton(label, value=index == 0)
            yield Label("Format")
            with RadioSet(id="packet-format", compact=True):
                for index, (_, label) in enumerate(FORMATS):
                    yield RadioButton(label, value=index == 0)
            yield Label("Only the wins that involve (a peer-review packet)")
            yield Select(
                [(Text(printable(name)), name) for name in self.contacts],
                prompt="(everyone)",
                id="packet-with",
                compact=True,
            )
            yield Checkbox(
                "Redact: contacts by their role, no notes, no links",
                id="packet-redact",
                compact=True,
            )
            yield Label("Write to (a folder: the next free name in it; or a file)")
            yield Input(self.folder, id="packet-path", compact=True, select_on_focus=False)
            yield Static(
                Content.from_markup("[b]ctrl+s[/b] write   [b]esc[/b] cancel   [b]tab[/b] next"),
                classes="form-keys",
            )

    def on_mount(self) -> None:
        self.query_one("#packet-which", RadioSet).focus()

    def choice(self) -> PacketChoice:
        which = self.query_one("#packet-which", RadioSet).pressed_index
        fmt = self.query_one("#packet-format", RadioSet).pressed_index
        picked = self.query_one("#packet-with", Select).value
        return PacketChoice(
            PACKETS[max(which, 0)][0],
            FORMATS[max(fmt, 0)][0],
            self.query_one("#packet-redact", Checkbox).value,
            picked if isinstance(picked, str) else None,
            self.query_one("#packet-path", Input).value.strip(),
        )

    def action_write(self) -> None:
        self.dismiss(self.choice())

    def action_cancel(self) -> None:
        self.dismiss(None)
