"""Review step 4, Perception: three quick ratings saved with the review as a perception check,
with this week's check (if any) and the recent trend."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Label, Static

from careertui.domain.records import PERCEPTION_RATINGS
from careertui.widgets.form import FieldInput
from careertui.widgets.ratings import RATING_LABELS, trend_lines
from careertui.widgets.review.common import VerticalStep


class PerceptionStep(VerticalStep):
    def compose(self) -> ComposeResult:
        with Vertical(id="ratings-panel", classes="panel"):
            with Horizontal(id="ratings-row"):
                for name in PERCEPTION_RATINGS:
                    with Vertical(classes="rating"):
                        yield Label(RATING_LABELS[name])
                        yield FieldInput(
                            id=f"rating-{name}",
                            restrict=r"[1-5]?",
                            max_length=1,
                            placeholder="1-5",
                            compact=True,
                        )
            yield Static(id="ratings-last")
        with Vertical(id="ratings-trend-panel", classes="panel"):
            yield Static(id="ratings-trend")

    def on_mount(self) -> None:
        self.query_one("#ratings-panel").border_title = "Quick perception check"
        self.query_one("#ratings-trend-panel").border_title = "Your recent checks"
        self.query_one("#ratings-panel").can_focus = True  # escape in a field lands here

    def show(self, data: dict[str, Any]) -> None:
        self.show_hint(data["perception"])
        self.query_one("#ratings-trend", Static).update(
            trend_lines(data["perception_series"], RATING_LABELS)
        )

    def show_hint(self, perception: dict[str, Any] | None) -> None:
        hint = self.query_one("#ratings-last", Static)
        if perception is None:
            hint.update(
                Content.from_markup(
                    "[dim]No perception check this week yet: leave all three blank to skip it.[/]"
                )
            )
            return
        scores = "  ".join(f"{RATING_LABELS[n]} {perception[n]}" for n in PERCEPTION_RATINGS)
        hint.update(
            Content.from_markup(
                "[dim]This week's check ($d): $s. Saving the review updates it.[/]",
                d=perception["date"],
                s=scores,
            )
        )
