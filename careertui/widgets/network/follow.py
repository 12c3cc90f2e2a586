"""The Network's follow-ups view: every follow-up due, oldest first (`d` done, `z` snooze)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.text import Text

from careertui.widgets.columns import columns_and_fit
from careertui.widgets.network.common import TablePanel, follow_key, late
from careertui.widgets.safe import cell, compose

if TYPE_CHECKING:
    from careertui.domain.due import FollowUp

FOLLOW_COLUMNS, FOLLOW_FIT = columns_and_fit(
    ("Due", "due", 10, 10),
    ("Overdue", "late", 7, 7),
    ("Contact", "contact", 8, 16),
    ("Kind", "kind", 13, 13),
    ("What", "what", 10, 64),
)


class FollowView(TablePanel):
    """The follow-ups table and what it says when empty."""

    def __init__(self, *, id: str, classes: str = "") -> None:
        super().__init__("follow", "Follow-ups due", id=id, classes=classes)

    async def show(self, items: list[FollowUp], palette: dict[str, str]) -> None:
        def follow_row(item: FollowUp) -> tuple[str, Sequence[Any]]:
            return follow_key(item), (
                Text(item.due.isoformat()),
                late(item, palette),
                cell(item.contact, 24, "bold"),
                Text("follow-up" if item.kind == "interaction" else "stay in touch", style="dim"),
                cell(item.text, 64),
            )

        await self.fill(
            items,
            follow_row,
            compose(("Follow-ups due ", ""), (f"{len(items)}", "bold"), (" · oldest first", "dim")),
            "Nothing due. Follow-up dates you set on interactions show up here on the day.",
        )
        self.border_subtitle = "d done · z snooze 7 days · i log interaction"
