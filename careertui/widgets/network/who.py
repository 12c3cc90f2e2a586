"""The Network's "who needs to know you" view: decision-makers and sponsors by days since you
last talked (⚠ after 90 days), the wins to tell them (TellPanel), and the stay-in-touch
cadences that lapsed, the most overdue against its own cadence first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical

from careertui.domain.telling import overdue
from careertui.widgets.columns import columns_and_fit
from careertui.widgets.network.common import TablePanel, ago, follow_key, late
from careertui.widgets.network.tell import TellPanel
from careertui.widgets.paged import PagedTable
from careertui.widgets.safe import cell, compose

if TYPE_CHECKING:
    from careertui.domain.due import FollowUp, KeepInTouch

KEY_COLUMNS, KEY_FIT = columns_and_fit(
    ("", "mark", 1, 1),
    ("Name", "name", 8, 16),
    ("Influence", "influence", 9, 14),
    ("Org", "org", 6, 20),
    ("Role", "role", 6, 20),
    ("Last seen", "last", 10, 10),
    ("Days since", "days", 10, 10),
)
LAPSED_TITLE = "Stay in touch: cadence lapsed"


class WhoView(Vertical):
    """Two panels: the key people, and the lapsed cadences."""

    def compose(self) -> ComposeResult:
        yield TablePanel("key", "Decision-makers and sponsors", id="key-panel", classes="panel")
        yield TellPanel(id="tell-panel", classes="panel")
        yield TablePanel("lapsed", LAPSED_TITLE, id="lapsed-panel", classes="panel")

    def on_mount(self) -> None:
        self.query_one("#lapsed-table", PagedTable).add_columns(
            "Name", "Every", "Last seen", "Due", "Overdue", "× cadence"
        )

    async def show_key(self, rows: list[dict[str, Any]], palette: dict[str, str]) -> None:
        def to_row(row: dict[str, Any]) -> tuple[str, Sequence[Any]]:
            style = palette["warning"] if row["unseen"] else ""
            return str(row["id"]), (
                Text("⚠", style=f"bold {palette['warning']}") if row["unseen"] else Text(""),
                cell(row["name"], 28, f"bold {style}".strip()),
                cell(row["influence"], 16, palette["accent"]),
                cell(row["org"], 20),
                cell(row["role"], 20),
                cell(row["last_date"] or "never", 12, style or "dim"),
                Text(ago(row["days_since"]), style=style),
            )

        unseen = sum(1 for r in rows if r["unseen"])
        await self.query_one("#key-panel", TablePanel).fill(
            rows,
            to_row,
            compose(
                ("Decision-makers and sponsors ", ""),
                (f"{len(rows)}", "bold"),
                (f" · {unseen} not seen in 90 days", "dim" if not unseen else "bold"),
            ),
            "Nobody marked decision-maker or sponsor yet: who decides your promotion? "
            "Set their influence with e.",
        )

    async def show_lapsed(
        self, lapsed: list[FollowUp], keep: dict[int, KeepInTouch], palette: dict[str, str]
    ) -> None:
        def lapsed_row(item: FollowUp) -> tuple[str, Sequence[Any]]:
            cadence = keep[item.contact_id]
            seen = cadence.last_seen.isoformat() if cadence.last_seen else "never"
            return follow_key(item), (
                cell(item.contact, 28, "bold"),
                Text(f"{cadence.every} days"),
                Text(seen, style="" if cadence.last_seen else "dim"),
                Text(item.due.isoformat()),
                late(item, palette),
                Text(f"{ratio(item):.1f}×", style="bold" if ratio(item) >= 1 else ""),
            )

        def ratio(item: FollowUp) -> float:
            every = keep[item.contact_id].every
            return overdue(item.days_overdue + every, every) or 0.0

        # Ranked by how overdue each is against its own cadence, not by raw days.
        lapsed = sorted(lapsed, key=lambda item: (-ratio(item), item.contact.casefold()))
        await self.query_one("#lapsed-panel", TablePanel).fill(
            lapsed,
            lapsed_row,
            compose((f"{LAPSED_TITLE} ", ""), (f"{len(lapsed)}", "bold")),
            "Every stay-in-touch cadence is met.",
        )
