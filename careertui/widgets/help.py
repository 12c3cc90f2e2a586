"""`?`: every key of the current screen, with what it does, and what its numbers mean
(widgets/explain.py)."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from careertui.domain.text import printable
from careertui.widgets.explain import NUMBERS_OF, explanations

GLOBAL_KEYS = (
    ("1 … 6", "Dashboard, Roadmap, Network, Wins, Self-check, Weekly review"),
    ("ctrl+p", "Command palette: go anywhere, search entries"),
    ("?", "This help"),
    ("q / ctrl+q", "Quit"),
)
HIDDEN_KEYS = {
    "1",
    "2",
    "3",
    "4",
    "5",
    "6",
    "question_mark",
    "q",
    "ctrl+q",
    "tab",
    "shift+tab",
    "ctrl+c",
    "super+c",
    "ctrl+p",
}
FORM_KEYS = (
    ("tab / shift+tab", "Next / previous field"),
    ("ctrl+s", "Save"),
    ("escape", "Cancel"),
)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close")]

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__(classes="dialog")
        self.for_screen = screen

    def _rows(self) -> list[tuple[str, str]]:
        rows: list[tuple[str, str]] = []
        seen: set[str] = set()
        for active in self.for_screen.active_bindings.values():
            binding = active.binding
            if not binding.description or binding.action in seen:
                continue
            if active.node is not self.for_screen and not binding.show:
                continue  # a widget's own plumbing (cursor moves, copy), not this screen's keys
            if binding.key in HIDDEN_KEYS:
                continue
            seen.add(binding.action)
            rows.append(
                (binding.key_display or self.app.get_key_display(binding), binding.description)
            )
        return rows

    def compose(self) -> ComposeResult:
        title = getattr(self.for_screen, "TITLE", None) or "careertui"
        lines = [Content.from_markup("[b]$title — keys[/b]\n", title=str(title))]
        help_text = getattr(self.for_screen, "HELP", "")
        if help_text:
            lines.append(Content(help_text.strip() + "\n"))
        for header, rows in (
            ("This screen", self._rows()),
            ("Forms", FORM_KEYS),
            ("Everywhere", GLOBAL_KEYS),
        ):
            if not rows:
                continue
            lines.append(Content.from_markup("\n[b $accent]$h[/]", h=header))
            for key, description in rows:
                lines.append(Content.from_markup("  [b]$k[/b]  $d", k=f"{key:<16}", d=description))
        numbers = explanations(type(self.for_screen).__name__)
        with VerticalScroll(id="help-box", classes="dialog-box"):
            yield Static(Content("\n").join(lines))
            if numbers:
                yield Static(self._numbers(numbers), id="help-numbers")

    def _numbers(self, sentences: list[str]) -> Content:
        head = Content.from_markup("\n[b $accent]What the numbers mean[/]")
        # The sentences name contacts (visibility's decision-makers): their text made safe.
        return Content("\n").join([head, *(Content(f"  {printable(s)}") for s in sentences)])

    def on_mount(self) -> None:
        if "visibility" in NUMBERS_OF.get(type(self.for_screen).__name__, ()):
            self.run_worker(self._name_key_contacts(), exit_on_error=False)

    async def _name_key_contacts(self) -> None:
        """Name the decision-makers and sponsors visibility counts (read off the UI thread)."""
        import asyncio

        from careertui.store import Store
        from careertui.store.key_contacts import key_contact_names

        path = getattr(self.app, "db_path", None)
        if path is None:
            return

        def read() -> list[str]:
            with Store(path, write=False) as store:
                return key_contact_names(store)

        names = await asyncio.to_thread(read)
        sentences = explanations(type(self.for_screen).__name__, names)
        self.query_one("#help-numbers", Static).update(self._numbers(sentences))
