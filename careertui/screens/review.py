"""Weekly review: the keyboard ritual that closes a week, five steps long.

1 Wins (add what is missing, measure each), 2 People (this week's interactions, follow-ups due),
3 Actions (how each key action's period went; check in or skip), 4 Perception (three quick
ratings), 5 Focus (next week's three priorities and notes). `pagedown`/`pageup` move between steps
(also `n`/`p` outside text fields) and `ctrl+s` saves at any step: one review record per ISO week,
so opening the screen again the same week resumes it and saving again updates it. `escape` leaves a
text field for its step's panel, where `n`/`p` and the screen keys work again.

Typing faster than the fields handle keys loses nothing: `tab`, `shift+tab` and `enter` in a field
move the focus when the key is read (keys go to whatever is focused then), and `ctrl+s` reads the
fields once they have handled every key sent before it (see widgets.form).
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import (
    ContentSwitcher,
    DataTable,
    Header,
    Input,
    Label,
    Static,
    TextArea,
)

from careertui.domain.records import KINDS, PERCEPTION_RATINGS, ValidationError
from careertui.domain.text import one_line, printable
from careertui.screens.base import CareerScreen
from careertui.screens.selfcheck import fit_columns, trend_lines
from careertui.store.reviews import (
    MAX_PRIORITIES,
    ReviewSaved,
    complete_follow_up,
    review_overview,
    save_review,
    split_focus,
    week_days,
    week_tally,
)
from careertui.widgets.footer import CareerFooter
from careertui.widgets.form import FOCUS_BINDINGS, FieldInput, FieldTextArea, keys_handled
from careertui.widgets.paged import Page, PagedTable, current_key, restore_cursor
from careertui.widgets.safe import cell, compose

STEPS = (
    ("wins", "Wins", "wins-table"),
    ("people", "People", "follow-ups-table"),
    ("actions", "Actions", "actions-table"),
    ("perception", "Perception", "rating-behaviour"),
    ("focus", "Focus", "priority-1"),
)
"""(id, label, the field focused on arriving at the step)."""
STEP_PANELS = {"perception": "ratings-panel", "focus": "focus-panel"}
"""The panel of a step with text fields: `escape` in a field focuses it."""

INTROS = {
    "wins": "What did you get done this week? Add what is missing, and give every win a "
    "measured impact: numbers, not modesty.",
    "people": "Who did you meet, and what do you owe them? Mark follow-ups done with d; "
    "a stay-in-touch reminder is done by logging the conversation.",
    "actions": "How did each key action's period go? space checks in today, s skips today.",
    "perception": "How did you come across this week? Rate 1 (poorly) to 5 (very well). Saved "
    "with the review as a perception check; the four questions are on screen 5.",
    "focus": "What are the three things that matter most next week?",
}
STEP_OF_ACTION = {
    "add_win": "wins",
    "add_interaction": "people",
    "done": "people",
    "check_in": "actions",
    "skip": "actions",
}
DAY_LETTERS = ("M", "T", "W", "T", "F", "S", "S")
FALLBACK_WIDTH = 100
MIN_ROOM = 20
WIDE_WEEK = 96
"""Table width from which the days of the week are spaced out in the Actions step."""
RATING_LABELS = {name: KINDS["perception"].field(name).title for name in PERCEPTION_RATINGS}
FIELD_IDS = (
    *(f"priority-{n}" for n in range(1, MAX_PRIORITIES + 1)),
    "review-notes",
    *(f"rating-{name}" for name in PERCEPTION_RATINGS),
)


def step_bar(current: int) -> Content:
    """`1 Wins › 2 People › …` with the current step highlighted."""
    parts = []
    for index, (_, label, _) in enumerate(STEPS):
        if index == current:
            parts.append(Content(f" {index + 1} {label} ").stylize("bold reverse $accent"))
        else:
            parts.append(Content(f" {index + 1} {label} ").stylize("$text-muted"))
    return Content(" › ").stylize("$text-muted").join(parts)


def room(table: DataTable, fixed: int, columns: int) -> int:
    """Cells left for a table's flexible columns once `fixed` cells and every column's padding
    are taken, so rows fit their panel without a horizontal scroll."""
    width = table.scrollable_content_region.width or FALLBACK_WIDTH
    return max(MIN_ROOM, width - fixed - 2 * table.cell_padding * columns - 2)


def focus_lines(focus: str | None) -> list[Content]:
    """A stored focus as numbered priorities (user text, shown literally)."""
    priorities = [p for p in split_focus(focus) if p]
    lines = [compose((f"{n}. ", "bold $accent"), p) for n, p in enumerate(priorities, 1)]
    return lines or [Content("No priorities were set.").stylize("dim")]


def _day(text: str) -> str:
    return date.fromisoformat(text).strftime("%a %d")


def _field_value(widget: Widget) -> str:
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, Input):
        return widget.value
    raise TypeError(widget)


class ReviewScreen(CareerScreen):
    TITLE = "Weekly review"
    CSS_PATH = "review.tcss"
    HELP = (
        "Close the week in five steps: wins, people, actions, perception, next week's focus. "
        "pagedown/pageup (or n/p outside text fields) move between steps; ctrl+s saves the "
        "week's review at any step, and opening the screen again this week resumes it. escape "
        "leaves a text field (then n/p and 1-6 are keys again; tab goes back in).\n"
        "Wins: a adds, e/enter edits. People: d marks a follow-up done, a logs an interaction. "
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
        Binding("space", "check_in", "Check in"),
        Binding("s", "skip", "Skip"),
    ]

    step: reactive[int] = reactive(0, init=False)
    """The current step; the footer follows it through the focus change every step makes."""
    dirty: reactive[bool] = reactive(False, init=False)

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[str, Any] = {}
        self.week = ""
        self.baseline: dict[str, str] = {}
        """What each field held when last loaded or saved: a field that still holds it is
        refreshed on the next load, one the user changed is left alone."""
        self.follow_ups: list[dict[str, Any]] = []
        """The follow-ups due, oldest first; the table shows them a page at a time, each row
        keyed `kind-id-index`."""
        self.action_titles: dict[str, str] = {}
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
            with Horizontal(id="step-wins", classes="review-step"):
                with Vertical(id="wins-main"):
                    with Vertical(id="wins-panel", classes="panel"):
                        yield DataTable(id="wins-table", cursor_type="row", zebra_stripes=True)
                    yield Static(id="wins-summary")
                with Vertical(id="wins-side"):
                    yield Static(id="planned", classes="panel")
                    yield Static(id="week-so-far", classes="panel")
            with Horizontal(id="step-people", classes="review-step"):
                with Vertical(id="follow-ups-panel", classes="panel"):
                    yield PagedTable(id="follow-ups-table")
                with Vertical(id="interactions-panel", classes="panel"):
                    yield DataTable(id="interactions-table", cursor_type="row", zebra_stripes=True)
            with Vertical(id="step-actions", classes="review-step"):
                with Vertical(id="actions-panel", classes="panel"):
                    yield DataTable(id="actions-table", cursor_type="row", zebra_stripes=True)
            with Vertical(id="step-perception", classes="review-step"):
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
            with Horizontal(id="step-focus", classes="review-step"):
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
                    yield Static(id="last-week")
        yield CareerFooter()

    def on_mount(self) -> None:
        self._columns(
            "wins-table",
            ("Day", 6),
            ("Win", None),
            ("Impact", None),
            ("", 12),
        )
        self._columns("follow-ups-table", ("Due", 6), ("", 10), ("Follow-up", None))
        self._columns(
            "interactions-table", ("Day", 6), ("Who", None), ("Channel", 7), ("Notes", None)
        )
        self.query_one("#wins-panel").border_title = "This week's wins"
        self.query_one("#follow-ups-panel").border_title = "Follow-ups due"
        self.query_one("#interactions-panel").border_title = "Interactions this week"
        self.query_one("#actions-panel").border_title = "Key actions this week"
        self.query_one("#ratings-panel").border_title = "Quick perception check"
        self.query_one("#ratings-trend-panel").border_title = "Your recent checks"
        self.query_one("#focus-panel").border_title = "Next week's focus"
        self.query_one("#last-week-panel").border_title = "Last week's focus"
        self.query_one("#planned").border_title = "Last week's focus"
        self.query_one("#week-so-far").border_title = "This week so far"
        for panel_id in STEP_PANELS.values():
            self.query_one(f"#{panel_id}").can_focus = True
        self.watch_step(self.step)

    def _columns(self, table_id: str, *columns: tuple[str, int | None]) -> None:
        table = self.query_one(f"#{table_id}", DataTable)
        for label, width in columns:
            table.add_column(label, width=width)

    # -- arriving and leaving ----------------------------------------------------------------------
    def on_screen_suspend(self) -> None:
        self.to_modal = isinstance(self.app.screen, ModalScreen)

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

    async def show_data(self) -> None:
        """Show what `load` read."""
        data = self.data
        if not data:
            return
        self._show_status()
        await self.fill_tables()
        self._show_ratings_hint(data["perception"])
        self.query_one("#ratings-trend", Static).update(
            trend_lines(data["perception_series"], RATING_LABELS)
        )
        self._show_last_week(data["last_week"])
        self._show_week_so_far()

    async def fill_tables(self, *, resized_only: bool = False) -> None:
        """Fill the four tables, cutting cells to each table's width; with `resized_only`, only
        those whose width changed since (a hidden step's tables have no width until shown)."""
        data, today = self.data, self.today()
        for table_id in ("wins-table", "follow-ups-table", "interactions-table", "actions-table"):
            width = self.query_one(f"#{table_id}", DataTable).scrollable_content_region.width
            if resized_only and self.filled_at.get(table_id) == width:
                continue
            if table_id == "wins-table":
                self._fill_wins(data["wins"])
            elif table_id == "follow-ups-table":
                await self._fill_follow_ups(data["follow_ups"])
            elif table_id == "interactions-table":
                self._fill_interactions(data["interactions"])
            else:
                self._fill_actions(data["actions"], data["checkins"], today)
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
        data = self.data
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
            ),
            Content.from_markup(
                "Weekly review streak: [b $accent]$n[/] $weeks", n=str(streak), weeks=weeks
            ),
        ]
        if self.dirty:
            parts.append(Content.from_markup("[b $warning]● unsaved changes[/] [dim]ctrl+s[/]"))
        elif review is not None:
            saved = date.fromisoformat(review["date"]).strftime("%a %d %b")
            parts.append(Content.from_markup("[$success]✓ saved $d[/]", d=saved))
        else:
            parts.append(Content.from_markup("[dim]not saved yet this week[/]"))
        self.query_one("#review-status", Static).update(Content("   ·   ").join(parts))

    def watch_dirty(self) -> None:
        if self.data:
            self._show_status()

    def _fill_wins(self, wins: list[dict[str, Any]]) -> None:
        table = self.query_one("#wins-table", DataTable)
        keep = current_key(table)
        table.clear()
        unmeasured = 0
        free = room(table, 6 + 12, 4)
        title_width = free * 55 // 100
        for win in wins:
            impact = str(win["impact"] or "").strip()
            measured = any(ch.isdigit() for ch in impact)
            unmeasured += not measured
            flag = ("⚑ no impact" if not impact else "⚑ unmeasured") if not measured else ""
            table.add_row(
                cell(_day(win["date"])),
                cell(win["title"], title_width),
                cell(impact, free - title_width),
                cell(flag, style="bold yellow"),
                key=str(win["id"]),
            )
        fit_columns(table)
        restore_cursor(table, keep)
        self.query_one("#wins-panel").border_title = f"This week's wins · {len(wins)}"
        summary = self.query_one("#wins-summary", Static)
        if not wins:
            summary.update(
                Content.from_markup(
                    "[$warning]No wins recorded this week.[/] Press [b]a[/b] to add one: even a "
                    "small one, written down, counts at review time."
                )
            )
        elif unmeasured:
            summary.update(
                Content.from_markup(
                    "[$warning]$n of $t wins have no measured impact.[/] Select one and press "
                    "[b]e[/b]: add the number (time saved, revenue, people helped).",
                    n=str(unmeasured),
                    t=str(len(wins)),
                )
            )
        else:
            summary.update(
                Content.from_markup("[$success]Every win this week has a measured impact.[/]")
            )

    async def _fill_follow_ups(self, items: list[dict[str, Any]]) -> None:
        """The follow-ups due, a page at a time (a file with years of contacts has thousands)."""
        table = self.query_one("#follow-ups-table", PagedTable)
        self.follow_ups = items
        free = room(table, 6 + 10, 3)

        async def page(offset: int, limit: int) -> Page:
            rows: Page = []
            for index, item in enumerate(items[offset : offset + limit], start=offset):
                key = f"{item['kind']}-{item['interaction_id'] or item['contact_id']}-{index}"
                overdue = int(item["days_overdue"])
                late = (
                    cell("today", style="bold")
                    if overdue == 0
                    else cell(f"{overdue}d late", style="bold red" if overdue > 7 else "yellow")
                )
                due = cell(date.fromisoformat(item["due"]).strftime("%d %b"))
                rows.append((key, (due, late, cell(item["text"], free))))
            return rows

        await table.reload(page, keep=True)
        fit_columns(table)
        self.query_one("#follow-ups-panel").border_title = f"Follow-ups due · {len(items)}"

    def _follow_up(self, key: str) -> dict[str, Any] | None:
        """The follow-up of the row `key` (`kind-id-index`)."""
        index = int(key.rsplit("-", 1)[1])
        return self.follow_ups[index] if 0 <= index < len(self.follow_ups) else None

    def _fill_interactions(self, rows: list[dict[str, Any]]) -> None:
        table = self.query_one("#interactions-table", DataTable)
        keep = current_key(table)
        table.clear()
        free = room(table, 6 + 7, 4)
        for row in rows:
            table.add_row(
                cell(_day(row["date"])),
                cell(row["contact"], free * 35 // 100),
                cell(row["channel"] or ""),
                cell(row["notes"], free * 65 // 100),
                key=str(row["id"]),
            )
        fit_columns(table)
        restore_cursor(table, keep)
        self.query_one("#interactions-panel").border_title = f"Interactions this week · {len(rows)}"

    def _fill_actions(
        self, actions: list[dict[str, Any]], checkins: dict[int, dict[str, bool]], today: date
    ) -> None:
        table = self.query_one("#actions-table", DataTable)
        keep = current_key(table)
        # The week's days as one column: spaced out when there is room, else packed, so that
        # streak and strength still fit 80 columns.
        wide = (table.scrollable_content_region.width or FALLBACK_WIDTH) >= WIDE_WEEK
        gap = " " if wide else ""
        week = gap.join(DAY_LETTERS)
        table.clear(columns=True)
        self._columns(
            "actions-table",
            ("Action", None),
            ("Cadence", 8),
            (week, len(week)),
            ("This period", 14),
            ("Streak", 6),
            ("Strength", 8),
        )
        self.action_titles.clear()
        days = week_days(today)
        free = room(table, 8 + len(week) + 14 + 6 + 8, 6)
        for action in actions:
            marks = checkins.get(int(action["id"]), {})
            strip = Text(gap).join(self._day_mark(day, marks, today) for day in days)
            self.action_titles[str(action["id"])] = action["title"]
            table.add_row(
                cell(action["title"], free),
                cell(action["cadence"], style="dim"),
                strip,
                self._period_cell(action, marks, today),
                cell(str(action["streak"]), style="bold" if action["streak"] else "dim"),
                cell(f"{action['strength']}%"),
                key=str(action["id"]),
            )
        fit_columns(table)
        restore_cursor(table, keep)
        self.query_one("#actions-panel").border_title = f"Key actions this week · {len(actions)}"

    @staticmethod
    def _day_mark(day: date, marks: dict[str, bool], today: date) -> Text:
        skip = marks.get(day.isoformat())
        if skip is False:
            return Text("✓", style="bold green")
        if skip is True:
            return Text("–", style="yellow")
        if day > today:
            return Text(" ")
        return Text("·", style="bold" if day == today else "dim")

    @staticmethod
    def _period_cell(action: dict[str, Any], marks: dict[str, bool], today: date) -> Text:
        tally = week_tally(action["cadence"], marks, today)
        met, target = int(action["met_this_period"]), int(action["target"])
        if tally is not None:
            done, days = tally
            text = f"{done}/{days} days"
            good = done == days
        else:
            unit = "month" if action["cadence"].startswith("monthly") else "week"
            text = f"{met}/{target} {unit}"
            good = met >= target
        if good:
            return cell(f"✓ {text}", style="green")
        return cell(
            text + (" · due" if action["due_today"] else ""),
            style="yellow" if action["due_today"] else "",
        )

    def _show_ratings_hint(self, perception: dict[str, Any] | None) -> None:
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

    def _show_last_week(self, review: dict[str, Any] | None) -> None:
        """Last week's focus beside this week's wins (did the plan happen?) and beside next
        week's priorities (is it the same list again?)."""
        full = self.query_one("#last-week", Static)
        planned = self.query_one("#planned", Static)
        if review is None:
            full.update(Content.from_markup("[dim]No review last week.[/]"))
            planned.update(Content.from_markup("[dim]No review last week.[/]"))
            return
        title = f"Last week's focus · {review['week']}"
        self.query_one("#last-week-panel").border_title = title
        planned.border_title = title
        lines = focus_lines(review["focus"])
        planned.update(Content("\n").join(lines))
        if str(review["notes"] or "").strip():
            lines.append(compose(("\nNotes\n", "bold $text-muted"), review["notes"].strip()))
        full.update(Content("\n").join(lines))

    def _show_week_so_far(self) -> None:
        data = self.data
        wins = data["wins"]
        measured = sum(1 for w in wins if any(ch.isdigit() for ch in str(w["impact"] or "")))
        checkins = sum(
            1 for marks in data["checkins"].values() for skip in marks.values() if not skip
        )
        figures = (
            ("Wins", f"{len(wins)}", f"{measured} measured"),
            ("Interactions", f"{len(data['interactions'])}", ""),
            ("Follow-ups due", f"{len(data['follow_ups'])}", ""),
            ("Check-ins", f"{checkins}", f"{len(data['actions'])} actions"),
        )
        self.query_one("#week-so-far", Static).update(
            Content("\n").join(
                Content.assemble(
                    (f"{label:<16}", "$text-muted"),
                    (f"{value:>3}", "bold"),
                    (f"  {note}" if note else "", "dim"),
                )
                for label, value, note in figures
            )
        )

    # -- the week's fields: resume without losing what is being typed ------------------------------
    def _fill_fields(self, data: dict[str, Any]) -> None:
        review, perception = data["review"], data["perception"]
        priorities = split_focus(review["focus"] if review else "")
        values = {f"priority-{n}": priorities[n - 1] for n in range(1, MAX_PRIORITIES + 1)}
        values["review-notes"] = review["notes"] if review else ""
        for name in PERCEPTION_RATINGS:
            score = perception[name] if perception else None
            values[f"rating-{name}"] = "" if score is None else str(score)
        new_week = data["week"] != self.week
        self.week = data["week"]
        for field_id, raw in values.items():
            value = printable(raw or "")
            widget = self.query_one(f"#{field_id}")
            if new_week or _field_value(widget) == self.baseline.get(field_id, ""):
                self._set_field(widget, value)
            self.baseline[field_id] = value
        self._update_dirty()

    @staticmethod
    def _set_field(widget: Widget, value: str) -> None:
        if isinstance(widget, TextArea):
            if widget.text != value:
                widget.load_text(value)
        elif isinstance(widget, Input):
            widget.value = value

    def _current_values(self) -> dict[str, str]:
        return {field_id: _field_value(self.query_one(f"#{field_id}")) for field_id in FIELD_IDS}

    def _update_dirty(self) -> None:
        current = self._current_values()
        self.dirty = any(current[f] != self.baseline.get(f, "") for f in FIELD_IDS)

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _field_changed(self) -> None:
        if self.week:
            self._update_dirty()

    # -- saving ----------------------------------------------------------------------------------
    def action_save(self) -> None:
        self.save()

    @work(exclusive=True, group="save")
    async def save(self) -> None:
        await keys_handled(self.query_one(f"#{field_id}") for field_id in FIELD_IDS)
        values = self._current_values()
        priorities = [values[f"priority-{n}"] for n in range(1, MAX_PRIORITIES + 1)]
        ratings = {name: values[f"rating-{name}"] for name in PERCEPTION_RATINGS}
        try:
            saved: ReviewSaved = await self.change(
                save_review, self.today(), priorities, values["review-notes"], ratings
            )
        except ValidationError as exc:
            if exc.field in PERCEPTION_RATINGS:
                self.step = 3
                self.call_after_refresh(self.query_one(f"#rating-{exc.field}").focus)
            self.report(exc)
            return
        except Exception as exc:  # noqa: BLE001 - refused writes become a notification
            self.report(exc)
            return
        self.baseline.update(values)
        self._update_dirty()
        self.notify(f"Saved week {saved.week}", markup=False)
        self.refresh_data()

    # -- step keys -------------------------------------------------------------------------------
    def _selected(self, table_id: str) -> str | None:
        return current_key(self.query_one(f"#{table_id}", DataTable))

    def action_add_win(self) -> None:
        self.open_form("win", values={"date": self.today().isoformat()})

    def action_add_interaction(self) -> None:
        self.open_form("interaction", values={"date": self.today().isoformat()})

    def action_edit(self) -> None:
        focused = self.focused
        if isinstance(focused, DataTable) and focused.id:
            self._edit_row(focused.id, self._selected(focused.id))

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id:
            self._edit_row(event.data_table.id, event.row_key.value)

    def _edit_row(self, table_id: str, key: str | None) -> None:
        if key is None:
            return
        if table_id == "wins-table":
            self.open_form("win", int(key))
        elif table_id == "interactions-table":
            self.open_form("interaction", int(key))
        elif table_id == "actions-table":
            self.open_form("action", int(key))
        elif table_id == "follow-ups-table" and (item := self._follow_up(key)) is not None:
            self._resolve(item, edit=True)

    def action_done(self) -> None:
        key = self._selected("follow-ups-table")
        if key is not None and (item := self._follow_up(key)) is not None:
            self._resolve(item, edit=False)

    def _resolve(self, item: dict[str, Any], *, edit: bool) -> None:
        """A follow-up of an interaction is edited or marked done; a stay-in-touch reminder is
        resolved by logging a new interaction with that contact."""
        if item["kind"] != "interaction":
            self.open_form(
                "interaction",
                values={"contact_id": item["contact_id"], "date": self.today().isoformat()},
            )
        elif edit:
            self.open_form("interaction", int(item["interaction_id"]))
        else:
            self.mark_done(int(item["interaction_id"]), item["contact"])

    @work(group="review-change")
    async def mark_done(self, interaction_id: int, contact: str) -> None:
        try:
            await self.change(complete_follow_up, interaction_id, self.today())
        except Exception as exc:  # noqa: BLE001
            self.report(exc)
            return
        self.notify(f"Follow-up with {one_line(contact, 60)} done", markup=False)
        self.refresh_data()

    def action_check_in(self) -> None:
        self._check_in(skip=False)

    def action_skip(self) -> None:
        self._check_in(skip=True)

    def _check_in(self, *, skip: bool) -> None:
        key = self._selected("actions-table")
        if key is not None:
            self.check_in(int(key), self.action_titles.get(key, ""), skip)

    @work(group="review-change")
    async def check_in(self, action_id: int, title: str, skip: bool) -> None:
        today = self.today()
        try:
            await self.change(lambda store: store.check_in(action_id, today, today, skip=skip))
        except Exception as exc:  # noqa: BLE001
            self.report(exc)
            return
        verb = "Skipped today" if skip else "Checked in"
        self.notify(f"{verb}: {one_line(title, 60)}", markup=False)
        self.refresh_data()
