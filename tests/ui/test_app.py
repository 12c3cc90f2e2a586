"""The app shell: screens one key away, help, palette, forms, quitting, refusals."""

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input

from careertui.app import CareerApp
from careertui.screens.base import CareerScreen
from careertui.store import Store
from careertui.widgets.form import EntryForm
from careertui.widgets.help import HelpScreen

TODAY = date(2026, 11, 23)

SCREENS = [
    ("1", "dashboard"),
    ("2", "roadmap"),
    ("3", "network"),
    ("4", "wins"),
    ("5", "selfcheck"),
    ("6", "review"),
]


@pytest.fixture
def app(db_path: Path) -> CareerApp:
    Store(db_path).close()
    return CareerApp(db_path)


async def settle(app: CareerApp, pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(2):
        await app.workers.wait_for_complete()
        await pilot.pause()


async def visit_others(app: CareerApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """Settle, then visit the five screens after the dashboard, settling after each."""
    await settle(app, pilot)
    for key, _mode in SCREENS[1:]:
        await pilot.press(key)
        await settle(app, pilot)


async def test_every_screen_is_one_key_away(app: CareerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        for key, mode in SCREENS[1:] + SCREENS[:1] + SCREENS[3:4]:
            await pilot.press(key)
            await settle(app, pilot)
            assert app.current_mode == mode
            assert isinstance(app.screen, CareerScreen)


async def test_question_mark_lists_the_keys(app: CareerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("Static").render())
        assert "ctrl+s" in text and "Command palette" in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_form_refuses_a_bad_date_in_place_and_keeps_the_text(
    app: CareerApp, db_path: Path
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.screen.open_form("note")  # type: ignore[attr-defined]
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, EntryForm)
        assert app.focused is form.query_one("#field-text")  # the date is today already
        date_input = form.query_one("#field-date", Input)
        date_input.value = "2026-02-30"
        form.query_one("#field-text").load_text("[bold]keep[/] me")  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is form
        error = form.query_one("#error-date")
        assert error.display and "2026-02-30" in str(error.render())
        assert date_input.value == "2026-02-30"
        # digits and q go to the form, not to screen switching or quitting
        await pilot.press("3", "q")
        assert app.screen is form and app.current_mode == "dashboard"
        date_input.value = "yesterday"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not isinstance(app.screen, EntryForm)
    with Store(db_path) as store:
        rows = store.rows("note")
    assert [(r["date"], r["text"]) for r in rows] == [("2026-11-22", "[bold]keep[/] me")]


async def test_escape_cancels_a_form_without_writing(app: CareerApp, db_path: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.screen.open_form("note")  # type: ignore[attr-defined]
        await settle(app, pilot)
        await pilot.press(*"draft")
        await pilot.press("escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, EntryForm)
    with Store(db_path) as store:
        assert store.count("note") == 0


async def test_palette_goes_to_a_screen(app: CareerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"go to network")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.current_mode == "network"


async def test_palette_finds_entries_and_opens_them(app: CareerApp, db_path: Path) -> None:
    from datetime import date

    with Store(db_path) as store:
        store.insert(
            "win",
            {"title": "Zebra migration [/] done", "impact": "3 zebras [b]freed", "date": "today"},
            date(2026, 11, 23),
        )
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"freed")
        await pilot.pause(0.8)
        from textual.command import CommandList

        prompt = str(app.screen.query_one(CommandList).get_option_at_index(0).prompt)
        assert prompt.startswith("win") and "Zebra migration [/] done" in prompt
        assert "3 zebras [b]freed" in prompt  # where the word was found, literally
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.current_mode == "wins"


async def test_q_quits(app: CareerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_failing_integrity_check_makes_the_app_refuse_writes(
    app: CareerApp, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Store, "quick_check", lambda self: "*** in database main *** page 7")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        assert "integrity check" in app.read_only
        app.screen.open_form("note")  # type: ignore[attr-defined]
        await settle(app, pilot)
        form = app.screen
        form.query_one("#field-text").load_text("important")  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is form
        assert "integrity check" in str(form.query_one("#form-error").render())
    with Store(db_path) as store:
        assert store.count("note") == 0


async def test_css_is_parsed_once_per_source_until_the_theme_changes(
    app: CareerApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual parses every source again at each CSS refresh; KeptStylesheet reuses what it
    parsed while the variables are unchanged, and parses again (new colours) when they change."""
    from textual.css import stylesheet

    parsed: list[tuple[object, ...]] = []
    original = stylesheet.parse

    def counting(scope, css, read_from, **kwargs):  # type: ignore[no-untyped-def]
        parsed.append((scope, css, read_from, kwargs.get("tie_breaker")))
        return original(scope, css, read_from, **kwargs)

    monkeypatch.setattr(stylesheet, "parse", counting)
    async with app.run_test(size=(120, 40)) as pilot:
        await visit_others(app, pilot)
        assert len(parsed) == len(set(parsed))  # each source once
        sources = len(app.stylesheet.source)
        parsed.clear()
        background = app.screen.styles.background
        app.theme = "catppuccin-latte" if app.theme != "catppuccin-latte" else "nord"
        await settle(app, pilot)
        assert sources <= len(parsed) <= 2 * sources  # all again, with the new variables
        assert app.screen.styles.background != background


async def test_a_screens_first_showing_does_not_refresh_the_apps_css(
    app: CareerApp, css_refreshes: list[str]
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await visit_others(app, pilot)
        assert css_refreshes == []


@pytest.mark.parametrize(
    ("size", "classes"),
    [
        ((80, 24), {"-narrow", "-short"}),
        ((100, 34), {"-medium", "-short"}),
        ((120, 40), {"-wide", "-tall"}),
    ],
)
async def test_screens_have_their_size_classes_from_the_start(
    app: CareerApp, size: tuple[int, int], classes: set[str]
) -> None:
    """Made with the terminal's size classes, a screen's first Resize changes none of them
    (which would restyle and lay out the whole screen again)."""
    all_classes = {"-narrow", "-medium", "-wide", "-short", "-tall"}
    seen: list[set[str]] = []
    original = CareerScreen.__init__

    def recording(self: CareerScreen) -> None:
        original(self)
        seen.append(set(self.classes) & all_classes)

    async with app.run_test(size=size) as pilot:
        CareerScreen.__init__ = recording  # type: ignore[method-assign]
        try:
            await settle(app, pilot)
            for key, _mode in SCREENS[1:]:
                await pilot.press(key)
                await settle(app, pilot)
                assert set(app.screen.classes) & all_classes == classes
        finally:
            CareerScreen.__init__ = original  # type: ignore[method-assign]
        assert seen == [classes] * 5


async def test_the_integrity_check_runs_even_when_the_first_read_is_refused(
    app: CareerApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The start-up check waits for the dashboard's first read (so as not to slow its frame),
    but not for that read to succeed: a damaged file is still opened read-only."""
    from careertui.screens import dashboard
    from careertui.store import StoreError

    def refused(*_args: object) -> None:
        raise StoreError("the file is damaged")

    monkeypatch.setattr(dashboard, "read_dashboard", refused)
    monkeypatch.setattr(Store, "quick_check", lambda self: "*** in database main *** page 7")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        await settle(app, pilot)
        assert "integrity check" in app.read_only


async def test_a_write_made_before_the_integrity_check_is_over_waits_for_its_verdict(
    app: CareerApp, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check starts after the first screen has loaded; a save made before it ends waits
    for it, and is refused when the file fails it."""
    import threading

    go = threading.Event()

    def slow_check(self: Store) -> str:
        go.wait(10)
        return "*** in database main *** page 7"

    monkeypatch.setattr(Store, "quick_check", slow_check)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        app.screen.open_form("note")  # type: ignore[attr-defined]
        for _ in range(100):
            await pilot.pause(0.02)
            if isinstance(app.screen, EntryForm) and app.screen.query("#field-text"):
                break
        form = app.screen
        assert isinstance(form, EntryForm)
        assert not app.file_checked.is_set()
        form.query_one("#field-text").load_text("important")  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause(0.2)
        assert app.screen is form  # still saving: waiting for the verdict
        go.set()
        for _ in range(100):
            await pilot.pause(0.02)
            if "integrity check" in str(form.query_one("#form-error").render()):
                break
        assert app.screen is form
        assert "integrity check" in str(form.query_one("#form-error").render())
    with Store(db_path) as store:
        assert store.count("note") == 0


async def test_the_saved_theme_is_used_from_the_first_frame(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`careertui` reads the profile's theme before it imports Textual (with the same opening of
    the file that refuses a bad one): the first screen is drawn in it, not switched to it after
    the integrity check."""
    from careertui.store.overview import saved_theme

    with Store(db_path) as store:
        store.set_profile({"theme": "nord"}, TODAY)
    from textual.app import App

    themes_at_first_screen: list[str] = []
    original = App.switch_mode

    def recording(self: App, mode: str):  # type: ignore[no-untyped-def]
        themes_at_first_screen.append(self.theme)
        return original(self, mode)

    monkeypatch.setattr(App, "switch_mode", recording)
    app = CareerApp(db_path, saved_theme=saved_theme(db_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert themes_at_first_screen[0] == "nord"
    # without it (an app made directly), the integrity check still restores the saved theme
    app = CareerApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await settle(app, pilot)
        assert app.theme == "nord"


async def test_the_theme_is_never_written_before_the_integrity_check(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The saved theme applied at start is not written back, and a theme chosen in the app is
    written only once the integrity check has passed: never to a file that failed it."""
    with Store(db_path) as store:
        store.set_profile({"theme": "nord"}, TODAY)
    monkeypatch.setattr(Store, "quick_check", lambda self: "*** in database main *** page 7")
    app = CareerApp(db_path, saved_theme="gruvbox")  # not what the file holds
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await settle(app, pilot)
        assert app.theme == "gruvbox"
        assert "integrity check" in app.read_only
        app.theme = "catppuccin-latte"  # chosen in the app, on a file that failed the check
        await settle(app, pilot)
        await app.workers.wait_for_complete()
    monkeypatch.undo()
    with Store(db_path, write=False) as store:
        assert store.profile()["theme"] == "nord"


@pytest.mark.parametrize("warm", [True, False])
async def test_careertui_checks_the_file_after_the_first_frame(
    db_path: Path, warm: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The integrity check's SQLite ran beside the first frame and made it later: `careertui`
    (which warms) starts it WARM_START after the first screen's data; tests at once."""
    import time

    from careertui.tui import startup as app_module

    Store(db_path).close()
    moments: dict[str, float] = {}
    loaded, check = CareerApp.screen_loaded, CareerApp.check_file

    def on_loaded(self: CareerApp, screen: CareerScreen) -> None:
        moments.setdefault("loaded", time.monotonic())
        loaded(self, screen)

    def on_check(self: CareerApp) -> None:
        moments["checked"] = time.monotonic()
        check(self)

    monkeypatch.setattr(CareerApp, "screen_loaded", on_loaded)
    monkeypatch.setattr(CareerApp, "check_file", on_check)
    app = CareerApp(db_path, warm=warm)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.pause(app_module.WARM_START + 0.2)
        assert app.file_checked.wait(10)
        delay = moments["checked"] - moments["loaded"]
        if warm:
            assert delay >= app_module.WARM_START - 0.01
        else:
            assert delay < app_module.WARM_START / 2
