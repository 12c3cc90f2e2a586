"""Every theme offered reads at WCAG AA contrast, computed from the theme's own colours: panel
titles and subtitles on the screen's background and the footer's keys and their descriptions on
the footer at 4.5:1 (text), panel border lines at 3:1 (a component's edge); the themes that
cannot are not offered."""

from __future__ import annotations

import re
from pathlib import Path

from textual.color import Color

from careertui.app import CareerApp
from careertui.store import Store
from careertui.tui.themes import REFUSED

AA = 4.5
AA_LINES = 3.0


def luminance(colour: Color) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)


def contrast(a: Color, b: Color) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def resolve(variables: dict[str, str], name: str, base: Color) -> Color:
    """A theme variable as seen on `base`: `auto N%` is Textual's contrasting text."""
    text = variables[name].strip()
    match = re.match(r"^(.*?)\s+(\d+)%$", text)
    colour, alpha = (match.group(1), int(match.group(2)) / 100) if match else (text, 1.0)
    if colour == "auto":
        return base + base.get_contrast_text(alpha)
    return base + Color.parse(colour).multiply_alpha(alpha)


async def test_every_offered_theme_meets_aa(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    Store(db).close()
    app = CareerApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        offered = sorted(app.available_themes)
        assert offered and not set(REFUSED) & set(offered)
        failing = {}
        for name in offered:
            app.theme = name
            await pilot.pause()
            v = app.get_css_variables()
            background = Color.parse(v["background"])
            surface = background + Color.parse(v["surface"])
            line = background + Color.parse(v["foreground"]).multiply_alpha(0.8)
            if contrast(line, background) < AA_LINES:
                failing[name] = {"border": round(contrast(line, background), 2)}
            ratios = {
                # .panel: its title and subtitle; focused, its border and title
                "panel": contrast(resolve(v, "text-muted", background), background),
                "focused panel": contrast(resolve(v, "text-accent", background), background),
                # the footer (widgets/footer.py): keys, descriptions
                "footer keys": contrast(resolve(v, "text", surface), surface),
                "footer text": contrast(resolve(v, "text-muted", surface), surface),
            }
            low = {part: round(r, 2) for part, r in ratios.items() if r < AA}
            if low:
                failing.setdefault(name, {}).update(low)
        assert failing == {}
