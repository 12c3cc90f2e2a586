"""The NavBar: every screen and the global keys fit at the bottom of every screen, even at 80
columns, with the current screen marked; a click on a name switches to it."""

from pathlib import Path

import pytest

from careertui.app import CareerApp
from careertui.store import Store
from careertui.widgets.footer import SCREENS, NavBar, nav_line

KEYS = [key for key, *_ in SCREENS]


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


async def test_nav_bar_on_every_screen_and_click_switches(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    Store(db).close()
    app = CareerApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        for key, mode, *_ in SCREENS:
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
            bar = app.screen.query_one(NavBar)
            assert bar.region.y == 22, mode  # above the Footer's line
            assert all(f" {k} " in bar.render().plain for k in KEYS)
        _line, spans = nav_line("review", 80)
        start, _end, mode = spans[1]
        await pilot.click(NavBar, offset=(start + 1, 0))
        await pilot.pause()
        assert app.current_mode == mode == "roadmap"
