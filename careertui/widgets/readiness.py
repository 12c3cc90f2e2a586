"""ReadinessMeter: the review-readiness score, its band, the five parts as bars and the gaps."""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.widgets import Static

from careertui.widgets.safe import compose

PARTS = (
    ("coverage", "Coverage", 40),
    ("evidence", "Evidence", 20),
    ("consistency", "Consistency", 15),
    ("visibility", "Visibility", 15),
    ("self_check", "Self-check", 10),
)
BAND_STYLE = {
    "not ready": "$error",
    "getting there": "$warning",
    "ready": "$success",
    "rock it": "$accent",
}


def bar(value: float, full: float, width: int = 20) -> str:
    """A bar of `width` cells, filled in eighths."""
    if full <= 0:
        return " " * width
    eighths = round(max(0.0, min(1.0, value / full)) * width * 8)
    whole, part = divmod(eighths, 8)
    partial = " ▏▎▍▌▋▊▉"[part] if part else ""
    return ("█" * whole + partial).ljust(width)


BAR_WIDTH = 20
PART_TEXT = 12 + 1 + 1 + 7
"""The cells of a part's line besides its bar: the label, two spaces, the value ("33.3/40")."""


def readiness_content(
    readiness: dict[str, Any], *, gaps: int | None = 3, parts: bool = True, width: int = 0
) -> Content:
    """The meter as Content; `gaps` caps how many gaps are listed (None: all). With `width`,
    the bars shrink (to 6 cells at least) so each part stays on one line."""
    bar_width = max(6, min(BAR_WIDTH, width - PART_TEXT)) if width else BAR_WIDTH
    score = readiness.get("score", 0)
    band = str(readiness.get("band", ""))
    style = BAND_STYLE.get(band, "$text")
    days = readiness.get("days_to_review")
    when = (
        "no review date set"
        if days is None
        else f"review in {days} days"
        if days > 0
        else "review is today"
        if days == 0
        else f"review was {-days} days ago"
    )
    lines = [
        Content.from_markup(
            f"[b {style}]$score[/] [dim]/ 100[/]  [b {style}]$band[/]  [dim]$when[/]",
            score=str(score),
            band=band,
            when=when,
        )
    ]
    period = readiness.get("period")
    if period and period.get("chosen"):  # how the period was chosen: the figures depend on it
        lines.append(
            Content(f"{period['start']} → {period['end']}: {period['chosen']}").stylize("dim")
        )
    if parts:
        values = readiness.get("parts", {})
        for key, label, full in PARTS:
            value = float(values.get(key, 0) or 0)
            tone = "$success" if value >= full else "$warning" if value >= full / 2 else "$error"
            lines.append(
                Content.from_markup(
                    f"[dim]$label[/] [{tone}]$bar[/] $value",
                    label=f"{label:<12}",
                    bar=bar(value, full, bar_width),
                    value=f"{value:g}/{full}",
                )
            )
    listed = readiness.get("gaps", [])
    if gaps is not None:
        listed = listed[:gaps]
    if listed:
        lines.append(Content(""))
        for gap in listed:
            lines.append(
                compose((f"+{gap.get('points', 0):g} ", "bold $warning"), str(gap.get("text", "")))
            )
    elif readiness:
        lines.append(Content.from_markup("\n[$success]No gaps: you are ready.[/]"))
    return Content("\n").join(lines)


class ReadinessMeter(Static):
    """Shows the `readiness` object of `careertui stats --json`."""

    def __init__(self, *, gaps: int | None = 3, parts: bool = True, **kwargs: Any) -> None:
        super().__init__("", **kwargs)
        self.max_gaps = gaps
        self.show_parts = parts
        self.readiness: dict[str, Any] | None = None
        self._width = 0

    def show(self, readiness: dict[str, Any]) -> None:
        self.readiness = readiness
        self._width = self.size.width
        self.update(
            readiness_content(
                readiness, gaps=self.max_gaps, parts=self.show_parts, width=self._width
            )
        )

    def on_resize(self) -> None:
        """The bars follow the width (one line per part at 80 columns too)."""
        if self.readiness is not None and self.show_parts and self.size.width != self._width:
            self.show(self.readiness)
