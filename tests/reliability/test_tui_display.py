"""Display safety in the TUI: user text is shown literally, never as markup or escapes.

A journal where every text field of every record kind (`domain.records.KINDS`) holds a hostile
payload: markup that crashes a parser (`[/]`, `[/`, an unquoted `[link=…]`), markup that runs an
action when clicked (`[ @click=app.quit]`, `[$accent @click=app.bell]`, `[@click=app.screenshot]`,
which `markup.escape` lets through) and terminal escapes (`ESC]0;` window title, `ESC]52;`
clipboard write, `ESC[2J`, the 8-bit CSI `\\x9b`). Each payload starts with `[/]~code~`, a code
naming its record and field, so a list cut to a dozen cells still shows which field it is.

Each view of the app is checked on what it would send to the terminal, the composited screen:
    * the payload is there as typed (`[/]~code~` visible; some panels checked whole);
    * no control character or bidi override is in any cell (Textual writes cell text byte for
      byte, so one there is one on the terminal);
    * no cell carries an `@click` action or a link from a payload (markup parsed, not shown);
    * clicking next to a payload in a panel runs nothing, and the app is still running.
`app.action_quit`, `bell`, `action_bell`, `action_screenshot`, `save_screenshot` and `open_url`
are replaced by recorders for the whole run: a payload that fired one is a failure.
"""

from __future__ import annotations

import asyncio
import fcntl
import os
import re
import select
import stat
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, cast

import pytest
from rich.cells import cell_len
from rich.segment import Segment
from textual._compositor import LayoutUpdate
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static, TextArea
from textual.widgets._toast import Toast

from careertui.app import CareerApp
from careertui.domain.records import KINDS
from careertui.domain.text import printable
from careertui.screens.base import CareerScreen
from careertui.screens.contact import ContactScreen
from careertui.screens.network import NetworkScreen
from careertui.store import Store
from careertui.store.reviews import iso_week
from careertui.widgets.confirm import ConfirmDialog
from careertui.widgets.form import EntryForm
from careertui.widgets.help import HelpScreen
from careertui.widgets.win_form import WinForm

ESCAPES = "\x1b]0;T-CTUI\x07\x1b]52;c;Q1RVSS1QV05FRA==\x07\x1b[2JCTUI-2J\x9bCTUI-9B\u202e"
"""Window title, clipboard write (base64 of "CTUI-PWNED"), clear screen, 8-bit CSI, a bidi
override; each followed by a marker Textual never writes, so the pseudo-terminal test can tell a
payload's sequence from Textual's own."""
PAYLOAD_ACTIONS = ("quit", "bell", "screenshot")
EVIL_URL = "https://evil.invalid"
UNSAFE_CHARACTER = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
CODE = re.compile(r"\[/\]~([a-z]{2}\d\d)~")
SIZE = (150, 50)
LEAD = "\x1b]0;T-CTUI\x07\x9bCTUI-9B\u202e"
"""Escapes right after the code too, so that lists, which cut text at 80 characters, get some."""


def payload(code: str) -> str:
    return (
        f"[/]~{code}~{LEAD}[ @click=app.quit]Q[/] [$accent @click=app.bell]B[/] "
        f"[@click=app.screenshot]S[/] [link={EVIL_URL}]L[/link] [bold]b [/ {ESCAPES}"
    )


def shown(code: str) -> str:
    """The payload as it must look on screen: every character as typed, controls replaced."""
    return printable(payload(code))


# -- the journal ---------------------------------------------------------------------------------
RECORDS = {
    # label: (kind, two-letter code prefix)
    "profile": ("profile", "pf"),
    "responsibility": ("responsibility", "rs"),
    "uncovered": ("responsibility", "ru"),
    "goal": ("goal", "gl"),
    "milestone": ("goal", "ms"),
    "action": ("action", "ac"),
    "checkin": ("checkin", "ck"),
    "requirement": ("requirement", "rq"),
    "contact": ("contact", "ct"),
    "lapsed": ("contact", "cu"),
    "interaction": ("interaction", "it"),
    "old_talk": ("interaction", "iu"),
    "win": ("win", "wn"),
    "perception": ("perception", "pc"),
    "security": ("security", "sc"),
    "note": ("note", "nt"),
    "review": ("review", "rv"),
    "last_review": ("review", "rl"),
    "odd_review": ("review", "ro"),
}
FIXED_TEXT = {("action", "cadence"), ("review", "week")}
"""Text fields with a grammar (a cadence, an ISO week): given valid values, except `odd_review`,
whose week is a payload."""


def text_fields(kind: str) -> list[str]:
    return [f.name for f in KINDS[kind].fields if f.type in ("text", "long", "tags")]


@dataclass
class Journal:
    path: Path
    ids: dict[str, int] = field(default_factory=dict)
    codes: dict[str, tuple[str, str]] = field(default_factory=dict)
    """code → (record label, field name)."""

    def code(self, label: str, name: str) -> str:
        kind, prefix = RECORDS[label]
        return f"{prefix}{KINDS[kind].field_names.index(name):02d}"

    def texts(self, label: str, **fixed: Any) -> dict[str, Any]:
        """A payload in every text field of the record (a field given in `fixed` keeps its
        value; codes inside it are registered by the caller)."""
        kind = RECORDS[label][0]
        values: dict[str, Any] = {}
        for name in text_fields(kind):
            if name in fixed or ((kind, name) in FIXED_TEXT and label != "odd_review"):
                continue
            code = self.code(label, name)
            self.codes[code] = (label, name)
            values[name] = payload(code)
        return {**values, **fixed}

    def fields_of(self, label: str) -> dict[str, str]:
        """field name → code, for the record's text fields that hold a payload."""
        return {name: code for code, (owner, name) in self.codes.items() if owner == label}


def seed(path: Path, today: date) -> Journal:
    """One record of every kind (two contacts, interactions and responsibilities, three
    reviews), every text field a payload, dated so that every panel has something to show:
    a follow-up and a lapsed stay-in-touch due, a milestone due in 5 days, a sponsor unseen for
    120 days, a responsibility without a win, this week's and last week's reviews."""
    journal = Journal(path)

    def day(offset: int) -> str:
        return (today + timedelta(days=offset)).isoformat()

    with Store(path) as store:
        ids = journal.ids

        def add(label: str, **fixed: Any) -> None:
            ids[label] = store.insert(RECORDS[label][0], journal.texts(label, **fixed), today)

        store.set_profile(
            journal.texts("profile", review_start=day(-200), review_date=day(60)), today
        )
        ids["profile"] = int(store.profile()["id"])
        add("responsibility")
        add("uncovered")
        add("goal", kind="goal", target=10, current=3, due=day(30))
        add("milestone", kind="milestone", parent_id=ids["goal"], due=day(5))
        add("action", goal_id=ids["goal"], cadence="daily")
        add("checkin", action_id=ids["action"], date=day(-1))
        add("requirement", status="gap")
        add("contact", influence="decision-maker", knows_me=2, follow_up_days=30)
        add("lapsed", influence="sponsor", knows_me=1, follow_up_days=7)
        shared = journal.code("win", "shared_with")
        journal.codes[shared] = ("win", "shared_with")
        add(
            "win",
            date=day(0),
            responsibility_id=ids["responsibility"],
            goal_id=ids["goal"],
            # names the contact, so the win is listed on the contact's page
            shared_with=f"{payload(shared)} with {payload(journal.code('contact', 'name'))}",
        )
        add(
            "interaction",
            contact_id=ids["contact"],
            date=day(0),
            channel="coffee",
            follow_up=day(-1),
        )
        add("old_talk", contact_id=ids["lapsed"], date=day(-120), channel="call")
        add("perception", date=day(-2), behaviour=4, language=2, attitude=3)
        add("security", date=day(-3), skills=4, performance=3, network=2, job_search=4, finances=5)
        add("note", date=day(0))
        add("review", week=iso_week(today), date=day(0))
        add("last_review", week=iso_week(today - timedelta(days=7)), date=day(-7))
        add("odd_review", date=day(-30))
    return journal


@pytest.fixture
def journal(tmp_path: Path, today: date, monkeypatch: pytest.MonkeyPatch) -> Journal:
    # The payload's "[@click=…]" would be refused at capture as an @mention of nobody; stored
    # text can hold it all the same (a file from before mentions, an edit in another program).
    # A context of its own: `monkeypatch.undo()` would also undo conftest's CAREERTUI_TODAY and
    # XDG folders, and the app would run on the wall clock (this week's wins in another week).
    with monkeypatch.context() as patch:
        patch.setattr("careertui.store.store.link_mentions", lambda *_a, **_k: None)
        return seed(tmp_path / "hostile.db", today)


# -- what reaches the terminal -------------------------------------------------------------------
def screen_rows(app: App[Any]) -> list[list[Segment]]:
    """The composited screen (the modal on top of the screens under it) as the driver gets it:
    one list of segments per row."""
    update = cast(
        LayoutUpdate,
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens),
    )
    return [[segment for strip in row for segment in strip] for row in update.strips]


def screen_lines(app: App[Any]) -> list[str]:
    return ["".join(segment.text for segment in row) for row in screen_rows(app)]


def unsafe_cells(app: App[Any]) -> list[str]:
    """Every cell that would put a control character on the terminal, or carries a payload's
    action or link (its markup was parsed instead of shown)."""
    found = []
    for y, row in enumerate(screen_rows(app)):
        for segment in row:
            if UNSAFE_CHARACTER.search(segment.text):
                found.append(f"row {y}: control character in {segment.text!r}")
            style = segment.style
            if style is None:
                continue
            if style.link and EVIL_URL in style.link:
                found.append(f"row {y}: link {style.link!r} on {segment.text!r}")
            click = str((style.meta or {}).get("@click", ""))
            if any(action in click for action in PAYLOAD_ACTIONS):
                found.append(f"row {y}: @click {click!r} on {segment.text!r}")
    return found


def codes_on_screen(app: App[Any]) -> set[str]:
    return set(CODE.findall("\n".join(screen_lines(app))))


def rendered(widget: Static) -> str:
    """A Static's whole text (not cut to its size), as the user reads it."""
    return str(widget.render())


class ActionSpy:
    """Replaces the actions a payload names (and the ways out of the app) with recorders."""

    def __init__(self, app: App[Any], monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[str] = []

        async def quit_called() -> None:
            self.calls.append("action_quit")

        monkeypatch.setattr(app, "action_quit", quit_called)
        for name in ("bell", "action_bell", "action_screenshot", "save_screenshot", "open_url"):
            monkeypatch.setattr(app, name, self._recorder(name))

    def _recorder(self, name: str) -> Any:
        def record(*_args: object, **_kwargs: object) -> None:
            self.calls.append(name)

        return record


async def settle(pilot: Pilot[Any]) -> None:
    for _ in range(2):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


@dataclass
class Tour:
    """Looks at each view of one app: payloads visible, nothing unsafe, nothing fired."""

    pilot: Pilot[Any]
    spy: ActionSpy
    seen: dict[str, set[str]] = field(default_factory=dict)

    @property
    def app(self) -> App[Any]:
        return self.pilot.app

    async def press(self, *keys: str) -> None:
        await self.pilot.press(*keys)
        await settle(self.pilot)

    async def look(
        self,
        view: str,
        expected: Iterable[str] = (),
        panels: dict[str, Iterable[str]] | None = None,
    ) -> None:
        """Check the view; `expected` codes must be on screen, `panels` maps a Static's selector
        to codes that must be in its whole text (a panel cut to its height hides the rest)."""
        await settle(self.pilot)
        codes = codes_on_screen(self.app)
        self.check(view)
        missing = set(expected) - codes
        screen = "\n".join(screen_lines(self.app))
        assert not missing, f"{view}: not shown literally: {sorted(missing)}\n{screen}"
        for selector, wanted in (panels or {}).items():
            text = rendered(self.app.screen.query_one(selector, Static))
            codes |= set(CODE.findall(text))
            assert set(wanted) <= codes, f"{view}: {selector} lacks {set(wanted) - codes}"
        self.seen[view] = codes

    def check(self, view: str) -> None:
        assert self.app.is_running and self.app.return_code is None, f"{view}: the app stopped"
        problems = unsafe_cells(self.app)
        assert not problems, f"{view}: {problems[:5]}"
        assert self.spy.calls == [], f"{view}: a payload ran {self.spy.calls}"

    async def help(self, view: str, numbers: Iterable[str] = ()) -> None:
        """The screen's help (`?`), looked at, then closed; `numbers`: codes its explanations
        must show as typed (visibility names the decision-makers and sponsors)."""
        await self.press("question_mark")
        assert isinstance(self.app.screen, HelpScreen), view
        await self.look(f"{view}: help", panels={"#help-numbers": numbers} if numbers else None)
        if numbers:
            text = rendered(self.app.screen.query_one("#help-numbers", Static))
            assert text == printable(text), f"{view}: help: a control character in {text!r}"
            assert text.count("[ @click=app.quit]Q[/]") >= len(set(numbers)), text
        await self.press("escape")

    async def visit(self, key: str, view: str, *args: Any, **kwargs: Any) -> None:
        """A key, then `look` at where it leads."""
        await self.press(key)
        await self.look(view, *args, **kwargs)

    async def delete_refused(self, view: str, code: str) -> None:
        """`delete` asks first: the question names the record literally; `n` keeps it."""
        await self.press("delete")
        assert isinstance(self.app.screen, ConfirmDialog), view
        await self.look(f"{view}: delete?", {code})
        await self.press("n")

    async def click_payloads(self, view: str, most: int = 3) -> None:
        """Click just after `~code~` and the lead (where a parsed `[ @click=…]` would start)."""
        clicked = 0
        for y, text in enumerate(screen_lines(self.app)):
            for match in re.finditer(r"~[a-z]{2}\d\d~", text):
                x = cell_len(text[: match.end()]) + cell_len(printable(LEAD))
                widget, _ = self.app.screen.get_widget_at(x, y)
                if not isinstance(widget, Static) or clicked >= most:
                    continue
                await self.pilot.click(offset=(x, y))
                await settle(self.pilot)
                clicked += 1
        self.check(f"{view} (clicked)")


# -- the tour ------------------------------------------------------------------------------------
async def test_every_screen_shows_every_payload_literally(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    c = journal.code
    app = CareerApp(journal.path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        tour = Tour(pilot, ActionSpy(app, monkeypatch))
        t = tour

        # 1 Dashboard: journal timeline, due items, today's key actions
        await t.look(
            "dashboard",
            {
                c("note", "text"),
                c("note", "tags"),
                c("win", "title"),
                c("win", "impact"),
                c("contact", "name"),
                c("lapsed", "name"),
                c("action", "title"),
                c("checkin", "note"),
                c("milestone", "title"),
            },
        )
        await t.click_payloads("dashboard")
        await t.delete_refused("dashboard", c("note", "text"))
        await t.help("dashboard", {c("contact", "name"), c("lapsed", "name")})

        # 2 Roadmap: the four tabs, a goal's and a milestone's details, the filter
        # the detail panel has a fixed height (5 lines): with payloads this long the goal's key
        # action is below its fold, so it is checked in the panel's whole text
        await t.visit(
            "2",
            "roadmap: goals",
            {
                c("goal", "title"),
                c("goal", "metric"),
                c("milestone", "title"),
                c("milestone", "metric"),
            },
            panels={"#goal-detail": {c("action", "title")}},
        )
        await t.visit("down", "roadmap: a milestone", {c("milestone", "notes")})
        await t.visit("up", "roadmap: a goal", panels={"#goal-detail": {c("goal", "notes")}})
        await t.click_payloads("roadmap: goals")
        await t.delete_refused("roadmap", c("goal", "title"))
        filter_box = app.screen.query_one("#roadmap-filter", Input)
        await t.press("slash")
        filter_box.value = "[/]~gl"
        await t.look("roadmap: goals filtered by markup", {c("goal", "title")})
        assert "filter: [/]~gl" in "\n".join(screen_lines(app))
        await t.press("escape")
        await t.press("p")
        profile = {c("profile", n) for n in text_fields("profile") if n != "theme"}
        await t.look("roadmap: space", profile)
        space = rendered(app.screen.query_one("#space-text", Static))
        for name in ("domain", "function", "problems", "activities", "capabilities", "gaps"):
            assert shown(c("profile", name)) in space
        brand = rendered(app.screen.query_one("#brand", Static))
        assert shown(c("profile", "brand_message")) in brand
        await t.click_payloads("roadmap: space", most=6)
        await t.visit("c", "roadmap: actions", {c("action", "title"), c("goal", "title")})
        await t.visit(
            "t",
            "roadmap: target role",
            {
                c("requirement", "title"),
                c("requirement", "plan"),
                c("profile", "target_role"),
            },
        )
        detail = rendered(app.screen.query_one("#requirement-detail", Static))
        assert f"~{c('requirement', 'title')}~" in detail  # cut to the width; the plan: table
        await t.click_payloads("roadmap: target role")
        await t.help("roadmap")

        # 3 Network: contacts (filtered too), who needs to know you, follow-ups, a contact page
        await t.visit(
            "3",
            "network: contacts",
            {
                c(who, name)
                for who in ("contact", "lapsed")
                for name in ("name", "org", "role", "circle")
            },
        )
        await t.press("slash")
        app.screen.query_one("#contacts-filter", Input).value = "[/]~c"
        await t.look("network: contacts filtered by markup")
        assert "matching “[/]~c”" in "\n".join(screen_lines(app))
        await t.press("escape")
        await t.visit(
            "w",
            "network: who needs to know you",
            {c(who, name) for who in ("contact", "lapsed") for name in ("name", "org", "role")},
        )
        await t.visit("f", "network: follow-ups", {c("contact", "name"), c("lapsed", "name")})
        await t.help("network")
        await t.press("c")
        await t.delete_refused("network", c("contact", "name"))
        await t.visit(
            "enter",
            "contact page",
            {
                c("contact", "name"),
                c("contact", "org"),
                c("contact", "notes"),
                c("interaction", "notes"),
                c("interaction", "learned"),
                c("interaction", "gave"),
                c("win", "title"),
                c("win", "impact"),
            },
            # three panels side by side since the brief: the details wrap past their height
            panels={"#contact-details": {c("contact", "circle"), c("contact", "role")}},
        )
        assert shown(c("contact", "notes")) in rendered(app.screen.query_one("#contact-notes"))
        await t.click_payloads("contact page", most=6)
        await t.help("contact page")
        await t.press("escape")

        # 4 Wins: the list, responsibilities (one picked as the filter), readiness gaps
        await t.visit(
            "4",
            "wins",
            {
                c("win", "title"),
                c("win", "impact"),
                c("win", "tags"),
                c("responsibility", "title"),
                c("uncovered", "title"),
            },
        )
        await t.click_payloads("wins")
        await t.delete_refused("wins", c("win", "title"))
        await t.press("e")
        assert isinstance(app.screen, EntryForm)
        await t.look(
            "wins: edit a win",
            {
                c("win", "title"),
                c("win", "notes"),
                c("responsibility", "title"),
                c("goal", "title"),
            },
        )
        await t.press("escape")
        await t.press("tab", "r")
        await t.look("wins: filtered by a responsibility", {c("responsibility", "title")})
        await t.press("escape")
        await t.help("wins")

        # 5 Self-check: both histories, the last answers, the perception form beside them
        await t.visit(
            "5",
            "self-check",
            {c("perception", q) for q in ("q1", "q2", "q3", "q4", "notes")}
            | {c("security", "notes")},
        )
        await t.click_payloads("self-check", most=5)
        await t.help("self-check")
        await t.press("e")
        assert isinstance(app.screen, EntryForm)
        await t.look(
            "self-check: the perception form",
            {c("perception", q) for q in ("q1", "q2", "q3", "q4")},
        )
        await t.press("escape")

        # 6 Weekly review: the five steps
        await t.visit(
            "6",
            "review: wins",
            {
                c("win", "title"),
                c("win", "impact"),
                c("last_review", "focus"),
            },
        )
        await t.help("review")
        await t.visit(
            "pagedown", "review: people", {c("contact", "name"), c("interaction", "notes")}
        )
        await t.visit("pagedown", "review: actions", {c("action", "title")})
        await t.visit("pagedown", "review: perception")
        await t.visit(
            "pagedown",
            "review: focus",
            {
                c("last_review", "focus"),
                c("last_review", "notes"),
                c("review", "notes"),
            },
        )
        assert app.screen.query_one("#priority-1", Input).value == shown(c("review", "focus"))
        assert shown(c("last_review", "notes")) in rendered(app.screen.query_one("#last-week"))
        await t.click_payloads("review: focus")

        # The palette: search hits of every searchable kind, shown as snippets
        await t.press("1")
        await t.press("ctrl+p")
        await pilot.press(*"click")
        await pilot.pause(0.5)
        await t.look(
            "palette: search",
            {
                c("note", "text"),
                c("win", "title"),
                c("contact", "name"),
                c("goal", "title"),
                c("interaction", "notes"),
            },
        )
        await t.press("escape")

        everything = set().union(*t.seen.values())
        only_in_forms = {code for code in journal.codes if code not in everything}
        assert only_in_forms == shown_only_in_forms(journal)


def shown_only_in_forms(journal: Journal) -> set[str]:
    """Fields no list or panel shows (the edit-form test shows each of them)."""
    c = journal.code
    return {
        c("profile", "theme"),  # a preference, never shown
        c("odd_review", "week"),
        c("odd_review", "focus"),
        c("odd_review", "notes"),
        c("old_talk", "learned"),
        c("old_talk", "gave"),  # on the lapsed contact's page
        c("lapsed", "notes"),  # on the lapsed contact's page
        c("review", "focus"),  # in the focus step's Input (its value is checked above)
        # a win's story and evidence: in its form (WinForm) only; the wins list counts evidence
        *(c("win", name) for name in ("situation", "action", "result", "evidence")),
    } | never_shown(journal)


def never_shown(journal: Journal) -> set[str]:
    """Fields read as data, never shown as text: a review's `looked_back` holds last week's
    items' tick states (`done: …`), which the Focus step reads as states of last week's items."""
    return {journal.code(label, "looked_back") for label in ("review", "last_review", "odd_review")}


# -- every form on a stored record, and toasts that name one --------------------------------------
def form_value(form: EntryForm, name: str) -> str:
    widget = form.query_one(f"#field-{name}")
    if isinstance(widget, TextArea):
        return widget.text
    assert isinstance(widget, Input), (name, widget)
    return widget.value


async def test_every_form_and_toast_shows_stored_text_literally(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    c = journal.code
    app = CareerApp(journal.path)
    with Store(journal.path, write=False) as store:
        stored = {
            label: store.get(kind, journal.ids[label]) for label, (kind, _) in RECORDS.items()
        }
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        t = Tour(pilot, ActionSpy(app, monkeypatch))
        await settle(pilot)
        in_forms: set[str] = set()
        for label, (kind, _) in RECORDS.items():
            screen = app.screen
            assert isinstance(screen, CareerScreen)
            screen.open_form(kind, journal.ids[label])
            await settle(pilot)
            form = app.screen
            assert isinstance(form, EntryForm), label
            record = stored[label]
            assert record is not None
            for name, code in journal.fields_of(label).items():
                if name == "evidence" and isinstance(form, WinForm):
                    listed = form.query_one("#evidence-list", OptionList)
                    prompts = [
                        str(listed.get_option_at_index(i).prompt)
                        for i in range(listed.option_count)
                    ]
                    assert printable(record[name]) in prompts, prompts
                    in_forms.add(code)
                    continue
                if name not in form.field_names:
                    continue
                want = printable(record[name])
                if KINDS[kind].field(name).type == "tags":
                    want = " ".join(want.split())
                assert form_value(form, name) == want, f"{label}.{name}"
                assert want.startswith(f"[/]~{code}~"), f"{label}.{name}"
                in_forms.add(code)
            title = KINDS[kind].title_field
            heading = {c(label, title)} if title in journal.fields_of(label) else set()
            await t.look(f"{label}: edit form", heading)
            await t.press("escape")
            assert not isinstance(app.screen, EntryForm), label
        assert (
            shown_only_in_forms(journal) - {c("profile", "theme")} - never_shown(journal)
            <= in_forms
        )

        # Toasts that name a record: a goal done and reopened, an action checked in twice
        await t.press("2")
        await t.press("g")
        await t.visit("d", "toast: goal done", {c("goal", "title")})
        await t.press("d")
        await t.press("c")
        await t.visit("space", "toast: checked in", {c("action", "title")})
        await t.press("1")
        app.screen.query_one("#today").focus()
        await t.visit("space", "toast: already checked in", {c("action", "title")})
        toasts = [str(toast.render()) for toast in app.screen.query(Toast)]
        assert sum(shown(c("action", "title")) in text for text in toasts) >= 1, toasts
        assert sum(shown(c("goal", "title")) in text for text in toasts) >= 1, toasts


# -- the real app in a pseudo-terminal ----------------------------------------------------------
CAREERTUI = Path(sys.executable).parent / "careertui"
ROWS, COLUMNS = 50, 150
ESC = b"\x1b"
PAGE_DOWN = b"\x1b[6~"
DOWN = b"\x1b[B"
FORBIDDEN = {
    "window title": b"\x1b]0;T-CTUI",
    "clipboard write": b"\x1b]52;c;Q1RVSS1QV05FRA",
    "clear screen": b"\x1b[2JCTUI-2J",
    "8-bit CSI": b"\x9bCTUI-9B",  # raw, or UTF-8 encoded (c2 9b)
    "bidi override": "\u202e".encode(),
}
"""A payload's sequences, as they would reach the terminal; Textual writes none of them."""
LEFT_SCREEN = b"\x1b[?1049l"
"""Textual leaves the alternate screen when it stops: what follows stays on the terminal."""


class Terminal:
    """A command in a pseudo-terminal of a fixed size; everything it writes is kept, raw."""

    def __init__(self, argv: list[str | Path], *, umask: int = 0o022) -> None:
        self.output = bytearray()
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor"}
        env.pop("TEXTUAL", None)
        self.process = subprocess.Popen(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
            umask=umask,
        )
        os.close(slave)

    def read(self, quiet: float = 0.3, most: float = 10.0) -> None:
        """Read until nothing came for `quiet` seconds (or `most` seconds in all)."""
        end = time.monotonic() + most
        while time.monotonic() < end:
            ready, _, _ = select.select([self.master], [], [], quiet)
            if not ready:
                return
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # EIO: the program closed the terminal
                return
            if not chunk:
                return
            self.output += chunk

    def wait_for(self, text: bytes, since: int = 0, most: float = 20.0) -> None:
        """Read until `text` is in what came after byte `since`."""
        end = time.monotonic() + most
        while text not in self.output[since:] and time.monotonic() < end:
            self.read(quiet=0.2, most=1.0)
        assert text in self.output[since:], f"never saw {text!r}: {bytes(self.output[-2000:])!r}"

    def press(self, key: bytes | str, until: str) -> None:
        """A key, then read until the screen it leads to shows `~until~`."""
        since = len(self.output)
        os.write(self.master, key.encode() if isinstance(key, str) else key)
        self.wait_for(f"~{until}~".encode(), since)

    def keys(self, *keys: bytes | str) -> None:
        for key in keys:
            os.write(self.master, key.encode() if isinstance(key, str) else key)
            # an ESC alone is told from the start of a sequence by a pause
            self.read(quiet=0.35 if key == ESC else 0.2)

    def finish(self, timeout: float = 20.0) -> int:
        end = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < end:
            self.read(quiet=0.2, most=1.0)
        self.read(quiet=0.1, most=1.0)
        os.close(self.master)
        if self.process.poll() is None:
            self.process.kill()
        return self.process.wait(timeout=5)

    def after_exit(self) -> str:
        """What the program left on the terminal after its screen closed, as text."""
        tail = bytes(self.output).rpartition(LEFT_SCREEN)[2].decode("utf-8", "replace")
        return " ".join(re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07", "", tail).split())


def test_real_terminal_gets_no_escape_from_a_payload(journal: Journal) -> None:
    """The installed command in a pty, every screen visited with keys: the raw output holds the
    payloads' markers (shown, controls replaced), never their escape sequences."""
    term = Terminal([CAREERTUI, "--db", journal.path])
    try:
        term.wait_for(b"~nt01~")  # the dashboard shows the note
        term.press("e", until="nt02")  # the note's form: tags
        term.keys(ESC)
        # Roadmap: goals, a milestone's details, space, actions, target role, help
        term.press("2", until="gl00")
        term.press(DOWN, until="ms08")
        term.press("p", until="pf10")
        term.press("c", until="ac00")
        term.press("t", until="rq02")
        term.press("g", until="gl00")
        term.keys("?", ESC)
        # Network: who needs to know you, follow-ups, contacts, a contact's page
        term.press("3", until="ct00")
        term.press("w", until="cu00")
        term.press("f", until="ct00")
        term.press("c", until="ct00")
        term.press("\r", until="ct07")
        term.keys(ESC)
        # Wins and a win's form, Self-check, the review's five steps, the palette's search
        term.press("4", until="wn01")
        term.press("e", until="wn07")
        term.keys(ESC)
        term.press("5", until="pc04")
        term.press("6", until="rl02")
        term.keys(PAGE_DOWN, PAGE_DOWN, PAGE_DOWN)
        term.press(PAGE_DOWN, until="rl03")  # the focus step: keys go to its Input now
        term.keys(b"\x10", *"clic")  # ctrl+p
        term.press("k", until="it03")
        term.keys(ESC, b"\x11")  # ctrl+q
    finally:
        code = term.finish()
    raw = bytes(term.output)
    assert code == 0, term.after_exit()[-2000:]
    leaked = {name: raw.count(seq) for name, seq in FORBIDDEN.items() if seq in raw}
    assert not leaked, f"raw terminal output holds a payload's escapes: {leaked}"
    # the payloads were on screen: markers after a replaced ESC, C1 and bidi override
    for marker in (b"\xef\xbf\xbd]0;T-CTUI", b"\xef\xbf\xbdCTUI-9B", b"\xef\xbf\xbd[2JCTUI-2J"):
        assert marker in raw, marker
    assert b"[ @click=app.quit]Q[/]" in raw


CRASH = """
import sys
from careertui.screens.dashboard import DashboardScreen

SECRET = sys.argv[2]


def add_note(self):
    secret = SECRET  # a local in the traceback, as note text would be
    raise RuntimeError(f"cannot show {secret}")

DashboardScreen.action_add_note = add_note
sys.argv = ["careertui", "--db", sys.argv[1]]
from careertui.cli import main
main()
"""
"""The real command with one fault: `n` on the dashboard raises with the note's text."""


def test_crash_prints_no_note_text_and_logs_privately(tmp_path: Path, today: date) -> None:
    secret = "SECRET-d41d8cd98f-boss-said"
    db = tmp_path / "crash.db"
    with Store(db) as store:
        store.insert("note", {"text": f"{secret} in the 1:1", "date": today.isoformat()}, today)
    log = Path(os.environ["XDG_STATE_HOME"]) / "careertui" / "crash.log"
    term = Terminal([sys.executable, "-c", CRASH, db, secret])
    try:
        term.wait_for(secret.encode())  # on screen in the journal
        term.keys("n")
    finally:
        code = term.finish()
    left = term.after_exit()
    assert code == 1, left[-2000:]
    assert secret not in left and "Traceback" not in left, left
    assert left == (
        f"careertui stopped on an internal error; what you saved is safe. Details: {log}"
    ), left
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert stat.S_IMODE(log.parent.stat().st_mode) == 0o700
    text = log.read_text()
    assert "RuntimeError" in text and secret in text  # the full traceback, privately


async def test_keys_faster_than_the_screens_neither_hang_nor_crash(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the pseudo-terminal test met: keys a terminal delivers in one read. `w f c` on the
    Network screen switched views back and forth for ever (100% CPU, no key handled; checked
    here exactly); `escape` on a contact's page still loading crashed the app in the pty (its
    widgets were gone) — a race that this run only gives a chance to happen."""
    views: list[str] = []
    watch_view = NetworkScreen.watch_view

    def counted(screen: NetworkScreen, view: str) -> None:
        views.append(view)
        watch_view(screen, view)

    monkeypatch.setattr(NetworkScreen, "watch_view", counted)
    fetch = CareerScreen.fetch

    async def slow_fetch(screen: CareerScreen, fn: Any, *args: Any) -> Any:
        result = await fetch(screen, fn, *args)
        await asyncio.sleep(0.3)
        return result

    monkeypatch.setattr(ContactScreen, "fetch", slow_fetch)
    app = CareerApp(journal.path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, NetworkScreen)
        await pilot.press("enter")
        await pilot.pause(0.1)
        assert isinstance(app.screen, ContactScreen)
        await pilot.press("question_mark")
        await pilot.pause(0.5)
        await pilot.press("escape")
        await pilot.pause(0.1)
        await pilot.press("escape")  # while the page reloads after the help
        await pilot.pause(1.0)
        assert app.is_running and app.return_code is None
        assert app.screen is screen

        for view in ("who", "follow", "contacts"):  # in one go, as from one read
            screen.action_view(view)
        await pilot.pause(0.5)
        switched = len(views)
        await pilot.pause(0.5)
        assert len(views) == switched <= 6, views
        assert screen.view == "contacts"
