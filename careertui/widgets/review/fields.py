"""The weekly review's text fields (next week's priorities and notes, the three ratings): what
they held when last loaded or saved, so that a reload refreshes the untouched ones and leaves
what is being typed alone."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.content import Content
from textual.dom import DOMNode
from textual.widget import Widget
from textual.widgets import Input, TextArea

from careertui.domain.records import PERCEPTION_RATINGS
from careertui.domain.text import printable
from careertui.store.reviews import MAX_PRIORITIES, split_focus
from careertui.widgets.review.ticks import FocusTicks

FIELD_IDS = (
    *(f"priority-{n}" for n in range(1, MAX_PRIORITIES + 1)),
    "review-notes",
    *(f"rating-{name}" for name in PERCEPTION_RATINGS),
    "last-focus",
)


def field_value(widget: Widget) -> str:
    if isinstance(widget, FocusTicks):
        return widget.text
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, Input):
        return widget.value
    raise TypeError(widget)


def set_field(widget: Widget, value: str) -> None:
    if isinstance(widget, FocusTicks):
        widget.set_text(value)
    elif isinstance(widget, TextArea):
        if widget.text != value:
            widget.load_text(value)
    elif isinstance(widget, Input):
        widget.value = value


class WeekFields:
    """The fields of the review shown under `node` (the screen) and their saved values."""

    def __init__(self, node: DOMNode) -> None:
        self.node = node
        self.week = ""
        self.baseline: dict[str, str] = {}
        """What each field held when last loaded or saved: a field that still holds it is
        refreshed on the next load, one the user changed is left alone."""

    def widgets(self) -> list[Widget]:
        return [self.node.query_one(f"#{field_id}", Widget) for field_id in FIELD_IDS]

    def fill(self, data: dict[str, Any]) -> None:
        """Show the week's saved review and perception check in the fields."""
        review, perception = data["review"], data["perception"]
        priorities = split_focus(review["focus"] if review else "")
        values = {f"priority-{n}": priorities[n - 1] for n in range(1, MAX_PRIORITIES + 1)}
        values["review-notes"] = review["notes"] if review else ""
        values["last-focus"] = (review or {}).get("looked_back") or ""
        for name in PERCEPTION_RATINGS:
            score = perception[name] if perception else None
            values[f"rating-{name}"] = "" if score is None else str(score)
        new_week = data["week"] != self.week
        self.week = data["week"]
        for field_id, raw in values.items():
            value = printable(raw or "")
            widget = self.node.query_one(f"#{field_id}", Widget)
            if new_week or field_value(widget) == self.baseline.get(field_id, ""):
                set_field(widget, value)
            self.baseline[field_id] = value

    def values(self) -> dict[str, str]:
        return {
            field_id: field_value(widget)
            for field_id, widget in zip(FIELD_IDS, self.widgets(), strict=True)
        }

    def changed(self) -> bool:
        """Whether a field holds something else than was loaded or saved."""
        current = self.values()
        return any(current[f] != self.baseline.get(f, "") for f in FIELD_IDS)


def status_line(data: dict[str, Any], dirty: bool) -> Content:
    """The week, whether this week's review is saved (second, so it shows at 80 columns) and
    the review streak."""
    monday, sunday = data["span"]
    review = data["review"]
    streak = int(data["streak"])
    weeks = "week" if streak == 1 else "weeks"
    parts: list[Content] = [
        Content.from_markup(
            "[b]Week $w[/b]  [dim]$a – $b[/]",
            w=data["week"],
            a=monday.strftime("%a %d %b"),
            b=sunday.strftime("%a %d %b %Y"),
        )
    ]
    if dirty:
        parts.append(Content.from_markup("[b $warning]✎ draft, not saved[/] [dim]ctrl+s[/]"))
    elif review is not None:
        saved = date.fromisoformat(review["date"]).strftime("%a %d %b")
        parts.append(Content.from_markup("[$success]✓ saved $d[/]", d=saved))
    else:
        parts.append(Content.from_markup("[dim]not saved yet this week[/]"))
    parts.append(
        Content.from_markup(
            "Weekly review streak: [b $accent]$n[/] $weeks", n=str(streak), weeks=weeks
        )
    )
    return Content("  ·  ").join(parts)
