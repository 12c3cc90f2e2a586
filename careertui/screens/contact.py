"""A contact's page, pushed over Network: details and notes, every interaction newest first
(with the full text of the highlighted one), and the wins they have heard of. `escape` goes back.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Header, Static

from careertui.domain.text import one_line
from careertui.screens.base import CareerScreen
from careertui.widgets.footer import CareerFooter
from careertui.widgets.network.common import ago
from careertui.widgets.network.contact_tables import (
    INTERACTION_COLUMNS,
    INTERACTION_FIT,
    NO_VALUE,
    SHARED_COLUMNS,
    SHARED_FIT,
    follow_up_cell,
)
from careertui.widgets.paged import (
    Page,
    PagedTable,
    current_key,
    fit_widths,
    restore_cursor,
    set_columns,
    tones,
)
from careertui.widgets.safe import cell, compose, line

if TYPE_CHECKING:
    from careertui.store import Store


def _contact_data(store: Store, contact_id: int, today: date) -> dict[str, Any] | None:
    from careertui.store import network

    contact = network.contact_overview(store, contact_id, today)
    if contact is None:
        return None
    from careertui.store.agenda import shared_wins
    from careertui.store.brief import load_brief

    return {
        "contact": contact,
        "wins": shared_wins(store, contact_id, limit=200),
        "brief": load_brief(store, contact_id, today),
    }


def _interactions(store: Store, contact_id: int, limit: int, offset: int) -> list[dict[str, Any]]:
    from careertui.store import network

    return network.interactions_of(store, contact_id, limit=limit, offset=offset)


class ContactScreen(CareerScreen):
    """One contact: who they are, what passed between you, what they have seen of your work."""

    TITLE = "Contact"
    CSS_PATH = "network.tcss"
    HELP = (
        "A contact's page. i logs an interaction (with a follow-up date if there is one), "
        "d marks the highlighted interaction's follow-up done (again: reopens it), e or "
        "enter edits the highlighted interaction or win, E edits the contact, tab moves "
        "between the interactions and the wins they have heard of, a adds an agenda item (what "
        "to raise next time), b opens the brief, escape goes back."
    )
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("b", "brief", "Brief"),
        Binding("i", "add_interaction", "Log interaction"),
        Binding("e", "edit", "Edit"),
        Binding("E", "edit_contact", "Edit contact"),
        Binding("delete", "delete", "Delete interaction"),
        Binding("d", "done", "Follow-up done"),
        Binding("a", "add_agenda", "Agenda item"),
    ]

    def __init__(self, contact_id: int, *, edit_interaction: int | None = None) -> None:
        super().__init__()
        self.contact_id = contact_id
        self.contact: dict[str, Any] = {}
        self.interactions: dict[str, dict[str, Any]] = {}
        self._edit_first = edit_interaction
        self._widths: tuple[dict[str, int] | None, ...] | None = None
        """Fixed column widths of the two tables (`fit_widths`), None where content sizes them."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="contact-top"):
            yield Static("", id="contact-details", classes="panel")
            with VerticalScroll(id="contact-notes-panel", classes="panel"):
                yield Static("", id="contact-notes")
            with VerticalScroll(id="contact-brief-panel", classes="panel"):
                yield Static("", id="contact-brief")
        with Vertical(id="contact-interactions", classes="panel"):
            yield PagedTable(id="interactions-table")
            yield Static("", id="interactions-empty", classes="empty")
        yield Static("", id="interaction-detail", classes="panel")
        with Vertical(id="contact-wins", classes="panel"):
            yield DataTable(id="shared-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="shared-empty", classes="empty")
        yield CareerFooter()

    def on_mount(self) -> None:
        self.fit_columns()
        self.query_one("#contact-notes-panel").border_title = "Notes"
        self.query_one("#interaction-detail").border_title = "Highlighted interaction"
        self.query_one("#interactions-table").focus()

    def fit_columns(self) -> bool:
        """Size both tables' columns to the screen's width; True when any changed."""
        room = self.width_now() - 5  # margins, border, scrollbar
        widths = (fit_widths(room, INTERACTION_FIT), fit_widths(room, SHARED_FIT))
        if widths == self._widths:
            return False
        self._widths = widths
        self.query_one("#interactions-table", PagedTable).set_columns(
            INTERACTION_COLUMNS, widths[0]
        )
        set_columns(self.query_one("#shared-table", DataTable), SHARED_COLUMNS, widths[1])
        return True

    # -- loading -------------------------------------------------------------------------------
    async def load(self) -> None:
        today = self.today()
        palette = tones(self.app)
        self.fit_columns()
        data = await self.fetch(_contact_data, self.contact_id, today)
        if data is None:
            self.notify("That contact no longer exists.", severity="warning")
            self.dismiss()
            return
        self.contact = data["contact"]
        self._show_contact(today)
        self._show_wins(data["wins"])
        self._show_brief(data["brief"] or {})
        contact_id = self.contact_id

        async def page(offset: int, limit: int) -> Page:
            rows = await self.fetch(_interactions, contact_id, limit, offset)
            self.interactions.update((str(r["id"]), r) for r in rows)
            return [(str(r["id"]), self._interaction_cells(r, today, palette)) for r in rows]

        table = self.query_one("#interactions-table", PagedTable)
        await table.reload(page, keep=True)
        count = table.row_count
        more = "" if table.exhausted else "+"
        table_panel = self.query_one("#contact-interactions")
        table_panel.border_title = compose(
            ("Interactions ", ""), (f"{count}{more}", "bold"), (" · newest first", "dim")
        )
        table_panel.border_subtitle = "i log · d follow-up done · e edit · delete"
        empty = self.query_one("#interactions-empty", Static)
        empty.display = count == 0
        empty.update("No interaction yet. Press i to log the first one.")
        self._show_detail()
        if self._edit_first is not None:
            interaction_id, self._edit_first = self._edit_first, None
            self.open_form("interaction", interaction_id)

    def _show_contact(self, today: date) -> None:
        c = self.contact
        self.sub_title = one_line(c["name"], 60)
        knows = int(c["knows_me"] or 0)
        next_dates = [d for d in (c.get("open_follow_up"), c.get("keep_in_touch")) if d]
        upcoming = min(next_dates) if next_dates else None
        rows: list[Content] = [
            compose((f"{'Org':<15}", "dim"), c["org"] or NO_VALUE),
            compose((f"{'Role':<15}", "dim"), c["role"] or NO_VALUE),
            compose((f"{'Circle':<15}", "dim"), c["circle"] or NO_VALUE),
            compose((f"{'Influence':<15}", "dim"), (c["influence"] or NO_VALUE, "bold $accent")),
            compose(
                (f"{'Knows me':<15}", "dim"),
                ("●" * knows + "○" * (3 - knows), "$primary"),
                (f" {knows}/3", "dim"),
            ),
            compose(
                (f"{'Stay in touch':<15}", "dim"),
                (f"every {c['follow_up_days']} days" if c["follow_up_days"] else NO_VALUE, ""),
            ),
            compose(
                (f"{'Last seen':<15}", "dim"),
                (f"{c['last_date']} ({ago(c['days_since'])})" if c["last_date"] else "never", ""),
            ),
            compose(
                (f"{'Next':<15}", "dim"),
                (
                    upcoming or NO_VALUE,
                    "bold $warning" if upcoming and upcoming <= today.isoformat() else "",
                ),
            ),
        ]
        details = self.query_one("#contact-details", Static)
        details.update(Content("\n").join(rows))
        details.border_title = line(c["name"], 60)
        notes = self.query_one("#contact-notes", Static)
        notes.update(
            compose(c["notes"])
            if c["notes"]
            else Content.from_markup(
                "[dim]No notes. What matters to them? How can you help? (E to edit)[/]"
            )
        )

    def _interaction_cells(
        self, row: dict[str, Any], today: date, palette: dict[str, str]
    ) -> tuple[Any, ...]:
        return (
            Text(row["date"] or ""),
            Text(row["channel"] or "", style=palette["accent"]),
            follow_up_cell(row, today, palette),
            cell(row["notes"], 30),
            cell(row["learned"], 20),
            cell(row["gave"], 20),
        )

    def _show_wins(self, wins: list[dict[str, Any]]) -> None:
        table = self.query_one("#shared-table", DataTable)
        key = current_key(table)
        table.clear()
        for win in wins:
            table.add_row(
                Text(win["date"] or ""),
                cell(win["title"], 40, "bold"),
                cell(win["impact"] or NO_VALUE, 30),
                cell(f"told {win['told_on']}" if win["told_on"] else "shared with", 30, "dim"),
                key=str(win["id"]),
            )
        restore_cursor(table, key)
        panel = self.query_one("#contact-wins")
        panel.border_title = compose(("Wins they have heard of ", ""), (f"{len(wins)}", "bold"))
        empty = self.query_one("#shared-empty", Static)
        empty.display = not wins
        empty.update("They have heard of no win yet (t in the brief records one). Speak up.")

    @on(DataTable.RowHighlighted, "#interactions-table")
    def _highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        detail = self.query_one("#interaction-detail", Static)
        key = self.query_one("#interactions-table", PagedTable).current_key()
        row = self.interactions.get(key) if key else None
        detail.set_class(row is None, "-none")
        if row is None:
            return
        parts: list[Content] = []
        for label, field in (("Notes", "notes"), ("Learned", "learned"), ("Gave", "gave")):
            if row[field]:
                parts.append(compose((f"{label:<9}", "bold dim"), one_line(row[field], 400)))
        if not parts:
            parts.append(Content.from_markup("[dim]No text.[/]"))
        detail.update(Content("\n").join(parts))
        detail.border_title = compose(
            ("Interaction of ", ""), (row["date"] or "", "bold"), (f" · {row['channel']}", "dim")
        )

    # -- actions -------------------------------------------------------------------------------
    def _interaction_id(self) -> int | None:
        key = self.query_one("#interactions-table", PagedTable).current_key()
        return int(key) if key else None

    def _in_wins(self) -> bool:
        return self.focused is not None and self.focused.id == "shared-table"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("delete", "done"):
            return not self._in_wins()
        return True

    def action_back(self) -> None:
        self.dismiss()

    def action_add_interaction(self) -> None:
        from careertui.screens.brief import then_ask_discussed

        self.open_form(
            "interaction",
            values={"contact_id": self.contact_id, "date": "today"},
            title=compose(("Log an interaction with ", "bold"), self.contact.get("name", "")),
            after=then_ask_discussed(self),  # which open agenda items it discussed
        )

    def action_edit(self) -> None:
        if self._in_wins():
            key = current_key(self.query_one("#shared-table", DataTable))
            if key:
                self.open_form("win", int(key))
            return
        interaction_id = self._interaction_id()
        if interaction_id is None:
            self.notify("No interaction to edit: press i to log one.", severity="warning")
            return
        self.open_form("interaction", interaction_id)

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def _show_brief(self, brief: dict[str, Any]) -> None:
        from careertui.screens.brief import brief_summary

        panel = self.query_one("#contact-brief-panel")
        panel.border_title = "Before you meet"
        panel.border_subtitle = "b brief · a agenda"
        self.query_one("#contact-brief", Static).update(brief_summary(brief))

    def action_add_agenda(self) -> None:
        from careertui.screens.brief import open_agenda_form

        open_agenda_form(self, self.contact_id, str(self.contact.get("name", "")))

    def action_brief(self) -> None:
        from careertui.screens.brief import open_brief

        open_brief(self, self.contact_id)

    def action_edit_contact(self) -> None:
        self.open_form("contact", self.contact_id)

    def action_delete(self) -> None:
        interaction_id = self._interaction_id()
        if interaction_id is None:
            return
        row = self.interactions.get(str(interaction_id), {})
        title = f"{row.get('date', '')} {row.get('channel', '')}: {row.get('notes', '')}"
        self.confirm_delete("interaction", interaction_id, one_line(title, 200))

    def action_done(self) -> None:
        interaction_id = self._interaction_id()
        if interaction_id is None:
            return
        row = self.interactions.get(str(interaction_id), {})
        if not row.get("follow_up"):
            self.notify("This interaction has no follow-up date (e to set one).", markup=False)
            return
        self._set_done(interaction_id, not row.get("done"))

    @work(group="done")
    async def _set_done(self, interaction_id: int, done: bool) -> None:
        from careertui.store import network

        try:
            what = "follow-up done" if done else "follow-up reopened"
            change = self.undoable(what, "interaction", interaction_id, network.mark_done)
            await self.change(change, interaction_id, self.today(), done)
        except Exception as exc:  # noqa: BLE001
            self.report(exc)
            return
        self.notify("Follow-up done." if done else "Follow-up reopened.", markup=False)
        self.refresh_data()

    def open_record(self, kind: str, record_id: int) -> None:
        """A search hit opened while this page is up: go back to Network and open it there."""
        app = self.app

        def reopen() -> None:
            opener = getattr(app.screen, "open_record", None)
            if opener is not None:
                opener(kind, record_id)

        self.dismiss()
        app.call_after_refresh(reopen)
