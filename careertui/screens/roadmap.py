"""Roadmap (2): the space you want to command, goals with milestones, key actions, target role.

Four tabs: Space (the profile's answers and brand message), Goals (goal → milestones), Actions
(cadence, streak, strength, the last four weeks; `space` checks today in) and Target role
(requirements as have / partial / gap with a plan). Streaks and strengths come from
`compute_stats`, the figures `careertui stats` prints.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Header, Input, Static, TabbedContent, TabPane
from textual.widgets.data_table import RowDoesNotExist

from careertui.domain.records import KINDS
from careertui.screens.base import CareerScreen
from careertui.store import Store
from careertui.store.overview import shared_stats
from careertui.store.roadmap import (
    HISTORY_WEEKS,
    actions_overview,
    goal_tree,
    history_first,
    requirements_overview,
)
from careertui.widgets.footer import CareerFooter
from careertui.widgets.paged import PagedTable, in_memory
from careertui.widgets.safe import cell, compose, line, literal

TABS = ("space", "goals", "actions", "target")
TAB_OF_KIND = {"goal": "goals", "action": "actions", "checkin": "actions", "requirement": "target"}
KIND_OF_TAB = {"goals": "goal", "actions": "action", "target": "requirement"}
LIST_OF_TAB = {
    "space": "#space-answers",
    "goals": "#goals-table",
    "actions": "#actions-table",
    "target": "#requirements-table",
}

Columns = Sequence[tuple[str, str, int | None]]
"""(label, key, width); the one column of width None takes the room that is left."""
GOAL_COLUMNS: Columns = (
    ("Goal", "title", None),
    ("Metric", "metric", 18),
    ("Progress", "progress", 20),
    ("Due", "due", 17),
    ("Status", "status", 9),
)
ACTION_COLUMNS: Columns = (
    ("Action", "title", None),
    ("Cadence", "cadence", 9),
    ("Goal", "goal", 16),
    ("Streak", "streak", 6),
    ("Strength", "strength", 10),
    ("Period", "period", 6),
    (f"Last {HISTORY_WEEKS} weeks", "history", HISTORY_WEEKS * 8 - 1),
)
NARROW_COLUMNS: dict[str, Columns] = {
    # Below the width the columns above need, text columns shrink and the history strip (the
    # detail panel counts the same weeks) goes, so the status and dates stay in view.
    "goals": (
        ("Goal", "title", None),
        ("Metric", "metric", 10),
        ("Progress", "progress", 14),
        ("Due", "due", 17),
        ("Status", "status", 7),
    ),
    "actions": (
        ("Action", "title", None),
        ("Cadence", "cadence", 9),
        ("Goal", "goal", 12),
        ("Streak", "streak", 6),
        ("Strength", "strength", 10),
        ("Period", "period", 6),
    ),
}
FLEXIBLE_MIN = 20
"""The flexible column's width below which a table switches to its narrow columns."""
REQUIREMENT_COLUMNS: Columns = (
    ("Requirement", "title", 38),
    ("Status", "status", 9),
    ("Plan to close it", "plan", None),
)
SPACE_QUESTIONS = ("domain", "function", "problems", "activities", "capabilities", "gaps")
SPACE_FACTS = {
    "current_role": "Current role",
    "target_role": "Target role",
    "timeframe": "Timeframe",
    "target_salary": "Target salary",
    "review_start": "Review from",
    "review_date": "Review date",
}
REQUIREMENT_LOOK = {
    "have": ("● have", "green"),
    "partial": ("◐ partial", "yellow"),
    "gap": ("○ gap", "red"),
}
STATUS_LOOK = {
    "active": ("active", ""),
    "done": ("✓ done", "green"),
    "dropped": ("dropped", "dim strike"),
}


# -- cells -----------------------------------------------------------------------------------------
def meter(fraction: float, colour: str, width: int = 6) -> Text:
    """A small progress bar: the done part in `colour`, the rest dim."""
    filled = round(max(0.0, min(1.0, fraction)) * width)
    return Text.assemble(("━" * filled, colour), ("━" * (width - filled), "dim"))


def number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def due_cell(due: str | None, status: str, today: date) -> Text:
    """The due date and how far off it is; red when an active item is overdue."""
    if not due:
        return Text("")
    try:
        days = (date.fromisoformat(due) - today).days
    except ValueError:
        return cell(due)
    if status != "active":
        return Text(due, style="dim")
    span = f"{abs(days)}d" if abs(days) < 100 else f"{abs(days) // 30}mo"
    when = "today" if days == 0 else f"in {span}" if days > 0 else f"{span} late"
    style = "red" if days < 0 else "yellow" if days <= 14 else ""
    return Text.assemble((due, style), (f" {when}", style or "dim"))


def progress_cell(goal: dict[str, Any]) -> Text:
    """current/target with a meter, or milestones done/total for a goal measured by them."""
    target, current = goal.get("target"), goal.get("current")
    if target:
        fraction = (current or 0) / target
        return Text.assemble(
            meter(fraction, "green" if fraction >= 1 else "cyan"),
            f" {number(current or 0)}/{number(target)}",
        )
    milestones = goal.get("milestones") or []
    if milestones:
        done = sum(1 for m in milestones if m["status"] == "done")
        return Text.assemble(
            meter(done / len(milestones), "cyan"), (f" {done}/{len(milestones)} milestones", "dim")
        )
    return Text(number(current), style="dim")


def goal_title_cell(goal: dict[str, Any], depth: int, last: bool) -> Text:
    if depth:
        branch = "  └ " if last else "  ├ "
        style = {"dropped": "dim strike", "done": "dim"}.get(goal["status"], "")
        return Text.assemble((branch, "dim"), cell(goal["title"], 60, style))
    marker = ("★ ", "bold yellow") if goal["kind"] == "opportunity" else ("◆ ", "bold cyan")
    style = "bold" if goal["status"] == "active" else "dim"
    if goal["status"] == "dropped":
        style = "dim strike"
    return Text.assemble(marker, cell(goal["title"], 60, style))


def history_strip(history: dict[str, bool], cadence: str, today: date) -> Text:
    """The last HISTORY_WEEKS ISO weeks, a glyph a day: ✓ checked in, – skipped, · nothing;
    weekends of a `weekdays` action dimmed; today underlined."""
    first = history_first(today)
    strip = Text(no_wrap=True)
    for offset in range(HISTORY_WEEKS * 7):
        day = first + timedelta(days=offset)
        if offset and offset % 7 == 0:
            strip.append(" ")
        if day > today:
            strip.append(" ")
            continue
        state = history.get(day.isoformat())
        glyph, style = (
            ("✓", "bold green") if state is False else ("–", "yellow") if state else ("·", "dim")
        )
        if state is None and cadence == "weekdays" and day.weekday() >= 5:
            glyph = " "
        if day == today:
            style += " underline"
        strip.append(glyph, style)
    return strip


def period_cell(stats: dict[str, Any] | None) -> Text:
    if stats is None:
        return Text("paused", style="dim")
    met, target = stats.get("met_this_period", 0), stats.get("target", 1)
    if met >= target:
        return Text(f"✓ {met}/{target}", style="green")
    return Text(f"{met}/{target}", style="yellow" if stats.get("due_today") else "")


def strength_cell(stats: dict[str, Any] | None) -> Text:
    if stats is None:
        return Text("")
    strength = int(stats.get("strength", 0))
    colour = "green" if strength >= 70 else "yellow" if strength >= 40 else "red"
    return Text.assemble(meter(strength / 100, colour), f" {strength:>3}")


def fit_columns(table: DataTable, columns: Columns, width: int) -> list[int]:
    """Give the flexible column what `width` leaves; rebuilt (rows too) when the widths change.
    Returns the widths."""
    padding = 2 * table.cell_padding * len(columns)
    fixed = sum(w or 0 for _label, _key, w in columns)
    flexible = max(16, width - fixed - padding)
    widths = [w or flexible for _label, _key, w in columns]
    if [c.width for c in table.columns.values()] != widths:
        table.clear(columns=True)
        for (label, key, _w), column_width in zip(columns, widths, strict=True):
            table.add_column(label, key=key, width=column_width)
    return widths


Row = tuple[str, list[Any]]
"""(row key, cells) of a tab's table."""


def cut_cells(values: Sequence[Any], widths: Sequence[int]) -> list[Any]:
    """Cells cut with … to their columns' widths (not cropped by the table)."""
    for value, column_width in zip(values, widths, strict=True):
        if isinstance(value, Text):
            value.truncate(column_width, overflow="ellipsis")
    return list(values)


def plural(count: int, word: str, many: str = "") -> str:
    return f"{count} {word if count == 1 else many or word + 's'}"


def tab_label(title: str, key: str) -> Content:
    return Content.from_markup("$title [dim]$key[/]", title=title, key=key)


def row_key(table: DataTable) -> str | None:
    """The key of the row under the cursor ("goal-12"), or None for an empty table."""
    if not 0 <= table.cursor_row < table.row_count:
        return None
    return table.ordered_rows[table.cursor_row].key.value


def select_key(table: DataTable, key: str) -> bool:
    try:
        table.move_cursor(row=table.get_row_index(key))
    except RowDoesNotExist:  # not (yet) in the table
        return False
    return True


def goal_entries(
    goals: Sequence[dict[str, Any]], matches: Callable[..., bool]
) -> list[tuple[dict[str, Any], int, bool]]:
    """The goal tree as table rows: (goal, depth, last of its goal's milestones). A goal the
    filter misses stays when one of its milestones matches (only those are listed)."""
    entries: list[tuple[dict[str, Any], int, bool]] = []
    for goal in goals:
        listed = goal["milestones"]
        if not matches(goal["title"], goal["metric"]):
            listed = [m for m in listed if matches(m["title"], m["metric"])]
            if not listed:
                continue
        entries.append((goal, 0, False))
        entries.extend(
            (milestone, 1, position == len(listed) - 1) for position, milestone in enumerate(listed)
        )
    return entries


class RoadmapScreen(CareerScreen):
    TITLE = "Roadmap"
    CSS_PATH = "roadmap.tcss"
    HELP = (
        "Your plan: the space you want to command, goals broken into milestones, the key actions "
        "you repeat, and the role you want next.\n"
        "Tabs: [ and ] cycle; p Space, g Goals, c Actions (check-ins), t Target role; or tab to "
        "the tab bar and use ←/→."
    )
    BINDINGS = [
        Binding("right_square_bracket", "cycle(1)", "Next tab", key_display="]"),
        Binding("left_square_bracket", "cycle(-1)", "Previous tab", show=False, key_display="["),
        Binding("p", "tab('space')", "Space tab", show=False),
        Binding("g", "tab('goals')", "Goals tab", show=False),
        Binding("c", "tab('actions')", "Actions tab", show=False),
        Binding("t", "tab('target')", "Target role tab", show=False),
        Binding("a", "add", "Add"),
        Binding("m", "add_milestone", "Milestone"),
        Binding("e", "edit", "Edit", key_display="e/enter"),
        Binding("enter", "edit", "Edit", show=False),
        Binding("delete", "delete", "Delete"),
        Binding("d", "toggle_done", "Done"),
        Binding("space", "check_in", "Check in"),
        Binding("s", "skip", "Skip"),
        Binding("slash", "filter", "Filter", key_display="/"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.profile: dict[str, Any] = {}
        self.goals: list[dict[str, Any]] = []
        self.actions: list[dict[str, Any]] = []
        self.milestones_due = 0
        self.days_to_review: int | None = None
        self.action_stats: dict[int, dict[str, Any]] = {}
        self.requirements: dict[str, Any] = {"rows": [], "counts": {}}
        self.filter_text = ""
        self.loaded_on: date | None = None
        self._pending_key: str | None = None

    # -- layout --------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(
            placeholder="filter this tab: type to narrow, enter to keep, escape to clear",
            id="roadmap-filter",
            compact=True,
        )
        with TabbedContent(id="roadmap-tabs", initial="goals"):
            with TabPane(tab_label("Space", "p"), id="space"):
                with Horizontal(id="space-columns"):
                    with VerticalScroll(id="space-answers", classes="panel"):
                        yield Static(id="space-text")
                    with Vertical(id="space-side"):
                        yield Static(id="brand", classes="panel")
                        yield Static(id="space-facts", classes="panel")
                        yield Static(id="space-summary", classes="panel")
            with TabPane(tab_label("Goals", "g"), id="goals"):
                yield PagedTable(id="goals-table", classes="panel")
                yield Static(id="goal-detail", classes="panel detail")
            with TabPane(tab_label("Actions", "c"), id="actions"):
                yield PagedTable(id="actions-table", classes="panel")
                yield Static(id="action-detail", classes="panel detail")
            with TabPane(tab_label("Target role", "t"), id="target"):
                yield PagedTable(id="requirements-table", classes="panel")
                yield Static(id="requirement-detail", classes="panel detail")
        yield CareerFooter()

    def on_mount(self) -> None:
        self.query_one("#space-answers").border_title = "Your space"
        self.query_one("#brand").border_title = "Brand message"
        self.query_one("#space-facts").border_title = "Essentials"
        self.query_one("#space-summary").border_title = "At a glance"
        self.query_one("#roadmap-filter").display = False
        self.query_one("#actions-table").border_subtitle = Content.from_markup(
            "[b green]✓[/] done  [yellow]–[/] skipped  [dim]·[/] none  [u]today[/u]"
        )

    def on_screen_resume(self, event: Any) -> None:
        self.focus_list()

    # -- state ---------------------------------------------------------------------------------
    @property
    def tab(self) -> str:
        return self.query_one(TabbedContent).active or "goals"

    def focus_list(self) -> None:
        table = self.query_one(LIST_OF_TAB[self.tab])
        if self.focused is not table:  # focus() repaints the widget, focused or not
            table.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        tab = self.tab if self.is_mounted else "goals"
        allowed = {
            "add": tab in KIND_OF_TAB,
            "add_milestone": tab == "goals",
            "toggle_done": tab == "goals",
            "check_in": tab == "actions",
            "skip": tab == "actions",
            "delete": tab in KIND_OF_TAB,
            "filter": tab in KIND_OF_TAB,
            "clear_filter": bool(self.filter_text) or self._filter_shown(),
        }
        return allowed.get(action, True)

    def _filter_shown(self) -> bool:
        return self.is_mounted and self.query_one("#roadmap-filter").display

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self.refresh_bindings()

    # -- loading -------------------------------------------------------------------------------
    async def load(self) -> None:
        today = self.today()

        def read(store: Store) -> tuple[Any, ...]:
            return (
                store.profile(),
                goal_tree(store),
                actions_overview(store, today),
                requirements_overview(store),
                shared_stats(store, today),
            )

        profile, goals, actions, requirements, stats = await self.fetch(read)
        self.profile, self.goals, self.actions, self.requirements = (
            profile,
            goals,
            actions,
            requirements,
        )
        # Only the figures shown are kept, not the whole stats (follow-ups, journal figures…).
        self.milestones_due = len(stats.get("milestones_due", []))
        self.days_to_review = stats.get("readiness", {}).get("days_to_review")
        self.action_stats = {a["id"]: a for a in stats["actions"]}
        self.loaded_on = today
        await self.show_all()

    async def on_resize(self) -> None:
        if self.loaded_on is not None:
            await self.show_all()

    async def _fill(
        self,
        selector: str,
        columns: Columns,
        items: Sequence[Any],
        to_row: Callable[[Any], Row],
        narrow: Columns | None = None,
    ) -> PagedTable:
        """Fill a tab's table a page at a time (cells are built for the rows fetched), its
        columns fitted to the width the tabs have now (the `narrow` columns, a subset, when the
        full ones would leave the flexible one too little). The cursor stays on its record."""
        table = self.query_one(selector, PagedTable)
        at = table.position()  # before the columns change, which empties the table
        room = self.query_one(TabbedContent).size.width - 2 - 1  # border, scrollbar
        padding = 2 * table.cell_padding * len(columns)
        need = sum(w or FLEXIBLE_MIN for _l, _k, w in columns) + padding
        keep: list[int] | None = None
        if narrow is not None and room < need:
            keys = [key for _label, key, _w in columns]
            keep = [keys.index(key) for _label, key, _w in narrow]
            columns = narrow
        widths = fit_columns(table, columns, room)

        def fitted(item: Any) -> Row:
            key, values = to_row(item)
            if keep is not None:
                values = [values[i] for i in keep]
            return key, cut_cells(values, widths)

        await table.reload(in_memory(items, fitted), at=at)
        return table

    async def show_all(self) -> None:
        self.show_space()
        await self.show_goals()
        await self.show_actions()
        await self.show_requirements()
        if self._pending_key:
            await self._reveal_pending(forget=True)
        self.show_details()

    async def _reveal_pending(self, *, forget: bool = False) -> None:
        """Put the cursor on the record just added or found by search, fetching the pages down
        to it; then (or with `forget`, after a load, even when it is not listed) it is done."""
        key = self._pending_key
        table_id = {
            "goal": "#goals-table",
            "action": "#actions-table",
            "requirement": "#requirements-table",
        }.get((key or "").split("-", 1)[0])
        found = bool(key and table_id) and await self.query_one(str(table_id), PagedTable).reveal(
            str(key)
        )
        if (found or forget) and self._pending_key == key:
            self._pending_key = None

    def _matches(self, *texts: object) -> bool:
        wanted = self.filter_text.casefold()
        return not wanted or any(wanted in str(t or "").casefold() for t in texts)

    # -- Space ---------------------------------------------------------------------------------
    def show_space(self) -> None:
        kind = KINDS["profile"]
        parts: list[Content] = []
        for name in SPACE_QUESTIONS:
            parts.append(Content(kind.field(name).title).stylize("bold $accent"))
            answer = str(self.profile.get(name) or "").strip()
            parts.append(
                literal(answer)
                if answer
                else Content("not answered yet — e to edit").stylize("dim italic")
            )
            parts.append(Content(""))
        self.query_one("#space-text", Static).update(Content("\n").join(parts[:-1]))
        brand = str(self.profile.get("brand_message") or "").strip()
        self.query_one("#brand", Static).update(
            literal(brand, "italic")
            if brand
            else Content("What do you want to be known for? e to write it.").stylize("dim italic")
        )
        facts = []
        for name, label in SPACE_FACTS.items():
            value = str(self.profile.get(name) or "").strip()
            facts.append(compose((f"{label:<14}", "dim"), value or "—"))
        self.query_one("#space-facts", Static).update(Content("\n").join(facts))
        self.query_one("#space-summary", Static).update(self._summary())

    def _summary(self) -> Content:
        """The roadmap in five lines, from the same figures the tabs show."""
        active = [g for g in self.goals if g["status"] == "active"]
        opportunities = sum(1 for g in active if g["kind"] == "opportunity")
        milestones = self.milestones_due
        due = sum(1 for a in self.action_stats.values() if a.get("due_today"))
        counts = self.requirements["counts"]
        days = self.days_to_review
        review = (
            "no review date set"
            if days is None
            else (f"review in {days} days" if days >= 0 else f"review was {-days} days ago")
        )
        lines = [
            f"{plural(len(active), 'active goal')}, "
            f"{plural(opportunities, 'opportunity', 'opportunities')}",
            f"{plural(milestones, 'milestone')} due in the next 14 days",
            f"{plural(len(self.action_stats), 'key action')}, {due} due today",
            f"[$error]{plural(counts.get('gap', 0), 'gap')}[/], "
            f"[$warning]{counts.get('partial', 0)} partial[/] in the target role",
            f"[dim]{review}[/]",
        ]
        return Content.from_markup("\n".join(lines))

    # -- Goals ---------------------------------------------------------------------------------
    @staticmethod
    def _goal_cells(goal: dict[str, Any], depth: int, last: bool, today: date) -> list[Any]:
        status, style = STATUS_LOOK.get(goal["status"], (goal["status"] or "", ""))
        return [
            goal_title_cell(goal, depth, last),
            cell(goal["metric"], 24),
            progress_cell(goal),
            due_cell(goal["due"], goal["status"], today),
            Text(status, style=style),
        ]

    async def show_goals(self) -> None:
        today = self.loaded_on or self.today()

        def to_row(entry: tuple[dict[str, Any], int, bool]) -> Row:
            goal, depth, last = entry
            return f"goal-{goal['id']}", self._goal_cells(goal, depth, last, today)

        table = await self._fill(
            "#goals-table",
            GOAL_COLUMNS,
            goal_entries(self.goals, self._matches),
            to_row,
            NARROW_COLUMNS["goals"],
        )
        count = sum(1 for g in self.goals if g["status"] == "active")
        opportunities = sum(
            1 for g in self.goals if g["kind"] == "opportunity" and g["status"] == "active"
        )
        title = f"Goals — {count} active" + (
            f", {plural(opportunities, 'opportunity', 'opportunities')}" if opportunities else ""
        )
        table.border_title = self._titled(title)
        table.border_subtitle = (
            Content.from_markup(
                "[b $accent]◆[/] goal  [b yellow]★[/] opportunity  [dim]└[/] milestone"
            )
            if self.goals
            else Content("No goals yet: press a to add one, then m for its milestones")
        )

    def _titled(self, title: str) -> Content:
        if not self.filter_text:
            return Content(title)
        return Content("").join([Content(title + "  filter: "), self._filter_label()])

    def _filter_label(self) -> Content:
        return line(self.filter_text, 40, "bold $accent")

    # -- Actions -------------------------------------------------------------------------------
    async def show_actions(self) -> None:
        today = self.loaded_on or self.today()

        def to_row(action: dict[str, Any]) -> Row:
            stats = self.action_stats.get(action["id"]) if action["active"] else None
            streak = (
                Text(f"{stats['streak']:>3}", style="bold" if stats["streak"] else "dim")
                if stats
                else Text("")
            )
            return f"action-{action['id']}", [
                cell(action["title"], 34, "" if action["active"] else "dim"),
                Text(action["cadence"] or "", style="cyan"),
                cell(action["goal"], 22, "dim"),
                streak,
                strength_cell(stats),
                period_cell(stats),
                history_strip(action["history"], action["cadence"] or "", today),
            ]

        shown = [
            action
            for action in self.actions
            if self._matches(action["title"], action["goal"], action["cadence"])
        ]
        table = await self._fill(
            "#actions-table", ACTION_COLUMNS, shown, to_row, NARROW_COLUMNS["actions"]
        )
        due = sum(1 for s in self.action_stats.values() if s.get("due_today"))
        table.border_title = self._titled(
            f"Key actions — {len(self.action_stats)} active" + (f", {due} due today" if due else "")
        )
        if not self.actions:
            table.border_subtitle = Content("No key actions yet: press a to add one")
        else:
            table.border_subtitle = Content("")

    # -- Target role ---------------------------------------------------------------------------
    async def show_requirements(self) -> None:
        def to_row(requirement: dict[str, Any]) -> Row:
            look, style = REQUIREMENT_LOOK.get(
                requirement["status"], (requirement["status"] or "", "")
            )
            plan = requirement["plan"] or ""
            return f"requirement-{requirement['id']}", [
                cell(requirement["title"], 44),
                Text(look, style=style),
                cell(plan, 70)
                if plan.strip()
                else Text(
                    "no plan yet" if requirement["status"] != "have" else "",
                    style="dim italic",
                ),
            ]

        shown = [
            requirement
            for requirement in self.requirements["rows"]
            if self._matches(requirement["title"], requirement["plan"], requirement["status"])
        ]
        table = await self._fill("#requirements-table", REQUIREMENT_COLUMNS, shown, to_row)
        counts = self.requirements["counts"]
        role = str(self.profile.get("target_role") or "").strip()
        summary = (
            f" — {plural(counts.get('gap', 0), 'gap')}, {counts.get('partial', 0)} partial, "
            f"{counts.get('have', 0)} have"
        )
        title = compose(("Target role", ""), *((": ", ""), role) if role else (), (summary, ""))
        if self.filter_text:
            title = Content("").join([title, Content("  filter: "), self._filter_label()])
        table.border_title = title
        table.border_subtitle = (
            Content("")
            if self.requirements["rows"]
            else Content("Study the role you want next: a adds a skill or responsibility it needs")
        )

    # -- details of the selected row ----------------------------------------------------------
    @on(DataTable.RowHighlighted)
    def _row_moved(self) -> None:
        self.show_details()

    def show_details(self) -> None:
        self.query_one("#goal-detail", Static).update(self._goal_detail())
        self.query_one("#action-detail", Static).update(self._action_detail())
        self.query_one("#requirement-detail", Static).update(self._requirement_detail())

    def _picked_id(self, selector: str) -> int | None:
        key = row_key(self.query_one(selector, DataTable))
        return int(key.partition("-")[2]) if key else None

    def _goal_detail(self) -> Content:
        goal_id = self._picked_id("#goals-table")
        goal = self._goal(goal_id) if goal_id is not None else None
        if goal is None:
            return Content("Goals you can measure, broken into milestones with dates.").stylize(
                "dim italic"
            )
        due = f" · due {goal['due']}" if goal["due"] else ""
        lines = [
            Content("").join(
                [
                    line(goal["title"], 100, "bold"),
                    Content(f"   {goal['kind']} · {goal['status']}{due}").stylize("dim"),
                ]
            )
        ]
        if goal["metric"] or goal["target"] is not None:
            lines.append(
                compose(
                    ("Metric  ", "dim"),
                    str(goal["metric"] or "—"),
                    (f"   {number(goal['current']) or '0'} of {number(goal['target']) or '?'}", ""),
                )
            )
        milestones = goal.get("milestones") or []
        if milestones:
            done = sum(1 for m in milestones if m["status"] == "done")
            upcoming = [m for m in milestones if m["status"] == "active"]
            parts: list[tuple[str, str] | str] = [
                ("Milestones  ", "dim"),
                (f"{done} of {len(milestones)} done", ""),
            ]
            if upcoming:
                parts += [("   next: ", "dim"), str(upcoming[0]["title"])]
                if upcoming[0]["due"]:
                    parts.append((f" ({upcoming[0]['due']})", "dim"))
            lines.append(compose(*parts))
        linked = [a for a in self.actions if a["goal_id"] == goal["id"]]
        if linked:
            parts = [("Key actions  ", "dim")]
            for position, action in enumerate(linked):
                stats = self.action_stats.get(action["id"])
                parts.append(str(action["title"]))
                if stats:
                    parts.append((f" (streak {stats['streak']})", "dim"))
                if position < len(linked) - 1:
                    parts.append((", ", "dim"))
            lines.append(compose(*parts))
        if str(goal["notes"] or "").strip():
            lines.append(line(goal["notes"], 300, "italic"))
        return Content("\n").join(lines)

    def _action_detail(self) -> Content:
        action_id = self._picked_id("#actions-table")
        action = self._action(action_id) if action_id is not None else None
        if action is None:
            return Content("Key actions you repeat daily, weekly or monthly.").stylize("dim italic")
        goal = [("   for ", "dim"), str(action["goal"])] if action["goal"] else []
        lines = [
            Content("").join(
                [
                    line(action["title"], 100, "bold"),
                    compose((f"   {action['cadence']}", "dim"), *goal),
                ]
            )
        ]
        stats = self.action_stats.get(action["id"])
        if stats is None:
            lines.append(
                Content("Paused: edit it and tick Active to track it again.").stylize("dim")
            )
        else:
            state = (
                "met"
                if stats["met_this_period"] >= stats["target"]
                else "due today"
                if stats["due_today"]
                else "open"
            )
            lines.append(
                Content.from_markup(
                    "[dim]Streak[/] [b]$streak[/]   [dim]strength[/] [b]$strength[/]/100   "
                    "[dim]this period[/] $met/$target ($state)",
                    streak=str(stats["streak"]),
                    strength=str(stats["strength"]),
                    met=str(stats["met_this_period"]),
                    target=str(stats["target"]),
                    state=state,
                )
            )
        done = sum(1 for skip in action["history"].values() if not skip)
        skips = len(action["history"]) - done
        lines.append(
            Content.from_markup(
                "[dim]Last $weeks weeks[/] $done, $skips   "
                "[b]space[/b] [dim]check in today[/]  [b]s[/b] [dim]skip today[/]",
                weeks=str(HISTORY_WEEKS),
                done=plural(done, "check-in"),
                skips=plural(skips, "skip"),
            )
        )
        return Content("\n").join(lines)

    def _requirement_detail(self) -> Content:
        requirement_id = self._picked_id("#requirements-table")
        found = next((r for r in self.requirements["rows"] if r["id"] == requirement_id), None)
        if found is None:
            return Content(
                "The skills and responsibilities of the role you want next, and your plan for each."
            ).stylize("dim italic")
        look, style = REQUIREMENT_LOOK.get(found["status"], (found["status"] or "", ""))
        plan = str(found["plan"] or "").strip()
        body = (
            literal(plan)
            if plan
            else Content("No plan yet: e to write how you will close it.").stylize("dim italic")
        )
        heading = Content("").join(
            [line(found["title"], 100, "bold"), compose((f"   {look}", style))]
        )
        return Content("\n").join([heading, body])

    # -- navigation ----------------------------------------------------------------------------
    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        self.refresh_bindings()
        self.focus_list()

    def action_cycle(self, step: int) -> None:
        position = TABS.index(self.tab)
        self.action_tab(TABS[(position + step) % len(TABS)])

    # -- filter --------------------------------------------------------------------------------
    def action_filter(self) -> None:
        box = self.query_one("#roadmap-filter", Input)
        box.display = True
        box.focus()
        self.refresh_bindings()

    @on(Input.Changed, "#roadmap-filter")
    async def _filter_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value.strip()
        await self.show_goals()
        await self.show_actions()
        await self.show_requirements()

    @on(Input.Submitted, "#roadmap-filter")
    def _filter_kept(self) -> None:
        if not self.filter_text:
            self.query_one("#roadmap-filter").display = False
        self.focus_list()
        self.refresh_bindings()

    async def action_clear_filter(self) -> None:
        box = self.query_one("#roadmap-filter", Input)
        box.value = ""
        box.display = False
        self.filter_text = ""
        await self.show_goals()
        await self.show_actions()
        await self.show_requirements()
        self.focus_list()
        self.refresh_bindings()

    # -- the selected record -------------------------------------------------------------------
    def selected(self) -> tuple[str, int] | None:
        """(kind, id) of the row under the cursor in the current tab."""
        if self.tab not in KIND_OF_TAB:
            return None
        key = row_key(self.query_one(LIST_OF_TAB[self.tab], DataTable))
        if key is None:
            return None
        kind, _, record_id = key.partition("-")
        return kind, int(record_id)

    def _goal(self, goal_id: int) -> dict[str, Any] | None:
        for goal in self.goals:
            if goal["id"] == goal_id:
                return goal
            for milestone in goal["milestones"]:
                if milestone["id"] == goal_id:
                    return milestone
        return None

    def _action(self, action_id: int) -> dict[str, Any] | None:
        return next((a for a in self.actions if a["id"] == action_id), None)

    def _title_of(self, kind: str, record_id: int) -> str:
        if kind == "goal":
            goal = self._goal(record_id)
            return str(goal["title"]) if goal else ""
        if kind == "action":
            action = self._action(record_id)
            return str(action["title"]) if action else ""
        found = next((r for r in self.requirements["rows"] if r["id"] == record_id), None)
        return str(found["title"]) if found else ""

    # -- add, edit, delete ---------------------------------------------------------------------
    def action_add(self) -> None:
        kind = KIND_OF_TAB.get(self.tab)
        if kind == "goal":
            self.open_form(
                "goal",
                fields=("title", "kind", "metric", "target", "current", "due", "status", "notes"),
                values={"kind": "goal"},
                after=self._select_new("goal"),
            )
        elif kind is not None:
            self.open_form(kind, after=self._select_new(kind))

    def _select_new(self, kind: str) -> Any:
        def remember(new_id: Any) -> None:
            if isinstance(new_id, int):
                self._pending_key = f"{kind}-{new_id}"

        return remember

    def action_add_milestone(self) -> None:
        picked = self.selected()
        if picked is None:
            self.notify("Add a goal first (a), then its milestones (m).", severity="warning")
            return
        goal = self._goal(picked[1])
        if goal is None:
            return
        parent_id = (
            goal["parent_id"] if goal["kind"] == "milestone" and goal["parent_id"] else goal["id"]
        )
        parent = self._goal(parent_id) or goal
        self.open_form(
            "goal",
            fields=("title", "kind", "parent_id", "metric", "target", "current", "due", "notes"),
            values={"kind": "milestone", "parent_id": parent_id},
            title=compose(("New milestone of ", "bold"), str(parent["title"])),
            after=self._select_new("goal"),
        )

    def action_edit(self) -> None:
        if self.tab == "space":
            self.open_form(
                "profile", self.profile.get("id"), title=Content("Your space").stylize("bold")
            )
            return
        picked = self.selected()
        if picked is not None:
            self.open_form(*picked)

    @on(DataTable.RowSelected)
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def action_delete(self) -> None:
        picked = self.selected()
        if picked is None:
            return
        kind, record_id = picked
        title = self._title_of(kind, record_id)
        goal = self._goal(record_id) if kind == "goal" else None
        if goal and goal.get("milestones"):
            count = len(goal["milestones"])
            title += f"  (and its {count} milestone{'s' if count != 1 else ''})"
        elif kind == "action":
            title += "  (and all its check-ins)"
        self.confirm_delete(kind, record_id, title)

    def open_record(self, kind: str, record_id: int) -> None:
        """Show a record found by the palette search in its tab, then open its form."""
        tab = TAB_OF_KIND.get(kind)
        if tab is None:
            self.open_form(kind, record_id)
            return
        self.action_tab(tab)
        if kind != "checkin":
            self._pending_key = f"{kind}-{record_id}"
            table = self.query_one(LIST_OF_TAB[tab], DataTable)
            if select_key(table, self._pending_key):
                self._pending_key = None
            elif self.loaded_on is not None:  # further down than the rows fetched so far
                self.run_worker(self._reveal_pending(), group="reveal")
        self.open_form(kind, record_id)

    # -- goals: done ---------------------------------------------------------------------------
    async def action_toggle_done(self) -> None:
        picked = self.selected()
        if picked is None:
            return
        goal = self._goal(picked[1])
        if goal is None:
            return
        status = "active" if goal["status"] == "done" else "done"
        today = self.today()
        try:
            await self.change(
                lambda store: store.update("goal", goal["id"], {"status": status}, today)
            )
        except Exception as exc:  # noqa: BLE001
            self.report(exc)
            return
        verb = "Done" if status == "done" else "Reopened"
        self.notify(f"{verb}: {goal['title']}", markup=False)
        self.refresh_data()

    # -- actions: check-ins --------------------------------------------------------------------
    async def action_check_in(self) -> None:
        await self._check(skip=False)

    async def action_skip(self) -> None:
        await self._check(skip=True)

    async def _check(self, *, skip: bool) -> None:
        picked = self.selected()
        if picked is None:
            self.notify("Add a key action first (a).", severity="warning")
            return
        action = self._action(picked[1])
        if action is None:
            return
        today = self.today()
        if (
            action["history"].get(today.isoformat()) is skip
            and today.isoformat() in action["history"]
        ):
            done = "skipped" if skip else "checked in"
            self.notify(f"Already {done} today: {action['title']}", markup=False)
            return
        try:
            await self.change(lambda store: store.check_in(action["id"], today, today, skip=skip))
        except Exception as exc:  # noqa: BLE001
            self.report(exc)
            return
        verb = "Skipped today" if skip else "Checked in"
        self.notify(f"{verb}: {action['title']}", markup=False)
        self.refresh_data()
