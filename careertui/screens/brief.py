"""A contact's brief (`b` on any contact): what `careertui brief NAME` prints, as one list.

Pushed over the screen it was opened from; `escape` goes back. The list holds the brief's
sections in their order; `t` on a win worth telling records that the contact has heard of it,
`a` adds an agenda item, `x` ticks the highlighted agenda item off (discussed today).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from careertui.domain.brief import KNOWS_ME, seen_line
from careertui.domain.text import one_line
from careertui.screens.base import CareerScreen
from careertui.widgets.footer import CareerFooter
from careertui.widgets.safe import compose, line

if TYPE_CHECKING:
    from careertui.store import Store


def _brief(store: Store, contact_id: int, today: date) -> dict[str, Any] | None:
    from careertui.store.brief import load_brief

    return load_brief(store, contact_id, today)


def _told(store: Store, contact_id: int, win_id: int, today: date) -> bool:
    from careertui.store.agenda import mark_told

    return mark_told(store, contact_id, win_id, today)


def _tick(store: Store, item_id: int, today: date) -> None:
    store.update("agenda", item_id, {"discussed_on": today}, today)


def _add_item(store: Store, contact_id: int, topic: str, today: date) -> int:
    from careertui.store.agenda import add_item

    return add_item(store, contact_id, topic, today)


def _heading(text: str, count: int | None = None) -> Option:
    shown = compose((text, "bold $accent"), (f"  {count}" if count else "", "dim"))
    return Option(shown, disabled=True)


def _empty(text: str) -> Option:
    return Option(Content(f"  {text}").stylize("dim italic"), disabled=True)


def brief_options(brief: dict[str, Any], width: int) -> list[Option | None]:
    """The brief's sections as options: headings and empty notes disabled, agenda items
    (`agenda-ID`) and wins worth telling (`win-ID`) selectable."""
    room = max(width - 30, 24)  # the list's inside less the date and channel before the text
    options: list[Option | None] = [_heading("Last interactions")]
    for i in brief["interactions"]:
        options.append(
            Option(
                compose(
                    ("  " + i["date"], "bold"), f"  {i['channel']}: ", one_line(i["notes"], room)
                )
            )
        )
        for key in ("learned", "gave"):
            if i.get(key):
                options.append(
                    Option(
                        compose((f"      {key}: ", "dim"), one_line(i[key], room)), disabled=True
                    )
                )
    if not brief["interactions"]:
        options.append(_empty("none yet: i on the contact's page logs one"))
    options += [None, _heading("Open follow-ups", len(brief["follow_ups"]))]
    options += [
        Option(compose(("  " + f["due"], "bold $warning"), "  ", one_line(f["notes"], room)))
        for f in brief["follow_ups"]
    ] or [_empty("none")]
    options += [None, _heading("Agenda: to raise next time", len(brief["agenda"]))]
    options += [
        Option(
            compose(
                (f"  {a['n']}. ", "bold"),
                one_line(a["topic"], room),
                (f"  added {a['added']}", "dim"),
            ),
            id=f"agenda-{a['id']}",
        )
        for a in brief["agenda"]
    ] or [_empty("nothing open: a adds an item")]
    options += [None, _heading("Wins they have heard of", len(brief["shared"]))]
    options += [
        Option(compose(("  " + w["date"], "dim"), "  ", one_line(w["title"], room)), disabled=True)
        for w in brief["shared"]
    ] or [_empty("none recorded")]
    options += [None, _heading("Wins they have not heard of, worth telling (t: told)")]
    for t in brief["to_tell"]:
        why = ", ".join(t["why"])
        options.append(
            Option(
                compose(
                    ("  " + t["date"], "dim"),
                    "  ",
                    (one_line(t["title"], room), "bold"),
                    ("\n      " + one_line(t["impact"], room), "$success") if t["impact"] else "",
                    (f"\n      why: {one_line(why, room)}", "dim") if why else "",
                ),
                id=f"win-{t['id']}",
            )
        )
    if not brief["to_tell"]:
        options.append(_empty("none in the review period"))
    options += [None, _heading("Mentioned in", len(brief["mentions"]))]
    options += [
        Option(
            compose(
                ("  " + m["date"], "dim"), (f"  {m['kind']:<11} ", "dim"), one_line(m["text"], room)
            ),
            disabled=True,
        )
        for m in brief["mentions"]
    ] or [_empty("no entry mentions them: write @Name in a note")]
    return options


def brief_summary(brief: dict[str, Any], shown: int = 3) -> Content:
    """The contact page's "Before you meet" panel: the open agenda, the best wins to tell,
    the latest entries that mention them, and how many wins they have heard of."""
    if not brief:
        return Content("")
    parts: list[Content] = [Content("Agenda").stylize("bold $accent")]
    parts += [
        compose((f" {a['n']}. ", "bold"), one_line(a["topic"], 60)) for a in brief["agenda"]
    ] or [Content(" nothing open (a adds)").stylize("dim")]
    parts.append(Content("Worth telling").stylize("bold $accent"))
    parts += [
        compose(" ", one_line(t["title"], 60), (f" · {one_line(t['impact'], 40)}", "$success"))
        if t["impact"]
        else compose(" ", one_line(t["title"], 60))
        for t in brief["to_tell"][:shown]
    ] or [Content(" no win of the review period they have not heard of").stylize("dim")]
    if brief["mentions"]:
        parts.append(Content("Mentioned in").stylize("bold $accent"))
        parts += [
            compose((f" {m['date']} ", "dim"), one_line(m["text"], 60))
            for m in brief["mentions"][:shown]
        ]
    parts.append(
        Content(
            f"Heard of {len(brief['shared'])} wins · mentioned in {len(brief['mentions'])} entries"
        ).stylize("dim")
    )
    return Content("\n").join(parts)


class BriefScreen(CareerScreen):
    """Everything to know before meeting one contact."""

    TITLE = "Brief"
    CSS_PATH = "brief.tcss"
    HELP = (
        "A contact's brief: who they are, when you last talked, what is open, what to raise "
        "and which wins to tell them. t records that they heard of the highlighted win, a adds "
        "an agenda item, x ticks the highlighted item off, escape goes back."
    )
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("t", "told", "Told them"),
        Binding("a", "add_item", "Agenda item"),
        Binding("x", "tick", "Discussed"),
    ]

    def __init__(self, contact_id: int) -> None:
        super().__init__()
        self.contact_id = contact_id
        self.brief: dict[str, Any] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="brief-who", classes="panel")
        yield OptionList(id="brief-list", classes="panel")
        yield CareerFooter()

    def on_mount(self) -> None:
        self.query_one("#brief-list").focus()

    async def load(self) -> None:
        brief = await self.fetch(_brief, self.contact_id, self.today())
        if brief is None:
            self.notify("That contact no longer exists.", severity="warning")
            self.dismiss()
            return
        self.brief = brief
        c = brief["contact"]
        self.sub_title = one_line(c["name"], 60)
        where = ", ".join(part for part in (c.get("role"), c.get("org")) if part)
        who = self.query_one("#brief-who", Static)
        who.border_title = line(c["name"], 60)
        who.update(
            compose(
                (where + "\n" if where else "", ""),
                (f"circle: {c['circle']} · " if c.get("circle") else "", "dim"),
                (c.get("influence") or "other", "bold $accent"),
                (f" · knows my work {KNOWS_ME[int(c.get('knows_me') or 0)]}\n", "dim"),
                seen_line(brief),
                ("\n" + one_line(c["notes"], 300), "italic") if c.get("notes") else "",
            )
        )
        options = self.query_one("#brief-list", OptionList)
        highlighted = options.highlighted_option.id if options.highlighted_option else None
        options.clear_options()
        options.add_options(brief_options(brief, self.width_now()))
        if highlighted:
            try:
                options.highlighted = options.get_option_index(highlighted)
            except Exception:  # noqa: BLE001 - the option went (told, ticked): keep the top
                pass

    def _chosen(self, prefix: str) -> int | None:
        option = self.query_one("#brief-list", OptionList).highlighted_option
        if option is None or not (option.id or "").startswith(prefix):
            return None
        return int((option.id or "").removeprefix(prefix))

    def action_back(self) -> None:
        self.dismiss()

    def action_told(self) -> None:
        win_id = self._chosen("win-")
        if win_id is None:
            self.notify("Highlight a win they have not heard of, then press t.", markup=False)
            return
        mark_told_from(self, self.contact_id, win_id)

    def action_tick(self) -> None:
        item_id = self._chosen("agenda-")
        if item_id is None:
            self.notify("Highlight an agenda item, then press x.", markup=False)
            return
        self._write_tick(item_id)

    @work(group="brief-write")
    async def _write_tick(self, item_id: int) -> None:
        try:
            await self.change(_tick, item_id, self.today())
        except Exception as exc:  # noqa: BLE001
            self.report(exc)
            return
        self.notify("Ticked off.", markup=False)
        self.refresh_data()

    def action_add_item(self) -> None:
        open_agenda_form(self, self.contact_id, str(self.brief.get("contact", {}).get("name", "")))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if (event.option.id or "").startswith("win-"):
            self.action_told()


def open_agenda_form(screen: CareerScreen, contact_id: int, name: str) -> None:
    """The form for a new agenda item of a contact; the screen reloads once it is saved."""
    from careertui.widgets.form import EntryForm

    today = screen.today()

    def save(cleaned: dict[str, Any]) -> int:
        return screen._write(_add_item, (contact_id, cleaned["topic"], today))

    def saved(result: Any) -> None:
        if result is not None:
            screen.notify("Added to the agenda.", markup=False)
            screen.refresh_data()

    form = EntryForm(
        "agenda",
        ["topic"],
        save,
        today=today,
        title=compose(("To raise with ", "bold"), name, (" next time", "bold")),
        partial=True,
    )
    screen.app.push_screen(form, callback=saved)


def _agenda_of(store: Store, interaction_id: int) -> tuple[str, list[dict[str, Any]]]:
    """The name of an interaction's contact and their open agenda items."""
    from careertui.store.agenda import open_items

    row = store.query_one(
        "SELECT c.id, c.name FROM interactions i JOIN contacts c ON c.id = i.contact_id "
        "WHERE i.id = ?",
        (interaction_id,),
    )
    return (str(row["name"]), open_items(store, int(row["id"]))) if row else ("", [])


async def ask_discussed(screen: CareerScreen, interaction_id: int) -> None:
    """Ask which of its contact's open agenda items a new interaction discussed (when there
    are any), and tick them off; the others carry over."""
    from careertui.store.agenda import tick_off
    from careertui.widgets.agenda import DiscussedDialog

    try:
        name, items = await screen.fetch(_agenda_of, interaction_id)
    except Exception as exc:  # noqa: BLE001
        screen.report(exc)
        return
    if not items:
        return

    def answered(ids: list[int] | None) -> None:
        if ids:
            screen.run_worker(tick(ids), group="discussed")

    async def tick(ids: list[int]) -> None:
        try:
            await screen.change(tick_off, ids, interaction_id)
        except Exception as exc:  # noqa: BLE001
            screen.report(exc)
            return
        left = len(items) - len(ids)
        screen.notify(f"Ticked off {len(ids)}; {left} carried over.", markup=False)
        screen.refresh_data()

    screen.app.push_screen(DiscussedDialog(name, items), callback=answered)


def mark_told_from(screen: CareerScreen, contact_id: int, win_id: int) -> None:
    """Record, from any screen, that a contact has heard of a win; the screen reloads."""

    async def write() -> None:
        try:
            await screen.change(_told, contact_id, win_id, screen.today())
        except Exception as exc:  # noqa: BLE001
            screen.report(exc)
            return
        screen.notify("Recorded: they have heard of it.", markup=False)
        screen.refresh_data()

    screen.run_worker(write(), group="told")


def then_ask_discussed(screen: CareerScreen) -> Callable[[Any], None]:
    """The `after` of an interaction form: once it is saved, ask what it discussed."""

    def after(interaction_id: Any) -> None:
        screen.run_worker(ask_discussed(screen, int(interaction_id)), group="discussed")

    return after


def open_brief(screen: Any, contact_id: int | None) -> None:
    """`b` on a contact anywhere: push its brief."""
    if contact_id is None:
        screen.notify("Highlight a contact first.", markup=False)
        return
    screen.app.push_screen(BriefScreen(contact_id))
