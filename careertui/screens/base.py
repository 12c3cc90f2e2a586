"""What every careertui screen shares: store calls off the UI thread, forms, deletes, errors.

Screens never build SQL: they pass a function of a `Store` to `fetch`/`change`, which runs it in a
worker thread on a Store opened for that call (a sqlite3 connection cannot cross threads).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from textual import events, work
from textual._context import NoActiveAppError
from textual.content import Content
from textual.css.query import NoMatches
from textual.geometry import Region, Size
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable
from textual.widgets._toast import ToastRack
from textual.worker import Worker, WorkerCancelled

from careertui.domain.records import KINDS
from careertui.store import Ambiguous, NotFound, Store, StoreError
from careertui.store.overview import file_signature
from careertui.widgets.footer import CareerFooter
from careertui.widgets.safe import compose

if TYPE_CHECKING:
    from careertui.app import CareerApp
    from careertui.widgets.form import EntryForm

T = TypeVar("T")

WARM_LAYOUTS = 3
"""Layouts a warming screen runs at most until one asks for no other (see CareerScreen.warm)."""
WARM_LINES = 6
"""Lines of a widget a warming screen renders in one go (see CareerScreen._render_widgets)."""

FORM_FIELDS: dict[str, tuple[str, ...]] = {
    "goal": ("title", "kind", "parent_id", "metric", "target", "current", "due", "status", "notes"),
    "action": ("title", "cadence", "goal_id", "active"),
    "checkin": ("date", "skip", "note"),
    "requirement": ("title", "status", "plan"),
    "responsibility": ("title", "active"),
    "win": (
        "title",
        "date",
        "impact",
        "responsibility_id",
        "goal_id",
        "tags",
        "shared_with",
        "notes",
    ),
    "contact": (
        "name",
        "org",
        "role",
        "circle",
        "influence",
        "knows_me",
        "follow_up_days",
        "notes",
    ),
    "interaction": (
        "contact_id",
        "date",
        "channel",
        "notes",
        "learned",
        "gave",
        "follow_up",
        "done",
    ),
    "perception": ("date", "behaviour", "language", "attitude", "q1", "q2", "q3", "q4", "notes"),
    "security": ("date", "skills", "performance", "network", "job_search", "finances", "notes"),
    "note": ("date", "text", "tags"),
    "review": ("week", "date", "focus", "notes"),
    "profile": tuple(f.name for f in KINDS["profile"].fields if f.name != "theme"),
}

REF_SOURCES: dict[str, str] = {
    "parent_id": "goal",
    "goal_id": "goal",
    "responsibility_id": "responsibility",
    "contact_id": "contact",
    "action_id": "action",
}


class ReadOnlyError(Exception):
    """The file failed its integrity check at start: the app refuses to write to it."""


def user_message(exc: BaseException) -> str | None:
    """The one-line message for an error the user can act on; None for a real bug."""
    from careertui.domain.dates import DateError
    from careertui.domain.records import ValidationError
    from careertui.domain.text import TextError

    if isinstance(exc, ValidationError):
        return exc.message
    if isinstance(exc, StoreError | DateError | TextError | ReadOnlyError):
        return str(exc)
    if isinstance(exc, NotFound | Ambiguous):
        return str(exc.args[0] if exc.args else exc)
    if isinstance(exc, OSError):
        return f"cannot access the file: {exc.strerror or exc}"
    return None


def _with_store(path: Path, write: bool, fn: Callable[..., T], args: tuple[Any, ...]) -> T:
    with Store(path, write=write) as store:
        return fn(store, *args)


def ref_options(store: Store, field: str, exclude_id: int | None = None) -> list[tuple[str, int]]:
    """(label, id) choices for a link field, e.g. the goals a milestone can belong to."""
    kind = REF_SOURCES[field]
    rows = store.rows(kind, newest_first=False)
    if field == "parent_id":
        rows = [r for r in rows if r["kind"] != "milestone" and r["id"] != exclude_id]
    title = KINDS[kind].title_field
    return [(str(r[title]), int(r["id"])) for r in rows]


class CareerScreen(Screen):
    """Base of the six area screens."""

    TITLE = "careertui"
    HELP = ""
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-medium"), (120, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (35, "-tall")]
    """Size classes the screens' TCSS styles: 80×24 is -narrow -short, 120×40 -wide -tall."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._resumed_for: object = None
        """The screen switch (CareerApp's `_switched_at`) this screen last arrived with while
        shown: a second ScreenResume for the same switch is Textual's duplicate."""
        self._loaded_for: tuple[object, ...] | None = None
        """What the data shown was read for (the day, the file's signature, the theme, the
        terminal's size): a visit with none of them changed reads nothing again."""
        try:
            app = self.app
        except NoActiveAppError:
            return  # made outside an app: Textual's defaults
        # A new screen has no styles to bring up to date: its widgets are styled as they mount.
        # Without this, its first showing refreshes the whole app's CSS twice (`_init_mode` and
        # `switch_mode` each see a screen that is not yet mounted).
        self._css_update_count = app._css_update_count
        # Its widgets are styled for the terminal's size classes from the start, rather than
        # styled, laid out and then all restyled when its first Resize brings the classes.
        self.add_class(*self.size_classes(app.size.width, app.size.height), update=False)

    @classmethod
    def size_classes(cls, width: int, height: int) -> list[str]:
        """The size classes of a screen `width` × `height` (what Textual gives on a Resize)."""
        return [
            next(name for edge, name in sorted(breakpoints, reverse=True) if size >= edge)
            for breakpoints, size in (
                (cls.HORIZONTAL_BREAKPOINTS, width),
                (cls.VERTICAL_BREAKPOINTS, height),
            )
        ]

    @property
    def career(self) -> CareerApp:
        return self.app  # type: ignore[return-value]

    def today(self) -> date:
        from careertui.clock import today

        return today()

    # -- store access --------------------------------------------------------------------------
    async def fetch(self, fn: Callable[..., T], *args: Any) -> T:
        """Run `fn(store, *args)` on a read-only Store in a thread."""
        return await asyncio.to_thread(_with_store, self.career.db_path, False, fn, args)

    async def change(self, fn: Callable[..., T], *args: Any) -> T:
        """Run `fn(store, *args)` on a writable Store in a thread (refused on a failing file)."""
        return await asyncio.to_thread(self._write, fn, args)

    def _write(self, fn: Callable[..., T], args: tuple[Any, ...]) -> T:
        refused = self.career.refusal()
        if refused:
            raise ReadOnlyError(refused)
        return _with_store(self.career.db_path, True, fn, args)

    def report(self, exc: BaseException) -> None:
        """Tell the user about a refused read or write; re-raise a real bug."""
        message = user_message(exc)
        if message is None:
            raise exc
        self.notify(message, severity="error", markup=False)

    def on_mount(self) -> None:
        """Mark the CSS this screen was just styled with as current. Textual marks a mode's new
        screen only if it is mounted when `refresh_css` runs, which it is not on its first
        visit, so its second visit re-parsed the whole stylesheet and restyled every widget of
        the app (~0.15–0.3 s per screen at 120×40). Its widgets got their styles as they
        mounted, from the stylesheet `switch_mode` had just loaded this screen's CSS into."""
        self._css_update_count = self.app._css_update_count

    def _screen_resized(self, size: Size) -> None:
        """Textual lays a screen out again at every Resize it gets (here), also one of the size
        it was just laid out at. A mode's screen gets two of those as it is first shown (one
        its own first layout sends it, one the app kept from the terminal's first report until
        it idled): each reflowed and repainted every widget, ~20–40 ms each on the dashboard,
        before its first frame was complete. A widget whose size changes after a layout asks
        for one itself, and so does a change of size classes; a new size goes to Textual."""
        if size != self._compositor.size:
            super()._screen_resized(size)

    def width_now(self) -> int:
        """The screen's width, also before its first layout (a first visit's load sizes its
        tables' columns before it: at width 0 they were all cut to their narrowest)."""
        return self.size.width or self.app.size.width

    def fit_columns(self) -> bool:
        """Size the screen's tables to its width; True when a column's width changed (its cells,
        cut to the old width, are then read and laid out again). Screens without such tables
        keep this one."""
        return False

    def on_resize(self) -> None:
        if self.fit_columns():
            self.refresh_data()

    # -- loading -------------------------------------------------------------------------------
    def load_key(self) -> tuple[object, ...] | None:
        """What the data on screen depends on besides the screen's own state (its filters and
        sort, which reload it when they change): the day, the database file (any commit, by
        this app or another process, changes its signature), the theme (colours are baked into
        cells) and the terminal's size. None when it cannot be told (the file was just
        written)."""
        signature = file_signature(self.career.db_path)
        if signature is None:
            return None
        return (self.today(), signature, self.app.theme, self.app.size)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Reload on arrival, unless nothing the data depends on changed since the last load.

        Textual calls each class's own handler in turn, a screen's before this one: a screen's
        `on_screen_resume` must not call this one again (it ran twice, and a second load
        cancelled the first).

        Runs before Textual's own `Screen._on_screen_resume` (handlers go down the MRO), which
        re-applies every style of every widget on each mode switch; that empties each
        DataTable's render caches, so all its visible cells are rendered again (~0.3 s for the
        Network screen). `switch_mode` has already refreshed the CSS if the theme or the
        stylesheet changed since this screen was last shown, so once the screen's CSS is
        current there is nothing for that pass to change."""
        switch = getattr(self.app, "_switched_at", None)
        if self._resumed_for == switch and self.is_current and self._compositor.size:
            # Textual resumes a mode's screen twice as it is first shown: the first arrival
            # has done all there is to do, and Textual's own handler would repaint it all.
            event.prevent_default()
            return
        self._resumed_for = switch if self.is_current else None
        if self.is_mounted and self._css_update_count == self.app._css_update_count:
            event.refresh_styles = False
        for footer in self.query(CareerFooter):
            footer.arrive()  # it highlights the current screen: a warmed one drew another
        if self.show_ready_data():
            return
        key = self.load_key()
        if key is not None and key == self._loaded_for:
            self._repaint()
        else:
            self.refresh_data()

    def on_screen_suspend(self) -> None:
        self._resumed_for = None  # back from a form or another screen: a new arrival

    def show_ready_data(self) -> bool:
        """Show data read for this screen before it was made, if there is some, as it first
        arrives (before its first layout); True if it did, and then nothing is read. Screens
        without such data keep this one."""
        return False

    def _repaint(self) -> None:
        """Repaint what is shown (nothing was read again). A repaint asked for while another
        widget holds a batch update (a recompose or a mount elsewhere) is dropped by Textual
        until something else on this screen changes, so wait for the batch to end. A screen
        switch holding repaints repaints as it ends (CareerApp.delay_update)."""
        if getattr(self.app, "held_switches", 0):
            return
        if getattr(self.app, "_batch_count", 0):
            self.set_timer(0.01, self._repaint)
        else:
            self.refresh()

    @work(exclusive=True, group="load")
    async def refresh_data(self) -> None:
        """Reload what the screen shows (in a worker); called on arrival and after a change.
        Always reads: the arrival check that skips it is in on_screen_resume."""
        key = self.load_key()  # before the read: a commit during it makes the next visit read
        self._loaded_for = None
        try:
            await self.load()
            self._loaded_for = key
        except NoMatches:
            if self.display:  # False once the screen is closing
                raise
            # closed (escape) while it was loading: its widgets are gone, nothing to show
        except Exception as exc:  # noqa: BLE001 - refused reads become a notification
            self.report(exc)
        loaded = getattr(self.app, "screen_loaded", None)
        if loaded is not None:  # also after a refused read: the app then checks the file
            loaded(self)

    async def load(self) -> None:
        """Fetch and show this screen's data. Subclasses override."""

    async def warm(self, size: Size) -> None:
        """Make the first visit only a repaint: while another screen is shown (the app's
        `warm_screens`), arrive off screen (the terminal's size and size classes, the arrival's
        focus and load) and render every widget once, so that their render caches hold what
        the visit will show.

        A Resize event is how Textual gives a screen its size classes and ScreenResume how it
        tells a screen it arrives; `_refresh_layout` and each widget's `render_lines` are what
        it runs to show a screen: off screen they only place and render the widgets, writing
        nothing to the terminal. Every step makes way for a screen switch (_still_off_screen)."""
        if not await self._still_off_screen():
            return  # visited while it was being built: its arrival loads it
        self._refresh_layout(size)
        if not await self._still_off_screen():
            return
        if not await self._settled(events.Resize(size, size), events.ScreenResume()):
            return
        while loads := self._loading():
            try:
                await loads[-1].wait()
            except WorkerCancelled:
                pass  # a later load replaced it (a refill at the new width): wait for that
            if self.is_current:
                return  # visited while it was loading: that visit shows it
        self._hide_toasts()
        for _round in range(WARM_LAYOUTS):
            # A table that got its rows gets its scrollbars at the next layout, and a list
            # measures its lines as it first renders them: either asks for one more layout
            # (which Textual runs only on screen: the visit laid out again and repainted).
            # Tables that changed size get a Resize, which empties their caches: render after
            # they have handled it.
            if not await self._still_off_screen():
                return
            self._layout_required = False
            self._refresh_layout(size)
            if not await self._settled():
                return
            if not self._layout_required and not await self._render_widgets():
                return
            if not await self._flushed():
                return
            if not self._layout_required:
                break

    async def _render_widgets(self) -> bool:
        """Render each widget the screen shows into its cache, as the compositor's full update
        does, but a few lines at a time, making way for a key in between: in one go it took
        50-200 ms at 100,000 entries (a table's first lines ~2-3 ms each), and a screen switch
        asked for meanwhile waited for it. False if the screen became the one shown."""
        for widget, (region, clip) in list(self._compositor.visible_widgets.items()):
            shown = region.intersection(clip).translate(-region.offset)
            for top in range(shown.y, shown.bottom, WARM_LINES):
                if not await self._still_off_screen():
                    return False
                widget.render_lines(
                    Region(shown.x, top, shown.width, min(WARM_LINES, shown.bottom - top))
                )
        return True

    def _hide_toasts(self) -> None:
        """Hide the screen's toast rack while no notification is up, as Textual does as it
        shows the screen (the rack starts shown: hiding it then asked for a layout)."""
        if not self.app._notifications:
            for rack in self.query(ToastRack):
                rack.display = False

    async def _still_off_screen(self) -> bool:
        """Wait for quiet (each step of the warming makes way for a screen switch made
        meanwhile, so that a switch waits for one step, not for a whole screen's warming);
        False if this screen became the one shown meanwhile."""
        await asyncio.sleep(0)  # a key read meanwhile is handled first
        wait_quiet = getattr(self.app, "wait_quiet", None)  # CareerApp's
        if wait_quiet is not None:
            await wait_quiet()
        return not self.is_current

    def _loading(self) -> list[Worker[Any]]:
        """This screen's loads still under way."""
        return [
            worker
            for worker in self.app.workers
            if worker.node is self and worker.group == "load" and not worker.is_finished
        ]

    async def _flushed(self) -> bool:
        """Have the widgets act on the refreshes asked of them (Textual does as each next
        idles: some hidden fields of the weekly review had not by the visit, which then laid
        out again); False if the screen became the one shown meanwhile."""
        pending = [
            widget
            for widget in self.walk_children(Widget)
            if widget._layout_required or widget._repaint_required
        ]
        for widget in pending:
            widget.check_idle()
        return await self._settled(pumps=pending)

    async def _settled(self, *messages: events.Event, pumps: Sequence[Widget] = ()) -> bool:
        """Post `messages` and wait until this screen and its tables have handled
        them and all they had queued, and then idled (a DataTable measures new rows when
        idle): a second round of callbacks runs only after the idle that followed the first.
        False if the screen became the one shown meanwhile (its visit then takes over)."""
        for message in messages:
            self.post_message(message)
        for _round in range(2):
            handled = []
            for pump in (self, *self.query(DataTable), *pumps):
                event = asyncio.Event()
                pump.call_later(event.set)
                handled.append(event.wait())
            await asyncio.gather(*handled)
        return not self.is_current

    # -- forms and deletes ---------------------------------------------------------------------
    def open_form(
        self,
        kind: str,
        record_id: int | None = None,
        *,
        values: Mapping[str, Any] | None = None,
        fields: Sequence[str] | None = None,
        title: str | Content | None = None,
        after: Callable[[Any], None] | None = None,
    ) -> None:
        """Add (no id) or edit a record in the EntryForm, then reload the screen."""
        self._open_form(kind, record_id, values, fields, title, after)

    @work(group="form")
    async def _open_form(
        self,
        kind: str,
        record_id: int | None,
        values: Mapping[str, Any] | None,
        fields: Sequence[str] | None,
        title: str | Content | None,
        after: Callable[[Any], None] | None,
    ) -> None:
        names = tuple(fields or FORM_FIELDS[kind])
        refs = [n for n in names if n in REF_SOURCES]

        def load(store: Store) -> tuple[dict[str, Any] | None, dict[str, Any], Any]:
            record = store.get(kind, record_id) if record_id is not None else None
            options = {n: ref_options(store, n, record_id) for n in refs}
            return record, options, self.form_context(store, kind)

        try:
            record, options, context = await self.fetch(load)
        except Exception as exc:  # noqa: BLE001
            self.report(exc)
            return
        if record_id is not None and record is None:
            self.notify(f"That {KINDS[kind].label.lower()} no longer exists.", severity="warning")
            return
        initial = dict(record or {})
        if record_id is None:
            for name in names:
                field = KINDS[kind].field(name)
                if field.type == "date" and field.required:
                    initial[name] = "today"
        initial.update(values or {})
        label = KINDS[kind].label
        heading = title or (
            compose(
                (f"Edit {label.lower()}: ", "bold"), str(initial.get(KINDS[kind].title_field, ""))
            )
            if record_id is not None
            else Content(f"New {label.lower()}").stylize("bold")
        )
        db_path, today = self.career.db_path, self.today()

        def save(cleaned: dict[str, Any]) -> int:
            refused = self.career.refusal()
            if refused:
                raise ReadOnlyError(refused)
            with Store(db_path) as store:
                if record_id is None:
                    return store.insert(kind, cleaned, today)
                store.update(kind, record_id, cleaned, today)
                return record_id

        form = self.make_form(
            context,
            kind,
            names,
            save,
            today=today,
            values=initial,
            title=heading,
            options=options,
            partial=record_id is not None,
        )

        def saved(result: Any) -> None:
            if result is None:
                return
            self.notify(f"Saved {label.lower()}.", markup=False)
            self.refresh_data()
            if after:
                after(result)

        # A callback, not push_screen_wait: no worker stays alive while the form is open.
        self.app.push_screen(form, callback=saved)

    def form_context(self, store: Store, kind: str) -> Any:
        """What a screen's own form for `kind` needs from the file besides the record (read in
        the same worker); see make_form."""
        return None

    def make_form(self, context: Any, *args: Any, **kwargs: Any) -> EntryForm:
        """The form open_form shows: the shared EntryForm unless a screen needs more beside
        it (the Self-check screen shows your last answers next to a new perception check)."""
        from careertui.widgets.form import EntryForm

        return EntryForm(*args, **kwargs)

    def confirm_delete(self, kind: str, record_id: int, title: str) -> None:
        """Ask, then delete (off the UI thread) and reload."""
        from careertui.widgets.confirm import ConfirmDialog

        label = KINDS[kind].label.lower()
        question = compose(
            (f"Delete this {label}?\n\n", "bold"),
            title,
            ("\n\nIts text is erased from the file; this cannot be undone.", "dim"),
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._delete(kind, record_id)

        self.app.push_screen(ConfirmDialog(question), callback=answered)

    @work(group="delete")
    async def _delete(self, kind: str, record_id: int) -> None:
        label = KINDS[kind].label.lower()
        try:
            await self.change(lambda store: store.delete(kind, record_id))
        except Exception as exc:  # noqa: BLE001
            self.report(exc)
            return
        self.notify(f"Deleted {label}.", markup=False)
        self.refresh_data()
