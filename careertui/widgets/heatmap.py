"""Heatmap: active days as a GitHub-style calendar, a column per week, a row per weekday.

It draws the `heatmap` object of `compute_stats` ({first: the Monday it starts on, days: {date:
count}}) as it is; nothing is counted here. Shades follow the theme: from the panel colour to
`$success`, in four steps relative to the busiest day. Today has the accent colour behind it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from textual.color import Color
from textual.content import Content, Span
from textual.style import Style
from textual.widget import Widget

DAY_LABELS = ("Mon", "", "Wed", "", "Fri", "", "Sun")
LABEL_WIDTH = 4
CELL = "■"
LEVELS = 4


def level(count: int, busiest: int) -> int:
    """0 for an inactive day, else 1..LEVELS by the share of the busiest day's count."""
    if count <= 0 or busiest <= 0:
        return 0
    return max(1, min(LEVELS, math.ceil(LEVELS * count / busiest)))


def weeks_of(first: date, today: date) -> int:
    return (today - first).days // 7 + 1


class Heatmap(Widget):
    """Active days of the last 26 weeks; call `show(heatmap, today)` with the stats' object."""

    DEFAULT_CSS = """
    Heatmap {
        width: auto;
        height: auto;
    }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.first: date | None = None
        self.today: date | None = None
        self.days: dict[str, int] = {}

    def show(self, heatmap: Mapping[str, Any], today: date) -> None:
        self.first = date.fromisoformat(str(heatmap["first"]))
        self.today = today
        self.days = {str(day): int(count) for day, count in dict(heatmap["days"]).items()}
        self.refresh(layout=True)

    @property
    def active_days(self) -> int:
        return sum(1 for count in self.days.values() if count > 0)

    # -- size ----------------------------------------------------------------------------------
    def get_content_width(self, container: Any, viewport: Any) -> int:
        weeks = weeks_of(self.first, self.today) if self.first and self.today else 26
        return LABEL_WIDTH + 2 * weeks

    def get_content_height(self, container: Any, viewport: Any, width: int) -> int:
        return 1 + len(DAY_LABELS) + 2

    # -- drawing -------------------------------------------------------------------------------
    def _shades(self) -> list[Style]:
        variables = self.app.theme_variables
        empty = Color.parse(variables.get("panel-lighten-1", "#343F49"))
        full = Color.parse(variables.get("success", "#4EBF71"))
        shades = [Style(foreground=empty)]
        for step in range(1, LEVELS + 1):
            shades.append(Style(foreground=empty.blend(full, 0.25 + 0.75 * step / LEVELS)))
        return shades

    def render(self) -> Content:
        if self.first is None or self.today is None:
            return Content("")
        shades = self._shades()
        today_style = Style(
            background=Color.parse(self.app.theme_variables.get("accent", "#FEA62B"))
        )
        weeks = weeks_of(self.first, self.today)
        busiest = max(self.days.values(), default=0)
        lines = [self._months(weeks)]
        for weekday, label in enumerate(DAY_LABELS):
            text = label.ljust(LABEL_WIDTH)
            spans: list[Span] = [Span(0, len(text), "dim")]
            for week in range(weeks):
                day = self.first + timedelta(days=7 * week + weekday)
                if day > self.today:
                    text += "  "
                    continue
                shade = shades[level(self.days.get(day.isoformat(), 0), busiest)]
                start = len(text)
                text += CELL + " "
                style = shade + today_style if day == self.today else shade
                spans.append(Span(start, start + 1, style))
            lines.append(Content(text, spans))
        lines.append(self._legend(shades))
        return Content("\n").join(lines)

    def _months(self, weeks: int) -> Content:
        """Month names over the first week column of each month, never overlapping."""
        assert self.first is not None
        row = [" "] * (LABEL_WIDTH + 2 * weeks)
        months = [(self.first + timedelta(days=7 * week)).month for week in range(weeks)]
        for week, month in enumerate(months):
            starts = month != months[week - 1] if week else months[1:3] == [month, month]
            column = LABEL_WIDTH + 2 * week
            if starts and column + 3 <= len(row):
                row[column : column + 3] = date(2000, month, 1).strftime("%b")
        return Content("".join(row)).stylize("dim")

    def _legend(self, shades: list[Style]) -> Content:
        text = " " * LABEL_WIDTH + "less "
        spans: list[Span] = [Span(0, len(text), "dim")]
        for shade in shades:
            spans.append(Span(len(text), len(text) + 1, shade))
            text += CELL + " "
        start = len(text)
        text += "more"
        active = self.active_days
        summary = f"   {active} active day{'s' if active != 1 else ''}"
        text += summary
        spans.append(Span(start, len(text), "dim"))
        return Content(text, spans)
