""" "Tell them": decision-makers and sponsors, each with the best measured win they have not
heard of, best first (the Network's "who needs to know you" view; `t` records it told)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from textual.widgets.option_list import Option

from careertui.domain.text import one_line
from careertui.widgets.columns import columns_and_fit
from careertui.widgets.network.common import TablePanel
from careertui.widgets.safe import cell, compose

if TYPE_CHECKING:
    from careertui.domain.telling import TellThem


TELL_COLUMNS, TELL_FIT = columns_and_fit(
    ("Tell", "name", 8, 16),
    ("Influence", "influence", 9, 14),
    ("About", "title", 12, 40),
    ("Impact", "impact", 8, 30),
    ("Why", "why", 6, 40),
)
"""The columns (set by the Network screen, which sizes every table to its width)."""


def tell_key(pair: TellThem) -> str:
    """The row key of a pair: `contact id-win id`."""
    return f"{pair.contact_id}-{pair.best.win.id}"


def parse_tell_key(key: str) -> tuple[int, int]:
    contact_id, win_id = key.split("-")
    return int(contact_id), int(win_id)


class TellPanel(TablePanel):
    """The pairs, and what the panel says when there are none."""

    def __init__(self, *, id: str, classes: str = "") -> None:
        super().__init__("tell", "Tell them", id=id, classes=classes)

    async def show(self, pairs: list[TellThem], palette: dict[str, str]) -> None:
        def to_row(pair: TellThem) -> tuple[str, Sequence[Any]]:
            win = pair.best.win
            return tell_key(pair), (
                cell(pair.name, 20, "bold"),
                cell(pair.influence, 14, palette["accent"]),
                cell(win.title, 40),
                cell(win.impact, 30, palette["success"]),
                cell(", ".join(pair.best.why[1:]) or "measured", 80, "dim"),  # names inside
            )

        await self.fill(
            pairs,
            to_row,
            compose(("Tell them ", ""), (f"{len(pairs)}", "bold")),
            "No decision-maker or sponsor has a measured win of the review period left to hear.",
        )
        self.border_subtitle = "t told · b brief"


def tell_options(rows: list[dict[str, Any]], width: int) -> list[Option]:
    """The dashboard's Due lines for "tell them" (`tell-CONTACT-WIN`): who, and which win."""
    options = []
    for row in rows:
        who = f"Tell {one_line(row['name'], 60)}: "  # a styled label: made safe here
        room = max(12, width - len(who) - 4)
        options.append(
            Option(
                compose(("✉ ", "bold $success"), (who, "bold"), one_line(row["title"], room)),
                id=f"tell-{row['contact_id']}-{row['win_id']}",
            )
        )
    return options
