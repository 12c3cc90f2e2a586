"""The Textual internals careertui/tui/internals.py relies on: each test fails when Textual
changes one of them (its name, its signature or what it does), so an upgrade shows at once which
speed measure needs another look."""

from __future__ import annotations

import inspect
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.css import stylesheet
from textual.css.stylesheet import Stylesheet
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import AwaitMount, Widget
from textual.widgets import DataTable, Static

from careertui.tui import internals
from careertui.tui.internals import KeptStylesheet


def parameters(function: Any) -> list[str]:
    return list(inspect.signature(function).parameters)


def test_the_stylesheet_parses_each_source_through_parse_rules(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """1: Textual parses every source in `_parse_rules`; KeptStylesheet parses a source once per
    set of variables, also across `reparse` (Textual's parses in a fresh, empty cache)."""
    assert parameters(Stylesheet._parse_rules) == [
        "self",
        "css",
        "read_from",
        "is_default_rules",
        "tie_breaker",
        "scope",
    ]
    parsed: list[str] = []
    original = stylesheet.parse

    def counting(scope: str, css: str, *args: Any, **kwargs: Any) -> Any:
        parsed.append(css)
        return original(scope, css, *args, **kwargs)

    monkeypatch.setattr(stylesheet, "parse", counting)
    sheet = KeptStylesheet(variables={"tone": "red"})
    sheet.add_source("Static { color: $tone; }", read_from=("test.tcss", ""))
    sheet.parse()
    red = sheet.rules[0].styles.color
    sheet.reparse()
    sheet.set_variables({"tone": "red"})
    sheet.reparse()
    assert len(parsed) == 1
    sheet.set_variables({"tone": "blue"})
    sheet.reparse()
    assert len(parsed) == 2
    assert sheet.rules[0].styles.color != red  # the new variables


def test_an_app_counts_css_refreshes() -> None:
    """2: the CSS update count a screen is compared on."""
    app: App[None] = App()
    assert internals.css_update_count(app) == 0
    assert internals.css_update_count(Screen()) == -1
    assert "_css_update_count += 1" in inspect.getsource(App._invalidate_css)
    assert "screen._css_update_count = self._css_update_count" in inspect.getsource(App.refresh_css)
    assert "screen._css_update_count != self._css_update_count" in inspect.getsource(
        App.switch_mode
    ) + inspect.getsource(App._init_mode)


def test_a_screen_is_resized_through_screen_resized() -> None:
    """3: Textual lays a screen out again in `_screen_resized(size)` at every Resize."""
    assert parameters(Screen._screen_resized) == ["self", "size"]
    assert "_refresh_layout(size)" in inspect.getsource(Screen._screen_resized)
    assert "_screen_resized(event.size)" in inspect.getsource(Screen._on_resize)


class Warmed(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Static("warm", id="text")
        yield DataTable(id="table")


class Host(App[None]):
    SCREENS = {"warmed": Warmed}


async def test_a_screen_is_started_laid_out_and_rendered_off_screen() -> None:
    """4, 5 and 6: the warming's steps, on a screen never shown."""
    assert parameters(App._get_screen) == ["self", "screen"]
    assert parameters(Screen._refresh_layout) == ["self", "size", "scroll"]
    app = Host()
    async with app.run_test(size=(60, 20)) as pilot:
        screen, mounted = internals.start_screen(app, "warmed")
        assert isinstance(mounted, AwaitMount)
        await mounted
        assert screen.is_mounted and screen not in app.screen_stack
        assert internals.laid_out_size(screen) == Size(0, 0)

        internals.layout_off_screen(screen, Size(60, 20))
        assert internals.laid_out_size(screen) == Size(60, 20)
        screen.refresh(layout=True)
        assert internals.layout_asked(screen)
        shown = [widget for widget, _region, _clip in internals.visible_regions(screen)]
        assert screen.query_one("#text", Widget) in shown
        await pilot.pause()
        assert app.screen is not screen  # never shown


class Resized(internals.SameSizeScreen):
    def compose(self) -> ComposeResult:
        yield Static("x")


async def test_a_resize_at_the_laid_out_size_lays_out_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """3: SameSizeScreen passes on a Resize only at a new size."""
    layouts: list[Size] = []
    original = Screen._refresh_layout

    def counting(self: Screen[Any], size: Size | None = None, scroll: bool = False) -> None:
        layouts.append(size or Size(0, 0))
        original(self, size, scroll)

    app: App[None] = App()
    async with app.run_test(size=(40, 10)) as pilot:
        await app.push_screen(Resized())
        await pilot.pause()
        monkeypatch.setattr(Screen, "_refresh_layout", counting)
        app.screen._screen_resized(Size(40, 10))
        assert layouts == []
        app.screen._screen_resized(Size(30, 10))
        assert layouts == [Size(30, 10)]
