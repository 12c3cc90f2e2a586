"""Network (`3`): contacts, who needs to know you, and the follow-ups due.

Three views in a ContentSwitcher: `c` the contacts table (sorted and filtered in SQL, a page at a
time), `w` the decision-makers and sponsors by days since you last talked plus the lapsed
stay-in-touch cadences, `f` the follow-ups due. `enter` opens a contact's page (ContactScreen).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import ContentSwitcher, DataTable, Header, Tab, Tabs

from careertui.screens.base import CareerScreen
from careertui.tui.follow_ups import FollowUpActions
from careertui.widgets.footer import CareerFooter
from careertui.widgets.network.common import follow_key
from careertui.widgets.network.contacts import COLUMNS, CONTACT_FIT, ContactsView, contact_cells
from careertui.widgets.network.follow import FOLLOW_COLUMNS, FOLLOW_FIT, FollowView
from careertui.widgets.network.tell import TELL_COLUMNS, TELL_FIT, TellPanel, parse_tell_key
from careertui.widgets.network.who import KEY_COLUMNS, KEY_FIT, WhoView
from careertui.widgets.paged import (
    FilterBox,
    Page,
    PagedTable,
    current_key,
    filter_open,
    fit_widths,
    tones,
)

if TYPE_CHECKING:
    from careertui.store import Store


# -- the queries this screen runs (each a function of a Store, run in a worker) ----------------
def _side_views(store: Store, today: date, text: str) -> dict[str, Any]:
    from careertui.store import network
    from careertui.store.brief import tell_them_list

    keep = network.keep_in_touch(store, today)
    return {
        "count": network.count_contacts(store, text),
        "total": network.count_contacts(store),
        "key": network.key_contacts(store, today),
        "due": network.follow_ups(store, today, keep),
        "keep": {item.contact_id: item for item in keep},
        "tell": tell_them_list(store, today),
    }


def _contacts(
    store: Store, today: date, text: str, sort: str, descending: bool, limit: int, offset: int
) -> list[dict[str, Any]]:
    from careertui.store import network

    return network.contacts_page(
        store, today, text=text, sort=sort, descending=descending, limit=limit, offset=offset
    )


VIEWS = ("contacts", "who", "follow")


class NetworkScreen(FollowUpActions, CareerScreen):
    """Contacts, who needs to know you, follow-ups."""

    TITLE = "Network"
    CSS_PATH = "network.tcss"
    HELP = (
        "Strategic relationships: who needs to know about you, and what you give and learn.\n"
        "Contacts: o cycles the sort column and O reverses it (or click a header); / "
        "filters as you type, escape clears. w: decision-makers and sponsors by days since "
        "you last talked; ⚠ marks those not seen in 90 days, which costs review readiness; "
        "Tell them pairs each with the best measured win they have not heard of (t: told); "
        "lapsed cadences, the most overdue against its own cadence first. "
        "f: follow-ups due, d done, z snooze 7 days. enter opens a contact's page."
    )
    BINDINGS = [
        Binding("c", "view('contacts')", "Contacts", show=False),
        Binding("w", "view('who')", "Who needs to know you", show=False),
        Binding("f", "view('follow')", "Follow-ups", show=False),
        Binding("a", "add", "Add contact"),
        Binding("e", "edit", "Edit"),
        Binding("delete", "delete", "Delete"),
        Binding("i", "interaction", "Log interaction"),
        Binding("slash", "filter", "Filter"),
        Binding("o", "sort", "Sort by next column", show=False),
        Binding("O", "reverse", "Reverse the sort", show=False),
        Binding("d", "done", "Done"),
        Binding("z", "snooze", "Snooze 7d"),
        Binding("b", "brief", "Brief"),
        Binding("t", "told", "Told them"),
        Binding("escape", "clear_filter", "Clear filter"),
    ]

    view: reactive[str] = reactive("contacts", bindings=True)
    sort_key: reactive[str] = reactive("name")
    descending: reactive[bool] = reactive(False)
    filter_text: reactive[str] = reactive("", bindings=True)

    def __init__(self) -> None:
        super().__init__()
        self._widths: dict[str, dict[str, int] | None] = {}
        """Fixed column widths per table (`fit_widths`), None where they size to content."""

    # -- building ------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        yield Tabs(
            Tab(Content.from_markup("Contacts [dim]c[/]"), id="tab-contacts"),
            Tab(Content.from_markup("Who needs to know you [dim]w[/]"), id="tab-who"),
            Tab(Content.from_markup("Follow-ups due [dim]f[/]"), id="tab-follow"),
            id="network-tabs",
        )
        with ContentSwitcher(initial="contacts", id="network-views"):
            yield ContactsView(id="contacts", classes="panel")
            yield WhoView(id="who")
            yield FollowView(id="follow", classes="panel")
        yield CareerFooter()

    def on_mount(self) -> None:
        self.query_one(Tabs).can_focus = False
        self.fit_columns()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if self.focused is None or not self.focused.display:
            self.main_table().focus()

    # -- views ---------------------------------------------------------------------------------
    def main_table(self) -> DataTable[Any]:
        ids = {"contacts": "#contacts-table", "who": "#key-table", "follow": "#follow-table"}
        return self.query_one(ids[self.view], DataTable)

    def watch_view(self, view: str) -> None:
        self.query_one(ContentSwitcher).current = view
        self.query_one(Tabs).active = f"tab-{view}"
        self.main_table().focus()

    @on(Tabs.TabActivated)
    def _tab_clicked(self, event: Tabs.TabActivated) -> None:
        # only the tab still active: keys read in one go (w f c) queue stale activations that
        # would otherwise set the view back and forth for ever
        if event.tab.id and event.tab.id == event.tabs.active:
            self.view = event.tab.id.removeprefix("tab-")

    def action_view(self, view: str) -> None:
        self.view = view

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        in_view = {
            "delete": ("contacts",),
            "filter": ("contacts",),
            "sort": ("contacts",),
            "reverse": ("contacts",),
            "done": ("follow",),
            "snooze": ("follow",),
            "told": ("who",),
        }
        if action in in_view:
            return self.view in in_view[action]
        if action == "clear_filter":
            return self.view == "contacts" and (filter_open(self) or bool(self.filter_text))
        return True

    # -- loading -------------------------------------------------------------------------------
    def fit_columns(self) -> bool:
        """Size the tables' columns to the screen's width; True when any changed."""
        room = self.width_now() - 5  # margins, border, scrollbar
        widths = {
            "contacts": fit_widths(room, CONTACT_FIT, drop=("circle",)),
            "key": fit_widths(room, KEY_FIT),
            "follow": fit_widths(room, FOLLOW_FIT),
            "tell": fit_widths(room, TELL_FIT),
        }
        if widths == self._widths:
            return False
        self._widths = widths
        self._set_contact_columns()
        self.query_one("#key-table", PagedTable).set_columns(KEY_COLUMNS, widths["key"])
        self.query_one("#follow-table", PagedTable).set_columns(FOLLOW_COLUMNS, widths["follow"])
        self.query_one("#tell-table", PagedTable).set_columns(TELL_COLUMNS, widths["tell"])
        return True

    async def load(self) -> None:
        today = self.today()
        text, sort, descending = self.filter_text, self.sort_key, self.descending
        table = self.query_one("#contacts-table", PagedTable)
        palette = tones(self.app)
        self.fit_columns()
        shown = self._widths.get("contacts")
        keep = [i for i, (_label, key) in enumerate(COLUMNS) if shown is None or key in shown]

        async def page(offset: int, limit: int) -> Page:
            rows = await self.fetch(_contacts, today, text, sort, descending, limit, offset)
            return [
                (str(r["id"]), [cells[i] for i in keep])
                for r in rows
                for cells in (contact_cells(r, today, palette),)
            ]

        await table.reload(page, keep=True)
        side = await self.fetch(_side_views, today, text)
        self.query_one(ContactsView).show_state(
            side["count"], side["total"], self.filter_text, self.sort_key, self.descending
        )
        who = self.query_one(WhoView)
        await who.show_key(side["key"], palette)
        await who.query_one(TellPanel).show(side["tell"], palette)
        items, keep = side["due"], side["keep"]
        self.follow_items = {follow_key(item): item for item in items}
        await self.query_one(FollowView).show(items, palette)
        await who.show_lapsed(
            [i for i in items if i.kind == "contact" and i.contact_id in keep], keep, palette
        )

    def _set_contact_columns(self) -> None:
        self.query_one(ContactsView).set_columns(
            self._widths.get("contacts"), self.sort_key, self.descending
        )

    # -- selection -----------------------------------------------------------------------------
    def _contact_id(self) -> int | None:
        """The contact of the highlighted row of the current view."""
        table = self.focused if isinstance(self.focused, DataTable) else self.main_table()
        key = current_key(table)
        if key is None:
            return None
        if table.id in ("follow-table", "lapsed-table"):
            return self.follow_items[key].contact_id
        if table.id == "tell-table":
            return parse_tell_key(key)[0]
        return int(key)

    @on(DataTable.RowSelected)
    def _open_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        contact_id = self._contact_id()
        if contact_id is not None:
            self.open_contact(contact_id)

    def action_brief(self) -> None:
        from careertui.screens.brief import open_brief

        open_brief(self, self._contact_id())

    def action_told(self) -> None:
        key = current_key(self.query_one("#tell-table", DataTable))
        if key is None or self.focused is None or self.focused.id != "tell-table":
            self.notify("Highlight a row of Tell them (tab), then press t.", markup=False)
            return
        from careertui.screens.brief import mark_told_from

        mark_told_from(self, *parse_tell_key(key))

    def open_contact(self, contact_id: int, interaction_id: int | None = None) -> None:
        from careertui.screens.contact import ContactScreen

        self.app.push_screen(ContactScreen(contact_id, edit_interaction=interaction_id))

    def open_record(self, kind: str, record_id: int) -> None:
        """Open a search hit: a contact's page, or an interaction's form over its contact's."""
        if kind == "contact":
            self.open_contact(record_id)
        elif kind == "interaction":
            self._open_interaction(record_id)

    @work(group="open")
    async def _open_interaction(self, interaction_id: int) -> None:
        try:
            row = await self.fetch(lambda store: store.get("interaction", interaction_id))
        except Exception as exc:  # noqa: BLE001
            self.report(exc)
            return
        if row is None:
            self.notify("That interaction no longer exists.", severity="warning")
            return
        self.open_contact(int(row["contact_id"]), interaction_id)

    # -- actions -------------------------------------------------------------------------------
    def action_add(self) -> None:
        self.open_form("contact")

    def action_edit(self) -> None:
        table = self.focused if isinstance(self.focused, DataTable) else self.main_table()
        key = current_key(table)
        if key is None:
            self.notify("Nothing to edit here.", severity="warning")
            return
        if table.id == "follow-table" and self.follow_items[key].interaction_id is not None:
            self.open_form("interaction", self.follow_items[key].interaction_id)
            return
        contact_id = self._contact_id()
        if contact_id is not None:
            self.open_form("contact", contact_id)

    def action_delete(self) -> None:
        table = self.query_one("#contacts-table", PagedTable)
        key = table.current_key()
        if key is None:
            return
        name = table.get_row(key)[0]
        self.confirm_delete("contact", int(key), getattr(name, "plain", str(name)))

    def action_interaction(self) -> None:
        contact_id = self._contact_id()
        if contact_id is None:
            self.notify("Pick a contact first (or add one with a).", severity="warning")
            return
        from careertui.screens.brief import then_ask_discussed

        self.open_form(
            "interaction",
            values={"contact_id": contact_id, "date": "today"},
            title=Content("Log an interaction").stylize("bold"),
            after=then_ask_discussed(self),  # which open agenda items it discussed
        )

    def action_sort(self) -> None:
        keys = [key for _label, key in COLUMNS]
        self._sort_by(keys[(keys.index(self.sort_key) + 1) % len(keys)], descending=False)

    def action_reverse(self) -> None:
        self._sort_by(self.sort_key, descending=not self.descending)

    @on(DataTable.HeaderSelected, "#contacts-table")
    def _header_clicked(self, event: DataTable.HeaderSelected) -> None:
        key = str(event.column_key.value)
        self._sort_by(key, descending=not self.descending if key == self.sort_key else False)

    def _sort_by(self, key: str, *, descending: bool) -> None:
        self.sort_key, self.descending = key, descending
        self._set_contact_columns()
        self.refresh_data()

    # -- filtering -----------------------------------------------------------------------------
    def action_filter(self) -> None:
        self.query_one("#contacts-filter", FilterBox).open()
        self.refresh_bindings()

    @on(FilterBox.Applied, "#contacts-filter")
    def _filter_applied(self, event: FilterBox.Applied) -> None:
        if event.text != self.filter_text:
            self.filter_text = event.text
            self.query_one("#contacts-table", PagedTable).clear()
            self.refresh_data()

    def action_clear_filter(self) -> None:
        self.query_one("#contacts-filter", FilterBox).close()
        if self.filter_text:
            self.filter_text = ""
            self.refresh_data()
        self.refresh_bindings()
