"""The contact page's tables: its interactions (with each follow-up's state) and the wins shared
with the contact; their columns, their widths and the follow-up cell."""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.text import Text

from careertui.widgets.columns import columns_and_fit

NO_VALUE = "—"
# Narrowest and widest text per column (`fit_widths`): on a narrow screen the text columns
# shrink so every column stays in view.
INTERACTION_COLUMNS, INTERACTION_FIT = columns_and_fit(
    ("Date", "date", 10, 10),
    ("Channel", "channel", 7, 7),
    ("Follow-up", "follow_up", 12, 12),
    ("Notes", "notes", 10, 30),
    ("What I learned", "learned", 6, 20),
    ("What I gave", "gave", 6, 20),
)
SHARED_COLUMNS, SHARED_FIT = columns_and_fit(
    ("Date", "date", 10, 10),
    ("Win", "title", 12, 36),
    ("Impact", "impact", 10, 28),
    ("Heard", "shared", 8, 28),
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
