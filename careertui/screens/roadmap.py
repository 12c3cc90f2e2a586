"""Roadmap (2): the space you want to command, goals with milestones, key actions, target role.

Four tabs, each a widget of its own in careertui/widgets/roadmap/: Space (the profile's answers
and brand message), Goals (goal → milestones), Actions (cadence, streak, strength, the last
four weeks; `space` checks today in) and Target role (requirements as have / partial / gap with
a plan). This screen reads the data for all four at once, holds the filter, and adds, edits,
deletes and checks in. Streaks and strengths come from `compute_stats`, the figures
`careertui stats` prints.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Header, Input, TabbedContent

from careertui.screens.base import CareerScreen
from careertui.store import Store
from careertui.store.opportunities import comparison_read
from careertui.store.overview import shared_stats
from careertui.store.roadmap import actions_overview, goal_tree, requirements_overview
from careertui.tui.opportunities import OpportunityActions
from careertui.widgets.footer import CareerFooter
from careertui.widgets.roadmap.actions import ActionsTab
from careertui.widgets.roadmap.common import RecordChosen, RoadmapData, RoadmapTab, select_key
from careertui.widgets.roadmap.goals import GoalsTab
from careertui.widgets.roadmap.opportunities import OpportunitiesTab
from careertui.widgets.roadmap.space import SpaceTab
from careertui.widgets.roadmap.target import TargetTab
from careertui.widgets.safe import compose

TABS = ("space", "goals", "actions", "target", "opportunities")
TAB_OF_KIND = {"goal": "goals", "action": "actions", "checkin": "actions", "requirement": "target"}
KIND_OF_TAB = {"goals": "goal", "actions": "action", "target": "requirement"}


class RoadmapScreen(OpportunityActions, CareerScreen):
    TITLE = "Roadmap"
    CSS_PATH = "roadmap.tcss"
    HELP = (
        "Your plan: the space you want to command, goals broken into milestones, the key actions "
        "you repeat, and the role you want next.\n"
        "Tabs: [ and ] cycle; p Space, g Goals, c Actions (check-ins), t Target role (u takes "
        "the status its wins suggest), o Opportunities (w weighs, d decides, l looks back, "
        "W sets the weights); or tab to the tab bar and use ←/→."
    )
    BINDINGS = [
        Binding("right_square_bracket", "cycle(1)", "Next tab", key_display="]"),
        Binding("left_square_bracket", "cycle(-1)", "Previous tab", show=False, key_display="["),
        Binding("p", "tab('space')", "Space tab", show=False),
        Binding("g", "tab('goals')", "Goals tab", show=False),
        Binding("c", "tab('actions')", "Actions tab", show=False),
        Binding("t", "tab('target')", "Target role tab", show=False),
        Binding("o", "tab('opportunities')", "Opportunities tab", show=False),
        Binding("a", "add", "Add"),
        Binding("m", "add_milestone", "Milestone"),
        Binding("e", "edit", "Edit", key_display="e/enter"),
        Binding("enter", "edit", "Edit", show=False),
        Binding("delete", "delete", "Delete"),
        Binding("d", "toggle_done", "Done"),
        Binding("space", "check_in", "Check in"),
        Binding("s", "skip", "Skip"),
        Binding("u", "accept_suggestion", "Accept suggestion"),
        Binding("slash", "filter", "Filter", key_display="/"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.data = RoadmapData()
        self.filter_text = ""
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
            yield SpaceTab()
            yield GoalsTab()
            yield ActionsTab()
            yield TargetTab()
            yield OpportunitiesTab()
        yield CareerFooter()

    def on_mount(self) -> None:
        self.query_one("#roadmap-filter").display = False

    def on_screen_resume(self, event: Any) -> None:
        self.focus_list()

    # -- state ---------------------------------------------------------------------------------
    @property
    def tab(self) -> str:
        return self.query_one(TabbedContent).active or "goals"

    def tab_view(self, tab: str | None = None) -> RoadmapTab:
        return self.query_one(f"#{tab or self.tab}", RoadmapTab)

    def tab_views(self) -> list[RoadmapTab]:
        return [self.tab_view(tab) for tab in TABS]

    def focus_list(self) -> None:
        view = self.tab_view()
        target = view.table if view.TABLE_ID else view.query_one("#space-answers")
        if self.focused is not target:  # focus() repaints the widget, focused or not
            target.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        tab = self.tab if self.is_mounted else "goals"
        allowed = {
            "add": tab in KIND_OF_TAB,
            "add_milestone": tab == "goals",
            "toggle_done": tab == "goals",
            "check_in": tab == "actions",
            "skip": tab == "actions",
            "accept_suggestion": tab == "target",
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

        def read(store: Store) -> RoadmapData:
            stats = shared_stats(store, today)
            return RoadmapData(
                profile=store.profile(),
                goals=goal_tree(store),
                actions=actions_overview(store, today),
                requirements=requirements_overview(store),
                milestones_due=len(stats.get("milestones_due", [])),
                days_to_review=stats.get("readiness", {}).get("days_to_review"),
                action_stats={a["id"]: a for a in stats["actions"]},
                opportunities=comparison_read(store),
                loaded_on=today,
            )

        self.data = await self.fetch(read)
        await self.show_all()

    async def on_resize(self) -> None:  # type: ignore[override]  # Textual awaits a coroutine
        if self.data.loaded_on is not None:
            await self.show_all()

    async def show_all(self) -> None:
        for view in self.tab_views():
            await view.show(self.data, self.filter_text)
        if self._pending_key:
            await self._reveal_pending(forget=True)
        for view in self.tab_views():
            view.show_detail()

    async def show_lists(self) -> None:
        """Show the tables again (the filter changed)."""
        for tab in KIND_OF_TAB:
            await self.tab_view(tab).show(self.data, self.filter_text)

    async def _reveal_pending(self, *, forget: bool = False) -> None:
        """Put the cursor on the record just added or found by search, fetching the pages down
        to it; then (or with `forget`, after a load, even when it is not listed) it is done."""
        key = self._pending_key
        tab = TAB_OF_KIND.get((key or "").split("-", 1)[0])
        found = bool(key and tab) and await self.tab_view(tab).table.reveal(str(key))
        if (found or forget) and self._pending_key == key:
            self._pending_key = None

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
        await self.show_lists()

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
        await self.show_lists()
        self.focus_list()
        self.refresh_bindings()

    # -- the selected record -------------------------------------------------------------------
    def selected(self) -> tuple[str, int] | None:
        """(kind, id) of the row under the cursor in the current tab."""
        return self.tab_view().selected()

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
        goal = self.data.goal(picked[1])
        if goal is None:
            return
        parent_id = (
            goal["parent_id"] if goal["kind"] == "milestone" and goal["parent_id"] else goal["id"]
        )
        parent = self.data.goal(parent_id) or goal
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
                "profile", self.data.profile.get("id"), title=Content("Your space").stylize("bold")
            )
            return
        picked = self.selected()
        if picked is not None:
            self.open_form(*picked)

    @on(RecordChosen)
    def _record_chosen(self, event: RecordChosen) -> None:
        self.open_form(event.kind, event.record_id)

    def action_delete(self) -> None:
        picked = self.selected()
        if picked is None:
            return
        kind, record_id = picked
        title = self.data.title_of(kind, record_id)
        goal = self.data.goal(record_id) if kind == "goal" else None
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
            if select_key(self.tab_view(tab).table, self._pending_key):
                self._pending_key = None
            elif self.data.loaded_on is not None:  # further down than the rows fetched so far
                self.run_worker(self._reveal_pending(), group="reveal")
        self.open_form(kind, record_id)

    # -- goals: done ---------------------------------------------------------------------------
    async def action_toggle_done(self) -> None:
        picked = self.selected()
        if picked is None:
            return
        goal = self.data.goal(picked[1])
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

    # -- target role: the status its wins suggest ----------------------------------------------
    async def action_accept_suggestion(self) -> None:
        """Take the status the evidencing wins suggest (2 wins: gap → partial, 4: → have)."""
        from careertui.store.evidence import accept_suggestion

        picked = self.selected()
        found = self.data.requirement(picked[1]) if picked else None
        if not found or not found.get("suggested"):
            self.notify("No suggestion: 2 evidencing wins suggest partial, 4 have.")
            return
        today = self.today()
        try:
            status = await self.change(lambda store: accept_suggestion(store, found["id"], today))
        except Exception as exc:  # noqa: BLE001
            self.report(exc)
            return
        self.notify(f"{found['title']}: now {status}", markup=False)
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
        action = self.data.action(picked[1])
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
            what = f"{'skip' if skip else 'check-in'} of “{action['title']}”"
            await self.change(self.check_in_undoable, action["id"], today, skip, what)
        except Exception as exc:  # noqa: BLE001
            self.report(exc)
            return
        verb = "Skipped today" if skip else "Checked in"
        self.notify(f"{verb}: {action['title']}", markup=False)
        self.refresh_data()
