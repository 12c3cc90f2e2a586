"""Review step 5, Focus: next week's priorities and notes, beside last week's focus (is it the
same list again?)."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Label, Static

from careertui.store.reviews import MAX_PRIORITIES, split_focus
from careertui.widgets.form import FieldInput, FieldTextArea
from careertui.widgets.review.common import HorizontalStep, focus_lines
from careertui.widgets.review.ticks import FocusTicks
from careertui.widgets.safe import compose


class FocusStep(HorizontalStep):
    def compose(self) -> ComposeResult:
        with Vertical(id="focus-panel", classes="panel"):
            for n in range(1, MAX_PRIORITIES + 1):
                yield Label(f"Priority {n}", classes="field-label")
                yield FieldInput(
                    id=f"priority-{n}",
                    placeholder=f"priority {n} for next week",
                    compact=True,
                )
            yield Label("Notes", classes="field-label")
            yield FieldTextArea(
                id="review-notes",
                soft_wrap=True,
                tab_behavior="focus",
                show_line_numbers=False,
                compact=True,
            )
        with Vertical(id="last-week-panel", classes="panel"):
            yield FocusTicks(id="last-focus")
            yield Static(id="last-week")
            yield Static(id="week-summary")

    def on_mount(self) -> None:
        self.query_one("#focus-panel").border_title = "Next week's focus"
        self.query_one("#last-week-panel").border_title = "Last week's focus"
        self.query_one("#focus-panel").can_focus = True  # escape in a field lands here

    @on(FocusTicks.Changed)
    def _carry(self, event: FocusTicks.Changed) -> None:
        """A carried item is offered as one of next week's priorities (the first empty one)."""
        if event.state != "carried":
            return
        fields = [self.query_one(f"#priority-{n}", Input) for n in range(1, MAX_PRIORITIES + 1)]
        if any(f.value.strip() == event.item for f in fields):
            return
        empty = next((f for f in fields if not f.value.strip()), None)
        if empty is not None:
            empty.value = event.item

    def show(self, data: dict[str, Any]) -> None:
        self.query_one("#week-summary", Static).update(week_summary(data))
        full = self.query_one("#last-week", Static)
        review = data["last_week"]
        if review is None:
            lines = [Content.from_markup("[dim]No review last week.[/]")]
        else:
            title = f"Last week's focus · {review['week']}"
            self.query_one("#last-week-panel").border_title = title
            ticks = self.query_one(FocusTicks)
            ticks.show_items([p for p in split_focus(review["focus"]) if p])
            lines = [] if ticks.items else focus_lines(review["focus"])
            if ticks.items:
                lines.append(
                    Content("space: done, carried (into next week), dropped").stylize("dim")
                )
            if str(review["notes"] or "").strip():
                lines.append(compose(("\nNotes\n", "bold $text-muted"), review["notes"].strip()))
        full.update(Content("\n").join(lines + look_back_lines(data.get("look_backs", []))))


def week_summary(data: dict[str, Any]) -> Content:
    """The week before it is saved: wins (how many measured), people seen, key actions met
    this period, and how many of last week's priorities there were to look back on."""
    from careertui.widgets.review.wins import measured

    wins = data["wins"]
    measured_wins = sum(1 for w in wins if measured(str(w["impact"] or "")))
    people = {str(i["contact"]) for i in data["interactions"]}
    actions = data["actions"]
    met = sum(1 for a in actions if a["met_this_period"] >= a["target"])
    lines = [
        Content("This week").stylize("bold $text-muted"),
        Content(f"{plural(len(wins), 'win')}, {measured_wins} of them measured"),
        Content(
            f"{plural(len(people), 'person', 'people')} seen in "
            f"{plural(len(data['interactions']), 'interaction')}"
        ),
        Content(f"{met} of {len(actions)} key actions met this period"),
    ]
    last = data["last_week"]
    if last is not None:
        planned = [p for p in split_focus(last["focus"]) if p]
        lines.append(Content(f"{len(planned)} priorities set last week (below)"))
    return Content("\n").join([Content(""), *lines])


def plural(count: int, one: str, many: str = "") -> str:
    return f"{count} {one if count == 1 else many or one + 's'}"


def look_back_lines(items: list[dict[str, Any]]) -> list[Content]:
    """The choices made 90 days ago or more that are still to look back on."""
    if not items:
        return []
    lines = [Content("\nLook back").stylize("bold $text-muted")]
    for item in items:
        lines.append(
            compose(("• ", ""), item["text"], (f"  ({item['choice']} {item['decided']})", "dim"))
        )
    hint = "Answer in Roadmap → Opportunities (v, then l) or: careertui decide NAME --looking-back"
    return [*lines, Content(hint).stylize("dim")]
