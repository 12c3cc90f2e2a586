"""The Network's contacts view: every contact, sorted and filtered in SQL, a page at a time."""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from careertui.widgets.columns import columns_and_fit
from careertui.widgets.network.common import ago
from careertui.widgets.paged import FilterBox, PagedTable
from careertui.widgets.safe import cell, compose

# Narrowest and widest text per column: below the room the widest need, text columns shrink
# (circle goes first) so the dates and the knows-me dots stay in view.
COLUMNS, CONTACT_FIT = columns_and_fit(
    ("Name", "name", 11, 15),
    ("Org", "org", 6, 16),
    ("Role", "role", 6, 18),
    ("Circle", "circle", 6, 12),
    ("Influence", "influence", 9, 14),
    ("Knows", "knows_me", 5, 5),
    ("Last seen", "last", 9, 9),
    ("Follow-up", "next", 10, 10),
)
SORT_LABELS = dict((key, label) for label, key in COLUMNS)


def contact_cells(row: dict[str, Any], today: date, palette: dict[str, str]) -> tuple[Any, ...]:
    """A contacts-table row: user text as rich Text cells, never markup."""
    knows = int(row["knows_me"] or 0)
    influence = row["influence"] or ""
    key_person = influence in ("decision-maker", "sponsor")
    upcoming = row["next_follow_up"]
    day = today.isoformat()
    due_style = ""
    if upcoming and upcoming <= day:
        due_style = f"bold {palette['error']}" if upcoming < day else palette["warning"]
    return (
        cell(row["name"], 22, "bold"),
        cell(row["org"], 16),
        cell(row["role"], 18),
        cell(row["circle"], 12),
        cell(influence, 16, palette["accent"] if key_person else "dim"),
        Text("●" * knows + "○" * (3 - knows), style=palette["primary"]),
        Text(ago(row["days_since"]), style="" if row["days_since"] is not None else "dim"),
        Text(upcoming or "—", style=due_style or ("" if upcoming else "dim")),
    )


class ContactsView(Vertical):
    """The filter box, the contacts table and what it says when empty."""

    def compose(self) -> ComposeResult:
        yield FilterBox(
            placeholder="filter by name, org, role, circle, influence…",
            for_list="#contacts-table",
            id="contacts-filter",
        )
        yield PagedTable(id="contacts-table")
        yield Static("", id="contacts-empty", classes="empty")

    @property
    def table(self) -> PagedTable:
        return self.query_one("#contacts-table", PagedTable)

    def set_columns(self, widths: dict[str, int] | None, sort_key: str, descending: bool) -> None:
        """The columns, the sorted one in bold with its direction."""
        arrow = " ↓" if descending else " ↑"
        self.table.set_columns(
            [
                (
                    Text(
                        label + (arrow if key == sort_key else ""),
                        style="bold" if key == sort_key else "",
                    ),
                    key,
                )
                for label, key in COLUMNS
            ],
            widths,
        )

    def show_state(
        self, count: int, total: int, filter_text: str, sort_key: str, descending: bool
    ) -> None:
        """The title (how many, the filter, the sort) and the empty table's message."""
        direction = "↓" if descending else "↑"
        parts: list[tuple[str, str] | str] = [("Contacts ", ""), (f"{count:,}", "bold")]
        if filter_text:
            parts += [(f" of {total:,} · matching “", "dim"), filter_text, ("”", "dim")]
        parts += [(f" · sorted by {SORT_LABELS[sort_key].lower()} {direction}", "dim")]
        self.border_title = compose(*parts)
        self.border_subtitle = "o sort · O reverse · / filter · enter open"
        empty = self.query_one("#contacts-empty", Static)
        empty.display = count == 0
        empty.update(
            "No contact matches the filter."
            if filter_text
            else "No contacts yet. Press a to add the first person who should know your work."
        )
