"""The contact page's tables: its interactions (with each follow-up's state) and the wins shared
with the contact; their columns, their widths and the follow-up cell."""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.text import Text

from careertui.widgets.paged import ColumnFit

NO_VALUE = "—"
INTERACTION_COLUMNS = (
    ("Date", "date"),
    ("Channel", "channel"),
    ("Follow-up", "follow_up"),
    ("Notes", "notes"),
    ("What I learned", "learned"),
    ("What I gave", "gave"),
)
SHARED_COLUMNS = (
    ("Date", "date"),
    ("Win", "title"),
    ("Impact", "impact"),
    ("Heard", "shared"),
)
# Narrowest and widest text per column (`fit_widths`): on a narrow screen the text columns
# shrink so every column stays in view.
INTERACTION_FIT: tuple[ColumnFit, ...] = (
    ("date", 10, 10),
    ("channel", 7, 7),
    ("follow_up", 12, 12),
    ("notes", 10, 30),
    ("learned", 6, 20),
    ("gave", 6, 20),
)
SHARED_FIT: tuple[ColumnFit, ...] = (
    ("date", 10, 10),
    ("title", 12, 36),
    ("impact", 10, 28),
    ("shared", 8, 28),
)


def follow_up_cell(row: dict[str, Any], today: date, palette: dict[str, str]) -> Text:
    """✓ for a done follow-up, ⏰ in warning colours when due, the plain date when ahead."""
    when = row.get("follow_up")
    if not when:
        return Text(NO_VALUE, style="dim")
    if row.get("done"):
        return Text(f"✓ {when}", style=f"dim {palette['success']}")
    if when <= today.isoformat():
        style = f"bold {palette['error']}" if when < today.isoformat() else palette["warning"]
        return Text(f"⏰ {when}", style=style)
    return Text(f"  {when}")
