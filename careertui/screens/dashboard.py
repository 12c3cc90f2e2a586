"""Dashboard (1): your career's numbers at a glance, and the journal.

Every figure (streaks, heatmap, readiness, due items, actions) is read from `compute_stats`, the
object `careertui stats --json` prints, so the dashboard and the CLI never disagree. The journal
timeline is paged off the date indexes (`store.journal.timeline`).
"""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Digits, Header, OptionList, Static
from textual.widgets.option_list import Option

from careertui.screens.base import CareerScreen
from careertui.store.journal import PAGE, timeline
from careertui.store.overview import Prefetched, Read, file_signature, read_dashboard
from careertui.widgets.dashboard_lists import action_option, due_options, streak_text
from careertui.widgets.footer import CareerFooter
from careertui.widgets.heatmap import Heatmap
from careertui.widgets.network.tell import tell_options
from careertui.widgets.readiness import ReadinessMeter
from careertui.widgets.timeline import JournalTimeline

RELOAD_LIMIT = 1000
"""A reload after a save reads again as many entries as were shown, up to this many, so the
cursor stays on its entry."""


class DashboardScreen(CareerScreen):
    TITLE = "Dashboard"
    CSS_PATH = "dashboard.tcss"
    AUTO_FOCUS = "#journal"
    """Focused as the screen is composed: focusing it later moved the focus (and restyled two
    widgets, and rebuilt the keys shown) after the first frame."""
    HELP = (
        "Your career's numbers at a glance, and your journal.\n"
        "Every figure is the one `careertui stats` prints for the same day. tab moves between the "
        "journal, what is due and today's key actions: enter opens a due item, space (or enter) "
        "checks the highlighted key action in for today. ✉ Tell lines pair a decision-maker or "
        "sponsor with the best measured win they have not heard of: enter opens their brief, "
        "t records that they heard of it."
    )
    BINDINGS = [
        Binding("n", "add_note", "Note"),
        Binding("a", "add_note", "Add note", show=False),
        Binding("e", "open", "Open", key_display="e/enter"),
        Binding("enter", "open", "Open", show=False),
        Binding("space", "check_in", "Check in"),
        Binding("delete", "delete", "Delete"),
        Binding("slash", "search", "Search", key_display="/"),
        Binding("t", "told", "Told them"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.stats: dict[str, Any] = {}
        self._due_shown_at = 0
        """The width the Due lines were cut to."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="dash-top"):
            with Vertical(id="streak-panel", classes="panel"):
                yield Digits("0", id="streak-now")
                yield Static(id="streak-text")
            with Vertical(id="readiness-panel", classes="panel"):
                yield ReadinessMeter(gaps=3, parts=False, id="readiness")
            with Vertical(id="heatmap-panel", classes="panel"):
                yield Heatmap(id="heatmap")
        with Horizontal(id="dash-middle"):
            yield OptionList(id="due", classes="panel")
            yield OptionList(id="today", classes="panel")
        yield JournalTimeline(id="journal", classes="panel")
        yield CareerFooter()

    def on_mount(self) -> None:
        self.query_one("#streak-panel").border_title = "Journaling"
        self.query_one("#readiness-panel").border_title = "Review readiness"
        self.query_one("#heatmap-panel").border_title = "Active days · 26 weeks"
        self.query_one("#due").border_title = "Due"
        self.query_one("#today").border_title = "Today's key actions"
        self.query_one(JournalTimeline).border_title = "Journal"

    # -- loading -------------------------------------------------------------------------------
    async def load(self) -> None:
        today = self.today()
        journal = self.query_one(JournalTimeline)
        depth = min(max(PAGE, journal.row_count), RELOAD_LIMIT)
        read = await self._prefetched(today) if depth == PAGE else None
        if read is None:
            read = await self.fetch(read_dashboard, today, depth)
        self.show(read, today, depth)

    def show(self, read: Read, today: date, depth: int = PAGE) -> None:
        stats, entries = read
        self.stats = stats
        self.show_stats(stats, today)
        journal = self.query_one(JournalTimeline)
        journal.fit(self._journal_width())
        journal.show(entries, today, page=depth)
        journal.border_subtitle = "" if entries else "Nothing yet: n writes the first note"

    def show_ready_data(self) -> bool:
        """On the first arrival, show the read `careertui` started before it imported Textual if
        it is finished and still current, before the screen's first layout: the first frame then
        has the data. (A load's worker starts after that frame, and its data then cost a second
        layout and a full repaint, ~0.1–0.2 s more before the dashboard was complete.)"""
        future = self.career.ready_prefetch() if hasattr(self.career, "ready_prefetch") else None
        if future is None or future.exception() is not None:
            return False
        today = self.today()
        read = self._current(future.result(), today)
        if read is None:
            return False
        self._loaded_for = self.load_key()
        self.show(read, today)
        self.career.screen_loaded(self)
        return True

    async def _prefetched(self, today: date) -> Read | None:
        """The app's prefetched first read, if there is one and nothing was written since it
        began (else None: read again)."""
        future = self.career.take_prefetch() if hasattr(self.career, "take_prefetch") else None
        if future is None:
            return None
        try:
            result = await asyncio.wrap_future(future)
        except Exception:  # noqa: BLE001 - read again, and report what that read says
            return None
        return self._current(result, today)

    def _current(self, result: Prefetched, today: date) -> Read | None:
        """The prefetched read, unless the day changed or the file was written since it began."""
        day, signature, read = result
        if day != today or signature != file_signature(self.career.db_path, settled=False):
            return None
        return read

    def _journal_width(self) -> int:
        """The journal's width inside its border; before the screen's first layout, what that
        layout will give it (it spans the screen)."""
        journal = self.query_one(JournalTimeline)
        return (journal.size.width or self.app.size.width - 2) - 2

    def _due_width(self) -> int:
        """The width a Due line is cut to: the panel's inside less its scrollbar's column,
        whether the scrollbar shows or not (it comes and goes with the number of lines, and a
        width that followed it cut every line twice on the first showing). Before the screen's
        first layout, from what that layout will give the panel: half the screen, less its
        border."""
        due = self.query_one("#due", OptionList)
        return (due.size.width or self.app.size.width // 2 - 2) - 2

    def show_stats(self, stats: dict[str, Any], today: date) -> None:
        self.query_one("#streak-now", Digits).update(str(stats["streak"]["current"]))
        self.query_one("#streak-text", Static).update(streak_text(stats))
        self.query_one(ReadinessMeter).show(stats["readiness"])
        self.query_one(Heatmap).show(stats["heatmap"], today)
        self._show_due(stats)
        actions = stats["actions"]
        self._fill(
            self.query_one("#today", OptionList),
            [action_option(a, self._due_width()) for a in actions],
            "No key actions yet: add them on the Roadmap (2, c, a).",
        )
        due = len(stats["follow_ups_due"]) + len(stats["milestones_due"])
        due += len(stats.get("measure_due", ())) + len(stats.get("look_backs_due", ()))
        due += int(stats["security"]["due"])
        self.query_one("#due").border_title = f"Due · {due}" if due else "Due"
        tell = len(stats.get("tell_them", []))
        self.query_one("#due").border_subtitle = f"✉ tell {tell} · t told" if tell else ""
        met = sum(1 for a in actions if a["met_this_period"] >= a["target"])
        self.query_one("#today").border_title = (
            f"Today's key actions · {met}/{len(actions)} met" if actions else "Today's key actions"
        )

    def _show_due(self, stats: dict[str, Any]) -> None:
        self._due_shown_at = self._due_width()
        due_list = self.query_one("#due", OptionList)
        tell = tell_options(stats.get("tell_them", []), self._due_shown_at)
        self._fill(due_list, due_options(stats, self._due_shown_at) + tell, "Nothing due. ✓")

    @staticmethod
    def _fill(options: OptionList, items: list[Option], empty: str) -> None:
        highlighted = options.highlighted
        options.clear_options()
        if items:
            options.add_options(items)
            options.highlighted = min(highlighted or 0, len(items) - 1)
        else:
            options.add_option(
                Option(Content(empty).stylize("dim italic"), id="empty", disabled=True)
            )

    def on_resize(self) -> None:
        self.query_one(JournalTimeline).fit(self._journal_width())
        if self.stats and self._due_width() != self._due_shown_at:
            self._show_due(self.stats)

    @on(JournalTimeline.MoreWanted)
    async def _more(self, event: JournalTimeline.MoreWanted) -> None:
        try:
            rows = await self.fetch(lambda store: timeline(store, limit=PAGE, after=event.after))
        except Exception as exc:  # noqa: BLE001
            self.report(exc)
            return
        event.timeline.append(rows, page=PAGE, generation=event.generation)

    # -- keys ----------------------------------------------------------------------------------
    def _focused_id(self) -> str:
        return (self.focused.id or "") if self.focused is not None else ""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        focus = self._focused_id()
        if action == "check_in":
            return focus == "today"
        if action == "delete":
            return focus == "journal"
        if action == "told":
            option = self.query_one("#due", OptionList).highlighted_option
            return focus == "due" and option is not None and (option.id or "").startswith("tell-")
        return True

    def action_add_note(self) -> None:
        self.open_form("note")

    def action_search(self) -> None:
        self.app.action_command_palette()

    def action_open(self) -> None:
        focus = self._focused_id()
        if focus == "journal":
            picked = self.query_one(JournalTimeline).selected()
            if picked is not None:
                self.open_form(*picked)
        elif focus == "due":
            self._open_due()
        elif focus == "today":
            self.action_check_in()

    @on(JournalTimeline.RowSelected)
    def _entry_chosen(self, event: JournalTimeline.RowSelected) -> None:
        event.stop()
        self.action_open()

    @on(OptionList.OptionSelected)
    def _option_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    def _open_due(self) -> None:
        options = self.query_one("#due", OptionList)
        if options.highlighted is None:
            return
        key = options.get_option_at_index(options.highlighted).id or ""
        kind, _, ident = key.rpartition("-")
        if kind in ("interaction", "goal", "win"):
            self.open_form(kind, int(ident))
        elif kind == "contact":
            from careertui.screens.brief import then_ask_discussed

            values = {"contact_id": int(ident)}
            self.open_form("interaction", values=values, after=then_ask_discussed(self))
        elif kind == "security":
            self.open_form("security")
        elif kind == "lookback":
            from careertui.tui.opportunities import look_back_form

            due = self.stats.get("look_backs_due", [])
            item = next((i for i in due if i["goal_id"] == int(ident)), None)
            if item is not None:
                decision = {"choice": item["choice"], "date": item["decided"]}
                look_back_form(self, int(ident), str(item["title"]), decision)
        elif key.startswith("tell-"):
            from careertui.screens.brief import open_brief

            open_brief(self, int(key.split("-")[1]))

    def action_told(self) -> None:
        """t on a "Tell …" line of Due: they have heard of that win now."""
        from careertui.screens.brief import mark_told_from

        options = self.query_one("#due", OptionList)
        option = options.highlighted_option
        if option is not None and (option.id or "").startswith("tell-"):
            _, contact_id, win_id = (option.id or "").split("-")
            mark_told_from(self, int(contact_id), int(win_id))

    def action_delete(self) -> None:
        journal = self.query_one(JournalTimeline)
        picked = journal.selected()
        if picked is None:
            return
        kind, record_id = picked
        entry = next((e for e in journal.entries if (e["kind"], e["id"]) == picked), None)
        self.confirm_delete(kind, record_id, str(entry["title"] if entry else ""))

    def action_check_in(self) -> None:
        options = self.query_one("#today", OptionList)
        if options.highlighted is None:
            return
        key = options.get_option_at_index(options.highlighted).id or ""
        if not key.startswith("action-"):
            return
        action_id = int(key.removeprefix("action-"))
        action = next((a for a in self.stats.get("actions", []) if a["id"] == action_id), None)
        if action is not None:
            self._check_in(action)

    def _check_in(self, action: dict[str, Any]) -> None:
        self.run_worker(self._save_check_in(action), group="checkin")

    async def _save_check_in(self, action: dict[str, Any]) -> None:
        today = self.today()
        try:
            what = f"check-in of “{action['title']}”"
            await self.change(self.check_in_undoable, action["id"], today, False, what)
        except Exception as exc:  # noqa: BLE001
            self.report(exc)
            return
        self.notify(f"Checked in today: {action['title']}", markup=False)
        self.refresh_data()
