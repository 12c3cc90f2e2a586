"""What the Network screen's views and the contact page share."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

if TYPE_CHECKING:
    from careertui.domain.due import FollowUp


def ago(days: int | None) -> str:
    if days is None:
        return "never"
    if days < 0:
        return f"in {-days}d"
    return "today" if days == 0 else f"{days}d ago"


def follow_key(item: FollowUp) -> str:
    """The row key of a follow-up: `i<interaction id>`, or `c<contact id>` for a cadence."""
    if item.kind == "interaction":
        return f"i{item.interaction_id}"
    return f"c{item.contact_id}"


def late(item: FollowUp, palette: dict[str, str]) -> Text:
    """How overdue a follow-up is, red after a week."""
    return Text(
        "today" if item.days_overdue == 0 else f"{item.days_overdue}d",
        style=palette["error"] if item.days_overdue > 7 else palette["warning"],
    )
