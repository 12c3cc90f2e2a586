"""Weekly review: the keyboard ritual that closes a week, five steps long.

1 Wins (add what is missing, measure each), 2 People (this week's interactions, follow-ups due),
3 Actions (how each key action's period went; check in or skip), 4 Perception (three quick
ratings), 5 Focus (next week's three priorities and notes). `pagedown`/`pageup` move between steps
(also `n`/`p` outside text fields) and `ctrl+s` saves at any step: one review record per ISO week.
What is typed is kept as a draft (widgets/review/draft.py) until saved. `escape` leaves a text
field. Keys typed fast are not lost: `tab`, `shift+tab` and `enter` move the focus when the key is
read, and `ctrl+s` reads the fields once they have handled every key sent before it.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widgets import ContentSwitcher, DataTable, Header, Input, Static, TextArea

from careertui.domain.records import PERCEPTION_RATINGS, ValidationError
from careertui.screens.base import CareerScreen
from careertui.store.review_draft import drop_draft
from careertui.store.reviews import (
    MAX_PRIORITIES,
    ReviewSaved,
    review_overview,
    save_review,
)
from careertui.store.undo import review_save
from careertui.tui.review_steps import ReviewStepKeys
from careertui.widgets.footer import CareerFooter
from careertui.widgets.form import FOCUS_BINDINGS, keys_handled
from careertui.widgets.review.actions import ActionsStep
from careertui.widgets.review.common import (
    INTROS,
    STEPS,
    ReviewStep,
    step_bar,
)
from careertui.widgets.review.draft import DraftKeeper
from careertui.widgets.review.fields import WeekFields, status_line
from careertui.widgets.review.focus import FocusStep
from careertui.widgets.review.people import PeopleStep
from careertui.widgets.review.perception import PerceptionStep
from careertui.widgets.review.ticks import FocusTicks
from careertui.widgets.review.wins import WinsStep

STEP_PANELS = {"perception": "ratings-panel", "focus": "focus-panel"}
"""The panel of a step with text fields: `escape` in a field focuses it."""

STEP_OF_ACTION = {
    "add_win": "wins",
    "add_interaction": "people",
    "done": "people",
    "snooze": "people",
    "check_in": "actions",
    "skip": "actions",
}


class ReviewScreen(ReviewStepKeys, CareerScreen):
    TITLE = "Weekly review"
    CSS_PATH = "review.tcss"
    HELP = (
        "Close the week in five steps: wins, people, actions, perception, next week's focus. "
        "pagedown/pageup (or n/p outside text fields) move between steps; ctrl+s saves the "
        "week's review at any step, and opening the screen again this week resumes it. escape "
        "leaves a text field (then n/p and 1-6 are keys again; tab goes back in).\n"
        "Wins: a adds, e/enter edits. People: d marks a follow-up done, z snoozes it 7 days, a "
        "logs an interaction. "
        "Actions: space checks in today, s skips today."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pagedown", "next_step", "Next step", priority=True),
        Binding("pageup", "previous_step", "Previous step", priority=True),
        Binding("n", "next_step_key", "Next step (outside text fields)", show=False),
        Binding("p", "previous_step_key", "Previous step (outside text fields)", show=False),
        Binding("ctrl+s", "save", "Save review", priority=True),
        Binding("escape", "leave_field", "Leave field", priority=True),
        Binding("enter", "next_field", "Next field", show=False, priority=True),
        *FOCUS_BINDINGS,
        Binding("a", "add_win", "Add win"),
        Binding("a", "add_interaction", "Log interaction"),
        Binding("e", "edit", "Edit"),
        Binding("d", "done", "Follow-up done"),
        Binding("z", "snooze", "Snooze 7d"),
        Binding("space", "check_in", "Check in"),
        Binding("s", "skip", "Skip"),
    ]

    step: reactive[int] = reactive(0, init=False)
    """The current step; the footer follows it through the focus change every step makes."""
    dirty: reactive[bool] = reactive(False, init=False)

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[str, Any] = {}
        self.fields = WeekFields(self)
        self.drafts = DraftKeeper(self)
        self.to_modal = False
        self.filled_at: dict[str, int] = {}
        """The width each table's cells were last cut to."""

    # -- layout ----------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="review-top"):
            with Horizontal(id="review-bar"):
                yield Static(id="review-steps")
                yield Static(id="review-position")
            yield Static(id="review-status")
        yield Static(id="review-intro")
        with ContentSwitcher(initial="step-wins", id="review-steps-switcher"):
            yield WinsStep(id="step-wins", classes="review-step")
            yield PeopleStep(id="step-people", classes="review-step")
            yield ActionsStep(id="step-actions", classes="review-step")
            yield PerceptionStep(id="step-perception", classes="review-step")
            yield FocusStep(id="step-focus", classes="review-step")
        yield CareerFooter()

    def on_mount(self) -> None:
        self.watch_step(self.step)

    def steps(self) -> list[ReviewStep]:
        return list(self.query_one(ContentSwitcher).query_children(ReviewStep))

    # -- arriving and leaving ----------------------------------------------------------------------
    def on_screen_suspend(self) -> None:
        self.to_modal = isinstance(self.app.screen, ModalScreen)
        self.drafts.flush()
        if not self.to_modal and self.dirty:
            self.notify("Weekly review: draft kept, not saved (ctrl+s in the review saves it)")

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """On arrival (not back from a form) focus the current step's first field."""
        if not self.to_modal:
            self.focus_step()
        self.to_modal = False

    def focus_step(self) -> None:
        """Focus the step's first field now, so keys read after pagedown go to it."""
        self.set_focus(self.query_one(f"#{STEPS[self.step][2]}"))

    # -- steps -----------------------------------------------------------------------------------
    def watch_step(self, step: int) -> None:
        step_id = STEPS[step][0]
        self.query_one(ContentSwitcher).current = f"step-{step_id}"
        self.query_one("#review-steps", Static).update(step_bar(step))
        self.query_one("#review-position", Static).update(
            Content.from_markup("[b]$n[/b][dim]/$total[/]", n=str(step + 1), total=str(len(STEPS)))
        )
        self.query_one("#review-intro", Static).update(Content(INTROS[step_id]))
        self.focus_step()
        self.call_after_refresh(self._refit_tables)
        if self.dirty:
            self.drafts.touched()  # the draft returns to this step

    def _move(self, delta: int) -> None:
        self.step = max(0, min(len(STEPS) - 1, self.step + delta))

    def action_next_step(self) -> None:
        self._move(1)

    def action_previous_step(self) -> None:
        self._move(-1)

    def action_next_step_key(self) -> None:
        self._move(1)

    def action_previous_step_key(self) -> None:
        self._move(-1)

    def action_leave_field(self) -> None:
        """Out of a text field, onto its step: n/p and 1-6 are keys again, not letters."""
        panel = STEP_PANELS.get(STEPS[self.step][0])
        if panel:
            self.set_focus(self.query_one(f"#{panel}"))
        else:
            self.set_focus(None)

    def action_next_field(self) -> None:
        self.focus_next()

    def _in_text_field(self) -> bool:
        return isinstance(self.focused, Input | TextArea)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        step_id = STEPS[self.step][0]
        if action == "leave_field":
            return self._in_text_field()
        if action == "next_field":  # enter in a one-line field; a table's enter opens its row
            return isinstance(self.focused, Input)
        if action in ("next_step", "next_step_key"):
            allowed = self.step < len(STEPS) - 1
            return (
                (allowed or None)
                if action == "next_step"
                else (allowed and not self._in_text_field())
            )
        if action in ("previous_step", "previous_step_key"):
            allowed = self.step > 0
            return (
                (allowed or None)
                if action == "previous_step"
                else (allowed and not self._in_text_field())
            )
        if action in STEP_OF_ACTION:
            return step_id == STEP_OF_ACTION[action]
        if action == "edit":
            return step_id in ("wins", "people", "actions")
        return True

    # -- loading ---------------------------------------------------------------------------------
    async def load(self) -> None:
        self.data = await self.fetch(review_overview, self.today())
        await self.show_data()
        self._fill_fields(self.data)
        back_to = self.drafts.restore(self.data.get("draft"))
        self._update_dirty()
        if back_to is not None:
            self.step = max(0, min(len(STEPS) - 1, back_to[0]))
            field = self.query(f"#{back_to[1]}") if back_to[1] else None
            if field:
                self.set_focus(field.first())

    async def show_data(self) -> None:
        """Show what `load` read."""
        data = self.data
        if not data:
            return
        self._show_status()
        await self.fill_tables()
        for step in self.steps():
            step.show(data)

    async def fill_tables(self, *, resized_only: bool = False) -> None:
        """Fill the four tables, cutting cells to each table's width; with `resized_only`, only
        those whose width changed since (a hidden step's tables have no width until shown)."""
        data, today = self.data, self.today()
        for step in self.steps():
            for table_id in step.TABLES:
                width = self.query_one(f"#{table_id}", DataTable).scrollable_content_region.width
                if resized_only and self.filled_at.get(table_id) == width:
                    continue
                await step.fill_table(table_id, data, today)
                self.filled_at[table_id] = width

    async def _refit_tables(self) -> None:
        if self.data:
            await self.fill_tables(resized_only=True)

    def on_resize(self) -> None:
        """Cells are cut to the tables' widths: once laid out at the new size, refill the
        tables whose width changed from what was read (reading again on every Resize, also
        one at an unchanged size as warming sends just before its arrival, read twice)."""
        self.call_after_refresh(self._refit_tables)

    def _show_status(self) -> None:
        self.query_one("#review-status", Static).update(status_line(self.data, self.dirty))

    # -- the week's fields: resume without losing what is being typed ------------------------------
    def _fill_fields(self, data: dict[str, Any]) -> None:
        self.fields.fill(data)
        self._update_dirty()

    def _update_dirty(self) -> None:
        self.dirty = self.fields.changed()

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(FocusTicks.Changed)
    def _field_changed(self) -> None:
        if self.fields.week:
            self._update_dirty()
            self.drafts.touched()

    def on_descendant_focus(self) -> None:
        if self.dirty:
            self.drafts.touched()  # the draft returns to this field

    def watch_dirty(self, dirty: bool) -> None:
        if self.data:
            self._show_status()
        marked: set[str] = getattr(self.app, "unsaved_modes", set())
        (marked.add if dirty else marked.discard)("review")
        for footer in self.query(CareerFooter):
            footer.arrive()

    # -- saving ----------------------------------------------------------------------------------
    def action_save(self) -> None:
        self.save()

    @work(exclusive=True, group="save")
    async def save(self) -> None:
        await keys_handled(self.fields.widgets())
        values = self.fields.values()
        priorities = [values[f"priority-{n}"] for n in range(1, MAX_PRIORITIES + 1)]
        ratings = {name: values[f"rating-{name}"] for name in PERCEPTION_RATINGS}

        def save_it(store: Any) -> ReviewSaved:
            today = self.today()
            saved, undo = review_save(
                store,
                today,
                lambda: save_review(
                    store, today, priorities, values["review-notes"], ratings, values["last-focus"]
                ),
            )
            drop_draft(store, saved.week)
            self.remember(f"the review of week {saved.week} as it was", undo)
            return saved

        try:
            async with self.drafts.lock:  # after the draft being written, if one is
                saved: ReviewSaved = await self.change(save_it)
        except ValidationError as exc:
            if exc.field in PERCEPTION_RATINGS:
                self.step = 3
                self.call_after_refresh(self.query_one(f"#rating-{exc.field}").focus)
            self.report(exc)
            return
        except Exception as exc:  # noqa: BLE001 - refused writes become a notification
            self.report(exc)
            return
        self.fields.baseline.update(values)
        self.drafts.saved(saved.week)
        self._update_dirty()
        if self._in_text_field():
            self.action_leave_field()  # the screen's keys work at once
        self.notify(f"Saved week {saved.week}", markup=False)
        self.refresh_data()
