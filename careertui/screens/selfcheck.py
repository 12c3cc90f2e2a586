"""Self-check: how you are perceived (behaviour, language, attitude and the four questions of the
perception method) and how secure your employment is (the five pillars of the security
hierarchy), each with its history, a trend per rating and what to do next.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Header, Input, Static

from careertui.domain.records import KINDS, PERCEPTION_RATINGS, SECURITY_PILLARS
from careertui.domain.text import one_line
from careertui.screens.base import CareerScreen
from careertui.store import Store
from careertui.store.selfcheck import (
    PAGE,
    Answer,
    history_page,
    last_answers,
    selfcheck_overview,
)
from careertui.widgets.footer import CareerFooter
from careertui.widgets.form import EntryForm
from careertui.widgets.paged import current_key, fit_to_content
from careertui.widgets.ratings import rich_color
from careertui.widgets.safe import cell, compose
from careertui.widgets.selfcheck.perception import PerceptionColumn, PerceptionForm
from careertui.widgets.selfcheck.security import SecurityColumn

TABLE_KINDS = {"perception-table": "perception", "security-table": "security"}
NOTES_FALLBACK = 40
MORE_AT = 40
"""Fetch the next page of history when the cursor is this close to the last loaded row: more
than a page-down moves, so the next page is there before the cursor gets to the end."""


class SelfCheckScreen(CareerScreen):
    TITLE = "Self-check"
    CSS_PATH = "selfcheck.tcss"
    HELP = (
        "Perception: rate your behaviour, language and attitude (1-5) and answer the four "
        "questions. Security: rate the five pillars of your employment security every 90 days; "
        "the weakest one comes with a next step. tab moves between the two histories."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add"),
        Binding("p", "add_perception", "Perception"),
        Binding("s", "add_security", "Security"),
        Binding("e", "edit", "Edit"),
        Binding("delete", "delete", "Delete"),
        Binding("slash", "search", "Filter"),
        Binding("escape", "clear_search", "Clear filter", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.query_text = ""
        self.loaded: dict[str, int] = {"perception": 0, "security": 0}
        self.notes_widths: dict[str, int] = {}
        """The width each table's notes were cut to when it was last filled."""
        self.totals: dict[str, int] = {"perception": 0, "security": 0}
        self.answers: list[Answer] = []
        self.security_notes: dict[str, str] = {}
        self.to_modal = False

    # -- layout ----------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(
            placeholder="Filter checks by their notes and answers (enter keeps, esc clears)",
            id="selfcheck-filter",
            compact=True,
        )
        with Horizontal(id="selfcheck-columns"):
            yield PerceptionColumn(id="perception-column")
            yield SecurityColumn(id="security-column")
        yield CareerFooter()

    def on_mount(self) -> None:
        self._set_history_titles()

    def on_resize(self) -> None:
        """The notes column is cut to the table's width: refill if that width changed, once
        the tables are laid out at the new size (a Resize at an unchanged size, as warming and
        a first showing send, refilled them and emptied the render caches warming had filled,
        so the first visit rendered every cell again)."""
        for kind, width in self.notes_widths.items():
            table = self.query_one(f"#{kind}-table", DataTable)
            self.call_after_refresh(self._refit_notes, table, width)

    def _refit_notes(self, table: DataTable[Any], width: int) -> None:
        """A fill laid out before a size class moved the tables: refill at their width now."""
        if table.size.width and _notes_width(table) != width:
            self.refresh_data()

    def on_screen_suspend(self) -> None:
        self.to_modal = isinstance(self.app.screen, ModalScreen)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """On arrival (not back from a form or dialog) focus the perception history."""
        table = self.query_one("#perception-table", DataTable)
        if not self.to_modal and self.focused is not table:  # focus() repaints it anyway
            table.focus()
        self.to_modal = False

    # -- loading ---------------------------------------------------------------------------------
    async def load(self) -> None:
        data = await self.fetch(selfcheck_overview, self.today(), self.query_text)
        today = self.today()
        perception, security = data["perception"], data["security"]
        self.answers = perception["answers"]
        trend = self.query_one("#perception-trend", Static)
        width = trend.content_size.width or self.width_now() // 2 - 4
        self.query_one(PerceptionColumn).show(perception, today, width)
        self.query_one(SecurityColumn).show(security, width)
        for kind in ("perception", "security"):
            self.totals[kind] = data[kind]["total"]
            self._fill_table(kind, data[kind]["rows"])
        self._set_history_titles()
        self.refresh_bindings()  # edit and delete depend on there being a row to act on

    def _fill_table(self, kind: str, rows: list[dict[str, Any]], *, append: bool = False) -> None:
        table = self.query_one(f"#{kind}-table", DataTable)
        keep = None
        if not append:
            keep = current_key(table)
            table.clear()
            self.loaded[kind] = 0
            if kind == "security":
                self.security_notes.clear()
        width = _notes_width(table)
        self.notes_widths[kind] = width
        start = table.row_count
        for row in rows:
            table.add_row(*self._cells(kind, row, width), key=str(row["id"]))
        fit_to_content(table, start)
        if not append:
            self.call_after_refresh(self._refit_notes, table, width)
        self.loaded[kind] += len(rows)
        if keep is not None and keep in table.rows:
            table.move_cursor(row=table.get_row_index(keep))
        if kind == "security":
            self._show_security_notes()

    def _cells(self, kind: str, row: dict[str, Any], width: int) -> list[Text]:
        """Date, ratings and (perception) the notes or first answer; the security table shows
        the highlighted check's notes under it, for five pillars leave no room for a column."""
        names = PERCEPTION_RATINGS if kind == "perception" else SECURITY_PILLARS
        ratings = [
            cell(row[n] if row[n] is not None else "·", style=rich_color(int(row[n] or 3)))
            for n in names
        ]
        if kind == "security":
            self.security_notes[str(row["id"])] = row["notes"] or ""
            return [cell(row["date"]), *ratings]
        text = row["notes"]
        if not str(text or "").strip():
            text = next((row[q] for q in ("q1", "q2", "q3", "q4") if str(row[q] or "").strip()), "")
        return [cell(row["date"]), *ratings, cell(text, limit=width)]

    def _show_security_notes(self) -> None:
        key = current_key(self.query_one("#security-table", DataTable))
        self.query_one(SecurityColumn).show_notes(self.security_notes.get(key or "", ""))

    def _set_history_titles(self) -> None:
        for kind, label in (("perception", "Perception checks"), ("security", "Security checks")):
            panel = self.query_one(f"#{kind}-history")
            shown = f"{self.totals[kind]}"
            if self.query_text:
                panel.border_title = compose(
                    (f"{label} · {shown} matching ", ""), one_line(self.query_text, 30)
                )
            else:
                panel.border_title = Content(f"{label} · {shown}")

    # -- paging ----------------------------------------------------------------------------------
    @on(DataTable.RowHighlighted)
    def _maybe_more(self, event: DataTable.RowHighlighted) -> None:
        kind = TABLE_KINDS.get(event.data_table.id or "")
        if kind is None:
            return
        if kind == "security":
            self._show_security_notes()
        if (
            event.cursor_row >= self.loaded[kind] - MORE_AT
            and self.loaded[kind] < self.totals[kind]
        ):
            self.load_more(kind)

    @work(exclusive=True, group="more")
    async def load_more(self, kind: str) -> None:
        try:
            rows = await self.fetch(history_page, kind, self.loaded[kind], PAGE, self.query_text)
        except Exception as exc:  # noqa: BLE001 - refused reads become a notification
            self.report(exc)
            return
        self._fill_table(kind, rows, append=True)

    # -- actions ---------------------------------------------------------------------------------
    def _focused_kind(self) -> str | None:
        return TABLE_KINDS.get(self.focused.id or "") if self.focused else None

    def _selected(self) -> tuple[str, int] | None:
        kind = self._focused_kind()
        if kind is None:
            return None
        key = current_key(self.query_one(f"#{kind}-table", DataTable))
        return (kind, int(key)) if key is not None else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "delete"):
            return self._selected() is not None or None
        if action == "clear_search":
            return bool(self.query_text) or self.query_one("#selfcheck-filter").display
        return True

    def action_add(self) -> None:
        if self._focused_kind() == "security":
            self.action_add_security()
        else:
            self.action_add_perception()

    def action_add_perception(self) -> None:
        self.open_form("perception", values={"date": self.today().isoformat()})

    def action_add_security(self) -> None:
        self.open_form("security", values={"date": self.today().isoformat()})

    def action_edit(self) -> None:
        selected = self._selected()
        if selected is not None:
            self.open_record(*selected)

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        kind = TABLE_KINDS.get(event.data_table.id or "")
        if kind is not None and event.row_key.value is not None:
            self.open_record(kind, int(event.row_key.value))

    def open_record(self, kind: str, record_id: int) -> None:
        """Edit one check (also how the palette's search opens one)."""
        if kind == "perception":
            self.open_form("perception", record_id)
        elif kind == "security":
            self.open_form("security", record_id)

    def action_delete(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        kind, record_id = selected
        table = self.query_one(f"#{kind}-table", DataTable)
        date_text = table.get_row(str(record_id))[0]
        self.confirm_delete(kind, record_id, f"{KINDS[kind].label} of {date_text}")

    def action_search(self) -> None:
        box = self.query_one("#selfcheck-filter", Input)
        box.display = True
        box.focus()

    @on(Input.Changed, "#selfcheck-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value.strip()
        self.refresh_data()

    @on(Input.Submitted, "#selfcheck-filter")
    def _filter_done(self) -> None:
        if not self.query_text:
            self.query_one("#selfcheck-filter").display = False
        self.query_one("#perception-table", DataTable).focus()

    def action_clear_search(self) -> None:
        box = self.query_one("#selfcheck-filter", Input)
        box.value = ""
        box.display = False
        self.query_text = ""
        self.refresh_data()
        self.query_one("#perception-table", DataTable).focus()

    # -- the perception form with the last answers beside it -------------------------------------
    def form_context(self, store: Store, kind: str) -> Any:
        return last_answers(store, self.today()) if kind == "perception" else None

    def make_form(self, context: Any, *args: Any, **kwargs: Any) -> EntryForm:
        if args[0] == "perception":
            return PerceptionForm(context, *args, **kwargs)
        return super().make_form(context, *args, **kwargs)


def _notes_width(table: DataTable[Any]) -> int:
    """Room left for the notes column, so a row fits the panel without a horizontal scroll.
    The scrollbar's column is kept whether it shows or not: it comes as the rows are added,
    and a width that followed it cut every note twice (a second fill after the first)."""
    available = table.size.width - table.styles.scrollbar_size_vertical
    if available <= 0:
        return NOTES_FALLBACK
    fixed = sum(c.get_render_width(table) for c in table.columns.values() if c.key.value != "notes")
    return max(12, available - fixed - 2 * table.cell_padding - 1)
