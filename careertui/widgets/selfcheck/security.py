"""The Self-check's security column: the five pillars of your employment security as a trend,
when the next check is due, the weakest pillar with a next step, and the history of checks."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import DataTable, Static

from careertui.domain.records import KINDS, SECURITY_PILLARS
from careertui.domain.text import one_line
from careertui.widgets.ratings import trend_lines
from careertui.widgets.safe import compose
from careertui.widgets.selfcheck.perception import days_ago

SECURITY_INTERVAL_DAYS = 90
PILLAR_LABELS = {name: KINDS["security"].field(name).title for name in SECURITY_PILLARS}
SHORT_PILLARS = {
    "skills": "Skills",
    "performance": "Perf.",
    "network": "Network",
    "job_search": "Search",
    "finances": "Money",
}
TREND_PILLARS = {
    "skills": "Job skills",
    "performance": "Performance",
    "network": "Network",
    "job_search": "Job search",
    "finances": "Finances",
}
SUGGESTIONS = {
    "skills": "Pick the one skill your next role needs most and block two hours a week to "
    "practise it.",
    "performance": "Ask your manager what great looks like this quarter, and log a measured "
    "win every week.",
    "network": "Book two coffees with people outside your team this month.",
    "job_search": "Refresh your CV and profile, and do one practice interview this quarter.",
    "finances": "Build an emergency fund toward six months of expenses: automate a monthly "
    "transfer.",
}
"""One concrete next step for the weakest pillar of the last security check."""


class SecurityColumn(Vertical):
    """The trend, the advice, the history table (filled by the screen) and the highlighted
    check's notes under it (five pillars leave no room for a notes column)."""

    def compose(self) -> ComposeResult:
        yield Static(id="security-trend", classes="panel")
        yield Static(id="security-advice", classes="panel")
        with Vertical(id="security-history", classes="panel"):
            yield DataTable(id="security-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="security-notes")

    def on_mount(self) -> None:
        table = self.query_one("#security-table", DataTable)
        table.add_column("Date", key="date", width=10)
        for name in SECURITY_PILLARS:
            table.add_column(SHORT_PILLARS[name], key=name, width=len(SHORT_PILLARS[name]))
        self.query_one("#security-trend").border_title = "Employment security"
        self.query_one("#security-advice").border_title = "Weakest pillar"

    def show(self, security: dict[str, Any], width: int) -> None:
        """The trend (`width` cells wide), when the next check is due, the weakest pillar."""
        trend = self.query_one("#security-trend", Static)
        trend.update(trend_lines(security["series"], TREND_PILLARS, width))
        status = security["status"]
        advice = self.query_one("#security-advice", Static)
        days = status.get("days_since")
        if status["due"]:
            trend.border_subtitle = Content.from_markup(
                "[b reverse $error] DUE [/] [$error]press s[/]"
            )
        else:
            left = SECURITY_INTERVAL_DAYS - int(days or 0)
            trend.border_subtitle = Content.from_markup(
                "[$success]next check in $n days[/]", n=str(left)
            )
        weakest = status.get("weakest")
        if not weakest:
            advice.update(
                Content.from_markup(
                    "[b]No security check yet.[/b]\nRate the five pillars with [b]s[/b]: "
                    "job skills, performance, network, job search, finances."
                )
            )
            return
        seen = f"last check {days_ago(int(days or 0))}"
        advice.update(
            Content.assemble(
                (PILLAR_LABELS[weakest], "bold $warning"),
                (f"  {status['weakest_score']}/5", "bold"),
                (f"   {seen}\n", "dim"),
                ("→ ", "bold $accent"),
                SUGGESTIONS[weakest],
            )
        )

    def show_notes(self, notes: str) -> None:
        """The highlighted check's notes."""
        self.query_one("#security-notes", Static).update(
            compose(("Notes  ", "bold $text-muted"), one_line(notes, 200))
            if notes.strip()
            else Content("")
        )
