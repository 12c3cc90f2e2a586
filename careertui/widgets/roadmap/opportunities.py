"""The Roadmap's Opportunities tab: the open opportunities side by side.

The opportunities are the columns, the five security pillars and the four parts of the fit
the rows, then pay, the timeframe and the weighted score; each cell coloured (green good,
yellow neutral, red poor), the best of each row marked ★. The cursor is a cell: its column is
the opportunity the keys act on (w weighs, d decides, l looks back), and the panel below tells
that opportunity's decision, the cell's reason or the person's own words, and the score's
formula. The screen reads the data and runs the forms (careertui/tui/opportunities.py).
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.coordinate import Coordinate
from textual.widgets import DataTable, TabbedContent

from careertui.domain.opportunities import (
    BEST,
    FORMULA,
    GOOD,
    PART_LABELS,
    POOR,
    Comparison,
    compare,
    missing_text,
    weights_text,
)
from careertui.domain.records import FIT_PARTS, SECURITY_PILLARS
from careertui.widgets.paged import in_memory, tones
from careertui.widgets.roadmap.common import RoadmapData, RoadmapTab, tab_label
from careertui.widgets.safe import cell, compose, line

LABEL_WIDTH = 11
MIN_COLUMN = 14
MAX_COLUMN = 28


class OpportunitiesTab(RoadmapTab):
    """Open opportunities side by side (v: the decided ones too)."""

    KIND = "goal"
    TABLE_ID = "opportunity-table"
    DETAIL_ID = "opportunity-detail"
    BINDINGS = [
        Binding("a", "screen.add_opportunity", "Add"),
        Binding("w", "screen.weigh_opportunity", "Weigh"),
        Binding("e", "screen.weigh_opportunity", "Weigh", show=False),
        Binding("d", "screen.decide_opportunity", "Decide"),
        Binding("l", "screen.look_back", "Look back"),
        Binding("W", "screen.set_weights", "Weights"),
        Binding("v", "toggle_decided", "Decided too"),
    ]

    def __init__(self) -> None:
        super().__init__(tab_label("Opportunities", "o"), id="opportunities")
        self.everything = False
        self.shown: list[dict[str, Any]] = []
        self.comparison: Comparison | None = None

    def on_mount(self) -> None:
        self.table.cursor_type = "cell"
        self.table.fixed_columns = 1
        self.table.zebra_stripes = False

    def selected(self) -> tuple[str, int] | None:
        """The screen's edit and delete act on rows of records: none here (w weighs)."""
        return None

    def opportunity(self) -> dict[str, Any] | None:
        """The opportunity of the cursor's column (the first when on the labels)."""
        if not self.shown:
            return None
        index = max(0, self.table.cursor_column - 1)
        return self.shown[min(index, len(self.shown) - 1)]

    def action_toggle_decided(self) -> None:
        self.everything = not self.everything
        self.run_worker(self.show(self.data, self.filter_text), group="opportunities")

    async def show(self, data: RoadmapData, filter_text: str) -> None:
        await super().show(data, filter_text)
        read = data.opportunities or {"rows": [], "space": {}, "weights": {}}
        self.shown = [
            row
            for row in read["rows"]
            if (self.everything or row["status"] == "active") and self.matches(row["title"])
        ]
        space = read["space"]
        self.comparison = compare(
            [(row["title"], row["assessment"]) for row in self.shown],
            read["weights"],
            space.get("target_pay"),
        )
        table = self.table
        at = table.cursor_coordinate
        # The tabs' width (a hidden pane has none) less the border and the scrollbar; each
        # column also takes its cell padding on both sides.
        room = self.query_ancestor(TabbedContent).size.width - 3
        pad = 2 * table.cell_padding
        count = max(1, len(self.shown))
        width = max(MIN_COLUMN, min(MAX_COLUMN, (room - LABEL_WIDTH - pad) // count - pad))
        table.clear(columns=True)
        table.add_column("", key="part", width=LABEL_WIDTH)
        for row in self.shown:
            table.add_column(
                cell(row["title"], width, "bold"), key=f"goal-{row['id']}", width=width
            )
        colours = tones(self.app)
        style = {GOOD: colours["success"], POOR: colours["error"], "fair": colours["warning"]}
        rows = list(self.comparison.rows) if self.shown else []

        def to_row(row: Any) -> tuple[str, list[Any]]:
            cells: list[Any] = [Text(row.label, style="bold")]
            for item in row.cells:
                text = cell(item.text + (f" {BEST}" if item.best else ""), width)
                text.stylize(style.get(item.level, "dim"))
                if item.best:
                    text.stylize("bold")
                cells.append(text)
            return row.part, cells

        await table.reload(in_memory(rows, to_row), keep=False)
        if rows:
            table.cursor_coordinate = Coordinate(
                min(at.row, len(rows) - 1), max(1, min(at.column, len(self.shown)))
            )
        decided = "" if not self.everything else ", decided ones too"
        table.border_title = self.titled(f"Opportunities{decided}")
        table.border_subtitle = Content(
            f"score: weighted mean × 100 · weights: {weights_text(read['weights'])} (W)"
            if self.shown
            else "a adds an opportunity (an offer, a move, a project); w weighs it"
        )
        self.show_detail()

    @on(DataTable.CellHighlighted)
    def _cell_moved(self) -> None:
        self.show_detail()

    @on(DataTable.CellSelected)
    async def _cell_chosen(self, event: DataTable.CellSelected) -> None:
        event.stop()
        await self.run_action("screen.weigh_opportunity")

    def detail(self) -> Content:
        found = self.opportunity()
        read = self.data.opportunities or {}
        if found is None or self.comparison is None:
            return Content(
                "Weigh offers, moves and projects against your space and your employment "
                "security: a adds one, w weighs it, d records your decision."
            ).stylize("dim italic")
        space = read.get("space", {})
        index = self.shown.index(found)
        decision = found.get("decision")
        heading = [line(found["title"], 60, "bold")]
        if decision:
            heading.append(compose((f"  {decision['choice']} on {decision['date']}", "$accent")))
            if decision["why"]:
                heading.append(compose((": ", ""), str(decision["why"])))
        result = self.comparison.scores[index]
        score = "—" if result.value is None else f"{result.value}/100"
        lines = [Content("").join(heading), self._cell_line(found, space)]
        missing = missing_text(result, space.get("target_pay"))
        lines.append(
            compose((f"Score {score}", "bold"), (f"  {missing}" if missing else "", "dim"))
        )
        lines.append(Content(FORMULA).stylize("dim"))
        if decision and decision.get("looking_back"):
            lines.append(compose(("Looking back: ", "bold"), str(decision["looking_back"])))
        return Content("\n").join(lines)

    def _cell_line(self, found: dict[str, Any], space: dict[str, Any]) -> Content:
        """What the cursor's cell rests on: a pillar's reason, the person's own words of the
        space beside a fit, the target beside pay and the timeframe."""
        rows = self.comparison.rows if self.comparison else ()
        if not rows:
            return Content("")
        row = rows[min(self.table.cursor_row, len(rows) - 1)]
        assessment = found.get("assessment") or {}
        if row.part in SECURITY_PILLARS:
            why = str(assessment.get(f"why_{row.part}") or "")
            return compose((f"{PART_LABELS[row.part]}: ", "bold"), why or "no reason given (w)")
        if row.part in FIT_PARTS:
            words = str(space.get("words", {}).get(row.part) or "")
            return compose(
                (f"{PART_LABELS[row.part]} you want: ", "bold"),
                words or "not written yet (Space tab, e)",
            )
        if row.part == "pay":
            return compose(("Target salary: ", "bold"), space.get("target_salary") or "not set")
        if row.part == "timeframe":
            return compose(("Your roadmap's timeframe: ", "bold"), space.get("timeframe") or "—")
        notes = str(assessment.get("notes") or "")  # the score row: the notes
        return compose(("Notes: ", "bold"), notes or "—")
