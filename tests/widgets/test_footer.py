"""The footer: every screen and the global keys fit at the bottom of every screen, even at 80
columns, with the current screen marked, and the screen's own keys below; a click on a name
switches to it, a click on a key presses it."""

from pathlib import Path

import pytest
from textual.pilot import Pilot

from careertui.app import CareerApp
from careertui.store import Store
from careertui.widgets.footer import SCREENS, CareerFooter, key_line, nav_line

KEYS = [key for key, *_ in SCREENS]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "c.db"
    Store(path).close()
    return path


@pytest.mark.parametrize(
    ("width", "labels"),
    [(120, "Weekly review"), (104, "Weekly review"), (100, "Review"), (80, "Review"), (40, None)],
)
def test_every_screen_key_fits(width: int, labels: str | None) -> None:
    line, spans = nav_line("wins", width)
    text = line.plain
    assert line.cell_length <= width
    assert [text[start:end].split()[0] for start, end, _mode in spans] == KEYS
    assert [mode for *_, mode in spans] == [mode for _key, mode, *_ in SCREENS]
    if labels:
        assert labels in text and "? keys" in text and "q quit" in text


def test_the_current_screen_is_marked() -> None:
    line, spans = nav_line("wins", 120)
    start, end, _ = next(span for span in spans if span[2] == "wins")
    marked = [span for span in line.spans if span.start <= start and span.end >= end]
    assert any("reverse" in str(span.style) for span in marked)


async def test_nav_bar_on_every_screen_and_click_switches(db: Path) -> None:
    app = CareerApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        for key, mode, *_ in SCREENS:
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
            footer = app.screen.query_one(CareerFooter)
            assert footer.region.y == 22, mode  # the last two lines
            nav, keys = footer.render().plain.split("\n")
            assert all(f" {k} " in nav for k in KEYS)
            assert keys.strip(), mode
        _line, spans = nav_line("review", 80)
        start, _end, mode = spans[1]
        await pilot.click(CareerFooter, offset=(start + 1, 0))
        await pilot.pause()
        assert app.current_mode == mode == "roadmap"


def test_the_key_line_dims_a_disabled_key_and_fits_the_width() -> None:
    keys = [("n", "n", "Note", True), ("delete", "del", "Delete", False)]
    line, spans = key_line(keys, 120)
    assert line.plain == " n Note  del Delete "
    assert spans == [(0, 8, "n", True), (8, 20, "delete", False)]
    dim = [span for span in line.spans if "dim" in str(span.style)]
    assert dim and all(span.start >= 8 for span in dim)
    assert key_line(keys, 10)[0].cell_length == 10


async def dashboard_footer(app: CareerApp, pilot: Pilot[None]) -> CareerFooter:
    await app.workers.wait_for_complete()
    await pilot.pause()
    return app.screen.query_one(CareerFooter)


async def test_the_key_line_follows_the_focus_without_mounting_anything(db: Path) -> None:
    """Space checks a key action in only while today's key actions have the focus: the key
    line shows it then, and not while the journal has it; the footer stays one widget."""
    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        footer = await dashboard_footer(app, pilot)
        keys = footer.render().plain.split("\n")[1]
        assert " n Note " in keys and "Delete" in keys and "Check in" not in keys
        app.screen.query_one("#today").focus()
        await pilot.pause()
        keys = footer.render().plain.split("\n")[1]
        assert "Check in" in keys and "Delete" not in keys
        assert not footer.children


async def test_a_click_on_a_key_presses_it(db: Path) -> None:
    from careertui.widgets.form import EntryForm

    app = CareerApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        footer = await dashboard_footer(app, pilot)
        _line, spans = key_line(footer._keys, 120)
        start = next(start for start, _end, key, _on in spans if key == "n")
        await pilot.click(CareerFooter, offset=(start + 1, 1))
        await pilot.pause()
        assert isinstance(app.screen, EntryForm)
