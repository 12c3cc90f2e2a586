"""The Wins screen's wins list: newest first, a page at a time, ⚠ on an impact without a number."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from careertui.domain.evidence import evidence_items
from careertui.widgets.columns import columns_and_fit
from careertui.widgets.paged import FilterBox, PagedTable
from careertui.widgets.safe import cell, compose

NO_VALUE = "—"
# Narrowest and widest text per column (`fit_widths`): on a narrow screen the text columns
# shrink so every column stays in view.
WIN_COLUMNS, WIN_FIT = columns_and_fit(
    ("Date", "date", 10, 10),
    ("Win", "title", 12, 36),
    ("Impact", "impact", 12, 24),  # "⚠ unmeasured" whole
    ("Responsibility", "responsibility", 14, 22),
    ("Tags", "tags", 6, 12),
)


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
    title = cell(row["title"], 36, "bold")
    evidence = len(evidence_items(row.get("evidence")))
    if evidence:  # ⧉N: links or files that back it up
        title = Text.assemble(cell(row["title"], 32, "bold"), (f" ⧉{evidence}", palette["accent"]))
        title.no_wrap, title.overflow = True, "ellipsis"
    return (
        Text(row["date"] or ""),
        title,
        impact,
        cell(row["responsibility"] or NO_VALUE, 22, "" if row["responsibility"] else "dim"),
        cell(tags, 12, palette["accent"]),
    )


class WinsPanel(Vertical):
    """The filter box, the wins table and what it says when empty."""

    def compose(self) -> ComposeResult:
        yield FilterBox(
            placeholder="filter wins by title, impact, tags, shared with, notes…",
            for_list="#wins-table",
            id="wins-filter",
        )
        yield PagedTable(id="wins-table")
        yield Static("", id="wins-empty", classes="empty")

    def show_state(self, count: int, total: int, filters: list[tuple[str, str] | str]) -> None:
        """The title (how many, the `filters` in force, as compose() parts) and the empty
        table's message."""
        parts: list[tuple[str, str] | str] = [("Wins ", ""), (f"{count:,}", "bold")]
        if count != total:
            parts.append((f" of {total:,}", "dim"))
        parts += filters
        parts.append((" · newest first", "dim"))
        self.border_title = compose(*parts)
        self.border_subtitle = (
            "/ filter · r responsibility · p period · ⚠ no number in impact · ⧉ evidence"
        )
        empty = self.query_one("#wins-empty", Static)
        empty.display = count == 0
        empty.update(
            "No win matches these filters (escape clears them)."
            if count != total
            else "No wins yet. Press a to record one: what you did, and its impact in numbers."
        )
