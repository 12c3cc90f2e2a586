"""Review step 1, Wins: this week's wins and which lack a measured impact, beside last week's
focus (did the plan happen?) and the week's figures so far."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import DataTable, Static

from careertui.widgets.paged import current_key, fit_to_content, restore_cursor
from careertui.widgets.review.common import (
    HorizontalStep,
    RecordChosen,
    add_columns,
    day_label,
    focus_lines,
    room,
)
from careertui.widgets.safe import cell


def measured(impact: str) -> bool:
    """An impact counts as measured when it holds a number."""
    return any(ch.isdigit() for ch in impact)


class WinsStep(HorizontalStep):
    TABLES = ("wins-table",)
    KINDS = {"wins-table": "win"}

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.unmeasured_ids: set[str] = set()
        """The rows whose win has no measured impact: e opens its form on the impact."""

    def choose(self, table_id: str, key: str | None) -> None:
        if key is not None:
            focus = "impact" if key in self.unmeasured_ids else ""
            self.post_message(RecordChosen("win", int(key), focus))

    def compose(self) -> ComposeResult:
        with Vertical(id="wins-main"):
            with Vertical(id="wins-panel", classes="panel"):
                yield DataTable(id="wins-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="wins-summary")
        with Vertical(id="wins-side"):
            yield Static(id="planned", classes="panel")
            yield Static(id="week-so-far", classes="panel")

    def on_mount(self) -> None:
        add_columns(
            self.query_one("#wins-table", DataTable),
            ("Day", 6),
            ("Win", None),
            ("Impact", None),
            ("", 12),
        )
        self.query_one("#wins-panel").border_title = "This week's wins"
        self.query_one("#planned").border_title = "Last week's focus"
        self.query_one("#week-so-far").border_title = "This week so far"

    async def fill_table(self, table_id: str, data: dict[str, Any], today: date) -> None:
        wins = data["wins"]
        table = self.query_one("#wins-table", DataTable)
        keep = current_key(table)
        table.clear()
        unmeasured = 0
        self.unmeasured_ids.clear()
        # In a narrow panel the flag is the mark alone, so the title and impact are not cut to
        # make room for a word (and the rows need no horizontal scroll).
        flag_column = table.ordered_columns[-1]
        wide = room(table, 6 + 12, 4) > 20
        flag_column.width = 12 if wide else 1
        free = room(table, 6 + flag_column.width, 4)
        title_width = free * 55 // 100
        for win in wins:
            impact = str(win["impact"] or "").strip()
            is_measured = measured(impact)
            unmeasured += not is_measured
            if not is_measured:
                self.unmeasured_ids.add(str(win["id"]))
            flag = ("⚠ unmeasured" if wide else "⚠") if not is_measured else ""
            table.add_row(
                cell(day_label(win["date"])),
                cell(win["title"], title_width),
                cell(impact, free - title_width),
                cell(flag, style="bold yellow"),
                key=str(win["id"]),
            )
        fit_to_content(table)
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
                    "[$warning]$n of $t wins are unmeasured (no number).[/] Select one and press "
                    "[b]e[/b]: add the number (time saved, revenue, people helped).",
                    n=str(unmeasured),
                    t=str(len(wins)),
                )
            )
        else:
            summary.update(
                Content.from_markup("[$success]Every win this week has a measured impact.[/]")
            )

    def show(self, data: dict[str, Any]) -> None:
        planned = self.query_one("#planned", Static)
        review = data["last_week"]
        if review is None:
            planned.update(Content.from_markup("[dim]No review last week.[/]"))
        else:
            planned.border_title = f"Last week's focus · {review['week']}"
            planned.update(Content("\n").join(focus_lines(review["focus"])))
        self.show_week_so_far(data)

    def show_week_so_far(self, data: dict[str, Any]) -> None:
        wins = data["wins"]
        count = sum(1 for w in wins if measured(str(w["impact"] or "")))
        checkins = sum(
            1 for marks in data["checkins"].values() for skip in marks.values() if not skip
        )
        actions = data["actions"]
        met = sum(1 for a in actions if a["met_this_period"] >= a["target"])
        figures = (
            ("Wins", f"{len(wins)}", f"{count} measured"),
            ("Interactions", f"{len(data['interactions'])}", ""),
            ("Follow-ups due", f"{len(data['follow_ups'])}", ""),
            ("Check-ins", f"{checkins}", "this week"),
            ("Key actions", f"{met} of {len(actions)}", "met"),
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
