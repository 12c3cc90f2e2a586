"""The Self-check's perception column: how you come across (behaviour, language, attitude) as a
trend, the history of checks, and your last answers to the four questions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Static

from careertui.domain.records import PERCEPTION_RATINGS
from careertui.domain.text import one_line
from careertui.store.selfcheck import Answer
from careertui.widgets.form import EntryForm
from careertui.widgets.ratings import RATING_LABELS, trend_lines
from careertui.widgets.safe import compose

SELF_CHECK_FRESH_DAYS = 30
"""A perception check this recent gives readiness its full self-check points."""
ANSWER_PREVIEW = 100
"""Characters of each last answer on the screen (two lines); the form beside shows them whole."""


def days_ago(days: int) -> str:
    if days <= 0:
        return "today"
    return "yesterday" if days == 1 else f"{days} days ago"


def answers_content(answers: Sequence[Answer], limit: int | None = ANSWER_PREVIEW) -> Content:
    """The four questions, each with its latest answer shown literally (on one line cut at
    `limit`, or whole with its line breaks when `limit` is None)."""
    parts = []
    for number, answer in enumerate(answers, start=1):
        head = compose((f"{number}. ", "bold $accent"), (answer.question, "bold"))
        if answer.text.strip():
            text = answer.text.strip() if limit is None else one_line(answer.text, limit)
            body = compose(("   ", ""), text, (f"  {answer.date}", "dim"))
        else:
            body = compose(("   not answered yet", "dim italic"))
        parts.append(Content("\n").join([head, body]))
    return Content("\n").join(parts)


class PerceptionForm(EntryForm):
    """The perception EntryForm with your last answers to the four questions beside it."""

    def __init__(self, answers: Sequence[Answer], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.answers = list(answers)

    def compose(self) -> ComposeResult:
        with Horizontal(id="perception-form-row"):
            yield from super().compose()
            with VerticalScroll(id="perception-form-last"):
                yield Static(Content("Your last answers").stylize("bold"), classes="form-title")
                yield Static(answers_content(self.answers, limit=None))

    def on_resize(self) -> None:
        """Below 120 columns the form and the answers do not fit side by side: the form alone
        (the answers are on the screen behind it). EntryForm's own on_resize runs as well."""
        self.set_class(self.size.width < 120, "-narrow")


class PerceptionColumn(Vertical):
    """The trend, the history table (filled by the screen) and the last answers."""

    def compose(self) -> ComposeResult:
        yield Static(id="perception-trend", classes="panel")
        with Vertical(id="perception-history", classes="panel"):
            yield DataTable(id="perception-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="perception-answers", classes="panel")

    def on_mount(self) -> None:
        table = self.query_one("#perception-table", DataTable)
        table.add_column("Date", key="date", width=10)
        for name in PERCEPTION_RATINGS:
            table.add_column(RATING_LABELS[name][:4] + ".", key=name, width=5)
        table.add_column("Notes", key="notes")
        self.query_one(
            "#perception-trend"
        ).border_title = "Perception · behaviour, language, attitude"
        self.query_one("#perception-answers").border_title = "Your last answers"

    def show(self, perception: dict[str, Any], today: date, width: int) -> None:
        """The trend (`width` cells wide), how old the last check is, the last answers."""
        trend = self.query_one("#perception-trend", Static)
        trend.update(trend_lines(perception["series"], RATING_LABELS, width))
        last = perception["last_date"]
        if last is None:
            trend.border_subtitle = Content.from_markup("[b $warning]no check yet[/]")
        else:
            days = (today - date.fromisoformat(last)).days
            style = "$success" if days <= SELF_CHECK_FRESH_DAYS else "$warning"
            trend.border_subtitle = Content.from_markup(
                f"[{style}]last check $d[/]", d=days_ago(days)
            )
        answers = perception["answers"]
        self.query_one("#perception-answers", Static).update(answers_content(answers))
