"""The Roadmap's Space tab: the profile's answers, the brand message, the essentials and the
roadmap at a glance."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from careertui.domain.records import KINDS
from careertui.widgets.roadmap.common import RoadmapData, RoadmapTab, plural, tab_label
from careertui.widgets.safe import compose, literal

SPACE_QUESTIONS = ("domain", "function", "problems", "activities", "capabilities", "gaps")
SPACE_FACTS = {
    "current_role": "Current role",
    "target_role": "Target role",
    "timeframe": "Timeframe",
    "target_salary": "Target salary",
    "review_start": "Review from",
    "review_date": "Review date",
}


class SpaceTab(RoadmapTab):
    """The space you want to command: `e` edits the profile (the screen's edit action)."""

    def __init__(self) -> None:
        super().__init__(tab_label("Space", "p"), id="space")

    def compose(self) -> ComposeResult:
        with Horizontal(id="space-columns"):
            with VerticalScroll(id="space-answers", classes="panel"):
                yield Static(id="space-text")
            # Scrolls: at 80x24 the three panels are taller than the screen.
            with VerticalScroll(id="space-side"):
                yield Static(id="brand", classes="panel")
                yield Static(id="space-facts", classes="panel")
                yield Static(id="space-summary", classes="panel")

    def on_mount(self) -> None:
        self.query_one("#space-answers").border_title = "Your space"
        self.query_one("#brand").border_title = "Brand message"
        self.query_one("#space-facts").border_title = "Essentials"
        self.query_one("#space-summary").border_title = "At a glance"

    async def show(self, data: RoadmapData, filter_text: str) -> None:
        await super().show(data, filter_text)
        profile = data.profile
        kind = KINDS["profile"]
        parts: list[Content] = []
        for name in SPACE_QUESTIONS:
            parts.append(Content(kind.field(name).title).stylize("bold $accent"))
            answer = str(profile.get(name) or "").strip()
            parts.append(
                literal(answer)
                if answer
                else Content("not answered yet — e to edit").stylize("dim italic")
            )
            parts.append(Content(""))
        self.query_one("#space-text", Static).update(Content("\n").join(parts[:-1]))
        brand = str(profile.get("brand_message") or "").strip()
        self.query_one("#brand", Static).update(
            literal(brand, "italic")
            if brand
            else Content("What do you want to be known for? e to write it.").stylize("dim italic")
        )
        facts = []
        for name, label in SPACE_FACTS.items():
            value = str(profile.get(name) or "").strip()
            facts.append(compose((f"{label:<14}", "dim"), value or "—"))
        self.query_one("#space-facts", Static).update(Content("\n").join(facts))
        self.query_one("#space-summary", Static).update(summary(data))


def summary(data: RoadmapData) -> Content:
    """The roadmap in five lines, from the same figures the tabs show."""
    active = [g for g in data.goals if g["status"] == "active"]
    opportunities = sum(1 for g in active if g["kind"] == "opportunity")
    due = sum(1 for a in data.action_stats.values() if a.get("due_today"))
    counts = data.requirements["counts"]
    days = data.days_to_review
    review = (
        "no review date set"
        if days is None
        else (f"review in {days} days" if days >= 0 else f"review was {-days} days ago")
    )
    lines = [
        f"{plural(len(active), 'active goal')}, "
        f"{plural(opportunities, 'opportunity', 'opportunities')}",
        f"{plural(data.milestones_due, 'milestone')} due in the next 14 days",
        f"{plural(len(data.action_stats), 'key action')}, {due} due today",
        f"[$error]{plural(counts.get('gap', 0), 'gap')}[/], "
        f"[$warning]{counts.get('partial', 0)} partial[/] in the target role",
        f"[dim]{review}[/]",
    ]
    return Content.from_markup("\n".join(lines))
