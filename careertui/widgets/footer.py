"""The two lines at the bottom of every screen: the six screens and the global keys, then the
keys of the screen at hand (CareerFooter).

One Footer line cannot hold both at 120 columns, let alone 80: the global keys pushed the
screen's own keys off the edge, or the other way round. Here the global keys always fit, by
shortening their labels as the terminal narrows.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from textual import events
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget

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
KEY_STYLE = "bold $text"
MUTED = "$text-muted"
"""Keys and their descriptions on the footer's $surface: 4.5:1 or more in every theme offered
(careertui/tui/themes.py)."""


def nav_line(
    current: str, width: int, marked: Collection[str] = ()
) -> tuple[Content, list[tuple[int, int, str]]]:
    """The screens and the global keys in at most `width` cells (full labels, then short ones,
    then the keys alone), with the cells each screen's name takes: (start, end, mode). A screen
    in `marked` holds unsaved work (the review's draft): its name is followed by ✎."""
    for labels in ("full", "short", "none"):
        line, spans = _nav(current, labels, marked)
        if line.cell_length <= width:
            return line, spans
    return line[:width], spans


def _nav(
    current: str, labels: str, marked: Collection[str]
) -> tuple[Content, list[tuple[int, int, str]]]:
    parts: list[Content] = []
    spans: list[tuple[int, int, str]] = []
    start = 0
    for key, mode, full, short in SCREENS:
        label = {"full": full, "short": short, "none": ""}[labels]
        tail = f" {label} " if label else " "
        if mode in marked:
            tail = f"{tail.rstrip()}✎ "
        if mode == current:
            item = Content(f" {key}{tail}").stylize("bold reverse $accent")
        else:
            item = Content.assemble((f" {key}", KEY_STYLE), tail)
        parts.append(item)
        spans.append((start, start + item.cell_length, mode))
        start += item.cell_length
    keys = [Content.assemble((key, KEY_STYLE), (f" {what}", MUTED)) for key, what in GLOBAL_KEYS]
    gap = Content("  " if labels != "none" else " ")
    return Content.assemble(*parts, (" │ ", MUTED), gap.join(keys)), spans


Key = tuple[str, str, str, bool]
"""A key the screen offers: (key, how it is shown, what it does, enabled)."""


def screen_keys(screen: Screen[Any]) -> list[Key]:
    """The keys `screen` shows now, one per action, as Textual's Footer picks them: bindings
    marked `show`, the first key of each action, a disabled one kept (drawn dim)."""
    keys: dict[str, Key] = {}
    for _node, binding, enabled, _tooltip in screen.active_bindings.values():
        if binding.show and binding.action not in keys:
            shown = screen.app.get_key_display(binding)
            keys[binding.action] = (binding.key, shown, binding.description, enabled)
    return list(keys.values())


def key_line(keys: Sequence[Key], width: int) -> tuple[Content, list[tuple[int, int, str, bool]]]:
    """The screen's keys in at most `width` cells (bold keys, muted descriptions), with the
    cells each takes: (start, end, key, enabled)."""
    parts: list[Content] = []
    spans: list[tuple[int, int, str, bool]] = []
    start = 0
    for key, shown, description, enabled in keys:
        item = Content.assemble(
            (f" {shown} ", KEY_STYLE),
            (f"{description} ", MUTED),
        )
        if not enabled:
            item = item.stylize("dim")
        parts.append(item)
        spans.append((start, start + item.cell_length, key, enabled))
        start += item.cell_length
    line = Content.assemble(*parts)
    return (line if line.cell_length <= width else line[:width]), spans


class CareerFooter(Widget):
    """The bottom two lines of every screen, as one widget: the six screens and the global keys
    (NavBar's line), then the screen's own keys.

    Textual's Footer is a container of one widget per key, rebuilt (composed, styled, laid out)
    whenever the screen's bindings change: on every focus change and on a screen's first
    showing, ~30–50 ms each time, which the first frame waited for twice. Here a change of keys
    is a repaint of one line."""

    DEFAULT_CSS = """
    CareerFooter {
        dock: bottom;
        height: 2;
        background: $surface;
        color: $text;
    }
    """
    ALLOW_SELECT = False

    def __init__(self) -> None:
        super().__init__()
        self._keys: list[Key] = []
        self._drawn_for: tuple[str, frozenset[str]] = ("", frozenset())
        """The screen (mode) the nav line was last drawn highlighting, and the screens it
        marked as holding unsaved work."""

    def on_mount(self) -> None:
        """The keys come with the screen's first bindings update (as it arrives): a screen's
        `check_action` may read widgets not mounted yet."""
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        """Repaint when the keys the screen offers change (a focus change, a screen shown)."""
        keys = screen_keys(screen)
        if keys != self._keys:
            self._keys = keys
            self.refresh()

    def arrive(self) -> None:
        """Repaint as its screen is shown if the nav line highlights another (the screen was
        built, and drawn, while another was shown)."""
        if self._drawn_for != self._nav_state():
            self.refresh()

    def _nav_state(self) -> tuple[str, frozenset[str]]:
        return str(self.app.current_mode), frozenset(getattr(self.app, "unsaved_modes", ()))

    def render(self) -> Content:
        width = self.size.width
        self._drawn_for = self._nav_state()
        nav, _ = nav_line(self._drawn_for[0], width, self._drawn_for[1])
        keys, _ = key_line(self._keys, width)
        return Content("\n").join([nav, keys])

    def on_resize(self, _event: events.Resize) -> None:
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        """A click on a screen's name switches to it; on a key, presses it."""
        if event.y == 0:
            mode, marked = self._nav_state()
            _line, spans = nav_line(mode, self.size.width, marked)
            for start, end, mode in spans:
                if start <= event.x < end and mode != self.app.current_mode:
                    self.app.switch_mode(mode)
                    return
        else:
            _line, key_spans = key_line(self._keys, self.size.width)
            for start, end, key, enabled in key_spans:
                if start <= event.x < end:
                    if enabled:
                        self.app.simulate_key(key)
                    else:
                        self.app.bell()
                    return
