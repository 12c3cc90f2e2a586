"""Every private Textual name careertui uses, and only those whose removal would lose a measured
speed gain: the rest of careertui uses Textual's public API only. Each entry says what it buys
(figures from tests/perf/RESULTS.md, a 100,000-entry journal in tmux at 120×40 unless said), and
tests/ui/test_internals.py fails when Textual changes what an entry relies on; check them at
every Textual upgrade.

Six mechanisms, seven names: 1 the stylesheet's rule parser (`_parse_rules`, in
KeptStylesheet), 2 a node's CSS update count (`_css_update_count`), 3 `Screen._screen_resized`
and the compositor's size (`_compositor`), 4 `App._get_screen`, 5 `Screen._refresh_layout`
with the pending-layout flag (`_layout_required`), 6 the compositor's visible widgets
(`_compositor` again). 4 to 6 are the warming (careertui/tui/warming.py).
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

from textual.css.stylesheet import Stylesheet
from textual.screen import Screen

if TYPE_CHECKING:
    from textual.app import App
    from textual.css.model import RuleSet
    from textual.css.types import CSSLocation
    from textual.dom import DOMNode
    from textual.geometry import Region, Size
    from textual.widget import AwaitMount, Widget


# -- 1. CSS parsed once per source and theme -------------------------------------------------------
class KeptStylesheet(Stylesheet):
    """Textual's stylesheet, keeping the rules it parsed from each source for as long as the
    CSS variables (the theme) stay what they were. Textual empties its cache of parsed sources
    at every CSS refresh, even with unchanged variables, and `reparse()` parses in a fresh
    stylesheet with an empty cache: ~10 full parses of ~30 sources before the first frame.
    Buys: stylesheet parsing at start 390 → 80 ms (cProfile, headless start); a theme switched
    back to is not parsed again. Relies on `Stylesheet._parse_rules(css, read_from,
    is_default_rules, tie_breaker, scope)` being where every source is parsed."""

    def __init__(self, *, variables: dict[str, str] | None = None) -> None:
        super().__init__(variables=variables)
        self.theme_key: Hashable = tuple(sorted((variables or {}).items()))
        self.kept: dict[tuple[Hashable, ...], list[RuleSet]] = {}

    def set_variables(self, variables: dict[str, str]) -> None:
        super().set_variables(variables)
        self.theme_key = tuple(sorted(variables.items()))

    def _parse_rules(
        self,
        css: str,
        read_from: CSSLocation,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        key = (self.theme_key, css, read_from, is_default_rules, tie_breaker, scope)
        rules = self.kept.get(key)
        if rules is None:
            rules = super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
            self.kept[key] = rules
        return rules

    def reparse(self) -> None:
        """Parse the sources again (new variables), through the kept rules. Textual parses in a
        fresh stylesheet so that an error leaves this one whole; `parse` does too: it replaces
        the rules only once every source has parsed."""
        self.parse()


# -- 2. a new screen's styles are current ----------------------------------------------------------
def css_update_count(node: DOMNode) -> int:
    """How many CSS refreshes `node` (the app, or a screen) has been styled for. Textual
    restyles every widget of the app when it shows a screen whose count lags the app's."""
    return int(node._css_update_count)  # type: ignore[attr-defined]  # private: what this module is for


def mark_styles_current(screen: Screen[Any], app: App[Any]) -> None:
    """Tell Textual `screen` is styled for the app's current CSS: its widgets were styled as they
    mounted. Buys: no whole-app CSS refresh on a screen's first showing (`_init_mode` and
    `switch_mode` each did one) nor on its second visit (~150–300 ms per screen at 120×40);
    headless start to the dashboard's data 2.1–2.3 → 1.5–1.8 s with the parse cache above."""
    screen._css_update_count = app._css_update_count


# -- 3. no layout again at the size a screen was laid out at ---------------------------------------
def laid_out_size(screen: Screen[Any]) -> Size:
    """The size `screen` was last laid out at (0×0 before its first layout)."""
    size: Size = screen._compositor.size
    return size


class SameSizeScreen(Screen[Any]):
    """A screen that is not laid out again for a Resize at the size it was laid out at. A mode's
    screen gets two of those as it is first shown (one its own first layout sends it, one the
    app kept from the terminal's first report until it idled). Buys: one full relayout and
    repaint fewer per first showing, ~20–40 ms each on the dashboard."""

    def _screen_resized(self, size: Size) -> None:
        if size != laid_out_size(self):
            super()._screen_resized(size)


# -- 4. a screen started off screen ----------------------------------------------------------------
def start_screen(app: App[Any], mode: str) -> tuple[Screen[Any], AwaitMount]:
    """Compose and mount the installed screen `mode` without showing it, as Textual does when
    it first pushes it. Buys (with 5 and 6, the warming): first visits 1.3–1.8 s → 114–237 ms."""
    screen, mounted = app._get_screen(mode)
    return screen, mounted


# -- 5. a layout off screen ------------------------------------------------------------------------
def layout_off_screen(screen: Screen[Any], size: Size) -> None:
    """Place every widget of `screen` at `size` (what Textual runs to show it; off screen it
    writes nothing to the terminal), forgetting that a layout was asked for: after it, a
    widget that asks again (a table's scrollbars come at the layout after its rows) sets the
    flag again (see layout_asked). Buys: the warmed first visit is one paint, no layout (4
    paints over ~110 ms → 1 paint 33 ms after the key, warmed Network)."""
    screen._layout_required = False
    screen._refresh_layout(size)


def layout_asked(widget: Widget) -> bool:
    """Whether `widget` (or, for a screen, one of its widgets) asked for a layout."""
    return bool(widget._layout_required)


# -- 6. the widgets a screen shows -----------------------------------------------------------------
def visible_regions(screen: Screen[Any]) -> list[tuple[Widget, Region, Region]]:
    """(widget, region, clip) of each widget `screen` shows, from its last layout: what its
    compositor renders. Buys: a warmed screen renders them a few lines at a time beforehand,
    so its first visit's render is 13 ms instead of 340 ms (cProfile, 10k)."""
    return [
        (widget, region, clip)
        for widget, (region, clip) in screen._compositor.visible_widgets.items()
    ]
