"""The two lines at the bottom of every screen: the six screens and the global keys (NavBar),
then the keys of the screen at hand (Textual's Footer, as QuietFooter: rebuilt only when the keys
it shows change).

One Footer line cannot hold both at 120 columns, let alone 80: the global keys pushed the
screen's own keys off the edge, or the other way round. Here the global keys always fit, by
shortening their labels as the terminal narrows.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

SCREENS: Sequence[tuple[str, str, str, str]] = (
    ("1", "dashboard", "Dashboard", "Dash"),
    ("2", "roadmap", "Roadmap", "Road"),
    ("3", "network", "Network", "Net"),
    ("4", "wins", "Wins", "Wins"),
    ("5", "selfcheck", "Self-check", "Self"),
    ("6", "review", "Weekly review", "Review"),
)
"""(key, mode, label, short label) of each screen, in key order."""

GLOBAL_KEYS: Sequence[tuple[str, str]] = (("?", "keys"), ("^p", "palette"), ("q", "quit"))


def nav_line(current: str, width: int) -> tuple[Content, list[tuple[int, int, str]]]:
    """The screens and the global keys in at most `width` cells (full labels, then short ones,
    then the keys alone), with the cells each screen's name takes: (start, end, mode)."""
    for labels in ("full", "short", "none"):
        line, spans = _nav(current, labels)
        if line.cell_length <= width:
            return line, spans
    return line[:width], spans


def _nav(current: str, labels: str) -> tuple[Content, list[tuple[int, int, str]]]:
    parts: list[Content] = []
    spans: list[tuple[int, int, str]] = []
    start = 0
    for key, mode, full, short in SCREENS:
        label = {"full": full, "short": short, "none": ""}[labels]
        tail = f" {label} " if label else " "
        if mode == current:
            item = Content(f" {key}{tail}").stylize("bold reverse $accent")
        else:
            item = Content.assemble((f" {key}", "bold $footer-key-foreground"), tail)
        parts.append(item)
        spans.append((start, start + item.cell_length, mode))
        start += item.cell_length
    keys = [
        Content.assemble((key, "bold $footer-key-foreground"), (f" {what}", "dim"))
        for key, what in GLOBAL_KEYS
    ]
    gap = Content("  " if labels != "none" else " ")
    return Content.assemble(*parts, (" │ ", "dim"), gap.join(keys)), spans


class QuietFooter(Footer):
    """Textual's Footer, recomposed only when what it shows changes.

    The stock Footer rebuilds all its keys (two style passes per key) on every
    `refresh_bindings`, several times per focus change and screen switch, also on a screen that
    is being left; each rebuild holds the screen's paint (≈ 50–150 ms here). This one coalesces
    the requests, skips a screen that is not on the current stack (its own refresh on resume
    catches up) and skips when the bindings shown are the same."""

    _pending = False
    _shown: tuple[object, ...] | None = None

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if not self._pending:
            self._pending = True
            self.call_after_refresh(self._recompose_if_changed)

    def _signature(self) -> tuple[object, ...]:
        return (
            self.show_command_palette,
            self.compact,
            *(
                (
                    binding.key,
                    binding.key_display,
                    binding.action,
                    binding.description,
                    binding.show,
                    enabled,
                    tooltip,
                )
                for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
            ),
        )

    async def _recompose_if_changed(self) -> None:
        self._pending = False
        if self.is_attached and self.screen in self.app.screen_stack:
            await self.show_keys()

    async def show_keys(self) -> None:
        """Rebuild the keys now if they changed, on whichever screen (a screen warmed off
        screen builds its Footer before it is shown)."""
        signature = self._signature()
        if signature != self._shown:
            self._shown = signature
            await self.recompose()


class NavBar(Widget):
    """The six screens, the current one highlighted, and `?`, `^p`, `q`."""

    DEFAULT_CSS = """
    NavBar {
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    """

    def render(self) -> Content:
        return nav_line(str(self.app.current_mode), self.size.width)[0]

    def on_resize(self, _event: events.Resize) -> None:
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        """A click on a screen's name switches to it."""
        _line, spans = nav_line(str(self.app.current_mode), self.size.width)
        for start, end, mode in spans:
            if start <= event.x < end and mode != self.app.current_mode:
                self.app.switch_mode(mode)
                return


class CareerFooter(Vertical):
    """NavBar above the screen's Footer, docked at the bottom."""

    DEFAULT_CSS = """
    CareerFooter {
        dock: bottom;
        height: 2;
    }
    CareerFooter > Footer {
        dock: none;
    }
    """

    def __init__(self, footer: Footer | None = None) -> None:
        super().__init__()
        self._footer = footer or QuietFooter(show_command_palette=False)

    def compose(self) -> ComposeResult:
        yield NavBar()
        yield self._footer
