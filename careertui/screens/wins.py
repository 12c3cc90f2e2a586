"""Wins (`4`): the wins list, the job description's responsibilities, review readiness.

Know your job description inside out and prepare the review all year: every win is linked to a
responsibility, measured (an impact with a number), and shared with the people who decide. The
wins list is paged in SQL (10,000 wins cost one page); the readiness figures come from
`compute_stats`, the same object `careertui stats --json` prints.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import DataTable, Header

from careertui.screens.base import CareerScreen
from careertui.store import wins
from careertui.store.wins import ALL, UNLINKED
from careertui.tui.review_actions import ReviewActions
from careertui.widgets.footer import CareerFooter
from careertui.widgets.paged import (
    FilterBox,
    Page,
    PagedTable,
    current_key,
    filter_open,
    fit_widths,
    set_columns,
    tones,
)
from careertui.widgets.readiness import ReadinessMeter
from careertui.widgets.wins.responsibilities import (
    RESPONSIBILITY_COLUMNS,
    RESPONSIBILITY_FIT,
    ResponsibilitiesPanel,
)
from careertui.widgets.wins.wins_list import WIN_COLUMNS, WIN_FIT, WinsPanel, win_cells

if TYPE_CHECKING:
    from careertui.store import Store


def _side(
    store: Store, today: date, text: str, responsibility: int, in_period: bool
) -> dict[str, Any]:
    """The counts, the responsibilities and the review period (fast: a few indexed queries)."""
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


class WinsScreen(ReviewActions, CareerScreen):
    """Wins against the job description, and how ready the review is."""

    TITLE = "Wins"
    CSS_PATH = "wins.tcss"
    HELP = (
        "Record every win against a line of your job description; do not be modest.\n"
        "Wins: / filters by text, r cycles the responsibility filter, p shows only the "
        "review period, escape clears the filters. ⚠ marks an impact without a number. "
        "tab moves to Responsibilities, where a, e, t (retire / bring back), delete "
        "and r (show its wins) work on the highlighted line. R adds a responsibility from "
        "anywhere, D sets the review dates, x writes a packet: review, week or month, "
        "Markdown or HTML, for everyone or one contact, redacted or not."
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
        Binding("x", "export", "Packet"),
        Binding("escape", "clear_filters", "Clear filters"),
    ]

    filter_text: reactive[str] = reactive("", bindings=True)
    responsibility: reactive[int] = reactive(ALL, bindings=True)
    in_period: reactive[bool] = reactive(False, bindings=True)

    def __init__(self) -> None:
        super().__init__()
        self._widths: tuple[dict[str, int] | None, ...] | None = None
        """Fixed column widths of the two tables (`fit_widths`), None where content sizes them."""

    # -- building ------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        yield WinsPanel(id="wins-panel", classes="panel")
        with Horizontal(id="wins-bottom"):
            yield ResponsibilitiesPanel(id="responsibilities-panel", classes="panel")
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
        widths = (
            fit_widths(room, WIN_FIT, first=("title",)),
            fit_widths(side - 3, RESPONSIBILITY_FIT),
        )
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
            rows = await self.fetch(
                lambda store: wins.wins_page(
                    store,
                    today,
                    text=text,
                    responsibility=responsibility,
                    in_period=in_period,
                    limit=limit,
                    offset=offset,
                )
            )
            return [(str(r["id"]), win_cells(r, palette)) for r in rows]

        await self.query_one("#wins-table", PagedTable).reload(page, keep=True)
        side = await self.fetch(_side, today, text, responsibility, in_period)
        self.responsibilities().show(side["responsibilities"], self.responsibility, palette)
        self._show_wins_state(side["count"], side["total"])
        # The readiness figures take longest (every number of docs/FORMULAS.md): they come last.
        self._show_readiness(await self.fetch(_readiness, today), side["period"])

    def _show_wins_state(self, count: int, total: int) -> None:
        filters: list[tuple[str, str] | str] = []
        if self.responsibility == UNLINKED:
            filters.append((" · linked to no responsibility", "bold"))
        elif self.responsibility != ALL:
            filters += [(" · ", "dim"), self.responsibilities().title_of(self.responsibility)]
        if self.in_period:
            filters.append((" · review period", "bold"))
        if self.filter_text:
            filters += [(" · matching “", "dim"), self.filter_text, ("”", "dim")]
        self.query_one(WinsPanel).show_state(count, total, filters)

    def responsibilities(self) -> ResponsibilitiesPanel:
        return self.query_one(ResponsibilitiesPanel)

    def _show_readiness(self, readiness: dict[str, Any], period: tuple[str, str]) -> None:
        panel = self.query_one("#readiness-panel")
        panel.border_subtitle = f"{period[0]} → {period[1]} · D dates · x packet"
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
        choices = [ALL, *(row["id"] for row in self.responsibilities().rows), UNLINKED]
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
        return self.responsibilities().selected()

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
            await self.change(wins.set_active, responsibility_id, active, self.today())
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
