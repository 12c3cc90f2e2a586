"""Wins (`4`): the wins list, the job description's responsibilities, review readiness.

Know your job description inside out and prepare the review all year: every win is linked to a
responsibility, measured (an impact with a number), and shared with the people who decide. The
wins list is paged in SQL (10,000 wins cost one page); the readiness figures come from
`compute_stats`, the same object `careertui stats --json` prints.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import DataTable, Header, Static

from careertui.screens.base import CareerScreen
from careertui.store.wins import ALL, UNLINKED
from careertui.widgets.footer import CareerFooter
from careertui.widgets.paged import (
    ColumnFit,
    FilterBox,
    Page,
    PagedTable,
    current_key,
    filter_open,
    fit_widths,
    restore_cursor,
    set_columns,
    tones,
)
from careertui.widgets.readiness import ReadinessMeter
from careertui.widgets.safe import cell, compose

if TYPE_CHECKING:
    from careertui.store import Store

NO_VALUE = "—"
WIN_COLUMNS = (
    ("Date", "date"),
    ("Win", "title"),
    ("Impact", "impact"),
    ("Responsibility", "responsibility"),
    ("Tags", "tags"),
)
RESPONSIBILITY_COLUMNS = (
    (" ", "mark"),
    ("Responsibility", "title"),
    ("In period", "period"),
    ("All", "all"),
)
# Narrowest and widest text per column (`fit_widths`): on a narrow screen the text columns
# shrink so every column stays in view.
WIN_FIT: tuple[ColumnFit, ...] = (
    ("date", 10, 10),
    ("title", 12, 36),
    ("impact", 10, 24),
    ("responsibility", 14, 22),
    ("tags", 6, 12),
)
RESPONSIBILITY_FIT: tuple[ColumnFit, ...] = (
    ("mark", 1, 1),
    ("title", 14, 33),
    ("period", 9, 9),
    ("all", 3, 3),
)


def _side(
    store: Store, today: date, text: str, responsibility: int, in_period: bool
) -> dict[str, Any]:
    """The counts, the responsibilities and the review period (fast: a few indexed queries)."""
    from careertui.store import wins

    period = wins.review_window(store, today)
    return {
        "count": wins.count_wins(
            store, today, text=text, responsibility=responsibility, in_period=in_period
        ),
        "total": wins.count_wins(store, today),
        "responsibilities": wins.responsibilities(store, today),
        "period": (period.start.isoformat(), period.end.isoformat()),
    }


def _readiness(store: Store, today: date) -> dict[str, Any]:
    """The readiness object of `careertui stats --json`."""
    from careertui.store.overview import shared_stats

    return dict(shared_stats(store, today)["readiness"])


def _wins(
    store: Store,
    today: date,
    text: str,
    responsibility: int,
    in_period: bool,
    limit: int,
    offset: int,
) -> list[dict[str, Any]]:
    from careertui.store import wins

    return wins.wins_page(
        store,
        today,
        text=text,
        responsibility=responsibility,
        in_period=in_period,
        limit=limit,
        offset=offset,
    )


def _retire(store: Store, responsibility_id: int, active: bool, today: date) -> None:
    from careertui.store import wins

    wins.set_active(store, responsibility_id, active, today)


def _export(store: Store, today: date, folders: list[Path]) -> Path:
    from careertui.store import wins

    return wins.export_review_packet(store, today, folders)


def win_cells(row: dict[str, Any], palette: dict[str, str]) -> tuple[Any, ...]:
    """A wins-table row. An impact without a digit is marked ⚠: not measured, not evidence."""
    if row["measured"]:
        impact = cell(row["impact"], 24, palette["success"])
    else:
        impact = Text.assemble(
            ("⚠ ", f"bold {palette['warning']}"),
            cell(row["impact"] or "unmeasured", 22, "dim italic"),
        )
        impact.no_wrap, impact.overflow = True, "ellipsis"
    tags = " ".join(f"#{tag}" for tag in (row["tags"] or "").split())
    return (
        Text(row["date"] or ""),
        cell(row["title"], 36, "bold"),
        impact,
        cell(row["responsibility"] or NO_VALUE, 22, "" if row["responsibility"] else "dim"),
        cell(tags, 12, palette["accent"]),
    )


class WinsScreen(CareerScreen):
    """Wins against the job description, and how ready the review is."""

    TITLE = "Wins"
    CSS_PATH = "wins.tcss"
    HELP = (
        "Record every win against a line of your job description; do not be modest.\n"
        "Wins: / filters by text, r cycles the responsibility filter, p shows only the "
        "review period, escape clears the filters. ⚠ marks an impact without a number. "
        "tab moves to Responsibilities, where a, e, t (retire / bring back), delete "
        "and r (show its wins) work on the highlighted line. R adds a responsibility from "
        "anywhere, D sets the review dates, x exports the review packet (Markdown)."
    )
    BINDINGS = [
        Binding("a", "add_win", "Add win"),
        Binding("a", "add_responsibility", "Add responsibility"),
        Binding("e", "edit_win", "Edit"),
        Binding("e", "edit_responsibility", "Edit"),
        Binding("delete", "delete_win", "Delete"),
        Binding("delete", "delete_responsibility", "Delete"),
        Binding("slash", "filter", "Filter"),
        Binding("r", "cycle_responsibility", "Responsibility"),
        Binding("r", "show_responsibility", "Show its wins"),
        Binding("t", "retire", "Retire / restore"),
        Binding("p", "toggle_period", "Period"),
        Binding("R", "add_responsibility", "Add responsibility", show=False),
        Binding("D", "review_dates", "Review dates"),
        Binding("x", "export", "Export"),
        Binding("escape", "clear_filters", "Clear filters"),
    ]

    filter_text: reactive[str] = reactive("", bindings=True)
    responsibility: reactive[int] = reactive(ALL, bindings=True)
    in_period: reactive[bool] = reactive(False, bindings=True)

    def __init__(self) -> None:
        super().__init__()
        self.responsibility_rows: list[dict[str, Any]] = []
        self._widths: tuple[dict[str, int] | None, ...] | None = None
        """Fixed column widths of the two tables (`fit_widths`), None where content sizes them."""

    # -- building ------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="wins-panel", classes="panel"):
            yield FilterBox(
                placeholder="filter wins by title, impact, tags, shared with, notes…",
                for_list="#wins-table",
                id="wins-filter",
            )
            yield PagedTable(id="wins-table")
            yield Static("", id="wins-empty", classes="empty")
        with Horizontal(id="wins-bottom"):
            with Vertical(id="responsibilities-panel", classes="panel"):
                yield DataTable(id="responsibilities-table", cursor_type="row")
                yield Static("", id="responsibilities-empty", classes="empty")
            with VerticalScroll(id="readiness-panel", classes="panel"):
                yield ReadinessMeter(gaps=None, id="readiness")
        yield CareerFooter()

    def on_mount(self) -> None:
        self.fit_columns()
        self.query_one("#readiness-panel").border_title = "Review readiness"
        self.query_one("#readiness-panel").can_focus = False
        self.query_one("#wins-table").focus()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if self.focused is None or not self.focused.display:
            self.query_one("#wins-table").focus()

    def fit_columns(self) -> bool:
        """Size both tables' columns to the screen's width; True when any changed."""
        room = self.width_now() - 5  # margins, border, scrollbar
        side = self.query_one("#responsibilities-panel").size.width or (self.width_now() - 2) // 2
        widths = (fit_widths(room, WIN_FIT), fit_widths(side - 3, RESPONSIBILITY_FIT))
        if widths == self._widths:
            return False
        self._widths = widths
        self.query_one("#wins-table", PagedTable).set_columns(WIN_COLUMNS, widths[0])
        responsibilities = self.query_one("#responsibilities-table", DataTable)
        set_columns(responsibilities, RESPONSIBILITY_COLUMNS, widths[1])
        return True

    # -- loading -------------------------------------------------------------------------------
    async def load(self) -> None:
        today = self.today()
        text, responsibility, in_period = self.filter_text, self.responsibility, self.in_period
        palette = tones(self.app)
        self.fit_columns()

        async def page(offset: int, limit: int) -> Page:
            rows = await self.fetch(_wins, today, text, responsibility, in_period, limit, offset)
            return [(str(r["id"]), win_cells(r, palette)) for r in rows]

        await self.query_one("#wins-table", PagedTable).reload(page, keep=True)
        side = await self.fetch(_side, today, text, responsibility, in_period)
        self._show_responsibilities(side["responsibilities"], palette)
        self._show_wins_state(side["count"], side["total"])
        # The readiness figures take longest (every stat of SPEC §3): they come last.
        self._show_readiness(await self.fetch(_readiness, today), side["period"])

    def _show_wins_state(self, count: int, total: int) -> None:
        parts: list[tuple[str, str] | str] = [("Wins ", ""), (f"{count:,}", "bold")]
        if count != total:
            parts.append((f" of {total:,}", "dim"))
        if self.responsibility == UNLINKED:
            parts.append((" · linked to no responsibility", "bold"))
        elif self.responsibility != ALL:
            parts += [(" · ", "dim"), self._responsibility_title(self.responsibility)]
        if self.in_period:
            parts.append((" · review period", "bold"))
        if self.filter_text:
            parts += [(" · matching “", "dim"), self.filter_text, ("”", "dim")]
        parts.append((" · newest first", "dim"))
        panel = self.query_one("#wins-panel")
        panel.border_title = compose(*parts)
        panel.border_subtitle = "/ filter · r responsibility · p period · ⚠ no number in impact"
        empty = self.query_one("#wins-empty", Static)
        empty.display = count == 0
        empty.update(
            "No win matches these filters (escape clears them)."
            if count != total
            else "No wins yet. Press a to record one: what you did, and its impact in numbers."
        )

    def _responsibility_title(self, responsibility_id: int) -> str:
        for row in self.responsibility_rows:
            if row["id"] == responsibility_id:
                return str(row["title"])
        return "(a removed responsibility)"

    def _show_responsibilities(self, rows: list[dict[str, Any]], palette: dict[str, str]) -> None:
        self.responsibility_rows = rows
        table = self.query_one("#responsibilities-table", DataTable)
        key = current_key(table)
        table.clear()
        for row in rows:
            active = bool(row["active"])
            chosen = row["id"] == self.responsibility
            gap = active and not row["wins"]
            table.add_row(
                Text("▶" if chosen else " ", style=f"bold {palette['accent']}"),
                cell(
                    row["title"] + ("" if active else " (retired)"),
                    34,
                    "bold" if active else "dim strike",
                ),
                Text(
                    str(row["wins"]).rjust(9),
                    style=f"bold {palette['warning']}" if gap else palette["success"],
                ),
                Text(str(row["total"]).rjust(3), style="dim"),
                key=str(row["id"]),
            )
        restore_cursor(table, key)
        active_rows = [r for r in rows if r["active"]]
        covered = sum(1 for r in active_rows if r["wins"])
        panel = self.query_one("#responsibilities-panel")
        panel.border_title = compose(
            ("Responsibilities ", ""),
            (f"{covered}/{len(active_rows)}", "bold"),
            (" covered in the review period", "dim"),
        )
        panel.border_subtitle = "a add · e edit · t retire · r show wins"
        empty = self.query_one("#responsibilities-empty", Static)
        empty.display = not rows
        empty.update("Add the lines of your job description (R): each win links to one.")

    def _show_readiness(self, readiness: dict[str, Any], period: tuple[str, str]) -> None:
        panel = self.query_one("#readiness-panel")
        panel.border_subtitle = f"{period[0]} → {period[1]} · D dates · x export"
        self.query_one("#readiness", ReadinessMeter).show(readiness)

    # -- focus-dependent keys ------------------------------------------------------------------
    def _in_responsibilities(self) -> bool:
        return self.focused is not None and self.focused.id == "responsibilities-table"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        panel = self._in_responsibilities()
        if action in ("add_win", "edit_win", "delete_win", "cycle_responsibility"):
            return not panel
        if action in (
            "edit_responsibility",
            "delete_responsibility",
            "retire",
            "show_responsibility",
        ):
            return panel
        if action == "clear_filters":
            return bool(
                self.filter_text
                or filter_open(self)
                or self.in_period
                or self.responsibility != ALL
            )
        return True

    # -- wins ----------------------------------------------------------------------------------
    def _win_id(self) -> int | None:
        key = self.query_one("#wins-table", PagedTable).current_key()
        return int(key) if key else None

    def action_add_win(self) -> None:
        values: dict[str, Any] = {"date": "today"}
        if self.responsibility not in (ALL, UNLINKED):
            values["responsibility_id"] = self.responsibility
        self.open_form("win", values=values)

    def action_edit_win(self) -> None:
        win_id = self._win_id()
        if win_id is None:
            self.notify("No win to edit: press a to add one.", severity="warning")
            return
        self.open_form("win", win_id)

    def action_delete_win(self) -> None:
        table = self.query_one("#wins-table", PagedTable)
        key = table.current_key()
        if key is None:
            return
        title = table.get_row(key)[1]
        self.confirm_delete("win", int(key), getattr(title, "plain", str(title)))

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.data_table.id == "responsibilities-table":
            self.action_edit_responsibility()
        else:
            self.action_edit_win()

    def open_record(self, kind: str, record_id: int) -> None:
        """A search hit: its form."""
        if kind in ("win", "responsibility"):
            self.open_form(kind, record_id)

    # -- filters -------------------------------------------------------------------------------
    def action_filter(self) -> None:
        self.query_one("#wins-filter", FilterBox).open()
        self.refresh_bindings()

    @on(FilterBox.Applied, "#wins-filter")
    def _filter_applied(self, event: FilterBox.Applied) -> None:
        if event.text != self.filter_text:
            self.filter_text = event.text
            self._reload_from_top()

    def _reload_from_top(self) -> None:
        self.query_one("#wins-table", PagedTable).clear()
        self.refresh_data()

    def action_cycle_responsibility(self) -> None:
        """All → each responsibility (active first) → linked to none → all."""
        choices = [ALL, *(row["id"] for row in self.responsibility_rows), UNLINKED]
        position = choices.index(self.responsibility) if self.responsibility in choices else 0
        self.responsibility = choices[(position + 1) % len(choices)]
        self._reload_from_top()

    def action_show_responsibility(self) -> None:
        key = current_key(self.query_one("#responsibilities-table", DataTable))
        if key is None:
            return
        chosen = int(key)
        self.responsibility = ALL if self.responsibility == chosen else chosen
        self._reload_from_top()

    def action_toggle_period(self) -> None:
        self.in_period = not self.in_period
        self._reload_from_top()

    def action_clear_filters(self) -> None:
        self.query_one("#wins-filter", FilterBox).close()
        self.filter_text = ""
        self.responsibility = ALL
        self.in_period = False
        self._reload_from_top()

    # -- responsibilities ----------------------------------------------------------------------
    def _responsibility(self) -> dict[str, Any] | None:
        key = current_key(self.query_one("#responsibilities-table", DataTable))
        return next((r for r in self.responsibility_rows if str(r["id"]) == key), None)

    def action_add_responsibility(self) -> None:
        self.open_form(
            "responsibility",
            fields=("title",),
            title=Content("New responsibility (a line of your job description)").stylize("bold"),
        )

    def action_edit_responsibility(self) -> None:
        row = self._responsibility()
        if row is not None:
            self.open_form("responsibility", int(row["id"]))

    def action_delete_responsibility(self) -> None:
        row = self._responsibility()
        if row is not None:
            self.confirm_delete("responsibility", int(row["id"]), str(row["title"]))

    def action_retire(self) -> None:
        row = self._responsibility()
        if row is not None:
            self._set_active(int(row["id"]), not row["active"])

    @work(group="retire")
    async def _set_active(self, responsibility_id: int, active: bool) -> None:
        try:
            await self.change(_retire, responsibility_id, active, self.today())
        except Exception as exc:  # noqa: BLE001
            self.report(exc)
            return
        self.notify(
            "Responsibility back in the job description."
            if active
            else "Responsibility retired: it no longer counts for coverage.",
            markup=False,
        )
        self.refresh_data()

    # -- review ----------------------------------------------------------------------------------
    def action_review_dates(self) -> None:
        self._review_dates()

    @work(group="review-dates")
    async def _review_dates(self) -> None:
        """The review period in the shared form; saved with `store.set_profile`."""
        from careertui.store import Store
        from careertui.widgets.form import EntryForm

        try:
            profile = await self.fetch(lambda store: store.profile())
        except Exception as exc:  # noqa: BLE001
            self.report(exc)
            return
        db_path, today = self.career.db_path, self.today()

        def save(values: dict[str, Any]) -> bool:
            from careertui.tui.data import ReadOnlyError

            refused = self.career.refusal()
            if refused:
                raise ReadOnlyError(refused)
            with Store(db_path) as store:
                store.set_profile(values, today)
            return True

        form = EntryForm(
            "profile",
            ("review_start", "review_date"),
            save,
            today=today,
            values={k: profile.get(k) for k in ("review_start", "review_date")},
            title=Content("Review period").stylize("bold"),
            partial=True,
            note="Wins dated in [start, review date] count. Without a start the period is the "
            "365 days before the review date; without a review date, the last 365 days.",
        )

        def saved(result: Any) -> None:
            if result:
                self.notify("Review dates saved.", markup=False)
                self.refresh_data()

        # A callback, not push_screen_wait: no worker stays alive while the form is open.
        self.app.push_screen(form, callback=saved)

    def action_export(self) -> None:
        self._export()

    @work(group="export", exclusive=True)
    async def _export(self) -> None:
        folders = [self.career.db_path.parent]
        try:
            here = Path.cwd()
        except OSError:  # the current folder was removed under us
            here = None
        if here is not None and os.access(here, os.W_OK):
            folders.insert(0, here)
        try:
            path = await self.fetch(_export, self.today(), folders)
        except Exception as exc:  # noqa: BLE001
            self.report(exc)
            return
        self.notify(f"Review packet saved to {path}", title="Exported", markup=False, timeout=10)
