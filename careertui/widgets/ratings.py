"""Perception ratings (1 to 5) drawn as sparklines on a fixed scale: the Self-check screen's
trends and the weekly review's perception step show them the same way."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from careertui.domain.records import KINDS, PERCEPTION_RATINGS
from careertui.store.selfcheck import SPARK_POINTS

RATING_LABELS = {name: KINDS["perception"].field(name).title for name in PERCEPTION_RATINGS}
LEVELS = "▁▃▄▆█"
"""The bar of each rating, 1 to 5."""
TREND_TEXT = 12 + 14
"""The cells of a trend line besides its sparkline: the label, the value and the average."""


def rating_color(value: int) -> str:
    return "$error" if value <= 2 else "$warning" if value == 3 else "$success"


def rich_color(value: int) -> str:
    """rating_color for a Rich cell of a DataTable (which does not know the theme's names)."""
    return "red" if value <= 2 else "yellow" if value == 3 else "green"


def spark(values: Sequence[int]) -> Content:
    """A sparkline on the fixed 1-5 scale of a rating, two cells per check. (Textual's Sparkline
    scales to the data's own range, so a steady 4 would draw as the floor.)"""
    markup = "".join(f"[{rating_color(v)}]{LEVELS[v - 1] * 2}[/]" for v in values)
    return Content.from_markup(markup)


def trend_lines(series: dict[str, list[int]], labels: dict[str, str], width: int = 0) -> Content:
    """One line per rating: label, sparkline, latest value and average. With `width`, the
    sparkline keeps only the latest checks that fit on the line (two at least)."""
    points = max(2, min(SPARK_POINTS, (width - TREND_TEXT) // 2)) if width else SPARK_POINTS
    rows = []
    for name, label in labels.items():
        values = series.get(name, [])
        if values:
            average = sum(values) / len(values)
            tail = Content.from_markup(
                f"  [b {rating_color(values[-1])}]$v[/]/5  [dim]avg $a[/]",
                v=str(values[-1]),
                a=f"{average:.1f}",
            )
        else:
            tail = Content.from_markup("  [dim]no checks yet[/]")
        shown = values[-points:]
        pad = " " * (2 * (points - len(shown)))
        rows.append(Content.assemble((f"{label:<12}", "bold"), spark(shown), pad, tail))
    return Content("\n").join(rows)
